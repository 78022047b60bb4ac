//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Driver/Scan.h"
#include "licit/Pass/PassRegistry.h"
#include "licit/Policy/Policy.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <tuple>

using namespace llvm;

namespace licit {

Scan::Scan(const KnowledgeBase &KB, ScanOptions Options)
    : KB(KB), Options(std::move(Options)),
      Policies(std::make_unique<PolicyLoader>(SM, OwnDiags, KB)) {}

Scan::~Scan() = default;

/// Directories that never hold the project's own code: version control,
/// caches and tool state.
static bool isIgnoredDirectory(StringRef Name) {
  static const StringRef Names[] = {".git",          ".hg",
                                    ".svn",          ".bzr",
                                    "_darcs",        ".jj",
                                    "__pycache__",   ".mypy_cache",
                                    ".pytest_cache", ".ruff_cache",
                                    ".tox",          ".nox",
                                    "node_modules",  ".ipynb_checkpoints"};
  return is_contained(Names, Name);
}

/// A virtual environment holds installed packages, not project code.
static bool isVirtualEnv(StringRef Dir) {
  SmallString<256> Marker(Dir);
  sys::path::append(Marker, "pyvenv.cfg");
  return sys::fs::exists(Marker);
}

/// \returns true when \p Path is \p Dir or below it ("/a/bc" is not below
/// "/a/b").
static bool isWithin(StringRef Path, StringRef Dir) {
  return Path.consume_front(Dir) && (Path.empty() || Path.front() == '/');
}

/// Strips a leading "./" the way ruff and clang print paths.
static std::string displayPath(StringRef Path) {
  return sys::path::remove_leading_dotslash(Path).str();
}

void Scan::skip(StringRef Path, const Twine &Why) {
  OwnDiags.report(RuleID::InputSkipped, displayPath(Path), SMRange(),
                  "skipped: " + Why);
}

void Scan::addCandidate(StringRef Path, FileKind Kind, uint64_t Size) {
  if (Size > Options.MaxFileSize) {
    skip(Path, "larger than " + Twine(Options.MaxFileSize >> 20) + " MiB");
    return;
  }
  auto File = std::make_unique<SourceFile>();
  File->Path = displayPath(Path);
  File->AbsPath = absolutePath(Path);
  File->Kind = Kind;
  File->Policy = &policyForDirectory(sys::path::parent_path(File->AbsPath));
  Files.push_back(std::move(File));
}

const CompiledPolicy &Scan::policyForDirectory(StringRef Dir) {
  if (!Options.PolicyFile.empty())
    return Policies->loadFile(Options.PolicyFile);
  return Policies->policyForDirectory(Dir, Options.DiscoverPolicies);
}

void Scan::dumpPolicy(StringRef Path, raw_ostream &OS) {
  SmallString<256> Dir(Path);
  if (!sys::fs::is_directory(Dir))
    sys::path::remove_filename(Dir);
  if (Dir.empty())
    Dir = ".";
  policyForDirectory(Dir).dump(OS);
  finish(/*ReportUnusedExceptions=*/false);
}

void Scan::discover(StringRef Root) {
  SmallString<256> RealRoot;
  sys::fs::real_path(Root, RealRoot);
  // A hand-rolled walk rather than recursive_directory_iterator, which
  // drops the error of a subdirectory it cannot open.
  std::vector<sys::fs::directory_iterator> Stack;
  auto Enter = [&](StringRef Dir) {
    std::error_code EC;
    sys::fs::directory_iterator It(Dir, EC, /*follow_symlinks=*/false);
    if (EC)
      OwnDiags.report(RuleID::InputUnreadable, displayPath(Dir), SMRange(),
                      "cannot read directory: " + EC.message());
    else if (It != sys::fs::directory_iterator())
      Stack.push_back(std::move(It));
  };
  Enter(Root);
  while (!Stack.empty()) {
    if (Stack.back() == sys::fs::directory_iterator()) {
      Stack.pop_back();
      continue;
    }
    sys::fs::directory_entry Entry = *Stack.back();
    std::error_code EC;
    Stack.back().increment(EC);
    if (EC) {
      OwnDiags.report(RuleID::InputUnreadable,
                      displayPath(sys::path::parent_path(Entry.path())),
                      SMRange(), "cannot read directory: " + EC.message());
      Stack.pop_back();
    }
    StringRef Path = Entry.path();
    StringRef Name = sys::path::filename(Path);
    sys::fs::file_type Type = Entry.type();
    if (Type == sys::fs::file_type::directory_file) {
      if (!isIgnoredDirectory(Name) && !isVirtualEnv(Path))
        Enter(Path);
      continue;
    }
    Optional<FileKind> Kind = classifyFile(Path);
    if (Type == sys::fs::file_type::symlink_file) {
      // Links are never followed: a target inside the tree is checked where
      // it lives, and one outside it is not ours to read.
      SmallString<256> Target;
      if (sys::fs::real_path(Path, Target))
        skip(Path, "broken or looping symbolic link");
      else if (Kind && !isWithin(Target, RealRoot))
        skip(Path, "symbolic link out of the checked tree");
      continue;
    }
    if (!Kind || Type != sys::fs::file_type::regular_file)
      continue;
    ErrorOr<sys::fs::basic_file_status> Status = Entry.status();
    addCandidate(Path, *Kind, Status ? Status->getSize() : 0);
  }
}

void Scan::extract(Pipeline &Passes, const PassContext &Ctx, FactStore &Facts) {
  struct Result {
    FactStore Facts;
    std::vector<Diagnostic> Diags;
    std::vector<double> Seconds;
  };
  std::vector<Result> Results(Files.size());
  {
    ThreadPool Pool(Options.Threads ? hardware_concurrency(Options.Threads)
                                    : hardware_concurrency());
    for (size_t I = 0; I != Files.size(); ++I)
      Pool.async([&, I] {
        SourceFile &File = *Files[I];
        Result &R = Results[I];
        R.Seconds.assign(Passes.FilePasses.size(), 0);
        DiagSink Input;
        ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer =
            MemoryBuffer::getFile(File.Path,
                                  /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
        if (!Buffer) {
          Input.report(RuleID::InputUnreadable, File.Path, SMRange(),
                       "cannot read file: " + Buffer.getError().message());
          Input.moveTo(R.Diags);
          return;
        }
        File.Owned = std::move(*Buffer);
        File.Buffer = File.Owned.get();
        StringRef Head = File.text().take_front(8192);
        if (Head.contains('\0')) {
          File.Owned.reset();
          File.Buffer = nullptr;
          Input.report(RuleID::InputSkipped, File.Path, SMRange(),
                       "skipped: binary content in a file named like text");
          Input.moveTo(R.Diags);
          return;
        }
        for (size_t PI = 0; PI != Passes.FilePasses.size(); ++PI) {
          auto &Pass = Passes.FilePasses[PI];
          if (!Pass.Pass->accepts(File.Kind))
            continue;
          auto Start = std::chrono::steady_clock::now();
          DiagSink Sink(Pass.Info->Rules);
          Pass.Pass->run(File, Ctx, R.Facts, Sink);
          Sink.moveTo(R.Diags);
          R.Seconds[PI] += std::chrono::duration<double>(
                               std::chrono::steady_clock::now() - Start)
                               .count();
        }
      });
    Pool.wait();
  }
  PassSeconds.clear();
  for (auto &Pass : Passes.FilePasses)
    PassSeconds.emplace_back(Pass.Info->Name.str(), 0);
  // Merge in discovery order so the output never depends on scheduling.
  for (size_t I = 0; I != Files.size(); ++I) {
    Result &R = Results[I];
    for (size_t PI = 0; PI != R.Seconds.size(); ++PI)
      PassSeconds[PI].second += R.Seconds[PI];
    SourceFile &File = *Files[I];
    if (File.Buffer)
      ++FilesChecked;
    // Keep a buffer only while something points into it; its address does
    // not change when the SourceMgr takes it over.
    if (File.Owned) {
      if (R.Facts.empty() && R.Diags.empty())
        File.Owned.reset(), File.Buffer = nullptr;
      else
        SM.AddNewSourceBuffer(std::move(File.Owned), SMLoc());
    }
    Facts.append(std::move(R.Facts));
    Diags.insert(Diags.end(), std::make_move_iterator(R.Diags.begin()),
                 std::make_move_iterator(R.Diags.end()));
  }
}

Error Scan::run() {
  for (const std::string &Path : Options.Paths) {
    sys::fs::file_status Status;
    if (std::error_code EC = sys::fs::status(Path, Status))
      return createFileError(Path, EC);
    Optional<FileKind> Kind = classifyFile(Path);
    if (sys::fs::is_directory(Status))
      discover(Path);
    else if (!sys::fs::is_regular_file(Status))
      // Reading a FIFO or a device could block forever.
      skip(Path, "not a regular file");
    else if (!Kind)
      skip(Path, "no pass reads this kind of file");
    else
      addCandidate(Path, *Kind, Status.getSize());
  }
  Pipeline Passes = createPipeline(Options.Passes);
  FactStore Facts;
  // Every file's policy was settled during discovery.
  PassContext Ctx{KB, [](const SourceFile &F) -> const CompiledPolicy & {
                    return *F.Policy;
                  }};
  extract(Passes, Ctx, Facts);
  for (auto &Pass : Passes.ProjectPasses) {
    auto Start = std::chrono::steady_clock::now();
    DiagSink Sink(Pass.Info->Rules);
    Pass.Pass->run(Facts, Ctx, Sink);
    Sink.moveTo(Diags);
    PassSeconds.emplace_back(
        Pass.Info->Name.str(),
        std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
            .count());
  }
  finish(/*ReportUnusedExceptions=*/true);
  return Error::success();
}

const CompiledPolicy *Scan::governingPolicy(const Diagnostic &D,
                                            std::string &AbsPath) {
  if (const SourceFile *File = ByPath.lookup(D.File)) {
    AbsPath = File->AbsPath;
    return File->Policy;
  }
  // policy-* problems are about the policies themselves: never configured.
  if (!getRuleInfo(D.Rule).isConfigurable())
    return nullptr;
  // An input the walk skipped follows the policy of its directory, so that
  // a project can silence, say, its binary fixtures.
  AbsPath = absolutePath(D.File);
  return &policyForDirectory(sys::path::parent_path(AbsPath));
}

bool Scan::resolve(Diagnostic &D) {
  std::string AbsPath;
  const CompiledPolicy *Policy = governingPolicy(D, AbsPath);
  if (Policy && Policy->findException(D, AbsPath)) {
    ++Suppressed;
    return false;
  }
  D.Level =
      Policy ? Policy->severityOf(D.Rule) : getRuleInfo(D.Rule).DefaultSeverity;
  if (D.Level == Severity::Warning &&
      Options.WarningsAsErrors.contains(getRuleInfo(D.Rule).Name))
    D.Level = Severity::Error;
  if (D.Level == Severity::Off)
    return false;
  if (Policy)
    if (const Located<Severity> *S = Policy->settingOf(D.Rule))
      D.Notes.push_back(
          {S->Range, ("'" + getRuleInfo(D.Rule).Name + "' is set to '" +
                      severityName(S->Value) + "' here")
                         .str()});
  return true;
}

void Scan::finish(bool ReportUnusedExceptions) {
  // Severity, exceptions and provenance are decided here and nowhere else,
  // for every diagnostic alike: Rules.def default, then the governing
  // policy, then the command line.
  ByPath.clear();
  for (const auto &F : Files)
    ByPath[F->Path] = F.get();
  std::vector<Diagnostic> Kept;
  auto ResolveAll = [&](std::vector<Diagnostic> &Batch) {
    for (Diagnostic &D : Batch)
      if (resolve(D))
        Kept.push_back(std::move(D));
  };
  // licit's own findings; resolving one may load a policy that reports
  // problems of its own, so drain until nothing new arrives.
  auto ResolveOwn = [&] {
    for (std::vector<Diagnostic> Own;; Own.clear()) {
      OwnDiags.moveTo(Own);
      if (Own.empty())
        return;
      ResolveAll(Own);
    }
  };
  ResolveAll(Diags);
  ResolveOwn();
  // Only now has every finding met the exceptions.
  if (ReportUnusedExceptions) {
    Policies->reportUnusedExceptions();
    ResolveOwn();
  }
  llvm::sort(Kept, [](const Diagnostic &A, const Diagnostic &B) {
    return std::make_tuple(StringRef(A.File), A.Range.Start.getPointer(),
                           static_cast<unsigned>(A.Rule),
                           StringRef(A.Message)) <
           std::make_tuple(StringRef(B.File), B.Range.Start.getPointer(),
                           static_cast<unsigned>(B.Rule), StringRef(B.Message));
  });
  Diags = std::move(Kept);
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
  for (const auto &Entry : PassSeconds)
    Total += Entry.second;
  OS << "===" << std::string(73, '-') << "===\n"
     << "                      licit pass execution timing report\n"
     << "===" << std::string(73, '-') << "===\n"
     << "  Total CPU time in passes: " << format("%.4f", Total)
     << " seconds\n\n   ---Seconds---  ---%---  --- Name ---\n";
  for (const auto &[Name, Seconds] : PassSeconds)
    OS << format("   %12.4f  %6.1f%%  ", Seconds,
                 Total > 0 ? 100 * Seconds / Total : 0.0)
       << Name << "\n";
}

} // namespace licit
