//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Facts/Dependency.h"
#include "licit/Facts/ModelRef.h"
#include "licit/Facts/Resolution.h"
#include "licit/Formats/Json.h"
#include "licit/Output/Emitters.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace licit {

static std::string text(StringRef S) { return licit::json::writable(S); }

/// {"file", "line", "column", "utf16Column", "endLine", "endColumn",
/// "endUtf16Column", "offset", "length"}; columns are 1-based, "column"
/// counts bytes. A range without offsets names only its file; no range is
/// null.
static void writeLocation(llvm::json::OStream &J, const SourceFiles &Files,
                          SourceRange R) {
  if (!R.hasFile()) {
    J.value(nullptr);
    return;
  }
  J.object([&] {
    J.attribute("file", text(Files.path(R.File)));
    if (!R.hasOffsets() || !Files.get(R.File).Buffer)
      return;
    Position B = Files.position(R.File, R.Begin);
    Position E = Files.position(R.File, R.End);
    J.attribute("line", B.Line);
    J.attribute("column", B.Column);
    J.attribute("utf16Column", B.Utf16Column);
    J.attribute("endLine", E.Line);
    J.attribute("endColumn", E.Column);
    J.attribute("endUtf16Column", E.Utf16Column);
    J.attribute("offset", R.Begin);
    J.attribute("length", R.End - R.Begin);
  });
}

static void writeVersion(llvm::json::OStream &J) {
  J.attribute("version", JsonFormatVersion);
  J.attributeObject("tool", [&] {
    J.attribute("name", "licit");
    J.attribute("version", LICIT_VERSION);
  });
}

void emitDiagnosticsJson(ArrayRef<Diagnostic> Diags, const SourceFiles &Files,
                         const RunInfo &Run, raw_ostream &OS) {
  llvm::json::OStream J(OS, 2);
  unsigned Counts[4] = {0, 0, 0, 0};
  J.object([&] {
    writeVersion(J);
    J.attributeArray("diagnostics", [&] {
      for (const Diagnostic &D : Diags) {
        ++Counts[static_cast<unsigned>(D.Level)];
        J.object([&] {
          J.attribute("rule", getRuleInfo(D.Rule).Name);
          J.attribute("severity", severityName(D.Level));
          J.attribute("message", text(D.Message));
          J.attributeBegin("location");
          writeLocation(J, Files, D.Range);
          J.attributeEnd();
          J.attributeArray("secondary", [&] {
            for (SourceRange R : D.Secondary)
              writeLocation(J, Files, R);
          });
          J.attributeObject("subject", [&] {
            J.attribute("kind", subjectKindName(D.About.Kind));
            if (D.About.Kind != Subject::None)
              J.attribute("id", text(D.About.ID));
            J.attributeArray("licences", [&] {
              for (const std::string &L : D.About.Licences)
                J.value(text(L));
            });
          });
          J.attributeArray("notes", [&] {
            for (const Note &N : D.Notes)
              J.object([&] {
                J.attribute("message", text(N.Message));
                J.attributeBegin("location");
                writeLocation(J, Files, N.Range);
                J.attributeEnd();
              });
          });
          J.attributeArray("fixes", [&] {
            for (size_t I = 0; I != D.Fixes.size(); ++I)
              J.object([&] {
                const Fix &F = D.Fixes[I];
                J.attribute("title", text(F.Title));
                J.attribute("applicability", applicabilityName(F.Safety));
                J.attribute("applied", int(I) == D.AppliedFix);
                J.attributeArray("edits", [&] {
                  for (const Edit &E : F.Edits)
                    J.object([&] {
                      J.attributeBegin("location");
                      writeLocation(J, Files, E.Range);
                      J.attributeEnd();
                      J.attribute("text", text(E.Text));
                    });
                });
              });
          });
        });
      }
    });
    J.attributeObject("summary", [&] {
      J.attribute("errors", Counts[static_cast<unsigned>(Severity::Error)]);
      J.attribute("warnings", Counts[static_cast<unsigned>(Severity::Warning)]);
      J.attribute("notes", Counts[static_cast<unsigned>(Severity::Note)]);
      J.attribute("filesChecked", Run.FilesChecked);
      J.attributeObject("suppressed", [&] {
        J.attribute("inline", Run.SuppressedInline);
        J.attribute("policy", Run.SuppressedByPolicy);
        J.attribute("baseline", Run.SuppressedByBaseline);
      });
      if (Run.Cxx != RunInfo::CxxMode::None)
        J.attributeObject("cxx", [&] {
          bool Clang = Run.Cxx == RunInfo::CxxMode::Clang;
          J.attribute("mode", Clang ? "clang" : "lexer");
          if (Clang)
            J.attribute("compileCommands", Run.CompileCommands);
        });
    });
  });
  OS << "\n";
}

