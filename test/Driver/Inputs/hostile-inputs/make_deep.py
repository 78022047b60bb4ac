"""Writes Python files whose nesting would make a naive extractor quadratic
or overflow its stack."""
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
