//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "ShellModelRefsPass.h"
#include "licit/Shell/ModelRefs.h"

namespace licit::extract {

void ShellModelRefsPass::run(const SourceFile &File, const PassContext &Ctx,
                             FactStore &Facts, DiagSink &Diags) {
  SourceText Text(File.ID, File.text());
  RefRecorder Refs(Text, Ctx.knowledgeFor(File.ID), Facts);
  shell::CommandReader(Refs).readText(Text.text());
}

} // namespace licit::extract
