//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Facts/FactStore.h"
#include <iterator>

namespace licit {

void FactStore::append(FactStore &&Other) {
  ModelRefs.insert(ModelRefs.end(),
                   std::make_move_iterator(Other.ModelRefs.begin()),
                   std::make_move_iterator(Other.ModelRefs.end()));
}

} // namespace licit
