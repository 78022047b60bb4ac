//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// PEP 440 ("Version Identification and Dependency Specification"), as the
// packaging library reads it: normalisation of spellings (alpha, c, pre,
// rev, implicit post-releases "1.0-1"), ordering (dev < pre < final <
// post, local labels after their public version) and specifier semantics
// (exclusive comparisons, prefix matching, pre-release exclusion).
// Semantic Versioning 2.0.0, section 11, for precedence.
//
//===----------------------------------------------------------------------===//

#include "licit/Deps/Versions.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace licit::versions {

namespace {

/// A cursor over lower-cased text.
struct Cursor {
  std::string Text;
  size_t Pos = 0;

  bool done() const { return Pos >= Text.size(); }
  StringRef rest() const { return StringRef(Text).substr(Pos); }
  bool eat(StringRef S) {
    if (!rest().startswith(S))
      return false;
    Pos += S.size();
    return true;
  }
  /// A separator '-', '_' or '.', if there is one.
  bool separator() {
    return !done() && StringRef("-_.").contains(Text[Pos]) && (++Pos, true);
  }
  Optional<uint64_t> number() {
    size_t Begin = Pos;
    while (!done() && isDigit(Text[Pos]))
      ++Pos;
    uint64_t N;
    // Twenty digits overflow: a number that large is not a version.
    if (Pos == Begin || Pos - Begin > 19 ||
        StringRef(Text).slice(Begin, Pos).getAsInteger(10, N)) {
      Pos = Begin;
      return None;
    }
    return N;
  }
};

int cmp(uint64_t A, uint64_t B) { return A < B ? -1 : A > B ? 1 : 0; }

} // namespace

Optional<Pep440> parsePep440(StringRef Text) {
  Cursor C{Text.trim().lower()};
  Pep440 V;
  C.eat("v");
  // Epoch, then the release.
  Optional<uint64_t> N = C.number();
  if (!N)
    return None;
  if (C.eat("!")) {
    V.Epoch = *N;
    N = C.number();
    if (!N)
      return None;
  }
  V.Release.push_back(*N);
  while (C.rest().startswith(".") && C.rest().size() > 1 &&
         isDigit(C.rest()[1])) {
    ++C.Pos;
    V.Release.push_back(*C.number());
  }
  // Pre-release: a, b, rc and their spellings.
  size_t Save = C.Pos;
  C.separator();
  static const std::pair<StringRef, char> PreWords[] = {
      {"alpha", 'a'}, {"beta", 'b'}, {"preview", 'c'}, {"pre", 'c'},
      {"rc", 'c'},    {"a", 'a'},    {"b", 'b'},       {"c", 'c'}};
  bool Pre = false;
  for (const auto &[Word, Kind] : PreWords)
    if (C.eat(Word)) {
      V.PreKind = Kind;
      C.separator();
      V.Pre = C.number().getValueOr(0);
      Pre = true;
      break;
    }
  if (!Pre)
    C.Pos = Save;
  // Post-release: "-1", or post/rev/r with an optional number.
  Save = C.Pos;
  if (C.eat("-") && !C.done() && isDigit(C.Text[C.Pos])) {
    V.Post = C.number();
  } else {
    C.Pos = Save;
    C.separator();
    if (C.eat("post") || C.eat("rev") || C.eat("r")) {
      C.separator();
      V.Post = C.number().getValueOr(0);
    } else {
      C.Pos = Save;
    }
  }
  // Development release.
  Save = C.Pos;
  C.separator();
  if (C.eat("dev")) {
    C.separator();
    V.Dev = C.number().getValueOr(0);
  } else {
    C.Pos = Save;
  }
  // Local label.
  if (C.eat("+")) {
    std::string Local = C.rest().str();
    for (char &Ch : Local)
      if (Ch == '-' || Ch == '_')
        Ch = '.';
    SmallVector<StringRef, 4> Parts;
    StringRef(Local).split(Parts, '.');
    for (StringRef P : Parts) {
      if (P.empty() || !all_of(P, isAlnum))
        return None;
      V.Local.push_back(P.str());
    }
    C.Pos = C.Text.size();
  }
  if (!C.done())
    return None;
  return V;
}

std::string Pep440::str() const {
  std::string S;
  if (Epoch)
    S += std::to_string(Epoch) + "!";
  for (size_t I = 0; I != Release.size(); ++I)
    S += (I ? "." : "") + std::to_string(Release[I]);
  if (PreKind)
    S += (PreKind == 'c' ? std::string("rc") : std::string(1, PreKind)) +
         std::to_string(Pre);
  if (Post)
    S += ".post" + std::to_string(*Post);
  if (Dev)
    S += ".dev" + std::to_string(*Dev);
  for (size_t I = 0; I != Local.size(); ++I)
    S += (I ? "." : "+") + Local[I];
  return S;
}

