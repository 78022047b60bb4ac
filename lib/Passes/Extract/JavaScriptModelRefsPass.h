//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Finds the models JavaScript and TypeScript code names.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_LIB_PASSES_EXTRACT_JAVASCRIPTMODELREFSPASS_H
#define LICIT_LIB_PASSES_EXTRACT_JAVASCRIPTMODELREFSPASS_H

#include "licit/Pass/Pass.h"

namespace licit::extract {

/// Reads JavaScript and TypeScript as tokens (strings, names, punctuation;
/// comments skipped): string values of model keys in object literals,
/// assignments and parameter defaults ({ model: "gpt-4o" }, modelId =
/// "..."), transformers.js loaders (pipeline(task, model),
/// from_pretrained(model)), and any other string that is unmistakably a
/// model.
class JavaScriptModelRefsPass : public FilePass {
public:
  static llvm::ArrayRef<RuleID> rules() { return {}; }
  bool accepts(const SourceFile &File) const override {
    return File.Kinds.contains(FileKind::JavaScript);
  }
  void run(const SourceFile &File, const PassContext &Ctx, FactStore &Facts,
           DiagSink &Diags) override;
};

} // namespace licit::extract

#endif // LICIT_LIB_PASSES_EXTRACT_JAVASCRIPTMODELREFSPASS_H
