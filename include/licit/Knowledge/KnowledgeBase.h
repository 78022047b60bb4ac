//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The knowledge base: licences with typed traits, models with licence,
/// lineage and openness, and permissive alternatives. Loaded from the data
/// files under lib/Knowledge/, which are embedded in the binary.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_KNOWLEDGE_KNOWLEDGEBASE_H
#define LICIT_KNOWLEDGE_KNOWLEDGEBASE_H

#include "licit/Basic/RuleID.h"
#include "licit/Basic/SourceFiles.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include <memory>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace licit {

enum class Trait : unsigned char {
#define LICIT_TRAIT(Enum, Column, Rule, FlagWhenAbsent, Phrase) Enum,
#include "licit/Knowledge/Traits.def"
};

constexpr unsigned NumTraits = 0
#define LICIT_TRAIT(Enum, Column, Rule, FlagWhenAbsent, Phrase) +1
#include "licit/Knowledge/Traits.def"
    ;

/// Everything Traits.def says about one trait.
struct TraitInfo {
  Trait ID;
  llvm::StringRef Column;
  RuleID Rule;
  bool FlagWhenAbsent;
  llvm::StringRef Phrase;
};

llvm::ArrayRef<TraitInfo> allTraits();
const TraitInfo &getTraitInfo(Trait T);
llvm::Optional<Trait> lookupTrait(llvm::StringRef Column);
/// The traits whose presence implies \p T (research-only implies
/// non-commercial), from Traits.def.
llvm::SmallVector<Trait, 1> traitsImplying(Trait T);

/// The state of one fact. Unknown is a first-class answer: the data never
/// guesses.
enum class Answer : unsigned char { Unknown, No, Yes, Partial };

/// One typed cell: its answer, whether a source confirmed it, the word it
/// was written with ("yes", "700M", "weak") and the free-text detail.
struct Fact {
  Answer Value = Answer::Unknown;
  bool Verified = true;
  llvm::StringRef Word;
  llvm::StringRef Detail;

  bool isKnown() const { return Value != Answer::Unknown; }
};

/// \returns true when a licence or model whose \p T is \p F should be
/// reported: it has the trait (fully or partly), or lacks a good one.
bool flagsTrait(Trait T, const Fact &F);

struct Licence {
  llvm::StringRef ID;
  llvm::StringRef Spdx;
  llvm::StringRef Name;
  llvm::StringRef Notes;
  llvm::StringRef Source;
  Fact Traits[NumTraits];

  const Fact &trait(Trait T) const { return Traits[static_cast<unsigned>(T)]; }
  /// \returns true when the trait's rule should fire for this licence: the
  /// licence has the trait (fully or partly), or lacks a good one.
  bool flags(Trait T) const;
  /// The words a derived model's name must begin with, quoted in the
  /// naming detail ("names must begin with 'Llama'"); empty when none.
  llvm::StringRef namePrefix() const;
};

/// Openness levels, most closed first, so that a higher value is more open.
/// The data files and policies spell them by name, never by number.
enum class Openness : unsigned char {
  Closed,
  RestrictedWeights,
  OpenWeights,
  OpenMethodology,
  OpenSource
};

llvm::StringRef opennessName(Openness O);
llvm::Optional<Openness> parseOpenness(llvm::StringRef Name);
llvm::ArrayRef<llvm::StringRef> opennessNames();

/// Which namespace a model id lives in: a Hugging Face hub repository, an
/// Ollama library tag, a hosted API model, or a weights file known by its
/// file name ("yolov8n.pt", "ggml-base.en.bin").
enum class ModelKind : unsigned char { Hub, Ollama, Api, Weights };

llvm::StringRef modelKindName(ModelKind K);

/// A licence named in a model row, e.g. "llama3.1" or unverified "mit?".
struct LicenceRef {
  llvm::StringRef ID;
  bool Verified = true;
};

/// How a model derives from a base model.
/// Copy: the same weights under another name (an ungated mirror).
enum class BaseRelation : unsigned char {
  Finetune,
  Adapter,
  Merge,
  Quantized,
  Copy
};

llvm::StringRef baseRelationName(BaseRelation R);

/// One base model of a model row: "merge:org/name?" in the table.
struct BaseModelRef {
  llvm::StringRef ID;
  BaseRelation Relation = BaseRelation::Finetune;
  bool Verified = true;
};

struct Model {
  llvm::StringRef ID;
  ModelKind Kind = ModelKind::Hub;
  llvm::StringRef Family;
  /// The licence the model's own card declares.
  llvm::SmallVector<LicenceRef, 1> Declared;
  /// Every licence whose terms bind users of the model, lineage included.
  /// Empty when the licence is unknown.
  llvm::SmallVector<LicenceRef, 2> Effective;
  /// Free text explaining an unknown or unusual licence cell.
  llvm::StringRef LicenceDetail;
  /// The models this one derives from, each with how.
  llvm::SmallVector<BaseModelRef, 1> BaseModels;
  llvm::StringRef Params;
  Fact Weights, Code, Data, Methodology;
  Openness Level = Openness::Closed;
  Fact Gated;
  /// Where a licence excludes the EU for some of its models only, this
  /// model's side of the line; Unknown leaves it to the licence.
  Fact EuExcluded;
  llvm::StringRef Notes;
  llvm::StringRef Source;
  /// Other ids of the same model: legacy canonical ids ("gpt2" for
  /// "openai-community/gpt2"), renamed repositories, library short names.
  llvm::SmallVector<llvm::StringRef, 1> Aliases;
  /// The table the row is in, and where the row starts, for provenance:
  /// a registered file for an overlay, a built-in buffer otherwise (0).
  llvm::MemoryBufferRef Table;
  FileID TableFile = 0;
  unsigned RowOffset = 0;
};