static void writeResolution(llvm::json::OStream &J, const SourceFiles &Files,
                            const ModelResolution &R) {
  J.attribute("known", R.Known != nullptr);
  J.attribute("policyId", text(R.PolicyID));
  auto Expr = [&](StringRef Key, const LicenceExpr &E) {
    if (E.empty())
      J.attribute(Key, nullptr);
    else
      J.attribute(Key, text(E.str()));
  };
  Expr("declaredLicence", R.Declared);
  Expr("effectiveLicence", R.Effective);
  J.attributeArray("licences", [&] {
    for (const BoundLicence &B : R.Bound)
      J.object([&] {
        J.attribute("id", text(B.ID));
        J.attribute("verified", B.Verified);
        if (B.InheritedFrom.empty())
          J.attribute("inheritedFrom", nullptr);
        else
          J.attribute("inheritedFrom", text(B.InheritedFrom));
      });
  });
  if (R.Level)
    J.attribute("openness", opennessName(*R.Level));
  else
    J.attribute("openness", nullptr);
  J.attribute("inferredFromName", R.InferredFromName);
  if (R.LocalFile)
    J.attribute("file", text(Files.path(R.LocalFile)));
  else
    J.attribute("file", nullptr);
  J.attributeArray(
      "lineage",
      [&] {
        for (const LineageLink &L : R.Lineage)
          J.object([&] {
            J.attribute("id", text(L.ID));
            J.attribute("relation", baseRelationName(L.Relation));
            J.attribute("verified", L.Verified);
          });
      });
  J.attributeArray("provenance", [&] {
    for (const Provenance &P : R.From)
      J.object([&] {
        J.attribute("kind", provenanceKindName(P.Kind));
        J.attributeBegin("location");
        writeLocation(J, Files, P.Where);
        J.attributeEnd();
        J.attribute("source", text(P.Source));
      });
  });
}

void emitModelsJson(const FactStore &Facts, const SourceFiles &Files,
                    raw_ostream &OS) {
  ArrayRef<ModelRef> Refs = Facts.all<ModelRef>();
  ArrayRef<ModelResolution> Res = Facts.all<ModelResolution>();
  llvm::json::OStream J(OS, 2);
  J.object([&] {
    writeVersion(J);
    J.attributeArray("models", [&] {
      for (size_t I = 0; I != Refs.size(); ++I) {
        const ModelRef &Ref = Refs[I];
        J.object([&] {
          J.attributeBegin("location");
          writeLocation(J, Files, Ref.Range);
          J.attributeEnd();
          J.attribute("written", text(Ref.Written));
          J.attribute("id", text(Ref.ID));
          J.attribute("kind", modelKindName(Ref.Kind));
          J.attribute("role", refRoleName(Ref.Role));
          J.attribute("action", refActionName(Ref.Action));
          if (Ref.Carrier.empty())
            J.attribute("carrier", nullptr);
          else
            J.attribute("carrier", text(Ref.Carrier));
          if (Ref.Revision.empty())
            J.attribute("revision", nullptr);
          else
            J.attribute("revision", text(Ref.Revision));
          J.attributeBegin("definedAt");
          writeLocation(J, Files, Ref.DefinedAt);
          J.attributeEnd();
          // resolve-models writes one resolution per reference, in order.
          if (I < Res.size()) {
            assert(Res[I].Ref == I && "resolutions out of order");
            J.attributeObject("resolution",
                              [&] { writeResolution(J, Files, Res[I]); });
          }
        });
      }
    });
  });
  OS << "\n";
}

