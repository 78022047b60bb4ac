//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// Formats: pip's requirements files; PEP 621 ([project] dependencies and
// optional-dependencies), PEP 735 ([dependency-groups]), PEP 518
// ([build-system] requires), Poetry ([tool.poetry.*dependencies], groups),
// uv ([tool.uv] dev-dependencies), Hatch ([tool.hatch.envs.*]), PDM
// ([tool.pdm.dev-dependencies]); setuptools' setup.cfg ([options]
// install_requires, [options.extras_require]); Pipfile; conda's
// environment.yml (match specs, and its pip: list); npm's package.json;
// Cargo.toml (renames through `package`, target-specific tables).
//
//===----------------------------------------------------------------------===//

#include "licit/Deps/Manifests.h"
#include "licit/Basic/FileKind.h"
#include "licit/Basic/Lines.h"
#include "licit/Config/ConfigTree.h"
#include "licit/Deps/Pep508.h"
#include "licit/Deps/Versions.h"
#include "licit/Formats/Json.h"
#include "licit/Formats/Toml.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace licit::deps {

namespace {

class Reader {
public:
  explicit Reader(const SourceFile &File)
      : File(File), Text(File.text()), Source(File.ID, File.text()) {}

  void requirementsFile();
  void pyproject();
  void setupCfg();
  void pipfile();
  void condaEnvironment();
  void condaExport();
  void packageJson();
  void cargoToml();
  void pixiToml();
  /// pixi's [dependencies] (conda) and [pypi-dependencies] tables, at the
  /// top level or under a feature or target.
  void pixiTables(const TomlNode &T, StringRef Group);
  void pixiLock();
  /// uv.lock, poetry.lock, pdm.lock, Cargo.lock: [[package]] tables.
  void tomlLock(Ecosystem Eco);
  void pipfileLock();
  void packageLock();

  ManifestRead Out;

private:
  /// A PEP 508 requirement: \p Written is its text in the file when the
  /// file spells the value verbatim, else \p Value is read and every part
  /// is located at \p Whole.
  void requirement(StringRef Written, StringRef Value, SourceRange Whole,
                   StringRef Group);
  /// Requirement \p R, read from the file's text, or (without \p InFile)
  /// from a decoded value written at \p Whole.
  void add(const pep508::Requirement &R, bool InFile, SourceRange Whole,
           StringRef Group);
  void requirementNode(const TomlNode &N, StringRef Group);
  void requirementList(const TomlNode *List, StringRef Group);
  /// A dependency written as a table entry: the key names it, the value is
  /// a version string or a table with a version (Poetry, Pipfile, Cargo).
  void tableEntry(Ecosystem Eco, const std::string &Key, const TomlNode &V,
                  StringRef Group);
  void tableEntries(Ecosystem Eco, const TomlNode *Table, StringRef Group);
  void condaSpec(StringRef Written, StringRef Value, SourceRange Whole);
  void problem(SourceRange At, const Twine &Message) {
    Out.Problems.push_back({At, Message.str()});
  }
  /// The file's text that spells TOML string \p N verbatim, between its
  /// quotes; empty when it is escaped or multi-line.
  StringRef verbatim(const TomlNode &N) const;
  SourceRange at(StringRef Sub) const { return Source.range(Sub); }
  /// The empty range at \p P, a pointer into the file's text.
  SourceRange point(const char *P) const {
    unsigned Offset = P - Text.begin();
    return {File.ID, Offset, Offset};
  }
  const TomlNode *toml();

