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
#include "licit/Basic/SourceFile.h"
#include "licit/Facts/FactStore.h"
#include "licit/Knowledge/KnowledgeBase.h"
#include <functional>

namespace licit {

class CompiledPolicy;

/// What every pass may read. Read-only, so file passes can share it.
struct PassContext {
  const KnowledgeBase &KB;
  /// The policy governing \p File.
  std::function<const CompiledPolicy &(const SourceFile &File)> PolicyFor;
};

class FilePass {
public:
  virtual ~FilePass();
  /// \returns true for the file kinds this pass reads.
  virtual bool accepts(FileKind Kind) const = 0;
  /// Extracts facts from \p File. Must be thread-safe: it may run on
  /// several files at once, and must touch nothing but its arguments.
  virtual void run(const SourceFile &File, const PassContext &Ctx,
                   FactStore &Facts, DiagSink &Diags) = 0;
};

class ProjectPass {
public:
  virtual ~ProjectPass();
  virtual void run(const FactStore &Facts, const PassContext &Ctx,
                   DiagSink &Diags) = 0;
};

} // namespace licit

#endif // LICIT_PASS_PASS_H
