//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Basic/TrustBoundary.h"
#include "licit/Basic/SourceFiles.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace llvm;

namespace licit {

std::string findRepositoryRoot(vfs::FileSystem &FS, StringRef RealDir) {
  for (StringRef D = RealDir; !D.empty(); D = sys::path::parent_path(D)) {
    SmallString<256> Git(D);
    sys::path::append(Git, ".git");
    if (FS.exists(Git))
      return D.str();
  }
  return "";
}

std::string resolvePath(vfs::FileSystem &FS, StringRef Path) {
  SmallString<256> Real;
  if (FS.getRealPath(Path, Real))
    return absolutePath(Path);
  return std::string(Real);
}

/// \returns true when \p Path is \p Dir or below it ("/a/bc" is not below
/// "/a/b").
static bool isWithin(StringRef Path, StringRef Dir) {
  if (Dir == "/")
    return Path.startswith("/");
  return Path.consume_front(Dir) && (Path.empty() || Path.front() == '/');
}

TrustBoundary TrustBoundary::unrestricted() {
  TrustBoundary B;
  B.Unrestricted = true;
  return B;
}

TrustBoundary TrustBoundary::forInputs(vfs::FileSystem &FS,
                                       ArrayRef<std::string> Paths,
                                       StringRef PolicyFile,
                                       ArrayRef<std::string> PolicyDirs) {
  TrustBoundary B;
  for (const std::string &Path : Paths) {
    std::string Dir = resolvePath(FS, Path);
    ErrorOr<vfs::Status> S = FS.status(Dir);
    if (!S || !S->isDirectory())
      Dir = sys::path::parent_path(Dir).str();
    std::string Repo = findRepositoryRoot(FS, Dir);
    B.Roots.push_back(Repo.empty() ? Dir : Repo);
  }
  if (!PolicyFile.empty())
    B.PolicyDirs.push_back(
        sys::path::parent_path(resolvePath(FS, PolicyFile)).str());
  for (const std::string &Dir : PolicyDirs)
    B.PolicyDirs.push_back(resolvePath(FS, Dir));
  return B;
}

bool TrustBoundary::isInCheckedTree(StringRef RealPath) const {
  return Unrestricted ||
         any_of(
             Roots,
             [&](const std::string &Root) { return isWithin(RealPath, Root); });
}

bool TrustBoundary::mayRead(StringRef RealPath) const {
  return isInCheckedTree(RealPath) ||
         any_of(
             PolicyDirs,
             [&](const std::string &Dir) { return isWithin(RealPath, Dir); });
}

} // namespace licit
