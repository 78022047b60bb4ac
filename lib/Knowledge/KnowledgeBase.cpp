//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// Parses the knowledge tables. The cell grammar is documented in
// lib/Knowledge/README.md; every cell is checked, and the first malformed one
// is reported as file:line:column.
//
//===----------------------------------------------------------------------===//

#include "licit/Knowledge/KnowledgeBase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FormatVariadic.h"

using namespace llvm;

namespace licit {

static const TraitInfo Traits[] = {
#define LICIT_TRAIT(Enum, Column, Rule, FlagWhenAbsent, Phrase)                \
  {Trait::Enum, Column, RuleID::Rule, FlagWhenAbsent, Phrase},
#include "licit/Knowledge/Traits.def"
};

ArrayRef<TraitInfo> allTraits() { return Traits; }

const TraitInfo &getTraitInfo(Trait T) {
  return Traits[static_cast<unsigned>(T)];
}

Optional<Trait> lookupTrait(StringRef Column) {
  for (const TraitInfo &T : Traits)
    if (T.Column == Column)
      return T.ID;
  return None;
}

bool flagsTrait(Trait T, const Fact &F) {
  if (getTraitInfo(T).FlagWhenAbsent)
    return F.Value == Answer::No;
  return F.Value == Answer::Yes || F.Value == Answer::Partial;
}

bool Licence::flags(Trait T) const { return flagsTrait(T, trait(T)); }

const Fact &traitOf(const Model &M, const Licence &L, Trait T) {
  if (T == Trait::EuExcluded && M.EuExcluded.isKnown())
    return M.EuExcluded;
  return L.trait(T);
}

static const StringRef OpennessNames[] = {"closed", "restricted-weights",
                                          "open-weights", "open-methodology",
                                          "open-source"};

StringRef opennessName(Openness O) {
  return OpennessNames[static_cast<unsigned>(O)];
}

ArrayRef<StringRef> opennessNames() { return OpennessNames; }

Optional<Openness> parseOpenness(StringRef Name) {
  for (unsigned I = 0; I != array_lengthof(OpennessNames); ++I)
    if (OpennessNames[I] == Name)
      return static_cast<Openness>(I);
  return None;
}

StringRef modelKindName(ModelKind K) {
  switch (K) {
  case ModelKind::Hub:
    return "hub";
  case ModelKind::Ollama:
    return "ollama";
  case ModelKind::Api:
    return "api";
  }
  llvm_unreachable("unknown model kind");
}

StringRef baseRelationName(BaseRelation R) {
  switch (R) {
  case BaseRelation::Finetune:
    return "finetune";
  case BaseRelation::Adapter:
    return "adapter";
  case BaseRelation::Merge:
    return "merge";
  case BaseRelation::Quantized:
    return "quantized";
  }
  llvm_unreachable("unknown base relation");
}

namespace {
/// Which words a column accepts.
enum class Vocabulary { Boolean, Cap, Copyleft, Component };

/// Walks a TSV table row by row, remembering where each cell is so that a
/// malformed one can be reported at its line and column.
class TableReader {
public:
  TableReader(MemoryBufferRef Buffer, ArrayRef<StringRef> Columns)
      : Buffer(Buffer), Columns(Columns), Rest(Buffer.getBuffer()) {}

  /// Reads the header line. \returns an error unless it lists exactly the
  /// expected columns.
  Error readHeader() {
    if (!nextRow())
      return error(Line, "missing header line");
    for (unsigned I = 0; I != Columns.size(); ++I)
      if (Cells[I] != Columns[I])
        return error(Line, "expected column '" + Columns[I] + "'", I);
    return Error::success();
  }

