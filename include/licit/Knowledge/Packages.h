//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The built-in table of common ML packages' licences (packages.tsv), for
/// dependencies that no installed metadata describes.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_KNOWLEDGE_PACKAGES_H
#define LICIT_KNOWLEDGE_PACKAGES_H

#include "licit/Facts/Dependency.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <vector>

namespace licit {

struct PackageRow {
  Ecosystem Eco = Ecosystem::PyPI;
  /// As the registry compares it (PEP 503 for PyPI and conda).
  llvm::StringRef Name;
  /// An SPDX expression.
  llvm::StringRef Licence;
  /// A source suggests the licence, none confirmed it ("?" in the table).
  bool Verified = true;
  llvm::StringRef Source;
  /// Where the licence cell is in the table's text.
  unsigned Offset = 0, Length = 0;
};

class PackageTable {
public:
  /// Reads a table (header "ecosystem name licence source"; '#' lines are
  /// comments). \returns an error naming line and column of the first
  /// malformed row.
  static llvm::Expected<PackageTable> parse(llvm::StringRef Text);
  /// The table licit ships; its text is "<builtin>/packages.tsv".
  static const PackageTable &builtin();

  const PackageRow *find(Ecosystem Eco, llvm::StringRef Name) const;
  llvm::ArrayRef<PackageRow> rows() const { return Rows; }
  llvm::StringRef text() const { return Text; }

private:
  llvm::StringRef Text;
  std::vector<PackageRow> Rows;
  llvm::StringMap<unsigned> Index;
};

} // namespace licit

#endif // LICIT_KNOWLEDGE_PACKAGES_H
