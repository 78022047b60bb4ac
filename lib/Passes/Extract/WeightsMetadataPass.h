//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Reads what GGUF and safetensors files say about themselves (licence,
/// name, base models) without loading weights, and records each such file
/// as a model the project ships.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_LIB_PASSES_EXTRACT_WEIGHTSMETADATAPASS_H
#define LICIT_LIB_PASSES_EXTRACT_WEIGHTSMETADATAPASS_H

#include "licit/Pass/Pass.h"

namespace licit::extract {

/// The header and metadata are read through a mapping, bounded by the
/// header's declared size; a file whose header does not read is
/// input-malformed, located at the byte where it stops making sense.
class WeightsMetadataPass : public FilePass {
public:
  static llvm::ArrayRef<RuleID> rules();
  bool accepts(const SourceFile &File) const override {
    return File.Kinds.contains(FileKind::Gguf) ||
           File.Kinds.contains(FileKind::Safetensors);
  }
  void run(const SourceFile &File, const PassContext &Ctx, FactStore &Facts,
           DiagSink &Diags) override;
};

} // namespace licit::extract

#endif // LICIT_LIB_PASSES_EXTRACT_WEIGHTSMETADATAPASS_H
