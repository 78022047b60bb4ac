//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Driver/Explain.h"
#include "licit/Driver/Resolver.h"
#include "licit/Facts/Resolution.h"
#include "licit/Output/Emitters.h"
#include "licit/Policy/Policy.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace licit {

/// "error (set at policy.toml:3:1)", "warning (its default)".
static std::string effectiveSeverity(const CompiledPolicy &Policy,
                                     const SourceFiles &Files, RuleID Rule) {
  std::string Out = severityName(Policy.severityOf(Rule)).str();
  const Located<Severity> *S = explainingSetting(Policy, Files, Rule);
  if (!S || !S->Range.hasOffsets() || !Files.get(S->Range.File).Buffer)
    return Out + " (its default)";
  Position P = Files.position(S->Range.File, S->Range.Begin);
  return (Out + " (set at " + Files.path(S->Range.File) + ":" + Twine(P.Line) +
          ":" + Twine(P.Column) + ")")
      .str();
}

void listRules(const CompiledPolicy &Policy, const SourceFiles &Files,
               raw_ostream &OS) {
  for (const RuleInfo &R : allRules()) {
    OS << R.Name << ": ";
    if (R.isConfigurable())
      OS << effectiveSeverity(Policy, Files, R.ID);
    else
      OS << severityName(R.DefaultSeverity) << " (fixed)";
    OS << "\n    " << R.Summary << "\n";
  }
}

static void explainRule(RuleID Rule, const CompiledPolicy &Policy,
                        const SourceFiles &Files, raw_ostream &OS) {
  OS << rulePage(Rule);
  const RuleInfo &R = getRuleInfo(Rule);
  OS << "\nUnder the policy for this path: "
     << (R.isConfigurable() ? effectiveSeverity(Policy, Files, Rule)
                            : severityName(R.DefaultSeverity).str() +
                                  " (fixed: policy-file problems)")
     << ".\nPage: " << ruleHelpUrl(Rule) << "\n";
}

/// "yes", "no (unverified)", "partial (700M): per-product cap".
static std::string describe(const Fact &F) {
  if (!F.isKnown())
    return "unknown";
  std::string Out = F.Word.str();
  if (!F.Verified)
    Out += " (unverified)";
  if (!F.Detail.empty())
    Out += ": " + F.Detail.str();
  return Out;
}

static void explainLicence(const Licence &L, const CompiledPolicy &Policy,
                           raw_ostream &OS) {
  OS << "licence '" << L.ID << "'";
  if (!L.Name.empty())
    OS << ": " << L.Name;
  if (!L.Spdx.empty())
    OS << " (SPDX " << L.Spdx << ")";
  OS << "\n";
  for (const TraitInfo &T : allTraits()) {
    const Fact &F = L.trait(T.ID);
    OS << "    " << T.Column << ": " << describe(F);
    if (flagsTrait(T.ID, F))
      OS << " -> [" << getRuleInfo(T.Rule).Name << "] "
         << severityName(Policy.severityOf(T.Rule));
    OS << "\n";
  }
  if (!L.Notes.empty())
    OS << "    notes: " << L.Notes << "\n";
  OS << "    source: " << (L.Source.empty() ? "none recorded" : L.Source)
     << "\n";
}

static void explainModel(const ModelResolution &R, const KnowledgeBase &KB,
                         ModelKind Kind, StringRef ID, const SourceFiles &Files,
                         raw_ostream &OS) {
  const Model *M = R.Known;
  OS << modelKindName(Kind) << " model '" << (M ? M->ID : ID) << "'";
  if (M && !M->Family.empty())
    OS << " (" << M->Family << (M->Params.empty() ? "" : ", ") << M->Params
       << ")";
  OS << "\n";
  emitResolutionText(R, Files, OS);
  if (!M)
    return;
  if (!M->LicenceDetail.empty())
    OS << "    licence detail: " << M->LicenceDetail << "\n";
  if (M->Gated.isKnown())
    OS << "    gated: " << describe(M->Gated) << "\n";
  if (!M->Notes.empty())
    OS << "    notes: " << M->Notes << "\n";
  OS << "    source: " << (M->Source.empty() ? "none recorded" : M->Source)
     << "\n";
  for (const Alternative &A : KB.alternativesFor(M->ID)) {
    OS << "    alternative: '" << A.To << "' (";
    ListSeparator LS("+");
    for (const LicenceRef &L : A.ToLicences)
      OS << LS << L.ID << (L.Verified ? "" : "?");
    OS << "): " << A.Reason << "\n";
  }
}

Error explain(StringRef What, const CompiledPolicy &Policy, SourceFiles &Files,
              raw_ostream &OS) {
  if (Optional<RuleID> Rule = lookupRule(What)) {
    explainRule(*Rule, Policy, Files, OS);
    return Error::success();
  }
  const KnowledgeBase &KB = *Policy.Knowledge;
  if (const Licence *L = KB.lookupLicence(What)) {
    explainLicence(*L, Policy, OS);
    return Error::success();
  }
  // A model: the kind its prefix names, else the first kind that has it.
  StringRef ID = What;
  SmallVector<ModelKind, 4> Kinds;
  if (ID.consume_front("ollama:"))
    Kinds = {ModelKind::Ollama};
  else if (ID.consume_front("weights:"))
    Kinds = {ModelKind::Weights};
  else
    Kinds = {ModelKind::Hub, ModelKind::Api, ModelKind::Ollama};
  for (ModelKind K : Kinds) {
    ModelResolution R = resolveModel(KB, K, ID, &Files);
    if (R.Known) {
      explainModel(R, KB, K, ID, Files, OS);
      return Error::success();
    }
  }
  std::string Near = suggestRuleName(What);
  return createStringError(
      inconvertibleErrorCode(),
      "licit knows no rule, licence or model '" + What + "'" +
          (Near.empty() ? "" : "; did you mean the rule '" + Near + "'?"));
}

} // namespace licit
