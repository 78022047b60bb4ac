//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Config/ModelRefs.h"
#include "licit/Facts/LoadRisk.h"
#include "licit/Facts/ModelKeys.h"
#include "licit/Shell/ModelRefs.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace licit::config {

namespace {
/// Keys whose values are commands.
bool isCommandKey(StringRef K) {
  return K == "command" || K == "args" || K == "entrypoint" || K == "run" ||
         K == "script" || K == "cmd" || K == "before_script" ||
         K == "after_script" || K == "commands" || K == "exec" || K == "test";
}

/// Keys whose values are environment variables.
bool isEnvironmentKey(StringRef K) {
  return K == "environment" || K == "env" || K == "envs" || K == "variables" ||
         K == "env_vars" || K == "build_args";
}

class Reader {
public:
  explicit Reader(RefRecorder &Refs) : Refs(Refs), Commands(Refs) {}

  void visit(const Node &N) {
    switch (N.Kind) {
    case Node::Scalar:
      visitScalar(N);
      return;
    case Node::Sequence:
      for (const Node &Item : N.Items)
        visit(Item);
      return;
    case Node::Mapping:
      visitMapping(N);
      return;
    }
  }

private:
  void visitScalar(const Node &N) {
    if (N.Literal.empty())
      return;
    RefSite Site;
    // "hf://org/name" (KServe, ramalama) names a hub model wherever it is.
    Site.Conf = StringRef(N.Value).startswith("hf://") ? Confidence::Strong
                                                       : Confidence::Weak;
    Site.Syntax =
        Site.Conf == Confidence::Strong ? IdSyntax::Hub : IdSyntax::Any;
    Site.FixSafety = fixSafety();
    Refs.record(N.Value, N.Literal, Site);
  }

  void modelValue(const Node &Value, StringRef Carrier, ModelKey Key) {
    if (Value.Kind == Node::Mapping) {
      visit(Value);
      return;
    }
    auto Record = [&](const Node &S) {
      if (S.Kind != Node::Scalar || S.Literal.empty())
        return;
      if (StringRef(S.Value).contains('$')) { // "${MODEL:-org/x}"
        shell::Word W{S.Value, S.Literal, true};
        Commands.assign(Carrier, W);
        return;
      }
      RefSite Site;
      Site.Syntax = Key.Syntax;
      Site.Action = Key.Action;
      Site.Carrier = Carrier;
      Site.FixSafety = fixSafety();
      Refs.record(S.Value, S.Literal, Site);
    };
    if (Value.Kind == Node::Scalar)
      Record(Value);
    else
      for (const Node &Item : Value.Items)
        Item.Kind == Node::Scalar ? Record(Item) : visit(Item);
  }

  /// A command: a string of shell, or a list of words.
  void command(const Node &Value) {
    if (Value.Kind == Node::Scalar) {
      shellText(Value);
      return;
    }
    if (Value.Kind != Node::Sequence)
      return visit(Value);
    shell::Command Words;
    for (const Node &Item : Value.Items)
      if (Item.Kind == Node::Scalar && !Item.Literal.empty())
        Words.push_back(shell::Word{Item.Value, Item.Literal,
                                    StringRef(Item.Value).contains('$')});
    // A list with one string holding a whole command line.
    if (Words.size() == 1 && StringRef(Words[0].Value).contains(' '))
      return shellText(Value.Items.front());
    if (!Words.empty())
      Commands.readCommand(Words);
  }

  void shellText(const Node &S) {
    if (S.Literal.empty())
      return;
    if (S.Literal == S.Value) {
      Commands.readText(S.Literal);
      return;
    }
    // Quoted, folded or a block: read the decoded text, each run of it
    // located where the file writes it.
    const SourceText &File = Refs.source();
    unsigned Base = File.range(S.Literal).Begin;
    std::vector<SourceText::Segment> Map;
    StringRef Decoded(S.Value);
    size_t J = 0;
    for (size_t I = 0; I < Decoded.size();) {
      if (isSpace(Decoded[I])) {
        ++I;
        continue;
      }
      size_t End = Decoded.find_first_of(" \t\r\n", I);
      if (End == StringRef::npos)
        End = Decoded.size();
      StringRef Run = Decoded.slice(I, End);
      size_t At = S.Literal.find(Run, J);
      if (At == StringRef::npos)
        break; // An escape: the rest stays where the mapping stopped.
      Map.push_back({unsigned(I), unsigned(Base + At), unsigned(Run.size()),
                     unsigned(Run.size())});
      J = At + Run.size();
      I = End;
    }
    SourceText Text(File.file(), S.Value, std::move(Map), Escaping::None);
    RefRecorder Inner(Text, Refs.knowledge(), Refs.facts());
    shell::CommandReader(Inner).readText(Text.text());
  }

