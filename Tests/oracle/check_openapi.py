"""Validates a running `regio serve --team` against docs/openapi.yaml.

Drives a scripted session of two users (a region user and a support user, whose passwords come on standard
input, one line each), covering every operation of the spec: sign-in (a wrong password too), state, edits,
undo, redo, portraits, saved scenarios, proposals, comparison, review, downloads, the refusals (no session,
no CSRF token, another user's proposal) and sign-out. Every answer must have a status the spec lists for its
operation, the content type it lists, and (for JSON) a body valid against the listed schema, with the
`$ref`s into docs/schema resolved from the files. The spec itself is checked with openapi-spec-validator.
Prints one line per request and FAIL lines; exits 1 on any failure or an operation never exercised.

    check_openapi.py --url http://127.0.0.1:PORT/ --region bert --support anna < passwords
"""
import argparse
import json
import pathlib
import re
import sys
import urllib.error
import urllib.request

import yaml
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_spec
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = pathlib.Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "docs" / "openapi.yaml"
SCHEMA_DIR = ROOT / "docs" / "schema"
SCHEMA_ID_PREFIX = "https://regio.example/schema/"

failures = []
exercised = set()


def fail(message):
    failures.append(message)
    print("FAIL " + message)


def load_spec():
    spec = yaml.safe_load(SPEC_PATH.read_text())
    validate_spec(spec, base_uri=SPEC_PATH.as_uri())
    return spec


def registry(spec):
    """The spec (under its file URI) and docs/schema (under their $id and their file URIs)."""
    def retrieve(uri):
        name = uri.rsplit("/", 1)[-1]
        path = SCHEMA_DIR / name
        if (uri.startswith(SCHEMA_ID_PREFIX) or uri.startswith("file:")) and path.exists():
            return Resource.from_contents(json.loads(path.read_text()))
        raise LookupError(uri)
    spec_resource = Resource.from_contents(spec, default_specification=DRAFT202012)
    return Registry(retrieve=retrieve).with_resource(SPEC_PATH.as_uri(), spec_resource)


class Checker:
    def __init__(self, spec, url):
        self.spec = spec
        self.registry = registry(spec)
        self.base = url.rstrip("/")
        self.templates = [(path, re.compile("^" + re.sub(r"\{[^}]+\}", r"[^/]+", path) + "$")) for path in spec["paths"]]

    def operation(self, method, path):
        for template, pattern in self.templates:
            if pattern.match(path) and method.lower() in self.spec["paths"][template]:
                return template, self.spec["paths"][template][method.lower()]
        return None, None

    def resolve(self, node):
        """A local `#/components/...` reference of the spec, followed."""
        while isinstance(node, dict) and "$ref" in node and node["$ref"].startswith("#/"):
            target = self.spec
            for part in node["$ref"][2:].split("/"):
                target = target[part]
            node = target
        return node

    def request(self, method, path, user=None, body=None, csrf=True, expect=None):
        headers = {}
        if user is not None:
            headers["Cookie"] = user["cookie"]
            if csrf and method != "GET":
                headers["X-CSRF-Token"] = user["csrf"]
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req) as response:
                status, head, raw = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, head, raw = error.code, error.headers, error.read()
        print(f"{method} {path} -> {status}")
        self.check(method, path, status, head, raw)
        if expect is not None and status != expect:
            fail(f"{method} {path}: expected {expect}, got {status}: {raw[:200]!r}")
        return status, head, raw

    def check(self, method, path, status, head, raw):
        template, op = self.operation(method, path)
        if op is None:
            fail(f"{method} {path}: not in the spec")
            return
        exercised.add((template, method.lower()))
        responses = op.get("responses", {})
        if str(status) not in responses:
            fail(f"{method} {path}: status {status} is not listed for {method} {template} ({', '.join(responses)})")
            return
        response = self.resolve(responses[str(status)])
        content = response.get("content")
        if not content:
            if raw:
                fail(f"{method} {path}: {status} has a body the spec does not list")
            return
        media = (head.get("Content-Type") or "").split(";")[0].strip()
        if media not in content:
            fail(f"{method} {path}: content type {media!r}, the spec lists {list(content)}")
            return
        if media != "application/json":
            return
        try:
            body = json.loads(raw)
        except ValueError as error:
            fail(f"{method} {path}: not JSON: {error}")
            return
        schema = {"$ref": SPEC_PATH.as_uri() + "#" + self.pointer(template, method, status, media)}
        validator = Draft202012Validator(schema, registry=self.registry, format_checker=Draft202012Validator.FORMAT_CHECKER)
        for error in list(validator.iter_errors(body))[:3]:
            where = "/".join(str(p) for p in error.absolute_path)
            fail(f"{method} {path}: {status} body at '{where}': {error.message[:300]}")

    def pointer(self, template, method, status, media):
        """JSON pointer to the answer's schema in the spec (through a response reference when there is one)."""
        node = self.spec["paths"][template][method.lower()]["responses"][str(status)]
        if "$ref" in node:
            base = node["$ref"][1:]
        else:
            base = "/paths/" + template.replace("~", "~0").replace("/", "~1") + "/" + method.lower() + "/responses/" + str(status)
        return base + "/content/" + media.replace("/", "~1") + "/schema"


