//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Formats/Json.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/JSON.h"

using namespace llvm;

namespace licit::json {

const Value *Value::get(StringRef Key) const {
  for (auto It = Members.rbegin(); It != Members.rend(); ++It)
    if (It->first == Key)
      return &It->second;
  return nullptr;
}

StringRef Value::kindName() const {
  switch (Kind) {
  case Null:
    return "null";
  case Boolean:
    return "a boolean";
  case Number:
    return "a number";
  case String:
    return "a string";
  case Array:
    return "an array";
  case Object:
    return "an object";
  }
  llvm_unreachable("unknown JSON kind");
}

namespace {
class Parser {
public:
  explicit Parser(StringRef Text) : Text(Text) {}

  ParseResult run() {
    ParseResult R;
    if (Text.startswith("\xEF\xBB\xBF"))
      Pos = 3;
    Value Root;
    skipSpace();
    if (parseValue(Root, 0)) {
      skipSpace();
      if (Pos == Text.size()) {
        R.Root = std::move(Root);
        return R;
      }
      fail("unexpected text after the JSON value");
    }
    R.ErrorOffset = ErrorOffset;
    R.ErrorMessage = Error;
    return R;
  }

private:
  bool fail(const Twine &Msg) {
    if (Error.empty()) {
      Error = Msg.str();
      ErrorOffset = std::min<size_t>(Pos, Text.size());
    }
    return false;
  }

  void skipSpace() {
    while (Pos < Text.size() && (Text[Pos] == ' ' || Text[Pos] == '\t' ||
                                 Text[Pos] == '\n' || Text[Pos] == '\r'))
      ++Pos;
  }

  bool parseValue(Value &V, unsigned Depth) {
    if (Depth > MaxDepth)
      return fail("nesting deeper than " + Twine(MaxDepth) + " levels");
    if (Pos >= Text.size())
      return fail("unexpected end of file; expected a value");
    V.Begin = Pos;
    bool OK;
    switch (Text[Pos]) {
    case '{':
      OK = parseObject(V, Depth);
      break;
    case '[':
      OK = parseArray(V, Depth);
      break;
    case '"':
      V.Kind = Value::String;
      OK = parseString(V.Str, V.Map);
      break;
    case 't':
      V.Kind = Value::Boolean;
      V.Bool = true;
      OK = literal("true");
      break;
    case 'f':
      V.Kind = Value::Boolean;
      OK = literal("false");
      break;
    case 'n':
      V.Kind = Value::Null;
      OK = literal("null");
      break;
    default:
      V.Kind = Value::Number;
      OK = parseNumber();
    }
    V.End = Pos;
    return OK;
  }

  /// Steps over the closing bracket at Pos.
  bool close() {
    ++Pos;
    return true;
  }

  bool literal(StringRef Word) {
    if (!Text.substr(Pos).startswith(Word))
      return fail("invalid literal; expected '" + Word + "'");
    Pos += Word.size();
    return true;
  }

  bool parseNumber() {
    size_t Start = Pos;
    if (Pos < Text.size() && Text[Pos] == '-')
      ++Pos;
    auto Digits = [&] {
      size_t From = Pos;
      while (Pos < Text.size() && isDigit(Text[Pos]))
        ++Pos;
      return Pos != From;
    };
    if (!Digits()) {
      Pos = Start;
      return fail("expected a value");
    }
    if (Pos < Text.size() && Text[Pos] == '.') {
      ++Pos;
      if (!Digits())
        return fail("expected digits after '.'");
    }
    if (Pos < Text.size() && (Text[Pos] == 'e' || Text[Pos] == 'E')) {
      ++Pos;
      if (Pos < Text.size() && (Text[Pos] == '+' || Text[Pos] == '-'))
        ++Pos;
      if (!Digits())
        return fail("expected digits in the exponent");
    }
    return true;
  }

  bool parseArray(Value &V, unsigned Depth) {
    V.Kind = Value::Array;
    ++Pos;
    skipSpace();
    if (Pos < Text.size() && Text[Pos] == ']')
      return close();
    while (true) {
      skipSpace();
      V.Items.emplace_back();
      if (!parseValue(V.Items.back(), Depth + 1))
        return false;
      skipSpace();
      if (Pos < Text.size() && Text[Pos] == ',') {
        ++Pos;
        continue;
      }
      if (Pos < Text.size() && Text[Pos] == ']')
        return close();
      return fail("expected ',' or ']' in an array");
    }
  }

  bool parseObject(Value &V, unsigned Depth) {
    V.Kind = Value::Object;
    ++Pos;
    skipSpace();
    if (Pos < Text.size() && Text[Pos] == '}')
      return close();
    while (true) {
      skipSpace();
      if (Pos >= Text.size() || Text[Pos] != '"')
        return fail("expected a string key in an object");
      std::string Key;
      std::vector<SourceText::Segment> Unused;
      if (!parseString(Key, Unused))
        return false;
      skipSpace();
      if (Pos >= Text.size() || Text[Pos] != ':')
        return fail("expected ':' after an object key");
      ++Pos;
      skipSpace();
      V.Members.emplace_back(std::move(Key), Value());
      if (!parseValue(V.Members.back().second, Depth + 1))
        return false;
      skipSpace();
      if (Pos < Text.size() && Text[Pos] == ',') {
        ++Pos;
        continue;
      }
      if (Pos < Text.size() && Text[Pos] == '}')
        return close();
      return fail("expected ',' or '}' in an object");
    }
  }

