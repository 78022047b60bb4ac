//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "DepAdvisoriesPass.h"
#include "licit/Deps/Advisories.h"
#include "licit/Deps/Versions.h"
#include "licit/Facts/Dependency.h"
#include "licit/Policy/Policy.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace licit::check {

ArrayRef<RuleID> DepAdvisoriesPass::rules() {
  static const RuleID Rules[] = {RuleID::DepAdvisory, RuleID::InputMalformed};
  return Rules;
}

/// The database dependency \p D is checked against; empty for none.
static StringRef databaseFor(const Dependency &D, const PassContext &Ctx) {
  const CompiledPolicy &P = Ctx.policyFor(D.File);
  return P.AdvisoryDb ? StringRef(P.AdvisoryDb->Value)
                      : Ctx.Advisories->defaultDir();
}

namespace {

struct Raised {
  std::string Spec;
  Applicability Safety;
};

} // namespace

/// Requirement \p Spec raised to version \p Fixed: an exact pin gets the
/// fixed version in place of \p Pinned; a PyPI range keeps its upper
/// bounds and exclusions and takes ">=Fixed" as its lower bound, safely
/// when they still admit the fixed version (else unsafely, without the
/// bounds that exclude it). None when it cannot be written.
static Optional<Raised> raise(Ecosystem Eco, StringRef Spec, StringRef Pinned,
                              StringRef Fixed) {
  if (!Pinned.empty()) {
    size_t At = Spec.rfind(Pinned);
    if (At == StringRef::npos)
      return None;
    return Raised{
        (Spec.take_front(At) + Fixed + Spec.drop_front(At + Pinned.size()))
            .str(),
        Applicability::Safe};
  }
  StringRef S = Spec.trim();
  // Only a PEP 440 specifier set (not Poetry's "^4.30") is rewritten.
  if (Eco != Ecosystem::PyPI || S.empty() || S.startswith("(") ||
      !versions::satisfiesPep440(Fixed, S))
    return None;
  SmallVector<StringRef, 4> Clauses, Kept;
  S.split(Clauses, ',', -1, /*KeepEmpty=*/false);
  for (StringRef C : Clauses) {
    C = C.trim();
    if (C.startswith("<") || C.startswith("!="))
      Kept.push_back(C);
  }
  auto Join = [](ArrayRef<StringRef> Parts) {
    std::string Out;
    for (StringRef P : Parts)
      Out += ", " + P.str();
    return Out;
  };
  std::string Rest = Join(Kept);
  if (versions::satisfiesPep440(Fixed, StringRef(Rest).substr(2)) ==
      Optional<bool>(true))
    return Raised{(">=" + Fixed + Rest).str(), Applicability::Safe};
  SmallVector<StringRef, 4> Admitting;
  for (StringRef C : Kept)
    if (versions::satisfiesPep440(Fixed, C) == Optional<bool>(true))
      Admitting.push_back(C);
  return Raised{(">=" + Fixed + Join(Admitting)).str(), Applicability::Unsafe};
}

void DepAdvisoriesPass::run(FactStore &Facts, const PassContext &Ctx,
                            DiagSink &Diags) {
  if (!Ctx.Advisories)
    return;
  ArrayRef<Dependency> Deps = Facts.all<Dependency>();
  ArrayRef<DependencyResolution> Res = Facts.all<DependencyResolution>();
  // Each database is read once, for the packages that use it.
  StringMap<StringSet<>> Wanted;
  for (const Dependency &D : Deps)
    if (StringRef Db = databaseFor(D, Ctx); !Db.empty())
      Wanted[Db].insert((ecosystemName(D.Eco) + ":" + D.Name).str());
  for (unsigned I = 0; I != Deps.size(); ++I) {
    const Dependency &D = Deps[I];
    StringRef Dir = databaseFor(D, Ctx);
    if (Dir.empty())
      continue;
    std::vector<AdvisoryDb::Problem> Problems;
    const AdvisoryDb &Db =
        Ctx.Advisories->get(Dir, Wanted[Dir], Ctx.Files, Problems);
    for (const AdvisoryDb::Problem &P : Problems)
      Diags.report(RuleID::InputMalformed,
                   SourceRange::wholeFile(Ctx.Files.add(P.Path, P.Path).first),
                   P.Message);
    VersionInUse Use = versionInUse(D, resolutionOf(Res, I));
    StringRef Version = Use.Version;
    if (Version.empty())
      continue;
    std::vector<AdvisoryMatch> Matches = Db.affecting(D.Eco, D.Name, Version);
    if (Matches.empty())
      continue;
    // The lowest version that fixes every advisory that says.
    std::string Fixed;
    for (const AdvisoryMatch &M : Matches)
      if (!M.FirstFixed.empty() &&
          (Fixed.empty() ||
           versions::compare(D.Eco, M.FirstFixed, Fixed).getValueOr(0) > 0))
        Fixed = M.FirstFixed;
    auto Named = [](const OsvRecord &R) {
      return R.ID + (R.Aliases.empty() ? "" : " (" + R.Aliases.front() + ")");
    };
    std::string Subject =
        (ecosystemName(D.Eco) + " package '" + D.Name + "' " + Version).str();
    std::string Message =
        Matches.size() == 1
            ? Subject + " is affected by " + Named(*Matches[0].Record) +
                  (Matches[0].Record->Summary.empty()
                       ? ""
                       : ": " + Matches[0].Record->Summary)
            : Subject + " is affected by " + std::to_string(Matches.size()) +
                  " advisories";
    if (!Fixed.empty())
      Message +=
          "; " + Fixed + " fixes " + (Matches.size() == 1 ? "it" : "them");
    Diagnostic &Diag = Diags.report(RuleID::DepAdvisory, D.NameRange, Message);
    Diag.About.Kind = Subject::Package;
    Diag.About.ID = D.policyID();
    if (Use.At.hasFile())
      Diag.Notes.push_back({Use.At, (Use.Says + Version).str()});
    for (const AdvisoryMatch &M : Matches)
      Diag.Notes.push_back(
          {M.Record->At,
           Matches.size() == 1
               ? "advisory " + M.Record->ID
               : Named(*M.Record) + ": " + M.Record->Summary +
                     (M.FirstFixed.empty() ? "; no fixed version is known"
                                           : "; fixed in " + M.FirstFixed)});
    // A requirement written verbatim can be raised in place.
    StringRef Text = Ctx.Files.get(D.File).text();
    if (Fixed.empty() || !D.SpecRange.hasOffsets() ||
        Text.slice(D.SpecRange.Begin, D.SpecRange.End) != D.Spec)
      continue;
    if (Optional<Raised> R = raise(D.Eco, D.Spec, D.Pinned, Fixed))
      Diag.Fixes.push_back(
          {"require " + Fixed, {{D.SpecRange, R->Spec}}, R->Safety});
  }
}

} // namespace licit::check
