//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Finds the models a Dockerfile's RUN, CMD, ENTRYPOINT, ENV and ARG name.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_LIB_PASSES_EXTRACT_DOCKERFILEMODELREFSPASS_H
#define LICIT_LIB_PASSES_EXTRACT_DOCKERFILEMODELREFSPASS_H

#include "licit/Pass/Pass.h"

namespace licit::extract {

/// Reads each instruction of a Dockerfile: commands (shell and exec form)
/// through shell::CommandReader, ENV and ARG as assignments. Images
/// (FROM) are never models.
class DockerfileModelRefsPass : public FilePass {
public:
  static llvm::ArrayRef<RuleID> rules() { return {}; }
  bool accepts(const SourceFile &File) const override {
    return File.Kinds.contains(FileKind::Dockerfile);
  }
  void run(const SourceFile &File, const PassContext &Ctx, FactStore &Facts,
           DiagSink &Diags) override;
};

} // namespace licit::extract

#endif // LICIT_LIB_PASSES_EXTRACT_DOCKERFILEMODELREFSPASS_H
