//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "IgnoreFiles.h"
#include "licit/Basic/TrustBoundary.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace licit {

/// Ignore files larger than this are not read: no real one comes close.
static constexpr uint64_t MaxIgnoreFileSize = 1 << 20;

bool IgnorePattern::parse(StringRef Line) {
  Line = Line.rtrim("\r");
  if (Line.empty() || Line.startswith("#"))
    return false;
  // Trailing spaces are dropped unless escaped.
  while (Line.endswith(" ") && !Line.endswith("\\ "))
    Line = Line.drop_back();
  if (Line.consume_front("!"))
    Negated = true;
  if (Line.endswith("/") && !Line.endswith("\\/")) {
    DirOnly = true;
    Line = Line.drop_back();
  }
  if (Line.empty())
    return false;
  Anchored = Line.drop_back().contains('/');
  if (Line.startswith("/"))
    Line = Line.drop_front();
  // Path syntax never fails: an unclosed '[' is literal, as in git.
  Pattern = cantFail(Glob::create(Line, Glob::Syntax::Path));
  return true;
}

bool IgnorePattern::matches(StringRef RelPath, bool IsDir) const {
  if (DirOnly && !IsDir)
    return false;
  if (Anchored)
    return Pattern->match(RelPath);
  return Pattern->match(sys::path::filename(RelPath, sys::path::Style::posix));
}

IgnoreStack::IgnoreStack(vfs::FileSystem &FS, StringRef RealRoot, bool Enabled)
    : FS(FS), Enabled(Enabled) {
  Nodes.push_back({0, "", {}});
  if (!Enabled)
    return;
  std::string Repo = findRepositoryRoot(FS, RealRoot);
  if (Repo.empty())
    return;
  // The directories from the root up to the repository's root.
  SmallVector<StringRef, 8> Chain;
  for (StringRef D = RealRoot; D.size() > Repo.size();
       D = sys::path::parent_path(D))
    Chain.push_back(D);
  Node Exclude{0, Repo, {}};
  SmallString<256> Info(Repo);
  sys::path::append(Info, ".git", "info", "exclude");
  load(Info, Exclude.Patterns);
  Nodes.push_back(std::move(Exclude));
  Base = Nodes.size() - 1;
  // The directories between the repository's root and the checked root:
  // their .gitignore files apply too.
  Chain.push_back(Repo);
  for (size_t I = Chain.size(); I-- > 1;)
    Base = enter(Chain[I], Base);
}

void IgnoreStack::load(StringRef Path, std::vector<IgnorePattern> &Out) {
  ErrorOr<vfs::Status> S = FS.status(Path);
  if (!S || S->getType() != sys::fs::file_type::regular_file ||
      S->getSize() > MaxIgnoreFileSize)
    return;
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = FS.getBufferForFile(Path);
  if (!Buffer)
    return;
  SmallVector<StringRef, 32> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n');
  for (StringRef Line : Lines) {
    IgnorePattern P;
    if (P.parse(Line))
      Out.push_back(std::move(P));
  }
}

IgnoreStack::Level IgnoreStack::enter(StringRef RealDir, Level Parent) {
  if (!Enabled)
    return 0;
  Node N{Parent, RealDir.str(), {}};
  // .ignore (ripgrep's convention) overrides .gitignore in the same place.
  for (StringRef Name : {".gitignore", ".ignore"}) {
    SmallString<256> Path(RealDir);
    sys::path::append(Path, Name);
    load(Path, N.Patterns);
  }
  if (N.Patterns.empty())
    return Parent;
  Nodes.push_back(std::move(N));
  return Nodes.size() - 1;
}

IgnoreStack::Level IgnoreStack::add(StringRef Dir, ArrayRef<StringRef> Lines,
                                    Level Parent) {
  Node N{Parent, Dir.str(), {}};
  for (StringRef Line : Lines) {
    IgnorePattern P;
    if (P.parse(Line))
      N.Patterns.push_back(std::move(P));
  }
  Nodes.push_back(std::move(N));
  return Nodes.size() - 1;
}

bool IgnoreStack::isIgnored(Level L, StringRef RealPath, bool IsDir) const {
  // The last matching pattern decides: search from the deepest file back.
  for (; L != 0; L = Nodes[L].Parent) {
    const Node &N = Nodes[L];
    StringRef Rel = RealPath;
    if (!Rel.consume_front(N.Dir) || !Rel.consume_front("/"))
      continue;
    for (auto It = N.Patterns.rbegin(); It != N.Patterns.rend(); ++It)
      if (It->matches(Rel, IsDir))
        return !It->isNegated();
  }
  return false;
}

} // namespace licit
