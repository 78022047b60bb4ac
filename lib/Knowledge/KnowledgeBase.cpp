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

SmallVector<Trait, 1> traitsImplying(Trait T) {
  static const std::pair<Trait, Trait> Implications[] = {
#define LICIT_TRAIT(Enum, Column, Rule, FlagWhenAbsent, Phrase)
#define LICIT_TRAIT_IMPLIES(Stronger, Weaker) {Trait::Stronger, Trait::Weaker},
#include "licit/Knowledge/Traits.def"
  };
  SmallVector<Trait, 1> Stronger;
  for (auto [S, W] : Implications)
    if (W == T)
      Stronger.push_back(S);
  return Stronger;
}

bool flagsTrait(Trait T, const Fact &F) {
  if (getTraitInfo(T).FlagWhenAbsent)
    return F.Value == Answer::No;
  return F.Value == Answer::Yes || F.Value == Answer::Partial;
}

bool Licence::flags(Trait T) const { return flagsTrait(T, trait(T)); }

StringRef Licence::namePrefix() const {
  const Fact &F = trait(Trait::Naming);
  if (F.Value == Answer::No)
    return "";
  size_t At = F.Detail.find("begin with '");
  if (At == StringRef::npos)
    return "";
  StringRef Quoted = F.Detail.drop_front(At + 12);
  return Quoted.take_front(Quoted.find('\''));
}

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
  case ModelKind::Weights:
    return "weights";
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
  case BaseRelation::Copy:
    return "copy";
  }
  llvm_unreachable("unknown base relation");
}

namespace {
/// Which words a column accepts.
enum class Vocabulary { Boolean, Cap, Copyleft, Component };

/// A malformed cell or row, carried as an llvm::Error so that row parsers
/// can return early; the reader turns it into a TableProblem.
class TableError : public ErrorInfo<TableError> {
public:
  static char ID;
  TableProblem Problem;
  explicit TableError(TableProblem P) : Problem(std::move(P)) {}
  void log(raw_ostream &OS) const override { OS << Problem.Message; }
  std::error_code convertToErrorCode() const override {
    return inconvertibleErrorCode();
  }
};
char TableError::ID;

/// Walks a TSV table row by row, remembering where each cell is so that a
/// malformed one can be reported at its line and column. A malformed row
/// is recorded and left out; the rows after it are still read.
class TableReader {
public:
  /// The first \p Required columns must be there; the others are optional
  /// (added after organisations wrote tables), their cells empty when the
  /// header leaves them out.
  TableReader(MemoryBufferRef Buffer, ArrayRef<StringRef> Columns,
              std::vector<TableProblem> &Problems, unsigned Required = ~0u)
      : Buffer(Buffer), Columns(Columns), Rest(Buffer.getBuffer()),
        Problems(Problems),
        Required(std::min<size_t>(Required, Columns.size())) {}

  /// Advances to the next row, skipping blank and '#' lines. \returns
  /// false at the end of the table.
  bool nextRow() {
    while (!Rest.empty()) {
      std::tie(Line, Rest) = Rest.split('\n');
      Line = Line.rtrim('\r');
      if (Line.empty() || Line.startswith("#"))
        continue;
      Cells.clear();
      Line.split(Cells, '\t');
      return true;
    }
    return false;
  }

  /// Reads the header, then calls \p Row for each data row; a row that
  /// fails is recorded and skipped. \returns false when the header is not
  /// the expected one (nothing is read then).
  bool forEachRow(function_ref<Error()> Row) {
    if (!nextRow()) {
      recordHeader(
          error(Buffer.getBuffer().take_front(0), "missing header line"));
      return false;
    }
    Present =
        std::max<size_t>(Required, std::min(Cells.size(), Columns.size()));
    for (unsigned I = 0; I != Present; ++I)
      if (I >= Cells.size() || Cells[I] != Columns[I]) {
        recordHeader(error(I < Cells.size() ? Cells[I] : Line,
                           "expected column '" + Columns[I] + "'"));
        return false;
      }
    while (nextRow()) {
      if (Cells.size() != Present) {
        record(error(Line, formatv("expected {0} tab-separated cells, found "
                                   "{1}",
                                   Present, Cells.size())));
        continue;
      }
      if (Error E = Row())
        record(std::move(E));
    }
    return true;
  }

  /// Parses cell \p I as a typed fact of vocabulary \p V.
  Expected<Fact> fact(unsigned I, Vocabulary V) const;

