//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// Validates located TOML trees against the policy schema and layers them.
// Every problem is a diagnostic into the policy file; compilation always
// yields a usable policy.
//
//===----------------------------------------------------------------------===//

#include "licit/Policy/Policy.h"
#include "licit/Deps/Spdx.h"
#include "licit/Deps/Versions.h"
#include "licit/Formats/Toml.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <ctime>
#include <map>
#include <set>

using namespace llvm;

namespace licit {

bool Date::operator<(const Date &O) const {
  return std::tie(Year, Month, Day) < std::tie(O.Year, O.Month, O.Day);
}

std::string Date::str() const {
  return formatv("{0:d4}-{1:d2}-{2:d2}", Year, Month, Day).str();
}

Date Date::today() {
  std::time_t Now = std::time(nullptr);
  std::tm Local;
  localtime_r(&Now, &Local);
  return {Local.tm_year + 1900, Local.tm_mon + 1, Local.tm_mday};
}

bool ListEntry::matches(StringRef ID) const {
  return Matcher.match(ID.lower());
}

Optional<CopyleftLevel> parseCopyleftLevel(StringRef Word) {
  return StringSwitch<Optional<CopyleftLevel>>(Word)
      .Case("no", CopyleftLevel::None)
      .Case("weak", CopyleftLevel::Weak)
      .Case("strong", CopyleftLevel::Strong)
      .Case("network", CopyleftLevel::Network)
      .Default(None);
}

StringRef copyleftLevelName(CopyleftLevel L) {
  static const StringRef Names[] = {"no", "weak", "strong", "network"};
  return Names[static_cast<unsigned>(L)];
}

bool PolicyException::matches(const Diagnostic &D, StringRef AbsPath) const {
  auto AnyMatch = [](const std::vector<ListEntry> &List, StringRef Value) {
    return List.empty() ||
           any_of(List, [&](const ListEntry &E) { return E.matches(Value); });
  };
  if (!Models.empty() && D.About.Kind != Subject::Model)
    return false;
  // A package by its name alone, or with its ecosystem ("npm:left-pad").
  if (!Packages.empty() &&
      (D.About.Kind != Subject::Package ||
       none_of(Packages, [&](const ListEntry &E) {
         return E.matches(D.About.ID) ||
                E.matches(StringRef(D.About.ID).split(':').second);
       })))
    return false;
  if (!Licences.empty() &&
      (D.About.Licences.empty() ||
       !all_of(D.About.Licences, [&](const std::string &ID) {
         return any_of(Licences,
                       [&](const ListEntry &E) { return E.matches(ID); });
       })))
    return false;
  StringRef Rel = AbsPath;
  if (!Paths.empty()) {
    if (!Rel.consume_front(BaseDir) || !Rel.consume_front("/"))
      return false;
  }
  return AnyMatch(Models, D.About.ID) &&
         AnyMatch(Rules, getRuleInfo(D.Rule).Name) && AnyMatch(Paths, Rel);
}

const ListEntry *CompiledPolicy::findLicence(const std::vector<ListEntry> &List,
                                             StringRef ID) const {
  const Licence *L = Knowledge->lookupLicence(ID);
  for (const ListEntry &E : List)
    if (E.matches(ID) ||
        (L && (E.matches(L->ID) || Knowledge->lookupLicence(E.Pattern) == L)))
      return &E;
  return nullptr;
}

bool CompiledPolicy::scansDocs(RuleID Rule) const {
  if (ScanDocs && ScanDocs->Value)
    return true;
  StringRef Name = getRuleInfo(Rule).Name;
  return any_of(DocsRules, [&](const ListEntry &E) { return E.matches(Name); });
}

Severity CompiledPolicy::severityOf(RuleID Rule) const {
  if (const Located<Severity> *S = settingOf(Rule))
    return S->Value;
  return getRuleInfo(Rule).DefaultSeverity;
}

const Located<Severity> *CompiledPolicy::settingOf(RuleID Rule) const {
  const auto &S = Severities[static_cast<unsigned>(Rule)];
  return S ? S.getPointer() : nullptr;
}

const PolicyException *CompiledPolicy::findException(const Diagnostic &D,
                                                     StringRef AbsPath) const {
  for (const auto &E : Exceptions)
    if (!E->Expired && E->matches(D, AbsPath))
      return E.get();
  return nullptr;
}

static void writeString(raw_ostream &OS, StringRef S) {
  OS << '"';
  for (char C : S)
    if (C == '"' || C == '\\')
      OS << '\\' << C;
    else if (static_cast<unsigned char>(C) < 0x20)
      OS << format("\\u%04x", C);
    else
      OS << C;
  OS << '"';
}

static void writeList(raw_ostream &OS, StringRef Key,
                      const std::vector<ListEntry> &List) {
  if (List.empty())
    return;
  OS << Key << " = [";
  ListSeparator LS;
  for (const ListEntry &E : List) {
    OS << LS;
    if (E.Reason.empty()) {
      writeString(OS, E.Pattern);
      continue;
    }
    OS << "{ id = ";
    writeString(OS, E.Pattern);
    OS << ", reason = ";
    writeString(OS, E.Reason);
    OS << " }";
  }
  OS << "]\n";
}

void CompiledPolicy::dump(raw_ostream &OS) const {
  OS << "# Effective policy, read from " << Path << "\n";
  if (!Exclude.Patterns.empty()) {
    // Relative to the file that wrote each: written here as given.
    OS << "exclude = [";
    ListSeparator LS;
    for (const ExcludeList::Pattern &P : Exclude.Patterns) {
      OS << LS;
      writeString(OS, P.Text);
    }
    OS << "]\n";
  }
  if (DocsRules.empty()) {
    OS << "[scan]\ndocs = " << (ScanDocs && ScanDocs->Value ? "true" : "false")
       << "\n";
  } else {
    OS << "[scan]\n";
    std::vector<ListEntry> Plain;
    for (const ListEntry &Entry : DocsRules)
      Plain.push_back({Entry.Pattern, Entry.Matcher, "", Entry.Range});
    writeList(OS, "docs", Plain);
  }
  OS << "\n[rules]\n";
  for (const RuleInfo &R : allRules())
    if (R.isConfigurable())
      OS << R.Name << " = \"" << severityName(severityOf(R.ID)) << "\"\n";
  OS << "\n[licences]\n";
  writeList(OS, "allow", LicenceAllow);
  writeList(OS, "deny", LicenceDeny);
  OS << "\n[models]\n";
  writeList(OS, "allow", ModelAllow);
  writeList(OS, "deny", ModelDeny);
  writeList(OS, "deny-providers", ProviderDeny);
  if (MinOpenness)
    OS << "min-openness = \"" << opennessName(MinOpenness->Value) << "\"\n";
  OS << "\n[security]\n";
  writeList(OS, "pickle-allow", PickleAllow);
  OS << "\n[dependencies]\n";
  if (DenyCopyleft)
    OS << "deny-copyleft = \"" << copyleftLevelName(DenyCopyleft->Value)
       << "\"\n";
  if (!Bans.empty()) {
    OS << "bans = [";
    ListSeparator LS;
    for (const BanEntry &B : Bans) {
      OS << LS << "{ name = ";
      writeString(OS, B.Package.Pattern);
      if (!B.Versions.empty()) {
        OS << ", versions = ";
        writeString(OS, B.Versions);
      }
      if (!B.Package.Reason.empty()) {
        OS << ", reason = ";
        writeString(OS, B.Package.Reason);
      }
      OS << " }";
    }
    OS << "]\n";
  }
  if (AdvisoryDb) {
    OS << "advisory-db = ";
    writeString(OS, AdvisoryDb->Value);
    OS << "\n";
  }
  if (!KnowledgeTables.empty()) {
    OS << "\n[knowledge]\ntables = [";
    ListSeparator LS;
    for (const KnowledgeTable &T : KnowledgeTables) {
      OS << LS;
      writeString(OS, T.AbsPath);
    }
    OS << "]\n";
  }
  for (const auto &E : Exceptions) {
    OS << "\n[[exceptions]]\n";
    auto Patterns = [](const std::vector<ListEntry> &List) {
      std::vector<ListEntry> Plain;
      for (const ListEntry &Entry : List)
        Plain.push_back({Entry.Pattern, Entry.Matcher, "", Entry.Range});
      return Plain;
    };
    writeList(OS, "models", Patterns(E->Models));
    writeList(OS, "packages", Patterns(E->Packages));
    writeList(OS, "licences", Patterns(E->Licences));
    writeList(OS, "rules", Patterns(E->Rules));
    writeList(OS, "paths", Patterns(E->Paths));
    OS << "reason = ";
    writeString(OS, E->Reason);
    OS << "\n";
    if (E->Expires)
      OS << "expires = " << E->Expires->str() << "\n";
  }
}

//===----------------------------------------------------------------------===//
// Shipped packs
//===----------------------------------------------------------------------===//

static const char DefaultPack[] = {
#include "Embedded/default.toml.inc"
    0};
static const char CommercialPack[] = {
#include "Embedded/commercial.toml.inc"
    0};
static const char OsaidPack[] = {
#include "Embedded/osaid.toml.inc"
    0};

static const StringRef PackNames[] = {"default", "commercial", "osaid"};

ArrayRef<StringRef> PolicyLoader::builtinPackNames() { return PackNames; }

Optional<StringRef> PolicyLoader::builtinPack(StringRef Name) {
  if (Name == "default")
    return StringRef(DefaultPack, sizeof(DefaultPack) - 1);
  if (Name == "commercial")
    return StringRef(CommercialPack, sizeof(CommercialPack) - 1);
  if (Name == "osaid")
    return StringRef(OsaidPack, sizeof(OsaidPack) - 1);
  return None;
}

//===----------------------------------------------------------------------===//
// Compilation
//===----------------------------------------------------------------------===//

class PolicyLoader::Impl {
public:
  Impl(SourceFiles &Files, const KnowledgeBase &KB, vfs::FileSystem &FS,
       TrustBoundary Boundary)
      : Files(Files), KB(KB), FS(FS), Boundary(std::move(Boundary)) {}

