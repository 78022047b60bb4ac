//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// Fuzzes glob compilation and matching (policy lists, ignore files): the
// input is a pattern, a newline, and a text to match.
//
//===----------------------------------------------------------------------===//

#include "licit/Basic/Glob.h"

using namespace llvm;
using namespace licit;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  StringRef In(reinterpret_cast<const char *>(Data), Size);
  auto [Pattern, Text] = In.split('\n');
  for (Glob::Syntax S : {Glob::Syntax::Plain, Glob::Syntax::Path}) {
    Expected<Glob> G = Glob::create(Pattern, S);
    if (!G) {
      consumeError(G.takeError()); // An invalid pattern is an answer.
      continue;
    }
    (void)G->match(Text);
  }
  return 0;
}
