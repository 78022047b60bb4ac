//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Output/TextEmitter.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace licit {

static SourceMgr::DiagKind kindOf(Severity S) {
  switch (S) {
  case Severity::Error:
    return SourceMgr::DK_Error;
  case Severity::Warning:
    return SourceMgr::DK_Warning;
  case Severity::Note:
  case Severity::Off:
    return SourceMgr::DK_Note;
  }
  llvm_unreachable("unknown severity");
}

/// Prints one message at \p Range, or at \p File alone when the range is
/// invalid (a note without location prints as "note: ...").
static void printOne(SourceMgr &SM, StringRef File, SMRange Range,
                     SourceMgr::DiagKind Kind, const Twine &Message,
                     ArrayRef<SMFixIt> FixIts, raw_ostream &OS, bool Colors) {
  if (Range.isValid()) {
    SmallVector<SMRange, 1> Ranges;
    if (Range.End.getPointer() > Range.Start.getPointer())
      Ranges.push_back(Range);
    SM.GetMessage(Range.Start, Kind, Message, Ranges, FixIts)
        .print(nullptr, OS, Colors);
    return;
  }
  SMDiagnostic(File, Kind, Message.str()).print(nullptr, OS, Colors);
}

void emitText(ArrayRef<Diagnostic> Diags, SourceMgr &SM, raw_ostream &OS,
              bool Colors) {
  for (const Diagnostic &D : Diags) {
    // Fix-it text shows under the caret only for edits on the same line.
    SmallVector<SMFixIt, 2> FixIts;
    if (!D.Fixes.empty())
      FixIts.append(D.Fixes.front().Edits.begin(), D.Fixes.front().Edits.end());
    printOne(SM, D.File, D.Range, kindOf(D.Level),
             D.Message + " [" + getRuleInfo(D.Rule).Name + "]", FixIts, OS,
             Colors);
    for (const Note &N : D.Notes)
      printOne(SM, "", N.Range, SourceMgr::DK_Note, N.Message, {}, OS, Colors);
    for (const Fix &F : D.Fixes)
      printOne(SM, "", SMRange(), SourceMgr::DK_Note,
               "fix (" + applicabilityName(F.Safety) + "): " + F.Title, {}, OS,
               Colors);
  }
}

static std::string plural(unsigned N, StringRef Word) {
  return (Twine(N) + " " + Word + (N == 1 ? "" : "s")).str();
}

void emitSummary(ArrayRef<Diagnostic> Diags, unsigned FilesChecked,
                 unsigned Suppressed, raw_ostream &OS) {
  unsigned Counts[4] = {0, 0, 0, 0};
  for (const Diagnostic &D : Diags)
    ++Counts[static_cast<unsigned>(D.Level)];
  SmallVector<std::string, 3> Parts;
  if (unsigned N = Counts[static_cast<unsigned>(Severity::Error)])
    Parts.push_back(plural(N, "error"));
  if (unsigned N = Counts[static_cast<unsigned>(Severity::Warning)])
    Parts.push_back(plural(N, "warning"));
  if (unsigned N = Counts[static_cast<unsigned>(Severity::Note)])
    Parts.push_back(plural(N, "note"));
  if (Parts.empty()) {
    OS << "no findings";
  } else {
    for (size_t I = 0; I != Parts.size(); ++I)
      OS << (I == 0 ? "" : I + 1 == Parts.size() ? " and " : ", ") << Parts[I];
    OS << " generated";
  }
  OS << " (" << plural(FilesChecked, "file") << " checked";
  if (Suppressed)
    OS << ", " << Suppressed << " suppressed by policy exceptions";
  OS << ").\n";
}

} // namespace licit
