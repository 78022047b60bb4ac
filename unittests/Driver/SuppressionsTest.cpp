//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Driver/Suppressions.h"
#include "llvm/Support/MemoryBuffer.h"
#include "gtest/gtest.h"

using namespace llvm;

namespace licit {
namespace {

class SuppressionsTest : public ::testing::Test {
protected:
  /// Finds the suppressions of \p Text in a file called \p Name.
  ArrayRef<Suppression> find(StringRef Name, StringRef Text) {
    ID = Files.add(Name, ("/w/" + Name).str()).first;
    SourceFile &F = Files.get(ID);
    F.setContents(MemoryBuffer::getMemBufferCopy(Text, Name));
    F.Kinds = classifyByName(Name);
    findSuppressions(F, Facts, Sink);
    Sink.moveTo(Problems);
    return Facts.all<Suppression>();
  }
  /// The text a suppression covers.
  StringRef covered(const Suppression &S) {
    return Files.get(ID).text().slice(S.CoverBegin, S.CoverEnd);
  }
  Diagnostic finding(RuleID Rule, unsigned Offset) {
    Diagnostic D;
    D.Rule = Rule;
    D.Range = {ID, Offset, Offset + 1};
    return D;
  }

  SourceFiles Files;
  FileID ID = 0;
  FactStore Facts;
  DiagSink Sink;
  std::vector<Diagnostic> Problems;
};

TEST_F(SuppressionsTest, TrailingCommentCoversItsLine) {
  ArrayRef<Suppression> S =
      find("a.py", "x = 1\ny = f('m')  # licit: ignore[licence-*] ok\nz = 3\n");
  ASSERT_EQ(S.size(), 1u);
  EXPECT_EQ(covered(S[0]), "y = f('m')  # licit: ignore[licence-*] ok");
  ASSERT_EQ(S[0].Patterns.size(), 1u);
  EXPECT_EQ(S[0].Patterns[0].Text, "licence-*");
  EXPECT_TRUE(Problems.empty());
}

TEST_F(SuppressionsTest, CommentAloneCoversTheNextLogicalLine) {
  ArrayRef<Suppression> S = find("a.py", "# licit: ignore[licence-mau-cap] ok\n"
                                         "\n"
                                         "m = f(\n"
                                         "    'x',\n"
                                         "    y=1)\n"
                                         "n = 2\n");
  ASSERT_EQ(S.size(), 1u);
  EXPECT_EQ(covered(S[0]), "m = f(\n    'x',\n    y=1)");
}

TEST_F(SuppressionsTest, YamlElementIncludesWhatIsNestedUnderIt) {
  ArrayRef<Suppression> S = find("c.yaml", "# licit: ignore[licence-*] eval\n"
                                           "eval:\n"
                                           "  model: a/b\n"
                                           "\n"
                                           "  tokenizer: a/b\n"
                                           "serve:\n"
                                           "  model: a/b\n");
  ASSERT_EQ(S.size(), 1u);
  EXPECT_EQ(covered(S[0]), "eval:\n  model: a/b\n\n  tokenizer: a/b");
}

TEST_F(SuppressionsTest, StringsAreNotComments) {
  EXPECT_TRUE(find("a.py",
                   "s = '# licit: ignore[licence-*] no'\n"
                   "d = \"\"\"\n# licit: ignore[licence-*] no\n\"\"\"\n")
                  .empty());
  EXPECT_TRUE(
      find("a.ts", "const s = \"// licit: ignore[licence-*] no\";\n").empty());
  // A Dockerfile's '#' after an instruction is an argument.
  EXPECT_TRUE(
      find("Dockerfile", "ENV M=a/b # licit: ignore[licence-*] no\n").empty());
  // JSON has no comments.
  EXPECT_TRUE(
      find("c.json", "{\"a\": \"# licit: ignore[licence-*] no\"}\n").empty());
}

TEST_F(SuppressionsTest, LineEndingInAnEscapeInAString) {
  // Found by the scan fuzzer: the escape's character is past the line.
  EXPECT_TRUE(find("t.toml", " .=Xlicit:ignore\"\"\"\\\n").empty());
  EXPECT_TRUE(find("s.sh", "echo 'licit: x \\").empty());
}

TEST_F(SuppressionsTest, NotebookCodeIsReadThroughItsJsonEscapes) {
  ArrayRef<Suppression> S = find(
      "nb.ipynb", "{\"cells\": [{\"source\": [\n"
                  "  \"s = \\\"# licit: ignore[licence-*] no\\\"\\n\",\n"
                  "  \"m = f(\\\"a/b\\\")  # licit: ignore[licence-*] ok\\n\"\n"
                  "]}]}\n");
  ASSERT_EQ(S.size(), 1u);
  EXPECT_EQ(
      Files.get(ID).text().slice(S[0].Directive.Begin, S[0].Directive.End),
      "licit: ignore[licence-*] ok");
}

TEST_F(SuppressionsTest, MalformedOnesAreReportedAndDoNotApply) {
  EXPECT_TRUE(find("a.sh", "x  # licit: ignore[licence-mau-cap]\n"
                           "y  # licit: ignore[licence-mau-capp] typo\n"
                           "z  # licit: ignore because\n")
                  .empty());
  ASSERT_EQ(Problems.size(), 3u);
  EXPECT_EQ(Problems[0].Rule, RuleID::SuppressionMissingReason);
  EXPECT_EQ(Problems[1].Rule, RuleID::SuppressionUnknownRule);
  EXPECT_EQ(Problems[1].Message,
            "unknown rule 'licence-mau-capp'; did you mean 'licence-mau-cap'?");
  EXPECT_EQ(Problems[2].Rule, RuleID::SuppressionUnknownRule);
}

TEST_F(SuppressionsTest, IndexMatchesRuleGlobsInRangeAndReportsTheUnused) {
  ArrayRef<Suppression> S = find(
      "a.py", "m = f('a/b')  # licit: ignore[licence-mau-*, model-denied] ok\n"
              "n = f('a/b')\n");
  ASSERT_EQ(S.size(), 1u);
  SuppressionIndex Index(S);
  EXPECT_TRUE(Index.suppresses(finding(RuleID::LicenceMauCap, 6)));
  // The next line is not covered; policy problems never are.
  EXPECT_FALSE(Index.suppresses(finding(RuleID::LicenceMauCap, 62)));
  EXPECT_FALSE(Index.suppresses(finding(RuleID::PolicySyntax, 6)));
  DiagSink Unused;
  Index.reportUnused(Unused);
  std::vector<Diagnostic> Out;
  Unused.moveTo(Out);
  ASSERT_EQ(Out.size(), 1u);
  EXPECT_EQ(Out[0].Message,
            "'model-denied' in this suppression matched no finding; remove it");
  ASSERT_EQ(Out[0].Fixes.size(), 1u);
  const Edit &E = Out[0].Fixes[0].Edits[0];
  EXPECT_EQ(Files.get(ID).text().slice(E.Range.Begin, E.Range.End),
            ", model-denied");
}

} // namespace
} // namespace licit