  const SourceFile &File;
  StringRef Text;
  SourceText Source;
};

void Reader::requirement(StringRef Written, StringRef Value, SourceRange Whole,
                         StringRef Group) {
  bool InFile = !Written.empty();
  StringRef Spelled = InFile ? Written : Value;
  pep508::Requirement R;
  pep508::Error Err;
  if (!pep508::parseRequirement(Spelled, R, Err)) {
    problem(InFile ? point(Spelled.begin() + Err.Offset) : Whole,
            "'" + Value + "' is not a dependency specifier: " + Err.Message);
    return;
  }
  add(R, InFile, Whole, Group);
}

void Reader::add(const pep508::Requirement &R, bool InFile, SourceRange Whole,
                 StringRef Group) {
  // A path or URL without a name is the project's own code.
  if (R.Name.empty())
    return;
  auto Place = [&](StringRef Part) {
    return !Part.data() ? SourceRange() : InFile ? at(Part) : Whole;
  };
  Dependency D;
  D.File = File.ID;
  D.Name = pep508::normalizeName(R.Name);
  D.NameRange = Place(R.Name);
  D.Spec = R.Spec.str();
  D.SpecRange = Place(R.Spec);
  D.Marker = R.Marker.str();
  D.MarkerRange = Place(R.Marker);
  D.Url = R.Url.str();
  D.Group = Group.str();
  D.Pinned = pep508::pinnedVersion(R.Spec).str();
  Out.Deps.push_back(std::move(D));
}

StringRef Reader::verbatim(const TomlNode &N) const {
  if (!N.Range.hasOffsets() || N.Range.End > Text.size())
    return StringRef();
  StringRef Lit = Text.slice(N.Range.Begin, N.Range.End);
  if (Lit.size() < 2 || Lit.startswith("\"\"\"") || Lit.startswith("'''") ||
      (Lit.front() != '"' && Lit.front() != '\''))
    return StringRef();
  StringRef Inner = Lit.drop_front().drop_back();
  return Inner == N.Str ? Inner : StringRef();
}

void Reader::requirementNode(const TomlNode &N, StringRef Group) {
  if (N.Kind != TomlNode::String)
    return;
  requirement(verbatim(N), N.Str, N.Range, Group);
}

void Reader::requirementList(const TomlNode *List, StringRef Group) {
  if (!List || List->Kind != TomlNode::Array)
    return;
  for (const TomlNode &Item : List->Items)
    requirementNode(Item, Group);
}

void Reader::tableEntry(Ecosystem Eco, const std::string &Key,
                        const TomlNode &V, StringRef Group) {
  Dependency D;
  D.File = File.ID;
  D.Eco = Eco;
  D.Group = Group.str();
  D.NameRange = V.KeyRange;
  StringRef Name = Key;
  const TomlNode *Version = &V;
  if (V.Kind == TomlNode::Table) {
    // Cargo's rename: `alias = { package = "real-name", ... }`.
    if (const TomlNode *Package = V.get("package"))
      if (Package->Kind == TomlNode::String) {
        Name = Package->Str;
        D.NameRange = Package->Range;
      }
    Version = V.get("version");
    for (StringRef Source : {"git", "path", "url"})
      if (const TomlNode *S = V.get(Source))
        if (S->Kind == TomlNode::String)
          D.Url = S->Str;
    if (const TomlNode *M = V.get("markers"))
      if (M->Kind == TomlNode::String) {
        D.Marker = M->Str;
        D.MarkerRange = M->Range;
      }
  }
  D.Name = Eco == Ecosystem::PyPI || Eco == Ecosystem::Conda
               ? pep508::normalizeName(Name)
               : Name.str();
  if (Version && Version->Kind == TomlNode::String) {
    StringRef Spec = StringRef(Version->Str).trim();
    if (Spec != "*") {
      D.Spec = Spec.str();
      // The text between the quotes when it spells the value, so that a
      // fix-it can rewrite it.
      StringRef Body = verbatim(*Version);
      D.SpecRange = Body.empty() ? Version->Range : at(Body);
    }
    // Poetry's bare "8.2.0" is that version exactly.
    if (Eco == Ecosystem::PyPI)
      D.Pinned = (isDigit(Spec.empty() ? 'x' : Spec.front()) &&
                          versions::parsePep440(Spec)
                      ? Spec
                      : pep508::pinnedVersion(Spec))
                     .str();
    // Cargo's "=1.2.3" is exact; a bare "1.2.3" is "^1.2.3".
    if (Eco == Ecosystem::Crates && Spec.startswith("=") &&
        !Spec.startswith("=="))
      D.Pinned = Spec.drop_front().trim().str();
  }
  Out.Deps.push_back(std::move(D));
}

void Reader::tableEntries(Ecosystem Eco, const TomlNode *Table,
                          StringRef Group) {
  if (!Table || Table->Kind != TomlNode::Table)
    return;
  for (const auto &[Key, V] : Table->Entries)
    // Poetry's interpreter constraint is not a package.
    if (!(Eco == Ecosystem::PyPI && Key == "python"))
      tableEntry(Eco, Key, V, Group);
}

const TomlNode *Reader::toml() {
  const TomlReadResult &R = parsedToml(File);
  if (!R.Root) {
    problem(R.ErrorRange, "cannot read '" + sys::path::filename(File.Path) +
                              "': " + R.ErrorMessage);
    return nullptr;
  }
  return &*R.Root;
}

/// The group a requirements file's name gives its requirements:
/// requirements-dev.txt, dev-requirements.in and requirements/test.txt are
/// for developers; requirements.txt and requirements-gpu.txt ship.
static StringRef groupOfRequirementsFile(StringRef Path) {
  std::string Stem = sys::path::stem(Path).lower();
  StringRef S(Stem);
  for (StringRef Word : {"requirements", "constraints"})
    if (S.consume_front(Word) || S.consume_back(Word))
      break;
  S = S.trim("-_.");
  if (S == "dev" || S == "develop" || S == "development" || S == "lint" ||
      S == "docs" || S == "doc" || S == "ci")
    return "dev";
  if (S == "test" || S == "tests" || S == "testing")
    return "test";
  return "";
}

/// `conda list --export` output, often saved as requirements.txt: one
/// "name=version=build" per line under a "conda create" comment.
void Reader::condaExport() {
  for (size_t I = 0; I < Text.size();) {
    size_t Eol = lineEnd(Text, I);
    StringRef Line = Text.slice(I, Eol).trim();
    I = Eol + 1;
    if (!Line.empty() && !Line.startswith("#") && !Line.startswith("@"))
      condaSpec(Line, Line, at(Line));
  }
}

void Reader::requirementsFile() {
  if (Text.take_front(512).contains("$ conda create"))
    return condaExport();
  StringRef Group = groupOfRequirementsFile(File.Path);
  for (const pep508::Line &L : pep508::readRequirementsFile(Text)) {
    switch (L.Kind) {
    case pep508::Line::Requirement:
      add(L.Req, /*InFile=*/true, SourceRange(), Group);
      break;
    case pep508::Line::Invalid:
      problem(point(L.Text.begin() + L.Err.Offset),
              "'" + L.Text + "' is not a requirement: " + L.Err.Message);
      break;
    case pep508::Line::Include:
    case pep508::Line::Constraint: {
      // The files -r and -c name are manifests of their own, when their
      // names say so: say when they do not, rather than miss them.
      SmallString<256> Included(sys::path::parent_path(File.Path));
      sys::path::append(Included, L.Arg);
      if (!classifyByName(Included).contains(FileKind::Manifest))
        Out.Unread.push_back(
            {at(L.Arg), ("'" + L.Arg +
                         "' is not read as a requirements file: licit reads "
                         "requirements*.txt, requirements*.in, "
                         "constraints*.txt and the files of a requirements/ "
                         "directory")
                            .str()});
      break;
    }
    case pep508::Line::Option:
      break;
    }
  }
}

void Reader::pyproject() {
  const TomlNode *Root = toml();
  if (!Root)
    return;
  if (const TomlNode *Project = Root->get("project")) {
    requirementList(Project->get("dependencies"), "");
    if (const TomlNode *Optional = Project->get("optional-dependencies"))
      for (const auto &[Extra, List] : Optional->Entries)
        requirementList(&List, "extra:" + Extra);
  }
  if (const TomlNode *Groups = Root->get("dependency-groups"))
    for (const auto &[Group, List] : Groups->Entries)
      requirementList(&List, "group:" + Group); // {include-group} skipped.
  if (const TomlNode *Build = Root->get("build-system"))
    requirementList(Build->get("requires"), "build-system");
  const TomlNode *Tool = Root->get("tool");
  if (!Tool)
    return;
  if (const TomlNode *Poetry = Tool->get("poetry")) {
    tableEntries(Ecosystem::PyPI, Poetry->get("dependencies"), "");
    tableEntries(Ecosystem::PyPI, Poetry->get("dev-dependencies"), "dev");
    if (const TomlNode *Groups = Poetry->get("group"))
      for (const auto &[Group, G] : Groups->Entries)
        tableEntries(Ecosystem::PyPI, G.get("dependencies"), "group:" + Group);
  }
  if (const TomlNode *Pixi = Tool->get("pixi"))
    pixiTables(*Pixi, "");
  if (const TomlNode *Uv = Tool->get("uv"))
    requirementList(Uv->get("dev-dependencies"), "dev");
  if (const TomlNode *Hatch = Tool->get("hatch"))
    if (const TomlNode *Envs = Hatch->get("envs"))
      for (const auto &[Env, E] : Envs->Entries) {
        requirementList(E.get("dependencies"), "env:" + Env);
        requirementList(E.get("extra-dependencies"), "env:" + Env);
      }
  if (const TomlNode *Pdm = Tool->get("pdm"))
    if (const TomlNode *Dev = Pdm->get("dev-dependencies"))
      for (const auto &[Group, List] : Dev->Entries)
        requirementList(&List, "group:" + Group);
}

void Reader::pipfile() {
  const TomlNode *Root = toml();
  if (!Root)
    return;
  for (const auto &[Section, Table] : Root->Entries)
    if (Section == "packages" || Section == "dev-packages" ||
        (Table.Kind == TomlNode::Table &&
         StringRef(Section).endswith("packages")))
      tableEntries(Ecosystem::PyPI, &Table,
                   Section == "packages" ? StringRef("") : StringRef(Section));
}

void Reader::cargoToml() {
  const TomlNode *Root = toml();
  if (!Root)
    return;
  auto Tables = [&](const TomlNode &T) {
    tableEntries(Ecosystem::Crates, T.get("dependencies"), "");
    tableEntries(Ecosystem::Crates, T.get("dev-dependencies"), "dev");
    tableEntries(Ecosystem::Crates, T.get("build-dependencies"), "build");
  };
  Tables(*Root);
  if (const TomlNode *Target = Root->get("target"))
    for (const auto &[Cfg, T] : Target->Entries)
      Tables(T);
  if (const TomlNode *Workspace = Root->get("workspace"))
    tableEntries(Ecosystem::Crates, Workspace->get("dependencies"), "");
}

void Reader::pixiTables(const TomlNode &T, StringRef Group) {
  tableEntries(Ecosystem::Conda, T.get("dependencies"), Group);
  tableEntries(Ecosystem::PyPI, T.get("pypi-dependencies"), Group);
  // A feature is a group; a target (platform) is not.
  if (const TomlNode *Features = T.get("feature"))
    for (const auto &[Name, F] : Features->Entries)
      pixiTables(F, "feature:" + Name);
  if (const TomlNode *Targets = T.get("target"))
    for (const auto &[Platform, Target] : Targets->Entries)
      pixiTables(Target, Group);
}

void Reader::pixiToml() {
  if (const TomlNode *Root = toml())
    pixiTables(*Root, "");
}

void Reader::setupCfg() {
  config::ReadResult R = config::readIni(Text);
  if (R.Documents.empty())
    return;
  auto Lines = [&](const config::Node &V, StringRef Group) {
    SmallVector<StringRef, 8> Parts;
    V.Literal.split(Parts, '\n');
    for (StringRef Line : Parts) {
      // A comment after a blank, as in requirements files.
      size_t Hash = Line.find(" #");
      Line = Line.take_front(Hash).trim();
      if (!Line.empty() && Line.front() != '#' && Line.front() != ';')
        requirement(Line, Line, at(Line), Group);
    }
  };
  for (const config::Node::Entry &Section : R.Documents.front().Entries) {
    if (Section.Key == "options")
      for (const config::Node::Entry &E : Section.Value.Entries)
        if (Optional<StringRef> Group =
                StringSwitch<Optional<StringRef>>(E.Key)
                    .Case("install_requires", StringRef(""))
                    .Case("setup_requires", StringRef("build-system"))
                    .Case("tests_require", StringRef("test"))
                    .Default(None))
          Lines(E.Value, *Group);
    if (Section.Key == "options.extras_require")
      for (const config::Node::Entry &E : Section.Value.Entries)
        Lines(E.Value, "extra:" + E.Key);
  }
}

/// A conda match spec: "[channel::]name[ =version[=build]]", "name>=1.2",
/// or an export's "name=version=build" (build "pypi_0": a pip package).
void Reader::condaSpec(StringRef Written, StringRef Value, SourceRange Whole) {
  bool InFile = !Written.empty();
  StringRef Spec = InFile ? Written : Value;
  size_t Channel = Spec.find("::");
  if (Channel != StringRef::npos)
    Spec = Spec.drop_front(Channel + 2);
  StringRef Name = Spec.take_until(
      [](char C) { return isSpace(C) || StringRef("=<>!~[").contains(C); });
  if (Name.empty())
    return;
  Dependency D;
  D.File = File.ID;
  D.Eco = Ecosystem::Conda;
  D.Name = pep508::normalizeName(Name);
  D.NameRange = InFile ? at(Name) : Whole;
  StringRef Version = Spec.drop_front(Name.size()).trim();
  if (!Version.empty()) {
    D.Spec = Version.str();
    D.SpecRange = InFile ? at(Version) : Whole;
    // "=1.2.3", "==1.2.3" or "=1.2.3=build": exact, without wildcards.
    StringRef V = Version;
    if (V.consume_front("==") || V.consume_front("=")) {
      auto [Exact, Build] = V.split('=');
      if (!Exact.contains('*') && !Exact.contains(',') && !Exact.contains(' '))
        D.Pinned = Exact.str();
      if (Build == "pypi_0")
        D.Eco = Ecosystem::PyPI;
    }
  }
  Out.Deps.push_back(std::move(D));
}

void Reader::condaEnvironment() {
  config::ReadResult R = config::readYaml(Text);
  if (!R.Error.empty())
    problem(R.ErrorAt.data() ? at(R.ErrorAt) : SourceRange::wholeFile(File.ID),
            "cannot read '" + sys::path::filename(File.Path) + "': " + R.Error);
  if (R.Documents.empty() || R.Documents.front().Kind != config::Node::Mapping)
    return;
  // A scalar's text in the file, when it spells its value as is.
  auto Verbatim = [](const config::Node &N) {
    return N.Literal == N.Value ? N.Literal : StringRef();
  };
  for (const config::Node::Entry &E : R.Documents.front().Entries) {
    if (E.Key != "dependencies")
      continue;
    for (const config::Node &Item : E.Value.Items) {
      if (Item.Kind == config::Node::Mapping) {
        for (const config::Node::Entry &Pip : Item.Entries)
          if (Pip.Key == "pip")
            for (const config::Node &P : Pip.Value.Items)
              if (P.Kind == config::Node::Scalar && !P.Literal.empty())
                requirement(Verbatim(P), P.Value, at(P.Literal), "");
        continue;
      }
      if (Item.Kind == config::Node::Scalar && !Item.Literal.empty())
        condaSpec(Verbatim(Item), Item.Value, at(Item.Literal));
    }
  }
}

void Reader::packageJson() {
  const json::ParseResult &Doc = json::parsed(File);
  if (!Doc.Root) {
    problem({File.ID, Doc.ErrorOffset, Doc.ErrorOffset},
            "cannot read 'package.json': " + Doc.ErrorMessage);
    return;
  }
  static const std::pair<StringRef, StringRef> Sections[] = {
      {"dependencies", ""},
      {"devDependencies", "dev"},
      {"peerDependencies", "peer"},
      {"optionalDependencies", "optional"}};
  for (const auto &[Section, Group] : Sections) {
    const json::Value *Deps = Doc.Root->get(Section);
    if (!Deps || Deps->Kind != json::Value::Object)
      continue;
    for (const auto &[Name, V] : Deps->Members) {
      Dependency D;
      D.File = File.ID;
      D.Eco = Ecosystem::Npm;
      D.Name = Name;
      StringRef Key = json::keyText(Text, Name, V);
      D.NameRange =
          Key.empty() ? SourceRange{File.ID, V.Begin, V.End} : at(Key);
      D.Group = Group.str();
      if (V.isString()) {
        StringRef Spec = StringRef(V.Str).trim();
        if (Spec.contains(':') || Spec.contains('/'))
          D.Url = Spec.str(); // "git+https://…", "file:…", "github:org/x"
        else if (!Spec.empty() && Spec != "*" && Spec != "latest") {
          D.Spec = Spec.str();
          D.SpecRange = {File.ID, V.Begin + 1, V.End - 1};
          if (all_of(Spec,
                     [](char C) {
                       return isAlnum(C) || C == '.' || C == '-' || C == '+';
                     }) &&
              isDigit(Spec.front()))
            D.Pinned = Spec.str();
        }
      }
      Out.Deps.push_back(std::move(D));
    }
  }
}

/// A TOML string value as lockfile writers emit it: "basic" or 'literal',
/// on one line. Empty when \p V is not one; escapes are not decoded (names
/// and versions have none).
static StringRef lockString(StringRef V) {
  V = V.trim();
  if (V.size() < 2 || (V.front() != '"' && V.front() != '\''))
    return StringRef();
  size_t End = V.find(V.front(), 1);
  return End == StringRef::npos ? StringRef() : V.slice(1, End);
}

// uv, Poetry, PDM and Cargo write their lockfiles as one [[package]] table
// per package with its name and version on lines of their own. Those files
// reach tens of MiB in monorepos, where building a TOML document costs
// seconds: they are read line by line instead, keeping what the tables
// say and checking the structure the writers produce (headers close, each
// package has a name and a version).
void Reader::tomlLock(Ecosystem Eco) {
  StringRef Name, Version;
  const char *HeaderAt = nullptr;
  bool InPackage = false;
  auto Finish = [&] {
    if (!InPackage)
      return;
    if (Name.empty() || Version.empty())
      problem(point(HeaderAt),
              "a [[package]] table without a name and a version");
    else
      Out.Locked.push_back(
          {File.ID, Eco,
           Eco == Ecosystem::Crates ? Name.str() : pep508::normalizeName(Name),
           Version.str(),
           // With its quotes, as the other formats' are.
           at(StringRef(Version.data() - 1, Version.size() + 2)),
           /*Licence=*/"", SourceRange()});
    Name = Version = StringRef();
    InPackage = false;
  };
  for (size_t I = 0; I < Text.size();) {
    size_t Eol = lineEnd(Text, I);
    StringRef Line = Text.slice(I, Eol).rtrim('\r');
    I = Eol + 1;
    const char *LineAt = Line.data();
    StringRef Code = Line.ltrim();
    if (Code.startswith("[")) {
      // A header: [table] or [[array-of-tables]], with a trailing comment.
      StringRef Header =
          Code.take_until([](char C) { return C == '#'; }).rtrim();
      if (!Header.endswith("]")) {
        problem(point(LineAt), "cannot read '" +
                                   sys::path::filename(File.Path) +
                                   "': a table header does not close");
        return;
      }
      Finish();
      StringRef Inner = Header.trim("[] \t");
      InPackage = Header.startswith("[[") && Inner == "package";
      HeaderAt = LineAt;
      continue;
    }
    if (!InPackage)
      continue;
    auto [Key, Value] = Code.split('=');
    Key = Key.trim();
    if (Key == "name" && Name.empty())
      Name = lockString(Value);
    else if (Key == "version" && Version.empty())
      Version = lockString(Value);
  }
  Finish();
}

// pixi.lock is YAML its writer emits in one shape: a top-level "packages:"
// list whose items start at the first column ("- conda: <url>", "- pypi:
// <url>", or "- kind: conda" before version 6) with their fields two
// columns in. Like the TOML lockfiles, it is read line by line.
void Reader::pixiLock() {
  bool InPackages = false;
  Optional<Ecosystem> Eco;
  StringRef Name, Version, Url, VersionField, Licence;
  const char *ItemAt = nullptr;
  auto Finish = [&] {
    if (!ItemAt || !Eco)
      return;
    // "https://…/linux-64/numpy-2.1.0-py312h….conda": name-version-build.
    if ((Name.empty() || Version.empty()) && !Url.empty()) {
      StringRef File = Url.rsplit('/').second;
      if (!File.consume_back(".conda"))
        File.consume_back(".tar.bz2");
      auto [NameVersion, Build] = File.rsplit('-');
      std::tie(Name, Version) = NameVersion.rsplit('-');
    }
    if (Name.empty() || Version.empty())
      return;
    LockedPackage L;
    L.File = File.ID;
    L.Eco = *Eco;
    L.Name = pep508::normalizeName(Name);
    L.Version = Version.str();
    L.At = at(VersionField.empty() ? Url : VersionField);
    if (!Licence.empty()) {
      L.Licence = Licence.str();
      L.LicenceAt = at(Licence);
    }
    Out.Locked.push_back(std::move(L));
  };
  for (size_t I = 0; I < Text.size();) {
    size_t Eol = lineEnd(Text, I);
    StringRef Line = Text.slice(I, Eol).rtrim("\r");
    I = Eol + 1;
    if (Line.empty() || Line.startswith("#"))
      continue;
    if (!isSpace(Line.front()) && !Line.startswith("- ")) {
      // A top-level key.
      InPackages = Line.rtrim() == "packages:";
      continue;
    }
    if (!InPackages)
      continue;
    StringRef Field;
    if (Line.startswith("- ")) {
      Finish();
      Eco = None;
      Name = Version = Url = VersionField = Licence = StringRef();
      ItemAt = Line.data();
      Field = Line.drop_front(2);
    } else if (Line.size() > 2 && Line.startswith("  ") && !isSpace(Line[2])) {
      Field = Line.drop_front(2);
    } else {
      continue; // Deeper: a list or map inside a field.
    }
    auto [Key, Value] = Field.split(':');
    Value = Value.trim();
    if (Key == "conda" || Key == "pypi") {
      Eco = Key == "conda" ? Ecosystem::Conda : Ecosystem::PyPI;
      Url = Value;
    } else if (Key == "kind") {
      Eco = Value == "conda"  ? Optional<Ecosystem>(Ecosystem::Conda)
            : Value == "pypi" ? Optional<Ecosystem>(Ecosystem::PyPI)
                              : None;
    } else if (Key == "name") {
      Name = Value.trim("'\"");
    } else if (Key == "version") {
      Version = VersionField = Value.trim("'\"");
    } else if (Key == "license") {
      Licence = Value.trim("'\"");
    }
  }
  Finish();
}

void Reader::pipfileLock() {
  const json::ParseResult &Doc = json::parsed(File);
  if (!Doc.Root) {
    problem({File.ID, Doc.ErrorOffset, Doc.ErrorOffset},
            "cannot read 'Pipfile.lock': " + Doc.ErrorMessage);
    return;
  }
  for (StringRef Section : {"default", "develop"})
    if (const json::Value *Packages = Doc.Root->get(Section))
      for (const auto &[Name, P] : Packages->Members)
        if (const json::Value *V = P.get("version"); V && V->isString()) {
          // "==2.4.0"
          StringRef Version = StringRef(V->Str).trim();
          Version.consume_front("==");
          Out.Locked.push_back({File.ID,
                                Ecosystem::PyPI,
                                pep508::normalizeName(Name),
                                Version.str(),
                                {File.ID, V->Begin, V->End},
                                /*Licence=*/"",
                                SourceRange()});
        }
}

void Reader::packageLock() {
  const json::ParseResult &Doc = json::parsed(File);
  if (!Doc.Root) {
    problem({File.ID, Doc.ErrorOffset, Doc.ErrorOffset},
            "cannot read 'package-lock.json': " + Doc.ErrorMessage);
    return;
  }
  auto Add = [&](StringRef Name, const json::Value &P) {
    const json::Value *V = P.get("version");
    if (!V || !V->isString())
      return;
    LockedPackage L;
    L.File = File.ID;
    L.Eco = Ecosystem::Npm;
    L.Name = Name.str();
    L.Version = V->Str;
    L.At = {File.ID, V->Begin, V->End};
    if (const json::Value *Lic = P.get("license"); Lic && Lic->isString()) {
      L.Licence = Lic->Str;
      L.LicenceAt = {File.ID, Lic->Begin, Lic->End};
    }
    Out.Locked.push_back(std::move(L));
  };
  // Lockfile versions 2 and 3: "node_modules/<name>" (top level only: a
  // nested copy is another package's dependency).
  if (const json::Value *Packages = Doc.Root->get("packages")) {
    for (const auto &[Path, P] : Packages->Members) {
      StringRef Name(Path);
      if (Name.consume_front("node_modules/") &&
          !Name.contains("node_modules/"))
        Add(Name, P);
    }
    return;
  }
  // Version 1.
  if (const json::Value *Deps = Doc.Root->get("dependencies"))
    for (const auto &[Name, P] : Deps->Members)
      Add(Name, P);
}

} // namespace

