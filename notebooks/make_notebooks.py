"""Writes the notebooks of this folder (01_…, 02_…, 03_….ipynb) as nbformat 4.5 JSON.

The notebooks are generated so that their shared set-up stays identical and diffs stay small; edit this file,
then run `python notebooks/make_notebooks.py` (any Python 3, no packages needed). Their outputs are not
stored: run them in Jupyter, or headless with `.venv/bin/python Tests/oracle/run_notebooks.py`.
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent

SETUP = '''\
# Set-up shared by every notebook: find the project, the regio binary and the data, then export the audit.
# REGIO_DATA=demo (default) uses geodata/demo; REGIO_DATA=real uses ../shared/geodata with the real
# pre-registration of Tests/oracle/real. REGIO_BIN overrides the binary (default: .build/debug/regio, then
# .build/release/regio; build with `swift build`). Figures go to REGIO_NOTEBOOK_OUTPUT (default notebooks/output).
import os
import pathlib
import subprocess
import tempfile

import geopandas as gpd
import matplotlib
import matplotlib.pyplot as plt
import pandas as pd

NOTEBOOKS = pathlib.Path.cwd()
if not (NOTEBOOKS / "make_notebooks.py").exists():  # started from the project root
    NOTEBOOKS = NOTEBOOKS / "notebooks"
ROOT = NOTEBOOKS.parent
REGIO_DATA = os.environ.get("REGIO_DATA", "demo")
OUTPUT = pathlib.Path(os.environ.get("REGIO_NOTEBOOK_OUTPUT", NOTEBOOKS / "output"))
OUTPUT.mkdir(parents=True, exist_ok=True)


def regio_binary() -> pathlib.Path:
    candidates = [os.environ.get("REGIO_BIN")] if os.environ.get("REGIO_BIN") else []
    candidates += [ROOT / ".build/debug/regio", ROOT / ".build/release/regio"]
    for candidate in candidates:
        if pathlib.Path(candidate).is_file():
            return pathlib.Path(candidate)
    raise FileNotFoundError(f"no regio binary in {[str(c) for c in candidates]}: run `swift build` in {ROOT}")


def regio_inputs() -> list:
    if REGIO_DATA == "demo":
        return []  # regio uses geodata/demo when given no inputs
    if REGIO_DATA != "real":
        raise ValueError(f"REGIO_DATA={REGIO_DATA!r}: expected demo or real")
    geodata = (ROOT / "../shared/geodata").resolve()
    if not geodata.is_dir():
        raise FileNotFoundError(f"REGIO_DATA=real needs {geodata}")
    return ["--schools", str(geodata / "duo_vestigingen_vo_2020-12_geocoded.csv"),
            "--students", str(geodata / "duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv"),
            "--municipalities", str(geodata / "gemeenten_2020_wgs84.geojson"),
            "--registrations", str(ROOT / "Tests/oracle/real/registration.csv")]


def regio_export(fmt: str) -> pathlib.Path:
    """Runs `regio export --format fmt` into a fresh temporary folder; returns the folder or the .gpkg file."""
    target = pathlib.Path(tempfile.mkdtemp(prefix="regio-notebook-")) / ("regio.gpkg" if fmt == "gpkg" else "layers")
    run = subprocess.run([str(regio_binary()), "export", "--format", fmt, "--output", str(target), *regio_inputs()],
                         cwd=ROOT, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"regio export failed ({run.returncode}): {run.stderr.strip()}")
    print(run.stdout.strip())
    return target


print(f"data: {REGIO_DATA}; regio: {regio_binary()}; figures to {OUTPUT}")'''


def cell(kind, source, index, name):
    lines = source.strip("\n").split("\n")
    cell = {"cell_type": kind, "id": f"{name[:2]}-{index:02d}", "metadata": {},
            "source": [line + "\n" for line in lines[:-1]] + [lines[-1]]}
    if kind == "code":
        cell["execution_count"] = None
        cell["outputs"] = []
    return cell


def notebook(name, cells):
    nb = {
        "cells": [cell(kind, source, i, name) for i, (kind, source) in enumerate(cells)],
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (HERE / f"{name}.ipynb").write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


notebook("01_regions_choropleth", [
    ("markdown", """\
# Technical share per region

