//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Facts/Dependency.h"
#include "llvm/ADT/StringExtras.h"
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

bool Dependency::isDevelopmentOnly() const {
  StringRef G = Group;
  return G == "dev" || G == "test" || G == "build" || G == "build-system" ||
         G == "dev-packages" || G.startswith("group:") || G.startswith("env:");
}

std::string Dependency::policyID() const {
  return (ecosystemName(Eco).lower() + ":" + Name);
}

const DependencyResolution &resolutionOf(ArrayRef<DependencyResolution> Res,
                                         unsigned I) {
  static const DependencyResolution Unresolved;
  return I < Res.size() ? Res[I] : Unresolved;
}

VersionInUse versionInUse(const Dependency &D, const DependencyResolution &R) {
  if (!D.Pinned.empty())
    return {D.Pinned, SourceRange(), ""};
  if (!R.Locked.empty())
    return {R.Locked, R.LockedAt, "the lockfile resolves "};
  if (!R.Version.empty())
    return {R.Version, R.VersionAt, "the installed version is "};
  return {};
}

StringRef dependencySourceName(DependencyResolution::SourceKind K) {
  switch (K) {
  case DependencyResolution::None:
    return "none";
  case DependencyResolution::Installed:
    return "installed";
  case DependencyResolution::Lockfile:
    return "lockfile";
  case DependencyResolution::Table:
    return "table";
  }
  llvm_unreachable("unknown dependency source");
}

} // namespace licit
