//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A reader of ZIP archives in memory (PyTorch's checkpoints, NumPy's .npz):
/// the central directory (ZIP64 included) and the members' bytes, stored or
/// deflated, each bounded. Nothing is written.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_FORMATS_ZIP_H
#define LICIT_FORMATS_ZIP_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace licit::zip {

struct Member {
  std::string Name;
  uint16_t Method = 0;
  uint64_t CompressedSize = 0;
  uint64_t Size = 0;
  /// Where the member's data starts in the archive.
  uint64_t DataOffset = 0;
};

/// Members larger than this (uncompressed) are not read.
constexpr uint64_t MaxMemberBytes = 64 << 20;

/// \returns true when \p Bytes starts like a ZIP archive.
bool looksLikeZip(llvm::StringRef Bytes);

/// Reads the central directory of the archive \p Bytes.
llvm::Expected<std::vector<Member>> members(llvm::StringRef Bytes);

/// The bytes of \p M: a slice of \p Bytes when stored, inflated into
/// \p Storage when deflated. Errors for other methods, sizes past
/// MaxMemberBytes, and data that does not inflate to its declared size.
llvm::Expected<llvm::StringRef> contents(llvm::StringRef Bytes, const Member &M,
                                         std::string &Storage);

} // namespace licit::zip

#endif // LICIT_FORMATS_ZIP_H