  const CompiledPolicy &loadPath(StringRef Path, SourceRange ExtendsRange);
  /// A stand-in for policy file \p Path, which could not be read.
  const CompiledPolicy &unreadable(StringRef Path, StringRef Key, Error Why);
  /// Loads a pyproject.toml that configures licit; null when it does not.
  const CompiledPolicy *loadPyproject(StringRef Path);
  const CompiledPolicy &loadPack(StringRef Name);
  const CompiledPolicy &forDirectory(StringRef Dir, bool Discover);
  /// The problems of the knowledge tables read, by file.
  std::map<FileID, std::vector<Diagnostic>> TableProblems;

private:
  /// Compiles registered file \p File; \p Pyproject selects the
  /// [tool.licit] table of a pyproject.toml.
  const CompiledPolicy &compile(std::string Key, FileID File,
                                std::string BaseDir, bool Pyproject);
  /// Registers and reads the policy file at absolute path \p Abs, named as
  /// diagnostics print it: relative to the working directory when below
  /// it. \returns the file, or the error reading it.
  Expected<FileID> readFile(StringRef Abs);

  // The schema, one function per table.
  void compileRoot(const TomlNode &Root, CompiledPolicy &P);
  void compileKnowledge(const TomlNode &Table, CompiledPolicy &P);
  /// Layers the table in registered file \p Table over \p P's knowledge
  /// (once per parent and table), reporting its malformed rows the first
  /// time the file is read.
  void addKnowledgeTable(CompiledPolicy &P,
                         const CompiledPolicy::KnowledgeTable &Table);
  void compileExtends(const TomlNode &Node, CompiledPolicy &P);
  void compileRules(const TomlNode &Table, CompiledPolicy &P);
  void compileLicences(const TomlNode &Table, CompiledPolicy &P);
  void compileModels(const TomlNode &Table, CompiledPolicy &P);
  void compileSecurity(const TomlNode &Table, CompiledPolicy &P);
  void compileDependencies(const TomlNode &Table, CompiledPolicy &P);
  void compileScan(const TomlNode &Table, CompiledPolicy &P);
  /// Reports each entry that is neither a glob nor a rule id.
  void checkRuleNames(ArrayRef<ListEntry> Rules);
  void compileException(const TomlNode &Table, CompiledPolicy &P);

