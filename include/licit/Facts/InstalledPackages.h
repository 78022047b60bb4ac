//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// What an environment next to the project says about the packages
/// installed in it: a Python virtual environment's or conda environment's
/// site-packages/*.dist-info/METADATA (License-Expression, License,
/// licence classifiers), conda-meta/*.json, and node_modules/*/package.json.
/// Lookups are targeted: a directory is listed once, a metadata file is
/// read when a dependency asks for it, and nothing is executed or written.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_FACTS_INSTALLEDPACKAGES_H
#define LICIT_FACTS_INSTALLEDPACKAGES_H

#include "licit/Basic/SourceFiles.h"
#include "licit/Facts/Dependency.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringMap.h"
#include <memory>
#include <string>
#include <vector>

namespace llvm::vfs {
class FileSystem;
} // namespace llvm::vfs

namespace licit {

/// One installed package's metadata.
struct InstalledPackage {
  std::string Version;
  /// Where the metadata writes the version.
  SourceRange VersionAt;
  /// The licence as the metadata writes it ("BSD-3-Clause", "MIT License",
  /// "License :: OSI Approved :: MIT License"); empty when it names none.
  std::string Declared;
  /// Declared as an SPDX expression; empty when it is not one licit can
  /// read ("Copyright (c) ... All rights reserved").
  std::string Spdx;
  /// Where: the header or field that says so, in a registered file.
  SourceRange At;
  /// The key that says it ("License-Expression", "Classifier", "license").
  std::string Key;
};

class InstalledPackages {
public:
  /// The environments at \p Roots (each a venv, a conda environment, or a
  /// directory holding node_modules).
  InstalledPackages(llvm::vfs::FileSystem &FS, std::vector<std::string> Roots);
  ~InstalledPackages();

  /// The environments a project at \p Dir has beside it: .venv, venv and
  /// env directories holding pyvenv.cfg or conda-meta, and the directory
  /// itself when it holds node_modules.
  static std::vector<std::string> near(llvm::vfs::FileSystem &FS,
                                       llvm::StringRef Dir);

  llvm::ArrayRef<std::string> roots() const { return Roots; }

  /// What is installed as \p Name of ecosystem \p Eco, its metadata file
  /// registered in \p Files; null when nothing is.
  const InstalledPackage *find(Ecosystem Eco, llvm::StringRef Name,
                               SourceFiles &Files);

private:
  struct Listing;
  const Listing &listing();
  llvm::Optional<InstalledPackage> read(Ecosystem Eco, llvm::StringRef Name,
                                        SourceFiles &Files);

  llvm::vfs::FileSystem &FS;
  std::vector<std::string> Roots;
  std::unique_ptr<Listing> Listed;
  llvm::StringMap<llvm::Optional<InstalledPackage>> Cache;
};

/// The version and licence headers of a core-metadata file (METADATA,
/// PKG-INFO): License-Expression, else a License field naming one licence,
/// else the licence classifiers (several: "A OR B"), else the License
/// field as written.
InstalledPackage readCoreMetadata(const SourceFile &File);

} // namespace licit

#endif // LICIT_FACTS_INSTALLEDPACKAGES_H
