#!/usr/bin/env python3
"""Writes the CEADs workbook of valid-ceads/ and its broken copies (run from this folder).

Needs msoffcrypto-tool (pip install msoffcrypto-tool) for the encrypted one; every run
encrypts with a new salt, so that file changes, the others are the same bytes every time."""
import io, sys, zipfile

FUELS = [("Raw_Coal", "10^4 ton"), ("Coke", "10^4 ton"), ("Natural_Gas", "10^8 cu.m"), ("Electricity", "10^8 kwh")]
ROWS = [
    ["Energy_inventory"] + [f for f, _ in FUELS],
    ["unit"] + [u for _, u in FUELS],
    ["Total Final Consumption", 540.0308, 26.4612, 0.0014, 2.6602],
    ["Nonmetal Mineral Products", 540.0308, 26.4612, 0.0014, 2.6602],
]

NOTE = [
    ["Introduction/简介", "This spreadsheet provides the energy inventory of Testland, a made-up province of the "
     "end-to-end tests, laid out as the CEADs provincial energy inventories are: one sheet per province and year."],
    ["Unit/单位", "10^4 tn, 10^8 cu.m, 10^10 kj, 10^8 kwh, 10^4 tce / 万吨、亿立方米、百亿千焦、亿千瓦时、万吨标准煤"],
    ["Sectors/部门", "Only Total Final Consumption and the Nonmetal Mineral Products row are given; the values are "
     "those of the yearbook table energy-2001.csv of the same folder, so both sources agree for 2001."],
    ["Source/来源", "Written by Tests/EndToEndTests/Fixtures/bad-inputs/make-workbooks.py; see the README there."],
]

def col(i): return "ABCDEFGHIJ"[i]

def cell(ref, value):
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'
    return f'<c r="{ref}"><v>{value}</v></c>'

def sheet_xml(rows):
    body = "".join(
        f'<row r="{r + 1}">' + "".join(cell(f"{col(c)}{r + 1}", v) for c, v in enumerate(row)) + "</row>"
        for r, row in enumerate(rows))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"<sheetData>{body}</sheetData></worksheet>")

def workbook(sheet, damage=None, compression=zipfile.ZIP_DEFLATED, padding=0, extra=()):
    """padding: spaces after the sheet's XML (legal, and deflated to almost nothing); extra:
    more members, (name, size) of zero bytes each."""
    sheets = [("NOTE", sheet_xml(NOTE)), (sheet, sheet_xml(ROWS) + " " * padding)]
    if damage:
        sheets[1] = (sheet, sheets[1][1].replace(*damage))
    ns = "http://schemas.openxmlformats.org"
    parts = {
        "[Content_Types].xml":
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="{ns}/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" '
                      'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(len(sheets)))
            + "</Types>",
        "_rels/.rels":
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{ns}/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>",
        "xl/workbook.xml":
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{ns}/spreadsheetml/2006/main" '
            f'xmlns:r="{ns}/officeDocument/2006/relationships"><sheets>'
            + "".join(f'<sheet name="{name}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, (name, _) in enumerate(sheets))
            + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels":
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{ns}/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i + 1}" Type="{ns}/officeDocument/2006/relationships/worksheet" '
                      f'Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
            + "</Relationships>",
    }
    for i, (_, xml) in enumerate(sheets):
        parts[f"xl/worksheets/sheet{i + 1}.xml"] = xml
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = compression
            z.writestr(info, text.encode())
        for name, size in extra:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, bytes(size))
    return out.getvalue()


def encrypted(plain, password):
    """The workbook as Excel writes it when a password is set: an OLE compound file holding
    EncryptionInfo and EncryptedPackage (ECMA-376 agile encryption), via msoffcrypto-tool."""
    from msoffcrypto.format.ooxml import OOXMLFile
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(plain)).encrypt(password, out)
    return out.getvalue()

def write(case, data):
    path = f"{case}/ceads/provincial-energy-inventory-2001.xlsx"
    with open(path, "wb") as file:
        file.write(data)
    print(f"{path}: {len(data)} bytes")

if __name__ == "__main__":
    valid = workbook("Testland2001")
    write("valid-ceads", valid)
    write("workbook-truncated", valid[: len(valid) // 2])
    # The coke cell of the industry row (C4) loses its closing </v>.
    write("workbook-damaged-sheet", workbook("Testland2001", damage=('<c r="C4"><v>26.4612</v></c>', '<c r="C4"><v>26.4612</c>')))
    # Stored, not deflated, so that the package (over 4 KiB) sits in the compound file's
    # regular sectors: msoffcrypto-tool then decrypts it again with the password testland.
    write("workbook-encrypted", encrypted(workbook("Testland2001", compression=zipfile.ZIP_STORED), "testland"))
    # The sheet inflates to just over 64 MiB, the reader's limit for one member.
    write("workbook-member-too-large", workbook("Testland2001", padding=64 << 20))
    # Five members of 60 MiB each: every one within the member limit, 300 MiB together.
    write("workbook-members-too-large", workbook("Testland2001", extra=[(f"xl/media/padding{i}.bin", 60 << 20) for i in range(1, 6)]))
