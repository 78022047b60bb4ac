//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// Comments are found per line with a small scanner that knows each syntax's
// comment openers and string quotes (Python's exactly, from its tokenizer;
// a notebook's code through the JSON escapes of its source lines).
//
//===----------------------------------------------------------------------===//

#include "licit/Driver/Suppressions.h"
#include "licit/Basic/Glob.h"
#include "licit/Python/Tokenizer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace licit {

ArrayRef<RuleID> suppressionRules() {
  static const RuleID Rules[] = {RuleID::SuppressionUnknownRule,
                                 RuleID::SuppressionMissingReason};
  return Rules;
}

/// A suppression covers rules a policy configures, but not the suppression
/// rules (a suppression that hides its own hygiene).
static bool isSuppressible(const RuleInfo &R) {
  return R.isConfigurable() && R.area() != "suppression";
}

namespace {
/// How a kind of file writes comments.
enum class Style {
  None,
  Python,
  /// Python in the JSON strings of a notebook's source lines.
  Notebook,
  Hash,
  /// Dockerfiles and Modelfiles: a '#' starts a comment only at the start
  /// of a line; elsewhere it is an argument.
  HashLineStart,
  HashOrSemicolon,
  Slash,
  Html,
  Rst
};

struct Syntax {
  Style S = Style::None;
  /// YAML: an element includes the lines nested deeper under it.
  bool Indented = false;
  /// Markdown and reST: the next element is a paragraph.
  bool Paragraph = false;
};

/// One character of a line's code with its offset in the file: a
/// notebook's code is the decoded JSON string.
struct Char {
  char C;
  unsigned Offset;
};

/// What a line holds, outside strings.
struct LineScan {
  /// Offset of the comment opener, if the line has a comment.
  Optional<unsigned> Comment;
  /// Where the comment's text ends (before a block comment's closer).
  unsigned CommentEnd = 0;
  /// Brackets opened minus brackets closed.
  int Depth = 0;
  /// The code ends with a backslash: the statement goes on.
  bool Continued = false;
  /// Nothing but blanks before the comment, if any.
  bool Blank = true;
  /// Where the code starts, for the indentation of YAML elements.
  unsigned Indent = 0;
};

/// The lines of a file and how to read them.
class Scanner {
public:
  Scanner(StringRef Text, Syntax Syn) : Text(Text), Syn(Syn) {
    for (size_t At = 0; At <= Text.size();) {
      size_t Eol = Text.find('\n', At);
      size_t End = Eol == StringRef::npos ? Text.size() : Eol;
      size_t Trimmed = End;
      if (Trimmed > At && Text[Trimmed - 1] == '\r')
        --Trimmed;
      Lines.push_back({unsigned(At), unsigned(Trimmed), unsigned(End)});
      if (Eol == StringRef::npos)
        break;
      At = Eol + 1;
    }
  }

  struct Line {
    unsigned Begin, End, Eol;
  };

  size_t lineOf(unsigned Offset) const {
    return llvm::partition_point(
               Lines, [&](const Line &L) { return L.Eol < Offset; }) -
           Lines.begin();
  }
  const Line &line(size_t I) const { return Lines[I]; }
  size_t size() const { return Lines.size(); }

  /// The code characters of line \p I.
  SmallVector<Char, 128> chars(size_t I) const;
  LineScan scan(size_t I) const;

private:
  StringRef Text;
  Syntax Syn;
  std::vector<Line> Lines;
};
} // namespace

SmallVector<Char, 128> Scanner::chars(size_t I) const {
  SmallVector<Char, 128> Out;
  const Line &L = Lines[I];
  if (Syn.S != Style::Notebook) {
    for (unsigned At = L.Begin; At != L.End; ++At)
      Out.push_back({Text[At], At});
    return Out;
  }
  // A notebook line holds one JSON string of the cell's source: decode it.
  unsigned At = L.Begin;
  while (At != L.End && Text[At] != '"')
    ++At;
  for (++At; At < L.End && Text[At] != '"'; ++At) {
    if (Text[At] != '\\' || At + 1 >= L.End) {
      Out.push_back({Text[At], At});
      continue;
    }
    char E = Text[++At];
    if (E == 'n' || E == 'r')
      break; // The line's own end.
    if (E == 'u') {
      Out.push_back({'?', At - 1});
      At = std::min<unsigned>(At + 4, L.End - 1);
      continue;
    }
    Out.push_back({E == 't' ? '\t' : E, At - 1});
  }
  return Out;
}

