//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Facts/ModelIds.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace licit {

/// One segment of a hub id: starts alphanumeric, then [A-Za-z0-9._-], with
/// no "--" or ".." (the hub rejects both), at most 96 characters.
static bool isHubSegment(StringRef S) {
  if (S.empty() || S.size() > 96 || !isAlnum(S.front()))
    return false;
  if (S.contains("--") || S.contains(".."))
    return false;
  return all_of(
      S, [](char C) { return isAlnum(C) || C == '.' || C == '_' || C == '-'; });
}

/// Names ending like a file are weights or configs, not repositories.
static bool looksLikeFile(StringRef S) {
  static const StringRef Extensions[] = {
      ".bin",  ".pt",   ".pth", ".ckpt", ".safetensors", ".gguf", ".onnx",
      ".json", ".yaml", ".yml", ".txt",  ".py",          ".pkl",  ".h5",
      ".zip",  ".tar",  ".gz",  ".csv",  ".parquet",     ".md"};
  StringRef Ext = sys::path::extension(S);
  return any_of(Extensions,
                [&](StringRef E) { return Ext.equals_insensitive(E); });
}

static Optional<ParsedId> parseHub(StringRef S) {
  for (StringRef Prefix :
       {"hf-hub:", "hf://", "https://huggingface.co/", "http://huggingface.co/",
        "huggingface.co/", "https://hf.co/", "hf.co/"})
    if (S.consume_front(Prefix))
      break;
  auto [Org, Name] = S.split('/');
  if (looksLikeFile(S))
    return None;
  if (Name.empty() && !S.contains('/'))
    return isHubSegment(Org)
               ? Optional<ParsedId>(ParsedId{ModelKind::Hub, Org.str(), false})
               : None;
  if (!isHubSegment(Org) || !isHubSegment(Name))
    return None;
  return ParsedId{ModelKind::Hub, S.str(), true};
}

static bool isTagChar(char C) {
  return isAlnum(C) || C == '.' || C == '_' || C == '-';
}

static Optional<ParsedId> parseOllama(StringRef S) {
  // Ollama pulls GGUF repositories straight from the hub.
  for (StringRef Prefix : {"hf.co/", "huggingface.co/"})
    if (S.startswith(Prefix))
      return parseHub(S.drop_front(Prefix.size()).split(':').first);
  auto [Name, Tag] = S.split(':');
  if (Name.empty() || !isAlnum(Name.front()) ||
      !all_of(Name, [](char C) { return isTagChar(C) || C == '/'; }) ||
      Name.count('/') > 1 || !all_of(Tag, isTagChar) ||
      (S.contains(':') && Tag.empty()))
    return None;
  return ParsedId{ModelKind::Ollama, S.str(), true};
}

static Optional<ParsedId> parseApi(StringRef S) {
  if (S.empty() || !isAlnum(S.front()) ||
      !all_of(S, [](char C) { return isTagChar(C) || C == ':'; }))
    return None;
  return ParsedId{ModelKind::Api, S.str(), true};
}

Optional<ParsedId> parseModelId(StringRef Text, IdSyntax Syntax) {
  switch (Syntax) {
  case IdSyntax::Hub:
    return parseHub(Text);
  case IdSyntax::HubPrefixed:
    return Text.startswith("hf-hub:") ? parseHub(Text) : None;
  case IdSyntax::Ollama:
    return parseOllama(Text);
  case IdSyntax::Api:
    return parseApi(Text);
  case IdSyntax::LiteLLM: {
    auto [Provider, Rest] = Text.split('/');
    if (Rest.empty())
      return parseApi(Text);
    if (Provider == "ollama" || Provider == "ollama_chat")
      return parseOllama(Rest);
    if (Provider == "huggingface")
      return parseHub(Rest);
    return parseApi(Rest);
  }
  }
  llvm_unreachable("unknown id syntax");
}

} // namespace licit