  /// Advances to the next data row, skipping blank and '#' lines.
  /// \returns false at the end of the table.
  bool nextRow() {
    while (!Rest.empty()) {
      std::tie(Line, Rest) = Rest.split('\n');
      ++LineNo;
      Line = Line.rtrim('\r');
      if (Line.empty() || Line.startswith("#"))
        continue;
      Cells.clear();
      for (StringRef R = Line;;) {
        auto Split = R.split('\t');
        Cells.push_back(Split.first);
        if (Split.first.size() == R.size())
          break;
        R = Split.second;
      }
      return true;
    }
    return false;
  }

  /// Reads the header, then calls \p Row for each data row until it fails.
  Error forEachRow(function_ref<Error()> Row) {
    if (Error E = readHeader())
      return E;
    while (nextRow()) {
      if (Cells.size() != Columns.size())
        return error(Line,
                     formatv("expected {0} tab-separated cells, found {1}",
                             Columns.size(), Cells.size())
                         .str());
      if (Error E = Row())
        return E;
    }
    return Error::success();
  }

  /// Parses cell \p I as a typed fact of vocabulary \p V.
  Expected<Fact> fact(unsigned I, Vocabulary V) const;

  StringRef cell(unsigned I) const { return Cells[I]; }

  Error error(StringRef Where, const Twine &Msg, int Cell = -1) const {
    StringRef At = Cell >= 0 ? Cells[Cell] : Where;
    unsigned Col = At.data() - Line.data() + 1;
    std::string Text = (Buffer.getBufferIdentifier() + ":" + Twine(LineNo) +
                        ":" + Twine(Col) + ": " + Msg)
                           .str();
    if (Cell >= 0)
      Text += " (column '" + Columns[Cell].str() + "')";
    return createStringError(inconvertibleErrorCode(), Text);
  }