  /// Reads the four hex digits of a \u escape at Pos.
  bool hex4(unsigned &Out) {
    if (Pos + 4 > Text.size())
      return fail("truncated \\u escape");
    Out = 0;
    for (unsigned I = 0; I != 4; ++I) {
      unsigned H = hexDigitValue(Text[Pos + I]);
      if (H == ~0U)
        return fail("invalid \\u escape");
      Out = Out * 16 + H;
    }
    Pos += 4;
    return true;
  }

  bool parseString(std::string &Out, std::vector<SourceText::Segment> &Map) {
    ++Pos; // The opening quote.
    auto AddSegment = [&](size_t OrigBegin, size_t DecodedBegin) {
      unsigned DecodedLen = Out.size() - DecodedBegin;
      unsigned OrigLen = Pos - OrigBegin;
      if (DecodedLen == 0 && OrigLen == 0)
        return;
      // Verbatim runs merge with a verbatim run just before them.
      if (!Map.empty() && DecodedLen == OrigLen && Map.back().verbatim() &&
          Map.back().Original + Map.back().OriginalLength == OrigBegin) {
        Map.back().DecodedLength += DecodedLen;
        Map.back().OriginalLength += OrigLen;
        return;
      }
      Map.push_back(
          {unsigned(DecodedBegin), unsigned(OrigBegin), DecodedLen, OrigLen});
    };
    while (true) {
      size_t RunStart = Pos, DecodedStart = Out.size();
      while (Pos < Text.size() && Text[Pos] != '"' && Text[Pos] != '\\' &&
             static_cast<unsigned char>(Text[Pos]) >= 0x20)
        ++Pos;
      Out.append(Text.data() + RunStart, Pos - RunStart);
      AddSegment(RunStart, DecodedStart);
      if (Pos >= Text.size())
        return fail("unterminated string");
      char C = Text[Pos];
      if (C == '"') {
        ++Pos;
        return true;
      }
      if (C != '\\')
        return fail("control character in a string; write it escaped");
      size_t EscStart = Pos;
      DecodedStart = Out.size();
      ++Pos;
      if (Pos >= Text.size())
        return fail("unterminated string");
      char E = Text[Pos++];
      switch (E) {
      case '"':
      case '\\':
      case '/':
        Out += E;
        break;
      case 'b':
        Out += '\b';
        break;
      case 'f':
        Out += '\f';
        break;
      case 'n':
        Out += '\n';
        break;
      case 'r':
        Out += '\r';
        break;
      case 't':
        Out += '\t';
        break;
      case 'u': {
        unsigned CP;
        if (!hex4(CP))
          return false;
        // A surrogate pair is one code point; a lone surrogate becomes
        // U+FFFD rather than invalid UTF-8.
        if (CP >= 0xD800 && CP <= 0xDBFF &&
            Text.substr(Pos).startswith("\\u")) {
          size_t Save = Pos;
          Pos += 2;
          unsigned Low;
          if (!hex4(Low))
            return false;
          if (Low >= 0xDC00 && Low <= 0xDFFF)
            CP = 0x10000 + ((CP - 0xD800) << 10) + (Low - 0xDC00);
          else
            Pos = Save;
        }
        if (CP >= 0xD800 && CP <= 0xDFFF)
          CP = 0xFFFD;
        char Buf[4];
        char *P = Buf;
        ConvertCodePointToUTF8(CP, P);
        Out.append(Buf, P - Buf);
        break;
      }
      default:
        Pos = EscStart;
        return fail("invalid escape in a string");
      }
      // An escape maps as a whole: it is always longer than what it
      // decodes to, so it never reads as a verbatim run.
      Map.push_back({unsigned(DecodedStart), unsigned(EscStart),
                     unsigned(Out.size() - DecodedStart),
                     unsigned(Pos - EscStart)});
    }
  }

  StringRef Text;
  size_t Pos = 0;
  std::string Error;
  size_t ErrorOffset = 0;
};
} // namespace

ParseResult parse(StringRef Text) { return Parser(Text).run(); }

namespace {
struct JsonForm : ParsedForm {
  ParseResult Result;
};
} // namespace

const ParseResult &parsed(const SourceFile &File) {
  const ParsedForm &Form = File.parsed(FormKind::Json, [&] {
    auto F = std::make_unique<JsonForm>();
    F->Result = parse(File.text());
    return F;
  });
  return static_cast<const JsonForm &>(Form).Result;
}

StringRef keyText(StringRef Text, StringRef Key, const Value &Member) {
  // '"key": value': the key is written just before its value.
  StringRef Before =
      Text.slice(Member.Begin > 256 ? Member.Begin - 256 : 0, Member.Begin);
  size_t At = Before.rfind(("\"" + Key + "\"").str());
  return At == StringRef::npos ? StringRef()
                               : Before.substr(At + 1, Key.size());
}

std::string writable(StringRef S) {
  return llvm::json::isUTF8(S) ? S.str() : llvm::json::fixUTF8(S);
}

} // namespace licit::json
