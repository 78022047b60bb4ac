//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "CxxLexedModelRefsPass.h"
#include "licit/CFamily/ModelRefs.h"

namespace licit::extract {

void CxxLexedModelRefsPass::run(const SourceFile &File, const PassContext &Ctx,
                                FactStore &Facts, DiagSink &Diags) {
  // Clang reads these (and lexes them itself if they do not compile).
  if (Ctx.Compile && Ctx.Compile->parses(File))
    return;
  SourceText Source(File.ID, File.text());
  RefRecorder Refs(Source, Ctx.knowledgeFor(File.ID), Facts);
  cfamily::lexModelRefs(Source, Refs);
}

} // namespace licit::extract
