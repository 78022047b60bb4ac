//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// licit's machine-readable output (docs/json-format.md, version 1): the
/// diagnostics of `licit check --format=json` and the inventory of
/// `licit models --format=json`, with one location form for both.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_OUTPUT_JSONEMITTER_H
#define LICIT_OUTPUT_JSONEMITTER_H

#include "licit/Basic/Diagnostic.h"
#include "licit/Facts/FactStore.h"

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace licit {

/// The version of the JSON documents; bumped on any incompatible change.
constexpr unsigned JsonFormatVersion = 2;

/// Writes \p Diags and the run's counts as one JSON document.
void emitDiagnosticsJson(llvm::ArrayRef<Diagnostic> Diags,
                         const SourceFiles &Files, unsigned FilesChecked,
                         unsigned Suppressed, llvm::raw_ostream &OS);

/// Writes every model reference of \p Facts with its resolution.
void emitModelsJson(const FactStore &Facts, const SourceFiles &Files,
                    llvm::raw_ostream &OS);

/// Writes the inventory for people: one entry per reference, with its
/// licence, openness and lineage.
void emitModelsText(const FactStore &Facts, const SourceFiles &Files,
                    llvm::raw_ostream &OS);

} // namespace licit

#endif // LICIT_OUTPUT_JSONEMITTER_H
