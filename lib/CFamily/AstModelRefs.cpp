//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// The Clang reading: a translation unit parsed as its build compiles it.
// AST matchers find the loader calls of the table and, in one walk, every
// place a variable, field or parameter is given a value. The model
// argument is then followed back to the string constants that can reach
// it, flow-insensitively: initialisers, assignments, default member
// initialisers, constructor initialisers, default arguments and the
// arguments of the unit's calls to the function, through `?:`,
// std::string construction and `.c_str()`; macros are seen expanded.
//
//===----------------------------------------------------------------------===//

#include "licit/CFamily/LoaderApis.h"
#include "licit/CFamily/ModelRefs.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace llvm;
using namespace clang;
using namespace clang::ast_matchers;

namespace licit::cfamily {

//===-- The compilation database ----------------------------------------===//

CompileCommands::CompileCommands(
    std::unique_ptr<tooling::CompilationDatabase> DB, std::string Path)
    : DB(std::move(DB)), Path(std::move(Path)) {}

CompileCommands::~CompileCommands() = default;

std::unique_ptr<CompileCommands> CompileCommands::load(StringRef Dir,
                                                       std::string &Error) {
  SmallString<256> File(Dir);
  sys::fs::make_absolute(File);
  sys::path::append(File, "compile_commands.json");
  sys::path::remove_dots(File, /*remove_dot_dot=*/true);
  if (!sys::fs::exists(File)) {
    Error = ("no compile_commands.json in '" + Dir + "'").str();
    return nullptr;
  }
  std::unique_ptr<tooling::CompilationDatabase> DB =
      tooling::JSONCompilationDatabase::loadFromFile(
          File, Error, tooling::JSONCommandLineSyntax::AutoDetect);
  if (!DB) {
    SmallString<256> Cwd;
    sys::fs::current_path(Cwd);
    Error = ("cannot read '" + pathRelativeTo(File, Cwd) +
             "': " + StringRef(Error).rtrim('.'))
                .str();
    return nullptr;
  }
  SmallString<256> Cwd;
  sys::fs::current_path(Cwd);
  return std::unique_ptr<CompileCommands>(
      new CompileCommands(std::move(DB), pathRelativeTo(File, Cwd)));
}

std::unique_ptr<CompileCommands> CompileCommands::find(StringRef Root,
                                                       std::string &Error) {
  SmallString<256> Cwd, Start(Root);
  sys::fs::current_path(Cwd);
  sys::fs::make_absolute(Start);
  sys::path::remove_dots(Start, /*remove_dot_dot=*/true);
  // From the checked directory up to the working directory when it is
  // under it (`licit src/main.cpp` from the project's root, as pre-commit
  // runs): never above where licit was asked to look.
  bool Under = StringRef(Start).startswith(Cwd) &&
               (Start.size() == Cwd.size() || Start[Cwd.size()] == '/');
  for (StringRef At = Start; !At.empty(); At = sys::path::parent_path(At)) {
    for (StringRef Sub : {"", "build"}) {
      SmallString<256> Dir(At);
      if (!Sub.empty())
        sys::path::append(Dir, Sub);
      SmallString<256> File(Dir);
      sys::path::append(File, "compile_commands.json");
      if (sys::fs::exists(File))
        return load(Dir, Error);
    }
    if (!Under || At.size() <= Cwd.size())
      break;
  }
  return nullptr;
}

bool CompileCommands::compiles(StringRef AbsPath) const {
  return !DB->getCompileCommands(AbsPath).empty();
}

bool CompileCommands::parses(const SourceFile &File) const {
  return compiles(File.AbsPath) && mentionsLoader(File.text());
}

//===-- The AST walk ------------------------------------------------------===//

namespace {
/// Records the first error Clang reports, and prints nothing.
class FirstError : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error || Seen)
      return;
    Seen = true;
    SmallString<128> Message;
    Info.FormatDiagnostic(Message);
    Failure.Message = std::string(Message);
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      const SourceManager &SM = Info.getSourceManager();
      FullSourceLoc Loc(SM.getFileLoc(Info.getLocation()), SM);
      if (const FileEntry *FE = SM.getFileEntryForID(Loc.getFileID())) {
        Failure.File = FE->tryGetRealPathName().str();
        Failure.Offset = Loc.getFileOffset();
      }
    }
  }
  bool Seen = false;
  ParseFailure Failure;
};

