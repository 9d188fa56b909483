"""One edit in `regio serve` end to end, on the real data: the time from sending a move to having the new
state (figures, findings, map layers) as JSON, as the page sees it.

Starts the release `regio serve` on a free port with a throw-away scenario database, makes `--edits` moves
(a random school to a random other region, seeded), then undoes and redoes each, over HTTP on 127.0.0.1.
Reports the client round trip and the server's own phases (its `Server-Timing` header: audit, figures, map,
encode). Standard library only; run by benchmarks/run (`make bench`), never in CI.
"""
import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
G = os.path.join(ROOT, "../shared/geodata")


def call(base, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"} if data else {})
    start = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        payload = response.read()
        timing = response.headers.get("Server-Timing", "")
    elapsed = (time.perf_counter() - start) * 1000
    phases = {}
    for part in filter(None, (p.strip() for p in timing.split(","))):
        name, _, duration = part.partition(";dur=")
        phases[name] = float(duration)
    return elapsed, phases, json.loads(payload)


def summary(label, samples):
    walls = [s[0] for s in samples]
    names = sorted({n for _, phases in samples for n in phases})
    parts = ", ".join(f"{n} {statistics.median([p.get(n, 0) for _, p in samples]):.2f}" for n in names)
    print(f"  {label}: round trip median {statistics.median(walls):.1f} ms, min {min(walls):.1f} ms "
          f"({len(samples)} requests); server phases (median ms): {parts}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--regio", default=os.path.join(ROOT, ".build/release/regio"))
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="regio-bench-serve-")
    command = [args.regio, "serve", "--port", "0", "--database", os.path.join(folder, "scenarios.sqlite"),
               "--schools", f"{G}/duo_vestigingen_vo_2020-12_geocoded.csv",
               "--students", f"{G}/duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv",
               "--municipalities", f"{G}/gemeenten_2020_wgs84.geojson",
               "--registrations", os.path.join(ROOT, "Tests/oracle/real/registration.csv")]
    server = None
    errors = open(os.path.join(folder, "stderr.txt"), "w+")
    try:
        started = time.perf_counter()
        server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True)
        line = server.stdout.readline()
        if "http://" not in line:
            errors.seek(0)
            raise SystemExit(f"regio serve did not start: {line}{errors.read()}")
        base = line.split("http://", 1)[1].split("/", 1)[0]
        base = f"http://{base}"
        ready = (time.perf_counter() - started) * 1000
        first, phases, state = call(base, "GET", "/api/state")
        print(f"  start (load, catchments, audit, static map layers) until listening: {ready:.0f} ms; "
              f"first state {first:.1f} ms ({', '.join(f'{k} {v:.1f}' for k, v in phases.items())})")

        rng = random.Random(args.seed)
        moves = []
        for _ in range(20 * args.edits):
            if len(moves) == args.edits:
                break
            # A school of the register listed by some region, to a region that does not list it.
            school = rng.choice([s for s in state["map"]["schools"] if s["regions"]])
            target = rng.choice([r["figures"]["id"] for r in state["regions"] if r["figures"]["id"] not in school["regions"]])
            try:
                elapsed, phases, state = call(base, "POST", "/api/edits", {"move": school["code"], "to": target})
            except urllib.error.HTTPError as refused:
                print(f"  (refused, another one is drawn: {refused.read().decode()})")
                continue
            moves.append((elapsed, phases))
        if len(moves) < args.edits:
            raise SystemExit(f"only {len(moves)} of {args.edits} moves were accepted")
        summary("a new edit (move a school), POST /api/edits", moves)
        back = [call(base, "POST", "/api/undo")[:2] for _ in range(args.edits)]
        again = [call(base, "POST", "/api/redo")[:2] for _ in range(args.edits)]
        summary("undo and redo (edits seen before)", back + again)
    finally:
        if server:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        errors.close()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
