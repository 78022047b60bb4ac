//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// The raw-lexer reading: tokens, not a syntax tree. What it follows is what
// one file spells: a literal passed to a loader, or a name the file binds
// to literals (`name = "…"`, `name{"…"}`, `#define NAME "…"`) passed by
// name, its last component (`params.model.c_str()` is `model`).
//
//===----------------------------------------------------------------------===//

#include "licit/CFamily/LoaderApis.h"
#include "licit/CFamily/ModelRefs.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

using namespace llvm;

namespace licit::cfamily {

namespace {
struct Tok {
  clang::tok::TokenKind Kind;
  /// The token's text in the file.
  StringRef Text;
  bool StartsLine;

  bool is(clang::tok::TokenKind K) const { return Kind == K; }
  bool isIdent(StringRef S) const {
    return Kind == clang::tok::raw_identifier && Text == S;
  }
  bool isString() const { return clang::tok::isStringLiteral(Kind); }
};

/// Adjacent literals, one string ("models/" "x.gguf").
struct Literal {
  std::string Value;
  /// From the first quote (or prefix) to the last quote.
  StringRef Text;
};

/// The value of one string literal token; false for one licit does not
/// decode (a wide or Unicode string outside ASCII).
bool decode(StringRef Spelled, std::string &Out) {
  // Prefixes: L, u, U, u8, then R for raw.
  StringRef S = Spelled;
  S = S.drop_while(
      [](char C) { return C == 'L' || C == 'u' || C == 'U' || C == '8'; });
  if (S.consume_front("R\"")) {
    size_t Open = S.find('(');
    if (Open == StringRef::npos)
      return false;
    StringRef Delim = S.take_front(Open);
    StringRef Body = S.drop_front(Open + 1);
    size_t Close = Body.rfind((")" + Delim + "\"").str());
    if (Close == StringRef::npos)
      return false;
    Out += Body.take_front(Close);
    return true;
  }
  if (!S.consume_front("\"") || !S.consume_back("\""))
    return false;
  for (size_t I = 0; I < S.size(); ++I) {
    char C = S[I];
    if (C != '\\') {
      Out += C;
      continue;
    }
    if (++I == S.size())
      return false;
    switch (S[I]) {
    case 'n':
      Out += '\n';
      break;
    case 't':
      Out += '\t';
      break;
    case '\\':
    case '"':
    case '\'':
    case '?':
      Out += S[I];
      break;
    default:
      // Octal, hex and universal escapes name bytes no model id has.
      return false;
    }
  }
  return true;
}

class RawReader {
public:
  RawReader(const SourceText &Source, RefRecorder &Refs)
      : Source(Source), Refs(Refs) {}
  void run();

private:
  void lex();
  /// The index past the end of an expression starting at \p I: the first
  /// `,` `;` or closing bracket outside the brackets it opens; TooLong for
  /// one of more than MaxExprTokens (no constant is that long, and a bound
  /// keeps hostile input linear).
  size_t exprEnd(size_t I) const;
  static constexpr size_t TooLong = ~size_t(0);
  static constexpr size_t MaxExprTokens = 512;
  /// The literals \p [Begin, End) is as a value: one literal, or the
  /// branches of a `?:` that are literals. Other branches that name a
  /// variable go to \p Names.
  void valueOf(size_t Begin, size_t End, SmallVectorImpl<Literal> &Out,
               SmallVectorImpl<StringRef> *Names) const;
  /// The literal group at \p I (adjacent literals) if it is all of
  /// [I, End).
  Optional<Literal> literalAt(size_t I, size_t End) const;
  /// The end of [Begin, End) without the string accessors it ends with
  /// (`.c_str()`).
  size_t withoutAccessors(size_t Begin, size_t End) const;
  /// The variable [Begin, End) reads (accessors removed), its last name
  /// (`params.model`); empty for anything else.
  StringRef nameIn(size_t Begin, size_t End) const;
  void bindings();
  void loaderCalls();
  /// Where the tokens ending at \p I that spell \p Raw begin, if they do.
  Optional<size_t> spells(size_t I, StringRef Raw) const;
  /// The arguments of the call whose '(' or '{' is at \p Open.
  SmallVector<std::pair<size_t, size_t>, 4> arguments(size_t Open) const;
  /// The model argument [Begin, End) of a call to \p Api spelled
  /// \p Callee.
  void loaderArgument(const LoaderApi &Api, StringRef Callee, size_t Begin,
                      size_t End);
  /// The literals \p Name is bound to, following names bound to names.
  void resolve(StringRef Name, SmallVectorImpl<Literal> &Out) const;
  /// Literals (and names) followed from one name, and kept for one, at
  /// most.
  static constexpr size_t MaxLiterals = 64;

