//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "ModelResolvePass.h"
#include "licit/Facts/ModelRef.h"
#include "licit/Facts/Resolution.h"
#include "llvm/ADT/StringMap.h"

using namespace llvm;

namespace licit::resolve {

void ModelResolvePass::run(FactStore &Facts, const PassContext &Ctx,
                           DiagSink &Diags) {
  // A project names the same few models many times: resolve each once.
  StringMap<ModelResolution> Cache;
  ArrayRef<ModelRef> Refs = Facts.all<ModelRef>();
  std::vector<ModelResolution> Out;
  Out.reserve(Refs.size());
  for (unsigned I = 0; I != Refs.size(); ++I) {
    const ModelRef &Ref = Refs[I];
    std::string Key = (modelKindName(Ref.Kind) + ":" + Ref.ID).str();
    auto It = Cache.find(Key);
    if (It == Cache.end())
      It = Cache
               .try_emplace(Key,
                            resolveModel(Ctx.KB, Ref.Kind, Ref.ID, &Ctx.Files))
               .first;
    Out.push_back(It->second);
    Out.back().Ref = I;
  }
  for (ModelResolution &R : Out)
    Facts.add(std::move(R));
}

} // namespace licit::resolve
