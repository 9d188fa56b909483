"""Checks the catchment areas of `regio catchments` against the unit polygons, independently of regio.

    python check_catchments.py --units pc4_2020_rd.geojson --id pc4 --areas areas.json \
        [--bound-field inwoners --bound 49922] [--geojson areas.geojson] [--tolerance 1]

`areas.json` is `regio catchments --format json`; `areas.geojson` the same run with `--format geojson`.
Checks: every unit with a non-empty geometry lies in exactly one area (units with an empty geometry in
none); with a bound, each area's sum of the bound field (read here from the units file) equals its
`measureTotal` and reaches the bound; every area is connected by a graph walk over polygon contiguity
(shapely: polygons within `--tolerance` metres of each other) plus the links regio reports, and every
reported link joins units that do not touch; with `--geojson`, one feature per area whose dissolved
geometry (projected back to EPSG:28992) has the summed area of its units within 0.5 %.
Prints a summary line and exits 1 naming every failure.
"""
import argparse
import json
import sys
from collections import defaultdict

import geopandas as gpd
import numpy as np
import shapely


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", required=True)
    parser.add_argument("--id", required=True)
    parser.add_argument("--areas", required=True)
    parser.add_argument("--bound-field")
    parser.add_argument("--bound", type=float)
    parser.add_argument("--geojson")
    parser.add_argument("--tolerance", type=float, default=1.0)
    args = parser.parse_args()
    failures = []

    units = gpd.read_file(args.units)
    # A layer without a CRS is GeoJSON's WGS 84; any other is projected from its own.
    units = (units.set_crs(4326) if units.crs is None else units).to_crs(28992)
    units["code"] = units[args.id].astype(str)
    units = units.set_index("code")
    present = units[~units.geometry.is_empty & ~units.geometry.isna()]
    report = json.load(open(args.areas))
    areas = report["areas"]

    # Every unit with a geometry in exactly one area.
    seen = defaultdict(list)
    for area in areas:
        for code in area["units"]:
            seen[code].append(area["id"])
    for code, ids in seen.items():
        if len(ids) > 1:
            failures.append(f"unit {code} is in {len(ids)} areas: {ids}")
        if code not in units.index:
            failures.append(f"unit {code} of {ids[0]} is not in the units file")
    missing = [c for c in present.index if c not in seen]
    if missing:
        failures.append(f"{len(missing)} units with a geometry are in no area, e.g. {missing[:5]}")

    # The bound, recomputed from the file.
    if args.bound_field:
        values = units[args.bound_field].fillna(0).astype(float)
        for area in areas:
            total = float(values.reindex(area["units"]).fillna(0).sum())
            if abs(total - float(area.get("measureTotal") or 0)) > 1e-6 * max(1, total):
                failures.append(f"{area['id']}: {args.bound_field} sums to {total}, report says {area.get('measureTotal')}")
            if total < args.bound and area.get("meetsThresholds", True):
                failures.append(f"{area['id']}: {args.bound_field} {total} < bound {args.bound} but marked as meeting it")
        below = sum(1 for a in areas if float(values.reindex(a["units"]).fillna(0).sum()) < args.bound)
    else:
        below = sum(1 for a in areas if not a.get("meetsThresholds", True))

    # Contiguity: polygon graph (within the tolerance) plus the reported links.
    geoms = present.geometry
    tree = shapely.STRtree(geoms.values)
    left, right = tree.query(geoms.values, predicate="dwithin", distance=args.tolerance)
    codes = list(present.index)
    graph = defaultdict(set)
    for i, j in zip(left, right):
        if i != j:
            graph[codes[i]].add(codes[j])
            graph[codes[j]].add(codes[i])
    for link in report.get("links", []):
        a, b = link["from"], link["to"]
        if a in present.index and b in present.index and present.geometry[a].distance(present.geometry[b]) <= args.tolerance:
            failures.append(f"link {a}–{b} joins units that touch")
        graph[a].add(b)
        graph[b].add(a)
    for area in areas:
        members = set(area["units"])
        if not members:
            failures.append(f"{area['id']} has no units")
            continue
        start = next(iter(members))
        reached, stack = {start}, [start]
        while stack:
            u = stack.pop()
            for v in graph[u]:
                if v in members and v not in reached:
                    reached.add(v)
                    stack.append(v)
        if reached != members:
            failures.append(f"{area['id']} is not contiguous: {len(reached)} of {len(members)} units reached from {start}")

    # The dissolved GeoJSON.
    if args.geojson:
        written = gpd.read_file(args.geojson).set_index("id")
        invalid = [i for i, g in written.geometry.items() if g is not None and not g.is_valid]
        if invalid:
            failures.append(f"{len(invalid)} dissolved geometries are invalid as written (WGS 84), e.g. {invalid[:5]}")
        dissolved = written.to_crs(28992)
        if sorted(dissolved.index) != sorted(a["id"] for a in areas):
            failures.append("the GeoJSON areas differ from the JSON areas")
        else:
            for area in areas:
                expected = float(present.geometry.reindex([c for c in area["units"] if c in present.index]).area.sum())
                got = float(dissolved.geometry[area["id"]].area)
                if expected > 0 and abs(got - expected) > 0.005 * expected:
                    failures.append(f"{area['id']}: dissolved area {got / 1e6:.3f} km² vs units {expected / 1e6:.3f} km²")

    print(f"catchments: p = {len(areas)}, {len(seen)} units in areas ({len(present)} with a geometry), "
          f"{below} below the bound, {len(report.get('links', []))} links, {len(failures)} failures")
    for failure in failures[:50]:
        print("FAIL", failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
