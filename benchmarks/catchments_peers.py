#!/usr/bin/env python3
"""Side by side, in one run, on the same inputs and the same bound: regio's max-p regionalization
(`regio catchments`, release build, whole process) against pygeoda's `maxp_greedy` and PySAL spopt's
`MaxPHeuristic`, on two layers of units:

  municipalities  gemeenten_2020_wgs84.geojson (355, id statcode), attribute = technical students per
                  municipality (year 3-4 BB/KB/GL in the five technical profiles), bound --students-bound
                  (305). The attribute is computed here independently with the oracle's readers
                  (Tests/oracle/regio_inputs.py, as used by audit_oracle.py) and a geopandas sjoin.
  pc4             pc4_2020_rd.geojson (4,068 postcode areas, id pc4), attribute = inwoners (null -> 0),
                  bound = total inhabitants // 350. PC4 5028 has an empty geometry and no inwoners: the
                  peers get the other 4,067.

For every result that exists the figures are recomputed here, identically for all tools, from the unit
-> area assignment alone: p, areas below the bound, contiguity of each area on the contiguity graph,
H = sum over areas of the pairwise Euclidean distances between unit centroids (shapely, RD metres;
regio's objective; spopt's `calculate_within_region_distance` with metric euclidean — spopt itself
minimises the cityblock version), and the within-area sum of squared deviations of the centroid
coordinates (SSD, pygeoda's objective).

Timing: regio is the whole process (reading files, graph, solve, JSON), median of --repeat runs after
one warm-up. Each peer runs in a subprocess with --timeout; its figure is the solve call only, measured
in-process (imports and weights construction excluded and printed apart).

usage: .venv/bin/python benchmarks/catchments_peers.py [--repeat 5] [--timeout 120] [--cases municipalities pc4]
           [--runs regio pygeoda-all pygeoda-mainland spopt] [--skip-spopt-pc4] [--skip-hanging]
           [--contiguity auto|rook|queen|tolerance] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import pickle
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHOOLS = "duo_vestigingen_vo_2020-12_geocoded.csv"
STUDENTS = "duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv"
MUNICIPALITIES = "gemeenten_2020_wgs84.geojson"
PC4 = "pc4_2020_rd.geojson"
RD = "EPSG:28992"
RUNS = ("regio", "pygeoda-all", "pygeoda-mainland", "spopt")


# ------------------------------------------------------------------------------------------------
# The worker: one peer run, in its own process (started by the parent with --worker SPEC).
# ------------------------------------------------------------------------------------------------

def write_gal(path: str, neighbors: list[list[int]]) -> None:
    """A GeoDa .gal file of `neighbors` (ids 0..n-1 as strings)."""
    with open(path, "w") as file:
        file.write(f"0 {len(neighbors)} units uid\n")
        for i, nb in enumerate(neighbors):
            file.write(f"{i} {len(nb)}\n{' '.join(map(str, sorted(nb)))}\n")


def worker(spec_path: str) -> int:
    """Loads the spec (a pickle written by the parent), builds the tool's weights, solves, writes JSON."""
    with open(spec_path, "rb") as file:
        spec = pickle.load(file)
    gdf, neighbors, graph, tool = spec["gdf"], spec["neighbors"], spec["graph"], spec["tool"]
    out: dict = {"tool": tool}
    start = time.perf_counter()
    if tool == "pygeoda":
        import pygeoda
        out["importSeconds"] = time.perf_counter() - start
        start = time.perf_counter()
        if graph in ("rook", "queen"):
            gda = pygeoda.open(gdf)
            w = pygeoda.rook_weights(gda) if graph == "rook" else pygeoda.queen_weights(gda)
        else:
            gal = spec_path + ".gal"
            write_gal(gal, neighbors)
            w = pygeoda.read_gal(gal, [str(i) for i in range(len(neighbors))])
        out["weightsSeconds"] = time.perf_counter() - start
        out["weightsDiffer"] = sum(sorted(w.get_neighbors(i)) != sorted(neighbors[i]) for i in range(len(neighbors)))
        options = spec["pygeoda"]
        start = time.perf_counter()
        result = pygeoda.maxp_greedy(w, gdf[["cx", "cy"]], gdf["attr"], spec["bound"], **options)
        out["solveSeconds"] = time.perf_counter() - start
        out["labels"] = [int(c) for c in result["Clusters"]]
    elif tool == "spopt":
        import libpysal
        import numpy as np
        from spopt.region import MaxPHeuristic
        out["importSeconds"] = time.perf_counter() - start
        start = time.perf_counter()
        if graph == "rook":
            w = libpysal.weights.Rook.from_dataframe(gdf, use_index=False, silence_warnings=True)
        elif graph == "queen":
            w = libpysal.weights.Queen.from_dataframe(gdf, use_index=False, silence_warnings=True)
        else:
            w = libpysal.weights.W({i: list(nb) for i, nb in enumerate(neighbors)}, silence_warnings=True)
        out["weightsSeconds"] = time.perf_counter() - start
        out["weightsDiffer"] = sum(sorted(w.neighbors[i]) != sorted(neighbors[i]) for i in range(len(neighbors)))
        np.random.seed(spec["seed"])  # spopt draws from NumPy's global generator
        options = spec["spopt"]
        model = MaxPHeuristic(gdf, w, ["cx", "cy"], "attr", spec["bound"], **options)
        start = time.perf_counter()
        model.solve()
        out["solveSeconds"] = time.perf_counter() - start
        out["labels"] = [int(c) for c in model.labels_]
        out["reportedP"] = int(model.p)
    else:
        raise SystemExit(f"unknown tool {tool}")
    with open(spec["output"], "w") as file:
        json.dump(out, file)
    return 0


