//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Facts/Resolution.h"
#include "licit/Facts/ModelRef.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace llvm;

namespace licit {

StringRef refActionName(RefAction A) {
  switch (A) {
  case RefAction::Load:
    return "load";
  case RefAction::Tokenizer:
    return "tokenizer";
  case RefAction::Adapter:
    return "adapter";
  case RefAction::Download:
    return "download";
  case RefAction::Serve:
    return "serve";
  case RefAction::Api:
    return "api";
  case RefAction::Reference:
    return "reference";
  }
  llvm_unreachable("unknown action");
}

StringRef refRoleName(RefRole R) {
  return R == RefRole::Use ? "use" : "mention";
}

StringRef provenanceKindName(Provenance::KindTy K) {
  switch (K) {
  case Provenance::KnowledgeBase:
    return "knowledge-base";
  case Provenance::ModelCard:
    return "model-card";
  case Provenance::AdapterConfig:
    return "adapter-config";
  case Provenance::FileMetadata:
    return "file-metadata";
  }
  llvm_unreachable("unknown provenance kind");
}

LicenceExpr LicenceExpr::leaf(StringRef ID, bool Verified) {
  LicenceExpr E;
  E.Kind = Leaf;
  E.ID = ID.str();
  E.Verified = Verified;
  return E;
}

LicenceExpr LicenceExpr::allOf(ArrayRef<LicenceRef> Refs) {
  if (Refs.empty())
    return LicenceExpr();
  if (Refs.size() == 1)
    return leaf(Refs[0].ID, Refs[0].Verified);
  LicenceExpr E;
  E.Kind = And;
  for (const LicenceRef &R : Refs)
    E.Args.push_back(leaf(R.ID, R.Verified));
  return E;
}

std::string LicenceExpr::str() const {
  switch (Kind) {
  case None:
    return "";
  case Leaf:
    return ID + (Verified ? "" : "?");
  case With:
    return Args[0].str() + " WITH " + ID;
  case And:
  case Or: {
    std::string Out;
    for (const LicenceExpr &A : Args) {
      if (!Out.empty())
        Out += Kind == And ? " AND " : " OR ";
      // AND binds tighter than OR: an OR inside an AND needs parentheses.
      bool Paren = A.Kind == Or && Kind == And;
      Out += Paren ? "(" + A.str() + ")" : A.str();
    }
    return Out;
  }
  }
  llvm_unreachable("unknown expression kind");
}

std::string policyID(ModelKind Kind, StringRef ID) {
  switch (Kind) {
  case ModelKind::Hub:
  case ModelKind::Api:
    return ID.str();
  case ModelKind::Ollama:
  case ModelKind::Weights:
    return (modelKindName(Kind) + ":" + ID).str();
  }
  llvm_unreachable("unknown model kind");
}

/// The provenance of a knowledge-base row.
static Provenance rowProvenance(const Model &M, SourceFiles *Files) {
  Provenance P;
  P.Kind = Provenance::KnowledgeBase;
  P.Source = M.Source.str();
  if (Files && M.Table.getBufferSize()) {
    // An organisation's table is a registered file; a built-in one is
    // registered on first use.
    FileID Table = M.TableFile
                       ? M.TableFile
                       : Files->addBuiltin(M.Table.getBufferIdentifier(),
                                           M.Table.getBuffer());
    P.Where = {Table, M.RowOffset, unsigned(M.RowOffset + M.ID.size())};
  }
  return P;
}

/// The model a hub id the knowledge base does not list is a variant or
/// copy of, by its name: a quantisation or conversion
/// ("TheBloke/Llama-2-7B-GGUF", "...-AWQ", "mlx-community/...-4bit") or the
/// same name under another organisation ("NousResearch/Meta-Llama-3-8B").
static const Model *variantBase(const KnowledgeBase &KB, StringRef ID,
                                BaseRelation &Relation) {
  StringRef Org, Name;
  std::tie(Org, Name) = ID.split('/');
  if (Name.empty())
    return nullptr;
  std::string Lower = Name.lower();
  StringRef Base(Lower);
  static const StringRef Suffixes[] = {
      "-gguf", "-gptq", "-awq",       "-exl2", "-mlx",     "-bnb-4bit",
      "-4bit", "-8bit", "-fp16",      "-bf16", "-fp8",     "-int4",
      "-int8", "-onnx", "-diffusers", "-i1",   "-imatrix", "-unsloth"};
  bool Stripped = false;
  for (bool Again = true; Again;) {
    Again = false;
    for (StringRef S : Suffixes)
      if (Base.size() > S.size() && Base.endswith(S)) {
        Base = Base.drop_back(S.size());
        Stripped = Again = true;
      }
  }
  Relation = Stripped ? BaseRelation::Quantized : BaseRelation::Copy;
  for (const std::string &Candidate : {Base.str(), (Base + "-hf").str()})
    if (const Model *M = KB.lookupHubName(Candidate))
      if (!StringRef(M->ID).equals_insensitive(ID))
        return M;
  return nullptr;
}

ModelResolution resolveModel(const KnowledgeBase &KB, ModelKind Kind,
                             StringRef ID, SourceFiles *Files) {
  ModelResolution R;
  R.PolicyID = policyID(Kind, ID);
  const Model *M = KB.lookupModel(Kind, ID);
  BaseRelation VariantRelation = BaseRelation::Copy;
  if (!M && Kind == ModelKind::Hub &&
      (M = variantBase(KB, ID, VariantRelation))) {
    R.InferredFromName = true;
    R.Lineage.push_back({M->ID.str(), VariantRelation, /*Verified=*/false});
  }
  R.Known = M;
  if (!M)
    return R;
  if (!R.InferredFromName)
    R.Declared = LicenceExpr::allOf(M->Declared);
  R.Effective = LicenceExpr::allOf(M->Effective);
  R.Level = M->Level;
  R.From.push_back(rowProvenance(*M, Files));
  // Lineage: the first base model at each step, nearest first. Bounded,
  // and a cycle in the data (or an overlay) stops it.
  SmallPtrSet<const Model *, 8> Seen{M};
  std::vector<const Model *> Ancestors;
  for (const Model *Cur = M;
       Cur && !Cur->BaseModels.empty() && R.Lineage.size() != 16;) {
    const BaseModelRef &Base = Cur->BaseModels.front();
    R.Lineage.push_back({Base.ID.str(), Base.Relation, Base.Verified});
    Cur = KB.lookupModel(ModelKind::Hub, Base.ID);
    if (!Cur || !Seen.insert(Cur).second)
      break;
    Ancestors.push_back(Cur);
  }
  auto Declares = [](const Model &X, StringRef L) {
    return any_of(X.Declared, [&](const LicenceRef &D) { return D.ID == L; });
  };
  for (const LicenceRef &L : M->Effective) {
    BoundLicence B{L.ID.str(), L.Verified, ""};
    if (!Declares(*M, L.ID))
      for (const Model *A : Ancestors)
        if (Declares(*A, L.ID)) {
          B.InheritedFrom = A->ID.str();
          break;
        }
    R.Bound.push_back(std::move(B));
  }
  return R;
}

} // namespace licit
