//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "NotebookModelRefsPass.h"
#include "licit/Basic/Lines.h"
#include "licit/Formats/Json.h"
#include "licit/Python/ModelRefs.h"
#include "licit/Shell/ModelRefs.h"
#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace licit::extract {

ArrayRef<RuleID> NotebookModelRefsPass::rules() {
  static const RuleID Rules[] = {RuleID::InputMalformed};
  return Rules;
}

/// Cell magics whose body is still Python.
static bool isPythonCellMagic(StringRef Name) {
  return Name == "time" || Name == "timeit" || Name == "capture" ||
         Name == "prun" || Name == "debug";
}

/// Blanks IPython syntax that is not Python: lines starting with "!" (a
/// shell escape), "%" (a line magic) or "?"/"??" help, keeping every byte
/// offset. \returns false when the cell is not Python at all (a cell magic
/// such as "%%bash" runs its body elsewhere).
static bool blankIPythonSyntax(std::string &Code) {
  StringRef Text(Code);
  StringRef First = Text.ltrim(" \t\r\n");
  if (First.startswith("%%")) {
    StringRef Name = First.drop_front(2).take_while(
        [](char C) { return isAlnum(C) || C == '_'; });
    if (!isPythonCellMagic(Name))
      return false;
  }
  size_t LineStart = 0;
  while (LineStart < Code.size()) {
    size_t LineEnd = lineEnd(Code, LineStart);
    size_t I = LineStart;
    while (I < LineEnd && (Code[I] == ' ' || Code[I] == '\t'))
      ++I;
    if (I < LineEnd && (Code[I] == '!' || Code[I] == '%' || Code[I] == '?'))
      std::fill(Code.begin() + I, Code.begin() + LineEnd, ' ');
    LineStart = LineEnd + 1;
  }
  return true;
}

/// \returns the shell a cell runs, at the cell's own offsets: "!" lines
/// (the "!" blanked), or the whole body of a %%bash / %%sh cell; every
/// other byte blanked. Empty when the cell runs no shell.
static std::string shellOf(StringRef Code) {
  std::string Shell(Code.size(), ' ');
  StringRef First = Code.ltrim(" \t\r\n");
  if (First.startswith("%%bash") || First.startswith("%%sh") ||
      First.startswith("%%script bash") || First.startswith("%%script sh")) {
    size_t Body = Code.find('\n', Code.size() - First.size());
    if (Body == StringRef::npos)
      return "";
    std::copy(Code.begin() + Body, Code.end(), Shell.begin() + Body);
    return Shell;
  }
  bool Any = false;
  for (size_t LineStart = 0; LineStart < Code.size();) {
    size_t LineEnd = lineEnd(Code, LineStart);
    size_t I = Code.find_first_not_of(" \t", LineStart);
    if (I < LineEnd && Code[I] == '!') {
      std::copy(Code.begin() + I + 1, Code.begin() + LineEnd,
                Shell.begin() + I + 1);
      Any = true;
    }
    if (LineEnd < Code.size())
      Shell[LineEnd] = '\n';
    LineStart = LineEnd + 1;
  }
  return Any ? Shell : "";
}

namespace {
class NotebookReader {
public:
  NotebookReader(const SourceFile &File, const PassContext &Ctx,
                 FactStore &Facts, DiagSink &Diags)
      : File(File), Ctx(Ctx), Facts(Facts), Diags(Diags) {}

