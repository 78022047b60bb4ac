//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Facts/ModelIds.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace licit {

static ParsedId makeId(ModelKind Kind, StringRef ID, bool HasNamespace,
                       size_t Offset, bool InUrl = false) {
  ParsedId P;
  P.Kind = Kind;
  P.ID = ID.str();
  P.HasNamespace = HasNamespace;
  P.Offset = Offset;
  P.InUrl = InUrl;
  return P;
}

static bool isUpper(char C) { return C >= 'A' && C <= 'Z'; }

/// One segment of a hub id: starts alphanumeric, then [A-Za-z0-9._-], with
/// no "--" or ".." (the hub rejects both), at most 96 characters.
static bool isHubSegment(StringRef S) {
  if (S.empty() || S.size() > 96 || !isAlnum(S.front()))
    return false;
  if (S.contains("--") || S.contains(".."))
    return false;
  return all_of(
      S, [](char C) { return isAlnum(C) || C == '.' || C == '_' || C == '-'; });
}

/// Names ending like a file are weights or configs, not repositories.
static bool looksLikeFile(StringRef S) {
  static const StringRef Extensions[] = {
      ".bin",   ".pt",   ".pth",  ".ckpt", ".safetensors", ".gguf", ".onnx",
      ".json",  ".yaml", ".yml",  ".txt",  ".py",          ".pkl",  ".h5",
      ".zip",   ".tar",  ".gz",   ".csv",  ".parquet",     ".md",   ".tflite",
      ".jsonl", ".sh",   ".html", ".png",  ".jpg"};
  StringRef Ext = sys::path::extension(S);
  return any_of(Extensions,
                [&](StringRef E) { return Ext.equals_insensitive(E); });
}

bool isPlaceholder(StringRef Segment) {
  if (Segment.empty())
    return false;
  if (Segment.front() == '<' || Segment.front() == '{' ||
      Segment.front() == '[' || Segment.contains('$') ||
      Segment.contains("{") || Segment.contains("%s"))
    return true;
  std::string L = Segment.lower();
  StringRef Lower(L);
  if (Lower.startswith("your") || Lower.contains("username") ||
      Lower.contains("user_name") || Lower.contains("user-name"))
    return true;
  if (all_of(Lower, [](char C) { return C == 'x'; }) && Lower.size() >= 3)
    return true;
  // Shell and Python spell what the reader supplies as CONSTANT_CASE.
  if (Segment.contains('_') && all_of(Segment, [](char C) {
        return isUpper(C) || isDigit(C) || C == '_';
      }))
    return true;
  static const StringRef Words[] = {
      "user",     "org",        "organization", "organisation", "org-name",
      "org_name", "orgname",    "namespace",    "owner",        "author",
      "model",    "model-name", "model_name",   "model-id",     "model_id",
      "repo",     "repo-name",  "repo_name",    "repo-id",      "repo_id",
      "name",     "foo",        "bar",          "example",      "path",
      "my-org",   "my_org",     "my-model",     "my_model",     "my-repo",
      "your",     "someone",    "somebody",     "team",         "company",
      "hf_user",  "hf-user",    "account"};
  return is_contained(Words, Lower);
}

/// Top-level pages of the hub that are not organisations or users.
static bool isReservedHubPath(StringRef First) {
  static const StringRef Reserved[] = {"datasets",     "spaces",
                                       "docs",         "blog",
                                       "papers",       "organizations",
                                       "settings",     "login",
                                       "join",         "pricing",
                                       "models",       "api",
                                       "collections",  "learn",
                                       "tasks",        "chat",
                                       "posts",        "new",
                                       "search",       "enterprise",
                                       "privacy",      "terms-of-service",
                                       "static-proxy", "front",
                                       "avatars",      "inference-endpoints",
                                       "changelog",    "hf"};
  return is_contained(Reserved, First);
}

