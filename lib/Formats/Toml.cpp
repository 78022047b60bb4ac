//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// The only translation unit that includes toml++. It is compiled header-only
// with TOML_EXCEPTIONS=0 (set on its CMake target), so the no-throw
// parse_result API is used.
//
// toml++ 3.3.0 states its internal assumptions with TOML_ASSERT_ASSUME,
// which a release build turns into optimiser assumptions; hostile input
// breaks several ("[@x]]", "[" + newline): undefined behaviour. Here they
// are checks instead: NDEBUG is off for toml++, TOML_ASSERT throws a
// TomlCheckFailed, and readToml() catches it and reports the document as
// unreadable. This is the one TU built with exceptions (its CMake target);
// they never leave it.
//
//===----------------------------------------------------------------------===//

#include "licit/Formats/Toml.h"

namespace licit {
namespace {
struct TomlCheckFailed {
  const char *Check;
};
} // namespace
} // namespace licit

#undef NDEBUG
#define TOML_ASSERT(Expr)                                                      \
  ((Expr) ? static_cast<void>(0) : throw ::licit::TomlCheckFailed{#Expr})
#include <toml++/toml.h>

using namespace llvm;

namespace licit {

const TomlNode *TomlNode::get(StringRef Key) const {
  for (const auto &Entry : Entries)
    if (Entry.first == Key)
      return &Entry.second;
  return nullptr;
}

StringRef TomlNode::kindName() const {
  switch (Kind) {
  case Table:
    return "a table";
  case Array:
    return "an array";
  case String:
    return "a string";
  case Integer:
    return "an integer";
  case Float:
    return "a float";
  case Boolean:
    return "a boolean";
  case Date:
    return "a date";
  case Other:
    return "a time";
  }
  llvm_unreachable("unknown TOML kind");
}

namespace {
/// Maps toml++ line/column positions to byte offsets. toml++ counts
/// columns in code points; licit's locations are bytes.
class PositionMap {
public:
  PositionMap(FileID File, StringRef Text) : File(File), Text(Text) {
    LineStarts.push_back(0);
    for (size_t I = 0; I != Text.size(); ++I)
      if (Text[I] == '\n')
        LineStarts.push_back(I + 1);
  }

  /// \returns the byte offset of \p Pos, or NoOffset.
  unsigned offset(const toml::source_position &Pos) const {
    if (!Pos || Pos.line > LineStarts.size())
      return SourceRange::NoOffset;
    size_t Offset = LineStarts[Pos.line - 1];
    for (unsigned Col = 1;
         Col < Pos.column && Offset < Text.size() && Text[Offset] != '\n';
         ++Col) {
      // Step over one UTF-8 code point: a lead byte and its continuations.
      ++Offset;
      while (Offset < Text.size() && (Text[Offset] & 0xC0) == 0x80)
        ++Offset;
    }
    return Offset;
  }

  SourceRange range(const toml::source_region &Region) const {
    unsigned Begin = offset(Region.begin);
    if (Begin == SourceRange::NoOffset)
      return SourceRange::wholeFile(File);
    unsigned End = offset(Region.end);
    if (End == SourceRange::NoOffset || End < Begin)
      End = Begin;
    return {File, Begin, End};
  }

private:
  FileID File;
  StringRef Text;
  std::vector<size_t> LineStarts;
};
} // namespace

static TomlNode convert(const toml::node &Node, const PositionMap &Map) {
  TomlNode Out;
  Out.Range = Map.range(Node.source());
  if (const toml::table *T = Node.as_table()) {
    Out.Kind = TomlNode::Table;
    for (const auto &[Key, Value] : *T) {
      TomlNode Child = convert(Value, Map);
      Child.KeyRange = Map.range(Key.source());
      // A key's end position is not always recorded; cover the key text.
      if (Child.KeyRange.hasOffsets() &&
          Child.KeyRange.Begin == Child.KeyRange.End)
        Child.KeyRange.End = Child.KeyRange.Begin + Key.str().size();
      Out.Entries.emplace_back(std::string(Key.str()), std::move(Child));
    }
    // toml++ keeps tables sorted by key; diagnostics read better in the
    // order the user wrote them.
    std::stable_sort(Out.Entries.begin(), Out.Entries.end(),
                     [](const auto &A, const auto &B) {
                       return A.second.KeyRange.Begin < B.second.KeyRange.Begin;
                     });
  } else if (const toml::array *A = Node.as_array()) {
    Out.Kind = TomlNode::Array;
    for (const toml::node &Item : *A)
      Out.Items.push_back(convert(Item, Map));
  } else if (const auto *S = Node.as_string()) {
    Out.Kind = TomlNode::String;
    Out.Str = S->get();
  } else if (const auto *I = Node.as_integer()) {
    Out.Kind = TomlNode::Integer;
    Out.Int = I->get();
  } else if (Node.is_floating_point()) {
    Out.Kind = TomlNode::Float;
  } else if (const auto *B = Node.as_boolean()) {
    Out.Kind = TomlNode::Boolean;
    Out.Bool = B->get();
  } else if (const auto *D = Node.as_date()) {
    Out.Kind = TomlNode::Date;
    Out.DateValue = {D->get().year, D->get().month, D->get().day};
  }
  return Out;
}

/// Parses \p Text, the contents of file \p File (named \p Name in toml++'s
/// own messages).
/// Nesting and dotted keys deeper than these are refused before toml++ sees
/// them: it recurses on both (a 35,000-part dotted key overflows the
/// stack), and no policy comes near them.
constexpr unsigned MaxTomlDepth = 64;
constexpr unsigned MaxDottedKeyParts = 128;

/// Scans \p Text as TOML's lexer would, outside strings and comments, for
/// what toml++ cannot take safely and a check cannot catch: deep nesting
/// and long dotted keys (it recurses on both), and non-ASCII text (its
/// Unicode tables are noexcept code with unreachable points). Its other
/// assumptions are checked, see the file comment.
/// \returns the offset and the reason of the first, or None.
static Optional<std::pair<size_t, std::string>> findHazard(StringRef Text) {
  unsigned Depth = 0, Dots = 0;
  size_t Start = Text.startswith("\xEF\xBB\xBF") ? 3 : 0; // A UTF-8 BOM.
  for (size_t I = Start, E = Text.size(); I < E; ++I) {
    char C = Text[I];
    if (C == '\n') {
      Dots = 0;
      continue;
    }
    if (C == ' ' || C == '\t' || C == '\r')
      continue;
    if (C == '#') { // A comment runs to the end of the line.
      I = std::min(Text.find('\n', I), E) - 1;
      continue;
    }
    if (C == '"' || C == '\'') {
      // Strings: skip to the closing delimiter; escapes only in "".
      bool Multi = Text.substr(I).startswith(C == '"' ? "\"\"\"" : "'''");
      StringRef Close = Multi ? Text.substr(I, 3) : Text.substr(I, 1);
      size_t J = I + Close.size();
      while (J < E && !Text.substr(J).startswith(Close)) {
        if (!Multi && Text[J] == '\n')
          break; // Unterminated: toml++ reports it.
        if (Multi && C == '"' && Text[J] == '\\') {
          // A line-ending backslash trims the whitespace after it, which
          // toml++ classifies with the same Unicode tables (its issue
          // #190): non-ASCII text right after it is refused too.
          size_t K = Text.find_first_not_of(" \t", J + 1);
          if (K < E && (Text[K] == '\n' || Text[K] == '\r')) {
            K = Text.find_first_not_of(" \t\r\n", K);
            if (K < E && static_cast<unsigned char>(Text[K]) >= 0x80)
              return std::make_pair(K, std::string("non-ASCII text right "
                                                   "after a line-ending "
                                                   "backslash"));
          }
        }
        J += (C == '"' && Text[J] == '\\') ? 2 : 1;
      }
      I = std::min(J + Close.size(), E) - 1;
      continue;
    }
    // TOML allows non-ASCII only in strings and comments; toml++'s Unicode
    // classifiers, which run on it elsewhere, can reach code it marks
    // unreachable (found by licit-scan-fuzzer).
    if (static_cast<unsigned char>(C) >= 0x80)
      return std::make_pair(I, std::string("a non-ASCII character outside "
                                           "a string or comment"));
    if (C == '.' && ++Dots > MaxDottedKeyParts)
      return std::make_pair(I, "a key of more than " +
                                   std::to_string(MaxDottedKeyParts) +
                                   " dotted parts");
    if (C == '[' || C == '{') {
      if (++Depth > MaxTomlDepth)
        return std::make_pair(I, "nesting deeper than " +
                                     std::to_string(MaxTomlDepth) + " levels");
    } else if ((C == ']' || C == '}') && Depth > 0) {
      --Depth;
    }
  }
  return None;
}

TomlReadResult readToml(FileID File, StringRef Text, StringRef Name) {
  TomlReadResult Result;
  if (Optional<std::pair<size_t, std::string>> Hazard = findHazard(Text)) {
    unsigned At = Hazard->first;
    Result.ErrorRange = {File, At, At + 1};
    Result.ErrorMessage = "licit does not read " + Hazard->second;
    return Result;
  }
  PositionMap Map(File, Text);
  try {
    toml::parse_result Parsed =
        toml::parse(std::string_view(Text.data(), Text.size()),
                    std::string_view(Name.data(), Name.size()));
    if (!Parsed) {
      const toml::parse_error &Err = Parsed.error();
      Result.ErrorRange = Map.range(Err.source());
      Result.ErrorMessage = std::string(Err.description());
      return Result;
    }
    Result.Root = convert(Parsed.table(), Map);
  } catch (const TomlCheckFailed &Failed) {
    Result.Root.reset();
    Result.ErrorRange = SourceRange::wholeFile(File);
    Result.ErrorMessage =
        std::string("licit cannot read this document (toml++ check '") +
        Failed.Check + "' failed)";
  }
  return Result;
}

namespace {
struct TomlForm : ParsedForm {
  TomlReadResult Result;
};
} // namespace

const TomlReadResult &parsedToml(const SourceFile &File) {
  const ParsedForm &Form = File.parsed(FormKind::Toml, [&] {
    auto F = std::make_unique<TomlForm>();
    F->Result = readToml(File.ID, File.text(), File.Path);
    return F;
  });
  return static_cast<const TomlForm &>(Form).Result;
}

} // namespace licit
