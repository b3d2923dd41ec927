#!/usr/bin/env bash
# Builds Packscope and runs the whole test suite (CTest). Usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
build=build/test
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" -j2
ctest --test-dir "$build" --output-on-failure --no-tests=error -j2
