"""Reads every layer of a `regio export` in both formats with geopandas/pyogrio (GDAL) and checks them.

    python check_exports.py --geojson DIR --gpkg FILE --expect '{"schools": 1619, "regions": 44, ...}'

Checks, per map layer: GDAL opens it; it has one geometry type, the one the GeoPackage declares
(gpkg_geometry_columns, as GDAL reports it), and no null or empty geometry; the feature count is the same in both
formats; the GeoJSON is in EPSG:4326 and the GeoPackage in EPSG:28992; every geometry is valid; the property
columns (the expected ones among them) and values agree between the formats; and the GeoPackage geometries,
projected to WGS 84 by pyproj, lie where the GeoJSON ones do (within 1e-4 degrees, ~10 m: the GeoJSON is rounded
to 6 decimals). Per attribute table (no geometry): the GeoPackage table and the CSV beside the GeoJSON files hold
the same rows and columns. Across layers: schools = the placed schools; regions + regions_without_territory = the
audit's regions; every finding of the audit (numbered 1..n in `finding`) is in at least one findings layer;
suggestions + suggestions_without_location = the audit's suggestions. `--expect` gives those totals.

The suggestions carry the edit and the figures after it: every suggestion names its surviving region and has its
figures; a move names its school and has the figures of the region it leaves; resolvedFindings and
introducedFindings are JSON arrays of finding objects, no error introduced, more errors and warnings resolved
than introduced. The GeoPackage's layer_styles holds a default style for regions (on technicalShare) and each
findings map layer (on severity), its QML and SLD well-formed XML naming a field of the layer. Prints one line
per layer and exits 1 on any failure, naming it.
"""
import argparse
import json
import sys
import xml.etree.ElementTree as ET

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio

# Map layers and their one geometry type; attribute tables (None).
LAYERS = {
    "schools": "Point", "regions": "MultiPolygon", "regions_without_territory": None, "catchments": "MultiPolygon",
    "findings_points": "Point", "findings_lines": "LineString", "findings_areas": "MultiPolygon",
    "findings_without_location": None, "suggestions": "LineString", "suggestions_without_location": None,
}
FINDING_COLUMNS = ["finding", "rule", "severity", "regions", "schools", "message", "value"]
FIGURES = ["SchoolCount", "CountedStudents", "TechnicalStudents", "TechnicalShare", "Techniekarm", "BudgetEUR"]
# Columns a reader (notebooks, QGIS styles) relies on.
COLUMNS = {
    "schools": ["code", "name", "town", "municipality", "municipalityName", "regions", "countedStudents"],
    "regions": ["id", "name", "schoolCount", "technicalShare", "techniekarm", "budgetEUR", "errorCount"],
    "catchments": ["id", "schoolCount", "meetsThresholds"],
    "findings_points": FINDING_COLUMNS + ["school"],
    "findings_lines": FINDING_COLUMNS, "findings_areas": FINDING_COLUMNS, "findings_without_location": FINDING_COLUMNS,
    "suggestions": ["kind", "region", "otherRegion", "school", "survivingRegion", "edit", "headline", "score"]
                   + [f"surviving{f}" for f in FIGURES] + [f"source{f}" for f in FIGURES]
                   + ["resolvedFindings", "introducedFindings"],
}
COLUMNS["regions_without_territory"] = COLUMNS["regions"]
COLUMNS["suggestions_without_location"] = COLUMNS["suggestions"]
STYLED = {"regions": "technicalShare", "findings_points": "severity", "findings_lines": "severity",
          "findings_areas": "severity"}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--geojson", required=True, help="folder with <layer>.geojson and <table>.csv files")
    parser.add_argument("--gpkg", required=True, help="GeoPackage file")
    parser.add_argument("--expect", default="{}", help="JSON object: schools, regions, findings, suggestions totals")
    args = parser.parse_args()
    expected = json.loads(args.expect)
    failures = []

    def check(condition, message):
        if not condition:
            failures.append(message)

    listed = {str(name): str(kind) for name, kind in pyogrio.list_layers(args.gpkg)}
    check(sorted(listed) == sorted(list(LAYERS) + ["layer_styles"]), f"gpkg layers {sorted(listed)}, expected {sorted(LAYERS)} and layer_styles")
    frames = {}
    for layer, kind in LAYERS.items():
        if kind is None:
            frames[layer] = check_table(layer, args, check)
        else:
            frames[layer] = check_map_layer(layer, kind, listed.get(layer), args, check)
        missing = [c for c in COLUMNS.get(layer, []) if c not in frames[layer].columns]
        check(not missing, f"{layer}: columns {missing} missing")

    count = lambda *names: sum(len(frames[n]) for n in names)
    if "schools" in expected:
        check(count("schools") == expected["schools"], f"schools: {count('schools')}, expected {expected['schools']}")
    if "regions" in expected:
        check(count("regions", "regions_without_territory") == expected["regions"],
              f"regions: {count('regions', 'regions_without_territory')} with and without territory, expected {expected['regions']}")
    if "suggestions" in expected:
        check(count("suggestions", "suggestions_without_location") == expected["suggestions"],
              f"suggestions: {count('suggestions', 'suggestions_without_location')}, expected {expected['suggestions']}")
    if "findings" in expected:
        numbers = set()
        for name in ("findings_points", "findings_lines", "findings_areas", "findings_without_location"):
            numbers |= set(int(n) for n in frames[name]["finding"])
        check(numbers == set(range(1, expected["findings"] + 1)),
              f"findings: numbers {len(numbers)} distinct, expected every one of 1..{expected['findings']}")
    for layer in ("suggestions", "suggestions_without_location"):
        for problem in check_suggestions(frames[layer]):
            check(False, f"{layer}: {problem}")
    for problem in check_styles(args.gpkg, frames):
        check(False, f"layer_styles: {problem}")

    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    return 1 if failures else 0


