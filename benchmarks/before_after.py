"""Two builds of regio side by side, in one run on the same machine: is a change within 10 % of before?

Each build is a folder holding its release `regio` and `regio-bench` (`swift build -c release
--static-swift-stdlib`, copied out of `.build/release`). The rounds alternate which build goes first
(before/after, then after/before, …), so that a slow spell of this shared machine hits both alike. Per round
and build it runs:

- `regio-bench 10` (in-process, on the real data): the full audit, a new scenario edit and an edit seen before;
- `regio audit --format json` on the real data, whole process, median of `--audits` runs;
- `serve_edits.py --regio …/regio`: a new edit and undo/redo in `regio serve`, end to end over HTTP.

It prints every round's medians, then per measure the median over the rounds of each build and the ratio
after / before (above 1: slower). Standard library only; run by hand, never in CI:

    .venv/bin/python benchmarks/before_after.py --before DIR --after DIR [--rounds 3]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
G = os.path.join(ROOT, "../shared/geodata")

# The measures: name → (where it comes from, the text before its median).
BENCH = {
    "full audit, in-process": "full audit (all rules, territories)",
    "new scenario edit, in-process": "one new edit (move a school), update + result",
    "edit seen before, in-process": "one edit seen before (undo/redo), update + result",
}
SERVE = {
    "serve: new edit round trip": "a new edit (move a school), POST /api/edits",
    "serve: undo/redo round trip": "undo and redo (edits seen before)",
}
AUDIT = "regio audit, whole process"


def bench(folder):
    """The in-process medians (ms) of one `regio-bench 10` run."""
    out = subprocess.run([os.path.join(folder, "regio-bench"), "10"], capture_output=True, text=True, check=True).stdout
    return medians(out, BENCH, r"\s+median\s+([0-9.]+) ms", f"{folder}/regio-bench")


def medians(out, labels, pattern, program):
    """The number `pattern` finds right after each label of `labels` (name → label) in `out`, by name."""
    found = {}
    for name, label in labels.items():
        match = re.search(re.escape(label) + pattern, out)
        if not match:
            sys.exit(f"{program} printed no '{label}':\n{out}")
        found[name] = float(match.group(1))
    return found


def audit(folder, runs):
    """The median wall time (ms) of `regio audit` on the real data, whole process."""
    command = [os.path.join(folder, "regio"), "audit", "--format", "json",
               "--schools", f"{G}/duo_vestigingen_vo_2020-12_geocoded.csv",
               "--students", f"{G}/duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv",
               "--municipalities", f"{G}/gemeenten_2020_wgs84.geojson",
               "--registrations", os.path.join(ROOT, "Tests/oracle/real/registration.csv")]
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        # Exit 1 means the audit has errors, which the real pre-registration has.
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode not in (0, 1):
            sys.exit(f"{folder}/regio audit failed: {done.stderr}")
        times.append((time.perf_counter() - start) * 1000)
    return {AUDIT: statistics.median(times[1:])}  # the first run warms the file cache


def serve(folder, edits):
    """The round-trip medians (ms) of `serve_edits.py` against this build's `regio serve`."""
    out = subprocess.run([sys.executable, os.path.join(ROOT, "benchmarks/serve_edits.py"),
                          "--regio", os.path.join(folder, "regio"), "--edits", str(edits)],
                         capture_output=True, text=True, check=True).stdout
    return medians(out, SERVE, r": round trip median ([0-9.]+) ms", f"serve_edits.py with {folder}/regio")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", required=True, help="folder with the release regio and regio-bench of before")
    parser.add_argument("--after", required=True, help="folder with the release regio and regio-bench of after")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--audits", type=int, default=5, help="whole-process audits per round and build")
    parser.add_argument("--edits", type=int, default=30, help="serve moves per round and build")
    parser.add_argument("--tolerance", type=float, default=0.10, help="allowed slowdown, as a fraction")
    args = parser.parse_args()
    builds = {"before": os.path.abspath(args.before), "after": os.path.abspath(args.after)}
    for side, folder in builds.items():
        for binary in ("regio", "regio-bench"):
            if not os.access(os.path.join(folder, binary), os.X_OK):
                sys.exit(f"{side}: no executable {binary} in {folder}")

    measures = list(BENCH) + [AUDIT] + list(SERVE)
    values = {side: {m: [] for m in measures} for side in builds}
    print(f"before: {builds['before']}\nafter:  {builds['after']}")
    for r in range(args.rounds):
        order = ["before", "after"] if r % 2 == 0 else ["after", "before"]
        for side in order:
            folder = builds[side]
            found = {**bench(folder), **audit(folder, args.audits), **serve(folder, args.edits)}
            for m in measures:
                values[side][m].append(found[m])
            print(f"round {r + 1} {side:6}: " + "; ".join(f"{m} {found[m]:.3f}" for m in measures), flush=True)

    print(f"\nmedians over {args.rounds} rounds, ms; ratio after / before of the medians, and the median of each"
          f" round's own ratio (the two builds of a round ran back to back, so a slow spell of the machine cancels);"
          f" is that within {args.tolerance:.0%} of before?")
    width = max(map(len, measures))
    worst = 0.0
    for m in measures:
        before, after = statistics.median(values["before"][m]), statistics.median(values["after"][m])
        ratio = after / before
        paired = statistics.median(a / b for a, b in zip(values["after"][m], values["before"][m]))
        worst = max(worst, paired)
        verdict = "yes" if paired <= 1 + args.tolerance else "NO"
        print(f"  {m:<{width}}  before {before:9.3f}  after {after:9.3f}  ratio {ratio:5.3f}  per round {paired:5.3f}  {verdict}")
    print(f"slowest per-round ratio {worst:.3f}: " + ("every measure within the tolerance" if worst <= 1 + args.tolerance
                                           else "a measure is slower than the tolerance allows"))


if __name__ == "__main__":
    main()
