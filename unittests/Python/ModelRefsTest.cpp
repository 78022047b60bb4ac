//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Python/ModelRefs.h"
#include "licit/Facts/ModelRef.h"
#include "gtest/gtest.h"

using namespace llvm;

namespace licit::python {
namespace {

std::vector<std::string> idsIn(StringRef Code) {
  static const std::unique_ptr<KnowledgeBase> KB = KnowledgeBase::loadBuiltin();
  FactStore Facts;
  extractModelRefs(SourceText(1, Code), *KB, Facts);
  std::vector<std::string> IDs;
  for (const ModelRef &Ref : Facts.all<ModelRef>())
    IDs.push_back(Ref.ID);
  return IDs;
}

// Found by licit-python-fuzzer: arguments that are not expressions.
TEST(ModelRefsTest, MalformedArgumentsAreSkipped) {
  EXPECT_EQ(idsIn("load_dataset(a=)\n"), std::vector<std::string>{});
  EXPECT_EQ(idsIn("hf_hub_download(repo_type=, repo_id=)\n"),
            std::vector<std::string>{});
  EXPECT_EQ(idsIn("AutoModel.from_pretrained(\"acme/b\",)\n"),
            std::vector<std::string>{"acme/b"});
}

} // namespace
} // namespace licit::python
