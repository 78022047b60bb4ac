//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "DepPinsPass.h"
#include "licit/Facts/Dependency.h"
#include "licit/Policy/Policy.h"

using namespace llvm;

namespace licit::check {

ArrayRef<RuleID> DepPinsPass::rules() {
  static const RuleID Rules[] = {RuleID::DepUnpinned};
  return Rules;
}

void DepPinsPass::run(FactStore &Facts, const PassContext &Ctx,
                      DiagSink &Diags) {
  ArrayRef<Dependency> Deps = Facts.all<Dependency>();
  ArrayRef<DependencyResolution> Res = Facts.all<DependencyResolution>();
  for (unsigned I = 0; I != Deps.size(); ++I) {
    const Dependency &D = Deps[I];
    if (!D.Pinned.empty() || !D.Url.empty() || D.isDevelopmentOnly() ||
        Ctx.policyFor(D.File).isIgnored(RuleID::DepUnpinned))
      continue;
    const DependencyResolution &R = resolutionOf(Res, I);
    if (!R.Locked.empty())
      continue;
    Diagnostic &Diag = Diags.report(
        RuleID::DepUnpinned, D.NameRange,
        ecosystemName(D.Eco) + " package '" + D.Name + "' is " +
            (D.Spec.empty()
                 ? "not pinned"
                 : "pinned to a range ('" + D.Spec + "'), not one version") +
            ", and no lockfile resolves it: a release can install another "
            "version tomorrow");
    Diag.About.Kind = Subject::Package;
    Diag.About.ID = D.policyID();
    // Pinning what is installed keeps what was tested; it changes what the
    // manifest accepts, so it is unsafe.
    StringRef Text = Ctx.Files.get(D.File).text();
    if (D.Eco == Ecosystem::PyPI && !R.Version.empty() &&
        D.SpecRange.hasOffsets() &&
        Text.slice(D.SpecRange.Begin, D.SpecRange.End) == D.Spec) {
      Diag.Notes.push_back(
          {R.VersionAt, "the installed version is " + R.Version});
      Diag.Fixes.push_back({"pin the installed " + R.Version,
                            {{D.SpecRange, "==" + R.Version}},
                            Applicability::Unsafe});
    }
  }
}

} // namespace licit::check
