//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// licit's renderers: pure functions of the final diagnostics (sorted,
/// severities resolved) and the files they point into, one per output
/// format, as clangd's toLSPDiags is. Human formats go to one stream,
/// machine formats to another (--output).
///
//===----------------------------------------------------------------------===//

#ifndef LICIT_OUTPUT_EMITTERS_H
#define LICIT_OUTPUT_EMITTERS_H

#include "licit/Basic/Diagnostic.h"
#include "licit/Facts/FactStore.h"

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace licit {

struct ModelResolution;

/// What a run did besides its findings, for summaries and machine output.
struct RunInfo {
  unsigned FilesChecked = 0;
  /// Findings hidden, by what hid them.
  unsigned SuppressedInline = 0;
  unsigned SuppressedByPolicy = 0;
  unsigned SuppressedByBaseline = 0;
  /// --fix ran; with --unsafe-fixes or not.
  bool Fixing = false;
  bool UnsafeFixes = false;
  /// How C and C++ files were read, when any were checked: parsed by
  /// Clang with CompileCommands (a compile_commands.json), or lexed.
  enum class CxxMode : unsigned char { None, Clang, Lexer };
  CxxMode Cxx = CxxMode::None;
  std::string CompileCommands;

  unsigned suppressed() const {
    return SuppressedInline + SuppressedByPolicy + SuppressedByBaseline;
  }
};

/// --format=full prints each finding as clang does; one reference that
/// breaks several rules is one block (the most severe finding with its
/// source line, the others a line each beneath it), and a note already
/// shown is not shown again. --format=concise prints one line per finding.
enum class TextStyle { Full, Concise };

/// Prints \p Diags, whose locations are files of \p Files.
void emitText(llvm::ArrayRef<Diagnostic> Diags, const SourceFiles &Files,
              llvm::raw_ostream &OS, bool Colors,
              TextStyle Style = TextStyle::Full);

/// Prints one message of licit's own at \p Range, as a line of the concise
/// style without a rule id (a fix that --fix could not apply).
void emitMessage(const SourceFiles &Files, llvm::raw_ostream &OS, bool Colors,
                 SourceRange Range, Severity Level, const llvm::Twine &Message);

/// Prints the closing lines: the counts ("2 errors and 1 warning generated
/// (12 files checked)."), or under --fix "3 fixed, 2 remaining: ...", then
/// what --fix or --unsafe-fixes would do.
void emitSummary(llvm::ArrayRef<Diagnostic> Diags, const RunInfo &Run,
                 llvm::raw_ostream &OS);

/// The version of the JSON documents (docs/json-format.md); bumped on any
/// incompatible change.
constexpr unsigned JsonFormatVersion = 3;

/// Writes \p Diags and the run's counts as one JSON document.
void emitDiagnosticsJson(llvm::ArrayRef<Diagnostic> Diags,
                         const SourceFiles &Files, const RunInfo &Run,
                         llvm::raw_ostream &OS);

/// Writes one SARIF 2.1.0 log with one run; URIs are relative to
/// %SRCROOT%, which is \p SourceRoot (an absolute directory).
void emitSarif(llvm::ArrayRef<Diagnostic> Diags, const SourceFiles &Files,
               llvm::StringRef SourceRoot, llvm::raw_ostream &OS);

/// Writes one GitHub Actions workflow command per finding
/// ("::error file=app.py,line=3,col=5,title=licence-mau-cap::message").
void emitGithub(llvm::ArrayRef<Diagnostic> Diags, const SourceFiles &Files,
                llvm::raw_ostream &OS);

/// Writes each finding's location line and its first fix's edits as
/// clang's -fdiagnostics-parseable-fixits lines
/// (fix-it:"app.py":{3:5-3:20}:"text").
void emitParseableFixits(llvm::ArrayRef<Diagnostic> Diags,
                         const SourceFiles &Files, llvm::raw_ostream &OS);

/// Writes the fixes clang-apply-replacements applies (--export-fixes): the
/// YAML of clang-tidy's --export-fixes, one diagnostic per finding with a
/// fix that --fix would apply (\p Unsafe: unsafe ones too).
void emitFixesYaml(llvm::ArrayRef<Diagnostic> Diags, const SourceFiles &Files,
                   bool Unsafe, llvm::raw_ostream &OS);

/// Writes every model reference of \p Facts with its resolution.
void emitModelsJson(const FactStore &Facts, const SourceFiles &Files,
                    llvm::raw_ostream &OS);

/// Writes what a model reference resolves to, for people: its licence,
/// openness and lineage, indented under the reference.
void emitResolutionText(const ModelResolution &R, const SourceFiles &Files,
                        llvm::raw_ostream &OS);

/// Writes the inventory for people: one entry per reference, with its
/// licence, openness and lineage.
void emitModelsText(const FactStore &Facts, const SourceFiles &Files,
                    llvm::raw_ostream &OS);

/// Writes every dependency of \p Facts with its resolved licence.
void emitDepsJson(const FactStore &Facts, const SourceFiles &Files,
                  llvm::raw_ostream &OS);

/// Writes the dependency inventory for people: one entry per declared
/// dependency, with its licence and where that came from.
void emitDepsText(const FactStore &Facts, const SourceFiles &Files,
                  llvm::raw_ostream &OS);

} // namespace licit

#endif // LICIT_OUTPUT_EMITTERS_H
