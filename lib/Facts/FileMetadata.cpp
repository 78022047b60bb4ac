//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Facts/FileMetadata.h"
#include "licit/Facts/ModelIds.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace licit {

std::pair<StringRef, StringRef> FileMetadata::licence() const {
  // GGUF's key (ggml docs/gguf.md); safetensors has no standard one.
  for (StringRef Key : {"general.license", "license", "modelspec.license"}) {
    const weights::Entry *E = Meta.find(Key);
    if (!E || StringRef(E->Value).trim().empty())
      continue;
    // "other" names its licence beside it, as a card's license_name does
    // (llama.cpp's converter writes general.license.name from it).
    if (StringRef(E->Value).trim().equals_insensitive("other"))
      if (const weights::Entry *Name = Meta.find((Key + ".name").str()))
        if (!StringRef(Name->Value).trim().empty())
          return {Name->Key, Name->Value};
    return {E->Key, E->Value};
  }
  return {};
}

std::vector<std::pair<std::string, std::string>>
FileMetadata::baseModels() const {
  std::vector<std::pair<std::string, std::string>> Out;
  unsigned Count = 0;
  if (StringRef(Meta.get("general.base_model.count")).getAsInteger(10, Count))
    return Out;
  // The count is the file's word: at most the entries it has.
  for (unsigned I = 0; I != Count && I < Meta.Entries.size(); ++I) {
    std::string Prefix = "general.base_model." + std::to_string(I) + ".";
    std::string ID;
    std::string Key = Prefix + "repo_url";
    if (Optional<ParsedId> P = parseModelId(Meta.get(Key), IdSyntax::Hub))
      ID = P->ID;
    if (ID.empty()) {
      StringRef Org = Meta.get(Prefix + "organization");
      StringRef Name = Meta.get(Prefix + "name");
      Key = Prefix + "name";
      if (Optional<ParsedId> P =
              parseModelId((Org + "/" + Name).str(), IdSyntax::Hub))
        if (!Org.empty() && !Name.empty())
          ID = P->ID;
    }
    if (!ID.empty())
      Out.push_back({ID, Key});
  }
  return Out;
}

} // namespace licit
