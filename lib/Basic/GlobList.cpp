//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Basic/GlobList.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace licit {

Expected<GlobList> GlobList::parse(StringRef Text) {
  GlobList List;
  SmallVector<StringRef, 8> Parts;
  Text.split(Parts, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (StringRef Part : Parts) {
    Part = Part.trim();
    if (Part.empty())
      continue;
    bool Positive = !Part.consume_front("-");
    Expected<Glob> Pattern = Glob::create(Part, Glob::Syntax::Plain);
    if (!Pattern)
      return createStringError(inconvertibleErrorCode(),
                               "invalid glob '" + Part +
                                   "': " + toString(Pattern.takeError()));
    List.Items.push_back({Positive, Part.str(), std::move(*Pattern)});
  }
  return List;
}

Optional<StringRef> GlobList::unmatchedGlob(ArrayRef<StringRef> Names) const {
  for (const Item &I : Items)
    if (I.Positive &&
        none_of(Names, [&](StringRef N) { return I.Pattern.match(N); }))
      return StringRef(I.Text);
  return None;
}

bool GlobList::contains(StringRef Name) const {
  for (auto It = Items.rbegin(); It != Items.rend(); ++It)
    if (It->Pattern.match(Name))
      return It->Positive;
  return false;
}

} // namespace licit
