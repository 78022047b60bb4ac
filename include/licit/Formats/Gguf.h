//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Readers of the metadata of weights files that never load weights: GGUF
/// (versions 2 and 3: the header and its key-value metadata; arrays are
/// stepped over) and safetensors (the JSON header and its __metadata__).
/// Every length is checked against the bytes that remain, so a lying
/// header costs nothing, and a mapped 10 GB file is paged in only where
/// its header is.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_FORMATS_GGUF_H
#define LICIT_FORMATS_GGUF_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace licit::weights {

/// One scalar metadata value: a string or a number, as text.
struct Entry {
  std::string Key;
  std::string Value;
  /// Byte offset of the key in the file.
  uint64_t Offset = 0;
};

struct Metadata {
  /// "GGUF v3", "safetensors".
  std::string Format;
  std::vector<Entry> Entries;

  /// The value of \p Key, or empty.
  llvm::StringRef get(llvm::StringRef Key) const;
  const Entry *find(llvm::StringRef Key) const;
};

/// Headers larger than this are refused (the safetensors reference
/// implementation's own limit is 100 MB).
constexpr uint64_t MaxHeaderBytes = 100 << 20;

/// \returns true when \p Bytes starts with GGUF's magic.
bool looksLikeGguf(llvm::StringRef Bytes);

/// Reads a GGUF file's metadata: the scalar values (strings, integers,
/// floats, booleans); arrays are stepped over. An error names the byte
/// where the file stops making sense.
llvm::Expected<Metadata> readGguf(llvm::StringRef Bytes);

/// Reads a safetensors file's header: its `__metadata__` strings.
llvm::Expected<Metadata> readSafetensors(llvm::StringRef Bytes);

} // namespace licit::weights

#endif // LICIT_FORMATS_GGUF_H
