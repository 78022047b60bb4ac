//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A static reader of pickle opcode streams (protocols 0 to 5): it walks
/// the opcodes with a symbolic stack and memo, never calling or importing
/// anything, and reports every global the stream would import (GLOBAL,
/// INST, STACK_GLOBAL — its operands followed through the memo) and every
/// call it cannot tie to one (REDUCE, OBJ, NEWOBJ on an unknown object).
/// Byte strings that hold a pickle are read too (nested pickles).
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_FORMATS_PICKLE_H
#define LICIT_FORMATS_PICKLE_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace licit::pickle {

/// One global the stream imports, or a call licit cannot resolve.
struct Import {
  /// "os", "torch._utils"; empty when it cannot be resolved statically.
  std::string Module;
  std::string Name;
  /// The opcode that imports or calls: "GLOBAL", "STACK_GLOBAL", "INST",
  /// "REDUCE", "OBJ", "NEWOBJ", "EXT".
  llvm::StringRef Opcode;
  /// Byte offset of the opcode in the scanned bytes.
  uint64_t Offset = 0;

  bool resolved() const { return !Module.empty(); }
  std::string qualified() const { return Module + "." + Name; }
};

struct ScanResult {
  std::vector<Import> Imports;
  /// Pickles read to their STOP (a file may hold several, as torch's
  /// legacy format does).
  unsigned Pickles = 0;
  /// Where the first pickle stopped being readable, and why; empty when
  /// it was read whole.
  std::string Error;
  uint64_t ErrorOffset = 0;
};

/// \returns true when \p Bytes starts like a pickle of protocol 2 or later
/// (PROTO and a known version).
bool looksLikePickle(llvm::StringRef Bytes);

/// Reads the pickles at the start of \p Bytes.
ScanResult scan(llvm::StringRef Bytes);

} // namespace licit::pickle

#endif // LICIT_FORMATS_PICKLE_H
