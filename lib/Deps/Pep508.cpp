//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// The grammar is PEP 508's (and packaging's reading of it: a parenthesised
// specifier, "===", blanks anywhere between tokens). Requirements files are
// read as pip's req_file module does: lines joined at a trailing '\', a
// comment starting at '#' at the start of a line or after a blank, options
// split from the requirement at the first blank-preceded "--".
//
//===----------------------------------------------------------------------===//

#include "licit/Deps/Pep508.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace licit::pep508 {

namespace {

/// A cursor over a specifier; a '\' ending a line counts as a blank.
class Reader {
public:
  explicit Reader(StringRef Text) : Text(Text) {}

  void skipBlanks() {
    while (Pos < Text.size())
      if (isSpace(Text[Pos]))
        ++Pos;
      else if (Text[Pos] == '\\' && (Text.substr(Pos + 1).startswith("\n") ||
                                     Text.substr(Pos + 1).startswith("\r\n")))
        Pos += Text[Pos + 1] == '\n' ? 2 : 3;
      else
        break;
  }
  bool atEnd() const { return Pos >= Text.size(); }
  char peek() const { return atEnd() ? '\0' : Text[Pos]; }
  StringRef rest() const { return Text.substr(Pos); }
  /// The characters from \p Begin while \p Pred holds.
  template <typename Pred> StringRef take(Pred P) {
    size_t Begin = Pos;
    while (Pos < Text.size() && P(Text[Pos]))
      ++Pos;
    return Text.slice(Begin, Pos);
  }
  bool fail(Error &Err, const Twine &Message) const {
    Err.Offset = Pos;
    Err.Message = Message.str();
    return false;
  }

  StringRef Text;
  size_t Pos = 0;
};

bool isNameChar(char C) {
  return isAlnum(C) || C == '-' || C == '_' || C == '.';
}

bool isVersionChar(char C) {
  return isAlnum(C) || C == '.' || C == '*' || C == '+' || C == '!' ||
         C == '-' || C == '_';
}

/// A comparison operator at the cursor, longest first.
StringRef takeOperator(Reader &R) {
  for (StringRef Op : {"===", "~=", "==", "!=", "<=", ">=", "<", ">"})
    if (R.rest().startswith(Op)) {
      R.Pos += Op.size();
      return Op;
    }
  return StringRef();
}

/// "name @ URL" or a bare URL/path: the egg fragment names it.
StringRef eggName(StringRef Url) {
  size_t At = Url.find("#egg=");
  if (At == StringRef::npos)
    At = Url.find("&egg=");
  if (At == StringRef::npos)
    return StringRef();
  return Url.substr(At + 5).take_while(isNameChar);
}

bool looksLikeUrlOrPath(StringRef S) {
  StringRef Head = S.take_until([](char C) { return isSpace(C) || C == ';'; });
  // "name@git+https://...": a named direct reference written without blanks.
  size_t At = Head.find('@');
  if (At != StringRef::npos && At < Head.find("://") && At > 0 &&
      isAlnum(Head.front()) &&
      all_of(Head.take_front(At).take_until([](char C) { return C == '['; }),
             isNameChar))
    return false;
  return Head.contains("://") || Head.startswith("file:") ||
         Head.startswith(".") || Head.startswith("/") || Head.startswith("~") ||
         Head.endswith(".whl") || Head.endswith(".tar.gz") ||
         Head.endswith(".zip");
}

} // namespace

bool parseRequirement(StringRef Text, Requirement &Out, Error &Err) {
  Out = Requirement();
  Reader R(Text);
  R.skipBlanks();
  if (R.atEnd())
    return R.fail(Err, "expected a requirement");
  if (looksLikeUrlOrPath(R.rest())) {
    Out.Url = R.take([](char C) { return !isSpace(C) && C != ';'; });
    Out.Name = eggName(Out.Url);
  } else {
    if (!isAlnum(R.peek()))
      return R.fail(Err, "a project name starts with a letter or digit");
    Out.Name = R.take(isNameChar);
    // A name ends in a letter or digit: "torch." is not one.
    while (!Out.Name.empty() && !isAlnum(Out.Name.back())) {
      Out.Name = Out.Name.drop_back();
      --R.Pos;
    }
    R.skipBlanks();
    if (R.peek() == '[') {
      size_t Begin = R.Pos;
      R.take([](char C) { return C != ']'; });
      if (R.atEnd())
        return R.fail(Err, "unclosed '[' of extras");
      ++R.Pos;
      Out.Extras = Text.slice(Begin, R.Pos);
      R.skipBlanks();
    }
    if (R.peek() == '@') {
      ++R.Pos;
      R.skipBlanks();
      Out.Url = R.take([](char C) { return !isSpace(C); });
      if (Out.Url.empty())
        return R.fail(Err, "expected a URL after '@'");
    } else if (R.peek() != ';' && !R.atEnd()) {
      size_t Begin = R.Pos;
      bool Paren = R.peek() == '(';
      if (Paren)
        ++R.Pos;
      for (;;) {
        R.skipBlanks();
        if (takeOperator(R).empty())
          return R.fail(Err, "expected a version specifier ('>=2.1'), "
                             "'@ URL' or a ';' marker");
        R.skipBlanks();
        if (R.take(isVersionChar).empty())
          return R.fail(Err, "expected a version");
        R.skipBlanks();
        if (R.peek() != ',')
          break;
        ++R.Pos;
      }
      if (Paren) {
        if (R.peek() != ')')
          return R.fail(Err, "expected ')'");
        ++R.Pos;
      }
      Out.Spec = Text.slice(Begin, R.Pos).rtrim();
    }
  }
  R.skipBlanks();
  if (R.peek() == ';') {
    ++R.Pos;
    R.skipBlanks();
    Out.Marker = R.rest().rtrim();
    if (Out.Marker.empty())
      return R.fail(Err, "expected a marker after ';'");
    return true;
  }
  if (!R.atEnd())
    return R.fail(Err, "unexpected '" + R.rest().take_front(1) +
                           "' after the requirement");
  return true;
}

