//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "DependenciesPass.h"
#include "licit/Deps/Manifests.h"

using namespace llvm;

namespace licit::extract {

ArrayRef<RuleID> DependenciesPass::rules() {
  static const RuleID Rules[] = {RuleID::InputMalformed, RuleID::InputSkipped};
  return Rules;
}

void DependenciesPass::run(const SourceFile &File, const PassContext &Ctx,
                           FactStore &Facts, DiagSink &Diags) {
  deps::ManifestRead Read = deps::readManifest(File);
  for (const deps::ManifestRead::Problem &P : Read.Problems)
    Diags.report(RuleID::InputMalformed, P.At, P.Message);
  for (const deps::ManifestRead::Problem &P : Read.Unread)
    Diags.report(RuleID::InputSkipped, P.At, P.Message);
  for (Dependency &D : Read.Deps)
    Facts.add(std::move(D));
  for (LockedPackage &L : Read.Locked)
    Facts.add(std::move(L));
}

} // namespace licit::extract
