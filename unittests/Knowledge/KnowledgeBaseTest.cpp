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
  static void SetUpTestSuite() { KB = KnowledgeBase::loadBuiltin().release(); }
  static void TearDownTestSuite() { delete KB; }

  static const KnowledgeBase *KB;
};

const KnowledgeBase *KnowledgeBaseTest::KB = nullptr;

TEST_F(KnowledgeBaseTest, BuiltinLoadsEveryFactsRow) {
  EXPECT_EQ(KB->licences().size(), 135u);
  EXPECT_EQ(KB->models().size(), 525u);
}

TEST_F(KnowledgeBaseTest, NamingDetailsQuoteTheRequiredStart) {
  EXPECT_EQ(KB->lookupLicence("llama3")->namePrefix(), "Llama 3");
  EXPECT_EQ(KB->lookupLicence("llama3.1")->namePrefix(), "Llama");
  EXPECT_EQ(KB->lookupLicence("llama2")->namePrefix(), "");
  EXPECT_EQ(KB->lookupLicence("apache-2.0")->namePrefix(), "");
}

TEST_F(KnowledgeBaseTest, NamesPeopleWriteResolve) {
  // Legacy canonical ids and library short names, through aliases.
  const Model *Gpt2 = KB->lookupModel(ModelKind::Hub, "gpt2");
  ASSERT_TRUE(Gpt2);
  EXPECT_EQ(Gpt2->ID, "openai-community/gpt2");
  const Model *MiniLM = KB->lookupModel(ModelKind::Hub, "all-MiniLM-L6-v2");
  ASSERT_TRUE(MiniLM);
  EXPECT_EQ(MiniLM->ID, "sentence-transformers/all-MiniLM-L6-v2");
  // Renamed and re-uploaded repositories.
  const Model *SD =
      KB->lookupModel(ModelKind::Hub, "runwayml/stable-diffusion-v1-5");
  ASSERT_TRUE(SD);
  EXPECT_EQ(SD->ID, "stable-diffusion-v1-5/stable-diffusion-v1-5");
  const Model *Cohere =
      KB->lookupModel(ModelKind::Hub, "CohereLabs/c4ai-command-r-plus");
  ASSERT_TRUE(Cohere);
  EXPECT_EQ(Cohere->ID, "CohereForAI/c4ai-command-r-plus");
  // A bare Ollama library name, and a tag the library does not list.
  ASSERT_TRUE(KB->lookupModel(ModelKind::Ollama, "llama3.1"));
  EXPECT_EQ(KB->lookupModel(ModelKind::Ollama, "llama3.1:405b")->ID,
            "llama3.1");
  // Dated, Vertex, Bedrock and deployment names of hosted models.
  for (StringRef Dated :
       {"gpt-4o-2024-08-06", "claude-3-5-sonnet-20241022",
        "claude-3-5-sonnet@20240620", "anthropic.claude-3-haiku-20240307-v1:0",
        "gpt-4o-prod"})
    EXPECT_TRUE(KB->lookupModel(ModelKind::Api, Dated)) << Dated.str();
  EXPECT_FALSE(KB->lookupModel(ModelKind::Api, "test"));
  // Found by licit-python-fuzzer: a name ending in the Bedrock dot.
  EXPECT_FALSE(KB->lookupModel(ModelKind::Api, "mLLM."));
  EXPECT_FALSE(KB->lookupModel(ModelKind::Api, "my-local-llm"));
  // Weights files by name.
  const Model *Yolo = KB->lookupModel(ModelKind::Weights, "yolov8n.pt");
  ASSERT_TRUE(Yolo);
  EXPECT_EQ(Yolo->Effective.front().ID, "agpl-3.0");
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

/// Reads lib/Knowledge/<Name> from the source tree.
std::unique_ptr<MemoryBuffer> sourceTable(StringRef Name) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> B = MemoryBuffer::getFile(
      Twine(LICIT_SOURCE_DIR) + "/lib/Knowledge/" + Name, /*IsText=*/true);
  EXPECT_TRUE(static_cast<bool>(B)) << Name.str();
  return B ? std::move(*B) : MemoryBuffer::getMemBuffer("");
}

bool sameFact(const Fact &A, const Fact &B) {
  return A.Value == B.Value && A.Verified == B.Verified && A.Word == B.Word &&
         A.Detail == B.Detail;
}

