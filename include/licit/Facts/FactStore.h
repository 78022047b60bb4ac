//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The facts extract passes produce and project passes consume. One vector
/// per fact type; a new fact type adds a vector and an add() overload.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_FACTS_FACTSTORE_H
#define LICIT_FACTS_FACTSTORE_H

#include "licit/Facts/ModelRef.h"
#include <vector>

namespace licit {

class FactStore {
public:
  void add(ModelRef Ref) { ModelRefs.push_back(std::move(Ref)); }

  /// Moves every fact of \p Other to the end of this store.
  void append(FactStore &&Other);

  bool empty() const { return ModelRefs.empty(); }

  std::vector<ModelRef> ModelRefs;
};

} // namespace licit

#endif // LICIT_FACTS_FACTSTORE_H
