//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// The format is the OSV schema (ossf.github.io/osv-schema): "affected"
// entries name a package by ecosystem and name; "ranges" of type
// ECOSYSTEM or SEMVER list events, evaluated in version order as the
// schema's "Evaluation" section describes; GIT ranges name commits and
// are skipped. Withdrawn records do not apply.
//
//===----------------------------------------------------------------------===//

#include "licit/Deps/Advisories.h"
#include "licit/Deps/Pep508.h"
#include "licit/Deps/Versions.h"
#include "licit/Formats/Json.h"
#include "licit/Formats/Zip.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace llvm;

namespace licit {

/// One record is a few KiB; the largest real ones are under 1 MiB.
constexpr uint64_t MaxRecordBytes = 4 << 20;
/// An ecosystem's all.zip is tens of MiB.
constexpr uint64_t MaxArchiveBytes = 1ull << 30;

static Optional<Ecosystem> osvEcosystem(StringRef Name) {
  if (Name == "PyPI")
    return Ecosystem::PyPI;
  if (Name == "npm")
    return Ecosystem::Npm;
  if (Name == "crates.io")
    return Ecosystem::Crates;
  return None;
}

static std::string packageKey(Ecosystem Eco, StringRef Name) {
  return (ecosystemName(Eco) + ":" +
          (Eco == Ecosystem::PyPI ? pep508::normalizeName(Name) : Name.str()))
      .str();
}

namespace {

/// Reads records into a database, keeping those that matter.
class Loader {
public:
  Loader(const StringSet<> &Wanted, SourceFiles &Files,
         std::vector<OsvRecord> &Records,
         StringMap<std::vector<unsigned>> &Index,
         std::vector<AdvisoryDb::Problem> &Problems)
      : Wanted(Wanted), Files(Files), Records(Records), Index(Index),
        Problems(Problems) {}

