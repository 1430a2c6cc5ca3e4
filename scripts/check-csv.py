#!/usr/bin/env python3
"""Reads every CSV file under the folders given (default: Output/) with pandas.read_csv and
no options, and reports each file's columns and types; exits 1 when a column whose name says
it is a number (year, *_tCO2, *_t, intensity_*, *_share, tco2 …) does not read as one, or a
file reads with a header row repeated as data (two tables in one file).

    pip install pandas && scripts/check-csv.py Output/

Not a CI step (CI has no pandas); `TidyCSVTests` makes the same checks in Swift.
"""
import pathlib
import re
import sys

try:
    import pandas as pd
except ImportError:
    sys.exit("pandas is not installed: pip install pandas")

NUMERIC = re.compile(r"^(year|rank|first_year|last_year|provinces|peak_year|tco2|intensity_.*|.*_tCO2|.*_t|.*_share|.*_gCO2|.*_percent)$")

failed = False
folders = [pathlib.Path(a) for a in sys.argv[1:]] or [pathlib.Path("Output")]
for folder in folders:
    for path in sorted(folder.rglob("*.csv")):
        frame = pd.read_csv(path)
        problems = []
        for column in frame.columns:
            if NUMERIC.match(column) and not pd.api.types.is_numeric_dtype(frame[column]):
                problems.append(f"{column} reads as {frame[column].dtype}")
            if frame[column].astype(str).eq(column).any():
                problems.append(f"the header {column} appears again as data")
        status = "ok" if not problems else "FAIL: " + "; ".join(problems)
        failed |= bool(problems)
        types = ", ".join(f"{c}:{t}" for c, t in frame.dtypes.astype(str).items())
        print(f"{path}: {len(frame)} rows; {types}; {status}")
sys.exit(1 if failed else 0)