def check_map_layer(layer, kind, declared, args, check):
    gj = gpd.read_file(f"{args.geojson}/{layer}.geojson")
    gp = gpd.read_file(args.gpkg, layer=layer)
    info = pyogrio.read_info(args.gpkg, layer=layer)
    check(declared == kind, f"{layer}: the GeoPackage declares {declared}, expected {kind}")
    check(gj.crs is not None and gj.crs.to_epsg() == 4326, f"{layer}.geojson CRS {gj.crs}, expected EPSG:4326")
    check(gp.crs is not None and gp.crs.to_epsg() == 28992, f"{layer} gpkg CRS {gp.crs}, expected EPSG:28992")
    check(len(gj) == len(gp), f"{layer}: {len(gj)} GeoJSON features but {len(gp)} in the GeoPackage")
    check(info["capabilities"]["fast_spatial_filter"], f"{layer}: GDAL sees no spatial index")
    check(list(gj.columns) == list(gp.columns), f"{layer}: columns differ {list(gj.columns)} vs {list(gp.columns)}")
    for frame, name in ((gj, "geojson"), (gp, "gpkg")):
        nulls = int(frame.geometry.isna().sum() + frame.geometry.is_empty.sum())
        check(nulls == 0, f"{layer} ({name}): {nulls} null or empty geometries")
        types = sorted(set(frame.geometry.dropna().geom_type))
        check(types in ([kind], []), f"{layer} ({name}): geometry types {types}, expected only {kind}")
        invalid = int((~frame.geometry.dropna().is_valid).sum())
        check(invalid == 0, f"{layer} ({name}): {invalid} invalid geometries")
    key = gj.columns[0]
    check(list(gj[key].astype(str)) == list(gp[key].astype(str)), f"{layer}: column {key} differs between formats")
    if len(gp) and len(gp) == len(gj):
        projected = gp.to_crs(4326).geometry
        # Bounds compare every kind of geometry; for points they are the coordinates.
        gap = float(np.abs(projected.bounds.values - gj.geometry.bounds.values).max())
        check(gap < 1e-4, f"{layer}: GeoPackage and GeoJSON geometries are {gap:.2e} degrees apart")
    print(f"{layer}: {len(gj)} {kind} features, geojson EPSG:{gj.crs.to_epsg()}, gpkg EPSG:{gp.crs.to_epsg()}")
    return pd.DataFrame(gp.drop(columns="geometry"))


def check_table(layer, args, check):
    """An attribute table: the GeoPackage table (no geometry) and the CSV beside the GeoJSON files."""
    gp = pyogrio.read_dataframe(args.gpkg, layer=layer, read_geometry=False)
    info = pyogrio.read_info(args.gpkg, layer=layer)
    check(info["geometry_type"] is None, f"{layer}: an attribute table, but GDAL sees geometry {info['geometry_type']}")
    csv = pd.read_csv(f"{args.geojson}/{layer}.csv", keep_default_na=False, na_values=[""])
    check(list(csv.columns) == list(gp.columns), f"{layer}: columns differ {list(csv.columns)} (csv) vs {list(gp.columns)}")
    check(len(csv) == len(gp), f"{layer}: {len(csv)} CSV rows but {len(gp)} in the GeoPackage")
    if len(gp) and len(csv) == len(gp):
        key = gp.columns[0]
        check(list(csv[key].astype(str)) == list(gp[key].astype(str)), f"{layer}: column {key} differs between formats")
    print(f"{layer}: {len(gp)} rows without geometry (gpkg attributes, {layer}.csv)")
    return pd.DataFrame(gp)


