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
/// Evaluates one model against the policy. The same code serves the model a
/// file references, reporting what it finds, and each candidate
/// alternative, in a dry run that only asks whether the policy would
/// complain: one evaluation, so the fix-its can never disagree with the
/// checks.
class Checker {
public:
  /// Checks what \p Ref references, reporting to \p Diags.
  Checker(const ModelRef &Ref, const PassContext &Ctx, DiagSink &Diags)
      : Ref(&Ref), KB(Ctx.KB), Policy(Ctx.PolicyFor(*Ref.File)), Diags(&Diags),
        ID(policyID(Ref.Kind, Ref.ID)),
        // Licences change between revisions, so a pinned one is named.
        AtRevision(
            Ref.Revision.empty() ? "" : " at revision '" + Ref.Revision + "'"),
        Subject("'" + ID + "'" + AtRevision) {}

  /// A dry run for hub model \p ID under \p Policy.
  Checker(StringRef ID, const KnowledgeBase &KB, const CompiledPolicy &Policy)
      : KB(KB), Policy(Policy), ID(ID.str()), Subject("'" + ID.str() + "'") {}

  /// Checks the referenced model and offers an alternative fix-it.
  void run();

  /// \returns true when the policy reports nothing louder than a note for
  /// the model, known as \p M (or null) and bound by \p Effective.
  bool isAcceptable(const Model *M, ArrayRef<LicenceRef> Effective);

private:
  /// A licence binding the model, resolved in the knowledge base.
  struct Bound {
    const Licence *L;
    LicenceRef Ref;
    /// The ancestor the licence comes from, when the card says otherwise.
    const Model *Ancestor;
  };

  void evaluate(const Model *M, ArrayRef<LicenceRef> Effective);
  Diagnostic &report(RuleID Rule, const Twine &Message,
                     ArrayRef<StringRef> LicenceIDs = {});
  void addProvenance(Diagnostic &D, const Model *M, const Bound &B);
  void checkLists(const Model *M, const Bound &B);
  /// One diagnostic per trait, naming every licence that has it.
  void checkTraits(const Model *M, ArrayRef<Bound> Licences);
  void addAlternativeFix();

  /// Null in a dry run.
  const ModelRef *Ref = nullptr;
  const KnowledgeBase &KB;
  const CompiledPolicy &Policy;
  DiagSink *Diags = nullptr;
  std::string ID;
  std::string AtRevision;
  /// How messages name the reference: the id, and its revision if pinned.
  std::string Subject;
  std::vector<Diagnostic *> Reported;
  /// Dry runs: whether anything louder than a note was found.
  bool Loud = false;
  Diagnostic Scratch;
};
} // namespace

