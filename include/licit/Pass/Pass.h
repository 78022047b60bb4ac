//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The two kinds of pass. File passes extract facts from one file and run in
/// parallel; project passes run once over every fact, to resolve and check.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_PASS_PASS_H
#define LICIT_PASS_PASS_H

#include "licit/Basic/Diagnostic.h"
#include "licit/Basic/SourceFiles.h"
#include "licit/Facts/FactStore.h"
#include "licit/Knowledge/KnowledgeBase.h"
#include "licit/Policy/Policy.h"

namespace licit {

/// What every pass may read. File passes share it across threads, so
/// they only read it; project passes run alone.
class HubCache;
class InstalledPackages;
class AdvisorySources;
namespace cfamily {
class CompileCommands;
} // namespace cfamily

struct PassContext {
  SourceFiles &Files;
  /// The local Hugging Face hub cache, when there is one.
  HubCache *Cache = nullptr;
  /// The environments beside the project (a venv, node_modules), when
  /// there are any.
  InstalledPackages *Installed = nullptr;
  /// The OSV advisory databases dependencies are checked against.
  AdvisorySources *Advisories = nullptr;
  /// The compilation database C and C++ files are parsed with, if any.
  const cfamily::CompileCommands *Compile = nullptr;

  /// The policy governing file \p ID.
  const CompiledPolicy &policyFor(FileID ID) const {
    return *Files.get(ID).Policy;
  }
  /// The facts file \p ID sees: the built-in knowledge base under the
  /// tables its policy names.
  const KnowledgeBase &knowledgeFor(FileID ID) const {
    return *policyFor(ID).Knowledge;
  }
};

/// Extracts facts from one file. Runs in parallel on different files.
class FilePass {
public:
  virtual ~FilePass();
  /// \returns true for the files this pass reads (by their kinds). A file
  /// no selected pass accepts is never read.
  virtual bool accepts(const SourceFile &File) const = 0;
  /// Extracts facts from \p File. Must be thread-safe: it may run on
  /// several files at once, and must touch nothing but its arguments.
  virtual void run(const SourceFile &File, const PassContext &Ctx,
                   FactStore &Facts, DiagSink &Diags) = 0;
};

/// Resolves or checks the facts of the whole project, once.
class ProjectPass {
public:
  virtual ~ProjectPass();
  virtual void run(FactStore &Facts, const PassContext &Ctx,
                   DiagSink &Diags) = 0;
};

} // namespace licit

#endif // LICIT_PASS_PASS_H
