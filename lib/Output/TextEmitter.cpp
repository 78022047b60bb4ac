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

namespace {
/// Finds the buffer holding a location in O(log n). SourceMgr's own lookup
/// (behind GetMessage) is linear in the number of buffers, which dominates
/// once thousands of files have findings.
class BufferIndex {
public:
  explicit BufferIndex(const SourceMgr &SM) {
    for (unsigned ID = 1, E = SM.getNumBuffers(); ID <= E; ++ID) {
      const MemoryBuffer *B = SM.getMemoryBuffer(ID);
      Spans.push_back({B->getBufferStart(), B->getBufferEnd(), ID});
    }
    llvm::sort(Spans,
               [](const Span &A, const Span &B) { return A.Begin < B.Begin; });
  }

  /// \returns the id of the buffer containing \p Loc, or 0.
  unsigned find(SMLoc Loc) const {
    const char *P = Loc.getPointer();
    auto It = llvm::upper_bound(
        Spans, P, [](const char *P, const Span &S) { return P < S.Begin; });
    if (It == Spans.begin() || P > std::prev(It)->End)
      return 0;
    return std::prev(It)->ID;
  }

private:
  struct Span {
    const char *Begin, *End;
    unsigned ID;
  };
  std::vector<Span> Spans;
};

class Printer {
public:
  Printer(SourceMgr &SM, raw_ostream &OS, bool Colors)
      : SM(SM), Index(SM), OS(OS), Colors(Colors) {}

  /// Prints one message at \p Range, or at \p File alone when the range is
  /// invalid (a note without location prints as "note: ...").
  void print(StringRef File, SMRange Range, SourceMgr::DiagKind Kind,
             const Twine &Message, ArrayRef<SMFixIt> FixIts = {},
             ArrayRef<SMRange> Secondary = {}) {
    unsigned ID = Range.isValid() ? Index.find(Range.Start) : 0;
    if (!ID) {
      SMDiagnostic(File, Kind, Message.str()).print(nullptr, OS, Colors);
      return;
    }
    // What SourceMgr::GetMessage does, given the buffer.
    const MemoryBuffer *B = SM.getMemoryBuffer(ID);
    const char *P = Range.Start.getPointer();
    const char *LineStart = P, *LineEnd = P;
    while (LineStart != B->getBufferStart() && LineStart[-1] != '\n' &&
           LineStart[-1] != '\r')
      --LineStart;
    while (LineEnd != B->getBufferEnd() && *LineEnd != '\n' && *LineEnd != '\r')
      ++LineEnd;
    // Ranges are drawn on the caret line only, clipped to it.
    SmallVector<std::pair<unsigned, unsigned>, 2> Columns;
    auto AddColumns = [&](SMRange R) {
      const char *Begin = std::max(R.Start.getPointer(), LineStart);
      const char *End = std::min(R.End.getPointer(), LineEnd);
      if (End > Begin)
        Columns.push_back(
            {unsigned(Begin - LineStart), unsigned(End - LineStart)});
    };
    AddColumns(Range);
    for (SMRange R : Secondary)
      AddColumns(R);
    std::pair<unsigned, unsigned> LineCol =
        SM.getLineAndColumn(Range.Start, ID);
    SMDiagnostic(SM, Range.Start, B->getBufferIdentifier(), LineCol.first,
                 LineCol.second - 1, Kind, Message.str(),
                 StringRef(LineStart, LineEnd - LineStart), Columns, FixIts)
        .print(nullptr, OS, Colors);
  }

private:
  SourceMgr &SM;
  BufferIndex Index;
  raw_ostream &OS;
  bool Colors;
};
} // namespace

void emitText(ArrayRef<Diagnostic> Diags, SourceMgr &SM, raw_ostream &OS,
              bool Colors) {
  Printer P(SM, OS, Colors);
  for (const Diagnostic &D : Diags) {
    // Fix-it text shows under the caret only for edits on the same line.
    ArrayRef<SMFixIt> FixIts;
    if (!D.Fixes.empty())
      FixIts = D.Fixes.front().Edits;
    P.print(D.File, D.Range, kindOf(D.Level),
            D.Message + " [" + getRuleInfo(D.Rule).Name + "]", FixIts,
            D.Secondary);
    for (const Note &N : D.Notes)
      P.print("", N.Range, SourceMgr::DK_Note, N.Message);
    for (size_t I = 0; I != D.Fixes.size(); ++I)
      P.print("", SMRange(), SourceMgr::DK_Note,
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
