#!/usr/bin/env python3
"""Times licit's start-up: what a pre-commit hook pays on every commit.

  utils/bench/startup.py [--licit build/bin/licit] [--runs 50]

Measures `licit --version` and `licit` on one small Python file (the
default policy, no discovery), and ripgrep doing the same (`rg --version`,
`rg` on that file), and reports the median wall times, peak RSS and the
licit/ripgrep ratios.
"""
import argparse
import os
import tempfile

from bench import measure


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--licit", default="build/bin/licit")
    ap.add_argument("--runs", type=int, default=50)
    args = ap.parse_args()
    licit = os.path.abspath(args.licit)
    env = dict(os.environ, LICIT_NO_DEFAULT_POLICY="1")
    with tempfile.TemporaryDirectory() as tmp:
        one = os.path.join(tmp, "train.py")
        with open(one, "w") as f:
            f.write('m = AutoModel.from_pretrained("Qwen/Qwen3-8B")\n')
        cases = [
            ("--version", [licit, "--version"], ["rg", "--version"]),
            ("one file", [licit, one],
             ["rg", "--no-config", "-c", "from_pretrained", one]),
        ]
        for name, li, rg in cases:
            measure(li, 3, env)  # Warm the page cache.
            t_li, m_li = measure(li, args.runs, env)
            t_rg, m_rg = measure(rg, args.runs, env)
            t_li, t_rg = t_li * 1000, t_rg * 1000
            print(f"{name:10} licit {t_li:6.1f} ms {m_li:6.1f} MiB | "
                  f"ripgrep {t_rg:5.1f} ms {m_rg:5.1f} MiB | "
                  f"ratio time {t_li / t_rg:5.2f}x memory {m_li / m_rg:5.2f}x")


if __name__ == "__main__":
    main()
