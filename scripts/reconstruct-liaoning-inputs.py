#!/usr/bin/env python3
"""Reconstructs the bundled Liaoning yearbook-layout inputs from the study's published tables.

No observed table of the non-metallic mineral products industry's fuel use is bundled, so the
fuel use is recovered by inverting the study-2025 factors:
    fuel (10^4 t)          = published CO2 (10^4 t) / (NCV x CC x OF x 44/12)
    natural gas (10^8 m3)  = published CO2 (10^4 t) / (389.31 GJ/10^4 m3 x CC x OF x 44/12)
    electricity (10^8 kWh) = published CO2 (10^4 t) / (0.6101 t/MWh x 10)
    cement (10^4 t)        = published process CO2 (10^4 t) / 0.525
These are reconstructed, not observed, statistics: wherever the study's columns disagree with
independent data, the reconstruction inherits the disagreement (see Inputs/README.md).

The study's 2008 and 2018 rows repeat 2007 and 2017, so no energy table is written for those
two years: the study-2025 methodology fills them by carrying the previous year forward, as the
study did, and flags them.

Usage: scripts/reconstruct-liaoning-inputs.py [PUBLISHED.csv] [OUTDIR]
"""
import csv, sys, os

published = sys.argv[1] if len(sys.argv) > 1 else "Inputs/published/liaoning/study-2025-tables-1-3.csv"
outdir = sys.argv[2] if len(sys.argv) > 2 else "Inputs/yearbook/liaoning"

# study-2025 factors (Inputs/methodologies/study-2025.yaml): NCV GJ/t (gas GJ/10^4 m3), CC tC/TJ, OF
FACTORS = {
    "coal": (20.908, 26.37, 0.94), "coke": (28.435, 29.5, 0.93), "crude_oil": (41.816, 20.1, 0.98),
    "gasoline": (43.070, 18.9, 0.98), "kerosene": (43.070, 19.6, 0.98), "diesel_oil": (42.652, 20.2, 0.98),
    "fuel_oil": (41.816, 21.1, 0.98), "natural_gas": (389.31, 15.3, 0.99),
}
GRID = 0.6101          # t CO2/MWh, assumed by study-2025
PROCESS = 0.525        # t CO2/t, applied to cement output
# GB/T 2589 standard-coal coefficients (calorific equivalent) for the total-energy column, 10^4 tce per unit
TCE = {"coal": 0.7143, "coke": 0.9714, "crude_oil": 1.4286, "gasoline": 1.4714, "kerosene": 1.4714,
       "diesel_oil": 1.4571, "fuel_oil": 1.4286, "natural_gas": 13.3, "electricity": 1.229}
FUELS = ["coal", "coke", "crude_oil", "gasoline", "kerosene", "diesel_oil", "fuel_oil", "natural_gas", "electricity"]
ZH = {"coal": "煤炭", "coke": "焦炭", "crude_oil": "原油", "gasoline": "汽油", "kerosene": "煤油", "diesel_oil": "柴油",
      "fuel_oil": "燃料油", "natural_gas": "天然气", "electricity": "电力"}
EN = {"coal": "Coal", "coke": "Coke", "crude_oil": "Crude Oil", "gasoline": "Gasoline", "kerosene": "Kerosene",
      "diesel_oil": "Diesel Oil", "fuel_oil": "Fuel Oil", "natural_gas": "Natural Gas", "electricity": "Electricity"}

def ef(fuel):  # t CO2 per t (gas: per 10^4 m3)
    ncv, cc, of = FACTORS[fuel]
    return ncv * cc / 1000 * of * 44 / 12

def activity(fuel, co2):
    """Physical use in the yearbook's unit: 10^4 t, 10^8 m3 or 10^8 kWh."""
    if fuel == "electricity":
        return co2 / (GRID * 10)
    return co2 / ef(fuel)  # natural gas: 10^4 t / (t per 10^4 m3) = 10^8 m3

def fmt(value, thousands=False, dash_zero=False):
    if value == 0 and dash_zero:
        return "-"
    return f"{value:,.4f}" if thousands else f"{value:.4f}"

rows = list(csv.DictReader(open(published, encoding="utf-8")))
os.makedirs(outdir, exist_ok=True)
products = []
for row in rows:
    year = int(row["year"])
    products.append((year, float(row["process"]) / PROCESS))
    if year in (2008, 2018):
        continue
    use = {f: activity(f, float(row[f])) for f in FUELS}
    total = sum(use[f] * TCE[f] for f in FUELS)
    path = os.path.join(outdir, f"energy-{year}.csv")
    with open(path, "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        if year <= 2009:
            # Older editions: a Chinese header row, an English header row and a unit row.
            w.writerow([f"表 9-6 分行业能源消费量(实物量)({year}年)"])
            w.writerow([f"Energy Consumption by Industry (Physical Quantity) ({year})"])
            w.writerow(["行业", "能源消费总量"] + [ZH[f] for f in FUELS])
            w.writerow(["Industry", "Total Energy Consumption"] + [EN[f] for f in FUELS])
            w.writerow(["单位 Unit", "万吨标准煤", "万吨", "万吨", "万吨", "万吨", "万吨", "万吨", "万吨", "亿立方米", "亿千瓦小时"])
            label = "非金属矿物制品业 Non-metal Mineral Products" if year < 2003 else "非金属矿物制品业 Nonmetal Mineral Products"
            w.writerow([label, fmt(total)] + [fmt(use[f], dash_zero=True) for f in FUELS])
            w.writerow(["注：本表数据根据研究公布的排放量反推重建，非观测统计。"])
        else:
            # Newer editions: bilingual header cells with units; natural gas in 10^4 m3.
            w.writerow([f"{year}年辽宁省分行业能源消费量（实物量） Energy Consumption by Industry in Liaoning ({year})"])
            units = {"natural_gas": "万立方米 10^4 cu.m", "electricity": "亿千瓦时 10^8 kWh"}
            header = ["行业 Industry", "能源消费总量(万吨标准煤) Total Energy Consumption (10^4 tce)"]
            header += [f"{ZH[f]}({units.get(f, '万吨 10^4 t').split(' ', 1)[0]}) {EN[f]} ({units.get(f, '万吨 10^4 t').split(' ', 1)[1]})" for f in FUELS]
            w.writerow(header)
            values = dict(use)
            values["natural_gas"] = use["natural_gas"] * 1e4  # 10^8 m3 -> 10^4 m3
            label = "30 非金属矿物制品业 Manufacture of Non-metallic Mineral Products" if year >= 2012 else "非金属矿物制品业 Nonmetal Mineral Products"
            w.writerow([label, fmt(total, thousands=year >= 2015)] + [fmt(values[f], thousands=year >= 2015) for f in FUELS])
            w.writerow(["Note: reconstructed from the study's published emissions by inverting the study-2025 factors; not observed statistics."])

with open(os.path.join(outdir, "products.csv"), "w", encoding="utf-8", newline="") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["主要工业产品产量 Output of Major Industrial Products (Liaoning)"])
    w.writerow(["年份 Year", "水泥(万吨) Cement (10^4 t)"])
    for year, cement in products:
        w.writerow([year, f"{cement:.2f}"])
    w.writerow(["注：水泥产量由研究的过程排放 ÷ 0.525 反推。Note: cement output reconstructed as the study's process CO2 / 0.525."])
print(f"wrote {len(rows) - 2} energy tables and products.csv to {outdir}")
