//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A located TOML document tree. toml++ stays behind Toml.cpp; the rest of
/// licit validates this tree, so every value keeps the source range its
/// diagnostics point at.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_FORMATS_TOML_H
#define LICIT_FORMATS_TOML_H

#include "licit/Basic/SourceFiles.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace licit {

struct TomlDate {
  int Year = 0, Month = 0, Day = 0;
  bool operator<(const TomlDate &O) const {
    return std::tie(Year, Month, Day) < std::tie(O.Year, O.Month, O.Day);
  }
};

struct TomlNode {
  enum KindTy { Table, Array, String, Integer, Float, Boolean, Date, Other };
  KindTy Kind = Other;
  /// Where the value is written.
  SourceRange Range;
  /// For a table entry, where its key is written.
  SourceRange KeyRange;
  std::string Str;
  int64_t Int = 0;
  bool Bool = false;
  TomlDate DateValue;
  /// Table entries, in source order.
  std::vector<std::pair<std::string, TomlNode>> Entries;
  std::vector<TomlNode> Items;

  /// \returns the entry called \p Key of a table, or null.
  const TomlNode *get(llvm::StringRef Key) const;
  /// Describes the kind for "expected a string, found an integer".
  llvm::StringRef kindName() const;
};

/// The result of reading a TOML buffer: the tree, or where it stopped.
struct TomlReadResult {
  llvm::Optional<TomlNode> Root;
  SourceRange ErrorRange;
  std::string ErrorMessage;
};

/// Reads \p Text, the contents of file \p File called \p Name.
TomlReadResult readToml(FileID File, llvm::StringRef Text,
                        llvm::StringRef Name);

/// \returns \p File's text parsed as TOML, parsed once whoever asks (the
/// policy loader, a manifest pass).
const TomlReadResult &parsedToml(const SourceFile &File);

} // namespace licit

#endif // LICIT_FORMATS_TOML_H
