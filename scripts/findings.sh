#!/usr/bin/env bash
# Regenerates Output/findings/: what `verify` finds in the reference study — with the bundled
# inputs, with CEADs activity for 2011–2022, and with the yearbook tables spliced onto CEADs for
# 2000–2022 — the accounts against CEADs' emission inventory, and the national CEADs batch's
# reports under ceads-national (the default) and ceads-provincial (the study's conventions). Only the first (bundled inputs alone) is
# kept in the repository; the others are derived from the CEADs data, which stays outside the
# project (../shared/data), and are written here for whoever has it.
# Usage: scripts/findings.sh [CEADS_DIR]   (default ../shared/data/ceads; without it only the first file)
set -uo pipefail
cd "$(dirname "$0")/.."
ceads=${1:-../shared/data/ceads}
swift build -c release --static-swift-stdlib --product cement-accounts >/dev/null || exit 1
bin=.build/release/cement-accounts
out=Output/findings
mkdir -p "$out"
# verify exits 1 when cells differ: that is the finding, not a failure of this script.
"$bin" verify > "$out/verify-study-2025.txt"
if [ -d "$ceads" ]; then
  "$bin" verify --ceads "$ceads" --methodology study-2025-spliced --years 2011-2022 > "$out/verify-study-2025-on-ceads-2011-2022.txt"
  "$bin" verify --ceads "$ceads" --methodology study-2025-spliced > "$out/verify-study-2025-spliced-2000-2022.txt"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  "$bin" verify --published ceads-emission-inventory --inputs "$ceads" > "$out/verify-ceads-national-against-ceads-emission-inventory.txt"
  # The default for CEADs inputs and the study's conventions, whose report attributes the difference.
  "$bin" batch --inputs "$ceads" --output "$tmp" --methodology ceads-national --methodology ceads-provincial --format md csv 2>&1 \
    | sed "s|$tmp/|<output>/|g" > "$out/batch-ceads-summary.txt"
  for m in ceads-national ceads-provincial; do
    cp "$tmp/national/$m/national.md" "$out/national-$m.md"
    cp "$tmp/national/$m/national-provinces.csv" "$out/national-$m-provinces.csv"
    cp "$tmp/national/$m/national-years.csv" "$out/national-$m-years.csv"
  done
fi
ls -l "$out"
