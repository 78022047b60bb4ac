//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Policies: what an organisation allows. A policy file (TOML) is read into a
/// located tree, validated, layered over the files it extends and compiled
/// into a CompiledPolicy, which always exists: problems in the files become
/// diagnostics pointing into them, never a missing policy.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_POLICY_POLICY_H
#define LICIT_POLICY_POLICY_H

#include "licit/Basic/Diagnostic.h"
#include "licit/Basic/Glob.h"
#include "licit/Basic/RuleID.h"
#include "licit/Basic/TrustBoundary.h"
#include "licit/Knowledge/KnowledgeBase.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringMap.h"
#include <memory>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
namespace vfs {
class FileSystem;
} // namespace vfs
} // namespace llvm

namespace licit {

/// Policy files and knowledge tables larger than this are not read.
constexpr uint64_t MaxPolicyFileSize = 4 << 20;

/// A value together with where a policy file set it.
/// How far a licence's copyleft reaches, weakest first.
enum class CopyleftLevel : unsigned char { None, Weak, Strong, Network };

/// "weak", "strong", "network" (and "no" for None); None for anything
/// else.
llvm::Optional<CopyleftLevel> parseCopyleftLevel(llvm::StringRef Word);
llvm::StringRef copyleftLevelName(CopyleftLevel L);

template <typename T> struct Located {
  T Value;
  SourceRange Range;
};

/// A calendar date, compared to the day licit runs on.
struct Date {
  int Year = 0, Month = 0, Day = 0;
  bool operator<(const Date &O) const;
  std::string str() const;
  static Date today();
};

/// One allow or deny entry: a licence id or a model-id glob.
struct ListEntry {
  std::string Pattern;
  /// The pattern lower-cased: ids match ignoring case.
  Glob Matcher;
  std::string Reason;
  SourceRange Range;
  bool matches(llvm::StringRef ID) const;
};

/// [dependencies] bans: a package (by name, or "ecosystem:name", globs
/// allowed) the organisation does not accept, at every version or at the
/// versions a specifier names.
struct BanEntry {
  ListEntry Package;
  /// A PEP 440 specifier (PyPI, conda) or comparisons (">=1.0, <2" for npm
  /// and crates.io); empty for every version.
  std::string Versions;
};

/// Paths to leave out, in .gitignore syntax, each relative to the directory
/// of the policy file that wrote it (`exclude = [...]`).
struct ExcludeList {
  struct Pattern {
    std::string Text;
    std::string BaseDir;
    SourceRange Range;
  };
  std::vector<Pattern> Patterns;
};

/// A finding the organisation accepts, with its justification.
struct PolicyException {
  std::vector<ListEntry> Models;
  /// Package names, or "ecosystem:name" ("ultralytics", "npm:left-pad").
  std::vector<ListEntry> Packages;
  std::vector<ListEntry> Licences;
  std::vector<ListEntry> Rules;
  std::vector<ListEntry> Paths;
  /// Directory the path globs are relative to: the policy file's.
  std::string BaseDir;
  /// The policy file the exception is written in.
  std::string PolicyPath;
  std::string Reason;
  llvm::Optional<Date> Expires;
  bool Expired = false;
  SourceRange Range;

  /// \returns true when this exception covers \p D in file \p AbsPath.
  bool matches(const Diagnostic &D, llvm::StringRef AbsPath) const;
};

/// The effective, merged policy for a set of files.
class CompiledPolicy {
public:
  /// \returns the severity the policy gives \p Rule (its Rules.def default
  /// when the policy is silent).
  Severity severityOf(RuleID Rule) const;
  /// \returns true when findings of \p Rule are dropped whatever else
  /// applies, so a pass may skip the work of building them (as clang code
  /// asks DiagnosticsEngine::isIgnored). The severity itself is still
  /// decided centrally.
  bool isIgnored(RuleID Rule) const {
    return severityOf(Rule) == Severity::Off;
  }
  /// \returns where the policy set \p Rule's severity, if it did.
  const Located<Severity> *settingOf(RuleID Rule) const;

  /// \returns the first exception covering \p D. Which exceptions a run
  /// used is the run's business, not the shared policy's.
  const PolicyException *findException(const Diagnostic &D,
                                       llvm::StringRef AbsPath) const;

  /// Writes the effective policy back as TOML that licit reads again.
  void dump(llvm::raw_ostream &OS) const;

  /// The file this policy was read from ("<builtin>/default.toml" for the
  /// embedded one).
  std::string Path;

  /// The facts this policy's files see: the built-in knowledge base with
  /// the organisation's tables ([knowledge] tables, through extends too)
  /// layered over it, in KnowledgeTables order. Never null.
  const KnowledgeBase *Knowledge = nullptr;
  /// Paths discovery leaves out under this policy, its bases' included.
  ExcludeList Exclude;

