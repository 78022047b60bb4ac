//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "LicenceTermsPass.h"
#include "licit/Facts/HubCache.h"
#include "licit/Facts/ModelRef.h"
#include "licit/Facts/Resolution.h"
#include "licit/Policy/Policy.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include <map>
#include <tuple>

using namespace llvm;

namespace licit::check {

ArrayRef<RuleID> LicenceTermsPass::rules() {
  static const RuleID Rules[] = {
#define LICIT_TRAIT(Enum, Column, Rule, FlagWhenAbsent, Phrase) RuleID::Rule,
#include "licit/Knowledge/Traits.def"
      RuleID::LicenceDenied,
      RuleID::LicenceNotAllowed,
      RuleID::LicenceLineageConflict,
      RuleID::LicenceLineageIncomplete,
      RuleID::ModelDenied,
      RuleID::ModelNotAllowed,
      RuleID::ModelOpenness,
      RuleID::ModelUnknownLicence};
  return Rules;
}

static const ListEntry *findEntry(const std::vector<ListEntry> &List,
                                  StringRef ID) {
  auto It = find_if(List, [&](const ListEntry &E) { return E.matches(ID); });
  return It == List.end() ? nullptr : &*It;
}

/// "loaded here via 'AutoModel.from_pretrained'": what a use of a constant
/// does with it.
static std::string useNote(const ModelRef &U) {
  StringRef What;
  switch (U.Action) {
  case RefAction::Load:
    What = "loaded";
    break;
  case RefAction::Tokenizer:
    What = "loaded as a tokenizer";
    break;
  case RefAction::Adapter:
    What = "loaded as an adapter";
    break;
  case RefAction::Download:
    What = "downloaded";
    break;
  case RefAction::Serve:
    What = "served";
    break;
  case RefAction::Api:
    What = "called";
    break;
  case RefAction::Reference:
    What = "used";
    break;
  }
  return (What + " here" +
          (U.Carrier.empty() ? "" : " via '" + U.Carrier + "'"))
      .str();
}

namespace {
/// Evaluates one model against the policy. The same code serves the model a
/// file references, reporting what it finds, and each candidate
/// alternative, in a dry run that only asks whether the policy would
/// complain: one evaluation, so the fix-its can never disagree with the
/// checks.
class Checker {
public:
  /// Checks the model \p Uses reference, resolved as \p Res, reporting to
  /// \p Diags. The uses share one literal: a constant passed by name to
  /// several loaders is one finding at its definition.
  Checker(ArrayRef<const ModelRef *> Uses, const ModelResolution &Res,
          const PassContext &Ctx, DiagSink &Diags)
      : Ref(Uses.front()), Uses(Uses), Res(Res),
        KB(Ctx.knowledgeFor(Ref->File)), Policy(Ctx.policyFor(Ref->File)),
        Diags(&Diags), ID(Res.PolicyID),
        // Licences change between revisions, so a pinned one is named.
        AtRevision(Ref->Revision.empty()
                       ? ""
                       : " at revision '" + Ref->Revision + "'"),
        Subject("'" + ID + "'" + AtRevision) {}

  /// A dry run for a candidate model resolved as \p Res under \p Policy.
  Checker(const ModelResolution &Res, const KnowledgeBase &KB,
          const CompiledPolicy &Policy)
      : Res(Res), KB(KB), Policy(Policy), ID(Res.PolicyID),
        Subject("'" + Res.PolicyID + "'") {}

  /// Checks the referenced model and offers an alternative fix-it.
  void run();

  /// \returns true when the policy reports nothing louder than a note for
  /// the model.
  bool isAcceptable();

private:
  /// A licence binding the model, resolved in the knowledge base.
  struct Bound {
    const Licence *L;
    const BoundLicence *B;
  };

  void evaluate();
  Diagnostic &report(RuleID Rule, const Twine &Message,
                     ArrayRef<StringRef> LicenceIDs = {});
  void addProvenance(Diagnostic &D, const Model *M, const Bound &B);
  void checkLists(const Model *M, const Bound &B);
  /// One diagnostic per trait, naming every licence that has it.
  void checkTraits(const Model *M, ArrayRef<Bound> Licences);
  void addAlternativeFix();
  /// A declared licence that drops a base model's terms.
  void checkLineage(const Model *M, ArrayRef<Bound> Licences);