static Optional<ParsedId> parseHubPath(StringRef S, size_t Offset, bool InUrl) {
  if (looksLikeFile(S) && !InUrl)
    return None;
  SmallVector<StringRef, 6> Parts;
  S.split(Parts, '/');
  if (InUrl) {
    // "org/name/resolve/<rev>/file", "org/name/tree/main", "org?x=y".
    StringRef Last = Parts.size() > 1 ? Parts[1] : Parts[0];
    // Query, fragment, or Ollama's ":quant" ("hf.co/org/name:Q4_K_M").
    size_t Cut = Last.find_first_of("?#:");
    if (Parts.size() == 1 && Cut != StringRef::npos)
      Parts[0] = Parts[0].take_front(Cut);
    else if (Parts.size() > 1 && Cut != StringRef::npos)
      Parts[1] = Parts[1].take_front(Cut);
    if (Parts[0].empty() || isReservedHubPath(Parts[0]))
      return None;
    ParsedId P = makeId(ModelKind::Hub, "", true, Offset, true);
    if (Parts.size() == 1 || Parts[1].empty()) {
      if (!isHubSegment(Parts[0]))
        return None;
      P.ID = Parts[0].str();
      P.HasNamespace = false;
      return P;
    }
    if (!isHubSegment(Parts[0]) || !isHubSegment(Parts[1]))
      return None;
    P.ID = (Parts[0] + "/" + Parts[1]).str();
    if (Parts.size() > 3 &&
        (Parts[2] == "resolve" || Parts[2] == "blob" || Parts[2] == "raw" ||
         Parts[2] == "tree") &&
        Parts[3] != "main")
      P.Revision = Parts[3].str();
    return P;
  }
  if (Parts.size() == 1)
    return isHubSegment(S)
               ? Optional<ParsedId>(makeId(ModelKind::Hub, S, false, Offset))
               : None;
  // llama.cpp and Ollama pick a quantisation: "org/name:Q4_K_M".
  if (Parts.size() == 2)
    Parts[1] = Parts[1].take_until([](char C) { return C == ':'; });
  if (Parts.size() != 2 || !isHubSegment(Parts[0]) || !isHubSegment(Parts[1]))
    return None;
  return makeId(ModelKind::Hub, StringRef(S.data(), Parts[1].end() - S.data()),
                true, Offset);
}

/// \returns the length of a hub URL's prefix ("https://huggingface.co/"),
/// or 0.
static size_t hubUrlPrefix(StringRef S) {
  size_t Len = 0;
  for (StringRef Scheme : {"https://", "http://"})
    if (S.startswith(Scheme)) {
      Len = Scheme.size();
      break;
    }
  if (S.substr(Len).startswith("www."))
    Len += 4;
  for (StringRef Host : {"huggingface.co/", "hf.co/"})
    if (S.substr(Len).startswith(Host))
      return Len + Host.size();
  return 0;
}

static Optional<ParsedId> parseHub(StringRef S) {
  for (StringRef Prefix : {"hf-hub:", "hf://"})
    if (S.startswith(Prefix))
      return parseHubPath(S.drop_front(Prefix.size()), Prefix.size(), false);
  if (size_t Len = hubUrlPrefix(S))
    return parseHubPath(S.drop_front(Len), Len, true);
  // The hub cache: ".../hub/models--org--name/snapshots/<commit>/...".
  size_t Cache = S.find("models--");
  if (Cache != StringRef::npos && (Cache == 0 || S[Cache - 1] == '/')) {
    StringRef Dir =
        S.drop_front(Cache + 8).take_until([](char C) { return C == '/'; });
    auto [Org, Name] = Dir.split("--");
    if (isHubSegment(Org) && isHubSegment(Name))
      return makeId(ModelKind::Hub, (Org + "/" + Name).str(), true,
                    std::string::npos);
    return None;
  }
  return parseHubPath(S, 0, false);
}

static bool isTagChar(char C) {
  return isAlnum(C) || C == '.' || C == '_' || C == '-';
}

static Optional<ParsedId> parseOllama(StringRef S) {
  // Ollama pulls GGUF repositories straight from the hub.
  for (StringRef Prefix : {"hf.co/", "huggingface.co/"})
    if (S.startswith(Prefix)) {
      Optional<ParsedId> P = parseHubPath(
          S.drop_front(Prefix.size()).split(':').first, Prefix.size(), false);
      if (P && !P->HasNamespace)
        return None;
      return P;
    }
  auto [Name, Tag] = S.split(':');
  if (Name.empty() || !isAlnum(Name.front()) ||
      !all_of(Name, [](char C) { return isTagChar(C) || C == '/'; }) ||
      Name.count('/') > 1 || !all_of(Tag, isTagChar) ||
      (S.contains(':') && Tag.empty()))
    return None;
  return makeId(ModelKind::Ollama, S, true, 0);
}

