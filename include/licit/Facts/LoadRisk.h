//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A place where code, a config or a command line loads a model in a way
/// that can run code: remote code trusted, a pickle unpickled. Extractors
/// of every language record them; check-load-security reports them under
/// one rule per kind, whatever the language.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_FACTS_LOADRISK_H
#define LICIT_FACTS_LOADRISK_H

#include "licit/Basic/Diagnostic.h"
#include <string>

namespace licit {

enum class LoadRiskKind : unsigned char {
  /// trust_remote_code=True, --trust-remote-code: the repository's code runs.
  TrustRemoteCode,
  /// torch.load without weights_only=True.
  TorchLoad,
  /// pickle/joblib/dill loads, np.load(allow_pickle=True),
  /// torch.hub.load(trust_repo=True), Keras safe_mode=False.
  UnsafeDeserialisation,
  /// Pickle-format weights where safetensors would do
  /// (use_safetensors=False).
  PickleWeights
};

struct LoadRisk {
  FileID File = 0;
  LoadRiskKind Kind = LoadRiskKind::TrustRemoteCode;
  /// The option or call that makes the load unsafe.
  SourceRange Range;
  /// What the finding says, in the language of the file.
  std::string Message;
  llvm::SmallVector<Fix, 1> Fixes;
};

} // namespace licit

#endif // LICIT_FACTS_LOADRISK_H
