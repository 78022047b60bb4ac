#!/usr/bin/env python3
"""Times licit against ripgrep on the same tree and reports the ratios.

  utils/bench/bench.py [--licit build/bin/licit] [--files 4000] [--runs 5]
                       [--tree DIR]

Without --tree it generates a deterministic synthetic ML project: Python
files of ordinary code with a loader call every few dozen lines, some model
ids in plain strings, docstrings and comments. ripgrep searches the same
files for the loader names, the cheapest scan that could find the same
calls; licit tokenizes, extracts, resolves and checks. Reported: median wall
time and peak RSS of each, and licit/ripgrep ratios.
"""
import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time

IDS = ["meta-llama/Llama-3.1-8B-Instruct", "Qwen/Qwen3-8B",
       "CohereForAI/c4ai-command-r-plus", "mistralai/Mistral-7B-Instruct-v0.3",
       "acme/private-model", "google/gemma-2-9b-it"]
FILLER = [
    "def step(batch, model, optimizer):",
    "    loss = model(**batch).loss",
    "    loss.backward()",
    "    optimizer.step()",
    "    return {'loss': float(loss), \"lr\": optimizer.param_groups[0]['lr']}",
    "# Plain comments mention meta-llama/Llama-3.1-8B-Instruct too.",
    "values = [x * 2 for x in range(100) if x % 3]",
    "CONFIG = {'epochs': 3, 'batch_size': 16, 'path': './checkpoints/run'}",
    "class Trainer:",
    "    \"\"\"Trains models; see https://example.org/docs.\"\"\"",
]


# One file in ten is another kind an ML project has, each naming models
# the way such files do.
OTHER_KINDS = [
    ("serve.sh", lambda rng: "\n".join(
        f"vllm serve {rng.choice(IDS)} --port 800{k} \\\n"
        f"    --tokenizer={rng.choice(IDS)} --max-model-len 4096"
        for k in range(40)) + "\n"),
    ("config.yaml", lambda rng: "\n".join(
        f"run{k}:\n  model_name_or_path: {rng.choice(IDS)}\n"
        f"  learning_rate: 2.0e-5\n  output_dir: saves/run{k}"
        for k in range(60)) + "\n"),
    ("README.md", lambda rng: "\n".join(
        f"Step {k}: fine-tune [the model](https://huggingface.co/"
        f"{rng.choice(IDS)}) with `ollama run llama3.2` and friends."
        for k in range(80)) + "\n"),
    ("Dockerfile", lambda rng: "FROM vllm/vllm-openai:v0.6.3\n" + "\n".join(
        f"ENV MODEL_{k}={rng.choice(IDS)}" for k in range(30)) +
        "\nCMD [\"--model\", \"Qwen/Qwen3-8B\"]\n"),
]


def generate(root, files, rng):
    for i in range(files):
        d = os.path.join(root, f"pkg{i % 40}", f"mod{i % 7}")
        os.makedirs(d, exist_ok=True)
        if i % 10 == 9:
            name, make = OTHER_KINDS[(i // 10) % len(OTHER_KINDS)]
            with open(os.path.join(d, f"{i}-{name}"
                                   if name != "Dockerfile" else
                                   f"{i}.Dockerfile"), "w") as f:
                f.write(make(rng))
            continue
        lines = []
        for j in range(300):
            if j % 37 == 0:
                lines.append(f"m{j} = AutoModel.from_pretrained("
                             f"\"{rng.choice(IDS)}\", revision=\"main\")")
            elif j % 53 == 0:
                lines.append(f"NAME{j} = \"{rng.choice(IDS)}\"")
            else:
                lines.append(rng.choice(FILLER))
        with open(os.path.join(d, f"file{i}.py"), "w") as f:
            f.write("\n".join(lines) + "\n")


def measure(cmd, runs, env=None):
    """Median wall time (s) of `runs` runs of `cmd`, and its peak RSS (MiB)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, env=env, check=False)
        times.append(time.perf_counter() - start)
    # ru_maxrss of children is the largest of any child so far: measure RSS
    # in a fresh process so each tool gets its own figure.
    probe = subprocess.run(
        [sys.executable, "-c",
         "import resource,subprocess,sys;"
         "subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,"
         "stderr=subprocess.DEVNULL);"
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"]
        + cmd, capture_output=True, text=True, env=env, check=True)
    return statistics.median(times), int(probe.stdout) / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--licit", default="build/bin/licit")
    ap.add_argument("--files", type=int, default=4000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--tree")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tree = args.tree or tmp
        if not args.tree:
            generate(tree, args.files, random.Random(42))
        licit = [os.path.abspath(args.licit), "--color=never", tree]
        # Every file, as licit reads every kind.
        rg = ["rg", "--no-config", "-c",
              r"from_pretrained|pipeline\(|hf_hub_download|snapshot_download"
              r"|model|huggingface",
              tree]
        os.environ["LICIT_NO_DEFAULT_POLICY"] = "1"
        # Warm the page cache so both read from memory.
        measure(rg, 1)
        t_rg, m_rg = measure(rg, args.runs)
        t_li, m_li = measure(licit, args.runs)
        print(f"tree: {tree if args.tree else f'{args.files} synthetic files'}")
        print(f"ripgrep: {t_rg * 1000:8.1f} ms  {m_rg:7.1f} MiB")
        print(f"licit:   {t_li * 1000:8.1f} ms  {m_li:7.1f} MiB")
        print(f"ratio (licit / ripgrep): time {t_li / t_rg:.2f}x, "
              f"peak memory {m_li / m_rg:.2f}x")


if __name__ == "__main__":
    main()
