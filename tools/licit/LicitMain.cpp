//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// The licit command line: parses options, runs a Scan, prints, and maps the
// result to an exit code (0 clean, 1 error findings, 2 bad input to licit).
// Subcommands: `check` (the default) and `models` (the inventory).
//
//===----------------------------------------------------------------------===//

#include "licit/CFamily/ModelRefs.h"
#include "licit/Deps/Advisories.h"
#include "licit/Driver/ApplyFixes.h"
#include "licit/Driver/Baseline.h"
#include "licit/Driver/Discovery.h"
#include "licit/Driver/Explain.h"
#include "licit/Driver/Scan.h"
#include "licit/Driver/Suppressions.h"
#include "licit/Driver/Workspace.h"
#include "licit/Facts/HubCache.h"
#include "licit/Facts/InstalledPackages.h"
#include "licit/Knowledge/KnowledgeBase.h"
#include "licit/Output/Emitters.h"
#include "licit/Pass/PassRegistry.h"
#include "licit/Policy/Policy.h"
#include "llvm/Pass.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace licit;

static cl::OptionCategory LicitCategory("licit options");
// "licit check ..." and "licit ..." are the same command; "licit models"
// shares its options. The subcommand word is taken off before option
// parsing rather than modelled as a cl::SubCommand, because LLVM Support's
// own --color lives on the top level only.
#define LICIT_SUBS cl::NotHidden

enum class Command { Check, Models, Deps, Explain };
enum class OutputFormat { Full, Concise, Json, Sarif, Github, ParseableFixits };

static cl::list<std::string> Paths(cl::Positional, cl::desc("[paths...]"),
                                   LICIT_SUBS, cl::cat(LicitCategory));
static cl::opt<OutputFormat> Format(
    "format",
    cl::desc("Output format (default: full; concise under pre-commit, "
             "where PRE_COMMIT is set)"),
    cl::values(
        clEnumValN(OutputFormat::Full, "full",
                   "clang-style text: each finding with its source line, "
                   "notes and fixes"),
        clEnumValN(OutputFormat::Concise, "concise", "one line per finding"),
        clEnumValN(OutputFormat::Json, "json",
                   "JSON, documented in docs/json-format.md"),
        clEnumValN(OutputFormat::Sarif, "sarif", "SARIF 2.1.0"),
        clEnumValN(OutputFormat::Github, "github",
                   "GitHub Actions workflow commands (annotations)"),
        clEnumValN(OutputFormat::ParseableFixits, "parseable-fixits",
                   "clang's fix-it:\"file\":{l:c-l:c}:\"text\" lines")),
    LICIT_SUBS, cl::cat(LicitCategory));
static cl::opt<std::string> OutputFile(
    "output",
    cl::desc("Write the findings to this file instead of standard output "
             "(the summary and licit's own errors stay on the terminal)"),
    cl::value_desc("file"), LICIT_SUBS, cl::cat(LicitCategory));
static cl::opt<std::string> StdinFilename(
    "stdin-filename",
    cl::desc("Check standard input (given as the path '-') as if it were "
             "this file, with its policy"),
    cl::value_desc("path"), LICIT_SUBS, cl::cat(LicitCategory));
static cl::opt<bool> NoIgnore("no-ignore",
                              cl::desc("Do not honour .gitignore, .ignore or "
                                       ".git/info/exclude"),
                              LICIT_SUBS, cl::cat(LicitCategory));
static cl::opt<std::string>
    PolicyPath("policy",
               cl::desc("Use this policy file for every checked file instead "
                        "of discovering .licit.toml files"),
               cl::value_desc("file"), LICIT_SUBS, cl::cat(LicitCategory));
static cl::list<std::string> PolicyPathDirs(
    "policy-path",
    cl::desc("A directory of the organisation's policy packs: `extends` "
             "names them without a path, and licit may read them "
             "(also LICIT_POLICY_PATH, ':'-separated)"),
    cl::value_desc("dir"), cl::CommaSeparated, LICIT_SUBS,
    cl::cat(LicitCategory));