static Optional<ParsedId> parseApi(StringRef S) {
  size_t Offset = 0;
  // Gemini's REST names: "models/gemini-1.5-pro".
  if (S.consume_front("models/"))
    Offset = 7;
  if (S.empty() || !isAlnum(S.front()) ||
      !all_of(S, [](char C) { return isTagChar(C) || C == ':' || C == '@'; }))
    return None;
  return makeId(ModelKind::Api, S, true, Offset);
}

Optional<StringRef> weightsFileName(StringRef Text, bool Strong) {
  if (Text.empty() || Text.size() > 4096 || Text.contains("://") ||
      any_of(Text, [](char C) {
        return isSpace(C) || C == '*' || C == '?' || C == '"' || C == '\'';
      }))
    return None;
  StringRef Name = Text.substr(Text.find_last_of("/\\") + 1);
  StringRef Ext = sys::path::extension(Name);
  StringRef Stem = Name.drop_back(Ext.size());
  if (Stem.empty() || Ext.size() < 3)
    return None;
  std::string Lower = Ext.lower();
  bool Unambiguous =
      StringSwitch<bool>(Lower)
          .Cases(".gguf", ".safetensors", ".onnx", ".tflite", ".ckpt", true)
          .Cases(".pth", ".pt", ".pt2", ".mlmodel", ".llamafile", true)
          .Default(false);
  bool Ambiguous = StringSwitch<bool>(Lower)
                       .Cases(".bin", ".h5", ".keras", ".engine", ".plan", true)
                       .Default(false);
  // Weights by their conventional names, whatever the context.
  if (Lower == ".bin" &&
      (Stem.startswith("ggml-") || Stem.startswith("pytorch_model") ||
       Stem.startswith("adapter_model")))
    Unambiguous = true;
  if (Unambiguous || (Strong && Ambiguous))
    return Name;
  return None;
}

Optional<ParsedId> parseModelId(StringRef Text, IdSyntax Syntax) {
  switch (Syntax) {
  case IdSyntax::Hub:
    return parseHub(Text);
  case IdSyntax::HubPrefixed:
    return Text.startswith("hf-hub:") ? parseHub(Text) : None;
  case IdSyntax::Ollama:
    return parseOllama(Text);
  case IdSyntax::Api:
    return parseApi(Text);
  case IdSyntax::LiteLLM: {
    auto [Provider, Rest] = Text.split('/');
    if (Rest.empty())
      return parseApi(Text);
    size_t Skip = Provider.size() + 1;
    Optional<ParsedId> P;
    if (Provider == "ollama" || Provider == "ollama_chat")
      P = parseOllama(Rest);
    else if (Provider == "huggingface")
      P = parseHub(Rest);
    else
      P = parseApi(Rest);
    if (P && P->Offset != std::string::npos)
      P->Offset += Skip;
    return P;
  }
  case IdSyntax::Weights:
  case IdSyntax::Any:
    if (hubUrlPrefix(Text) || Text.startswith("hf://"))
      return parseHub(Text);
    if (Optional<StringRef> Name = weightsFileName(Text, true))
      return makeId(ModelKind::Weights, *Name, false,
                    Name->data() - Text.data());
    return Syntax == IdSyntax::Weights || Text.contains('/') ? parseHub(Text)
           : Text.contains(':')                              ? parseOllama(Text)
                                                             : parseApi(Text);
  }
  llvm_unreachable("unknown id syntax");
}

/// LiteLLM's provider prefixes that are not also hub organisations.
static bool isLiteLLMProvider(StringRef P) {
  static const StringRef Providers[] = {"ollama",
                                        "ollama_chat",
                                        "huggingface",
                                        "bedrock",
                                        "vertex_ai",
                                        "azure",
                                        "azure_ai",
                                        "anthropic",
                                        "gemini",
                                        "groq",
                                        "together_ai",
                                        "openrouter",
                                        "hosted_vllm",
                                        "fireworks_ai",
                                        "deepinfra",
                                        "replicate",
                                        "sagemaker",
                                        "perplexity",
                                        "cohere",
                                        "watsonx",
                                        "databricks",
                                        "cloudflare",
                                        "text-completion-openai",
                                        "xai",
                                        "vllm",
                                        "lm_studio",
                                        "openai"};
  return is_contained(Providers, P);
}

