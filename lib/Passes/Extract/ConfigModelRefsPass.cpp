//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "ConfigModelRefsPass.h"
#include "licit/Config/ModelRefs.h"
#include "licit/Formats/Json.h"
#include "licit/Formats/Toml.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace licit::extract {

ArrayRef<RuleID> ConfigModelRefsPass::rules() {
  static const RuleID Rules[] = {RuleID::InputMalformed};
  return Rules;
}

/// JSON files that are data a model ships with, not configuration:
/// vocabularies and tokenizer tables are large and name no model.
static bool isModelData(StringRef Name) {
  return Name.startswith("tokenizer") || Name == "vocab.json" ||
         Name == "special_tokens_map.json" || Name == "added_tokens.json" ||
         Name.endswith(".jsonl") || Name.endswith(".index.json");
}

/// licit's own output kept in the tree (a baseline, --format=json or
/// --format=sarif): it names the models of its findings, which reading it
/// again would report a second time, at the report.
static bool isLicitOutput(const json::Value &Root) {
  auto IsLicit = [](const json::Value *V) {
    return V && V->isString() && V->Str == "licit";
  };
  const json::Value *Tool = Root.get("tool");
  if (IsLicit(Tool) || (Tool && IsLicit(Tool->get("name"))))
    return true;
  const json::Value *Runs = Root.get("runs");
  if (!Runs || Runs->Kind != json::Value::Array || Runs->Items.empty())
    return false;
  const json::Value *Driver = Runs->Items.front().get("tool");
  Driver = Driver ? Driver->get("driver") : nullptr;
  return Driver && IsLicit(Driver->get("name"));
}

/// JSON with comments and trailing commas (tsconfig.json, VS Code and
/// devcontainer settings, .jsonc): both blanked, so offsets stay put.
/// \returns None when \p Text has neither.
static Optional<std::string> withoutJsoncSyntax(StringRef Text) {
  std::string Out = Text.str();
  bool Changed = false;
  for (size_t I = 0; I < Out.size(); ++I) {
    char C = Out[I];
    if (C == '"') { // Skip the string, escapes included.
      for (++I; I < Out.size() && Out[I] != '"'; ++I)
        if (Out[I] == '\\')
          ++I;
    } else if (C == '/' && I + 1 < Out.size() &&
               (Out[I + 1] == '/' || Out[I + 1] == '*')) {
      bool Line = Out[I + 1] == '/';
      size_t End = Line ? Out.find('\n', I) : Out.find("*/", I + 2);
      End = End == std::string::npos ? Out.size() : (Line ? End : End + 2);
      for (size_t J = I; J < End; ++J)
        if (Out[J] != '\n')
          Out[J] = ' ';
      Changed = true;
      I = End - 1;
    } else if (C == ',') {
      size_t Next = Out.find_first_not_of(" \t\r\n", I + 1);
      if (Next != std::string::npos && (Out[Next] == '}' || Out[Next] == ']')) {
        Out[I] = ' ';
        Changed = true;
      }
    }
  }
  if (!Changed)
    return None;
  return Out;
}

bool ConfigModelRefsPass::accepts(const SourceFile &File) const {
  FileKindSet K = File.Kinds;
  // Policies and manifests have their own readers; notebooks theirs.
  if (K.contains(FileKind::Policy) || K.contains(FileKind::Manifest) ||
      K.contains(FileKind::Notebook))
    return false;
  if (K.contains(FileKind::Json))
    return !isModelData(sys::path::filename(File.Path));
  return K.contains(FileKind::Yaml) || K.contains(FileKind::Compose) ||
         K.contains(FileKind::Toml) || K.contains(FileKind::Ini);
}

void ConfigModelRefsPass::run(const SourceFile &File, const PassContext &Ctx,
                              FactStore &Facts, DiagSink &Diags) {
  StringRef Text = File.text();
  config::ReadResult Read;
  StringRef Format;
  if (File.Kinds.contains(FileKind::Json)) {
    Format = "JSON";
    const json::ParseResult &Doc = json::parsed(File);
    if (Doc.Root && isLicitOutput(*Doc.Root))
      return;
    if (Doc.Root) {
      Read.Documents.push_back(config::fromJson(*Doc.Root, Text));
    } else if (Optional<std::string> Plain = withoutJsoncSyntax(Text)) {
      // Strings are where they were: literals still point into Text.
      json::ParseResult Jsonc = json::parse(*Plain);
      if (Jsonc.Root) {
        Read.Documents.push_back(config::fromJson(*Jsonc.Root, Text));
      } else {
        Read.Error = Jsonc.ErrorMessage;
        Read.ErrorAt = Text.substr(Jsonc.ErrorOffset, 0);
      }
    } else {
      Read.Error = Doc.ErrorMessage;
      Read.ErrorAt = Text.substr(Doc.ErrorOffset, 0);
    }
  } else if (File.Kinds.contains(FileKind::Toml)) {
    Format = "TOML";
    const TomlReadResult &Doc = parsedToml(File);
    if (Doc.Root)
      Read.Documents.push_back(config::fromToml(*Doc.Root, Text));
    else {
      Read.Error = Doc.ErrorMessage;
      Read.ErrorAt = Text.substr(
          Doc.ErrorRange.hasOffsets() ? Doc.ErrorRange.Begin : Text.size(), 0);
    }
  } else if (File.Kinds.contains(FileKind::Ini)) {
    Format = "INI";
    Read = config::readIni(Text);
  } else {
    Format = "YAML";
    Read = config::readYaml(Text);
  }
  SourceText Source(File.ID, Text);
  RefRecorder Refs(Source, Ctx.knowledgeFor(File.ID), Facts);
  config::extractModelRefs(Read.Documents, Refs);
  // Templates are not meant to parse before they are rendered.
  bool Template = Text.contains("{{") || Text.contains("{%");
  if (!Read.Error.empty() && !Template) {
    unsigned At =
        Read.ErrorAt.data() ? Read.ErrorAt.data() - Text.data() : Text.size();
    Diags.report(RuleID::InputMalformed, {File.ID, At, At},
                 "malformed " + Format + ": " + Read.Error +
                     "; models named after this point are not found");
  }
}

} // namespace licit::extract
