//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Finds the models C and C++ code loads, two ways over one API table
/// (LoaderApis.def): Clang's raw lexer over one file, and LibTooling with
/// AST matchers over a translation unit a compilation database describes.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_CFAMILY_MODELREFS_H
#define LICIT_CFAMILY_MODELREFS_H

#include "licit/Facts/RefRecorder.h"
#include <memory>
#include <string>

namespace clang::tooling {
class CompilationDatabase;
} // namespace clang::tooling

namespace licit::cfamily {

/// Lexes \p Source without preprocessing and records: string literals
/// passed to a loader of the table (directly, as a `?:` branch, or through
/// a variable, field or macro of the file initialised with one), and the
/// strings model-named variables and fields are initialised with. A
/// TorchScript load of a path the file does not name adds a LoadRisk.
void lexModelRefs(const SourceText &Source, RefRecorder &Refs);

/// A project's compilation database (compile_commands.json).
class CompileCommands {
public:
  /// Reads the database in \p Dir. \returns null, with \p Error set, when
  /// there is none or it does not read.
  static std::unique_ptr<CompileCommands> load(llvm::StringRef Dir,
                                               std::string &Error);
  /// The database beside the project: in \p Root or its build/ directory,
  /// or in those of its parents up to the working directory when \p Root
  /// is under it.
  static std::unique_ptr<CompileCommands> find(llvm::StringRef Root,
                                               std::string &Error);
  ~CompileCommands();

  /// Whether the database compiles the file at \p AbsPath.
  bool compiles(llvm::StringRef AbsPath) const;
  /// Whether \p File is read through Clang: the database compiles it and
  /// it mentions a loader of the table. The raw lexer reads the others.
  bool parses(const SourceFile &File) const;
  /// The database's file, for messages (relative to the working
  /// directory when it is under it).
  llvm::StringRef path() const { return Path; }
  const clang::tooling::CompilationDatabase &database() const { return *DB; }

private:
  CompileCommands(std::unique_ptr<clang::tooling::CompilationDatabase> DB,
                  std::string Path);
  std::unique_ptr<clang::tooling::CompilationDatabase> DB;
  std::string Path;
};

/// Why a translation unit was not parsed.
struct ParseFailure {
  /// Where Clang's first error is (an absolute path), and its message.
  std::string File;
  unsigned Offset = 0;
  std::string Message;
};

/// Parses the translation unit of the file at \p AbsPath, whose text is
/// \p Text, with its command from \p DB and records what flows into the table's
/// loaders, wherever the file and the headers it includes write it. \p
/// RecorderFor gives the recorder of a file in the tree by absolute path (null
/// for a file outside it), its text as Clang read it. \returns false, with \p
/// Failure set, when Clang reports an error: nothing is recorded then.
bool parseModelRefs(const CompileCommands &DB, llvm::StringRef AbsPath,
                    llvm::StringRef Text,
                    llvm::function_ref<RefRecorder *(llvm::StringRef AbsPath,
                                                     llvm::StringRef Text)>
                        RecorderFor,
                    ParseFailure &Failure);

} // namespace licit::cfamily

#endif // LICIT_CFAMILY_MODELREFS_H
