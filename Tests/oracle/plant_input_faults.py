#!/usr/bin/env python3
"""Plants the input faults of issue 11 into copies of the real register and a pre-registration.

Deterministic: regions are taken in id order among those with at least four listed codes that carry no
fault of --base-planted (the faults make_real_registration.py planted), one region per fault:

- school-outside-map: the last non-lead member of the 1st region is moved to Paris (48.8566, 2.3522);
- approximate-location: the last non-lead member of the 2nd region loses its lat/lon (its postcode stays,
  so --postcodes places it at the centroid of its PC4 area);
- school-not-placed: the lead of the 3rd region loses its lat/lon and its postcode;
- missing-lead: the penvoerder row of the 4th region becomes deelnemer;
- malformed-region-id: the 5th region's id loses its last digit (STO19012 -> STO1901);
- conflicting-region-name: the last row of the 6th region gets another name.

Writes the register (same columns, `;`) to --out-schools, the pre-registration to --out-registration and
the planted faults as JSON to --planted: [{"rule", "regions", "schools", "note"}], each the exact finding
(rule, regions, schools) the audit must report.

usage: plant_input_faults.py --schools S.csv --registration R.csv --base-planted P.json --postcodes PC4.csv
           --out-schools S2.csv --out-registration R2.csv --planted P2.json
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys

from regio_inputs import find_column, load_postcodes, normalise_code, read_table

PARIS = ("48.8566", "2.3522")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for name in ("--schools", "--registration", "--base-planted", "--postcodes", "--out-schools",
                 "--out-registration", "--planted"):
        parser.add_argument(name, required=True)
    args = parser.parse_args(argv)

    register = read_table(args.schools)
    code_column = find_column(register, "brin6")
    lat, lon, postcode = (find_column(register, name) for name in ("lat", "lon", "postcode"))
    row_of = {normalise_code(c): i for i, c in enumerate(register[code_column])}
    centroids = load_postcodes(args.postcodes)

    with open(args.registration, encoding="utf-8") as file:
        text = file.read()
    delimiter = ";" if text.split("\n", 1)[0].count(";") >= text.split("\n", 1)[0].count(",") else ","
    rows = list(csv.DictReader(io.StringIO(text), delimiter=delimiter))
    with open(args.base_planted, encoding="utf-8") as file:
        taken = {rid for fault in json.load(file) for rid in fault["regions"]}

    by_region: dict[str, list[dict]] = {}
    for row in rows:
        by_region.setdefault(row["regio_id"], []).append(row)
    candidates = [rid for rid in sorted(by_region)
                  if rid not in taken and sum(1 for r in by_region[rid] if r["brin6"].strip()) >= 4]
    if len(candidates) < 6:
        raise SystemExit(f"only {len(candidates)} regions without planted faults have four or more schools")
    outside, approximate, unplaced, leaderless, short_id, doubly_named = candidates[:6]

    def last_member(rid: str, needs_postcode: bool = False) -> str:
        for row in reversed(by_region[rid]):
            code = normalise_code(row["brin6"])
            if row["rol"].strip() != "penvoerder" and code in row_of and (
                    not needs_postcode or register.at[row_of[code], postcode][:4] in centroids):
                return code
        raise SystemExit(f"{rid} has no suitable member")

    def lead(rid: str) -> str:
        return next(normalise_code(r["brin6"]) for r in by_region[rid] if r["rol"].strip() == "penvoerder")

    planted = []
    paris = last_member(outside)
    register.loc[row_of[paris], [lat, lon]] = PARIS
    planted.append({"rule": "school-outside-map", "regions": [outside], "schools": [paris], "note": "moved to Paris"})
    centroid = last_member(approximate, needs_postcode=True)
    register.loc[row_of[centroid], [lat, lon]] = ("", "")
    planted.append({"rule": "approximate-location", "regions": [approximate], "schools": [centroid],
                    "note": "lat/lon blanked, postcode kept"})
    blank = lead(unplaced)
    register.loc[row_of[blank], [lat, lon, postcode]] = ("", "", "")
    planted.append({"rule": "school-not-placed", "regions": [unplaced], "schools": [blank],
                    "note": "the lead's lat/lon and postcode blanked"})
    for row in by_region[leaderless]:
        if row["rol"].strip() == "penvoerder":
            row["rol"] = "deelnemer"
    planted.append({"rule": "missing-lead", "regions": [leaderless], "schools": [], "note": "penvoerder row made deelnemer"})
    shortened = short_id[:-1]
    if shortened in by_region:
        raise SystemExit(f"{shortened} is already a region")
    for row in by_region[short_id]:
        row["regio_id"] = shortened
    planted.append({"rule": "malformed-region-id", "regions": [shortened], "schools": [], "note": f"{short_id} one digit short"})
    by_region[doubly_named][-1]["regio_naam"] = by_region[doubly_named][0]["regio_naam"] + " (tweede naam)"
    planted.append({"rule": "conflicting-region-name", "regions": [doubly_named], "schools": [], "note": "a second name"})

    register.to_csv(args.out_schools, sep=";", index=False)
    with open(args.out_registration, "w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0].keys()), delimiter=";", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with open(args.planted, "w", encoding="utf-8") as file:
        json.dump(planted, file, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