  void run() {
    const json::ParseResult &Doc = json::parsed(File);
    if (!Doc.Root) {
      Diags.report(RuleID::InputMalformed,
                   {File.ID, Doc.ErrorOffset, Doc.ErrorOffset},
                   "notebook is not valid JSON: " + Doc.ErrorMessage);
      return;
    }
    const json::Value &Root = *Doc.Root;
    if (Root.Kind != json::Value::Object) {
      malformed(Root, "expected a notebook object, found " + Root.kindName());
      return;
    }
    if (!isPython(Root))
      return;
    if (const json::Value *Cells = Root.get("cells")) {
      readCells(*Cells, "source");
      return;
    }
    // nbformat 3: cells live in worksheets, their code in "input".
    if (const json::Value *Sheets = Root.get("worksheets")) {
      if (Sheets->Kind != json::Value::Array) {
        malformed(*Sheets, "expected 'worksheets' to be an array, found " +
                               Sheets->kindName());
        return;
      }
      for (const json::Value &Sheet : Sheets->Items)
        if (const json::Value *Cells = Sheet.get("cells"))
          readCells(*Cells, "input");
      return;
    }
    malformed(Root, "notebook has no 'cells'");
  }

private:
  void malformed(const json::Value &At, const Twine &Why) {
    Diags.report(RuleID::InputMalformed, {File.ID, At.Begin, At.Begin},
                 "malformed notebook: " + Why);
  }

  /// A notebook is Python unless its metadata names another language.
  static bool isPython(const json::Value &Root) {
    const json::Value *Meta = Root.get("metadata");
    if (!Meta)
      return true;
    for (auto [Table, Key] : {std::make_pair("language_info", "name"),
                              std::make_pair("kernelspec", "language")}) {
      const json::Value *T = Meta->get(Table);
      const json::Value *Lang = T ? T->get(Key) : nullptr;
      if (Lang && Lang->isString())
        return StringRef(Lang->Str).equals_insensitive("python");
    }
    return true;
  }

  void readCells(const json::Value &Cells, StringRef SourceKey) {
    if (Cells.Kind != json::Value::Array) {
      malformed(Cells,
                "expected 'cells' to be an array, found " + Cells.kindName());
      return;
    }
    for (const json::Value &Cell : Cells.Items) {
      const json::Value *Type = Cell.get("cell_type");
      if (!Type || !Type->isString() || Type->Str != "code")
        continue;
      if (const json::Value *Source = Cell.get(SourceKey))
        readSource(*Source);
    }
  }

  /// A cell's source: one string, or an array of strings (its lines).
  void readSource(const json::Value &Source) {
    std::string Code;
    std::vector<SourceText::Segment> Map;
    auto Append = [&](const json::Value &Part) {
      for (SourceText::Segment S : Part.Map) {
        S.Decoded += Code.size();
        Map.push_back(S);
      }
      Code += Part.Str;
    };
    if (Source.isString()) {
      Append(Source);
    } else if (Source.Kind == json::Value::Array) {
      for (const json::Value &Line : Source.Items) {
        if (!Line.isString()) {
          malformed(Line, "expected the lines of a cell's source to be "
                          "strings, found " +
                              Line.kindName());
          return;
        }
        Append(Line);
      }
    } else {
      malformed(Source, "expected a cell's source to be a string or an "
                        "array of strings, found " +
                            Source.kindName());
      return;
    }
    if (Code.empty())
      return;
    std::string Shell = shellOf(Code);
    if (!Shell.empty()) {
      SourceText Text(File.ID, std::move(Shell), Map, Escaping::JsonString);
      RefRecorder Refs(Text, Ctx.knowledgeFor(File.ID), Facts);
      shell::CommandReader(Refs).readText(Text.text());
    }
    if (!blankIPythonSyntax(Code))
      return;
    SourceText Text(File.ID, std::move(Code), std::move(Map),
                    Escaping::JsonString);
    python::extractModelRefs(Text, Ctx.knowledgeFor(File.ID), Facts);
  }

  const SourceFile &File;
  const PassContext &Ctx;
  FactStore &Facts;
  DiagSink &Diags;
};
} // namespace

void NotebookModelRefsPass::run(const SourceFile &File, const PassContext &Ctx,
                                FactStore &Facts, DiagSink &Diags) {
  NotebookReader(File, Ctx, Facts, Diags).run();
}

} // namespace licit::extract
