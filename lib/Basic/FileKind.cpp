//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Basic/FileKind.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace licit {

/// How each kind is read, in FileKinds.def order.
static const ReadMode ReadModes[] = {
#define LICIT_FILE_KIND(Enum, Name, Read) ReadMode::Read,
#include "licit/Basic/FileKinds.def"
};

ReadMode FileKindSet::readMode() const {
  ReadMode Most = ReadMode::None;
  for (unsigned I = 0; I != array_lengthof(ReadModes); ++I)
    if (Bits & (uint32_t(1) << I))
      Most = std::max(Most, ReadModes[I]);
  return Most;
}

/// Lock files, by exact name: often many MiB, read through a mapping and
/// by nothing but the dependency passes.
static bool isLockfileName(StringRef Name) {
  static const StringRef Names[] = {
      "Pipfile.lock",   "poetry.lock",       "uv.lock",
      "pdm.lock",       "Cargo.lock",        "yarn.lock",
      "pnpm-lock.yaml", "package-lock.json", "pixi.lock"};
  return is_contained(Names, Name);
}

/// Dependency manifests, by exact name.
static bool isManifestName(StringRef Name) {
  static const StringRef Names[] = {
      "pyproject.toml",  "setup.cfg",        "Pipfile",
      "environment.yml", "environment.yaml", "conda.yaml",
      "package.json",    "Cargo.toml",       "pixi.toml",
      "requirements.in", "constraints.txt"};
  if (is_contained(Names, Name))
    return true;
  // requirements.txt, requirements-dev.txt, requirements-gpu.in (pip-tools),
  // constraints-cuda.txt.
  return (Name.startswith("requirements") || Name.startswith("constraints")) &&
         (Name.endswith(".txt") || Name.endswith(".in"));
}

/// requirements/base.txt, requirements/dev.in: every requirements file of
/// a directory that holds them.
static bool inRequirementsDirectory(StringRef Path) {
  StringRef Dir = sys::path::filename(sys::path::parent_path(Path));
  StringRef Name = sys::path::filename(Path);
  return (Dir == "requirements" || Dir == "reqs") &&
         (Name.endswith(".txt") || Name.endswith(".in"));
}

FileKindSet classifyByName(StringRef Path) {
  StringRef Name = sys::path::filename(Path);
  std::string Lower = Name.lower();
  StringRef Ext = sys::path::extension(Lower);
  FileKindSet K;
  if (isLockfileName(Name)) {
    K.insert(FileKind::Lockfile);
    return K;
  }
  if (isManifestName(Name) || inRequirementsDirectory(Path))
    K.insert(FileKind::Manifest);
  if (Name == ".licit.toml" || Name == "pyproject.toml")
    K.insert(FileKind::Policy);
  // Container builds: Dockerfile, Containerfile, api.Dockerfile,
  // Dockerfile.gpu.
  StringRef L(Lower);
  if (L == "dockerfile" || L == "containerfile" ||
      L.startswith("dockerfile.") || L.startswith("containerfile.") ||
      Ext == ".dockerfile" || Ext == ".containerfile")
    K.insert(FileKind::Dockerfile);
  if (L == "modelfile" || L.startswith("modelfile.") || Ext == ".modelfile")
    K.insert(FileKind::Modelfile);
  if (L == ".env" || L.startswith(".env.") || Ext == ".env")
    K.insert(FileKind::Env);
  if (L == "makefile" || L == "gnumakefile" || Ext == ".mk")
    K.insert(FileKind::Makefile);
  if ((L.startswith("docker-compose") || L.startswith("compose")) &&
      (Ext == ".yml" || Ext == ".yaml"))
    K.insert(FileKind::Compose);
  if (L == "readme.md" || L == "model_card.md" || L == "modelcard.md" ||
      L == "model-card.md")
    K.insert(FileKind::ModelCard);
  Optional<FileKind> ByExt =
      StringSwitch<Optional<FileKind>>(Ext)
          .Cases(".py", ".pyi", ".pyw", FileKind::Python)
          .Case(".ipynb", FileKind::Notebook)
          .Case(".toml", FileKind::Toml)
          .Cases(".ini", ".cfg", FileKind::Ini)
          .Cases(".yaml", ".yml", FileKind::Yaml)
          .Cases(".json", ".jsonc", ".jsonl", FileKind::Json)
          .Cases(".sh", ".bash", ".zsh", FileKind::Shell)
          .Cases(".js", ".mjs", ".cjs", ".jsx", FileKind::JavaScript)
          .Cases(".ts", ".mts", ".cts", ".tsx", FileKind::JavaScript)
          .Cases(".md", ".markdown", ".mdx", FileKind::Markdown)
          .Case(".rst", FileKind::Rst)
          .Cases(".c", ".cc", ".cpp", ".cxx", ".c++", FileKind::CFamily)
          .Cases(".h", ".hh", ".hpp", ".hxx", ".cu", ".cuh", FileKind::CFamily)
          .Cases(".m", ".mm", FileKind::CFamily)
          .Case(".gguf", FileKind::Gguf)
          .Case(".safetensors", FileKind::Safetensors)
          .Cases(".pkl", ".pickle", ".pt", ".pth", ".ckpt", FileKind::Pickle)
          .Cases(".joblib", ".dill", ".npy", ".npz", FileKind::Pickle)
          .Cases(".onnx", ".tflite", ".pt2", ".mlmodel", ".llamafile",
                 FileKind::Weights)
          .Default(None);
  if (ByExt)
    K.insert(*ByExt);
  return K;
}

bool needsSniffing(StringRef Path) {
  StringRef Name = sys::path::filename(Path);
  // "pytorch_model.bin": a PyTorch zip or a pickle, or other bytes.
  return !sys::path::has_extension(Name) || Name.endswith(".bin");
}

FileKindSet refineByContent(StringRef Path, FileKindSet Kinds, StringRef Head) {
  // A zip archive (PyTorch's format) or a pickle of protocol 2 to 5.
  if (Path.endswith(".bin") &&
      (Head.startswith("PK\x03\x04") ||
       (Head.size() >= 2 && uint8_t(Head[0]) == 0x80 && uint8_t(Head[1]) >= 2 &&
        uint8_t(Head[1]) <= 5)))
    Kinds.insert(FileKind::Pickle);
  if (Head.consume_front("#!")) {
    StringRef Line = Head.take_until([](char C) { return C == '\n'; });
    // "/usr/bin/env -S python3 -u", "/bin/bash", "/usr/bin/python3.11".
    SmallVector<StringRef, 4> Words;
    Line.split(Words, ' ', -1, /*KeepEmpty=*/false);
    for (StringRef W : Words) {
      StringRef Prog = sys::path::filename(W.trim());
      if (Prog == "env" || Prog.startswith("-"))
        continue;
      if (Prog.startswith("python"))
        Kinds.insert(FileKind::Python);
      else if (Prog == "sh" || Prog == "bash" || Prog == "zsh" ||
               Prog == "dash" || Prog == "ksh")
        Kinds.insert(FileKind::Shell);
      break;
    }
  }
  return Kinds;
}

} // namespace licit
