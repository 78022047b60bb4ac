//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Basic/Glob.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace licit {

/// Parses a bracket expression starting after '['. \returns the position
/// after its ']', or npos when it is not closed (then '[' is literal).
static size_t parseClass(StringRef P, size_t I, std::array<bool, 256> &Set,
                         bool NoSlash) {
  Set.fill(false);
  bool Negate = I < P.size() && (P[I] == '!' || P[I] == '^');
  if (Negate)
    ++I;
  bool First = true;
  for (; I < P.size(); First = false) {
    char C = P[I];
    if (C == ']' && !First) {
      if (Negate)
        for (bool &B : Set)
          B = !B;
      if (NoSlash)
        Set['/'] = false; // In path syntax a class never matches a slash.
      return I + 1;
    }
    if (C == '[' && I + 1 < P.size() && P[I + 1] == ':') {
      size_t End = P.find(":]", I + 2);
      if (End != StringRef::npos) {
        StringRef Name = P.slice(I + 2, End);
        for (unsigned B = 0; B != 256; ++B) {
          char X = static_cast<char>(B);
          bool In =
              (Name == "alpha" && isAlpha(X)) ||
              (Name == "digit" && isDigit(X)) ||
              (Name == "alnum" && isAlnum(X)) ||
              (Name == "upper" && X >= 'A' && X <= 'Z') ||
              (Name == "lower" && X >= 'a' && X <= 'z') ||
              (Name == "space" && isSpace(X)) ||
              (Name == "xdigit" && isHexDigit(X)) ||
              (Name == "punct" && isPrint(X) && !isAlnum(X) && X != ' ') ||
              (Name == "print" && isPrint(X)) ||
              (Name == "blank" && (X == ' ' || X == '\t'));
          Set[B] = Set[B] || In;
        }
        I = End + 2;
        continue;
      }
    }
    if (C == '\\' && I + 1 < P.size())
      C = P[++I];
    unsigned char Lo = C;
    ++I;
    if (I + 1 < P.size() && P[I] == '-' && P[I + 1] != ']') {
      char Hi = P[I + 1];
      I += 2;
      if (Hi == '\\' && I < P.size())
        Hi = P[I++];
      for (unsigned B = Lo; B <= static_cast<unsigned char>(Hi); ++B)
        Set[B] = true;
      continue;
    }
    Set[Lo] = true;
  }
  return StringRef::npos;
}

Expected<Glob> Glob::create(StringRef P, Syntax S) {
  Glob G;
  G.Pathname = S == Syntax::Path;
  for (size_t I = 0; I < P.size();) {
    char C = P[I];
    bool AtComponentStart = I == 0 || P[I - 1] == '/';
    if (S == Syntax::Path && C == '*' && I + 1 < P.size() && P[I + 1] == '*' &&
        AtComponentStart) {
      size_t After = I + 2;
      if (After == P.size()) { // "a/**": everything inside.
        G.Tokens.push_back({Op::DoubleStar});
        I = After;
        continue;
      }
      if (P[After] == '/') { // "**/" and "a/**/b": zero or more dirs.
        G.Tokens.push_back({Op::DirStar});
        I = After + 1;
        continue;
      }
    }
    if (C == '*') {
      // Consecutive stars elsewhere are one star.
      while (I < P.size() && P[I] == '*')
        ++I;
      G.Tokens.push_back({S == Syntax::Path ? Op::Star : Op::DoubleStar});
      continue;
    }
    if (C == '?') {
      G.Tokens.push_back({Op::Any});
      ++I;
      continue;
    }
    if (C == '[') {
      std::array<bool, 256> Set;
      size_t End = parseClass(P, I + 1, Set, S == Syntax::Path);
      if (End != StringRef::npos) {
        G.Tokens.push_back({Op::Class, 0, unsigned(G.Classes.size())});
        G.Classes.push_back(Set);
        I = End;
        continue;
      }
      if (S == Syntax::Plain)
        return createStringError(inconvertibleErrorCode(),
                                 "invalid glob pattern, unmatched '['");
    }
    if (C == '\\' && I + 1 < P.size())
      C = P[++I];
    G.Tokens.push_back({Op::Char, C});
    ++I;
  }
  return G;
}

bool Glob::match(StringRef Text) const {
  // The set of pattern positions alive after each byte of Text. Stars loop
  // on themselves and may be left without reading (epsilon moves); "**/"
  // may be left that way only where it was entered, at a component start.
  size_t N = Tokens.size();
  BitVector Cur(N + 1), Entered(N + 1), Next(N + 1), NextEntered(N + 1);
  auto Close = [&](BitVector &S, BitVector &E) {
    for (size_t I = 0; I != N; ++I) {
      Op K = Tokens[I].Kind;
      if (S[I] && (K == Op::Star || K == Op::DoubleStar ||
                   (K == Op::DirStar && E[I]))) {
        S.set(I + 1);
        E.set(I + 1);
      }
    }
  };
  Cur.set(0);
  Entered.set(0);
  Close(Cur, Entered);
  for (char Ch : Text) {
    unsigned char C = Ch;
    Next.reset();
    NextEntered.reset();
    auto Advance = [&](size_t I) {
      Next.set(I + 1);
      NextEntered.set(I + 1);
    };
    for (size_t I = 0; I != N; ++I) {
      if (!Cur[I])
        continue;
      const Token &T = Tokens[I];
      switch (T.Kind) {
      case Op::Char:
        if (C == static_cast<unsigned char>(T.C))
          Advance(I);
        break;
      case Op::Any:
        if (!Pathname || C != '/')
          Advance(I);
        break;
      case Op::Class:
        if (Classes[T.ClassIndex][C])
          Advance(I);
        break;
      case Op::Star:
        if (C != '/')
          Next.set(I);
        break;
      case Op::DoubleStar:
        Next.set(I);
        break;
      case Op::DirStar:
        Next.set(I);
        if (C == '/')
          Advance(I);
        break;
      }
    }
    Close(Next, NextEntered);
    std::swap(Cur, Next);
    std::swap(Entered, NextEntered);
    if (Cur.none())
      return false;
  }
  return Cur[N];
}

} // namespace licit
