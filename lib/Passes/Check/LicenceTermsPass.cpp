//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "LicenceTermsPass.h"
#include "licit/Basic/SourceFile.h"
#include "licit/Policy/Policy.h"
#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace licit::check {

ArrayRef<RuleID> LicenceTermsPass::rules() {
  static const RuleID Rules[] = {
#define LICIT_TRAIT(Enum, Column, Rule, FlagWhenAbsent, Phrase) RuleID::Rule,
#include "licit/Knowledge/Traits.def"
      RuleID::LicenceDenied, RuleID::LicenceNotAllowed,
      RuleID::ModelDenied,   RuleID::ModelNotAllowed,
      RuleID::ModelOpenness, RuleID::ModelUnknownLicence};
  return Rules;
}

/// The id policies match: Ollama tags carry an "ollama:" prefix so that a
/// glob for hub ids never catches them by accident.
static std::string policyID(ModelKind Kind, StringRef ID) {
  return Kind == ModelKind::Ollama ? ("ollama:" + ID).str() : ID.str();
}

static const ListEntry *findEntry(const std::vector<ListEntry> &List,
                                  StringRef ID) {
  auto It = find_if(List, [&](const ListEntry &E) { return E.matches(ID); });
  return It == List.end() ? nullptr : &*It;
}

/// \returns the ancestor through which \p M is bound by \p LicenceID, when
/// its own card declares something else.
static const Model *inheritedFrom(const KnowledgeBase &KB, const Model &M,
                                  StringRef LicenceID) {
  auto Declares = [&](const Model &X) {
    return any_of(X.Declared,
                  [&](const LicenceRef &R) { return R.ID == LicenceID; });
  };
  if (Declares(M))
    return nullptr;
  const Model *Cur = &M;
  // Bounded: the data has no cycles, but a bad overlay must not hang us.
  for (unsigned Depth = 0; Depth != 16 && !Cur->BaseModel.empty(); ++Depth) {
    Cur = KB.lookupModel(ModelKind::Hub, Cur->BaseModel);
    if (!Cur)
      return nullptr;
    if (Declares(*Cur))
      return Cur;
  }
  return nullptr;
}

namespace {
class Checker {
public:
  Checker(const ModelRef &Ref, const PassContext &Ctx, DiagSink &Diags)
      : Ref(Ref), KB(Ctx.KB), Policy(Ctx.PolicyFor(*Ref.File)), Diags(Diags),
        ID(policyID(Ref.Kind, Ref.ID)),
        // Licences change between revisions, so a pinned one is named.
        Subject("'" + ID + "'" +
                (Ref.Revision.empty()
                     ? ""
                     : " at revision '" + Ref.Revision + "'")) {}

  void run();

private:
  Diagnostic &report(RuleID Rule, const Twine &Message,
                     StringRef LicenceID = "");
  void checkLicence(const Model &M, const LicenceRef &LR);
  /// \returns true when the policy would report nothing louder than a note
  /// for \p M (used to pick alternatives worth offering).
  bool isAcceptable(StringRef ModelID, ArrayRef<LicenceRef> Licences,
                    const Model *M) const;
  void addAlternativeFix();

  const ModelRef &Ref;
  const KnowledgeBase &KB;
  const CompiledPolicy &Policy;
  DiagSink &Diags;
  std::string ID;
  /// How messages name the reference: the id, and its revision if pinned.
  std::string Subject;
  std::vector<Diagnostic *> Reported;
};
} // namespace

Diagnostic &Checker::report(RuleID Rule, const Twine &Message,
                            StringRef LicenceID) {
  Diagnostic &D = Diags.report(Rule, Ref.File->Path, Ref.Range, Message);
  D.ModelID = ID;
  D.LicenceID = LicenceID.str();
  if (Ref.CarrierRange.isValid())
    D.Secondary.push_back(Ref.CarrierRange);
  if (Ref.DefinedAt.isValid())
    D.Notes.push_back({Ref.DefinedAt, "'" + Ref.ID + "' is assigned here"});
  Reported.push_back(&D);
  return D;
}

static std::string qualifier(const Fact &F) {
  std::string Q;
  if (F.Value == Answer::Partial || (F.Word != "yes" && F.Word != "no"))
    Q = F.Word.str();
  if (!F.Verified)
    Q += Q.empty() ? "unverified" : ", unverified";
  return Q.empty() ? "" : " (" + Q + ")";
}

