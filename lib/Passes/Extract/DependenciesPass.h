//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Reads the dependencies a project's manifests declare: requirements
/// files, pyproject.toml, setup.cfg, Pipfile, conda environment files,
/// package.json and Cargo.toml.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_LIB_PASSES_EXTRACT_DEPENDENCIESPASS_H
#define LICIT_LIB_PASSES_EXTRACT_DEPENDENCIESPASS_H

#include "licit/Pass/Pass.h"

namespace licit::extract {

/// Each name, specifier and marker is located; an entry that does not read
/// (a requirement pip would refuse, a manifest that is not valid TOML,
/// JSON or YAML) is input-malformed at its place, and the rest is read.
class DependenciesPass : public FilePass {
public:
  static llvm::ArrayRef<RuleID> rules();
  bool accepts(const SourceFile &File) const override {
    return File.Kinds.contains(FileKind::Manifest) ||
           File.Kinds.contains(FileKind::Lockfile);
  }
  void run(const SourceFile &File, const PassContext &Ctx, FactStore &Facts,
           DiagSink &Diags) override;
};

} // namespace licit::extract

#endif // LICIT_LIB_PASSES_EXTRACT_DEPENDENCIESPASS_H