class Walker : public MatchFinder::MatchCallback {
public:
  Walker(ASTContext &Ctx,
         function_ref<RefRecorder *(StringRef, StringRef)> RecorderFor)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), RecorderFor(RecorderFor) {}

  void addMatchers(MatchFinder &Finder);
  void run(const MatchFinder::MatchResult &Result) override;
  /// Records what reaches each loader, once the unit is walked.
  void finish();

private:
  /// The constants \p E can evaluate to, followed \p Depth steps.
  void sources(const Expr *E,
               SmallVectorImpl<const clang::StringLiteral *> &Out,
               unsigned Depth);
  void declSources(const ValueDecl *D,
                   SmallVectorImpl<const clang::StringLiteral *> &Out,
                   unsigned Depth);
  /// Records the constants reaching \p Use, a loader's argument or a value
  /// given to a field of the table (\p Api), or (without) a value given to
  /// a model-named variable, carried by \p Carrier.
  void use(const LoaderApi *Api, const Expr *Use, CharSourceRange Carrier);
  /// The text of \p R in its file, and that file's recorder (null for a
  /// file outside the tree or a range no single file spells).
  std::pair<RefRecorder *, StringRef> textOf(CharSourceRange R);
  const LoaderApi *apiNamed(ApiKind Kind, StringRef QualifiedName) const;

  ASTContext &Ctx;
  SourceManager &SM;
  function_ref<RefRecorder *(StringRef, StringRef)> RecorderFor;
  DenseMap<clang::FileID, RefRecorder *> Recorders;

  struct LoaderUse {
    const LoaderApi *Api;
    const Expr *Arg;
    /// The callee as written (`torch::jit::load`, `Ort::Session`).
    CharSourceRange Carrier;
  };
  std::vector<LoaderUse> Uses;
  /// What each variable, field or parameter is given, besides its
  /// declaration's initialiser.
  MapVector<const ValueDecl *, SmallVector<const Expr *, 2>> Assigned;
  /// The calls of each function in the unit, for its parameters.
  DenseMap<const FunctionDecl *, SmallVector<const Expr *, 2>> Calls;
  /// Model-named variables and fields with a value.
  std::vector<std::pair<const ValueDecl *, const Expr *>> Named;
  SmallPtrSet<const ValueDecl *, 16> Visiting;
  /// The literals each declaration was found to hold.
  DenseMap<const ValueDecl *, SmallVector<const clang::StringLiteral *, 2>>
      Reaching;
};
} // namespace

const LoaderApi *Walker::apiNamed(ApiKind Kind, StringRef Qualified) const {
  for (const LoaderApi &A : loaderApis()) {
    if (A.Kind != Kind)
      continue;
    StringRef Name = A.Name;
    // "::f" is f at global scope; "a::b" matches any scope ending so.
    if (Name.consume_front("::")
            ? Qualified == Name
            : Qualified == Name || Qualified.endswith(("::" + Name).str()))
      return &A;
  }
  return nullptr;
}

