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

/// The phase a pass belongs to.
enum class PassPhase : unsigned char { Extract, Resolve, Check };

struct PassInfo {
  llvm::StringRef Name;
  llvm::StringRef Description;
  PassPhase Phase;
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
/// order, and the resolve passes when a check pass is selected.
Pipeline createPipeline(const GlobList &Selection);

/// \returns an error naming the known passes when a positive glob of
/// \p Selection ("bogus", "extract-*") matches no pass.
llvm::Error checkPassSelection(const GlobList &Selection);

} // namespace licit

#endif // LICIT_PASS_PASSREGISTRY_H
