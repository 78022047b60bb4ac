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

std::unique_ptr<KnowledgeBase> builtin() {
  Expected<std::unique_ptr<KnowledgeBase>> KB = KnowledgeBase::loadBuiltin();
  EXPECT_TRUE(static_cast<bool>(KB)) << toString(KB.takeError());
  return std::move(*KB);
}

TEST(KnowledgeBaseTest, BuiltinLoadsEveryFactsRow) {
  auto KB = builtin();
  EXPECT_EQ(KB->licences().size(), 122u);
  EXPECT_EQ(KB->models().size(), 397u);
}

TEST(KnowledgeBaseTest, LlamaTraitsAreTyped) {
  auto KB = builtin();
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

TEST(KnowledgeBaseTest, UnverifiedAndUnknownStayVisible) {
  auto KB = builtin();
  const Licence *Grok = KB->lookupLicence("grok2-community");
  ASSERT_TRUE(Grok);
  EXPECT_FALSE(Grok->trait(Trait::AcceptableUse).Verified);
  EXPECT_EQ(Grok->trait(Trait::Naming).Value, Answer::Unknown);
  EXPECT_FALSE(Grok->flags(Trait::Naming));
}

TEST(KnowledgeBaseTest, ModelsScopeAPartialEuExclusion) {
  auto KB = builtin();
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

TEST(KnowledgeBaseTest, KimiThresholdIsNotACap) {
  auto KB = builtin();
  const Licence *L = KB->lookupLicence("modified-mit");
  ASSERT_TRUE(L);
  EXPECT_EQ(L->trait(Trait::MauCap).Value, Answer::No);
}

TEST(KnowledgeBaseTest, LookupBySpdxIgnoringCase) {
  auto KB = builtin();
  const Licence *L = KB->lookupLicence("Apache-2.0");
  ASSERT_TRUE(L);
  EXPECT_EQ(L->ID, "apache-2.0");
}

TEST(KnowledgeBaseTest, DistillInheritsLlamaThroughEffectiveLicences) {
  auto KB = builtin();
  const Model *M = KB->lookupModel(ModelKind::Hub,
                                   "deepseek-ai/deepseek-r1-distill-llama-8b");
  ASSERT_TRUE(M);
  ASSERT_EQ(M->Declared.size(), 1u);
  EXPECT_EQ(M->Declared[0].ID, "mit");
  ASSERT_EQ(M->Effective.size(), 2u);
  EXPECT_EQ(M->Effective[1].ID, "llama3.1");
  EXPECT_EQ(M->BaseModel, "meta-llama/Llama-3.1-8B");
}

TEST(KnowledgeBaseTest, OllamaTagsResolveThroughQuantisations) {
  auto KB = builtin();
  const Model *M =
      KB->lookupModel(ModelKind::Ollama, "llama3.1:8b-instruct-q4_K_M");
  ASSERT_TRUE(M);
  EXPECT_EQ(M->ID, "llama3.1:8b");
  EXPECT_TRUE(KB->lookupModel(ModelKind::Ollama, "llama3.2:latest"));
  EXPECT_FALSE(KB->lookupModel(ModelKind::Hub, "llama3.2"));
}

TEST(KnowledgeBaseTest, MalformedCellIsLocated) {
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

} // namespace
} // namespace licit
