//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The pipeline: reads each file as its kinds require, runs the file passes
/// that accept it in parallel, merges their facts in a fixed order, then
/// runs the project passes (resolve, then check). It works the same over a
/// discovered tree and over one in-memory buffer (--stdin-filename, and the
/// language server): a file whose contents are already in the registry is
/// not read again.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_DRIVER_PIPELINE_H
#define LICIT_DRIVER_PIPELINE_H

#include "licit/Basic/Diagnostic.h"
#include "licit/Facts/FactStore.h"
#include "licit/Knowledge/KnowledgeBase.h"
#include "licit/Pass/PassRegistry.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <string>
#include <vector>

namespace licit {

class HubCache;
class InstalledPackages;
class AdvisorySources;

struct PipelineOptions {
  unsigned Threads = 0;
  /// Files read whole that are larger than this are skipped with a note.
  uint64_t MaxFileSize = 8 << 20;
  /// The local hub cache model cards are read from (--hf-cache), or null.
  HubCache *Cache = nullptr;
  /// The environments dependency licences are read from, or null.
  InstalledPackages *Installed = nullptr;
  /// The advisory databases (--advisory-db, policies' advisory-db).
  AdvisorySources *Advisories = nullptr;
  /// The compilation database (-p, or one beside the project), or null.
  const cfamily::CompileCommands *Compile = nullptr;
};

/// What a pipeline run produced besides facts and diagnostics.
struct PipelineStats {
  /// Files read and given to at least one pass.
  unsigned FilesChecked = 0;
  /// Whether a C or C++ file was among them (the summary says how they were
  /// read).
  bool CFamilyChecked = false;
  /// Seconds per pass, in pipeline order, summed over files.
  std::vector<std::pair<std::string, double>> PassSeconds;
};

/// Runs \p Passes over \p Inputs (files of \p Files whose policy is set).
/// \p Explicit lists the inputs named on the command line: one no selected
/// pass reads gets a note saying so. Facts go to \p Facts, findings to
/// \p Diags; severities are not resolved here.
PipelineStats runPipeline(llvm::vfs::FileSystem &FS, SourceFiles &Files,
                          llvm::ArrayRef<FileID> Inputs,
                          llvm::ArrayRef<FileID> Explicit, Pipeline &Passes,
                          const PipelineOptions &Options, FactStore &Facts,
                          std::vector<Diagnostic> &Diags);

} // namespace licit

#endif // LICIT_DRIVER_PIPELINE_H
