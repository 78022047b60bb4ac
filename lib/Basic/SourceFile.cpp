//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Basic/SourceFile.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace licit {

Optional<FileKind> classifyFile(StringRef Path) {
  StringRef Ext = sys::path::extension(Path);
  if (Ext == ".py" || Ext == ".pyi")
    return FileKind::Python;
  return None;
}

} // namespace licit
