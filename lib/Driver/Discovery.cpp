//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Driver/Discovery.h"
#include "IgnoreFiles.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace licit {

std::string displayPath(StringRef Path) {
  return sys::path::remove_leading_dotslash(Path).str();
}

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

/// \returns true when \p Path is \p Dir or below it ("/a/bc" is not below
/// "/a/b").
static bool isWithin(StringRef Path, StringRef Dir) {
  return Path.consume_front(Dir) && (Path.empty() || Path.front() == '/');
}

namespace {
class Walker {
public:
  Walker(vfs::FileSystem &FS, SourceFiles &Files,
         const DiscoveryOptions &Options, DiagSink &Diags)
      : FS(FS), Files(Files), Options(Options), Diags(Diags) {}

  Error addPath(StringRef Path);
  DiscoveredFiles take() { return std::move(Found); }

private:
  void walk(StringRef Root, StringRef RealRoot);
  /// Registers a regular file. \p Kinds is its classification.
  /// \returns its id.
  FileID addFile(StringRef Path, StringRef AbsPath, FileKindSet Kinds);
  void skip(StringRef Path, const Twine &Why) {
    Diags.report(RuleID::InputSkipped,
                 SourceRange::wholeFile(
                     Files.add(displayPath(Path), absolutePath(Path)).first),
                 "skipped: " + Why);
  }
  /// \returns the kinds of \p Path, looking at its first bytes when its
  /// name does not decide.
  FileKindSet classify(StringRef Path);

  vfs::FileSystem &FS;
  SourceFiles &Files;
  const DiscoveryOptions &Options;
  DiagSink &Diags;
  DiscoveredFiles Found;
  /// The files found so far.
  DenseSet<FileID> Added;
};
} // namespace

FileKindSet Walker::classify(StringRef Path) {
  FileKindSet Kinds = classifyByName(Path);
  if (!Kinds.empty() || !needsSniffing(Path))
    return Kinds;
  ErrorOr<std::unique_ptr<vfs::File>> F = FS.openFileForRead(Path);
  if (!F)
    return Kinds; // Reported when a pass reads it, if one would.
  ErrorOr<std::unique_ptr<MemoryBuffer>> Head =
      (*F)->getBuffer(Path, SniffBytes, /*RequiresNullTerminator=*/false);
  return Head ? refineByContent(Path, Kinds, (*Head)->getBuffer()) : Kinds;
}

FileID Walker::addFile(StringRef Path, StringRef AbsPath, FileKindSet Kinds) {
  auto [ID, New] = Files.add(displayPath(Path), AbsPath);
  // A file registered before the walk is a policy file the loader read:
  // not an input, unless it is a manifest too (a pyproject.toml).
  if ((!New && !Kinds.contains(FileKind::Manifest)) || !Added.insert(ID).second)
    return ID; // Also when named twice, or as a file and inside a directory.
  Files.get(ID).Kinds = Kinds;
  Found.Files.push_back(ID);
  return ID;
}

Error Walker::addPath(StringRef Path) {
  ErrorOr<vfs::Status> Status = FS.status(Path);
  if (!Status)
    return createFileError(Path, Status.getError());
  SmallString<256> Real;
  if (FS.getRealPath(Path, Real))
    Real = absolutePath(Path);
  if (Status->isDirectory()) {
    walk(Path, Real);
    return Error::success();
  }
  if (Status->getType() != sys::fs::file_type::regular_file) {
    // Reading a FIFO or a device could block forever.
    skip(Path, "not a regular file");
    return Error::success();
  }
  FileKindSet Kinds = classify(Path);
  if (Kinds.empty()) {
    skip(Path, "no pass reads this kind of file");
    return Error::success();
  }
  FileID ID = addFile(Path, Real, Kinds);
  if (!is_contained(Found.Named, ID))
    Found.Named.push_back(ID);
  return Error::success();
}