void Walker::addMatchers(MatchFinder &Finder) {
  std::vector<StringRef> Calls, Classes, Pointers;
  for (const LoaderApi &A : loaderApis()) {
    switch (A.Kind) {
    case ApiKind::Call:
      Calls.push_back(A.Name);
      break;
    case ApiKind::Construct:
      Classes.push_back(A.Name);
      break;
    case ApiKind::PointerField:
      Pointers.push_back(A.Name);
      break;
    case ApiKind::Field:
      break;
    }
  }
  auto InUserCode = unless(isExpansionInSystemHeader());
  Finder.addMatcher(
      callExpr(InUserCode, callee(functionDecl(hasAnyName(Calls)).bind("fn")))
          .bind("call"),
      this);
  Finder.addMatcher(
      cxxConstructExpr(InUserCode,
                       hasDeclaration(cxxConstructorDecl(ofClass(
                           cxxRecordDecl(hasAnyName(Classes)).bind("class")))))
          .bind("construct"),
      this);
  Finder.addMatcher(
      callExpr(InUserCode,
               callee(expr(ignoringParenImpCasts(memberExpr(
                   member(fieldDecl(hasAnyName(Pointers)).bind("pointer")))))))
          .bind("pointer-call"),
      this);
  // Every value given in the unit's own code: assignments (built-in and
  // std::string's operator=), constructor initialisers, initialised
  // declarations, and calls (for parameters).
  auto Target = ignoringParenImpCasts(
      expr(anyOf(declRefExpr(to(varDecl().bind("target"))),
                 memberExpr(member(fieldDecl().bind("target"))))));
  Finder.addMatcher(binaryOperator(InUserCode, isAssignmentOperator(),
                                   hasLHS(Target),
                                   hasRHS(expr().bind("value"))),
                    this);
  Finder.addMatcher(cxxOperatorCallExpr(InUserCode,
                                        hasOverloadedOperatorName("="),
                                        hasArgument(0, Target),
                                        hasArgument(1, expr().bind("value"))),
                    this);
  Finder.addMatcher(cxxCtorInitializer(forField(fieldDecl().bind("target")),
                                       withInitializer(expr().bind("value"))),
                    this);
  Finder.addMatcher(
      varDecl(InUserCode, hasInitializer(expr().bind("init"))).bind("decl"),
      this);
  Finder.addMatcher(
      fieldDecl(InUserCode, hasInClassInitializer(expr().bind("init")))
          .bind("decl"),
      this);
  Finder.addMatcher(
      callExpr(InUserCode, callee(functionDecl().bind("callee"))).bind("any"),
      this);
  Finder.addMatcher(
      cxxConstructExpr(InUserCode,
                       hasDeclaration(functionDecl().bind("callee")))
          .bind("any"),
      this);
}

