//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// One run of the pipeline: discover, extract (in parallel), resolve and
/// check, then resolve severities, exceptions and order in one place.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_DRIVER_SCAN_H
#define LICIT_DRIVER_SCAN_H

#include "licit/Basic/Diagnostic.h"
#include "licit/Basic/GlobList.h"
#include "licit/Basic/SourceFile.h"
#include "licit/Facts/FactStore.h"
#include "licit/Knowledge/KnowledgeBase.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/SourceMgr.h"
#include <memory>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace licit {

class CompiledPolicy;
class PolicyLoader;
struct PassContext;
struct Pipeline;

struct ScanOptions {
  std::vector<std::string> Paths;
  /// --policy: one policy for every file; empty to discover per directory.
  std::string PolicyFile;
  /// False under LICIT_NO_DEFAULT_POLICY: only --policy or the default.
  bool DiscoverPolicies = true;
  GlobList Passes;
  /// Rules whose warnings become errors (--warnings-as-errors).
  GlobList WarningsAsErrors;
  unsigned Threads = 0;
  /// Files larger than this are skipped with a note.
  uint64_t MaxFileSize = 8 << 20;
};

class Scan {
public:
  Scan(const KnowledgeBase &KB, ScanOptions Options);
  ~Scan();

  /// Runs the whole pipeline. \returns an error for a bad command line,
  /// e.g. a path that does not exist.
  llvm::Error run();

  /// Writes the effective policy for \p Path as TOML (--dump-config).
  /// Problems in the policy files are then in diagnostics().
  void dumpPolicy(llvm::StringRef Path, llvm::raw_ostream &OS);

  /// The final diagnostics: severities resolved, exceptions applied, 'off'
  /// findings dropped, sorted by file, offset, rule and message.
  llvm::ArrayRef<Diagnostic> diagnostics() const { return Diags; }
  /// The same, for --fix to mark what it fixed.
  llvm::MutableArrayRef<Diagnostic> diagnostics() { return Diags; }
  llvm::SourceMgr &getSourceMgr() { return SM; }
  unsigned filesChecked() const { return FilesChecked; }
  /// Findings covered by a policy exception.
  unsigned suppressed() const { return Suppressed; }
  /// 0 clean, 1 an error-level finding not fixed, 2 a policy file with
  /// errors (fixed or not: this run read the policy wrongly).
  int exitCode() const;

  /// Writes the --time-passes report.
  void printPassTimes(llvm::raw_ostream &OS) const;

private:
  void discover(llvm::StringRef Root);
  /// Queues a file for extraction, or skips it with a note when too large.
  void addCandidate(llvm::StringRef Path, FileKind Kind, uint64_t Size);
  void skip(llvm::StringRef Path, const llvm::Twine &Why);
  void extract(Pipeline &Passes, const PassContext &Ctx, FactStore &Facts);
  const CompiledPolicy &policyForDirectory(llvm::StringRef Dir);
  /// \returns the policy deciding \p D (null for problems in policies) and
  /// sets \p AbsPath to the absolute path its path globs match against.
  const CompiledPolicy *governingPolicy(const Diagnostic &D,
                                        std::string &AbsPath);
  /// Applies exceptions, severity and provenance to \p D.
  /// \returns false when \p D is dropped (excepted or off).
  bool resolve(Diagnostic &D);
  /// Resolves every diagnostic, pass findings and licit's own alike, and
  /// sorts them into the final list.
  void finish(bool ReportUnusedExceptions);

  const KnowledgeBase &KB;
  ScanOptions Options;
  llvm::SourceMgr SM;
  /// Problems licit finds itself: in policy files and in reading inputs.
  DiagSink OwnDiags;
  std::unique_ptr<PolicyLoader> Policies;
  std::vector<std::unique_ptr<SourceFile>> Files;
  llvm::StringMap<const SourceFile *> ByPath;
  std::vector<Diagnostic> Diags;
  unsigned FilesChecked = 0;
  unsigned Suppressed = 0;
  std::vector<std::pair<std::string, double>> PassSeconds;
};

} // namespace licit

#endif // LICIT_DRIVER_SCAN_H
