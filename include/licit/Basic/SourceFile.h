//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A file found by discovery, classified by kind, and its contents.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_BASIC_SOURCEFILE_H
#define LICIT_BASIC_SOURCEFILE_H

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"
#include <memory>
#include <string>

namespace licit {

class CompiledPolicy;

/// What a file is, decided from its name. Extract passes select files by
/// kind.
enum class FileKind { Python };

/// \returns \p Path made absolute against the working directory, with "."
/// and ".." removed: the one spelling policy discovery and path globs use.
std::string absolutePath(llvm::StringRef Path);

/// Classifies \p Path by its name. \returns None for files no pass reads.
llvm::Optional<FileKind> classifyFile(llvm::StringRef Path);

struct SourceFile {
  /// The path as licit prints it (relative when the user gave one).
  std::string Path;
  /// The absolute path, for policy discovery and path globs.
  std::string AbsPath;
  FileKind Kind;
  /// Owned here until the file is known to be needed by a diagnostic; then
  /// it moves to the SourceMgr (see Driver), staying at the same address.
  std::unique_ptr<llvm::MemoryBuffer> Owned;
  const llvm::MemoryBuffer *Buffer = nullptr;
  /// The policy governing this file.
  const CompiledPolicy *Policy = nullptr;

  llvm::StringRef text() const { return Buffer->getBuffer(); }
};

} // namespace licit

#endif // LICIT_BASIC_SOURCEFILE_H