  void environment(const Node &Value) {
    if (Value.Kind == Node::Mapping) {
      for (const Node::Entry &E : Value.Entries)
        if (E.Value.Kind == Node::Scalar && !E.Value.Literal.empty())
          Commands.assign(E.KeyLiteral,
                          shell::Word{E.Value.Value, E.Value.Literal,
                                      StringRef(E.Value.Value).contains('$')});
      return;
    }
    if (Value.Kind != Node::Sequence)
      return;
    for (const Node &Item : Value.Items) {
      if (Item.Kind == Node::Scalar && !Item.Literal.empty()) {
        // "- MODEL_ID=x", located inside its quotes if it has them.
        StringRef Literal = Item.Literal;
        if (Literal.size() >= 2 &&
            (Literal.front() == '"' || Literal.front() == '\''))
          Literal = Literal.drop_front().drop_back();
        Commands.assignWord(shell::Word{Item.Value, Literal,
                                        StringRef(Item.Value).contains('$')});
      } else {
        visit(Item);
      }
    }
  }

  void visitMapping(const Node &N) {
    // Kubernetes: "- name: MODEL_ID\n  value: org/x".
    const Node *Name = N.scalar("name");
    const Node *Value = N.scalar("value");
    if (Name && Value && N.Entries.size() <= 3) {
      if (Optional<ModelKey> Key = lookupModelKey(Name->Value)) {
        modelValue(*Value, Name->Literal, *Key);
        return;
      }
    }
    // LiteLLM: "model_name" is the alias clients call; the model is in
    // "litellm_params".
    bool LiteLLM = any_of(N.Entries, [](const Node::Entry &E) {
      return E.Key == "litellm_params";
    });
    for (const Node::Entry &E : N.Entries) {
      std::string Key = normalizeKey(E.Key);
      if (holdsNoModel(Key) || (LiteLLM && Key == "model_name"))
        continue;
      // A CI matrix tries each model: one replaced keeps no job working.
      bool Matrix = Key == "matrix";
      InMatrix += Matrix;
      auto Leave = make_scope_exit([&] { InMatrix -= Matrix; });
      if (Key == "trust_remote_code") {
        trustRemoteCode(E);
        continue;
      }
      if (isCommandKey(Key))
        command(E.Value);
      else if (isEnvironmentKey(Key))
        environment(E.Value);
      else if (Optional<ModelKey> MK = lookupModelKey(E.Key))
        modelValue(E.Value, E.KeyLiteral, *MK);
      else
        visit(E.Value);
    }
  }

  /// "trust_remote_code: true": the loader this config drives runs the
  /// model repository's code.
  void trustRemoteCode(const Node::Entry &E) {
    StringRef V = StringRef(E.Value.Value).trim().lower() == "true" ||
                          StringRef(E.Value.Value).trim() == "1" ||
                          StringRef(E.Value.Value).trim().lower() == "yes"
                      ? E.Value.Literal
                      : StringRef();
    if (V.empty() || E.KeyLiteral.empty() || V.end() < E.KeyLiteral.begin())
      return;
    LoadRisk R;
    R.File = Refs.source().file();
    R.Kind = LoadRiskKind::TrustRemoteCode;
    R.Range = Refs.source().range(
        StringRef(E.KeyLiteral.begin(), V.end() - E.KeyLiteral.begin()));
    R.Message = ("the loader this config drives runs Python code from the "
                 "model's repository (" +
                 E.KeyLiteral + ": " + V + ")")
                    .str();
    Refs.facts().add(std::move(R));
  }

  Applicability fixSafety() const {
    return InMatrix ? Applicability::DisplayOnly : Applicability::Unsafe;
  }

  RefRecorder &Refs;
  shell::CommandReader Commands;
  /// How many "matrix" keys enclose the value being read.
  unsigned InMatrix = 0;
};
} // namespace

void extractModelRefs(ArrayRef<Node> Documents, RefRecorder &Refs) {
  Reader R(Refs);
  for (const Node &Doc : Documents)
    R.visit(Doc);
}

} // namespace licit::config
