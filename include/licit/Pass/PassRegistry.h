//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The pass registry, expanded from lib/Passes/Passes.def.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_PASS_PASSREGISTRY_H
#define LICIT_PASS_PASSREGISTRY_H

#include "licit/Basic/GlobList.h"
#include "licit/Pass/Pass.h"
#include <memory>
#include <vector>

namespace licit {

struct PassInfo {
  llvm::StringRef Name;
  llvm::StringRef Description;
  bool IsFilePass;
  /// The rules the pass may report; its DiagSink enforces this.
  llvm::ArrayRef<RuleID> Rules;
};

/// \returns every registered pass, in pipeline order.
llvm::ArrayRef<PassInfo> allPasses();

/// A pass together with what the registry knows of it.
template <typename PassT> struct PassInstance {
  const PassInfo *Info;
  std::unique_ptr<PassT> Pass;
};

struct Pipeline {
  std::vector<PassInstance<FilePass>> FilePasses;
  std::vector<PassInstance<ProjectPass>> ProjectPasses;
};

/// Instantiates the passes whose names \p Selection contains, in registry
/// order.
Pipeline createPipeline(const GlobList &Selection);

} // namespace licit

#endif // LICIT_PASS_PASSREGISTRY_H
