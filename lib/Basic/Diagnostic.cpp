//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Basic/Diagnostic.h"
#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace licit {

StringRef applicabilityName(Applicability A) {
  switch (A) {
  case Applicability::Safe:
    return "safe";
  case Applicability::Unsafe:
    return "unsafe";
  case Applicability::DisplayOnly:
    return "display-only";
  }
  llvm_unreachable("unknown applicability");
}

StringRef subjectKindName(Subject::KindTy K) {
  switch (K) {
  case Subject::None:
    return "none";
  case Subject::Model:
    return "model";
  case Subject::Package:
    return "package";
  case Subject::File:
    return "file";
  }
  llvm_unreachable("unknown subject kind");
}

Diagnostic &DiagSink::report(RuleID Rule, SourceRange Range,
                             const Twine &Message) {
  assert((AllowedRules.empty() || is_contained(AllowedRules, Rule)) &&
         "pass reported a rule it does not declare");
  Diags.emplace_back();
  Diagnostic &D = Diags.back();
  D.Rule = Rule;
  D.Range = Range;
  D.Message = Message.str();
  return D;
}

void DiagSink::moveTo(std::vector<Diagnostic> &Out) {
  Out.insert(Out.end(), std::make_move_iterator(Diags.begin()),
             std::make_move_iterator(Diags.end()));
  Diags.clear();
}

} // namespace licit
