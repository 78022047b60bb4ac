//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Python/Tokenizer.h"
#include "gtest/gtest.h"

using namespace llvm;

namespace licit::python {
namespace {

std::vector<std::string> strings(StringRef Source) {
  std::vector<std::string> Out;
  for (const Token &T : tokenize(Source))
    if (T.Kind == TokenKind::String)
      Out.push_back(stringValue(T).getValueOr("<not constant>"));
  return Out;
}

TEST(TokenizerTest, StringPrefixesAndQuotes) {
  EXPECT_EQ(strings(R"py(a = 'x' "y" r'\d' u"u" '''t'r''' """q"q""")py"),
            (std::vector<std::string>{"x", "y", "\\d", "u", "t'r", "q\"q"}));
}

TEST(TokenizerTest, EscapesAreDecodedOutsideRawStrings) {
  EXPECT_EQ(strings(R"py(s = "a\"b\\c\x41" + r"\x41")py"),
            (std::vector<std::string>{"a\"b\\cA", "\\x41"}));
}

TEST(TokenizerTest, FStringsAreConstantOnlyWithoutFields) {
  EXPECT_EQ(strings(R"py(f"org/{name}" f"org/name" f"{{x}}" b"bytes")py"),
            (std::vector<std::string>{"<not constant>", "org/name", "{x}",
                                      "<not constant>"}));
}

TEST(TokenizerTest, CommentsHideQuotes) {
  std::vector<Token> T = tokenize("x = 1  # it's \"not\" a string\ny = 'z'\n");
  ASSERT_EQ(strings("x = 1  # it's \"not\" a string\ny = 'z'\n"),
            std::vector<std::string>{"z"});
  EXPECT_EQ(T[3].Kind, TokenKind::Comment);
}

TEST(TokenizerTest, NewlinesInsideBracketsAndAfterBackslashJoinLines) {
  unsigned Newlines = 0;
  for (const Token &T : tokenize("f(a,\n  b)\nx = 1 + \\\n  2\n"))
    Newlines += T.Kind == TokenKind::Newline;
  EXPECT_EQ(Newlines, 2u);
}

TEST(TokenizerTest, UnterminatedStringStopsAtEndOfLine) {
  std::vector<Token> T = tokenize("a = 'oops\nb = 'ok'\n");
  ASSERT_GE(T.size(), 6u);
  EXPECT_TRUE(T[2].Unterminated);
  EXPECT_FALSE(stringValue(T[2]));
  EXPECT_EQ(stringValue(T[6]).getValueOr(""), "ok");
}

TEST(TokenizerTest, NonAsciiIdentifiersAndStrings) {
  std::vector<Token> T = tokenize("modèle = 'org/modèle-β'\n");
  EXPECT_EQ(T[0].Kind, TokenKind::Name);
  EXPECT_EQ(T[0].Text, "modèle");
  EXPECT_EQ(stringValue(T[2]).getValueOr(""), "org/modèle-β");
}

} // namespace
} // namespace licit::python