Diagnostic &Checker::report(RuleID Rule, const Twine &Message,
                            ArrayRef<StringRef> LicenceIDs) {
  if (!Diags) {
    Loud |= Policy.severityOf(Rule) > Severity::Note;
    Scratch = Diagnostic();
    return Scratch;
  }
  Diagnostic &D = Diags->report(Rule, Ref->File->Path, Ref->Range, Message);
  D.ModelID = ID;
  for (StringRef L : LicenceIDs)
    D.LicenceIDs.push_back(L.str());
  if (Ref->CarrierRange.isValid())
    D.Secondary.push_back(Ref->CarrierRange);
  if (Ref->DefinedAt.isValid())
    D.Notes.push_back({Ref->DefinedAt, "'" + Ref->ID + "' is assigned here"});
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

/// The fact of \p T for a model under \p L; without a known model, the
/// licence's own.
static const Fact &factOf(const Model *M, const Licence &L, Trait T) {
  return M ? traitOf(*M, L, T) : L.trait(T);
}

void Checker::addProvenance(Diagnostic &D, const Model *M, const Bound &B) {
  if (B.Ancestor)
    D.Notes.push_back(
        {SMRange(),
         ("'" + M->ID + "' declares '" +
          (M->Declared.empty() ? StringRef("?") : M->Declared.front().ID) +
          "' but derives from '" + B.Ancestor->ID + "', which is under '" +
          B.L->ID + "'")
             .str()});
  if (M && !B.Ref.Verified)
    D.Notes.push_back({SMRange(), ("that '" + M->ID + "' is under '" + B.L->ID +
                                   "' is unverified; source: " + M->Source)
                                      .str()});
}

void Checker::checkLists(const Model *M, const Bound &B) {
  if (const ListEntry *E = findEntry(Policy.LicenceDeny, B.L->ID)) {
    Diagnostic &D = report(RuleID::LicenceDenied,
                           Subject + " is under licence '" + B.L->ID +
                               "', which the policy denies" +
                               (E->Reason.empty() ? "" : ": " + E->Reason),
                           B.L->ID);
    D.Notes.push_back({E->Range, "licence denied here"});
    addProvenance(D, M, B);
  }
  if (!Policy.LicenceAllow.empty() &&
      !findEntry(Policy.LicenceAllow, B.L->ID)) {
    Diagnostic &D = report(RuleID::LicenceNotAllowed,
                           Subject + " is under licence '" + B.L->ID +
                               "', which is not on the policy's allow list",
                           B.L->ID);
    D.Notes.push_back({Policy.LicenceAllow.front().Range, "allow list here"});
    addProvenance(D, M, B);
  }
}

void Checker::checkTraits(const Model *M, ArrayRef<Bound> Licences) {
  for (const TraitInfo &T : allTraits()) {
    if (Policy.isIgnored(T.Rule))
      continue;
    SmallVector<const Bound *, 2> Having;
    for (const Bound &B : Licences)
      if (flagsTrait(T.ID, factOf(M, *B.L, T.ID)))
        Having.push_back(&B);
    if (Having.empty())
      continue;
    std::string Names;
    SmallVector<StringRef, 2> IDs;
    for (size_t I = 0; I != Having.size(); ++I) {
      const Licence *L = Having[I]->L;
      Names += (I == 0 ? "" : I + 1 == Having.size() ? " and " : ", ");
      Names += "'" + L->ID.str() + "'";
      if (Having.size() > 1)
        Names += qualifier(factOf(M, *L, T.ID));
      IDs.push_back(L->ID);
    }
    Diagnostic &D =
        Having.size() == 1
            ? report(T.Rule,
                     Subject + " is under licence " + Names + ", which " +
                         T.Phrase + qualifier(factOf(M, *Having[0]->L, T.ID)),
                     IDs)
            : report(T.Rule,
                     Subject + " is under licences " + Names +
                         ", each of which " + T.Phrase,
                     IDs);
    for (const Bound *B : Having) {
      const Fact &F = factOf(M, *B->L, T.ID);
      // Say whose fact it is: the licence's, or the model's own scope.
      bool ModelScoped = M && &F == &M->EuExcluded;
      if (!F.Detail.empty())
        D.Notes.push_back(
            {SMRange(), ((ModelScoped ? "model '" + M->ID.str()
                                      : "licence '" + B->L->ID.str()) +
                         "': " + F.Detail)
                            .str()});
      addProvenance(D, M, *B);
    }
  }
}

void Checker::evaluate(const Model *M, ArrayRef<LicenceRef> Effective) {
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
  if (Effective.empty()) {
    if (!M) {
      // Named by kind and as written: "ollama model 'llama3'".
      report(RuleID::ModelUnknownLicence,
             "licit does not know the licence of " +
                 modelKindName(Ref ? Ref->Kind : ModelKind::Hub) + " model '" +
                 (Ref ? StringRef(Ref->ID) : StringRef(ID)) + "'" + AtRevision);
    } else {
      Diagnostic &D = report(RuleID::ModelUnknownLicence,
                             "the licence of " + Subject + " is not known");
      if (!M->LicenceDetail.empty())
        D.Notes.push_back({SMRange(), M->LicenceDetail.str()});
    }
  }
  SmallVector<Bound, 2> Licences;
  for (const LicenceRef &LR : Effective) {
    const Licence *L = KB.lookupLicence(LR.ID);
    if (!L || L->ID == "unknown" || L->ID == "other") {
      report(RuleID::ModelUnknownLicence,
             Subject + " is under licence '" + LR.ID +
                 "', which licit cannot resolve",
             LR.ID);
      continue;
    }
    Licences.push_back({L, LR, M ? inheritedFrom(KB, *M, L->ID) : nullptr});
    checkLists(M, Licences.back());
  }
  checkTraits(M, Licences);
  if (M && Policy.MinOpenness && M->Level < Policy.MinOpenness->Value) {
    Diagnostic &D = report(RuleID::ModelOpenness,
                           Subject + " is " + opennessName(M->Level) +
                               ", less open than the policy's minimum '" +
                               opennessName(Policy.MinOpenness->Value) + "'");
    D.Notes.push_back({Policy.MinOpenness->Range, "minimum set here"});
  }
}

bool Checker::isAcceptable(const Model *M, ArrayRef<LicenceRef> Effective) {
  assert(!Diags && "only dry runs answer acceptability");
  Loud = false;
  evaluate(M, Effective);
  return !Loud;
}

void Checker::addAlternativeFix() {
  if (Reported.empty() || Ref->Kind != ModelKind::Hub ||
      !Ref->IDRange.isValid())
    return;
  for (const Alternative &A : KB.alternativesFor(Ref->ID)) {
    // The knowledge base's own entry wins over the alternative's summary.
    const Model *M = KB.lookupModel(ModelKind::Hub, A.To);
    ArrayRef<LicenceRef> Licences = M && !M->Effective.empty()
                                        ? ArrayRef<LicenceRef>(M->Effective)
                                        : ArrayRef<LicenceRef>(A.ToLicences);
    if (!Checker(A.To, KB, Policy).isAcceptable(M, Licences))
      continue;
    Fix F;
    std::string Names;
    for (const LicenceRef &L : A.ToLicences)
      Names +=
          (Names.empty() ? "" : "+") + L.ID.str() + (L.Verified ? "" : "?");
    F.Title = ("use '" + A.To + "' (" + Names + ") instead: " + A.Reason).str();
    F.Edits.push_back(SMFixIt(Ref->IDRange, A.To));
    // Another model behaves differently: never applied without a human.
    F.Safety = Applicability::Unsafe;
    for (Diagnostic *D : Reported)
      D->Fixes.push_back(F);
    return;
  }
}

void Checker::run() {
  const Model *M = KB.lookupModel(Ref->Kind, Ref->ID);
  evaluate(M, M ? ArrayRef<LicenceRef>(M->Effective) : None);
  addAlternativeFix();
}

void LicenceTermsPass::run(const FactStore &Facts, const PassContext &Ctx,
                           DiagSink &Diags) {
  for (const ModelRef &Ref : Facts.ModelRefs)
    Checker(Ref, Ctx, Diags).run();
}

} // namespace licit::check