void Checker::checkLicence(const Model &M, const LicenceRef &LR) {
  const Licence *L = KB.lookupLicence(LR.ID);
  if (!L || L->ID == "unknown" || L->ID == "other") {
    report(RuleID::ModelUnknownLicence,
           Subject + " is under licence '" + LR.ID +
               "', which licit cannot resolve",
           LR.ID);
    return;
  }
  const Model *Ancestor = inheritedFrom(KB, M, L->ID);
  auto AddProvenance = [&](Diagnostic &D) {
    if (Ancestor)
      D.Notes.push_back(
          {SMRange(),
           ("'" + M.ID + "' declares '" +
            (M.Declared.empty() ? StringRef("?") : M.Declared.front().ID) +
            "' but derives from '" + Ancestor->ID + "', which is under '" +
            L->ID + "'")
               .str()});
    if (!LR.Verified)
      D.Notes.push_back({SMRange(), ("that '" + M.ID + "' is under '" + L->ID +
                                     "' is unverified; source: " + M.Source)
                                        .str()});
  };
  if (const ListEntry *E = findEntry(Policy.LicenceDeny, L->ID)) {
    Diagnostic &D = report(RuleID::LicenceDenied,
                           Subject + " is under licence '" + L->ID +
                               "', which the policy denies" +
                               (E->Reason.empty() ? "" : ": " + E->Reason),
                           L->ID);
    D.Notes.push_back({E->Range, "licence denied here"});
    AddProvenance(D);
  }
  if (!Policy.LicenceAllow.empty() && !findEntry(Policy.LicenceAllow, L->ID)) {
    Diagnostic &D = report(RuleID::LicenceNotAllowed,
                           Subject + " is under licence '" + L->ID +
                               "', which is not on the policy's allow list",
                           L->ID);
    D.Notes.push_back({Policy.LicenceAllow.front().Range, "allow list here"});
    AddProvenance(D);
  }
  for (const TraitInfo &T : allTraits()) {
    if (!L->flags(T.ID) || Policy.isIgnored(T.Rule))
      continue;
    const Fact &F = L->trait(T.ID);
    Diagnostic &D = report(T.Rule,
                           Subject + " is under licence '" + L->ID +
                               "', which " + T.Phrase + qualifier(F),
                           L->ID);
    if (!F.Detail.empty())
      D.Notes.push_back(
          {SMRange(), ("licence '" + L->ID + "': " + F.Detail).str()});
    AddProvenance(D);
  }
}

bool Checker::isAcceptable(StringRef ModelID, ArrayRef<LicenceRef> Licences,
                           const Model *M) const {
  auto Loud = [&](RuleID R) { return Policy.severityOf(R) > Severity::Note; };
  if (findEntry(Policy.ModelDeny, ModelID) ||
      (!Policy.ModelAllow.empty() && !findEntry(Policy.ModelAllow, ModelID)))
    return false;
  if (Licences.empty())
    return !Loud(RuleID::ModelUnknownLicence);
  if (M && Policy.MinOpenness && M->Level < Policy.MinOpenness->Value)
    return false;
  for (const LicenceRef &LR : Licences) {
    const Licence *L = KB.lookupLicence(LR.ID);
    if (!L)
      return false;
    if (findEntry(Policy.LicenceDeny, L->ID) ||
        (!Policy.LicenceAllow.empty() &&
         !findEntry(Policy.LicenceAllow, L->ID)))
      return false;
    for (const TraitInfo &T : allTraits())
      if (L->flags(T.ID) && Loud(T.Rule))
        return false;
  }
  return true;
}

void Checker::addAlternativeFix() {
  if (Reported.empty() || Ref.Kind != ModelKind::Hub || !Ref.IDRange.isValid())
    return;
  for (const Alternative &A : KB.alternativesFor(Ref.ID)) {
    const Model *M = KB.lookupModel(ModelKind::Hub, A.To);
    ArrayRef<LicenceRef> Licences = M && !M->Effective.empty()
                                        ? ArrayRef<LicenceRef>(M->Effective)
                                        : ArrayRef<LicenceRef>(A.ToLicences);
    if (!isAcceptable(A.To, Licences, M))
      continue;
    Fix F;
    std::string Names;
    for (const LicenceRef &L : A.ToLicences)
      Names +=
          (Names.empty() ? "" : "+") + L.ID.str() + (L.Verified ? "" : "?");
    F.Title = ("use '" + A.To + "' (" + Names + ") instead: " + A.Reason).str();
    F.Edits.push_back(SMFixIt(Ref.IDRange, A.To));
    // Another model behaves differently: never applied without a human.
    F.Safety = Applicability::Unsafe;
    for (Diagnostic *D : Reported)
      D->Fixes.push_back(F);
    return;
  }
}

void Checker::run() {
  if (const ListEntry *E = findEntry(Policy.ModelDeny, ID)) {
    Diagnostic &D = report(RuleID::ModelDenied,
                           Subject + " is denied by the policy" +
                               (E->Reason.empty() ? "" : ": " + E->Reason));
    D.Notes.push_back({E->Range, "model denied here"});
  }
  if (!Policy.ModelAllow.empty() && !findEntry(Policy.ModelAllow, ID)) {
    Diagnostic &D = report(RuleID::ModelNotAllowed,
                           Subject + " is not on the policy's allow list");
    D.Notes.push_back({Policy.ModelAllow.front().Range, "allow list here"});
  }
  const Model *M = KB.lookupModel(Ref.Kind, Ref.ID);
  if (!M) {
    report(RuleID::ModelUnknownLicence, "licit does not know the licence of " +
                                            modelKindName(Ref.Kind) +
                                            " model '" + Ref.ID + "'");
  } else if (M->Effective.empty()) {
    Diagnostic &D = report(RuleID::ModelUnknownLicence,
                           "the licence of " + Subject + " is not known");
    if (!M->LicenceDetail.empty())
      D.Notes.push_back({SMRange(), M->LicenceDetail.str()});
  } else {
    for (const LicenceRef &LR : M->Effective)
      checkLicence(*M, LR);
  }
  if (M && Policy.MinOpenness && M->Level < Policy.MinOpenness->Value) {
    Diagnostic &D = report(RuleID::ModelOpenness,
                           Subject + " is " + opennessName(M->Level) +
                               ", less open than the policy's minimum '" +
                               opennessName(Policy.MinOpenness->Value) + "'");
    D.Notes.push_back({Policy.MinOpenness->Range, "minimum set here"});
  }
  addAlternativeFix();
}

void LicenceTermsPass::run(const FactStore &Facts, const PassContext &Ctx,
                           DiagSink &Diags) {
  for (const ModelRef &Ref : Facts.ModelRefs)
    Checker(Ref, Ctx, Diags).run();
}

} // namespace licit::check
