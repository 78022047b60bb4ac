//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/CFamily/LoaderApis.h"
#include "licit/Facts/LoadRisk.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace licit::cfamily {

static const LoaderApi Apis[] = {
#define LICIT_CXX_API(Kind, Name, Raw, Arg, Syntax, Action, RunsCode)          \
  {ApiKind::Kind,     Name,    Raw, Arg, IdSyntax::Syntax,                     \
   RefAction::Action, RunsCode},
#include "LoaderApis.def"
};

ArrayRef<LoaderApi> loaderApis() { return Apis; }

/// What a file that uses \p A cannot help spelling: a field's struct, or
/// the call as the raw lexer matches it ("torch::jit::load").
static StringRef mentionOf(const LoaderApi &A) {
  if (A.Kind == ApiKind::Field)
    return A.Name.substr(0, A.Name.rfind("::"));
  return A.Raw.ltrim('.');
}

bool mentionsLoader(StringRef Text) {
  static const StringRef WeightsEnds[] = {
      ".gguf\"", ".onnx\"", ".tflite\"", ".safetensors\"",
      ".pt\"",   ".pth\"",  ".engine\""};
  return any_of(
             Apis,
             [&](const LoaderApi &A) { return Text.contains(mentionOf(A)); }) ||
         any_of(WeightsEnds, [&](StringRef End) { return Text.contains(End); });
}

bool isModelNamed(StringRef Name) {
  std::string Lower = Name.lower();
  StringRef L(Lower);
  // Names about a model that do not hold one.
  for (StringRef Not : {"type", "size", "count", "arch", "version", "desc",
                        "loaded", "exists", "dir"})
    if (L.endswith(Not))
      return false;
  for (StringRef Word :
       {"model", "weights", "ckpt", "checkpoint", "gguf", "onnx", "tflite",
        "engine", "mmproj", "lora", "llm", "hf_repo", "hf_file", "repo_id"})
    if (L.contains(Word))
      return true;
  return false;
}

bool recordModelNamed(RefRecorder &Refs, StringRef Value, StringRef Literal,
                      RefSite Site) {
  Site.Action = RefAction::Reference;
  Site.Syntax = IdSyntax::Weights;
  Site.Conf = Confidence::Strong;
  if (Refs.record(Value, Literal, Site))
    return true;
  Site.Syntax = IdSyntax::Any;
  Site.Conf = Confidence::Weak;
  return Refs.record(Value, Literal, Site);
}

void recordRunTimeLoad(RefRecorder &Refs, const LoaderApi &Api,
                       StringRef Argument) {
  LoadRisk R;
  R.File = Refs.source().file();
  R.Kind = LoadRiskKind::UnsafeDeserialisation;
  R.Range = Refs.source().range(Argument);
  R.Message = ("'" + Api.Name +
               "' reads a TorchScript archive from a path chosen at run "
               "time, and runs the code the archive holds")
                  .str();
  Refs.facts().add(std::move(R));
}

bool isStringAccessor(StringRef Method) {
  return StringSwitch<bool>(Method)
      .Cases("c_str", "data", "string", "u8string", "generic_string", true)
      .Cases("native", "str", "get", true)
      .Default(false);
}

} // namespace licit::cfamily