  StringRef cell(unsigned I) const {
    return I < Cells.size() ? Cells[I] : StringRef();
  }
  MemoryBufferRef buffer() const { return Buffer; }

  /// A problem at \p At, which points into the table.
  Error error(StringRef At, const Twine &Msg) const {
    TableProblem P;
    P.Offset = At.data() - Buffer.getBufferStart();
    P.Length = At.size();
    P.Message = Msg.str();
    return make_error<TableError>(std::move(P));
  }

  Error cellError(unsigned Cell, const Twine &Msg) const {
    return error(Cells[Cell], Msg + " (column '" + Columns[Cell] + "')");
  }

private:
  void record(Error E) {
    handleAllErrors(
        std::move(E),
        [&](const TableError &TE) { Problems.push_back(TE.Problem); });
  }
  void recordHeader(Error E) {
    record(std::move(E));
    Problems.back().InHeader = true;
  }

  MemoryBufferRef Buffer;
  ArrayRef<StringRef> Columns;
  StringRef Rest;
  StringRef Line;
  SmallVector<StringRef, 20> Cells;
  std::vector<TableProblem> &Problems;
  unsigned Required;
  /// How many columns the header has.
  unsigned Present = 0;
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

bool KnowledgeBase::parseLicences(MemoryBufferRef Buffer,
                                  std::vector<TableProblem> &Problems) {
  TableReader Table(Buffer, LicenceColumns, Problems);
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
    if (LicenceIndex.count(L.ID.lower()))
      return Table.cellError(0, "duplicate licence '" + L.ID + "'");
    Licences.push_back(L);
    indexLicence(Licences.size() - 1);
    return Error::success();
  });
}

