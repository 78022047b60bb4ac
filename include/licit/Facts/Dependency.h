//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A package a manifest declares: its ecosystem, name, version specifier
/// and marker, each where the manifest writes it.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_FACTS_DEPENDENCY_H
#define LICIT_FACTS_DEPENDENCY_H

#include "licit/Basic/SourceFiles.h"
#include "licit/Facts/Resolution.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace licit {

/// Where a package comes from: names are compared as its registry does.
enum class Ecosystem : unsigned char { PyPI, Conda, Npm, Crates };

llvm::StringRef ecosystemName(Ecosystem E);

struct Dependency {
  FileID File = 0;
  Ecosystem Eco = Ecosystem::PyPI;
  /// The name as the registry compares it (PEP 503 for PyPI and conda,
  /// as written for npm and crates).
  std::string Name;
  SourceRange NameRange;
  /// The version requirement as written ("==2.1.0", "^1.2", ">=2,<3");
  /// empty for any version. Its range has no file when it is absent.
  std::string Spec;
  SourceRange SpecRange;
  /// An environment marker ("python_version < '3.11'"), if any.
  std::string Marker;
  SourceRange MarkerRange;
  /// A direct reference (URL, VCS or path) instead of a registry release.
  std::string Url;
  /// Empty for what the project needs to run; else the extra, group or
  /// section that declares it ("dev", "optional:gpu", "build-system").
  std::string Group;
  /// The version the specifier pins exactly, if it does.
  std::string Pinned;

  /// Only developers install it: dev, test and build groups.
  bool isDevelopmentOnly() const;
  /// The id policies and exceptions match: "pypi:torch", "npm:left-pad".
  std::string policyID() const;
};

/// A package version a lockfile resolves.
struct LockedPackage {
  FileID File = 0;
  Ecosystem Eco = Ecosystem::PyPI;
  /// As Dependency::Name compares it.
  std::string Name;
  std::string Version;
  /// Where the lockfile writes the version.
  SourceRange At;
  /// The licence the lockfile records for the package (pixi.lock's conda
  /// entries, package-lock.json's), as written, and where; empty when it
  /// records none.
  std::string Licence;
  SourceRange LicenceAt;
};

/// What a dependency's licence resolves to, and where that came from.
struct DependencyResolution {
  /// Index of the dependency in the store's Dependency facts.
  unsigned Dep = 0;
  enum SourceKind : unsigned char {
    /// Nothing says: neither an installed package nor the built-in table.
    None,
    /// The installed package's metadata (METADATA, conda-meta, package.json).
    Installed,
    /// The licence a lockfile records for the version it resolves.
    Lockfile,
    /// licit's table of common packages.
    Table
  };
  SourceKind From = None;
  /// The licence as an SPDX expression; empty when it is not known or
  /// cannot be read (then Declared says what the source wrote).
  LicenceExpr Licence;
  /// What the source writes, when it is not an SPDX expression licit reads.
  std::string Declared;
  /// Where it says so: the metadata header, or the table row.
  SourceRange Where;
  /// The key of the metadata that says so ("License-Expression").
  std::string Key;
  /// The installed version, when an installed package was found, and
  /// where its metadata says so.
  std::string Version;
  SourceRange VersionAt;
  /// The version a lockfile beside the manifest resolves, and where.
  std::string Locked;
  SourceRange LockedAt;
  /// The table marks the licence unverified.
  bool Verified = true;
};

llvm::StringRef dependencySourceName(DependencyResolution::SourceKind K);

/// The resolution of dependency \p I, or an empty one when resolve-
/// dependencies did not run (--passes left it out).
const DependencyResolution &
resolutionOf(llvm::ArrayRef<DependencyResolution> Res, unsigned I);

/// The version of a dependency in use: the one its manifest pins, else the
/// one a lockfile resolves, else the installed one; empty when none is
/// known. \p At and \p Says locate and word it when it is not the pin.
struct VersionInUse {
  llvm::StringRef Version;
  SourceRange At;
  llvm::StringRef Says;
};
VersionInUse versionInUse(const Dependency &D, const DependencyResolution &R);

} // namespace licit

#endif // LICIT_FACTS_DEPENDENCY_H