  // Typed accessors; each reports a wrong type and returns false/None.
  bool expect(const TomlNode &Node, TomlNode::KindTy Kind);
  bool checkKeys(const TomlNode &Table, ArrayRef<StringRef> Known,
                 StringRef Where);
  /// A string or an array of strings.
  std::vector<const TomlNode *> stringList(const TomlNode &Node);
  /// An array of strings or { id, reason } tables; licence ids are checked
  /// against \p P's knowledge.
  std::vector<ListEntry> entryList(const TomlNode &Node, bool Licences,
                                   const CompiledPolicy &P);
  Optional<ListEntry> makeEntry(const TomlNode &Node, StringRef Pattern,
                                StringRef Reason);
  void setSeverity(CompiledPolicy &P, RuleID Rule, Severity S,
                   SourceRange Range, StringRef What);

  Diagnostic &report(RuleID Rule, SourceRange Range, const Twine &Msg) {
    assert(Sink && "problems are found while a policy is compiled");
    return Sink->report(Rule, Range, Msg);
  }
  /// Collects the problems of the file being compiled.
  DiagSink *Sink = nullptr;

  SourceFiles &Files;
  const KnowledgeBase &KB;
  vfs::FileSystem &FS;
  TrustBoundary Boundary;
  /// \returns true when \p Path is a regular file (links followed).
  bool isRegularFile(StringRef Path) {
    ErrorOr<vfs::Status> S = FS.status(Path);
    return S && S->getType() == sys::fs::file_type::regular_file;
  }
  /// Knowledge layers by (parent, table file): policies that name the same
  /// tables over the same base share them.
  std::map<std::pair<const KnowledgeBase *, FileID>,
           std::unique_ptr<KnowledgeBase>>
      Layers;
  StringMap<std::unique_ptr<CompiledPolicy>> Loaded;
  StringMap<const CompiledPolicy *> ByDirectory;
  std::vector<std::string> Loading;
  std::string CurrentPath;
  std::string CurrentDir;
  /// Rules set in the file being compiled, to catch a rule set twice.
  DenseMap<unsigned, SourceRange> SetInThisFile;
};

bool PolicyLoader::Impl::expect(const TomlNode &Node, TomlNode::KindTy Kind) {
  if (Node.Kind == Kind)
    return true;
  TomlNode Want;
  Want.Kind = Kind;
  report(RuleID::PolicyInvalidValue, Node.Range,
         "expected " + Want.kindName() + ", found " + Node.kindName());
  return false;
}

/// The fix that renames the key at \p KeyRange of \p Table to \p To:
/// safe, unless \p To is in the table already ("[rule]" beside "[rules]"),
/// where a rename would define it twice and the two must be merged by hand.
static Fix renameKey(const TomlNode &Table, SourceRange KeyRange,
                     StringRef To) {
  if (Table.get(To))
    return {("merge into the '" + To + "' already defined").str(),
            {Edit{KeyRange, To.str()}},
            Applicability::DisplayOnly};
  return {("replace with '" + To + "'").str(),
          {Edit{KeyRange, To.str()}},
          Applicability::Safe};
}

bool PolicyLoader::Impl::checkKeys(const TomlNode &Table,
                                   ArrayRef<StringRef> Known, StringRef Where) {
  bool OK = true;
  for (const auto &[Key, Value] : Table.Entries) {
    if (is_contained(Known, Key))
      continue;
    OK = false;
    std::string Msg = ("unknown key '" + Key + "' in " + Where).str();
    std::string Hint = suggestClosest(Key, Known);
    if (!Hint.empty())
      Msg += "; did you mean '" + Hint + "'?";
    Diagnostic &D = report(RuleID::PolicyUnknownKey, Value.KeyRange, Msg);
    if (!Hint.empty())
      D.Fixes.push_back(renameKey(Table, Value.KeyRange, Hint));
  }
  return OK;
}

std::vector<const TomlNode *>
PolicyLoader::Impl::stringList(const TomlNode &Node) {
  std::vector<const TomlNode *> Out;
  if (Node.Kind == TomlNode::String) {
    Out.push_back(&Node);
    return Out;
  }
  if (Node.Kind != TomlNode::Array) {
    report(RuleID::PolicyInvalidValue, Node.Range,
           "expected a string or an array of strings, found " +
               Node.kindName());
    return Out;
  }
  for (const TomlNode &Item : Node.Items)
    if (expect(Item, TomlNode::String))
      Out.push_back(&Item);
  return Out;
}

Optional<ListEntry> PolicyLoader::Impl::makeEntry(const TomlNode &Node,
                                                  StringRef Pattern,
                                                  StringRef Reason) {
  Expected<Glob> Matcher = Glob::create(Pattern.lower(), Glob::Syntax::Plain);
  if (!Matcher) {
    report(RuleID::PolicyInvalidValue, Node.Range,
           "invalid pattern '" + Pattern +
               "': " + toString(Matcher.takeError()));
    return None;
  }
  return ListEntry{Pattern.str(), std::move(*Matcher), Reason.str(),
                   Node.Range};
}

std::vector<ListEntry> PolicyLoader::Impl::entryList(const TomlNode &Node,
                                                     bool Licences,
                                                     const CompiledPolicy &P) {
  std::vector<ListEntry> Out;
  if (!expect(Node, TomlNode::Array))
    return Out;
  for (const TomlNode &Item : Node.Items) {
    const TomlNode *ID = &Item;
    std::string Reason;
    if (Item.Kind == TomlNode::Table) {
      checkKeys(Item, {"id", "reason"}, "a list entry");
      ID = Item.get("id");
      if (!ID) {
        report(RuleID::PolicyInvalidValue, Item.Range,
               "list entry needs an 'id'");
        continue;
      }
      if (const TomlNode *R = Item.get("reason"))
        if (expect(*R, TomlNode::String))
          Reason = R->Str;
    }
    if (!expect(*ID, TomlNode::String))
      continue;
    // A licence licit knows, or an SPDX id it may not ("PSF-2.0",
    // "LicenseRef-acme": mixed case, as SPDX writes them).
    if (Licences && !P.Knowledge->lookupLicence(ID->Str) &&
        !(spdx::isIdentifier(ID->Str) &&
          any_of(ID->Str, [](char C) { return C >= 'A' && C <= 'Z'; }))) {
      // Suggest Hub and SPDX spellings alike.
      std::vector<StringRef> Known;
      P.Knowledge->licenceIDs(Known);
      for (size_t I = 0, E = Known.size(); I != E; ++I)
        if (const Licence *L = P.Knowledge->lookupLicence(Known[I]))
          if (StringRef Spdx =
                  L->Spdx.take_until([](char C) { return C == ' '; });
              spdx::isIdentifier(Spdx))
            Known.push_back(Spdx);
      std::string Hint = suggestClosest(ID->Str, Known);
      report(RuleID::PolicyInvalidValue, ID->Range,
             "unknown licence id '" + ID->Str + "'" +
                 (Hint.empty() ? "" : "; did you mean '" + Hint + "'?"));
      continue;
    }
    for (const ListEntry &Prev : Out)
      if (Prev.Pattern == ID->Str) {
        Diagnostic &D = report(RuleID::PolicyDuplicateEntry, ID->Range,
                               "'" + ID->Str + "' is listed twice");
        D.Notes.push_back({Prev.Range, "first listed here"});
      }
    if (Optional<ListEntry> E = makeEntry(*ID, ID->Str, Reason))
      Out.push_back(std::move(*E));
  }
  return Out;
}

void PolicyLoader::Impl::setSeverity(CompiledPolicy &P, RuleID Rule, Severity S,
                                     SourceRange Range, StringRef What) {
  auto [It, Inserted] =
      SetInThisFile.try_emplace(static_cast<unsigned>(Rule), Range);
  if (!Inserted) {
    Diagnostic &D =
        report(RuleID::PolicyDuplicateEntry, Range,
               "severity of '" + getRuleInfo(Rule).Name +
                   "' is set twice in this file; " + What + " wins");
    D.Notes.push_back({It->second, "first set here"});
  }
  P.Severities[static_cast<unsigned>(Rule)] = Located<Severity>{S, Range};
}

void PolicyLoader::Impl::compileRules(const TomlNode &Table,
                                      CompiledPolicy &P) {
  for (const auto &[Key, Value] : Table.Entries) {
    Optional<RuleID> Rule = lookupRule(Key);
    if (!Rule) {
      std::string Hint = suggestRuleName(Key);
      Diagnostic &D =
          report(RuleID::PolicyUnknownRule, Value.KeyRange,
                 "unknown rule id '" + Key + "'" +
                     (Hint.empty() ? "" : "; did you mean '" + Hint + "'?"));
      if (!Hint.empty())
        D.Fixes.push_back(renameKey(Table, Value.KeyRange, Hint));
      continue;
    }
    if (!getRuleInfo(*Rule).isConfigurable()) {
      report(RuleID::PolicyInvalidValue, Value.KeyRange,
             "'" + Key +
                 "' reports problems in policy files; its severity "
                 "cannot be configured");
      continue;
    }
    if (!expect(Value, TomlNode::String))
      continue;
    Optional<Severity> S = parseSeverity(Value.Str);
    if (!S) {
      std::string Hint =
          suggestClosest(Value.Str, {"off", "note", "warning", "error"});
      report(RuleID::PolicyInvalidValue, Value.Range,
             "unknown severity '" + Value.Str +
                 "'; expected 'error', 'warning', 'note' or 'off'" +
                 (Hint.empty() ? "" : " (did you mean '" + Hint + "'?)"));
      continue;
    }
    setSeverity(P, *Rule, *S, Value.KeyRange, "[rules]");
  }
}

void PolicyLoader::Impl::compileLicences(const TomlNode &Table,
                                         CompiledPolicy &P) {
  checkKeys(Table, {"allow", "deny", "deny-traits", "warn-traits"},
            "[licences]");
  for (auto [Key, Level] : {std::make_pair("deny-traits", Severity::Error),
                            std::make_pair("warn-traits", Severity::Warning)}) {
    const TomlNode *List = Table.get(Key);
    if (!List || !expect(*List, TomlNode::Array))
      continue;
    for (const TomlNode *Item : stringList(*List)) {
      Optional<Trait> T = lookupTrait(Item->Str);
      if (!T) {
        std::vector<StringRef> Known;
        for (const TraitInfo &Info : allTraits())
          Known.push_back(Info.Column);
        std::string Hint = suggestClosest(Item->Str, Known);
        report(RuleID::PolicyInvalidValue, Item->Range,
               "unknown licence trait '" + Item->Str + "'" +
                   (Hint.empty() ? "" : "; did you mean '" + Hint + "'?"));
        continue;
      }
      setSeverity(P, getTraitInfo(*T).Rule, Level, Item->Range,
                  (Twine("'") + Key + "'").str());
    }
  }
  if (const TomlNode *Allow = Table.get("allow"))
    append_range(P.LicenceAllow, entryList(*Allow, /*Licences=*/true, P));
  if (const TomlNode *Deny = Table.get("deny"))
    append_range(P.LicenceDeny, entryList(*Deny, /*Licences=*/true, P));
}

void PolicyLoader::Impl::compileSecurity(const TomlNode &Table,
                                         CompiledPolicy &P) {
  checkKeys(Table, {"pickle-allow"}, "[security]");
  if (const TomlNode *Allow = Table.get("pickle-allow"))
    append_range(P.PickleAllow, entryList(*Allow, /*Licences=*/false, P));
}

void PolicyLoader::Impl::compileDependencies(const TomlNode &Table,
                                             CompiledPolicy &P) {
  checkKeys(Table, {"deny-copyleft", "advisory-db", "bans"}, "[dependencies]");
  if (const TomlNode *Bans = Table.get("bans");
      Bans && expect(*Bans, TomlNode::Array))
    for (const TomlNode &Item : Bans->Items) {
      // "name", or { name = "...", versions = "...", reason = "..." }.
      const TomlNode *Name = &Item;
      const TomlNode *Versions = nullptr;
      std::string Reason;
      if (Item.Kind == TomlNode::Table) {
        checkKeys(Item, {"name", "versions", "reason"}, "a ban");
        Name = Item.get("name");
        Versions = Item.get("versions");
        if (const TomlNode *R = Item.get("reason");
            R && expect(*R, TomlNode::String))
          Reason = R->Str;
        if (!Name) {
          report(RuleID::PolicyInvalidValue, Item.Range,
                 "a ban needs a 'name'");
          continue;
        }
      }
      if (!expect(*Name, TomlNode::String) ||
          (Versions && !expect(*Versions, TomlNode::String)))
        continue;
      Optional<ListEntry> Entry = makeEntry(*Name, Name->Str, Reason);
      if (!Entry)
        continue;
      if (Versions) {
        // Checked against a version of the ecosystem the name says.
        Ecosystem Eco = StringRef(Name->Str).startswith("npm:") ? Ecosystem::Npm
                        : StringRef(Name->Str).startswith("crates.io:")
                            ? Ecosystem::Crates
                            : Ecosystem::PyPI;
        if (!versions::satisfies(Eco, Eco == Ecosystem::PyPI ? "0" : "0.0.0",
                                 Versions->Str)) {
          report(RuleID::PolicyInvalidValue, Versions->Range,
                 "'" + Versions->Str + "' is not a version specifier" +
                     (Eco == Ecosystem::PyPI
                          ? " (PEP 440: \">=1.0, <2\", \"~=2.1\")"
                          : " (comparisons: \">=1.0.0, <2.0.0\")"));
          continue;
        }
      }
      P.Bans.push_back({std::move(*Entry), Versions ? Versions->Str : ""});
    }
  if (const TomlNode *Db = Table.get("advisory-db");
      Db && expect(*Db, TomlNode::String)) {
    // Relative to the policy file, as knowledge tables are.
    SmallString<256> Path(Db->Str);
    if (!sys::path::is_absolute(Path))
      sys::fs::make_absolute(CurrentDir, Path);
    sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    P.AdvisoryDb = Located<std::string>{std::string(Path), Db->Range};
  }
  const TomlNode *Deny = Table.get("deny-copyleft");
  if (!Deny || !expect(*Deny, TomlNode::String))
    return;
  Optional<CopyleftLevel> Level = parseCopyleftLevel(Deny->Str);
  if (!Level || *Level == CopyleftLevel::None) {
    report(RuleID::PolicyInvalidValue, Deny->Range,
           "unknown copyleft level '" + Deny->Str +
               "'; expected \"weak\", \"strong\" or \"network\"");
    return;
  }
  P.DenyCopyleft = Located<CopyleftLevel>{*Level, Deny->Range};
}

void PolicyLoader::Impl::compileModels(const TomlNode &Table,
                                       CompiledPolicy &P) {
  checkKeys(Table, {"allow", "deny", "deny-providers", "min-openness"},
            "[models]");
  if (const TomlNode *Allow = Table.get("allow"))
    append_range(P.ModelAllow, entryList(*Allow, /*Licences=*/false, P));
  if (const TomlNode *Deny = Table.get("deny"))
    append_range(P.ModelDeny, entryList(*Deny, /*Licences=*/false, P));
  if (const TomlNode *Deny = Table.get("deny-providers"))
    append_range(P.ProviderDeny, entryList(*Deny, /*Licences=*/false, P));
  if (const TomlNode *Min = Table.get("min-openness")) {
    if (!expect(*Min, TomlNode::String))
      return;
    Optional<Openness> Level = parseOpenness(Min->Str);
    if (!Level) {
      std::string Hint = suggestClosest(Min->Str, opennessNames());
      report(RuleID::PolicyInvalidValue, Min->Range,
             "unknown openness level '" + Min->Str + "'; expected one of " +
                 join(opennessNames(), ", ") +
                 (Hint.empty() ? "" : " (did you mean '" + Hint + "'?)"));
      return;
    }
    P.MinOpenness = Located<Openness>{*Level, Min->Range};
  }
}

void PolicyLoader::Impl::compileScan(const TomlNode &Table, CompiledPolicy &P) {
  checkKeys(Table, {"docs"}, "[scan]");
  const TomlNode *Docs = Table.get("docs");
  if (!Docs)
    return;
  // docs = true, or docs = ["licence-non-commercial", "model-*"].
  if (Docs->Kind == TomlNode::Boolean) {
    P.ScanDocs = Located<bool>{Docs->Bool, Docs->Range};
    P.DocsRules.clear();
    return;
  }
  if (!expect(*Docs, TomlNode::Array))
    return;
  std::vector<ListEntry> Rules;
  for (const TomlNode *Item : stringList(*Docs))
    if (Optional<ListEntry> Entry = makeEntry(*Item, Item->Str, ""))
      Rules.push_back(std::move(*Entry));
  checkRuleNames(Rules);
  P.ScanDocs.reset();
  P.DocsRules = std::move(Rules);
}

void PolicyLoader::Impl::checkRuleNames(ArrayRef<ListEntry> Rules) {
  for (const ListEntry &R : Rules) {
    if (StringRef(R.Pattern).find_first_of("*?[") != StringRef::npos ||
        lookupRule(R.Pattern))
      continue;
    std::string Hint = suggestRuleName(R.Pattern);
    report(RuleID::PolicyUnknownRule, R.Range,
           "unknown rule id '" + R.Pattern + "'" +
               (Hint.empty() ? "" : "; did you mean '" + Hint + "'?"));
  }
}

void PolicyLoader::Impl::compileException(const TomlNode &Table,
                                          CompiledPolicy &P) {
  if (!expect(Table, TomlNode::Table))
    return;
  checkKeys(
      Table,
      {"models", "packages", "licences", "rules", "paths", "reason", "expires"},
      "an exception");
  auto E = std::make_shared<PolicyException>();
  E->Range = Table.Range;
  E->BaseDir = CurrentDir;
  E->PolicyPath = CurrentPath;
  auto Fill = [&](StringRef Key, std::vector<ListEntry> &Out) {
    if (const TomlNode *List = Table.get(Key))
      for (const TomlNode *Item : stringList(*List))
        if (Optional<ListEntry> Entry = makeEntry(*Item, Item->Str, ""))
          Out.push_back(std::move(*Entry));
  };
  Fill("models", E->Models);
  Fill("packages", E->Packages);
  Fill("licences", E->Licences);
  Fill("rules", E->Rules);
  Fill("paths", E->Paths);
  checkRuleNames(E->Rules);
  if (E->Models.empty() && E->Packages.empty() && E->Licences.empty() &&
      E->Rules.empty() && E->Paths.empty())
    report(RuleID::PolicyInvalidValue, Table.Range,
           "exception would cover every finding; name 'models', 'packages', "
           "'licences', 'rules' or 'paths'");
  const TomlNode *Reason = Table.get("reason");
  if (Reason && expect(*Reason, TomlNode::String))
    E->Reason = StringRef(Reason->Str).trim().str();
  if (E->Reason.empty())
    report(RuleID::PolicyMissingReason, Reason ? Reason->Range : Table.Range,
           "exception needs a non-empty 'reason' saying why it is acceptable");
  if (const TomlNode *Expires = Table.get("expires")) {
    if (Expires->Kind != TomlNode::Date) {
      report(RuleID::PolicyInvalidValue, Expires->Range,
             "expected a date such as 2027-01-31, found " +
                 Expires->kindName());
    } else {
      const TomlDate &D = Expires->DateValue;
      E->Expires = Date{D.Year, D.Month, D.Day};
      if (*E->Expires < Date::today()) {
        E->Expired = true;
        report(RuleID::PolicyExpiredException, Expires->Range,
               "exception expired on " + E->Expires->str() +
                   " and no longer applies");
      }
    }
  }
  P.Exceptions.push_back(std::move(E));
}

void PolicyLoader::Impl::compileExtends(const TomlNode &Node,
                                        CompiledPolicy &P) {
  for (const TomlNode *Item : stringList(Node)) {
    const CompiledPolicy *Base = nullptr;
    std::string SavedPath = CurrentPath, SavedDir = CurrentDir;
    auto SavedSet = std::move(SetInThisFile);
    SetInThisFile.clear();
    if (builtinPack(Item->Str)) {
      Base = &loadPack(Item->Str);
    } else {
      SmallString<256> Path(Item->Str);
      if (!sys::path::is_absolute(Path))
        sys::fs::make_absolute(SavedDir, Path);
      // A bare name ("acme") is an organisation pack in a policy directory.
      bool Bare = !StringRef(Item->Str).contains('/');
      bool Found = false;
      if (Bare)
        for (StringRef Dir : Boundary.policyDirs()) {
          SmallString<256> Pack(Dir);
          sys::path::append(Pack, Item->Str + ".toml");
          if (isRegularFile(Pack)) {
            Path = Pack;
            Found = true;
            break;
          }
        }
      if (Bare && !Found && !FS.exists(Path)) {
        report(RuleID::PolicyUnresolvedExtends, Item->Range,
               "no policy pack '" + Item->Str + "': shipped packs are " +
                   join(PolicyLoader::builtinPackNames(), ", ") +
                   "; an organisation's packs are found in the policy "
                   "directories (--policy-path)");
        Base = &loadPack("default");
      } else {
        Base = &loadPath(Path, Item->Range);
      }
    }
    CurrentPath = SavedPath;
    CurrentDir = SavedDir;
    SetInThisFile = std::move(SavedSet);
    P.Bases.push_back(Base);
    // Layer the base under this file: later files win for severities and
    // scalars; lists and exceptions accumulate.
    for (unsigned I = 0; I != NumRules; ++I)
      if (Base->Severities[I])
        P.Severities[I] = Base->Severities[I];
    append_range(P.LicenceAllow, Base->LicenceAllow);
    append_range(P.LicenceDeny, Base->LicenceDeny);
    append_range(P.ModelAllow, Base->ModelAllow);
    append_range(P.ModelDeny, Base->ModelDeny);
    append_range(P.ProviderDeny, Base->ProviderDeny);
    append_range(P.PickleAllow, Base->PickleAllow);
    if (Base->MinOpenness)
      P.MinOpenness = Base->MinOpenness;
    if (Base->DenyCopyleft)
      P.DenyCopyleft = Base->DenyCopyleft;
    if (Base->AdvisoryDb)
      P.AdvisoryDb = Base->AdvisoryDb;
    append_range(P.Bans, Base->Bans);
    if (Base->ScanDocs || !Base->DocsRules.empty()) {
      P.ScanDocs = Base->ScanDocs;
      P.DocsRules = Base->DocsRules;
    }
    append_range(P.Exceptions, Base->Exceptions);
    append_range(P.Exclude.Patterns, Base->Exclude.Patterns);
    for (const CompiledPolicy::KnowledgeTable &T : Base->KnowledgeTables)
      addKnowledgeTable(P, T);
  }
}

void PolicyLoader::Impl::addKnowledgeTable(
    CompiledPolicy &P, const CompiledPolicy::KnowledgeTable &Table) {
  if (any_of(P.KnowledgeTables, [&](const CompiledPolicy::KnowledgeTable &T) {
        return T.File == Table.File;
      }))
    return;
  auto &Layer = Layers[{P.Knowledge, Table.File}];
  if (!Layer) {
    bool FirstUse = !TableProblems.count(Table.File);
    const SourceFile &F = Files.get(Table.File);
    std::vector<TableProblem> Problems;
    Layer = KnowledgeBase::loadOverlay(
        *P.Knowledge, Table.File,
        MemoryBuffer::getMemBufferCopy(F.text(), F.Path), Problems);
    // The same rows over another base: the same problems, kept once.
    DiagSink TableSink;
    if (FirstUse)
      for (const TableProblem &TP : Problems)
        TableSink.report(RuleID::PolicyInvalidKnowledge,
                         {Table.File, TP.Offset, TP.Offset + TP.Length},
                         TP.Message + (TP.InHeader
                                           ? "; nothing in the table is read"
                                           : "; the row is left out"));
    TableSink.moveTo(TableProblems[Table.File]);
  }
  P.Knowledge = Layer.get();
  P.KnowledgeTables.push_back(Table);
}

void PolicyLoader::Impl::compileKnowledge(const TomlNode &Table,
                                          CompiledPolicy &P) {
  checkKeys(Table, {"tables"}, "[knowledge]");
  const TomlNode *Tables = Table.get("tables");
  if (!Tables)
    return;
  for (const TomlNode *Item : stringList(*Tables)) {
    SmallString<256> Path(Item->Str);
    if (!sys::path::is_absolute(Path))
      sys::fs::make_absolute(CurrentDir, Path);
    sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    Expected<FileID> File = readFile(Path);
    if (!File) {
      report(RuleID::PolicyInvalidValue, Item->Range,
             "cannot read knowledge table '" + Item->Str +
                 "': " + toString(File.takeError()));
      continue;
    }
    addKnowledgeTable(P, {*File, std::string(Path), Item->Range});
  }
}

void PolicyLoader::Impl::compileRoot(const TomlNode &Root, CompiledPolicy &P) {
  checkKeys(Root,
            {"extends", "exclude", "scan", "knowledge", "rules", "licences",
             "models", "security", "dependencies", "exceptions"},
            "a policy");
  if (const TomlNode *Extends = Root.get("extends"))
    compileExtends(*Extends, P);
  // After the bases' patterns: the last matching pattern decides.
  if (const TomlNode *Exclude = Root.get("exclude"))
    for (const TomlNode *Item : stringList(*Exclude)) {
      if (StringRef(Item->Str).trim().empty()) {
        report(RuleID::PolicyInvalidValue, Item->Range,
               "empty exclude pattern");
        continue;
      }
      P.Exclude.Patterns.push_back({Item->Str, CurrentDir, Item->Range});
    }
  // Before the lists: they may name the organisation's own licences.
  if (const TomlNode *Knowledge = Root.get("knowledge"))
    if (expect(*Knowledge, TomlNode::Table))
      compileKnowledge(*Knowledge, P);
  if (const TomlNode *Licences = Root.get("licences"))
    if (expect(*Licences, TomlNode::Table))
      compileLicences(*Licences, P);
  if (const TomlNode *Rules = Root.get("rules"))
    if (expect(*Rules, TomlNode::Table))
      compileRules(*Rules, P);
  if (const TomlNode *Models = Root.get("models"))
    if (expect(*Models, TomlNode::Table))
      compileModels(*Models, P);
  if (const TomlNode *Security = Root.get("security"))
    if (expect(*Security, TomlNode::Table))
      compileSecurity(*Security, P);
  if (const TomlNode *Deps = Root.get("dependencies"))
    if (expect(*Deps, TomlNode::Table))
      compileDependencies(*Deps, P);
  if (const TomlNode *Scan = Root.get("scan"))
    if (expect(*Scan, TomlNode::Table))
      compileScan(*Scan, P);
  if (const TomlNode *Exceptions = Root.get("exceptions"))
    if (expect(*Exceptions, TomlNode::Array))
      for (const TomlNode &E : Exceptions->Items)
        compileException(E, P);
}

const CompiledPolicy &PolicyLoader::Impl::compile(std::string Key, FileID File,
                                                  std::string BaseDir,
                                                  bool Pyproject) {
  auto Policy = std::make_unique<CompiledPolicy>();
  const SourceFile &F = Files.get(File);
  Policy->Path = F.Path;
  Policy->Knowledge = &KB;
  CurrentPath = Policy->Path;
  CurrentDir = BaseDir;
  SetInThisFile.clear();
  const TomlReadResult &Read = parsedToml(F);
  Loading.push_back(Key);
  DiagSink Problems;
  DiagSink *Outer = std::exchange(Sink, &Problems);
  if (!Read.Root) {
    report(RuleID::PolicySyntax, Read.ErrorRange,
           "invalid TOML: " + Read.ErrorMessage);
  } else {
    const TomlNode *Root = &*Read.Root;
    if (Pyproject) {
      const TomlNode *Tool = Root->get("tool");
      Root = Tool ? Tool->get("licit") : nullptr;
    }
    if (Root && expect(*Root, TomlNode::Table))
      compileRoot(*Root, *Policy);
  }
  Sink = Outer;
  Problems.moveTo(Policy->Problems);
  Loading.pop_back();
  auto &Slot = Loaded[Key];
  Slot = std::move(Policy);
  return *Slot;
}

const CompiledPolicy &PolicyLoader::Impl::loadPack(StringRef Name) {
  std::string Key = ("<builtin>/" + Name + ".toml").str();
  auto It = Loaded.find(Key);
  if (It != Loaded.end())
    return *It->second;
  return compile(Key, Files.addBuiltin(Key, *PolicyLoader::builtinPack(Name)),
                 "", /*Pyproject=*/false);
}

Expected<FileID> PolicyLoader::Impl::readFile(StringRef Abs) {
  auto Refuse = [](const Twine &Why) {
    return createStringError(inconvertibleErrorCode(), Why);
  };
  ErrorOr<vfs::Status> Status = FS.status(Abs);
  if (!Status)
    return Refuse(Status.getError().message());
  // What the path really names decides: a link out of the tree is out.
  std::string Real = resolvePath(FS, Abs);
  if (!Boundary.mayRead(Real))
    return Refuse("it is outside the checked tree and the policy "
                  "directories (docs/Security.md)");
  if (Status->getType() != sys::fs::file_type::regular_file)
    return Refuse("not a regular file");
  if (Status->getSize() > MaxPolicyFileSize)
    return Refuse("larger than " + Twine(MaxPolicyFileSize >> 20) + " MiB");
  SmallString<256> Cwd;
  StringRef Shown = Abs;
  if (sys::fs::current_path(Cwd) || !Shown.consume_front(Cwd) ||
      !Shown.consume_front("/"))
    Shown = Abs;
  FileID ID = Files.add(Shown, Real).first;
  SourceFile &F = Files.get(ID);
  if (!F.Buffer) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer =
        FS.getBufferForFile(Real, Status->getSize(),
                            /*RequiresNullTerminator=*/false);
    if (!Buffer)
      return Refuse(Buffer.getError().message());
    F.setContents(std::move(*Buffer));
  }
  return ID;
}

