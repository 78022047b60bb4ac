//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A JSON reader that keeps byte-exact locations. llvm::json has none, and
/// extraction needs more than a value's position: a string's decoded text
/// with a map back to its escaped bytes, so a model id inside a notebook
/// cell is reported, underlined and fixed where the .ipynb file spells it.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_FORMATS_JSON_H
#define LICIT_FORMATS_JSON_H

#include "licit/Basic/SourceFiles.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <utility>
#include <vector>

namespace licit::json {

struct Value {
  enum KindTy : unsigned char { Null, Boolean, Number, String, Array, Object };
  KindTy Kind = Null;
  /// Byte offsets of the value in the document, quotes included.
  unsigned Begin = 0, End = 0;
  bool Bool = false;
  /// String: the decoded text, and where each run of it is in the document
  /// (escapes map as a whole).
  std::string Str;
  std::vector<SourceText::Segment> Map;
  std::vector<Value> Items;
  /// Object members in document order; a repeated key keeps both.
  std::vector<std::pair<std::string, Value>> Members;

  /// \returns the last member called \p Key of an object (as JSON parsers
  /// that keep one value do), or null.
  const Value *get(llvm::StringRef Key) const;
  bool isString() const { return Kind == String; }
  /// "a string", "an object", for "expected ..., found ..." messages.
  llvm::StringRef kindName() const;
};

struct ParseResult {
  llvm::Optional<Value> Root;
  /// Where and why parsing stopped, when Root is None.
  unsigned ErrorOffset = 0;
  std::string ErrorMessage;
};

/// Nesting deeper than this is an error, not a stack overflow.
constexpr unsigned MaxDepth = 512;

/// Parses \p Text, a whole JSON document (RFC 8259; a UTF-8 byte order mark
/// is skipped).
ParseResult parse(llvm::StringRef Text);

/// \returns the text of \p Text (the parsed document) that writes the key
/// \p Key of object member \p Member, without its quotes; empty when the
/// key is escaped or farther than a short window before its value.
llvm::StringRef keyText(llvm::StringRef Text, llvm::StringRef Key,
                        const Value &Member);

/// \returns \p S as a string llvm::json can write: scanned text is
/// hostile, and llvm::json requires valid UTF-8 (an invalid sequence
/// becomes U+FFFD).
std::string writable(llvm::StringRef S);

/// \returns \p File's text parsed as JSON, parsed once whoever asks.
const ParseResult &parsed(const SourceFile &File);

} // namespace licit::json

#endif // LICIT_FORMATS_JSON_H