ManifestRead readManifest(const SourceFile &File) {
  StringRef Name = sys::path::filename(File.Path);
  Reader R(File);
  if (Name == "uv.lock" || Name == "poetry.lock" || Name == "pdm.lock")
    R.tomlLock(Ecosystem::PyPI);
  else if (Name == "Cargo.lock")
    R.tomlLock(Ecosystem::Crates);
  else if (Name == "pixi.lock")
    R.pixiLock();
  else if (Name == "pixi.toml")
    R.pixiToml();
  else if (Name == "Pipfile.lock")
    R.pipfileLock();
  else if (Name == "package-lock.json")
    R.packageLock();
  else if (Name == "pyproject.toml")
    R.pyproject();
  else if (Name == "setup.cfg")
    R.setupCfg();
  else if (Name == "Pipfile")
    R.pipfile();
  else if (Name == "package.json")
    R.packageJson();
  else if (Name == "Cargo.toml")
    R.cargoToml();
  else if (Name == "environment.yml" || Name == "environment.yaml" ||
           Name == "conda.yaml" || Name == "conda.yml")
    R.condaEnvironment();
  else if (Name.endswith(".txt") || Name.endswith(".in"))
    R.requirementsFile();
  // In the file's order, whichever table was read first.
  llvm::stable_sort(R.Out.Deps, [](const Dependency &A, const Dependency &B) {
    return A.NameRange.Begin < B.NameRange.Begin;
  });
  return std::move(R.Out);
}

} // namespace licit::deps
