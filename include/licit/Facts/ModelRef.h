//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A reference to a model found in a checked file.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_FACTS_MODELREF_H
#define LICIT_FACTS_MODELREF_H

#include "licit/Knowledge/KnowledgeBase.h"
#include "llvm/Support/SMLoc.h"
#include <string>

namespace licit {

struct SourceFile;

/// How sure extraction is that a string names a model.
enum class RefContext {
  /// An argument, key or flag that always holds a model (a loader API):
  /// any well-formed id is accepted.
  Strong,
  /// Any other string literal: accepted only when the knowledge base knows
  /// the id.
  Weak
};

struct ModelRef {
  const SourceFile *File = nullptr;
  ModelKind Kind = ModelKind::Hub;
  /// The id without decoration ("hf-hub:" prefixes and the like removed).
  std::string ID;
  /// Where the reference is: the string literal, or the name of the
  /// constant passed to the loader.
  llvm::SMRange Range;
  /// The characters that spell the id in the file, replaced by fix-its;
  /// invalid when no single literal spells it verbatim.
  llvm::SMRange IDRange;
  /// The API, key or flag that carried the id (the callee of a loader
  /// call), highlighted beside the primary range; invalid in weak context.
  llvm::SMRange CarrierRange;
  /// Where a constant passed by name was assigned, if it was.
  llvm::SMRange DefinedAt;
  /// The pinned revision (a commit, tag or branch), if any.
  std::string Revision;
  /// The API, key or flag that carried the id, for messages.
  std::string Via;
  RefContext Context = RefContext::Strong;
};

} // namespace licit

#endif // LICIT_FACTS_MODELREF_H