# ------------------------------------------------------------------------------------------------
# The parent: cases, runs, checks, table.
# ------------------------------------------------------------------------------------------------

@dataclass
class Case:
    """One layer of units with its attribute, bound and contiguity graphs."""
    name: str
    title: str
    ids: list[str]                    # unit codes, in the order of every array below
    gdf: object                       # GeoDataFrame (RD), columns uid, attr, cx, cy, geometry; index 0..n-1
    bound: float
    graph: str                        # rook | queen | tolerance: what the peers get and the check walks
    neighbors: list[list[int]]        # that graph
    loose: list[list[int]]            # units within 1 m of each other: a superset of every tool's graph
    mainland: list[int]               # the largest connected component of `neighbors`
    notes: list[str] = field(default_factory=list)
    regio_command: list[str] | None = None
    regio_unavailable: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def position(self) -> dict[str, int]:
        return {u: i for i, u in enumerate(self.ids)}


def components(neighbors: list[list[int]], among: list[int] | None = None) -> list[list[int]]:
    """Connected components of the graph restricted to `among` (all units by default), largest first."""
    units = range(len(neighbors)) if among is None else among
    member = set(units)
    seen: set[int] = set()
    found = []
    for start in units:
        if start in seen:
            continue
        seen.add(start)
        stack, piece = [start], [start]
        while stack:
            u = stack.pop()
            for v in neighbors[u]:
                if v in member and v not in seen:
                    seen.add(v)
                    stack.append(v)
                    piece.append(v)
        found.append(sorted(piece))
    return sorted(found, key=lambda c: (-len(c), c[0]))


def pairs_to_lists(n: int, a, b) -> list[list[int]]:
    lists: list[set[int]] = [set() for _ in range(n)]
    for i, j in zip(a.tolist(), b.tolist()):
        if i != j:
            lists[i].add(j)
            lists[j].add(i)
    return [sorted(s) for s in lists]


def unit_segments(geometry):
    """The boundary segments of a (multi)polygon as rows ax, ay, bx, by (zero-length ones dropped)."""
    import numpy as np
    import shapely
    rows = []
    for ring in shapely.get_parts(shapely.boundary(geometry)):
        c = shapely.get_coordinates(ring)
        if len(c) > 1:
            segment = np.hstack([c[:-1], c[1:]])
            rows.append(segment[(segment[:, 0] != segment[:, 2]) | (segment[:, 1] != segment[:, 3])])
    return np.vstack(rows) if rows else np.zeros((0, 4))


def in_window(segments, window, tolerance):
    """The segments whose envelope meets `window` (minx, miny, maxx, maxy) grown by `tolerance`."""
    import numpy as np
    x0, x1 = np.minimum(segments[:, 0], segments[:, 2]), np.maximum(segments[:, 0], segments[:, 2])
    y0, y1 = np.minimum(segments[:, 1], segments[:, 3]), np.maximum(segments[:, 1], segments[:, 3])
    return segments[~((x1 < window[0] - tolerance) | (x0 > window[2] + tolerance)
                      | (y1 < window[1] - tolerance) | (y0 > window[3] + tolerance))]