LineScan Scanner::scan(size_t I) const {
  LineScan R;
  SmallVector<Char, 128> Cs = chars(I);
  char Quote = 0;
  bool SeenCode = false;
  auto At = [&](size_t K, StringRef S) {
    if (K + S.size() > Cs.size())
      return false;
    for (size_t J = 0; J != S.size(); ++J)
      if (Cs[K + J].C != S[J])
        return false;
    return true;
  };
  for (size_t K = 0; K < Cs.size(); ++K) {
    char C = Cs[K].C;
    if (Quote) {
      if (C == '\\')
        ++K;
      else if (C == Quote)
        Quote = 0;
      continue;
    }
    bool AfterBlank = K == 0 || isSpace(Cs[K - 1].C);
    size_t OpenerSize = 0;
    switch (Syn.S) {
    case Style::None:
    case Style::Python:
      break;
    case Style::Notebook:
      OpenerSize = C == '#' ? 1 : 0;
      break;
    case Style::Hash:
      OpenerSize = C == '#' && AfterBlank ? 1 : 0;
      break;
    case Style::HashLineStart:
      OpenerSize = C == '#' && !SeenCode ? 1 : 0;
      break;
    case Style::HashOrSemicolon:
      OpenerSize = (C == '#' || C == ';') && AfterBlank ? 1 : 0;
      break;
    case Style::Slash:
      OpenerSize = At(K, "//") && (K == 0 || Cs[K - 1].C != ':') ? 2
                   : At(K, "/*")                                 ? 2
                                                                 : 0;
      break;
    case Style::Html:
      OpenerSize = At(K, "<!--") ? 4 : 0;
      break;
    case Style::Rst:
      OpenerSize = !SeenCode && At(K, "..") ? 2 : 0;
      break;
    }
    if (OpenerSize) {
      R.Comment = Cs[K].Offset;
      StringRef Closer = Syn.S == Style::Html                   ? "-->"
                         : Syn.S == Style::Slash && At(K, "/*") ? "*/"
                                                                : "";
      R.CommentEnd = Cs.back().Offset + 1;
      for (size_t J = K + OpenerSize; !Closer.empty() && J < Cs.size(); ++J)
        if (At(J, Closer)) {
          R.CommentEnd = Cs[J].Offset;
          break;
        }
      return R;
    }
    if (isSpace(C))
      continue;
    if (!SeenCode)
      R.Indent = K;
    SeenCode = true;
    R.Blank = false;
    R.Continued = C == '\\';
    if (C == '(' || C == '[' || C == '{')
      ++R.Depth;
    else if (C == ')' || C == ']' || C == '}')
      --R.Depth;
    // Prose has apostrophes; YAML quotes only at a value's start.
    bool Quotes = Syn.S != Style::Html && Syn.S != Style::Rst &&
                  (!Syn.Indented || K == R.Indent ||
                   StringRef(":-[,{").contains(Cs[K - 1].C) ||
                   (isSpace(Cs[K - 1].C) && K >= 2 &&
                    StringRef(":-[,{").contains(Cs[K - 2].C)));
    if (Quotes &&
        (C == '"' || C == '\'' || (Syn.S == Style::Slash && C == '`')))
      Quote = C;
  }
  return R;
}

