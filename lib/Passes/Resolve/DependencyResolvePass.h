//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Resolves every dependency to its licence.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_LIB_PASSES_RESOLVE_DEPENDENCYRESOLVEPASS_H
#define LICIT_LIB_PASSES_RESOLVE_DEPENDENCYRESOLVEPASS_H

#include "licit/Pass/Pass.h"

namespace licit::resolve {

/// Writes one DependencyResolution per Dependency: the installed package's
/// metadata when an environment beside the project has it and names a
/// licence licit reads, else the built-in table of common packages, else
/// what the metadata writes (unreadable) or nothing.
class DependencyResolvePass : public ProjectPass {
public:
  static llvm::ArrayRef<RuleID> rules() { return {}; }
  void run(FactStore &Facts, const PassContext &Ctx, DiagSink &Diags) override;
};

} // namespace licit::resolve

#endif // LICIT_LIB_PASSES_RESOLVE_DEPENDENCYRESOLVEPASS_H