bool sameRefs(ArrayRef<LicenceRef> A, ArrayRef<LicenceRef> B) {
  return A.size() == B.size() &&
         std::equal(
             A.begin(), A.end(), B.begin(),
             [](const LicenceRef &X, const LicenceRef &Y) {
               return X.ID == Y.ID && X.Verified == Y.Verified;
             });
}

// The generated tables say exactly what parsing the TSV files says.
TEST_F(KnowledgeBaseTest, GeneratedTablesMatchTheSources) {
  auto L = sourceTable("licences.tsv"), M = sourceTable("models.tsv"),
       A = sourceTable("alternatives.tsv");
  Expected<std::unique_ptr<KnowledgeBase>> Parsed =
      KnowledgeBase::load(*L, *M, *A);
  ASSERT_TRUE(static_cast<bool>(Parsed)) << toString(Parsed.takeError());
  const KnowledgeBase &P = **Parsed;
  ASSERT_EQ(P.licences().size(), KB->licences().size());
  for (size_t I = 0; I != P.licences().size(); ++I) {
    const Licence &X = P.licences()[I], &Y = KB->licences()[I];
    EXPECT_EQ(X.ID, Y.ID);
    EXPECT_EQ(X.Spdx, Y.Spdx);
    EXPECT_EQ(X.Name, Y.Name);
    EXPECT_EQ(X.Notes, Y.Notes);
    EXPECT_EQ(X.Source, Y.Source);
    for (unsigned T = 0; T != NumTraits; ++T)
      EXPECT_TRUE(sameFact(X.Traits[T], Y.Traits[T])) << X.ID.str();
  }
  ASSERT_EQ(P.models().size(), KB->models().size());
  for (size_t I = 0; I != P.models().size(); ++I) {
    const Model &X = P.models()[I], &Y = KB->models()[I];
    EXPECT_EQ(X.ID, Y.ID);
    EXPECT_EQ(X.Kind, Y.Kind);
    EXPECT_TRUE(sameRefs(X.Declared, Y.Declared)) << X.ID.str();
    EXPECT_TRUE(sameRefs(X.Effective, Y.Effective)) << X.ID.str();
    EXPECT_EQ(X.LicenceDetail, Y.LicenceDetail);
    ASSERT_EQ(X.BaseModels.size(), Y.BaseModels.size()) << X.ID.str();
    for (size_t B = 0; B != X.BaseModels.size(); ++B) {
      EXPECT_EQ(X.BaseModels[B].ID, Y.BaseModels[B].ID);
      EXPECT_EQ(X.BaseModels[B].Relation, Y.BaseModels[B].Relation);
      EXPECT_EQ(X.BaseModels[B].Verified, Y.BaseModels[B].Verified);
    }
    EXPECT_EQ(X.Level, Y.Level);
    for (auto F : {&Model::Weights, &Model::Code, &Model::Data,
                   &Model::Methodology, &Model::Gated, &Model::EuExcluded})
      EXPECT_TRUE(sameFact(X.*F, Y.*F)) << X.ID.str();
    EXPECT_EQ(X.Notes, Y.Notes);
    EXPECT_EQ(X.Source, Y.Source);
    EXPECT_EQ(X.RowOffset, Y.RowOffset);
    EXPECT_EQ(Y.Table.getBuffer().substr(Y.RowOffset, Y.ID.size()), Y.ID);
    ArrayRef<Alternative> PA = P.alternativesFor(X.ID),
                          KA = KB->alternativesFor(X.ID);
    ASSERT_EQ(PA.size(), KA.size()) << X.ID.str();
    for (size_t J = 0; J != PA.size(); ++J) {
      EXPECT_EQ(PA[J].To, KA[J].To);
      EXPECT_EQ(PA[J].Reason, KA[J].Reason);
      EXPECT_TRUE(sameRefs(PA[J].ToLicences, KA[J].ToLicences));
    }
  }
}

TEST(KnowledgeBaseLoadTest, ShortHeaderIsAProblemNotAnOverread) {
  std::string Short = "id\n", Empty;
  Expected<std::unique_ptr<KnowledgeBase>> KB = KnowledgeBase::load(
      MemoryBufferRef(Short, "l.tsv"), MemoryBufferRef(Empty, "m.tsv"),
      MemoryBufferRef(Empty, "a.tsv"));
  ASSERT_FALSE(static_cast<bool>(KB));
  EXPECT_EQ(toString(KB.takeError()), "l.tsv:1:1: expected column 'spdx'");
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
