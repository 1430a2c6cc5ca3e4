#!/usr/bin/env bash
# Benchmark (not a test) of the uncertainty feature, release build, this machine:
#  1. `run --uncertainty --draws 1000000 --format csv` on the bundled inputs (10⁶ draws ×
#     23 years × every input term of the account) against the same run without it: wall time,
#     CPU time and peak memory (maximum resident set size) of the whole process;
#  2. the 95 % bounds of the 2013 total at the default draws under five seeds (stability);
#  3. with CEADS=DIR (e.g. ../shared/data/ceads): `batch --uncertainty --draws 10000` against
#     `batch` without it.
# Usage: scripts/uncertainty-benchmark.sh; SCRATCH=DIR builds in DIR instead of .build.
set -euo pipefail
cd "$(dirname "$0")/.."
build=(swift build -c release --static-swift-stdlib --product cement-accounts --scratch-path "${SCRATCH:-.build}")
"${build[@]}" >/dev/null
bin=$("${build[@]}" --show-bin-path 2>/dev/null)/cement-accounts
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
measure() { # label, args…
  local label=$1; shift
  /usr/bin/time -f "$label: wall %e s, cpu %U+%S s, peak %M KB" "$bin" "$@" >/dev/null 2>"$out/time" || { cat "$out/time"; exit 1; }
  tail -1 "$out/time"
}
"$bin" run --output "$out/warm" --format csv >/dev/null
for i in 1 2 3; do
  measure "run csv" run --output "$out/a" --format csv
  measure "run csv --uncertainty --draws 1000000" run --output "$out/b" --format csv --uncertainty --draws 1000000
done
echo "stability of the 2013 total's bounds at the default draws (t CO2):"
for seed in 1 2 3 4 5; do
  "$bin" run --output "$out/s$seed" --format csv --uncertainty --seed "$seed" >/dev/null
  grep '^liaoning,study-2025,2013,total,all,monte-carlo' "$out/s$seed/liaoning/study-2025/uncertainty.csv"
done
if [[ -n "${CEADS:-}" ]]; then
  for i in 1 2; do
    measure "batch csv" batch --inputs "$CEADS" --output "$out/c" --format csv
    measure "batch csv --uncertainty --draws 10000" batch --inputs "$CEADS" --output "$out/d" --format csv --uncertainty --draws 10000
  done
fi
