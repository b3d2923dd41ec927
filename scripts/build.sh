#!/usr/bin/env bash
# Builds Packscope in release mode into build/release. Usage: scripts/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DPACKSCOPE_BUILD_TESTS=OFF
cmake --build build/release -j2
