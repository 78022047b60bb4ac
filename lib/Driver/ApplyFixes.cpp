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
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace licit {

/// Writes \p Content over \p Path through a temporary file in the same
/// directory, so that readers see the old file or the new one, never half.
static Error replaceFile(StringRef Path, StringRef Content) {
  ErrorOr<sys::fs::perms> Perms = sys::fs::getPermissions(Path);
  if (!Perms)
    return createFileError(Path, Perms.getError());
  Expected<sys::fs::TempFile> Temp =
      sys::fs::TempFile::create(Path + ".licit-%%%%%%");
  if (!Temp)
    return createFileError(Path, Temp.takeError());
  {
    raw_fd_ostream OS(Temp->FD, /*shouldClose=*/false);
    OS << Content;
    OS.flush();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error();
      consumeError(Temp->discard()); // The write error is the one to report.
      return createFileError(Path, EC);
    }
  }
  if (std::error_code EC = sys::fs::setPermissions(Temp->TmpName, *Perms)) {
    consumeError(Temp->discard()); // The permission error is the one.
    return createFileError(Path, EC);
  }
  if (Error E = Temp->keep(Path))
    return createFileError(Path, std::move(E));
  return Error::success();
}

Expected<FixSummary> applyFixes(MutableArrayRef<Diagnostic> Diags,
                                const SourceFiles &Files,
                                const TrustBoundary &Boundary, bool Unsafe) {
  FixSummary Summary;
  // Accepted edits per file, in the order the fixes were chosen.
  DenseMap<FileID, std::vector<Edit>> Edits;
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
    std::vector<Edit> &Have = Edits[ID];
    bool Conflict = false;
    for (const Edit &N : Chosen->Edits)
      for (const Edit &H : Have)
        if (!(N == H) && N.Range.Begin < H.Range.End &&
            H.Range.Begin < N.Range.End)
          Conflict = true;
    if (Conflict) {
      ++Summary.Conflicts;
      continue;
    }
    for (const Edit &N : Chosen->Edits)
      if (!is_contained(Have, N))
        Have.push_back(N);
    D.AppliedFix = Chosen - D.Fixes.begin();
    ++Summary.Applied;
  }
  // Write in file order so that a failure leaves a predictable state.
  std::vector<FileID> IDs;
  for (const auto &Entry : Edits)
    if (!Entry.second.empty())
      IDs.push_back(Entry.first);
  llvm::sort(IDs);
  for (FileID ID : IDs) {
    std::vector<Edit> &List = Edits[ID];
    llvm::sort(List, [](const Edit &A, const Edit &B) {
      return A.Range.Begin < B.Range.Begin;
    });
    const SourceFile &F = Files.get(ID);
    StringRef Old = F.text();
    std::string Content;
    size_t At = 0;
    for (const Edit &E : List) {
      Content += Old.slice(At, E.Range.Begin);
      Content += E.Text;
      At = E.Range.End;
    }
    Content += Old.substr(At);
    if (Error E = replaceFile(F.Path, Content))
      return std::move(E);
    ++Summary.Files;
  }
  return Summary;
}

} // namespace licit