const CompiledPolicy &PolicyLoader::Impl::unreadable(StringRef Path,
                                                     StringRef Key, Error Why) {
  // The default pack stands in, carrying the problem so that every run
  // that uses it says so.
  auto Policy = std::make_unique<CompiledPolicy>(loadPack("default"));
  Policy->Path = Path.str();
  Policy->Bases = {&loadPack("default")};
  Policy->Problems.clear();
  DiagSink Problem;
  Problem.report(RuleID::PolicyUnresolvedExtends,
                 SourceRange::wholeFile(Files.add(Path, Key).first),
                 "cannot load policy: " + toString(std::move(Why)));
  Problem.moveTo(Policy->Problems);
  auto &Slot = Loaded[Key];
  Slot = std::move(Policy);
  return *Slot;
}

const CompiledPolicy &PolicyLoader::Impl::loadPath(StringRef Path,
                                                   SourceRange ExtendsRange) {
  std::string Key = absolutePath(Path);
  if (is_contained(Loading, Key)) {
    report(RuleID::PolicyUnresolvedExtends, ExtendsRange,
           "policy '" + Path + "' extends itself");
    return loadPack("default");
  }
  auto It = Loaded.find(Key);
  if (It != Loaded.end())
    return *It->second;
  Expected<FileID> File = readFile(Key);
  if (!File) {
    if (!ExtendsRange.hasFile())
      return unreadable(Path, Key, File.takeError());
    report(RuleID::PolicyUnresolvedExtends, ExtendsRange,
           "cannot load policy '" + Path + "': " + toString(File.takeError()) +
               "; shipped packs are " +
               join(PolicyLoader::builtinPackNames(), ", "));
    return loadPack("default");
  }
  return compile(Key, *File, sys::path::parent_path(Key).str(),
                 sys::path::filename(Key) == "pyproject.toml");
}

