#!/usr/bin/env bash
# Benchmark (not a test): the national batch — every province of the CEADs workbooks, 2011–2022,
# every output written (per-province emissions.csv, workbook.xlsx, report.md + figure; national
# csv, xlsx, md) — in a release build: wall time, CPU time and peak memory (max RSS).
# Usage: scripts/benchmark-batch.sh [RUNS] [CEADS_DIR]; SCRATCH=DIR builds in DIR instead of .build.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
ceads=${2:-../shared/data/ceads}
build=(swift build -c release --static-swift-stdlib --product cement-accounts --scratch-path "${SCRATCH:-.build}")
"${build[@]}" >/dev/null
bin=$("${build[@]}" --show-bin-path 2>/dev/null)/cement-accounts
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" batch --inputs "$ceads" --output "$out" >/dev/null   # warm the file cache
python3 - "$bin" "$out" "$runs" "$ceads" <<'PY'
import os, sys, time, statistics
bin, out, runs, ceads = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
devnull = os.open(os.devnull, os.O_WRONLY)
walls, cpus, rss = [], [], []
for _ in range(runs):
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execv(bin, [bin, "batch", "--inputs", ceads, "--output", out])
    _, status, usage = os.wait4(pid, 0)
    walls.append((time.perf_counter() - start) * 1000)
    cpus.append((usage.ru_utime + usage.ru_stime) * 1000)
    rss.append(usage.ru_maxrss / 1024)
    if status != 0:
        sys.exit(f"batch exited with status {status >> 8}")
walls.sort()
print(f"batch {runs} runs: wall median {statistics.median(walls):6.1f} ms (min {walls[0]:6.1f}, max {walls[-1]:6.1f}); "
      f"CPU median {statistics.median(cpus):6.1f} ms; peak RSS median {statistics.median(rss):5.1f} MB (max {max(rss):5.1f})")
files = sum(len(f) for _, _, f in os.walk(out))
print(f"{files} files written under the output folder")
PY
