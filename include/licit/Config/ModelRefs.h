//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Finds the models a config tree names: values of model keys anywhere
/// ("model_name_or_path", "base_model", "embedding_model", "storageUri"),
/// commands in "command"/"args"/"run"/"script" values, environment
/// entries, Kubernetes name/value pairs, and any other string that is
/// unmistakably a model. Dataset subtrees, images and served aliases are
/// never models.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_CONFIG_MODELREFS_H
#define LICIT_CONFIG_MODELREFS_H

#include "licit/Config/ConfigTree.h"
#include "licit/Facts/RefRecorder.h"

namespace licit::config {

/// Reads every document of \p Documents, written in \p Source (a file's
/// own bytes), recording through \p Refs.
void extractModelRefs(llvm::ArrayRef<Node> Documents, RefRecorder &Refs);

} // namespace licit::config

#endif // LICIT_CONFIG_MODELREFS_H