std::string normalizeName(StringRef Name) {
  std::string Out;
  for (char C : Name) {
    if (C == '-' || C == '_' || C == '.') {
      if (Out.empty() || Out.back() != '-')
        Out += '-';
      continue;
    }
    Out += toLower(C);
  }
  return Out;
}

StringRef pinnedVersion(StringRef Spec) {
  StringRef S = Spec.trim();
  if (S.consume_front("(")) {
    if (!S.consume_back(")"))
      return StringRef();
    S = S.trim();
  }
  if (!S.consume_front("==="))
    if (!S.consume_front("=="))
      return StringRef();
  S = S.trim();
  if (S.empty() || S.contains(',') || S.contains('*') ||
      !all_of(S, isVersionChar))
    return StringRef();
  return S;
}

/// The end of the comment-free part of physical line \p L: a '#' at its
/// start or after a blank starts a comment.
static StringRef stripComment(StringRef L) {
  for (size_t I = 0; I != L.size(); ++I)
    if (L[I] == '#' && (I == 0 || isSpace(L[I - 1])))
      return L.take_front(I);
  return L;
}

/// The argument of option \p Opt written as "-rFILE", "-r FILE",
/// "--requirement=FILE" or "--requirement FILE".
static StringRef optionArgument(StringRef Line, StringRef Opt) {
  StringRef Rest = Line.drop_front(Opt.size());
  Rest.consume_front("=");
  return Rest.trim();
}

std::vector<Line> readRequirementsFile(StringRef Text) {
  std::vector<Line> Out;
  size_t Pos = 0;
  while (Pos < Text.size()) {
    // One logical line: physical lines joined while they end in '\'
    // outside a comment.
    size_t Begin = Pos;
    size_t End = Pos;
    StringRef Logical;
    for (;;) {
      size_t NL = Text.find('\n', End);
      StringRef Physical =
          Text.slice(End, NL == StringRef::npos ? Text.size() : NL).rtrim('\r');
      StringRef Code = stripComment(Physical);
      End = NL == StringRef::npos ? Text.size() : NL + 1;
      if (Code.size() == Physical.size() && Physical.rtrim().endswith("\\") &&
          End < Text.size())
        continue;
      // The line up to its comment (or its end).
      Logical = Text.slice(Begin, Code.end() - Text.begin());
      break;
    }
    Pos = End;
    Logical = Logical.trim();
    if (Logical.empty() || Logical == "\\")
      continue;
    Line L;
    L.Text = Logical;
    if (Logical.startswith("-")) {
      StringRef Opt =
          Logical.take_until([](char C) { return isSpace(C) || C == '='; });
      // Short options take their argument attached too: "-rbase.txt".
      StringRef Short = Logical.take_front(2);
      L.Kind = StringSwitch<Line::KindTy>(Opt)
                   .Cases("-r", "--requirement", Line::Include)
                   .Cases("-c", "--constraint", Line::Constraint)
                   .Cases("-e", "--editable", Line::Requirement)
                   .Default(Line::Option);
      if (L.Kind == Line::Option && Opt.size() > 2 && !Opt.startswith("--"))
        L.Kind = StringSwitch<Line::KindTy>(Short)
                     .Case("-r", Line::Include)
                     .Case("-c", Line::Constraint)
                     .Case("-e", Line::Requirement)
                     .Default(Line::Option);
      StringRef Arg =
          optionArgument(Logical, L.Kind != Line::Option && Opt.size() > 2 &&
                                          !Opt.startswith("--")
                                      ? Short
                                      : Opt);
      if (L.Kind == Line::Include || L.Kind == Line::Constraint) {
        L.Arg = Arg;
        if (L.Arg.empty()) {
          L.Kind = Line::Invalid;
          L.Err = {0, ("option '" + Opt + "' needs a file").str()};
        }
      }
      if (L.Kind == Line::Requirement) {
        L.Editable = true;
        Logical = Arg;
      }
      if (L.Kind != Line::Requirement) {
        Out.push_back(std::move(L));
        continue;
      }
    }
    // Per-requirement options (--hash, --config-settings) follow it.
    StringRef Req = Logical;
    for (size_t I = 1; I < Req.size(); ++I)
      if (Req[I] == '-' && Req.substr(I).startswith("--") &&
          (isSpace(Req[I - 1]) || Req[I - 1] == '\\')) {
        Req = Req.take_front(I);
        break;
      }
    Req = Req.rtrim(" \t\r\n\\");
    L.Text = L.Editable ? L.Text : Req;
    L.Kind = Line::Requirement;
    if (!parseRequirement(Req, L.Req, L.Err)) {
      L.Err.Offset += Req.begin() - L.Text.begin();
      L.Kind = Line::Invalid;
    }
    Out.push_back(std::move(L));
  }
  return Out;
}

} // namespace licit::pep508
