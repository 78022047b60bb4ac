//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Finds the models an Ollama Modelfile builds on: FROM and ADAPTER.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_LIB_PASSES_EXTRACT_MODELFILEMODELREFSPASS_H
#define LICIT_LIB_PASSES_EXTRACT_MODELFILEMODELREFSPASS_H

#include "licit/Pass/Pass.h"

namespace licit::extract {

/// Reads an Ollama Modelfile's FROM (a library name, an hf.co repository,
/// a local GGUF file or directory) and ADAPTER instructions.
class ModelfileModelRefsPass : public FilePass {
public:
  static llvm::ArrayRef<RuleID> rules() { return {}; }
  bool accepts(const SourceFile &File) const override {
    return File.Kinds.contains(FileKind::Modelfile);
  }
  void run(const SourceFile &File, const PassContext &Ctx, FactStore &Facts,
           DiagSink &Diags) override;
};

} // namespace licit::extract

#endif // LICIT_LIB_PASSES_EXTRACT_MODELFILEMODELREFSPASS_H
