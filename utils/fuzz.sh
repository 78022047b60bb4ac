#!/usr/bin/env bash
# Builds licit's libFuzzer targets (fuzz/) in ./build-fuzz and runs each on
# its corpus for a bounded time.
#
#   utils/fuzz.sh [seconds per target, default 60] [target...]
#
# New inputs go to build-fuzz/corpus/<target>, seeded from
# fuzz/corpus/<target>; a crash leaves its input in build-fuzz/ (crash-*).
# For a long local run: utils/fuzz.sh 1800. LICIT_FUZZ_SEED fixes the seed
# (CI does, so that a run can be repeated).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(python scan glob)

cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DLICIT_INCLUDE_TESTS=OFF -DLICIT_BUILD_FUZZERS=ON \
  -DLICIT_ENABLE_ASSERTIONS=ON \
  -DLICIT_SANITIZE=address,undefined,fuzzer-no-link \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld >/dev/null
cmake --build build-fuzz
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
for t in "${targets[@]}"; do
  work=build-fuzz/corpus/$t
  mkdir -p "$work"
  dict=()
  [ -f "fuzz/$t.dict" ] && dict=(-dict="fuzz/$t.dict")
  # The example project seeds the Python reader too.
  extra=()
  [ "$t" = python ] && extra=(../examples/chatbot)
  echo "== licit-$t-fuzzer: ${seconds}s"
  seed=()
  [ -n "${LICIT_FUZZ_SEED:-}" ] && seed=(-seed="$LICIT_FUZZ_SEED")
  (cd build-fuzz && "bin/licit-$t-fuzzer" -max_total_time="$seconds" \
     "${seed[@]}" \
     -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
     "${dict[@]/#-dict=/-dict=../}" "corpus/$t" "../fuzz/corpus/$t" \
     "${extra[@]}")
done
