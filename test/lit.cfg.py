import os
import shutil
import subprocess

import lit.formats
from lit.llvm import llvm_config

config.name = "licit"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".test"]
config.excludes = ["Inputs", "Unit"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = config.licit_obj_root

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.with_environment("PATH", config.licit_tools_dir, append_path=True)
# Hermetic: never pick up a .licit.toml from above the test directories.
config.environment["LICIT_NO_DEFAULT_POLICY"] = "1"
# Longer names first: lit substitutes in order, and "%licit" is a prefix.
config.substitutions.append(("%licit_src", config.licit_src_root))
config.substitutions.append(
    ("%check_licit",
     "%s %s -licit=%s -filecheck=%s" % (
         config.python_executable,
         os.path.join(config.licit_src_root, "utils", "check_licit.py"),
         os.path.join(config.licit_tools_dir, "licit"),
         os.path.join(config.llvm_tools_dir, "FileCheck"))))
config.substitutions.append(("%licit", os.path.join(config.licit_tools_dir, "licit")))
config.substitutions.append(("%python", config.python_executable))
# Permission tests need a user the file modes apply to: root drops to
# 'nobody' with setpriv, anyone else is already subject to them.
if os.getuid() == 0:
    config.substitutions.append(
        ("%as_unprivileged", "setpriv --reuid=65534 --regid=65534 --clear-groups"))
else:
    config.substitutions.append(("%as_unprivileged", ""))
# Tests that compare with git itself, or watch licit's system calls (only
# where tracing is allowed: a sandbox may forbid ptrace).
if shutil.which("git"):
    config.available_features.add("git")
if shutil.which("strace") and subprocess.run(
        ["strace", "-qq", "-o", os.devnull, "true"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
    config.available_features.add("strace")
# Sanitizer builds: ASan reserves more address space than `ulimit -v`
# tests allow.
if "address" in config.licit_sanitize:
    config.available_features.add("asan")
