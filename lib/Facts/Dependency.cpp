//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Facts/Dependency.h"
#include "llvm/Support/ErrorHandling.h"

using namespace llvm;

namespace licit {

StringRef ecosystemName(Ecosystem E) {
  // OSV's ecosystem names.
  switch (E) {
  case Ecosystem::PyPI:
    return "PyPI";
  case Ecosystem::Conda:
    return "conda";
  case Ecosystem::Npm:
    return "npm";
  case Ecosystem::Crates:
    return "crates.io";
  }
  llvm_unreachable("unknown ecosystem");
}

StringRef dependencySourceName(DependencyResolution::SourceKind K) {
  switch (K) {
  case DependencyResolution::None:
    return "none";
  case DependencyResolution::Installed:
    return "installed";
  case DependencyResolution::Table:
    return "table";
  }
  llvm_unreachable("unknown dependency source");
}

} // namespace licit
