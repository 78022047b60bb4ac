//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Output/Emitters.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include <set>
#include <tuple>

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
  for (const Edit &E : Edits) {
    if (E.Range.File != Range.File || !E.Range.hasOffsets() ||
        E.Range.Begin < ShowBegin || E.Range.End > ShowEnd)
      continue;
    // A deletion shows as its range, as clang draws one: no fix-it line
    // of blanks.
    if (E.Text.empty()) {
      AddColumns(E.Range);
      continue;
    }
    FixIts.push_back(SMFixIt(
        SMRange(SMLoc::getFromPointer(Base + (E.Range.Begin - ShowBegin)),
                SMLoc::getFromPointer(Base + (E.Range.End - ShowBegin))),
        E.Text));
  }
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

/// Prints "path:line:col: severity: message" alone, without the source
/// line: the concise style, and the findings beneath a block's first.
static void printLine(const SourceFiles &Files, raw_ostream &OS, bool Colors,
                      SourceRange Range, SourceMgr::DiagKind Kind,
                      const Twine &Message) {
  if (Range.hasFile()) {
    WithColor Loc(OS, raw_ostream::SAVEDCOLOR, /*Bold=*/true, /*BG=*/false,
                  Colors ? ColorMode::Auto : ColorMode::Disable);
    Loc << Files.path(Range.File);
    if (Range.hasOffsets() && Files.get(Range.File).Buffer) {
      Position P = Files.position(Range.File, Range.Begin);
      Loc << ':' << P.Line << ':' << P.Column;
    }
    Loc << ": ";
  }
  SMDiagnostic("", Kind, Message.str()).print(nullptr, OS, Colors);
}

static std::string headline(const Diagnostic &D) {
  return D.Message + " [" + getRuleInfo(D.Rule).Name.str() + "]";
}

namespace {
/// Full-style printing: remembers which notes the reader has seen.
class BlockPrinter {
public:
  BlockPrinter(const SourceFiles &Files, raw_ostream &OS, bool Colors)
      : Files(Files), OS(OS), Colors(Colors) {}

  /// Prints \p Block, findings about one subject at one range, most
  /// severe first.
  void print(ArrayRef<const Diagnostic *> Block);

private:
  using NoteKey = std::tuple<FileID, unsigned, unsigned, std::string>;

  void printNotes(const Diagnostic &D);

  const SourceFiles &Files;
  raw_ostream &OS;
  bool Colors;
  /// Notes in another file than their finding (the policy line that set a
  /// rule's severity): context shown once per run.
  std::set<NoteKey> ShownInRun;
  /// The other notes: shown once per block.
  std::set<NoteKey> ShownInBlock;
};
} // namespace

void BlockPrinter::printNotes(const Diagnostic &D) {
  for (const Note &N : D.Notes) {
    NoteKey Key{N.Range.File, N.Range.Begin, N.Range.End, N.Message};
    bool Elsewhere = N.Range.hasFile() && N.Range.File != D.Range.File;
    if (!(Elsewhere ? ShownInRun : ShownInBlock).insert(Key).second)
      continue;
    printAt(Files, OS, Colors, N.Range, SourceMgr::DK_Note, N.Message);
  }
}

void BlockPrinter::print(ArrayRef<const Diagnostic *> Block) {
  ShownInBlock.clear();
  const Diagnostic &First = *Block.front();
  // Fix-it text shows under the caret only for edits on the same line.
  ArrayRef<Edit> Edits;
  if (!First.Fixes.empty())
    Edits = First.Fixes.front().Edits;
  printAt(Files, OS, Colors, First.Range, kindOf(First.Level), headline(First),
          Edits, First.Secondary);
  printNotes(First);
  for (const Diagnostic *D : Block.drop_front()) {
    printLine(Files, OS, Colors, D->Range, kindOf(D->Level), headline(*D));
    printNotes(*D);
  }
  // The fixes of the block, each once; applied if any finding applied it.
  SmallVector<std::pair<const Fix *, bool>, 2> Fixes;
  for (const Diagnostic *D : Block)
    for (size_t I = 0; I != D->Fixes.size(); ++I) {
      const Fix &F = D->Fixes[I];
      auto It = find_if(Fixes, [&](const auto &Seen) {
        return Seen.first->Title == F.Title && Seen.first->Edits == F.Edits;
      });
      if (It == Fixes.end())
        It = Fixes.insert(Fixes.end(), {&F, false});
      It->second |= int(I) == D->AppliedFix;
    }
  for (auto [F, Applied] : Fixes)
    printAt(Files, OS, Colors, SourceRange(), SourceMgr::DK_Note,
            (Applied ? "fix applied (" : "fix (") +
                applicabilityName(F->Safety) + "): " + F->Title);
}

