//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Parses the C and C++ translation units a compilation database describes
/// that call a known loader, and records the string constants that flow
/// into the loaders' model arguments.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_LIB_PASSES_EXTRACT_CXXASTMODELREFSPASS_H
#define LICIT_LIB_PASSES_EXTRACT_CXXASTMODELREFSPASS_H

#include "licit/Pass/Pass.h"

namespace licit::extract {

class CxxAstModelRefsPass : public FilePass {
public:
  static llvm::ArrayRef<RuleID> rules() {
    static const RuleID Rules[] = {RuleID::InputNotCompiled};
    return Rules;
  }
  bool accepts(const SourceFile &File) const override {
    return File.Kinds.contains(FileKind::CFamily);
  }
  void run(const SourceFile &File, const PassContext &Ctx, FactStore &Facts,
           DiagSink &Diags) override;
};

} // namespace licit::extract

#endif // LICIT_LIB_PASSES_EXTRACT_CXXASTMODELREFSPASS_H
