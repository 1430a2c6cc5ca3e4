#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (see scripts/fuzz.sh).

    make-seeds.py REPO OUT [WORKBOOK.xlsx ...]

OUT/csv gets the project's yearbook tables: the importer's fixtures, the bad-input catalogue's
tables, the bundled Liaoning tables and the kept fuzz crashers. OUT/xlsx gets small hand-made
workbooks (stored and deflated members, ZIP64, prefixed XML, every cell type, entities, CDATA),
the XML-part inputs FuzzXLSXRead packs into a workbook itself (parts separated by NUL bytes),
the kept fuzz crashers, and copies of any workbooks given on the command line. OUT/yaml gets the
bundled methodologies, the fixtures' methodologies and published-table descriptions, and the
kept fuzz crashers of the methodology loader. Real data
given on the command line stay in OUT; nothing is written into the repository.
"""
import glob
import hashlib
import io
import os
import shutil
import sys
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'


def copy_unique(paths, out, seen):
    for path in sorted(paths):
        if not os.path.isfile(path):
            continue
        data = open(path, "rb").read()
        digest = hashlib.sha1(data).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        shutil.copyfile(path, os.path.join(out, digest[:16] + "-" + os.path.basename(path)))


def write(out, name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def sheet(body, prefix=""):
    p = prefix + ":" if prefix else ""
    ns = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    return f'{XML}<{p}worksheet {ns}><{p}dimension ref="A1:C3"/><{p}sheetData>{body}</{p}sheetData></{p}worksheet>'


def workbook_parts(sheets, shared=None, prefix="", absolute=False, chart=False):
    """The parts of a workbook: sheets is a list of (name, sheet XML)."""
    p = prefix + ":" if prefix else ""
    ns = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    entries, rels, parts = "", "", {}
    for i, (name, xml) in enumerate(sheets, 1):
        entries += f'<{p}sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>'
        target = f"/xl/worksheets/sheet{i}.xml" if absolute else f"worksheets/sheet{i}.xml"
        rels += f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="{target}"/>'
        parts[f"xl/worksheets/sheet{i}.xml"] = xml
    if chart:
        entries += f'<{p}sheet name="Chart1" sheetId="99" r:id="rIdC"/>'
        rels += f'<Relationship Id="rIdC" Type="{REL}/chartsheet" Target="chartsheets/sheet1.xml"/>'
        rels += f'<Relationship Id="rIdX" Type="{REL}/hyperlink" Target="http://example.com/" TargetMode="External"/>'
    if shared is not None:
        rels += f'<Relationship Id="rIdS" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        sis = "".join(s if s.startswith("<si") else f"<si><t>{s}</t></si>" for s in shared)
        parts["xl/sharedStrings.xml"] = f'{XML}<sst xmlns="{MAIN}" count="{len(shared)}" uniqueCount="{len(shared)}">{sis}</sst>'
    parts["xl/workbook.xml"] = (
        f'{XML}<{p}workbook {ns} xmlns:r="{REL}"><{p}bookViews/><{p}sheets>{entries}</{p}sheets></{p}workbook>')
    parts["xl/_rels/workbook.xml.rels"] = f'{XML}<Relationships xmlns="{PKG}">{rels}</Relationships>'
    parts["_rels/.rels"] = (
        f'{XML}<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
        f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    parts["[Content_Types].xml"] = (
        f'{XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    return parts


def zipped(parts, compression=zipfile.ZIP_STORED, zip64=False):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 3, 5, 6, 7, 8))
            info.compress_type = compression
            with z.open(info, "w", force_zip64=zip64) as member:
                member.write(text.encode("utf-8") if isinstance(text, str) else text)
    return buffer.getvalue()


def nul_parts(parts):
    """The NUL-separated form FuzzXLSXRead packs itself."""
    order = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml",
             "xl/_rels/workbook.xml.rels", "_rels/.rels", "xl/worksheets/sheet2.xml"]
    chunks = [parts.get(name, b"") for name in order]
    while chunks and not chunks[-1]:
        chunks.pop()
    return b"\0".join(c.encode("utf-8") if isinstance(c, str) else c for c in chunks)


ALL_TYPES = (
    '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="2"/></row>'
    '<row r="2"><c r="A2"><v>226.76</v></c><c r="B2"><f>A2*2</f><v>453.52</v></c><c r="C2" t="str"><f>"x"&amp;"y"</f><v>xy</v></c></row>'
    '<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="e"><v>#N/A</v></c><c r="C3" t="d"><v>2013-01-01T00:00:00</v></c></row>'
    '<row><c t="inlineStr"><is><t>inline 焦炭</t></is></c><c t="n"><v>-1.5E-3</v></c><c><v>3501.7800000000007</v></c></row>'
    '<row r="6"><c r="D6" t="inlineStr"><is><r><t>rich </t></r><r><rPr><b/></rPr><t>run</t></r><rPh><t>ignored</t></rPh></is></c></row>')
ENTITIES = (
    '<!-- a comment --><row r="1"><c r="A1" t="inlineStr"><is><t>&amp;&lt;&gt;&quot;&apos;&#x4E2D;&#25991;_x000D_</t></is></c>'
    '<c r="B1" t="str"><v><![CDATA[a<b & c]]></v></c><c r="C1"><v> 1e308 </v></c></row>'
    '<?pi data?><row r="2"><c r="AA2"><v>1e400</v></c></row>')
FAR = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row><row r="1"><c r="A1"><v>2</v></c><c r="A1"><v>3</v></c></row>'
SHARED = ["Raw_Coal", "焦炭 Coke", "<si><r><t>原</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">煤 </t></r></si>",
          "<si><t>a&amp;b</t><phoneticPr fontId=\"1\"/></si>"]


def hand_made(out):
    basic = workbook_parts([("Sheet1", sheet(ALL_TYPES)), ("数据 2013", sheet(FAR))], shared=SHARED)
    write(out, "hand-stored.xlsx", zipped(basic))
    write(out, "hand-deflated.xlsx", zipped(basic, zipfile.ZIP_DEFLATED))
    write(out, "hand-zip64.xlsx", zipped(basic, zip64=True))
    prefixed = workbook_parts([("x", sheet(ENTITIES.replace("<row", "<x:row").replace("</row", "</x:row")
                                                  .replace("<c ", "<x:c ").replace("</c>", "</x:c>")
                                                  .replace("<v>", "<x:v>").replace("</v>", "</x:v>")
                                                  .replace("<is>", "<x:is>").replace("</is>", "</x:is>")
                                                  .replace("<t>", "<x:t>").replace("</t>", "</x:t>"), prefix="x"))],
                              prefix="x", absolute=True, chart=True)
    write(out, "hand-prefixed.xlsx", zipped(prefixed, zipfile.ZIP_DEFLATED))
    empty = workbook_parts([("Empty", f'{XML}<worksheet xmlns="{MAIN}"><sheetData/></worksheet>'),
                            ("NoData", f'{XML}<worksheet xmlns="{MAIN}"/>')])
    write(out, "hand-empty-sheets.xlsx", zipped(empty))
    # The same workbooks as NUL-separated parts, and parts alone.
    write(out, "parts-all-types", nul_parts(basic))
    write(out, "parts-entities", nul_parts({"xl/worksheets/sheet1.xml": sheet(ENTITIES)}))
    write(out, "parts-far-cell", nul_parts({"xl/worksheets/sheet1.xml": sheet(FAR)}))
    write(out, "parts-prefixed", nul_parts(prefixed))
    write(out, "parts-doctype", nul_parts({"xl/worksheets/sheet1.xml":
        '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY e "x">]>' + sheet(ALL_TYPES)[len(XML):]}))


def real_workbooks(paths, out):
    for path in paths:
        if os.path.isfile(path):
            shutil.copyfile(path, os.path.join(out, "real-" + os.path.basename(path)))
        else:
            print(f"make-seeds: no workbook at {path}; skipped", file=sys.stderr)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    repo, out = sys.argv[1], sys.argv[2]
    csv_out, xlsx_out, yaml_out = os.path.join(out, "csv"), os.path.join(out, "xlsx"), os.path.join(out, "yaml")
    for d in (csv_out, xlsx_out, yaml_out):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    seen = set()
    copy_unique(glob.glob(os.path.join(repo, "Tests/ImportingTests/Fixtures/*")), csv_out, seen)
    copy_unique(glob.glob(os.path.join(repo, "Tests/ImportingTests/Fixtures/Fuzz/*")), csv_out, seen)
    copy_unique(glob.glob(os.path.join(repo, "Tests/CSVReadingTests/Fixtures/Fuzz/*")), csv_out, seen)
    copy_unique(glob.glob(os.path.join(repo, "Tests/EndToEndTests/Fixtures/bad-inputs/**/*.csv"), recursive=True),
                csv_out, seen)
    copy_unique(glob.glob(os.path.join(repo, "Inputs/yearbook/liaoning/*.csv")), csv_out, seen)
    hand_made(xlsx_out)
    copy_unique(glob.glob(os.path.join(repo, "Tests/XLSXReadingTests/Fixtures/Fuzz/*")), xlsx_out, set())
    real_workbooks(sys.argv[3:], xlsx_out)
    yaml_seen = set()
    for pattern in ["Inputs/methodologies/*.yaml", "Inputs/published/*/*.yaml", "Tests/**/Fixtures/**/*.yaml",
                    "Tests/ImportingTests/Fixtures/FuzzMethodology/*"]:
        copy_unique(glob.glob(os.path.join(repo, pattern), recursive=True), yaml_out, yaml_seen)
    for d in (csv_out, xlsx_out, yaml_out):
        print(f"make-seeds: {len(os.listdir(d))} seeds in {d}")


if __name__ == "__main__":
    main()
