//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// Layouts: PEP 376/627 (site-packages/<name>-<version>.dist-info/METADATA,
// names escaped with '_'), the core metadata specification (RFC 822-style
// headers; License-Expression since version 2.4), conda's conda-meta/
// <name>-<version>-<build>.json records, npm's node_modules/<name>/
// package.json.
//
//===----------------------------------------------------------------------===//

#include "licit/Facts/InstalledPackages.h"
#include "licit/Basic/Lines.h"
#include "licit/Deps/Pep508.h"
#include "licit/Deps/Spdx.h"
#include "licit/Formats/Json.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace llvm;

namespace licit {

/// Metadata is headers first: a prefix this long holds them.
constexpr uint64_t MaxMetadataBytes = 1 << 20;
/// Directories with more entries than this are not environments.
constexpr unsigned MaxEntries = 100000;

struct InstalledPackages::Listing {
  /// Normalised name -> its metadata file, per ecosystem.
  StringMap<std::string> Python, Conda;
};

InstalledPackages::InstalledPackages(vfs::FileSystem &FS,
                                     std::vector<std::string> Roots)
    : FS(FS), Roots(std::move(Roots)) {}

InstalledPackages::~InstalledPackages() = default;

static bool isDirectory(vfs::FileSystem &FS, const Twine &Path) {
  ErrorOr<vfs::Status> S = FS.status(Path);
  return S && S->isDirectory();
}

/// The entries of directory \p Dir (names only), at most MaxEntries.
static std::vector<std::string> entries(vfs::FileSystem &FS, StringRef Dir) {
  std::vector<std::string> Out;
  std::error_code EC;
  for (vfs::directory_iterator It = FS.dir_begin(Dir, EC), End;
       !EC && It != End && Out.size() < MaxEntries; It.increment(EC))
    Out.push_back(sys::path::filename(It->path()).str());
  return Out;
}

std::vector<std::string> InstalledPackages::near(vfs::FileSystem &FS,
                                                 StringRef Dir) {
  std::vector<std::string> Out;
  for (StringRef Name : {".venv", "venv", "env", ".conda"}) {
    SmallString<256> Env(Dir);
    sys::path::append(Env, Name);
    if (FS.exists(Env + "/pyvenv.cfg") || isDirectory(FS, Env + "/conda-meta"))
      Out.push_back(std::string(Env));
  }
  if (isDirectory(FS, Dir + "/node_modules"))
    Out.push_back(Dir.str());
  return Out;
}

const InstalledPackages::Listing &InstalledPackages::listing() {
  if (Listed)
    return *Listed;
  Listed = std::make_unique<Listing>();
  for (const std::string &Root : Roots) {
    // site-packages: lib/pythonX.Y/ (POSIX venvs and conda), Lib/ (Windows).
    std::vector<std::string> SitePackages = {Root + "/Lib/site-packages"};
    for (const std::string &Lib : entries(FS, Root + "/lib"))
      if (StringRef(Lib).startswith("python"))
        SitePackages.push_back(Root + "/lib/" + Lib + "/site-packages");
    for (const std::string &Site : SitePackages)
      for (const std::string &Entry : entries(FS, Site)) {
        StringRef E(Entry);
        StringRef Meta = E.endswith(".dist-info")  ? "METADATA"
                         : E.endswith(".egg-info") ? "PKG-INFO"
                                                   : "";
        if (Meta.empty())
          continue;
        // "<name>-<version>.dist-info": the name has no '-' (PEP 427).
        std::string Name = pep508::normalizeName(E.split('-').first);
        Listed->Python.try_emplace(Name, Site + "/" + Entry + "/" + Meta.str());
      }
    // conda-meta/<name>-<version>-<build>.json: the name may hold '-'.
    for (const std::string &Entry : entries(FS, Root + "/conda-meta")) {
      StringRef E(Entry);
      if (!E.consume_back(".json"))
        continue;
      StringRef Name = E.rsplit('-').first.rsplit('-').first;
      if (!Name.empty())
        Listed->Conda.try_emplace(pep508::normalizeName(Name),
                                  Root + "/conda-meta/" + Entry);
    }
  }
  return *Listed;
}

/// The file at \p Path, registered in \p Files (its first MaxMetadataBytes).
static const SourceFile *registerFile(vfs::FileSystem &FS, StringRef Path,
                                      SourceFiles &Files) {
  ErrorOr<std::unique_ptr<vfs::File>> F = FS.openFileForRead(Path);
  if (!F)
    return nullptr;
  ErrorOr<vfs::Status> S = (*F)->status();
  if (!S || !S->isRegularFile())
    return nullptr;
  ErrorOr<std::unique_ptr<MemoryBuffer>> B =
      (*F)->getBuffer(Path, std::min<uint64_t>(S->getSize(), MaxMetadataBytes),
                      /*RequiresNullTerminator=*/false);
  if (!B)
    return nullptr;
  SmallString<256> Abs(Path);
  FS.makeAbsolute(Abs);
  std::string Display = sys::path::remove_leading_dotslash(Path).str();
  SourceFile &File = Files.get(Files.add(Display, Abs).first);
  if (!File.Buffer)
    File.setContents(std::move(*B));
  return &File;
}

InstalledPackage readCoreMetadata(const SourceFile &File) {
  StringRef Text = File.text();
  SourceText Source(File.ID, Text);
  InstalledPackage P;
  StringRef Expression, License;
  SmallVector<StringRef, 2> Classifiers;
  for (size_t I = 0; I < Text.size();) {
    size_t Eol = lineEnd(Text, I);
    StringRef Line = Text.slice(I, Eol).rtrim('\r');
    I = Eol + 1;
    // The headers end at the first blank line; the body is the README.
    if (Line.empty())
      break;
    if (isSpace(Line.front()))
      continue; // A continuation (of a License text, say).
    auto [Key, Value] = Line.split(':');
    Value = Value.trim();
    if (Key.equals_insensitive("Version")) {
      P.Version = Value.str();
      P.VersionAt = Source.range(Value);
    } else if (Key.equals_insensitive("License-Expression"))
      Expression = Value;
    else if (Key.equals_insensitive("License"))
      License = Value;
    else if (Key.equals_insensitive("Classifier") &&
             Value.startswith("License ::"))
      Classifiers.push_back(Value);
  }
  auto Says = [&](StringRef Key, StringRef Value, std::string Spdx) {
    P.Key = Key.str();
    P.Declared = Value.str();
    P.At = Source.range(Value);
    P.Spdx = std::move(Spdx);
  };
  if (!Expression.empty()) {
    Says("License-Expression", Expression,
         spdx::normalize(Expression).getValueOr(""));
    return P;
  }
  if (Optional<std::string> S = License.empty() || License == "UNKNOWN"
                                    ? None
                                    : spdx::normalize(License)) {
    Says("License", License, *S);
    return P;
  }
  std::string Joined;
  bool AllKnown = !Classifiers.empty();
  for (StringRef C : Classifiers) {
    Optional<std::string> S = spdx::normalize(C);
    AllKnown &= S.hasValue();
    if (S && !StringRef(Joined).contains(*S))
      Joined += (Joined.empty() ? "" : " OR ") + *S;
  }
  if (AllKnown) {
    Says("Classifier", Classifiers.front(), Joined);
    return P;
  }
  if (!Classifiers.empty())
    Says("Classifier", Classifiers.front(), "");
  else if (!License.empty() && License != "UNKNOWN")
    Says("License", License, "");
  return P;
}

/// A "license" string of a JSON record (conda-meta, package.json).
static InstalledPackage readJsonRecord(const SourceFile &File) {
  InstalledPackage P;
  json::ParseResult Doc = json::parse(File.text());
  if (!Doc.Root)
    return P;
  if (const json::Value *V = Doc.Root->get("version"); V && V->isString()) {
    P.Version = V->Str;
    P.VersionAt = {File.ID, V->Begin, V->End};
  }
  const json::Value *L = Doc.Root->get("license");
  if (!L || !L->isString() || StringRef(L->Str).trim().empty())
    return P;
  P.Key = "license";
  P.Declared = StringRef(L->Str).trim().str();
  P.Spdx = spdx::normalize(P.Declared).getValueOr("");
  P.At = {File.ID, L->Begin, L->End};
  return P;
}

Optional<InstalledPackage>
InstalledPackages::read(Ecosystem Eco, StringRef Name, SourceFiles &Files) {
  const Listing &L = listing();
  auto Lookup = [&](const StringMap<std::string> &Map) -> const SourceFile * {
    auto It = Map.find(Name);
    return It == Map.end() ? nullptr : registerFile(FS, It->second, Files);
  };
  switch (Eco) {
  case Ecosystem::PyPI:
    if (const SourceFile *F = Lookup(L.Python))
      return readCoreMetadata(*F);
    return None;
  case Ecosystem::Conda:
    if (const SourceFile *F = Lookup(L.Conda))
      return readJsonRecord(*F);
    // A conda environment's pip packages are in site-packages too.
    if (const SourceFile *F = Lookup(L.Python))
      return readCoreMetadata(*F);
    return None;
  case Ecosystem::Npm: {
    // "name" or "@scope/name"; never a path out of node_modules.
    if (Name.contains("..") || Name.contains('\\') || Name.startswith("/") ||
        Name.count('/') > (Name.startswith("@") ? 1u : 0u))
      return None;
    for (const std::string &Root : Roots)
      if (const SourceFile *F = registerFile(
              FS, Root + "/node_modules/" + Name.str() + "/package.json",
              Files))
        return readJsonRecord(*F);
    return None;
  }
  case Ecosystem::Crates:
    return None;
  }
  return None;
}

const InstalledPackage *InstalledPackages::find(Ecosystem Eco, StringRef Name,
                                                SourceFiles &Files) {
  auto [It, New] = Cache.try_emplace((ecosystemName(Eco) + ":" + Name).str());
  if (New)
    It->second = read(Eco, Name, Files);
  return It->second ? &*It->second : nullptr;
}

} // namespace licit
