#!/usr/bin/env python3
"""Checks that every field name the Python side reads from regio's outputs is one the published schemas name.

    python check_schema_fields.py --export build/layers [--also more.py ...]

Reads the Python of the oracle (Tests/oracle/*.py) and of the notebooks (notebooks/*.ipynb code cells) with
`ast` and collects the names they read by subscript (`x["name"]`, `x[["a", "b"]]`) or `.get("name")`; names
only assigned (`table["name"] = ...`) are the script's own. A name read must be one of:

- a member named by docs/schema/*.schema.json or by docs/openapi.yaml (the team server's API) (a `properties`
  key or a `propertyNames` value);
- a property of a layer of `regio export --format geojson`, or a column of its CSV tables (the folder given
  with --export; the layers are defined with their fields in Sources/RegioReports/Export and read by the
  notebooks);
- a name of another vocabulary, listed below with where it comes from (inputs, GeoJSON, Chromium's DevTools
  protocol, GDAL, the scripts' own reports).

Prints each name read that is none of these, with the files that read it, and exits 1 when there is one;
prints "0 unknown names (N names read in M files)" and exits 0 otherwise.
"""
import argparse
import ast
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]

# Names that are not regio output members, by where they come from.
OTHER_VOCABULARIES = {
    "input files (domain.md, README Input formats)": {
        "brin6", "regio_id", "regio_naam", "rol", "lat", "lon", "rd_x", "rd_y", "statcode", "statnaam", "postcode",
        "latitude", "longitude", "pc4", "inwoners", "VESTIGINGSNUMMER", "INSTELLINGSCODE", "PLAATSNAAM",
    },
    "GeoJSON (RFC 7946) and GeoPackage/GDAL metadata": {
        "type", "features", "geometry", "properties", "coordinates", "crs", "structure", "capabilities",
        "fast_spatial_filter", "geometry_type",
    },
    "QGIS's layer_styles table and QML (check_exports.py)": {
        "f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName", "styleQML", "styleSLD",
        "useAsDefault", "owner", "ui", "update_time", "attr",
    },
    "Chromium's DevTools protocol (check_map.py, check_serve.py, cdp_contexts.py, check_team_browser.py)": {
        "id", "method", "params", "result", "exceptionDetails", "exception", "entry", "webSocketDebuggerUrl", "url",
        "request", "args", "level", "description", "text", "value", "data", "response", "headers", "error",
        "browserContextId", "targetId", "cookies", "httpOnly", "sameSite", "body",
    },
    "HTTP headers and cookie attributes (RFC 9110, RFC 6265; check_team_proxy.py)": {
        "Location", "Set-Cookie", "httponly", "samesite", "secure",
    },
    "the scripts' own records (regio_inputs.py's frames, audit_oracle.py's students, check_serve.py's report, the "
    "notebooks' tables)": {
        "counted", "technical", "figures", "x", "y", "share", "budget", "corop", "has_vbo", "vmbo_upper",
        "resolvedErrors", "resolvedWarnings", "introducedErrors", "introducedWarnings",
    },
}


def schema_names():
    """Every member name of the schemas: `properties` keys and `propertyNames` enumerations."""
    names = set()

    def walk(node):
        if isinstance(node, dict):
            names.update(node.get("properties", {}).keys())
            names.update(node.get("propertyNames", {}).get("enum", []))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted((ROOT / "docs" / "schema").glob("*.schema.json")):
        walk(json.loads(path.read_text(encoding="utf-8")))
    import yaml  # PyYAML, in the test venv (Tests/oracle/requirements.txt)
    walk(yaml.safe_load((ROOT / "docs" / "openapi.yaml").read_text(encoding="utf-8")))
    return names


def export_names(folder):
    """The property names of the GeoJSON layers `regio export --format geojson` wrote to `folder`, and the column
    names of its CSV tables (the layers without geometry)."""
    names = set()
    for path in sorted(pathlib.Path(folder).glob("*.geojson")):
        layer = json.loads(path.read_text(encoding="utf-8"))
        for feature in layer.get("features", []):
            names.update((feature.get("properties") or {}).keys())
    for path in sorted(pathlib.Path(folder).glob("*.csv")):
        header = path.read_text(encoding="utf-8").split("\n", 1)[0]
        names.update(header.split(","))
    return names


# The scripts that read the schemas themselves (JSON Schema's and OpenAPI's vocabulary), not regio's outputs.
SCHEMA_TOOLS = {"validate_schema.py", "check_schema_fields.py", "check_openapi.py"}


def sources(also):
    """(name, Python source) of the oracle scripts, of the notebooks' code cells and of the files `also`."""
    for path in also:
        yield path, pathlib.Path(path).read_text(encoding="utf-8")
    for path in sorted((ROOT / "Tests" / "oracle").glob("*.py")):
        if path.name in SCHEMA_TOOLS:
            continue
        yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for i, cell in enumerate(notebook.get("cells", [])):
            if cell.get("cell_type") == "code":
                yield "%s cell %d" % (path.relative_to(ROOT).as_posix(), i), "".join(cell.get("source", []))


def names_read(source):
    """The string names `source` reads by subscript or `.get` (not of `os.environ`), and those it assigns
    (`x["name"] = ...`, `frame.assign(name=...)`)."""
    read, assigned = set(), set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "assign":
            assigned.update(k.arg for k in node.keywords if k.arg)
        if isinstance(node, ast.Subscript):
            keys = node.slice.elts if isinstance(node.slice, ast.List) else [node.slice]
            strings = {k.value for k in keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}
            (assigned if isinstance(node.ctx, ast.Store) else read).update(strings)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get"
              and not (isinstance(node.func.value, ast.Attribute) and node.func.value.attr == "environ")
              and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            read.add(node.args[0].value)
    return read, assigned


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--export", required=True, help="a folder written by regio export --format geojson")
    parser.add_argument("--also", nargs="*", default=[], help="more Python files to check")
    args = parser.parse_args()
    known = schema_names() | export_names(args.export) | set().union(*OTHER_VOCABULARIES.values())
    readers, assigned = {}, set()
    count = 0
    for name, source in sources(args.also):
        count += 1
        try:
            read, own = names_read(source)
        except SyntaxError as error:
            print("FAIL %s does not parse: %s" % (name, error))
            return 1
        assigned |= own
        for field in read:
            readers.setdefault(field, []).append(name)
    unknown = sorted(f for f in readers if f not in known and f not in assigned)
    for field in unknown:
        print("FAIL %r is read by %s but named by no schema, export layer or other vocabulary"
              % (field, ", ".join(sorted(set(readers[field])))))
    print("%d unknown names (%d names read in %d files)" % (len(unknown), len(readers), count))
    return 1 if unknown else 0


if __name__ == "__main__":
    sys.exit(main())
