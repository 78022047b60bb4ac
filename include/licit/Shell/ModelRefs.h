//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Finds the models shell commands name: model flags ("--model x",
/// "--model_name_or_path=x", llama.cpp's "-m" and "-hf"), the tools'
/// positional forms ("vllm serve x", "ollama pull x", "hf download x"),
/// environment assignments ("MODEL_ID=x", "export BASE_MODEL=x", defaults
/// in "${MODEL:-x}"), variables passed to model flags, and hub URLs
/// anywhere. Shell scripts, Dockerfiles, Makefiles, .env files, CI and
/// compose commands and notebook "!" lines all come through here.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_SHELL_MODELREFS_H
#define LICIT_SHELL_MODELREFS_H

#include "licit/Facts/RefRecorder.h"
#include "licit/Shell/Words.h"
#include "llvm/ADT/StringMap.h"

namespace licit::shell {

class CommandReader {
public:
  explicit CommandReader(RefRecorder &Refs) : Refs(Refs) {}

  /// Reads shell text, command by command.
  void readText(llvm::StringRef Text);
  /// Reads one command given as words (a Dockerfile's exec form, a
  /// compose "command:" list).
  void readCommand(llvm::ArrayRef<Word> Words);
  /// Reads an assignment of \p Value to the variable \p Name (spelled by
  /// the source's \p Name): ".env" lines, Dockerfile ENV and ARG, compose
  /// "environment:". A variable that names a model is a reference; any
  /// variable may later reach a model flag.
  void assign(llvm::StringRef Name, const Word &Value);
  /// Reads "NAME=value" given as one word; \returns false when it is not
  /// an assignment.
  bool assignWord(const Word &W);

private:
  struct Value {
    std::string Text;
    llvm::StringRef Literal;
  };
  /// The values \p W can take: itself, or what its variable was assigned,
  /// or the default of a "${NAME:-default}".
  llvm::SmallVector<Value, 2> valuesOf(const Word &W) const;
  void recordWord(const Word &W, RefSite Site);

  RefRecorder &Refs;
  llvm::StringMap<llvm::SmallVector<Value, 1>> Variables;
};

} // namespace licit::shell

#endif // LICIT_SHELL_MODELREFS_H