/// \returns the fact of trait \p T for model \p M under licence \p L: the
/// model's own where the data scopes the licence's term, else the licence's.
const Fact &traitOf(const Model &M, const Licence &L, Trait T);

struct Alternative {
  llvm::StringRef From;
  llvm::StringRef To;
  /// The licences binding the replacement, lineage included.
  llvm::SmallVector<LicenceRef, 1> ToLicences;
  llvm::StringRef Reason;
};

/// A malformed row of a table: where it is (bytes) and why. The row is
/// left out and the rest of the table is read, unless the problem is the
/// header: then nothing is.
struct TableProblem {
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Message;
  bool InHeader = false;
};

/// Read-only after loading, so passes may share it across threads. A
/// knowledge base can be a layer over another (an organisation's own facts
/// over the built-in ones): lookups try the layer first, then its parent.
class KnowledgeBase {
public:
  /// The built-in tables, checked and turned into C++ at build time
  /// (licit-tblgen), so loading them parses nothing.
  static std::unique_ptr<KnowledgeBase> loadBuiltin();

  /// Loads the three tables from the given buffers, which must outlive the
  /// knowledge base; used by loadBuiltin() and by tests. \returns an error
  /// naming file:line:column of the first malformed cell.
  static llvm::Expected<std::unique_ptr<KnowledgeBase>>
  load(llvm::MemoryBufferRef Licences, llvm::MemoryBufferRef Models,
       llvm::MemoryBufferRef Alternatives);

  /// Loads an organisation's table over \p Parent: one licences, models or
  /// alternatives table in the built-in format (its header says which),
  /// the contents of registered file \p File. The layer owns \p Buffer. A
  /// row replaces a parent row with the same id; malformed rows are left
  /// out and added to \p Problems.
  static std::unique_ptr<KnowledgeBase>
  loadOverlay(const KnowledgeBase &Parent, FileID File,
              std::unique_ptr<llvm::MemoryBuffer> Buffer,
              std::vector<TableProblem> &Problems);

  /// Looks a licence up by id or SPDX id, ignoring case.
  const Licence *lookupLicence(llvm::StringRef ID) const;
  /// Every licence id, of this layer and those under it.
  void licenceIDs(std::vector<llvm::StringRef> &Out) const;
  /// Looks a model up by id in the namespace of \p Kind, ignoring case as
  /// the Hugging Face hub does.
  const Model *lookupModel(ModelKind Kind, llvm::StringRef ID) const;
  /// \returns true when some hub model of the knowledge base is published
  /// by organisation \p Org ("meta-llama", "BAAI"), ignoring case.
  bool publishesModels(llvm::StringRef Org) const;
  /// \returns the hub model whose name (the part after "org/") is \p Name,
  /// ignoring case, when exactly one is; null otherwise.
  const Model *lookupHubName(llvm::StringRef Name) const;
  /// \returns the permissive replacements recorded for \p ModelID; a
  /// layer that lists any for it replaces those of the layers under it.
  llvm::ArrayRef<Alternative> alternativesFor(llvm::StringRef ModelID) const;

  /// Writes this knowledge base as the C++ that loadBuiltin() embeds.
  void emitCxx(llvm::raw_ostream &OS) const;

  /// This layer's own rows.
  llvm::ArrayRef<Licence> licences() const { return Licences; }
  llvm::ArrayRef<Model> models() const { return Models; }

private:
  KnowledgeBase() = default;
  // Each reads one table into this layer; \returns false when its header
  // is wrong (nothing read).
  bool parseLicences(llvm::MemoryBufferRef Buffer,
                     std::vector<TableProblem> &Problems);
  bool parseModels(llvm::MemoryBufferRef Buffer,
                   std::vector<TableProblem> &Problems);
  bool parseAlternatives(llvm::MemoryBufferRef Buffer,
                         std::vector<TableProblem> &Problems);

  // Add row I (or A) to the lookup indexes.
  void indexLicence(unsigned I);
  void indexModel(unsigned I);
  void indexAlternative(const Alternative &A);

  const KnowledgeBase *Parent = nullptr;
  /// An overlay's file and its text, which the rows point into.
  FileID File = 0;
  std::unique_ptr<llvm::MemoryBuffer> Owned;

  std::vector<Licence> Licences;
  std::vector<Model> Models;
  llvm::StringMap<unsigned> LicenceIndex;
  llvm::StringMap<unsigned> ModelIndex;
  /// Lower-case organisations of this layer's hub rows.
  llvm::StringSet<> Organisations;
  /// Lower-case names of this layer's hub rows: the row, or -1 when two
  /// organisations publish the name.
  llvm::StringMap<int> HubNames;
  llvm::StringMap<llvm::SmallVector<Alternative, 2>> AlternativeIndex;
};

} // namespace licit

#endif // LICIT_KNOWLEDGE_KNOWLEDGEBASE_H