/// Parses "id[?](+id[?])*[: detail]" or "?[: detail]".
static Error parseLicenceList(const KnowledgeBase &KB, const TableReader &Table,
                              unsigned Col, SmallVectorImpl<LicenceRef> &Out,
                              StringRef &Detail) {
  StringRef Cell = Table.cell(Col);
  auto [Head, Rest] = Cell.split(": ");
  Detail = Rest.trim();
  if (Head == "?")
    return Error::success();
  // Licence ids may contain '+' themselves ("openrail++"): take the longest
  // known id ending where a '+' or '?' (or the cell) does.
  while (!Head.empty()) {
    StringRef Best;
    for (size_t End = 1; End <= Head.size(); ++End)
      if ((End == Head.size() || Head[End] == '+' || Head[End] == '?') &&
          KB.lookupLicence(Head.take_front(End)))
        Best = Head.take_front(End);
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
                                     .Case("copy", BaseRelation::Copy)
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
    "source",      "aliases"};

static std::string modelKey(ModelKind Kind, StringRef ID) {
  return (modelKindName(Kind) + ":" + ID.lower()).str();
}

bool KnowledgeBase::parseModels(MemoryBufferRef Buffer,
                                std::vector<TableProblem> &Problems) {
  // "aliases" came later: tables without it still read.
  TableReader Table(Buffer, ModelColumns, Problems, /*Required=*/16);
  return Table.forEachRow([&]() -> Error {
    Model M;
    M.ID = Table.cell(0);
    Optional<ModelKind> Kind = StringSwitch<Optional<ModelKind>>(Table.cell(1))
                                   .Case("hub", ModelKind::Hub)
                                   .Case("ollama", ModelKind::Ollama)
                                   .Case("weights", ModelKind::Weights)
                                   .Case("api", ModelKind::Api)
                                   .Default(None);
    if (!Kind)
      return Table.cellError(1, "unknown model kind '" + Table.cell(1) + "'");
    M.Kind = *Kind;
    M.Family = Table.cell(2);
    StringRef Ignored;
    if (Error E =
            parseLicenceList(*this, Table, 3, M.Declared, M.LicenceDetail))
      return E;
    if (Error E = parseLicenceList(*this, Table, 4, M.Effective, Ignored))
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
    M.TableFile = File;
    M.RowOffset = Table.cell(0).data() - Buffer.getBufferStart();
    if (M.Source.empty())
      return Table.cellError(15, "model '" + M.ID + "' cites no source");
    if (ModelIndex.count(modelKey(M.Kind, M.ID)))
      return Table.cellError(0, "duplicate model '" + M.ID + "'");
    SmallVector<StringRef, 2> Aliases;
    Table.cell(16).split(Aliases, ',', -1, /*KeepEmpty=*/false);
    for (StringRef A : Aliases) {
      A = A.trim();
      if (A.empty() || A.contains(' '))
        return Table.cellError(16, "malformed alias '" + A + "'");
      M.Aliases.push_back(A);
    }
    Models.push_back(M);
    indexModel(Models.size() - 1);
    return Error::success();
  });
}

static const StringRef AlternativeColumns[] = {"from", "to", "to-licence",
                                               "reason"};

bool KnowledgeBase::parseAlternatives(MemoryBufferRef Buffer,
                                      std::vector<TableProblem> &Problems) {
  TableReader Table(Buffer, AlternativeColumns, Problems);
  return Table.forEachRow([&]() -> Error {
    Alternative A;
    A.From = Table.cell(0);
    A.To = Table.cell(1);
    A.Reason = Table.cell(3);
    StringRef Detail;
    if (Error E = parseLicenceList(*this, Table, 2, A.ToLicences, Detail))
      return E;
    if (A.ToLicences.empty())
      return Table.cellError(2, "an alternative needs a known licence");
    indexAlternative(A);
    return Error::success();
  });
}

/// \returns \p P as an error naming file:line:column.
static Error problemError(MemoryBufferRef Buffer, const TableProblem &P) {
  StringRef Before = Buffer.getBuffer().take_front(P.Offset);
  size_t LineStart = Before.rfind('\n') + 1; // npos + 1 == 0.
  return createStringError(inconvertibleErrorCode(), "%s:%zu:%zu: %s",
                           Buffer.getBufferIdentifier().str().c_str(),
                           Before.count('\n') + 1, P.Offset - LineStart + 1,
                           P.Message.c_str());
}

Expected<std::unique_ptr<KnowledgeBase>>
KnowledgeBase::load(MemoryBufferRef Licences, MemoryBufferRef Models,
                    MemoryBufferRef Alternatives) {
  std::unique_ptr<KnowledgeBase> KB(new KnowledgeBase());
  std::vector<TableProblem> Problems;
  for (auto [Buffer, Parse] :
       {std::make_pair(Licences, &KnowledgeBase::parseLicences),
        std::make_pair(Models, &KnowledgeBase::parseModels),
        std::make_pair(Alternatives, &KnowledgeBase::parseAlternatives)}) {
    (KB.get()->*Parse)(Buffer, Problems);
    if (!Problems.empty())
      return problemError(Buffer, Problems.front());
  }
  return std::move(KB);
}

std::unique_ptr<KnowledgeBase>
KnowledgeBase::loadOverlay(const KnowledgeBase &Parent, FileID File,
                           std::unique_ptr<MemoryBuffer> Buffer,
                           std::vector<TableProblem> &Problems) {
  std::unique_ptr<KnowledgeBase> KB(new KnowledgeBase());
  KB->Parent = &Parent;
  KB->File = File;
  MemoryBufferRef Ref = *Buffer;
  KB->Owned = std::move(Buffer);
  // Which table this is, its header says.
  StringRef Header;
  for (StringRef Rest = Ref.getBuffer(); !Rest.empty();) {
    std::tie(Header, Rest) = Rest.split('\n');
    if (!Header.empty() && !Header.startswith("#"))
      break;
  }
  if (Header.startswith("id\tspdx"))
    KB->parseLicences(Ref, Problems);
  else if (Header.startswith("id\tkind"))
    KB->parseModels(Ref, Problems);
  else if (Header.startswith("from\tto"))
    KB->parseAlternatives(Ref, Problems);
  else
    Problems.push_back(
        {unsigned(Header.data() - Ref.getBufferStart()),
         unsigned(Header.size()),
         "expected the header line of a licences, models or alternatives "
         "table (lib/Knowledge/README.md)",
         /*InHeader=*/true});
  return KB;
}

void KnowledgeBase::indexLicence(unsigned I) {
  const Licence &L = Licences[I];
  LicenceIndex[L.ID.lower()] = I;
  // SPDX ids are a second way in; the first licence to claim one keeps it.
  // A cell may explain itself after the id ("AGPL-3.0-only (or ...)").
  StringRef Spdx = L.Spdx.take_until([](char C) { return C == ' '; });
  if (!Spdx.empty() && !Spdx.startswith("("))
    LicenceIndex.try_emplace(Spdx.lower(), I);
}

void KnowledgeBase::indexModel(unsigned I) {
  const Model &M = Models[I];
  ModelIndex[modelKey(M.Kind, M.ID)] = I;
  // A row's own id wins over another row's alias.
  for (StringRef A : M.Aliases)
    ModelIndex.try_emplace(modelKey(M.Kind, A), I);
  if (M.Kind == ModelKind::Hub && M.ID.contains('/')) {
    Organisations.insert(M.ID.split('/').first.lower());
    auto [It, New] = HubNames.try_emplace(M.ID.split('/').second.lower(), I);
    if (!New && It->second != int(I))
      It->second = -1;
  }
}

const Model *KnowledgeBase::lookupHubName(StringRef Name) const {
  std::string Key = Name.lower();
  for (const KnowledgeBase *KB = this; KB; KB = KB->Parent) {
    auto It = KB->HubNames.find(Key);
    if (It != KB->HubNames.end())
      return It->second < 0 ? nullptr : &KB->Models[It->second];
  }
  return nullptr;
}

bool KnowledgeBase::publishesModels(StringRef Org) const {
  std::string Key = Org.lower();
  for (const KnowledgeBase *KB = this; KB; KB = KB->Parent)
    if (KB->Organisations.count(Key))
      return true;
  return false;
}

void KnowledgeBase::indexAlternative(const Alternative &A) {
  AlternativeIndex[A.From.lower()].push_back(A);
}

const Licence *KnowledgeBase::lookupLicence(StringRef ID) const {
  std::string Key = ID.lower();
  for (const KnowledgeBase *KB = this; KB; KB = KB->Parent) {
    auto It = KB->LicenceIndex.find(Key);
    if (It != KB->LicenceIndex.end())
      return &KB->Licences[It->second];
  }
  // SPDX's "-only", "-or-later" and "+" forms of a licence the table lists
  // once ("GPL-3.0-or-later" is gpl-3.0's).
  StringRef Base(Key);
  if (Base.consume_back("-or-later") || Base.consume_back("-only") ||
      Base.consume_back("+"))
    return lookupLicence(Base);
  return nullptr;
}

void KnowledgeBase::licenceIDs(std::vector<StringRef> &Out) const {
  for (const KnowledgeBase *KB = this; KB; KB = KB->Parent)
    for (const Licence &L : KB->Licences)
      Out.push_back(L.ID);
}

/// Hosted models are called by dated or deployment-specific names that
/// belong to a family the tables know: "gpt-4o-2024-08-06",
/// "claude-3-5-sonnet@20240620" (Vertex), "anthropic.claude-3-haiku-
/// 20240307-v1:0" (Bedrock), an Azure deployment "gpt-4o-prod". Drops such
/// decoration, then trailing "-part"s, until a row matches.
template <typename FindFn>
static const Model *lookupApiFamily(StringRef ID, FindFn Find) {
  ID = ID.take_until([](char C) { return C == '@' || C == ':'; });
  // Bedrock: "provider.model-v1", after a region ("us.").
  for (unsigned Drop = 0; Drop != 2; ++Drop) {
    size_t Dot = ID.find('.');
    if (Dot == StringRef::npos || Dot + 1 == ID.size() ||
        isDigit(ID[Dot + 1]) || ID.take_front(Dot).contains('-'))
      break;
    ID = ID.drop_front(Dot + 1);
  }
  if (const Model *M = Find(ID))
    return M;
  while (ID.contains('-')) {
    ID = ID.take_front(ID.rfind('-'));
    if (const Model *M = Find(ID))
      return M;
  }
  return nullptr;
}

const Model *KnowledgeBase::lookupModel(ModelKind Kind, StringRef ID) const {
  // The nearest layer that has the id wins: an overlay replaces a row.
  auto Find = [&](StringRef Name) -> const Model * {
    std::string Key = modelKey(Kind, Name);
    for (const KnowledgeBase *KB = this; KB; KB = KB->Parent) {
      auto It = KB->ModelIndex.find(Key);
      if (It != KB->ModelIndex.end())
        return &KB->Models[It->second];
    }
    return nullptr;
  };
  if (const Model *M = Find(ID))
    return M;
  if (Kind == ModelKind::Api)
    return lookupApiFamily(ID, Find);
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
  std::string Key = ModelID.lower();
  for (const KnowledgeBase *KB = this; KB; KB = KB->Parent) {
    auto It = KB->AlternativeIndex.find(Key);
    if (It != KB->AlternativeIndex.end())
      return It->second;
  }
  return {};
}

} // namespace licit
