//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "DocsModelRefsPass.h"
#include "licit/Basic/Lines.h"
#include "licit/Config/ModelRefs.h"
#include "licit/Extract/InstructionFiles.h"
#include "licit/Python/ModelRefs.h"
#include "licit/Shell/ModelRefs.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace licit::extract {

namespace {
class DocsReader {
public:
  DocsReader(const SourceFile &File, const PassContext &Ctx, FactStore &Facts)
      : File(File), Ctx(Ctx), Facts(Facts), Source(File.ID, File.text()),
        Refs(Source, Ctx.knowledgeFor(File.ID), Facts, RefRole::Mention) {}

  /// reStructuredText: ".. code-block:: lang" (also "code", "sourcecode")
  /// and a paragraph ending in "::" introduce an indented block.
  void runRst() {
    StringRef Text = Source.text();
    for (size_t I = 0; I < Text.size();) {
      size_t Eol = lineEnd(Text, I);
      StringRef Line = Text.slice(I, Eol);
      I = Eol + 1;
      StringRef Trimmed = Line.trim();
      StringRef Lang;
      bool Block = false;
      for (StringRef D : {".. code-block::", ".. code::", ".. sourcecode::"})
        if (Trimmed.startswith(D)) {
          Lang = Trimmed.drop_front(D.size()).trim();
          Block = true;
        }
      if (!Block && Trimmed.endswith("::") && !Trimmed.startswith("..")) {
        Block = true;
        prose(Line);
      }
      if (!Block) {
        if (!Trimmed.startswith(".."))
          prose(Line);
        continue;
      }
      // The block: options (":linenos:"), blank lines, then every line
      // indented deeper than the directive.
      size_t Indent = Line.find_first_not_of(' ');
      size_t Begin = std::min(I, Text.size()), End = Begin;
      bool Started = false;
      while (I < Text.size()) {
        size_t E = lineEnd(Text, I);
        StringRef L = Text.slice(I, E);
        size_t LI = L.find_first_not_of(" \t");
        if (LI != StringRef::npos && LI <= Indent)
          break;
        if (LI != StringRef::npos && L.ltrim().startswith(":") && !Started)
          Begin = std::min(E + 1, Text.size());
        else if (LI != StringRef::npos)
          Started = true;
        End = E;
        I = E + 1;
      }
      if (End > Begin)
        block(Lang.lower(), Text.slice(Begin, End));
    }
  }

  void run() {
    if (File.Kinds.contains(FileKind::Rst))
      return runRst();
    StringRef Text = Source.text();
    for (size_t I = 0; I < Text.size();) {
      size_t Eol = lineEnd(Text, I);
      StringRef Line = Text.slice(I, Eol);
      StringRef Fence = Line.ltrim(" ");
      if (Fence.startswith("```") || Fence.startswith("~~~")) {
        StringRef Marker =
            Fence.take_while([&](char C) { return C == Fence.front(); });
        StringRef Lang =
            Fence.drop_front(Marker.size()).trim().take_until([](char C) {
              return isSpace(C) || C == '{' || C == ',';
            });
        size_t Body = std::min(Eol + 1, Text.size());
        size_t Close = Body;
        while (Close < Text.size()) {
          size_t E = lineEnd(Text, Close);
          if (Text.slice(Close, E).ltrim(" ").startswith(Marker))
            break;
          Close = E + 1;
        }
        Close = std::min(Close, Text.size());
        block(Lang.lower(), Text.slice(Body, Close));
        size_t After = Text.find('\n', Close);
        I = After == StringRef::npos ? Text.size() : After + 1;
        continue;
      }
      prose(Line);
      I = Eol + 1;
    }
  }

private:
  void block(StringRef Lang, StringRef Code) {
    if (Lang == "python" || Lang == "py" || Lang == "python3") {
      // A derived text over the same bytes: ranges land on the file.
      SourceText Block(File.ID, Code.str(),
                       {{0, unsigned(Code.data() - Source.text().data()),
                         unsigned(Code.size()), unsigned(Code.size())}},
                       Escaping::None);
      python::extractModelRefs(Block, Ctx.knowledgeFor(File.ID), Facts,
                               RefRole::Mention);
    } else if (Lang == "bash" || Lang == "sh" || Lang == "shell" ||
               Lang == "console" || Lang == "zsh" || Lang == "terminal") {
      shellBlock(Code);
    } else if (Lang == "yaml" || Lang == "yml") {
      config::ReadResult Read = config::readYaml(Code);
      config::extractModelRefs(Read.Documents, Refs);
    } else if (Lang == "modelfile" ||
               (Lang.empty() &&
                looksLike(Code, {"PARAMETER ", "TEMPLATE ", "ADAPTER "}))) {
      readModelfile(Code, Refs);
    } else if (Lang == "dockerfile" || Lang == "docker" ||
               (Lang.empty() &&
                looksLike(Code, {"RUN ", "CMD ", "ENTRYPOINT "}))) {
      readDockerfile(Code, Refs);
    } else if (Lang.empty() || Lang == "text" || Lang == "txt" ||
               Lang == "plaintext") {
      // Unlabelled blocks are most often commands (their other words are
      // weighed as prose would be).
      shellBlock(Code);
    }
  }

