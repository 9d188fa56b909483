#!/usr/bin/env python3
"""Writes a CSV pre-registration (regio_id;regio_naam;brin6;rol) as an XLSX workbook with openpyxl, as a
spreadsheet user would have it, for the round-trip tests of `--registrations FILE.xlsx`.

    registration_workbook.py IN.csv OUT.xlsx [--sheet NAME] [--notes-sheet-first] [--upper-header] [--gaps]

--sheet names the data's sheet (default "Regio's"); --notes-sheet-first puts a sheet of notes before it (so
the data is not the first sheet); --upper-header writes the header in capitals; --gaps adds rows of empty
cells after every 25th row and three at the end (Excel's empty rows). Cells stay text (shared strings), but a
cell of digits only is written as a number, as Excel stores what a person types.
"""
import argparse
import csv

import openpyxl


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("csv")
    parser.add_argument("xlsx")
    parser.add_argument("--sheet", default="Regio's")
    parser.add_argument("--notes-sheet-first", action="store_true")
    parser.add_argument("--upper-header", action="store_true")
    parser.add_argument("--gaps", action="store_true")
    args = parser.parse_args()

    with open(args.csv, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    header, data = rows[0], [r for r in rows[1:] if any(cell.strip() for cell in r)]

    workbook = openpyxl.Workbook()
    first = workbook.active
    if args.notes_sheet_first:
        first.title = "Notes"
        first.append(["Pre-registrations, exported for the support team"])
        sheet = workbook.create_sheet(args.sheet)
    else:
        first.title = args.sheet
        sheet = first
    sheet.append([name.upper() for name in header] if args.upper_header else header)
    width = len(header)
    for i, row in enumerate(data, start=1):
        sheet.append([int(cell) if cell.isdigit() else cell for cell in row])
        if args.gaps and i % 25 == 0:
            sheet.append([""] * width)
    if args.gaps:
        for _ in range(3):
            sheet.append([""] * width)
    workbook.save(args.xlsx)


if __name__ == "__main__":
    main()
