//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Shell/Words.h"

using namespace llvm;

namespace licit::shell {

namespace {
class Lexer {
public:
  explicit Lexer(StringRef Text) : Text(Text) {}

  std::vector<Command> run() {
    std::vector<Command> Out;
    Command Current;
    auto Flush = [&] {
      if (!Current.empty())
        Out.push_back(std::move(Current));
      Current.clear();
    };
    while (I < Text.size()) {
      char C = Text[I];
      if (C == ' ' || C == '\t' || C == '\r') {
        ++I;
      } else if (C == '\\' && I + 1 < Text.size() && isNewline(I + 1)) {
        I += Text[I + 1] == '\r' && I + 2 < Text.size() && Text[I + 2] == '\n'
                 ? 3
                 : 2; // A continuation joins the lines.
      } else if (C == '\n' || C == ';' || C == '&' || C == '|' || C == '(' ||
                 C == ')') {
        Flush();
        ++I;
      } else if (C == '<' || C == '>') {
        ++I; // A redirection: its target is the next word.
      } else if (C == '#') {
        while (I < Text.size() && Text[I] != '\n')
          ++I;
      } else {
        Current.push_back(word());
      }
    }
    Flush();
    return Out;
  }

private:
  bool isNewline(size_t At) const {
    return Text[At] == '\n' ||
           (Text[At] == '\r' && At + 1 < Text.size() && Text[At + 1] == '\n');
  }

  /// Copies a balanced $(...), ${...} or `...` into \p W as written.
  void expansion(Word &W) {
    W.Expands = true;
    char Open = Text[I + 1], Close = Open == '(' ? ')' : '}';
    unsigned Depth = 0;
    W.Value += Text[I++];
    while (I < Text.size()) {
      char C = Text[I++];
      W.Value += C;
      if (C == Open)
        ++Depth;
      else if (C == Close && --Depth == 0)
        return;
    }
  }

  Word word() {
    Word W;
    size_t Begin = I;
    while (I < Text.size()) {
      char C = Text[I];
      if (C == ' ' || C == '\t' || C == '\r' || C == '\n' || C == ';' ||
          C == '&' || C == '|' || C == '(' || C == ')' || C == '<' || C == '>')
        break;
      if (C == '\\') {
        if (I + 1 < Text.size() && isNewline(I + 1)) {
          I += Text[I + 1] == '\r' ? 3 : 2;
          continue;
        }
        if (I + 1 < Text.size())
          W.Value += Text[I + 1];
        I += 2;
      } else if (C == '\'') {
        size_t End = Text.find('\'', I + 1);
        if (End == StringRef::npos)
          End = Text.size();
        W.Value += Text.slice(I + 1, End);
        I = std::min(End + 1, Text.size());
      } else if (C == '"') {
        ++I;
        while (I < Text.size() && Text[I] != '"') {
          if (Text[I] == '\\' && I + 1 < Text.size() &&
              StringRef("\"\\$`\n").contains(Text[I + 1])) {
            if (Text[I + 1] != '\n')
              W.Value += Text[I + 1];
            I += 2;
          } else if (Text[I] == '$' || Text[I] == '`') {
            W.Expands = true;
            W.Value += Text[I++];
          } else {
            W.Value += Text[I++];
          }
        }
        I = std::min(I + 1, Text.size());
      } else if (C == '$' && I + 1 < Text.size() &&
                 (Text[I + 1] == '(' || Text[I + 1] == '{')) {
        expansion(W);
      } else {
        W.Expands |= C == '$' || C == '`';
        W.Value += C;
        ++I;
      }
    }
    W.Literal = Text.slice(Begin, I);
    return W;
  }

  StringRef Text;
  size_t I = 0;
};
} // namespace

std::vector<Command> splitCommands(StringRef Text) { return Lexer(Text).run(); }

} // namespace licit::shell
