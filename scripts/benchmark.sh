#!/usr/bin/env bash
# Benchmark (not a test): wall and CPU time of `cement-accounts run` on the bundled inputs (each
# format alone, then all three) and of `verify`, release build, process start included.
# Usage: scripts/benchmark.sh [RUNS]; SCRATCH=DIR builds in DIR instead of .build.
#
# The Swift runtime and Foundation are linked statically (--static-swift-stdlib), as in the
# README: loading and binding them dynamically adds some 7 ms to each run. CPU time (user +
# system) is the steadier figure on a busy machine; wall time includes waiting for a core.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-50}
build=(swift build -c release --static-swift-stdlib --product cement-accounts --scratch-path "${SCRATCH:-.build}")
"${build[@]}" >/dev/null
bin=$("${build[@]}" --show-bin-path 2>/dev/null)/cement-accounts
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" run --output "$out" >/dev/null   # warm the file cache
python3 - "$bin" "$out" "$runs" <<'PY'
import os, sys, time, statistics
bin, out, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
cases = [
    ("run csv", ["run", "--output", out, "--format", "csv"]),
    ("run xlsx", ["run", "--output", out, "--format", "xlsx"]),
    ("run md", ["run", "--output", out, "--format", "md"]),
    ("run", ["run", "--output", out]),
    ("verify", ["verify"]),
]
devnull = os.open(os.devnull, os.O_WRONLY)
for label, args in cases:
    walls, cpus = [], []
    for _ in range(runs):
        start = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            os.execv(bin, [bin] + args)
        _, _, usage = os.wait4(pid, 0)
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((usage.ru_utime + usage.ru_stime) * 1000)
    walls.sort()
    print(f"{label:9s} {runs} runs: wall median {statistics.median(walls):5.1f} ms (min {walls[0]:5.1f}, p90 {walls[int(runs * 0.9) - 1]:5.1f}); "
          f"CPU median {statistics.median(cpus):5.1f} ms")
PY
