//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Knowledge/Packages.h"
#include "licit/Basic/Lines.h"
#include "licit/Deps/Pep508.h"
#include "licit/Deps/Spdx.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/Twine.h"

using namespace llvm;

namespace licit {

static const char PackagesTsv[] = {
#include "Embedded/packages.tsv.inc"
    0};

static Optional<Ecosystem> parseEcosystem(StringRef S) {
  return StringSwitch<Optional<Ecosystem>>(S)
      .Case("PyPI", Ecosystem::PyPI)
      .Case("conda", Ecosystem::Conda)
      .Case("npm", Ecosystem::Npm)
      .Case("crates.io", Ecosystem::Crates)
      .Default(None);
}

static std::string key(Ecosystem Eco, StringRef Name) {
  return (ecosystemName(Eco) + ":" + Name).str();
}

Expected<PackageTable> PackageTable::parse(StringRef Text) {
  PackageTable T;
  T.Text = Text;
  bool Header = false;
  unsigned LineNo = 0;
  for (size_t I = 0; I < Text.size();) {
    size_t Eol = lineEnd(Text, I);
    StringRef Line = Text.slice(I, Eol).rtrim('\r');
    I = Eol + 1;
    ++LineNo;
    if (Line.empty() || Line.startswith("#"))
      continue;
    SmallVector<StringRef, 4> Cells;
    Line.split(Cells, '\t');
    auto Fail = [&](unsigned Cell, const Twine &Why) {
      unsigned Column = 1;
      for (unsigned I = 0; I != Cell && I < Cells.size(); ++I)
        Column += Cells[I].size() + 1;
      return createStringError(inconvertibleErrorCode(),
                               "packages.tsv:" + Twine(LineNo) + ":" +
                                   Twine(Column) + ": " + Why);
    };
    if (Cells.size() != 4)
      return Fail(0, "expected 4 tab-separated cells, found " +
                         Twine(Cells.size()));
    if (!Header) {
      if (Line != "ecosystem\tname\tlicence\tsource")
        return Fail(0, "expected the header 'ecosystem name licence source'");
      Header = true;
      continue;
    }
    PackageRow R;
    Optional<Ecosystem> Eco = parseEcosystem(Cells[0]);
    if (!Eco)
      return Fail(0, "unknown ecosystem '" + Cells[0] + "'");
    R.Eco = *Eco;
    R.Name = Cells[1];
    if (R.Name.empty() || (R.Eco == Ecosystem::PyPI || R.Eco == Ecosystem::Conda
                               ? pep508::normalizeName(R.Name) != R.Name
                               : false))
      return Fail(1, "'" + R.Name + "' is not a normalised package name");
    R.Licence = Cells[2];
    if (R.Licence.consume_back("?"))
      R.Verified = false;
    LicenceExpr E;
    spdx::Error Err;
    if (!spdx::parse(R.Licence, E, Err))
      return Fail(2, "'" + R.Licence +
                         "' is not an SPDX expression: " + Err.Message);
    R.Source = Cells[3];
    if (R.Source.empty())
      return Fail(3, "every row needs a source");
    R.Offset = Cells[2].begin() - Text.begin();
    R.Length = Cells[2].size();
    if (!T.Index.try_emplace(key(R.Eco, R.Name), T.Rows.size()).second)
      return Fail(1, "'" + R.Name + "' is listed twice");
    T.Rows.push_back(R);
  }
  if (!Header)
    return createStringError(inconvertibleErrorCode(),
                             "packages.tsv: no header");
  return std::move(T);
}

const PackageTable &PackageTable::builtin() {
  // The shipped table is checked by a unit test (PackagesTest): a
  // malformed row fails that test before it ships.
  static const PackageTable Table = [] {
    Expected<PackageTable> T =
        parse(StringRef(PackagesTsv, sizeof(PackagesTsv) - 1));
    if (!T)
      report_fatal_error(T.takeError());
    return std::move(*T);
  }();
  return Table;
}

const PackageRow *PackageTable::find(Ecosystem Eco, StringRef Name) const {
  auto It = Index.find(key(Eco, Name));
  return It == Index.end() ? nullptr : &Rows[It->second];
}

} // namespace licit
