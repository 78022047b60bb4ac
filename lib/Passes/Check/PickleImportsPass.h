//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Reads pickle-based weights statically (raw pickles, PyTorch's zip
/// checkpoints and NumPy's .npy/.npz) and reports every global they would
/// import that genuine checkpoints do not: loading them runs that code.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_LIB_PASSES_CHECK_PICKLEIMPORTSPASS_H
#define LICIT_LIB_PASSES_CHECK_PICKLEIMPORTSPASS_H

#include "licit/Pass/Pass.h"

namespace licit::check {

/// Default-deny: each import is checked against the allowlist of
/// PickleGlobals.def and the policy's `[security] pickle-allow`; the
/// dangerous ones are errors. Nothing is unpickled or imported.
class PickleImportsPass : public FilePass {
public:
  static llvm::ArrayRef<RuleID> rules();
  bool accepts(const SourceFile &File) const override {
    return File.Kinds.contains(FileKind::Pickle);
  }
  void run(const SourceFile &File, const PassContext &Ctx, FactStore &Facts,
           DiagSink &Diags) override;
};

} // namespace licit::check

#endif // LICIT_LIB_PASSES_CHECK_PICKLEIMPORTSPASS_H
