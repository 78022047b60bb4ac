//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Checks the versions a project pins or has installed against the OSV
/// advisories of a local database.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_LIB_PASSES_CHECK_DEPADVISORIESPASS_H
#define LICIT_LIB_PASSES_CHECK_DEPADVISORIESPASS_H

#include "licit/Pass/Pass.h"

namespace licit::check {

/// A dependency's version is the one its manifest pins exactly, else the
/// installed one; without either there is nothing to match. One finding
/// per dependency names every advisory (each a note at its record); the
/// fix-it raises the requirement to the lowest version that fixes them.
class DepAdvisoriesPass : public ProjectPass {
public:
  static llvm::ArrayRef<RuleID> rules();
  void run(FactStore &Facts, const PassContext &Ctx, DiagSink &Diags) override;
};

} // namespace licit::check

#endif // LICIT_LIB_PASSES_CHECK_DEPADVISORIESPASS_H