/// Amazon Bedrock's model ids: "anthropic.claude-3-haiku-20240307-v1:0",
/// with a cross-region prefix ("us.meta.llama3-1-8b-instruct-v1:0").
static bool isBedrockId(StringRef Text) {
  for (StringRef Region : {"us.", "eu.", "apac.", "global."})
    if (Text.consume_front(Region))
      break;
  static const StringRef Providers[] = {"anthropic", "meta",     "amazon",
                                        "cohere",    "ai21",     "mistral",
                                        "stability", "deepseek", "writer"};
  auto [Provider, Rest] = Text.split('.');
  return !Rest.empty() && is_contained(Providers, Provider);
}

/// Relative directories that code passes where a model may go: "output/x"
/// is where a run writes, not a repository.
static bool isDirectoryLike(StringRef Org) {
  static const StringRef Dirs[] = {
      "data",         "dataset", "datasets",   "output",      "outputs",
      "out",          "models",  "model",      "checkpoint",  "checkpoints",
      "ckpt",         "ckpts",   "run",        "runs",        "saved_model",
      "saved_models", "weights", "result",     "results",     "log",
      "logs",         "tmp",     "temp",       "cache",       "src",
      "exp",          "exps",    "experiment", "experiments", "pretrained",
      "local",        "mnt",     "home",       "workspace",   "artifacts",
      "configs",      "config",  "save",       "saves",       "lora",
      "adapters",     "merged",  "export",     "exports",     "train",
      "test",         "eval",    "assets",     "resources",   "hub",
      "input",        "inputs",  "ckp",        "trained",     "finetuned"};
  return is_contained(Dirs, Org.lower());
}

/// Words that name model families or sizes; a weak-context hub id under a
/// publishing organisation must carry one, or a digit.
static bool looksLikeModelName(StringRef Name) {
  if (any_of(Name, isDigit))
    return true;
  std::string L = Name.lower();
  static const StringRef Words[] = {
      "bert",   "llama",  "gpt",     "t5",      "whisper",   "clip",
      "vit",    "bart",   "mistral", "mixtral", "qwen",      "gemma",
      "phi",    "falcon", "bloom",   "opt",     "diffusion", "sdxl",
      "flux",   "minilm", "mpnet",   "embed",   "instruct",  "chat",
      "base",   "large",  "small",   "tiny",    "mini",      "coder",
      "vision", "gguf",   "awq",     "gptq",    "lora",      "e5",
      "bge",    "gte",    "electra", "deberta", "xlnet",     "wav2vec",
      "sam",    "detr",   "yolo",    "dino",    "olmo",      "pythia",
      "mamba"};
  return any_of(Words, [&](StringRef W) { return StringRef(L).contains(W); });
}

bool isModelShaped(StringRef Text) {
  auto [Org, Name] = Text.split('/');
  if (!isHubSegment(Org) || !isHubSegment(Name) || isPlaceholder(Org))
    return false;
  // A parameter count ("7B", "1.1B", "125M") or a release form.
  std::string L = Name.lower();
  StringRef N(L);
  for (size_t I = 1; I < N.size(); ++I)
    if ((N[I] == 'b' || N[I] == 'm') && isDigit(N[I - 1]) &&
        (I + 1 == N.size() || !isAlpha(N[I + 1])))
      return true;
  return any_of(
      SmallVector<StringRef, 8>{"-instruct", "-chat", "-gguf", "-awq", "-gptq",
                                "-base", "-it"},
      [&](StringRef S) { return N.contains(S.str() + "-") || N.endswith(S); });
}

/// Short API or Ollama names ("mistral", "o3") are ordinary words; outside
/// a model context only distinctive ones count ("gpt-4o", "llama3.2").
static bool isDistinctive(StringRef Name) {
  return any_of(Name, isDigit) &&
         (Name.contains('-') || Name.contains('.') || Name.contains(':'));
}

