//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Reads the C and C++ files Clang does not parse (no compilation
/// database, a header, a file the database does not compile or that calls
/// no known loader) with Clang's raw lexer.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_LIB_PASSES_EXTRACT_CXXLEXEDMODELREFSPASS_H
#define LICIT_LIB_PASSES_EXTRACT_CXXLEXEDMODELREFSPASS_H

#include "licit/Pass/Pass.h"

namespace licit::extract {

class CxxLexedModelRefsPass : public FilePass {
public:
  static llvm::ArrayRef<RuleID> rules() { return {}; }
  bool accepts(const SourceFile &File) const override {
    return File.Kinds.contains(FileKind::CFamily);
  }
  void run(const SourceFile &File, const PassContext &Ctx, FactStore &Facts,
           DiagSink &Diags) override;
};

} // namespace licit::extract

#endif // LICIT_LIB_PASSES_EXTRACT_CXXLEXEDMODELREFSPASS_H