  /// The policies this one extends, in order.
  std::vector<const CompiledPolicy *> Bases;
  /// The problems found compiling this file (not its bases'): every run
  /// that uses the policy reports them (PolicyLoader::problemsOf).
  std::vector<Diagnostic> Problems;
  struct KnowledgeTable {
    FileID File;
    /// Absolute, so that --dump-config output reads back from anywhere.
    std::string AbsPath;
    /// Where a policy named it.
    SourceRange Range;
  };
  std::vector<KnowledgeTable> KnowledgeTables;

  llvm::Optional<Located<Severity>> Severities[NumRules];
  std::vector<ListEntry> LicenceAllow, LicenceDeny;
  std::vector<ListEntry> ModelAllow, ModelDeny;
  /// [models] deny-providers: hosted-API providers ("openai", "azure")
  /// whose models are denied, for data-sovereignty policies.
  std::vector<ListEntry> ProviderDeny;
  /// [security] pickle-allow: globals ("mypkg.models.*") a team's own
  /// pickles may import, beyond those of genuine checkpoints.
  std::vector<ListEntry> PickleAllow;
  llvm::Optional<Located<Openness>> MinOpenness;
  /// [dependencies] deny-copyleft: the weakest copyleft a dependency's
  /// licence may not have ("weak" denies all copyleft, "network" only
  /// network copyleft such as AGPL).
  llvm::Optional<Located<CopyleftLevel>> DenyCopyleft;
  std::vector<BanEntry> Bans;
  /// [dependencies] advisory-db: a directory of OSV records (absolute).
  llvm::Optional<Located<std::string>> AdvisoryDb;
  /// [scan] docs: whether rules apply to models documentation mentions:
  /// true for every rule, or the rules (globs) listed in DocsRules.
  llvm::Optional<Located<bool>> ScanDocs;
  std::vector<ListEntry> DocsRules;
  /// The entry of licence list \p List (LicenceAllow or LicenceDeny) that
  /// names licence \p ID: as written, or as the knowledge base knows it
  /// under its other id ("Apache-2.0" is "apache-2.0", "GPL-3.0-or-later"
  /// is gpl-3.0's). Null when none does.
  const ListEntry *findLicence(const std::vector<ListEntry> &List,
                               llvm::StringRef ID) const;
  /// \returns true when findings of \p Rule about mentions are reported.
  bool scansDocs(RuleID Rule) const;
  /// \returns true when findings of some rule about mentions are.
  bool scansDocs() const {
    return (ScanDocs && ScanDocs->Value) || !DocsRules.empty();
  }
  /// Shared with the policies that extend this one, so that a use through
  /// any of them counts.
  std::vector<std::shared_ptr<PolicyException>> Exceptions;
};

/// Finds, reads and caches policies: the policy store, which outlives one
/// run (the language server keeps it between edits). Not thread-safe: used
/// while the tree is walked, before the parallel phase.
class PolicyLoader {
public:
  /// Policy files are read through \p FS, only inside \p Boundary, and
  /// registered in \p Files so that diagnostics and notes can point into
  /// them.
  PolicyLoader(SourceFiles &Files, const KnowledgeBase &KB,
               llvm::vfs::FileSystem &FS, TrustBoundary Boundary);
  ~PolicyLoader();

  /// Loads the policy file at \p Path (--policy).
  const CompiledPolicy &loadFile(llvm::StringRef Path);
  /// \returns the policy governing files in directory \p Dir: the nearest
  /// .licit.toml or pyproject.toml with [tool.licit] found walking up, or
  /// the embedded default. With \p Discover false, always the default.
  const CompiledPolicy &policyForDirectory(llvm::StringRef Dir, bool Discover);
  /// The embedded default pack.
  const CompiledPolicy &defaultPolicy();

  /// \returns the text of the shipped pack \p Name, or None.
  static llvm::Optional<llvm::StringRef> builtinPack(llvm::StringRef Name);
  static llvm::ArrayRef<llvm::StringRef> builtinPackNames();

  /// Appends to \p Out the problems of \p Policies, of the policies they
  /// extend and of the knowledge tables they name, each once. The store
  /// keeps them, so every run reports the problems of what it used.
  void problemsOf(llvm::ArrayRef<const CompiledPolicy *> Policies,
                  std::vector<Diagnostic> &Out) const;

  /// Appends to \p Out a finding for each exception of \p Policies (their
  /// bases' included) that has not expired and is not in \p Used: what one
  /// run used is the run's business.
  void
  reportUnusedExceptions(llvm::ArrayRef<const CompiledPolicy *> Policies,
                         const llvm::DenseSet<const PolicyException *> &Used,
                         std::vector<Diagnostic> &Out) const;

private:
  class Impl;
  std::unique_ptr<Impl> P;
};

} // namespace licit

#endif // LICIT_POLICY_POLICY_H
