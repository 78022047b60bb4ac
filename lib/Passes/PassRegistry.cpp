//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// The only place passes are registered: Passes.def expanded twice, once
// into the info table and once into the factory.
//
//===----------------------------------------------------------------------===//

#include "licit/Pass/PassRegistry.h"
#include "Check/LicenceTermsPass.h"
#include "Extract/PythonModelRefsPass.h"

using namespace llvm;

namespace licit {

FilePass::~FilePass() = default;
ProjectPass::~ProjectPass() = default;

static const PassInfo Passes[] = {
#define LICIT_FILE_PASS(Name, Class, Summary)                                  \
  {Name, Summary, true, Class::rules()},
#define LICIT_PROJECT_PASS(Name, Class, Summary)                               \
  {Name, Summary, false, Class::rules()},
#include "Passes.def"
};

ArrayRef<PassInfo> allPasses() { return Passes; }

Pipeline createPipeline(const GlobList &Selection) {
  Pipeline P;
  const PassInfo *Info = Passes;
#define LICIT_FILE_PASS(Name, Class, Summary)                                  \
  if (Selection.contains(Name))                                                \
    P.FilePasses.push_back({Info, std::make_unique<Class>()});                 \
  ++Info;
#define LICIT_PROJECT_PASS(Name, Class, Summary)                               \
  if (Selection.contains(Name))                                                \
    P.ProjectPasses.push_back({Info, std::make_unique<Class>()});              \
  ++Info;
#include "Passes.def"
  return P;
}

} // namespace licit
