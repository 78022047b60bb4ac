//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Turns a string an extractor found into a located ModelRef: classifies
/// it (ModelIds.h), locates the value, the id's own characters and the
/// carrier, and records each spelling once. Every extract pass goes
/// through it, so all file kinds agree on what a model is.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_FACTS_REFRECORDER_H
#define LICIT_FACTS_REFRECORDER_H

#include "licit/Basic/SourceFiles.h"
#include "licit/Facts/FactStore.h"
#include "licit/Facts/ModelIds.h"
#include "licit/Facts/ModelRef.h"
#include "llvm/ADT/DenseSet.h"

namespace licit {

/// Where and how a value was found.
struct RefSite {
  IdSyntax Syntax = IdSyntax::Any;
  Confidence Conf = Confidence::Strong;
  RefAction Action = RefAction::Reference;
  /// The key, flag or callee that carried the value, as it is written in
  /// the source text; empty for none.
  llvm::StringRef Carrier;
  /// Where the value was used, when it is defined elsewhere (a constant or
  /// variable passed by name); empty when it is used where it is written.
  llvm::StringRef UsedAt;
  /// The text that writes the literal, when it is another file than the
  /// recorder's (a header a C++ translation unit includes); null for the
  /// recorder's own.
  const SourceText *LiteralSource = nullptr;
  std::string Revision;
  /// A revision is passed that licit cannot read (a variable).
  bool RevisionUnread = false;
  /// Where a fix-it pins the revision to a commit: the string literal that
  /// spells the revision, or the empty text where a revision argument is
  /// added (written PinPrefix, then the quoted commit). Null for neither.
  llvm::StringRef PinAt;
  std::string PinPrefix;
  /// How a replacement of the id may be applied here.
  Applicability FixSafety = Applicability::Unsafe;
};

class RefRecorder {
public:
  RefRecorder(const SourceText &Source, const KnowledgeBase &KB,
              FactStore &Facts, RefRole Role = RefRole::Use)
      : Source(Source), KB(KB), Facts(Facts), Role(Role) {}
  RefRecorder(const RefRecorder &) = delete;
  RefRecorder &operator=(const RefRecorder &) = delete;
  /// Adds what was recorded to the fact store: a literal that a use
  /// through a name reaches ("MODEL_ID=x" ... "--model $MODEL_ID") is
  /// reported at that use, with a note at the literal, not twice.
  ~RefRecorder();

  /// Records the model \p Value names, if it names one in \p Site.
  /// \p Literal is the text of the source that writes the value, quotes
  /// included: the reference's location. The id's own characters are
  /// located (for fix-its) only when the literal spells the value
  /// verbatim. \returns true when the value names a model (recorded now or
  /// before).
  bool record(llvm::StringRef Value, llvm::StringRef Literal,
              const RefSite &Site);
  /// Records a value the source spells verbatim, without quotes.
  bool record(llvm::StringRef Literal, const RefSite &Site) {
    return record(Literal, Literal, Site);
  }

  /// Records each word of prose \p Text (a substring of the source) that
  /// names a model in \p Site: words split at spaces, quotes, brackets
  /// and Markdown punctuation, trailing sentence punctuation dropped.
  void recordWords(llvm::StringRef Text, const RefSite &Site);

  const KnowledgeBase &knowledge() const { return KB; }
  const SourceText &source() const { return Source; }
  FactStore &facts() { return Facts; }

private:
  const SourceText &Source;
  const KnowledgeBase &KB;
  FactStore &Facts;
  RefRole Role;
  std::vector<ModelRef> Pending;
  /// Literals recorded where they are written, and (use, literal) pairs
  /// recorded where a name carries them: each is one reference.
  llvm::DenseSet<unsigned> Written;
  llvm::DenseSet<std::tuple<unsigned, FileID, unsigned>> Carried;
};

} // namespace licit

#endif // LICIT_FACTS_REFRECORDER_H
