//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Shell/ModelRefs.h"
#include "licit/Facts/LoadRisk.h"
#include "licit/Facts/ModelKeys.h"
#include "licit/Formats/Json.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace licit::shell {

static bool isNameChar(char C) { return isAlnum(C) || C == '_'; }

static bool isVariableName(StringRef S) {
  return !S.empty() && !isDigit(S.front()) && all_of(S, isNameChar);
}

/// llama.cpp and whisper.cpp programs, whose "-m" is the model file.
static bool takesModelFileFlag(StringRef Program) {
  return Program.startswith("llama-") || Program.startswith("whisper") ||
         Program == "main" || Program == "server" || Program == "llamafile" ||
         Program == "talk-llama" || Program == "llama" ||
         Program.endswith(".llamafile");
}

/// Short flags that name a model, whatever the program.
static Optional<ModelKey> shortFlag(StringRef Flag, StringRef Program) {
  if (Flag == "-m" && takesModelFileFlag(Program))
    return ModelKey{IdSyntax::Weights, RefAction::Load};
  return StringSwitch<Optional<ModelKey>>(Flag)
      .Cases("-hf", "-hfr", ModelKey{IdSyntax::Hub, RefAction::Load})
      .Cases("-hff", "-mm", ModelKey{IdSyntax::Weights, RefAction::Load})
      .Cases("-md", "-mu", ModelKey{IdSyntax::Any, RefAction::Load})
      .Default(None);
}

/// Flags whose value is data, not a model, however it looks.
static bool isDataFlag(StringRef Flag) {
  std::string K = normalizeKey(Flag);
  return StringRef(K).contains("data") || K == "output_dir" || K == "image" ||
         K == "template" || K == "chat_template";
}

SmallVector<CommandReader::Value, 2>
CommandReader::valuesOf(const Word &W) const {
  if (!W.Expands)
    return {{W.Value, W.Literal}};
  StringRef V(W.Value);
  // "$NAME", "${NAME}", "$(NAME)" (make), "${NAME:-default}".
  StringRef Name, Default;
  bool HasDefault = false;
  if (V.startswith("${") && V.endswith("}")) {
    StringRef Body = V.drop_front(2).drop_back();
    Name = Body.take_while(isNameChar);
    StringRef Rest = Body.drop_front(Name.size());
    for (StringRef Op : {":-", ":=", "-", "="})
      if (Rest.consume_front(Op)) {
        Default = Rest;
        HasDefault = true;
        break;
      }
    if (!HasDefault && !Rest.empty())
      return {};
  } else if (V.startswith("$(") && V.endswith(")")) {
    Name = V.drop_front(2).drop_back();
  } else if (V.startswith("$")) {
    Name = V.drop_front();
  }
  SmallVector<Value, 2> Out;
  if (HasDefault && !Default.empty()) {
    size_t At = W.Literal.find(Default);
    Out.push_back({Default.str(), At == StringRef::npos
                                      ? W.Literal
                                      : W.Literal.substr(At, Default.size())});
  }
  if (isVariableName(Name)) {
    auto It = Variables.find(Name);
    if (It != Variables.end())
      append_range(Out, It->second);
    return Out;
  }
  // A template ("ggml-${SIZE}.bin", "$HOME/models/x.gguf"): as written.
  Out.push_back({W.Value, W.Literal});
  return Out;
}

/// Records the models a JSON request body names ("curl -d '{"model":
/// "x"}'"), when \p Body is written verbatim in the source.
static void readJsonBody(StringRef Body, RefRecorder &Refs) {
  json::ParseResult Parsed = json::parse(Body);
  if (!Parsed.Root)
    return;
  SmallVector<const json::Value *, 8> Work{&*Parsed.Root};
  while (!Work.empty()) {
    const json::Value *V = Work.pop_back_val();
    for (const json::Value &Item : V->Items)
      Work.push_back(&Item);
    for (const auto &[Key, Member] : V->Members) {
      Optional<ModelKey> MK = lookupModelKey(Key);
      if (!MK || !Member.isString()) {
        Work.push_back(&Member);
        continue;
      }
      RefSite Site;
      Site.Syntax = MK->Syntax;
      Site.Action = MK->Action;
      Site.Carrier = json::keyText(Body, Key, Member);
      Refs.record(Member.Str, Body.slice(Member.Begin, Member.End), Site);
    }
  }
}

