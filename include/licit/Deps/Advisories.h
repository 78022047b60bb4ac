//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Security advisories in the OSV format (the JSON the OSV project
/// publishes: one record per file, or the per-ecosystem all.zip), read from
/// a local directory: nothing is downloaded. Records are read for the
/// packages a project declares only, and matched by affected ranges
/// (ECOSYSTEM ranges in the ecosystem's version order, SEMVER ranges in
/// Semantic Versioning's; introduced, fixed, last_affected and limit
/// events) and by explicit version lists.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_DEPS_ADVISORIES_H
#define LICIT_DEPS_ADVISORIES_H

#include "licit/Basic/SourceFiles.h"
#include "licit/Facts/Dependency.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <string>
#include <vector>

namespace llvm::vfs {
class FileSystem;
} // namespace llvm::vfs

namespace licit {

struct OsvRange {
  /// SEMVER ranges order versions as Semantic Versioning does, whatever
  /// the ecosystem; ECOSYSTEM ranges as the ecosystem does.
  bool Semver = false;
  struct Event {
    enum KindTy : unsigned char { Introduced, Fixed, LastAffected, Limit };
    KindTy Kind;
    std::string Version;
  };
  std::vector<Event> Events;
};

struct OsvRecord {
  std::string ID;
  std::vector<std::string> Aliases;
  std::string Summary;
  /// The ranges and versions that affect the package it was read for.
  std::vector<OsvRange> Ranges;
  std::vector<std::string> Versions;
  /// The record's "id", in its registered file.
  SourceRange At;
};

/// What an advisory says about one version of a package.
struct AdvisoryMatch {
  const OsvRecord *Record = nullptr;
  /// The lowest fixed version above the affected one; empty when none is
  /// known.
  std::string FirstFixed;
};

class AdvisoryDb {
public:
  /// Reads the records under \p Dir (*.json files, and the members of
  /// *.zip archives, one directory level down too) that affect a package
  /// of \p Wanted ("PyPI:torch", names as Dependency has them). Each
  /// matching record's file is registered in \p Files; a file that does
  /// not read is a problem (its path, and why), and the rest are read.
  struct Problem {
    std::string Path;
    std::string Message;
  };
  static AdvisoryDb load(llvm::vfs::FileSystem &FS, llvm::StringRef Dir,
                         const llvm::StringSet<> &Wanted, SourceFiles &Files,
                         std::vector<Problem> &Problems);

  /// The advisories that affect \p Version of package \p Name.
  std::vector<AdvisoryMatch> affecting(Ecosystem Eco, llvm::StringRef Name,
                                       llvm::StringRef Version) const;

  size_t size() const { return Records.size(); }

private:
  std::vector<OsvRecord> Records;
  /// "PyPI:torch" -> indices into Records.
  llvm::StringMap<std::vector<unsigned>> Index;
};

/// The advisory databases a run may read: --advisory-db's, and those
/// policies name. Each is loaded once, when first asked for.
class AdvisorySources {
public:
  AdvisorySources(llvm::vfs::FileSystem &FS, std::string DefaultDir)
      : FS(FS), DefaultDir(std::move(DefaultDir)) {}

  /// The directory a policy that names none uses; empty for none.
  llvm::StringRef defaultDir() const { return DefaultDir; }

  /// The database at \p Dir, read for \p Wanted.
  const AdvisoryDb &get(llvm::StringRef Dir, const llvm::StringSet<> &Wanted,
                        SourceFiles &Files,
                        std::vector<AdvisoryDb::Problem> &Problems);

private:
  llvm::vfs::FileSystem &FS;
  std::string DefaultDir;
  llvm::StringMap<AdvisoryDb> Loaded;
};

} // namespace licit

#endif // LICIT_DEPS_ADVISORIES_H
