//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// The cache's layout is huggingface_hub's (docs: "Manage huggingface_hub
// cache-system"): <root>/models--<org>--<name>/refs/<branch> holds a commit
// id, and snapshots/<commit>/ the repository's files at that commit.
//
//===----------------------------------------------------------------------===//

#include "licit/Facts/HubCache.h"
#include "licit/Config/ConfigTree.h"
#include "licit/Facts/ModelIds.h"
#include "licit/Formats/Json.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace llvm;

namespace licit {

/// Cards larger than this are not read: front matter is a few KiB.
constexpr uint64_t MaxCardBytes = 1 << 20;

Optional<ModelCard> readModelCard(const SourceFile &File) {
  StringRef Text = File.text();
  // "---\n<yaml>\n---": the front matter.
  StringRef Rest = Text;
  if (!Rest.consume_front("---"))
    return None;
  size_t Begin = Text.find('\n');
  size_t End = Text.find("\n---", Begin);
  if (Begin == StringRef::npos || End == StringRef::npos)
    return None;
  StringRef Front = Text.slice(Begin + 1, End + 1);
  config::ReadResult Read = config::readYaml(Front);
  if (Read.Documents.empty() ||
      Read.Documents.front().Kind != config::Node::Mapping)
    return None;
  const config::Node &Doc = Read.Documents.front();
  SourceText Source(File.ID, Text);
  ModelCard Card;
  Card.File = File.ID;
  auto RangeOf = [&](const config::Node &N) {
    return N.Literal.empty() ? SourceRange::wholeFile(File.ID)
                             : Source.range(N.Literal);
  };
  if (const config::Node *L = Doc.scalar("license")) {
    Card.Licence = StringRef(L->Value).trim().lower();
    Card.LicenceAt = RangeOf(*L);
    // "license: other" names its licence in license_name.
    if (Card.Licence == "other")
      if (const config::Node *Name = Doc.scalar("license_name")) {
        Card.Licence = StringRef(Name->Value).trim().lower();
        Card.LicenceAt = RangeOf(*Name);
      }
  }
  Card.DescribesModel = any_of(Doc.Entries, [](const config::Node::Entry &E) {
    return E.Key == "base_model" || E.Key == "library_name" ||
           E.Key == "pipeline_tag" || E.Key == "model-index";
  });
  if (const config::Node *R = Doc.scalar("base_model_relation"))
    Card.Relation = StringRef(R->Value).trim().lower();
  for (const config::Node::Entry &E : Doc.Entries) {
    if (E.Key != "base_model")
      continue;
    // One id, or a list of them (a merge).
    std::vector<const config::Node *> Ids;
    if (E.Value.Kind == config::Node::Scalar)
      Ids.push_back(&E.Value);
    for (const config::Node &Item : E.Value.Items)
      Ids.push_back(&Item);
    for (const config::Node *N : Ids)
      if (Optional<ParsedId> P = parseModelId(N->Value, IdSyntax::Hub))
        if (P->HasNamespace)
          Card.BaseModels.push_back({P->ID, RangeOf(*N)});
  }
  return Card;
}

Optional<ModelCard> readAdapterConfig(const SourceFile &File) {
  json::ParseResult Doc = json::parse(File.text());
  if (!Doc.Root)
    return None;
  config::Node Root = config::fromJson(*Doc.Root, File.text());
  const config::Node *Base = Root.scalar("base_model_name_or_path");
  // A local path ("/data/llama-3-8b", "./base") names no hub model.
  Optional<ParsedId> P = Base ? parseModelId(Base->Value, IdSyntax::Hub) : None;
  if (!P || !P->HasNamespace)
    return None;
  ModelCard Card;
  Card.File = File.ID;
  Card.DescribesModel = Card.FromAdapterConfig = true;
  Card.Relation = "adapter";
  Card.BaseModels.push_back(
      {P->ID, SourceText(File.ID, File.text()).range(Base->Literal),
       /*InAdapterConfig=*/true});
  return Card;
}

HubCache::HubCache(vfs::FileSystem &FS, std::string Root)
    : FS(FS), Root(std::move(Root)) {}

Optional<std::string> HubCache::defaultRoot(vfs::FileSystem &FS) {
  // As huggingface_hub decides: the first variable set wins, whether or
  // not its directory exists.
  std::string Dir;
  if (Optional<std::string> Hub = sys::Process::GetEnv("HF_HUB_CACHE"))
    Dir = *Hub;
  else if (Optional<std::string> Home = sys::Process::GetEnv("HF_HOME"))
    Dir = *Home + "/hub";
  else if (Optional<std::string> Home = sys::Process::GetEnv("HOME"))
    Dir = *Home + "/.cache/huggingface/hub";
  ErrorOr<vfs::Status> S = FS.status(Dir);
  if (Dir.empty() || !S || !S->isDirectory())
    return None;
  return Dir;
}

std::string HubCache::repoDir(StringRef ID) const {
  auto [Org, Repo] = ID.split('/');
  if (Org.empty() || Repo.empty() || Repo.contains('/') || Org == "." ||
      Org == ".." || Repo == "." || Repo == "..")
    return "";
  SmallString<256> Dir(Root);
  sys::path::append(Dir, ("models--" + Org + "--" + Repo).str());
  return std::string(Dir);
}

std::unique_ptr<MemoryBuffer> HubCache::readFile(StringRef Path) {
  ErrorOr<std::unique_ptr<vfs::File>> F = FS.openFileForRead(Path);
  if (!F)
    return nullptr;
  ErrorOr<vfs::Status> S = (*F)->status();
  if (!S || !S->isRegularFile() || S->getSize() > MaxCardBytes)
    return nullptr;
  ErrorOr<std::unique_ptr<MemoryBuffer>> B =
      (*F)->getBuffer(Path, S->getSize(), /*RequiresNullTerminator=*/false);
  return B ? std::move(*B) : nullptr;
}

static bool isCommit(StringRef S) {
  return S.size() == 40 && all_of(S, isHexDigit);
}

Optional<std::string> HubCache::commit(StringRef ID, StringRef Revision) {
  if (isCommit(Revision))
    return Revision.str();
  std::string Dir = repoDir(ID);
  // A branch or tag ("main", "v1.0"); never a path out of refs/.
  if (Dir.empty() || Revision.contains("..") || Revision.startswith("/"))
    return None;
  SmallString<256> Ref(Dir);
  sys::path::append(Ref, "refs", Revision.empty() ? "main" : Revision);
  std::unique_ptr<MemoryBuffer> B = readFile(Ref);
  if (!B || !isCommit(B->getBuffer().trim()))
    return None;
  return B->getBuffer().trim().str();
}

std::unique_ptr<MemoryBuffer> HubCache::snapshotFile(StringRef ID,
                                                     StringRef Revision,
                                                     StringRef Name,
                                                     std::string *PathOut) {
  std::string Dir = repoDir(ID);
  Optional<std::string> Commit = commit(ID, Revision);
  if (Dir.empty() || !Commit)
    return nullptr;
  SmallString<256> Path(Dir);
  sys::path::append(Path, "snapshots", *Commit, Name);
  if (PathOut)
    *PathOut = std::string(Path);
  return readFile(Path);
}

const SourceFile *HubCache::registeredFile(StringRef ID, StringRef Revision,
                                           StringRef Name, SourceFiles &Files) {
  // The path as the cache spells it: not every file system names buffers.
  std::string Path;
  std::unique_ptr<MemoryBuffer> Text = snapshotFile(ID, Revision, Name, &Path);
  if (!Text)
    return nullptr;
  SourceFile &F = Files.get(Files.add(Path, Path).first);
  if (!F.Buffer)
    F.setContents(std::move(Text));
  return &F;
}

const ModelCard *HubCache::card(StringRef ID, StringRef Revision,
                                SourceFiles &Files) {
  std::string Key = (ID + "@" + Revision).str();
  auto [It, New] = Cards.try_emplace(Key);
  if (!New)
    return It->second ? &*It->second : nullptr;
  Optional<ModelCard> &Card = It->second;
  if (const SourceFile *F = registeredFile(ID, Revision, "README.md", Files))
    Card = readModelCard(*F);
  // A PEFT adapter's card often names no base: its config does.
  if (!Card || Card->BaseModels.empty())
    if (const SourceFile *F =
            registeredFile(ID, Revision, "adapter_config.json", Files))
      if (Optional<ModelCard> Adapter = readAdapterConfig(*F)) {
        if (!Card)
          Card = std::move(Adapter);
        else {
          Card->BaseModels = std::move(Adapter->BaseModels);
          Card->Relation = Adapter->Relation;
        }
      }
  return Card ? &*Card : nullptr;
}

bool HubCache::shipsCode(StringRef ID, StringRef Revision) {
  std::unique_ptr<MemoryBuffer> Config =
      snapshotFile(ID, Revision, "config.json");
  if (!Config)
    return false;
  json::ParseResult Doc = json::parse(Config->getBuffer());
  return Doc.Root && Doc.Root->get("auto_map");
}

} // namespace licit
