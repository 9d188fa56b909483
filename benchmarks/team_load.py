"""Many people on one `regio serve --team`, on the real data: round trips under load, errors and memory.

Starts the release `regio serve --team` on the real data (a throw-away team database, a free loopback port),
with accounts made beforehand by `regio users add` (regions for the first registered regions, and support
users). Then:

1. **Editing at once**: `--users` people (default 20: 4 support, the rest regions) log in and, for
   `--seconds`, each sends the next request as soon as the last one answered (no think time: harsher than
   people clicking): a new move (a random school of the register to a random other region), undo, redo or
   the state, drawn with the weights of `--mix`. Every request is timed from sending to having the whole
   answer; any answer but 200 counts as an error.
2. **Workspaces held at once**: `--workspaces` people (default 50; the first ones are those of phase 1) log
   in and make `--edits-per-workspace` moves each, then every one of them reads its state again, all within
   a minute, so that every workspace is held at the end.

Reports p50/p95/p99 round trip per kind and overall, the errors, and the server's memory from
/proc/PID/status: resident (VmRSS) before any workspace, after phase 1 and after phase 2, and the peak
(VmHWM). Checks the figures against the issue's targets (p95 ≤ 250 ms, no errors, peak ≤ 2 GiB, the 50
workspaces held) and exits 1 when one is missed. Run by `make bench-team`, never in CI.

    .venv/bin/python benchmarks/team_load.py [--users 20] [--seconds 60] [--workspaces 50] [--json FILE]
"""
import argparse
import csv
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
G = os.path.join(ROOT, "../shared/geodata")
REGISTRATIONS = os.path.join(ROOT, "Tests/oracle/real/registration.csv")
sys.path.insert(0, os.path.join(ROOT, "Tests/oracle"))
from team_client import TeamClient  # noqa: E402

P95_TARGET_MS = 250
PEAK_TARGET_BYTES = 2 * 1024 ** 3


def memory(pid):
    """VmRSS and VmHWM of process `pid`, bytes."""
    values = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            name, _, rest = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                values[name] = int(rest.split()[0]) * 1024
    return values


def gib(n):
    return f"{n / 1024 ** 3:.2f} GiB ({n / 1024 ** 2:.0f} MiB)"


def percentiles(samples):
    ordered = sorted(samples)

    def at(p):
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]
    return {"n": len(ordered), "p50": at(50), "p95": at(95), "p99": at(99), "max": ordered[-1],
            "mean": statistics.fmean(ordered)}


class Person:
    """One logged-in user and a model of their workspace, to draw edits that apply: which regions each
    school is in, and the edits that undo and redo would take back or make again."""

    def __init__(self, base, name, password, state, rng):
        self.client = TeamClient(base)
        self.name, self.password, self.rng = name, password, rng
        # Schools listed by exactly one region: a move takes such a school out of it into the target.
        self.membership = {s["code"]: list(s["regions"]) for s in state["map"]["schools"] if len(s["regions"]) == 1}
        self.regions = [r["figures"]["id"] for r in state["regions"]]
        self.done, self.undone = [], []
        self.samples, self.errors = [], []

    def login(self):
        answer = self.client.login(self.name, self.password)
        if answer.status != 200:
            raise SystemExit(f"{self.name} cannot log in: {answer}")
        return answer.elapsed_ms

    def timed(self, kind, method, path, body=None):
        try:
            answer = self.client.request(method, path, body)
        except Exception as error:  # a dropped connection is an error of the run, not of the script
            self.errors.append((kind, f"{type(error).__name__}: {error}"))
            return False
        self.samples.append((kind, answer.elapsed_ms))
        if answer.status != 200:
            self.errors.append((kind, f"{answer.status} {answer.body[:200]!r}"))
            return False
        return True

    def move(self):
        school = self.rng.choice(sorted(self.membership))
        source = self.membership[school]
        target = self.rng.choice([r for r in self.regions if r not in source])
        if self.timed("move", "POST", "/api/edits", {"move": school, "to": target}):
            self.done.append((school, list(source), [target]))
            self.membership[school] = [target]
            self.undone.clear()

    def undo(self):
        if not self.done:
            return self.move()
        if self.timed("undo", "POST", "/api/undo"):
            school, before, after = self.done.pop()
            self.membership[school] = before
            self.undone.append((school, before, after))

    def redo(self):
        if not self.undone:
            return self.move()
        if self.timed("redo", "POST", "/api/redo"):
            school, before, after = self.undone.pop()
            self.membership[school] = after
            self.done.append((school, before, after))

    def state(self):
        self.timed("state", "GET", "/api/state")

    def holds_its_edits(self):
        """Whether the server's state of this workspace has the edits this person made (and not undid)."""
        answer = self.client.request("GET", "/api/state")
        return answer.status == 200 and len(answer.json().get("edits", [])) == len(self.done)

    def step(self, mix):
        kinds, weights = zip(*mix.items())
        getattr(self, self.rng.choices(kinds, weights)[0])()


