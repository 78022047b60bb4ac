//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The syntax of model ids, shared by every extract pass: what a well-formed
/// hub id, hub URL, Ollama tag, API model name or weights file looks like,
/// which decorations ("hf-hub:", "hf.co/", LiteLLM provider prefixes) to
/// strip, and which look-alikes (placeholders, dataset URLs, directories)
/// are never models.
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
  Weights,     ///< A weights file ("yolov8n.pt"), or a hub id.
  /// A key or flag that names a model of any kind ("model:", "--model"):
  /// the value's shape, and the knowledge base, decide which.
  Any,
};

/// How sure a context is that its value names a model.
enum class Confidence {
  /// The carrier always holds a model: any well-formed id is accepted,
  /// except look-alikes no model has (placeholders, directories).
  Strong,
  /// Any other string: accepted only when the knowledge base knows it or
  /// it is unmistakably shaped as a model (a hub URL, a weights file, an
  /// organisation that publishes models).
  Weak
};

struct ParsedId {
  ModelKind Kind;
  std::string ID;
  /// A hub id with an "org/" part; bare names may be local directories.
  bool HasNamespace = true;
  /// Where the id starts in the parsed text, when the text spells it
  /// verbatim there; npos otherwise.
  size_t Offset = std::string::npos;
  /// The id is part of a URL: replacing it would not keep the URL working.
  bool InUrl = false;
  /// A revision the text pins ("/resolve/<rev>/", "--revision").
  std::string Revision;
};

/// \returns the model \p Text names under \p Syntax, or None when it is not
/// well-formed (a path, a URL to a file, an empty or spaced string, ...).
/// Pure syntax: says nothing of whether the model exists.
llvm::Optional<ParsedId> parseModelId(llvm::StringRef Text, IdSyntax Syntax);

/// \returns the model \p Text names in a context of \p Syntax and
/// \p Confidence, consulting \p KB for names only the knowledge base can
/// tell from ordinary words; None for look-alikes.
llvm::Optional<ParsedId> classifyModelId(llvm::StringRef Text, IdSyntax Syntax,
                                         Confidence Conf,
                                         const KnowledgeBase &KB);

/// \returns true when \p Segment stands for a name the reader must fill in
/// ("your-org", "<model>", "HF_USERNAME", "{model}"), never a real one.
bool isPlaceholder(llvm::StringRef Segment);

/// \returns true when \p Text is an "org/name" whose name carries a
/// parameter count ("7B", "1.1B") or a release form ("-Instruct", "-GGUF"):
/// what documentation writes only of models, never of code repositories.
bool isModelShaped(llvm::StringRef Text);

/// \returns the file name of a weights file that \p Text (a path, a file
/// name or a template such as "ggml-{model}.bin") spells, or None. With
/// \p Strong, the ambiguous extensions (".bin", ".h5") count too.
llvm::Optional<llvm::StringRef> weightsFileName(llvm::StringRef Text,
                                                bool Strong);

} // namespace licit

#endif // LICIT_FACTS_MODELIDS_H
