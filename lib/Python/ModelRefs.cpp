//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Python/ModelRefs.h"
#include "licit/Facts/LoadRisk.h"
#include "licit/Facts/ModelKeys.h"
#include "licit/Facts/RefRecorder.h"
#include "licit/Python/Tokenizer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"

using namespace llvm;

namespace licit::python {

namespace {

/// A call whose argument names a model. Callee matches the trailing
/// components of the dotted callee ("from_pretrained" matches
/// "AutoModel.from_pretrained"); the first matching entry wins, so specific
/// entries come before general ones. Position -1: keyword only.
struct LoaderSpec {
  StringRef Callee;
  int Position;
  StringRef Keyword;
  IdSyntax Syntax;
  RefAction Action = RefAction::Load;
  /// Prepended to a bare name: libraries that name models by size.
  StringRef Prefix = "";
};

// The APIs of ../shared/facts/api-patterns.md, section 1.
const LoaderSpec Loaders[] = {
    // Hugging Face stack.
    {"PeftModel.from_pretrained", 1, "model_id", IdSyntax::Hub,
     RefAction::Adapter},
    {"Llama.from_pretrained", -1, "repo_id", IdSyntax::Hub},
    {"from_pretrained", 0, "pretrained_model_name_or_path", IdSyntax::Hub},
    {"pipeline", 1, "model", IdSyntax::Hub},
    {"hf_hub_download", 0, "repo_id", IdSyntax::Hub, RefAction::Download},
    {"snapshot_download", 0, "repo_id", IdSyntax::Hub, RefAction::Download},
    {"SentenceTransformer", 0, "model_name_or_path", IdSyntax::Hub},
    {"CrossEncoder", 0, "model_name", IdSyntax::Hub},
    {"load_lora_weights", 0, "pretrained_model_name_or_path_or_dict",
     IdSyntax::Hub, RefAction::Adapter},
    {"load_adapter", 0, "peft_model_id", IdSyntax::Hub, RefAction::Adapter},
    {"mlx_lm.load", 0, "path_or_hf_repo", IdSyntax::Hub},
    // timm and open_clip names are hub ids only with an "hf-hub:" prefix.
    {"timm.create_model", 0, "model_name", IdSyntax::HubPrefixed},
    {"create_model_and_transforms", 0, "model_name", IdSyntax::HubPrefixed},
    // Serving engines.
    {"LLM", 0, "model", IdSyntax::Hub},
    // LangChain / LlamaIndex Hugging Face wrappers.
    {"HuggingFaceEmbeddings", -1, "model_name", IdSyntax::Hub},
    {"HuggingFaceEmbedding", -1, "model_name", IdSyntax::Hub},
    {"HuggingFaceEndpoint", -1, "repo_id", IdSyntax::Hub},
    {"HuggingFacePipeline.from_model_id", -1, "model_id", IdSyntax::Hub},
    // Ollama clients.
    {"ollama.chat", 0, "model", IdSyntax::Ollama},
    {"ollama.generate", 0, "model", IdSyntax::Ollama},
    {"ollama.embed", 0, "model", IdSyntax::Ollama},
    {"ollama.embeddings", 0, "model", IdSyntax::Ollama},
    {"ollama.pull", 0, "model", IdSyntax::Ollama, RefAction::Download},
    {"ChatOllama", -1, "model", IdSyntax::Ollama},
    {"OllamaLLM", -1, "model", IdSyntax::Ollama},
    {"OllamaEmbeddings", -1, "model", IdSyntax::Ollama},
    // Hosted APIs.
    {"chat.completions.create", -1, "model", IdSyntax::Api, RefAction::Api},
    {"responses.create", -1, "model", IdSyntax::Api, RefAction::Api},
    {"embeddings.create", -1, "model", IdSyntax::Api, RefAction::Api},
    {"messages.create", -1, "model", IdSyntax::Api, RefAction::Api},
    {"models.generate_content", -1, "model", IdSyntax::Api, RefAction::Api},
    {"ChatOpenAI", -1, "model", IdSyntax::Api, RefAction::Api},
    {"ChatAnthropic", -1, "model", IdSyntax::Api, RefAction::Api},
    {"litellm.completion", 0, "model", IdSyntax::LiteLLM, RefAction::Api},
    {"GenerativeModel", 0, "model_name", IdSyntax::Api, RefAction::Api},
    {"init_chat_model", 0, "model", IdSyntax::Any},
    // Weights files by name or path.
    {"YOLO", 0, "model", IdSyntax::Weights},
    {"RTDETR", 0, "model", IdSyntax::Weights},
    {"SAM", 0, "model", IdSyntax::Weights},
    {"Llama", -1, "model_path", IdSyntax::Weights},
    {"InferenceSession", 0, "path_or_bytes", IdSyntax::Weights},
    {"from_single_file", 0, "pretrained_model_link_or_path", IdSyntax::Weights},
    // Whisper by size ("base", "large-v3"): OpenAI's checkpoints;
    // faster-whisper's are conversions of the same.
    {"whisper.load_model", 0, "name", IdSyntax::Hub, RefAction::Load,
     "openai/whisper-"},
    {"WhisperModel", 0, "model_size_or_path", IdSyntax::Hub, RefAction::Load,
     "openai/whisper-"},
    // Trainers take a loaded model or its id.
    {"SFTTrainer", -1, "model", IdSyntax::Hub},
    {"DPOTrainer", -1, "model", IdSyntax::Hub},
    {"GRPOTrainer", -1, "model", IdSyntax::Hub},
};

/// Calls whose string arguments name datasets, GitHub repositories or code,
/// never models, even when they look like a known model id.
const StringRef NotModelCalls[] = {"load_dataset", "torch.hub.load",
                                   "torch.hub.load_state_dict_from_url"};

/// Calls that can run code when they load a file: unconditionally
/// (Option empty), unless Option is given a safe value (RiskyWithout), or
/// when Option is given UnsafeValue. ../shared/facts/api-patterns.md, 4.4
/// and the torch.load and torch.hub rows of section 1.
struct RiskSpec {
  StringRef Callee;
  LoadRiskKind Kind;
  StringRef Option = "";
  StringRef UnsafeValue = "";
  bool RiskyWithout = true;
  /// What the call does, for the message.
  StringRef Effect = "runs the code the pickle names when it loads the "
                     "file; keep weights in safetensors or another format "
                     "that holds no code";
};

const RiskSpec Risks[] = {
    {"torch.load", LoadRiskKind::TorchLoad, "weights_only", "False"},
    {"pickle.load", LoadRiskKind::UnsafeDeserialisation},
    {"pickle.loads", LoadRiskKind::UnsafeDeserialisation},
    {"cPickle.load", LoadRiskKind::UnsafeDeserialisation},
    {"joblib.load", LoadRiskKind::UnsafeDeserialisation},
    {"dill.load", LoadRiskKind::UnsafeDeserialisation},
    {"dill.loads", LoadRiskKind::UnsafeDeserialisation},
    {"cloudpickle.load", LoadRiskKind::UnsafeDeserialisation},
    {"cloudpickle.loads", LoadRiskKind::UnsafeDeserialisation},
    {"pandas.read_pickle", LoadRiskKind::UnsafeDeserialisation},
    {"pd.read_pickle", LoadRiskKind::UnsafeDeserialisation},
    {"numpy.load", LoadRiskKind::UnsafeDeserialisation, "allow_pickle", "True",
     false},
    {"np.load", LoadRiskKind::UnsafeDeserialisation, "allow_pickle", "True",
     false},
    {"torch.hub.load", LoadRiskKind::UnsafeDeserialisation, "trust_repo",
     "True", false,
     "runs the repository's hubconf.py, and what it loads, without asking"},
    {"models.load_model", LoadRiskKind::UnsafeDeserialisation, "safe_mode",
     "False", false,
     "deserialises Lambda layers, whose code runs when the model loads"},
};

/// The last component of a dotted pattern: the index key.
StringRef lastComponent(StringRef Pattern) {
  return Pattern.substr(Pattern.rfind('.') + 1);
}

/// Loader and not-a-model patterns indexed by their last component, so a
/// call costs one hash lookup rather than a scan of the tables.
class CalleeIndex {
public:
  CalleeIndex() {
    for (const LoaderSpec &L : Loaders)
      Index[lastComponent(L.Callee)].Loaders.push_back(&L);
    for (StringRef P : NotModelCalls)
      Index[lastComponent(P)].NotModel.push_back(P);
    for (const RiskSpec &R : Risks)
      Index[lastComponent(R.Callee)].Risks.push_back(&R);
  }