A choropleth of each pre-registered region's **technical share** (year 3–4 pupils in BB, KB and GL in the five
technical profiles, over all counted pupils), on the region territories of `regio export --format gpkg`
(EPSG:28992). Regions below the techniekarm threshold are outlined in red; the catchment areas are drawn
underneath. The figure is saved as a PNG."""),
    ("code", SETUP),
    ("code", """\
gpkg = regio_export("gpkg")
regions = gpd.read_file(gpkg, layer="regions", engine="pyogrio")
catchments = gpd.read_file(gpkg, layer="catchments", engine="pyogrio")
schools = gpd.read_file(gpkg, layer="schools", engine="pyogrio")
assert regions.crs.to_epsg() == 28992 and len(regions) > 0
print(f"{len(regions)} regions, {regions.geometry.notna().sum()} with a territory; "
      f"{len(catchments)} catchment areas; {len(schools)} schools")"""),
    ("code", """\
fig, ax = plt.subplots(figsize=(8, 9))
catchments.boundary.plot(ax=ax, color="#b0b0b0", linewidth=0.5)
located = regions[regions.geometry.notna()]
located.plot(ax=ax, column="technicalShare", cmap="viridis", alpha=0.85, edgecolor="white", linewidth=0.4,
             legend=True, legend_kwds={"label": "technical share (0–1)", "shrink": 0.6},
             missing_kwds={"color": "#dddddd", "hatch": "///", "label": "no counted pupils"})
poor = located[located["techniekarm"]]
if len(poor):
    poor.boundary.plot(ax=ax, color="#d62728", linewidth=1.4)
members = schools[schools["regionCount"] > 0]
members.plot(ax=ax, color="black", markersize=3)
ax.set_title(f"Technical share per region ({REGIO_DATA} data; techniekarm outlined red)")
ax.set_axis_off()
png = OUTPUT / "01_regions_choropleth.png"
fig.savefig(png, dpi=150, bbox_inches="tight")
assert png.stat().st_size > 10_000
print(f"saved {png}")"""),
    ("code", """\
# The regions with the lowest technical share.
table = pd.DataFrame(regions.drop(columns="geometry"))[
    ["id", "name", "schoolCount", "countedStudents", "technicalStudents", "technicalShare", "techniekarm", "budgetEUR"]]
table.sort_values("technicalShare").head(10)"""),
])

notebook("02_close_pairs_and_overlaps", [
    ("markdown", """\
# Close-by pairs and overlapping territories

The `split-close-schools` findings (two schools within the close-by distance in different regions) as lines
between the two schools, and the `overlapping-regions` findings as the overlap polygons of the two territories,
read from the GeoJSON layers of `regio export --format geojson` (WGS 84, projected to EPSG:28992 for the map)."""),
    ("code", SETUP),
    ("code", """\
layers = regio_export("geojson")
# One geometry type per layer: close-by pairs are lines, overlaps multi-polygons (findings about single schools
# are in findings_points.geojson, region-wide ones in findings_without_location.csv).
pairs = gpd.read_file(layers / "findings_lines.geojson").to_crs(28992)
overlaps = gpd.read_file(layers / "findings_areas.geojson").to_crs(28992)
regions = gpd.read_file(layers / "regions.geojson").to_crs(28992)
schools = gpd.read_file(layers / "schools.geojson").to_crs(28992)
assert (pairs["rule"] == "split-close-schools").all() and (pairs.geometry.geom_type == "LineString").all()
assert (overlaps["rule"] == "overlapping-regions").all() and (overlaps.geometry.geom_type == "MultiPolygon").all()
print(f"{len(pairs)} close-by pairs, {len(overlaps)} overlaps")"""),
    ("code", """\
fig, ax = plt.subplots(figsize=(8, 9))
regions.boundary.plot(ax=ax, color="#8c8c8c", linewidth=0.5)
if len(overlaps):
    overlaps.plot(ax=ax, color="#ff7f0e", alpha=0.6, edgecolor="#b35806", linewidth=0.6)
if len(pairs):
    pairs.plot(ax=ax, color="#d62728", linewidth=1.6)
    involved = set(",".join(pairs["schools"]).split(","))
    schools[schools["code"].isin(involved)].plot(ax=ax, color="black", markersize=6)
ax.set_title(f"Close-by schools in different regions (red) and overlaps (orange), {REGIO_DATA} data")
ax.set_axis_off()
png = OUTPUT / "02_close_pairs_and_overlaps.png"
fig.savefig(png, dpi=150, bbox_inches="tight")
print(f"saved {png}")"""),
    ("code", """\