  /// Null in a dry run.
  const ModelRef *Ref = nullptr;
  ArrayRef<const ModelRef *> Uses;
  const ModelResolution &Res;
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
  bool AtDefinition = Ref->DefinedAt.hasFile();
  Diagnostic &D =
      Diags->report(Rule, AtDefinition ? Ref->DefinedAt : Ref->Range, Message);
  D.About.Kind = licit::Subject::Model;
  D.About.ID = ID;
  for (StringRef L : LicenceIDs)
    D.About.Licences.push_back(L.str());
  if (!AtDefinition && Ref->CarrierRange.hasFile())
    D.Secondary.push_back(Ref->CarrierRange);
  if (AtDefinition)
    for (const ModelRef *U : Uses)
      D.Notes.push_back({U->Range, useNote(*U)});
  if (Res.InferredFromName && Res.Known)
    D.Notes.push_back(
        {SourceRange(),
         ("licit does not list '" + Ref->ID + "'; its name makes it a " +
          (Res.Lineage.front().Relation == BaseRelation::Copy
               ? "copy"
               : "quantized or converted variant") +
          " of '" + Res.Known->ID + "' (unverified), whose terms are applied")
             .str()});
  if (!Res.Known)
    for (const Provenance &P : Res.From)
      D.Notes.push_back(
          {P.Where,
           (P.Kind == Provenance::FileMetadata    ? "its metadata declares "
            : P.Kind == Provenance::AdapterConfig ? "its adapter config says "
                                                  : "its model card says ") +
               P.Source});
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
  // A file licit does not know, resolved through what it declares.
  if (!M && !B.B->InheritedFrom.empty())
    D.Notes.push_back(
        {SourceRange(), (Subject + " derives from '" + B.B->InheritedFrom +
                         "', which is under '" + B.L->ID + "'")
                            .str()});
  if (M && !B.B->InheritedFrom.empty())
    D.Notes.push_back(
        {SourceRange(),
         ("'" + M->ID + "' declares '" +
          (M->Declared.empty() ? StringRef("?") : M->Declared.front().ID) +
          "' but derives from '" + B.B->InheritedFrom + "', which is under '" +
          B.L->ID + "'")
             .str()});
  if (M && !B.B->Verified)
    D.Notes.push_back(
        {SourceRange(), ("that '" + M->ID + "' is under '" + B.L->ID +
                         "' is unverified; source: " + M->Source)
                            .str()});
}

void Checker::checkLists(const Model *M, const Bound &B) {
  if (const ListEntry *E = Policy.findLicence(Policy.LicenceDeny, B.L->ID)) {
    Diagnostic &D = report(RuleID::LicenceDenied,
                           Subject + " is under licence '" + B.L->ID +
                               "', which the policy denies" +
                               (E->Reason.empty() ? "" : ": " + E->Reason),
                           B.L->ID);
    D.Notes.push_back({E->Range, "licence denied here"});
    addProvenance(D, M, B);
  }
  if (!Policy.LicenceAllow.empty() &&
      !Policy.findLicence(Policy.LicenceAllow, B.L->ID)) {
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
    // A licence with a stronger trait that is reported at least as loudly
    // (research-only over non-commercial) says this one already.
    auto ImpliedByReported = [&](const Bound &B) {
      return any_of(traitsImplying(T.ID), [&](Trait S) {
        RuleID Stronger = getTraitInfo(S).Rule;
        return !Policy.isIgnored(Stronger) &&
               Policy.severityOf(Stronger) >= Policy.severityOf(T.Rule) &&
               flagsTrait(S, factOf(M, *B.L, S));
      });
    };
    SmallVector<const Bound *, 2> Having;
    for (const Bound &B : Licences)
      if (flagsTrait(T.ID, factOf(M, *B.L, T.ID)) && !ImpliedByReported(B))
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
            {SourceRange(), ((ModelScoped ? "model '" + M->ID.str()
                                          : "licence '" + B->L->ID.str()) +
                             "': " + F.Detail)
                                .str()});
      addProvenance(D, M, *B);
    }
  }
}

/// The licence ids \p E names.
static void leavesOf(const LicenceExpr &E, SmallVectorImpl<StringRef> &Out) {
  if (E.Kind == LicenceExpr::Leaf)
    Out.push_back(E.ID);
  for (const LicenceExpr &A : E.Args)
    leavesOf(A, Out);
}

