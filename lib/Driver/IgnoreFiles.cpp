//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "IgnoreFiles.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace licit {

/// Ignore files larger than this are not read: no real one comes close.
static constexpr uint64_t MaxIgnoreFileSize = 1 << 20;

/// Parses a bracket expression starting after '['. \returns the position
/// after its ']', or npos when it is not closed (then '[' is literal).
static size_t parseClass(StringRef P, size_t I, std::array<bool, 256> &Set) {
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
      Set['/'] = false; // A class never matches a slash.
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

bool IgnorePattern::parse(StringRef Line) {
  Line = Line.rtrim("\r");
  if (Line.empty() || Line.startswith("#"))
    return false;
  // Trailing spaces are dropped unless escaped.
  while (Line.endswith(" ") && !Line.endswith("\\ "))
    Line = Line.drop_back();
  if (Line.consume_front("!"))
    Negated = true;
  if (Line.endswith("/") && !Line.endswith("\\/")) {
    DirOnly = true;
    Line = Line.drop_back();
  }
  if (Line.empty())
    return false;
  Anchored = Line.drop_back().contains('/');
  if (Line.startswith("/"))
    Line = Line.drop_front();
  for (size_t I = 0; I < Line.size();) {
    char C = Line[I];
    bool AtComponentStart = I == 0 || Line[I - 1] == '/';
    if (C == '*' && I + 1 < Line.size() && Line[I + 1] == '*' &&
        AtComponentStart) {
      size_t After = I + 2;
      if (After == Line.size()) { // "a/**": everything inside.
        Tokens.push_back({Op::DoubleStar});
        I = After;
        continue;
      }
      if (Line[After] == '/') { // "**/" and "a/**/b": zero or more dirs.
        Tokens.push_back({Op::DirStar});
        I = After + 1;
        continue;
      }
    }
    if (C == '*') {
      // Consecutive stars elsewhere are one star.
      while (I < Line.size() && Line[I] == '*')
        ++I;
      Tokens.push_back({Op::Star});
      continue;
    }
    if (C == '?') {
      Tokens.push_back({Op::Any});
      ++I;
      continue;
    }
    if (C == '[') {
      std::array<bool, 256> Set;
      size_t End = parseClass(Line, I + 1, Set);
      if (End != StringRef::npos) {
        Tokens.push_back({Op::Class, 0, unsigned(Classes.size())});
        Classes.push_back(Set);
        I = End;
        continue;
      }
    }
    if (C == '\\' && I + 1 < Line.size())
      C = Line[++I];
    Tokens.push_back({Op::Char, C});
    ++I;
  }
  return true;
}

bool IgnorePattern::match(StringRef Text) const {
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
        if (C != '/')
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

bool IgnorePattern::matches(StringRef RelPath, bool IsDir) const {
  if (DirOnly && !IsDir)
    return false;
  if (Anchored)
    return match(RelPath);
  return match(sys::path::filename(RelPath, sys::path::Style::posix));
}

IgnoreStack::IgnoreStack(vfs::FileSystem &FS, StringRef RealRoot, bool Enabled)
    : FS(FS), Enabled(Enabled) {
  Nodes.push_back({0, "", {}});
  if (!Enabled)
    return;
  // The enclosing repository: the nearest directory above the root, or the
  // root itself, holding .git.
  SmallVector<StringRef, 8> Chain;
  StringRef Repo;
  for (StringRef D = RealRoot; !D.empty(); D = sys::path::parent_path(D)) {
    SmallString<256> Git(D);
    sys::path::append(Git, ".git");
    if (FS.exists(Git)) {
      Repo = D;
      break;
    }
    Chain.push_back(D);
  }
  if (Repo.empty())
    return;
  Node Exclude{0, Repo.str(), {}};
  SmallString<256> Info(Repo);
  sys::path::append(Info, ".git", "info", "exclude");
  load(Info, Exclude.Patterns);
  Nodes.push_back(std::move(Exclude));
  Base = Nodes.size() - 1;
  // The directories between the repository's root and the checked root:
  // their .gitignore files apply too.
  Chain.push_back(Repo);
  for (size_t I = Chain.size(); I-- > 1;)
    Base = enter(Chain[I], Base);
}

void IgnoreStack::load(StringRef Path, std::vector<IgnorePattern> &Out) {
  ErrorOr<vfs::Status> S = FS.status(Path);
  if (!S || S->getType() != sys::fs::file_type::regular_file ||
      S->getSize() > MaxIgnoreFileSize)
    return;
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = FS.getBufferForFile(Path);
  if (!Buffer)
    return;
  SmallVector<StringRef, 32> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n');
  for (StringRef Line : Lines) {
    IgnorePattern P;
    if (P.parse(Line))
      Out.push_back(std::move(P));
  }
}

IgnoreStack::Level IgnoreStack::enter(StringRef RealDir, Level Parent) {
  if (!Enabled)
    return 0;
  Node N{Parent, RealDir.str(), {}};
  // .ignore (ripgrep's convention) overrides .gitignore in the same place.
  for (StringRef Name : {".gitignore", ".ignore"}) {
    SmallString<256> Path(RealDir);
    sys::path::append(Path, Name);
    load(Path, N.Patterns);
  }
  if (N.Patterns.empty())
    return Parent;
  Nodes.push_back(std::move(N));
  return Nodes.size() - 1;
}

IgnoreStack::Level IgnoreStack::add(StringRef Dir, ArrayRef<StringRef> Lines,
                                    Level Parent) {
  Node N{Parent, Dir.str(), {}};
  for (StringRef Line : Lines) {
    IgnorePattern P;
    if (P.parse(Line))
      N.Patterns.push_back(std::move(P));
  }
  Nodes.push_back(std::move(N));
  return Nodes.size() - 1;
}

bool IgnoreStack::isIgnored(Level L, StringRef RealPath, bool IsDir) const {
  // The last matching pattern decides: search from the deepest file back.
  for (; L != 0; L = Nodes[L].Parent) {
    const Node &N = Nodes[L];
    StringRef Rel = RealPath;
    if (!Rel.consume_front(N.Dir) || !Rel.consume_front("/"))
      continue;
    for (auto It = N.Patterns.rbegin(); It != N.Patterns.rend(); ++It)
      if (It->matches(Rel, IsDir))
        return !It->isNegated();
  }
  return false;
}

} // namespace licit
