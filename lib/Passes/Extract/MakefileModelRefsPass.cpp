//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "MakefileModelRefsPass.h"
#include "licit/Basic/Lines.h"
#include "licit/Shell/ModelRefs.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace licit::extract {

/// Reads "NAME = value" (also :=, ::=, ?=, +=, and after "export" or
/// "override"); \returns false for any other line.
static bool readAssignment(StringRef Line, shell::CommandReader &Reader) {
  StringRef Rest = Line.ltrim(" \t");
  for (StringRef Prefix : {"export ", "override "})
    if (Rest.consume_front(Prefix))
      Rest = Rest.ltrim(" \t");
  StringRef Name = Rest.take_while(
      [](char C) { return isAlnum(C) || C == '_' || C == '.' || C == '-'; });
  if (Name.empty())
    return false;
  StringRef Op = Rest.drop_front(Name.size()).ltrim(" \t");
  size_t OpLen = Op.startswith("::=") ? 3
                 : Op.startswith(":=") || Op.startswith("?=") ||
                         Op.startswith("+=") || Op.startswith("!=")
                     ? 2
                 : Op.startswith("=") ? 1
                                      : 0;
  if (!OpLen || Op.startswith("!="))
    return OpLen != 0;
  StringRef Value = Op.drop_front(OpLen);
  Value = Value.take_until([](char C) { return C == '#'; }).trim(" \t\r");
  shell::Word W{Value.str(), Value, Value.contains('$')};
  Reader.assign(Name, W);
  return true;
}

void MakefileModelRefsPass::run(const SourceFile &File, const PassContext &Ctx,
                                FactStore &Facts, DiagSink &Diags) {
  SourceText Source(File.ID, File.text());
  RefRecorder Refs(Source, Ctx.knowledgeFor(File.ID), Facts);
  shell::CommandReader Reader(Refs);
  StringRef Text = Source.text();
  size_t I = 0;
  while (I < Text.size()) {
    size_t Eol = lineEnd(Text, I);
    StringRef Line = Text.slice(I, Eol);
    if (Line.startswith("\t")) {
      // A recipe: consecutive tab-led lines are one shell text, so that
      // backslash continuations join as the shell would.
      size_t End = Eol;
      while (End + 1 < Text.size() && Text[End + 1] == '\t') {
        size_t Next = Text.find('\n', End + 1);
        End = Next == StringRef::npos ? Text.size() : Next;
      }
      // Make's own prefixes: '@' (silent), '-' (ignore errors), '+'.
      StringRef Recipe = Text.slice(I, End).ltrim("\t @-+");
      Reader.readText(Recipe);
      I = End + 1;
      continue;
    }
    if (!Line.ltrim(" \t").startswith("#"))
      readAssignment(Line, Reader);
    I = Eol + 1;
  }
}

} // namespace licit::extract
