//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "ModelResolvePass.h"
#include "licit/Facts/FileMetadata.h"
#include "licit/Facts/HubCache.h"
#include "licit/Facts/ModelRef.h"
#include "licit/Facts/Resolution.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"
#include <map>

using namespace llvm;

namespace licit::resolve {

/// The file a weights reference names, when the tree has it: its path
/// taken from the referencing file's directory, then from each directory
/// above it (scripts are run from the project's root as often as from
/// their own).
static FileID findLocalFile(const SourceFiles &Files, const ModelRef &Ref) {
  StringRef Written = Ref.Written;
  if (Written.contains('$') || Written.contains('{') || Written.contains('~'))
    return 0;
  auto Find = [&](StringRef Dir) {
    SmallString<256> Path(Dir);
    sys::path::append(Path, Written);
    sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    return Files.find(Path);
  };
  if (sys::path::is_absolute(Written))
    return Find("");
  SmallString<256> Dir(sys::path::parent_path(Files.get(Ref.File).AbsPath));
  for (unsigned Up = 0; Up != 8 && !Dir.empty(); ++Up) {
    if (FileID F = Find(Dir))
      return F;
    // The parent is a prefix of the directory.
    size_t ParentSize = sys::path::parent_path(Dir).size();
    if (ParentSize == Dir.size())
      break;
    Dir.resize(ParentSize);
  }
  return 0;
}

/// Adds licence \p ID to what binds \p R, once, inherited from \p From.
static void bindLicence(ModelResolution &R, StringRef ID, bool Verified,
                        StringRef From) {
  if (none_of(R.Bound, [&](const BoundLicence &B) { return B.ID == ID; }))
    R.Bound.push_back({ID.str(), Verified, From.str()});
}

/// The effective licence: every licence that binds \p R.
static void settleEffective(ModelResolution &R) {
  std::vector<LicenceRef> Refs;
  for (const BoundLicence &B : R.Bound)
    Refs.push_back({B.ID, B.Verified});
  R.Effective = LicenceExpr::allOf(Refs);
}

static BaseRelation relationOf(StringRef Relation) {
  return StringSwitch<BaseRelation>(Relation)
      .Case("adapter", BaseRelation::Adapter)
      .Case("merge", BaseRelation::Merge)
      .Case("quantized", BaseRelation::Quantized)
      .Default(BaseRelation::Finetune);
}

/// Chains of cards longer than this are cut (and cycles never followed).
constexpr unsigned MaxCardDepth = 8;

/// Following a model's lineage: where it reads, and the models on the path
/// from the model to the base being followed.
struct LineageWalk {
  const KnowledgeBase &KB;
  HubCache *Cache;
  SourceFiles &Files;
  SmallVector<std::string, 4> Path;