void Walker::run(const MatchFinder::MatchResult &R) {
  auto Arg = [](const Expr *Call, unsigned I) -> const Expr * {
    if (const auto *C = dyn_cast<CallExpr>(Call))
      return I < C->getNumArgs() ? C->getArg(I) : nullptr;
    const auto *C = cast<CXXConstructExpr>(Call);
    return I < C->getNumArgs() ? C->getArg(I) : nullptr;
  };
  auto AddUse = [&](const LoaderApi *A, const Expr *Call, CharSourceRange At) {
    if (A)
      if (const Expr *E = Arg(Call, A->Arg))
        Uses.push_back({A, E, At});
  };
  if (const auto *Call = R.Nodes.getNodeAs<CallExpr>("call")) {
    const auto *Fn = R.Nodes.getNodeAs<FunctionDecl>("fn");
    const Expr *Callee = Call->getCallee()->IgnoreParenImpCasts();
    // `torch::jit::load` with its qualifier; a method by its name.
    CharSourceRange At = CharSourceRange::getTokenRange(Call->getBeginLoc());
    if (const auto *M = dyn_cast<MemberExpr>(Callee))
      At = CharSourceRange::getTokenRange(M->getMemberLoc());
    else if (const auto *D = dyn_cast<DeclRefExpr>(Callee))
      At = CharSourceRange::getTokenRange(D->getSourceRange());
    AddUse(apiNamed(ApiKind::Call, Fn->getQualifiedNameAsString()), Call, At);
    return;
  }
  if (const auto *C = R.Nodes.getNodeAs<CXXConstructExpr>("construct")) {
    const auto *Class = R.Nodes.getNodeAs<CXXRecordDecl>("class");
    // What precedes the arguments: the type of a temporary or a `new`,
    // the variable of a declaration.
    SourceLocation Paren = C->getParenOrBraceRange().getBegin();
    CharSourceRange At =
        Paren.isValid() ? CharSourceRange::getCharRange(C->getBeginLoc(), Paren)
                        : CharSourceRange::getTokenRange(C->getBeginLoc());
    // A member's initialiser names the member, not the class: no carrier.
    if (!Lexer::getSourceText(At, SM, Ctx.getLangOpts())
             .rtrim()
             .endswith(Class->getName()))
      At = CharSourceRange();
    AddUse(apiNamed(ApiKind::Construct, Class->getQualifiedNameAsString()), C,
           At);
    return;
  }
  if (const auto *Call = R.Nodes.getNodeAs<CallExpr>("pointer-call")) {
    const auto *F = R.Nodes.getNodeAs<FieldDecl>("pointer");
    const auto *M = cast<MemberExpr>(Call->getCallee()->IgnoreParenImpCasts());
    AddUse(apiNamed(ApiKind::PointerField, F->getQualifiedNameAsString()), Call,
           CharSourceRange::getTokenRange(M->getMemberLoc()));
    return;
  }
  if (const auto *Target = R.Nodes.getNodeAs<ValueDecl>("target")) {
    const auto *Value = R.Nodes.getNodeAs<Expr>("value");
    Assigned[Target].push_back(Value);
    if (isModelNamed(Target->getName()))
      Named.push_back({Target, Value});
    return;
  }
  if (const auto *D = R.Nodes.getNodeAs<ValueDecl>("decl")) {
    if (D->getIdentifier() && isModelNamed(D->getName()))
      Named.push_back({D, R.Nodes.getNodeAs<Expr>("init")});
    return;
  }
  if (const auto *Fn = R.Nodes.getNodeAs<FunctionDecl>("callee"))
    Calls[Fn->getCanonicalDecl()].push_back(R.Nodes.getNodeAs<Expr>("any"));
}

void Walker::declSources(const ValueDecl *D,
                         SmallVectorImpl<const clang::StringLiteral *> &Out,
                         unsigned Depth) {
  // Each declaration is followed once per unit: many calls of a function
  // whose arguments are variables with many assignments would otherwise
  // multiply the walk.
  auto Known = Reaching.find(D);
  if (Known != Reaching.end()) {
    Out.append(Known->second.begin(), Known->second.end());
    return;
  }
  if (!Visiting.insert(D).second)
    return;
  size_t Before = Out.size();
  if (const auto *P = dyn_cast<ParmVarDecl>(D)) {
    if (P->hasDefaultArg() && !P->hasUninstantiatedDefaultArg() &&
        !P->hasUnparsedDefaultArg())
      sources(P->getDefaultArg(), Out, Depth);
    // The arguments the unit's calls pass for it.
    if (const auto *Fn = dyn_cast<FunctionDecl>(P->getDeclContext())) {
      unsigned Index = P->getFunctionScopeIndex();
      auto It = Calls.find(Fn->getCanonicalDecl());
      if (It != Calls.end())
        for (const Expr *Call : It->second) {
          const Expr *A = nullptr;
          if (const auto *C = dyn_cast<CallExpr>(Call)) {
            // A member call through an operator has the object first.
            unsigned Shift =
                isa<CXXOperatorCallExpr>(C) && isa<CXXMethodDecl>(Fn) ? 1 : 0;
            if (Index + Shift < C->getNumArgs())
              A = C->getArg(Index + Shift);
          } else if (const auto *C = dyn_cast<CXXConstructExpr>(Call)) {
            if (Index < C->getNumArgs())
              A = C->getArg(Index);
          }
          if (A)
            sources(A, Out, Depth);
        }
    }
  } else if (const auto *V = dyn_cast<VarDecl>(D)) {
    if (const Expr *Init = V->getAnyInitializer())
      sources(Init, Out, Depth);
  } else if (const auto *F = dyn_cast<FieldDecl>(D)) {
    if (const Expr *Init = F->getInClassInitializer())
      sources(Init, Out, Depth);
  }
  auto It = Assigned.find(D);
  if (It != Assigned.end())
    for (const Expr *Value : It->second)
      sources(Value, Out, Depth);
  Visiting.erase(D);
  Reaching[D].assign(Out.begin() + Before, Out.end());
}