def accounts(count, offset=0):
    """`count` accounts: every fifth a support user, the others regions in the order of the real
    pre-registration (name, role, region or None, password)."""
    with open(REGISTRATIONS, encoding="utf-8") as f:
        regions = list(dict.fromkeys(row["regio_id"] for row in csv.DictReader(f, delimiter=";")))
    people = []
    for i in range(offset, offset + count):
        if i % 5 == 4:
            people.append((f"support{i:02d}", "support", None, f"load test password {i}"))
        else:
            people.append((f"region{i:02d}", "region", regions[i % len(regions)], f"load test password {i}"))
    return people


def add_users(regio, database, people):
    started = time.perf_counter()
    for name, role, region, password in people:
        command = [regio, "users", "add", name, "--role", role, "--database", database, "--password-stdin"]
        if region:
            command += ["--region", region]
        run = subprocess.run(command, input=password + "\n", capture_output=True, text=True)
        if run.returncode != 0:
            raise SystemExit(f"regio users add {name}: {run.stderr.strip()}")
    return (time.perf_counter() - started) * 1000


def run_together(people, action):
    """Runs `action(person)` for every person, each on a thread of its own, and waits for all."""
    threads = [threading.Thread(target=action, args=(p,)) for p in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def report_latency(label, samples):
    kinds = sorted({k for k, _ in samples})
    print(f"  {label}:")
    for kind in kinds + ["all"]:
        values = [ms for k, ms in samples if kind in ("all", k)]
        if values:
            p = percentiles(values)
            print(f"    {kind:6} n={p['n']:6}  p50 {p['p50']:7.1f}  p95 {p['p95']:7.1f}  p99 {p['p99']:7.1f}  "
                  f"max {p['max']:7.1f} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regio", default=os.path.join(ROOT, ".build/release/regio"))
    parser.add_argument("--users", type=int, default=20, help="people editing at once in phase 1")
    parser.add_argument("--seconds", type=float, default=60, help="how long phase 1 lasts")
    parser.add_argument("--workspaces", type=int, default=50, help="workspaces held at once in phase 2")
    parser.add_argument("--edits-per-workspace", type=int, default=10)
    parser.add_argument("--mix", default="move=5,undo=2,redo=1,state=2",
                        help="weights of the requests in phase 1 (move, undo, redo, state)")
    parser.add_argument("--think", type=float, default=0,
                        help="mean pause in seconds between a person's requests in phase 1 (exponential, at most 10 "
                             "times the mean); 0 (default): none, each request sent as soon as the last answered")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    mix = {k: float(v) for k, v in (part.split("=") for part in args.mix.split(","))}
    if not os.path.isdir(G):
        raise SystemExit("team_load: needs ../shared/geodata (the real data)")
    if not os.access(args.regio, os.X_OK):
        raise SystemExit(f"team_load: no {args.regio}: build it with `make release`")

    folder = tempfile.mkdtemp(prefix="regio-bench-team-")
    database = os.path.join(folder, "team.sqlite")
    people = accounts(max(args.users, args.workspaces))
    figures = {"date": time.strftime("%Y-%m-%d %H:%M %Z"), "users": args.users, "seconds": args.seconds,
               "workspaces": args.workspaces, "mix": mix, "thinkSeconds": args.think}
    server = None
    log = open(os.path.join(folder, "server.txt"), "w+")
    try:
        figures["usersAddMs"] = add_users(args.regio, database, people)
        print(f"  {len(people)} accounts made with regio users add: {figures['usersAddMs'] / 1000:.1f} s")
        command = [args.regio, "serve", "--team", "--database", database, "--host", "127.0.0.1", "--port", "0",
                   "--schools", f"{G}/duo_vestigingen_vo_2020-12_geocoded.csv",
                   "--students", f"{G}/duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv",
                   "--municipalities", f"{G}/gemeenten_2020_wgs84.geojson",
                   "--registrations", REGISTRATIONS]
        started = time.perf_counter()
        server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, text=True)
        line = server.stdout.readline()
        if "http://" not in line:
            log.seek(0)
            raise SystemExit(f"regio serve --team did not start: {line}{log.read()}")
        base = "http://" + line.split("http://", 1)[1].split("/", 1)[0] + "/"
        figures["startMs"] = (time.perf_counter() - started) * 1000
        figures["rssStart"] = memory(server.pid)["VmRSS"]
        print(f"  regio serve --team listening after {figures['startMs']:.0f} ms; resident {gib(figures['rssStart'])}")

        # The base state once, for the model of every workspace (regions, schools and their regions).
        first = TeamClient(base)
        name, _, _, password = people[0]
        first.login(name, password)
        base_state = first.request("GET", "/api/state").json()
        first.close()
        rng = random.Random(args.seed)
        everyone = [Person(base, n, pw, base_state, random.Random(rng.random())) for n, _, _, pw in people]

        # Phase 1: editing at once.
        editors = everyone[:args.users]
        logins = []
        run_together(editors, lambda p: logins.append(p.login()))
        figures["loginMs"] = percentiles(logins)
        print(f"  {len(editors)} logins at once: p50 {figures['loginMs']['p50']:.0f} ms, "
              f"max {figures['loginMs']['max']:.0f} ms (bcrypt)")
        figures["rssLoggedIn"] = memory(server.pid)["VmRSS"]
        deadline = time.perf_counter() + args.seconds

        def edit_until_deadline(person):
            pause = random.Random(args.seed + id(person) % 1000)
            while time.perf_counter() < deadline:
                person.step(mix)
                if args.think > 0:
                    time.sleep(min(pause.expovariate(1 / args.think), 10 * args.think))

        peak_sampler_stop = threading.Event()
        rss_samples = []

        def sample_memory():
            while not peak_sampler_stop.wait(0.5):
                rss_samples.append(memory(server.pid)["VmRSS"])
        sampler = threading.Thread(target=sample_memory)
        sampler.start()
        run_together(editors, edit_until_deadline)
        samples = [s for p in editors for s in p.samples]
        errors = [e for p in editors for e in p.errors]
        figures["phase1"] = {kind: percentiles([ms for k, ms in samples if kind in ("all", k)])
                             for kind in sorted({k for k, _ in samples}) + ["all"]}
        figures["phase1Errors"] = len(errors)
        figures["phase1Throughput"] = len(samples) / args.seconds
        figures["rssAfterPhase1"] = memory(server.pid)["VmRSS"]
        thinking = f"think time {args.think:g} s on average" if args.think > 0 else "no think time"
        print(f"  phase 1: {len(editors)} people editing at once for {args.seconds:.0f} s, {thinking}: "
              f"{len(samples)} requests ({figures['phase1Throughput']:.1f}/s), {len(errors)} errors")
        report_latency("round trip (ms)", samples)
        for kind, message in errors[:5]:
            print(f"    error ({kind}): {message}")

        # Phase 2: workspaces held at once.
        holders = everyone[:args.workspaces]
        newcomers = [p for p in holders if not p.client.csrf_token]
        run_together(newcomers, lambda p: p.login())

        def fill(person):
            for _ in range(args.edits_per_workspace):
                person.move()
        before = sum(len(p.errors) for p in holders)
        run_together(holders, fill)
        holding = []
        run_together(holders, lambda p: holding.append(p.holds_its_edits()))
        phase2_errors = [e for p in holders for e in p.errors][before:]
        sampler_stop_at = memory(server.pid)
        peak_sampler_stop.set()
        sampler.join()
        figures["phase2Errors"] = len(phase2_errors)
        figures["rssAfterPhase2"] = sampler_stop_at["VmRSS"]
        figures["peak"] = sampler_stop_at["VmHWM"]
        figures["perWorkspace"] = (figures["rssAfterPhase2"] - figures["rssLoggedIn"]) / len(holders)
        held = sum(holding)
        figures["workspacesWithEdits"] = held
        print(f"  phase 2: {len(holders)} workspaces with {args.edits_per_workspace} moves each, then each state: "
              f"{len(phase2_errors)} errors; {held} workspaces hold exactly their edits")
        for kind, message in phase2_errors[:5]:
            print(f"    error ({kind}): {message}")
        print(f"  resident: start {gib(figures['rssStart'])}, {len(editors)} logged in {gib(figures['rssLoggedIn'])}, "
              f"after phase 1 {gib(figures['rssAfterPhase1'])}, with {len(holders)} workspaces "
              f"{gib(figures['rssAfterPhase2'])}; about {figures['perWorkspace'] / 1024 ** 2:.1f} MiB per workspace")
        print(f"  peak (VmHWM): {gib(figures['peak'])}")

        missed = []
        if figures["phase1"]["all"]["p95"] > P95_TARGET_MS:
            missed.append(f"p95 {figures['phase1']['all']['p95']:.0f} ms > {P95_TARGET_MS} ms")
        if figures["phase1Errors"] or figures["phase2Errors"]:
            missed.append(f"{figures['phase1Errors']} + {figures['phase2Errors']} errors")
        if figures["peak"] > PEAK_TARGET_BYTES:
            missed.append(f"peak {gib(figures['peak'])} > 2 GiB")
        if held < len(holders):
            missed.append(f"only {held} of {len(holders)} workspaces hold their edits")
        figures["targetsMissed"] = missed
        print("  targets (p95 ≤ 250 ms, no errors, peak ≤ 2 GiB, 50 workspaces): "
              + ("all met" if not missed else "MISSED: " + "; ".join(missed)))
        if args.json:
            with open(args.json, "w") as out:
                json.dump(figures, out, indent=2)
        for p in everyone:
            p.client.close()
        return 1 if missed else 0
    finally:
        if server:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        log.close()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
