//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The names under which projects pass models around: config keys
/// ("model_name_or_path:"), command-line flags ("--base-model"),
/// environment variables ("HF_MODEL_ID") and keyword arguments
/// ("embedding_model="). One table for all of them, because projects spell
/// the same name in each.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_FACTS_MODELKEYS_H
#define LICIT_FACTS_MODELKEYS_H

#include "licit/Facts/ModelIds.h"
#include "licit/Facts/ModelRef.h"
#include "llvm/ADT/Optional.h"

namespace licit {

/// What a name says about the value it holds.
struct ModelKey {
  IdSyntax Syntax = IdSyntax::Any;
  RefAction Action = RefAction::Reference;
};

/// \returns what \p Name holds when it names a model, or None. Case, a
/// flag's leading dashes, and '-' versus '_' do not matter:
/// "--model-name-or-path", "MODEL_NAME_OR_PATH" and "model_name_or_path"
/// are the same name.
llvm::Optional<ModelKey> lookupModelKey(llvm::StringRef Name);

/// \returns true when \p Name holds something that looks like a model
/// but is not one: datasets, images, Actions, chat templates, output
/// paths, the alias a server answers to, a model's type or length. Its
/// value is not even a weak reference.
bool holdsNoModel(llvm::StringRef Name);

/// \returns the last dotted part of \p Name, lower-cased, without leading
/// dashes, '-' read as '_' and camelCase split ("modelId" is "model_id").
std::string normalizeKey(llvm::StringRef Name);

} // namespace licit

#endif // LICIT_FACTS_MODELKEYS_H