void Walker::sources(const Expr *E,
                     SmallVectorImpl<const clang::StringLiteral *> &Out,
                     unsigned Depth) {
  if (!E || Depth > 8)
    return;
  ++Depth;
  E = E->IgnoreParenImpCasts();
  if (const auto *S = dyn_cast<clang::StringLiteral>(E)) {
    Out.push_back(S);
    return;
  }
  if (const auto *C = dyn_cast<AbstractConditionalOperator>(E)) {
    sources(C->getTrueExpr(), Out, Depth);
    sources(C->getFalseExpr(), Out, Depth);
    return;
  }
  if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
    return sources(M->getSubExpr(), Out, Depth);
  if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
    return sources(B->getSubExpr(), Out, Depth);
  if (const auto *W = dyn_cast<ExprWithCleanups>(E))
    return sources(W->getSubExpr(), Out, Depth);
  if (const auto *C = dyn_cast<ExplicitCastExpr>(E))
    return sources(C->getSubExpr(), Out, Depth);
  if (const auto *L = dyn_cast<InitListExpr>(E)) {
    if (L->getNumInits() == 1)
      sources(L->getInit(0), Out, Depth);
    return;
  }
  if (const auto *C = dyn_cast<CXXConstructExpr>(E)) {
    // std::string("x"), a path from a string, a copy: the first argument.
    if (C->getNumArgs() >= 1 &&
        (C->getConstructor()->isCopyOrMoveConstructor() ||
         C->getConstructor()->isConvertingConstructor(/*AllowExplicit=*/true) ||
         C->getConstructor()->getParent()->getName() == "basic_string"))
      sources(C->getArg(0), Out, Depth);
    return;
  }
  // A concatenation: the literals it adds (`dir + "/model.onnx"`).
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() == OO_Plus && Op->getNumArgs() == 2) {
      sources(Op->getArg(0), Out, Depth);
      sources(Op->getArg(1), Out, Depth);
    }
    return;
  }
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(E)) {
    if (const CXXMethodDecl *Method = M->getMethodDecl())
      if (Method->getIdentifier() && isStringAccessor(Method->getName()))
        sources(M->getImplicitObjectArgument(), Out, Depth);
    return;
  }
  if (const auto *R = dyn_cast<DeclRefExpr>(E))
    return declSources(R->getDecl(), Out, Depth);
  if (const auto *M = dyn_cast<MemberExpr>(E))
    return declSources(M->getMemberDecl(), Out, Depth);
}

std::pair<RefRecorder *, StringRef> Walker::textOf(CharSourceRange R) {
  CharSourceRange File = Lexer::makeFileCharRange(R, SM, Ctx.getLangOpts());
  if (File.isInvalid())
    return {nullptr, StringRef()};
  auto [FID, Begin] = SM.getDecomposedLoc(File.getBegin());
  auto [EndFID, End] = SM.getDecomposedLoc(File.getEnd());
  if (FID != EndFID || End < Begin)
    return {nullptr, StringRef()};
  auto It = Recorders.find(FID);
  if (It == Recorders.end()) {
    RefRecorder *Rec = nullptr;
    if (const FileEntry *FE = SM.getFileEntryForID(FID))
      Rec = RecorderFor(FE->tryGetRealPathName(), SM.getBufferData(FID));
    It = Recorders.try_emplace(FID, Rec).first;
  }
  if (!It->second)
    return {nullptr, StringRef()};
  return {It->second, SM.getBufferData(FID).slice(Begin, End)};
}

/// The value of \p S, when licit reads it (ASCII in a wide literal).
static Optional<std::string> valueOf(const clang::StringLiteral *S) {
  if (S->getCharByteWidth() == 1)
    return S->getString().str();
  std::string Out;
  for (unsigned I = 0; I != S->getLength(); ++I) {
    uint32_t C = S->getCodeUnit(I);
    if (C >= 0x80)
      return None;
    Out += char(C);
  }
  return Out;
}

