//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// .gitignore semantics for discovery: .gitignore and .ignore files in each
/// directory, and .git/info/exclude of the enclosing repository, with git's
/// rules (gitignore(5)): negation, anchoring, directory-only patterns, "**",
/// the last matching pattern deciding, deeper files overriding shallower
/// ones. Patterns are Glob's path syntax, matched in linear time.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_LIB_DRIVER_IGNOREFILES_H
#define LICIT_LIB_DRIVER_IGNOREFILES_H

#include "licit/Basic/Glob.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <string>
#include <vector>

namespace licit {

/// One line of an ignore file, compiled.
class IgnorePattern {
public:
  /// Parses one line. \returns false for blank lines and comments.
  bool parse(llvm::StringRef Line);

  /// \returns true when the pattern matches \p RelPath (relative to the
  /// ignore file's directory, '/'-separated); \p IsDir says whether it
  /// names a directory.
  bool matches(llvm::StringRef RelPath, bool IsDir) const;

  bool isNegated() const { return Negated; }

private:
  llvm::Optional<Glob> Pattern;
  bool Negated = false;
  bool DirOnly = false;
  /// Contains a '/' before its end: matched against the whole relative
  /// path, else against the last component only.
  bool Anchored = false;
};

/// The ignore rules in force while walking a tree.
class IgnoreStack {
public:
  /// A directory's rules: an index into the stack's nodes; 0 is none.
  using Level = unsigned;

  /// Prepares the walk of \p RealRoot: the rules of the directories from
  /// the enclosing repository's root (if any) down to \p RealRoot's parent,
  /// and the repository's .git/info/exclude. With \p Enabled false, nothing
  /// is ever ignored.
  IgnoreStack(llvm::vfs::FileSystem &FS, llvm::StringRef RealRoot,
              bool Enabled);

  /// The rules in force above the checked root.
  Level root() const { return Base; }

  /// \returns the level for directory \p RealDir, inside \p Parent: its
  /// .gitignore and .ignore added.
  Level enter(llvm::StringRef RealDir, Level Parent);

  /// \returns a level with \p Lines (ignore-file syntax, relative to
  /// \p Dir) over \p Parent, whether or not ignore files are enabled.
  Level add(llvm::StringRef Dir, llvm::ArrayRef<llvm::StringRef> Lines,
            Level Parent);

  /// \returns true when \p RealPath, an entry of the directory at \p L, is
  /// ignored.
  bool isIgnored(Level L, llvm::StringRef RealPath, bool IsDir) const;

private:
  struct Node {
    Level Parent;
    std::string Dir;
    std::vector<IgnorePattern> Patterns;
  };
  void load(llvm::StringRef Path, std::vector<IgnorePattern> &Out);

  llvm::vfs::FileSystem &FS;
  bool Enabled;
  /// Node 0 is the sentinel "no rules".
  std::vector<Node> Nodes;
  /// The level the root directory's own rules go under.
  Level Base = 0;
};

} // namespace licit

#endif // LICIT_LIB_DRIVER_IGNOREFILES_H
