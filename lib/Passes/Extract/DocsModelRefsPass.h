//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Finds the models Markdown and reStructuredText documentation mentions.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_LIB_PASSES_EXTRACT_DOCSMODELREFSPASS_H
#define LICIT_LIB_PASSES_EXTRACT_DOCSMODELREFSPASS_H

#include "licit/Pass/Pass.h"

namespace licit::extract {

/// Reads Markdown and reStructuredText: code blocks (fenced; reST
/// directives and "::" literal blocks) through the extractor of their
/// language, prose for hub URLs and known model ids. Every reference is a
/// mention.
class DocsModelRefsPass : public FilePass {
public:
  static llvm::ArrayRef<RuleID> rules() { return {}; }
  bool accepts(const SourceFile &File) const override {
    return File.Kinds.contains(FileKind::Markdown) ||
           File.Kinds.contains(FileKind::Rst);
  }
  void run(const SourceFile &File, const PassContext &Ctx, FactStore &Facts,
           DiagSink &Diags) override;
};

} // namespace licit::extract

#endif // LICIT_LIB_PASSES_EXTRACT_DOCSMODELREFSPASS_H