static Syntax syntaxOf(FileKindSet K) {
  if (K.contains(FileKind::Python))
    return {Style::Python};
  if (K.contains(FileKind::Notebook))
    return {Style::Notebook};
  // JSON has no comments (and a package.json is a manifest too).
  if (K.contains(FileKind::Json))
    return {};
  if (K.contains(FileKind::Yaml) || K.contains(FileKind::Compose))
    return {Style::Hash, /*Indented=*/true};
  if (K.contains(FileKind::Ini))
    return {Style::HashOrSemicolon};
  if (K.contains(FileKind::Dockerfile) || K.contains(FileKind::Modelfile))
    return {Style::HashLineStart};
  for (FileKind H : {FileKind::Toml, FileKind::Policy, FileKind::Shell,
                     FileKind::Env, FileKind::Makefile, FileKind::Manifest})
    if (K.contains(H))
      return {Style::Hash};
  if (K.contains(FileKind::JavaScript) || K.contains(FileKind::CFamily))
    return {Style::Slash};
  if (K.contains(FileKind::Markdown) || K.contains(FileKind::ModelCard))
    return {Style::Html, false, /*Paragraph=*/true};
  if (K.contains(FileKind::Rst))
    return {Style::Rst, false, /*Paragraph=*/true};
  return {};
}

/// Statements longer than this many lines end here: a suppression never
/// covers a whole file by accident.
constexpr size_t MaxStatementLines = 200;

namespace {
/// A comment that may hold a directive.
struct Comment {
  unsigned Begin, End;
  /// Nothing but blanks before it on its line.
  bool Alone;
};

class Finder {
public:
  Finder(const SourceFile &File, FactStore &Facts, DiagSink &Sink)
      : File(File), Text(File.text()), Syn(syntaxOf(File.Kinds)),
        Lines(Text, Syn), Facts(Facts), Sink(Sink) {}

  void run();

private:
  SourceRange range(unsigned B, unsigned E) const {
    return SourceRange{File.ID, B, E};
  }
  /// The bytes of the statement or element that starts after line \p L.
  std::pair<unsigned, unsigned> nextStatement(size_t L) const;
  void parse(const Comment &C);

  const SourceFile &File;
  StringRef Text;
  Syntax Syn;
  Scanner Lines;
  FactStore &Facts;
  DiagSink &Sink;
  std::vector<python::Token> Tokens;
};
} // namespace

std::pair<unsigned, unsigned> Finder::nextStatement(size_t L) const {
  size_t Start = L + 1;
  while (Start < Lines.size() && Lines.scan(Start).Blank)
    ++Start;
  if (Start == Lines.size())
    return {unsigned(Text.size()), unsigned(Text.size())};
  unsigned Begin = Lines.line(Start).Begin;
  if (Syn.S == Style::Python) {
    // The logical line: up to a newline outside brackets.
    auto Tok = llvm::partition_point(Tokens, [&](const python::Token &T) {
      return unsigned(T.Text.data() - Text.data()) < Begin;
    });
    for (; Tok != Tokens.end(); ++Tok)
      if (Tok->Kind == python::TokenKind::Newline && Tok->Depth == 0)
        return {Begin, unsigned(Tok->Text.data() - Text.data())};
    return {Begin, unsigned(Text.size())};
  }
  LineScan First = Lines.scan(Start);
  int Depth = First.Depth;
  bool Continued = First.Continued;
  size_t Last = Start;
  for (size_t I = Start + 1; I < Lines.size() && I < Start + MaxStatementLines;
       ++I) {
    LineScan S = Lines.scan(I);
    bool Empty = Lines.line(I).Begin == Lines.line(I).End;
    bool Goes = Depth > 0 || Continued ||
                (Syn.Indented && !S.Blank && S.Indent > First.Indent) ||
                (Syn.Paragraph && !Empty);
    // Blank lines inside a YAML element do not end it.
    if (Syn.Indented && S.Blank)
      continue;
    if (!Goes)
      break;
    Depth += S.Depth;
    Continued = S.Continued;
    Last = I;
  }
  return {Begin, Lines.line(Last).End};
}