static cl::opt<bool> DumpConfig(
    "dump-config",
    cl::desc("Print the effective policy for the first path and exit"),
    LICIT_SUBS, cl::cat(LicitCategory));
static cl::opt<bool> ListPasses("list-passes",
                                cl::desc("List the passes and exit"),
                                LICIT_SUBS, cl::cat(LicitCategory));
static cl::opt<bool> ListFiles(
    "list-files",
    cl::desc("List the files discovery finds under the paths, after ignore "
             "files, and exit"),
    LICIT_SUBS, cl::cat(LicitCategory));
static cl::opt<bool> ListRules(
    "list-rules",
    cl::desc("List the rule ids with their severity under the policy of the "
             "first path, and exit"),
    LICIT_SUBS, cl::cat(LicitCategory));
static cl::opt<std::string>
    PassGlobs("passes",
              cl::desc("Comma-separated globs of passes to run; a leading "
                       "'-' removes ('-*,extract-*')"),
              cl::init("*"), LICIT_SUBS, cl::cat(LicitCategory));
static cl::opt<std::string> WarningsAsErrors(
    "warnings-as-errors",
    cl::desc("Comma-separated globs of rule ids whose warnings are errors"),
    cl::init(""), LICIT_SUBS, cl::cat(LicitCategory));
static cl::opt<bool>
    FixOpt("fix", cl::desc("Apply the safe fix-its of reported findings"),
           LICIT_SUBS, cl::cat(LicitCategory));
static cl::opt<bool> UnsafeFixes(
    "unsafe-fixes",
    cl::desc("With --fix, also apply unsafe fix-its (they change behaviour, "
             "e.g. swap a model for an alternative)"),
    LICIT_SUBS, cl::cat(LicitCategory));
static cl::opt<std::string> BuildPath(
    "p",
    cl::desc("The build directory whose compile_commands.json C and C++ "
             "files are parsed with, as clang-tidy's -p (default: the "
             "checked directory or its build/)"),
    cl::value_desc("dir"), LICIT_SUBS, cl::cat(LicitCategory));
static cl::opt<std::string> HfCache(
    "hf-cache",
    cl::desc("The Hugging Face hub cache to read model cards from (default: "
             "$HF_HUB_CACHE, $HF_HOME/hub or ~/.cache/huggingface/hub); "
             "read, never written"),
    cl::value_desc("dir"), LICIT_SUBS, cl::cat(LicitCategory));
static cl::list<std::string> PythonEnv(
    "python-env",
    cl::desc("An environment whose installed packages say their licences (a "
             "venv, a conda environment, a directory with node_modules; "
             "default: .venv, venv, env or node_modules beside the first "
             "path); read, never run"),
    cl::value_desc("dir"), LICIT_SUBS, cl::cat(LicitCategory));
static cl::opt<std::string> AdvisoryDbDir(
    "advisory-db",
    cl::desc("A directory of OSV advisory records (JSON files, or an "
             "ecosystem's all.zip) to check pinned and installed dependency "
             "versions against, for policies that name none; read, never "
             "updated"),
    cl::value_desc("dir"), LICIT_SUBS, cl::cat(LicitCategory));
static cl::opt<std::string> AddSuppressions(
    "add-suppressions",
    cl::desc("Write a 'licit: ignore[rule] REASON' comment for each finding "
             "(on its line, or above its statement), then exit"),
    cl::value_desc("reason"), LICIT_SUBS, cl::cat(LicitCategory));
static cl::opt<std::string> BaselinePath(
    "baseline",
    cl::desc("Hide the findings this baseline records (docs/baseline.md); "
             "report its entries that no longer match"),
    cl::value_desc("file"), LICIT_SUBS, cl::cat(LicitCategory));
static cl::opt<std::string> WriteBaseline(
    "write-baseline",
    cl::desc("Record the current findings in this baseline file, then exit"),
    cl::value_desc("file"), LICIT_SUBS, cl::cat(LicitCategory));
