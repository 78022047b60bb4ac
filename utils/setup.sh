#!/usr/bin/env bash
# Installs licit's build dependencies from Debian (idempotent; needs root or
# sudo), then configures and builds licit into ./build.
#
#   utils/setup.sh            install, configure, build
#   utils/setup.sh --no-install   configure and build only
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(cmake ninja-build clang-14 lld-14 llvm-14-dev llvm-14-tools
          libclang-14-dev libtomlplusplus-dev libgtest-dev libgmock-dev
          libclang-rt-14-dev python3 python3-psutil git strace
          ${LICIT_EXTRA_PACKAGES:-})

if [ "${1:-}" != "--no-install" ]; then
  missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
  fi
fi

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build -G Ninja \
  -DCMAKE_BUILD_TYPE="${LICIT_BUILD_TYPE:-Release}" \
  -DLICIT_ENABLE_ASSERTIONS="${LICIT_ENABLE_ASSERTIONS:-OFF}" \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld \
  -DPython3_EXECUTABLE=/usr/bin/python3 "${launcher[@]}" >/dev/null
cmake --build build
