//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Formats/Gguf.h"
#include "gtest/gtest.h"

using namespace llvm;

namespace licit {
namespace {

std::string le(uint64_t V, unsigned N) {
  std::string Out;
  for (unsigned I = 0; I != N; ++I)
    Out += char((V >> (8 * I)) & 0xff);
  return Out;
}
std::string str(StringRef S) { return le(S.size(), 8) + S.str(); }
std::string header(unsigned Version, uint64_t Count) {
  return "GGUF" + le(Version, 4) + le(0, 8) + le(Count, 8);
}
template <typename T> std::string errorOf(Expected<T> E) {
  return E ? "" : toString(E.takeError());
}

TEST(GgufTest, ScalarsAreReadAndArraysSteppedOver) {
  std::string F = header(3, 4) + str("general.license") + le(8, 4) +
                  str("llama3.1") + str("general.base_model.count") + le(4, 4) +
                  le(1, 4) + str("tokenizer.ggml.tokens") + le(9, 4) +
                  le(8, 4) + le(2, 8) + str("a") + str("bc") +
                  str("general.file_type") + le(6, 4) + le(0x3f800000, 4);
  Expected<weights::Metadata> M = weights::readGguf(F);
  ASSERT_TRUE(bool(M)) << toString(M.takeError());
  EXPECT_EQ(M->Format, "GGUF v3");
  EXPECT_EQ(M->get("general.license"), "llama3.1");
  EXPECT_EQ(M->get("general.base_model.count"), "1");
  EXPECT_EQ(M->get("general.file_type"), "1.000000");
  EXPECT_EQ(M->find("tokenizer.ggml.tokens"), nullptr);
  EXPECT_EQ(M->find("general.license")->Offset, 24u);
}

TEST(GgufTest, LyingLengthsAndCountsEndAtTheEnd) {
  EXPECT_EQ(errorOf(weights::readGguf(header(3, uint64_t(1) << 62))),
            "at byte 24: the file ends inside a 64-bit field");
  EXPECT_EQ(errorOf(weights::readGguf(header(3, 1) + le(uint64_t(1) << 63, 8))),
            "at byte 32: a string of 9223372036854775808 bytes runs past the "
            "end");
  // An array of strings claiming 2^40 elements.
  EXPECT_EQ(errorOf(weights::readGguf(header(3, 1) + str("k") + le(9, 4) +
                                      le(8, 4) + le(uint64_t(1) << 40, 8))),
            "at byte 49: an array of 1099511627776 elements runs past the end");
  // Arrays nested past any real file.
  std::string Deep = header(3, 1) + str("k");
  for (int I = 0; I != 8; ++I)
    Deep += le(9, 4) + le(9, 4) + le(1, 8);
  EXPECT_NE(errorOf(weights::readGguf(Deep)), "");
  EXPECT_EQ(errorOf(weights::readGguf(header(1, 0))),
            "at byte 8: GGUF version 1 (licit reads versions 2 and 3)");
  EXPECT_EQ(errorOf(weights::readGguf("GGU")),
            "at byte 0: not a GGUF file (no 'GGUF' magic)");
}

TEST(SafetensorsTest, MetadataStringsOnly) {
  std::string J = R"({"__metadata__":{"format":"pt","license":"mit","n":1},)"
                  R"("w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})";
  Expected<weights::Metadata> M = weights::readSafetensors(le(J.size(), 8) + J);
  ASSERT_TRUE(bool(M)) << toString(M.takeError());
  EXPECT_EQ(M->get("license"), "mit");
  EXPECT_EQ(M->find("n"), nullptr);
  EXPECT_EQ(errorOf(weights::readSafetensors(le(100, 8) + "{}")),
            "at byte 8: a header of 100 bytes runs past the end");
  EXPECT_EQ(errorOf(weights::readSafetensors(le(2, 8) + "[]")),
            "at byte 8: the header is not a JSON object");
}

} // namespace
} // namespace licit
