#!/usr/bin/env python3
"""Independent Python oracle for the regio audit: the rules of docs/domain.md that have an exact
definition ("Exact definitions"), computed with pandas, geopandas and shapely.

Reads the same files as the Swift tool and prints JSON to stdout:

    {"settings": {...}, "rules": [the rule ids this oracle checks],
     "regions": [{"id", "schools", "lead", "countedStudents", "technicalStudents",
                  "technicalShare", "techniekarm"}],
     "findings": [{"rule", "severity", "regions", "schools"}],
     "totals": {"regions", "schools", "countedStudents", "technicalStudents", "budgetEUR",
                "techniekarmRegions"}}

split-close-schools findings also carry "distanceMetres". Lists are sorted; regions by id;
findings by rule (in the order below), then regions, then schools.

Decisions where domain.md leaves room (the Swift side should agree or the comparison should say so):

- school-in-multiple-regions: DUO's register of vo locations holds no vso locations and does not say
  which locations are vmbo in a way the rule could rely on (has_vbo misses mavo-only schools), so by
  default every code of the register listed by two or more regions is reported, whatever its kind.
  --overlap-kinds vmbo-vso narrows it to schools whose onderwijsstructuur names VBO, MAVO, VMBO or VSO
  (the classification of the Swift SchoolKind).
- empty-region: a region is empty when it lists no code at all. A region that lists only malformed
  or unknown codes is not empty; those codes are reported by unknown-school.
- A region's member schools are the distinct codes it lists that are in the register; unknown codes
  are not members (no students, no location).
- lead-without-technology needs a lead that is in the register: an unknown lead is reported by
  unknown-school only. A lead in the register but not in the pupil file has no technical student.
- split-close-schools: distance <= close-by (metres, RD New) between schools that have coordinates and do not lie
  farther than the outside tolerance outside every municipality (with --municipalities).
- uncovered-school: schools of the register (not of the pupil file) with >= 1 technical student.
- split-institution: an institution (first 4 characters) with at least two distinct locations in
  regions and at least two distinct regions among them; the finding lists all those regions and
  locations.
- missing-lead: a region that lists at least one code (any, malformed included) and has no penvoerder
  row with a code.
- malformed-region-id: the id is not exactly STO followed by 5 ASCII digits.
- conflicting-region-name: a region whose rows give two or more distinct non-empty names.
- school-not-placed, school-outside-map, approximate-location: one finding per school of the register
  listed by a region, naming every region that lists it. Not placed: no coordinates and (with
  --postcodes) no centroid of its 4-digit postcode. Outside the map (only with --municipalities): its
  distance (RD metres) to the nearest municipality polygon is above --outside-tolerance (default
  1000). Approximate: placed at its postcode centroid.
- totals: each school of the register listed by some region counted once; the budget is
  --budget-per-student (default 3000) x the technical students of the distinct schools listed by at
  least one region that is not techniekarm.

usage: audit_oracle.py --schools S.csv --students P.csv --registrations R.csv [--close-by 5000] [--time]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict

import numpy as np
import pandas as pd
import shapely

import geopandas as gpd

from regio_inputs import (RegionDeclaration, is_well_formed, load_postcodes, load_registrations, load_schools,
                          load_students)

TECHNIEKARM_BELOW = 0.10

SEVERITY = {
    "school-in-multiple-regions": "error",
    "unknown-school": "error",
    "lead-without-technology": "error",
    "empty-region": "error",
    "split-close-schools": "warning",
    "uncovered-school": "info",
    "techniekarm": "info",
    "split-institution": "info",
    "missing-lead": "error",
    "malformed-region-id": "error",
    "conflicting-region-name": "warning",
    "school-not-placed": "error",
    "school-outside-map": "error",
    "approximate-location": "info",
}
REGION_ID = re.compile(r"^STO[0-9]{5}$")
RULE_ORDER = {rule: i for i, rule in enumerate(SEVERITY)}
VMBO_VSO_MARKERS = ("VBO", "MAVO", "VMBO", "VSO")


def finding(rule: str, regions, schools, **extra) -> dict:
    """One finding with sorted, de-duplicated regions and schools."""
    return {"rule": rule, "severity": SEVERITY[rule], "regions": sorted(set(regions)),
            "schools": sorted(set(schools)), **extra}


class Audit:
    """The inputs joined: members per region, regions per school, students per school."""

    def __init__(self, schools: pd.DataFrame, students: pd.DataFrame,
                 regions: dict[str, RegionDeclaration], close_by: float, overlap_kinds: str,
                 municipalities: gpd.GeoDataFrame | None = None, outside_tolerance: float = 1000.0,
                 budget_per_student: float = 3000.0):
        self.municipalities = municipalities
        self.outside_tolerance = outside_tolerance
        self.budget_per_student = budget_per_student
        self.schools = schools
        self.regions = regions
        self.close_by = close_by
        self.overlap_kinds = overlap_kinds
        register = set(schools.index)
        self.members = {rid: sorted({c for c in r.codes if c in register}) for rid, r in regions.items()}
        self.regions_of: dict[str, set[str]] = defaultdict(set)
        for rid, codes in self.members.items():
            for code in codes:
                self.regions_of[code].add(rid)
        per_school = students.reindex(schools.index, fill_value=0)
        self.counted = per_school["counted"].astype(int).to_dict()
        self.technical = per_school["technical"].astype(int).to_dict()

    # Region figures -----------------------------------------------------------------------------

    def region_summary(self, rid: str) -> dict:
        codes = self.members[rid]
        counted = sum(self.counted[c] for c in codes)
        technical = sum(self.technical[c] for c in codes)
        share = technical / counted if counted > 0 else None
        return {"id": rid, "schools": codes, "lead": self.regions[rid].lead,
                "countedStudents": counted, "technicalStudents": technical, "technicalShare": share,
                "techniekarm": share is not None and share < TECHNIEKARM_BELOW}

    # Rules --------------------------------------------------------------------------------------

    def school_in_multiple_regions(self) -> list[dict]:
        structure = self.schools["structure"].str.upper()

        def counts(code: str) -> bool:
            return self.overlap_kinds == "any" or any(m in structure[code] for m in VMBO_VSO_MARKERS)

        return [finding("school-in-multiple-regions", rids, [code])
                for code, rids in self.regions_of.items() if len(rids) >= 2 and counts(code)]

    def unknown_school(self) -> list[dict]:
        register = self.schools.index
        found = []
        for rid, region in self.regions.items():
            for code in dict.fromkeys(region.codes):  # distinct, in row order
                if not is_well_formed(code) or code not in register:
                    found.append(finding("unknown-school", [rid], [code]))
        return found

    def lead_without_technology(self, summaries: dict[str, dict]) -> list[dict]:
        found = []
        for rid, region in self.regions.items():
            lead, share = region.lead, summaries[rid]["technicalShare"]
            if lead in self.schools.index and self.technical[lead] == 0 \
                    and share is not None and share >= TECHNIEKARM_BELOW:
                found.append(finding("lead-without-technology", [rid], [lead]))
        return found

    def empty_region(self) -> list[dict]:
        return [finding("empty-region", [rid], []) for rid, r in self.regions.items() if not r.codes]

    def split_close_schools(self) -> list[dict]:
        """Pairs of single-region schools in different regions within close-by metres (STRtree)."""
        outside = self.far_outside()
        single = [c for c, rids in self.regions_of.items() if len(rids) == 1 and c not in outside]
        placed = self.schools.loc[sorted(single)]
        placed = placed[np.isfinite(placed["x"]) & np.isfinite(placed["y"])]
        codes = placed.index.to_numpy()
        region = np.array([next(iter(self.regions_of[c])) for c in codes])
        points = placed.geometry.values
        tree = shapely.STRtree(points)
        left, right = tree.query(points, predicate="dwithin", distance=self.close_by)
        keep = (left < right) & (region[left] != region[right])
        left, right = left[keep], right[keep]
        distances = shapely.distance(points[left], points[right])
        return [finding("split-close-schools", [region[a], region[b]], [codes[a], codes[b]],
                        distanceMetres=round(float(d), 1))
                for a, b, d in zip(left, right, distances) if d <= self.close_by]

    def uncovered_school(self) -> list[dict]:
        return [finding("uncovered-school", [], [code]) for code in self.schools.index
                if self.technical[code] > 0 and code not in self.regions_of]

    def techniekarm(self, summaries: dict[str, dict]) -> list[dict]:
        return [finding("techniekarm", [rid], s["schools"]) for rid, s in summaries.items() if s["techniekarm"]]

    def split_institution(self) -> list[dict]:
        locations: dict[str, set[str]] = defaultdict(set)
        for code in self.regions_of:
            locations[code[:4]].add(code)
        found = []
        for institution, codes in locations.items():
            rids = set().union(*(self.regions_of[c] for c in codes))
            if len(codes) >= 2 and len(rids) >= 2:
                found.append(finding("split-institution", rids, codes))
        return found

    def missing_lead(self) -> list[dict]:
        return [finding("missing-lead", [rid], []) for rid, r in self.regions.items() if r.codes and r.lead is None]

    def malformed_region_id(self) -> list[dict]:
        return [finding("malformed-region-id", [rid], []) for rid in self.regions if not REGION_ID.fullmatch(rid)]

    def conflicting_region_name(self) -> list[dict]:
        return [finding("conflicting-region-name", [rid], []) for rid, r in self.regions.items() if len(r.names) >= 2]

    def placement_findings(self) -> list[dict]:
        """school-not-placed, school-outside-map and approximate-location of the listed register schools."""
        listed = sorted(self.regions_of)
        found = []
        distance = self.outside_distances()
        for code in listed:
            placement = self.schools.at[code, "placement"]
            rids = self.regions_of[code]
            if placement == "unplaced":
                found.append(finding("school-not-placed", rids, [code]))
                continue
            if distance.get(code, 0.0) > self.outside_tolerance:
                found.append(finding("school-outside-map", rids, [code], distanceMetres=round(float(distance[code]), 1)))
            if placement == "postcode-centroid":
                found.append(finding("approximate-location", rids, [code]))
        return found

    def outside_distances(self) -> dict[str, float]:
        """Metres (RD New) from each listed school with coordinates to the nearest municipality polygon (0 inside);
        empty without --municipalities."""
        if self.municipalities is None:
            return {}
        if not hasattr(self, "_outside"):
            placed = [c for c in sorted(self.regions_of) if np.isfinite(self.schools.at[c, "x"])]
            tree = shapely.STRtree(self.municipalities.geometry.values)
            points = shapely.points(self.schools.loc[placed, "x"].to_numpy(), self.schools.loc[placed, "y"].to_numpy())
            (_, _), nearest = tree.query_nearest(points, return_distance=True, all_matches=False)
            self._outside = dict(zip(placed, (float(d) for d in nearest)))
        return self._outside

    def far_outside(self) -> set[str]:
        """Listed schools farther outside every municipality than the tolerance: their location is wrong, so
        the spatial rules (split-close-schools here) leave them out, as regio does."""
        return {c for c, d in self.outside_distances().items() if d > self.outside_tolerance}

    def totals(self, summaries: dict[str, dict]) -> dict:
        """Each listed school of the register once."""
        listed = list(self.regions_of)
        paying = {c for c, rids in self.regions_of.items() if any(not summaries[r]["techniekarm"] for r in rids)}
        return {"regions": len(self.regions), "schools": len(listed),
                "countedStudents": sum(self.counted[c] for c in listed),
                "technicalStudents": sum(self.technical[c] for c in listed),
                "budgetEUR": self.budget_per_student * sum(self.technical[c] for c in paying),
                "techniekarmRegions": sum(1 for s in summaries.values() if s["techniekarm"])}

    def run(self) -> dict:
        summaries = {rid: self.region_summary(rid) for rid in sorted(self.regions)}
        findings = (self.school_in_multiple_regions() + self.unknown_school()
                    + self.lead_without_technology(summaries) + self.empty_region()
                    + self.split_close_schools() + self.uncovered_school()
                    + self.techniekarm(summaries) + self.split_institution()
                    + self.missing_lead() + self.malformed_region_id() + self.conflicting_region_name()
                    + self.placement_findings())
        findings.sort(key=lambda f: (RULE_ORDER[f["rule"]], f["regions"], f["schools"]))
        return {"regions": list(summaries.values()), "findings": findings, "totals": self.totals(summaries)}


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--schools", required=True, help="school register CSV with lat/lon or rd_x/rd_y")
    parser.add_argument("--students", required=True, help="DUO leerlingen vo per vestiging naar onderwijstype")
    parser.add_argument("--registrations", required=True, help="pre-registrations regio_id;regio_naam;brin6;rol")
    parser.add_argument("--close-by", type=float, default=5000.0, help="close-by distance in metres (default 5000)")
    parser.add_argument("--technical-routes", action="store_true",
                        help="count Vakmanschapsroute/Beroepsroute Techniek as technical (default: not)")
    parser.add_argument("--overlap-kinds", choices=("any", "vmbo-vso"), default="any",
                        help="which listed schools school-in-multiple-regions reports (default: any)")
    parser.add_argument("--municipalities", help="municipality polygons (any CRS geopandas reads): enables school-outside-map")
    parser.add_argument("--postcodes", help="PC4 centroids (postcode, latitude, longitude) for schools without coordinates")
    parser.add_argument("--outside-tolerance", type=float, default=1000.0,
                        help="school-outside-map tolerance in metres (default 1000)")
    parser.add_argument("--budget-per-student", type=float, default=3000.0,
                        help="budget per technical student in EUR (default 3000)")
    parser.add_argument("--time", action="store_true", help="print load and check times to stderr")
    return parser.parse_args(argv)


def audit_files(args: argparse.Namespace) -> tuple[dict, dict[str, float]]:
    """Loads the inputs and runs the rules; returns the report and the timings in seconds."""
    start = time.perf_counter()
    schools = load_schools(args.schools, load_postcodes(args.postcodes) if args.postcodes else None)
    municipalities = gpd.read_file(args.municipalities).to_crs("EPSG:28992") if args.municipalities else None
    students = load_students(args.students, technical_routes=args.technical_routes)
    regions = load_registrations(args.registrations)
    loaded = time.perf_counter()
    report = Audit(schools, students, regions, args.close_by, args.overlap_kinds, municipalities,
                   args.outside_tolerance, args.budget_per_student).run()
    done = time.perf_counter()
    report = {"settings": {"closeByMetres": args.close_by, "technicalRoutes": args.technical_routes,
                           "overlapKinds": args.overlap_kinds, "coordinates": schools.attrs["coordinates"]},
              "rules": list(SEVERITY), **report}
    return report, {"load": loaded - start, "checks": done - loaded, "total": done - start}


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    report, timings = audit_files(args)
    json.dump(report, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")
    if args.time:
        print("audit_oracle: load {load:.3f} s, checks {checks:.3f} s, total {total:.3f} s".format(**timings),
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
