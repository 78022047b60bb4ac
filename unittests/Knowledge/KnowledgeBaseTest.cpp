//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Knowledge/KnowledgeBase.h"
#include "gtest/gtest.h"

using namespace llvm;

namespace licit {
namespace {

/// Loads the built-in tables once for the whole suite.
class KnowledgeBaseTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    Expected<std::unique_ptr<KnowledgeBase>> Loaded =
        KnowledgeBase::loadBuiltin();
    ASSERT_TRUE(static_cast<bool>(Loaded)) << toString(Loaded.takeError());
    KB = std::move(*Loaded).release();
  }
  static void TearDownTestSuite() { delete KB; }

  static const KnowledgeBase *KB;
};

const KnowledgeBase *KnowledgeBaseTest::KB = nullptr;

TEST_F(KnowledgeBaseTest, BuiltinLoadsEveryFactsRow) {
  EXPECT_EQ(KB->licences().size(), 122u);
  EXPECT_EQ(KB->models().size(), 397u);
}

TEST_F(KnowledgeBaseTest, LlamaTraitsAreTyped) {
  const Licence *L = KB->lookupLicence("llama3.1");
  ASSERT_TRUE(L);
  EXPECT_EQ(L->trait(Trait::MauCap).Value, Answer::Yes);
  EXPECT_EQ(L->trait(Trait::MauCap).Word, "700M");
  EXPECT_TRUE(L->flags(Trait::MauCap));
  EXPECT_TRUE(L->flags(Trait::Osi)); // Not OSI-approved.
  EXPECT_FALSE(L->flags(Trait::NonCommercial));
  const Licence *L32 = KB->lookupLicence("LLAMA3.2");
  ASSERT_TRUE(L32);
  EXPECT_EQ(L32->trait(Trait::EuExcluded).Value, Answer::Partial);
}

TEST_F(KnowledgeBaseTest, UnverifiedAndUnknownStayVisible) {
  const Licence *Grok = KB->lookupLicence("grok2-community");
  ASSERT_TRUE(Grok);
  EXPECT_FALSE(Grok->trait(Trait::AcceptableUse).Verified);
  EXPECT_EQ(Grok->trait(Trait::Naming).Value, Answer::Unknown);
  EXPECT_FALSE(Grok->flags(Trait::Naming));
}

TEST_F(KnowledgeBaseTest, ModelsScopeAPartialEuExclusion) {
  const Licence *L = KB->lookupLicence("llama3.2");
  const Model *Text =
      KB->lookupModel(ModelKind::Hub, "meta-llama/Llama-3.2-1B-Instruct");
  const Model *Vision = KB->lookupModel(
      ModelKind::Hub, "meta-llama/Llama-3.2-11B-Vision-Instruct");
  const Model *Other = KB->lookupModel(ModelKind::Hub, "Qwen/Qwen3-8B");
  ASSERT_TRUE(L && Text && Vision && Other);
  EXPECT_FALSE(
      flagsTrait(Trait::EuExcluded, traitOf(*Text, *L, Trait::EuExcluded)));
  EXPECT_EQ(traitOf(*Vision, *L, Trait::EuExcluded).Value, Answer::Yes);
  // Without a model-level fact, the licence decides.
  EXPECT_EQ(&traitOf(*Other, *L, Trait::EuExcluded),
            &L->trait(Trait::EuExcluded));
}

TEST_F(KnowledgeBaseTest, KimiThresholdIsNotACap) {
  const Licence *L = KB->lookupLicence("modified-mit");
  ASSERT_TRUE(L);
  EXPECT_EQ(L->trait(Trait::MauCap).Value, Answer::No);
}

TEST_F(KnowledgeBaseTest, LookupBySpdxIgnoringCase) {
  const Licence *L = KB->lookupLicence("Apache-2.0");
  ASSERT_TRUE(L);
  EXPECT_EQ(L->ID, "apache-2.0");
}

TEST_F(KnowledgeBaseTest, DistillInheritsLlamaThroughEffectiveLicences) {
  const Model *M = KB->lookupModel(ModelKind::Hub,
                                   "deepseek-ai/deepseek-r1-distill-llama-8b");
  ASSERT_TRUE(M);
  ASSERT_EQ(M->Declared.size(), 1u);
  EXPECT_EQ(M->Declared[0].ID, "mit");
  ASSERT_EQ(M->Effective.size(), 2u);
  EXPECT_EQ(M->Effective[1].ID, "llama3.1");
  ASSERT_EQ(M->BaseModels.size(), 1u);
  EXPECT_EQ(M->BaseModels[0].ID, "meta-llama/Llama-3.1-8B");
  EXPECT_EQ(M->BaseModels[0].Relation, BaseRelation::Finetune);
}

