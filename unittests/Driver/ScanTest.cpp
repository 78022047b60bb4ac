//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Driver/Scan.h"
#include "gtest/gtest.h"

using namespace llvm;

namespace licit {
namespace {

class ScanTest : public ::testing::Test {
protected:
  ScanTest()
      : KB(KnowledgeBase::loadBuiltin()),
        WS(*KB, TrustBoundary::forInputs(*FS, {"/w/app.py"}, "", {}), FS) {
    FS->addFile("/w/.licit.toml", 0,
                MemoryBuffer::getMemBuffer(
                    "[rules]\n"
                    "licence-mau-capp = \"error\"\n"
                    "[[exceptions]]\n"
                    "models = \"CohereForAI/*\"\n"
                    "rules = \"licence-non-commercial\"\n"
                    "reason = \"research prototype; LEGAL-7\"\n"));
  }

  /// Checks \p Code as if it were /w/app.py, as an editor would on a
  /// change. \returns the rule ids reported, in order.
  std::vector<std::string> check(StringRef Code) {
    ScanOptions Options;
    Options.StdinPath = "/w/app.py";
    Options.StdinBuffer = MemoryBuffer::getMemBufferCopy(Code, "/w/app.py");
    Options.Passes = cantFail(GlobList::parse("*"));
    Options.Pipeline.Threads = 1;
    Scan S(WS, std::move(Options));
    EXPECT_THAT_ERROR_SUCCEEDED(S.run());
    std::vector<std::string> Rules;
    for (const Diagnostic &D : S.diagnostics())
      Rules.push_back(getRuleInfo(D.Rule).Name.str());
    return Rules;
  }

  static void EXPECT_THAT_ERROR_SUCCEEDED(Error E) {
    EXPECT_FALSE(static_cast<bool>(E)) << toString(std::move(E));
  }

  IntrusiveRefCntPtr<vfs::InMemoryFileSystem> FS{new vfs::InMemoryFileSystem()};
  std::unique_ptr<KnowledgeBase> KB;
  Workspace WS;
};

// The policy store outlives a run: the second run on the same workspace
// reports the policy's problem again, counts exception use afresh, and
// sees the buffer's new contents.
TEST_F(ScanTest, RunsShareTheStoreButNotTheirFindings) {
  std::vector<std::string> First = check(
      "m = AutoModel.from_pretrained(\"CohereForAI/c4ai-command-r-plus\")\n");
  EXPECT_EQ(First, (std::vector<std::string>{"policy-unknown-rule"}));
  std::vector<std::string> Second = check("m = 1\n");
  EXPECT_EQ(Second, (std::vector<std::string>{"policy-unknown-rule",
                                              "policy-unused-exception"}));
  std::vector<std::string> Third = check(
      "m = AutoModel.from_pretrained(\"CohereForAI/c4ai-command-r-plus\")\n");
  EXPECT_EQ(Third, First);
}

} // namespace
} // namespace licit
