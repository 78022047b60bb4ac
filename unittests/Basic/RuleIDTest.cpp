//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Basic/RuleID.h"
#include "llvm/ADT/StringSet.h"
#include "gtest/gtest.h"

namespace licit {
namespace {

TEST(RuleIDTest, IdsAreUniqueKebabCaseInAKnownArea) {
  llvm::StringSet<> Seen;
  for (const RuleInfo &R : allRules()) {
    EXPECT_TRUE(Seen.insert(R.Name).second) << R.Name.str();
    EXPECT_EQ(R.Name.lower(), R.Name.str());
    EXPECT_TRUE(R.area() == "licence" || R.area() == "model" ||
                R.area() == "dep" || R.area() == "policy" ||
                R.area() == "input" || R.area() == "suppression" ||
                R.area() == "security")
        << R.Name.str();
    EXPECT_FALSE(R.Summary.endswith(".")) << R.Name.str();
  }
}

TEST(RuleIDTest, LooksUpAndSuggests) {
  EXPECT_EQ(lookupRule("licence-mau-cap"), RuleID::LicenceMauCap);
  EXPECT_FALSE(lookupRule("licence-mau-capp"));
  EXPECT_EQ(suggestRuleName("licence-mau-capp"), "licence-mau-cap");
  EXPECT_EQ(suggestRuleName("completely-different"), "");
}

TEST(RuleIDTest, ParsesOnlyTheFourSeverities) {
  EXPECT_EQ(parseSeverity("error"), Severity::Error);
  EXPECT_EQ(parseSeverity("off"), Severity::Off);
  EXPECT_FALSE(parseSeverity("Error"));
  EXPECT_FALSE(parseSeverity("deny"));
}

} // namespace
} // namespace licit
