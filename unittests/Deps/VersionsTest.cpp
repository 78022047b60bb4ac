//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Deps/Versions.h"
#include "gtest/gtest.h"

using namespace llvm;

namespace licit::versions {
namespace {

std::string norm(StringRef Text) {
  Optional<Pep440> V = parsePep440(Text);
  return V ? V->str() : "<none>";
}

TEST(VersionsTest, Pep440Normalisation) {
  EXPECT_EQ(norm("1.0"), "1.0");
  EXPECT_EQ(norm("v2.4.0"), "2.4.0");
  EXPECT_EQ(norm("1.0RC1"), "1.0rc1");
  EXPECT_EQ(norm("1.0-alpha.2"), "1.0a2");
  EXPECT_EQ(norm("1.0c3"), "1.0rc3");
  EXPECT_EQ(norm("1.0.preview4"), "1.0rc4");
  EXPECT_EQ(norm("1.0-1"), "1.0.post1");
  EXPECT_EQ(norm("1.0.rev2"), "1.0.post2");
  EXPECT_EQ(norm("1.0.post"), "1.0.post0");
  EXPECT_EQ(norm("1.0-dev"), "1.0.dev0");
  EXPECT_EQ(norm("2!1.0"), "2!1.0");
  EXPECT_EQ(norm("2.4.0+cu121"), "2.4.0+cu121");
  EXPECT_EQ(norm("1.0+ubuntu-1"), "1.0+ubuntu.1");
  for (StringRef Bad : {"", "x1.0", "1.0+", "1.0.x", "1..0", "1.0 beta",
                        "123456789012345678901234.0"})
    EXPECT_EQ(norm(Bad), "<none>") << Bad.str();
}

int order(StringRef A, StringRef B) {
  return compare(*parsePep440(A), *parsePep440(B));
}

TEST(VersionsTest, Pep440Ordering) {
  // The order PEP 440's examples give, each before the next.
  const char *const Ordered[] = {
      "1.0.dev456",    "1.0a1",         "1.0a2.dev456", "1.0a12.dev456",
      "1.0a12",        "1.0b1.dev456",  "1.0b2",        "1.0b2.post345.dev456",
      "1.0b2.post345", "1.0rc1.dev456", "1.0rc1",       "1.0",
      "1.0+abc.5",     "1.0+abc.7",     "1.0+5",        "1.0.post456.dev34",
      "1.0.post456",   "1.0.15",        "1.1.dev1"};
  for (size_t I = 0; I + 1 != std::size(Ordered); ++I)
    EXPECT_LT(order(Ordered[I], Ordered[I + 1]), 0)
        << Ordered[I] << " < " << Ordered[I + 1];
  EXPECT_EQ(order("1.0", "1.0.0"), 0);
  EXPECT_GT(order("1!0.1", "2.0"), 0);
  EXPECT_LT(order("2.4.0+cu118", "2.4.0+cu121"), 0);
}

TEST(VersionsTest, SemverOrdering) {
  auto Order = [](StringRef A, StringRef B) {
    return compare(*parseSemver(A), *parseSemver(B));
  };
  const char *const Ordered[] = {
      "1.0.0-alpha",  "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
      "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1",       "1.0.0",
      "1.0.1",        "1.10.0"};
  for (size_t I = 0; I + 1 != std::size(Ordered); ++I)
    EXPECT_LT(Order(Ordered[I], Ordered[I + 1]), 0)
        << Ordered[I] << " < " << Ordered[I + 1];
  EXPECT_EQ(Order("v1.2.3+build.5", "1.2.3"), 0);
  EXPECT_EQ(Order("1.2", "1.2.0"), 0);
  EXPECT_FALSE(parseSemver("1.2.3.4"));
  EXPECT_FALSE(parseSemver("^1.2"));
  EXPECT_FALSE(parseSemver("1.2.3-"));
}

TEST(VersionsTest, ByEcosystem) {
  EXPECT_EQ(compare(Ecosystem::PyPI, "2.0rc1", "2.0"), -1);
  EXPECT_EQ(compare(Ecosystem::Npm, "2.0.0-rc.1", "2.0.0"), -1);
  EXPECT_EQ(compare(Ecosystem::Crates, "0.10.0", "0.9.9"), 1);
  EXPECT_EQ(compare(Ecosystem::PyPI, "1.0", "latest"), None);
}

Optional<bool> sat(StringRef V, StringRef Spec) {
  return satisfiesPep440(V, Spec);
}

TEST(VersionsTest, Pep440Specifiers) {
  EXPECT_EQ(sat("2.1.0", ""), true);
  EXPECT_EQ(sat("2.1.0", ">=2,<3"), true);
  EXPECT_EQ(sat("3.0", ">=2,<3"), false);
  EXPECT_EQ(sat("2.2", "~=2.1"), true);
  EXPECT_EQ(sat("3.0", "~=2.1"), false);
  EXPECT_EQ(sat("2.1.9", "~=2.1.3"), true);
  EXPECT_EQ(sat("2.2.0", "~=2.1.3"), false);
  EXPECT_EQ(sat("1.3.2", "!=1.3.*"), false);
  EXPECT_EQ(sat("1.4", "!=1.3.*"), true);
  EXPECT_EQ(sat("2.4.0+cu121", "==2.4.0"), true);
  EXPECT_EQ(sat("2.4.0", "==2.4.0+cu121"), false);
  EXPECT_EQ(sat("1.0", "(>=0.9)"), true);
  EXPECT_EQ(sat("1.0", "===1.0"), true);
  // Exclusive comparisons leave out the named version's pre- and
  // post-releases; pre-releases need a specifier that names one.
  EXPECT_EQ(sat("2.0rc1", "<2.0"), false);
  EXPECT_EQ(sat("2.0.post1", ">2.0"), false);
  EXPECT_EQ(sat("2.1rc1", ">=2.0"), false);
  EXPECT_EQ(sat("2.1rc1", ">=2.1rc1"), true);
  EXPECT_EQ(sat("1!1.0", ">=2.0"), true);
  EXPECT_EQ(sat("x", ">=1"), None);
  EXPECT_EQ(sat("1.0", "^1.0"), None);
  EXPECT_EQ(sat("1.0", "~=1"), None);
}

} // namespace
} // namespace licit::versions
