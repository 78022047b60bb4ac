//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// The built-in knowledge base: the tables licit-tblgen checked and turned
// into C++ at build time. The models table's text is embedded too, for
// provenance locations ("<builtin>/models.tsv:12:1").
//
//===----------------------------------------------------------------------===//

#include "licit/Knowledge/KnowledgeBase.h"

using namespace llvm;

namespace licit {

static const char ModelsTsv[] = {
#include "Embedded/models.tsv.inc"
    0};

std::unique_ptr<KnowledgeBase> KnowledgeBase::loadBuiltin() {
  // Function-local, so a run that needs no knowledge (--version) does not
  // construct them.
#include "Embedded/KnowledgeTables.inc"
  std::unique_ptr<KnowledgeBase> KB(new KnowledgeBase());
  MemoryBufferRef Table(StringRef(ModelsTsv, sizeof(ModelsTsv) - 1),
                        "<builtin>/models.tsv");
  KB->Licences.assign(std::begin(BuiltinLicences), std::end(BuiltinLicences));
  for (unsigned I = 0; I != KB->Licences.size(); ++I)
    KB->indexLicence(I);
  KB->Models.assign(std::begin(BuiltinModels), std::end(BuiltinModels));
  for (unsigned I = 0; I != KB->Models.size(); ++I) {
    KB->Models[I].Table = Table;
    KB->indexModel(I);
  }
  for (const Alternative &A : BuiltinAlternatives)
    KB->indexAlternative(A);
  return KB;
}

} // namespace licit
