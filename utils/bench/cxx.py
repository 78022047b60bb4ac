#!/usr/bin/env python3
"""Times licit's C and C++ passes against ripgrep on the same tree.

  utils/bench/cxx.py [--licit build/bin/licit] [--units 80] [--runs 3]
                     [--tree DIR --build DIR]

Without --tree it generates a deterministic project the size of whisper.cpp
(its examples and library): --units C++ translation units, each including
the standard headers such code includes (<string>, <vector>, <map>,
<thread>, <functional>, ...) and the project's header, one in four calling
a model loader (llama.cpp, whisper.cpp, ONNX Runtime) with a default path
from a params struct, a macro or a `?:`; and a fifth as many C files that
call none (ggml). Its compile_commands.json is in build/. With --tree, a
real project, whose database is in --build.

Three runs of licit: with the database (the Clang pass parses the units
that mention a loader; the others are lexed), with it on one thread (the
peak memory of one unit at a time), and without it (every file lexed).
ripgrep counts the loader names in the same files. Reported: median wall
time and peak RSS of each, the Clang pass's time per parsed unit (from
--time-passes), and the ratios against ripgrep.
"""
import argparse
import json
import os
import random
import re
import subprocess
import tempfile

from bench import measure

HEADER = """#pragma once
#include <string>
#include <vector>

struct app_params {
    int n_threads = 4;
    std::string model = "models/ggml-base.en.bin";
    std::string language = "en";
    bool translate = false;
};

struct whisper_context;
struct whisper_context_params { bool use_gpu; };
whisper_context *whisper_init_from_file_with_params(const char *path, whisper_context_params p);
struct llama_model;
struct llama_model_params { int n_gpu_layers; };
llama_model *llama_model_load_from_file(const char *path, llama_model_params p);
"""

INCLUDES = ["<string>", "<vector>", "<map>", "<thread>", "<functional>",
            "<algorithm>", "<cstdio>", "<fstream>", "<memory>", "<mutex>"]

LOADERS = [
    "    whisper_init_from_file_with_params(params.model.c_str(), {});",
    "    llama_model_load_from_file(argc > 1 ? argv[1] : "
    "\"models/llama-3.2-1b-instruct.Q4_K_M.gguf\", {});",
    "    llama_model_load_from_file(DEFAULT_MODEL, {});",
]


def unit(i, rng, loads):
    lines = [f"#include {h}" for h in INCLUDES] + ['#include "app.h"', ""]
    if loads:
        lines.append(f'#define DEFAULT_MODEL "models/model-{i}.gguf"')
    for f in range(40):
        lines += [
            f"static std::vector<float> step_{f}(const std::vector<float> &x) {{",
            "    std::vector<float> y(x.size());",
            "    std::transform(x.begin(), x.end(), y.begin(),",
            f"                   [](float v) {{ return v * {rng.randint(1, 9)}.0f; }});",
            f"    std::map<std::string, int> counts{{{{\"k{f}\", {f}}}}};",
            "    return y;",
            "}",
        ]
    lines += ["int main(int argc, char **argv) {", "    app_params params;"]
    if loads:
        lines.append(LOADERS[i % len(LOADERS)])
    lines += ['    printf("done\\n");', "    return 0;", "}"]
    return "\n".join(lines) + "\n"


def c_file(i):
    body = "\n".join(
        f"static float op_{i}_{k}(const float *x, int n) {{\n"
        f"    float s = 0; for (int j = 0; j < n; ++j) s += x[j] * {k};\n"
        f"    return s;\n}}" for k in range(60))
    return "#include <stddef.h>\n#include <string.h>\n" + body + "\n"


