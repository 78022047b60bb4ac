//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The one diagnostic model every pass reports into and every renderer reads.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_BASIC_DIAGNOSTIC_H
#define LICIT_BASIC_DIAGNOSTIC_H

#include "licit/Basic/RuleID.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/SMLoc.h"
#include "llvm/Support/SourceMgr.h"
#include <deque>
#include <string>
#include <vector>

namespace licit {

/// How safe it is to apply a fix without a human looking (ruff's model).
enum class Applicability { Safe, Unsafe, DisplayOnly };

llvm::StringRef applicabilityName(Applicability A);

/// A supplementary message with its own location, e.g. the policy line that
/// decided a finding or the model card that declared a licence. An invalid
/// range means the note has no location.
struct Note {
  llvm::SMRange Range;
  std::string Message;
};

/// One way to fix a finding: sorted, non-overlapping edits.
struct Fix {
  std::string Title;
  llvm::SmallVector<llvm::SMFixIt, 1> Edits;
  Applicability Safety = Applicability::Safe;
};

struct Diagnostic {
  RuleID Rule;
  /// Resolved centrally by DiagnosticEngine; passes leave it alone.
  Severity Level = Severity::Off;
  /// Path of the file the finding is in; kept even when Range is invalid
  /// (a file that could not be read has no location inside it).
  std::string File;
  llvm::SMRange Range;
  llvm::SmallVector<llvm::SMRange, 1> Secondary;
  /// Lower-case start, no trailing period, never the rule id.
  std::string Message;
  llvm::SmallVector<Note, 2> Notes;
  llvm::SmallVector<Fix, 1> Fixes;
  /// Set by --fix: the index in Fixes of the fix applied to the file.
  int AppliedFix = -1;

  bool isFixed() const { return AppliedFix >= 0; }
  /// What the verdict is about, for policy exceptions and machine output.
  std::string ModelID;
  /// The licences the finding is about; an exception naming licences must
  /// cover every one of them.
  llvm::SmallVector<std::string, 1> LicenceIDs;
};

/// Collects the diagnostics of one unit of work (a file, a project pass).
/// Not thread-safe: each parallel task gets its own sink.
class DiagSink {
public:
  /// \p AllowedRules, when non-empty, lists the rules the reporter declared;
  /// reporting any other rule is a programming error.
  explicit DiagSink(llvm::ArrayRef<RuleID> AllowedRules = {})
      : AllowedRules(AllowedRules) {}

  /// Starts a diagnostic at \p Range in \p File and returns it so the
  /// caller can add notes and fixes.
  Diagnostic &report(RuleID Rule, llvm::StringRef File, llvm::SMRange Range,
                     const llvm::Twine &Message);

  /// Moves every diagnostic reported so far to the end of \p Out.
  void moveTo(std::vector<Diagnostic> &Out);

private:
  llvm::ArrayRef<RuleID> AllowedRules;
  /// A deque, so references returned by report() stay valid while a
  /// reporter adds more.
  std::deque<Diagnostic> Diags;
};

/// \returns an SMRange covering \p Text, which must point into a buffer.
inline llvm::SMRange rangeOf(llvm::StringRef Text) {
  return llvm::SMRange(llvm::SMLoc::getFromPointer(Text.begin()),
                       llvm::SMLoc::getFromPointer(Text.end()));
}

} // namespace licit

#endif // LICIT_BASIC_DIAGNOSTIC_H
