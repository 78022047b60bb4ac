//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Basic/RuleID.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace licit {

StringRef severityName(Severity S) {
  switch (S) {
  case Severity::Off:
    return "off";
  case Severity::Note:
    return "note";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  llvm_unreachable("unknown severity");
}

Optional<Severity> parseSeverity(StringRef Name) {
  return StringSwitch<Optional<Severity>>(Name)
      .Case("off", Severity::Off)
      .Case("note", Severity::Note)
      .Case("warning", Severity::Warning)
      .Case("error", Severity::Error)
      .Default(None);
}

static const RuleInfo Rules[] = {
#define LICIT_RULE(Enum, Name, Default, Summary)                               \
  {RuleID::Enum, Name, Severity::Default, Summary},
#include "licit/Basic/Rules.def"
};

ArrayRef<RuleInfo> allRules() { return Rules; }

const RuleInfo &getRuleInfo(RuleID ID) {
  assert(static_cast<size_t>(ID) < sizeof(Rules) / sizeof(Rules[0]));
  return Rules[static_cast<size_t>(ID)];
}

Optional<RuleID> lookupRule(StringRef Name) {
  for (const RuleInfo &R : Rules)
    if (R.Name == Name)
      return R.ID;
  return None;
}

std::string suggestClosest(StringRef Word, ArrayRef<StringRef> Candidates) {
  // Allow roughly one typo per three characters, as clangd's DictParser does.
  unsigned MaxDistance = std::max<unsigned>(1, Word.size() / 3);
  StringRef Best;
  unsigned BestDistance = MaxDistance + 1;
  for (StringRef C : Candidates) {
    unsigned D = Word.edit_distance(C, /*AllowReplacements=*/true, MaxDistance);
    if (D < BestDistance) {
      Best = C;
      BestDistance = D;
    }
  }
  return Best.str();
}

std::string suggestRuleName(StringRef Name) {
  SmallVector<StringRef, 32> Names;
  for (const RuleInfo &R : Rules)
    Names.push_back(R.Name);
  return suggestClosest(Name, Names);
}

} // namespace licit
