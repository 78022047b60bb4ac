//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Basic/Lines.h"
#include "licit/Extract/InstructionFiles.h"
#include "licit/Facts/RefRecorder.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace licit::extract {

void readModelfile(StringRef Text, RefRecorder &Refs) {
  for (size_t I = 0; I < Text.size();) {
    size_t Eol = lineEnd(Text, I);
    StringRef Line = Text.slice(I, Eol).trim(" \t\r");
    size_t Next = Eol + 1;
    StringRef Keyword = Line.take_until([](char C) { return isSpace(C); });
    StringRef Arg = Line.drop_front(Keyword.size()).trim(" \t");
    // TEMPLATE, SYSTEM, LICENSE and MESSAGE may hold """multi-line"""
    // text: skip it whole, whatever it names.
    if (Arg.startswith("\"\"\"")) {
      size_t Close = Text.find("\"\"\"", Arg.data() + 3 - Text.data());
      Next = Close == StringRef::npos ? Text.size() : Close + 3;
    }
    I = Next;
    bool From = Keyword.equals_insensitive("FROM");
    if (!From && !Keyword.equals_insensitive("ADAPTER"))
      continue;
    // "FROM llama3.1:8b", "FROM hf.co/org/repo:Q4_K_M", "FROM ./x.gguf";
    // a directory of safetensors names no model by itself.
    StringRef Value = Arg;
    if (Value.size() >= 2 && (Value.front() == '"' || Value.front() == '\'') &&
        Value.back() == Value.front())
      Value = Value.drop_front().drop_back();
    RefSite Site;
    Site.Syntax = weightsFileName(Value, /*Strong=*/true) ? IdSyntax::Weights
                                                          : IdSyntax::Ollama;
    Site.Action = From ? RefAction::Load : RefAction::Adapter;
    Site.Carrier = Keyword;
    Refs.record(Value, Arg, Site);
  }
}

} // namespace licit::extract
