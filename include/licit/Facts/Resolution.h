//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// What a reference resolves to: the fact resolve passes write and check
/// passes, `licit models` and (later) the AI-BOM read. Resolution is done
/// once; nothing downstream recomputes it.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_FACTS_RESOLUTION_H
#define LICIT_FACTS_RESOLUTION_H

#include "licit/Basic/SourceFiles.h"
#include "licit/Knowledge/KnowledgeBase.h"
#include "llvm/ADT/Optional.h"
#include <string>
#include <vector>

namespace licit {

/// A licence expression in SPDX form: a licence id, or AND / OR of
/// expressions, or an id WITH an exception. Model licences combine with AND
/// (an MIT card over Llama weights binds both); dependencies bring OR and
/// WITH.
struct LicenceExpr {
  enum KindTy : unsigned char { None, Leaf, And, Or, With };
  KindTy Kind = None;
  /// Leaf: the licence id; With: the exception id (the licence is Args[0]).
  std::string ID;
  /// Leaf: a source suggests it but none confirmed it.
  bool Verified = true;
  std::vector<LicenceExpr> Args;

  static LicenceExpr leaf(llvm::StringRef ID, bool Verified = true);
  /// The AND of \p Refs; None when empty, the leaf itself when one.
  static LicenceExpr allOf(llvm::ArrayRef<LicenceRef> Refs);

  bool empty() const { return Kind == None; }
  /// "mit AND llama3.1", with "?" after unverified ids and parentheses
  /// where precedence needs them.
  std::string str() const;
};

/// Where a resolved fact came from.
struct Provenance {
  enum KindTy : unsigned char {
    KnowledgeBase,
    ModelCard,
    AdapterConfig,
    FileMetadata
  };
  KindTy Kind = KnowledgeBase;
  /// The row, line or key that states the fact (a knowledge-base row is a
  /// line of a built-in table).
  SourceRange Where;
  /// The fact's own citation (a URL), when it has one.
  std::string Source;
};

llvm::StringRef provenanceKindName(Provenance::KindTy K);

/// One link of a model's lineage: its base model and how it derives.
struct LineageLink {
  std::string ID;
  BaseRelation Relation = BaseRelation::Finetune;
  bool Verified = true;
};

/// A licence binding a model, and the ancestor it comes from when the
/// model's own card says otherwise.
struct BoundLicence {
  std::string ID;
  bool Verified = true;
  /// The ancestor whose card declares the licence; empty when the model's
  /// own card does.
  std::string InheritedFrom;
};

/// Where following a model's lineage stopped short: a base model licit
/// cannot resolve (neither the knowledge base nor the hub cache has it), or
/// one that leads back into the chain.
struct LineageGap {
  std::string ID;
  bool Cycle = false;
};

/// What a model id resolves to.
struct ModelResolution {
  /// Index of the reference in the store's ModelRefs; resolve-models writes
  /// one resolution per reference.
  unsigned Ref = 0;
  /// The knowledge-base entry; null when licit does not know the model.
  const Model *Known = nullptr;
  /// The id policies match: Ollama tags carry an "ollama:" prefix.
  std::string PolicyID;
  /// What the model's own card declares.
  LicenceExpr Declared;
  /// Every licence binding a user of the model, lineage included.
  LicenceExpr Effective;
  /// The leaves of Effective, each with where it comes from.
  std::vector<BoundLicence> Bound;
  llvm::Optional<Openness> Level;
  /// Base models, nearest first.
  std::vector<LineageLink> Lineage;
  /// The knowledge base does not list the model; Known is the model its
  /// name says it is a variant or copy of (the first, unverified lineage
  /// link).
  bool InferredFromName = false;
  /// A weights file reference's file in the checked tree, when it is
  /// there; 0 otherwise.
  FileID LocalFile = 0;
  std::vector<Provenance> From;
  std::vector<LineageGap> Gaps;
};

class SourceFiles;

/// Resolves model \p ID of kind \p Kind in \p KB: licences, openness,
/// lineage (followed through the knowledge base, cycles and depth
/// bounded). With \p Files, the knowledge-base row is registered as a file
/// so that provenance can point at it.
ModelResolution resolveModel(const KnowledgeBase &KB, ModelKind Kind,
                             llvm::StringRef ID, SourceFiles *Files);

/// The id policies match: Ollama tags and weights files carry an "ollama:"
/// or "weights:" prefix so that a glob for hub ids never catches them by
/// accident.
std::string policyID(ModelKind Kind, llvm::StringRef ID);

} // namespace licit

#endif // LICIT_FACTS_RESOLUTION_H
