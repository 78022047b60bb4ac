//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Deps/Spdx.h"
#include "gtest/gtest.h"

using namespace llvm;

namespace licit::spdx {
namespace {

/// The expression as licit prints it, with WITH spelled out, or the error.
std::string tree(const LicenceExpr &E) {
  switch (E.Kind) {
  case LicenceExpr::None:
    return "<none>";
  case LicenceExpr::Leaf:
    return E.ID;
  case LicenceExpr::With:
    return "(" + tree(E.Args[0]) + " WITH " + E.ID + ")";
  case LicenceExpr::And:
  case LicenceExpr::Or: {
    std::string S = "(";
    for (const LicenceExpr &A : E.Args)
      S += (S.size() > 1 ? (E.Kind == LicenceExpr::And ? " AND " : " OR ")
                         : "") +
           tree(A);
    return S + ")";
  }
  }
  return "?";
}

std::string parsed(StringRef Text) {
  LicenceExpr E;
  Error Err;
  if (!parse(Text, E, Err))
    return "error at " + std::to_string(Err.Offset) + ": " + Err.Message;
  return tree(E);
}

TEST(SpdxTest, ExpressionsAndPrecedence) {
  EXPECT_EQ(parsed("MIT"), "MIT");
  EXPECT_EQ(parsed("MIT OR Apache-2.0"), "(MIT OR Apache-2.0)");
  EXPECT_EQ(parsed("MIT AND BSD-3-Clause OR Apache-2.0"),
            "((MIT AND BSD-3-Clause) OR Apache-2.0)");
  EXPECT_EQ(parsed("MIT AND (BSD-3-Clause OR Apache-2.0)"),
            "(MIT AND (BSD-3-Clause OR Apache-2.0))");
  EXPECT_EQ(parsed("GPL-2.0-or-later WITH Classpath-exception-2.0 OR MIT"),
            "((GPL-2.0-or-later WITH Classpath-exception-2.0) OR MIT)");
  EXPECT_EQ(parsed("A or B or C"), "(A OR B OR C)");
  EXPECT_EQ(parsed("GPL-2.0+"), "GPL-2.0+");
  EXPECT_EQ(parsed("LicenseRef-acme-1.0"), "LicenseRef-acme-1.0");
  EXPECT_EQ(parsed("DocumentRef-x:LicenseRef-y"), "DocumentRef-x:LicenseRef-y");
}

TEST(SpdxTest, MalformedExpressionsAreLocated) {
  EXPECT_EQ(parsed(""), "error at 0: expected a licence id");
  EXPECT_EQ(parsed("MIT OR"), "error at 6: expected a licence id");
  EXPECT_EQ(parsed("(MIT"), "error at 4: expected ')'");
  EXPECT_EQ(parsed("MIT WITH"),
            "error at 8: expected an exception id after WITH");
  EXPECT_EQ(parsed("MIT Apache-2.0"), "error at 4: unexpected 'A'");
  EXPECT_EQ(parsed("AND"), "error at 0: expected a licence id");
  // Deep nesting is refused, not recursed into.
  EXPECT_EQ(parsed(std::string(100, '(') + "MIT"),
            "error at 33: expression nested too deeply");
}

TEST(SpdxTest, NamesPackagesWrite) {
  auto N = [](StringRef Text) { return normalize(Text).getValueOr("<none>"); };
  EXPECT_EQ(N("License :: OSI Approved :: MIT License"), "MIT");
  EXPECT_EQ(N("License :: OSI Approved :: Apache Software License"),
            "Apache-2.0");
  EXPECT_EQ(
      N("License :: OSI Approved :: GNU Affero General Public License v3"),
      "AGPL-3.0-only");
  EXPECT_EQ(N("License :: OSI Approved :: GNU General Public License v3 or "
              "later (GPLv3+)"),
            "GPL-3.0-or-later");
  EXPECT_EQ(N("Apache License, Version 2.0"), "Apache-2.0");
  EXPECT_EQ(N("Apache 2.0"), "Apache-2.0");
  EXPECT_EQ(N("BSD 3-Clause License"), "BSD-3-Clause");
  EXPECT_EQ(N("  MIT  "), "MIT");
  EXPECT_EQ(N("AGPL-3.0"), "AGPL-3.0");
  EXPECT_EQ(N("MIT OR Apache-2.0"), "MIT OR Apache-2.0");
  EXPECT_EQ(N("WTFPL"), "WTFPL");
  // An id-like word is kept as the package writes it; the check decides.
  EXPECT_EQ(N("Proprietary"), "Proprietary");
  // Ambiguous or not a licence: unknown, never guessed.
  for (StringRef Text : {"BSD", "License :: OSI Approved :: BSD License", "GPL",
                         "apache", "Copyright 2024 Acme. All rights reserved.",
                         "", "License :: Public Domain", "UNKNOWN"})
    EXPECT_EQ(N(Text), "<none>") << Text.str();
}

} // namespace
} // namespace licit::spdx
