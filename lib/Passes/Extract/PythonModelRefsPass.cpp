//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "PythonModelRefsPass.h"
#include "licit/Python/ModelRefs.h"

namespace licit::extract {

void PythonModelRefsPass::run(const SourceFile &File, const PassContext &Ctx,
                              FactStore &Facts, DiagSink &Diags) {
  python::extractModelRefs(SourceText(File.ID, File.text()),
                           Ctx.knowledgeFor(File.ID), Facts);
}

} // namespace licit::extract
