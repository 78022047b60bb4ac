//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Reports dependencies the policy bans ([dependencies] bans), as
/// cargo-deny's bans do.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_LIB_PASSES_CHECK_DEPBANSPASS_H
#define LICIT_LIB_PASSES_CHECK_DEPBANSPASS_H

#include "licit/Pass/Pass.h"

namespace licit::check {

/// A ban without versions covers every declaration of the package; one
/// with versions covers the version in use (pinned, locked or installed),
/// and nothing when no version is known.
class DepBansPass : public ProjectPass {
public:
  static llvm::ArrayRef<RuleID> rules();
  void run(FactStore &Facts, const PassContext &Ctx, DiagSink &Diags) override;
};

} // namespace licit::check

#endif // LICIT_LIB_PASSES_CHECK_DEPBANSPASS_H
