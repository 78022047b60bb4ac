//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Baselines (docs/baseline.md): --write-baseline records the current
/// findings by a fingerprint that survives unrelated edits and moves (rule,
/// subject, file relative to the baseline, text of the reference; not line
/// numbers); --baseline hides the findings it records, so that a pipeline
/// fails on new ones only, and reports entries that match nothing.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_DRIVER_BASELINE_H
#define LICIT_DRIVER_BASELINE_H

#include "licit/Basic/Diagnostic.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace licit {

/// The version of the baseline format; a reader refuses others.
constexpr unsigned BaselineFormatVersion = 1;

/// Writes the findings of \p Diags a baseline records (those a policy may
/// configure) to \p Path, atomically. \returns how many it recorded.
llvm::Expected<unsigned> writeBaseline(llvm::StringRef Path,
                                       llvm::ArrayRef<Diagnostic> Diags,
                                       const SourceFiles &Files);

class Baseline {
public:
  /// Reads the baseline at \p Path and registers it in \p Files, where its
  /// stale entries are reported. \returns an error naming what is wrong
  /// with a file that is not a licit baseline.
  static llvm::Expected<Baseline> read(llvm::StringRef Path,
                                       SourceFiles &Files);

  /// \returns true, and counts it, when an entry records \p D (each entry
  /// hides as many findings as its count).
  bool hides(const Diagnostic &D, const SourceFiles &Files);

  /// Reports each entry that hid fewer findings than it records.
  void reportStale(DiagSink &Sink) const;

private:
  struct Entry {
    std::string Fingerprint;
    std::string Rule;
    std::string Subject;
    std::string File;
    unsigned Count = 1;
    unsigned Used = 0;
    /// Where the entry is written.
    SourceRange Where;
  };
  std::string Dir;
  std::vector<Entry> Entries;
  llvm::StringMap<size_t> ByFingerprint;
};

} // namespace licit

#endif // LICIT_DRIVER_BASELINE_H
