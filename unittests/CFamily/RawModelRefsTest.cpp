//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/CFamily/LoaderApis.h"
#include "licit/CFamily/ModelRefs.h"
#include "licit/Facts/LoadRisk.h"
#include "gtest/gtest.h"

using namespace llvm;

namespace licit::cfamily {
namespace {

struct Found {
  std::vector<std::string> IDs;
  unsigned Risks = 0;
};

Found lex(StringRef Code) {
  static const std::unique_ptr<KnowledgeBase> KB = KnowledgeBase::loadBuiltin();
  FactStore Facts;
  SourceText Source(1, Code);
  {
    RefRecorder Refs(Source, *KB, Facts);
    lexModelRefs(Source, Refs);
  }
  Found F;
  for (const ModelRef &Ref : Facts.all<ModelRef>())
    F.IDs.push_back(Ref.ID);
  F.Risks = Facts.all<LoadRisk>().size();
  return F;
}

using Ids = std::vector<std::string>;

TEST(RawModelRefsTest, LiteralsOfLoaderArguments) {
  EXPECT_EQ(lex("auto m = llama_model_load_from_file(\"m/a.gguf\", p);").IDs,
            Ids{"a.gguf"});
  // The adapter is the second argument; the first is the model object.
  EXPECT_EQ(lex("llama_adapter_lora_init(model, \"lora/b.gguf\");").IDs,
            Ids{"b.gguf"});
  EXPECT_EQ(lex("llama_adapter_lora_init(\"x.gguf\", path);").IDs, Ids{});
  // Concatenated literals are one string.
  EXPECT_EQ(lex("torch::jit::load(\"traced/\" \"c.pt\");").IDs, Ids{"c.pt"});
  EXPECT_EQ(lex("auto s = Ort::Session(env, R\"(d.onnx)\", o);").IDs,
            Ids{"d.onnx"});
  EXPECT_EQ(lex("auto m = TfLiteModelCreateFromFile(\"e.tflite\");").IDs,
            Ids{"e.tflite"});
  EXPECT_EQ(
      lex("auto m = tflite::FlatBufferModel::BuildFromFile(\"f.tflite\");").IDs,
      Ids{"f.tflite"});
}

TEST(RawModelRefsTest, SpellingsMustMatch) {
  // A method of another object named like a free function, and a free
  // function named like a method.
  EXPECT_EQ(lex("cache.llama_model_load_from_file(\"a.gguf\", p);").IDs, Ids{});
  EXPECT_EQ(lex("read_model(\"a.onnx\");").IDs, Ids{});
  EXPECT_EQ(lex("core.read_model(\"a.onnx\");").IDs, Ids{"a.onnx"});
  EXPECT_EQ(lex("core->read_model(\"b.onnx\");").IDs, Ids{"b.onnx"});
  EXPECT_EQ(lex("torch::load(\"a.pt\");").IDs, Ids{});
  EXPECT_EQ(lex("jit::load(\"a.pt\");").IDs, Ids{});
}

TEST(RawModelRefsTest, NamesTheFileBinds) {
  EXPECT_EQ(lex("#define M \"a.gguf\"\nllama_load_model_from_file(M, p);").IDs,
            Ids{"a.gguf"});
  // Followed through names bound to names.
  EXPECT_EQ(lex("const char *a = \"b.gguf\"; const char *c = a;\n"
                "llama_model_load_from_file(c, p);")
                .IDs,
            Ids{"b.gguf"});
  // A cycle of names ends.
  EXPECT_EQ(lex("a = b; b = a; llama_model_load_from_file(a, p);").IDs, Ids{});
}

TEST(RawModelRefsTest, ModelNamedVariables) {
  EXPECT_EQ(lex("static const std::string kModelPath = \"yolov8n.onnx\";").IDs,
            Ids{"yolov8n.onnx"});
  // The name says a model: a ".bin" is weights, "org/name" a hub id.
  EXPECT_EQ(lex("std::string model = \"m/acme.bin\";").IDs, Ids{"acme.bin"});
  EXPECT_EQ(lex("const char *hf_repo = \"acme/tiny-GGUF\";").IDs,
            Ids{"acme/tiny-GGUF"});
  // Not model-shaped, and not model-named.
  EXPECT_EQ(lex("std::string model_type = \"a.gguf\";").IDs, Ids{});
  EXPECT_EQ(lex("std::string model = \"hello world\";").IDs, Ids{});
  EXPECT_EQ(lex("const char *greeting = \"a.gguf\";").IDs, Ids{});
}

TEST(RawModelRefsTest, TorchScriptFromARunTimePath) {
  EXPECT_EQ(lex("auto m = torch::jit::load(argv[1]);").Risks, 1u);
  EXPECT_EQ(lex("auto m = torch::jit::load(\"a.pt\");").Risks, 0u);
  EXPECT_EQ(lex("torch::load(net, path);").Risks, 1u);
  // Not a TorchScript loader.
  EXPECT_EQ(lex("llama_model_load_from_file(argv[1], p);").Risks, 0u);
}

// Inputs a fuzzer would try: unterminated constructs end the scan.
TEST(RawModelRefsTest, MalformedCodeIsSkipped) {
  EXPECT_EQ(lex("llama_model_load_from_file(").IDs, Ids{});
  EXPECT_EQ(lex("llama_model_load_from_file(\"a.gguf\"").IDs, Ids{"a.gguf"});
  EXPECT_EQ(lex("x = cond ? \"a.gguf\"").IDs, Ids{});
  EXPECT_EQ(lex("#define").IDs, Ids{});
  EXPECT_EQ(lex("Ort::Session").IDs, Ids{});
  EXPECT_EQ(lex("\"unterminated").IDs, Ids{});
  EXPECT_EQ(lex(StringRef("a\0b = \"c.gguf\"", 14)).IDs, Ids{});
}

TEST(LoaderApisTest, Table) {
  for (const LoaderApi &A : loaderApis()) {
    EXPECT_FALSE(A.Name.empty());
    EXPECT_EQ(A.Raw.empty(), A.Kind == ApiKind::Field) << A.Name.str();
  }
  EXPECT_TRUE(mentionsLoader("x = whisper_init_from_file(p)"));
  EXPECT_TRUE(mentionsLoader("common_params params;"));
  EXPECT_TRUE(mentionsLoader("Detector d(\"yolov8n.onnx\");"));
  EXPECT_FALSE(mentionsLoader("int main() { return 0; }"));
  EXPECT_FALSE(mentionsLoader("puts(\"see model.onnx for details\");"));
  EXPECT_TRUE(isModelNamed("kModelFile"));
  EXPECT_TRUE(isModelNamed("hf_repo"));
  EXPECT_FALSE(isModelNamed("model_dir"));
  EXPECT_FALSE(isModelNamed("prompt"));
}

} // namespace
} // namespace licit::cfamily
