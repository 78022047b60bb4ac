//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Deps/Advisories.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "gtest/gtest.h"

using namespace llvm;

namespace licit {
namespace {

/// A record of \p ID affecting \p Package of \p Eco with \p Affected
/// (the JSON of one "affected" entry after "package").
std::string record(StringRef ID, StringRef Eco, StringRef Package,
                   StringRef Affected, StringRef Extra = "") {
  return ("{\"id\": \"" + ID + "\", \"summary\": \"" + ID +
          " summary\", \"aliases\": [\"CVE-0000-" + ID.take_back(4) + "\"]" +
          Extra + ", \"affected\": [{\"package\": {\"ecosystem\": \"" + Eco +
          "\", \"name\": \"" + Package + "\"}, " + Affected + "}]}")
      .str();
}

class AdvisoriesTest : public ::testing::Test {
protected:
  AdvisoriesTest() : FS(new vfs::InMemoryFileSystem) {
    add("GHSA-0001", record("GHSA-0001", "PyPI", "Torch",
                            "\"ranges\": [{\"type\": \"ECOSYSTEM\", "
                            "\"events\": [{\"fixed\": \"2.6.0\"}, "
                            "{\"introduced\": \"0\"}]}]"));
    add("GHSA-0002", record("GHSA-0002", "PyPI", "torch",
                            "\"ranges\": [{\"type\": \"ECOSYSTEM\", "
                            "\"events\": [{\"introduced\": \"2.0\"}, "
                            "{\"last_affected\": \"2.4.1\"}]}]"));
    add("GHSA-0003", record("GHSA-0003", "PyPI", "transformers",
                            "\"versions\": [\"4.30.0\", \"4.31.0\"]"));
    add("GHSA-0004", record("GHSA-0004", "npm", "left-pad",
                            "\"ranges\": [{\"type\": \"SEMVER\", \"events\": "
                            "[{\"introduced\": \"1.0.0\"}, {\"fixed\": "
                            "\"1.3.1\"}, {\"introduced\": \"2.0.0-rc.1\"}, "
                            "{\"fixed\": \"2.0.1\"}]}]"));
    add("GHSA-0005", record("GHSA-0005", "PyPI", "torch",
                            "\"ranges\": [{\"type\": \"ECOSYSTEM\", "
                            "\"events\": [{\"introduced\": \"0\"}]}]",
                            ", \"withdrawn\": \"2024-01-01T00:00:00Z\""));
    add("GHSA-0006",
        record("GHSA-0006", "PyPI", "unrelated", "\"versions\": [\"1.0\"]"));
    add("GHSA-0007",
        record("GHSA-0007", "Debian:12", "torch", "\"versions\": [\"2.4.0\"]"));
    add("nested/GHSA-0008", record("GHSA-0008", "crates.io", "tokio",
                                   "\"ranges\": [{\"type\": \"SEMVER\", "
                                   "\"events\": [{\"introduced\": \"1.0.0\"}, "
                                   "{\"limit\": \"1.38.0\"}]}]"));
    // A hostile record: events whose versions do not read, among others.
    add("GHSA-0009",
        record("GHSA-0009", "PyPI", "torch",
               "\"ranges\": [{\"type\": \"ECOSYSTEM\", "
               "\"events\": [{\"introduced\": \"nightly\"}, "
               "{\"fixed\": \"3.0\"}, {\"introduced\": \"2.9\"}, "
               "{\"fixed\": \"x.y\"}, {\"fixed\": \"latest\"}]}]"));
    FS->addFile("/osv/broken.json", 0, MemoryBuffer::getMemBuffer("{\"id\":"));
    FS->addFile("/osv/notes.txt", 0, MemoryBuffer::getMemBuffer("not json"));
  }
  void add(StringRef Name, StringRef Json) {
    FS->addFile("/osv/" + Name + ".json", 0,
                MemoryBuffer::getMemBufferCopy(Json));
  }
  AdvisoryDb load() {
    StringSet<> Wanted = {"PyPI:torch", "PyPI:transformers", "npm:left-pad",
                          "crates.io:tokio"};
    return AdvisoryDb::load(*FS, "/osv", Wanted, Files, Problems);
  }
  /// "ID>first-fixed" of each advisory affecting \p Version.
  std::string affecting(const AdvisoryDb &Db, Ecosystem Eco, StringRef Name,
                        StringRef Version) {
    std::string Out;
    for (const AdvisoryMatch &M : Db.affecting(Eco, Name, Version))
      Out += (Out.empty() ? "" : " ") + M.Record->ID + ">" + M.FirstFixed;
    return Out;
  }

