#!/usr/bin/env bash
# Installs what licit needs (utils/setup.sh), then builds and runs every
# test twice: in ./build with assertions on, and in ./build-san under
# AddressSanitizer and UndefinedBehaviorSanitizer (assertions on too); then
# builds the fuzz targets and runs each for 20 s from its corpus, with a
# fixed seed. This is what CI runs (.ci/run).
#
#   utils/test.sh                install, build, test both ways
#   utils/test.sh --no-install   build and test only
set -euo pipefail
cd "$(dirname "$0")/.."

# The real consumers of licit's output, for the tests only: pre-commit and
# clang-apply-replacements from Debian, the SARIF multitool and ajv (with
# the official SARIF schema) from npm into utils/test-tools.
extra="pre-commit clang-tools-14"
command -v npm >/dev/null || extra="$extra nodejs npm"
LICIT_EXTRA_PACKAGES="$extra" LICIT_ENABLE_ASSERTIONS=ON utils/setup.sh "$@"
if [ "${1:-}" != "--no-install" ]; then
  npm install --prefix utils/test-tools --no-audit --no-fund --silent
fi
export LICIT_REQUIRE_TEST_TOOLS=1
cmake --build build --target check-licit

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build-san -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DLICIT_ENABLE_ASSERTIONS=ON -DLICIT_SANITIZE=address,undefined \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld \
  -DPython3_EXECUTABLE=/usr/bin/python3 "${launcher[@]}" >/dev/null
# Any sanitizer report fails the test that triggered it.
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
cmake --build build-san --target check-licit

LICIT_FUZZ_SEED=1 utils/fuzz.sh 20

# The packages: the static licit, as a .deb and a .tar.gz, must run alone.
utils/package.sh --no-install
rm -rf build-dist/smoke && mkdir -p build-dist/smoke/deb build-dist/smoke/tgz
dpkg-deb -x dist/licit-*.deb build-dist/smoke/deb
tar -xzf dist/licit-*.tar.gz -C build-dist/smoke/tgz
for licit in build-dist/smoke/deb/usr/bin/licit build-dist/smoke/tgz/*/bin/licit; do
  if ldd "$licit" >/dev/null 2>&1; then
    echo "error: $licit is not a static executable" >&2
    exit 1
  fi
  status=0
  "$licit" --format=concise examples/chatbot >/dev/null || status=$?
  [ "$status" -eq 1 ] || { echo "error: $licit exited with $status" >&2; exit 1; }
done
echo "packages: dist/$(basename dist/licit-*.deb), dist/$(basename dist/licit-*.tar.gz)"