void Walker::walk(StringRef Root, StringRef RealRoot) {
  struct Dir {
    std::string Path, Real;
    IgnoreStack::Level Ignores;
    /// The policy exclusions in force, and whose they are.
    const ExcludeList *Excludes;
    IgnoreStack::Level ExcludeLevel;
  };
  IgnoreStack Ignores(FS, RealRoot, Options.UseIgnoreFiles);
  // Policy exclusions: their own stack, so --no-ignore leaves them on and
  // a nested policy's list replaces its parent's (policies do not inherit
  // implicitly).
  IgnoreStack Excludes(FS, RealRoot, /*Enabled=*/false);
  auto ExcludeLevel = [&](StringRef Real, const ExcludeList *Parent,
                          IgnoreStack::Level ParentLevel)
      -> std::pair<const ExcludeList *, IgnoreStack::Level> {
    const ExcludeList *List =
        Options.ExcludesFor ? Options.ExcludesFor(Real) : nullptr;
    if (List == Parent)
      return {List, ParentLevel};
    IgnoreStack::Level L = 0;
    if (List)
      for (const ExcludeList::Pattern &P : List->Patterns)
        L = Excludes.add(P.BaseDir, StringRef(P.Text), L);
    return {List, L};
  };
  std::vector<Dir> Stack;
  auto [RootList, RootLevel] = ExcludeLevel(RealRoot, nullptr, 0);
  Stack.push_back({Root.str(), RealRoot.str(),
                   Ignores.enter(RealRoot, Ignores.root()), RootList,
                   RootLevel});
  while (!Stack.empty()) {
    Dir D = std::move(Stack.back());
    Stack.pop_back();
    std::error_code EC;
    std::vector<vfs::directory_entry> Entries;
    for (vfs::directory_iterator It = FS.dir_begin(D.Path, EC), End;
         !EC && It != End; It.increment(EC))
      Entries.push_back(*It);
    if (EC) {
      Diags.report(
          RuleID::InputUnreadable,
          SourceRange::wholeFile(Files.add(displayPath(D.Path), D.Real).first),
          "cannot read directory: " + EC.message());
      continue;
    }
    // A stable order whatever the file system returns; directories are
    // pushed in reverse so that they pop in order.
    llvm::sort(Entries, [](const vfs::directory_entry &A,
                           const vfs::directory_entry &B) {
      return A.path() < B.path();
    });
    std::vector<Dir> Subdirs;
    for (const vfs::directory_entry &Entry : Entries) {
      StringRef Path = Entry.path();
      StringRef Name = sys::path::filename(Path);
      SmallString<256> Real(D.Real);
      sys::path::append(Real, Name);
      bool IsDir = Entry.type() == sys::fs::file_type::directory_file;
      if (Ignores.isIgnored(D.Ignores, Real, IsDir) ||
          Excludes.isIgnored(D.ExcludeLevel, Real, IsDir))
        continue;
      if (IsDir) {
        SmallString<256> Venv(Path);
        sys::path::append(Venv, "pyvenv.cfg");
        // A virtual environment holds installed packages, not project code.
        if (isIgnoredDirectory(Name) || FS.exists(Venv))
          continue;
        auto [List, Level] = ExcludeLevel(Real, D.Excludes, D.ExcludeLevel);
        Subdirs.push_back({Path.str(), Real.str().str(),
                           Ignores.enter(Real, D.Ignores), List, Level});
        continue;
      }
      if (Entry.type() == sys::fs::file_type::symlink_file) {
        // Links are never followed: a target inside the tree is checked
        // where it lives, and one outside it is not ours to read.
        SmallString<256> Target;
        if (FS.getRealPath(Path, Target))
          skip(Path, "broken or looping symbolic link");
        else if (!classifyByName(Path).empty() && !isWithin(Target, RealRoot))
          skip(Path, "symbolic link out of the checked tree");
        continue;
      }
      if (Entry.type() != sys::fs::file_type::regular_file) {
        // A FIFO or device named like a source file: opening it could
        // block, and leaving it out silently would hide a finding.
        if (!classifyByName(Path).empty())
          skip(Path, "not a regular file");
        continue;
      }
      FileKindSet Kinds = classify(Path);
      if (!Kinds.empty())
        addFile(Path, Real, Kinds);
    }
    Stack.insert(Stack.end(), std::make_move_iterator(Subdirs.rbegin()),
                 std::make_move_iterator(Subdirs.rend()));
  }
}

Expected<DiscoveredFiles> discoverFiles(vfs::FileSystem &FS, SourceFiles &Files,
                                        ArrayRef<std::string> Paths,
                                        const DiscoveryOptions &Options,
                                        DiagSink &Diags) {
  Walker W(FS, Files, Options, Diags);
  for (const std::string &Path : Paths)
    if (Error E = W.addPath(Path))
      return std::move(E);
  return W.take();
}

} // namespace licit
