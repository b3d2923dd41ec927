#!/usr/bin/env bash
# Builds the libFuzzer targets with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer, and runs each for a bounded time from the seed
# corpus in tests/fuzz/corpus (which stays untouched: new inputs go to a
# scratch folder). A crash fails the run and leaves its input under
# build/fuzz/artifacts; add that file to the target's corpus folder so the
# test suite replays it from then on.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 40)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-40}
build=build/fuzz
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DPACKSCOPE_SANITIZE=ON -DPACKSCOPE_FUZZ=ON >/dev/null
targets=(fuzz_zipreader fuzz_archivereader fuzz_debugstrip)
cmake --build "$build" -j2 --target "${targets[@]}"
for target in "${targets[@]}"; do
  scratch=$(mktemp -d)
  artifacts="$build/artifacts/$target/"
  log="$build/$target.log"
  mkdir -p "$artifacts"
  if ! "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$artifacts" "$scratch" "tests/fuzz/corpus/$target" >"$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz: $target FAILED; input(s) in $artifacts: add them to tests/fuzz/corpus/$target"
    rm -rf "$scratch"
    exit 1
  fi
  echo "fuzz: $target: $(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$log"), no findings;" \
       "corpus grew from $(ls "tests/fuzz/corpus/$target" | wc -l) to $(( $(ls "tests/fuzz/corpus/$target" | wc -l) + $(ls "$scratch" | wc -l) )) inputs"
  rm -rf "$scratch"
done
