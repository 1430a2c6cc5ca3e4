#!/usr/bin/env bash
# Benchmark (not a test): the national batch with and without the four shipped scenarios
# (30 provinces × 4 scenarios × base year–2060, every output written: per-province
# decomposition.csv, pathways.csv, pathways.xlsx, pathways.md + 2 figures, national-pathways.csv),
# in a release build, A/B interleaved (the machine is shared), medians reported. The issue's
# budget: the scenarios add at most 0.5 s.
# Usage: scripts/benchmark-pathways.sh [RUNS] [CEADS_DIR]; SCRATCH=DIR builds in DIR instead of .build.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
ceads=${2:-../shared/data/ceads}
build=(swift build -c release --static-swift-stdlib --product cement-accounts --scratch-path "${SCRATCH:-.build}")
"${build[@]}" >/dev/null
bin=$("${build[@]}" --show-bin-path 2>/dev/null)/cement-accounts
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" batch --inputs "$ceads" --output "$out/a" >/dev/null   # warm the file cache
python3 - "$bin" "$out" "$runs" "$ceads" <<'PY'
import os, sys, time, statistics
bin, out, runs, ceads = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
devnull = os.open(os.devnull, os.O_WRONLY)
scenarios = ["--scenario", "study-pathway", "--scenario", "national-targets", "--scenario", "deep-decarbonisation"]
def once(extra, folder):
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.dup2(devnull, 1); os.dup2(devnull, 2)
        os.execv(bin, [bin, "batch", "--inputs", ceads, "--output", folder] + extra)
    _, status, usage = os.wait4(pid, 0)
    if status != 0: sys.exit(f"batch exited with status {status >> 8}")
    return (time.perf_counter() - start) * 1000, (usage.ru_utime + usage.ru_stime) * 1000
a, b = [], []
for _ in range(runs):
    a.append(once([], out + "/a"))
    b.append(once(scenarios, out + "/b"))
med = lambda xs, i: statistics.median(x[i] for x in xs)
print(f"without scenarios: wall median {med(a,0):7.1f} ms, CPU median {med(a,1):7.1f} ms ({runs} runs)")
print(f"with 4 scenarios:  wall median {med(b,0):7.1f} ms, CPU median {med(b,1):7.1f} ms ({runs} runs)")
print(f"difference of medians: wall {med(b,0) - med(a,0):+7.1f} ms, CPU {med(b,1) - med(a,1):+7.1f} ms (budget +500 ms wall)")
diffs = sorted(y[0] - x[0] for x, y in zip(a, b))
print(f"paired wall differences: median {statistics.median(diffs):+.1f} ms (min {diffs[0]:+.1f}, max {diffs[-1]:+.1f})")
PY
