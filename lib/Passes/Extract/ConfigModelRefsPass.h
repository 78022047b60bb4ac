//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Finds the models config files name: YAML (training, serving, compose,
/// CI, Kubernetes), JSON (config.json, adapter_config.json, arguments),
/// TOML and INI.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_LIB_PASSES_EXTRACT_CONFIGMODELREFSPASS_H
#define LICIT_LIB_PASSES_EXTRACT_CONFIGMODELREFSPASS_H

#include "licit/Pass/Pass.h"

namespace licit::extract {

/// Reads each config format into one located tree (config::Node) and the
/// tree through config::extractModelRefs. A file that does not parse gets
/// an input-malformed warning, except a template (Helm, Jinja), which is
/// not meant to parse before rendering.
class ConfigModelRefsPass : public FilePass {
public:
  static llvm::ArrayRef<RuleID> rules();
  bool accepts(const SourceFile &File) const override;
  void run(const SourceFile &File, const PassContext &Ctx, FactStore &Facts,
           DiagSink &Diags) override;
};

} // namespace licit::extract

#endif // LICIT_LIB_PASSES_EXTRACT_CONFIGMODELREFSPASS_H