  /// Whether some line of \p Code starts with one of \p Keywords.
  static bool looksLike(StringRef Code,
                        std::initializer_list<StringRef> Keywords) {
    SmallVector<StringRef, 16> Lines;
    Code.split(Lines, '\n');
    return any_of(Lines, [&](StringRef Line) {
      Line = Line.ltrim(" ");
      return any_of(Keywords, [&](StringRef K) { return Line.startswith(K); });
    });
  }

  /// Shell, command by command, without "$ " and "> " prompts: a command
  /// runs from after its prompt to the end of its last continued line.
  void shellBlock(StringRef Code) {
    for (size_t I = 0; I < Code.size();) {
      size_t Eol = lineEnd(Code, I);
      StringRef Line = Code.slice(I, Eol);
      StringRef Cmd = Line.ltrim(" ");
      if (!Cmd.consume_front("$ "))
        Cmd.consume_front("> ");
      size_t Begin = Cmd.data() - Code.data();
      while (Code.slice(I, Eol).rtrim(" \t\r").endswith("\\") &&
             Eol < Code.size()) {
        I = Eol + 1;
        Eol = lineEnd(Code, I);
      }
      Commands.readText(Code.slice(Begin, Eol));
      I = Eol + 1;
    }
  }

  /// Words of prose: a hub URL or a known model id, in backticks, links or
  /// plain text.
  void prose(StringRef Line) {
    // Inline code with a space is a command: `ollama run llama3.2`.
    for (size_t Open = Line.find('`'); Open != StringRef::npos;) {
      size_t Close = Line.find('`', Open + 1);
      if (Close == StringRef::npos)
        break;
      StringRef Span = Line.slice(Open + 1, Close);
      if (Span.contains(' ')) {
        Commands.readText(Span);
      } else if (isModelShaped(Span)) {
        // `TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF`: code-formatted and
        // sized like a model.
        RefSite Site;
        Site.Syntax = IdSyntax::Hub;
        Refs.record(Span, Site);
      }
      Open = Line.find('`', Close + 1);
    }
    RefSite Site;
    Site.Conf = Confidence::Weak;
    Refs.recordWords(Line, Site);
  }

  const SourceFile &File;
  const PassContext &Ctx;
  FactStore &Facts;
  SourceText Source;
  RefRecorder Refs;
  shell::CommandReader Commands{Refs};
};
} // namespace

void DocsModelRefsPass::run(const SourceFile &File, const PassContext &Ctx,
                            FactStore &Facts, DiagSink &Diags) {
  DocsReader(File, Ctx, Facts).run();
}

} // namespace licit::extract
