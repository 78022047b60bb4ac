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
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace licit {

namespace {
struct Edit {
  size_t Begin, End;
  std::string Text;
  bool operator==(const Edit &O) const {
    return Begin == O.Begin && End == O.End && Text == O.Text;
  }
};
} // namespace

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
                                const SourceMgr &SM, bool Unsafe) {
  FixSummary Summary;
  // Accepted edits per buffer, in the order the fixes were chosen.
  DenseMap<unsigned, std::vector<Edit>> Edits;
  for (Diagnostic &D : Diags) {
    const Fix *Chosen = find_if(D.Fixes, [&](const Fix &F) {
      return F.Safety == Applicability::Safe ||
             (Unsafe && F.Safety == Applicability::Unsafe);
    });
    if (Chosen == D.Fixes.end() || Chosen->Edits.empty())
      continue;
    unsigned ID =
        SM.FindBufferContainingLoc(Chosen->Edits.front().getRange().Start);
    if (!ID)
      continue;
    const MemoryBuffer *B = SM.getMemoryBuffer(ID);
    if (!sys::fs::is_regular_file(B->getBufferIdentifier()))
      continue; // A built-in policy, not a file.
    std::vector<Edit> New;
    for (const SMFixIt &FI : Chosen->Edits)
      New.push_back(
          {size_t(FI.getRange().Start.getPointer() - B->getBufferStart()),
           size_t(FI.getRange().End.getPointer() - B->getBufferStart()),
           FI.getText().str()});
    std::vector<Edit> &Have = Edits[ID];
    bool Conflict = false;
    for (const Edit &N : New)
      for (const Edit &H : Have)
        if (!(N == H) && N.Begin < H.End && H.Begin < N.End)
          Conflict = true;
    if (Conflict) {
      ++Summary.Conflicts;
      continue;
    }
    for (Edit &N : New)
      if (!is_contained(Have, N))
        Have.push_back(std::move(N));
    D.AppliedFix = Chosen - D.Fixes.begin();
    ++Summary.Applied;
  }
  // Write in buffer order so that a failure leaves a predictable state.
  std::vector<unsigned> IDs;
  for (const auto &Entry : Edits)
    if (!Entry.second.empty())
      IDs.push_back(Entry.first);
  llvm::sort(IDs);
  for (unsigned ID : IDs) {
    std::vector<Edit> &List = Edits[ID];
    llvm::sort(List,
               [](const Edit &A, const Edit &B) { return A.Begin < B.Begin; });
    StringRef Old = SM.getMemoryBuffer(ID)->getBuffer();
    std::string Content;
    size_t At = 0;
    for (const Edit &E : List) {
      Content += Old.slice(At, E.Begin);
      Content += E.Text;
      At = E.End;
    }
    Content += Old.substr(At);
    if (Error E =
            replaceFile(SM.getMemoryBuffer(ID)->getBufferIdentifier(), Content))
      return std::move(E);
    ++Summary.Files;
  }
  return Summary;
}

} // namespace licit