void CommandReader::recordWord(const Word &W, RefSite Site) {
  // A request body: the models it names are models the command uses.
  StringRef Quoted = W.Literal.size() == W.Value.size() + 2
                         ? W.Literal.drop_front().drop_back()
                         : StringRef();
  if (StringRef(W.Value).startswith("{") && Quoted == W.Value) {
    readJsonBody(Quoted, Refs);
    return;
  }
  for (const Value &V : valuesOf(W)) {
    RefSite S = Site;
    // A variable's value is located at its assignment, used here.
    if (V.Literal.begin() < W.Literal.begin() ||
        V.Literal.end() > W.Literal.end())
      S.UsedAt = W.Literal;
    Refs.record(V.Text, V.Literal, S);
  }
}

void CommandReader::assign(StringRef Name, const Word &Value) {
  SmallVector<CommandReader::Value, 2> Values = valuesOf(Value);
  if (Optional<ModelKey> Key = lookupModelKey(Name)) {
    RefSite Site;
    Site.Syntax = Key->Syntax;
    Site.Action = Key->Action;
    Site.Carrier = Name;
    recordWord(Value, Site);
  }
  Variables[Name] = std::move(Values);
}

bool CommandReader::assignWord(const Word &W) {
  size_t Eq = W.Literal.find('=');
  if (Eq == StringRef::npos || !isVariableName(W.Literal.take_front(Eq)))
    return false;
  Word V;
  V.Literal = W.Literal.drop_front(Eq + 1);
  V.Value = StringRef(W.Value).drop_front(Eq + 1).str();
  V.Expands = W.Expands;
  // Quotes around the value: the literal keeps them, the value does not.
  assign(W.Literal.take_front(Eq), V);
  return true;
}

void CommandReader::readText(StringRef Text) {
  for (const Command &C : splitCommands(Text))
    readCommand(C);
}

