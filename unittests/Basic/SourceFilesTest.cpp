//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Basic/SourceFiles.h"
#include "licit/Formats/Json.h"
#include "gtest/gtest.h"

using namespace llvm;

namespace licit {
namespace {

FileID addText(SourceFiles &Files, StringRef Name, StringRef Text) {
  FileID ID = Files.add(Name, ("/abs/" + Name).str()).first;
  Files.get(ID).setContents(MemoryBuffer::getMemBufferCopy(Text, Name));
  return ID;
}

TEST(SourceFilesTest, DeduplicatesByAbsolutePath) {
  SourceFiles Files;
  auto [A, NewA] = Files.add("a.py", "/p/a.py");
  auto [B, NewB] = Files.add("./a.py", "/p/a.py");
  EXPECT_TRUE(NewA);
  EXPECT_FALSE(NewB);
  EXPECT_EQ(A, B);
  EXPECT_EQ(Files.path(A), "a.py");
}

TEST(SourceFilesTest, PositionsCountBytesAndUtf16Units) {
  SourceFiles Files;
  // "é" is 2 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 units.
  FileID F = addText(Files, "u.py", "x\né😀z\n");
  Position P = Files.position(F, 2 + 2 + 4); // The 'z'.
  EXPECT_EQ(P.Line, 2u);
  EXPECT_EQ(P.Column, 7u);
  EXPECT_EQ(P.Utf16Column, 4u);
}

TEST(SourceFilesTest, LinesEndAtLfCrlfAndLoneCr) {
  SourceFiles Files;
  FileID F = addText(Files, "l.py", "a\r\nb\rc\nd");
  EXPECT_EQ(Files.position(F, 3).Line, 2u); // b
  EXPECT_EQ(Files.position(F, 5).Line, 3u); // c
  EXPECT_EQ(Files.position(F, 7).Line, 4u); // d
  EXPECT_EQ(Files.lineText(F, 0), "a");
  EXPECT_EQ(Files.lineText(F, 5), "c");
  // Past the end: clamped to the last line.
  EXPECT_EQ(Files.position(F, 100).Line, 4u);
}

/// Decodes \p Doc, a JSON string literal that is the whole of file \p F, as
/// the notebook pass decodes a cell.
SourceText decoded(FileID F, StringRef Doc) {
  json::ParseResult R = json::parse(Doc);
  EXPECT_TRUE(R.Root.hasValue()) << R.ErrorMessage;
  return SourceText(F, R.Root->Str, R.Root->Map, Escaping::JsonString);
}

TEST(SourceTextTest, DecodedRangesLandOnOriginalBytes) {
  //                 0 1234567 89012 3456789
  StringRef Doc = R"("ab\"cd\u00e9f\nx")";
  SourceText T = decoded(1, Doc);
  ASSERT_EQ(T.text(), "ab\"cd\xC3\xA9"
                      "f\nx");
  // "cd" is verbatim: decoded 3..5, original 5..7.
  SourceRange CD = T.range(T.text().substr(3, 2));
  EXPECT_EQ(CD.Begin, 5u);
  EXPECT_EQ(CD.End, 7u);
  // The quote comes from the two bytes \" and maps as a whole.
  SourceRange Quote = T.range(T.text().substr(2, 1));
  EXPECT_EQ(Quote.Begin, 3u);
  EXPECT_EQ(Quote.End, 5u);
  // Half of the two UTF-8 bytes of \u00e9 still covers the whole escape.
  SourceRange E = T.range(T.text().substr(5, 1));
  EXPECT_EQ(E.Begin, 7u);
  EXPECT_EQ(E.End, 13u);
  // A range ending at the text's end ends before the closing quote.
  SourceRange X = T.range(T.text().substr(T.text().size() - 1));
  EXPECT_EQ(X.Begin, 16u);
  EXPECT_EQ(X.End, 17u);
}

TEST(SourceTextTest, EditsAreEscapedForTheirFile) {
  SourceText T = decoded(1, R"("a\\b")");
  Edit E = T.edit(T.text().substr(0, 1), "say \"hi\"\n");
  EXPECT_EQ(E.Text, "say \\\"hi\\\"\\n");
  EXPECT_EQ(E.Range.Begin, 1u);
  EXPECT_EQ(E.Range.End, 2u);
  SourceText Plain(1, "abc");
  EXPECT_EQ(Plain.edit(Plain.text().substr(1, 1), "\"").Text, "\"");
}

TEST(SourceFilesTest, ParsedFormsAreShared) {
  SourceFiles Files;
  FileID F = addText(Files, "n.ipynb", R"({"cells": []})");
  const json::ParseResult &A = json::parsed(Files.get(F));
  const json::ParseResult &B = json::parsed(Files.get(F));
  EXPECT_EQ(&A, &B); // One parse, whoever asks.
  ASSERT_TRUE(A.Root);
  EXPECT_TRUE(A.Root->get("cells"));
  Files.get(F).dropContents();
  EXPECT_TRUE(Files.get(F).text().empty());
}

TEST(JsonTest, ReportsWhereParsingStopped) {
  json::ParseResult R = json::parse("{\"a\": [1, 2,]}");
  EXPECT_FALSE(R.Root);
  EXPECT_EQ(R.ErrorOffset, 12u);
  EXPECT_EQ(R.ErrorMessage, "expected a value");
}

TEST(JsonTest, DeepNestingIsAnErrorNotACrash) {
  std::string Deep(100000, '[');
  json::ParseResult R = json::parse(Deep);
  EXPECT_FALSE(R.Root);
  EXPECT_EQ(R.ErrorMessage, "nesting deeper than 512 levels");
}

TEST(JsonTest, SurrogatePairsDecodeToOneCodePoint) {
  json::ParseResult R = json::parse(R"("\ud83d\ude00")");
  ASSERT_TRUE(R.Root);
  EXPECT_EQ(R.Root->Str, "\xF0\x9F\x98\x80");
  ASSERT_EQ(R.Root->Map.size(), 1u);
  EXPECT_EQ(R.Root->Map[0].OriginalLength, 12u);
}

} // namespace
} // namespace licit
