//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Walking text line by line, as the line-oriented readers (Dockerfiles,
/// Modelfiles, Makefiles, INI, Markdown, reST, notebooks) do.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_BASIC_LINES_H
#define LICIT_BASIC_LINES_H

#include "llvm/ADT/StringRef.h"

namespace licit {

/// \returns the offset of the '\n' ending the line that holds \p From, or
/// the size of \p Text for its last line.
inline size_t lineEnd(llvm::StringRef Text, size_t From) {
  size_t Eol = Text.find('\n', From);
  return Eol == llvm::StringRef::npos ? Text.size() : Eol;
}

} // namespace licit

#endif // LICIT_BASIC_LINES_H
