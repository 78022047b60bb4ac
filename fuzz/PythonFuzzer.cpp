//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// Fuzzes the Python tokenizer and model-reference extractor.
//
//===----------------------------------------------------------------------===//

#include "licit/Facts/ModelRef.h"
#include "licit/Python/ModelRefs.h"
#include "licit/Python/Tokenizer.h"

using namespace licit;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static const std::unique_ptr<KnowledgeBase> KB = KnowledgeBase::loadBuiltin();
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  for (const python::Token &T : python::tokenize(Text))
    (void)python::stringValue(T);
  FactStore Facts;
  python::extractModelRefs(SourceText(1, Text), *KB, Facts);
  for (const ModelRef &Ref : Facts.all<ModelRef>())
    if (Ref.Range.End > Size || Ref.Range.Begin > Ref.Range.End)
      __builtin_trap(); // A reference outside the text.
  return 0;
}
