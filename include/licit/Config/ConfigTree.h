//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// One located tree for every config format (YAML, JSON, TOML, INI), so
/// that one reader (Config/ModelRefs.h) applies the same keys to all of
/// them. Scalars keep their decoded value and the text that writes them;
/// only strings are kept (numbers and booleans name no model).
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_CONFIG_CONFIGTREE_H
#define LICIT_CONFIG_CONFIGTREE_H

#include "licit/Basic/SourceFiles.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace licit {
struct TomlNode;
namespace json {
struct Value;
} // namespace json
} // namespace licit

namespace licit::config {

struct Node {
  enum KindTy : unsigned char { Scalar, Sequence, Mapping };
  KindTy Kind = Scalar;
  /// A scalar's value, and the text of the file that writes it (quotes
  /// and block indicators included).
  std::string Value;
  llvm::StringRef Literal;
  struct Entry;
  std::vector<Entry> Entries;
  std::vector<Node> Items;

  /// \returns the scalar entry \p Key of a mapping, or null.
  const Node *scalar(llvm::StringRef Key) const;
};

struct Node::Entry {
  std::string Key;
  /// The key as written: the carrier of the value.
  llvm::StringRef KeyLiteral;
  Node Value;
};

/// What reading a file gave: its documents, and the first problem.
struct ReadResult {
  std::vector<Node> Documents;
  /// The text where reading stopped, and why; empty when it did not.
  llvm::StringRef ErrorAt;
  std::string Error;
};

/// Reads YAML (every document of a stream). Aliases are not expanded.
ReadResult readYaml(llvm::StringRef Text);
/// Reads INI and setup.cfg-style files: [section] headers, "key = value"
/// and "key: value" lines, ';' and '#' comments.
ReadResult readIni(llvm::StringRef Text);

/// The same tree for a parsed JSON document or TOML table, written in
/// \p Text.
Node fromJson(const json::Value &V, llvm::StringRef Text);
Node fromToml(const TomlNode &T, llvm::StringRef Text);

} // namespace licit::config

#endif // LICIT_CONFIG_CONFIGTREE_H
