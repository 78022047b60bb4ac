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

} // namespace
} // namespace licit
