//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Driver/Resolver.h"
#include "licit/Driver/Baseline.h"
#include "licit/Driver/Suppressions.h"
#include "licit/Policy/Policy.h"
#include "llvm/ADT/STLExtras.h"
#include <tuple>

using namespace llvm;

namespace licit {

bool DiagnosticResolver::resolve(Diagnostic &D) {
  // policy-* problems are about the policies themselves: never configured.
  const CompiledPolicy *Policy = nullptr;
  const SourceFile &File = Files.get(D.Range.File);
  if (getRuleInfo(D.Rule).isConfigurable())
    Policy = &PolicyFor(File);
  D.Level =
      Policy ? Policy->severityOf(D.Rule) : getRuleInfo(D.Rule).DefaultSeverity;
  if (D.Level == Severity::Warning &&
      WarningsAsErrors.contains(getRuleInfo(D.Rule).Name))
    D.Level = Severity::Error;
  if (D.Level == Severity::Off)
    return false;
  // The comment at the finding is more specific than the policy.
  if (Inline && Inline->suppresses(D)) {
    ++SuppressedInline;
    return false;
  }
  if (Policy)
    if (const PolicyException *E = Policy->findException(D, File.AbsPath)) {
      Used.insert(E);
      ++Suppressed;
      return false;
    }
  if (Known && Known->hides(D, Files)) {
    ++SuppressedByBaseline;
    return false;
  }
  if (Policy)
    if (const Located<Severity> *S = explainingSetting(*Policy, Files, D.Rule))
      D.Notes.push_back(
          {S->Range, ("'" + getRuleInfo(D.Rule).Name + "' is set to '" +
                      severityName(S->Value) + "' here")
                         .str()});
  return true;
}

const Located<Severity> *explainingSetting(const CompiledPolicy &Policy,
                                           const SourceFiles &Files,
                                           RuleID Rule) {
  const Located<Severity> *S = Policy.settingOf(Rule);
  if (!S || (S->Range.hasFile() && Files.get(S->Range.File).Builtin &&
             S->Value == getRuleInfo(Rule).DefaultSeverity))
    return nullptr;
  return S;
}

void sortDiagnostics(const SourceFiles &Files, std::vector<Diagnostic> &Diags) {
  auto Key = [&](const Diagnostic &D) {
    return std::make_tuple(Files.path(D.Range.File),
                           D.Range.hasOffsets() ? D.Range.Begin : 0u,
                           static_cast<unsigned>(D.Rule), StringRef(D.Message));
  };
  llvm::stable_sort(Diags, [&](const Diagnostic &A, const Diagnostic &B) {
    return Key(A) < Key(B);
  });
}

} // namespace licit
