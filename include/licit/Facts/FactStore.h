//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The facts passes write and read. Extract passes add facts about one file
/// each (in parallel, into a store of their own that the driver merges in
/// discovery order); resolve passes read them and add facts of their own;
/// check passes read both. A new kind of fact is a new struct: the store
/// keeps one vector per type and the driver never names them.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_FACTS_FACTSTORE_H
#define LICIT_FACTS_FACTSTORE_H

#include "llvm/ADT/ArrayRef.h"
#include <algorithm>
#include <memory>
#include <vector>

namespace licit {

namespace detail {
/// Hands out a dense index per fact type, on first use.
unsigned nextFactKind();
} // namespace detail

/// The store's index of fact type \p T.
template <typename T> unsigned factKind() {
  static const unsigned Kind = detail::nextFactKind();
  return Kind;
}

class FactStore {
public:
  FactStore();
  FactStore(FactStore &&);
  FactStore &operator=(FactStore &&);
  ~FactStore();

  template <typename T> void add(T Fact) {
    slot<T>().Items.push_back(std::move(Fact));
  }

  /// Every fact of type \p T, in the order added.
  template <typename T> llvm::ArrayRef<T> all() const {
    unsigned K = factKind<T>();
    if (K >= Slots.size() || !Slots[K])
      return {};
    return static_cast<const Slot<T> &>(*Slots[K]).Items;
  }

  /// Orders the facts of type \p T by \p Less, keeping the order of equal
  /// ones.
  template <typename T, typename Compare> void sort(Compare Less) {
    std::vector<T> &Items = slot<T>().Items;
    std::stable_sort(Items.begin(), Items.end(), Less);
  }

  /// Removes the facts of type \p T that \p Remove holds for, keeping the
  /// order of the others.
  template <typename T, typename Predicate> void removeIf(Predicate Remove) {
    std::vector<T> &Items = slot<T>().Items;
    Items.erase(std::remove_if(Items.begin(), Items.end(), Remove),
                Items.end());
  }

  /// Moves every fact of \p Other to the end of this store.
  void append(FactStore &&Other);

  bool empty() const;

private:
  struct SlotBase {
    virtual ~SlotBase();
    virtual void moveTo(SlotBase &Into) = 0;
    virtual bool empty() const = 0;
  };
  template <typename T> struct Slot final : SlotBase {
    std::vector<T> Items;
    void moveTo(SlotBase &Into) override {
      auto &Dest = static_cast<Slot &>(Into).Items;
      Dest.insert(Dest.end(), std::make_move_iterator(Items.begin()),
                  std::make_move_iterator(Items.end()));
      Items.clear();
    }
    bool empty() const override { return Items.empty(); }
  };

  template <typename T> Slot<T> &slot() {
    unsigned K = factKind<T>();
    if (K >= Slots.size())
      Slots.resize(K + 1);
    if (!Slots[K])
      Slots[K] = std::make_unique<Slot<T>>();
    return static_cast<Slot<T> &>(*Slots[K]);
  }

  std::vector<std::unique_ptr<SlotBase>> Slots;
};

} // namespace licit

#endif // LICIT_FACTS_FACTSTORE_H