  Error cellError(unsigned Cell, const Twine &Msg) const {
    return error(Cells[Cell], Msg, Cell);
  }

private:
  MemoryBufferRef Buffer;
  ArrayRef<StringRef> Columns;
  StringRef Rest;
  StringRef Line;
  unsigned LineNo = 0;
  SmallVector<StringRef, 20> Cells;
};
} // namespace

/// Splits "word[?][: detail]" into its parts.
static std::pair<StringRef, StringRef> splitDetail(StringRef Cell,
                                                   bool &Verified) {
  auto [Head, Detail] = Cell.split(": ");
  Head = Head.trim();
  Verified = true;
  if (Head.size() > 1 && Head.endswith("?")) {
    Verified = false;
    Head = Head.drop_back();
  }
  return {Head, Detail.trim()};
}

static bool isAmount(StringRef Word) {
  StringRef Digits = Word.rtrim("KMB");
  return Word.size() - Digits.size() <= 1 && !Digits.empty() &&
         all_of(Digits, [](char C) { return isDigit(C) || C == '.'; });
}

static Optional<Fact> parseFact(StringRef Cell, Vocabulary V) {
  Fact F;
  std::tie(F.Word, F.Detail) = splitDetail(Cell, F.Verified);
  if (F.Word == "?")
    return F;
  Optional<Answer> A;
  switch (V) {
  case Vocabulary::Boolean:
    A = StringSwitch<Optional<Answer>>(F.Word)
            .Case("yes", Answer::Yes)
            .Case("no", Answer::No)
            .Case("partial", Answer::Partial)
            .Default(None);
    break;
  case Vocabulary::Cap:
    if (F.Word == "no")
      A = Answer::No;
    else if (F.Word == "yes" || isAmount(F.Word))
      A = Answer::Yes;
    break;
  case Vocabulary::Copyleft:
    A = StringSwitch<Optional<Answer>>(F.Word)
            .Case("no", Answer::No)
            .Case("weak", Answer::Partial)
            .Cases("strong", "network", Answer::Yes)
            .Default(None);
    break;
  case Vocabulary::Component:
    A = StringSwitch<Optional<Answer>>(F.Word)
            .Cases("yes", "full", Answer::Yes)
            .Cases("no", "none", Answer::No)
            .Cases("partial", "paper", Answer::Partial)
            .Default(None);
    break;
  }
  if (!A)
    return None;
  F.Value = *A;
  return F;
}

Expected<Fact> TableReader::fact(unsigned I, Vocabulary V) const {
  if (Optional<Fact> F = parseFact(Cells[I], V))
    return *F;
  return cellError(I, "unknown value '" + Cells[I] + "'");
}

static const StringRef LicenceColumns[] = {"id",
                                           "spdx",
                                           "name",
                                           "osi",
                                           "non-commercial",
                                           "research-only",
                                           "mau-cap",
                                           "revenue-cap",
                                           "eu-excluded",
                                           "acceptable-use",
                                           "no-training-other-models",
                                           "attribution",
                                           "naming",
                                           "derivatives-same-licence",
                                           "copyleft",
                                           "notes",
                                           "source"};

static Vocabulary vocabularyFor(Trait T) {
  switch (T) {
  case Trait::MauCap:
  case Trait::RevenueCap:
    return Vocabulary::Cap;
  case Trait::Copyleft:
    return Vocabulary::Copyleft;
  default:
    return Vocabulary::Boolean;
  }
}

Error KnowledgeBase::parseLicences(MemoryBufferRef Buffer) {
  TableReader Table(Buffer, LicenceColumns);
  return Table.forEachRow([&]() -> Error {
    Licence L;
    L.ID = Table.cell(0);
    L.Spdx = Table.cell(1);
    L.Name = Table.cell(2);
    for (const TraitInfo &T : Traits) {
      unsigned Col = 3 + static_cast<unsigned>(T.ID);
      Expected<Fact> F = Table.fact(Col, vocabularyFor(T.ID));
      if (!F)
        return F.takeError();
      L.Traits[static_cast<unsigned>(T.ID)] = *F;
    }
    L.Notes = Table.cell(15);
    L.Source = Table.cell(16);
    if (L.Source.empty())
      return Table.cellError(16, "licence '" + L.ID + "' cites no source");
    if (!LicenceIndex.try_emplace(L.ID.lower(), Licences.size()).second)
      return Table.cellError(0, "duplicate licence '" + L.ID + "'");
    // SPDX ids are a second way in; the first licence to claim one keeps it.
    if (!L.Spdx.startswith("("))
      LicenceIndex.try_emplace(L.Spdx.lower(), Licences.size());
    Licences.push_back(L);
    return Error::success();
  });
}

/// Parses "id[?](+id[?])*[: detail]" or "?[: detail]".
static Error parseLicenceList(const TableReader &Table, unsigned Col,
                              const StringMap<unsigned> &Known,
                              SmallVectorImpl<LicenceRef> &Out,
                              StringRef &Detail) {
  StringRef Cell = Table.cell(Col);
  auto [Head, Rest] = Cell.split(": ");
  Detail = Rest.trim();
  if (Head == "?")
    return Error::success();
  // Licence ids may contain '+' themselves ("openrail++"): match the longest
  // known id at each step rather than splitting on '+'.
  while (!Head.empty()) {
    StringRef Best;
    for (const auto &Entry : Known)
      if (Head.startswith(Entry.getKey()) &&
          Entry.getKey().size() > Best.size())
        Best = Head.take_front(Entry.getKey().size());
    if (Best.empty())
      return Table.cellError(Col, "unknown licence in '" + Cell + "'");
    LicenceRef Ref{Best, true};
    Head = Head.drop_front(Best.size());
    if (Head.consume_front("?"))
      Ref.Verified = false;
    Out.push_back(Ref);
    if (!Head.empty() && !Head.consume_front("+"))
      return Table.cellError(Col,
                             "expected '+' between licences in '" + Cell + "'");
  }
  return Error::success();
}

/// Parses "[relation:]id[?](, [relation:]id[?])*[: detail]".
static Error parseBaseModels(const TableReader &Table, unsigned Col,
                             SmallVectorImpl<BaseModelRef> &Out) {
  StringRef Cell = Table.cell(Col);
  StringRef Head = Cell.split(": ").first.trim();
  if (Head.empty() || Head == "?")
    return Error::success();
  SmallVector<StringRef, 2> Parts;
  Head.split(Parts, ", ");
  for (StringRef Part : Parts) {
    BaseModelRef Ref;
    auto [Rel, ID] = Part.split(':');
    if (ID.empty()) {
      ID = Rel;
    } else {
      Optional<BaseRelation> R = StringSwitch<Optional<BaseRelation>>(Rel)
                                     .Case("finetune", BaseRelation::Finetune)
                                     .Case("adapter", BaseRelation::Adapter)
                                     .Case("merge", BaseRelation::Merge)
                                     .Case("quantized", BaseRelation::Quantized)
                                     .Default(None);
      if (!R)
        return Table.cellError(Col, "unknown base-model relation '" + Rel +
                                        "'; expected finetune, adapter, "
                                        "merge or quantized");
      Ref.Relation = *R;
    }
    if (ID.size() > 1 && ID.consume_back("?"))
      Ref.Verified = false;
    if (ID.empty() || ID.contains(' '))
      return Table.cellError(Col, "malformed base model '" + Part + "'");
    Ref.ID = ID;
    Out.push_back(Ref);
  }
  return Error::success();
}

static const StringRef ModelColumns[] = {
    "id",          "kind",     "family",  "licence",     "effective-licences",
    "base-model",  "params",   "weights", "code",        "data",
    "methodology", "openness", "gated",   "eu-excluded", "notes",
    "source"};

static std::string modelKey(ModelKind Kind, StringRef ID) {
  return (modelKindName(Kind) + ":" + ID.lower()).str();
}

Error KnowledgeBase::parseModels(MemoryBufferRef Buffer) {
  TableReader Table(Buffer, ModelColumns);
  return Table.forEachRow([&]() -> Error {
    Model M;
    M.ID = Table.cell(0);
    Optional<ModelKind> Kind = StringSwitch<Optional<ModelKind>>(Table.cell(1))
                                   .Case("hub", ModelKind::Hub)
                                   .Case("ollama", ModelKind::Ollama)
                                   .Case("api", ModelKind::Api)
                                   .Default(None);
    if (!Kind)
      return Table.cellError(1, "unknown model kind '" + Table.cell(1) + "'");
    M.Kind = *Kind;
    M.Family = Table.cell(2);
    StringRef Ignored;
    if (Error E = parseLicenceList(Table, 3, LicenceIndex, M.Declared,
                                   M.LicenceDetail))
      return E;
    if (Error E =
            parseLicenceList(Table, 4, LicenceIndex, M.Effective, Ignored))
      return E;
    if (Error E = parseBaseModels(Table, 5, M.BaseModels))
      return E;
    M.Params = Table.cell(6);
    Fact *Components[] = {&M.Weights, &M.Code, &M.Data, &M.Methodology};
    for (unsigned I = 0; I != 4; ++I) {
      Expected<Fact> F = Table.fact(7 + I, Vocabulary::Component);
      if (!F)
        return F.takeError();
      *Components[I] = *F;
    }
    Optional<Openness> Level = parseOpenness(Table.cell(11));
    if (!Level)
      return Table.cellError(11,
                             "unknown openness level '" + Table.cell(11) + "'");
    M.Level = *Level;
    Expected<Fact> Gated = Table.fact(12, Vocabulary::Boolean);
    if (!Gated)
      return Gated.takeError();
    M.Gated = *Gated;
    if (!Table.cell(13).empty()) {
      Expected<Fact> Eu = Table.fact(13, Vocabulary::Boolean);
      if (!Eu)
        return Eu.takeError();
      M.EuExcluded = *Eu;
    }
    M.Notes = Table.cell(14);
    M.Source = Table.cell(15);
    M.Table = Buffer;
    M.RowOffset = Table.cell(0).data() - Buffer.getBufferStart();
    if (M.Source.empty())
      return Table.cellError(15, "model '" + M.ID + "' cites no source");
    if (!ModelIndex.try_emplace(modelKey(M.Kind, M.ID), Models.size()).second)
      return Table.cellError(0, "duplicate model '" + M.ID + "'");
    Models.push_back(M);
    return Error::success();
  });
}

static const StringRef AlternativeColumns[] = {"from", "to", "to-licence",
                                               "reason"};

Error KnowledgeBase::parseAlternatives(MemoryBufferRef Buffer) {
  TableReader Table(Buffer, AlternativeColumns);
  return Table.forEachRow([&]() -> Error {
    Alternative A;
    A.From = Table.cell(0);
    A.To = Table.cell(1);
    A.Reason = Table.cell(3);
    StringRef Detail;
    if (Error E =
            parseLicenceList(Table, 2, LicenceIndex, A.ToLicences, Detail))
      return E;
    if (A.ToLicences.empty())
      return Table.cellError(2, "an alternative needs a known licence");
    AlternativeIndex[A.From.lower()].push_back(A);
    return Error::success();
  });
}

Expected<std::unique_ptr<KnowledgeBase>>
KnowledgeBase::load(MemoryBufferRef Licences, MemoryBufferRef Models,
                    MemoryBufferRef Alternatives) {
  std::unique_ptr<KnowledgeBase> KB(new KnowledgeBase());
  if (Error E = KB->parseLicences(Licences))
    return std::move(E);
  if (Error E = KB->parseModels(Models))
    return std::move(E);
  if (Error E = KB->parseAlternatives(Alternatives))
    return std::move(E);
  return std::move(KB);
}

static const char LicencesTsv[] = {
#include "Embedded/licences.tsv.inc"
    0};
static const char ModelsTsv[] = {
#include "Embedded/models.tsv.inc"
    0};
static const char AlternativesTsv[] = {
#include "Embedded/alternatives.tsv.inc"
    0};

Expected<std::unique_ptr<KnowledgeBase>> KnowledgeBase::loadBuiltin() {
  auto Ref = [](const char *Data, size_t Size, StringRef Name) {
    return MemoryBufferRef(StringRef(Data, Size - 1), Name);
  };
  return load(Ref(LicencesTsv, sizeof(LicencesTsv), "<builtin>/licences.tsv"),
              Ref(ModelsTsv, sizeof(ModelsTsv), "<builtin>/models.tsv"),
              Ref(AlternativesTsv, sizeof(AlternativesTsv),
                  "<builtin>/alternatives.tsv"));
}

const Licence *KnowledgeBase::lookupLicence(StringRef ID) const {
  auto It = LicenceIndex.find(ID.lower());
  return It == LicenceIndex.end() ? nullptr : &Licences[It->second];
}

const Model *KnowledgeBase::lookupModel(ModelKind Kind, StringRef ID) const {
  auto Find = [&](StringRef Key) -> const Model * {
    auto It = ModelIndex.find(modelKey(Kind, Key));
    return It == ModelIndex.end() ? nullptr : &Models[It->second];
  };
  if (const Model *M = Find(ID))
    return M;
  if (Kind != ModelKind::Ollama)
    return nullptr;
  // Ollama tags: "name:latest" is "name"; "name:8b-instruct-q4_K_M" is a
  // quantisation of "name:8b"; any other tag of "name" shares its licence
  // only when the library lists "name" itself.
  auto [Name, Tag] = ID.split(':');
  if (Tag.empty())
    return nullptr;
  if (Tag == "latest")
    return Find(Name);
  if (const Model *M = Find((Name + ":" + Tag.split('-').first).str()))
    return M;
  return Find(Name);
}

ArrayRef<Alternative> KnowledgeBase::alternativesFor(StringRef ModelID) const {
  auto It = AlternativeIndex.find(ModelID.lower());
  if (It == AlternativeIndex.end())
    return {};
  return It->second;
}

} // namespace licit
