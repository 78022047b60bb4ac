//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// `licit explain RULE|LICENCE|MODEL` and `licit --list-rules`: what licit
/// knows, as the policy governing a path applies it.
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_DRIVER_EXPLAIN_H
#define LICIT_DRIVER_EXPLAIN_H

#include "licit/Basic/SourceFiles.h"
#include "llvm/Support/Error.h"

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace licit {

class CompiledPolicy;

/// Writes the rule's page, a licence's traits with their sources, or a
/// model's licence, openness, lineage and alternatives, for \p What (a rule
/// id, a licence id, or a model id, "ollama:" or "weights:" prefixed for
/// those kinds), with the severities of \p Policy. \returns an error when
/// licit knows no such thing.
llvm::Error explain(llvm::StringRef What, const CompiledPolicy &Policy,
                    SourceFiles &Files, llvm::raw_ostream &OS);

/// Writes every rule with its severity under \p Policy and where that was
/// set (--list-rules).
void listRules(const CompiledPolicy &Policy, const SourceFiles &Files,
               llvm::raw_ostream &OS);

} // namespace licit

#endif // LICIT_DRIVER_EXPLAIN_H
