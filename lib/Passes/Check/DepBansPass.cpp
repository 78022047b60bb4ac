//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "DepBansPass.h"
#include "licit/Deps/Versions.h"
#include "licit/Facts/Dependency.h"
#include "licit/Policy/Policy.h"

using namespace llvm;

namespace licit::check {

ArrayRef<RuleID> DepBansPass::rules() {
  static const RuleID Rules[] = {RuleID::DepBanned};
  return Rules;
}

void DepBansPass::run(FactStore &Facts, const PassContext &Ctx,
                      DiagSink &Diags) {
  ArrayRef<Dependency> Deps = Facts.all<Dependency>();
  ArrayRef<DependencyResolution> Res = Facts.all<DependencyResolution>();
  for (unsigned I = 0; I != Deps.size(); ++I) {
    const Dependency &D = Deps[I];
    const CompiledPolicy &P = Ctx.policyFor(D.File);
    VersionInUse Use = versionInUse(D, resolutionOf(Res, I));
    std::string ID = D.policyID();
    for (const BanEntry &B : P.Bans) {
      if (!B.Package.matches(ID) && !B.Package.matches(D.Name))
        continue;
      // A ban of some versions needs the version in use.
      if (!B.Versions.empty() &&
          (Use.Version.empty() ||
           versions::satisfies(D.Eco, Use.Version, B.Versions) !=
               Optional<bool>(true)))
        continue;
      std::string Message =
          (ecosystemName(D.Eco) + " package '" + D.Name + "'" +
           (B.Versions.empty() ? "" : " " + Use.Version) +
           " is banned by the policy" +
           (B.Versions.empty() ? "" : " (versions " + B.Versions + ")") +
           (B.Package.Reason.empty() ? "" : ": " + B.Package.Reason))
              .str();
      Diagnostic &Diag = Diags.report(RuleID::DepBanned, D.NameRange, Message);
      Diag.About.Kind = Subject::Package;
      Diag.About.ID = ID;
      if (!B.Versions.empty() && Use.At.hasFile())
        Diag.Notes.push_back({Use.At, (Use.Says + Use.Version).str()});
      Diag.Notes.push_back({B.Package.Range, "banned here"});
      break; // Said once, by the first ban that covers it.
    }
  }
}

} // namespace licit::check
