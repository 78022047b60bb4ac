//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// What licit may read and write (docs/Security.md). A checked repository is
/// hostile input: its policy files may point anywhere. licit reads files
/// only inside the checked trees (each checked path's enclosing repository,
/// or the path itself outside a repository) and the policy directories
/// (that of an explicit --policy, and --policy-path), and writes only
/// inside the checked trees.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_BASIC_TRUSTBOUNDARY_H
#define LICIT_BASIC_TRUSTBOUNDARY_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace llvm {
namespace vfs {
class FileSystem;
} // namespace vfs
} // namespace llvm

namespace licit {

/// \returns the nearest directory at or above \p RealDir that holds .git
/// (a repository's root), or an empty string.
std::string findRepositoryRoot(llvm::vfs::FileSystem &FS,
                               llvm::StringRef RealDir);

/// \returns \p Path with symbolic links resolved, or made absolute (and
/// cleaned of "." and "..") where the file system cannot resolve it (it
/// does not exist, or has no links, like an in-memory one).
std::string resolvePath(llvm::vfs::FileSystem &FS, llvm::StringRef Path);

class TrustBoundary {
public:
  /// Everything may be read and written: for library users that check
  /// trusted input (and unit tests).
  static TrustBoundary unrestricted();

  /// The boundary of a run over \p Paths (files or directories), with an
  /// explicit policy file \p PolicyFile (may be empty) and organisation
  /// policy directories \p PolicyDirs.
  static TrustBoundary forInputs(llvm::vfs::FileSystem &FS,
                                 llvm::ArrayRef<std::string> Paths,
                                 llvm::StringRef PolicyFile,
                                 llvm::ArrayRef<std::string> PolicyDirs);

  /// \returns true when the file at real path \p RealPath may be read.
  bool mayRead(llvm::StringRef RealPath) const;
  /// \returns true when \p RealPath is inside a checked tree: policy
  /// discovery walks up no further, and only there may --fix write.
  bool isInCheckedTree(llvm::StringRef RealPath) const;
  /// The organisation's policy directories, where `extends` finds packs by
  /// name.
  llvm::ArrayRef<std::string> policyDirs() const { return PolicyDirs; }

private:
  bool Unrestricted = false;
  std::vector<std::string> Roots;
  std::vector<std::string> PolicyDirs;
};

} // namespace licit

#endif // LICIT_BASIC_TRUSTBOUNDARY_H
