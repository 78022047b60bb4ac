//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// SARIF 2.1.0 (OASIS): one run; rules from Rules.def; a result per finding
// above note level, its notes as relatedLocations, its fixes as
// artifactChanges; UTF-16 columns; URIs relative to %SRCROOT%.
//
//===----------------------------------------------------------------------===//

#include "licit/Formats/Json.h"
#include "licit/Output/Emitters.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace licit {

namespace {
class SarifWriter {
public:
  SarifWriter(const SourceFiles &Files, StringRef Root, raw_ostream &OS)
      : Files(Files), Root(Root), J(OS, 2) {}

  void write(ArrayRef<Diagnostic> Diags);

private:
  void writeRules();
  void writeResult(const Diagnostic &D);
  /// {"uri", "uriBaseId"} of a file in the tree.
  void writeArtifact(FileID File);
  /// A region with UTF-16 columns, as attribute \p Key.
  void writeRegion(llvm::StringRef Key, SourceRange R);
  /// A fix: its description and, for its file, its replacements.
  void writeFix(const Fix &F);
  /// A physicalLocation, or nothing for a built-in file (which has no
  /// URI): \returns whether one was written.
  bool writePhysical(SourceRange R);

  const SourceFiles &Files;
  std::string Root;
  llvm::json::OStream J;
};
} // namespace

static std::string text(StringRef S) { return licit::json::writable(S); }

/// Percent-encodes what a URI path may not hold as is (RFC 3986).
static std::string uriPath(StringRef Path) {
  std::string Out;
  for (unsigned char C : Path)
    if (isAlnum(C) || StringRef("/-._~!$&'()*+,;=:@").contains(C))
      Out += C;
    else
      Out += "%" + utohexstr(C, /*LowerCase=*/false, /*Width=*/2);
  return Out;
}

static StringRef levelOf(Severity S) {
  switch (S) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  case Severity::Note:
  case Severity::Off:
    return "note";
  }
  llvm_unreachable("unknown severity");
}

void SarifWriter::writeArtifact(FileID File) {
  const SourceFile &F = Files.get(File);
  std::string Rel = pathRelativeTo(F.AbsPath, Root);
  J.attributeObject("artifactLocation", [&] {
    if (sys::path::is_absolute(Rel)) {
      J.attribute("uri", "file://" + uriPath(sys::path::convert_to_slash(Rel)));
      return;
    }
    J.attribute("uri", uriPath(Rel));
    J.attribute("uriBaseId", "%SRCROOT%");
  });
}

void SarifWriter::writeRegion(StringRef Key, SourceRange R) {
  Position B = Files.position(R.File, R.Begin);
  Position E = Files.position(R.File, R.End);
  J.attributeObject(Key, [&] {
    J.attribute("startLine", B.Line);
    J.attribute("startColumn", B.Utf16Column);
    J.attribute("endLine", E.Line);
    J.attribute("endColumn", E.Utf16Column);
  });
}

bool SarifWriter::writePhysical(SourceRange R) {
  if (!R.hasFile() || Files.get(R.File).Builtin)
    return false;
  J.attributeObject("physicalLocation", [&] {
    writeArtifact(R.File);
    if (R.hasOffsets() && Files.get(R.File).Buffer)
      writeRegion("region", R);
  });
  return true;
}

void SarifWriter::writeFix(const Fix &F) {
  J.object([&] {
    J.attributeObject(
        "description",
        [&] {
          J.attribute(
              "text",
              text((F.Title + " (" + applicabilityName(F.Safety) + ")").str()));
        });
    J.attributeArray(
        "artifactChanges",
        [&] {
          J.object([&] {
            writeArtifact(F.Edits.front().Range.File);
            J.attributeArray(
                "replacements",
                [&] {
                  for (const Edit &E : F.Edits)
                    J.object([&] {
                      writeRegion("deletedRegion", E.Range);
                      J.attributeObject(
                          "insertedContent",
                          [&] { J.attribute("text", text(E.Text)); });
                    });
                });
          });
        });
  });
}

