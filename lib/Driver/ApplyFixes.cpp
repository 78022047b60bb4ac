//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Driver/ApplyFixes.h"
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

/// Replaces \p Path, which licit read as \p Read, with \p Content: refuses a
/// symbolic link or a file with other hard links (replacing would cut the
/// link), and a file changed since it was read; then writes a temporary
/// file beside it with the same mode and owner, syncs it, renames it over
/// the file and syncs the directory. A temporary file is removed if licit
/// fails or is interrupted (not if it is killed outright).
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
  if (std::error_code EC =
          sys::fs::setPermissions(Temp->FD, Status.permissions()))
    return Discard(EC);
  // Keep the owner where the process may (root fixing another user's file);
  // a user fixing their own file already owns the temporary one.
  if (Status.getUser() != ::geteuid() || Status.getGroup() != ::getegid())
    if (std::error_code EC = sys::fs::changeFileOwnership(
            Temp->FD, Status.getUser(), Status.getGroup()))
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

FixSummary applyFixes(MutableArrayRef<Diagnostic> Diags,
                      const SourceFiles &Files, const TrustBoundary &Boundary,
                      bool Unsafe) {
  FixSummary Summary;
  struct FileFixes {
    std::vector<Edit> Edits;
    /// The diagnostics whose fix these edits are, and which one.
    std::vector<std::pair<Diagnostic *, int>> Fixed;
  };
  DenseMap<FileID, FileFixes> ByFile;
  for (Diagnostic &D : Diags) {
    const Fix *Chosen = find_if(D.Fixes, [&](const Fix &F) {
      return F.Safety == Applicability::Safe ||
             (Unsafe && F.Safety == Applicability::Unsafe);
    });
    if (Chosen == D.Fixes.end() || Chosen->Edits.empty())
      continue;
    FileID ID = Chosen->Edits.front().Range.File;
    assert(all_of(Chosen->Edits,
                  [&](const Edit &E) {
                    return E.Range.File == ID && E.Range.hasOffsets();
                  }) &&
           "a fix edits one file, at known offsets");
    const SourceFile &F = Files.get(ID);
    // Only files read whole and inside the checked trees are rewritten;
    // never a built-in policy.
    if (F.Builtin || !F.Buffer || F.Buffer->getBufferSize() != F.Size ||
        !Boundary.isInCheckedTree(F.AbsPath))
      continue;
    FileFixes &Have = ByFile[ID];
    bool Conflict = any_of(Chosen->Edits, [&](const Edit &N) {
      return any_of(Have.Edits, [&](const Edit &H) {
        return !(N == H) && N.Range.Begin < H.Range.End &&
               H.Range.Begin < N.Range.End;
      });
    });
    if (Conflict) {
      ++Summary.Conflicts;
      continue;
    }
    for (const Edit &N : Chosen->Edits)
      if (!is_contained(Have.Edits, N))
        Have.Edits.push_back(N);
    Have.Fixed.push_back({&D, int(Chosen - D.Fixes.begin())});
  }
  // In file order, so the output never depends on the hash map. A file
  // that cannot be written keeps its findings unfixed; the others go on.
  std::vector<FileID> IDs;
  for (const auto &Entry : ByFile)
    IDs.push_back(Entry.first);
  llvm::sort(IDs);
  for (FileID ID : IDs) {
    FileFixes &FF = ByFile[ID];
    llvm::sort(FF.Edits, [](const Edit &A, const Edit &B) {
      return A.Range.Begin < B.Range.Begin;
    });
    const SourceFile &F = Files.get(ID);
    StringRef Old = F.text();
    std::string Content;
    size_t At = 0;
    for (const Edit &E : FF.Edits) {
      Content += Old.slice(At, E.Range.Begin);
      Content += E.Text;
      At = E.Range.End;
    }
    Content += Old.substr(At);
    if (Error E = replaceFile(F.Path, Old, Content)) {
      Summary.Failures.push_back(toString(std::move(E)));
      continue;
    }
    for (auto [D, Index] : FF.Fixed)
      D->AppliedFix = Index;
    Summary.Applied += FF.Fixed.size();
    ++Summary.Files;
  }
  return Summary;
}

} // namespace licit
