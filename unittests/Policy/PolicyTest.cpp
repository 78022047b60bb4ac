//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Policy/Policy.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "gtest/gtest.h"

using namespace llvm;

namespace licit {
namespace {

class PolicyTest : public ::testing::Test {
protected:
  void SetUp() override {
    KB = KnowledgeBase::loadBuiltin();
    Loader = std::make_unique<PolicyLoader>(Files, *KB, *FS,
                                            TrustBoundary::unrestricted());
  }

  /// Adds \p Text as file \p Path of the in-memory file system.
  void addFile(StringRef Path, StringRef Text) {
    FS->addFile(Path, 0, MemoryBuffer::getMemBufferCopy(Text, Path));
  }

  /// Compiles \p Text as a policy file and collects its diagnostics.
  const CompiledPolicy &compile(StringRef Text) {
    std::string Path = "/policy" + std::to_string(++Count) + ".toml";
    addFile(Path, Text);
    const CompiledPolicy &P = Loader->loadFile(Path);
    Loader->problemsOf({&P}, Diags);
    return P;
  }

  /// "line:col: message" of each diagnostic, in order.
  std::vector<std::string> messages() {
    llvm::sort(Diags, [](const Diagnostic &A, const Diagnostic &B) {
      return A.Range.Begin < B.Range.Begin;
    });
    std::vector<std::string> Out;
    for (const Diagnostic &D : Diags) {
      Position P = Files.position(D.Range.File, D.Range.Begin);
      Out.push_back(
          (Twine(P.Line) + ":" + Twine(P.Column) + ": " + D.Message).str());
    }
    return Out;
  }

