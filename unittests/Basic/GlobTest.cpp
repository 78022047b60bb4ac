//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Basic/Glob.h"
#include "gtest/gtest.h"

using namespace llvm;

namespace licit {
namespace {

bool plain(StringRef Pattern, StringRef Text) {
  return cantFail(Glob::create(Pattern, Glob::Syntax::Plain)).match(Text);
}

TEST(GlobTest, PlainSyntax) {
  EXPECT_TRUE(plain("meta-llama/*", "meta-llama/llama-3.1-8b"));
  EXPECT_TRUE(plain("research/*", "research/a/b.py")); // '*' crosses '/'.
  EXPECT_FALSE(plain("meta-llama/*", "acme/x"));
  EXPECT_TRUE(plain("licence-?au-cap", "licence-mau-cap"));
  EXPECT_TRUE(plain("[a-c]x", "bx"));
  EXPECT_FALSE(plain("[!a-c]x", "bx"));
  EXPECT_TRUE(plain("\\*", "*"));
  EXPECT_FALSE(plain("\\*", "x"));
  EXPECT_TRUE(plain("", ""));
  EXPECT_FALSE(plain("", "x"));
  Expected<Glob> Bad = Glob::create("[", Glob::Syntax::Plain);
  EXPECT_FALSE(static_cast<bool>(Bad));
  consumeError(Bad.takeError()); // Asserted above.
}

TEST(GlobTest, ManyStarsStayLinear) {
  // llvm::GlobPattern backtracks: this took 20 s with seven stars on a
  // 90-character id. Here it is one pass over the text per pattern.
  std::string Pattern, Text = "org/" + std::string(100000, 'a');
  for (int I = 0; I != 60; ++I)
    Pattern += "*a";
  Pattern += "*b";
  EXPECT_FALSE(plain(Pattern, Text));
  EXPECT_TRUE(plain(Pattern.substr(0, Pattern.size() - 2), Text));
}

} // namespace
} // namespace licit