TEST_F(KnowledgeBaseTest, OllamaTagsResolveThroughQuantisations) {
  const Model *M =
      KB->lookupModel(ModelKind::Ollama, "llama3.1:8b-instruct-q4_K_M");
  ASSERT_TRUE(M);
  EXPECT_EQ(M->ID, "llama3.1:8b");
  EXPECT_TRUE(KB->lookupModel(ModelKind::Ollama, "llama3.2:latest"));
  EXPECT_FALSE(KB->lookupModel(ModelKind::Hub, "llama3.2"));
}

TEST(KnowledgeBaseLoadTest, MalformedCellIsLocated) {
  std::string Licences =
      "id\tspdx\tname\tosi\tnon-commercial\tresearch-only\tmau-cap\t"
      "revenue-cap\teu-excluded\tacceptable-use\tno-training-other-models\t"
      "attribution\tnaming\tderivatives-same-licence\tcopyleft\tnotes\tsource\n"
      "x\tX\tX\tmaybe\tno\tno\tno\tno\tno\tno\tno\tno\tno\tno\tno\t\ts\n";
  std::string Models =
      "id\tkind\tfamily\tlicence\teffective-licences\tbase-model"
      "\tparams\tweights\tcode\tdata\tmethodology\topenness"
      "\tgated\tnotes\tsource\n";
  std::string Alternatives = "from\tto\tto-licence\treason\n";
  Expected<std::unique_ptr<KnowledgeBase>> KB = KnowledgeBase::load(
      MemoryBufferRef(Licences, "l.tsv"), MemoryBufferRef(Models, "m.tsv"),
      MemoryBufferRef(Alternatives, "a.tsv"));
  ASSERT_FALSE(static_cast<bool>(KB));
  EXPECT_EQ(toString(KB.takeError()),
            "l.tsv:2:7: unknown value 'maybe' (column 'osi')");
}

TEST_F(KnowledgeBaseTest, OverlayLayersRowsAndKeepsGoing) {
  std::string Models =
      "# ACME's models.\n"
      "id\tkind\tfamily\tlicence\teffective-licences\tbase-model\tparams"
      "\tweights\tcode\tdata\tmethodology\topenness\tgated\teu-excluded"
      "\tnotes\tsource\n"
      "acme/bad\thub\tacme\tnope\tnope\t\t1B\tyes\tno\tno\tno\tclosed\tno"
      "\t\t\ts\n"
      "acme/good\thub\tacme\tmit\tmit\tmerge:a/b, quantized:c/d?\t1B\tyes"
      "\tno\tno\tno\tclosed\tno\t\t\ts\n"
      "Qwen/Qwen3-8B\thub\tqwen\tmit\tmit\t\t8B\tyes\tno\tno\tno\tclosed"
      "\tno\t\t\ts\n";
  std::vector<TableProblem> Problems;
  std::unique_ptr<KnowledgeBase> Overlay = KnowledgeBase::loadOverlay(
      *KB, /*File=*/7, MemoryBuffer::getMemBufferCopy(Models, "acme.tsv"),
      Problems);
  ASSERT_EQ(Problems.size(), 1u);
  EXPECT_EQ(Problems[0].Message,
            "unknown licence in 'nope' (column 'licence')");
  EXPECT_EQ(Models.substr(Problems[0].Offset, Problems[0].Length), "nope");
  // The bad row is left out, the next one read.
  EXPECT_FALSE(Overlay->lookupModel(ModelKind::Hub, "acme/bad"));
  const Model *Good = Overlay->lookupModel(ModelKind::Hub, "acme/good");
  ASSERT_TRUE(Good);
  EXPECT_EQ(Good->TableFile, 7u);
  ASSERT_EQ(Good->BaseModels.size(), 2u);
  EXPECT_EQ(Good->BaseModels[0].Relation, BaseRelation::Merge);
  EXPECT_EQ(Good->BaseModels[1].Relation, BaseRelation::Quantized);
  EXPECT_FALSE(Good->BaseModels[1].Verified);
  // A row replaces the parent's; the parent's other rows still resolve.
  EXPECT_EQ(Overlay->lookupModel(ModelKind::Hub, "Qwen/Qwen3-8B")->Level,
            Openness::Closed);
  EXPECT_NE(KB->lookupModel(ModelKind::Hub, "Qwen/Qwen3-8B")->Level,
            Openness::Closed);
  EXPECT_TRUE(
      Overlay->lookupModel(ModelKind::Hub, "mistralai/Mistral-7B-v0.1"));
}

} // namespace
} // namespace licit
