#!/usr/bin/env bash
# Builds the self-contained licit (one static executable) and packages it
# with CPack as a .deb and a .tar.gz in ./dist, for teams that install licit
# (for example for its pre-commit hook) rather than build it.
#
#   utils/package.sh              install build dependencies, build, package
#   utils/package.sh --no-install build and package only
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--no-install" ]; then
  utils/setup.sh  # the build dependencies (and a development build)
fi
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build-dist -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DLICIT_STATIC=ON -DLICIT_INCLUDE_TESTS=OFF -DCMAKE_INSTALL_PREFIX=/usr \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld \
  -DPython3_EXECUTABLE=/usr/bin/python3 "${launcher[@]}" >/dev/null
cmake --build build-dist --target licit
(cd build-dist && cpack -B "$PWD/../dist" >/dev/null)
rm -rf dist/_CPack_Packages
ls dist/*.deb dist/*.tar.gz
