//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Basic/SourceFiles.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace licit {

std::string absolutePath(StringRef Path) {
  SmallString<256> Abs(Path);
  sys::fs::make_absolute(Abs);
  sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs.str());
}

std::string pathRelativeTo(StringRef AbsPath, StringRef Root) {
  StringRef Rest = AbsPath;
  if (!Rest.consume_front(Root))
    return AbsPath.str();
  if (!Root.empty() && !sys::path::is_separator(Root.back()) &&
      !(Rest.empty() || sys::path::is_separator(Rest.front())))
    return AbsPath.str(); // "/a/bc" is not inside "/a/b".
  Rest = Rest.ltrim("/\\");
  return sys::path::convert_to_slash(Rest);
}

std::string escapeText(Escaping E, StringRef Text) {
  if (E == Escaping::None)
    return Text.str();
  std::string Out;
  raw_string_ostream OS(Out);
  for (char C : Text) {
    switch (C) {
    case '"':
      OS << "\\\"";
      break;
    case '\\':
      OS << "\\\\";
      break;
    case '\n':
      OS << "\\n";
      break;
    case '\t':
      OS << "\\t";
      break;
    case '\r':
      OS << "\\r";
      break;
    default:
      if (static_cast<unsigned char>(C) < 0x20)
        OS << format("\\u%04x", C);
      else
        OS << C;
    }
  }
  return OS.str();
}

ParsedForm::~ParsedForm() = default;

const ParsedForm &
SourceFile::parsed(FormKind K,
                   function_ref<std::unique_ptr<ParsedForm>()> Parse) const {
  std::lock_guard<std::mutex> Lock(DerivedMutex);
  std::unique_ptr<ParsedForm> &Slot = Parsed[static_cast<unsigned>(K)];
  if (!Slot)
    Slot = Parse();
  return *Slot;
}

void SourceFile::setContents(std::unique_ptr<MemoryBuffer> NewBuffer) {
  std::lock_guard<std::mutex> Lock(DerivedMutex);
  for (std::unique_ptr<ParsedForm> &Slot : Parsed)
    Slot.reset();
  LineStarts.clear();
  WideChars.clear();
  Buffer = std::move(NewBuffer);
  if (Buffer)
    Size = Buffer->getBufferSize();
}

SourceFiles::SourceFiles() = default;
SourceFiles::~SourceFiles() = default;

std::pair<FileID, bool> SourceFiles::add(StringRef Path, StringRef AbsPath) {
  auto [It, Inserted] = ByAbsPath.try_emplace(AbsPath, 0);
  if (!Inserted)
    return {It->second, false};
  auto F = std::make_unique<SourceFile>();
  F->ID = Files.size() + 1;
  F->Path = Path.str();
  F->AbsPath = AbsPath.str();
  It->second = F->ID;
  Files.push_back(std::move(F));
  return {It->second, true};
}

FileID SourceFiles::addBuiltin(StringRef Name, StringRef Text) {
  auto [ID, New] = add(Name, Name);
  if (New) {
    SourceFile &F = get(ID);
    F.Builtin = true;
    F.setContents(MemoryBuffer::getMemBuffer(Text, Name,
                                             /*RequiresNullTerminator=*/false));
  }
  return ID;
}

FileID SourceFiles::find(StringRef AbsPath) const {
  auto It = ByAbsPath.find(AbsPath);
  return It == ByAbsPath.end() ? 0 : It->second;
}

const std::vector<unsigned> &
SourceFiles::lineStarts(const SourceFile &F) const {
  std::lock_guard<std::mutex> Lock(F.DerivedMutex);
  if (F.LineStarts.empty()) {
    StringRef Text = F.text();
    F.LineStarts.push_back(0);
    unsigned Excess = 0;
    for (size_t I = 0, E = Text.size(); I != E; ++I) {
      char C = Text[I];
      if (C == '\r' && I + 1 != E && Text[I + 1] == '\n')
        continue; // The "\n" of "\r\n" ends the line.
      if (C == '\n' || C == '\r') {
        F.LineStarts.push_back(I + 1);
        continue;
      }
      // UTF-16 code units: one per code point below U+10000, two above; a
      // malformed byte counts as one unit, as editors show it.
      if (static_cast<unsigned char>(C) < 0x80)
        continue; // ASCII: one byte, one unit.
      unsigned Len = getNumBytesForUTF8(static_cast<unsigned char>(C));
      if (Len <= 1)
        continue;
      // A character never spans a line end: past it, its bytes count one
      // unit each.
      StringRef Rest = Text.substr(I, Len);
      if (Rest.size() != Len || Rest.find_first_of("\r\n") != StringRef::npos)
        continue;
      Excess += Len - (Len == 4 ? 2 : 1);
      F.WideChars.push_back({unsigned(I), Len, Excess});
      I += Len - 1;
    }
  }
  return F.LineStarts;
}