void Walker::use(const LoaderApi *Api, const Expr *Use,
                 CharSourceRange Carrier) {
  SmallVector<const clang::StringLiteral *, 2> Found;
  sources(Use, Found, 0);
  auto [UseRec, UseText] =
      textOf(CharSourceRange::getTokenRange(Use->getSourceRange()));
  if (Found.empty() && Api && Api->RunsCode && UseRec) {
    recordRunTimeLoad(*UseRec, *Api, UseText);
    return;
  }
  for (const clang::StringLiteral *S : Found) {
    Optional<std::string> Value = valueOf(S);
    if (!Value)
      continue;
    // The literal where it is spelled (in a macro's definition if it is
    // one), from its first token to its last.
    SourceLocation First = SM.getSpellingLoc(S->getStrTokenLoc(0));
    SourceLocation Last =
        SM.getSpellingLoc(S->getStrTokenLoc(S->getNumConcatenated() - 1));
    auto [LitRec, LitText] =
        textOf(CharSourceRange::getTokenRange(clang::SourceRange(First, Last)));
    // Defined on the command line (-DMODEL="x") or outside the tree: the
    // use is where the project writes it.
    if (!LitRec) {
      if (!UseRec)
        continue;
      std::tie(LitRec, LitText) = std::make_pair(UseRec, UseText);
    }
    RefSite Site;
    if (Api) {
      Site.Syntax = Api->Syntax;
      Site.Action = Api->Action;
    }
    RefRecorder *Rec = LitRec;
    // Used where it is written (`f("x")`, `f(c ? "x" : y)`): one place.
    bool Inside = UseRec == LitRec && LitText.begin() >= UseText.begin() &&
                  LitText.end() <= UseText.end();
    if (!Inside && UseRec) {
      Rec = UseRec;
      Site.UsedAt = UseText;
      if (LitRec != UseRec)
        Site.LiteralSource = &LitRec->source();
    }
    if (Carrier.isValid()) {
      auto [CarrierRec, CarrierText] = textOf(Carrier);
      if (CarrierRec == Rec)
        Site.Carrier = CarrierText.rtrim();
    }
    if (Api)
      Rec->record(*Value, LitText, Site);
    else
      recordModelNamed(*Rec, *Value, LitText, Site);
  }
}

void Walker::finish() {
  for (const LoaderUse &U : Uses)
    use(U.Api, U.Arg, U.Carrier);
  // Values given to the fields of the table (`params.hf_repo = "…"`).
  for (const auto &[D, Values] : Assigned)
    if (isa<FieldDecl>(D))
      if (const LoaderApi *A =
              apiNamed(ApiKind::Field, D->getQualifiedNameAsString()))
        for (const Expr *V : Values)
          use(A, V, CharSourceRange());
  // Model-named variables and fields hold a model, loaded here or not (a
  // field of the table as the table says).
  for (const auto &[D, Value] : Named)
    use(isa<FieldDecl>(D)
            ? apiNamed(ApiKind::Field, D->getQualifiedNameAsString())
            : nullptr,
        Value, CharSourceRange::getTokenRange(D->getLocation()));
}

