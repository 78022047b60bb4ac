//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Dependency manifests, read into Dependency facts with the place of every
/// name, specifier and marker: requirements files, pyproject.toml (PEP 621,
/// PEP 735, Poetry, uv, Hatch, PDM, build-system), setup.cfg, Pipfile,
/// conda environment files, package.json and Cargo.toml; and the versions
/// lockfiles resolve.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_DEPS_MANIFESTS_H
#define LICIT_DEPS_MANIFESTS_H

#include "licit/Basic/SourceFiles.h"
#include "licit/Facts/Dependency.h"
#include <string>
#include <vector>

namespace licit::deps {

/// What reading a manifest gave: its dependencies and the entries it could
/// not read.
struct ManifestRead {
  std::vector<Dependency> Deps;
  /// What a lockfile resolves.
  std::vector<LockedPackage> Locked;
  struct Problem {
    SourceRange At;
    std::string Message;
  };
  std::vector<Problem> Problems;
  /// Files the manifest includes ("-r common.txt") that licit does not
  /// read as manifests: their names do not say they are.
  std::vector<Problem> Unread;
};

/// Reads manifest or lockfile \p File (registered, with its text), by its
/// name. Lockfiles: uv.lock, poetry.lock, pdm.lock, pixi.lock, Cargo.lock,
/// Pipfile.lock, package-lock.json.
ManifestRead readManifest(const SourceFile &File);

} // namespace licit::deps

#endif // LICIT_DEPS_MANIFESTS_H