unsigned SourceFiles::lineIndex(const SourceFile &F, unsigned &Offset) const {
  Offset = std::min<size_t>(Offset, F.text().size());
  const std::vector<unsigned> &Starts = lineStarts(F);
  return llvm::upper_bound(Starts, Offset) - Starts.begin() - 1;
}

Position SourceFiles::position(FileID ID, unsigned Offset) const {
  const SourceFile &F = get(ID);
  unsigned Index = lineIndex(F, Offset);
  unsigned LineStart = F.LineStarts[Index];
  Position P;
  P.Line = Index + 1;
  P.Column = Offset - LineStart + 1;
  // Bytes, less what the wide characters wholly before Offset on this
  // line save; one cut short by Offset counts a unit per byte.
  using WideChar = SourceFile::WideChar;
  const std::vector<WideChar> &Wide = F.WideChars;
  auto ByStart = [](const WideChar &W, unsigned At) { return W.Start < At; };
  auto First = std::lower_bound(Wide.begin(), Wide.end(), LineStart, ByStart);
  auto Last = std::lower_bound(First, Wide.end(), Offset, ByStart);
  unsigned Units = Offset - LineStart;
  if (Last != First) {
    const WideChar &Final = *std::prev(Last);
    unsigned Before =
        First == Wide.begin() ? 0 : std::prev(First)->CumulativeExcess;
    Units -= Final.CumulativeExcess - Before;
    if (Final.Start + Final.Length > Offset)
      Units += Final.Length - (Final.Length == 4 ? 2 : 1);
  }
  P.Utf16Column = Units + 1;
  return P;
}

StringRef SourceFiles::lineText(FileID ID, unsigned Offset) const {
  const SourceFile &F = get(ID);
  StringRef Text = F.text();
  unsigned Index = lineIndex(F, Offset);
  const std::vector<unsigned> &Starts = F.LineStarts;
  unsigned End = Index + 1 == Starts.size() ? Text.size() : Starts[Index + 1];
  StringRef Line = Text.slice(Starts[Index], End);
  if (Line.endswith("\r\n"))
    return Line.drop_back(2);
  if (Line.endswith("\n") || Line.endswith("\r"))
    return Line.drop_back();
  return Line;
}

SourceText::SourceText(FileID File, std::string Decoded,
                       std::vector<Segment> Map, Escaping E)
    : File(File), Owned(std::make_unique<std::string>(std::move(Decoded))),
      Text(*Owned), Map(std::move(Map)), Esc(E) {}

unsigned SourceText::mapBegin(unsigned Offset) const {
  if (Map.empty())
    return Offset;
  // The segment holding Offset: the last one starting at or before it.
  auto It = llvm::partition_point(
      Map, [&](const Segment &S) { return S.Decoded <= Offset; });
  if (It == Map.begin())
    return Map.front().Original;
  const Segment &S = *std::prev(It);
  unsigned Into = Offset - S.Decoded;
  if (Into >= S.DecodedLength) // At the end of the text.
    return S.Original + S.OriginalLength;
  return S.verbatim() ? S.Original + Into : S.Original;
}

unsigned SourceText::mapEnd(unsigned Offset) const {
  if (Map.empty())
    return Offset;
  if (Offset == 0)
    return mapBegin(0);
  // The segment holding the last byte of the range.
  auto It = llvm::partition_point(
      Map, [&](const Segment &S) { return S.Decoded <= Offset - 1; });
  const Segment &S = *std::prev(It);
  unsigned Into = Offset - S.Decoded;
  if (Into >= S.DecodedLength || !S.verbatim())
    return S.Original + S.OriginalLength;
  return S.Original + Into;
}

SourceRange SourceText::range(StringRef Sub) const {
  assert(Sub.begin() >= Text.begin() && Sub.end() <= Text.end() &&
         "range outside the text");
  unsigned Begin = Sub.begin() - Text.begin();
  unsigned End = Sub.end() - Text.begin();
  return {File, mapBegin(Begin), std::max(mapBegin(Begin), mapEnd(End))};
}

Edit SourceText::edit(StringRef Sub, StringRef Replacement) const {
  return {range(Sub), escapeText(Esc, Replacement)};
}

} // namespace licit
