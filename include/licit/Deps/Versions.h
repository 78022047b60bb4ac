//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Package versions as their ecosystems order them: PEP 440 for PyPI (and
/// conda, whose versions read the same way for the releases ML packages
/// publish), Semantic Versioning 2.0 for npm and crates.io; and PEP 440
/// specifier sets ("~=2.1", ">=1.0,!=1.3.*,<2").
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_DEPS_VERSIONS_H
#define LICIT_DEPS_VERSIONS_H

#include "licit/Facts/Dependency.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <string>

namespace licit::versions {

/// A PEP 440 version, normalised ("1.0RC1" is 1.0rc1, "v2" is 2).
struct Pep440 {
  uint64_t Epoch = 0;
  llvm::SmallVector<uint64_t, 4> Release;
  /// 'a', 'b' or 'c' (rc) with its number; 0 when not a pre-release.
  char PreKind = 0;
  uint64_t Pre = 0;
  llvm::Optional<uint64_t> Post, Dev;
  /// The local label's segments, as written ("cu121", "1").
  llvm::SmallVector<std::string, 2> Local;

  bool isPrerelease() const { return PreKind || Dev; }
  std::string str() const;
};

llvm::Optional<Pep440> parsePep440(llvm::StringRef Text);
/// <0, 0 or >0 as \p A orders before, with or after \p B.
int compare(const Pep440 &A, const Pep440 &B);

/// A Semantic Versioning 2.0 version (a leading 'v' and missing minor or
/// patch numbers are accepted, as npm's and Cargo's tools do).
struct Semver {
  uint64_t Major = 0, Minor = 0, Patch = 0;
  /// Dot-separated pre-release identifiers; build metadata is dropped.
  llvm::SmallVector<std::string, 2> Pre;
  std::string str() const;
};

llvm::Optional<Semver> parseSemver(llvm::StringRef Text);
int compare(const Semver &A, const Semver &B);

/// Compares two versions of ecosystem \p Eco. None when either does not
/// parse.
llvm::Optional<int> compare(Ecosystem Eco, llvm::StringRef A,
                            llvm::StringRef B);

/// \returns whether \p Version satisfies the PEP 440 specifier set \p Spec
/// ("" allows everything); None when either does not parse. Pre-releases
/// match only a specifier that names one, as pip decides.
llvm::Optional<bool> satisfiesPep440(llvm::StringRef Version,
                                     llvm::StringRef Spec);

/// \returns whether \p Version of ecosystem \p Eco satisfies \p Spec: a
/// PEP 440 specifier set for PyPI and conda, comparisons (">=1.0.0, <2",
/// "=1.2.3") for npm and crates.io. None when either does not parse.
llvm::Optional<bool> satisfies(Ecosystem Eco, llvm::StringRef Version,
                               llvm::StringRef Spec);

} // namespace licit::versions

#endif // LICIT_DEPS_VERSIONS_H
