//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Readers of the instruction-per-line files that name models: Dockerfiles
/// and Ollama Modelfiles. The extract passes read whole files with them;
/// the documentation pass reads code blocks of those languages.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_EXTRACT_INSTRUCTIONFILES_H
#define LICIT_EXTRACT_INSTRUCTIONFILES_H

#include "licit/Facts/RefRecorder.h"

namespace licit::extract {

/// Reads a Dockerfile's instructions in \p Text (a substring of the
/// recorder's source): commands in shell and exec form, ENV and ARG as
/// assignments, hub URLs in ADD and COPY. Images (FROM) are not models.
void readDockerfile(llvm::StringRef Text, RefRecorder &Refs);

/// Reads an Ollama Modelfile in \p Text: FROM (a library name, an hf.co
/// repository, a local GGUF file) and ADAPTER; the text of TEMPLATE,
/// SYSTEM, LICENSE and MESSAGE is not read.
void readModelfile(llvm::StringRef Text, RefRecorder &Refs);

} // namespace licit::extract

#endif // LICIT_EXTRACT_INSTRUCTIONFILES_H
