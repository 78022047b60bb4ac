//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "ModelfileModelRefsPass.h"
#include "licit/Extract/InstructionFiles.h"

namespace licit::extract {

void ModelfileModelRefsPass::run(const SourceFile &File, const PassContext &Ctx,
                                 FactStore &Facts, DiagSink &Diags) {
  SourceText Source(File.ID, File.text());
  RefRecorder Refs(Source, Ctx.knowledgeFor(File.ID), Facts);
  readModelfile(Source.text(), Refs);
}

} // namespace licit::extract
