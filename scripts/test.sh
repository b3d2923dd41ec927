#!/usr/bin/env bash
# Builds Packscope and runs the whole test suite (CTest), then builds the core
# and CLI suites again with AddressSanitizer and UndefinedBehaviorSanitizer
# and runs them: any memory error, leak or undefined behaviour fails the run.
# Before the tests, scripts/check-setup.sh fails the run on any package the
# build or the tests need that scripts/setup-debian.sh does not install.
# Last, the three fuzzers run for 40 seconds each (scripts/fuzz.sh).
# Usage: scripts/test.sh [--no-sanitizers]
set -euo pipefail
cd "$(dirname "$0")/.."
build=build/test
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" -j2
# Everything the build used and the tests run comes from scripts/setup-debian.sh.
scripts/check-setup.sh "$build"
ctest --test-dir "$build" --output-on-failure --no-tests=error -j2

[ "${1:-}" = "--no-sanitizers" ] && exit 0
asan=build/asan
cmake -S . -B "$asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DPACKSCOPE_SANITIZE=ON
# The core and CLI suites (the GUI's are covered above; Qt's own GUI
# libraries are not built for sanitizers).
targets=$(ctest --test-dir "$asan" -N -L 'core|cli' | sed -n 's/^ *Test *#[0-9]*: //p')
cmake --build "$asan" -j2 --target packscope-cli $targets
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir "$asan" --output-on-failure --no-tests=error -j2 -L 'core|cli'

scripts/fuzz.sh 40
