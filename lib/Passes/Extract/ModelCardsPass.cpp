//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "ModelCardsPass.h"
#include "licit/Facts/HubCache.h"
#include "licit/Facts/ModelRef.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace licit::extract {

void ModelCardsPass::run(const SourceFile &File, const PassContext &Ctx,
                         FactStore &Facts, DiagSink &Diags) {
  // An adapter's config says what its directory adapts; the base model it
  // names is a reference of its own (extract-config-model-refs).
  if (!File.Kinds.contains(FileKind::ModelCard)) {
    if (Optional<ModelCard> Adapter = readAdapterConfig(File))
      Facts.add(LocalCard{File.ID, std::move(*Adapter)});
    return;
  }
  Optional<ModelCard> Card = readModelCard(File);
  if (!Card || !Card->DescribesModel)
    return;
  // The model is the card's directory, named as the tree names it.
  StringRef Dir = sys::path::parent_path(File.AbsPath);
  ModelRef Ref;
  Ref.File = File.ID;
  Ref.Kind = ModelKind::Weights;
  Ref.ID = Ref.Written = sys::path::filename(Dir).str();
  // The front matter's opening line.
  Ref.Range = {File.ID, 0, 3};
  Ref.Carrier = CardModelCarrier.str();
  Ref.Action = RefAction::Reference;
  Ref.ReplaceSafety = Applicability::DisplayOnly;
  Facts.add(std::move(Ref));
  Facts.add(LocalCard{File.ID, std::move(*Card)});
}

} // namespace licit::extract
