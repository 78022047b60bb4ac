//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// What outlives a run: the file system licit reads through, the file
/// registry and the policy store. The command line makes one per process;
/// the language server keeps one across edits and runs a Scan per change,
/// replacing a file's contents with the editor's buffer. Contents read
/// from disk are kept between runs: the owner drops those that changed
/// (SourceFile::dropContents). Compiled policies are kept for the
/// workspace's life; reloading an edited policy file is not built yet.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_DRIVER_WORKSPACE_H
#define LICIT_DRIVER_WORKSPACE_H

#include "licit/Basic/SourceFiles.h"
#include "licit/Knowledge/KnowledgeBase.h"
#include "licit/Policy/Policy.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace licit {

class Workspace {
public:
  /// \p Boundary says what may be read and written (docs/Security.md).
  Workspace(const KnowledgeBase &KB, TrustBoundary Boundary,
            llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS =
                llvm::vfs::getRealFileSystem())
      : KB(KB), Boundary(Boundary), FS(std::move(FS)),
        Policies(Files, KB, *this->FS, Boundary) {}

  const KnowledgeBase &builtinKnowledge() const { return KB; }
  const TrustBoundary &boundary() const { return Boundary; }
  llvm::vfs::FileSystem &fs() { return *FS; }
  SourceFiles &files() { return Files; }
  PolicyLoader &policies() { return Policies; }

private:
  const KnowledgeBase &KB;
  TrustBoundary Boundary;
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS;
  SourceFiles Files;
  PolicyLoader Policies;
};

} // namespace licit

#endif // LICIT_DRIVER_WORKSPACE_H