void emitResolutionText(const ModelResolution &R, const SourceFiles &Files,
                        raw_ostream &OS) {
  if (R.LocalFile)
    OS << "    file: " << Files.path(R.LocalFile) << "\n";
  if (!R.Known && R.Effective.empty()) {
    OS << "    licence: unknown (not in the knowledge base)\n";
    return;
  }
  OS << "    licence: "
     << (R.Effective.empty() ? std::string("unknown") : R.Effective.str());
  std::string Declares =
      R.Declared.str() == R.Effective.str()
          ? ""
          : (R.Declared.empty() ? std::string("nothing") : R.Declared.str());
  if (R.InferredFromName)
    OS << " (inferred from its name)";
  else if (!R.Known)
    OS << (R.From.empty() || R.From.front().Kind == Provenance::FileMetadata
               ? " (from the file's metadata"
           : R.From.front().Kind == Provenance::AdapterConfig
               ? " (from its adapter config"
               : " (from its model card")
       << (Declares.empty() ? "" : ", which declares " + Declares) << ")";
  else if (!Declares.empty())
    OS << " (its card declares " << Declares << ")";
  if (R.Level)
    OS << "; openness: " << opennessName(*R.Level);
  OS << "\n";
  if (!R.Lineage.empty()) {
    OS << "    lineage: ";
    ListSeparator LS(", then ");
    for (const LineageLink &L : R.Lineage)
      OS << LS << baseRelationName(L.Relation) << " of '" << L.ID << "'"
         << (L.Verified ? "" : " (unverified)");
    OS << "\n";
  }
}

void emitModelsText(const FactStore &Facts, const SourceFiles &Files,
                    raw_ostream &OS) {
  ArrayRef<ModelRef> Refs = Facts.all<ModelRef>();
  ArrayRef<ModelResolution> Res = Facts.all<ModelResolution>();
  StringSet<> Models, InFiles;
  for (size_t I = 0; I != Refs.size(); ++I) {
    const ModelRef &Ref = Refs[I];
    OS << Files.path(Ref.Range.File);
    if (Ref.Range.hasOffsets()) {
      Position P = Files.position(Ref.Range.File, Ref.Range.Begin);
      OS << ":" << P.Line << ":" << P.Column;
    }
    OS << ": " << modelKindName(Ref.Kind) << " model '" << Ref.ID << "'";
    if (!Ref.Revision.empty())
      OS << " at revision '" << Ref.Revision << "'";
    OS << " (" << refActionName(Ref.Action);
    if (Ref.Role == RefRole::Mention)
      OS << ", mentioned";
    if (!Ref.Carrier.empty())
      OS << ", " << Ref.Carrier;
    OS << ")\n";
    Models.insert((modelKindName(Ref.Kind) + ":" + Ref.ID).str());
    InFiles.insert(Files.path(Ref.Range.File));
    if (I >= Res.size())
      continue;
    emitResolutionText(Res[I], Files, OS);
  }
  auto Plural = [](size_t N, StringRef Word) {
    return (Twine(N) + " " + Word + (N == 1 ? "" : "s")).str();
  };
  OS << Plural(Refs.size(), "reference") << " to "
     << Plural(Models.size(), "model") << " in "
     << Plural(InFiles.size(), "file") << ".\n";
}

/// "null" for an empty string, else the string.
static void optional(llvm::json::OStream &J, StringRef Key, StringRef Value) {
  if (Value.empty())
    J.attribute(Key, nullptr);
  else
    J.attribute(Key, text(Value));
}

