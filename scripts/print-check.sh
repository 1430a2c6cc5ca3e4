#!/bin/sh
# Exports every workbook under the folders given (default: Output/) to PDF with LibreOffice,
# the way a person would print them, and reports each workbook's page count and the pages of
# each sheet. Not a test and not a CI step: LibreOffice takes seconds per workbook.
#
#   scripts/print-check.sh Output/liaoning/study-2025 Output/national Output/diff
#
# The PDFs go to $PRINT_CHECK_OUT (default /tmp/cement-accounts-print-check), one per workbook.
set -eu
out=${PRINT_CHECK_OUT:-/tmp/cement-accounts-print-check}
mkdir -p "$out"
[ $# -gt 0 ] || set -- Output
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
find "$@" -name '*.xlsx' ! -name '.*' | sort | while read -r workbook; do
  name=$(printf '%s' "$workbook" | sed 's|^\./||; s|/|_|g; s|\.xlsx$||')
  mkdir -p "$out/$name"
  soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$out/$name" "$workbook" > /dev/null 2>&1
  pdf="$out/$name/$(basename "$workbook" .xlsx).pdf"
  if [ ! -f "$pdf" ]; then
    echo "$workbook: not converted"
    continue
  fi
  # Page count from the PDF's page tree (no PDF tools needed).
  pages=$(grep -a -c '/Type */Page[^s]' "$pdf" || true)
  echo "$workbook: $pages pages ($pdf)"
done