void Finder::parse(const Comment &C) {
  StringRef Body = Text.slice(C.Begin, C.End);
  size_t At = Body.find("licit:");
  if (At == StringRef::npos)
    return;
  unsigned DirBegin = C.Begin + At;
  StringRef Rest = Body.substr(At + 6).ltrim(" \t");
  if (!Rest.consume_front("ignore"))
    return; // "licit: ..." in prose, not a directive.
  Rest = Rest.ltrim(" \t");
  unsigned DirEnd = C.End;
  while (DirEnd > DirBegin && isSpace(Text[DirEnd - 1]))
    --DirEnd;
  SourceRange Directive = range(DirBegin, DirEnd);
  if (!Rest.consume_front("[")) {
    Sink.report(RuleID::SuppressionUnknownRule, Directive,
                "suppression names no rule; write 'licit: ignore[rule-id] "
                "reason' (there is no blanket form)");
    return;
  }
  size_t Close = Rest.find(']');
  if (Close == StringRef::npos) {
    Sink.report(RuleID::SuppressionUnknownRule, Directive,
                "suppression's rule list is not closed with ']'");
    return;
  }
  Suppression S;
  S.File = File.ID;
  S.Directive = Directive;
  unsigned ListBegin = Rest.data() - Text.data();
  StringRef List = Rest.take_front(Close);
  bool AnyPattern = false;
  for (size_t Pos = 0; Pos <= List.size();) {
    size_t Comma = List.find(',', Pos);
    size_t End = Comma == StringRef::npos ? List.size() : Comma;
    StringRef Item = List.slice(Pos, End);
    unsigned B = ListBegin + Pos + (Item.size() - Item.ltrim().size());
    StringRef Name = Item.trim();
    Pos = End + 1;
    if (Name.empty())
      continue;
    AnyPattern = true;
    SourceRange R = range(B, B + Name.size());
    Expected<Glob> G = Glob::create(Name, Glob::Syntax::Plain);
    if (!G) {
      consumeError(G.takeError());
      Sink.report(RuleID::SuppressionUnknownRule, R,
                  "'" + Name + "' is not a valid rule pattern");
      continue;
    }
    bool Matches = false, Suppressible = false;
    for (const RuleInfo &Rule : allRules())
      if (G->match(Rule.Name)) {
        Matches = true;
        Suppressible |= isSuppressible(Rule);
      }
    if (!Matches) {
      std::string Near = suggestRuleName(Name);
      Diagnostic &D = Sink.report(
          RuleID::SuppressionUnknownRule, R,
          "unknown rule '" + Name + "'" +
              (Near.empty() ? "" : "; did you mean '" + Near + "'?"));
      if (!Near.empty())
        D.Fixes.push_back({"replace with '" + Near + "'",
                           {{R, Near}},
                           Applicability::Unsafe});
      continue;
    }
    if (!Suppressible) {
      Sink.report(RuleID::SuppressionUnknownRule, R,
                  "'" + Name +
                      "' cannot be suppressed inline: problems in policy "
                      "files are fixed there, and suppressions are checked "
                      "as they are");
      continue;
    }
    // Deleting this pattern alone takes a comma with it.
    unsigned RB = B, RE = B + Name.size();
    if (Comma != StringRef::npos) {
      RE = ListBegin + Comma + 1;
      while (RE < Text.size() && Text[RE] == ' ')
        ++RE;
    } else {
      size_t PrevComma = List.take_front(B - ListBegin).rfind(',');
      if (PrevComma != StringRef::npos)
        RB = ListBegin + PrevComma;
    }
    S.Patterns.push_back({Name.str(), R, range(RB, RE)});
  }
  if (!AnyPattern) {
    Sink.report(RuleID::SuppressionUnknownRule, Directive,
                "suppression's rule list is empty; name the rules it covers");
    return;
  }
  if (Rest.substr(Close + 1).trim(" \t:-").empty()) {
    Sink.report(RuleID::SuppressionMissingReason, Directive,
                "suppression gives no reason; say why after the rule list "
                "('licit: ignore[" +
                    List.trim() + "] approved by legal, ticket 123')");
    return;
  }
  if (S.Patterns.empty())
    return;
  size_t L = Lines.lineOf(C.Begin);
  if (C.Alone) {
    std::tie(S.CoverBegin, S.CoverEnd) = nextStatement(L);
    // The whole line, and its end.
    const Scanner::Line &Line = Lines.line(L);
    S.Removal =
        range(Line.Begin, std::min<unsigned>(Line.Eol + 1, Text.size()));
    if (Syn.S == Style::Notebook) // Keep the JSON string; empty its code.
      S.Removal = range(C.Begin, C.End);
  } else {
    S.CoverBegin = Lines.line(L).Begin;
    S.CoverEnd = Lines.line(L).End;
    unsigned B = C.Begin;
    while (B > Lines.line(L).Begin &&
           (Text[B - 1] == ' ' || Text[B - 1] == '\t'))
      --B;
    unsigned E = C.End;
    // A block comment goes with its closer.
    for (StringRef Closer : {"*/", "-->"})
      if (Text.substr(E).startswith(Closer))
        E += Closer.size();
    S.Removal = range(B, E);
  }
  Facts.add(std::move(S));
}

