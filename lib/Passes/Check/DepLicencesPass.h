//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Applies the policy's licence lists and copyleft limit to the licences
/// of the dependencies a project ships.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_LIB_PASSES_CHECK_DEPLICENCESPASS_H
#define LICIT_LIB_PASSES_CHECK_DEPLICENCESPASS_H

#include "licit/Pass/Pass.h"

namespace licit::check {

/// SPDX semantics: "A OR B" is acceptable when either is, "A AND B" when
/// both are, "A WITH E" as A is. Dependencies only a developer installs
/// (dev, test and build groups) are listed by `licit deps`, not checked.
class DepLicencesPass : public ProjectPass {
public:
  static llvm::ArrayRef<RuleID> rules();
  void run(FactStore &Facts, const PassContext &Ctx, DiagSink &Diags) override;
};

} // namespace licit::check

#endif // LICIT_LIB_PASSES_CHECK_DEPLICENCESPASS_H
