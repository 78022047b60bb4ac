//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Finds the models a Makefile's variables and recipes name.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_LIB_PASSES_EXTRACT_MAKEFILEMODELREFSPASS_H
#define LICIT_LIB_PASSES_EXTRACT_MAKEFILEMODELREFSPASS_H

#include "licit/Pass/Pass.h"

namespace licit::extract {

/// Reads a Makefile's variable assignments (=, :=, ?=, +=) and its recipes,
/// the latter as shell through shell::CommandReader.
class MakefileModelRefsPass : public FilePass {
public:
  static llvm::ArrayRef<RuleID> rules() { return {}; }
  bool accepts(const SourceFile &File) const override {
    return File.Kinds.contains(FileKind::Makefile);
  }
  void run(const SourceFile &File, const PassContext &Ctx, FactStore &Facts,
           DiagSink &Diags) override;
};

} // namespace licit::extract

#endif // LICIT_LIB_PASSES_EXTRACT_MAKEFILEMODELREFSPASS_H
