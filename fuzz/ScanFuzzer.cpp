//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// Fuzzes a whole run over one file of an in-memory tree, and the renderers
// of its findings. The first byte picks what the file is named (a Jupyter
// notebook, a Python file, a policy, an organisation's knowledge table, a
// YAML, JSON or INI config, a shell script, a Dockerfile, a Makefile, a
// Modelfile, Markdown) so one target reaches every reader: JSON and
// notebooks, TOML and the policy loader, the knowledge-table loader, the
// config, shell and docs extractors, the resolver, the text and JSON
// renderers.
//
//===----------------------------------------------------------------------===//

#include "licit/Driver/Scan.h"
#include "licit/Output/Emitters.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace licit;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static const std::unique_ptr<KnowledgeBase> KB = KnowledgeBase::loadBuiltin();
  if (Size == 0)
    return 0;
  static const char *const Names[] = {"/w/nb.ipynb",
                                      "/w/app.py",
                                      "/w/.licit.toml",
                                      "/w/acme.tsv",
                                      "/w/config.yaml",
                                      "/w/config.json",
                                      "/w/setup.cfg",
                                      "/w/serve.sh",
                                      "/w/Dockerfile",
                                      "/w/Makefile",
                                      "/w/Modelfile",
                                      "/w/README.md",
                                      "/w/.env",
                                      "/w/train.toml",
                                      "/w/model.pt",
                                      "/w/arr.npy",
                                      "/w/m.gguf",
                                      "/w/m.safetensors",
                                      "/w/adapter_config.json",
                                      "/w/requirements.txt",
                                      "/w/pyproject.toml",
                                      "/w/environment.yml",
                                      "/w/package.json",
                                      "/w/Cargo.toml",
                                      "/w/uv.lock",
                                      "/w/package-lock.json",
                                      "/w/Pipfile.lock",
                                      "/w/pixi.lock",
                                      "/w/pixi.toml",
                                      "/w/main.cpp"};
  StringRef Name = Names[Data[0] % std::size(Names)];
  StringRef Text(reinterpret_cast<const char *>(Data + 1), Size - 1);
  IntrusiveRefCntPtr<vfs::InMemoryFileSystem> FS(new vfs::InMemoryFileSystem);
  FS->addFile(Name, 0, MemoryBuffer::getMemBufferCopy(Text, Name));
  // A notebook and a script to check, under a policy that reads the table.
  if (Name != "/w/nb.ipynb")
    FS->addFile("/w/nb.ipynb", 0,
                MemoryBuffer::getMemBuffer(R"nb({"cells": [{"cell_type": "code",
      "source": ["m = AutoModel.from_pretrained(\"acme/x\")"]}]})nb"));
  if (Name != "/w/.licit.toml")
    FS->addFile(
        "/w/.licit.toml", 0,
        MemoryBuffer::getMemBuffer("[knowledge]\ntables = [\"acme.tsv\"]\n"));
  Workspace WS(*KB, TrustBoundary::forInputs(*FS, {"/w"}, "", {}), FS);
  ScanOptions Options;
  Options.Paths = {"/w"};
  Options.Passes = cantFail(GlobList::parse("*"));
  Options.Pipeline.Threads = 1;
  Scan S(WS, std::move(Options));
  if (Error E = S.run()) {
    consumeError(std::move(E)); // The tree exists: this cannot happen.
    __builtin_trap();
  }
  emitText(S.diagnostics(), S.files(), nulls(), /*Colors=*/true);
  emitDiagnosticsJson(S.diagnostics(), S.files(), S.runInfo(), nulls());
  emitModelsJson(S.facts(), S.files(), nulls());
  emitModelsText(S.facts(), S.files(), nulls());
  return 0;
}