void emitDepsJson(const FactStore &Facts, const SourceFiles &Files,
                  raw_ostream &OS) {
  ArrayRef<Dependency> Deps = Facts.all<Dependency>();
  ArrayRef<DependencyResolution> Res = Facts.all<DependencyResolution>();
  llvm::json::OStream J(OS, 2);
  J.object([&] {
    writeVersion(J);
    J.attributeArray("dependencies", [&] {
      for (size_t I = 0; I != Deps.size(); ++I) {
        const Dependency &D = Deps[I];
        J.object([&] {
          J.attributeBegin("location");
          writeLocation(J, Files, D.NameRange);
          J.attributeEnd();
          J.attribute("ecosystem", ecosystemName(D.Eco));
          J.attribute("name", text(D.Name));
          optional(J, "spec", D.Spec);
          optional(J, "marker", D.Marker);
          optional(J, "url", D.Url);
          optional(J, "group", D.Group);
          optional(J, "pinned", D.Pinned);
          if (I >= Res.size())
            return;
          // resolve-dependencies writes one resolution per dependency.
          const DependencyResolution &R = Res[I];
          J.attributeObject("resolution", [&] {
            J.attribute("source", dependencySourceName(R.From));
            optional(J, "licence", R.Licence.str());
            J.attribute("verified", R.Verified);
            optional(J, "declared", R.Declared);
            optional(J, "installedVersion", R.Version);
            optional(J, "lockedVersion", R.Locked);
            J.attributeBegin("lockedAt");
            writeLocation(J, Files, R.LockedAt);
            J.attributeEnd();
            J.attributeBegin("sourceLocation");
            writeLocation(J, Files, R.Where);
            J.attributeEnd();
          });
        });
      }
    });
  });
  OS << "\n";
}

void emitDepsText(const FactStore &Facts, const SourceFiles &Files,
                  raw_ostream &OS) {
  ArrayRef<Dependency> Deps = Facts.all<Dependency>();
  ArrayRef<DependencyResolution> Res = Facts.all<DependencyResolution>();
  StringSet<> Packages, InFiles;
  for (size_t I = 0; I != Deps.size(); ++I) {
    const Dependency &D = Deps[I];
    OS << Files.path(D.File);
    if (D.NameRange.hasOffsets()) {
      Position P = Files.position(D.NameRange.File, D.NameRange.Begin);
      OS << ":" << P.Line << ":" << P.Column;
    }
    OS << ": " << ecosystemName(D.Eco) << " package '" << D.Name << "'";
    if (!D.Spec.empty())
      OS << " " << D.Spec;
    if (!D.Url.empty())
      OS << " from " << D.Url;
    if (!D.Group.empty())
      OS << " [" << D.Group << "]";
    OS << "\n";
    Packages.insert((ecosystemName(D.Eco) + ":" + D.Name).str());
    InFiles.insert(Files.path(D.File));
    if (I >= Res.size())
      continue;
    const DependencyResolution &R = Res[I];
    OS << "    licence: ";
    if (!R.Licence.empty())
      OS << R.Licence.str() << (R.Verified ? "" : " (unverified)");
    else if (!R.Declared.empty())
      OS << "unknown ('" << R.Declared << "' is not a licence licit reads)";
    else
      OS << "unknown";
    if (R.From == DependencyResolution::Table)
      OS << " (licit's package table)";
    else if (R.From == DependencyResolution::Installed ||
             R.From == DependencyResolution::Lockfile)
      OS << " (" << R.Key << " of " << Files.path(R.Where.File) << ")";
    OS << "\n";
    if (!R.Locked.empty())
      OS << "    locked: " << R.Locked << " (" << Files.path(R.LockedAt.File)
         << ")\n";
    if (!R.Version.empty())
      OS << "    installed: " << R.Version << "\n";
  }
  auto Plural = [](size_t N, StringRef One, StringRef Many) {
    return (Twine(N) + " " + (N == 1 ? One : Many)).str();
  };
  OS << Plural(Deps.size(), "dependency", "dependencies") << " on "
     << Plural(Packages.size(), "package", "packages") << " in "
     << Plural(InFiles.size(), "file", "files") << ".\n";
}

} // namespace licit