def generate(root, units, rng):
    os.makedirs(os.path.join(root, "include"))
    os.makedirs(os.path.join(root, "examples"))
    os.makedirs(os.path.join(root, "ggml"))
    os.makedirs(os.path.join(root, "build"))
    with open(os.path.join(root, "include", "app.h"), "w") as f:
        f.write(HEADER)
    db = []
    for i in range(units):
        path = f"examples/ex{i}.cpp"
        with open(os.path.join(root, path), "w") as f:
            f.write(unit(i, rng, i % 4 == 0))
        db.append({"directory": root, "file": path,
                   "arguments": ["c++", "-std=c++17", "-O2", "-Iinclude",
                                 "-c", path, "-o", f"build/ex{i}.o"]})
    for i in range(units // 5):
        path = f"ggml/op{i}.c"
        with open(os.path.join(root, path), "w") as f:
            f.write(c_file(i))
        db.append({"directory": root, "file": path,
                   "arguments": ["cc", "-std=c11", "-O2", "-c", path,
                                 "-o", f"build/op{i}.o"]})
    with open(os.path.join(root, "build", "compile_commands.json"), "w") as f:
        json.dump(db, f, indent=1)


def ast_seconds(cmd):
    """The Clang pass's total seconds in a --time-passes run of `cmd`."""
    out = subprocess.run(cmd + ["--time-passes"], capture_output=True,
                         text=True).stderr
    m = re.search(r"([0-9.]+)\s.*extract-cxx-ast-model-refs", out)
    return float(m.group(1)) if m else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--licit", default="build/bin/licit")
    ap.add_argument("--units", type=int, default=80)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--tree")
    ap.add_argument("--build")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tree = os.path.abspath(args.tree or tmp)
        build = os.path.abspath(args.build or os.path.join(tree, "build"))
        if not args.tree:
            generate(tree, args.units, random.Random(7))
        with open(os.path.join(build, "compile_commands.json")) as f:
            files = [os.path.join(e["directory"], e["file"]) for e in json.load(f)]
        parsed = 0
        for path in files:
            with open(path, errors="replace") as f:
                text = f.read()
            # licit's test (mentionsLoader), for the loaders used here.
            parsed += any(n in text for n in (
                "llama_model_load_from_file", "whisper_init_from_file",
                "Ort::Session", "torch::jit::load", '.gguf"', '.onnx"'))
        licit = [os.path.abspath(args.licit), "models", "--color=never"]
        os.environ["LICIT_NO_DEFAULT_POLICY"] = "1"
        rg = ["rg", "--no-config", "-c",
              r"llama_model_load_from_file|whisper_init_from_file|Ort::Session"
              r"|torch::jit::load|model", tree]
        measure(rg, 1)
        t_rg, m_rg = measure(rg, args.runs)
        with_db = licit + ["-p", build, tree]
        t_db, m_db = measure(with_db, args.runs)
        t_one, m_one = measure(with_db + ["-j", "1"], 1)
        # Without a database: none in the tree, none given.
        hidden = os.path.join(build, "compile_commands.json")
        os.rename(hidden, hidden + ".off")
        try:
            t_lex, m_lex = measure(licit + [tree], args.runs)
        finally:
            os.rename(hidden + ".off", hidden)
        check = [os.path.abspath(args.licit), "--color=never", "-p", build,
                 tree, "-j", "1"]
        per_unit = ast_seconds(check) / max(parsed, 1)
        print(f"tree: {tree if args.tree else f'{args.units} synthetic units'}"
              f" ({len(files)} in the database, {parsed} parsed by Clang)")
        print(f"ripgrep:            {t_rg * 1000:8.1f} ms {m_rg:7.1f} MiB")
        for name, t, m in [("licit, database:", t_db, m_db),
                           ("licit, -j 1:", t_one, m_one),
                           ("licit, lexed:", t_lex, m_lex)]:
            print(f"{name:19} {t * 1000:8.1f} ms {m:7.1f} MiB "
                  f"(time {t / t_rg:.2f}x, memory {m / m_rg:.2f}x)")
        print(f"Clang pass per parsed unit: {per_unit * 1000:.1f} ms")


if __name__ == "__main__":
    main()
