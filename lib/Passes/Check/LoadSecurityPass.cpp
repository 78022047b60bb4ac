//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "LoadSecurityPass.h"
#include "licit/Facts/HubCache.h"
#include "licit/Facts/LoadRisk.h"
#include "licit/Facts/ModelRef.h"
#include "licit/Facts/Resolution.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace licit::check {

ArrayRef<RuleID> LoadSecurityPass::rules() {
  static const RuleID Rules[] = {
      RuleID::SecurityTrustRemoteCode, RuleID::SecurityTorchLoad,
      RuleID::SecurityUnsafeDeserialisation, RuleID::SecurityPickleWeights,
      RuleID::ModelUnpinnedRevision};
  return Rules;
}

static RuleID ruleOf(LoadRiskKind K) {
  switch (K) {
  case LoadRiskKind::TrustRemoteCode:
    return RuleID::SecurityTrustRemoteCode;
  case LoadRiskKind::TorchLoad:
    return RuleID::SecurityTorchLoad;
  case LoadRiskKind::UnsafeDeserialisation:
    return RuleID::SecurityUnsafeDeserialisation;
  case LoadRiskKind::PickleWeights:
    return RuleID::SecurityPickleWeights;
  }
  llvm_unreachable("unknown load risk");
}

/// A full commit id: forty hex digits. Branches, tags and short hashes
/// can name other bytes tomorrow.
static bool isPinned(StringRef Revision) {
  return Revision.size() == 40 && all_of(Revision, isHexDigit);
}

void LoadSecurityPass::run(FactStore &Facts, const PassContext &Ctx,
                           DiagSink &Diags) {
  for (const LoadRisk &R : Facts.all<LoadRisk>()) {
    Diagnostic &D = Diags.report(ruleOf(R.Kind), R.Range, R.Message);
    D.Fixes = R.Fixes;
  }
  // Pickle-format weights files the project loads, where the same
  // directory holds safetensors.
  StringMap<StringRef> Safetensors; // Directory -> a safetensors file.
  for (unsigned I = 1; I <= Ctx.Files.size(); ++I) {
    StringRef Path = Ctx.Files.get(I).AbsPath;
    if (Path.endswith(".safetensors"))
      Safetensors.try_emplace(sys::path::parent_path(Path),
                              sys::path::filename(Path));
  }
  ArrayRef<ModelRef> Refs = Facts.all<ModelRef>();
  for (const ModelResolution &R : Facts.all<ModelResolution>()) {
    const ModelRef &Ref = Refs[R.Ref];
    if (!R.LocalFile || Ref.Role != RefRole::Use || R.LocalFile == Ref.File ||
        !Ctx.Files.get(R.LocalFile).Kinds.contains(FileKind::Pickle))
      continue;
    StringRef Path = Ctx.Files.get(R.LocalFile).AbsPath;
    auto It = Safetensors.find(sys::path::parent_path(Path));
    if (It == Safetensors.end())
      continue;
    Diags.report(RuleID::SecurityPickleWeights, Ref.Range,
                 "'" + Ref.ID +
                     "' is pickle-format weights, which can run "
                     "code when loaded; '" +
                     It->second + "' beside it holds weights without code");
  }
  // Hub models the project loads; documentation only mentions them.
  for (const ModelRef &Ref : Facts.all<ModelRef>()) {
    // A model whose cached config names its own modelling code runs it
    // wherever it is loaded with trust_remote_code.
    if (Ref.Kind == ModelKind::Hub && Ref.Role == RefRole::Use &&
        Ref.Action != RefAction::Reference && Ctx.Cache &&
        Ctx.Cache->shipsCode(Ref.ID, Ref.Revision))
      Diags.report(RuleID::SecurityTrustRemoteCode, Ref.Range,
                   "'" + Ref.ID +
                       "' ships its own modelling code (auto_map in its "
                       "cached config.json), which runs when it is loaded "
                       "with trust_remote_code");
    if (Ref.Kind != ModelKind::Hub || Ref.Role != RefRole::Use ||
        Ref.Action == RefAction::Reference || isPinned(Ref.Revision) ||
        Ref.RevisionUnread ||
        Ctx.policyFor(Ref.File).isIgnored(RuleID::ModelUnpinnedRevision))
      continue;
    Diagnostic &D = Diags.report(
        RuleID::ModelUnpinnedRevision, Ref.Range,
        "'" + Ref.ID + "' is loaded " +
            (Ref.Revision.empty() ? std::string("without a pinned revision")
                                  : "at revision '" + Ref.Revision +
                                        "', which is not a commit") +
            ": the repository can change under it; pin a 40-hex commit");
    D.About.Kind = Subject::Model;
    D.About.ID = Ref.ID;
    // The commit the hub cache has for that revision is what the project
    // loads today: pinning it changes nothing but the future.
    Optional<std::string> Commit = Ref.PinRange.hasFile() && Ctx.Cache
                                       ? Ctx.Cache->commit(Ref.ID, Ref.Revision)
                                       : None;
    if (!Commit)
      continue;
    std::string Branch = Ref.Revision.empty() ? "main" : Ref.Revision;
    D.Notes.push_back({SourceRange(), "the hub cache has '" + Branch +
                                          "' at commit " + *Commit});
    D.Fixes.push_back(
        {"pin revision " + Commit->substr(0, 12),
         {{Ref.PinRange,
           escapeText(Ref.IDEscaping, Ref.PinPrefix + "\"" + *Commit + "\"")}},
         Applicability::Safe});
  }
}

} // namespace licit::check