  /// The record \p Text, from \p Path (registered when it matters).
  void record(StringRef Path, StringRef Text);

private:
  const StringSet<> &Wanted;
  SourceFiles &Files;
  std::vector<OsvRecord> &Records;
  StringMap<std::vector<unsigned>> &Index;
  std::vector<AdvisoryDb::Problem> &Problems;
};

std::string str(const json::Value *V) {
  return V && V->isString() ? V->Str : "";
}

void Loader::record(StringRef Path, StringRef Text) {
  json::ParseResult Doc = json::parse(Text);
  if (!Doc.Root || Doc.Root->Kind != json::Value::Object) {
    Problems.push_back(
        {Path.str(), "not an OSV advisory record" +
                         (Doc.Root ? "" : ": " + Doc.ErrorMessage)});
    return;
  }
  const json::Value &R = *Doc.Root;
  const json::Value *Affected = R.get("affected");
  const json::Value *ID = R.get("id");
  if (!Affected || Affected->Kind != json::Value::Array || !ID ||
      !ID->isString() || R.get("withdrawn"))
    return;
  FileID File = 0;
  for (const json::Value &A : Affected->Items) {
    const json::Value *Package = A.get("package");
    if (!Package)
      continue;
    Optional<Ecosystem> Eco = osvEcosystem(str(Package->get("ecosystem")));
    std::string Name = str(Package->get("name"));
    if (!Eco || Name.empty())
      continue;
    std::string Key = packageKey(*Eco, Name);
    if (!Wanted.count(Key))
      continue;
    if (!File) {
      File = Files.add(Path, Path).first;
      SourceFile &F = Files.get(File);
      if (!F.Buffer)
        F.setContents(MemoryBuffer::getMemBufferCopy(Text, Path));
    }
    OsvRecord Rec;
    Rec.ID = ID->Str;
    Rec.At = {File, ID->Begin, ID->End};
    Rec.Summary = str(R.get("summary"));
    if (const json::Value *Aliases = R.get("aliases"))
      for (const json::Value &Alias : Aliases->Items)
        if (Alias.isString())
          Rec.Aliases.push_back(Alias.Str);
    if (const json::Value *Ranges = A.get("ranges"))
      for (const json::Value &Range : Ranges->Items) {
        std::string Type = str(Range.get("type"));
        if (Type != "ECOSYSTEM" && Type != "SEMVER")
          continue;
        OsvRange Out;
        Out.Semver = Type == "SEMVER";
        if (const json::Value *Events = Range.get("events"))
          for (const json::Value &E : Events->Items)
            for (const auto &[Field, Kind] :
                 {std::make_pair("introduced", OsvRange::Event::Introduced),
                  std::make_pair("fixed", OsvRange::Event::Fixed),
                  std::make_pair("last_affected",
                                 OsvRange::Event::LastAffected),
                  std::make_pair("limit", OsvRange::Event::Limit)})
              if (const json::Value *V = E.get(Field); V && V->isString())
                Out.Events.push_back({Kind, V->Str});
        Rec.Ranges.push_back(std::move(Out));
      }
    if (const json::Value *Versions = A.get("versions"))
      for (const json::Value &V : Versions->Items)
        if (V.isString())
          Rec.Versions.push_back(V.Str);
    Index[Key].push_back(Records.size());
    Records.push_back(std::move(Rec));
  }
}

std::unique_ptr<MemoryBuffer>
readBounded(vfs::FileSystem &FS, StringRef Path, uint64_t Max,
            std::vector<AdvisoryDb::Problem> &Problems) {
  ErrorOr<std::unique_ptr<vfs::File>> F = FS.openFileForRead(Path);
  ErrorOr<vfs::Status> S = F ? (*F)->status() : F.getError();
  if (!S || !S->isRegularFile()) {
    Problems.push_back({Path.str(), "advisory file cannot be read"});
    return nullptr;
  }
  if (S->getSize() > Max) {
    Problems.push_back(
        {Path.str(), "advisory file is larger than licit reads (" +
                         std::to_string(Max >> 20) + " MiB)"});
    return nullptr;
  }
  ErrorOr<std::unique_ptr<MemoryBuffer>> B =
      (*F)->getBuffer(Path, S->getSize(), /*RequiresNullTerminator=*/false);
  if (!B) {
    Problems.push_back({Path.str(), "advisory file cannot be read"});
    return nullptr;
  }
  return std::move(*B);
}

} // namespace

AdvisoryDb AdvisoryDb::load(vfs::FileSystem &FS, StringRef Dir,
                            const StringSet<> &Wanted, SourceFiles &Files,
                            std::vector<Problem> &Problems) {
  AdvisoryDb Db;
  Loader L(Wanted, Files, Db.Records, Db.Index, Problems);
  // The directory and its subdirectories one level down (osv/PyPI/...).
  std::vector<std::string> Dirs = {Dir.str()};
  for (size_t D = 0; D != Dirs.size(); ++D) {
    std::error_code EC;
    std::vector<std::string> Entries;
    for (vfs::directory_iterator It = FS.dir_begin(Dirs[D], EC), End;
         !EC && It != End; It.increment(EC))
      if (It->type() == sys::fs::file_type::directory_file && D == 0)
        Dirs.push_back(It->path().str());
      else if (It->type() == sys::fs::file_type::regular_file)
        Entries.push_back(It->path().str());
    if (EC)
      Problems.push_back(
          {Dirs[D], "cannot read advisory directory: " + EC.message()});
    // A stable order, whatever the file system returns.
    llvm::sort(Entries);
    for (const std::string &Path : Entries) {
      StringRef P(Path);
      if (P.endswith(".json")) {
        if (std::unique_ptr<MemoryBuffer> B =
                readBounded(FS, Path, MaxRecordBytes, Problems))
          L.record(Path, B->getBuffer());
        continue;
      }
      if (!P.endswith(".zip"))
        continue;
      std::unique_ptr<MemoryBuffer> Zip =
          readBounded(FS, Path, MaxArchiveBytes, Problems);
      if (!Zip)
        continue;
      Expected<std::vector<zip::Member>> Members =
          zip::members(Zip->getBuffer());
      if (!Members) {
        Problems.push_back(
            {Path, "advisory archive: " + toString(Members.takeError())});
        continue;
      }
      std::string Storage;
      for (const zip::Member &M : *Members) {
        if (!StringRef(M.Name).endswith(".json") || M.Size > MaxRecordBytes)
          continue;
        Expected<StringRef> Text = zip::contents(Zip->getBuffer(), M, Storage);
        if (!Text) {
          Problems.push_back({Path, "advisory archive member '" + M.Name +
                                        "': " + toString(Text.takeError())});
          continue;
        }
        L.record(Path + ":" + M.Name, *Text);
      }
    }
  }
  return Db;
}

/// <0, 0, >0 as \p A orders against \p B in \p Range's order; "0" is the
/// lowest version of all. None when either does not parse.
static Optional<int> order(const OsvRange &Range, Ecosystem Eco, StringRef A,
                           StringRef B) {
  if (B == "0")
    return A == "0" ? 0 : 1;
  if (A == "0")
    return -1;
  if (Range.Semver) {
    Optional<versions::Semver> X = versions::parseSemver(A),
                               Y = versions::parseSemver(B);
    if (!X || !Y)
      return None;
    return versions::compare(*X, *Y);
  }
  return versions::compare(Eco, A, B);
}

std::vector<AdvisoryMatch> AdvisoryDb::affecting(Ecosystem Eco, StringRef Name,
                                                 StringRef Version) const {
  std::vector<AdvisoryMatch> Out;
  auto It = Index.find(packageKey(Eco, Name));
  // A version licit cannot read ("nightly") is matched by nothing.
  if (It == Index.end() || !versions::compare(Eco, Version, Version))
    return Out;
  for (unsigned I : It->second) {
    const OsvRecord &R = Records[I];
    bool Affected = any_of(R.Versions, [&](const std::string &V) {
      return versions::compare(Eco, V, Version) == Optional<int>(0);
    });
    std::string FirstFixed;
    for (const OsvRange &Range : R.Ranges) {
      // Events in version order. One whose version does not read is left
      // out first: it would make the order inconsistent, which sorting
      // must not be given.
      std::vector<OsvRange::Event> Events;
      for (const OsvRange::Event &E : Range.Events)
        if (order(Range, Eco, E.Version, E.Version))
          Events.push_back(E);
      llvm::stable_sort(Events, [&](const auto &A, const auto &B) {
        return *order(Range, Eco, A.Version, B.Version) < 0;
      });
      bool In = false;
      for (const OsvRange::Event &E : Events) {
        Optional<int> C = order(Range, Eco, Version, E.Version);
        if (!C)
          continue;
        switch (E.Kind) {
        case OsvRange::Event::Introduced:
          In |= *C >= 0;
          break;
        case OsvRange::Event::Fixed:
        case OsvRange::Event::Limit:
          In &= *C < 0;
          break;
        case OsvRange::Event::LastAffected:
          In &= *C <= 0;
          break;
        }
      }
      if (!In)
        continue;
      Affected = true;
      for (const OsvRange::Event &E : Events)
        if (E.Kind == OsvRange::Event::Fixed &&
            order(Range, Eco, E.Version, Version).getValueOr(0) > 0) {
          if (FirstFixed.empty() ||
              order(Range, Eco, E.Version, FirstFixed).getValueOr(0) < 0)
            FirstFixed = E.Version;
          break;
        }
    }
    if (Affected)
      Out.push_back({&R, FirstFixed});
  }
  return Out;
}

const AdvisoryDb &
AdvisorySources::get(StringRef Dir, const StringSet<> &Wanted,
                     SourceFiles &Files,
                     std::vector<AdvisoryDb::Problem> &Problems) {
  auto [It, New] = Loaded.try_emplace(Dir);
  if (New)
    It->second = AdvisoryDb::load(FS, Dir, Wanted, Files, Problems);
  return It->second;
}

} // namespace licit
