//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Discovery: from the paths on the command line to the files of the
/// registry a run reads, each classified by kind. Reads directories only
/// (and the first bytes of files whose name does not say what they are),
/// through a virtual file system.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_DRIVER_DISCOVERY_H
#define LICIT_DRIVER_DISCOVERY_H

#include "licit/Basic/Diagnostic.h"
#include "licit/Basic/SourceFiles.h"
#include "licit/Policy/Policy.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <functional>
#include <string>
#include <vector>

namespace licit {

struct DiscoveryOptions {
  /// Honour .gitignore, .git/info/exclude and .ignore (off: --no-ignore).
  bool UseIgnoreFiles = true;
  /// The exclusions in force in a directory (its policy's), given its
  /// real path; the same list for a directory and its parent means the
  /// parent's apply. Not affected by UseIgnoreFiles.
  std::function<const ExcludeList *(llvm::StringRef RealDir)> ExcludesFor;
};

/// What discovery found.
struct DiscoveredFiles {
  /// Every file, each once, in command-line order and then the walk's
  /// sorted order.
  std::vector<FileID> Files;
  /// The files among them named on the command line themselves.
  std::vector<FileID> Named;
};

/// \returns the files found under \p Paths, registered in \p Files.
/// Directories are walked without following symbolic links; VCS, cache
/// and virtual-environment directories are skipped. A path named on the
/// command line is always a candidate. Files that cannot be classified are
/// not returned; problems (unreadable directories, links out of the tree)
/// are reported to \p Diags. \returns an error for a command-line path
/// that does not exist.
llvm::Expected<DiscoveredFiles> discoverFiles(llvm::vfs::FileSystem &FS,
                                              SourceFiles &Files,
                                              llvm::ArrayRef<std::string> Paths,
                                              const DiscoveryOptions &Options,
                                              DiagSink &Diags);

/// Strips a leading "./" the way ruff and clang print paths.
std::string displayPath(llvm::StringRef Path);

} // namespace licit

#endif // LICIT_DRIVER_DISCOVERY_H
