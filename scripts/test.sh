#!/usr/bin/env bash
# Builds Packscope and runs the whole test suite (CTest), then builds the core
# and CLI suites again with AddressSanitizer and UndefinedBehaviorSanitizer
# and runs them: any memory error, leak or undefined behaviour fails the run;
# then once more with ThreadSanitizer (the headless build: core, CLI and their
# suites), where any data race or lock-order inversion fails the run. Every
# build keeps Q_ASSERT on (PACKSCOPE_ASSERTS), whatever its build type.
# Before the tests, scripts/check-setup.sh fails the run on any package the
# build or the tests need that scripts/setup-debian.sh does not install.
# Last, the three fuzzers run for 40 seconds each (scripts/fuzz.sh).
# Usage: scripts/test.sh [--no-sanitizers]
set -euo pipefail
cd "$(dirname "$0")/.."
build=build/test
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPACKSCOPE_ASSERTS=ON
cmake --build "$build" -j2
# Everything the build used and the tests run comes from scripts/setup-debian.sh.
scripts/check-setup.sh "$build"
ctest --test-dir "$build" --output-on-failure --no-tests=error -j2

[ "${1:-}" = "--no-sanitizers" ] && exit 0
asan=build/asan
cmake -S . -B "$asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DPACKSCOPE_SANITIZE=ON -DPACKSCOPE_ASSERTS=ON
# The core and CLI suites (the GUI's are covered above; Qt's own GUI
# libraries are not built for sanitizers).
targets=$(ctest --test-dir "$asan" -N -L 'core|cli' | sed -n 's/^ *Test *#[0-9]*: //p')
cmake --build "$asan" -j2 --target packscope-cli $targets
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir "$asan" --output-on-failure --no-tests=error -j2 -L 'core|cli'

# ThreadSanitizer: the two-thread zip reader, the deflate pool of the size
# estimate and the job runner; headless, as they need Qt Core only. Debian's
# Qt is not built for the sanitizer, which cannot see the locking inside it,
# so Qt's own calls into the C library (memcpy, free...) are not checked
# (ignore_noninstrumented_modules; the locks they take still count) and
# tests/tsan.supp holds the false reports left, each with its reason.
tsan=build/tsan
cmake -S . -B "$tsan" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPACKSCOPE_GUI=OFF -DPACKSCOPE_TSAN=ON \
  -DPACKSCOPE_ASSERTS=ON
cmake --build "$tsan" -j2
scripts/check-setup.sh "$tsan"
TSAN_OPTIONS="suppressions=$PWD/tests/tsan.supp:halt_on_error=1:second_deadlock_stack=1:ignore_noninstrumented_modules=1" \
  ctest --test-dir "$tsan" --output-on-failure --no-tests=error -j2

scripts/fuzz.sh 40
