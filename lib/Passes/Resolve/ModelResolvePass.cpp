//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "ModelResolvePass.h"
#include "licit/Facts/ModelRef.h"
#include "licit/Facts/Resolution.h"
#include <map>

using namespace llvm;

namespace licit::resolve {

void ModelResolvePass::run(FactStore &Facts, const PassContext &Ctx,
                           DiagSink &Diags) {
  // A project names the same few models many times: resolve each once per
  // knowledge base (policies may layer different tables).
  std::map<std::pair<const KnowledgeBase *, std::string>, ModelResolution>
      Cache;
  ArrayRef<ModelRef> Refs = Facts.all<ModelRef>();
  std::vector<ModelResolution> Out;
  Out.reserve(Refs.size());
  for (unsigned I = 0; I != Refs.size(); ++I) {
    const ModelRef &Ref = Refs[I];
    const KnowledgeBase &KB = Ctx.knowledgeFor(Ref.File);
    auto Key =
        std::make_pair(&KB, (modelKindName(Ref.Kind) + ":" + Ref.ID).str());
    auto It = Cache.find(Key);
    if (It == Cache.end())
      It =
          Cache.try_emplace(Key, resolveModel(KB, Ref.Kind, Ref.ID, &Ctx.Files))
              .first;
    Out.push_back(It->second);
    Out.back().Ref = I;
  }
  for (ModelResolution &R : Out)
    Facts.add(std::move(R));
}

} // namespace licit::resolve
