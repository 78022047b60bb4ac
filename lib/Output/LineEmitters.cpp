//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// The line-oriented machine formats: GitHub Actions workflow commands and
// clang's parseable fix-its.
//
//===----------------------------------------------------------------------===//

#include "licit/Output/Emitters.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace licit {

/// Escapes a workflow command's message (\p Property false) or property
/// value, as the Actions toolkit's escapeData and escapeProperty do.
static std::string escapeWorkflow(StringRef S, bool Property) {
  std::string Out;
  for (char C : S)
    if (C == '%')
      Out += "%25";
    else if (C == '\r')
      Out += "%0D";
    else if (C == '\n')
      Out += "%0A";
    else if (Property && C == ':')
      Out += "%3A";
    else if (Property && C == ',')
      Out += "%2C";
    else
      Out += C;
  return Out;
}

void emitGithub(ArrayRef<Diagnostic> Diags, const SourceFiles &Files,
                raw_ostream &OS) {
  for (const Diagnostic &D : Diags) {
    OS << "::"
       << (D.Level == Severity::Error     ? "error"
           : D.Level == Severity::Warning ? "warning"
                                          : "notice")
       << " file=" << escapeWorkflow(Files.path(D.Range.File), true);
    if (D.Range.hasOffsets() && Files.get(D.Range.File).Buffer) {
      Position B = Files.position(D.Range.File, D.Range.Begin);
      Position E = Files.position(D.Range.File, D.Range.End);
      OS << ",line=" << B.Line << ",endLine=" << E.Line;
      // Columns only within one line, as the annotation API allows.
      if (B.Line == E.Line)
        OS << ",col=" << B.Utf16Column << ",endColumn=" << E.Utf16Column;
    }
    OS << ",title=" << escapeWorkflow(getRuleInfo(D.Rule).Name, true) << "::";
    // An annotation is all a reader sees: the notes and fixes go in it.
    std::string Message =
        D.Message + " [" + getRuleInfo(D.Rule).Name.str() + "]";
    for (const Note &N : D.Notes) {
      Message += "\nnote: ";
      if (N.Range.hasFile() && N.Range.hasOffsets() &&
          Files.get(N.Range.File).Buffer) {
        Position P = Files.position(N.Range.File, N.Range.Begin);
        Message +=
            (Files.path(N.Range.File) + ":" + Twine(P.Line) + ": ").str();
      }
      Message += N.Message;
    }
    for (const Fix &F : D.Fixes)
      Message +=
          ("\nfix (" + applicabilityName(F.Safety) + "): " + F.Title).str();
    OS << escapeWorkflow(Message, false) << "\n";
  }
}

void emitParseableFixits(ArrayRef<Diagnostic> Diags, const SourceFiles &Files,
                         raw_ostream &OS) {
  for (const Diagnostic &D : Diags) {
    emitText(D, Files, OS, /*Colors=*/false, TextStyle::Concise);
    // The fix a tool may apply: the first that is not display-only.
    const Fix *F = find_if(D.Fixes, [](const Fix &F) {
      return F.Safety != Applicability::DisplayOnly;
    });
    if (F == D.Fixes.end())
      continue;
    for (const Edit &E : F->Edits) {
      Position B = Files.position(E.Range.File, E.Range.Begin);
      Position End = Files.position(E.Range.File, E.Range.End);
      OS << "fix-it:\"";
      OS.write_escaped(Files.path(E.Range.File));
      OS << "\":{" << B.Line << ':' << B.Column << '-' << End.Line << ':'
         << End.Column << "}:\"";
      OS.write_escaped(E.Text);
      OS << "\"\n";
    }
  }
}

} // namespace licit