int compare(const Pep440 &A, const Pep440 &B) {
  if (int C = cmp(A.Epoch, B.Epoch))
    return C;
  // Trailing zeros do not count: 1.0 == 1.0.0.
  size_t N = std::max(A.Release.size(), B.Release.size());
  for (size_t I = 0; I != N; ++I)
    if (int C = cmp(I < A.Release.size() ? A.Release[I] : 0,
                    I < B.Release.size() ? B.Release[I] : 0))
      return C;
  // Pre-release key: a dev release of the final sorts before its
  // pre-releases; a final (or post) release after them.
  auto PreKey = [](const Pep440 &V) -> std::pair<int, uint64_t> {
    if (V.PreKind)
      return {V.PreKind - 'a' + 1, V.Pre};
    if (!V.Post && V.Dev)
      return {0, 0};
    return {10, 0};
  };
  if (PreKey(A) != PreKey(B))
    return PreKey(A) < PreKey(B) ? -1 : 1;
  // No post-release sorts first; no dev release sorts last.
  uint64_t APost = A.Post ? *A.Post + 1 : 0, BPost = B.Post ? *B.Post + 1 : 0;
  if (int C = cmp(APost, BPost))
    return C;
  if (A.Dev.hasValue() != B.Dev.hasValue())
    return A.Dev ? -1 : 1;
  if (A.Dev)
    if (int C = cmp(*A.Dev, *B.Dev))
      return C;
  // Local labels: none first; numeric segments after alphanumeric ones.
  for (size_t I = 0; I != std::max(A.Local.size(), B.Local.size()); ++I) {
    if (I >= A.Local.size())
      return -1;
    if (I >= B.Local.size())
      return 1;
    StringRef X = A.Local[I], Y = B.Local[I];
    bool XNum = all_of(X, isDigit), YNum = all_of(Y, isDigit);
    if (XNum != YNum)
      return XNum ? 1 : -1;
    if (XNum) {
      // Compare as numbers of any length: by length, then text.
      X = X.ltrim('0');
      Y = Y.ltrim('0');
      if (X.size() != Y.size())
        return X.size() < Y.size() ? -1 : 1;
    }
    if (int C = X.compare(Y))
      return C;
  }
  return 0;
}

Optional<Semver> parseSemver(StringRef Text) {
  StringRef T = Text.trim();
  T.consume_front("v");
  T = T.take_until([](char C) { return C == '+'; }); // Build metadata.
  auto [Core, Pre] = T.split('-');
  SmallVector<StringRef, 3> Parts;
  Core.split(Parts, '.');
  if (Parts.empty() || Parts.size() > 3)
    return None;
  Semver V;
  uint64_t *Fields[] = {&V.Major, &V.Minor, &V.Patch};
  for (size_t I = 0; I != Parts.size(); ++I)
    if (Parts[I].empty() || !all_of(Parts[I], isDigit) ||
        Parts[I].size() > 19 || Parts[I].getAsInteger(10, *Fields[I]))
      return None;
  if (T.contains('-')) {
    SmallVector<StringRef, 4> Ids;
    Pre.split(Ids, '.');
    for (StringRef Id : Ids) {
      if (Id.empty() ||
          !all_of(Id, [](char C) { return isAlnum(C) || C == '-'; }))
        return None;
      V.Pre.push_back(Id.str());
    }
  }
  return V;
}

std::string Semver::str() const {
  std::string S = std::to_string(Major) + "." + std::to_string(Minor) + "." +
                  std::to_string(Patch);
  for (size_t I = 0; I != Pre.size(); ++I)
    S += (I ? "." : "-") + Pre[I];
  return S;
}

int compare(const Semver &A, const Semver &B) {
  if (int C = cmp(A.Major, B.Major))
    return C;
  if (int C = cmp(A.Minor, B.Minor))
    return C;
  if (int C = cmp(A.Patch, B.Patch))
    return C;
  // A pre-release sorts before its release.
  if (A.Pre.empty() != B.Pre.empty())
    return A.Pre.empty() ? 1 : -1;
  for (size_t I = 0; I != std::max(A.Pre.size(), B.Pre.size()); ++I) {
    if (I >= A.Pre.size())
      return -1;
    if (I >= B.Pre.size())
      return 1;
    StringRef X = A.Pre[I], Y = B.Pre[I];
    bool XNum = all_of(X, isDigit), YNum = all_of(Y, isDigit);
    if (XNum != YNum)
      return XNum ? -1 : 1;
    if (XNum && X.size() != Y.size())
      return X.size() < Y.size() ? -1 : 1;
    if (int C = X.compare(Y))
      return C;
  }
  return 0;
}

Optional<int> compare(Ecosystem Eco, StringRef A, StringRef B) {
  if (Eco == Ecosystem::Npm || Eco == Ecosystem::Crates) {
    Optional<Semver> X = parseSemver(A), Y = parseSemver(B);
    if (!X || !Y)
      return None;
    return compare(*X, *Y);
  }
  Optional<Pep440> X = parsePep440(A), Y = parsePep440(B);
  if (!X || !Y)
    return None;
  return compare(*X, *Y);
}

