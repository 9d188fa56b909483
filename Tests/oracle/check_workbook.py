#!/usr/bin/env python3
"""Checks the workbook of `regio audit --format xlsx` against the same audit's JSON report.

    check_workbook.py AUDIT.xlsx AUDIT.json [--libreoffice]

With openpyxl: the sheets regions, findings and suggestions; on each the header row frozen (pane at A2), an
autofilter over the header and every row, a width set for every column; one row per region, finding and
suggestion, in the JSON's order, with the same values; counts, students, shares and money stored as numbers.
With --libreoffice: LibreOffice (soffice --headless) converts the findings sheet to CSV, and its rows equal the
JSON findings too. Prints one line per check and exits 1 on the first difference.
"""
import csv
import json
import math
import os
import subprocess
import sys
import tempfile

import openpyxl
from openpyxl.utils import get_column_letter


def fail(message):
    print(f"check_workbook: {message}", file=sys.stderr)
    sys.exit(1)


def joined(values):
    return " ".join(values)


def same_number(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def check_layout(sheet):
    if sheet.freeze_panes != "A2":
        fail(f"sheet {sheet.title}: header not frozen (freeze_panes {sheet.freeze_panes})")
    expected = f"A1:{get_column_letter(sheet.max_column)}{sheet.max_row}"
    if sheet.auto_filter.ref != expected:
        fail(f"sheet {sheet.title}: autofilter {sheet.auto_filter.ref}, expected {expected}")
    for column in range(1, sheet.max_column + 1):
        width = sheet.column_dimensions[get_column_letter(column)].width
        if not width or width < 8:
            fail(f"sheet {sheet.title}: column {get_column_letter(column)} has width {width}")


def rows_by_header(sheet):
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    return header, [dict(zip(header, row)) for row in rows[1:]]


def check_findings(sheet, findings):
    header, rows = rows_by_header(sheet)
    if header != ["rule", "severity", "regions", "schools", "value", "message"]:
        fail(f"findings header {header}")
    if len(rows) != len(findings):
        fail(f"findings sheet has {len(rows)} rows, the JSON {len(findings)} findings")
    for i, (row, f) in enumerate(zip(rows, findings), start=2):
        expected = {"rule": f["rule"], "severity": f["severity"], "regions": joined(f["regions"]) or None,
                    "schools": joined(f["schools"]) or None, "message": f["message"]}
        for key, value in expected.items():
            if row[key] != value:
                fail(f"findings row {i} {key}: {row[key]!r}, JSON {value!r}")
        if row["value"] is not None and not isinstance(row["value"], (int, float)):
            fail(f"findings row {i}: value {row['value']!r} is not a number")
        if not same_number(row["value"], f.get("value")):
            fail(f"findings row {i} value: {row['value']!r}, JSON {f.get('value')!r}")


def check_regions(sheet, regions):
    _, rows = rows_by_header(sheet)
    if len(rows) != len(regions):
        fail(f"regions sheet has {len(rows)} rows, the JSON {len(regions)} regions")
    for i, (row, r) in enumerate(zip(rows, regions), start=2):
        if row["id"] != r["id"] or row["name"] != r["name"]:
            fail(f"regions row {i}: {row['id']} {row['name']!r}, JSON {r['id']} {r['name']!r}")
        for key in ["countedStudents", "technicalStudents"]:
            if not isinstance(row[key], int) or row[key] != r[key]:
                fail(f"regions row {i} {key}: {row[key]!r}, JSON {r[key]!r} (a number expected)")
        if row["schools"] != len(r["schools"]):
            fail(f"regions row {i} schools: {row['schools']!r}, JSON {len(r['schools'])}")
        if not same_number(row["technicalShare"], r.get("technicalShare")):
            fail(f"regions row {i} technicalShare: {row['technicalShare']!r}, JSON {r.get('technicalShare')!r}")
        if not same_number(row["budgetEUR"], r.get("budgetEUR")):
            fail(f"regions row {i} budgetEUR: {row['budgetEUR']!r}, JSON {r.get('budgetEUR')!r}")


def check_suggestions(sheet, suggestions):
    _, rows = rows_by_header(sheet)
    if len(rows) != len(suggestions):
        fail(f"suggestions sheet has {len(rows)} rows, the JSON {len(suggestions)} suggestions")
    for i, (row, s) in enumerate(zip(rows, suggestions), start=2):
        if row["headline"] != s["headline"] or not isinstance(row["score"], (int, float)) or not same_number(row["score"], s["score"]):
            fail(f"suggestions row {i}: {row['headline']!r} {row['score']!r}, JSON {s['headline']!r} {s['score']!r}")


def check_libreoffice(workbook, findings):
    """The findings sheet (the second) as LibreOffice's CSV: raw values, not as shown (token 9 false)."""
    with tempfile.TemporaryDirectory() as folder:
        # A profile of its own, so a LibreOffice already running (or another test's) does not take the job.
        profile = f"-env:UserInstallation=file://{folder}/profile"
        filter_options = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2"
        done = subprocess.run(["soffice", profile, "--headless", "--convert-to", filter_options, "--outdir", folder,
                               workbook], capture_output=True, text=True, timeout=300)
        name = os.path.splitext(os.path.basename(workbook))[0] + "-findings.csv"
        path = os.path.join(folder, name)
        if done.returncode != 0 or not os.path.exists(path):
            fail(f"LibreOffice did not convert the findings sheet: {done.stdout} {done.stderr}")
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
    if rows[0] != ["rule", "severity", "regions", "schools", "value", "message"]:
        fail(f"LibreOffice findings header {rows[0]}")
    if len(rows) - 1 != len(findings):
        fail(f"LibreOffice reads {len(rows) - 1} finding rows, the JSON has {len(findings)}")
    for i, (row, f) in enumerate(zip(rows[1:], findings), start=2):
        expected = [f["rule"], f["severity"], joined(f["regions"]), joined(f["schools"])]
        if row[:4] != expected or row[5] != f["message"]:
            fail(f"LibreOffice findings row {i}: {row}, JSON {expected + [f['message']]}")
        value = float(row[4]) if row[4] else None
        if value is not None and f.get("value") is not None:
            if not math.isclose(value, f["value"], rel_tol=1e-6, abs_tol=1e-6):
                fail(f"LibreOffice findings row {i} value {row[4]}, JSON {f['value']}")
        elif (value is None) != (f.get("value") is None):
            fail(f"LibreOffice findings row {i} value {row[4]!r}, JSON {f.get('value')!r}")
    print(f"ok libreoffice: {len(findings)} findings")


def main():
    workbook_path, json_path = sys.argv[1], sys.argv[2]
    with open(json_path, encoding="utf-8") as f:
        report = json.load(f)
    workbook = openpyxl.load_workbook(workbook_path)
    if workbook.sheetnames != ["regions", "findings", "suggestions"]:
        fail(f"sheets {workbook.sheetnames}")
    for sheet in workbook:
        check_layout(sheet)
    check_regions(workbook["regions"], report["regions"])
    check_findings(workbook["findings"], report["findings"])
    check_suggestions(workbook["suggestions"], report["suggestions"])
    print(f"ok openpyxl: {len(report['regions'])} regions, {len(report['findings'])} findings, "
          f"{len(report['suggestions'])} suggestions")
    if "--libreoffice" in sys.argv[3:]:
        check_libreoffice(workbook_path, report["findings"])


if __name__ == "__main__":
    main()
