//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Reads the model cards of the checked tree (README.md front matter with
/// base_model, library_name, pipeline_tag or model-index): each makes its
/// directory a model the project ships, resolved through the card. A PEFT
/// adapter_config.json records the base model its directory adapts.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_LIB_PASSES_EXTRACT_MODELCARDSPASS_H
#define LICIT_LIB_PASSES_EXTRACT_MODELCARDSPASS_H

#include "licit/Pass/Pass.h"
#include "llvm/Support/Path.h"

namespace licit::extract {

class ModelCardsPass : public FilePass {
public:
  static llvm::ArrayRef<RuleID> rules() { return {}; }
  bool accepts(const SourceFile &File) const override {
    return File.Kinds.contains(FileKind::ModelCard) ||
           (File.Kinds.contains(FileKind::Json) &&
            llvm::sys::path::filename(File.AbsPath) == "adapter_config.json");
  }
  void run(const SourceFile &File, const PassContext &Ctx, FactStore &Facts,
           DiagSink &Diags) override;
};

} // namespace licit::extract

#endif // LICIT_LIB_PASSES_EXTRACT_MODELCARDSPASS_H