/// \p V without its local label.
static Pep440 publicPart(Pep440 V) {
  V.Local.clear();
  return V;
}

/// One clause ("~=2.1", "!=1.3.*") against \p V.
static Optional<bool> clause(const Pep440 &V, StringRef Op, StringRef Text) {
  if (Op == "===")
    return StringRef(V.str()).equals_insensitive(Text.trim());
  bool Prefix = Text.consume_back(".*");
  Optional<Pep440> S = parsePep440(Text);
  if (!S)
    return None;
  if (Op == "==" || Op == "!=") {
    bool Equal;
    if (Prefix) {
      // The candidate's release, padded, starts with the specifier's.
      Equal = V.Epoch == S->Epoch;
      for (size_t I = 0; Equal && I != S->Release.size(); ++I)
        Equal = (I < V.Release.size() ? V.Release[I] : 0) == S->Release[I];
      if (Equal && (S->PreKind || S->Post || S->Dev))
        Equal = compare(publicPart(V), *S) >= 0;
    } else {
      Equal = compare(S->Local.empty() ? publicPart(V) : V, *S) == 0;
    }
    return Op == "==" ? Equal : !Equal;
  }
  if (Prefix)
    return None;
  Pep440 P = publicPart(V);
  if (Op == "~=") {
    if (S->Release.size() < 2)
      return None;
    Pep440 Floor = *S;
    bool InSeries = V.Epoch == S->Epoch;
    for (size_t I = 0; InSeries && I + 1 < S->Release.size(); ++I)
      InSeries = (I < V.Release.size() ? V.Release[I] : 0) == S->Release[I];
    return InSeries && compare(P, Floor) >= 0;
  }
  int C = compare(P, *S);
  if (Op == "<=")
    return C <= 0;
  if (Op == ">=")
    return C >= 0;
  auto SameRelease = [&] {
    Pep440 A = P, B = *S;
    A.PreKind = B.PreKind = 0;
    A.Post = B.Post = None;
    A.Dev = B.Dev = None;
    return compare(A, B) == 0;
  };
  if (Op == "<")
    // Not a pre-release of the very version named (<2.0 excludes 2.0rc1).
    return C < 0 && !(!S->isPrerelease() && P.isPrerelease() && SameRelease());
  if (Op == ">")
    // Not a post-release of it either (>2.0 excludes 2.0.post1).
    return C > 0 && !(!S->Post && P.Post && SameRelease());
  return None;
}

Optional<bool> satisfiesPep440(StringRef Version, StringRef Spec) {
  Optional<Pep440> V = parsePep440(Version);
  if (!V)
    return None;
  StringRef S = Spec.trim();
  if (S.consume_front("(") && !S.consume_back(")"))
    return None;
  bool NamesPrerelease = false;
  SmallVector<StringRef, 4> Clauses;
  S.split(Clauses, ',', -1, /*KeepEmpty=*/false);
  for (StringRef Raw : Clauses) {
    StringRef Cl = Raw.trim();
    StringRef Op;
    for (StringRef O : {"===", "~=", "==", "!=", "<=", ">=", "<", ">"})
      if (Cl.startswith(O)) {
        Op = O;
        break;
      }
    if (Op.empty())
      return None;
    StringRef Text = Cl.drop_front(Op.size()).trim();
    if (Optional<Pep440> P = parsePep440(StringRef(Text).rtrim(".*")))
      NamesPrerelease |= P->isPrerelease();
    Optional<bool> Ok = clause(*V, Op, Text);
    if (!Ok)
      return None;
    if (!*Ok)
      return false;
  }
  return !V->isPrerelease() || NamesPrerelease;
}

Optional<bool> satisfies(Ecosystem Eco, StringRef Version, StringRef Spec) {
  if (Eco == Ecosystem::PyPI || Eco == Ecosystem::Conda)
    return satisfiesPep440(Version, Spec);
  Optional<Semver> V = parseSemver(Version);
  if (!V)
    return None;
  SmallVector<StringRef, 4> Clauses;
  Spec.split(Clauses, ',', -1, /*KeepEmpty=*/false);
  for (StringRef Raw : Clauses) {
    StringRef C = Raw.trim();
    StringRef Op;
    for (StringRef O : {">=", "<=", "==", ">", "<", "="})
      if (C.startswith(O)) {
        Op = O;
        break;
      }
    Optional<Semver> S = parseSemver(C.drop_front(Op.size()).trim());
    if (!S)
      return None;
    int Cmp = compare(*V, *S);
    bool Ok = Op == ">="   ? Cmp >= 0
              : Op == "<=" ? Cmp <= 0
              : Op == ">"  ? Cmp > 0
              : Op == "<"  ? Cmp < 0
                           : Cmp == 0;
    if (!Ok)
      return false;
  }
  return true;
}

} // namespace licit::versions
