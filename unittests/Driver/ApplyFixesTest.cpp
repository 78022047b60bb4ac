//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Driver/ApplyFixes.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace llvm;

namespace licit {
namespace {

class ApplyFixesTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(sys::fs::createUniqueDirectory("licit-fix", Dir));
    Path = (Dir + "/app.py").str();
  }
  void TearDown() override { sys::fs::remove_directories(Dir); }

  void writeDisk(StringRef Text) {
    std::error_code EC;
    raw_fd_ostream OS(Path, EC);
    ASSERT_FALSE(EC);
    OS << Text;
  }

  std::string readDisk() {
    return (*MemoryBuffer::getFile(Path))->getBuffer().str();
  }

  /// A finding in the file as licit read it (\p Read), whose fix replaces
  /// its first byte.
  FixSummary fixAsRead(StringRef Read) {
    FileID ID = Files.add(Path, Path).first;
    Files.get(ID).setContents(MemoryBuffer::getMemBufferCopy(Read, Path));
    Diag.Range = {ID, 0, 1};
    Diag.Fixes.push_back({"fix", {Edit{{ID, 0, 1}, "Y"}}, Applicability::Safe});
    std::vector<Diagnostic> Diags{Diag};
    FixSummary S =
        applyFixes(Diags, Files, TrustBoundary::unrestricted(), false);
    Diag = Diags.front();
    return S;
  }

  SmallString<128> Dir;
  std::string Path;
  SourceFiles Files;
  Diagnostic Diag;
};

TEST_F(ApplyFixesTest, WritesWhatWasRead) {
  writeDisk("x = 1\n");
  FixSummary S = fixAsRead("x = 1\n");
  EXPECT_TRUE(S.Failures.empty());
  EXPECT_EQ(S.Applied, 1u);
  EXPECT_TRUE(Diag.isFixed());
  EXPECT_EQ(readDisk(), "Y = 1\n");
}

TEST_F(ApplyFixesTest, LeavesAFileChangedSinceItWasRead) {
  writeDisk("z = 2\n"); // Someone edited it after licit read it.
  FixSummary S = fixAsRead("x = 1\n");
  ASSERT_EQ(S.Failures.size(), 1u);
  EXPECT_NE(S.Failures[0].find("changed since licit read it; not fixed"),
            std::string::npos);
  EXPECT_FALSE(Diag.isFixed());
  EXPECT_EQ(readDisk(), "z = 2\n");
}

/// Findings in a JSON file as licit read it, each fixed by one edit.
class ApplyFixesJsonTest : public ApplyFixesTest {
protected:
  FileID read(StringRef Text) {
    Path = (Dir + "/config.json").str();
    writeDisk(Text);
    FileID ID = Files.add(Path, Path).first;
    SourceFile &F = Files.get(ID);
    F.setContents(MemoryBuffer::getMemBufferCopy(Text, Path));
    F.Size = Text.size();
    F.Kinds = FileKind::Json;
    return ID;
  }
  Diagnostic finding(FileID ID, unsigned Begin, unsigned End, StringRef To,
                     StringRef Title) {
    Diagnostic D;
    D.Rule = RuleID::PolicyUnknownKey;
    D.Range = {ID, Begin, End};
    D.Fixes.push_back(
        {Title.str(), {Edit{{ID, Begin, End}, To.str()}}, Applicability::Safe});
    return D;
  }
};

TEST_F(ApplyFixesJsonTest, DropsAFixThatWouldBreakTheFile) {
  FileID ID = read("{\"a\": 1}\n");
  std::vector<Diagnostic> Diags{finding(ID, 6, 7, "2", "two"),
                                finding(ID, 7, 8, "", "unclose")};
  FixSummary S = applyFixes(Diags, Files, TrustBoundary::unrestricted(), false);
  EXPECT_EQ(S.Applied, 1u);
  EXPECT_TRUE(Diags[0].isFixed());
  EXPECT_FALSE(Diags[1].isFixed());
  ASSERT_EQ(S.Problems.size(), 1u);
  EXPECT_EQ(S.Problems[0].first, (SourceRange{ID, 7, 8}));
  EXPECT_NE(S.Problems[0].second.find(
                "fix 'unclose' [policy-unknown-key] was not applied: the file "
                "would no longer parse"),
            std::string::npos)
      << S.Problems[0].second;
  EXPECT_EQ(readDisk(), "{\"a\": 2}\n");
}

TEST_F(ApplyFixesJsonTest, FixesAFileThatDidNotParseBefore) {
  // Already broken: the check has nothing to protect.
  FileID ID = read("{\"a\": 1\n");
  std::vector<Diagnostic> Diags{finding(ID, 6, 7, "2", "two")};
  FixSummary S = applyFixes(Diags, Files, TrustBoundary::unrestricted(), false);
  EXPECT_EQ(S.Applied, 1u);
  EXPECT_TRUE(S.Problems.empty());
  EXPECT_EQ(readDisk(), "{\"a\": 2\n");
}

TEST_F(ApplyFixesJsonTest, RejectsOverlappingFixesAndAppliesSharedOnesOnce) {
  FileID ID = read("{\"abc\": 1}\n");
  std::vector<Diagnostic> Diags{finding(ID, 2, 4, "xy", "first"),
                                finding(ID, 2, 4, "xy", "same edits"),
                                finding(ID, 3, 5, "zz", "overlapping")};
  FixSummary S = applyFixes(Diags, Files, TrustBoundary::unrestricted(), false);
  EXPECT_EQ(S.Applied, 2u);
  EXPECT_TRUE(Diags[0].isFixed());
  EXPECT_TRUE(Diags[1].isFixed());
  EXPECT_FALSE(Diags[2].isFixed());
  ASSERT_EQ(S.Problems.size(), 1u);
  EXPECT_EQ(S.Problems[0].second,
            "fix 'overlapping' [policy-unknown-key] was not applied: it "
            "overlaps fix 'first' [policy-unknown-key]; run --fix again");
  EXPECT_EQ(readDisk(), "{\"xyc\": 1}\n");
}

} // namespace
} // namespace licit
