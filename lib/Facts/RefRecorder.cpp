//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Facts/RefRecorder.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace licit {

bool RefRecorder::record(StringRef Value, StringRef Literal,
                         const RefSite &Site) {
  Optional<ParsedId> Parsed =
      classifyModelId(Value, Site.Syntax, Site.Conf, KB);
  if (!Parsed)
    return false;
  const SourceText &LiteralIn =
      Site.LiteralSource ? *Site.LiteralSource : Source;
  assert((!Site.LiteralSource || !Site.UsedAt.empty()) &&
         "a literal in another file is used in this one");
  SourceRange Spelled = LiteralIn.range(Literal);
  unsigned UsedAt = Site.UsedAt.empty() ? ~0u : Source.range(Site.UsedAt).Begin;
  if (Site.UsedAt.empty()
          ? !Written.insert(Spelled.Begin).second
          : !Carried.insert({UsedAt, Spelled.File, Spelled.Begin}).second)
    return true;
  ModelRef Ref;
  Ref.File = Source.file();
  Ref.Kind = Parsed->Kind;
  Ref.ID = Parsed->ID;
  Ref.Written = Value.str();
  Ref.Role = Role;
  // A hosted model is called, not loaded, whatever the key said.
  Ref.Action = Parsed->Kind == ModelKind::Api && Site.Action == RefAction::Load
                   ? RefAction::Api
                   : Site.Action;
  if (!Site.Carrier.empty()) {
    Ref.CarrierRange = Source.range(Site.Carrier);
    Ref.Carrier = Site.Carrier.str();
  }
  Ref.Revision = Site.Revision.empty() ? Parsed->Revision : Site.Revision;
  Ref.RevisionUnread = Site.RevisionUnread;
  if (Site.PinAt.data()) {
    Ref.PinRange = Source.range(Site.PinAt);
    Ref.PinPrefix = Site.PinPrefix;
  }
  if (Site.UsedAt.empty()) {
    Ref.Range = Spelled;
  } else {
    Ref.Range = Source.range(Site.UsedAt);
    Ref.DefinedAt = Spelled;
  }
  size_t At = Literal.find(Value);
  if (At != StringRef::npos && Parsed->Offset != std::string::npos &&
      Value.substr(Parsed->Offset).startswith(Parsed->ID)) {
    Ref.IDRange =
        LiteralIn.range(Literal.substr(At + Parsed->Offset, Parsed->ID.size()));
  }
  Ref.IDEscaping = LiteralIn.escaping();
  Ref.ReplaceSafety = Parsed->InUrl || Role == RefRole::Mention
                          ? Applicability::DisplayOnly
                          : Site.FixSafety;
  Pending.push_back(std::move(Ref));
  return true;
}

RefRecorder::~RefRecorder() {
  DenseSet<unsigned> Reached;
  for (const ModelRef &Ref : Pending)
    if (Ref.DefinedAt.hasOffsets() && Ref.DefinedAt.File == Source.file())
      Reached.insert(Ref.DefinedAt.Begin);
  for (ModelRef &Ref : Pending)
    if (Ref.DefinedAt.hasOffsets() || !Reached.count(Ref.Range.Begin))
      Facts.add(std::move(Ref));
}

void RefRecorder::recordWords(StringRef Text, const RefSite &Site) {
  auto IsSeparator = [](char C) {
    return isSpace(C) || C == '`' || C == '(' || C == ')' || C == '[' ||
           C == ']' || C == '<' || C == '>' || C == '"' || C == '\'' ||
           C == '*' || C == '|' || C == ',';
  };
  for (size_t I = 0; I < Text.size();) {
    while (I < Text.size() && IsSeparator(Text[I]))
      ++I;
    size_t End = I;
    while (End < Text.size() && !IsSeparator(Text[End]))
      ++End;
    StringRef Word = Text.slice(I, End).rtrim(".:;!?");
    // "*Q4_K_M.gguf" is a glob; "*name*" emphasis.
    bool Glob =
        I > 0 && Text[I - 1] == '*' && (End == Text.size() || Text[End] != '*');
    I = End;
    if (Glob)
      continue;
    // Cheap test first: every kind of id has one of these.
    if (Word.size() >= 3 &&
        (Word.contains('/') || Word.contains('.') || Word.contains('-')))
      record(Word, Site);
  }
}

} // namespace licit