static cl::opt<std::string> ExportFixes(
    "export-fixes",
    cl::desc("Write the fixes --fix would apply to this file as YAML that "
             "clang-apply-replacements applies (with --unsafe-fixes, unsafe "
             "ones too)"),
    cl::value_desc("file"), LICIT_SUBS, cl::cat(LicitCategory));
static cl::opt<unsigned>
    Jobs("j", cl::desc("Number of threads (default: all cores)"), cl::init(0),
         LICIT_SUBS, cl::cat(LicitCategory));
static void printVersion(raw_ostream &OS) {
  OS << "licit version " LICIT_VERSION "\n";
}

static int fail(const Twine &Message) {
  WithColor::error(errs(), "licit") << Message << "\n";
  return 2;
}

static void listPasses() {
  for (const licit::PassInfo &P : allPasses())
    outs() << P.Name << "\n    " << P.Description << "\n";
}

/// Writes an output file licit was asked for (--output, --export-fixes):
/// atomically, unless it is not a regular file (/dev/stdout, a pipe).
static Error writeOutput(StringRef Path, StringRef Content) {
  sys::fs::file_status Status;
  if (!sys::fs::status(Path, Status) && !sys::fs::is_regular_file(Status)) {
    std::error_code EC;
    raw_fd_ostream OS(Path, EC);
    if (!EC) {
      OS << Content;
      OS.close();
      EC = OS.error();
    }
    return EC ? createFileError(Path, EC) : Error::success();
  }
  return writeFileAtomically(Path, Content);
}