void Finder::run() {
  if (Syn.S == Style::None)
    return;
  if (Syn.S == Style::Python) {
    Tokens = python::tokenize(Text);
    for (const python::Token &T : Tokens) {
      if (T.Kind != python::TokenKind::Comment || !T.Text.contains("licit:"))
        continue;
      unsigned B = T.Text.data() - Text.data();
      size_t L = Lines.lineOf(B);
      bool Alone = Text.slice(Lines.line(L).Begin, B).trim().empty();
      parse({B, unsigned(B + T.Text.size()), Alone});
    }
    return;
  }
  for (size_t At = Text.find("licit:"); At != StringRef::npos;) {
    size_t L = Lines.lineOf(At);
    LineScan S = Lines.scan(L);
    if (S.Comment && *S.Comment <= At && At < S.CommentEnd)
      parse({*S.Comment, S.CommentEnd, S.Blank});
    // One directive per line.
    At = Text.find("licit:", Lines.line(L).Eol);
  }
}

void findSuppressions(const SourceFile &File, FactStore &Facts,
                      DiagSink &Sink) {
  if (!File.text().contains("licit:"))
    return;
  Finder(File, Facts, Sink).run();
}

/// How a standalone comment of \p S opens and closes.
static std::pair<StringRef, StringRef> commentDelimiters(Style S) {
  switch (S) {
  case Style::Slash:
    return {"//", ""};
  case Style::Html:
    return {"<!--", " -->"};
  case Style::Rst:
    return {"..", ""};
  default:
    return {"#", ""};
  }
}

namespace {
/// Where --add-suppressions puts a finding's comment.
struct Anchor {
  size_t Line;
  /// Alone on a new line above Line, rather than at its end.
  bool Above;
  bool operator<(const Anchor &O) const {
    return std::tie(Line, Above) < std::tie(O.Line, O.Above);
  }
};
} // namespace

/// The YAML block scalar ("key: |") line \p L is inside, if any.
static Optional<size_t> blockScalarOwner(const Scanner &Lines, StringRef Text,
                                         size_t L) {
  LineScan Here = Lines.scan(L);
  for (size_t K = L; K-- > 0 && L - K < MaxStatementLines;) {
    LineScan S = Lines.scan(K);
    if (S.Blank || S.Indent >= Here.Indent)
      continue;
    const Scanner::Line &Line = Lines.line(K);
    StringRef Code = Text.slice(Line.Begin, S.Comment ? *S.Comment : Line.End)
                         .rtrim()
                         .rtrim("0123456789+-");
    if (Code.endswith("|") || Code.endswith(">"))
      return K;
    return None;
  }
  return None;
}

