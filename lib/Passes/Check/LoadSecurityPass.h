//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Reports the loads that can run code (remote code trusted, pickles
/// unpickled) that any extractor found, under one rule per kind whatever
/// the language, and hub models loaded at a revision that can change.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_LIB_PASSES_CHECK_LOADSECURITYPASS_H
#define LICIT_LIB_PASSES_CHECK_LOADSECURITYPASS_H

#include "licit/Pass/Pass.h"

namespace licit::check {

class LoadSecurityPass : public ProjectPass {
public:
  static llvm::ArrayRef<RuleID> rules();
  void run(FactStore &Facts, const PassContext &Ctx, DiagSink &Diags) override;
};

} // namespace licit::check

#endif // LICIT_LIB_PASSES_CHECK_LOADSECURITYPASS_H