/// \returns true when \p Name begins with \p Prefix, compared as
/// letters and digits only ("Llama-3.1-ft" begins with "Llama 3").
static bool beginsWith(StringRef Name, StringRef Prefix) {
  auto Letters = [](StringRef S) {
    std::string Out;
    for (char C : S)
      if (isAlnum(C))
        Out += toLower(C);
    return Out;
  };
  return StringRef(Letters(Name)).startswith(Letters(Prefix));
}

/// The name a derived model is published under: a hub repository's name,
/// a model directory's (its card's). Empty for a file: its name is rarely
/// the model's.
static StringRef publishedName(const ModelRef &Ref) {
  if (Ref.Kind == ModelKind::Hub)
    return StringRef(Ref.ID).rsplit('/').second;
  return isCardModel(Ref) ? StringRef(Ref.ID) : StringRef();
}

void Checker::checkLineage(const Model *M, ArrayRef<Bound> Licences) {
  // The provenance notes show the line naming each base.
  for (const LineageGap &G : Res.Gaps)
    report(RuleID::LicenceLineageIncomplete,
           G.Cycle ? Subject + " has a lineage that loops back to '" + G.ID +
                         "': the chain is followed once"
                   : Subject + " derives from '" + G.ID +
                         "', whose licence licit cannot resolve (neither the "
                         "knowledge base nor the hub cache has it): its "
                         "effective terms may be incomplete");
  SmallVector<StringRef, 2> Declared;
  leavesOf(Res.Declared, Declared);
  SmallVector<const Licence *, 2> DeclaredLicences;
  for (StringRef D : Declared)
    if (const Licence *L = KB.lookupLicence(D))
      DeclaredLicences.push_back(L);
  Diagnostic *Conflict = nullptr;
  for (const Bound &B : Licences) {
    if (Declared.empty() || B.B->InheritedFrom.empty() ||
        is_contained(Declared, B.L->ID))
      continue;
    // Only terms the declared licence drops: a base under Apache-2.0
    // below an MIT card keeps nothing MIT does not.
    bool Drops = any_of(allTraits(), [&](const TraitInfo &T) {
      return T.ID != Trait::Osi && flagsTrait(T.ID, factOf(M, *B.L, T.ID)) &&
             none_of(DeclaredLicences, [&](const Licence *D) {
               return flagsTrait(T.ID, D->trait(T.ID));
             });
    });
    if (!Drops)
      continue;
    std::string Names;
    for (StringRef D : Declared)
      Names += (Names.empty() ? "'" : " and '") + D.str() + "'";
    Conflict = &report(RuleID::LicenceLineageConflict,
                       Subject + " declares " + Names + ", but derives from '" +
                           B.B->InheritedFrom + "', which is under '" +
                           B.L->ID + "': the base's terms still apply",
                       B.L->ID);
    break; // Said once: the notes name every link.
  }
  // A derivative licit knows only through its card: its name must keep
  // the start its base's licence requires of derived models.
  if (M || !Ref || Res.Lineage.empty())
    return;
  StringRef Name = publishedName(*Ref);
  if (Name.empty())
    return;
  for (const Bound &B : Licences) {
    StringRef Prefix = B.L->namePrefix();
    if (Prefix.empty() || beginsWith(Name, Prefix))
      continue;
    StringRef Base = B.B->InheritedFrom.empty()
                         ? StringRef(Res.Lineage.front().ID)
                         : StringRef(B.B->InheritedFrom);
    std::string Why = ("its name '" + Name + "' does not begin with '" +
                       Prefix + "', which licence '" + B.L->ID +
                       "' requires of models derived from '" + Base + "'")
                          .str();
    if (Conflict)
      Conflict->Notes.push_back({SourceRange(), Why});
    else
      report(RuleID::LicenceLineageConflict, Subject + " is misnamed: " + Why,
             B.L->ID);
    return;
  }
}

