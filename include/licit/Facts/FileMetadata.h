//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// What a weights file says about itself (GGUF metadata, a safetensors
/// header), as a fact of that file, for the resolution of references to it.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_FACTS_FILEMETADATA_H
#define LICIT_FACTS_FILEMETADATA_H

#include "licit/Basic/SourceFiles.h"
#include "licit/Formats/Gguf.h"

namespace licit {

struct FileMetadata {
  FileID File = 0;
  weights::Metadata Meta;

  /// The licence the file declares ("general.license" in GGUF;
  /// "license" or "modelspec.license" in a safetensors header), with its
  /// key; empty when it declares none.
  std::pair<llvm::StringRef, llvm::StringRef> licence() const;
  /// The hub ids of the models the file declares it derives from
  /// (general.base_model.N.repo_url, or .organization/.name), each with
  /// its key.
  std::vector<std::pair<std::string, std::string>> baseModels() const;
};

} // namespace licit

#endif // LICIT_FACTS_FILEMETADATA_H