def sign_in(checker, name, password):
    status, head, raw = checker.request("POST", "/api/login", body={"name": name, "password": password}, expect=200)
    cookie = (head.get("Set-Cookie") or "").split(";")[0]
    return {"cookie": cookie, "csrf": json.loads(raw)["csrfToken"]}


def movable(state):
    counts = {r["figures"]["id"]: len(r["figures"]["schools"]) for r in state["regions"]}
    for school in state["map"]["schools"]:
        if len(school["regions"]) == 1 and school["technical"] and counts[school["regions"][0]] >= 2:
            to = next(r["figures"]["id"] for r in state["regions"] if r["figures"]["id"] != school["regions"][0])
            return {"move": school["code"], "to": to}
    raise SystemExit("no school to move")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--region", required=True)
    parser.add_argument("--support", required=True)
    args = parser.parse_args()
    region_password = sys.stdin.readline().rstrip("\n")
    support_password = sys.stdin.readline().rstrip("\n")

    spec = load_spec()
    c = Checker(spec, args.url)

    c.request("GET", "/api/state", expect=401)
    c.request("POST", "/api/login", body={"name": args.region, "password": "not the password"}, expect=401)
    region = sign_in(c, args.region, region_password)
    support = sign_in(c, args.support, support_password)
    c.request("GET", "/api/me", region, expect=200)

    _, _, raw = c.request("GET", "/api/state", region, expect=200)
    state = json.loads(raw)
    edit = movable(state)
    c.request("POST", "/api/edits", region, edit, csrf=False, expect=403)
    c.request("POST", "/api/edits", region, {"move": "nonsense"}, expect=400)
    c.request("POST", "/api/edits", region, edit, expect=200)
    c.request("POST", "/api/undo", region, expect=200)
    c.request("POST", "/api/redo", region, expect=200)
    c.request("POST", "/api/redo", region, expect=409)
    c.request("GET", f"/api/regions/{state['regions'][0]['figures']['id']}/portrait", region, expect=200)
    c.request("GET", "/api/regions/NOSUCH/portrait", region, expect=404)

    _, _, raw = c.request("POST", "/api/scenarios", region, {"name": "Checked"}, expect=201)
    saved = json.loads(raw)["id"]
    c.request("GET", "/api/scenarios", region, expect=200)
    c.request("POST", f"/api/scenarios/{saved}/load", region, expect=200)
    c.request("GET", f"/api/scenarios/{saved}/file", region, expect=200)
    c.request("GET", f"/api/scenarios/{saved}/file", support, expect=404)

    c.request("POST", "/api/proposals", support, {"name": "Not mine"}, expect=403)
    _, _, raw = c.request("POST", "/api/proposals", region, {"name": "First", "note": "checked by check_openapi.py"}, expect=201)
    first = json.loads(raw)["id"]
    _, _, raw = c.request("POST", "/api/proposals", region, {"name": "Second"}, expect=201)
    second = json.loads(raw)["id"]
    c.request("GET", "/api/proposals", region, expect=200)
    c.request("GET", "/api/proposals", support, expect=200)
    c.request("GET", f"/api/proposals/{first}", region, expect=200)
    c.request("GET", "/api/proposals/999999", support, expect=404)
    c.request("GET", f"/api/proposals/{first}/compare/{second}", support, expect=200)
    c.request("GET", f"/api/proposals/{first}/compare/{second}", region, expect=403)
    c.request("GET", f"/api/proposals/{first}/scenario", region, expect=409)
    c.request("GET", f"/api/proposals/{first}/registrations.csv", region, expect=409)
    c.request("GET", f"/api/proposals/{first}/registrations.xlsx", region, expect=409)
    c.request("POST", f"/api/proposals/{first}/review", region, {"decision": "accepted"}, expect=403)
    c.request("POST", f"/api/proposals/{first}/review", support, {"decision": "maybe"}, expect=400)
    c.request("POST", f"/api/proposals/{first}/review", support, {"decision": "accepted", "comment": "good"}, expect=200)
    c.request("POST", f"/api/proposals/{first}/review", support, {"decision": "rejected"}, expect=409)
    c.request("POST", f"/api/proposals/{second}/review", support, {"decision": "rejected", "comment": "no"}, expect=200)
    c.request("GET", f"/api/proposals/{first}/scenario", region, expect=200)
    c.request("GET", f"/api/proposals/{first}/registrations.csv", support, expect=200)
    c.request("GET", f"/api/proposals/{first}/registrations.xlsx", region, expect=200)

    c.request("POST", "/api/logout", region, csrf=False, expect=403)
    c.request("POST", "/api/logout", region, expect=204)
    c.request("GET", "/api/state", region, expect=401)
    c.request("POST", "/api/logout", support, expect=204)

    every = {(path, method) for path, item in spec["paths"].items() for method in item
             if method in ("get", "post", "put", "delete", "patch")}
    for path, method in sorted(every - exercised):
        fail(f"{method.upper()} {path}: in the spec but never exercised")
    print(f"{len(exercised)} operations checked, {len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
