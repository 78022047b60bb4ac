//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Formats/Pickle.h"
#include "licit/Formats/Zip.h"
#include "gtest/gtest.h"

using namespace llvm;

namespace licit {
namespace {

/// \returns the error of \p E, or "" when it has a value.
template <typename T> std::string errorOf(Expected<T> E) {
  return E ? "" : toString(E.takeError());
}

std::vector<std::string> importsOf(StringRef Bytes) {
  std::vector<std::string> Out;
  for (const pickle::Import &I : pickle::scan(Bytes).Imports)
    Out.push_back(I.resolved() ? I.qualified() : "?" + I.Opcode.str());
  return Out;
}

TEST(PickleTest, GlobalsOfEveryForm) {
  EXPECT_EQ(importsOf(StringRef("cos\nsystem\n(S'x'\ntR.")),
            std::vector<std::string>{"os.system"});
  EXPECT_EQ(importsOf(StringRef("(S'x'\nios\nsystem\n.")),
            std::vector<std::string>{"os.system"});
  // STACK_GLOBAL with its operands through the memo (MEMOIZE, BINGET).
  EXPECT_EQ(importsOf(StringRef("\x80\x04\x8c\x02os\x94\x8c\x06system\x94"
                                "00h\x00h\x01\x93)R.",
                                31)),
            std::vector<std::string>{"os.system"});
}

TEST(PickleTest, ComputedImportsAreUnresolvedNotHidden) {
  // str("os") computed by a call: STACK_GLOBAL cannot be resolved.
  EXPECT_EQ(importsOf(StringRef("\x80\x04\x8c\x08"
                                "builtins\x8c\x03str\x93\x8c\x02os\x85R"
                                "\x8c\x06system\x93)R.",
                                41)),
            (std::vector<std::string>{"builtins.str", "?STACK_GLOBAL"}));
  // A call of something that is not a global.
  EXPECT_EQ(importsOf(StringRef("\x80\x02N)R.", 5)),
            std::vector<std::string>{"?REDUCE"});
}

TEST(PickleTest, TruncatedAndLyingLengthsStopWithAnError) {
  // BINUNICODE claims 4 GiB.
  pickle::ScanResult R =
      pickle::scan(StringRef("\x80\x04X\xff\xff\xff\xff", 7));
  EXPECT_EQ(R.Error, "truncated argument of opcode 0x58");
  EXPECT_EQ(R.ErrorOffset, 2u);
  R = pickle::scan(StringRef("cos\nsys", 7));
  EXPECT_EQ(R.Error, "truncated argument of opcode 0x63");
  R = pickle::scan("\xff");
  EXPECT_EQ(R.Error, "unknown opcode 0xFF");
  R = pickle::scan(StringRef("\x80\x02N", 3));
  EXPECT_EQ(R.Error, "no STOP opcode before the end");
}

TEST(PickleTest, NestedPicklesAreReadAndLaterDataIsNot) {
  std::string Inner("\x80\x02"
                    "cos\nsystem\n)R.",
                    16);
  std::string Outer = std::string("\x80\x02"
                                  "C") +
                      char(Inner.size()) + Inner + "0N.";
  EXPECT_EQ(importsOf(Outer), std::vector<std::string>{"os.system"});
  // Two pickles, then bytes that start like one but are data.
  std::string Two = std::string("\x80\x02N.\x80\x02N.", 8) +
                    std::string("\x80\x02\xff junk", 8);
  pickle::ScanResult R = pickle::scan(Two);
  EXPECT_EQ(R.Pickles, 2u);
  EXPECT_TRUE(R.Error.empty());
}

TEST(PickleTest, DeepMarksAndHugeMemoIndicesStayBounded) {
  std::string Marks(1 << 20, '(');
  Marks += ".";
  EXPECT_TRUE(pickle::scan(Marks).Error.empty());
  EXPECT_TRUE(pickle::scan(
                  StringRef("\x80\x02Nr\xff\xff\xff\xffj\xfe\xff\xff\xff.", 15))
                  .Error.empty());
}

TEST(ZipTest, LyingDirectoriesAreErrors) {
  EXPECT_EQ(errorOf(zip::members("PK\x03\x04")), "too short for a ZIP archive");
  // An end record whose directory lies past the end of the file.
  std::string End("PK\x05\x06\0\0\0\0\x01\0\x01\0\xff\xff\0\0\0\0\0\0\0\0", 22);
  EXPECT_EQ(errorOf(zip::members("PK\x03\x04" + End)),
            "the central directory lies outside the file");
  // A directory claiming 65535 entries in 46 bytes reads at most one.
  std::string Dir = "PK\x01\x02" + std::string(42, '\0');
  std::string Count("PK\x05\x06\0\0\0\0\xff\xff\xff\xff\x2e\0\0\0\0\0\0\0\0\0",
                    22);
  EXPECT_EQ(errorOf(zip::members(Dir + Count)),
            "member '' has no local header");
}

TEST(ZipTest, OversizedMembersAreNotInflated) {
  zip::Member M;
  M.Name = "data.pkl";
  M.Method = 8;
  M.Size = zip::MaxMemberBytes + 1;
  std::string Storage;
  EXPECT_EQ(errorOf(zip::contents("", M, Storage)),
            "member 'data.pkl' is larger than 64 MiB");
  EXPECT_TRUE(Storage.empty());
}

} // namespace
} // namespace licit
