//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// One run of licit over a set of paths, or over one buffer checked as if
/// it were a file: discovery, policy assignment, the pipeline, then the
/// resolver. The run's facts and findings stay for the caller to render
/// (text, JSON, the inventory); files and policies belong to the Workspace,
/// which outlives the run.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_DRIVER_SCAN_H
#define LICIT_DRIVER_SCAN_H

#include "licit/Basic/Diagnostic.h"
#include "licit/Basic/GlobList.h"
#include "licit/Basic/SourceFiles.h"
#include "licit/Driver/Discovery.h"
#include "licit/Driver/Pipeline.h"
#include "licit/Driver/Workspace.h"
#include "licit/Facts/FactStore.h"
#include "licit/Knowledge/KnowledgeBase.h"
#include "licit/Output/Emitters.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <memory>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace licit {

class Baseline;

struct ScanOptions {
  std::vector<std::string> Paths;
  /// --stdin-filename: check StdinBuffer as if it were the file at this
  /// path (with that path's policy); Paths is then ignored.
  std::string StdinPath;
  std::unique_ptr<llvm::MemoryBuffer> StdinBuffer;
  /// --policy: one policy for every file; empty to discover per directory.
  std::string PolicyFile;
  /// False under LICIT_NO_DEFAULT_POLICY: only --policy or the default.
  bool DiscoverPolicies = true;
  /// False under --no-ignore.
  bool UseIgnoreFiles = true;
  GlobList Passes;
  /// Rules whose warnings become errors (--warnings-as-errors).
  GlobList WarningsAsErrors;
  /// Report inline suppressions that matched nothing (off when --passes
  /// leaves passes out: their findings cannot occur).
  bool ReportUnusedSuppressions = true;
  /// --baseline: findings it records are hidden; its stale entries are
  /// reported.
  Baseline *Known = nullptr;
  PipelineOptions Pipeline;
};

class Scan {
public:
  Scan(Workspace &WS, ScanOptions Options);

  /// Runs the whole pipeline. \returns an error for a bad command line,
  /// e.g. a path that does not exist.
  llvm::Error run();

  /// Finds the files under the paths (ignore files and each directory's
  /// policy `exclude` applied), without reading them (--list-files).
  llvm::Expected<DiscoveredFiles> discover();

  /// The policy governing \p Path, a file or a directory (loading it if
  /// need be).
  const CompiledPolicy &policyForPath(llvm::StringRef Path);
  /// Settles the diagnostics of a run that only read policies (their
  /// problems) without checking files.
  void finishWithoutRun();

  /// Writes the effective policy for \p Path as TOML (--dump-config).
  /// Problems in the policy files are then in diagnostics().
  void dumpPolicy(llvm::StringRef Path, llvm::raw_ostream &OS);

  /// The final diagnostics: severities resolved, exceptions applied, 'off'
  /// findings dropped, sorted by file, offset, rule and message.
  llvm::ArrayRef<Diagnostic> diagnostics() const { return Diags; }
  /// The same, for --fix to mark what it fixed.
  llvm::MutableArrayRef<Diagnostic> diagnostics() { return Diags; }
  SourceFiles &files() { return WS.files(); }
  const FactStore &facts() const { return Facts; }
  unsigned filesChecked() const { return Stats.FilesChecked; }
  /// Files checked and findings suppressed, for the summary.
  RunInfo runInfo() const;
  /// 0 clean, 1 an error-level finding not fixed, 2 a policy file with
  /// errors (fixed or not: this run read the policy wrongly).
  int exitCode() const;

  /// Writes the --time-passes report.
  void printPassTimes(llvm::raw_ostream &OS) const;

private:
  const CompiledPolicy &policyForDirectory(llvm::StringRef Dir);
  const CompiledPolicy &policyFor(const SourceFile &File);
  /// Resolves every diagnostic, pass findings and licit's own alike, and
  /// sorts them into the final list.
  void finish(bool ReportUnusedExceptions);

  Workspace &WS;
  ScanOptions Options;
  /// The policies this run used, in first-use order: their problems and
  /// unused exceptions are this run's to report.
  llvm::SetVector<const CompiledPolicy *> UsedPolicies;
  FactStore Facts;
  /// Raw findings until finish(), then the final list.
  std::vector<Diagnostic> Diags;
  PipelineStats Stats;
  unsigned Suppressed = 0;
  unsigned SuppressedInline = 0;
  unsigned SuppressedByBaseline = 0;
};

} // namespace licit

#endif // LICIT_DRIVER_SCAN_H
