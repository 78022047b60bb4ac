//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Facts/FactStore.h"
#include "llvm/ADT/STLExtras.h"
#include <atomic>

namespace licit {

unsigned detail::nextFactKind() {
  static std::atomic<unsigned> Next{0};
  return Next++;
}

FactStore::SlotBase::~SlotBase() = default;
FactStore::FactStore() = default;
FactStore::FactStore(FactStore &&) = default;
FactStore &FactStore::operator=(FactStore &&) = default;
FactStore::~FactStore() = default;

void FactStore::append(FactStore &&Other) {
  if (Slots.size() < Other.Slots.size())
    Slots.resize(Other.Slots.size());
  for (size_t K = 0; K != Other.Slots.size(); ++K) {
    if (!Other.Slots[K])
      continue;
    if (!Slots[K])
      Slots[K] = std::move(Other.Slots[K]);
    else
      Other.Slots[K]->moveTo(*Slots[K]);
  }
  Other.Slots.clear();
}

bool FactStore::empty() const {
  return llvm::all_of(
      Slots,
      [](const std::unique_ptr<SlotBase> &S) { return !S || S->empty(); });
}

} // namespace licit