  struct Entry {
    /// In table order: specific entries before general ones.
    SmallVector<const LoaderSpec *, 2> Loaders;
    SmallVector<StringRef, 1> NotModel;
    SmallVector<const RiskSpec *, 1> Risks;
  };

  /// \returns the patterns whose last component is \p Name, or null.
  const Entry *find(StringRef Name) const {
    auto It = Index.find(Name);
    return It == Index.end() ? nullptr : &It->second;
  }

private:
  StringMap<Entry> Index;
};

const CalleeIndex &calleeIndex() {
  static const CalleeIndex Index;
  return Index;
}

/// One argument of a call: its keyword (if any) and its tokens.
struct Argument {
  StringRef Keyword;
  ArrayRef<Token> Tokens;
};

struct Call {
  SmallVector<StringRef, 4> Callee; // Dotted components, outermost first.
  /// The callee as written, from its first component to its last.
  StringRef CalleeText;
  SmallVector<Argument, 4> Args;
  bool HasStarArgs = false;
  /// The closing parenthesis; null for a call left open at the end.
  const Token *Close = nullptr;
};

/// A string constant as written: the tokens that spell it and its value.
struct Constant {
  std::string Value;
  ArrayRef<Token> Tokens;
};

class Extractor {
public:
  Extractor(const SourceText &Source, const KnowledgeBase &KB, FactStore &Facts,
            RefRole Role)
      : Source(Source), Facts(Facts), Refs(Source, KB, Facts, Role),
        Tokens(tokenize(Source.text())),
        Mentions(Source, KB, Facts, RefRole::Mention) {
    matchBrackets();
  }

