//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "PickleImportsPass.h"
#include "licit/Basic/Glob.h"
#include "licit/Formats/Pickle.h"
#include "licit/Formats/Zip.h"
#include "licit/Policy/Policy.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace licit::check {

ArrayRef<RuleID> PickleImportsPass::rules() {
  static const RuleID Rules[] = {RuleID::SecurityPickleImport,
                                 RuleID::SecurityPickleDangerousImport,
                                 RuleID::InputMalformed};
  return Rules;
}

namespace {
enum class Verdict { Allowed, Dangerous, Unknown };

struct GlobalEntry {
  Glob Pattern;
  Verdict V;
};

const std::vector<GlobalEntry> &globalTable() {
  static const std::vector<GlobalEntry> Table = [] {
    std::vector<GlobalEntry> T;
#define LICIT_PICKLE_GLOBAL(Pattern, V, Source)                                \
  T.push_back(                                                                 \
      {cantFail(Glob::create(Pattern, Glob::Syntax::Plain)), Verdict::V});
#include "PickleGlobals.def"
    return T;
  }();
  return Table;
}

/// What one pickle stream's imports are, under \p Policy.
Verdict verdictOf(const pickle::Import &I, const CompiledPolicy &Policy) {
  // Computed operands, an unknown callee, the extension registry: licit
  // cannot say what runs, which is the trick hostile pickles use.
  if (!I.resolved())
    return Verdict::Dangerous;
  // Protocols 0 to 2 write Python 2's names, which Python 3's unpickler
  // maps back (CPython Lib/_compat_pickle.py, IMPORT_MAPPING).
  StringRef Module = StringSwitch<StringRef>(I.Module)
                         .Cases("__builtin__", "exceptions", "builtins")
                         .Case("copy_reg", "copyreg")
                         .Default(I.Module);
  std::string Qualified = (Module + "." + I.Name).str();
  for (const GlobalEntry &E : globalTable())
    if (E.Pattern.match(Qualified)) {
      // An attribute path ("Class.method") is never what a checkpoint
      // needs from an allowed module.
      if (E.V == Verdict::Allowed && StringRef(I.Name).contains('.'))
        break;
      return E.V;
    }
  if (any_of(Policy.PickleAllow,
             [&](const ListEntry &E) { return E.matches(Qualified); }))
    return Verdict::Allowed;
  return Verdict::Unknown;
}

class Checker {
public:
  Checker(const SourceFile &File, const CompiledPolicy &Policy, DiagSink &Diags)
      : File(File), Policy(Policy), Diags(Diags) {}

  /// Checks the pickles at the start of \p Bytes, found in \p Where
  /// ("" for the file itself, else "member 'archive/data.pkl'").
  /// \p Strict: report only pickles read to their end (a member not named
  /// like a pickle may be tensor data that happens to start like one).
  void checkPickles(StringRef Bytes, StringRef Where, bool Strict);
  void checkZip(StringRef Bytes);
  void checkNpy(StringRef Bytes, StringRef Where);

private:
  void malformed(const Twine &Why) {
    Diags.report(RuleID::InputMalformed, SourceRange::wholeFile(File.ID), Why);
  }

  const SourceFile &File;
  const CompiledPolicy &Policy;
  DiagSink &Diags;
  /// module.name (or opcode) of what was reported, once per place.
  StringSet<> Reported;
};
} // namespace

