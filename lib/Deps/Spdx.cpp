//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// Grammar: SPDX specification 2.3, annex D ("SPDX license expressions").
// Names: the trove classifiers PyPI lists under "License ::" and the
// spellings packages' METADATA "License:" fields commonly use; only those
// that name one licence map.
//
//===----------------------------------------------------------------------===//

#include "licit/Deps/Spdx.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include <functional>

using namespace llvm;

namespace licit::spdx {

namespace {

bool isIdChar(char C) { return isAlnum(C) || C == '-' || C == '.'; }

class Parser {
public:
  Parser(StringRef Text, Error &Err) : Text(Text), Err(Err) {}

  bool expression(LicenceExpr &Out) {
    if (!conjunction(Out))
      return false;
    while (keyword("OR")) {
      LicenceExpr Rhs;
      if (!conjunction(Rhs))
        return false;
      Out = combine(LicenceExpr::Or, std::move(Out), std::move(Rhs));
    }
    return true;
  }

  bool finish() {
    skipBlanks();
    if (Pos != Text.size())
      return fail("unexpected '" + Text.substr(Pos, 1) + "'");
    return true;
  }

private:
  bool conjunction(LicenceExpr &Out) {
    if (!term(Out))
      return false;
    while (keyword("AND")) {
      LicenceExpr Rhs;
      if (!term(Rhs))
        return false;
      Out = combine(LicenceExpr::And, std::move(Out), std::move(Rhs));
    }
    return true;
  }

  bool term(LicenceExpr &Out) {
    skipBlanks();
    if (Pos < Text.size() && Text[Pos] == '(') {
      ++Pos;
      if (Depth++ == 32)
        return fail("expression nested too deeply");
      if (!expression(Out))
        return false;
      --Depth;
      skipBlanks();
      if (Pos >= Text.size() || Text[Pos] != ')')
        return fail("expected ')'");
      ++Pos;
      return true;
    }
    StringRef ID = identifier();
    if (ID.empty())
      return fail("expected a licence id");
    Out = LicenceExpr::leaf(ID);
    if (keyword("WITH")) {
      StringRef Exception = identifier();
      if (Exception.empty())
        return fail("expected an exception id after WITH");
      LicenceExpr With;
      With.Kind = LicenceExpr::With;
      With.ID = Exception.str();
      With.Args.push_back(std::move(Out));
      Out = std::move(With);
    }
    return true;
  }

  /// An id, a LicenseRef or DocumentRef, with its '+'.
  StringRef identifier() {
    skipBlanks();
    size_t Begin = Pos;
    while (Pos < Text.size() && (isIdChar(Text[Pos]) || Text[Pos] == ':'))
      ++Pos;
    if (Pos < Text.size() && Text[Pos] == '+' && Pos != Begin)
      ++Pos;
    StringRef ID = Text.slice(Begin, Pos);
    // An operator is not an id.
    if (ID.equals_insensitive("AND") || ID.equals_insensitive("OR") ||
        ID.equals_insensitive("WITH")) {
      Pos = Begin;
      return StringRef();
    }
    return ID;
  }

  bool keyword(StringRef Word) {
    skipBlanks();
    StringRef Rest = Text.substr(Pos);
    if (!Rest.take_front(Word.size()).equals_insensitive(Word) ||
        (Rest.size() > Word.size() && isIdChar(Rest[Word.size()])))
      return false;
    Pos += Word.size();
    return true;
  }

  static LicenceExpr combine(LicenceExpr::KindTy Kind, LicenceExpr Lhs,
                             LicenceExpr Rhs) {
    // "A OR B OR C" is one node of three.
    if (Lhs.Kind == Kind) {
      Lhs.Args.push_back(std::move(Rhs));
      return Lhs;
    }
    LicenceExpr E;
    E.Kind = Kind;
    E.Args.push_back(std::move(Lhs));
    E.Args.push_back(std::move(Rhs));
    return E;
  }

  void skipBlanks() {
    while (Pos < Text.size() && isSpace(Text[Pos]))
      ++Pos;
  }

  bool fail(const Twine &Message) {
    Err.Offset = Pos;
    Err.Message = Message.str();
    return false;
  }

