"""Reads every layer of a `regio export` in both formats with geopandas/pyogrio (GDAL) and checks them.

    python check_exports.py --geojson DIR --gpkg FILE --expect '{"schools": 1619, "regions": 44, ...}'

Checks, per layer: GDAL opens it; the feature count is the expected one (when given) and the same in both
formats; the GeoJSON is in EPSG:4326 and the GeoPackage in EPSG:28992; every geometry is valid; the property
columns and values agree between the formats; and the GeoPackage geometries, projected to WGS 84 by pyproj,
lie where the GeoJSON ones do (within 1e-4 degrees, ~10 m: the GeoJSON is rounded to 6 decimals). In the
suggestions layer, resolvedFindings and introducedFindings are JSON arrays of finding objects (rule, severity,
regions, schools, message), and every suggestion introduces no error and resolves more errors and warnings
than it introduces. Prints one line per layer and exits 1 on any failure, naming it.
"""
import argparse
import json
import sys

import geopandas as gpd
import numpy as np
import pyogrio

LAYERS = ["schools", "regions", "catchments", "findings", "suggestions"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--geojson", required=True, help="folder with <layer>.geojson files")
    parser.add_argument("--gpkg", required=True, help="GeoPackage file")
    parser.add_argument("--expect", default="{}", help="JSON object: layer -> expected feature count")
    args = parser.parse_args()
    expected = json.loads(args.expect)
    failures = []

    def check(condition, message):
        if not condition:
            failures.append(message)

    listed = [str(name) for name, _ in pyogrio.list_layers(args.gpkg)]
    check(sorted(listed) == sorted(LAYERS), f"gpkg layers {listed}, expected {LAYERS}")
    for layer in LAYERS:
        gj = gpd.read_file(f"{args.geojson}/{layer}.geojson")
        gp = gpd.read_file(args.gpkg, layer=layer)
        info = pyogrio.read_info(args.gpkg, layer=layer)
        check(gj.crs is not None and gj.crs.to_epsg() == 4326, f"{layer}.geojson CRS {gj.crs}, expected EPSG:4326")
        check(gp.crs is not None and gp.crs.to_epsg() == 28992, f"{layer} gpkg CRS {gp.crs}, expected EPSG:28992")
        check(len(gj) == len(gp), f"{layer}: {len(gj)} GeoJSON features but {len(gp)} in the GeoPackage")
        if layer in expected:
            check(len(gj) == expected[layer], f"{layer}: {len(gj)} features, expected {expected[layer]}")
        check(info["capabilities"]["fast_spatial_filter"], f"{layer}: GDAL sees no spatial index")
        check(list(gj.columns) == list(gp.columns), f"{layer}: columns differ {list(gj.columns)} vs {list(gp.columns)}")
        for frame, name in ((gj, "geojson"), (gp, "gpkg")):
            present = frame.geometry.notna()
            invalid = int((~frame.geometry[present].is_valid).sum())
            check(invalid == 0, f"{layer} ({name}): {invalid} invalid geometries")
        check(list(gj.geometry.isna()) == list(gp.geometry.isna()), f"{layer}: null geometries differ between formats")
        key = gj.columns[0]
        check(list(gj[key].astype(str)) == list(gp[key].astype(str)), f"{layer}: column {key} differs between formats")
        located = gp.geometry.notna() & gj.geometry.notna()
        if located.any():
            projected = gp[located].to_crs(4326).geometry
            # Bounds compare every kind of geometry; for points they are the coordinates.
            gap = float(np.abs(projected.bounds.values - gj[located].geometry.bounds.values).max())
            check(gap < 1e-4, f"{layer}: GeoPackage and GeoJSON geometries are {gap:.2e} degrees apart")
        if layer == "suggestions":
            for problem in check_suggestions(gj):
                check(False, f"suggestions: {problem}")
        print(f"{layer}: {len(gj)} features ({int(located.sum())} with geometry), geojson EPSG:{gj.crs.to_epsg()}, "
              f"gpkg EPSG:{gp.crs.to_epsg()}")
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    return 1 if failures else 0


FINDING_FIELDS = {"rule", "severity", "regions", "schools", "message"}


def check_suggestions(frame):
    """The problems of the suggestions layer's finding lists: shape, and the listing rule (no error
    introduced, more errors and warnings resolved than introduced)."""
    problems = []
    for _, row in frame.iterrows():
        lists = {}
        for column in ("resolvedFindings", "introducedFindings"):
            try:
                findings = json.loads(row[column])
            except (TypeError, ValueError) as error:
                problems.append(f"{row['headline']}: {column} is not JSON ({error})")
                findings = []
            for f in findings:
                if not isinstance(f, dict) or not FINDING_FIELDS <= f.keys() or f["severity"] not in ("error", "warning", "info"):
                    problems.append(f"{row['headline']}: {column} holds {f!r}, expected a finding object")
            lists[column] = [f for f in findings if isinstance(f, dict)]
        severe = lambda fs: sum(1 for f in fs if f.get("severity") in ("error", "warning"))
        if any(f.get("severity") == "error" for f in lists["introducedFindings"]):
            problems.append(f"{row['headline']}: introduces an error")
        if severe(lists["resolvedFindings"]) <= severe(lists["introducedFindings"]):
            problems.append(f"{row['headline']}: resolves {severe(lists['resolvedFindings'])} errors and warnings, "
                            f"introduces {severe(lists['introducedFindings'])}")
    return problems


if __name__ == "__main__":
    sys.exit(main())