  std::unique_ptr<KnowledgeBase> KB;
  IntrusiveRefCntPtr<vfs::InMemoryFileSystem> FS{new vfs::InMemoryFileSystem()};
  unsigned Count = 0;
  SourceFiles Files;
  std::vector<Diagnostic> Diags;
  std::unique_ptr<PolicyLoader> Loader;
};

TEST_F(PolicyTest, DefaultPackMatchesRulesDef) {
  const CompiledPolicy &P = Loader->defaultPolicy();
  Loader->problemsOf({&P}, Diags);
  EXPECT_TRUE(Diags.empty());
  for (const RuleInfo &R : allRules()) {
    if (!R.isConfigurable())
      continue;
    ASSERT_TRUE(P.settingOf(R.ID)) << R.Name.str() << " not in default.toml";
    EXPECT_EQ(P.severityOf(R.ID), R.DefaultSeverity) << R.Name.str();
  }
}

TEST_F(PolicyTest, PacksCompileCleanly) {
  for (StringRef Name : PolicyLoader::builtinPackNames())
    compile(("extends = [\"" + Name + "\"]\n").str());
  EXPECT_EQ(messages(), std::vector<std::string>{});
}

TEST_F(PolicyTest, CommercialPackDeniesCaps) {
  const CompiledPolicy &P = compile("extends = [\"commercial\"]\n");
  EXPECT_EQ(P.severityOf(RuleID::LicenceMauCap), Severity::Error);
  EXPECT_EQ(P.severityOf(RuleID::LicenceEuExcluded), Severity::Error);
  EXPECT_EQ(P.severityOf(RuleID::ModelUnknownLicence), Severity::Error);
}

TEST_F(PolicyTest, LaterLayerWins) {
  const CompiledPolicy &P = compile("extends = [\"commercial\"]\n"
                                    "[rules]\nlicence-mau-cap = \"note\"\n");
  EXPECT_EQ(P.severityOf(RuleID::LicenceMauCap), Severity::Note);
  EXPECT_EQ(messages(), std::vector<std::string>{});
}

TEST_F(PolicyTest, ProblemsAreLocatedWithSuggestions) {
  compile("[rules]\n"
          "licence-mau-capp = \"error\"\n"
          "licence-eu-excluded = \"eror\"\n"
          "model-openness = 3\n"
          "[licenses]\n"
          "[models]\n"
          "min-openness = \"open-weight\"\n");
  EXPECT_EQ(messages(),
            (std::vector<std::string>{
                "2:1: unknown rule id 'licence-mau-capp'; did you mean "
                "'licence-mau-cap'?",
                "3:23: unknown severity 'eror'; expected 'error', 'warning', "
                "'note' or 'off' (did you mean 'error'?)",
                "4:18: expected a string, found an integer",
                "5:2: unknown key 'licenses' in a policy; did you mean "
                "'licences'?",
                "7:16: unknown openness level 'open-weight'; expected one of "
                "closed, restricted-weights, open-weights, open-methodology, "
                "open-source (did you mean 'open-weights'?)"}));
}

TEST_F(PolicyTest, ColumnsCountBytesAfterNonAscii) {
  compile("[models]\ndeny = [{ id = \"é/ü\", reason = \"ß\" }, 7]\n");
  // The integer sits after three two-byte characters: toml++ counts code
  // points (column 39), the diagnostic must count bytes (column 42).
  EXPECT_EQ(messages(), std::vector<std::string>{
                            "2:42: expected a string, found an integer"});
}

TEST_F(PolicyTest, ByteOrderMarkAndNonAsciiInStringsAreRead) {
  const CompiledPolicy &P =
      compile("\xEF\xBB\xBF# Politique \xC3\xA9"
              "crite\n[models]\n"
              "deny = [{ id = \"acme/*\", reason = \"\xC3\xA0 revoir\" }]\n");
  EXPECT_EQ(messages(), std::vector<std::string>{});
  ASSERT_EQ(P.ModelDeny.size(), 1u);
  EXPECT_EQ(P.ModelDeny[0].Reason, "\xC3\xA0 revoir");
}

// Valid TOML that toml++ 3.3.0 cannot read safely (marzer/tomlplusplus
// #190: its Unicode tables reach code marked unreachable): reported, never
// undefined behaviour (the sanitizer build checks).
TEST_F(PolicyTest, LineEndingBackslashBeforeNonAscii) {
  compile("a = \"\"\"\\\n\xC2\xA7\"\"\"\n");
  EXPECT_EQ(messages(),
            (std::vector<std::string>{
                "2:1: invalid TOML: licit does not read non-ASCII text right "
                "after a line-ending backslash"}));
}

TEST_F(PolicyTest, NonAsciiInsideStringsIsRead) {
  compile("a = \"\"\"x \\\n  y\xC2\xA7\"\"\"\n");
  EXPECT_EQ(messages(),
            (std::vector<std::string>{"1:1: unknown key 'a' in a policy"}));
}

TEST_F(PolicyTest, ExceptionsNeedReasonsAndExpire) {
  const CompiledPolicy &P = compile("[[exceptions]]\n"
                                    "models = \"meta-llama/*\"\n"
                                    "[[exceptions]]\n"
                                    "models = \"a/b\"\n"
                                    "reason = \"legal ok\"\n"
                                    "expires = 2001-01-01\n");
  EXPECT_EQ(
      messages(),
      (std::vector<std::string>{
          "1:1: exception needs a non-empty 'reason' saying why it is "
          "acceptable",
          "6:11: exception expired on 2001-01-01 and no longer applies"}));
  ASSERT_EQ(P.Exceptions.size(), 2u);
  EXPECT_TRUE(P.Exceptions[1]->Expired);
}

TEST_F(PolicyTest, SyntaxErrorIsLocated) {
  compile("[rules]\nlicence-mau-cap = \n");
  ASSERT_EQ(Diags.size(), 1u);
  EXPECT_EQ(Diags[0].Rule, RuleID::PolicySyntax);
  EXPECT_EQ(Files.position(Diags[0].Range.File, Diags[0].Range.Begin).Line, 2u);
}

TEST_F(PolicyTest, DiscoveryWalksUpToTheNearestPolicy) {
  addFile("/repo/.licit.toml", "[rules]\nlicence-mau-cap = \"note\"\n");
  addFile("/repo/pyproject.toml", "[project]\nname = \"x\"\n");
  addFile("/repo/sub/pyproject.toml",
          "[tool.licit]\nextends = [\"commercial\"]\n");
  addFile("/repo/a/b/c.py", "");
  addFile("/repo/sub/d/e.py", "");
  const CompiledPolicy &Top = Loader->policyForDirectory("/repo/a/b", true);
  EXPECT_EQ(Top.Path, "/repo/.licit.toml");
  EXPECT_EQ(Top.severityOf(RuleID::LicenceMauCap), Severity::Note);
  const CompiledPolicy &Sub = Loader->policyForDirectory("/repo/sub/d", true);
  EXPECT_EQ(Sub.Path, "/repo/sub/pyproject.toml");
  EXPECT_EQ(Sub.severityOf(RuleID::LicenceMauCap), Severity::Error);
  Loader->problemsOf({&Top, &Sub}, Diags);
  EXPECT_EQ(messages(), std::vector<std::string>{});
}

TEST_F(PolicyTest, ExcludeFollowsExtendsUnderTheFile) {
  addFile("/org/base.toml", "exclude = [\"data/\"]\n");
  const CompiledPolicy &P =
      compile("extends = [\"/org/base.toml\"]\nexclude = [\"!data/keep/\"]\n");
  ASSERT_EQ(P.Exclude.Patterns.size(), 2u);
  EXPECT_EQ(P.Exclude.Patterns[0].Text, "data/");
  EXPECT_EQ(P.Exclude.Patterns[0].BaseDir, "/org");
  EXPECT_EQ(P.Exclude.Patterns[1].Text, "!data/keep/");
  EXPECT_EQ(P.Exclude.Patterns[1].BaseDir, "/");
}

} // namespace
} // namespace licit