static Anchor anchorOf(const Scanner &Lines, StringRef Text, Syntax Syn,
                       ArrayRef<python::Token> Tokens, unsigned Offset) {
  size_t L = Lines.lineOf(Offset);
  if (Syn.S == Style::Rst) {
    while (L > 0 && Lines.line(L - 1).Begin != Lines.line(L - 1).End)
      --L;
    return {L, true};
  }
  bool WholeLineComments = Syn.S == Style::HashLineStart;
  if (Syn.S == Style::Python) {
    // A string open at the line's end: the comment goes above its start.
    unsigned End = Lines.line(L).End;
    for (const python::Token &T : Tokens) {
      unsigned B = T.Text.data() - Text.data();
      if (B >= End)
        break;
      if (T.Kind == python::TokenKind::String && B + T.Text.size() > End)
        return {Lines.lineOf(B), true};
    }
    return {L, false};
  }
  if (WholeLineComments || Lines.scan(L).Continued ||
      (L > 0 && Lines.scan(L - 1).Continued)) {
    while (L > 0 && Lines.scan(L - 1).Continued)
      --L;
    return {L, true};
  }
  if (Syn.Indented)
    if (Optional<size_t> Owner = blockScalarOwner(Lines, Text, L))
      return {*Owner, true};
  return {L, false};
}

/// The comment on line \p L, if it has one: [begin, end) of its text.
static Optional<std::pair<unsigned, unsigned>>
commentOn(const Scanner &Lines, Syntax Syn, ArrayRef<python::Token> Tokens,
          StringRef Text, size_t L) {
  const Scanner::Line &Line = Lines.line(L);
  if (Syn.S == Style::Python) {
    for (const python::Token &T : Tokens) {
      unsigned B = T.Text.data() - Text.data();
      if (B >= Line.Begin && B < Line.End &&
          T.Kind == python::TokenKind::Comment)
        return std::make_pair(B, unsigned(B + T.Text.size()));
    }
    return None;
  }
  LineScan S = Lines.scan(L);
  if (!S.Comment)
    return None;
  return std::make_pair(*S.Comment, S.CommentEnd);
}

SuppressionPlan planSuppressions(ArrayRef<Diagnostic> Diags,
                                 const SourceFiles &Files, StringRef Reason) {
  SuppressionPlan Plan;
  std::map<FileID, std::vector<const Diagnostic *>> ByFile;
  for (const Diagnostic &D : Diags) {
    if (!D.Range.hasOffsets() || !isSuppressible(getRuleInfo(D.Rule)) ||
        D.isFixed())
      continue;
    const SourceFile &F = Files.get(D.Range.File);
    if (F.Builtin || !F.Buffer || syntaxOf(F.Kinds).S == Style::None) {
      ++Plan.NoComment;
      continue;
    }
    ByFile[D.Range.File].push_back(&D);
  }
  for (const auto &[ID, FileDiags] : ByFile) {
    const SourceFile &F = Files.get(ID);
    StringRef Text = F.text();
    Syntax Syn = syntaxOf(F.Kinds);
    Scanner Lines(Text, Syn);
    std::vector<python::Token> Tokens;
    if (Syn.S == Style::Python)
      Tokens = python::tokenize(Text);
    std::map<Anchor, std::vector<std::string>> Rules;
    for (const Diagnostic *D : FileDiags) {
      std::vector<std::string> &Names =
          Rules[anchorOf(Lines, Text, Syn, Tokens, D->Range.Begin)];
      std::string Name = getRuleInfo(D->Rule).Name.str();
      if (!is_contained(Names, Name))
        Names.push_back(Name);
      ++Plan.Findings;
    }
    auto [Open, Close] = commentDelimiters(Syn.S);
    Escaping Esc =
        Syn.S == Style::Notebook ? Escaping::JsonString : Escaping::None;
    for (auto &[At, Names] : Rules) {
      llvm::sort(Names);
      const Scanner::Line &Line = Lines.line(At.Line);
      std::vector<Edit> &Out = Plan.Edits[ID];
      ++Plan.Comments;
      if (At.Above) {
        StringRef Indent =
            Text.slice(Line.Begin, Line.End).take_while([](char C) {
              return isSpace(C);
            });
        StringRef Eol = Line.End != Line.Eol ? "\r\n" : "\n";
        Out.push_back({{ID, Line.Begin, Line.Begin},
                       (Indent + Open + " licit: ignore[" + join(Names, ", ") +
                        "] " + Reason + Close + Eol)
                           .str()});
        continue;
      }
      // A directive on the line already: add the rules to its list, and
      // the reason if it has none.
      if (Optional<std::pair<unsigned, unsigned>> C =
              commentOn(Lines, Syn, Tokens, Text, At.Line)) {
        StringRef Comment = Text.slice(C->first, C->second);
        size_t Dir = Comment.find("licit: ignore[");
        size_t Bracket = Dir == StringRef::npos ? Dir : Comment.find(']', Dir);
        if (Bracket != StringRef::npos) {
          unsigned Pos = C->first + Bracket;
          SmallVector<StringRef, 4> Have;
          Comment.slice(Dir + 14, Bracket).split(Have, ',');
          std::string Added;
          for (const std::string &N : Names)
            if (none_of(Have, [&](StringRef H) { return H.trim() == N; }))
              Added += ", " + N;
          if (Comment.substr(Bracket + 1).trim(" \t:-").empty())
            Out.push_back({{ID, Pos, C->second},
                           escapeText(Esc, Added + "] " + Reason.str())});
          else
            Out.push_back({{ID, Pos, Pos}, Added});
          continue;
        }
      }
      unsigned Pos = Line.End;
      if (Syn.S == Style::Notebook) {
        // Inside the source line's JSON string, before its "\n".
        StringRef Raw = Text.slice(Line.Begin, Line.End);
        size_t Quote = Raw.rfind('"');
        if (Quote != StringRef::npos && Quote > 0) {
          Pos = Line.Begin + Quote;
          if (Raw.take_front(Quote).endswith("\\n"))
            Pos -= 2;
        }
      }
      Out.push_back({{ID, Pos, Pos},
                     escapeText(Esc, ("  " + Open + " licit: ignore[" +
                                      join(Names, ", ") + "] " + Reason + Close)
                                         .str())});
    }
  }
  return Plan;
}

