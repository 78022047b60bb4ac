//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "JavaScriptModelRefsPass.h"
#include "licit/Facts/ModelKeys.h"
#include "licit/Facts/RefRecorder.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace licit::extract {

namespace {
struct Token {
  enum KindTy : unsigned char { Name, String, Punct } Kind;
  /// As written, quotes included.
  StringRef Text;
  /// A string's value: its body with escapes resolved; empty for a
  /// template literal with substitutions.
  std::string Value;
};

/// Splits JavaScript or TypeScript into names, strings and punctuation;
/// comments, numbers and regular expression literals are dropped. Linear
/// in the text, whatever it holds.
class Lexer {
public:
  explicit Lexer(StringRef Text) : Text(Text) {}

  std::vector<Token> run() {
    std::vector<Token> Out;
    while (I < Text.size()) {
      char C = Text[I];
      if (isSpace(C)) {
        ++I;
      } else if (Text.substr(I).startswith("//")) {
        I = std::min(Text.find('\n', I), Text.size());
      } else if (Text.substr(I).startswith("/*")) {
        size_t End = Text.find("*/", I + 2);
        I = End == StringRef::npos ? Text.size() : End + 2;
      } else if (C == '\'' || C == '"' || C == '`') {
        Out.push_back(string(C));
      } else if (isAlpha(C) || C == '_' || C == '$') {
        size_t B = I;
        while (I < Text.size() &&
               (isAlnum(Text[I]) || Text[I] == '_' || Text[I] == '$'))
          ++I;
        Out.push_back({Token::Name, Text.slice(B, I), ""});
      } else if (isDigit(C)) {
        while (I < Text.size() && (isAlnum(Text[I]) || Text[I] == '.'))
          ++I;
      } else if (C == '/' && startsRegex(Out)) {
        skipRegex();
      } else {
        Out.push_back({Token::Punct, Text.substr(I++, 1), ""});
      }
    }
    return Out;
  }

private:
  /// A '/' after an operator or at the start begins a regular expression.
  static bool startsRegex(ArrayRef<Token> Before) {
    if (Before.empty())
      return true;
    const Token &T = Before.back();
    return T.Kind == Token::Punct && T.Text != ")" && T.Text != "]";
  }

  void skipRegex() {
    bool InClass = false;
    for (++I; I < Text.size() && Text[I] != '\n'; ++I) {
      char C = Text[I];
      if (C == '\\') {
        ++I;
      } else if (C == '[') {
        InClass = true;
      } else if (C == ']') {
        InClass = false;
      } else if (C == '/' && !InClass) {
        ++I;
        break;
      }
    }
  }

  Token string(char Quote) {
    size_t B = I++;
    std::string Value;
    bool Substitutes = false;
    while (I < Text.size() && Text[I] != Quote) {
      char C = Text[I];
      if (C == '\n' && Quote != '`')
        break; // Unterminated: the line ends it.
      if (C == '\\' && I + 1 < Text.size()) {
        Value += Text[I + 1];
        I += 2;
        continue;
      }
      if (Quote == '`' && C == '$' && I + 1 < Text.size() &&
          Text[I + 1] == '{') {
        Substitutes = true;
        size_t Depth = 0;
        for (; I < Text.size(); ++I)
          if (Text[I] == '{')
            ++Depth;
          else if (Text[I] == '}' && --Depth == 0)
            break;
        if (I < Text.size())
          ++I;
        continue;
      }
      Value += C;
      ++I;
    }
    if (I < Text.size() && Text[I] == Quote)
      ++I;
    return {Token::String, Text.slice(B, I), Substitutes ? "" : Value};
  }

  StringRef Text;
  size_t I = 0;
};
} // namespace

/// transformers.js loaders: the argument that names a model.
static int modelArgument(StringRef Callee) {
  if (Callee == "pipeline")
    return 1;
  if (Callee == "from_pretrained")
    return 0;
  return -1;
}

void JavaScriptModelRefsPass::run(const SourceFile &File,
                                  const PassContext &Ctx, FactStore &Facts,
                                  DiagSink &Diags) {
  SourceText Source(File.ID, File.text());
  RefRecorder Refs(Source, Ctx.knowledgeFor(File.ID), Facts);
  std::vector<Token> Tokens = Lexer(Source.text()).run();
  auto IsPunct = [&](size_t I, StringRef P) {
    return I < Tokens.size() && Tokens[I].Kind == Token::Punct &&
           Tokens[I].Text == P;
  };
  for (size_t I = 0; I + 2 < Tokens.size(); ++I) {
    const Token &Key = Tokens[I];
    const Token &Value = Tokens[I + 2];
    // { model: "x" }, { "model": "x" }, modelId = "x", (model = "x") =>.
    bool Property =
        IsPunct(I + 1, ":") || (IsPunct(I + 1, "=") && !IsPunct(I + 2, "=") &&
                                Key.Kind == Token::Name);
    if (Property && Key.Kind != Token::Punct && Value.Kind == Token::String &&
        !Value.Value.empty()) {
      StringRef KeyName =
          Key.Kind == Token::String ? StringRef(Key.Value) : Key.Text;
      if (Optional<ModelKey> MK = lookupModelKey(KeyName)) {
        RefSite Site;
        Site.Syntax = MK->Syntax;
        Site.Action = MK->Action;
        Site.Carrier = Key.Kind == Token::String
                           ? Key.Text.drop_front().drop_back()
                           : Key.Text;
        Refs.record(Value.Value, Value.Text, Site);
      }
    }
    // pipeline("task", "Xenova/x"), AutoModel.from_pretrained("x").
    int Arg = Key.Kind == Token::Name && IsPunct(I + 1, "(")
                  ? modelArgument(Key.Text)
                  : -1;
    size_t At = I + 2 + 2 * Arg;
    if (Arg >= 0 && At < Tokens.size() && Tokens[At].Kind == Token::String &&
        (Arg == 0 || IsPunct(At - 1, ","))) {
      RefSite Site;
      Site.Syntax = IdSyntax::Hub;
      Site.Action = RefAction::Load;
      Site.Carrier = Key.Text;
      Refs.record(Tokens[At].Value, Tokens[At].Text, Site);
    }
  }
  // Any other string that is unmistakably a model.
  RefSite Weak;
  Weak.Conf = Confidence::Weak;
  for (const Token &T : Tokens)
    if (T.Kind == Token::String && !T.Value.empty())
      Refs.record(T.Value, T.Text, Weak);
}

} // namespace licit::extract
