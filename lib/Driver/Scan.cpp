//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Driver/Scan.h"
#include "licit/CFamily/ModelRefs.h"
#include "licit/Driver/Baseline.h"
#include "licit/Driver/Discovery.h"
#include "licit/Driver/Resolver.h"
#include "licit/Driver/Suppressions.h"
#include "licit/Pass/PassRegistry.h"
#include "licit/Policy/Policy.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace licit {

Scan::Scan(Workspace &WS, ScanOptions Options)
    : WS(WS), Options(std::move(Options)) {}

const CompiledPolicy &Scan::policyForDirectory(StringRef Dir) {
  PolicyLoader &Policies = WS.policies();
  const CompiledPolicy &P =
      Options.PolicyFile.empty()
          ? Policies.policyForDirectory(Dir, Options.DiscoverPolicies)
          : Policies.loadFile(Options.PolicyFile);
  UsedPolicies.insert(&P);
  return P;
}

const CompiledPolicy &Scan::policyFor(const SourceFile &File) {
  if (File.Policy)
    return *File.Policy;
  // An input the walk skipped follows the policy of its directory, so that
  // a project can silence, say, its binary fixtures.
  return policyForDirectory(sys::path::parent_path(File.AbsPath));
}

const CompiledPolicy &Scan::policyForPath(StringRef Path) {
  SmallString<256> Dir(Path);
  ErrorOr<vfs::Status> Status = WS.fs().status(Dir);
  if (!Status || !Status->isDirectory())
    sys::path::remove_filename(Dir);
  if (Dir.empty())
    Dir = ".";
  return policyForDirectory(absolutePath(Dir));
}

void Scan::dumpPolicy(StringRef Path, raw_ostream &OS) {
  policyForPath(Path).dump(OS);
  finishWithoutRun();
}

void Scan::finishWithoutRun() { finish(/*ReportUnusedExceptions=*/false); }

Expected<DiscoveredFiles> Scan::discover() {
  DiscoveryOptions Opts;
  Opts.UseIgnoreFiles = Options.UseIgnoreFiles;
  Opts.ExcludesFor = [this](StringRef RealDir) -> const ExcludeList * {
    const ExcludeList &List = policyForDirectory(RealDir).Exclude;
    return List.Patterns.empty() ? nullptr : &List;
  };
  DiagSink Sink;
  Expected<DiscoveredFiles> Found =
      discoverFiles(WS.fs(), WS.files(), Options.Paths, Opts, Sink);
  Sink.moveTo(Diags);
  return Found;
}

Error Scan::run() {
  std::vector<FileID> Inputs, Explicit;
  if (Options.StdinBuffer) {
    // One buffer, checked as if it were the file at StdinPath.
    std::string Abs = absolutePath(Options.StdinPath);
    FileID ID = WS.files().add(displayPath(Options.StdinPath), Abs).first;
    SourceFile &F = WS.files().get(ID);
    F.setContents(std::move(Options.StdinBuffer));
    F.Kinds = refineByContent(F.Path, classifyByName(F.Path),
                              F.text().take_front(SniffBytes));
    Inputs.push_back(ID);
    Explicit.push_back(ID);
  } else {
    Expected<DiscoveredFiles> Found = discover();
    if (!Found)
      return Found.takeError();
    Inputs = std::move(Found->Files);
    // A file named on the command line is reported when no pass reads it.
    Explicit = std::move(Found->Named);
  }
  // Every file's policy is settled before the parallel phase.
  for (FileID ID : Inputs) {
    SourceFile &F = WS.files().get(ID);
    F.Policy = &policyForDirectory(sys::path::parent_path(F.AbsPath));
  }
  Pipeline Passes = createPipeline(Options.Passes);
  Stats = runPipeline(WS.fs(), WS.files(), Inputs, Explicit, Passes,
                      Options.Pipeline, Facts, Diags);
  finish(/*ReportUnusedExceptions=*/true);
  return Error::success();
}

void Scan::finish(bool ReportUnusedExceptions) {
  SuppressionIndex Inline(Facts.all<Suppression>());
  DiagnosticResolver Resolver(
      WS.files(),
      [this](const SourceFile &F) -> const CompiledPolicy & {
        return policyFor(F);
      },
      Options.WarningsAsErrors, &Inline, Options.Known);
  std::vector<Diagnostic> Kept;
  auto ResolveAll = [&](std::vector<Diagnostic> &Batch) {
    for (Diagnostic &D : Batch)
      if (Resolver.resolve(D))
        Kept.push_back(std::move(D));
    Batch.clear();
  };
  // Resolving a finding can settle the policy of a skipped file's
  // directory: the policies used are known once the findings are resolved.
  ResolveAll(Diags);
  std::vector<Diagnostic> Policy;
  WS.policies().problemsOf(UsedPolicies.getArrayRef(), Policy);
  ResolveAll(Policy);
  // Only now has every finding met the suppressions and exceptions.
  if (ReportUnusedExceptions) {
    WS.policies().reportUnusedExceptions(UsedPolicies.getArrayRef(),
                                         Resolver.usedExceptions(), Policy);
    DiagSink Unused;
    if (Options.ReportUnusedSuppressions)
      Inline.reportUnused(Unused);
    if (Options.Known)
      Options.Known->reportStale(Unused);
    Unused.moveTo(Policy);
    ResolveAll(Policy);
  }
  sortDiagnostics(WS.files(), Kept);
  Diags = std::move(Kept);
  Suppressed = Resolver.suppressed();
  SuppressedInline = Resolver.suppressedInline();
  SuppressedByBaseline = Resolver.suppressedByBaseline();
}

RunInfo Scan::runInfo() const {
  RunInfo Run;
  Run.FilesChecked = Stats.FilesChecked;
  Run.SuppressedByPolicy = Suppressed;
  Run.SuppressedInline = SuppressedInline;
  Run.SuppressedByBaseline = SuppressedByBaseline;
  if (Stats.CFamilyChecked) {
    const cfamily::CompileCommands *DB = Options.Pipeline.Compile;
    Run.Cxx = DB ? RunInfo::CxxMode::Clang : RunInfo::CxxMode::Lexer;
    if (DB)
      Run.CompileCommands = DB->path().str();
  }
  return Run;
}

int Scan::exitCode() const {
  bool Error = false;
  for (const Diagnostic &D : Diags) {
    if (D.Level != Severity::Error)
      continue;
    // A policy error means this run read the policy wrongly, fixed or not.
    if (getRuleInfo(D.Rule).area() == "policy")
      return 2;
    Error |= !D.isFixed();
  }
  return Error ? 1 : 0;
}

void Scan::printPassTimes(raw_ostream &OS) const {
  double Total = 0;
  for (const auto &Entry : Stats.PassSeconds)
    Total += Entry.second;
  OS << "===" << std::string(73, '-') << "===\n"
     << "                      licit pass execution timing report\n"
     << "===" << std::string(73, '-') << "===\n"
     << "  Total CPU time in passes: " << format("%.4f", Total)
     << " seconds\n\n   ---Seconds---  ---%---  --- Name ---\n";
  for (const auto &[Name, Seconds] : Stats.PassSeconds)
    OS << format("   %12.4f  %6.1f%%  ", Seconds,
                 Total > 0 ? 100 * Seconds / Total : 0.0)
       << Name << "\n";
}

} // namespace licit
