#!/usr/bin/env python3
"""Validates JSON documents against regio's published JSON Schemas (docs/schema/*.schema.json, draft 2020-12).

    python validate_schema.py audit.schema.json build/audit.json
    python validate_schema.py 'audit.schema.json#/$defs/findings' findings.json
    python validate_schema.py serve-state.schema.json#/\$defs/mapData map.html --embedded regio-map-data
    python validate_schema.py serve-state.schema.json --serve http://127.0.0.1:8080/

A schema is named by its file name in docs/schema, optionally with a JSON pointer to one of its definitions.
A document is a file or `-` (standard input); with --embedded ID it is the JSON inside
`<script type="application/json" id="ID">` of an HTML page. With --serve URL, the documents are the answers of
a running `regio serve` (SCHEMA is then serve-state.schema.json): the page's embedded background, GET
/api/state, a move of a school to another region, an undo, a redo, saving the scenario, the list, loading it
(so that the edit and redo lists and the scenario name are not empty), a portrait and a refused edit, each
checked against the state or its $defs member; with --save DIR the states are written there (state-1.json,
…), with the saved scenario's file.

Prints one line per document ("ok NAME" or "FAIL NAME: where: what", at most 20 errors each). Exit code 0
when every document is valid, 1 when one is not, 2 when the schemas themselves are not valid.
"""
import argparse
import html
import json
import pathlib
import re
import sys
import urllib.error
import urllib.request

import jsonschema
import referencing

SCHEMA_DIR = pathlib.Path(__file__).resolve().parents[2] / "docs" / "schema"


def registry():
    """Every schema of docs/schema under its `$id`, so that references between the files resolve."""
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(contents)
        resources.append((contents["$id"], referencing.Resource.from_contents(contents)))
    return referencing.Registry().with_resources(resources)


def validator(name, schemas):
    """A validator for `name`: a schema file name with an optional `#/json/pointer`."""
    file, _, pointer = name.partition("#")
    base = json.loads((SCHEMA_DIR / file).read_text(encoding="utf-8"))["$id"]
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": base + ("#" + pointer if pointer else "")}
    return jsonschema.Draft202012Validator(schema, registry=schemas, format_checker=jsonschema.FormatChecker())


def embedded(text, script_id):
    """The JSON text inside `<script type="application/json" id="script_id">` of an HTML page."""
    match = re.search(r'<script type="application/json" id="%s">(.*?)</script>' % re.escape(script_id), text, re.S)
    if not match:
        raise ValueError("no <script type=\"application/json\" id=\"%s\">" % script_id)
    return match.group(1)


def check(check_validator, name, document):
    """Prints whether `document` is valid; returns whether it is."""
    errors = sorted(check_validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    if not errors:
        print("ok", name)
        return True
    for error in errors[:20]:
        where = "/" + "/".join(str(p) for p in error.absolute_path)
        print("FAIL %s: %s: %s" % (name, where, error.message[:300]))
    if len(errors) > 20:
        print("FAIL %s: … %d more errors" % (name, len(errors) - 20))
    return False


def serve_answers(url, save):
    """(name, definition, answer) of a session with the running `regio serve` at `url`: the page's embedded
    background, GET /api/state, a move of a school to another region, an undo, a redo, saving the scenario,
    the list of saved scenarios, loading it, a region's portrait and a refused edit. `definition` is the
    `$defs` member of serve-state.schema.json the answer has, or None for the state itself. With `save` (a
    folder), writes each state answer there (state-1.json, …) and the saved scenario's file (scenario-file.json)."""
    base = url.rstrip("/")

    def call(method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json", "Origin": base})
        try:
            with urllib.request.urlopen(request, timeout=300) as answer:
                return answer.read()
        except urllib.error.HTTPError as refusal:
            return refusal.read()

    states = []

    def state(name, method, path, body=None):
        text = call(method, path, body)
        states.append(text)
        if save:
            (pathlib.Path(save) / ("state-%d.json" % len(states))).write_bytes(text)
        return name, None, json.loads(text)

    yield "GET / (regio-background)", "background", json.loads(embedded(call("GET", "/").decode(), "regio-background"))
    name, _, first = state("GET /api/state", "GET", "/api/state")
    yield name, None, first
    sizes = {r["figures"]["id"]: len(r["figures"]["schools"]) for r in first["regions"]}
    school = next(s for s in first["map"]["schools"] if len(s["regions"]) == 1 and sizes.get(s["regions"][0], 0) >= 2)
    target = next(r for r in sizes if r != school["regions"][0])
    yield state("POST /api/edits (move)", "POST", "/api/edits", {"move": school["code"], "to": target})
    yield state("POST /api/undo", "POST", "/api/undo", {})
    yield state("POST /api/redo", "POST", "/api/redo", {})
    saved = json.loads(call("POST", "/api/scenarios", {"name": "Schema check: move %s" % school["code"]}))
    yield "POST /api/scenarios", "savedScenario", saved
    yield "GET /api/scenarios", "scenarioList", json.loads(call("GET", "/api/scenarios"))
    yield state("POST /api/scenarios/{id}/load", "POST", "/api/scenarios/%s/load" % saved["id"], {})
    yield "GET /api/regions/{id}/portrait", "portrait", json.loads(call("GET", "/api/regions/%s/portrait" % target))
    yield "POST /api/edits (refused)", "apiError", json.loads(call("POST", "/api/edits", {"move": school["code"]}))
    if save:
        (pathlib.Path(save) / "scenario-file.json").write_bytes(call("GET", "/api/scenarios/%s/file" % saved["id"]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("schema", help="a file name in docs/schema, optionally with #/$defs/NAME")
    parser.add_argument("documents", nargs="*", help="JSON files, or - for standard input")
    parser.add_argument("--embedded", metavar="ID", help="read the JSON inside <script id=ID> of HTML documents")
    parser.add_argument("--serve", metavar="URL", help="check the answers of a running regio serve")
    parser.add_argument("--save", metavar="DIR", help="with --serve: write the answers and the saved scenario's file there")
    args = parser.parse_args()
    try:
        schemas = registry()
        check_validator = validator(args.schema, schemas)
    except (jsonschema.SchemaError, OSError, ValueError, KeyError) as error:
        print("FAIL the schemas: %s" % error, file=sys.stderr)
        return 2
    valid = True
    for name in args.documents:
        text = sys.stdin.read() if name == "-" else pathlib.Path(name).read_text(encoding="utf-8")
        if args.embedded:
            text = embedded(text, args.embedded)
        valid = check(check_validator, name, json.loads(text)) and valid
    if args.serve:
        for name, definition, answer in serve_answers(args.serve, args.save):
            chosen = validator("%s#/$defs/%s" % (args.schema, definition), schemas) if definition else check_validator
            valid = check(chosen, name, answer) and valid
    return 0 if valid else 1


if __name__ == "__main__":
    sys.exit(main())
