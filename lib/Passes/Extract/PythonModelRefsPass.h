//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Finds model ids passed to loader APIs in Python code.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_LIB_PASSES_EXTRACT_PYTHONMODELREFSPASS_H
#define LICIT_LIB_PASSES_EXTRACT_PYTHONMODELREFSPASS_H

#include "licit/Pass/Pass.h"

namespace licit::extract {

/// Reads Python sources through python::extractModelRefs: a ModelRef for
/// every model id passed to a known loader (strong context) and for every
/// other string literal that is a model id the knowledge base knows (weak
/// context).
class PythonModelRefsPass : public FilePass {
public:
  static llvm::ArrayRef<RuleID> rules() { return {}; }
  bool accepts(const SourceFile &File) const override {
    return File.Kinds.contains(FileKind::Python);
  }
  void run(const SourceFile &File, const PassContext &Ctx, FactStore &Facts,
           DiagSink &Diags) override;
};

} // namespace licit::extract

#endif // LICIT_LIB_PASSES_EXTRACT_PYTHONMODELREFSPASS_H
