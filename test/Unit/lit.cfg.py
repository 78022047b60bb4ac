# Runs the GoogleTest binaries under lit, so check-licit runs both suites.
import lit.formats

config.name = "licit-Unit"
config.suffixes = []
config.test_source_root = config.licit_unittests_dir
config.test_exec_root = config.licit_unittests_dir
config.test_format = lit.formats.GoogleTest(".", "Tests")