  const SourceText &Source;
  RefRecorder &Refs;
  std::vector<Tok> Toks;
  /// Each name the file binds, with what it is bound to.
  struct Binding {
    SmallVector<Literal, 1> Literals;
    SmallVector<StringRef, 1> Names;
  };
  StringMap<Binding> Bound;
};
} // namespace

void RawReader::lex() {
  StringRef Text = Source.text();
  // Clang's lexer stops at a NUL it is given as the buffer's end.
  std::string Buffer = Text.str();
  clang::LangOptions Lang;
  Lang.CPlusPlus = Lang.CPlusPlus11 = Lang.CPlusPlus14 = Lang.CPlusPlus17 =
      true;
  Lang.LineComment = true;
  Lang.Bool = true;
  clang::Lexer L(clang::SourceLocation::getFromRawEncoding(1), Lang,
                 Buffer.c_str(), Buffer.c_str(),
                 Buffer.c_str() + Buffer.size());
  clang::Token T;
  while (true) {
    L.LexFromRawLexer(T);
    if (T.is(clang::tok::eof))
      break;
    unsigned Offset = T.getLocation().getRawEncoding() - 1;
    if (Offset + T.getLength() > Text.size())
      break;
    Toks.push_back(
        {T.getKind(), Text.substr(Offset, T.getLength()), T.isAtStartOfLine()});
  }
}

size_t RawReader::exprEnd(size_t I) const {
  int Depth = 0;
  size_t Limit = I + MaxExprTokens;
  for (; I < Toks.size(); ++I) {
    if (I == Limit)
      return TooLong;
    switch (Toks[I].Kind) {
    case clang::tok::l_paren:
    case clang::tok::l_square:
    case clang::tok::l_brace:
      ++Depth;
      break;
    case clang::tok::r_paren:
    case clang::tok::r_square:
    case clang::tok::r_brace:
      if (Depth-- == 0)
        return I;
      break;
    case clang::tok::comma:
    case clang::tok::semi:
      if (Depth == 0)
        return I;
      break;
    default:
      // A directive ends at its line.
      if (Toks[I].StartsLine && Toks[I].is(clang::tok::hash))
        return I;
      break;
    }
  }
  return I;
}

Optional<Literal> RawReader::literalAt(size_t I, size_t End) const {
  if (I >= End || !Toks[I].isString())
    return None;
  Literal L;
  size_t J = I;
  for (; J < End && Toks[J].isString(); ++J)
    if (!decode(Toks[J].Text, L.Value))
      return None;
  if (J != End)
    return None;
  const char *First = Toks[I].Text.begin();
  L.Text = StringRef(First, Toks[J - 1].Text.end() - First);
  return L;
}

size_t RawReader::withoutAccessors(size_t Begin, size_t End) const {
  // `x.c_str()`, `x->data()`: the accessor and its empty call.
  while (End - Begin >= 5 && Toks[End - 1].is(clang::tok::r_paren) &&
         Toks[End - 2].is(clang::tok::l_paren) &&
         Toks[End - 3].is(clang::tok::raw_identifier) &&
         isStringAccessor(Toks[End - 3].Text) &&
         (Toks[End - 4].is(clang::tok::period) ||
          Toks[End - 4].is(clang::tok::arrow)))
    End -= 4;
  return End;
}

StringRef RawReader::nameIn(size_t Begin, size_t End) const {
  // A chain of names: `params.model`, `cfg->paths.weights`, `ns::kModel`.
  if (End == Begin || !Toks[End - 1].is(clang::tok::raw_identifier))
    return StringRef();
  for (size_t I = Begin; I + 1 < End; ++I)
    if (!Toks[I].is(clang::tok::raw_identifier) &&
        !Toks[I].is(clang::tok::period) && !Toks[I].is(clang::tok::arrow) &&
        !Toks[I].is(clang::tok::coloncolon))
      return StringRef();
  return Toks[End - 1].Text;
}

void RawReader::valueOf(size_t Begin, size_t End, SmallVectorImpl<Literal> &Out,
                        SmallVectorImpl<StringRef> *Names) const {
  // The branches of `cond ? a : b` (nested to the right), or the whole.
  SmallVector<std::pair<size_t, size_t>, 2> Parts;
  size_t Question = End;
  int Depth = 0;
  for (size_t I = Begin; I < End && Question == End; ++I)
    if (Toks[I].is(clang::tok::l_paren) || Toks[I].is(clang::tok::l_square))
      ++Depth;
    else if (Toks[I].is(clang::tok::r_paren) ||
             Toks[I].is(clang::tok::r_square))
      --Depth;
    else if (Depth == 0 && Toks[I].is(clang::tok::question))
      Question = I;
  if (Question == End) {
    Parts.push_back({Begin, End});
  } else {
    // The ':' of this '?', skipping nested ones.
    size_t Colon = End;
    int Nested = 0;
    for (size_t I = Question + 1; I < End; ++I) {
      if (Toks[I].is(clang::tok::question))
        ++Nested;
      else if (Toks[I].is(clang::tok::colon) && Nested-- == 0) {
        Colon = I;
        break;
      }
    }
    if (Colon == End)
      return;
    Parts.push_back({Question + 1, Colon});
    valueOf(Colon + 1, End, Out, Names);
  }
  for (auto [B, E] : Parts) {
    // `(dir + "/x.bin").c_str()`: the accessor, then the parentheses.
    E = withoutAccessors(B, E);
    while (E - B >= 2 && Toks[B].is(clang::tok::l_paren) &&
           exprEnd(B + 1) == E - 1)
      ++B, --E;
    // The literals a concatenation adds (`dir + "/model.onnx"`); a name
    // is followed only when it is the whole value.
    SmallVector<std::pair<size_t, size_t>, 2> Operands;
    int Depth = 0;
    size_t Start = B;
    for (size_t I = B; I < E; ++I) {
      if (Toks[I].is(clang::tok::l_paren) || Toks[I].is(clang::tok::l_square))
        ++Depth;
      else if (Toks[I].is(clang::tok::r_paren) ||
               Toks[I].is(clang::tok::r_square))
        --Depth;
      else if (Depth == 0 && Toks[I].is(clang::tok::plus)) {
        Operands.push_back({Start, I});
        Start = I + 1;
      }
    }
    Operands.push_back({Start, E});
    for (auto [OB, OE] : Operands)
      if (Optional<Literal> L = literalAt(OB, OE))
        Out.push_back(std::move(*L));
    if (Names && Operands.size() == 1)
      if (StringRef Name = nameIn(B, E); !Name.empty())
        Names->push_back(Name);
  }
}

void RawReader::bindings() {
  for (size_t I = 0; I + 2 < Toks.size(); ++I) {
    const Tok &Name = Toks[I];
    if (!Name.is(clang::tok::raw_identifier))
      continue;
    size_t Begin = I + 2, End;
    const Tok &Op = Toks[I + 1];
    if (I >= 2 && Toks[I - 2].StartsLine && Toks[I - 2].is(clang::tok::hash) &&
        Toks[I - 1].isIdent("define")) {
      // `#define NAME "value"`: to the end of the line.
      Begin = I + 1;
      End = Begin;
      while (End < Toks.size() && !Toks[End].StartsLine &&
             End - Begin < MaxExprTokens)
        ++End;
    } else if (Op.is(clang::tok::equal)) {
      End = exprEnd(Begin);
      if (End == TooLong)
        continue;
    } else if ((Op.is(clang::tok::l_brace) || Op.is(clang::tok::l_paren)) &&
               I > 0 &&
               (Toks[I - 1].is(clang::tok::raw_identifier) ||
                Toks[I - 1].is(clang::tok::greater) ||
                Toks[I - 1].is(clang::tok::star) ||
                Toks[I - 1].is(clang::tok::amp)) &&
               !Toks[I - 1].isIdent("return") && !Toks[I - 1].isIdent("case") &&
               !Toks[I - 1].isIdent("throw") && !Toks[I - 1].isIdent("else")) {
      // `std::string model("x")`, `std::string model{"x"}`: a declaration
      // (a type before the name), not a call.
      End = exprEnd(Begin);
      if (End == TooLong || End == Toks.size() ||
          !Toks[End].is(Op.is(clang::tok::l_brace) ? clang::tok::r_brace
                                                   : clang::tok::r_paren))
        continue;
    } else {
      continue;
    }
    Binding B;
    valueOf(Begin, End, B.Literals, &B.Names);
    if (B.Literals.empty() && B.Names.empty())
      continue;
    Binding &Into = Bound[Name.Text];
    if (Into.Literals.size() + Into.Names.size() < MaxLiterals) {
      Into.Literals.append(B.Literals.begin(), B.Literals.end());
      Into.Names.append(B.Names.begin(), B.Names.end());
    }
    // A variable named for a model holds one, passed to a loader or not.
    if (isModelNamed(Name.Text))
      for (const Literal &L : B.Literals)
        recordModelNamed(Refs, L.Value, L.Text, RefSite());
  }
}

void RawReader::resolve(StringRef Name, SmallVectorImpl<Literal> &Out) const {
  // Names bound to names, breadth-first, each once: a file of many
  // assignments between a few names stays linear.
  StringSet<> Seen{Name};
  SmallVector<StringRef, 8> Queue{Name};
  for (size_t Q = 0;
       Q != Queue.size() && Q < MaxLiterals && Out.size() < MaxLiterals; ++Q) {
    auto It = Bound.find(Queue[Q]);
    if (It == Bound.end())
      continue;
    Out.append(It->second.Literals.begin(), It->second.Literals.end());
    for (StringRef Next : It->second.Names)
      if (Seen.insert(Next).second)
        Queue.push_back(Next);
  }
}

Optional<size_t> RawReader::spells(size_t I, StringRef Raw) const {
  bool Member = Raw.consume_front(".");
  SmallVector<StringRef, 4> Parts;
  Raw.split(Parts, "::");
  for (size_t P = Parts.size(); P-- > 0;) {
    if (!Toks[I].isIdent(Parts[P]))
      return None;
    if (P == 0)
      break;
    if (I < 2 || !Toks[I - 1].is(clang::tok::coloncolon))
      return None;
    I -= 2;
  }
  bool AfterMember = I > 0 && (Toks[I - 1].is(clang::tok::period) ||
                               Toks[I - 1].is(clang::tok::arrow));
  // A method is called on something; a function is not a member of
  // something else (`x.load(` is not `load(`).
  if (Member != AfterMember)
    return None;
  return I;
}

SmallVector<std::pair<size_t, size_t>, 4>
RawReader::arguments(size_t Open) const {
  SmallVector<std::pair<size_t, size_t>, 4> Args;
  size_t I = Open + 1;
  while (I < Toks.size()) {
    size_t End = exprEnd(I);
    if (End == TooLong)
      break;
    Args.push_back({I, End});
    if (End == Toks.size() || !Toks[End].is(clang::tok::comma))
      break;
    I = End + 1;
  }
  return Args;
}

void RawReader::loaderArgument(const LoaderApi &Api, StringRef Callee,
                               size_t Begin, size_t End) {
  SmallVector<Literal, 2> Direct;
  SmallVector<StringRef, 2> Names;
  valueOf(Begin, End, Direct, &Names);
  RefSite Site;
  Site.Syntax = Api.Syntax;
  Site.Action = Api.Action;
  Site.Carrier = Callee;
  unsigned Found = 0;
  for (const Literal &L : Direct)
    Found += Refs.record(L.Value, L.Text, Site);
  for (StringRef Name : Names) {
    SmallVector<Literal, 2> Bound;
    resolve(Name, Bound);
    Site.UsedAt = Name;
    for (const Literal &L : Bound)
      Found += Refs.record(L.Value, L.Text, Site);
    Found += !Bound.empty();
  }
  if (Api.RunsCode && Direct.empty() && !Found && Begin < End) {
    const char *First = Toks[Begin].Text.begin();
    recordRunTimeLoad(Refs, Api,
                      StringRef(First, Toks[End - 1].Text.end() - First));
  }
}

void RawReader::loaderCalls() {
  // The table by the name its raw spelling ends with.
  static const StringMap<SmallVector<const LoaderApi *, 1>> ByName = [] {
    StringMap<SmallVector<const LoaderApi *, 1>> Map;
    for (const LoaderApi &Api : loaderApis())
      if (!Api.Raw.empty())
        Map[Api.Raw.substr(Api.Raw.find_last_of(":.") + 1)].push_back(&Api);
    return Map;
  }();
  // The '(' of the call: `f(`, and for a class `T x(`, `T{`,
  // `make_unique<T>(`.
  for (size_t I = 0; I + 1 < Toks.size(); ++I) {
    if (!Toks[I].is(clang::tok::raw_identifier))
      continue;
    auto It = ByName.find(Toks[I].Text);
    if (It == ByName.end())
      continue;
    for (const LoaderApi *Api : It->second) {
      Optional<size_t> First = spells(I, Api->Raw);
      if (!First)
        continue;
      const char *Begin = Toks[*First].Text.begin();
      StringRef Callee(Begin, Toks[I].Text.end() - Begin);
      // The '(' of the call: `f(`, and for a class `T x(`, `T x{`, `T(`,
      // `make_unique<T>(`.
      size_t Open = I + 1;
      bool Class = Api->Kind == ApiKind::Construct;
      if (Class && (Toks[Open].is(clang::tok::raw_identifier) ||
                    Toks[Open].is(clang::tok::greater)))
        ++Open;
      if (Open >= Toks.size() ||
          !(Toks[Open].is(clang::tok::l_paren) ||
            (Class && Toks[Open].is(clang::tok::l_brace))))
        continue;
      auto Args = arguments(Open);
      if (Api->Arg < Args.size())
        loaderArgument(*Api, Callee, Args[Api->Arg].first,
                       Args[Api->Arg].second);
      break;
    }
  }
}

void RawReader::run() {
  lex();
  bindings();
  loaderCalls();
}

void lexModelRefs(const SourceText &Source, RefRecorder &Refs) {
  RawReader(Source, Refs).run();
}

} // namespace licit::cfamily
