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
#include "licit/Basic/SourceFiles.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/Twine.h"
#include <deque>
#include <string>
#include <vector>

namespace licit {

/// How safe it is to apply a fix without a human looking (ruff's model).
enum class Applicability { Safe, Unsafe, DisplayOnly };

llvm::StringRef applicabilityName(Applicability A);

/// A supplementary message with its own location, e.g. the policy line that
/// decided a finding or the model card that declared a licence. A range
/// without a file means the note has no location.
struct Note {
  SourceRange Range;
  std::string Message;
};

/// One way to fix a finding: non-overlapping edits, all in one file.
struct Fix {
  std::string Title;
  llvm::SmallVector<Edit, 1> Edits;
  Applicability Safety = Applicability::Safe;
};

/// What a verdict is about, for policy exceptions, baselines and machine
/// output: a model, a package, a licence alone or a file.
struct Subject {
  enum KindTy : unsigned char { None, Model, Package, File };
  KindTy Kind = None;
  /// The id policies match ("meta-llama/Llama-3.1-8B", "ollama:llama3").
  std::string ID;
  /// The licences the finding is about; an exception naming licences must
  /// cover every one of them.
  llvm::SmallVector<std::string, 1> Licences;
};

llvm::StringRef subjectKindName(Subject::KindTy K);

struct Diagnostic {
  RuleID Rule;
  /// Resolved centrally (see Driver/Resolver.h); passes leave it alone.
  Severity Level = Severity::Off;
  /// Always names a file; without offsets for a file that could not be
  /// read.
  SourceRange Range;
  llvm::SmallVector<SourceRange, 1> Secondary;
  /// Lower-case start, no trailing period, never the rule id.
  std::string Message;
  llvm::SmallVector<Note, 2> Notes;
  llvm::SmallVector<Fix, 1> Fixes;
  /// Set by --fix: the index in Fixes of the fix applied to the file.
  int AppliedFix = -1;
  Subject About;

  bool isFixed() const { return AppliedFix >= 0; }
};

/// A fingerprint of \p D that survives unrelated edits and moves: the rule,
/// the subject, the file's path \p Path (as the caller makes it stable,
/// e.g. relative to a baseline) and the text at the finding's range; not
/// its line. Sixteen hex digits.
std::string fingerprint(const Diagnostic &D, const SourceFiles &Files,
                        llvm::StringRef Path);

/// Collects the diagnostics of one unit of work (a file, a project pass).
/// Not thread-safe: each parallel task gets its own sink.
class DiagSink {
public:
  /// \p AllowedRules, when non-empty, lists the rules the reporter declared;
  /// reporting any other rule is a programming error.
  explicit DiagSink(llvm::ArrayRef<RuleID> AllowedRules = {})
      : AllowedRules(AllowedRules) {}

  /// Starts a diagnostic at \p Range and returns it so the caller can add
  /// notes and fixes.
  Diagnostic &report(RuleID Rule, SourceRange Range,
                     const llvm::Twine &Message);

  /// Moves every diagnostic reported so far to the end of \p Out.
  void moveTo(std::vector<Diagnostic> &Out);

private:
  llvm::ArrayRef<RuleID> AllowedRules;
  /// A deque, so references returned by report() stay valid while a
  /// reporter adds more.
  std::deque<Diagnostic> Diags;
};

} // namespace licit

#endif // LICIT_BASIC_DIAGNOSTIC_H