def band_length(S, T, tolerance):
    """The length of segments S lying in the band of segments T: within 45° of parallel, orthogonal projection
    on the T segment, at most `tolerance` from its line; the parts of one S segment in several bands merged."""
    import numpy as np
    if len(S) == 0 or len(T) == 0:
        return 0.0
    ax, ay, bx, by = (S[:, k][:, None] for k in range(4))
    tax, tay, tbx, tby = (T[:, k][None, :] for k in range(4))
    dx, dy, ex, ey = bx - ax, by - ay, tbx - tax, tby - tay
    length_t = np.hypot(ex, ey)
    length_s2 = dx * dx + dy * dy
    dot = dx * ex + dy * ey
    ok = (2 * dot * dot >= length_s2 * length_t * length_t) & (length_t > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        ux, uy = ex / length_t, ey / length_t
        rx, ry = ax - tax, ay - tay
        lo, hi = np.zeros(ok.shape), np.ones(ok.shape)
        for a, b, low, high in ((rx * ux + ry * uy, dx * ux + dy * uy, 0.0, length_t),
                                (ry * ux - rx * uy, dy * ux - dx * uy, -tolerance, tolerance)):
            flat = b == 0
            ok &= ~flat | ((a >= low) & (a <= high))
            safe = np.where(flat, 1.0, b)
            u1, u2 = (low - a) / safe, (high - a) / safe
            lo = np.where(flat, lo, np.maximum(lo, np.minimum(u1, u2)))
            hi = np.where(flat, hi, np.minimum(hi, np.maximum(u1, u2)))
        ok &= hi > lo
    total = 0.0
    segment_length = np.sqrt(length_s2[:, 0])
    for i in np.nonzero(ok.any(axis=1))[0]:
        intervals = sorted(zip(lo[i, ok[i]].tolist(), hi[i, ok[i]].tolist()))
        covered, (low, high) = 0.0, intervals[0]
        for l, h in intervals[1:]:
            if l > high:
                covered += high - low
                low, high = l, h
            else:
                high = max(high, h)
        total += (covered + high - low) * segment_length[i]
    return total


def build_graphs(gdf, graph: str, tolerance: float,
                 case_notes: list[str]) -> tuple[list[list[int]], list[list[int]], float]:
    """The peers' graph and the loose (within 1 m) graph, with the seconds the peers' graph took here."""
    import numpy as np
    import shapely
    geoms = gdf.geometry.values
    n = len(gdf)
    tree = shapely.STRtree(geoms)
    a, b = tree.query(geoms, predicate="dwithin", distance=1.0)
    keep = a < b
    a, b = a[keep], b[keep]
    loose = pairs_to_lists(n, a, b)
    start = time.perf_counter()
    if graph in ("rook", "queen"):
        import libpysal
        kind = libpysal.weights.Rook if graph == "rook" else libpysal.weights.Queen
        w = kind.from_dataframe(gdf, use_index=False, silence_warnings=True)
        neighbors = [sorted(w.neighbors[i]) for i in range(n)]
        seconds = time.perf_counter() - start
    else:
        # regio's rule (UnitAdjacency, SharedBorderMeasurement), re-implemented here: neighbours when their
        # interiors overlap, or when A's boundary lies in the band of B's boundary (segments within 45° of
        # parallel, projection on the segment, at most `tolerance` away, no round caps) for at least 1 m,
        # mean of both directions. 1 m tolerance for layers that are not cleanly noded (PC4), 1 mm otherwise.
        overlap = shapely.relate_pattern(geoms[a], geoms[b], "T********")
        segments = [unit_segments(g) for g in geoms]
        bounds = shapely.bounds(geoms)
        shared = np.zeros(len(a))
        for k in np.nonzero(~overlap)[0]:
            i, j = a[k], b[k]
            window = (max(bounds[i][0], bounds[j][0]), max(bounds[i][1], bounds[j][1]),
                      min(bounds[i][2], bounds[j][2]), min(bounds[i][3], bounds[j][3]))
            s_i, s_j = in_window(segments[i], window, tolerance), in_window(segments[j], window, tolerance)
            shared[k] = (band_length(s_i, s_j, tolerance) + band_length(s_j, s_i, tolerance)) / 2
        keep = overlap | (shared >= 1.0)
        neighbors = pairs_to_lists(n, a[keep], b[keep])
        seconds = time.perf_counter() - start
        case_notes.append(f"tolerance graph (regio's rule: interiors overlap, or boundaries within {tolerance:g} m of "
                          f"each other for >= 1 m): {int(overlap.sum()):,} of its pairs overlap; libpysal rook "
                          f"finds {rook_pair_count(gdf):,} pairs on this layer")
    return neighbors, loose, seconds


def rook_pair_count(gdf) -> int:
    import libpysal
    return int(libpysal.weights.Rook.from_dataframe(gdf, use_index=False, silence_warnings=True).s0 / 2)


def regio_has_units_option(regio: str) -> bool:
    help_text = subprocess.run([regio, "catchments", "--help"], capture_output=True, text=True).stdout
    return "--units" in help_text and "--bound-field" in help_text


def prepare_municipalities(args) -> Case:
    import geopandas as gpd
    sys.path.insert(0, os.path.join(ROOT, "Tests", "oracle"))
    from regio_inputs import load_schools, load_students  # the oracle's readers (audit_oracle.py uses them)

    g = args.geodata
    units = gpd.read_file(os.path.join(g, MUNICIPALITIES)).to_crs(RD).reset_index(drop=True)
    schools = load_schools(os.path.join(g, SCHOOLS))
    students = load_students(os.path.join(g, STUDENTS), technical_routes=False)
    schools["technical"] = students["technical"].reindex(schools.index, fill_value=0).astype(int)
    located = schools[schools.geometry.notna() & ~schools.geometry.is_empty]
    located = located[["technical", "geometry"]].reset_index()
    joined = gpd.sjoin(located, units[["statcode", "geometry"]], how="left", predicate="within")
    joined = joined[~joined.index.duplicated(keep="first")]
    outside = joined[joined["statcode"].isna()].drop(columns=["statcode", "index_right"])
    notes = []
    if len(outside):
        nearest = gpd.sjoin_nearest(outside, units[["statcode", "geometry"]], how="left", distance_col="metres")
        nearest = nearest[~nearest.index.duplicated(keep="first")]
        joined.loc[nearest.index, "statcode"] = nearest["statcode"]
        notes.append(f"{len(outside)} school(s) outside every municipality counted in the nearest one "
                     f"({', '.join(f'{c} {m:.0f} m' for c, m in zip(nearest['code_index'], nearest['metres']))})")
    per_unit = joined.groupby("statcode")["technical"].sum()
    unplaced = int(schools["technical"].sum() - per_unit.sum())
    if unplaced:
        notes.append(f"{unplaced} technical students of schools without coordinates are in no municipality")
    units["attr"] = units["statcode"].map(per_unit).fillna(0).astype(float)
    units["uid"] = units["statcode"]
    notes.append(f"technical students: {int(units['attr'].sum()):,} in {int((units['attr'] > 0).sum())} "
                 f"of {len(units)} municipalities (register schools only; routes not counted)")
    case = finish_case("municipalities", f"{len(units)} municipalities, bound {args.students_bound} technical students",
                       units, float(args.students_bound), args.contiguity if args.contiguity != "auto" else "rook",
                       0.001, notes)
    config = os.path.join(args.workdir, "regio-config.json")
    with open(config, "w") as file:
        json.dump({"minimumTechnicalSchools": 1, "minimumTechnicalStudents": args.students_bound}, file)
    case.regio_command = [args.regio, "catchments", "--schools", os.path.join(g, SCHOOLS),
                          "--students", os.path.join(g, STUDENTS), "--municipalities", os.path.join(g, MUNICIPALITIES),
                          "--config", config, "--format", "json"]
    case.extra["technicalStudentsByUnit"] = dict(zip(units["uid"], units["attr"].astype(int)))
    return case


def prepare_pc4(args) -> Case:
    import geopandas as gpd
    import pandas as pd
    path = os.path.join(args.geodata, PC4)
    units = gpd.read_file(path)
    if units.crs is None or units.crs.to_epsg() != 28992:
        units = units.set_crs(RD, allow_override=True) if units.crs is None else units.to_crs(RD)
    units["inwoners"] = pd.to_numeric(units["inwoners"], errors="coerce")
    total = int(units["inwoners"].fillna(0).sum())
    bound = total // 350
    empty = units.geometry.isna() | units.geometry.is_empty
    dropped = [f"{code} (inwoners {'null' if pd.isna(v) else int(v)})"
               for code, v in zip(units.loc[empty, "pc4"], units.loc[empty, "inwoners"])]
    units = units[~empty].reset_index(drop=True)
    units["attr"] = units["inwoners"].fillna(0).astype(float)
    units["uid"] = units["pc4"].astype(str)
    notes = [f"bound = {total:,} inhabitants // 350 = {bound:,}",
             f"dropped for the peers and the checks, empty geometry: {', '.join(dropped) or 'none'}"]
    case = finish_case("pc4", f"{len(units):,} postcode areas (PC4), bound {bound:,} inhabitants", units,
                       float(bound), args.contiguity if args.contiguity != "auto" else "tolerance", 1.0, notes)
    case.regio_command = [args.regio, "catchments", "--units", path, "--unit-id", "pc4", "--bound-field", "inwoners",
                          "--bound", str(bound), "--format", "json"]
    if not regio_has_units_option(args.regio):
        case.regio_unavailable = "not available: this regio has no `catchments --units/--bound-field` option yet"
    return case


def finish_case(name: str, title: str, units, bound: float, graph: str, tolerance: float, notes: list[str]) -> Case:
    centroids = units.geometry.centroid
    units["cx"], units["cy"] = centroids.x.to_numpy(), centroids.y.to_numpy()
    gdf = units[["uid", "attr", "cx", "cy", "geometry"]].copy()
    neighbors, loose, seconds = build_graphs(gdf, graph, tolerance, notes)
    parts = components(neighbors)
    edges = sum(map(len, neighbors)) // 2
    outside = [(len(p), str(gdf["uid"][p[0]]), gdf["attr"].to_numpy()[p].sum()) for p in parts[1:]]
    notes.insert(0, f"{graph} graph, built in Python in {seconds:.2f} s: {edges:,} pairs, {len(parts)} components; "
                    f"mainland (largest) {len(parts[0]):,} units; others: "
                    + (", ".join(f"{u}{'+' + str(k - 1) if k > 1 else ''} ({v:,.0f})" for k, u, v in outside) or "none"))
    return Case(name=name, title=title, ids=[str(u) for u in gdf["uid"]], gdf=gdf, bound=bound, graph=graph,
                neighbors=neighbors, loose=loose, mainland=parts[0], notes=notes)


# Runs ---------------------------------------------------------------------------------------------

def run_regio(case: Case, repeat: int, timeout: float) -> dict:
    result = {"tool": "regio", "scope": "all units", "timing": "whole process"}
    if case.regio_unavailable:
        return {**result, "status": case.regio_unavailable}
    command = case.regio_command
    try:
        first = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {**result, "status": f"no result within {timeout:.0f} s"}
    if first.returncode != 0:
        message = (first.stderr.strip() or first.stdout.strip()).splitlines()
        return {**result, "status": f"failed (exit {first.returncode}): {message[0] if message else ''}"}
    times = []
    output = first.stdout
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            continue
        times.append(time.perf_counter() - start)
        output = run.stdout if run.returncode == 0 else output
    report = json.loads(output)
    areas = report.get("areas", [])
    assignment = {}
    for area in areas:
        for unit in area.get("units", []):
            assignment[str(unit)] = str(area.get("id"))
    phases = None
    if "--timings" in subprocess.run([command[0], "catchments", "--help"], capture_output=True, text=True).stdout:
        try:
            timed = subprocess.run(command + ["--timings"], capture_output=True, text=True, timeout=timeout)
            phases = next((l.strip() for l in timed.stderr.splitlines() if l.startswith("timings:")), None)
        except subprocess.TimeoutExpired:
            phases = None
        match = re.search(r"regionalization ([0-9.]+) ms", phases or "")
        if match:
            result["regionalizationSeconds"] = float(match.group(1)) / 1000
    result.update(status="ok", seconds=statistics.median(times) if times else math.nan, phases=phases,
                  secondsAll=times, assignment=assignment, report={k: v for k, v in report.items() if k != "areas"},
                  areas=[{k: v for k, v in a.items() if k in ("id", "technicalStudents", "meetsThresholds", "measureTotal")}
                         | {"units": [str(u) for u in a.get("units", [])]} for a in areas])
    return result


def run_peer(case: Case, tool: str, scope: str, args) -> dict:
    """One peer run in a subprocess on all units or on the mainland only."""
    result = {"tool": tool, "scope": scope, "timing": "solve call"}
    units = list(range(len(case.ids))) if scope == "all units" else case.mainland
    remap = {u: k for k, u in enumerate(units)}
    gdf = case.gdf.iloc[units].reset_index(drop=True)
    neighbors = [[remap[v] for v in case.neighbors[u] if v in remap] for u in units]
    tag = f"{case.name}-{tool}-{scope.replace(' ', '-')}"
    spec_path = os.path.join(args.workdir, tag + ".pickle")
    output = os.path.join(args.workdir, tag + ".json")
    spec = {"tool": tool, "gdf": gdf, "neighbors": neighbors, "graph": case.graph, "bound": case.bound,
            "seed": args.seed, "output": output,
            "pygeoda": {"iterations": args.pygeoda_iterations, "scale_method": "raw", "random_seed": 123456789,
                        "cpu_threads": args.pygeoda_threads},
            "spopt": {"top_n": 2, "max_iterations_construction": 99, "max_iterations_sa": 10, "policy": "single"}}
    with open(spec_path, "wb") as file:
        pickle.dump(spec, file)
    try:
        run = subprocess.run([sys.executable, os.path.abspath(__file__), "--worker", spec_path],
                             capture_output=True, text=True, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return {**result, "status": f"no result within {args.timeout:.0f} s", "unitsGiven": len(units)}
    if run.returncode != 0 or not os.path.exists(output):
        lines = (run.stderr.strip() or run.stdout.strip()).splitlines()
        return {**result, "status": f"failed (exit {run.returncode}): {lines[-1] if lines else ''}", "unitsGiven": len(units)}
    with open(output) as file:
        out = json.load(file)
    assignment = {case.ids[u]: str(label) for u, label in zip(units, out["labels"]) if label != 0 or tool == "spopt"}
    result.update(status="ok", seconds=out["solveSeconds"], weightsSeconds=out["weightsSeconds"],
                  importSeconds=out["importSeconds"], weightsDiffer=out["weightsDiffer"], unitsGiven=len(units),
                  assignment=assignment, reportedP=out.get("reportedP"))
    return result


# Checks -------------------------------------------------------------------------------------------

def evaluate(case: Case, result: dict) -> None:
    """Adds p, below-bound areas, contiguity, H and SSD, computed from the assignment alone."""
    import numpy as np
    from scipy.spatial.distance import pdist
    position = case.position
    attr = case.gdf["attr"].to_numpy()
    xy = case.gdf[["cx", "cy"]].to_numpy()
    areas: dict[str, list[int]] = {}
    unknown = []
    for unit, label in result["assignment"].items():
        if unit in position:
            areas.setdefault(label, []).append(position[unit])
        else:
            unknown.append(unit)
    mainland = set(case.mainland)
    below, split_strict, split, split_loose, h, h1, ssd, sizes = 0, 0, 0, 0, 0.0, 0.0, 0.0, []
    broken = []
    for label, units in areas.items():
        units.sort()
        sizes.append(len(units))
        if attr[units].sum() < case.bound:
            below += 1
        pieces = components(case.neighbors, units)
        if len(pieces) > 1:
            split_strict += 1
            # Islands (units off the mainland component) attached through a link are fine; a mainland
            # part in two pieces, or pieces of islands without a mainland part, is not.
            on_mainland = [p for p in pieces if mainland.intersection(p)]
            if len(on_mainland) > 1 or not on_mainland or any(len(mainland.intersection(p)) not in (0, len(p)) for p in pieces):
                split += 1
                broken.append(label)
                if len(components(case.loose, units)) > 1:
                    split_loose += 1
        if len(units) > 1:
            d = pdist(xy[units])
            h += d.sum()
            h1 += pdist(xy[units], metric="cityblock").sum()
        centre = xy[units].mean(axis=0)
        ssd += ((xy[units] - centre) ** 2).sum()
    result.update(p=len(areas), unitsCovered=sum(sizes), belowBound=below, nonContiguousStrict=split_strict,
                  nonContiguous=split, nonContiguousLoose=split_loose, brokenAreas=sorted(broken)[:20],
                  heterogeneityMeters=h, heterogeneityCityblockMeters=h1, ssdSquareMeters=ssd,
                  largestArea=max(sizes) if sizes else 0, unknownUnits=unknown)


def restricted(case: Case, result: dict, units: list[int]) -> dict:
    """p, H and SSD of a result's areas with every unit outside `units` removed (to compare with a run on
    the mainland only)."""
    import numpy as np
    from scipy.spatial.distance import pdist
    keep = {case.ids[u] for u in units}
    xy = case.gdf[["cx", "cy"]].to_numpy()
    position = case.position
    areas: dict[str, list[int]] = {}
    for unit, label in result["assignment"].items():
        if unit in keep:
            areas.setdefault(label, []).append(position[unit])
    h = sum(pdist(xy[a]).sum() for a in areas.values() if len(a) > 1)
    ssd = sum(((xy[a] - xy[a].mean(axis=0)) ** 2).sum() for a in areas.values())
    return {"p": len(areas), "heterogeneityMeters": h, "ssdSquareMeters": ssd, "unitsCovered": sum(map(len, areas.values()))}


def regio_sanity(case: Case, result: dict) -> list[str]:
    """Compares regio's own per-area figures with the ones recomputed here."""
    lines = []
    reported = result.get("report", {}).get("heterogeneityMeters")
    if isinstance(reported, (int, float)):
        ratio = reported / result["heterogeneityMeters"] if result["heterogeneityMeters"] else math.nan
        lines.append(f"regio reports H = {reported / 1000:,.1f} km; recomputed here {result['heterogeneityMeters'] / 1000:,.1f} km"
                     + ("" if abs(ratio - 1) < 1e-3 else f"  WARNING: differs by {100 * (ratio - 1):+.2f}%"))
    by_unit = case.extra.get("technicalStudentsByUnit")
    if by_unit is not None:
        mismatches = []
        for area in result.get("areas", []):
            mine = sum(by_unit.get(u, 0) for u in area["units"])
            theirs = area.get("technicalStudents")
            if isinstance(theirs, (int, float)) and int(theirs) != mine:
                mismatches.append(f"{area['id']} regio {theirs} here {mine}")
        total = sum(a.get("technicalStudents", 0) or 0 for a in result.get("areas", []))
        if mismatches:
            lines.append(f"WARNING: technical students differ in {len(mismatches)} areas: {'; '.join(mismatches[:8])}")
        else:
            lines.append(f"technical students per area match regio's in all {len(result.get('areas', []))} areas "
                         f"(total {total:,})")
        not_meeting = [a["id"] for a in result.get("areas", []) if a.get("meetsThresholds") is False]
        if not_meeting:
            lines.append(f"regio marks {len(not_meeting)} area(s) as below its thresholds: {', '.join(not_meeting)}")
    if any(isinstance(a.get("measureTotal"), (int, float)) for a in result.get("areas", [])):
        attr = dict(zip(case.ids, case.gdf["attr"].to_numpy()))
        mismatches = [f"{a['id']} regio {a['measureTotal']:,.0f} here {sum(attr.get(u, 0) for u in a['units']):,.0f}"
                      for a in result.get("areas", []) if isinstance(a.get("measureTotal"), (int, float))
                      and abs(a["measureTotal"] - sum(attr.get(u, 0) for u in a["units"])) > 0.5]
        lines.append(f"WARNING: the bound field's total differs in {len(mismatches)} areas: {'; '.join(mismatches[:8])}"
                     if mismatches else "the bound field's total per area matches regio's measureTotal in every area")
    not_meeting = [a["id"] for a in result.get("areas", []) if a.get("meetsThresholds") is False]
    if not_meeting and by_unit is None:
        lines.append(f"regio marks {len(not_meeting)} area(s) as below its bound: {', '.join(not_meeting[:10])}")
    links = result.get("report", {}).get("links")
    if isinstance(links, list) and links:
        kinds: dict[str, int] = {}
        for link in links:
            kinds[str(link.get("kind"))] = kinds.get(str(link.get("kind")), 0) + 1
        lines.append("regio's links without a shared border: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))
    if result.get("phases"):
        lines.append(f"regio --timings: {result['phases'].removeprefix('timings:').strip()}")
    if result.get("unknownUnits"):
        lines.append(f"regio's areas list {len(result['unknownUnits'])} unit(s) not among the checked units "
                     f"(ignored): {', '.join(result['unknownUnits'][:10])}")
    missing = len(case.ids) - result["unitsCovered"]
    if missing:
        lines.append(f"WARNING: {missing} unit(s) are in no regio area")
    return lines


# Output -------------------------------------------------------------------------------------------

def seconds_text(s: float) -> str:
    if s is None or not math.isfinite(s):
        return "-"
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"


def print_case(case: Case, results: list[dict]) -> None:
    print(f"\n== {case.title} ==")
    for note in case.notes:
        print(f"  {note}")
    regio = next((r for r in results if r["tool"] == "regio" and r["status"] == "ok"), None)
    regio_mainland = restricted(case, regio, case.mainland) if regio is not None else None
    if regio is not None:
        regio["restrictedToMainland"] = regio_mainland
    header = ("tool", "units", "p", "<bound", "split", "H km", "SSD km²", "time", "p/regio", "H/regio", "regio faster")
    rows = []
    for r in results:
        name = f"{r['tool']} ({r['scope']})" if r["tool"] != "regio" else "regio"
        if r["status"] != "ok":
            rows.append((name, f"{r['unitsGiven']:,}" if "unitsGiven" in r else "", r["status"]))
            continue
        ratios = ("", "", "")
        if regio is not None and r is not regio:
            base = regio_mainland if r["scope"] == "mainland" else regio
            ratios = (f"{r['p'] / base['p']:.2f}{'*' if base is regio_mainland else ''}",
                      f"{r['heterogeneityMeters'] / base['heterogeneityMeters']:.2f}{'*' if base is regio_mainland else ''}",
                      f"{r['seconds'] / regio['seconds']:.1f}×")
        rows.append((name, f"{r['unitsCovered']:,}", str(r["p"]), str(r["belowBound"]), str(r["nonContiguous"]),
                     f"{r['heterogeneityMeters'] / 1000:,.0f}", f"{r['ssdSquareMeters'] / 1e6:,.0f}",
                     seconds_text(r["seconds"]), *ratios))
    widths = [max([len(header[i])] + [len(row[i]) for row in rows if len(row) == len(header)]) for i in range(len(header))]
    widths[0] = max([widths[0]] + [len(row[0]) for row in rows])
    right = set(range(1, len(header)))

    def line(cells):
        return "  " + "  ".join(c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(cells))

    print()
    print(line(header))
    print("  " + "  ".join("-" * w for w in widths))
    for row in rows:
        if len(row) == 3:
            print("  " + row[0].ljust(widths[0]) + "  " + (row[1] + " units given: " if row[1] else "") + row[2])
        else:
            print(line(row))
    print()
    for r in results:
        if r["status"] != "ok":
            continue
        name = f"{r['tool']} ({r['scope']})" if r["tool"] != "regio" else "regio"
        bits = []
        if r["tool"] == "regio":
            bits.append(f"whole process, median of {len(r['secondsAll'])} (" + ", ".join(seconds_text(s) for s in r["secondsAll"]) + ")")
        else:
            bits.append(f"solve {seconds_text(r['seconds'])}; weights {seconds_text(r['weightsSeconds'])}, "
                        f"import {seconds_text(r['importSeconds'])}")
            if regio is not None and regio.get("regionalizationSeconds"):
                bits.append(f"{r['seconds'] / regio['regionalizationSeconds']:.1f}× regio's regionalization phase")
            if r["weightsDiffer"]:
                bits.append(f"its weights differ from the check graph for {r['weightsDiffer']} units")
            if r.get("reportedP") is not None and r["reportedP"] != r["p"]:
                bits.append(f"reports p = {r['reportedP']}")
        if r["nonContiguousStrict"] != r["nonContiguous"]:
            bits.append(f"{r['nonContiguousStrict']} area(s) reach islands through a link")
        if r["nonContiguous"]:
            bits.append(f"not contiguous: {', '.join(r['brokenAreas'][:8])}"
                        + (f" ({r['nonContiguous'] - r['nonContiguousLoose']} of them contiguous when units within 1 m count as neighbours)"
                           if r['nonContiguousLoose'] != r['nonContiguous'] else ""))
        bits.append(f"largest area {r['largestArea']} units; H cityblock {r['heterogeneityCityblockMeters'] / 1000:,.0f} km")
        print(f"  {name}: " + "; ".join(bits))
        for extra in r.get("sanity", []):
            print(f"    {extra}")
        if r["tool"] == "regio" and regio_mainland["unitsCovered"] != r["unitsCovered"]:
            print(f"    * regio's areas restricted to the {regio_mainland['unitsCovered']:,} mainland units (the others "
                  f"removed): p = {regio_mainland['p']}, H = {regio_mainland['heterogeneityMeters'] / 1000:,.0f} km, "
                  f"SSD = {regio_mainland['ssdSquareMeters'] / 1e6:,.0f} km²; the mainland runs' p and H ratios (*) are "
                  f"over these")


def package_versions() -> dict:
    found = {}
    for name in ("pygeoda", "spopt", "libpysal", "geopandas", "shapely", "numpy", "scipy"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found


def parse_arguments(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("--regio", default=os.path.join(ROOT, ".build", "release", "regio"), help="regio binary")
    parser.add_argument("--geodata", default=os.path.join(ROOT, "..", "shared", "geodata"), help="real data folder")
    parser.add_argument("--cases", nargs="+", choices=("municipalities", "pc4"), default=["municipalities", "pc4"])
    parser.add_argument("--repeat", type=int, default=5, help="regio runs timed (after one warm-up)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per peer run (and per regio run)")
    parser.add_argument("--students-bound", type=int, default=305, help="municipalities: technical students per area")
    parser.add_argument("--contiguity", choices=("auto", "rook", "queen", "tolerance"), default="auto",
                        help="graph for the peers and the checks; auto = rook for municipalities, tolerance for pc4")
    parser.add_argument("--pygeoda-iterations", type=int, default=99, help="maxp_greedy iterations (its default)")
    parser.add_argument("--pygeoda-threads", type=int, default=6, help="maxp_greedy cpu_threads (its default)")
    parser.add_argument("--seed", type=int, default=1, help="NumPy seed for spopt")
    parser.add_argument("--runs", nargs="+", choices=RUNS, default=list(RUNS), help="which runs to make")
    parser.add_argument("--skip-spopt-pc4", action="store_true", help="do not run spopt on the postcode areas")
    parser.add_argument("--skip-spopt", action="store_true", help="do not run spopt at all")
    parser.add_argument("--skip-hanging", action="store_true",
                        help="do not run pygeoda on all units (it never returns when islands cannot reach the bound)")
    parser.add_argument("--json", metavar="FILE", help="write every result (with the areas) to FILE")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_arguments(argv)
    if args.worker:
        return worker(args.worker)
    args.regio, args.geodata = os.path.abspath(args.regio), os.path.abspath(args.geodata)
    if not os.path.isdir(args.geodata):
        raise SystemExit(f"no geodata folder at {args.geodata} (--geodata)")
    if not os.access(args.regio, os.X_OK):
        raise SystemExit(f"no regio binary at {args.regio} (--regio; build with `swift build -c release --product regio`)")
    versions = package_versions()
    print(f"catchments_peers: regio {args.regio}; pygeoda {versions['pygeoda']}, spopt {versions['spopt']}, "
          f"libpysal {versions['libpysal']}; Python {platform.python_version()}, {os.cpu_count()} cores")
    print(f"  peers: pygeoda maxp_greedy(iterations={args.pygeoda_iterations}, scale_method='raw' (RD metres), "
          f"random_seed=123456789, cpu_threads={args.pygeoda_threads}); spopt MaxPHeuristic(top_n=2, "
          f"max_iterations_construction=99, max_iterations_sa=10, policy='single', numpy seed {args.seed}); "
          f"data = unit centroid x, y (RD metres); timeout {args.timeout:.0f} s per run")
    report = {"versions": versions, "python": platform.python_version(), "cores": os.cpu_count(),
              "arguments": {k: v for k, v in vars(args).items() if k != "worker"}, "cases": []}
    with tempfile.TemporaryDirectory(prefix="regio-peers-") as workdir:
        args.workdir = workdir
        for name in args.cases:
            start = time.perf_counter()
            case = prepare_municipalities(args) if name == "municipalities" else prepare_pc4(args)
            case.notes.append(f"inputs prepared in Python in {time.perf_counter() - start:.1f} s (no tool's time)")
            results = [run_regio(case, args.repeat, args.timeout) if "regio" in args.runs
                       else {"tool": "regio", "scope": "all units", "status": "skipped (--runs)"}]
            runs = [("pygeoda", "all units", "pygeoda-all"), ("pygeoda", "mainland", "pygeoda-mainland"),
                    ("spopt", "all units", "spopt")]
            for tool, scope, key in runs:
                if key not in args.runs:
                    results.append({"tool": tool, "scope": scope, "status": "skipped (--runs)"})
                elif tool == "pygeoda" and scope == "all units" and args.skip_hanging:
                    results.append({"tool": tool, "scope": scope, "status": "skipped (--skip-hanging)"})
                elif tool == "spopt" and (args.skip_spopt or (name == "pc4" and args.skip_spopt_pc4)):
                    results.append({"tool": tool, "scope": scope, "status": "skipped"})
                else:
                    results.append(run_peer(case, tool, scope, args))
            for r in results:
                if r["status"] == "ok":
                    evaluate(case, r)
                    if r["tool"] == "regio":
                        r["sanity"] = regio_sanity(case, r)
            print_case(case, results)
            report["cases"].append({"name": case.name, "title": case.title, "bound": case.bound, "graph": case.graph,
                                    "units": len(case.ids), "mainlandUnits": len(case.mainland), "notes": case.notes,
                                    "regioCommand": case.regio_command,
                                    "results": [{k: v for k, v in r.items() if k not in ("assignment",)}
                                                | ({"areas": area_lists(r["assignment"])} if "assignment" in r else {})
                                                for r in results]})
    print("\n  units: units in the tool's areas; <bound: areas whose attribute total is below the bound; split: areas not")
    print("  contiguous on the graph (islands attached through a link are allowed); H: sum over areas of the pairwise")
    print("  distances between unit centroids; SSD: within-area sum of squared deviations of the centroids; time: regio")
    print("  whole process, peers the solve call only; ratios are the tool's over regio's (regio faster = tool time / regio")
    print("  time; below 1× regio is slower; \"× regio's regionalization phase\" compares with the in-process phase of one")
    print("  `--timings` run instead). Ratios marked * compare a mainland-only run with regio's areas restricted to the")
    print("  mainland units.")
    if args.json:
        with open(args.json, "w") as file:
            json.dump(report, file, indent=1, ensure_ascii=False)
        print(f"  results written to {args.json}")
    return 0


def area_lists(assignment: dict[str, str]) -> list[list[str]]:
    areas: dict[str, list[str]] = {}
    for unit, label in assignment.items():
        areas.setdefault(label, []).append(unit)
    return sorted(sorted(units) for units in areas.values())


if __name__ == "__main__":
    sys.exit(main())