namespace {
class Consumer : public ASTConsumer {
public:
  Consumer(const SourceManager &SM,
           function_ref<RefRecorder *(StringRef, StringRef)> RecorderFor)
      : SM(SM), RecorderFor(RecorderFor) {}
  /// The bodies of system headers' functions hold no call of the project
  /// (Clang still parses those it must: constexpr, deduced return types).
  bool shouldSkipFunctionBody(Decl *D) override {
    return SM.isInSystemHeader(D->getLocation());
  }
  void HandleTranslationUnit(ASTContext &Ctx) override {
    // A unit with errors is read by the raw lexer instead.
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    Walker W(Ctx, RecorderFor);
    MatchFinder Finder;
    W.addMatchers(Finder);
    Finder.matchAST(Ctx);
    W.finish();
  }

private:
  const SourceManager &SM;
  function_ref<RefRecorder *(StringRef, StringRef)> RecorderFor;
};

class Action : public ASTFrontendAction {
public:
  Action(function_ref<RefRecorder *(StringRef, StringRef)> RecorderFor)
      : RecorderFor(RecorderFor) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    // Read before the parser is made: the consumer picks which bodies.
    CI.getFrontendOpts().SkipFunctionBodies = true;
    return std::make_unique<Consumer>(CI.getSourceManager(), RecorderFor);
  }

private:
  function_ref<RefRecorder *(StringRef, StringRef)> RecorderFor;
};

class Factory : public tooling::FrontendActionFactory {
public:
  Factory(function_ref<RefRecorder *(StringRef, StringRef)> RecorderFor)
      : RecorderFor(RecorderFor) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<Action>(RecorderFor);
  }

private:
  function_ref<RefRecorder *(StringRef, StringRef)> RecorderFor;
};
} // namespace

/// The command without what would run code or change this process: a
/// compiler plugin (-fplugin=, -fpass-plugin=, -Xclang -load), LLVM
/// options (-mllvm, which set process-wide state), a precompiled header
/// (-Xclang -include-pch: built by another compiler; the header it was made
/// from stays included), a raw -cc1 command (only a driver command is
/// accepted: none is then left).
static tooling::CommandLineArguments
withoutUnsafeArguments(const tooling::CommandLineArguments &Args,
                       StringRef File) {
  tooling::CommandLineArguments Out;
  for (size_t I = 0; I < Args.size(); ++I) {
    StringRef A = Args[I];
    if (A == "-cc1" || A == "-cc1as")
      return {};
    if (A == "-mllvm") {
      ++I; // and its value
      continue;
    }
    if (A.startswith("-fplugin") || A.startswith("-fpass-plugin") ||
        A.startswith("-mllvm="))
      continue;
    if (A == "-Xclang" && I + 1 < Args.size()) {
      StringRef V = Args[I + 1];
      if (V == "-load" || V == "-plugin" || V == "-add-plugin" ||
          V == "-load-pass-plugin" || V == "-include-pch" ||
          V.startswith("-plugin-arg-")) {
        // The option, and its value in the next -Xclang pair.
        I += I + 3 < Args.size() && Args[I + 2] == "-Xclang" ? 3 : 1;
        continue;
      }
    }
    Out.push_back(Args[I]);
  }
  return Out;
}

bool parseModelRefs(
    const CompileCommands &DB, StringRef AbsPath, StringRef Text,
    function_ref<RefRecorder *(StringRef, StringRef)> RecorderFor,
    ParseFailure &Failure) {
  tooling::ClangTool Tool(DB.database(), {AbsPath.str()});
  // The unit as licit read it (an editor's buffer may not be saved).
  Tool.mapVirtualFile(AbsPath, Text);
  Tool.setPrintErrorMessage(false);
  FirstError Errors;
  Tool.setDiagnosticConsumer(&Errors);
  // No warnings, and none of Clang's own printing ("1 error generated").
  tooling::CommandLineArguments Extra = {"-w", "-fno-color-diagnostics",
                                         "-fno-caret-diagnostics"};
  if (sys::fs::is_directory(LICIT_CLANG_RESOURCE_DIR))
    Extra.push_back("-resource-dir=" LICIT_CLANG_RESOURCE_DIR);
  Tool.appendArgumentsAdjuster(withoutUnsafeArguments);
  Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      Extra, tooling::ArgumentInsertPosition::END));
  Factory F(RecorderFor);
  int Status = Tool.run(&F);
  if (Errors.Seen || Status != 0) {
    Failure = std::move(Errors.Failure);
    if (Failure.Message.empty())
      Failure.Message = "the compiler's command does not run";
    return false;
  }
  return true;
}

} // namespace licit::cfamily
