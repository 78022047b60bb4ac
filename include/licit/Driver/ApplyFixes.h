//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// --fix: applies the fix-its of reported findings to the files they are
/// in. The only code in licit that writes a file, and it writes atomically.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_DRIVER_APPLYFIXES_H
#define LICIT_DRIVER_APPLYFIXES_H

#include "licit/Basic/Diagnostic.h"
#include "licit/Basic/TrustBoundary.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace licit {

struct FixSummary {
  unsigned Applied = 0;
  unsigned Files = 0;
  /// Fixes not applied, and why: one overlaps a fix already chosen, or
  /// would leave the file unparseable. Located at the fix's first edit.
  std::vector<std::pair<SourceRange, std::string>> Problems;
  /// Why each file that could not be fixed was not; its findings stay
  /// unfixed.
  std::vector<std::string> Failures;
};

/// Applies, for each diagnostic in \p Diags, its first fix that is Safe (or
/// Unsafe too, with \p Unsafe), and records it as the diagnostic's
/// AppliedFix. Identical
/// edits from several diagnostics are applied once; a fix overlapping an
/// earlier one is left out whole. Each changed file is replaced atomically
/// (a temporary file renamed over it), keeping its permissions. Built-in
/// buffers (the shipped policies), files not read whole and files outside
/// \p Boundary's checked trees (a policy named with --policy elsewhere)
/// are never written.
/// A file is replaced only if it is still what licit read, is no symbolic
/// link and has no other hard links; the new one keeps mode and owner and
/// is synced to disk. A file that cannot be written is listed in the
/// summary's Failures and the others are still written.
/// Writes \p Content to \p Path (new or replaced) atomically: readers see
/// the old file or the new one, never a part (--write-baseline).
llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Content);

/// Writes \p File (read whole) with \p Edits applied, atomically; refuses
/// when the file parsed before and would not after, or changed on disk
/// since licit read it.
llvm::Error rewriteFile(const SourceFile &File, llvm::ArrayRef<Edit> Edits);

FixSummary applyFixes(llvm::MutableArrayRef<Diagnostic> Diags,
                      const SourceFiles &Files, const TrustBoundary &Boundary,
                      bool Unsafe);

} // namespace licit

#endif // LICIT_DRIVER_APPLYFIXES_H
