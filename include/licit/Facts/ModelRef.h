//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A reference to a model found in a checked file: the fact extract passes
/// produce.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_FACTS_MODELREF_H
#define LICIT_FACTS_MODELREF_H

#include "licit/Basic/Diagnostic.h"
#include "licit/Basic/SourceFiles.h"
#include "licit/Knowledge/KnowledgeBase.h"
#include <string>

namespace licit {

/// What the code does with the model it names.
enum class RefAction : unsigned char {
  /// Loads weights to run them (from_pretrained, pipeline, LLM, ...).
  Load,
  /// Loads a tokenizer or processor only.
  Tokenizer,
  /// Loads an adapter onto another model (PEFT, LoRA).
  Adapter,
  /// Downloads files without loading them.
  Download,
  /// Serves the model (vllm serve, a TGI or KServe deployment).
  Serve,
  /// Calls a hosted model through its API.
  Api,
  /// Names the model without a known action: a config value, an
  /// environment variable, a known id in any string.
  Reference
};

llvm::StringRef refActionName(RefAction A);

/// Whether a reference is something the project does (code, configs,
/// command lines) or something its documentation says. Policies apply to
/// uses; to mentions only where they ask.
enum class RefRole : unsigned char { Use, Mention };

llvm::StringRef refRoleName(RefRole R);

struct ModelRef {
  FileID File = 0;
  ModelKind Kind = ModelKind::Hub;
  /// The id without decoration ("hf-hub:" prefixes and the like removed).
  std::string ID;
  /// The id as the file spells it, decoration included.
  std::string Written;
  /// Where the reference is: the string literal, or the name of the
  /// constant passed to the loader.
  SourceRange Range;
  /// The characters that spell the id in the file, replaced by fix-its;
  /// without a file when no single literal spells it verbatim.
  SourceRange IDRange;
  /// How replacement text is written at IDRange and PinRange (escaped in a
  /// notebook).
  Escaping IDEscaping = Escaping::None;
  /// How a replacement of the id may be applied: display-only where
  /// another id would not keep things working (inside a URL, in
  /// documentation, where a file name of the old repository goes with it).
  Applicability ReplaceSafety = Applicability::Unsafe;
  /// The API, key or flag that carried the id (the callee of a loader
  /// call), highlighted beside the primary range; without a file for a
  /// string found outside such a context.
  SourceRange CarrierRange;
  /// The carrier as written ("AutoModel.from_pretrained"), for inventories.
  std::string Carrier;
  /// Where a constant passed by name was assigned, if it was.
  SourceRange DefinedAt;
  /// The pinned revision (a commit, tag or branch), if any.
  std::string Revision;
  /// A revision is passed that licit cannot read (a variable): whether it
  /// is a commit is not known.
  bool RevisionUnread = false;
  /// Where a fix-it pins the revision: the literal that spells it, or the
  /// empty range where a revision argument goes (its text then starts with
  /// PinPrefix, e.g. ", revision="); written as IDEscaping says. Without a
  /// file where the carrier has no such place.
  SourceRange PinRange;
  std::string PinPrefix;
  RefAction Action = RefAction::Load;
  RefRole Role = RefRole::Use;
};

} // namespace licit

#endif // LICIT_FACTS_MODELREF_H
