//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "DependencyResolvePass.h"
#include "licit/Deps/Spdx.h"
#include "licit/Facts/Dependency.h"
#include "licit/Facts/InstalledPackages.h"
#include "licit/Knowledge/Packages.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace licit::resolve {

/// \p Text as an expression; empty when it does not read (the table's
/// rows are checked, metadata went through spdx::normalize()).
static LicenceExpr expression(StringRef Text) {
  LicenceExpr E;
  spdx::Error Err;
  if (!spdx::parse(Text, E, Err))
    return LicenceExpr();
  return E;
}

void DependencyResolvePass::run(FactStore &Facts, const PassContext &Ctx,
                                DiagSink &Diags) {
  const PackageTable &Table = PackageTable::builtin();
  FileID TableFile = 0;
  // What each lockfile resolves, by its directory: a manifest's lockfile
  // is beside it, or above it for a workspace member.
  StringMap<const LockedPackage *> Locked; // "dir|PyPI:name"
  for (const LockedPackage &L : Facts.all<LockedPackage>())
    Locked.try_emplace((sys::path::parent_path(Ctx.Files.get(L.File).AbsPath) +
                        "|" + ecosystemName(L.Eco) + ":" + L.Name)
                           .str(),
                       &L);
  auto FindLocked = [&](const Dependency &D) -> const LockedPackage * {
    StringRef Dir = sys::path::parent_path(Ctx.Files.get(D.File).AbsPath);
    for (unsigned Up = 0; Up != 8 && !Dir.empty(); ++Up) {
      auto It =
          Locked.find((Dir + "|" + ecosystemName(D.Eco) + ":" + D.Name).str());
      if (It != Locked.end())
        return It->second;
      StringRef Parent = sys::path::parent_path(Dir);
      if (Parent == Dir)
        break;
      Dir = Parent;
    }
    return nullptr;
  };
  ArrayRef<Dependency> Deps = Facts.all<Dependency>();
  std::vector<DependencyResolution> Out(Deps.size());
  for (unsigned I = 0; I != Deps.size(); ++I) {
    const Dependency &D = Deps[I];
    DependencyResolution &R = Out[I];
    R.Dep = I;
    const LockedPackage *L = FindLocked(D);
    if (L) {
      R.Locked = L->Version;
      R.LockedAt = L->At;
    }
    const InstalledPackage *P =
        Ctx.Installed ? Ctx.Installed->find(D.Eco, D.Name, Ctx.Files) : nullptr;
    if (P) {
      R.Version = P->Version;
      R.VersionAt = P->VersionAt;
    }
    if (P && !P->Spdx.empty()) {
      R.From = DependencyResolution::Installed;
      R.Licence = expression(P->Spdx);
      R.Where = P->At;
      R.Key = P->Key;
      continue;
    }
    // What the lockfile records for the version it resolves.
    if (L && !L->Licence.empty())
      if (Optional<std::string> Spdx = spdx::normalize(L->Licence)) {
        R.From = DependencyResolution::Lockfile;
        R.Licence = expression(*Spdx);
        R.Where = L->LicenceAt;
        R.Key = "license";
        continue;
      }
    // conda-forge repackages PyPI projects under their names and licences.
    const PackageRow *Row = Table.find(D.Eco, D.Name);
    if (!Row && D.Eco == Ecosystem::Conda)
      Row = Table.find(Ecosystem::PyPI, D.Name);
    if (Row) {
      if (!TableFile)
        TableFile =
            Ctx.Files.addBuiltin("<builtin>/packages.tsv", Table.text());
      R.From = DependencyResolution::Table;
      R.Licence = expression(Row->Licence);
      R.Verified = Row->Verified;
      R.Where = {TableFile, Row->Offset, Row->Offset + Row->Length};
      continue;
    }
    // Installed, with a licence licit cannot read: said as written.
    if (P && !P->Declared.empty()) {
      R.From = DependencyResolution::Installed;
      R.Declared = P->Declared;
      R.Where = P->At;
      R.Key = P->Key;
    }
  }
  for (DependencyResolution &R : Out)
    Facts.add(std::move(R));
}

} // namespace licit::resolve
