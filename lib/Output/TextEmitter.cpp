//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Output/TextEmitter.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/WithColor.h"
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

/// Source lines longer than this many bytes are shown as a window.
constexpr unsigned MaxShownLine = 160;

/// Prints one message at \p Range, or at its file alone when it has no
/// offsets, or bare ("note: ...") when it has no file. Ranges and fix-its
/// are drawn on the caret line only, clipped to it; those in other files
/// are left out.
static void printAt(const SourceFiles &Files, raw_ostream &OS, bool Colors,
                    SourceRange Range, SourceMgr::DiagKind Kind,
                    const Twine &Message, ArrayRef<Edit> Edits = {},
                    ArrayRef<SourceRange> Secondary = {}) {
  if (!Range.hasFile()) {
    SMDiagnostic("", Kind, Message.str()).print(nullptr, OS, Colors);
    return;
  }
  const SourceFile &F = Files.get(Range.File);
  if (!Range.hasOffsets() || !F.Buffer) {
    SMDiagnostic(F.Path, Kind, Message.str()).print(nullptr, OS, Colors);
    return;
  }
  StringRef Line = Files.lineText(Range.File, Range.Begin);
  unsigned LineBegin = Line.data() - F.text().data();
  // A long line (minified code, a hostile file) is shown as a window
  // around the range, marked "...", as clang does: one finding never
  // floods a log.
  unsigned ShowBegin = LineBegin, ShowEnd = LineBegin + Line.size();
  if (Line.size() > MaxShownLine) {
    ShowBegin = std::max(LineBegin, Range.Begin > MaxShownLine / 4
                                        ? Range.Begin - MaxShownLine / 4
                                        : 0u);
    ShowEnd = std::min<unsigned>(ShowEnd, ShowBegin + MaxShownLine);
  }
  std::string Shown;
  if (ShowBegin != LineBegin)
    Shown += "...";
  unsigned Shift = Shown.size(); // Where the window's first byte lands.
  Shown += F.text().slice(ShowBegin, ShowEnd);
  if (ShowEnd != LineBegin + Line.size())
    Shown += "...";
  SmallVector<std::pair<unsigned, unsigned>, 2> Columns;
  auto AddColumns = [&](SourceRange R) {
    if (R.File != Range.File || !R.hasOffsets())
      return;
    unsigned Begin = std::max(R.Begin, ShowBegin);
    unsigned End = std::min(R.End, ShowEnd);
    if (End > Begin)
      Columns.push_back({Begin - ShowBegin + Shift, End - ShowBegin + Shift});
  };
  AddColumns(Range);
  for (SourceRange R : Secondary)
    AddColumns(R);
  // SMDiagnostic draws fix-its from pointers into the printed line.
  SmallVector<SMFixIt, 1> FixIts;
  const char *Base = Shown.data() + Shift;
  for (const Edit &E : Edits)
    if (E.Range.File == Range.File && E.Range.hasOffsets() &&
        E.Range.Begin >= ShowBegin && E.Range.End <= ShowEnd)
      FixIts.push_back(SMFixIt(
          SMRange(SMLoc::getFromPointer(Base + (E.Range.Begin - ShowBegin)),
                  SMLoc::getFromPointer(Base + (E.Range.End - ShowBegin))),
          E.Text));
  // The location is the file's; the caret goes to the window's column, so
  // SMDiagnostic prints no location of its own (an empty file name).
  Position P = Files.position(Range.File, Range.Begin);
  WithColor(OS, raw_ostream::SAVEDCOLOR, /*Bold=*/true, /*BG=*/false,
            Colors ? ColorMode::Auto : ColorMode::Disable)
      << F.Path << ':' << P.Line << ':' << P.Column << ": ";
  unsigned CaretColumn = std::max(Range.Begin, ShowBegin) - ShowBegin + Shift;
  // SMDiagnostic keeps a SourceMgr only for its callers; printing never
  // reads it.
  static const SourceMgr Unused;
  SMDiagnostic(Unused, SMLoc::getFromPointer(Shown.data() + CaretColumn), "",
               P.Line, CaretColumn, Kind, Message.str(), Shown, Columns, FixIts)
      .print(nullptr, OS, Colors);
}

void emitText(ArrayRef<Diagnostic> Diags, const SourceFiles &Files,
              raw_ostream &OS, bool Colors) {
  for (const Diagnostic &D : Diags) {
    // Fix-it text shows under the caret only for edits on the same line.
    ArrayRef<Edit> Edits;
    if (!D.Fixes.empty())
      Edits = D.Fixes.front().Edits;
    printAt(Files, OS, Colors, D.Range, kindOf(D.Level),
            D.Message + " [" + getRuleInfo(D.Rule).Name + "]", Edits,
            D.Secondary);
    for (const Note &N : D.Notes)
      printAt(Files, OS, Colors, N.Range, SourceMgr::DK_Note, N.Message);
    for (size_t I = 0; I != D.Fixes.size(); ++I)
      printAt(Files, OS, Colors, SourceRange(), SourceMgr::DK_Note,
              (int(I) == D.AppliedFix ? "fix applied (" : "fix (") +
                  applicabilityName(D.Fixes[I].Safety) +
                  "): " + D.Fixes[I].Title);
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
  if (unsigned Fixed =
          count_if(Diags, [](const Diagnostic &D) { return D.isFixed(); }))
    OS << ", " << Fixed << " fixed";
  OS << ").\n";
}

} // namespace licit