  StringRef Text;
  Error &Err;
  size_t Pos = 0;
  unsigned Depth = 0;
};

/// Names that denote exactly one licence, lower-cased with blanks, commas
/// and "the" normalised away by key().
struct Name {
  StringRef Key;
  StringRef Spdx;
};

const Name Names[] = {
    // Trove classifiers (the part after "License :: OSI Approved :: ").
    {"mit license", "MIT"},
    {"mit no attribution license (mit-0)", "MIT-0"},
    {"apache software license", "Apache-2.0"},
    {"isc license (iscl)", "ISC"},
    {"mozilla public license 2.0 (mpl 2.0)", "MPL-2.0"},
    {"mozilla public license 1.1 (mpl 1.1)", "MPL-1.1"},
    {"python software foundation license", "PSF-2.0"},
    {"gnu affero general public license v3", "AGPL-3.0-only"},
    {"gnu affero general public license v3 or later (agplv3+)",
     "AGPL-3.0-or-later"},
    {"gnu general public license v2 (gplv2)", "GPL-2.0-only"},
    {"gnu general public license v2 or later (gplv2+)", "GPL-2.0-or-later"},
    {"gnu general public license v3 (gplv3)", "GPL-3.0-only"},
    {"gnu general public license v3 or later (gplv3+)", "GPL-3.0-or-later"},
    {"gnu lesser general public license v2 (lgplv2)", "LGPL-2.0-only"},
    {"gnu lesser general public license v2 or later (lgplv2+)",
     "LGPL-2.0-or-later"},
    {"gnu lesser general public license v3 (lgplv3)", "LGPL-3.0-only"},
    {"gnu lesser general public license v3 or later (lgplv3+)",
     "LGPL-3.0-or-later"},
    {"gnu library or lesser general public license (lgpl)", ""},
    {"eclipse public license 2.0 (epl-2.0)", "EPL-2.0"},
    {"european union public licence 1.2 (eupl 1.2)", "EUPL-1.2"},
    {"the unlicense (unlicense)", "Unlicense"},
    {"boost software license 1.0 (bsl-1.0)", "BSL-1.0"},
    {"zlib/libpng license", "Zlib"},
    {"universal permissive license (upl)", "UPL-1.0"},
    {"historical permission notice and disclaimer (hpnd)", "HPND"},
    {"cc0 1.0 universal (cc0 1.0) public domain dedication", "CC0-1.0"},
    // Free-text spellings.
    {"mit", "MIT"},
    {"mit licence", "MIT"},
    {"mit-0", "MIT-0"},
    {"apache 2.0", "Apache-2.0"},
    {"apache 2", "Apache-2.0"},
    {"apache-2", "Apache-2.0"},
    {"apache license 2.0", "Apache-2.0"},
    {"apache 2.0 license", "Apache-2.0"},
    {"apache-2.0 license", "Apache-2.0"},
    {"apache license version 2.0", "Apache-2.0"},
    {"apache software license 2.0", "Apache-2.0"},
    {"apache license v2.0", "Apache-2.0"},
    {"asl 2.0", "Apache-2.0"},
    {"bsd 3-clause", "BSD-3-Clause"},
    {"bsd 3-clause license", "BSD-3-Clause"},
    {"3-clause bsd license", "BSD-3-Clause"},
    {"new bsd license", "BSD-3-Clause"},
    {"modified bsd license", "BSD-3-Clause"},
    {"bsd 2-clause", "BSD-2-Clause"},
    {"bsd 2-clause license", "BSD-2-Clause"},
    {"simplified bsd license", "BSD-2-Clause"},
    {"gplv2", "GPL-2.0-only"},
    {"gplv3", "GPL-3.0-only"},
    {"agplv3", "AGPL-3.0-only"},
    {"lgplv3", "LGPL-3.0-only"},
    {"mpl 2.0", "MPL-2.0"},
    {"mozilla public license 2.0", "MPL-2.0"},
    {"psf", "PSF-2.0"},
    {"psfl", "PSF-2.0"},
    {"python software foundation", "PSF-2.0"},
    {"isc", "ISC"},
    {"unlicense", "Unlicense"},
    {"public domain", ""},
    {"bsd", ""},
    {"bsd license", ""},
    {"gpl", ""},
    {"lgpl", ""},
    {"other", ""},
    {"unknown", ""},
};

/// Lower case, blanks collapsed, a trailing "license"/"licence" kept.
std::string key(StringRef Text) {
  std::string Out;
  for (char C : Text.trim()) {
    if (isSpace(C) || C == ',') {
      if (!Out.empty() && Out.back() != ' ')
        Out += ' ';
      continue;
    }
    Out += toLower(C);
  }
  while (!Out.empty() && Out.back() == ' ')
    Out.pop_back();
  StringRef K(Out);
  K.consume_front("the ");
  return K.str();
}

} // namespace

bool parse(StringRef Text, LicenceExpr &Out, Error &Err) {
  Parser P(Text, Err);
  Out = LicenceExpr();
  return P.expression(Out) && P.finish();
}

bool isIdentifier(StringRef Text) {
  StringRef S = Text;
  S.consume_back("+");
  return !S.empty() && all_of(S, [](char C) { return isIdChar(C); }) &&
         isAlnum(S.front());
}

Optional<std::string> normalize(StringRef Text) {
  StringRef T = Text.trim();
  // "License :: OSI Approved :: MIT License", "License :: Public Domain".
  if (T.consume_front("License ::")) {
    T = T.trim();
    T.consume_front("OSI Approved ::");
    T = T.trim();
  }
  std::string K = key(T);
  for (const Name &N : Names)
    if (K == N.Key)
      return N.Spdx.empty() ? None : Optional<std::string>(N.Spdx.str());
  // Already an expression: "MIT OR Apache-2.0", "BSD-3-Clause", "WTFPL".
  // Its ids are written as SPDX writes them, with a capital or a digit:
  // "apache" is a word, not an id.
  LicenceExpr E;
  Error Err;
  if (!parse(T, E, Err))
    return None;
  std::function<bool(const LicenceExpr &)> IdLike = [&](const LicenceExpr &X) {
    if (X.Kind == LicenceExpr::Leaf)
      return isIdentifier(X.ID) && any_of(X.ID, [](char C) {
               return isDigit(C) || (C >= 'A' && C <= 'Z');
             });
    return all_of(X.Args, IdLike);
  };
  if (IdLike(E))
    return T.str();
  return None;
}

} // namespace licit::spdx
