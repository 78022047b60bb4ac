#!/usr/bin/env python3
"""Times `licit deps` on large lockfiles against ripgrep on the same files.

  utils/bench/lockfiles.py [--licit build/bin/licit] [--packages 60000]
                           [--runs 5]

Generates a project whose uv.lock and package-lock.json each resolve
--packages packages (tens of MiB together, as monorepos' lockfiles are),
with a pyproject.toml and a package.json declaring a few of them. ripgrep
counts the lockfiles' version lines, the cheapest scan that reads the same
bytes; licit parses both lockfiles and resolves the declared dependencies.
Reported: median wall time and peak RSS of each, and the ratios.
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import tempfile
import time


def generate(root, n):
    with open(os.path.join(root, "uv.lock"), "w") as f:
        f.write('version = 1\nrequires-python = ">=3.11"\n')
        for i in range(n):
            f.write(f'\n[[package]]\nname = "pkg-{i}"\nversion = "1.{i % 97}.{i % 13}"\n'
                    f'source = {{ registry = "https://pypi.org/simple" }}\n'
                    f'wheels = [{{ url = "https://files.example/pkg_{i}-1.0-py3-none-any.whl", '
                    f'hash = "sha256:{i:064x}", size = {1000 + i} }}]\n')
    with open(os.path.join(root, "pyproject.toml"), "w") as f:
        deps = ", ".join(f'"pkg-{i}>=1"' for i in range(0, n, n // 50))
        f.write(f'[project]\nname = "bench"\ndependencies = [{deps}]\n')
    packages = {"": {"dependencies": {f"pkg-{i}": "^1.0.0" for i in range(0, n, n // 50)}}}
    for i in range(n):
        packages[f"node_modules/pkg-{i}"] = {
            "version": f"1.{i % 97}.{i % 13}",
            "resolved": f"https://registry.npmjs.org/pkg-{i}/-/pkg-{i}-1.0.0.tgz",
            "integrity": f"sha512-{i:086x}", "license": "MIT"}
    with open(os.path.join(root, "package-lock.json"), "w") as f:
        json.dump({"name": "bench", "lockfileVersion": 3, "packages": packages}, f, indent=2)
    with open(os.path.join(root, "package.json"), "w") as f:
        json.dump({"dependencies": packages[""]["dependencies"]}, f)


def measure(cmd, runs):
    times, rss = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        rss = max(rss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return statistics.median(times) * 1000, rss / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--licit", default="build/bin/licit")
    ap.add_argument("--packages", type=int, default=60000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as root:
        generate(root, args.packages)
        size = sum(os.path.getsize(os.path.join(root, f)) for f in os.listdir(root))
        # ripgrep first: RUSAGE_CHILDREN keeps the maximum so far.
        rg_ms, rg_mib = measure(["rg", "-c", "version", root], args.runs)
        licit_ms, licit_mib = measure(
            [args.licit, "deps", "--format=json", root], args.runs)
        print(f"{size / 2**20:.1f} MiB of lockfiles, {args.packages} packages each")
        print(f"ripgrep {rg_ms:.1f} ms, {rg_mib:.1f} MiB; "
              f"licit {licit_ms:.1f} ms, {licit_mib:.1f} MiB; "
              f"ratios {licit_ms / rg_ms:.2f}x time, {licit_mib / rg_mib:.2f}x memory")


if __name__ == "__main__":
    main()