SuppressionIndex::SuppressionIndex(ArrayRef<Suppression> All) : All(All) {
  for (size_t I = 0; I != All.size(); ++I) {
    ByFile[All[I].File].push_back(I);
    Used.emplace_back(All[I].Patterns.size(), false);
    // Each compiled when the suppression was found.
    Patterns.emplace_back();
    for (const Suppression::Pattern &P : All[I].Patterns)
      Patterns.back().push_back(
          cantFail(Glob::create(P.Text, Glob::Syntax::Plain)));
  }
}

bool SuppressionIndex::suppresses(const Diagnostic &D) {
  const RuleInfo &Rule = getRuleInfo(D.Rule);
  if (!D.Range.hasOffsets() || !isSuppressible(Rule))
    return false;
  auto It = ByFile.find(D.Range.File);
  if (It == ByFile.end())
    return false;
  for (unsigned I : It->second) {
    const Suppression &S = All[I];
    if (D.Range.Begin < S.CoverBegin || D.Range.Begin >= S.CoverEnd)
      continue;
    for (size_t P = 0; P != S.Patterns.size(); ++P)
      if (Patterns[I][P].match(Rule.Name)) {
        Used[I][P] = true;
        return true;
      }
  }
  return false;
}

void SuppressionIndex::reportUnused(DiagSink &Sink) const {
  for (size_t I = 0; I != All.size(); ++I) {
    const Suppression &S = All[I];
    size_t Unused = count(Used[I], false);
    if (Unused == 0)
      continue;
    if (Unused == S.Patterns.size()) {
      Diagnostic &D = Sink.report(RuleID::SuppressionUnused, S.Directive,
                                  "suppression matched no finding; remove it");
      D.Fixes.push_back(
          {"remove the suppression", {{S.Removal, ""}}, Applicability::Safe});
      continue;
    }
    for (size_t P = 0; P != S.Patterns.size(); ++P)
      if (!Used[I][P]) {
        Diagnostic &D = Sink.report(
            RuleID::SuppressionUnused, S.Patterns[P].Range,
            "'" + S.Patterns[P].Text +
                "' in this suppression matched no finding; remove it");
        D.Fixes.push_back({"remove '" + S.Patterns[P].Text + "'",
                           {{S.Patterns[P].Removal, ""}},
                           Applicability::Safe});
      }
  }
}

} // namespace licit
