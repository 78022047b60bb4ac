//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Splits POSIX shell text into simple commands of words, as far as a
/// static reader needs: quotes, backslash escapes and line continuations
/// are removed from each word's value, and each word keeps the text that
/// spells it. Expansions ($VAR, ${VAR:-default}, $(...), `...`) stay in
/// the value for the caller to resolve; nothing is ever run.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_SHELL_WORDS_H
#define LICIT_SHELL_WORDS_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace licit::shell {

struct Word {
  /// The word as the shell passes it, before expansion.
  std::string Value;
  /// The text that spells it, quotes included.
  llvm::StringRef Literal;
  /// An unquoted or double-quoted '$' or '`': the value is expanded.
  bool Expands = false;
};

using Command = llvm::SmallVector<Word, 8>;

/// Splits \p Text into simple commands: words up to a newline, ';', '&',
/// '|', '(' or ')' outside quotes. Comments are dropped; redirection
/// operators end a word. Linear in the text, whatever it holds.
std::vector<Command> splitCommands(llvm::StringRef Text);

} // namespace licit::shell

#endif // LICIT_SHELL_WORDS_H
