#!/usr/bin/env bash
# Measures the wall time and peak memory of the release build on every bad input: each folder
# of the catalogue (Tests/EndToEndTests/Fixtures/bad-inputs/), and the cases made at run time
# (a named pipe in place of a table, a 10 MB header cell, an alias bomb used as a key, a workbook
# member inflating to 1 GiB). Not a test: timings depend on the machine. Prints one line per case
# (wall time, processor time user + system, peak resident memory) and the worst of each; a
# busy machine stretches the wall time, not the processor time. Exits 1 when a case ends by a
# signal or runs into the 60 s timeout.
#
#   scripts/bad-inputs-resources.sh            # builds the release binary first
#   BIN=.build/release/cement-accounts scripts/bad-inputs-resources.sh
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures=Tests/EndToEndTests/Fixtures/bad-inputs
if [ -z "${BIN:-}" ]; then
  swift build -c release --product cement-accounts 2>&1 | grep -E "error|Compiling|Build" | tail -2
  BIN=$(swift build -c release --show-bin-path)/cement-accounts
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# Cases made here: copies of valid/ with one thing broken.
make_case() { rm -rf "$scratch/$1"; cp -r "$fixtures/valid" "$scratch/$1"; }
make_case fifo-table
rm "$scratch/fifo-table/yearbook/testland/energy-2001.csv"
mkfifo "$scratch/fifo-table/yearbook/testland/energy-2001.csv"
make_case long-header-cell
python3 - "$scratch/long-header-cell/yearbook/testland/energy-2001.csv" <<'EOF'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
lines[1] += "," + "x" * (10 << 20)
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(lines))
EOF
make_case alias-bomb-key
python3 - "$scratch/alias-bomb-key/methodologies/tiny.yaml" <<'EOF'
import sys
text = 'bomb:\n  l0: &l0 [' + ", ".join(['"lol"'] * 10) + "]\n"
for level in range(1, 12):
    text += f"  l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 10) + "]\n"
text += "keys:\n  ? *l11\n  : 1\n"
open(sys.argv[1], "a", encoding="utf-8").write(text)
EOF
make_case member-claims-1gib
mkdir -p "$scratch/member-claims-1gib/ceads"
cp "$fixtures/valid-ceads/methodologies/"*.yaml "$scratch/member-claims-1gib/methodologies/"
python3 - "$scratch/member-claims-1gib/ceads/provincial-energy-inventory-2001.xlsx" "$fixtures/valid-ceads/ceads/provincial-energy-inventory-2001.xlsx" <<'EOF'
import sys, zipfile
# The valid workbook with a sheet that inflates to just under 2^30 bytes of spaces (1 MB deflated).
source = zipfile.ZipFile(sys.argv[2])
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as out:
    for info in source.infolist():
        data = source.read(info)
        if info.filename != "xl/worksheets/sheet2.xml":
            out.writestr(info, data)
            continue
        big = zipfile.ZipInfo(info.filename, info.date_time)
        big.compress_type = zipfile.ZIP_DEFLATED
        with out.open(big, "w", force_zip64=True) as member:
            member.write(data)
            left, chunk = (1 << 30) - 1 - len(data), b" " * (1 << 20)
            while left > 0:
                member.write(chunk[:left])
                left -= len(chunk)
EOF

cases=()
for folder in "$fixtures"/*/; do cases+=("${folder%/}"); done
for folder in "$scratch"/*/; do cases+=("${folder%/}"); done

worst_time=0 worst_cpu=0 worst_rss=0 worst_time_case="" worst_cpu_case="" worst_rss_case="" status=0
printf "%-34s %6s %6s %9s %s\n" case "wall s" "cpu s" "peak MB" exit
for folder in "${cases[@]}"; do
  name=$(basename "$folder")
  if [ -d "$folder/ceads" ]; then args=(--province testland --methodology tiny-ceads); else args=(--methodology tiny); fi
  output="$scratch/output-$name"
  log="$scratch/time-$name"
  set +e
  timeout 60 /usr/bin/time -v "$BIN" run --inputs "$folder" "${args[@]}" --output "$output" >/dev/null 2>"$log"
  code=$?
  set -e
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$log")
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$log")
  printf "%-34s %6s %6s %9s %s\n" "$name" "${wall:-?}" "${cpu:-?}" "${rss:-?}" "$code"
  if [ "$code" -gt 1 ]; then status=1; fi
  if awk "BEGIN { exit !(${wall:-0} > $worst_time) }"; then worst_time=$wall worst_time_case=$name; fi
  if awk "BEGIN { exit !(${cpu:-0} > $worst_cpu) }"; then worst_cpu=$cpu worst_cpu_case=$name; fi
  if awk "BEGIN { exit !(${rss:-0} > $worst_rss) }"; then worst_rss=$rss worst_rss_case=$name; fi
done
echo "worst wall time: $worst_time s ($worst_time_case); worst processor time: $worst_cpu s ($worst_cpu_case); worst peak RSS: $worst_rss MB ($worst_rss_case)"
exit $status
