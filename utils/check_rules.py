#!/usr/bin/env python3
"""Checks the registries against the tests and docs (run by lit).

Fails when a rule id is not asserted in any CHECK line under test/, has no
docs/rules/<id>.md page opening with its summary, or collides with another;
or when a pass in Passes.def has no test/Passes/<Phase>/<pass-name>.test
or no section in docs/passes.md.

  utils/check_rules.py <source-root>
"""
import re
import sys
from pathlib import Path

RULE = re.compile(r'^LICIT_RULE\(\w+, "([a-z0-9-]+)", \w+,\s*"([^"]*)"\)',
                  re.M)
PASS = re.compile(r'^LICIT_(?:FILE|RESOLVE|PROJECT)_PASS\("([a-z0-9-]+)"', re.M)
PHASES = {"extract": "Extract", "resolve": "Resolve", "check": "Check"}


def main():
    root = Path(sys.argv[1])
    problems = []
    rules = RULE.findall((root / "include/licit/Basic/Rules.def").read_text())
    ids = [r for r, _ in rules]
    for dup in {r for r in ids if ids.count(r) > 1}:
        problems.append(f"rule id '{dup}' is defined more than once")
    checks = "\n".join(
        line for test in (root / "test").rglob("*.test")
        for line in test.read_text(errors="replace").splitlines()
        if "CHECK" in line)
    for rule, summary in rules:
        if f"[{rule}]" not in checks:
            problems.append(f"rule '{rule}' is not asserted in any CHECK line")
        page = root / "docs/rules" / f"{rule}.md"
        if not page.exists():
            problems.append(f"rule '{rule}' has no page {page.relative_to(root)}")
            continue
        lines = page.read_text().splitlines()
        sentence = summary[0].upper() + summary[1:] + "."
        if lines[:3] != [f"# {rule}", "", sentence]:
            problems.append(f"{page.relative_to(root)} must open with '# {rule}'"
                            f" and the summary from Rules.def")
    passes_doc = (root / "docs/passes.md").read_text()
    for name in PASS.findall((root / "lib/Passes/Passes.def").read_text()):
        if f"### {name}" not in passes_doc:
            problems.append(f"pass '{name}' is not described in docs/passes.md")
        phase = PHASES.get(name.split("-")[0])
        test = root / "test/Passes" / str(phase) / f"{name}.test"
        if phase is None or not test.exists():
            problems.append(f"pass '{name}' has no test {test.relative_to(root)}")
    for p in problems:
        print(f"error: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
