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
  /// call), highlighted beside the primary range; invalid for a string
  /// found outside such a context.
  llvm::SMRange CarrierRange;
  /// Where a constant passed by name was assigned, if it was.
  llvm::SMRange DefinedAt;
  /// The pinned revision (a commit, tag or branch), if any.
  std::string Revision;
};

} // namespace licit

#endif // LICIT_FACTS_MODELREF_H
