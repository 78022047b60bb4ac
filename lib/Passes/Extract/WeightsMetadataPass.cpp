//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "WeightsMetadataPass.h"
#include "licit/Facts/FileMetadata.h"
#include "licit/Facts/ModelRef.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace licit::extract {

ArrayRef<RuleID> WeightsMetadataPass::rules() {
  static const RuleID Rules[] = {RuleID::InputMalformed};
  return Rules;
}

void WeightsMetadataPass::run(const SourceFile &File, const PassContext &Ctx,
                              FactStore &Facts, DiagSink &Diags) {
  bool Gguf = File.Kinds.contains(FileKind::Gguf);
  Expected<weights::Metadata> Meta =
      Gguf ? weights::readGguf(File.text())
           : weights::readSafetensors(File.text());
  if (!Meta) {
    Diags.report(RuleID::InputMalformed, SourceRange::wholeFile(File.ID),
                 (Gguf ? "GGUF" : "safetensors") +
                     Twine(" header cannot be read ") +
                     toString(Meta.takeError()));
    return;
  }
  // The file is a model the project ships: a reference to itself, which
  // resolve-models ties to this metadata.
  ModelRef Ref;
  Ref.File = File.ID;
  Ref.Kind = ModelKind::Weights;
  Ref.ID = Ref.Written = sys::path::filename(File.Path).str();
  Ref.Range = SourceRange::wholeFile(File.ID);
  Ref.Action = RefAction::Reference;
  Ref.ReplaceSafety = Applicability::DisplayOnly;
  Facts.add(std::move(Ref));
  Facts.add(FileMetadata{File.ID, std::move(*Meta)});
}

} // namespace licit::extract
