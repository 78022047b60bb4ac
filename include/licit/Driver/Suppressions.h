//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Inline suppressions: `licit: ignore[rule-id, licence-*] reason` in a
/// comment of any syntax licit reads. A comment after code covers its line;
/// a comment alone on its line covers the next statement or element (a
/// call over several lines, a YAML key with what is nested under it, a
/// Markdown paragraph). The rule list is required (globs allowed, no
/// blanket form) and so is a reason. The hygiene rules report the unused,
/// the unknown and the unexplained (docs/suppressions.md).
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_DRIVER_SUPPRESSIONS_H
#define LICIT_DRIVER_SUPPRESSIONS_H

#include "licit/Basic/Diagnostic.h"
#include "licit/Basic/Glob.h"
#include "licit/Facts/FactStore.h"
#include "llvm/ADT/DenseMap.h"
#include <map>
#include <string>
#include <vector>

namespace licit {

/// One `licit: ignore[...] reason` comment, a fact of its file.
struct Suppression {
  struct Pattern {
    /// The rule id or glob as written.
    std::string Text;
    SourceRange Range;
    /// What deleting this pattern alone from the list removes (it and a
    /// comma beside it).
    SourceRange Removal;
  };
  FileID File = 0;
  /// The patterns that name at least one rule a suppression can cover.
  llvm::SmallVector<Pattern, 2> Patterns;
  /// From "licit:" to the end of the reason.
  SourceRange Directive;
  /// What deleting the suppression removes: the line when the comment is
  /// alone on it, else the comment and the blanks before it.
  SourceRange Removal;
  /// The bytes it covers: a finding that starts in them is suppressed.
  unsigned CoverBegin = 0;
  unsigned CoverEnd = 0;
};

/// Finds the suppressions in the comments of \p File (read whole) and adds
/// them to \p Facts; malformed ones are reported to \p Sink and not added.
void findSuppressions(const SourceFile &File, FactStore &Facts, DiagSink &Sink);

/// The rules found by findSuppressions().
llvm::ArrayRef<RuleID> suppressionRules();

/// What --add-suppressions writes: for each finding a suppression may
/// cover, `licit: ignore[rule] <reason>` in its file's comment syntax, at
/// the end of its line, or alone above its statement where a comment at the
/// end would change the code (a shell line continued by '\', a multi-line
/// string, a YAML block scalar, reST). A line's rules share one comment; an
/// existing one on the line is extended.
struct SuppressionPlan {
  /// The edits, by file.
  std::map<FileID, std::vector<Edit>> Edits;
  /// Comments written or extended, and the findings they cover.
  unsigned Comments = 0;
  unsigned Findings = 0;
  /// Findings left alone: in a file without comments (JSON), or not
  /// suppressible inline.
  unsigned NoComment = 0;
};

SuppressionPlan planSuppressions(llvm::ArrayRef<Diagnostic> Diags,
                                 const SourceFiles &Files,
                                 llvm::StringRef Reason);

/// The run's suppressions, and which of their patterns were used.
class SuppressionIndex {
public:
  explicit SuppressionIndex(llvm::ArrayRef<Suppression> All);

  /// \returns true, recording the use, when a suppression covers \p D.
  /// Only rules a policy may configure are suppressible, and not the
  /// suppression rules themselves.
  bool suppresses(const Diagnostic &D);

  /// Reports each suppression, or pattern of one, that covered nothing,
  /// with a safe fix that deletes it.
  void reportUnused(DiagSink &Sink) const;

private:
  llvm::ArrayRef<Suppression> All;
  llvm::DenseMap<FileID, llvm::SmallVector<unsigned, 4>> ByFile;
  /// Per suppression, per pattern: compiled once, and whether used.
  std::vector<llvm::SmallVector<Glob, 2>> Patterns;
  std::vector<llvm::SmallVector<bool, 2>> Used;
};

} // namespace licit

#endif // LICIT_DRIVER_SUPPRESSIONS_H