const CompiledPolicy *PolicyLoader::Impl::loadPyproject(StringRef Path) {
  std::string Key = absolutePath(Path);
  auto It = Loaded.find(Key);
  if (It != Loaded.end())
    return It->second.get();
  Expected<FileID> File = readFile(Key);
  if (!File) {
    // Not ours to read (a link out of the tree, a FIFO): then it configures
    // nothing, and licit says nothing of it.
    consumeError(File.takeError());
    return nullptr;
  }
  // Parsed once: to see whether licit is configured here, then to compile.
  // A malformed file counts as configured, so its syntax error is reported.
  const SourceFile &F = Files.get(*File);
  const TomlReadResult &Read = parsedToml(F);
  if (Read.Root) {
    const TomlNode *Tool = Read.Root->get("tool");
    if (!Tool || !Tool->get("licit"))
      return nullptr;
  }
  return &compile(Key, *File, sys::path::parent_path(Key).str(),
                  /*Pyproject=*/true);
}

const CompiledPolicy &PolicyLoader::Impl::forDirectory(StringRef Dir,
                                                       bool Discover) {
  if (!Discover)
    return loadPack("default");
  std::string Abs = absolutePath(Dir);
  std::vector<std::string> Visited;
  const CompiledPolicy *Found = nullptr;
  // Up to the checked tree's root (its repository's), never above it.
  for (StringRef D = Abs; !D.empty() && Boundary.isInCheckedTree(D);
       D = sys::path::parent_path(D)) {
    auto Cached = ByDirectory.find(D);
    if (Cached != ByDirectory.end()) {
      Found = Cached->second;
      break;
    }
    Visited.push_back(D.str());
    SmallString<256> Candidate(D);
    sys::path::append(Candidate, ".licit.toml");
    if (isRegularFile(Candidate)) {
      Found = &loadPath(Candidate, SourceRange());
      break;
    }
    Candidate = D;
    sys::path::append(Candidate, "pyproject.toml");
    if (isRegularFile(Candidate))
      if ((Found = loadPyproject(Candidate)))
        break;
  }
  if (!Found)
    Found = &loadPack("default");
  for (const std::string &D : Visited)
    ByDirectory[D] = Found;
  return *Found;
}

