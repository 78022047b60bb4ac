//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// clang-tidy's glob lists: "-*,extract-*,check-licence-terms". Globs are
/// comma-separated, a leading '-' negates one, and the last glob that
/// matches a name decides.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_BASIC_GLOBLIST_H
#define LICIT_BASIC_GLOBLIST_H

#include "licit/Basic/Glob.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>

namespace licit {

class GlobList {
public:
  /// \returns an error naming the first glob that is not a valid pattern.
  static llvm::Expected<GlobList> parse(llvm::StringRef Text);

  /// \returns true when the last glob matching \p Name is positive.
  bool contains(llvm::StringRef Name) const;

  /// \returns the first positive glob that matches none of \p Names (a
  /// misspelt name), or None.
  llvm::Optional<llvm::StringRef>
  unmatchedGlob(llvm::ArrayRef<llvm::StringRef> Names) const;

private:
  struct Item {
    bool Positive;
    std::string Text;
    Glob Pattern;
  };
  llvm::SmallVector<Item, 4> Items;
};

} // namespace licit

#endif // LICIT_BASIC_GLOBLIST_H