void Checker::evaluate() {
  const Model *M = Res.Known;
  if (const ListEntry *E = findEntry(Policy.ModelDeny, ID)) {
    Diagnostic &D = report(RuleID::ModelDenied,
                           Subject + " is denied by the policy" +
                               (E->Reason.empty() ? "" : ": " + E->Reason));
    D.Notes.push_back({E->Range, "model denied here"});
  }
  // Who receives the data: the API's provider, and LiteLLM's routing
  // prefix ("azure/gpt-4o", "bedrock/...").
  if (!Policy.ProviderDeny.empty() && Ref && Ref->Kind == ModelKind::Api) {
    // The route first: it is who receives the data.
    SmallVector<std::string, 2> Providers;
    StringRef Route = StringRef(Ref->Written).split('/').first;
    if (Route.size() != Ref->Written.size())
      Providers.push_back(Route.str());
    if (M && StringRef(M->Family).endswith("-api"))
      Providers.push_back(StringRef(M->Family).drop_back(4).str());
    for (const std::string &P : Providers)
      if (const ListEntry *E = findEntry(Policy.ProviderDeny, P)) {
        Diagnostic &D = report(RuleID::ModelDenied,
                               Subject + " is a hosted model of provider '" +
                                   P + "', which the policy denies" +
                                   (E->Reason.empty() ? "" : ": " + E->Reason));
        D.Notes.push_back({E->Range, "provider denied here"});
        break;
      }
  }
  if (!Policy.ModelAllow.empty() && !findEntry(Policy.ModelAllow, ID)) {
    Diagnostic &D = report(RuleID::ModelNotAllowed,
                           Subject + " is not on the policy's allow list");
    D.Notes.push_back({Policy.ModelAllow.front().Range, "allow list here"});
  }
  // A weights file licit does not know is most often the project's own
  // (a checkpoint it trained): the file's metadata says more than a name.
  if (Res.Bound.empty() && !(Ref && !M && Ref->Kind == ModelKind::Weights)) {
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
        D.Notes.push_back({SourceRange(), M->LicenceDetail.str()});
    }
  }
  SmallVector<Bound, 2> Licences;
  for (const BoundLicence &BL : Res.Bound) {
    const Licence *L = KB.lookupLicence(BL.ID);
    if (!L || L->ID == "unknown" || L->ID == "other") {
      report(RuleID::ModelUnknownLicence,
             Subject + " is under licence '" + BL.ID +
                 "', which licit cannot resolve",
             StringRef(BL.ID));
      continue;
    }
    Licences.push_back({L, &BL});
    checkLists(M, Licences.back());
  }
  checkTraits(M, Licences);
  checkLineage(M, Licences);
  if (M && Policy.MinOpenness && M->Level < Policy.MinOpenness->Value) {
    Diagnostic &D = report(RuleID::ModelOpenness,
                           Subject + " is " + opennessName(M->Level) +
                               ", less open than the policy's minimum '" +
                               opennessName(Policy.MinOpenness->Value) + "'");
    D.Notes.push_back({Policy.MinOpenness->Range, "minimum set here"});
  }
}

bool Checker::isAcceptable() {
  assert(!Diags && "only dry runs answer acceptability");
  Loud = false;
  evaluate();
  return !Loud;
}

/// Lower-case letters and digits of \p S: "stable-diffusion" and
/// "StableDiffusion" compare equal.
static std::string squash(StringRef S) {
  std::string Out;
  for (char C : S)
    if (isAlnum(C))
      Out += toLower(C);
  return Out;
}

/// How a replacement by \p Alt may be applied where \p Ref names a model
/// of \p From: only where the carrier would load it the same way. A
/// concrete class ("LlamaForCausalLM", "FluxPipeline") loads only its own
/// architecture; an embedding API only embedding models; an adapter is
/// tied to its base; a file download names a file of the old repository.
static Applicability replacementSafety(const ModelRef &Ref, const Model *From,
                                       const Model *Alt) {
  if (Ref.ReplaceSafety == Applicability::DisplayOnly ||
      Ref.Action == RefAction::Adapter)
    return Applicability::DisplayOnly;
  StringRef Carrier = Ref.Carrier;
  for (StringRef Method : {".from_pretrained", ".from_single_file"})
    if (Carrier.endswith(Method))
      Carrier = Carrier.drop_back(Method.size());
  Carrier = Carrier.substr(Carrier.rfind('.') + 1);
  if (Carrier == "hf_hub_download")
    return Applicability::DisplayOnly;
  bool Embedding = Carrier == "SentenceTransformer" ||
                   Carrier == "CrossEncoder" ||
                   Carrier.startswith("HuggingFaceEmbedding");
  if (Embedding)
    return Alt && Alt->Family == "embedding" ? Ref.ReplaceSafety
                                             : Applicability::DisplayOnly;
  bool Concrete = !Carrier.empty() && Carrier.front() >= 'A' &&
                  Carrier.front() <= 'Z' && !Carrier.startswith("Auto") &&
                  Carrier != "DiffusionPipeline" && Carrier != "LLM" &&
                  !Carrier.endswith("Trainer");
  if (!Concrete)
    return Ref.ReplaceSafety;
  // The same family, and the class is that family's.
  if (Alt && From && Alt->Family == From->Family &&
      StringRef(squash(Carrier)).startswith(squash(Alt->Family)))
    return Ref.ReplaceSafety;
  return Applicability::DisplayOnly;
}

