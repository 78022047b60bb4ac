//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Facts/InstalledPackages.h"
#include "licit/Knowledge/Packages.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "gtest/gtest.h"

using namespace llvm;

namespace licit {
namespace {

TEST(PackageTableTest, BuiltinTableReads) {
  const PackageTable &T = PackageTable::builtin();
  EXPECT_GT(T.rows().size(), 80u);
  const PackageRow *U = T.find(Ecosystem::PyPI, "ultralytics");
  ASSERT_TRUE(U);
  EXPECT_EQ(U->Licence, "AGPL-3.0-only");
  EXPECT_EQ(T.text().substr(U->Offset, U->Length), "AGPL-3.0-only");
  EXPECT_FALSE(T.find(Ecosystem::Npm, "ultralytics"));
  for (const PackageRow &R : T.rows())
    EXPECT_TRUE(R.Source.startswith("https://")) << R.Name.str();
}

std::string problem(StringRef Text) {
  Expected<PackageTable> T = PackageTable::parse(Text);
  return T ? "ok" : toString(T.takeError());
}

TEST(PackageTableTest, MalformedRowsAreLocated) {
  StringRef Header = "ecosystem\tname\tlicence\tsource\n";
  EXPECT_EQ(problem(Header.str() + "PyPI\tx\tMIT\thttps://x\n"), "ok");
  EXPECT_EQ(problem(Header.str() + "pip\tx\tMIT\thttps://x\n"),
            "packages.tsv:2:1: unknown ecosystem 'pip'");
  EXPECT_EQ(problem(Header.str() + "PyPI\tX_y\tMIT\thttps://x\n"),
            "packages.tsv:2:6: 'X_y' is not a normalised package name");
  EXPECT_EQ(problem(Header.str() + "PyPI\tx\tMIT OR\thttps://x\n"),
            "packages.tsv:2:8: 'MIT OR' is not an SPDX expression: expected "
            "a licence id");
  EXPECT_EQ(problem(Header.str() + "PyPI\tx\tMIT\t\n"),
            "packages.tsv:2:12: every row needs a source");
  EXPECT_EQ(problem(Header.str() + "PyPI\tx\tMIT\n"),
            "packages.tsv:2:1: expected 4 tab-separated cells, found 3");
  EXPECT_EQ(problem("PyPI\tx\tMIT\thttps://x\n"),
            "packages.tsv:1:1: expected the header 'ecosystem name licence "
            "source'");
}

class InstalledPackagesTest : public ::testing::Test {
protected:
  InstalledPackagesTest() : FS(new vfs::InMemoryFileSystem) {}
  void addFile(StringRef Path, StringRef Text) {
    FS->addFile(Path, 0, MemoryBuffer::getMemBufferCopy(Text));
  }
  IntrusiveRefCntPtr<vfs::InMemoryFileSystem> FS;
  SourceFiles Files;
};

TEST_F(InstalledPackagesTest, CoreMetadataPrefersTheExpression) {
  std::string Site = "/p/.venv/lib/python3.12/site-packages/";
  addFile("/p/.venv/pyvenv.cfg", "home = /usr/bin\n");
  addFile(Site + "Foo_Bar-1.2.dist-info/METADATA",
          "Metadata-Version: 2.4\nName: Foo_Bar\nVersion: 1.2\n"
          "License: MIT\nLicense-Expression: Apache-2.0 OR MIT\n\n"
          "License-Expression: GPL-3.0-only\n");
  addFile(Site + "classy-0.1.dist-info/METADATA",
          "Version: 0.1\nLicense: UNKNOWN\n"
          "Classifier: License :: OSI Approved :: MIT License\n"
          "Classifier: License :: OSI Approved :: Apache Software License\n");
  addFile(Site + "vague-3.dist-info/METADATA",
          "Version: 3\nLicense: Copyright (c) Vague Inc.\n"
          "    All rights reserved.\n"
          "Classifier: License :: OSI Approved :: BSD License\n");
  addFile(Site + "old_egg-0.9.egg-info/PKG-INFO",
          "Version: 0.9\nLicense: BSD 3-Clause License\n");
  std::vector<std::string> Envs = InstalledPackages::near(*FS, "/p");
  ASSERT_EQ(Envs, std::vector<std::string>{"/p/.venv"});
  InstalledPackages I(*FS, Envs);
  const InstalledPackage *P = I.find(Ecosystem::PyPI, "foo-bar", Files);
  ASSERT_TRUE(P);
  EXPECT_EQ(P->Version, "1.2");
  EXPECT_EQ(P->Key, "License-Expression");
  EXPECT_EQ(P->Spdx, "Apache-2.0 OR MIT");
  // The body (a README) is not metadata.
  const InstalledPackage *C = I.find(Ecosystem::PyPI, "classy", Files);
  ASSERT_TRUE(C);
  EXPECT_EQ(C->Spdx, "MIT OR Apache-2.0");
  EXPECT_EQ(C->Key, "Classifier");
  const InstalledPackage *V = I.find(Ecosystem::PyPI, "vague", Files);
  ASSERT_TRUE(V);
  EXPECT_EQ(V->Spdx, "");
  EXPECT_EQ(V->Declared, "License :: OSI Approved :: BSD License");
  const InstalledPackage *E = I.find(Ecosystem::PyPI, "old-egg", Files);
  ASSERT_TRUE(E);
  EXPECT_EQ(E->Spdx, "BSD-3-Clause");
  EXPECT_FALSE(I.find(Ecosystem::PyPI, "absent", Files));
}

TEST_F(InstalledPackagesTest, CondaAndNpmRecords) {
  addFile("/p/env/conda-meta/pytorch-cuda-12.1-ha16c6d3_5.json",
          "{\"name\": \"pytorch-cuda\", \"version\": \"12.1\", "
          "\"license\": \"BSD-3-Clause\"}");
  addFile("/p/node_modules/@scope/pkg/package.json",
          "{\"version\": \"2.0.0\", \"license\": \"ISC\"}");
  addFile("/p/secret/package.json", "{\"license\": \"MIT\"}");
  InstalledPackages I(*FS, {"/p/env", "/p"});
  const InstalledPackage *C = I.find(Ecosystem::Conda, "pytorch-cuda", Files);
  ASSERT_TRUE(C);
  EXPECT_EQ(C->Version, "12.1");
  EXPECT_EQ(C->Spdx, "BSD-3-Clause");
  const InstalledPackage *N = I.find(Ecosystem::Npm, "@scope/pkg", Files);
  ASSERT_TRUE(N);
  EXPECT_EQ(N->Spdx, "ISC");
  // Names that would leave node_modules are not looked up.
  for (StringRef Name : {"../secret", "a/b/c", "/etc", "x\\..\\y"})
    EXPECT_FALSE(I.find(Ecosystem::Npm, Name, Files)) << Name.str();
}

} // namespace
} // namespace licit
