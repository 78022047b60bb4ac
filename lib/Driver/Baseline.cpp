//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Driver/Baseline.h"
#include "licit/Driver/ApplyFixes.h"
#include "licit/Formats/Json.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <map>
#include <tuple>

using namespace llvm;

namespace licit {

/// A baseline records what a policy could accept: not the problems of the
/// policy files themselves.
static bool isRecorded(const Diagnostic &D) {
  return getRuleInfo(D.Rule).isConfigurable() && !D.isFixed();
}

/// The directory a baseline's paths are relative to.
static std::string directoryOf(StringRef Path) {
  return std::string(sys::path::parent_path(absolutePath(Path)));
}

Expected<unsigned> writeBaseline(StringRef Path, ArrayRef<Diagnostic> Diags,
                                 const SourceFiles &Files) {
  std::string Dir = directoryOf(Path);
  struct Row {
    std::string File, Rule, Subject, Text;
    unsigned Count = 0;
  };
  // Sorted by fingerprint inputs, so a rewritten baseline diffs well.
  std::map<std::string, Row> Rows;
  unsigned Recorded = 0;
  for (const Diagnostic &D : Diags) {
    if (!isRecorded(D))
      continue;
    const SourceFile &F = Files.get(D.Range.File);
    std::string Rel = pathRelativeTo(F.AbsPath, Dir);
    std::string FP = fingerprint(D, Files, Rel);
    Row &R = Rows[FP];
    if (R.Count++ == 0) {
      R.File = Rel;
      R.Rule = getRuleInfo(D.Rule).Name.str();
      R.Subject = D.About.ID;
      if (D.Range.hasOffsets() && F.Buffer)
        R.Text =
            F.text().slice(D.Range.Begin, D.Range.End).take_front(200).str();
    }
    ++Recorded;
  }
  std::vector<std::pair<std::string, const Row *>> Sorted;
  for (const auto &[FP, R] : Rows)
    Sorted.push_back({FP, &R});
  llvm::sort(Sorted, [](const auto &A, const auto &B) {
    return std::tie(A.second->File, A.second->Rule, A.second->Subject,
                    A.first) <
           std::tie(B.second->File, B.second->Rule, B.second->Subject, B.first);
  });
  std::string Out;
  raw_string_ostream OS(Out);
  {
    llvm::json::OStream J(OS, 2);
    J.object([&] {
      J.attribute("version", BaselineFormatVersion);
      J.attribute("tool", "licit");
      J.attributeArray("findings", [&] {
        for (const auto &Entry : Sorted)
          J.object([&] {
            const Row *R = Entry.second;
            J.attribute("fingerprint", Entry.first);
            J.attribute("rule", R->Rule);
            J.attribute("file", licit::json::writable(R->File));
            J.attribute("subject", licit::json::writable(R->Subject));
            J.attribute("text", licit::json::writable(R->Text));
            J.attribute("count", R->Count);
          });
      });
    });
  }
  OS << "\n";
  if (Error E = writeFileAtomically(Path, Out))
    return std::move(E);
  return Recorded;
}

Expected<Baseline> Baseline::read(StringRef Path, SourceFiles &Files) {
  auto Bad = [&](const Twine &Why) {
    return createStringError(inconvertibleErrorCode(),
                             "'" + Path + "' is not a licit baseline: " + Why);
  };
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer =
      MemoryBuffer::getFile(Path, /*IsText=*/false,
                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return createFileError(Path, Buffer.getError());
  FileID ID = Files.add(Path, absolutePath(Path)).first;
  SourceFile &F = Files.get(ID);
  F.setContents(std::move(*Buffer));
  F.Size = F.text().size();
  StringRef Text = F.text();
  Expected<llvm::json::Value> Doc = llvm::json::parse(Text);
  if (!Doc)
    return Bad(toString(Doc.takeError()));
  const llvm::json::Object *Root = Doc->getAsObject();
  if (!Root)
    return Bad("expected a JSON object");
  if (Root->getInteger("version") != int64_t(BaselineFormatVersion))
    return Bad("expected \"version\": " + Twine(BaselineFormatVersion));
  const llvm::json::Array *Findings = Root->getArray("findings");
  if (!Findings)
    return Bad("expected a \"findings\" array");
  Baseline B;
  B.Dir = directoryOf(Path);
  for (const llvm::json::Value &V : *Findings) {
    const llvm::json::Object *O = V.getAsObject();
    Optional<StringRef> FP = O ? O->getString("fingerprint") : None;
    if (!FP)
      return Bad("a finding without a \"fingerprint\"");
    Entry E;
    E.Fingerprint = FP->str();
    E.Rule = O->getString("rule").getValueOr("").str();
    E.Subject = O->getString("subject").getValueOr("").str();
    E.File = O->getString("file").getValueOr("").str();
    E.Count = std::max<int64_t>(1, O->getInteger("count").getValueOr(1));
    // The entry's place, for reports of stale ones: its fingerprint.
    size_t At = Text.find("\"" + E.Fingerprint + "\"");
    E.Where = At == StringRef::npos
                  ? SourceRange::wholeFile(ID)
                  : SourceRange{ID, unsigned(At),
                                unsigned(At + E.Fingerprint.size() + 2)};
    auto [It, New] =
        B.ByFingerprint.try_emplace(E.Fingerprint, B.Entries.size());
    if (New)
      B.Entries.push_back(std::move(E));
    else
      B.Entries[It->second].Count += E.Count;
  }
  return std::move(B);
}

bool Baseline::hides(const Diagnostic &D, const SourceFiles &Files) {
  if (!isRecorded(D) || Entries.empty())
    return false;
  std::string FP = fingerprint(
      D, Files, pathRelativeTo(Files.get(D.Range.File).AbsPath, Dir));
  auto It = ByFingerprint.find(FP);
  if (It == ByFingerprint.end())
    return false;
  Entry &E = Entries[It->second];
  if (E.Used == E.Count)
    return false; // A new finding like the recorded ones.
  ++E.Used;
  return true;
}

void Baseline::reportStale(DiagSink &Sink) const {
  for (const Entry &E : Entries) {
    if (E.Used == E.Count)
      continue;
    std::string What = "'" + E.Rule + "'" +
                       (E.Subject.empty() ? "" : " about '" + E.Subject + "'") +
                       " in '" + E.File + "'";
    Sink.report(RuleID::SuppressionStaleBaseline, E.Where,
                E.Used == 0
                    ? "baseline entry for " + What +
                          " matched no finding; write the baseline again "
                          "(--write-baseline) to drop it"
                    : "baseline entry for " + What + " records " +
                          Twine(E.Count) + " findings but matched " +
                          Twine(E.Used) +
                          "; write the baseline again (--write-baseline)");
  }
}

} // namespace licit