void SarifWriter::writeRules() {
  J.attributeArray(
      "rules",
      [&] {
        for (const RuleInfo &R : allRules())
          J.object([&] {
            J.attribute("id", R.Name);
            J.attributeObject(
                "shortDescription", [&] { J.attribute("text", R.Summary); });
            J.attributeObject(
                "fullDescription",
                [&] { J.attribute("text", ruleDescription(R.ID)); });
            J.attributeObject(
                "help",
                [&] {
                  J.attribute("text", R.Summary);
                  if (StringRef Page = rulePage(R.ID); !Page.empty())
                    J.attribute("markdown", Page);
                });
            J.attribute("helpUri", ruleHelpUrl(R.ID));
            J.attributeObject(
                "defaultConfiguration",
                [&] {
                  if (R.DefaultSeverity == Severity::Off)
                    J.attribute("enabled", false);
                  else
                    J.attribute("level", levelOf(R.DefaultSeverity));
                });
          });
      });
}

void SarifWriter::writeResult(const Diagnostic &D) {
  J.object([&] {
    J.attribute("ruleId", getRuleInfo(D.Rule).Name);
    J.attribute("ruleIndex", static_cast<unsigned>(D.Rule));
    J.attribute("level", levelOf(D.Level));
    J.attributeObject(
        "message", [&] { J.attribute("text", text(D.Message)); });
    J.attributeArray(
        "locations", [&] { J.object([&] { writePhysical(D.Range); }); });
    if (!D.Notes.empty() || !D.Secondary.empty())
      J.attributeArray(
          "relatedLocations",
          [&] {
            unsigned ID = 0;
            for (const Note &N : D.Notes)
              J.object([&] {
                J.attribute("id", ID++);
                std::string Message = N.Message;
                // A built-in policy has no URI: its place goes in the text.
                if (N.Range.hasFile() && !writePhysical(N.Range)) {
                  Position P = Files.position(N.Range.File, N.Range.Begin);
                  Message = (Files.path(N.Range.File) + ":" + Twine(P.Line) +
                             ":" + Twine(P.Column) + ": " + Message)
                                .str();
                }
                J.attributeObject(
                    "message", [&] { J.attribute("text", text(Message)); });
              });
            for (SourceRange R : D.Secondary)
              J.object([&] {
                J.attribute("id", ID++);
                writePhysical(R);
              });
          });
    if (!D.Fixes.empty())
      J.attributeArray(
          "fixes",
          [&] {
            for (const Fix &F : D.Fixes)
              writeFix(F);
          });
    J.attributeObject(
        "partialFingerprints",
        [&] {
          const SourceFile &F = Files.get(D.Range.File);
          J.attribute("licit/v1",
                      fingerprint(D, Files, pathRelativeTo(F.AbsPath, Root)));
        });
  });
}

void SarifWriter::write(ArrayRef<Diagnostic> Diags) {
  J.object([&] {
    J.attribute("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    J.attribute("version", "2.1.0");
    J.attributeArray(
        "runs",
        [&] {
          J.object([&] {
            J.attributeObject(
                "tool",
                [&] {
                  J.attributeObject(
                      "driver",
                      [&] {
                        J.attribute("name", "licit");
                        J.attribute("version", LICIT_VERSION);
                        J.attribute("semanticVersion", LICIT_VERSION);
                        J.attribute("informationUri",
                                    LICIT_DOCS_URL "README.md");
                        writeRules();
                      });
                });
            J.attributeObject(
                "originalUriBaseIds",
                [&] {
                  J.attributeObject(
                      "%SRCROOT%",
                      [&] {
                        std::string Dir = sys::path::convert_to_slash(Root);
                        if (!StringRef(Dir).endswith("/"))
                          Dir += "/";
                        J.attribute("uri", "file://" + uriPath(Dir));
                      });
                });
            J.attributeArray(
                "invocations",
                [&] {
                  J.object([&] { J.attribute("executionSuccessful", true); });
                });
            J.attribute("columnKind", "utf16CodeUnits");
            J.attributeArray(
                "results",
                [&] {
                  // Note-level findings stay out, as in cargo-deny: SARIF
                  // readers show every result as a problem.
                  for (const Diagnostic &D : Diags)
                    if (D.Level > Severity::Note)
                      writeResult(D);
                });
          });
        });
  });
}

void emitSarif(ArrayRef<Diagnostic> Diags, const SourceFiles &Files,
               StringRef SourceRoot, raw_ostream &OS) {
  SarifWriter(Files, SourceRoot, OS).write(Diags);
  OS << "\n";
}

} // namespace licit
