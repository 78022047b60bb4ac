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
class SourceMgr;
} // namespace llvm

namespace licit {

/// Prints \p Diags, which must point into buffers of \p SM.
void emitText(llvm::ArrayRef<Diagnostic> Diags, llvm::SourceMgr &SM,
              llvm::raw_ostream &OS, bool Colors);

/// Prints the closing line: "2 errors and 1 warning generated (12 files
/// checked)." or "no findings (12 files checked)."
void emitSummary(llvm::ArrayRef<Diagnostic> Diags, unsigned FilesChecked,
                 unsigned Suppressed, llvm::raw_ostream &OS);

} // namespace licit

#endif // LICIT_OUTPUT_TEXTEMITTER_H
