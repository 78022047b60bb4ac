//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "CxxAstModelRefsPass.h"
#include "licit/CFamily/ModelRefs.h"
#include "llvm/Support/Path.h"
#include <map>

using namespace llvm;

namespace licit::extract {

void CxxAstModelRefsPass::run(const SourceFile &File, const PassContext &Ctx,
                              FactStore &Facts, DiagSink &Diags) {
  if (!Ctx.Compile || !Ctx.Compile->parses(File))
    return;
  // A recorder per file of the tree the unit reads, over the text Clang
  // read; the facts go to this file's store (the driver merges them).
  struct Recording {
    Recording(FileID ID, StringRef Text, const KnowledgeBase &KB,
              FactStore &Facts)
        : Source(ID, Text), Refs(Source, KB, Facts) {}
    SourceText Source;
    RefRecorder Refs;
  };
  std::map<FileID, std::unique_ptr<Recording>> Recorders;
  auto RecorderFor = [&](StringRef AbsPath, StringRef Text) -> RefRecorder * {
    FileID ID = Ctx.Files.find(AbsPath);
    if (!ID)
      return nullptr;
    std::unique_ptr<Recording> &R = Recorders[ID];
    if (!R)
      R = std::make_unique<Recording>(ID, Text, Ctx.knowledgeFor(ID), Facts);
    return &R->Refs;
  };
  cfamily::ParseFailure Failure;
  bool Parsed = cfamily::parseModelRefs(*Ctx.Compile, File.AbsPath, File.text(),
                                        RecorderFor, Failure);
  Recorders.clear();
  if (Parsed)
    return;
  // Clang's message is quoted when its error is in the tree: one in a file
  // outside it (a header the command names) could quote that file.
  FileID At = Ctx.Files.find(Failure.File);
  std::string Why = At || Failure.File.empty()
                        ? Failure.Message
                        : "an error in a file outside the checked tree";
  Diags.report(RuleID::InputNotCompiled,
               At == File.ID ? SourceRange{At, Failure.Offset, Failure.Offset}
                             : SourceRange::wholeFile(File.ID),
               "'" + sys::path::filename(File.Path) +
                   "' does not compile with its command in " +
                   Ctx.Compile->path() + " (" + Why +
                   "); read without preprocessing instead");
  SourceText Source(File.ID, File.text());
  RefRecorder Refs(Source, Ctx.knowledgeFor(File.ID), Facts);
  cfamily::lexModelRefs(Source, Refs);
}

} // namespace licit::extract
