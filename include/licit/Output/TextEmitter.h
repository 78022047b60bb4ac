//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Renders diagnostics the way clang does: location, severity, message and
/// [rule-id], the source line with caret, ranges and fix-it text, then the
/// notes.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_OUTPUT_TEXTEMITTER_H
#define LICIT_OUTPUT_TEXTEMITTER_H

#include "licit/Basic/Diagnostic.h"

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace licit {

/// Prints \p Diags, whose locations are files of \p Files.
void emitText(llvm::ArrayRef<Diagnostic> Diags, const SourceFiles &Files,
              llvm::raw_ostream &OS, bool Colors);

/// Prints the closing line: "2 errors and 1 warning generated (12 files
/// checked)." or "no findings (12 files checked)."
void emitSummary(llvm::ArrayRef<Diagnostic> Diags, unsigned FilesChecked,
                 unsigned Suppressed, llvm::raw_ostream &OS);

} // namespace licit

#endif // LICIT_OUTPUT_TEXTEMITTER_H
