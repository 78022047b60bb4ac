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
# Hermetic: no model card comes from the machine's hub cache.
config.environment["HF_HUB_CACHE"] = os.path.join(config.licit_obj_root, "no-hf-cache")
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
# Consumers of licit's machine output (utils/test.sh installs them):
# the SARIF multitool and ajv with the official SARIF schema, from npm;
# clang-apply-replacements and pre-commit, from Debian. CI sets
# LICIT_REQUIRE_TEST_TOOLS so that a missing one fails instead of skipping.
test_tools = os.path.join(config.licit_src_root, "utils", "test-tools",
                          "node_modules")
external = {
    "sarif-multitool": os.path.join(test_tools, ".bin", "sarif-multitool-linux"),
    "ajv": os.path.join(test_tools, ".bin", "ajv"),
    "clang-apply-replacements": shutil.which("clang-apply-replacements-14")
                                or shutil.which("clang-apply-replacements"),
    "pre-commit": shutil.which("pre-commit"),
}
missing = [name for name, path in external.items()
           if not path or not os.path.exists(path)]
if missing and os.environ.get("LICIT_REQUIRE_TEST_TOOLS"):
    lit_config.fatal("test tools missing (run utils/test.sh): " +
                     ", ".join(missing))
# Before "%ajv", which is a prefix.
config.substitutions.append(("%ajv_formats", os.path.join(test_tools, "ajv-formats")))
config.substitutions.append(
    ("%sarif_schema", os.path.join(test_tools, "@microsoft",
                                   "sarif-multitool-linux", "sarif-2.1.0.json")))
for name, path in external.items():
    if name not in missing:
        config.available_features.add(name)
        config.substitutions.append(("%" + name, path))