PolicyLoader::PolicyLoader(SourceFiles &Files, const KnowledgeBase &KB,
                           vfs::FileSystem &FS, TrustBoundary Boundary)
    : P(std::make_unique<Impl>(Files, KB, FS, std::move(Boundary))) {}
PolicyLoader::~PolicyLoader() = default;

const CompiledPolicy &PolicyLoader::loadFile(StringRef Path) {
  return P->loadPath(Path, SourceRange());
}

const CompiledPolicy &PolicyLoader::policyForDirectory(StringRef Dir,
                                                       bool Discover) {
  return P->forDirectory(Dir, Discover);
}

const CompiledPolicy &PolicyLoader::defaultPolicy() {
  return P->loadPack("default");
}

void PolicyLoader::problemsOf(ArrayRef<const CompiledPolicy *> Policies,
                              std::vector<Diagnostic> &Out) const {
  SmallPtrSet<const CompiledPolicy *, 8> Seen;
  std::set<FileID> Tables;
  std::vector<const CompiledPolicy *> Work(Policies.begin(), Policies.end());
  while (!Work.empty()) {
    const CompiledPolicy *Policy = Work.back();
    Work.pop_back();
    if (!Seen.insert(Policy).second)
      continue;
    append_range(Out, Policy->Problems);
    for (const CompiledPolicy::KnowledgeTable &T : Policy->KnowledgeTables)
      if (Tables.insert(T.File).second) {
        auto It = P->TableProblems.find(T.File);
        if (It != P->TableProblems.end())
          append_range(Out, It->second);
      }
    append_range(Work, Policy->Bases);
  }
}

void PolicyLoader::reportUnusedExceptions(
    ArrayRef<const CompiledPolicy *> Policies,
    const DenseSet<const PolicyException *> &Used,
    std::vector<Diagnostic> &Out) const {
  // A policy holds its bases' exceptions too (shared): report each once.
  SmallPtrSet<const PolicyException *, 8> Seen;
  DiagSink Sink;
  for (const CompiledPolicy *Policy : Policies)
    for (const auto &E : Policy->Exceptions)
      if (Seen.insert(E.get()).second && !E->Expired && !Used.count(E.get()))
        Sink.report(RuleID::PolicyUnusedException, E->Range,
                    "exception matched no finding; remove it or narrow what "
                    "it names");
  Sink.moveTo(Out);
}

} // namespace licit
