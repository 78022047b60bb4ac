//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Driver/ApplyFixes.h"
#include "licit/Config/ConfigTree.h"
#include "licit/Formats/Json.h"
#include "licit/Formats/Toml.h"
#include "licit/Python/Tokenizer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <fcntl.h>
#include <unistd.h>

using namespace llvm;

namespace licit {

/// Flushes \p FD's data to the disk.
static std::error_code syncFile(int FD) {
  return ::fsync(FD) ? std::error_code(errno, std::generic_category())
                     : std::error_code();
}

/// Flushes directory \p Dir, so that a rename in it survives a crash.
static std::error_code syncDirectory(StringRef Dir) {
  int FD = ::open(Dir.str().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (FD < 0)
    return std::error_code(errno, std::generic_category());
  std::error_code EC = syncFile(FD);
  ::close(FD);
  return EC;
}

/// Writes \p Content to a temporary file beside \p Path, lets \p Prepare
/// set its mode and owner, syncs it, renames it over \p Path and syncs the
/// directory. The temporary file is removed if licit fails or is
/// interrupted (not if it is killed outright).
static Error writeThroughTemp(StringRef Path, StringRef Content,
                              function_ref<std::error_code(int FD)> Prepare) {
  Expected<sys::fs::TempFile> Temp =
      sys::fs::TempFile::create(Path + ".licit-%%%%%%");
  if (!Temp)
    return createFileError(Path, Temp.takeError());
  auto Discard = [&](std::error_code EC) {
    // The write's error is the one to report, not the clean-up's.
    consumeError(Temp->discard());
    return createFileError(Path, EC);
  };
  {
    raw_fd_ostream OS(Temp->FD, /*shouldClose=*/false);
    OS << Content;
    OS.flush();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error();
      return Discard(EC);
    }
  }
  if (std::error_code EC = Prepare(Temp->FD))
    return Discard(EC);
  if (std::error_code EC = syncFile(Temp->FD))
    return Discard(EC);
  if (Error E = Temp->keep(Path))
    return createFileError(Path, std::move(E));
  StringRef Dir = sys::path::parent_path(Path);
  if (std::error_code EC = syncDirectory(Dir.empty() ? "." : Dir))
    return createFileError(Path, EC);
  return Error::success();
}

/// Replaces \p Path, which licit read as \p Read, with \p Content: refuses a
/// symbolic link or a file with other hard links (replacing would cut the
/// link), and a file changed since it was read; then writes it through a
/// temporary file with the same mode and owner.
static Error replaceFile(StringRef Path, StringRef Read, StringRef Content) {
  auto Refuse = [&](const Twine &Why) {
    return createStringError(inconvertibleErrorCode(),
                             "'" + Path + "' " + Why + "; not fixed");
  };
  sys::fs::file_status Status;
  if (std::error_code EC = sys::fs::status(Path, Status, /*Follow=*/false))
    return createFileError(Path, EC);
  if (sys::fs::is_symlink_file(Status))
    return Refuse("is a symbolic link");
  if (Status.getLinkCount() > 1)
    return Refuse("has other hard links");
  ErrorOr<std::unique_ptr<MemoryBuffer>> Now =
      MemoryBuffer::getFile(Path, /*IsText=*/false,
                            /*RequiresNullTerminator=*/false);
  if (!Now)
    return createFileError(Path, Now.getError());
  if ((*Now)->getBuffer() != Read)
    return Refuse("changed since licit read it");
  return writeThroughTemp(Path, Content, [&](int FD) -> std::error_code {
    if (std::error_code EC = sys::fs::setPermissions(FD, Status.permissions()))
      return EC;
    // Keep the owner where the process may (root fixing another user's
    // file); a user fixing their own file already owns the temporary one.
    if (Status.getUser() != ::geteuid() || Status.getGroup() != ::getegid())
      return sys::fs::changeFileOwnership(FD, Status.getUser(),
                                          Status.getGroup());
    return {};
  });
}

Error writeFileAtomically(StringRef Path, StringRef Content) {
  return writeThroughTemp(
      Path, Content, [](int) { return std::error_code(); });
}

/// \returns why \p Text would not parse as a file of kinds \p Kinds, or
/// nothing when it would (or licit has no parser for the kind).
static Optional<std::string> parseProblem(const SourceFile &F, StringRef Text) {
  FileKindSet K = F.Kinds;
  if (K.contains(FileKind::Json) || K.contains(FileKind::Notebook)) {
    json::ParseResult R = json::parse(Text);
    if (!R.Root)
      return R.ErrorMessage;
  } else if (K.contains(FileKind::Toml) || K.contains(FileKind::Policy)) {
    TomlReadResult R = readToml(F.ID, Text, F.Path);
    if (!R.Root)
      return R.ErrorMessage;
  } else if (K.contains(FileKind::Yaml) || K.contains(FileKind::Compose)) {
    config::ReadResult R = config::readYaml(Text);
    if (!R.Error.empty())
      return R.Error;
  } else if (K.contains(FileKind::Python)) {
    std::vector<python::Token> Tokens = python::tokenize(Text);
    if (any_of(Tokens, [](const python::Token &T) { return T.Unterminated; }))
      return std::string("a string would be left unterminated");
    if (!Tokens.empty() && Tokens.back().Depth != 0)
      return std::string("a bracket would be left open");
  }
  return None;
}

/// \p Old with \p Edits (sorted, not overlapping) applied.
static std::string applyEdits(StringRef Old, ArrayRef<Edit> Edits) {
  std::string Content;
  size_t At = 0;
  for (const Edit &E : Edits) {
    Content += Old.slice(At, E.Range.Begin);
    Content += E.Text;
    At = E.Range.End;
  }
  Content += Old.substr(At);
  return Content;
}

Error rewriteFile(const SourceFile &File, ArrayRef<Edit> Edits) {
  std::vector<Edit> Sorted(Edits.begin(), Edits.end());
  llvm::sort(Sorted, [](const Edit &A, const Edit &B) {
    return A.Range.Begin < B.Range.Begin;
  });
  StringRef Old = File.text();
  std::string New = applyEdits(Old, Sorted);
  if (!parseProblem(File, Old))
    if (Optional<std::string> Why = parseProblem(File, New))
      return createStringError(inconvertibleErrorCode(),
                               "'" + File.Path + "' would no longer parse (" +
                                   *Why + "); not changed");
  return replaceFile(File.Path, Old, New);
}

FixSummary applyFixes(MutableArrayRef<Diagnostic> Diags,
                      const SourceFiles &Files, const TrustBoundary &Boundary,
                      bool Unsafe) {
  FixSummary Summary;
  struct Chosen {
    Diagnostic *D;
    int Index;
  };
  auto Title = [](const Diagnostic &D, int Index) {
    return "fix '" + D.Fixes[Index].Title + "' [" +
           getRuleInfo(D.Rule).Name.str() + "]";
  };
  DenseMap<FileID, std::vector<Chosen>> ByFile;
  for (Diagnostic &D : Diags) {
    const Fix *F = find_if(D.Fixes, [&](const Fix &F) {
      return F.Safety == Applicability::Safe ||
             (Unsafe && F.Safety == Applicability::Unsafe);
    });
    if (F == D.Fixes.end() || F->Edits.empty())
      continue;
    FileID ID = F->Edits.front().Range.File;
    assert(all_of(F->Edits,
                  [&](const Edit &E) {
                    return E.Range.File == ID && E.Range.hasOffsets();
                  }) &&
           "a fix edits one file, at known offsets");
    const SourceFile &File = Files.get(ID);
    // Only files read whole and inside the checked trees are rewritten;
    // never a built-in policy.
    if (File.Builtin || !File.Buffer ||
        File.Buffer->getBufferSize() != File.Size ||
        !Boundary.isInCheckedTree(File.AbsPath))
      continue;
    int Index = F - D.Fixes.begin();
    std::vector<Chosen> &Have = ByFile[ID];
    // Another finding's fix may make the same edits (one reference breaking
    // several rules); any other overlap is a conflict.
    auto Clash = find_if(Have, [&](const Chosen &C) {
      return any_of(C.D->Fixes[C.Index].Edits, [&](const Edit &H) {
        return any_of(F->Edits, [&](const Edit &N) {
          return !(N == H) && N.Range.Begin < H.Range.End &&
                 H.Range.Begin < N.Range.End;
        });
      });
    });
    if (Clash != Have.end()) {
      Summary.Problems.push_back(
          {F->Edits.front().Range,
           Title(D, Index) + " was not applied: it overlaps " +
               Title(*Clash->D, Clash->Index) + "; run --fix again"});
      continue;
    }
    Have.push_back({&D, Index});
  }
  // In file order, so the output never depends on the hash map. A file
  // that cannot be written keeps its findings unfixed; the others go on.
  std::vector<FileID> IDs;
  for (const auto &Entry : ByFile)
    IDs.push_back(Entry.first);
  llvm::sort(IDs);
  for (FileID ID : IDs) {
    const SourceFile &F = Files.get(ID);
    StringRef Old = F.text();
    // Each fix is kept only if the file still parses with it, when it
    // parsed before: a fix never breaks a file.
    bool Parsed = !parseProblem(F, Old);
    std::vector<Edit> Edits;
    std::vector<Chosen> Kept;
    for (const Chosen &C : ByFile[ID]) {
      std::vector<Edit> Trial = Edits;
      for (const Edit &E : C.D->Fixes[C.Index].Edits)
        if (!is_contained(Trial, E))
          Trial.push_back(E);
      llvm::sort(Trial, [](const Edit &A, const Edit &B) {
        return A.Range.Begin < B.Range.Begin;
      });
      if (Parsed)
        if (Optional<std::string> Why =
                parseProblem(F, applyEdits(Old, Trial))) {
          Summary.Problems.push_back(
              {C.D->Fixes[C.Index].Edits.front().Range,
               Title(*C.D, C.Index) +
                   " was not applied: the file would no longer parse (" + *Why +
                   ")"});
          continue;
        }
      Edits = std::move(Trial);
      Kept.push_back(C);
    }
    if (Kept.empty())
      continue;
    if (Error E = replaceFile(F.Path, Old, applyEdits(Old, Edits))) {
      Summary.Failures.push_back(toString(std::move(E)));
      continue;
    }
    for (const Chosen &C : Kept)
      C.D->AppliedFix = C.Index;
    Summary.Applied += Kept.size();
    ++Summary.Files;
  }
  return Summary;
}

} // namespace licit
