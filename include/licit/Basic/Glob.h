//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Glob patterns, matched in time linear in the text for each pattern (a
/// simulation over the pattern's positions, no backtracking), so no
/// pattern in a hostile policy or ignore file can make matching
/// exponential, as llvm::GlobPattern's backtracking can.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_BASIC_GLOB_H
#define LICIT_BASIC_GLOB_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <array>
#include <vector>

namespace licit {

class Glob {
public:
  enum class Syntax {
    /// `*` matches any text, `/` included (policy ids, rule ids, paths).
    Plain,
    /// .gitignore's: `*`, `?` and classes stop at `/`; `**/`, `/**/` and a
    /// trailing `/**` match whole directories.
    Path
  };

  /// Compiles \p Pattern: `*`, `?`, `[...]` (`!` or `^` negates, ranges,
  /// POSIX classes such as `[:digit:]`) and `\` escapes. \returns an error
  /// for an unclosed `[` in Plain syntax (Path syntax reads it literally, as
  /// git does).
  static llvm::Expected<Glob> create(llvm::StringRef Pattern, Syntax S);

  bool match(llvm::StringRef Text) const;

private:
  enum class Op : unsigned char { Char, Any, Class, Star, DoubleStar, DirStar };
  struct Token {
    Op Kind;
    char C = 0;
    unsigned ClassIndex = 0;
  };
  std::vector<Token> Tokens;
  /// Path syntax: `?` and classes do not match `/`.
  bool Pathname = false;
  /// For each class, the bytes it accepts.
  std::vector<std::array<bool, 256>> Classes;
};

} // namespace licit

#endif // LICIT_BASIC_GLOB_H