void CommandReader::readCommand(ArrayRef<Word> Words) {
  // Assignments before the command, and the builtins that assign.
  while (!Words.empty() && assignWord(Words.front()))
    Words = Words.drop_front();
  while (!Words.empty()) {
    StringRef W = Words.front().Value;
    if (W == "export" || W == "declare" || W == "local" || W == "readonly" ||
        W == "typeset") {
      for (const Word &A : Words.drop_front())
        assignWord(A);
      return;
    }
    if (W != "sudo" && W != "env" && W != "exec" && W != "nohup" &&
        W != "time" && W != "command")
      break;
    Words = Words.drop_front();
    while (!Words.empty() && assignWord(Words.front()))
      Words = Words.drop_front();
  }
  if (Words.empty())
    return;
  // Arguments alone: an image's CMD after its ENTRYPOINT.
  bool ArgsOnly = StringRef(Words.front().Value).startswith("-");
  StringRef Program =
      ArgsOnly ? StringRef() : sys::path::filename(Words.front().Value);
  ArrayRef<Word> Args = ArgsOnly ? Words : Words.drop_front();
  // "python -m vllm.entrypoints.openai.api_server --model x".
  if (Program.startswith("python") && Args.size() >= 2 &&
      Args[0].Value == "-m") {
    Program = Args[1].Value;
    Args = Args.drop_front(2);
  }
  // "sh -c 'script'": the script is shell too, read in place when its
  // quotes are its only decoration.
  if ((Program == "sh" || Program == "bash" || Program == "zsh") &&
      Args.size() >= 2 && StringRef(Args[0].Value).startswith("-") &&
      StringRef(Args[0].Value).endswith("c")) {
    const Word &Script = Args[1];
    if (Script.Literal.size() == Script.Value.size() + 2)
      readText(Script.Literal.drop_front().drop_back());
    else if (Script.Literal == Script.Value)
      readText(Script.Literal);
    return;
  }
  // Package managers install packages; echo and printf print text.
  static const StringRef NoModels[] = {"pip",  "pip3",    "conda", "mamba",
                                       "apt",  "apt-get", "npm",   "yarn",
                                       "brew", "cargo",   "echo",  "printf"};
  if (is_contained(NoModels, Program) ||
      (Program == "uv" && !Args.empty() && Args[0].Value == "pip"))
    return;
  // A download of a dataset or Space names no model.
  std::string Revision;
  for (size_t I = 0; I != Args.size(); ++I) {
    auto [Flag, Inline] = StringRef(Args[I].Value).split('=');
    std::string Key = normalizeKey(Flag);
    StringRef Next = StringRef(Args[I].Value).contains('=') ? StringRef(Inline)
                     : I + 1 < Args.size() ? StringRef(Args[I + 1].Value)
                                           : StringRef();
    if (Key == "repo_type" && Next != "model")
      return;
    if (Key == "revision" && Flag.startswith("-"))
      Revision = Next.str();
  }
  // The tools' positional model arguments.
  StringRef Sub = Args.empty() ? StringRef() : StringRef(Args[0].Value);
  Optional<ModelKey> Positional;
  if (Program == "vllm" && Sub == "serve")
    Positional = ModelKey{IdSyntax::Any, RefAction::Serve};
  else if (Program == "ollama" &&
           (Sub == "pull" || Sub == "run" || Sub == "show" || Sub == "push"))
    Positional = ModelKey{IdSyntax::Ollama, Sub == "pull" ? RefAction::Download
                                                          : RefAction::Load};
  else if ((Program == "huggingface-cli" || Program == "hf" ||
            Program == "tune") &&
           Sub == "download")
    Positional = ModelKey{IdSyntax::Hub, RefAction::Download};
  bool SawPositional = false;
  for (size_t I = Positional ? 1 : 0; I < Args.size(); ++I) {
    const Word &A = Args[I];
    StringRef V = A.Value;
    if (!V.startswith("-") || V == "-") {
      RefSite Site;
      Site.Revision = Revision;
      if (Positional && !SawPositional) {
        SawPositional = true;
        Site.Syntax = Positional->Syntax;
        Site.Action = Positional->Action;
        // "vllm serve", "ollama pull": the program and its subcommand.
        Site.Carrier =
            StringRef(Words.front().Literal.begin(),
                      Args[0].Literal.end() - Words.front().Literal.begin());
      } else {
        // Any other argument counts only when it is unmistakably a model.
        Site.Conf = Confidence::Weak;
      }
      recordWord(A, Site);
      continue;
    }
    auto [Flag, Inline] = V.split('=');
    if ((Flag == "--trust-remote-code" || Flag == "--trust_remote_code") &&
        Inline.lower() != "false" && Inline != "0") {
      LoadRisk R;
      R.File = Refs.source().file();
      R.Kind = LoadRiskKind::TrustRemoteCode;
      R.Range = Refs.source().range(A.Literal);
      R.Message = ("'" + Program +
                   "' runs Python code from the model's "
                   "repository (" +
                   Flag + ")")
                      .str();
      Refs.facts().add(std::move(R));
      continue;
    }
    Optional<ModelKey> Key =
        Flag.startswith("--") ? lookupModelKey(Flag) : shortFlag(Flag, Program);
    // "-e MODEL_ID=x" (docker run), "--env MODEL_ID=x".
    if ((Flag == "-e" || Flag == "--env") && !V.contains('=')) {
      if (I + 1 < Args.size())
        assignWord(Args[++I]);
      continue;
    }
    bool HasValue =
        V.contains('=') || (I + 1 < Args.size() && !Args[I + 1].Value.empty() &&
                            Args[I + 1].Value.front() != '-');
    if (!Key) {
      // An option's value is the next word only for options that take
      // one; a data flag's value is never a model.
      if (isDataFlag(Flag) && HasValue && !V.contains('='))
        ++I;
      continue;
    }
    if (!HasValue)
      continue;
    RefSite Site;
    Site.Syntax = Key->Syntax;
    Site.Action = Key->Action;
    Site.Revision = Revision;
    if (V.contains('=')) {
      // "--model=x": the value is the word after the first '='.
      size_t Eq = A.Literal.find('=');
      Site.Carrier = A.Literal.take_front(Eq);
      Word Value;
      Value.Literal = A.Literal.drop_front(Eq + 1);
      Value.Value = Inline.str();
      Value.Expands = A.Expands;
      recordWord(Value, Site);
    } else {
      Site.Carrier = A.Literal;
      recordWord(Args[++I], Site);
    }
  }
}

} // namespace licit::shell
