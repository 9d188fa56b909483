"""Memory per workspace of `regio serve --team` on the real data.

Starts the server (the given regio binary) on ../shared/geodata with the project's real pre-registration and a new
team database of N region users, then for 0, 1, N/2 and N users: each signs in, makes one edit (moves a technical
school) and reads the state, which makes and holds their workspace. After each step it reads the server's
resident memory (VmRSS of /proc/PID/status) and prints it with the growth per workspace after the first (the
first takes over the auditor that audited the base; every later one audits anew).
Workspaces are held at once (--max-workspaces N).

    .venv/bin/python benchmarks/workspace_memory.py .build/release/regio --users 20
"""
import argparse
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[1]
GEO = (ROOT / ".." / "shared" / "geodata").resolve()
PASSWORD = "measure password 1"


def rss_mb(pid):
    text = pathlib.Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", text).group(1)) / 1024


def call(port, method, path, user=None, body=None):
    headers = {}
    if user:
        headers["Cookie"] = user["cookie"]
        headers["X-CSRF-Token"] = user["csrf"]
    data = json.dumps(body).encode() if body is not None else None
    if data:
        headers["Content-Type"] = "application/json"
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method, headers=headers)
    with urllib.request.urlopen(req, timeout=600) as response:
        return response.headers, response.read()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("regio")
    parser.add_argument("--users", type=int, default=20)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="regio-memory-")
    database = os.path.join(folder, "team.sqlite")
    for i in range(args.users):
        subprocess.run([args.regio, "users", "add", f"user{i}", "--role", "region", "--region", "STO19001",
                        "--database", database, "--password-stdin"], input=PASSWORD + "\n", text=True, check=True,
                       capture_output=True)
    inputs = ["--schools", str(GEO / "duo_vestigingen_vo_2020-12_geocoded.csv"),
              "--students", str(GEO / "duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv"),
              "--municipalities", str(GEO / "gemeenten_2020_wgs84.geojson"),
              "--registrations", str(ROOT / "Tests/oracle/real/registration.csv")]
    server = subprocess.Popen([args.regio, "serve", "--team", "--port", "0", "--database", database,
                               "--max-workspaces", str(args.users)] + inputs,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        port = None
        for line in server.stdout:
            match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if match:
                port = int(match.group(1))
                break
        if port is None:
            sys.exit("the server did not start")
        steps = sorted({0, 1, args.users // 2, args.users})
        made = 0
        first = None
        one = None
        for target in steps:
            while made < target:
                headers, raw = call(port, "POST", "/api/login", body={"name": f"user{made}", "password": PASSWORD})
                user = {"cookie": headers["Set-Cookie"].split(";")[0], "csrf": json.loads(raw)["csrfToken"]}
                _, raw = call(port, "GET", "/api/state", user)
                state = json.loads(raw)
                sizes = {r["figures"]["id"]: len(r["figures"]["schools"]) for r in state["regions"]}
                school = next(s for s in state["map"]["schools"]
                              if len(s["regions"]) == 1 and s["technical"] and sizes[s["regions"][0]] >= 2)
                to = next(r["figures"]["id"] for r in state["regions"] if r["figures"]["id"] != school["regions"][0])
                call(port, "POST", "/api/edits", user, {"move": school["code"], "to": to})
                made += 1
            time.sleep(1)
            rss = rss_mb(server.pid)
            if first is None:
                first = rss
                print(f"{target:3d} workspaces: {rss:8.1f} MB resident")
            elif one is None:
                one = rss
                print(f"{target:3d} workspaces: {rss:8.1f} MB resident, {rss - first:6.1f} MB for the first (it takes over the base's auditor)")
            else:
                print(f"{target:3d} workspaces: {rss:8.1f} MB resident, {(rss - one) / (target - 1):6.1f} MB per workspace after the first")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
