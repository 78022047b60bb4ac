#!/usr/bin/env python3
"""Runs licit on one test file and checks what it reports and fixes.

A port of clang-tidy's check_clang_tidy.py, registered in lit as
%check_licit:

  %check_licit [-unsafe-fixes] [-check-suffixes=A,B] <file> <passes> <temp>
               [-- <licit args>...]

<file> is copied to <temp>/<its name> with every CHECK-* comment blanked
(line numbers stay), licit runs on the copy with --passes=<passes> and --fix
(plus --unsafe-fixes when asked), then FileCheck verifies:
  CHECK-MESSAGES  the diagnostics, with no other warning or error allowed;
  CHECK-NOTES     the diagnostics and notes, with no other note allowed;
  CHECK-FIXES     the fixed file, line by line (--match-full-lines).
A file without CHECK-MESSAGES or CHECK-NOTES must produce no diagnostics.
Pass an explicit --policy in <licit args>; the test environment already
disables policy discovery.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys


def run(cmd, **kwargs):
    proc = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    return proc.returncode, proc.stdout, proc.stderr


def filecheck(filecheck_bin, check_file, prefixes, input_text, extra):
    cmd = [filecheck_bin, check_file, "-check-prefixes=" + ",".join(prefixes),
           "-dump-input=fail"] + extra
    proc = subprocess.run(cmd, input=input_text, text=True,
                          capture_output=True)
    if proc.returncode:
        sys.stderr.write(proc.stderr)
        sys.exit(f"FileCheck failed: {' '.join(cmd)}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-unsafe-fixes", action="store_true")
    ap.add_argument("-check-suffixes", default="")
    ap.add_argument("-licit", default="licit")
    ap.add_argument("-filecheck", default="FileCheck")
    ap.add_argument("input")
    ap.add_argument("passes")
    ap.add_argument("temp")
    args, rest = ap.parse_known_args()
    if rest and rest[0] == "--":
        rest = rest[1:]
    suffixes = [s for s in args.check_suffixes.split(",") if s] or [""]
    def prefix(kind, suffix):
        return f"CHECK-{kind}" + (f"-{suffix}" if suffix else "")

    text = open(args.input, encoding="utf-8").read()
    # Blank the checks so they do not match themselves, keeping lines.
    blanked = re.sub(r"(#|//)\s*CHECK-[A-Z0-9-]+:.*", r"\1", text)
    os.makedirs(args.temp, exist_ok=True)
    target = os.path.join(args.temp, os.path.basename(args.input))
    with open(target, "w", encoding="utf-8") as f:
        f.write(blanked)

    cmd = [args.licit, f"--passes={args.passes}", "--fix", "--color=never"]
    if args.unsafe_fixes:
        cmd.append("--unsafe-fixes")
    code, out, err = run(cmd + rest + [target])
    if code not in (0, 1):
        sys.stderr.write(out + err)
        sys.exit(f"licit exited with {code}: {' '.join(cmd + rest + [target])}")
    fixed = open(target, encoding="utf-8").read()

    for suffix in suffixes:
        messages = [prefix("MESSAGES", suffix)]
        notes = [prefix("NOTES", suffix)]
        fixes = [prefix("FIXES", suffix)]
        has = lambda p: re.search(rf"\b{re.escape(p[0])}:", text)
        if has(notes):
            filecheck(args.filecheck, args.input, notes, out,
                      ["-implicit-check-not={{note|warning|error}}:"])
        elif has(messages):
            filecheck(args.filecheck, args.input, messages, out,
                      ["-implicit-check-not={{warning|error}}:"])
        elif re.search(r"(warning|error):", out):
            sys.stderr.write(out)
            sys.exit("expected no diagnostics")
        if has(fixes):
            filecheck(args.filecheck, args.input, fixes, fixed,
                      ["--match-full-lines"])
        elif fixed != blanked:
            sys.exit("the file changed, but there are no CHECK-FIXES lines")


if __name__ == "__main__":
    main()
