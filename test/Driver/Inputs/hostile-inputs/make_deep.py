"""Writes Python files and notebooks whose nesting or size would make a
naive reader quadratic, overflow its stack, or allocate without bound."""
import os
import sys

out, n = sys.argv[1], 50000
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "nested_calls.py"), "w") as f:
    f.write("m = " + "AutoModel.from_pretrained(" * n + '"acme/deep"' +
            ")" * n + "\n")
with open(os.path.join(out, "nested_env.py"), "w") as f:
    f.write("m = AutoModel.from_pretrained(" + 'os.getenv("A", ' * n +
            '"acme/env"' + ")" * n + ")\n")
with open(os.path.join(out, "unclosed.py"), "w") as f:
    f.write("x = " + "([{" * n + "\n")
# A notebook nested 100,000 arrays deep, and one whose single cell repeats
# a long string of escapes (each "\\u0041" decodes to one byte).
with open(os.path.join(out, "deep.ipynb"), "w") as f:
    f.write('{"cells": ' + "[" * 100000 + "]" * 100000 + "}")
with open(os.path.join(out, "escapes.ipynb"), "w") as f:
    f.write('{"cells": [{"cell_type": "code", "source": "x = \'' +
            "\\u0041" * 1000000 + '\'\\nm = AutoModel.from_pretrained(' +
            '\\"acme/after-escapes\\")"}]}')
# A dotted callee of a million parts (reading it took 164 s), and one
# finding at the end of a 4 MB line (it printed the whole line).
with open(os.path.join(out, "dotted.py"), "w") as f:
    f.write("x = " + ".".join(["a"] * 1000000) + '("acme/dotted")\n')
with open(os.path.join(out, "long_line.py"), "w") as f:
    f.write("x = " + "1 + " * 1000000 +
            'AutoModel.from_pretrained("acme/long-line")\n')
# Model keys nested 50,000 deep: dict entries, annotated parameters (each
# level rescanned the rest: 4 s and 1.6 s).
with open(os.path.join(out, "nested_keys.py"), "w") as f:
    f.write("x = " + '{"model": ' * n + '"acme/keys"' + "}" * n + "\n" +
            "f(" + "a: g(" * n + ")" * n + ")\n")
# Beside the tree: 20,000 model flags on one shell line (a column cost a
# scan of the line: 31 s), YAML nested 100,000 flow levels deep (LLVM's
# parser recurses per level).
wide = out + "-wide"
os.makedirs(wide, exist_ok=True)
with open(os.path.join(wide, "many_refs.sh"), "w") as f:
    f.write("vllm serve " + " ".join(["--model acme/m"] * 20000) + "\n")
with open(os.path.join(wide, "deep.yaml"), "w") as f:
    f.write("model: " + "[" * 100000 + "\n")
# 30,000 compact block sequences on one line overflowed the stack.
with open(os.path.join(wide, "compact.yaml"), "w") as f:
    f.write("- " * 30000 + "x\n")