  IntrusiveRefCntPtr<vfs::InMemoryFileSystem> FS;
  SourceFiles Files;
  std::vector<AdvisoryDb::Problem> Problems;
};

TEST_F(AdvisoriesTest, ReadsOnlyWhatTheProjectUses) {
  AdvisoryDb Db = load();
  // Withdrawn, other packages and other ecosystems are not kept.
  EXPECT_EQ(Db.size(), 6u);
  ASSERT_EQ(Problems.size(), 1u);
  EXPECT_EQ(Problems[0].Path, "/osv/broken.json");
  EXPECT_TRUE(
      StringRef(Problems[0].Message).startswith("not an OSV advisory record: "))
      << Problems[0].Message;
}

TEST_F(AdvisoriesTest, RangesAndVersions) {
  AdvisoryDb Db = load();
  EXPECT_EQ(affecting(Db, Ecosystem::PyPI, "torch", "2.4.0"),
            "GHSA-0001>2.6.0 GHSA-0002>");
  EXPECT_EQ(affecting(Db, Ecosystem::PyPI, "torch", "2.4.1+cu121"),
            "GHSA-0001>2.6.0");
  EXPECT_EQ(affecting(Db, Ecosystem::PyPI, "torch", "1.13.1"),
            "GHSA-0001>2.6.0");
  EXPECT_EQ(affecting(Db, Ecosystem::PyPI, "torch", "2.6.0"), "");
  // Unreadable events are left out; the readable ones still apply.
  EXPECT_EQ(affecting(Db, Ecosystem::PyPI, "torch", "2.9.1"), "GHSA-0009>3.0");
  EXPECT_EQ(affecting(Db, Ecosystem::PyPI, "torch", "2.6.0rc1"),
            "GHSA-0001>2.6.0");
  EXPECT_EQ(affecting(Db, Ecosystem::PyPI, "transformers", "4.31"),
            "GHSA-0003>");
  EXPECT_EQ(affecting(Db, Ecosystem::PyPI, "transformers", "4.32.0"), "");
  EXPECT_EQ(affecting(Db, Ecosystem::Npm, "left-pad", "1.2.0"),
            "GHSA-0004>1.3.1");
  EXPECT_EQ(affecting(Db, Ecosystem::Npm, "left-pad", "1.3.1"), "");
  EXPECT_EQ(affecting(Db, Ecosystem::Npm, "left-pad", "2.0.0"),
            "GHSA-0004>2.0.1");
  EXPECT_EQ(affecting(Db, Ecosystem::Npm, "left-pad", "2.0.0-beta"), "");
  EXPECT_EQ(affecting(Db, Ecosystem::Crates, "tokio", "1.37.9"), "GHSA-0008>");
  EXPECT_EQ(affecting(Db, Ecosystem::Crates, "tokio", "1.38.0"), "");
  // A version licit cannot read matches nothing.
  EXPECT_EQ(affecting(Db, Ecosystem::PyPI, "torch", "nightly"), "");
}

TEST_F(AdvisoriesTest, RecordsAreLocated) {
  AdvisoryDb Db = load();
  std::vector<AdvisoryMatch> M =
      Db.affecting(Ecosystem::PyPI, "transformers", "4.30.0");
  ASSERT_EQ(M.size(), 1u);
  const OsvRecord &R = *M[0].Record;
  EXPECT_EQ(R.Summary, "GHSA-0003 summary");
  EXPECT_EQ(R.Aliases, std::vector<std::string>{"CVE-0000-0003"});
  const SourceFile &F = Files.get(R.At.File);
  EXPECT_EQ(F.Path, "/osv/GHSA-0003.json");
  EXPECT_EQ(F.text().slice(R.At.Begin, R.At.End), "\"GHSA-0003\"");
}

} // namespace
} // namespace licit
