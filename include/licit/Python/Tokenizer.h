//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A Python tokenizer that is exact about what static extraction needs:
/// string literals (prefixes, all quote forms, implicit concatenation),
/// comments, line continuations and bracket nesting. It never fails: bad
/// input yields tokens flagged as such, so extraction can go on.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_PYTHON_TOKENIZER_H
#define LICIT_PYTHON_TOKENIZER_H

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace licit::python {

enum class TokenKind { Name, Number, String, Op, Comment, Newline };

struct Token {
  TokenKind Kind;
  /// The token's full text, e.g. rb'...' including prefix and quotes.
  llvm::StringRef Text;
  /// For strings: the text between the quotes.
  llvm::StringRef Body;
  /// For strings: prefix flags.
  bool Raw = false, Bytes = false, Format = false;
  /// For strings: the closing quote is missing.
  bool Unterminated = false;
  /// Bracket depth before this token; a Newline at depth 0 ends a
  /// statement.
  unsigned Depth = 0;

  bool is(TokenKind K, llvm::StringRef T) const {
    return Kind == K && Text == T;
  }
  bool isOp(llvm::StringRef T) const { return is(TokenKind::Op, T); }
};

/// Splits \p Source into tokens. Whitespace and line continuations are
/// dropped; newlines inside brackets are not reported (implicit joining).
std::vector<Token> tokenize(llvm::StringRef Source);

/// \returns the value of a string token with escapes decoded, or None when
/// it is not a constant text string (bytes, an f-string with replacement
/// fields, or unterminated).
llvm::Optional<std::string> stringValue(const Token &Tok);

} // namespace licit::python

#endif // LICIT_PYTHON_TOKENIZER_H
