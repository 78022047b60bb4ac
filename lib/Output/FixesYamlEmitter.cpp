//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// --export-fixes: the YAML clang-tidy's --export-fixes writes
// (clang/Tooling/DiagnosticsYaml.h), so that clang-apply-replacements
// applies licit's fixes. Written with LLVM's YAML I/O rather than by
// linking clangToolingCore for one format: licit links LLVM Support
// statically and no Clang library yet.
//
//===----------------------------------------------------------------------===//

#include "licit/Output/Emitters.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace {
struct YamlReplacement {
  std::string FilePath;
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string ReplacementText;
};

struct YamlMessage {
  std::string Message;
  std::string FilePath;
  unsigned FileOffset = 0;
  std::vector<YamlReplacement> Replacements;
};

struct YamlDiagnostic {
  std::string DiagnosticName;
  YamlMessage DiagnosticMessage;
  std::vector<YamlMessage> Notes;
  std::string Level;
  std::string BuildDirectory;
};

struct YamlFixes {
  std::string MainSourceFile;
  std::vector<YamlDiagnostic> Diagnostics;
};
} // namespace

LLVM_YAML_IS_SEQUENCE_VECTOR(YamlReplacement)
LLVM_YAML_IS_SEQUENCE_VECTOR(YamlMessage)
LLVM_YAML_IS_SEQUENCE_VECTOR(YamlDiagnostic)

namespace llvm::yaml {
template <> struct MappingTraits<YamlReplacement> {
  static void mapping(IO &Io, YamlReplacement &R) {
    Io.mapRequired("FilePath", R.FilePath);
    Io.mapRequired("Offset", R.Offset);
    Io.mapRequired("Length", R.Length);
    Io.mapRequired("ReplacementText", R.ReplacementText);
  }
};

template <> struct MappingTraits<YamlMessage> {
  static void mapping(IO &Io, YamlMessage &M) {
    Io.mapRequired("Message", M.Message);
    Io.mapOptional("FilePath", M.FilePath);
    Io.mapOptional("FileOffset", M.FileOffset);
    Io.mapRequired("Replacements", M.Replacements);
  }
};

template <> struct MappingTraits<YamlDiagnostic> {
  static void mapping(IO &Io, YamlDiagnostic &D) {
    Io.mapRequired("DiagnosticName", D.DiagnosticName);
    Io.mapRequired("DiagnosticMessage", D.DiagnosticMessage);
    Io.mapOptional("Notes", D.Notes);
    Io.mapRequired("Level", D.Level);
    Io.mapRequired("BuildDirectory", D.BuildDirectory);
  }
};

template <> struct MappingTraits<YamlFixes> {
  static void mapping(IO &Io, YamlFixes &F) {
    Io.mapRequired("MainSourceFile", F.MainSourceFile);
    Io.mapRequired("Diagnostics", F.Diagnostics);
  }
};
} // namespace llvm::yaml

namespace licit {

void emitFixesYaml(ArrayRef<Diagnostic> Diags, const SourceFiles &Files,
                   bool Unsafe, raw_ostream &OS) {
  SmallString<256> Cwd;
  sys::fs::current_path(Cwd);
  YamlFixes Out;
  // A fix several findings share (one reference breaking several rules)
  // is exported once, with the most severe of them: two diagnostics making
  // the same edit read as one change to a reviewer of the file.
  auto Chosen = [&](const Diagnostic &D) -> const Fix * {
    const Fix *F = find_if(D.Fixes, [&](const Fix &F) {
      return F.Safety == Applicability::Safe ||
             (Unsafe && F.Safety == Applicability::Unsafe);
    });
    if (F == D.Fixes.end() || D.isFixed() ||
        Files.get(F->Edits.front().Range.File).Builtin)
      return nullptr;
    return F;
  };
  std::vector<std::pair<const Fix *, const Diagnostic *>> Exported;
  for (const Diagnostic &D : Diags) {
    const Fix *F = Chosen(D);
    if (!F)
      continue;
    auto It = find_if(
        Exported, [&](const auto &E) { return E.first->Edits == F->Edits; });
    if (It == Exported.end())
      Exported.push_back({F, &D});
    else if (D.Level > It->second->Level)
      It->second = &D;
  }
  for (auto [F, DP] : Exported) {
    const Diagnostic &D = *DP;
    const SourceFile &File = Files.get(F->Edits.front().Range.File);
    YamlDiagnostic Y;
    Y.DiagnosticName = getRuleInfo(D.Rule).Name.str();
    Y.DiagnosticMessage.Message = D.Message;
    Y.DiagnosticMessage.FilePath = Files.get(D.Range.File).AbsPath;
    Y.DiagnosticMessage.FileOffset = D.Range.hasOffsets() ? D.Range.Begin : 0;
    for (const Edit &E : F->Edits)
      Y.DiagnosticMessage.Replacements.push_back(
          {File.AbsPath, E.Range.Begin, E.Range.End - E.Range.Begin, E.Text});
    Y.Level = D.Level == Severity::Error ? "Error" : "Warning";
    Y.BuildDirectory = std::string(Cwd.str());
    Out.Diagnostics.push_back(std::move(Y));
  }
  yaml::Output YOut(OS);
  YOut << Out;
}

} // namespace licit