  void run();

private:
  void matchBrackets();
  void consume(ArrayRef<Token> Toks) {
    if (!Toks.empty()) // "f(x=)": a keyword without a value.
      Consumed.push_back({Toks.front().Text.begin(), Toks.back().Text.end()});
  }
  void collectConstants();
  Optional<Call> parseCall(size_t Open);
  void visitCall(const Call &C);
  /// A call of \p R's: records the risk unless its option makes it safe.
  void visitRisk(const Call &C, const RiskSpec &R);
  /// trust_remote_code= of a loader call, unless it is False.
  void visitTrustRemoteCode(const Call &C, const Argument &A);
  /// use_safetensors=False of a loader call.
  void visitPickleWeights(const Call &C, const Argument &A);
  /// \returns the constants \p Tokens evaluate to: adjacent string
  /// literals, each string constant a name is assigned in this file, or
  /// the default of an environment lookup of either.
  SmallVector<Constant, 1> evaluate(ArrayRef<Token> Tokens) const;
  /// Model keys outside calls the index knows: keyword arguments and
  /// parameter defaults, dict entries, assignments, argparse defaults.
  void visitModelKeys();
  void visitKey(size_t Key, StringRef Name, ArrayRef<Token> Value);
  /// Strings with spaces (docstrings, help text): their words, as
  /// mentions.
  void visitProse();
  void collectImportAliases();
  bool isConsumed(const char *P) const;
  void mergeConsumed();
  void record(const Constant &Value, ArrayRef<Token> Arg, IdSyntax Syntax,
              Confidence Conf, const Call *Carrier, RefAction Action,
              RefSite Site = RefSite());

