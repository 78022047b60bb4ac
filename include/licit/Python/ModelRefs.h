//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Model references in Python code, as a library: the Python file pass, the
/// notebook pass (one code cell at a time) and later Markdown code fences
/// all read Python through it.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_PYTHON_MODELREFS_H
#define LICIT_PYTHON_MODELREFS_H

#include "licit/Basic/SourceFiles.h"
#include "licit/Facts/FactStore.h"
#include "licit/Facts/ModelRef.h"
#include "licit/Knowledge/KnowledgeBase.h"

namespace licit::python {

/// Tokenizes \p Source and adds a ModelRef to \p Facts for every model id
/// passed to a known loader (strong context: any well-formed id) and for
/// every other string literal spelling a model \p KB knows (weak context).
/// Arguments of dataset and code-loading APIs are never model references.
/// Every range goes through \p Source, so references in decoded text land
/// on the original file's bytes.
/// Records the models \p Source names, as uses or (in documentation)
/// mentions.
void extractModelRefs(const SourceText &Source, const KnowledgeBase &KB,
                      FactStore &Facts, RefRole Role = RefRole::Use);

} // namespace licit::python

#endif // LICIT_PYTHON_MODELREFS_H
