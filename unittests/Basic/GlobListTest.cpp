//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Basic/GlobList.h"
#include "gtest/gtest.h"

using namespace llvm;

namespace licit {
namespace {

TEST(GlobListTest, LastMatchingGlobDecides) {
  GlobList L = cantFail(GlobList::parse("-*,extract-*,-extract-python-*"));
  EXPECT_FALSE(L.contains("check-licence-terms"));
  EXPECT_TRUE(L.contains("extract-notebook-model-refs"));
  EXPECT_FALSE(L.contains("extract-python-model-refs"));
}

TEST(GlobListTest, EmptyListContainsNothing) {
  GlobList L = cantFail(GlobList::parse(""));
  EXPECT_FALSE(L.contains("anything"));
}

TEST(GlobListTest, RejectsMalformedGlob) {
  Expected<GlobList> L = GlobList::parse("extract-[");
  ASSERT_FALSE(static_cast<bool>(L));
  EXPECT_NE(toString(L.takeError()).find("extract-["), std::string::npos);
}

} // namespace
} // namespace licit