  const SourceText &Source;
  FactStore &Facts;
  RefRecorder Refs;
  std::vector<Token> Tokens;
  /// The string constants each name is assigned (at most
  /// MaxAssignments): each is a reference when the name reaches a model.
  StringMap<SmallVector<Constant, 1>> Constants;
  /// "from transformers import pipeline as p": p -> pipeline.
  StringMap<StringRef> ImportAliases;
  /// A local server (Ollama, vLLM) answers hosted-API calls here: their
  /// model names are then local names, not hosted models.
  bool LocalServer = false;
  RefRecorder Mentions;
  /// For each opening bracket, the index of its closing one (or the end), so
  /// that reading a call's arguments skips nested brackets in one step:
  /// nested calls must not make extraction quadratic.
  std::vector<size_t> Closing;
  /// Source spans already read as arguments of calls we understand; string
  /// literals inside them are not weak-context references. Merged (sorted,
  /// disjoint) once the calls are read.
  std::vector<std::pair<const char *, const char *>> Consumed;
  /// For each token, the index of the innermost bracket open around it
  /// (Tokens.size() at the top level).
  std::vector<size_t> Enclosing;
};
} // namespace

static bool isOpening(const Token &T) {
  return T.isOp("(") || T.isOp("[") || T.isOp("{");
}

void Extractor::matchBrackets() {
  Closing.assign(Tokens.size(), Tokens.size());
  Enclosing.assign(Tokens.size(), Tokens.size());
  std::vector<size_t> Open;
  for (size_t I = 0; I != Tokens.size(); ++I) {
    const Token &T = Tokens[I];
    if (!Open.empty())
      Enclosing[I] = Open.back();
    if (isOpening(T)) {
      Open.push_back(I);
    } else if ((T.isOp(")") || T.isOp("]") || T.isOp("}")) && !Open.empty()) {
      Closing[Open.back()] = I;
      Open.pop_back();
    }
  }
}

static bool calleeMatches(ArrayRef<StringRef> Callee, StringRef Pattern) {
  // Compare trailing components without splitting the pattern up front.
  for (auto It = Callee.rbegin(); It != Callee.rend(); ++It) {
    size_t Dot = Pattern.rfind('.');
    if (Pattern.substr(Dot == StringRef::npos ? 0 : Dot + 1) != *It)
      return false;
    if (Dot == StringRef::npos)
      return true; // Every component of the pattern matched.
    Pattern = Pattern.take_front(Dot);
  }
  return false;
}

static bool isInteresting(ArrayRef<StringRef> Callee) {
  const CalleeIndex::Entry *E = calleeIndex().find(Callee.back());
  if (!E)
    return false;
  auto Matches = [&](StringRef P) { return calleeMatches(Callee, P); };
  return any_of(E->NotModel, Matches) ||
         any_of(E->Loaders,
                [&](const LoaderSpec *L) { return Matches(L->Callee); }) ||
         any_of(E->Risks,
                [&](const RiskSpec *R) { return Matches(R->Callee); });
}

/// \returns the default argument of os.environ.get("VAR", default) or
/// os.getenv("VAR", default) when \p Toks is exactly such a call: what runs
/// when the environment does not override it.
static Optional<ArrayRef<Token>> environmentDefault(ArrayRef<Token> Toks) {
  // The callee comes first: NAME ('.' NAME)*.
  size_t Open = 0;
  while (Open < Toks.size() &&
         (Toks[Open].Kind == TokenKind::Name || Toks[Open].isOp(".")))
    ++Open;
  if (Open == Toks.size() || !Toks[Open].isOp("(") || !Toks.back().isOp(")"))
    return None;
  SmallVector<StringRef, 3> Callee;
  for (const Token &T : Toks.take_front(Open))
    if (T.Kind == TokenKind::Name)
      Callee.push_back(T.Text);
    else if (!T.isOp("."))
      return None;
  if (!calleeMatches(Callee, "environ.get") && !calleeMatches(Callee, "getenv"))
    return None;
  // Exactly two positional arguments at the call's own depth.
  ArrayRef<Token> Args = Toks.slice(Open + 1, Toks.size() - Open - 2);
  unsigned Depth = Toks[Open].Depth + 1;
  auto Comma = find_if(
      Args, [&](const Token &T) { return T.isOp(",") && T.Depth == Depth; });
  if (Comma == Args.end())
    return None;
  ArrayRef<Token> Default = Args.drop_front(Comma - Args.begin() + 1);
  if (Default.empty() || any_of(Default, [&](const Token &T) {
        return (T.isOp(",") || T.isOp("=")) && T.Depth == Depth;
      }))
    return None;
  return Default;
}

SmallVector<Constant, 1> Extractor::evaluate(ArrayRef<Token> Toks) const {
  // Real code nests environment defaults once or twice; a bound keeps
  // hostile nesting from costing time quadratic in the file size.
  for (unsigned Depth = 0; Depth != 4; ++Depth) {
    Optional<ArrayRef<Token>> Default = environmentDefault(Toks);
    if (!Default)
      break;
    Toks = *Default;
  }
  if (Toks.size() == 1 && Toks[0].Kind == TokenKind::Name) {
    auto It = Constants.find(Toks[0].Text);
    if (It == Constants.end())
      return {};
    return It->second;
  }
  if (Toks.empty() ||
      !all_of(Toks, [](const Token &T) { return T.Kind == TokenKind::String; }))
    return {};
  Constant C;
  C.Tokens = Toks;
  for (const Token &T : Toks) {
    Optional<std::string> V = stringValue(T);
    if (!V)
      return {};
    C.Value += *V;
  }
  return {C};
}

/// A name is assigned more than this many constants only in generated or
/// hostile code: reading every one would make each use cost that much.
constexpr unsigned MaxAssignments = 8;

/// \returns whether token \p I starts a statement.
static bool atStatementStart(ArrayRef<Token> Tokens, size_t I) {
  return I == 0 || Tokens[I - 1].Kind == TokenKind::Newline ||
         Tokens[I - 1].Kind == TokenKind::Comment || Tokens[I - 1].isOp(";");
}

/// \returns the index of the '=' of "NAME = value" or "NAME: type =
/// value" starting at \p I, or 0. \p Top: at a statement's start, where the
/// annotation runs to the line's end; else in a parameter list, where it
/// runs to the next ',' or ')'.
static size_t assignmentAt(ArrayRef<Token> Tokens, ArrayRef<size_t> Closing,
                           size_t I, bool Top) {
  if (I + 2 >= Tokens.size() || Tokens[I].Kind != TokenKind::Name)
    return 0;
  if (Tokens[I + 1].isOp("="))
    return I + 1;
  if (!Tokens[I + 1].isOp(":"))
    return 0;
  unsigned Depth = Tokens[I].Depth;
  for (size_t J = I + 2; J < Tokens.size(); ++J) {
    const Token &T = Tokens[J];
    if (T.Kind == TokenKind::Newline)
      return 0;
    // An annotation's brackets ("Optional[str]") are skipped whole; the
    // end of the enclosing ones ends the search.
    if (T.Depth < Depth)
      return 0;
    if (isOpening(T)) {
      J = std::min(Closing[J], Tokens.size() - 1);
      continue;
    }
    if (T.isOp("="))
      return J;
    if (!Top && (T.isOp(",") || T.isOp(")")))
      return 0;
  }
  return 0;
}

/// \returns the end of the value starting at \p Begin: the end of the
/// logical line at the top level, else the next ',' or closing bracket at
/// its depth. Nested brackets are skipped whole (\p Closing), so nested
/// values cost their length once, not once per level.
static size_t valueEnd(ArrayRef<Token> Tokens, ArrayRef<size_t> Closing,
                       size_t Begin, unsigned Depth, bool Top) {
  size_t End = Begin;
  while (End < Tokens.size()) {
    const Token &T = Tokens[End];
    if (T.Kind == TokenKind::Newline ||
        (T.Kind == TokenKind::Comment && T.Depth == Depth))
      break;
    // A closing bracket carries the depth after it.
    if (!Top && (T.Depth < Depth || (T.Depth == Depth && T.isOp(","))))
      break;
    if (isOpening(T) && End < Closing.size() && Closing[End] > End) {
      End = std::min(Closing[End], Tokens.size() - 1) + 1;
      continue;
    }
    ++End;
  }
  return End;
}

void Extractor::collectConstants() {
  // NAME = "literal" and NAME: str = "literal" at the start of a statement.
  for (size_t I = 0; I + 2 < Tokens.size(); ++I) {
    if (!atStatementStart(Tokens, I) || Tokens[I].Depth != 0)
      continue;
    size_t Eq = assignmentAt(Tokens, Closing, I, /*Top=*/true);
    if (!Eq)
      continue;
    size_t End = valueEnd(Tokens, Closing, Eq + 1, 0, /*Top=*/true);
    SmallVector<Constant, 1> C =
        evaluate(makeArrayRef(Tokens).slice(Eq + 1, End - Eq - 1));
    auto &Values = Constants[Tokens[I].Text];
    for (Constant &V : C)
      if (Values.size() < MaxAssignments)
        Values.push_back(std::move(V));
  }
}

Optional<Call> Extractor::parseCall(size_t Open) {
  Call C;
  // The callee: NAME ('.' NAME)* right before '(', read backwards. Patterns
  // match trailing components only, so a few are enough: a longer chain
  // (hostile input has millions) keeps its last MaxCalleeParts.
  constexpr size_t MaxCalleeParts = 16;
  for (size_t I = Open; I > 0 && C.Callee.size() != MaxCalleeParts;) {
    const Token &T = Tokens[I - 1];
    if (T.Kind != TokenKind::Name)
      break;
    C.Callee.push_back(T.Text);
    if (I < 2 || !Tokens[I - 2].isOp("."))
      break;
    I -= 2;
  }
  std::reverse(C.Callee.begin(), C.Callee.end());
  if (C.Callee.empty())
    return None;
  C.CalleeText = StringRef(C.Callee.front().begin(),
                           C.Callee.back().end() - C.Callee.front().begin());
  // What an import alias stands for: "p" of "import pipeline as p".
  auto Alias = ImportAliases.find(C.Callee.front());
  if (Alias != ImportAliases.end())
    C.Callee.front() = Alias->second;
  // Reading the arguments costs the length of the call, so only calls that
  // can matter are read: nested calls would otherwise make this quadratic.
  if (!isInteresting(C.Callee))
    return None;
  unsigned Depth = Tokens[Open].Depth + 1;
  size_t ArgBegin = Open + 1;
  // I == Tokens.size() flushes the last argument of a call left unclosed at
  // the end of the file.
  for (size_t I = Open + 1; I <= Tokens.size(); ++I) {
    bool AtEnd = I == Tokens.size();
    if (!AtEnd && Tokens[I].Kind == TokenKind::Comment)
      continue;
    // A nested bracket is part of the current argument: jump over it (to
    // the last token when it is never closed).
    if (!AtEnd && isOpening(Tokens[I])) {
      I = std::min(Closing[I], Tokens.size() - 1);
      continue;
    }
    bool Close = AtEnd || (Tokens[I].isOp(")") && Tokens[I].Depth == Depth - 1);
    bool Comma = !AtEnd && Tokens[I].isOp(",") && Tokens[I].Depth == Depth;
    if (!Close && !Comma)
      continue;
    ArrayRef<Token> Arg = makeArrayRef(Tokens).slice(ArgBegin, I - ArgBegin);
    // Comments inside an argument list are not part of the value.
    while (!Arg.empty() && Arg.front().Kind == TokenKind::Comment)
      Arg = Arg.drop_front();
    while (!Arg.empty() && Arg.back().Kind == TokenKind::Comment)
      Arg = Arg.drop_back();
    if (!Arg.empty()) {
      Argument A;
      if (Arg.size() >= 2 && Arg[0].Kind == TokenKind::Name &&
          Arg[1].isOp("=")) {
        A.Keyword = Arg[0].Text;
        Arg = Arg.drop_front(2);
      } else if (Arg[0].isOp("*") || Arg[0].isOp("**")) {
        C.HasStarArgs = true;
      }
      A.Tokens = Arg;
      C.Args.push_back(A);
    }
    ArgBegin = I + 1;
    if (Close) {
      if (!AtEnd)
        C.Close = &Tokens[I];
      return C;
    }
  }
  llvm_unreachable("the loop returns at the end of the tokens");
}

/// The text from the first token of \p T to the end of the last.
static StringRef spanOf(ArrayRef<Token> T) {
  return StringRef(T.front().Text.begin(),
                   T.back().Text.end() - T.front().Text.begin());
}

/// Where a keyword argument is added to call \p C: after its last argument
/// (a trailing comma stays valid after the new one), or inside empty
/// parentheses. None for a call licit cannot read whole (left open, or
/// with * arguments).
struct Insertion {
  StringRef At;
  StringRef Separator;
};
static Optional<Insertion> argumentInsertion(const Call &C) {
  if (!C.Close || C.HasStarArgs ||
      (!C.Args.empty() && C.Args.back().Tokens.empty()))
    return None;
  if (C.Args.empty())
    return Insertion{StringRef(C.Close->Text.begin(), 0), ""};
  return Insertion{StringRef(spanOf(C.Args.back().Tokens).end(), 0), ", "};
}

/// Tokenizers and processors load no weights; their callee says so.
static RefAction actionOf(const Call &C, RefAction Action) {
  if (Action == RefAction::Load && any_of(C.Callee, [](StringRef Part) {
        return Part.contains("Tokenizer") || Part.contains("Processor") ||
               Part.contains("FeatureExtractor");
      }))
    return RefAction::Tokenizer;
  return Action;
}

void Extractor::record(const Constant &Value, ArrayRef<Token> Arg,
                       IdSyntax Syntax, Confidence Conf, const Call *Carrier,
                       RefAction Action, RefSite Site) {
  Site.Syntax = Syntax;
  Site.Conf = Conf;
  Site.Action = Action;
  if (Carrier)
    Site.Carrier = Carrier->CalleeText;
  // A test matrix tries each model: one replaced keeps no test working.
  size_t At = Value.Tokens.data() - Tokens.data();
  for (unsigned Up = 0; Up != 8 && At < Tokens.size(); ++Up) {
    At = Enclosing[At];
    if (At < Tokens.size() && At > 0 &&
        Tokens[At - 1].is(TokenKind::Name, "parametrize")) {
      Site.FixSafety = Applicability::DisplayOnly;
      break;
    }
  }
  // The literal is the location when it is written in the argument itself
  // (an environment default); a constant's assignment becomes a note.
  bool Inline = Value.Tokens.front().Text.begin() >= Arg.front().Text.begin() &&
                Value.Tokens.back().Text.end() <= Arg.back().Text.end();
  if (!Inline)
    Site.UsedAt = spanOf(Arg);
  // A fix-it can replace the id only where one literal spells it verbatim.
  if (Refs.record(Value.Value, spanOf(Value.Tokens), Site))
    consume(Value.Tokens);
}

/// A literal that turns an option off: False, 0, None.
static bool isFalse(ArrayRef<Token> Value) {
  return Value.size() == 1 && (Value[0].is(TokenKind::Name, "False") ||
                               Value[0].is(TokenKind::Name, "None") ||
                               Value[0].is(TokenKind::Number, "0"));
}

void Extractor::visitTrustRemoteCode(const Call &C, const Argument &A) {
  if (A.Tokens.empty() || isFalse(A.Tokens))
    return;
  StringRef Value = spanOf(A.Tokens);
  LoadRisk R;
  R.File = Source.file();
  R.Kind = LoadRiskKind::TrustRemoteCode;
  // The keyword and its value: "trust_remote_code=True".
  StringRef Keyword(A.Keyword.begin(), Value.end() - A.Keyword.begin());
  R.Range = Source.range(Keyword);
  R.Message = ("'" + C.CalleeText +
               "' runs Python code from the model's "
               "repository (trust_remote_code=" +
               Value + ")")
                  .str();
  Facts.add(std::move(R));
}

void Extractor::visitPickleWeights(const Call &C, const Argument &A) {
  StringRef Value = spanOf(A.Tokens);
  LoadRisk R;
  R.File = Source.file();
  R.Kind = LoadRiskKind::PickleWeights;
  R.Range = Source.range(
      StringRef(A.Keyword.begin(), Value.end() - A.Keyword.begin()));
  R.Message = ("'" + C.CalleeText + "' with use_safetensors=" + Value +
               " loads pickle weights (pytorch_model.bin), which can run "
               "code; safetensors hold only tensors")
                  .str();
  R.Fixes.push_back({"load safetensors",
                     {Source.edit(Value, "True")},
                     Applicability::Unsafe});
  Facts.add(std::move(R));
}

void Extractor::visitRisk(const Call &C, const RiskSpec &Spec) {
  const Argument *Option = nullptr;
  for (const Argument &A : C.Args)
    if (!Spec.Option.empty() && A.Keyword == Spec.Option)
      Option = &A;
  StringRef Value =
      Option && !Option->Tokens.empty() ? spanOf(Option->Tokens) : StringRef();
  bool Unsafe = !Spec.Option.empty() && Value == Spec.UnsafeValue;
  if (!Spec.Option.empty() && !Unsafe) {
    // Without the option: unsafe where its default is (torch.load). With
    // a value licit cannot see (a variable): only the literal safe value
    // is known to be safe.
    bool SafeValue = Value == (Spec.UnsafeValue == "True" ? "False" : "True");
    if (!Spec.RiskyWithout || SafeValue)
      return;
  }
  LoadRisk R;
  R.File = Source.file();
  R.Kind = Spec.Kind;
  R.Range = Source.range(
      Unsafe ? StringRef(Option->Keyword.begin(),
                         spanOf(Option->Tokens).end() - Option->Keyword.begin())
             : C.CalleeText);
  std::string Call = ("'" + C.CalleeText + "'").str();
  switch (Spec.Kind) {
  case LoadRiskKind::TorchLoad:
    if (Unsafe) {
      R.Message = Call + " with weights_only=False unpickles the file, "
                         "which can run any code it names";
      R.Fixes.push_back({"load weights only",
                         {Source.edit(spanOf(Option->Tokens), "True")},
                         Applicability::Unsafe});
    } else {
      R.Message = Call + " without weights_only=True unpickles the file "
                         "(the default before PyTorch 2.6), which can run "
                         "any code it names";
      if (Optional<Insertion> I = argumentInsertion(C); I && !Option)
        R.Fixes.push_back(
            {"add weights_only=True",
             {Source.edit(I->At, (I->Separator + "weights_only=True").str())},
             Applicability::Safe});
    }
    break;
  case LoadRiskKind::UnsafeDeserialisation:
    R.Message =
        Call +
        (Unsafe ? (" with " + Spec.Option + "=" + Spec.UnsafeValue).str()
                : std::string()) +
        " " + Spec.Effect.str();
    break;
  case LoadRiskKind::TrustRemoteCode:
  case LoadRiskKind::PickleWeights:
    llvm_unreachable("options of loader calls, not risky calls");
  }
  Facts.add(std::move(R));
}

void Extractor::visitCall(const Call &C) {
  auto MarkAllConsumed = [&] {
    for (const Argument &A : C.Args)
      consume(A.Tokens);
  };
  // parseCall() only returns calls the index knows.
  const CalleeIndex::Entry *E = calleeIndex().find(C.Callee.back());
  assert(E && "parsed a call no pattern names");
  for (const RiskSpec *R : E->Risks)
    if (calleeMatches(C.Callee, R->Callee)) {
      visitRisk(C, *R);
      break;
    }
  if (any_of(E->NotModel,
             [&](StringRef P) { return calleeMatches(C.Callee, P); })) {
    MarkAllConsumed();
    return;
  }
  auto It = find_if(E->Loaders, [&](const LoaderSpec *L) {
    return calleeMatches(C.Callee, L->Callee);
  });
  if (It == E->Loaders.end())
    return;
  const LoaderSpec *Spec = *It;
  const Argument *ModelArg = nullptr;
  const Argument *RevisionArg = nullptr;
  RefSite Site;
  int Position = 0;
  for (const Argument &A : C.Args) {
    if (A.Keyword.empty()) {
      if (!C.HasStarArgs && Position++ == Spec->Position)
        ModelArg = &A;
      continue;
    }
    if (A.Keyword == Spec->Keyword)
      ModelArg = &A;
    if (A.Keyword == "trust_remote_code")
      visitTrustRemoteCode(C, A);
    if (A.Keyword == "use_safetensors" && isFalse(A.Tokens))
      visitPickleWeights(C, A);
    SmallVector<Constant, 1> V = evaluate(A.Tokens);
    if (A.Keyword == "revision") {
      RevisionArg = &A;
      if (!V.empty())
        Site.Revision = V.front().Value;
      else
        Site.RevisionUnread = !isFalse(A.Tokens);
    }
    // Hub downloads of datasets and Spaces are not model references.
    if (A.Keyword == "repo_type" && !V.empty() && V.front().Value != "model") {
      MarkAllConsumed();
      return;
    }
  }
  if (!ModelArg)
    return;
  // A commit replaces a revision one literal spells, or is added.
  if (RevisionArg) {
    if (RevisionArg->Tokens.size() == 1 &&
        RevisionArg->Tokens[0].Kind == TokenKind::String &&
        (RevisionArg->Tokens[0].Text.startswith("\"") ||
         RevisionArg->Tokens[0].Text.startswith("'")))
      Site.PinAt = RevisionArg->Tokens[0].Text;
  } else if (Optional<Insertion> I = argumentInsertion(C)) {
    Site.PinAt = I->At;
    Site.PinPrefix = (I->Separator + "revision=").str();
  }
  // Behind a local server, a hosted API's model names are local names.
  IdSyntax Syntax = Spec->Syntax;
  if (LocalServer && (Syntax == IdSyntax::Api || Syntax == IdSyntax::LiteLLM))
    Syntax = IdSyntax::Any;
  for (Constant &V : evaluate(ModelArg->Tokens)) {
    if (!Spec->Prefix.empty() && !StringRef(V.Value).contains('/'))
      V.Value = (Spec->Prefix + V.Value).str();
    record(V, ModelArg->Tokens, Syntax, Confidence::Strong, &C,
           actionOf(C, Spec->Action), Site);
  }
  // The loader's own context decided: a string it rejects (a local
  // directory, an API name passed to a hub loader) is not a weak reference.
  consume(ModelArg->Tokens);
}

void Extractor::mergeConsumed() {
  // Spans nest or are disjoint: merge them, then find by binary search.
  llvm::sort(Consumed);
  std::vector<std::pair<const char *, const char *>> Merged;
  for (const auto &Span : Consumed)
    if (!Merged.empty() && Span.first < Merged.back().second)
      Merged.back().second = std::max(Merged.back().second, Span.second);
    else
      Merged.push_back(Span);
  Consumed = std::move(Merged);
}

bool Extractor::isConsumed(const char *P) const {
  auto It = llvm::partition_point(
      Consumed, [&](const auto &Span) { return Span.first <= P; });
  return It != Consumed.begin() && P < std::prev(It)->second;
}

void Extractor::collectImportAliases() {
  // "import ollama as ol", "from transformers import pipeline as p".
  for (size_t I = 0; I + 2 < Tokens.size(); ++I)
    if (I > 0 && Tokens[I].is(TokenKind::Name, "as") &&
        Tokens[I - 1].Kind == TokenKind::Name &&
        Tokens[I + 1].Kind == TokenKind::Name)
      ImportAliases[Tokens[I + 1].Text] = Tokens[I - 1].Text;
}

/// \returns true when \p URL is a server on this machine or network.
static bool isLocalServer(StringRef URL) {
  for (StringRef Scheme : {"http://", "https://"})
    URL.consume_front(Scheme);
  return URL.startswith("localhost") || URL.startswith("127.0.0.1") ||
         URL.startswith("0.0.0.0") || URL.startswith("host.docker.internal") ||
         URL.contains(":11434");
}

void Extractor::visitKey(size_t Key, StringRef Name, ArrayRef<Token> Value) {
  // "served_model_name", "dataset_name": their strings are not even weak
  // references.
  if (holdsNoModel(Name))
    return consume(Value);
  Optional<ModelKey> MK = lookupModelKey(Name);
  if (!MK || Value.empty() || isConsumed(Value.front().Text.data()))
    return;
  // "field(default=...)" (dataclasses, pydantic): the default.
  if (Value.size() > 2 && Value[0].Kind == TokenKind::Name &&
      (Value[0].Text == "field" || Value[0].Text == "Field") &&
      Value[1].isOp("(")) {
    ArrayRef<Token> Args = Value.drop_front(2);
    unsigned Depth = Value[1].Depth + 1;
    for (size_t I = 0; I + 1 < Args.size(); ++I)
      if (Args[I].is(TokenKind::Name, "default") && Args[I + 1].isOp("=") &&
          Args[I].Depth == Depth) {
        size_t End = valueEnd(Args, {}, I + 2, Depth, /*Top=*/false);
        Value = Args.slice(I + 2, End - I - 2);
        break;
      }
  }
  for (const Constant &V : evaluate(Value)) {
    RefSite Site;
    Site.Syntax = MK->Syntax;
    Site.Action = MK->Action;
    Site.Carrier = Tokens[Key].Kind == TokenKind::String ? Tokens[Key].Body
                                                         : Tokens[Key].Text;
    bool Inline = V.Tokens.front().Text.begin() >= Value.front().Text.begin();
    if (!Inline)
      Site.UsedAt = spanOf(Value);
    Refs.record(V.Value, spanOf(V.Tokens), Site);
  }
}

void Extractor::visitModelKeys() {
  for (size_t I = 0; I + 2 < Tokens.size(); ++I) {
    const Token &T = Tokens[I];
    unsigned Depth = T.Depth;
    bool Top = atStatementStart(Tokens, I);
    bool InList = Depth > 0 && I > 0 &&
                  (Tokens[I - 1].isOp("(") || Tokens[I - 1].isOp(","));
    // Dict entries: {"model": "org/x"}.
    if (T.Kind == TokenKind::String && Tokens[I + 1].isOp(":") && Depth > 0 &&
        I > 0 && (Tokens[I - 1].isOp("{") || Tokens[I - 1].isOp(","))) {
      if (Optional<std::string> Key = stringValue(T)) {
        size_t End = valueEnd(Tokens, Closing, I + 2, Depth, /*Top=*/false);
        visitKey(I, *Key, makeArrayRef(Tokens).slice(I + 2, End - I - 2));
      }
      continue;
    }
    if (!Top && !InList)
      continue;
    // "self.model_name = ...": the attribute is the key.
    size_t KeyAt = I;
    if (Top)
      while (KeyAt + 2 < Tokens.size() &&
             Tokens[KeyAt].Kind == TokenKind::Name &&
             Tokens[KeyAt + 1].isOp(".") &&
             Tokens[KeyAt + 2].Kind == TokenKind::Name)
        KeyAt += 2;
    size_t Eq = assignmentAt(Tokens, Closing, KeyAt, Top);
    if (!Eq || (Eq + 1 < Tokens.size() && Tokens[Eq + 1].isOp("=")))
      continue;
    size_t End = valueEnd(Tokens, Closing, Eq + 1, Depth, Top);
    ArrayRef<Token> Value = makeArrayRef(Tokens).slice(Eq + 1, End - Eq - 1);
    StringRef Name = Tokens[KeyAt].Text;
    // argparse: add_argument("--model", default="org/x").
    if (Name == "default" && InList) {
      size_t Open = Enclosing[I];
      if (Open < Tokens.size() && Open > 0 && Tokens[Open].isOp("(") &&
          Tokens[Open - 1].is(TokenKind::Name, "add_argument") &&
          Tokens[Open + 1].Kind == TokenKind::String) {
        // The long flag, when both are given: ("-m", "--model").
        size_t Flag = Open + 1;
        if (Open + 3 < Tokens.size() && Tokens[Open + 2].isOp(",") &&
            Tokens[Open + 3].Kind == TokenKind::String)
          Flag = Open + 3;
        visitKey(Flag, Tokens[Flag].Body, Value);
      }
      continue;
    }
    visitKey(KeyAt, Name, Value);
  }
  // Environment lookups named like models: os.getenv("MODEL_ID", "org/x").
  for (size_t I = 0; I + 4 < Tokens.size(); ++I)
    if ((Tokens[I].is(TokenKind::Name, "getenv") ||
         Tokens[I].is(TokenKind::Name, "get")) &&
        Tokens[I + 1].isOp("(") && Tokens[I + 2].Kind == TokenKind::String &&
        Tokens[I + 3].isOp(",")) {
      size_t End = valueEnd(Tokens, Closing, I + 4, Tokens[I + 4].Depth, false);
      visitKey(I + 2, Tokens[I + 2].Body,
               makeArrayRef(Tokens).slice(I + 4, End - I - 4));
    }
}

void Extractor::visitProse() {
  RefSite Site;
  Site.Conf = Confidence::Weak;
  for (const Token &T : Tokens)
    if (T.Kind == TokenKind::String && !T.Format &&
        any_of(T.Body, [](char C) { return C == ' ' || C == '\n'; }) &&
        !isConsumed(T.Text.data()))
      Mentions.recordWords(T.Body, Site);
}

void Extractor::run() {
  collectImportAliases();
  collectConstants();
  for (const Token &T : Tokens)
    if (T.Kind == TokenKind::String && isLocalServer(T.Body)) {
      LocalServer = true;
      break;
    }
  for (size_t I = 0; I != Tokens.size(); ++I)
    if (Tokens[I].isOp("(") && I > 0 && Tokens[I - 1].Kind == TokenKind::Name)
      if (Optional<Call> C = parseCall(I))
        visitCall(*C);
  mergeConsumed();
  visitModelKeys();
  mergeConsumed(); // The values of keys that hold no model.
  // Weak context: any other run of string literals that is unmistakably a
  // model (ModelIds.h).
  for (size_t I = 0; I != Tokens.size();) {
    size_t End = I;
    while (End < Tokens.size() && Tokens[End].Kind == TokenKind::String)
      ++End;
    if (End == I) {
      ++I;
      continue;
    }
    ArrayRef<Token> Run = makeArrayRef(Tokens).slice(I, End - I);
    I = End;
    if (isConsumed(Run.front().Text.data()))
      continue;
    // Cheap test first: a hub id in weak context has an "org/" part, a
    // weights file an extension.
    if (none_of(Run, [](const Token &T) {
          return T.Body.contains('/') || T.Body.contains('.') ||
                 T.Body.contains('-');
        }))
      continue;
    for (const Constant &V : evaluate(Run))
      record(V, Run, IdSyntax::Hub, Confidence::Weak, nullptr,
             RefAction::Reference);
  }
  visitProse();
}

void extractModelRefs(const SourceText &Source, const KnowledgeBase &KB,
                      FactStore &Facts, RefRole Role) {
  Extractor(Source, KB, Facts, Role).run();
}

} // namespace licit::python
