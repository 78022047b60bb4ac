//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Basic/Diagnostic.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

using namespace llvm;

namespace licit {

StringRef applicabilityName(Applicability A) {
  switch (A) {
  case Applicability::Safe:
    return "safe";
  case Applicability::Unsafe:
    return "unsafe";
  case Applicability::DisplayOnly:
    return "display-only";
  }
  llvm_unreachable("unknown applicability");
}

StringRef subjectKindName(Subject::KindTy K) {
  switch (K) {
  case Subject::None:
    return "none";
  case Subject::Model:
    return "model";
  case Subject::Package:
    return "package";
  case Subject::File:
    return "file";
  }
  llvm_unreachable("unknown subject kind");
}

std::string fingerprint(const Diagnostic &D, const SourceFiles &Files,
                        StringRef Path) {
  StringRef Text;
  const SourceFile &F = Files.get(D.Range.File);
  if (D.Range.hasOffsets() && F.Buffer)
    Text = F.text().slice(D.Range.Begin, D.Range.End);
  std::string Key;
  raw_string_ostream(Key) << getRuleInfo(D.Rule).Name << '\0' << D.About.ID
                          << '\0' << Path << '\0' << Text;
  std::string Hex;
  raw_string_ostream(Hex) << format_hex_no_prefix(xxHash64(Key), 16);
  return Hex;
}

Diagnostic &DiagSink::report(RuleID Rule, SourceRange Range,
                             const Twine &Message) {
  assert((AllowedRules.empty() || is_contained(AllowedRules, Rule)) &&
         "pass reported a rule it does not declare");
  Diags.emplace_back();
  Diagnostic &D = Diags.back();
  D.Rule = Rule;
  D.Range = Range;
  D.Message = Message.str();
  return D;
}

void DiagSink::moveTo(std::vector<Diagnostic> &Out) {
  Out.insert(Out.end(), std::make_move_iterator(Diags.begin()),
             std::make_move_iterator(Diags.end()));
  Diags.clear();
}

} // namespace licit
