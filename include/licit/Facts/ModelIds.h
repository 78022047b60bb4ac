//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The syntax of model ids, shared by every extract pass: what a well-formed
/// hub id, Ollama tag or API model name looks like, and which decorations
/// ("hf-hub:", "hf.co/", LiteLLM provider prefixes) to strip.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_FACTS_MODELIDS_H
#define LICIT_FACTS_MODELIDS_H

#include "licit/Knowledge/KnowledgeBase.h"
#include "llvm/ADT/Optional.h"
#include <string>

namespace licit {

/// What a context expects to find.
enum class IdSyntax {
  Hub,         ///< "org/name", with optional hub URL prefixes.
  HubPrefixed, ///< Only "hf-hub:org/name" is a hub id (timm, open_clip).
  Ollama,      ///< "name[:tag]", or "hf.co/org/name[:quant]" for the hub.
  Api,         ///< A hosted model name such as "gpt-4o".
  LiteLLM,     ///< "provider/model", the provider choosing the namespace.
};

struct ParsedId {
  ModelKind Kind;
  std::string ID;
  /// A hub id with an "org/" part; bare names may be local directories.
  bool HasNamespace = true;
};

/// \returns the model \p Text names under \p Syntax, or None when it is not
/// well-formed (a path, a URL to a file, an empty or spaced string, ...).
llvm::Optional<ParsedId> parseModelId(llvm::StringRef Text, IdSyntax Syntax);

} // namespace licit

#endif // LICIT_FACTS_MODELIDS_H
