//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Applies licence traits and policy to every referenced model.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_LIB_PASSES_CHECK_LICENCETERMSPASS_H
#define LICIT_LIB_PASSES_CHECK_LICENCETERMSPASS_H

#include "licit/Pass/Pass.h"

namespace licit::check {

/// Reads the resolution of each ModelRef (resolve-models) and reports every
/// licence trait, allow/deny entry and openness minimum the policy cares
/// about. Where the knowledge base knows a
/// permissive alternative the policy accepts, it is offered as an unsafe
/// fix-it: swapping models changes behaviour.
class LicenceTermsPass : public ProjectPass {
public:
  static llvm::ArrayRef<RuleID> rules();
  void run(FactStore &Facts, const PassContext &Ctx, DiagSink &Diags) override;
};

} // namespace licit::check

#endif // LICIT_LIB_PASSES_CHECK_LICENCETERMSPASS_H
