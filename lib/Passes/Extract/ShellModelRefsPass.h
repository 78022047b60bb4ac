//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Finds the models shell scripts and .env files name.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_LIB_PASSES_EXTRACT_SHELLMODELREFSPASS_H
#define LICIT_LIB_PASSES_EXTRACT_SHELLMODELREFSPASS_H

#include "licit/Pass/Pass.h"

namespace licit::extract {

/// Reads shell scripts and .env files through shell::CommandReader: model
/// flags, the tools' positional model arguments, environment assignments
/// and hub URLs.
class ShellModelRefsPass : public FilePass {
public:
  static llvm::ArrayRef<RuleID> rules() { return {}; }
  bool accepts(const SourceFile &File) const override {
    return File.Kinds.contains(FileKind::Shell) ||
           File.Kinds.contains(FileKind::Env);
  }
  void run(const SourceFile &File, const PassContext &Ctx, FactStore &Facts,
           DiagSink &Diags) override;
};

} // namespace licit::extract

#endif // LICIT_LIB_PASSES_EXTRACT_SHELLMODELREFSPASS_H
