//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Facts/ModelIds.h"
#include "gtest/gtest.h"

using namespace llvm;

namespace licit {
namespace {

std::string parsed(StringRef Text, IdSyntax Syntax) {
  Optional<ParsedId> P = parseModelId(Text, Syntax);
  if (!P)
    return "<none>";
  return (modelKindName(P->Kind) + ":" + P->ID +
          (P->HasNamespace ? "" : " (bare)"))
      .str();
}

TEST(ModelIdsTest, HubIdsAndTheirDecorations) {
  EXPECT_EQ(parsed("Qwen/Qwen2.5-7B", IdSyntax::Hub), "hub:Qwen/Qwen2.5-7B");
  EXPECT_EQ(parsed("hf-hub:timm/vit_base", IdSyntax::Hub), "hub:timm/vit_base");
  EXPECT_EQ(parsed("https://huggingface.co/org/name", IdSyntax::Hub),
            "hub:org/name");
  EXPECT_EQ(parsed("gpt2", IdSyntax::Hub), "hub:gpt2 (bare)");
}

TEST(ModelIdsTest, PathsFilesAndUrlsAreNotHubIds) {
  for (StringRef Text :
       {"./checkpoints/run", "/abs/path", "~/models/x", "out/model.safetensors",
        "a/b/c", "org--x/name", "org/na..me", "", "org/", "has space/x",
        "https://example.org/x", "C:\\models\\x"})
    EXPECT_EQ(parsed(Text, IdSyntax::Hub), "<none>") << Text.str();
}

TEST(ModelIdsTest, PrefixedSyntaxNeedsThePrefix) {
  EXPECT_EQ(parsed("resnet50", IdSyntax::HubPrefixed), "<none>");
  EXPECT_EQ(parsed("hf-hub:org/name", IdSyntax::HubPrefixed), "hub:org/name");
}

TEST(ModelIdsTest, OllamaTags) {
  EXPECT_EQ(parsed("llama3.1:8b", IdSyntax::Ollama), "ollama:llama3.1:8b");
  EXPECT_EQ(parsed("library/qwen3", IdSyntax::Ollama), "ollama:library/qwen3");
  EXPECT_EQ(
      parsed("hf.co/bartowski/Llama-3.2-1B-GGUF:Q4_K_M", IdSyntax::Ollama),
      "hub:bartowski/Llama-3.2-1B-GGUF");
  EXPECT_EQ(parsed("llama3:", IdSyntax::Ollama), "<none>");
  EXPECT_EQ(parsed("a b", IdSyntax::Ollama), "<none>");
}

TEST(ModelIdsTest, LiteLLMProviderPicksTheNamespace) {
  EXPECT_EQ(parsed("ollama/llama3", IdSyntax::LiteLLM), "ollama:llama3");
  EXPECT_EQ(parsed("huggingface/org/name", IdSyntax::LiteLLM), "hub:org/name");
  EXPECT_EQ(parsed("openai/gpt-4o", IdSyntax::LiteLLM), "api:gpt-4o");
  EXPECT_EQ(parsed("gpt-4o", IdSyntax::LiteLLM), "api:gpt-4o");
}

} // namespace
} // namespace licit