FINDING_FIELDS = {"rule", "severity", "regions", "schools", "message"}


def check_suggestions(frame):
    """The problems of a suggestions layer: the edit and the figures after it, and the finding lists (shape,
    and the listing rule: no error introduced, more errors and warnings resolved than introduced)."""
    problems = []
    for _, row in frame.iterrows():
        name = row["headline"]
        edit = json.loads(row["edit"])
        if row["kind"] == "merge":
            if edit.get("into") != row["survivingRegion"] or sorted(edit.get("merge", [])) != sorted([row["region"], row["otherRegion"]]):
                problems.append(f"{name}: edit {edit} does not merge {row['region']} and {row['otherRegion']} into {row['survivingRegion']}")
        elif edit != {"move": row["school"], "to": row["otherRegion"]} or row["otherRegion"] != row["survivingRegion"]:
            problems.append(f"{name}: edit {edit} is not the move of {row['school']} to {row['survivingRegion']}")
        if pd.isna(row["survivingSchoolCount"]) or pd.isna(row["survivingTechnicalStudents"]):
            problems.append(f"{name}: no figures for the surviving region")
        if row["kind"] == "move" and pd.isna(row["sourceSchoolCount"]):
            problems.append(f"{name}: a move without the figures of the region the school leaves")
        if row["kind"] == "merge" and not pd.isna(row["sourceSchoolCount"]):
            problems.append(f"{name}: a merge with figures for a region that is gone")
        lists = {}
        for column in ("resolvedFindings", "introducedFindings"):
            try:
                findings = json.loads(row[column])
            except (TypeError, ValueError) as error:
                problems.append(f"{name}: {column} is not JSON ({error})")
                findings = []
            for f in findings:
                if not isinstance(f, dict) or not FINDING_FIELDS <= f.keys() or f["severity"] not in ("error", "warning", "info"):
                    problems.append(f"{name}: {column} holds {f!r}, expected a finding object")
            lists[column] = [f for f in findings if isinstance(f, dict)]
        severe = lambda fs: sum(1 for f in fs if f.get("severity") in ("error", "warning"))
        if any(f.get("severity") == "error" for f in lists["introducedFindings"]):
            problems.append(f"{name}: introduces an error")
        if severe(lists["resolvedFindings"]) <= severe(lists["introducedFindings"]):
            problems.append(f"{name}: resolves {severe(lists['resolvedFindings'])} errors and warnings, "
                            f"introduces {severe(lists['introducedFindings'])}")
    return problems


def check_styles(gpkg, frames):
    """The problems of the layer_styles table: one default style per styled layer, QML and SLD well-formed XML
    whose renderer reads a field of the layer."""
    problems = []
    styles = pyogrio.read_dataframe(gpkg, layer="layer_styles", read_geometry=False)
    for column in ("f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName", "styleQML",
                   "styleSLD", "useAsDefault", "description", "owner", "ui", "update_time"):
        if column not in styles.columns:
            problems.append(f"column {column} missing")
    for layer, field in STYLED.items():
        rows = styles[(styles["f_table_name"] == layer) & (styles["useAsDefault"].astype(bool))]
        if len(rows) != 1:
            problems.append(f"{layer}: {len(rows)} default styles, expected 1")
            continue
        row = rows.iloc[0]
        if row["f_geometry_column"] != "geom":
            problems.append(f"{layer}: f_geometry_column {row['f_geometry_column']!r}")
        try:
            renderer = ET.fromstring(row["styleQML"].split("\n", 1)[1]).find("renderer-v2")
            ET.fromstring(row["styleSLD"].encode("utf-8"))
        except (ET.ParseError, IndexError) as error:
            problems.append(f"{layer}: style is not well-formed XML ({error})")
            continue
        if renderer is None or renderer.get("attr") != field or field not in frames[layer].columns:
            problems.append(f"{layer}: the QML renderer reads {None if renderer is None else renderer.get('attr')!r}, expected {field}")
    return problems


if __name__ == "__main__":
    sys.exit(main())
