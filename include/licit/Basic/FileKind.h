//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// File kinds: what a file is, from its name and its first bytes. A file
/// can be several kinds at once (pyproject.toml is TOML, a policy and a
/// manifest; a README.md is Markdown and maybe a model card), so
/// classification yields a set.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_BASIC_FILEKIND_H
#define LICIT_BASIC_FILEKIND_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>

namespace licit {

enum class FileKind : unsigned char {
#define LICIT_FILE_KIND(Enum, Name, Read) Enum,
#include "licit/Basic/FileKinds.def"
};

/// How much of a file a kind needs.
enum class ReadMode : unsigned char { None, Mapped, Text };

/// The bytes classification may look at for files whose name does not
/// decide (a script without extension: its shebang line).
constexpr uint64_t SniffBytes = 512;

class FileKindSet {
public:
  FileKindSet() = default;
  FileKindSet(FileKind K) { insert(K); }
  void insert(FileKind K) { Bits |= bit(K); }
  bool contains(FileKind K) const { return Bits & bit(K); }
  bool empty() const { return Bits == 0; }
  /// The most any kind of the set reads.
  ReadMode readMode() const;

private:
  static uint32_t bit(FileKind K) {
    return uint32_t(1) << static_cast<unsigned>(K);
  }
  uint32_t Bits = 0;
};

/// Classifies a file by its name alone. \returns an empty set when the
/// name does not decide; needsSniffing() then says whether its first bytes
/// can.
FileKindSet classifyByName(llvm::StringRef Path);

/// \returns true when a file that classifyByName() could not place might
/// be recognised from its first bytes (a script without an extension).
bool needsSniffing(llvm::StringRef Path);

/// Refines \p Kinds from the first bytes of the file, \p Head (at most
/// SniffBytes): a shebang names the interpreter of an extensionless script.
FileKindSet refineByContent(llvm::StringRef Path, FileKindSet Kinds,
                            llvm::StringRef Head);

} // namespace licit

#endif // LICIT_BASIC_FILEKIND_H