# Close-by pairs, nearest first (value = distance in metres, EPSG:28992).
pd.DataFrame(pairs.drop(columns="geometry")).assign(distance_km=lambda t: (t["value"] / 1000).round(2))[
    ["regions", "schools", "distance_km"]].sort_values("distance_km").head(15)"""),
    ("code", """\
# Overlaps, largest first (value = overlap in km²; the polygon's own area agrees).
table = pd.DataFrame(overlaps.drop(columns="geometry")).assign(area_km2=(overlaps.geometry.area / 1e6).round(2).values)
assert ((table["area_km2"] - table["value"]).abs() < 0.01).all()
table[["regions", "value", "area_km2"]].sort_values("value", ascending=False)"""),
])

notebook("03_suggestions", [
    ("markdown", """\
# Suggestions

The merge and move suggestions of the audit as a table, with the edit each one makes and the figures it leads to,
as the audit computes them: `surviving…` for the region that remains (a merge) or receives the school (a move),
`source…` for the region a moved school leaves. Every suggestion introduces no error and resolves more errors and
warnings than it introduces; `resolvedFindings` and `introducedFindings` hold the findings themselves (JSON, as in
the audit), and the score's terms are named in `reason` (README, Methods)."""),
    ("code", SETUP),
    ("code", """\
import json

import pyogrio

gpkg = regio_export("gpkg")
drawn = gpd.read_file(gpkg, layer="suggestions", engine="pyogrio")
# Suggestions that cannot be drawn (a region without territory) are an attribute table with the same columns.
apart = pyogrio.read_dataframe(gpkg, layer="suggestions_without_location", read_geometry=False)
drawn["lineKm"] = (drawn.geometry.length / 1000).round(1)
suggestions = pd.concat([pd.DataFrame(drawn.drop(columns="geometry")), apart], ignore_index=True)
regions = pd.DataFrame(gpd.read_file(gpkg, layer="regions", engine="pyogrio").drop(columns="geometry"))
regions = pd.concat([regions, pyogrio.read_dataframe(gpkg, layer="regions_without_territory", read_geometry=False)]).set_index("id")
print(f"{len(suggestions)} suggestions: {suggestions['kind'].value_counts().to_dict()}")"""),
    ("code", """\
table = suggestions.copy()
# The findings each suggestion resolves and introduces, counted by severity.
for column, short in (("resolvedFindings", "resolved"), ("introducedFindings", "introduced")):
    findings = table[column].map(json.loads)
    for severity in ("error", "warning"):
        table[f"{short}{severity.capitalize()}s"] = findings.map(lambda fs: sum(f["severity"] == severity for f in fs))
assert (table["introducedErrors"] == 0).all()
assert (table["resolvedErrors"] + table["resolvedWarnings"] > table["introducedErrors"] + table["introducedWarnings"]).all()
# The edit, as a scenario file holds it: a move names its school and the receiving region.
edits = table["edit"].map(json.loads)
moves = table["kind"] == "move"
assert (edits[moves].map(lambda e: e["to"]) == table.loc[moves, "survivingRegion"]).all()
assert (edits[~moves].map(lambda e: e["into"]) == table.loc[~moves, "survivingRegion"]).all()
# The figures after a move: the receiving region gains the school, the region it leaves keeps the rest; the two
# regions are never added together.
before = lambda ids: ids.map(regions["schoolCount"])
assert (table.loc[moves, "survivingSchoolCount"] == before(table.loc[moves, "otherRegion"]) + 1).all()
assert (table.loc[moves, "sourceSchoolCount"] == before(table.loc[moves, "region"]) - 1).all()
assert table.loc[~moves, "sourceSchoolCount"].isna().all()
table = table.sort_values("score", ascending=False)
table.to_csv(OUTPUT / "03_suggestions.csv", index=False)
table[["headline", "survivingRegion", "score", "resolvedErrors", "resolvedWarnings", "introducedWarnings",
       "survivingSchoolCount", "survivingTechnicalStudents", "survivingTechnicalShare", "survivingBudgetEUR",
       "sourceSchoolCount", "sourceTechnicalStudents", "lineKm"]]"""),
    ("code", """\
# Per flagged region: how many suggestions, and the best score.
table.groupby("region").agg(suggestions=("score", "size"), best=("score", "max")).sort_values("best", ascending=False)"""),
])
