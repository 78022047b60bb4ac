//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The one place a finding's fate is decided: policy exception, policy
/// severity (the Rules.def default when the policy is silent),
/// --warnings-as-errors, then the note at the policy line that set the
/// severity. Which exceptions were used is counted here, per run, never in
/// the shared policy.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_DRIVER_RESOLVER_H
#define LICIT_DRIVER_RESOLVER_H

#include "licit/Basic/Diagnostic.h"
#include "licit/Basic/GlobList.h"
#include "licit/Policy/Policy.h"
#include "llvm/ADT/DenseSet.h"
#include <functional>

namespace licit {

class SuppressionIndex;
class Baseline;
struct PolicyException;

class DiagnosticResolver {
public:
  /// \p PolicyFor gives the policy governing a file (loading it if need
  /// be).
  DiagnosticResolver(
      const SourceFiles &Files,
      std::function<const CompiledPolicy &(const SourceFile &)> PolicyFor,
      const GlobList &WarningsAsErrors, SuppressionIndex *Inline = nullptr,
      Baseline *Known = nullptr)
      : Files(Files), PolicyFor(std::move(PolicyFor)),
        WarningsAsErrors(WarningsAsErrors), Inline(Inline), Known(Known) {}

  /// Decides \p D's severity and notes. \returns false when it is dropped:
  /// 'off', or covered by an inline suppression, else a policy exception,
  /// else the baseline.
  bool resolve(Diagnostic &D);

  /// Findings covered by a policy exception.
  unsigned suppressed() const { return Suppressed; }
  /// Findings covered by an inline suppression.
  unsigned suppressedInline() const { return SuppressedInline; }
  /// Findings the baseline records.
  unsigned suppressedByBaseline() const { return SuppressedByBaseline; }
  const llvm::DenseSet<const PolicyException *> &usedExceptions() const {
    return Used;
  }

private:
  const SourceFiles &Files;
  /// Owned: the resolver outlives the expression that builds it.
  std::function<const CompiledPolicy &(const SourceFile &)> PolicyFor;
  const GlobList &WarningsAsErrors;
  SuppressionIndex *Inline;
  Baseline *Known;
  llvm::DenseSet<const PolicyException *> Used;
  unsigned Suppressed = 0;
  unsigned SuppressedInline = 0;
  unsigned SuppressedByBaseline = 0;
};

/// Sorts \p Diags by file path, offset, rule and message: the order every
/// renderer prints in.
/// The policy line that set \p Rule's severity in \p Policy, where it says
/// something: not a built-in pack repeating the rule's default.
const Located<Severity> *explainingSetting(const CompiledPolicy &Policy,
                                           const SourceFiles &Files,
                                           RuleID Rule);

void sortDiagnostics(const SourceFiles &Files, std::vector<Diagnostic> &Diags);

} // namespace licit

#endif // LICIT_DRIVER_RESOLVER_H
