//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Model cards (README.md front matter: license, license_name, base_model,
/// base_model_relation) and the local Hugging Face hub cache they are read
/// from (models--org--name/refs/<branch>, snapshots/<commit>/README.md).
/// The cache is read, never written; nothing is downloaded.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_FACTS_HUBCACHE_H
#define LICIT_FACTS_HUBCACHE_H

#include "licit/Basic/SourceFiles.h"
#include "licit/Facts/ModelRef.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringMap.h"
#include <memory>
#include <string>
#include <vector>

namespace llvm {
class MemoryBuffer;
namespace vfs {
class FileSystem;
} // namespace vfs
} // namespace llvm

namespace licit {

/// What a model card's front matter says about licence and lineage, each
/// value with where the card writes it.
struct ModelCard {
  FileID File = 0;
  /// `license` ("other" resolved through `license_name`), lower-cased.
  std::string Licence;
  SourceRange LicenceAt;
  struct Base {
    std::string ID;
    SourceRange At;
    /// Declared by a PEFT adapter_config.json (base_model_name_or_path)
    /// rather than by the card's front matter.
    bool InAdapterConfig = false;
  };
  std::vector<Base> BaseModels;
  /// `base_model_relation`: adapter, merge, quantized, finetune.
  std::string Relation;
  /// The front matter has keys only a model's card has (base_model,
  /// library_name, pipeline_tag, model-index): not a project's README.
  bool DescribesModel = false;
  /// Read from a PEFT adapter_config.json, not from a card.
  bool FromAdapterConfig = false;
};

/// A model card in the checked tree: the directory it is in is a model the
/// project ships.
struct LocalCard {
  FileID File = 0;
  ModelCard Card;
};

/// The carrier of the reference extract-model-cards makes for a tree card's
/// own model (its directory).
inline constexpr llvm::StringLiteral CardModelCarrier = "model card";

/// \returns true when \p Ref is a tree card's own model.
inline bool isCardModel(const ModelRef &Ref) {
  return Ref.Carrier == CardModelCarrier;
}

/// Reads the YAML front matter of the card \p File (registered, with its
/// text). None when the file has none.
llvm::Optional<ModelCard> readModelCard(const SourceFile &File);

/// Reads a PEFT adapter_config.json (registered, with its text): the hub
/// model it adapts (base_model_name_or_path), as an adapter card would say.
/// None when it names no hub model.
llvm::Optional<ModelCard> readAdapterConfig(const SourceFile &File);

class HubCache {
public:
  /// A cache rooted at \p Root (the directory holding models--*).
  HubCache(llvm::vfs::FileSystem &FS, std::string Root);

  /// The cache this environment uses, if it exists: $HF_HUB_CACHE, then
  /// $HF_HOME/hub, then ~/.cache/huggingface/hub.
  static llvm::Optional<std::string> defaultRoot(llvm::vfs::FileSystem &FS);

  llvm::StringRef root() const { return Root; }

  /// The card of hub model \p ID at \p Revision (a commit, or a branch
  /// through refs/; refs/main when empty), its file registered in \p Files;
  /// an adapter's adapter_config.json supplies the base model a card does
  /// not name. Null when the cache has neither.
  const ModelCard *card(llvm::StringRef ID, llvm::StringRef Revision,
                        SourceFiles &Files);

  /// The commit the cache has for \p ID at \p Revision: a branch or tag
  /// through refs/ (refs/main when empty). None when it has none.
  llvm::Optional<std::string> commit(llvm::StringRef ID,
                                     llvm::StringRef Revision);

  /// \returns true when the cached config.json of \p ID names its own
  /// modelling code (`auto_map`), which loads only with trust_remote_code.
  bool shipsCode(llvm::StringRef ID, llvm::StringRef Revision);

private:
  /// models--org--name for \p ID; empty for an id that would leave the
  /// cache.
  std::string repoDir(llvm::StringRef ID) const;
  std::unique_ptr<llvm::MemoryBuffer> readFile(llvm::StringRef Path);

  /// The file \p Name of \p ID's snapshot at \p Revision, or null; its
  /// path in \p PathOut.
  std::unique_ptr<llvm::MemoryBuffer>
  snapshotFile(llvm::StringRef ID, llvm::StringRef Revision,
               llvm::StringRef Name, std::string *PathOut = nullptr);
  /// snapshotFile(), registered in \p Files.
  const SourceFile *registeredFile(llvm::StringRef ID, llvm::StringRef Revision,
                                   llvm::StringRef Name, SourceFiles &Files);

  llvm::vfs::FileSystem &FS;
  std::string Root;
  llvm::StringMap<llvm::Optional<ModelCard>> Cards;
};

} // namespace licit

#endif // LICIT_FACTS_HUBCACHE_H