void Checker::checkPickles(StringRef Bytes, StringRef Where, bool Strict) {
  pickle::ScanResult R = pickle::scan(Bytes);
  if (!R.Error.empty()) {
    if (Strict)
      return;
    malformed("pickle " + Twine(Where.empty() ? "" : "in " + Where + " ") +
              "cannot be read past byte " + Twine(R.ErrorOffset) + ": " +
              R.Error + "; its imports before that are checked");
  }
  for (const pickle::Import &I : R.Imports) {
    Verdict V = verdictOf(I, Policy);
    if (V == Verdict::Allowed)
      continue;
    std::string What =
        I.resolved() ? I.qualified() : ("<unresolved " + I.Opcode + ">").str();
    if (!Reported.insert((Where + "\n" + What).str()).second)
      continue;
    std::string At =
        ("at byte " + Twine(I.Offset) + (Where.empty() ? "" : " of " + Where))
            .str();
    Diagnostic &D =
        V == Verdict::Dangerous
            ? Diags.report(
                  RuleID::SecurityPickleDangerousImport,
                  SourceRange::wholeFile(File.ID),
                  I.resolved()
                      ? "pickle imports '" + What + "' (" + I.Opcode + ", " +
                            At +
                            "), which runs code or reaches the system "
                            "when the file is loaded"
                      : "pickle calls or imports what licit cannot resolve (" +
                            I.Opcode + " " + At +
                            "): a hostile pickle hides its import this way")
            : Diags.report(
                  RuleID::SecurityPickleImport, SourceRange::wholeFile(File.ID),
                  "pickle imports '" + What + "' (" + I.Opcode + ", " + At +
                      "), which genuine checkpoints do not; loading "
                      "the file runs its code");
    D.About.Kind = Subject::File;
    D.About.ID = What;
  }
}

void Checker::checkNpy(StringRef Bytes, StringRef Where) {
  // "\x93NUMPY", version, header length (2 bytes in 1.x, 4 after), header.
  if (Bytes.size() < 10)
    return;
  unsigned Major = uint8_t(Bytes[6]);
  size_t LenBytes = Major == 1 ? 2 : 4;
  if (Bytes.size() < 8 + LenBytes)
    return;
  uint64_t Len = 0;
  for (size_t I = 0; I != LenBytes; ++I)
    Len |= uint64_t(uint8_t(Bytes[8 + I])) << (8 * I);
  if (Len > Bytes.size() - 8 - LenBytes)
    return malformed("NumPy header runs past the end of the file");
  StringRef Header = Bytes.substr(8 + LenBytes, Len);
  // Only object arrays ('|O') hold a pickle.
  if (!Header.contains("'|O'") && !Header.contains("\"|O\""))
    return;
  checkPickles(Bytes.substr(8 + LenBytes + Len), Where, /*Strict=*/false);
}

void Checker::checkZip(StringRef Bytes) {
  Expected<std::vector<zip::Member>> Members = zip::members(Bytes);
  if (!Members)
    return malformed("ZIP archive cannot be read: " +
                     toString(Members.takeError()));
  for (const zip::Member &M : *Members) {
    StringRef Name = M.Name;
    bool PickleName = Name.endswith(".pkl") || Name.endswith(".pickle");
    std::string Storage;
    Expected<StringRef> Data = zip::contents(Bytes, M, Storage);
    if (!Data) {
      // A member named as a pickle must be read; data members may be
      // compressed any way.
      if (PickleName)
        malformed(toString(Data.takeError()));
      else
        consumeError(Data.takeError());
      continue;
    }
    std::string Where = ("member '" + Name + "'").str();
    if (Data->startswith("\x93NUMPY"))
      checkNpy(*Data, Where);
    else if (PickleName || pickle::looksLikePickle(*Data))
      checkPickles(*Data, Where, /*Strict=*/!PickleName);
  }
}

void PickleImportsPass::run(const SourceFile &File, const PassContext &Ctx,
                            FactStore &Facts, DiagSink &Diags) {
  StringRef Bytes = File.text();
  Checker C(File, Ctx.policyFor(File.ID), Diags);
  if (zip::looksLikeZip(Bytes))
    C.checkZip(Bytes);
  else if (Bytes.startswith("\x93NUMPY"))
    C.checkNpy(Bytes, "");
  else
    C.checkPickles(Bytes, "", /*Strict=*/false);
}

} // namespace licit::check
