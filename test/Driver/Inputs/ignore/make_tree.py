"""Writes a tree of tricky ignore patterns into an existing git work tree.

Every file is a .py file so licit classifies it; git's own answer
(`git ls-files --cached --others --exclude-standard`) is the reference.
"""
import os
import sys

root = sys.argv[1]

FILES = """
#hash.py
anchored.py
sub/anchored.py
build/a.py
sub/build/b.py
deep/x.py
q/r/deep/x.py
docs/a.gen.py
docs/gen/a.gen.py
docs/x/y/keep.gen.py
docs/x/y/other.py
x.tmp.py
important.tmp.py
a/b.py
a/x/y/b.py
ab/b.py
spaces.py
foo1.py
fooa.py
z.py
zz.py
vendor/lib.py
vendor/ours/ok.py
vendor/theirs/no.py
sub/local.py
sub/x/local.py
sub/rooted-in-sub.py
sub/x/rooted-in-sub.py
sub/reincluded.py
excluded-by-info.py
normal.py
.hidden.py
star/a.py
star/b/c.py
cls/x-1.py
cls/x-b.py
cls/x_.py
esc/!bang.py
esc/trail.py
only-dir/f.py
only-dir.py
""".split()

GITIGNORE = "\n".join([
    "# a comment, and a blank line follow",
    "",
    "\\#hash.py",
    "build/",
    "/anchored.py",
    "**/deep/x.py",
    "docs/**/*.gen.py",
    "!keep.gen.py",
    "*.tmp.py",
    "!important.tmp.py",
    "a/**/b.py",
    "spaces.py   ",
    "foo[0-9].py",
    "?.py",
    "vendor/*",
    "!vendor/ours/",
    "star/**",
    "cls/x-[!a-z0-9].py",
    "cls/x-[[:digit:]].py",
    "esc/\\!bang.py",
    "esc/trail.py\\ ",
    "only-dir/",
    "reincluded.py",
    "",
])

SUB_GITIGNORE = "\n".join([
    "local.py",
    "/rooted-in-sub.py",
    "!reincluded.py",
    "",
])

for f in FILES:
    path = os.path.join(root, f)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as out:
        out.write("x = 1\n")
with open(os.path.join(root, ".gitignore"), "w") as out:
    out.write(GITIGNORE)
with open(os.path.join(root, "sub", ".gitignore"), "w") as out:
    out.write(SUB_GITIGNORE)
os.makedirs(os.path.join(root, ".git", "info"), exist_ok=True)
with open(os.path.join(root, ".git", "info", "exclude"), "w") as out:
    out.write("excluded-by-info.py\n")
