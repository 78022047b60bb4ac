//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Facts/ModelKeys.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace licit {

std::string normalizeKey(StringRef Name) {
  Name = Name.ltrim('-');
  // A dotted setting names its last part: "continue.model", "llm.model_id".
  Name = Name.substr(Name.rfind('.') + 1);
  std::string Key;
  for (size_t I = 0; I != Name.size(); ++I) {
    char C = Name[I];
    // camelCase: "modelId", "storageUri", "baseModel".
    if (I > 0 && C >= 'A' && C <= 'Z' && Name[I - 1] >= 'a' &&
        Name[I - 1] <= 'z')
      Key += '_';
    Key += C == '-' ? '_' : toLower(C);
  }
  return Key;
}

bool holdsNoModel(StringRef Name) {
  std::string Key = normalizeKey(Name);
  StringRef K(Key);
  return K.contains("dataset") || K == "data" || K == "data_files" ||
         K == "image" || K == "images" || K == "uses" || K == "template" ||
         K == "chat_template" || K == "output_dir" || K == "logging_dir" ||
         K.endswith("served_model_name") || K == "model_type" ||
         K == "model_max_length";
}

Optional<ModelKey> lookupModelKey(StringRef Name) {
  if (holdsNoModel(Name))
    return None;
  std::string Key = normalizeKey(Name);
  StringRef K(Key);
  using Spec = Optional<ModelKey>;
  Spec Exact =
      StringSwitch<Spec>(K)
          // Tokenizers and processors.
          .Cases("tokenizer", "tokenizer_name", "tokenizer_name_or_path",
                 "tokenizer_path", "tokenizer_id",
                 ModelKey{IdSyntax::Any, RefAction::Tokenizer})
          // Adapters.
          .Cases("adapter_name_or_path", "peft_model_id", "lora_model",
                 "adapter_model", "adapter_id", "lora_name_or_path",
                 ModelKey{IdSyntax::Any, RefAction::Adapter})
          // Hub repositories (llama.cpp's --hf-repo, KServe's storageUri).
          .Cases("hf_repo", "hf_repo_id", "repo_id", "hf_model_id",
                 "model_repo_id", ModelKey{IdSyntax::Hub, RefAction::Load})
          .Case("storage_uri", ModelKey{IdSyntax::Hub, RefAction::Serve})
          // Azure OpenAI deployments, and the engine of the old OpenAI
          // client: hosted models by a name the deployment chose.
          .Cases("azure_deployment", "deployment_name", "deployment_id",
                 "engine", ModelKey{IdSyntax::Api, RefAction::Api})
          // Weights files.
          .Cases("hf_file", "gguf_file", "mmproj", "model_file", "weights",
                 "weight_name", "ckpt_path", "checkpoint_path",
                 ModelKey{IdSyntax::Weights, RefAction::Load})
          // Where a run pushes what it trains: a model the project names.
          .Cases("hub_model_id", "export_hub_model_id", "output_model_id",
                 ModelKey{IdSyntax::Hub, RefAction::Reference})
          // config.json and adapter_config.json record their origin.
          .Cases("_name_or_path", "name_or_path", "base_model_name_or_path",
                 ModelKey{IdSyntax::Any, RefAction::Reference})
          .Cases("llm", "llm_name", "checkpoint", "pretrained",
                 "pretrained_model", ModelKey{IdSyntax::Any, RefAction::Load})
          .Default(None);
  if (Exact)
    return Exact;
  // "model", "base_model", "embedding_model_name", "HF_MODEL_ID",
  // "draft_model_path", "model_name_or_path".
  for (StringRef Suffix : {"_name_or_path", "_name", "_id", "_path", "_repo",
                           "_checkpoint", "_uri", "_url"})
    if (K.endswith(Suffix)) {
      K = K.drop_back(Suffix.size());
      break;
    }
  if (K == "model" || K.endswith("_model"))
    return ModelKey{IdSyntax::Any, RefAction::Load};
  return None;
}

} // namespace licit