/// --add-suppressions: comments the findings of \p S, then says what it
/// wrote (ruff's --add-noqa).
static int addSuppressions(Scan &S, const TrustBoundary &Boundary,
                           StringRef Reason) {
  SuppressionPlan Plan = planSuppressions(S.diagnostics(), S.files(), Reason);
  unsigned Files = 0, Comments = 0;
  int Exit = 0;
  for (const auto &[ID, Edits] : Plan.Edits) {
    const SourceFile &F = S.files().get(ID);
    if (!Boundary.isInCheckedTree(F.AbsPath))
      continue;
    if (Error E = rewriteFile(F, Edits)) {
      Exit = fail("--add-suppressions: " + toString(std::move(E)));
      continue;
    }
    ++Files;
    Comments += Edits.size();
  }
  outs() << "Added " << Comments << " suppression" << (Comments == 1 ? "" : "s")
         << " to " << Files << " file" << (Files == 1 ? "" : "s") << ".\n";
  if (Plan.NoComment)
    outs() << Plan.NoComment
           << (Plan.NoComment == 1 ? " finding is" : " findings are")
           << " in files without comments or cannot be "
              "suppressed inline: accept them with a policy exception.\n";
  return Exit ? Exit : (S.exitCode() == 2 ? 2 : 0);
}

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  SmallVector<const char *, 16> Args(argv, argv + argc);
  Command Cmd = Command::Check;
  if (Args.size() > 1 && StringRef(Args[1]) == "check") {
    Args.erase(Args.begin() + 1);
  } else if (Args.size() > 1 && StringRef(Args[1]) == "models") {
    Cmd = Command::Models;
    Args.erase(Args.begin() + 1);
  } else if (Args.size() > 1 && StringRef(Args[1]) == "deps") {
    Cmd = Command::Deps;
    Args.erase(Args.begin() + 1);
  } else if (Args.size() > 1 && StringRef(Args[1]) == "explain") {
    Cmd = Command::Explain;
    Args.erase(Args.begin() + 1);
  }
  // https://no-color.org: NO_COLOR, when set and not empty, turns colour
  // off unless --color says otherwise.
  bool ColorGiven =
      any_of(ArrayRef<const char *>(Args).drop_front(), [](StringRef A) {
        return A.startswith("--color") || A.startswith("-color");
      });
  Optional<std::string> NoColor = sys::Process::GetEnv("NO_COLOR");
  if (!ColorGiven && NoColor && !NoColor->empty())
    Args.push_back("--color=never");
  // libLLVM owns --color (WithColor's true/false switch); licit spells it
  // --color=auto|always|never and translates before parsing.
  for (auto It = Args.begin() + 1; It != Args.end();) {
    StringRef Arg(*It);
    if (!Arg.consume_front("--color=") && !Arg.consume_front("-color=")) {
      ++It;
      continue;
    }
    if (Arg == "auto") {
      It = Args.erase(It);
      continue;
    }
    if (Arg != "always" && Arg != "never")
      return fail("--color: expected 'auto', 'always' or 'never', not '" + Arg +
                  "'");
    *It = Arg == "always" ? "--color=true" : "--color=false";
    ++It;
  }
  // LLVM Support owns --color (WithColor's switch, which licit's
  // --color=auto|always|never is translated to above): list it with
  // licit's options.
  cl::Option *Color = cl::getRegisteredOptions()["color"];
  Color->setDescription("Colour the output: --color=auto|always|never "
                        "(default auto; NO_COLOR turns it off)");
  Color->Categories.assign({&LicitCategory});
  // So does LLVM's --time-passes (llvm::TimePassesIsEnabled), linked in
  // with Clang: licit reports its own passes through it.
  cl::Option *TimePasses = cl::getRegisteredOptions()["time-passes"];
  TimePasses->setDescription("Report the time each pass took");
  TimePasses->setHiddenFlag(cl::NotHidden);
  TimePasses->Categories.assign({&LicitCategory});
  cl::HideUnrelatedOptions(LicitCategory);
  cl::SetVersionPrinter(printVersion);
  if (!cl::ParseCommandLineOptions(
          Args.size(), Args.data(),
          "licit: checks that the models an ML project uses are licensed for "
          "what the project does\n\n"
          "  licit [check] [options] [paths...]   report policy violations\n"
          "  licit models [options] [paths...]    list every model reference "
          "and what it resolves to\n"
          "  licit deps [options] [paths...]      list every dependency and "
          "its licence\n"
          "  licit explain RULE|LICENCE|MODEL [path]\n"
          "                                       what licit knows about it, "
          "under the policy for path\n",
          &errs()))
    return 2;

  if (ListPasses) {
    listPasses();
    return 0;
  }

  std::unique_ptr<KnowledgeBase> KB = KnowledgeBase::loadBuiltin();
  Expected<GlobList> Passes = GlobList::parse(PassGlobs);
  if (!Passes)
    return fail("--passes: " + toString(Passes.takeError()));
  if (Error E = checkPassSelection(*Passes))
    return fail("--passes: " + toString(std::move(E)));
  Expected<GlobList> AsErrors = GlobList::parse(WarningsAsErrors);
  if (!AsErrors)
    return fail("--warnings-as-errors: " + toString(AsErrors.takeError()));
  if (AddSuppressions.getNumOccurrences()) {
    StringRef Reason = StringRef(AddSuppressions).trim();
    if (Reason.empty())
      return fail("--add-suppressions: give the reason the findings are "
                  "accepted, e.g. --add-suppressions='approved by legal, "
                  "LEGAL-12'");
    if (Reason.find_first_of("\r\n") != StringRef::npos ||
        Reason.contains("-->") || Reason.contains("*/"))
      return fail("--add-suppressions: the reason must be one line that "
                  "does not close a comment");
    if (FixOpt)
      return fail("--add-suppressions and --fix go in separate runs");
  }
  if (!WriteBaseline.empty() && (!BaselinePath.empty() || FixOpt))
    return fail("--write-baseline records every finding: give it without "
                "--baseline or --fix");
  if (UnsafeFixes && !FixOpt && ExportFixes.empty())
    return fail("--unsafe-fixes requires --fix or --export-fixes");
  if (!PolicyPath.empty() && !sys::fs::exists(PolicyPath))
    return fail("--policy: no such file '" + PolicyPath + "'");

  bool Colors = WithColor(outs()).colorsEnabled();
  // pre-commit sets PRE_COMMIT=1 for its hooks: a line per finding there.
  if (!Format.getNumOccurrences())
    Format = sys::Process::GetEnv("PRE_COMMIT") ? OutputFormat::Concise
                                                : OutputFormat::Full;
  ScanOptions Options;
  Options.Paths.assign(Paths.begin(), Paths.end());
  // licit explain WHAT [path]: the path whose policy applies.
  std::string Subject;
  if (Cmd == Command::Explain) {
    if (Options.Paths.empty())
      return fail("explain: name a rule, a licence or a model, e.g. 'licit "
                  "explain licence-mau-cap'");
    Subject = Options.Paths.front();
    Options.Paths.erase(Options.Paths.begin());
    if (Options.Paths.size() > 1)
      return fail("explain: one subject, and at most one path");
  }
  if (Options.Paths.empty())
    Options.Paths.push_back(".");
  bool ReadsStdin = is_contained(Options.Paths, "-");
  if (ReadsStdin != !StdinFilename.empty() ||
      (ReadsStdin && Options.Paths.size() != 1))
    return fail("--stdin-filename=PATH and the path '-' go together, alone");
  if (ReadsStdin) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> In = MemoryBuffer::getSTDIN();
    if (!In)
      return fail("cannot read standard input: " + In.getError().message());
    Options.StdinPath = StdinFilename;
    Options.StdinBuffer = std::move(*In);
  }
  Options.UseIgnoreFiles = !NoIgnore;
  Options.PolicyFile = PolicyPath;
  Options.DiscoverPolicies = !sys::Process::GetEnv("LICIT_NO_DEFAULT_POLICY");
  Options.Passes = std::move(*Passes);
  Options.WarningsAsErrors = std::move(*AsErrors);
  // With passes left out, their findings cannot occur: a suppression of
  // them is not unused.
  Options.ReportUnusedSuppressions = !PassGlobs.getNumOccurrences();
  Options.Pipeline.Threads = Jobs;

  // What licit may read: the checked trees and the policy directories.
  std::vector<std::string> PolicyDirs(PolicyPathDirs.begin(),
                                      PolicyPathDirs.end());
  if (Optional<std::string> Env = sys::Process::GetEnv("LICIT_POLICY_PATH")) {
    SmallVector<StringRef, 4> Dirs;
    StringRef(*Env).split(Dirs, ':', -1, /*KeepEmpty=*/false);
    for (StringRef D : Dirs)
      PolicyDirs.push_back(D.str());
  }
  std::vector<std::string> Roots = Options.Paths;
  if (ReadsStdin)
    Roots = {Options.StdinPath};
  Workspace WS(*KB, TrustBoundary::forInputs(*vfs::getRealFileSystem(), Roots,
                                             PolicyPath, PolicyDirs));

  if (ListRules || Cmd == Command::Explain) {
    std::string First = Options.Paths.front();
    Scan S(WS, std::move(Options));
    const CompiledPolicy &Policy = S.policyForPath(First);
    int Exit = 0;
    if (Cmd == Command::Explain) {
      if (Error E = explain(Subject, Policy, S.files(), outs()))
        Exit = fail(toString(std::move(E)));
    } else {
      listRules(Policy, S.files(), outs());
    }
    // Problems in the policies still go to stderr.
    S.finishWithoutRun();
    emitText(S.diagnostics(), S.files(), errs(), Colors);
    return S.exitCode() == 2 ? 2 : Exit;
  }

  if (ListFiles) {
    Scan S(WS, std::move(Options));
    Expected<DiscoveredFiles> Found = S.discover();
    if (!Found)
      return fail(toString(Found.takeError()));
    for (FileID ID : Found->Files)
      outs() << S.files().path(ID) << "\n";
    return 0;
  }

  if (DumpConfig) {
    std::string First = Options.Paths.front();
    Scan S(WS, std::move(Options));
    S.dumpPolicy(First, outs());
    emitText(S.diagnostics(), S.files(), errs(), Colors);
    return S.exitCode() == 2 ? 2 : 0;
  }

  if (Cmd == Command::Models || Cmd == Command::Deps) {
    if (FixOpt || !ExportFixes.empty())
      return fail("--fix and --export-fixes apply to 'check', not '" +
                  Twine(Cmd == Command::Models ? "models" : "deps") + "'");
    // The inventory: the selected extract passes and the resolve passes,
    // no checks.
    Expected<GlobList> NoChecks =
        GlobList::parse(PassGlobs + ",-check-*,resolve-*");
    Options.Passes = cantFail(std::move(NoChecks));
  }
  bool Machine =
      Format != OutputFormat::Full && Format != OutputFormat::Concise;
  if (Cmd != Command::Check && Machine && Format != OutputFormat::Json)
    return fail("--format: 'licit " +
                Twine(Cmd == Command::Models ? "models" : "deps") +
                "' writes full, concise or json");
  // --output is rendered in memory and written once the run is done.
  std::string Rendered;
  raw_string_ostream ToFile(Rendered);
  raw_ostream &Out =
      OutputFile.empty() ? static_cast<raw_ostream &>(outs()) : ToFile;
  bool OutColors = OutputFile.empty() && Colors;

  // Model cards of the models licit does not know, from the hub cache.
  Optional<HubCache> Cache;
  if (!HfCache.empty()) {
    if (!sys::fs::is_directory(HfCache))
      return fail("--hf-cache: no such directory '" + HfCache + "'");
    Cache.emplace(WS.fs(), HfCache);
  } else if (Optional<std::string> Root = HubCache::defaultRoot(WS.fs())) {
    Cache.emplace(WS.fs(), *Root);
  }
  if (Cache)
    Options.Pipeline.Cache = &*Cache;
  // Installed packages' metadata, for dependency licences.
  std::vector<std::string> Envs(PythonEnv.begin(), PythonEnv.end());
  for (const std::string &Env : Envs)
    if (!sys::fs::is_directory(Env))
      return fail("--python-env: no such directory '" + Env + "'");
  if (Envs.empty()) {
    StringRef First = Options.Paths.empty() ? StringRef(".")
                                            : StringRef(Options.Paths.front());
    Envs = InstalledPackages::near(
        WS.fs(),
        sys::fs::is_directory(First) ? First : sys::path::parent_path(First));
  }
  InstalledPackages Installed(WS.fs(), std::move(Envs));
  if (!Installed.roots().empty())
    Options.Pipeline.Installed = &Installed;
  if (!AdvisoryDbDir.empty() && !sys::fs::is_directory(AdvisoryDbDir))
    return fail("--advisory-db: no such directory '" + AdvisoryDbDir + "'");
  SmallString<256> AdvisoryDir(AdvisoryDbDir);
  if (!AdvisoryDir.empty())
    sys::fs::make_absolute(AdvisoryDir);
  AdvisorySources Advisories(WS.fs(), std::string(AdvisoryDir));
  Options.Pipeline.Advisories = &Advisories;
  // The compilation database C and C++ are parsed with.
  std::string CompileError;
  std::unique_ptr<cfamily::CompileCommands> Compile;
  if (!BuildPath.empty()) {
    Compile = cfamily::CompileCommands::load(BuildPath, CompileError);
    if (!Compile)
      return fail("-p: " + CompileError);
  } else {
    StringRef First = Options.Paths.empty() ? StringRef(".")
                                            : StringRef(Options.Paths.front());
    Compile = cfamily::CompileCommands::find(
        sys::fs::is_directory(First) ? First : sys::path::parent_path(First),
        CompileError);
    if (!CompileError.empty())
      WithColor::warning(errs(), "licit")
          << CompileError << "; C and C++ are lexed instead\n";
  }
  Options.Pipeline.Compile = Compile.get();
  Optional<Baseline> Known;
  if (!BaselinePath.empty()) {
    Expected<Baseline> Read = Baseline::read(BaselinePath, WS.files());
    if (!Read)
      return fail("--baseline: " + toString(Read.takeError()));
    Known = std::move(*Read);
    Options.Known = &*Known;
  }
  Scan S(WS, std::move(Options));
  if (Error E = S.run())
    return fail(toString(std::move(E)));
  if (!WriteBaseline.empty() && Cmd == Command::Check) {
    Expected<unsigned> Recorded =
        writeBaseline(WriteBaseline, S.diagnostics(), S.files());
    if (!Recorded)
      return fail("--write-baseline: " + toString(Recorded.takeError()));
    outs() << "Recorded " << *Recorded << " finding"
           << (*Recorded == 1 ? "" : "s") << " in " << WriteBaseline << ".\n";
    return S.exitCode() == 2 ? 2 : 0;
  }
  if (Cmd == Command::Models || Cmd == Command::Deps) {
    bool Json = Format == OutputFormat::Json;
    if (Cmd == Command::Models)
      (Json ? emitModelsJson : emitModelsText)(S.facts(), S.files(), Out);
    else
      (Json ? emitDepsJson : emitDepsText)(S.facts(), S.files(), Out);
    // Problems reading the tree or the policies still go to stderr.
    emitText(S.diagnostics(), S.files(), errs(), Colors);
    return S.exitCode() == 2 ? 2 : 0;
  }
  if (AddSuppressions.getNumOccurrences())
    return addSuppressions(S, WS.boundary(), StringRef(AddSuppressions).trim());
  RunInfo Run = S.runInfo();
  FixSummary Fixed;
  if (FixOpt) {
    Fixed = applyFixes(S.diagnostics(), S.files(), WS.boundary(), UnsafeFixes);
    Run.Fixing = true;
    Run.UnsafeFixes = UnsafeFixes;
    for (const auto &[Where, Why] : Fixed.Problems)
      emitMessage(S.files(), errs(), Colors, Where, Severity::Warning, Why);
  }
  ArrayRef<Diagnostic> Diags = S.diagnostics();
  switch (Format) {
  case OutputFormat::Full:
  case OutputFormat::Concise:
    emitText(Diags, S.files(), Out, OutColors,
             Format == OutputFormat::Full ? TextStyle::Full
                                          : TextStyle::Concise);
    break;
  case OutputFormat::Json:
    emitDiagnosticsJson(Diags, S.files(), Run, Out);
    break;
  case OutputFormat::Sarif: {
    SmallString<256> Root;
    sys::fs::current_path(Root);
    emitSarif(Diags, S.files(), Root, Out);
    break;
  }
  case OutputFormat::Github:
    emitGithub(Diags, S.files(), Out);
    break;
  case OutputFormat::ParseableFixits:
    emitParseableFixits(Diags, S.files(), Out);
    break;
  }
  if (!ExportFixes.empty()) {
    std::string Yaml;
    raw_string_ostream OS(Yaml);
    emitFixesYaml(Diags, S.files(), UnsafeFixes, OS);
    if (Error E = writeOutput(ExportFixes, Yaml))
      return fail("--export-fixes: " + toString(std::move(E)));
  }
  if (!OutputFile.empty())
    if (Error E = writeOutput(OutputFile, Rendered))
      return fail("--output: " + toString(std::move(E)));
  // The summary is for people: after the text, or on the terminal when
  // the findings went to a file; never inside machine output.
  if (!Machine || !OutputFile.empty())
    emitSummary(Diags, Run, outs());
  if (TimePassesIsEnabled)
    S.printPassTimes(errs());
  // The findings are printed; then what could not be written.
  for (const std::string &Failure : Fixed.Failures)
    fail("--fix: " + Failure);
  return Fixed.Failures.empty() ? S.exitCode() : 2;
}
