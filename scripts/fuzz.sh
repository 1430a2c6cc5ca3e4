#!/usr/bin/env bash
# Fuzzing (not a test, not part of CI): builds the libFuzzer targets of Fuzz/ with
# AddressSanitizer and runs each in turn, one process on one core.
#
#   scripts/fuzz.sh [SECONDS] [TARGET ...]      # default: 60 s each for FuzzCSVImport FuzzXLSXRead FuzzMethodologyLoad
#
# FuzzMethodologyLoad reads its input as a methodology beside the bundled ones (so inherits:
# reaches them) and as a published-table description; it is seeded with Inputs/methodologies,
# the fixtures' methodologies and published tables.
#
# Environment: FUZZ_WORK (corpora and crashers; default ${TMPDIR:-/tmp}/cement-accounts-fuzz),
# FUZZ_SCRATCH (build folder; default .build-fuzz), FUZZ_FLAGS (more libFuzzer flags),
# CEADS_SEED (real workbooks to seed FuzzXLSXRead with, space-separated, copied into FUZZ_WORK only;
# empty for none).
# A crash, sanitizer report, hang (> 10 s) or leak stops that target, leaves the input in
# $FUZZ_WORK/artifacts/TARGET/, and makes the script exit 1 after the other targets have run.
# Replay one with: .build-fuzz/release/TARGET FILE
# The CEADs seed (270 KB) makes FuzzXLSXRead run some 300 inputs a second; for the XML readers,
# `CEADS_SEED= FUZZ_FLAGS=-max_len=8192 scripts/fuzz.sh 600 FuzzXLSXRead` runs some 4 000.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzCSVImport FuzzXLSXRead FuzzMethodologyLoad)
work=${FUZZ_WORK:-${TMPDIR:-/tmp}/cement-accounts-fuzz}
scratch=${FUZZ_SCRATCH:-.build-fuzz}
ceads=${CEADS_SEED-/work/shared/data/ceads/emission-inventory/emission-inventory-30-provinces-2002.xlsx}

echo "== building ${targets[*]} (release, -sanitize=fuzzer,address) in $scratch"
# SwiftPM rebuilds a target when a module it declares changes, not one it sees through it:
# FuzzCSVImport declares Importing, not CementModel, so a new stored property in a CementModel
# record leaves it compiled against the old layout, and the stale binary crashes on the first
# seed (swift_retain of garbage; swift-package-manager#10483). Each fuzz target is one file:
# it is always compiled afresh.
rm -f "$scratch"/*/release/FuzzCSVImport.build/*.o "$scratch"/*/release/FuzzXLSXRead.build/*.o \
  "$scratch"/*/release/FuzzMethodologyLoad.build/*.o
# The linker's "Cannot export local symbol '__asan_…'" warnings are harmless and many.
set +e
swift build -c release --package-path Fuzz --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address 2>&1 |
  grep --line-buffered -v "Cannot export local symbol"
built=${PIPESTATUS[0]}
set -e
[ "$built" -eq 0 ] || { echo "error: the fuzz targets did not build" >&2; exit 1; }
bin=$(swift build -c release --package-path Fuzz --scratch-path "$scratch" --show-bin-path)
for target in "${targets[@]}"; do
  [ -x "$bin/$target" ] || { echo "error: $bin/$target was not built" >&2; exit 1; }
done

echo "== seeds in $work/seeds"
existing=()
for workbook in $ceads; do [ -f "$workbook" ] && existing+=("$workbook"); done
python3 Fuzz/Seeds/make-seeds.py . "$work/seeds" "${existing[@]}"
if ${CC:-cc} Fuzz/Seeds/xlsxwriter-seed.c -lxlsxwriter -o "$work/xlsxwriter-seed" 2>/dev/null; then
  "$work/xlsxwriter-seed" "$work/seeds/xlsx/xlsxwriter.xlsx"
else
  echo "note: no C compiler with libxlsxwriter; the libxlsxwriter seed is left out"
fi

status=0
for target in "${targets[@]}"; do
  case $target in
    FuzzCSVImport) seeds=$work/seeds/csv ;;
    FuzzXLSXRead) seeds=$work/seeds/xlsx ;;
    FuzzMethodologyLoad) seeds=$work/seeds/yaml ;;
    *) echo "error: unknown target $target" >&2; exit 2 ;;
  esac
  corpus=$work/corpus/$target
  artifacts=$work/artifacts/$target/
  mkdir -p "$corpus" "$artifacts"
  echo "== $target for $seconds s; corpus $corpus, crashers $artifacts"
  # New inputs go into the first folder (kept between runs); the seeds are only read.
  set +e
  # shellcheck disable=SC2086
  "$bin/$target" "$corpus" "$seeds" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 -artifact_prefix="$artifacts" ${FUZZ_FLAGS:-} 2>&1 |
    grep --line-buffered -v -e "^#[0-9]*[[:space:]]*\(NEW\|REDUCE\)" -e "NEW_FUNC"
  code=${PIPESTATUS[0]}
  set -e
  if [ "$code" -ne 0 ]; then
    echo "!! $target found a problem (exit $code); the input is in $artifacts (replay: $bin/$target FILE)"
    status=1
  fi
  echo "   corpus: $(find "$corpus" -type f | wc -l) inputs"
done
exit $status
