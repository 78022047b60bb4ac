//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "Driver/IgnoreFiles.h"
#include "gtest/gtest.h"

using namespace llvm;

namespace licit {
namespace {

bool matches(StringRef Pattern, StringRef Path, bool IsDir = false) {
  IgnorePattern P;
  EXPECT_TRUE(P.parse(Pattern));
  return P.matches(Path, IsDir);
}

TEST(IgnorePatternTest, GitSemantics) {
  EXPECT_TRUE(matches("*.log", "a/b/x.log")); // Unanchored: any level.
  EXPECT_FALSE(matches("/x.log", "a/x.log")); // Anchored to its directory.
  EXPECT_TRUE(matches("a/**/b", "a/b"));
  EXPECT_TRUE(matches("a/**/b", "a/x/y/b"));
  EXPECT_FALSE(matches("a/**/b", "ab/b"));
  EXPECT_TRUE(matches("**/deep", "x/y/deep"));
  EXPECT_TRUE(matches("d/**", "d/x/y"));
  EXPECT_FALSE(matches("d/**", "d"));
  EXPECT_FALSE(matches("a*b", "a/b"));      // '*' stops at '/'.
  EXPECT_FALSE(matches("build/", "build")); // Directories only.
  EXPECT_TRUE(matches("build/", "build", /*IsDir=*/true));
  EXPECT_TRUE(matches("x[!0-9]", "xa"));
  EXPECT_FALSE(matches("x[!0-9]", "x5"));
  EXPECT_TRUE(matches("\\#a", "#a"));
  IgnorePattern Comment;
  EXPECT_FALSE(Comment.parse("# a comment"));
}

TEST(IgnorePatternTest, HostilePatternsStayLinear) {
  // Backtracking matchers take exponential time here.
  std::string Pattern, Path(5000, 'a');
  for (int I = 0; I != 30; ++I)
    Pattern += "*a";
  Pattern += "b";
  EXPECT_FALSE(matches(Pattern, Path));
}

} // namespace
} // namespace licit
