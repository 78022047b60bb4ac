//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// licit-tblgen LICENCES MODELS ALTERNATIVES -o OUT: checks the knowledge
// tables cell by cell (a malformed one fails the build with its
// file:line:column) and writes them as C++ for licit to embed.
//
//===----------------------------------------------------------------------===//

#include "licit/Knowledge/KnowledgeBase.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"

using namespace llvm;
using namespace licit;

static cl::list<std::string> Tables(cl::Positional, cl::OneOrMore,
                                    cl::desc("<licences> <models> "
                                             "<alternatives>"));
static cl::opt<std::string> Output("o", cl::Required, cl::desc("Output file"),
                                   cl::value_desc("file"));

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  cl::ParseCommandLineOptions(argc, argv, "licit knowledge table generator\n");
  if (Tables.size() != 3) {
    WithColor::error(errs(), "licit-tblgen")
        << "expected the licences, models and alternatives tables\n";
    return 1;
  }
  std::unique_ptr<MemoryBuffer> Buffers[3];
  for (unsigned I = 0; I != 3; ++I) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> B =
        MemoryBuffer::getFile(Tables[I], /*IsText=*/true);
    if (!B) {
      WithColor::error(errs(), "licit-tblgen")
          << Tables[I] << ": " << B.getError().message() << "\n";
      return 1;
    }
    Buffers[I] = std::move(*B);
  }
  Expected<std::unique_ptr<KnowledgeBase>> KB =
      KnowledgeBase::load(*Buffers[0], *Buffers[1], *Buffers[2]);
  if (!KB) {
    WithColor::error(errs(), "licit-tblgen")
        << toString(KB.takeError()) << "\n";
    return 1;
  }
  std::error_code EC;
  ToolOutputFile Out(Output, EC, sys::fs::OF_Text);
  if (EC) {
    WithColor::error(errs(), "licit-tblgen")
        << Output << ": " << EC.message() << "\n";
    return 1;
  }
  (*KB)->emitCxx(Out.os());
  Out.keep();
  return 0;
}
