#!/usr/bin/env bash
# Builds and runs the whole test suite under AddressSanitizer (with LeakSanitizer) and under
# ThreadSanitizer, each in its own build folder (.build-asan, .build-tsan). Not part of CI: a
# sanitized build of everything takes several minutes on two cores. Any report fails the run.
# Usage: scripts/sanitizers.sh [address|thread ...]   (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."
sanitizers=("${@:-address thread}")
# Leaks inside the Swift runtime and Foundation's one-time caches on Linux, not in this project.
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-suppressions.txt:print_suppressions=0"
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1"
export TSAN_OPTIONS="halt_on_error=1"
for sanitizer in ${sanitizers[*]}; do
  scratch=".build-${sanitizer:0:1}san"
  echo "== $sanitizer: building into $scratch"
  swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch" 2>&1 | grep -E "error|warning: unre|Compiling|Build" | tail -3
  echo "== $sanitizer: testing"
  log=$(mktemp)
  if ! swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" >"$log" 2>&1; then
    grep -E "ERROR: (Address|Leak|Thread)Sanitizer|WARNING: ThreadSanitizer|SUMMARY|✘" "$log" | head -40
    echo "== $sanitizer: FAILED (full log: $log)"
    exit 1
  fi
  grep -E "Test run with|Executed .* tests" "$log" | tail -2
  if grep -qE "Sanitizer" "$log"; then
    grep -E "Sanitizer" "$log" | head -20
    echo "== $sanitizer: reports found (full log: $log)"
    exit 1
  fi
  echo "== $sanitizer: no reports"
done
