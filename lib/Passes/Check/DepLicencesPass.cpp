//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "DepLicencesPass.h"
#include "licit/Facts/Dependency.h"
#include "licit/Policy/Policy.h"
#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace licit::check {

ArrayRef<RuleID> DepLicencesPass::rules() {
  static const RuleID Rules[] = {RuleID::DepLicenceDenied,
                                 RuleID::DepLicenceNotAllowed,
                                 RuleID::DepLicenceUnknown};
  return Rules;
}

namespace {

/// Worst last: an AND takes the worst of its licences, an OR the best.
enum class Verdict : unsigned char { Ok, Unknown, NotAllowed, Denied };

struct Judgement {
  Verdict V = Verdict::Ok;
  /// The licence that decided it.
  std::string Leaf;
  /// The list entry that denied it, or its copyleft.
  const ListEntry *Entry = nullptr;
  Optional<CopyleftLevel> Copyleft;
};

Judgement judgeLeaf(StringRef ID, const CompiledPolicy &P) {
  Judgement J;
  J.Leaf = ID.str();
  const Licence *L = P.Knowledge->lookupLicence(ID);
  if ((J.Entry = P.findLicence(P.LicenceDeny, ID))) {
    J.V = Verdict::Denied;
    return J;
  }
  if (L && P.DenyCopyleft) {
    Optional<CopyleftLevel> C =
        parseCopyleftLevel(L->trait(Trait::Copyleft).Word);
    if (C && *C >= P.DenyCopyleft->Value) {
      J.V = Verdict::Denied;
      J.Copyleft = C;
      return J;
    }
  }
  if (!P.LicenceAllow.empty() && !P.findLicence(P.LicenceAllow, ID))
    J.V = Verdict::NotAllowed;
  // A licence whose terms licit has no record of ("LicenseRef-acme").
  else if (!L)
    J.V = Verdict::Unknown;
  return J;
}

Judgement judge(const LicenceExpr &E, const CompiledPolicy &P) {
  switch (E.Kind) {
  case LicenceExpr::None:
    return Judgement{Verdict::Unknown, "", nullptr, None};
  case LicenceExpr::Leaf:
    return judgeLeaf(E.ID, P);
  case LicenceExpr::With:
    return judge(E.Args.front(), P);
  case LicenceExpr::And:
  case LicenceExpr::Or: {
    Judgement Pick = judge(E.Args.front(), P);
    for (const LicenceExpr &A : drop_begin(E.Args)) {
      Judgement J = judge(A, P);
      if (E.Kind == LicenceExpr::And ? J.V > Pick.V : J.V < Pick.V)
        Pick = std::move(J);
    }
    return Pick;
  }
  }
  llvm_unreachable("unknown expression kind");
}

void leaves(const LicenceExpr &E, SmallVectorImpl<std::string> &Out) {
  if (E.Kind == LicenceExpr::Leaf)
    Out.push_back(E.ID);
  for (const LicenceExpr &A : E.Args)
    leaves(A, Out);
}

StringRef copyleftPhrase(CopyleftLevel L) {
  switch (L) {
  case CopyleftLevel::None:
  case CopyleftLevel::Weak:
    return "copyleft of any reach";
  case CopyleftLevel::Strong:
    return "strong and network copyleft";
  case CopyleftLevel::Network:
    return "network copyleft";
  }
  llvm_unreachable("unknown copyleft level");
}

} // namespace

void DepLicencesPass::run(FactStore &Facts, const PassContext &Ctx,
                          DiagSink &Diags) {
  ArrayRef<Dependency> Deps = Facts.all<Dependency>();
  for (const DependencyResolution &R : Facts.all<DependencyResolution>()) {
    const Dependency &D = Deps[R.Dep];
    if (D.isDevelopmentOnly())
      continue;
    const CompiledPolicy &P = Ctx.policyFor(D.File);
    std::string Subject =
        (ecosystemName(D.Eco) + " package '" + D.Name + "'").str();
    std::string Expr = R.Licence.str();
    Judgement J = judge(R.Licence, P);
    auto Report = [&](RuleID Rule, const Twine &Message) -> Diagnostic & {
      Diagnostic &Diag = Diags.report(Rule, D.NameRange, Message);
      Diag.About.Kind = Subject::Package;
      Diag.About.ID = D.policyID();
      leaves(R.Licence, Diag.About.Licences);
      // Where the licence comes from.
      if (R.From == DependencyResolution::Installed)
        Diag.Notes.push_back(
            {R.Where, "the installed package declares " +
                          (R.Declared.empty() ? "'" + Expr + "'"
                                              : "'" + R.Declared + "'") +
                          " (" + R.Key + ")"});
      else if (R.From == DependencyResolution::Lockfile)
        Diag.Notes.push_back({R.Where, "the lockfile records '" + Expr +
                                           "' for the version it resolves (" +
                                           R.Locked + ")"});
      else if (R.From == DependencyResolution::Table)
        Diag.Notes.push_back(
            {R.Where, std::string("licit's package table lists it") +
                          (R.Verified ? "" : " (unverified)")});
      return Diag;
    };
    // "'AGPL-3.0-only'", or "'AGPL-3.0-only OR X', whose 'AGPL-3.0-only'".
    std::string Under = "is under licence '" + Expr + "'" +
                        (J.Leaf == Expr ? "" : ", whose '" + J.Leaf + "'");
    switch (J.V) {
    case Verdict::Ok:
      break;
    case Verdict::Denied:
      if (J.Entry) {
        Diagnostic &Diag =
            Report(RuleID::DepLicenceDenied,
                   Subject + " " + Under + (J.Leaf == Expr ? ", which" : "") +
                       " the policy denies" +
                       (J.Entry->Reason.empty() ? "" : ": " + J.Entry->Reason));
        Diag.Notes.push_back({J.Entry->Range, "licence denied here"});
      } else {
        Diagnostic &Diag =
            Report(RuleID::DepLicenceDenied,
                   Subject + " " + Under + (J.Leaf == Expr ? ", which" : "") +
                       " is " + copyleftLevelName(*J.Copyleft) +
                       " copyleft; the policy denies " +
                       copyleftPhrase(P.DenyCopyleft->Value));
        Diag.Notes.push_back(
            {P.DenyCopyleft->Range, "copyleft limit set here"});
      }
      break;
    case Verdict::NotAllowed: {
      Diagnostic &Diag =
          Report(RuleID::DepLicenceNotAllowed,
                 Subject + " " + Under + (J.Leaf == Expr ? ", which" : "") +
                     " is not on the policy's allow list");
      Diag.Notes.push_back({P.LicenceAllow.front().Range, "allow list here"});
      break;
    }
    case Verdict::Unknown:
      if (R.Licence.empty())
        Report(RuleID::DepLicenceUnknown,
               R.Declared.empty()
                   ? "licit does not know the licence of " + Subject
                   : Subject + " declares licence '" + R.Declared +
                         "', which is not an SPDX expression licit reads");
      else
        Report(RuleID::DepLicenceUnknown,
               Subject + " " + Under + (J.Leaf == Expr ? ", which" : "") +
                   " licit has no terms for");
      break;
    }
  }
}

} // namespace licit::check