  void card(ModelResolution &R, const ModelCard &Card, StringRef Via);
  void base(ModelResolution &R, StringRef ID);
};

/// What a model licit does not know says about itself in its card (cached,
/// or in the tree): its licence, and those of its base models. Each link
/// records the card line that declares it.
void LineageWalk::card(ModelResolution &R, const ModelCard &Card,
                       StringRef Via) {
  if (!Card.Licence.empty()) {
    if (Via.empty())
      R.Declared = LicenceExpr::leaf(Card.Licence);
    bindLicence(R, Card.Licence, /*Verified=*/true, Via);
    R.From.push_back(
        {Provenance::ModelCard, Card.LicenceAt, "license: " + Card.Licence});
  }
  for (const ModelCard::Base &B : Card.BaseModels) {
    R.Lineage.push_back({B.ID, relationOf(Card.Relation), /*Verified=*/true});
    R.From.push_back(
        B.InAdapterConfig
            ? Provenance{Provenance::AdapterConfig, B.At,
                         "base_model_name_or_path: " + B.ID}
            : Provenance{Provenance::ModelCard, B.At, "base_model: " + B.ID});
    base(R, B.ID);
  }
}

/// Binds the licences of base model \p ID to \p R:
/// through the knowledge base, else its cached card, else what its name
/// says; a base none of them knows, or one already on the path, is a gap.
void LineageWalk::base(ModelResolution &R, StringRef ID) {
  if (is_contained(Path, ID)) {
    R.Gaps.push_back({ID.str(), /*Cycle=*/true});
    return;
  }
  if (Path.size() >= MaxCardDepth)
    return;
  ModelResolution Base = resolveModel(KB, ModelKind::Hub, ID, &Files);
  auto Inherit = [&] {
    for (const BoundLicence &L : Base.Bound)
      bindLicence(R, L.ID, L.Verified,
                  L.InheritedFrom.empty() ? ID : L.InheritedFrom);
  };
  if (Base.Known && !Base.InferredFromName)
    return Inherit();
  if (const ModelCard *Next = Cache ? Cache->card(ID, "", Files) : nullptr) {
    Path.push_back(ID.str());
    card(R, *Next, ID);
    Path.pop_back();
    return;
  }
  if (Base.Known)
    return Inherit();
  R.Gaps.push_back({ID.str(), /*Cycle=*/false});
}

/// What a weights file licit does not know says about itself: the licence
/// its metadata declares, and those of the base models it names, each with
/// the key that says so.
static void resolveFromMetadata(ModelResolution &R, const FileMetadata &M,
                                LineageWalk &L) {
  SourceRange File = SourceRange::wholeFile(M.File);
  auto Says = [&](StringRef Key, StringRef Value) {
    R.From.push_back(
        {Provenance::FileMetadata, File, (Key + " = '" + Value + "'").str()});
  };
  auto [Key, Licence] = M.licence();
  if (!Licence.empty()) {
    std::string ID = Licence.trim().lower();
    R.Declared = LicenceExpr::leaf(ID);
    bindLicence(R, ID, /*Verified=*/true, "");
    Says(Key, Licence);
  }
  for (const auto &[BaseID, BaseKey] : M.baseModels()) {
    R.Lineage.push_back({BaseID, BaseRelation::Finetune, /*Verified=*/true});
    Says(BaseKey, BaseID);
    L.base(R, BaseID);
  }
  settleEffective(R);
}

void ModelResolvePass::run(FactStore &Facts, const PassContext &Ctx,
                           DiagSink &Diags) {
  DenseMap<FileID, const FileMetadata *> Metadata;
  for (const FileMetadata &M : Facts.all<FileMetadata>())
    Metadata[M.File] = &M;
  // The cards and adapter configs of each model directory of the tree.
  StringMap<SmallVector<const LocalCard *, 2>> DirCards;
  for (const LocalCard &C : Facts.all<LocalCard>())
    DirCards[sys::path::parent_path(Ctx.Files.get(C.File).AbsPath)].push_back(
        &C);
  // A project names the same few models many times: resolve each once per
  // knowledge base (policies may layer different tables).
  std::map<std::pair<const KnowledgeBase *, std::string>, ModelResolution>
      Cache;
  ArrayRef<ModelRef> Refs = Facts.all<ModelRef>();
  std::vector<ModelResolution> Out;
  Out.reserve(Refs.size());
  for (unsigned I = 0; I != Refs.size(); ++I) {
    const ModelRef &Ref = Refs[I];
    const KnowledgeBase &KB = Ctx.knowledgeFor(Ref.File);
    auto Key =
        std::make_pair(&KB, (modelKindName(Ref.Kind) + ":" + Ref.ID).str());
    auto It = Cache.find(Key);
    if (It == Cache.end())
      It =
          Cache.try_emplace(Key, resolveModel(KB, Ref.Kind, Ref.ID, &Ctx.Files))
              .first;
    Out.push_back(It->second);
    Out.back().Ref = I;
    // A hub model licit does not know (or knows only by its name's look):
    // its card in the hub cache says what it is.
    if (Ref.Kind == ModelKind::Hub && Ctx.Cache &&
        (!Out.back().Known || Out.back().InferredFromName))
      if (const ModelCard *Card =
              Ctx.Cache->card(Ref.ID, Ref.Revision, Ctx.Files)) {
        ModelResolution &R = Out.back();
        R = ModelResolution();
        R.Ref = I;
        R.PolicyID = policyID(ModelKind::Hub, Ref.ID);
        LineageWalk L{KB, Ctx.Cache, Ctx.Files, {Ref.ID}};
        L.card(R, *Card, "");
        settleEffective(R);
      }
    if (Ref.Kind != ModelKind::Weights)
      continue;
    ModelResolution &R = Out.back();
    // A model directory of the tree, through its card (and its adapter
    // config's base when the card names none).
    if (isCardModel(Ref)) {
      if (R.Known)
        continue;
      LineageWalk L{KB, Ctx.Cache, Ctx.Files, {}};
      for (bool AdapterConfigs : {false, true})
        for (const LocalCard *C : DirCards.lookup(
                 sys::path::parent_path(Ctx.Files.get(Ref.File).AbsPath)))
          if (C->Card.FromAdapterConfig == AdapterConfigs &&
              !(AdapterConfigs && !R.Lineage.empty()))
            L.card(R, C->Card, "");
      settleEffective(R);
      continue;
    }
    R.LocalFile = findLocalFile(Ctx.Files, Ref);
    if (const FileMetadata *M = Metadata.lookup(R.LocalFile); M && !R.Known) {
      LineageWalk L{KB, Ctx.Cache, Ctx.Files, {}};
      resolveFromMetadata(R, *M, L);
    }
  }
  for (ModelResolution &R : Out)
    Facts.add(std::move(R));
}

} // namespace licit::resolve