void Checker::addAlternativeFix() {
  if (Reported.empty() || Ref->Kind != ModelKind::Hub ||
      !Ref->IDRange.hasOffsets())
    return;
  for (const Alternative &A : KB.alternativesFor(Ref->ID)) {
    // The knowledge base's own entry wins over the alternative's summary.
    ModelResolution Candidate =
        resolveModel(KB, ModelKind::Hub, A.To, /*Files=*/nullptr);
    if (Candidate.Bound.empty())
      for (const LicenceRef &L : A.ToLicences)
        Candidate.Bound.push_back({L.ID.str(), L.Verified, ""});
    if (!Checker(Candidate, KB, Policy).isAcceptable())
      continue;
    Fix F;
    std::string Names;
    for (const LicenceRef &L : A.ToLicences)
      Names +=
          (Names.empty() ? "" : "+") + L.ID.str() + (L.Verified ? "" : "?");
    F.Title = ("use '" + A.To + "' (" + Names + ") instead: " + A.Reason).str();
    F.Edits.push_back({Ref->IDRange, escapeText(Ref->IDEscaping, A.To)});
    // Another model behaves differently: never applied without a human,
    // and only shown where the replacement would not keep things working
    // for every use.
    const Model *To = KB.lookupModel(ModelKind::Hub, A.To);
    F.Safety = Applicability::Safe;
    for (const ModelRef *U : Uses)
      F.Safety = std::max(F.Safety, replacementSafety(*U, Res.Known, To));
    for (Diagnostic *D : Reported)
      D->Fixes.push_back(F);
    return;
  }
}

void Checker::run() {
  evaluate();
  addAlternativeFix();
}

void LicenceTermsPass::run(FactStore &Facts, const PassContext &Ctx,
                           DiagSink &Diags) {
  ArrayRef<ModelRef> Refs = Facts.all<ModelRef>();
  // The uses of one literal, in the order of their first use.
  struct Group {
    const ModelResolution *Res;
    SmallVector<const ModelRef *, 2> Uses;
  };
  std::vector<Group> Groups;
  std::map<std::tuple<FileID, unsigned, StringRef, StringRef>, size_t>
      ByLiteral;
  for (const ModelResolution &R : Facts.all<ModelResolution>()) {
    const ModelRef &Ref = Refs[R.Ref];
    if (Ref.Role == RefRole::Use) {
      if (!Ref.DefinedAt.hasFile()) {
        Groups.push_back({&R, {&Ref}});
        continue;
      }
      auto [It, New] = ByLiteral.try_emplace(
          std::make_tuple(Ref.DefinedAt.File, Ref.DefinedAt.Begin,
                          StringRef(Ref.ID), StringRef(Ref.Revision)),
          Groups.size());
      if (New)
        Groups.push_back({&R, {}});
      Groups[It->second].Uses.push_back(&Ref);
      continue;
    }
    // Documentation describes; the policy decides which rules bind it.
    const CompiledPolicy &Policy = Ctx.policyFor(Ref.File);
    if (!Policy.scansDocs())
      continue;
    DiagSink Scratch;
    const ModelRef *Mention = &Ref;
    Checker(Mention, R, Ctx, Scratch).run();
    std::vector<Diagnostic> Found;
    Scratch.moveTo(Found);
    for (Diagnostic &D : Found)
      if (Policy.scansDocs(D.Rule))
        Diags.report(D.Rule, D.Range, "") = std::move(D);
  }
  for (const Group &G : Groups)
    Checker(G.Uses, *G.Res, Ctx, Diags).run();
}

} // namespace licit::check
