#!/usr/bin/env bash
# Benchmark (not a test): wall time of `cement-accounts run` on the bundled inputs, release build,
# process start included. Usage: scripts/benchmark.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-50}
swift build -c release --product cement-accounts >/dev/null
bin=$(swift build -c release --show-bin-path)/cement-accounts
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" run --output "$out" >/dev/null   # warm the file cache
python3 - "$bin" "$out" "$runs" <<'PY'
import subprocess, sys, time, statistics
bin, out, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
for label, args in [("run", ["run", "--output", out]), ("verify", ["verify"])]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([bin] + args, stdout=subprocess.DEVNULL, check=False)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(f"{label:7s} {runs} runs: median {statistics.median(times):.1f} ms, min {times[0]:.1f} ms, p90 {times[int(runs*0.9)-1]:.1f} ms")
PY
