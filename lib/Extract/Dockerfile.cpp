//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Extract/InstructionFiles.h"
#include "licit/Formats/Json.h"
#include "licit/Shell/ModelRefs.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace licit::extract {

/// A command in exec form, '["vllm", "serve", "x"]', as words; None when
/// \p Args is not a JSON array of strings (then it is shell form).
static Optional<shell::Command> execForm(StringRef Args) {
  if (!Args.startswith("["))
    return None;
  // Continuations inside the array: a blank instead of each backslash
  // keeps every offset.
  std::string Joined = Args.str();
  for (size_t I = 0; I + 1 < Joined.size(); ++I)
    if (Joined[I] == '\\' && (Joined[I + 1] == '\n' ||
                              (Joined[I + 1] == '\r' && I + 2 < Joined.size() &&
                               Joined[I + 2] == '\n')))
      Joined[I] = ' ';
  json::ParseResult Parsed = json::parse(Joined);
  if (!Parsed.Root || Parsed.Root->Kind != json::Value::Array)
    return None;
  shell::Command Words;
  for (const json::Value &Item : Parsed.Root->Items) {
    if (!Item.isString())
      return None;
    shell::Word W;
    W.Value = Item.Str;
    W.Literal = Args.slice(Item.Begin, Item.End);
    Words.push_back(std::move(W));
  }
  return Words;
}

/// \returns the end of the instruction starting at \p Begin: the first
/// line end not escaped by a trailing backslash. Comment lines inside a
/// continued instruction are dropped by Docker, and do not end it.
static size_t instructionEnd(StringRef Text, size_t Begin) {
  size_t I = Begin;
  bool Continued = false;
  while (I < Text.size()) {
    size_t Eol = Text.find('\n', I);
    if (Eol == StringRef::npos)
      return Text.size();
    StringRef Line = Text.slice(I, Eol);
    bool Comment = Continued && Line.ltrim(" \t").startswith("#");
    if (!Comment && !Line.rtrim(" \t\r").endswith("\\"))
      return Eol;
    Continued = true;
    I = Eol + 1;
  }
  return Text.size();
}

void readDockerfile(StringRef Text, RefRecorder &Refs) {
  shell::CommandReader Reader(Refs);
  for (size_t I = 0; I < Text.size();) {
    size_t Begin = Text.find_first_not_of(" \t\r\n", I);
    if (Begin == StringRef::npos)
      break;
    if (Text[Begin] == '#') { // A comment or a parser directive.
      I = Text.find('\n', Begin);
      if (I == StringRef::npos)
        break;
      continue;
    }
    size_t End = instructionEnd(Text, Begin);
    I = End + 1;
    StringRef Line = Text.slice(Begin, End);
    StringRef Keyword = Line.take_until([](char C) { return isSpace(C); });
    StringRef Args = Line.drop_front(Keyword.size()).ltrim(" \t");
    std::string Upper = Keyword.upper();
    if (Upper == "HEALTHCHECK") {
      StringRef Rest = Args;
      size_t Cmd = Rest.find("CMD");
      if (Cmd == StringRef::npos)
        continue;
      Args = Rest.drop_front(Cmd + 3).ltrim(" \t");
      Upper = "CMD";
    }
    if (Upper == "RUN" || Upper == "CMD" || Upper == "ENTRYPOINT") {
      if (Optional<shell::Command> Words = execForm(Args))
        Reader.readCommand(*Words);
      else
        Reader.readText(Args);
    } else if (Upper == "ENV" || Upper == "ARG") {
      std::vector<shell::Command> Commands = shell::splitCommands(Args);
      if (Commands.empty())
        continue;
      const shell::Command &Words = Commands.front();
      // "ENV NAME value" (legacy) or "ENV A=1 B=2".
      if (Upper == "ENV" && Words.size() >= 2 &&
          !Words[0].Literal.contains('='))
        Reader.assign(Words[0].Literal, Words[1]);
      else
        for (const shell::Word &W : Words)
          Reader.assignWord(W);
    } else if (Upper == "ADD" || Upper == "COPY") {
      // Sources may be hub URLs; flags and local paths are not models.
      for (shell::Command &C : shell::splitCommands(Args)) {
        C.insert(C.begin(), shell::Word{Upper, Keyword, false});
        Reader.readCommand(C);
      }
    }
    // FROM names images, LABEL metadata: never models.
  }
}

} // namespace licit::extract
