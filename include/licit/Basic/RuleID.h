//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Rule ids and severities, generated from Rules.def.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_BASIC_RULEID_H
#define LICIT_BASIC_RULEID_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace licit {

/// How loudly a finding is reported. Ordered: a higher value is louder.
enum class Severity : unsigned char { Off, Note, Warning, Error };

/// \returns the policy spelling of \p S: "off", "note", "warning", "error".
llvm::StringRef severityName(Severity S);

/// Parses the policy spelling of a severity.
llvm::Optional<Severity> parseSeverity(llvm::StringRef Name);

enum class RuleID : unsigned short {
#define LICIT_RULE(Enum, Name, Default, Summary) Enum,
#include "licit/Basic/Rules.def"
};

constexpr unsigned NumRules = 0
#define LICIT_RULE(Enum, Name, Default, Summary) +1
#include "licit/Basic/Rules.def"
    ;

/// Everything Rules.def says about one rule.
struct RuleInfo {
  RuleID ID;
  llvm::StringRef Name;
  Severity DefaultSeverity;
  llvm::StringRef Summary;

  /// The area prefix of the id ("licence", "model", "policy", ...).
  llvm::StringRef area() const { return Name.split('-').first; }
  /// Policy files may set this rule's severity.
  bool isConfigurable() const { return area() != "policy"; }
};

/// \returns every rule, in Rules.def order.
llvm::ArrayRef<RuleInfo> allRules();

const RuleInfo &getRuleInfo(RuleID ID);

/// The rule's page, docs/rules/<id>.md, as shipped in the binary.
llvm::StringRef rulePage(RuleID ID);

/// The first paragraph of the page's "What it flags" section, on one line.
std::string ruleDescription(RuleID ID);

/// The URL of the rule's page (under LICIT_DOCS_URL, set at configure
/// time).
std::string ruleHelpUrl(RuleID ID);

/// Looks a rule up by its kebab-case id.
llvm::Optional<RuleID> lookupRule(llvm::StringRef Name);

/// \returns the known rule id closest to \p Name by edit distance, or an
/// empty string when none is close enough to be a likely misspelling.
std::string suggestRuleName(llvm::StringRef Name);

/// \returns the candidate closest to \p Word when it is a likely misspelling
/// of it (clangd's "did you mean" heuristic), or an empty string.
std::string suggestClosest(llvm::StringRef Word,
                           llvm::ArrayRef<llvm::StringRef> Candidates);

} // namespace licit

#endif // LICIT_BASIC_RULEID_H
