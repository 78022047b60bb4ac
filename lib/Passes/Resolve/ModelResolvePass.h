//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Resolves every model reference to the model it means.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_LIB_PASSES_RESOLVE_MODELRESOLVEPASS_H
#define LICIT_LIB_PASSES_RESOLVE_MODELRESOLVEPASS_H

#include "licit/Pass/Pass.h"

namespace licit::resolve {

/// Writes one ModelResolution per ModelRef: the knowledge-base entry, the
/// declared and effective licence expressions, openness, lineage and the
/// provenance of each fact. Check passes and `licit models` read them.
class ModelResolvePass : public ProjectPass {
public:
  static llvm::ArrayRef<RuleID> rules() { return {}; }
  void run(FactStore &Facts, const PassContext &Ctx, DiagSink &Diags) override;
};

} // namespace licit::resolve

#endif // LICIT_LIB_PASSES_RESOLVE_MODELRESOLVEPASS_H
