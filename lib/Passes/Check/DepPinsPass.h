//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Reports dependencies whose version can change under a release: not
/// pinned to one version, and resolved by no lockfile.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_LIB_PASSES_CHECK_DEPPINSPASS_H
#define LICIT_LIB_PASSES_CHECK_DEPPINSPASS_H

#include "licit/Pass/Pass.h"

namespace licit::check {

/// Off by default: for release policies. Direct references (URLs, paths)
/// and development-only groups are not reported.
class DepPinsPass : public ProjectPass {
public:
  static llvm::ArrayRef<RuleID> rules();
  void run(FactStore &Facts, const PassContext &Ctx, DiagSink &Diags) override;
};

} // namespace licit::check

#endif // LICIT_LIB_PASSES_CHECK_DEPPINSPASS_H