/// Splits sorted \p Diags into blocks: the findings about one subject at
/// one range, most severe first, in the order of their first finding.
static std::vector<SmallVector<const Diagnostic *, 4>>
blocksOf(ArrayRef<Diagnostic> Diags) {
  std::vector<SmallVector<const Diagnostic *, 4>> Blocks;
  // Sorting puts the findings at one offset together; the blocks of the
  // current offset start here.
  size_t OffsetBlocks = 0;
  for (size_t I = 0; I != Diags.size(); ++I) {
    const Diagnostic &D = Diags[I];
    if (I == 0 || D.Range.File != Diags[I - 1].Range.File ||
        D.Range.Begin != Diags[I - 1].Range.Begin)
      OffsetBlocks = Blocks.size();
    auto Found = std::find_if(
        Blocks.begin() + OffsetBlocks, Blocks.end(), [&](const auto &B) {
          const Diagnostic &O = *B.front();
          return O.About.Kind != Subject::None &&
                 O.About.Kind == D.About.Kind && O.About.ID == D.About.ID &&
                 O.Range == D.Range;
        });
    if (Found == Blocks.end())
      Blocks.push_back({&D});
    else
      Found->push_back(&D);
  }
  for (auto &B : Blocks)
    llvm::stable_sort(B, [](const Diagnostic *L, const Diagnostic *R) {
      return L->Level > R->Level;
    });
  return Blocks;
}

void emitText(ArrayRef<Diagnostic> Diags, const SourceFiles &Files,
              raw_ostream &OS, bool Colors, TextStyle Style) {
  if (Style == TextStyle::Concise) {
    for (const Diagnostic &D : Diags)
      printLine(Files, OS, Colors, D.Range, kindOf(D.Level), headline(D));
    return;
  }
  BlockPrinter Printer(Files, OS, Colors);
  for (const auto &Block : blocksOf(Diags))
    Printer.print(Block);
}

void emitMessage(const SourceFiles &Files, raw_ostream &OS, bool Colors,
                 SourceRange Range, Severity Level, const Twine &Message) {
  printLine(Files, OS, Colors, Range, kindOf(Level), Message);
}

static std::string plural(unsigned N, StringRef Word) {
  return (Twine(N) + " " + Word + (N == 1 ? "" : "s")).str();
}

/// "2 errors and 1 warning", or empty.
static std::string counts(ArrayRef<Diagnostic> Diags) {
  unsigned Counts[4] = {0, 0, 0, 0};
  for (const Diagnostic &D : Diags)
    if (!D.isFixed())
      ++Counts[static_cast<unsigned>(D.Level)];
  SmallVector<std::string, 3> Parts;
  if (unsigned N = Counts[static_cast<unsigned>(Severity::Error)])
    Parts.push_back(plural(N, "error"));
  if (unsigned N = Counts[static_cast<unsigned>(Severity::Warning)])
    Parts.push_back(plural(N, "warning"));
  if (unsigned N = Counts[static_cast<unsigned>(Severity::Note)])
    Parts.push_back(plural(N, "note"));
  std::string Out;
  for (size_t I = 0; I != Parts.size(); ++I)
    Out += (I == 0 ? "" : I + 1 == Parts.size() ? " and " : ", ") + Parts[I];
  return Out;
}

static bool hasFix(const Diagnostic &D, Applicability A) {
  return any_of(
      D.Fixes, [&](const Fix &F) { return F.Safety == A; });
}

void emitSummary(ArrayRef<Diagnostic> Diags, const RunInfo &Run,
                 raw_ostream &OS) {
  std::string Found = counts(Diags);
  unsigned Fixed =
      count_if(Diags, [](const Diagnostic &D) { return D.isFixed(); });
  if (Run.Fixing)
    OS << Fixed << " fixed, "
       << (Found.empty() ? "none remaining" : Found + " remaining");
  else
    OS << (Found.empty() ? "no findings" : Found + " generated");
  OS << " (" << plural(Run.FilesChecked, "file") << " checked";
  if (unsigned N = Run.suppressed()) {
    SmallVector<std::string, 3> By;
    if (Run.SuppressedInline)
      By.push_back(Twine(Run.SuppressedInline).str() + " inline");
    if (Run.SuppressedByPolicy)
      By.push_back(Twine(Run.SuppressedByPolicy).str() +
                   " by policy exceptions");
    if (Run.SuppressedByBaseline)
      By.push_back(Twine(Run.SuppressedByBaseline).str() + " by the baseline");
    // "2 suppressed by policy exceptions"; "3 suppressed: 1 inline, ...".
    if (By.size() == 1)
      OS << ", " << N << " suppressed"
         << StringRef(By.front()).drop_until([](char C) { return C == ' '; });
    else
      OS << ", " << N << " suppressed: " << join(By, ", ");
  }
  if (Run.Cxx == RunInfo::CxxMode::Clang)
    OS << "; C/C++ parsed by Clang with " << Run.CompileCommands;
  else if (Run.Cxx == RunInfo::CxxMode::Lexer)
    OS << "; C/C++ lexed without a compilation database (-p DIR names one)";
  OS << ").\n";
  // What a second run could do: ruff's "[*] N fixable with --fix".
  unsigned Safe = 0, UnsafeOnly = 0;
  for (const Diagnostic &D : Diags) {
    if (D.isFixed())
      continue;
    if (hasFix(D, Applicability::Safe))
      ++Safe;
    else if (hasFix(D, Applicability::Unsafe))
      ++UnsafeOnly;
  }
  if (Safe && !Run.Fixing)
    OS << plural(Safe, "finding") << (Safe == 1 ? " has" : " have")
       << " a safe fix: run with --fix.\n";
  if (UnsafeOnly && !Run.UnsafeFixes)
    OS << plural(UnsafeOnly, "finding") << (UnsafeOnly == 1 ? " has" : " have")
       << " an unsafe fix (it changes behaviour): review "
       << (UnsafeOnly == 1 ? "it" : "them")
       << ", then run with --fix --unsafe-fixes.\n";
}

} // namespace licit
