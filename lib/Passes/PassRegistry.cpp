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
#include "Check/DepAdvisoriesPass.h"
#include "Check/DepBansPass.h"
#include "Check/DepLicencesPass.h"
#include "Check/DepPinsPass.h"
#include "Check/LicenceTermsPass.h"
#include "Check/LoadSecurityPass.h"
#include "Check/PickleImportsPass.h"
#include "Extract/ConfigModelRefsPass.h"
#include "Extract/CxxAstModelRefsPass.h"
#include "Extract/CxxLexedModelRefsPass.h"
#include "Extract/DependenciesPass.h"
#include "Extract/DockerfileModelRefsPass.h"
#include "Extract/DocsModelRefsPass.h"
#include "Extract/JavaScriptModelRefsPass.h"
#include "Extract/MakefileModelRefsPass.h"
#include "Extract/ModelCardsPass.h"
#include "Extract/ModelfileModelRefsPass.h"
#include "Extract/NotebookModelRefsPass.h"
#include "Extract/PythonModelRefsPass.h"
#include "Extract/ShellModelRefsPass.h"
#include "Extract/WeightsMetadataPass.h"
#include "Resolve/DependencyResolvePass.h"
#include "Resolve/ModelResolvePass.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace licit {

FilePass::~FilePass() = default;
ProjectPass::~ProjectPass() = default;

static const PassInfo Passes[] = {
#define LICIT_FILE_PASS(Name, Class, Summary)                                  \
  {Name, Summary, PassPhase::Extract, Class::rules()},
#define LICIT_RESOLVE_PASS(Name, Class, Summary)                               \
  {Name, Summary, PassPhase::Resolve, Class::rules()},
#define LICIT_PROJECT_PASS(Name, Class, Summary)                               \
  {Name, Summary, PassPhase::Check, Class::rules()},
#include "Passes.def"
};

ArrayRef<PassInfo> allPasses() { return Passes; }

Pipeline createPipeline(const GlobList &Selection) {
  bool AnyCheck = any_of(
      Passes,
      [&](const PassInfo &P) {
        return P.Phase == PassPhase::Check && Selection.contains(P.Name);
      });
  auto Selected = [&](const PassInfo &P) {
    return Selection.contains(P.Name) ||
           (AnyCheck && P.Phase == PassPhase::Resolve);
  };
  Pipeline P;
  const PassInfo *Info = Passes;
#define LICIT_FILE_PASS(Name, Class, Summary)                                  \
  if (Selected(*Info))                                                         \
    P.FilePasses.push_back({Info, std::make_unique<Class>()});                 \
  ++Info;
#define LICIT_RESOLVE_PASS(Name, Class, Summary)                               \
  if (Selected(*Info))                                                         \
    P.ProjectPasses.push_back({Info, std::make_unique<Class>()});              \
  ++Info;
#define LICIT_PROJECT_PASS(Name, Class, Summary)                               \
  if (Selected(*Info))                                                         \
    P.ProjectPasses.push_back({Info, std::make_unique<Class>()});              \
  ++Info;
#include "Passes.def"
  return P;
}

Error checkPassSelection(const GlobList &Selection) {
  SmallVector<StringRef, 8> Names;
  for (const PassInfo &P : Passes)
    Names.push_back(P.Name);
  if (Optional<StringRef> Glob = Selection.unmatchedGlob(Names))
    return createStringError(inconvertibleErrorCode(),
                             "no pass matches '" + *Glob +
                                 "'; the passes are " + join(Names, ", "));
  return Error::success();
}

} // namespace licit
