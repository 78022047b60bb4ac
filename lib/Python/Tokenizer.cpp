//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Python/Tokenizer.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace licit::python {

static bool isNameStart(char C) {
  // Bytes >= 0x80 belong to non-ASCII identifiers (PEP 3131).
  return isAlpha(C) || C == '_' || static_cast<unsigned char>(C) >= 0x80;
}

static bool isNameChar(char C) { return isNameStart(C) || isDigit(C); }

/// \returns the length of a string prefix (r, b, u, f and their pairs)
/// starting at \p Pos if a quote follows it, or -1.
static int stringPrefixLength(StringRef S, size_t Pos) {
  size_t I = Pos;
  while (I < S.size() && I - Pos < 2 && StringRef("rRbBuUfF").contains(S[I]))
    ++I;
  if (I < S.size() && (S[I] == '\'' || S[I] == '"'))
    return static_cast<int>(I - Pos);
  return -1;
}

static const StringRef ThreeCharOps[] = {"**=", "//=", ">>=", "<<=", "..."};
static const StringRef TwoCharOps[] = {
    "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", "+=",
    "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":="};

std::vector<Token> tokenize(StringRef S) {
  std::vector<Token> Out;
  // Python averages well over four bytes per token; one allocation instead
  // of a dozen doublings on large files.
  Out.reserve(S.size() / 4 + 16);
  unsigned Depth = 0;
  size_t I = 0;
  auto Push = [&](TokenKind K, size_t Begin, size_t End) -> Token & {
    Out.push_back(Token{K, S.slice(Begin, End), StringRef()});
    Out.back().Depth = Depth;
    return Out.back();
  };
  while (I < S.size()) {
    char C = S[I];
    if (C == ' ' || C == '\t' || C == '\f' || C == '\r') {
      ++I;
      continue;
    }
    if (C == '\\' && (S.substr(I + 1).startswith("\n") ||
                      S.substr(I + 1).startswith("\r\n"))) {
      I = S.find('\n', I) + 1; // Explicit line joining.
      continue;
    }
    if (C == '\n') {
      if (Depth == 0 && !Out.empty() && Out.back().Kind != TokenKind::Newline)
        Push(TokenKind::Newline, I, I + 1);
      ++I;
      continue;
    }
    if (C == '#') {
      size_t End = S.find_first_of("\r\n", I);
      End = End == StringRef::npos ? S.size() : End;
      Push(TokenKind::Comment, I, End);
      I = End;
      continue;
    }
    int Prefix =
        isNameStart(C) || C == '\'' || C == '"' ? stringPrefixLength(S, I) : -1;
    if (Prefix >= 0) {
      StringRef Flags = S.substr(I, Prefix);
      size_t Q = I + Prefix;
      char Quote = S[Q];
      StringRef TripleQuote = Quote == '"' ? "\"\"\"" : "'''";
      bool Triple = S.substr(Q).startswith(TripleQuote);
      size_t BodyBegin = Q + (Triple ? 3 : 1);
      bool Raw = Flags.find_insensitive('r') != StringRef::npos;
      size_t J = BodyBegin, BodyEnd = StringRef::npos, End = S.size();
      while (J < S.size()) {
        if (S[J] == '\\') {
          J += 2; // An escaped character never closes, even in raw strings.
          continue;
        }
        if (!Triple && S[J] == '\n')
          break;
        if (Triple ? S.substr(J).startswith(TripleQuote) : S[J] == Quote) {
          BodyEnd = J;
          End = J + (Triple ? 3 : 1);
          break;
        }
        ++J;
      }
      bool Unterminated = BodyEnd == StringRef::npos;
      if (Unterminated) {
        BodyEnd = std::min(J, S.size());
        End = BodyEnd;
      }
      Token &T = Push(TokenKind::String, I, End);
      T.Body = S.slice(BodyBegin, BodyEnd);
      T.Raw = Raw;
      T.Bytes = Flags.find_insensitive('b') != StringRef::npos;
      T.Format = Flags.find_insensitive('f') != StringRef::npos;
      T.Unterminated = Unterminated;
      I = End;
      continue;
    }
    if (isNameStart(C)) {
      size_t J = I;
      while (J < S.size() && isNameChar(S[J]))
        ++J;
      Push(TokenKind::Name, I, J);
      I = J;
      continue;
    }
    if (isDigit(C) || (C == '.' && I + 1 < S.size() && isDigit(S[I + 1]))) {
      size_t J = I;
      while (J < S.size() && (isAlnum(S[J]) || S[J] == '.' || S[J] == '_'))
        ++J;
      Push(TokenKind::Number, I, J);
      I = J;
      continue;
    }
    size_t Len = 1;
    // Only these characters start a longer operator; brackets and commas,
    // the common case, skip the table scan.
    if (StringRef("*/<>=!-+%&|^@:.").contains(C)) {
      StringRef Here = S.substr(I, 3);
      for (StringRef Op : ThreeCharOps)
        if (Here == Op)
          Len = 3;
      if (Len == 1)
        for (StringRef Op : TwoCharOps)
          if (Here.startswith(Op))
            Len = 2;
    }
    if (StringRef(")]}").contains(C) && Depth > 0)
      --Depth;
    Push(TokenKind::Op, I, I + Len);
    if (StringRef("([{").contains(C))
      ++Depth;
    I += Len;
  }
  return Out;
}

Optional<std::string> stringValue(const Token &Tok) {
  if (Tok.Kind != TokenKind::String || Tok.Bytes || Tok.Unterminated)
    return None;
  StringRef B = Tok.Body;
  std::string V;
  for (size_t I = 0; I < B.size(); ++I) {
    char C = B[I];
    if (Tok.Format && (C == '{' || C == '}')) {
      if (I + 1 < B.size() && B[I + 1] == C) {
        V += C;
        ++I;
        continue;
      }
      return None; // A replacement field: not a constant.
    }
    if (C != '\\' || Tok.Raw || I + 1 == B.size()) {
      V += C;
      continue;
    }
    char E = B[++I];
    switch (E) {
    case '\n':
      break; // Line continuation inside the literal.
    case 'n':
      V += '\n';
      break;
    case 't':
      V += '\t';
      break;
    case 'r':
      V += '\r';
      break;
    case '\\':
    case '\'':
    case '"':
      V += E;
      break;
    case 'x':
      if (I + 2 < B.size() && isHexDigit(B[I + 1]) && isHexDigit(B[I + 2])) {
        V += static_cast<char>(hexFromNibbles(B[I + 1], B[I + 2]));
        I += 2;
        break;
      }
      LLVM_FALLTHROUGH;
    default:
      // Unknown escapes keep their backslash, as Python does.
      V += '\\';
      V += E;
    }
  }
  return V;
}

} // namespace licit::python