static bool hasPlaceholder(StringRef Text) {
  SmallVector<StringRef, 4> Parts;
  Text.split(Parts, '/');
  return any_of(Parts, [](StringRef P) {
    return isPlaceholder(P) || isPlaceholder(P.split(':').first);
  });
}

/// A plain name in a context of any kind: only the knowledge base can
/// tell a model ("gpt-4o", "llama3.2", "gpt2") from a word or directory.
static Optional<ParsedId> classifyPlainName(StringRef Text,
                                            const KnowledgeBase &KB) {
  for (ModelKind K : {ModelKind::Api, ModelKind::Ollama, ModelKind::Hub})
    if (KB.lookupModel(K, Text))
      return makeId(K, Text, K != ModelKind::Hub, 0);
  return None;
}

Optional<ParsedId> classifyModelId(StringRef Text, IdSyntax Syntax,
                                   Confidence Conf, const KnowledgeBase &KB) {
  if (Text.empty() || any_of(Text, isSpace))
    return None;
  bool Strong = Conf == Confidence::Strong;
  // A templated weights file ("ggml-{model}.bin") is still a weights file.
  if (hasPlaceholder(Text) &&
      (Syntax == IdSyntax::Hub || Syntax == IdSyntax::Ollama ||
       Syntax == IdSyntax::Api || !weightsFileName(Text, Strong)))
    return None;
  Optional<ParsedId> P;
  if (Syntax == IdSyntax::Any || (!Strong && Syntax == IdSyntax::Hub)) {
    auto [Provider, Rest] = Text.split('/');
    if (hubUrlPrefix(Text) || Text.startswith("hf://") ||
        Text.startswith("hf-hub:"))
      P = parseHub(Text);
    else if (Optional<StringRef> Name = weightsFileName(Text, Strong))
      P = makeId(ModelKind::Weights, *Name, false, Name->data() - Text.data());
    else if (!Rest.empty() && isLiteLLMProvider(Provider) &&
             (Provider != "openai" || KB.lookupModel(ModelKind::Api, Rest)))
      P = parseModelId(Text, IdSyntax::LiteLLM);
    else if (!Rest.empty())
      P = parseHub(Text);
    else if (isBedrockId(Text))
      P = parseApi(Text);
    else if (isLiteLLMProvider(Text.split(':').first) &&
             !Text.split(':').second.empty()) {
      // LangChain's "provider:model" ("openai:gpt-4o", "ollama:llama3"):
      // LiteLLM's form with another separator of the same length.
      auto [Prefix, Name] = Text.split(':');
      P = parseModelId((Prefix + "/" + Name).str(), IdSyntax::LiteLLM);
    } else if (Text.contains(':'))
      P = parseOllama(Text);
    else
      P = classifyPlainName(Text, KB);
  } else {
    P = parseModelId(Text, Syntax);
  }
  if (!P || P->ID.empty())
    return None;
  bool Known = KB.lookupModel(P->Kind, P->ID);
  switch (P->Kind) {
  case ModelKind::Hub:
    if (!P->HasNamespace)
      // "checkpoint" is as likely a directory as a model.
      return Known && (Strong || P->InUrl || any_of(P->ID, isDigit) ||
                       StringRef(P->ID).contains('-'))
                 ? P
                 : None;
    if (Known || P->InUrl)
      return P;
    if (Strong)
      return isDirectoryLike(StringRef(P->ID).split('/').first) ? None : P;
    // An organisation that publishes models and a model-like name, or a
    // name only models have (a parameter count, a release suffix).
    return (KB.publishesModels(StringRef(P->ID).split('/').first) &&
            looksLikeModelName(StringRef(P->ID).split('/').second)) ||
                   isModelShaped(P->ID)
               ? P
               : None;
  case ModelKind::Ollama:
    // "llama3.1" alone is as often a licence or family name: outside a
    // model context an Ollama name counts with its tag.
    return Strong || (Known && isDistinctive(P->ID) &&
                      StringRef(P->ID).contains(':'))
               ? P
               : None;
  case ModelKind::Api:
    return Strong || (Known && isDistinctive(P->ID)) ? P : None;
  case ModelKind::Weights:
    return P;
  }
  llvm_unreachable("unknown model kind");
}

} // namespace licit
