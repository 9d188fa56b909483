"""Two builds of regio side by side, counted in instructions: the same measures as `before_after.py`, but
deterministic, so that a shared machine's slow spells do not decide the verdict.

Wall-clock times on this 2-core machine drift by a third from one minute to the next, and a ratio of two
builds can swing by ±20 % between runs of `before_after.py`. Valgrind's callgrind counts the instructions each
build executes for the same work; that count does not drift (it ignores cache misses and waiting, so it
complements the wall-clock run rather than replacing it). Per build it counts:

- the full audit: `regio-bench 3`, counting only inside `Dataset.auditor(catchments:)` (3 full audits);
- incremental updates: `regio-bench 1`, counting only inside `Auditor.update(to:)` (the 150 new edits, the 98
  undone and redone, and the suggestion candidates tried);
- `regio audit --format json` on the real data, the whole process;
- `regio serve` for the whole session `serve_edits.py --edits 30` drives (start, 30 new edits, 60 undo/redo).

Callgrind cannot read the debug information of the static release binaries, so each is copied and stripped of
it first (`strip --strip-debug`; the symbol table stays). Needs `valgrind` (Debian package); run by hand:

    .venv/bin/python benchmarks/instructions.py --before DIR --after DIR
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
G = os.path.join(ROOT, "../shared/geodata")
INPUTS = ["--schools", f"{G}/duo_vestigingen_vo_2020-12_geocoded.csv",
          "--students", f"{G}/duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv",
          "--municipalities", f"{G}/gemeenten_2020_wgs84.geojson",
          "--registrations", os.path.join(ROOT, "Tests/oracle/real/registration.csv")]


def symbol(binary, pattern):
    """The one mangled symbol of `binary` that `pattern` matches (the module of a type may differ by build)."""
    names = subprocess.run(["nm", binary], capture_output=True, text=True, check=True).stdout.split()
    found = sorted({n for n in names if re.fullmatch(pattern, n)})
    if len(found) != 1:
        sys.exit(f"{binary}: expected one symbol like {pattern}, found {found}")
    return found[0]


def counted(out_file):
    """The instruction total callgrind wrote to `out_file`."""
    with open(out_file) as f:
        for line in f:
            if line.startswith("totals:") or line.startswith("summary:"):
                return int(line.split()[1])
    sys.exit(f"{out_file} holds no instruction total")


def callgrind(out_file, command, toggle=None):
    """Runs `command` under callgrind, counting inside `toggle` only when given; the instruction total."""
    options = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out_file}"]
    if toggle:
        options.append(f"--toggle-collect={toggle}")
    done = subprocess.run(options + command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):  # regio audit exits 1 when the audit has errors
        sys.exit(f"{' '.join(command)} failed under callgrind:\n{done.stderr[-2000:]}")
    return counted(out_file)


def measure(folder, work):
    """The four counts of one build, from stripped copies of its binaries in `work`."""
    for name in ("regio", "regio-bench"):
        shutil.copy(os.path.join(folder, name), os.path.join(work, name))
        subprocess.run(["strip", "--strip-debug", os.path.join(work, name)], check=True)
    resources = os.path.join(folder, "GRDB_GRDB.resources")
    if os.path.isdir(resources):
        shutil.copytree(resources, os.path.join(work, "GRDB_GRDB.resources"), dirs_exist_ok=True)
    bench, regio = os.path.join(work, "regio-bench"), os.path.join(work, "regio")
    audits = symbol(bench, r"\$s\d+Regio\w+7DatasetC7auditor10catchments\w+")
    update = symbol(bench, r"\$s11RegioDomain7AuditorC6update2to\w+")
    counts = {
        "full audit (3, in-process)": callgrind(os.path.join(work, "audit.out"), [bench, "3"], audits),
        "incremental updates (in-process)": callgrind(os.path.join(work, "update.out"), [bench, "1"], update),
        "regio audit, whole process": callgrind(os.path.join(work, "process.out"),
                                                [regio, "audit", "--format", "json"] + INPUTS),
    }
    wrapper = os.path.join(work, "regio-under-callgrind")
    with open(wrapper, "w") as f:
        f.write(f'#!/bin/sh\nexec valgrind --tool=callgrind --callgrind-out-file={work}/serve.out {regio} "$@"\n')
    os.chmod(wrapper, 0o755)
    subprocess.run([sys.executable, os.path.join(ROOT, "benchmarks/serve_edits.py"), "--regio", wrapper,
                    "--edits", "30"], capture_output=True, text=True, check=True)
    counts["regio serve, 30 edits and 60 undo/redo"] = counted(os.path.join(work, "serve.out"))
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", required=True, help="folder with the release regio and regio-bench of before")
    parser.add_argument("--after", required=True, help="folder with the release regio and regio-bench of after")
    parser.add_argument("--tolerance", type=float, default=0.10, help="allowed growth, as a fraction")
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("needs valgrind: apt-get install -y valgrind")
    counts = {}
    for side, folder in (("before", args.before), ("after", args.after)):
        with tempfile.TemporaryDirectory(prefix=f"regio-instructions-{side}-") as work:
            counts[side] = measure(os.path.abspath(folder), work)
        print(f"{side}: {os.path.abspath(folder)}", flush=True)
    print(f"\ninstructions (callgrind), after / before; within {args.tolerance:.0%} of before?")
    width = max(map(len, counts["before"]))
    for name, before in counts["before"].items():
        after = counts["after"][name]
        ratio = after / before
        verdict = "yes" if ratio <= 1 + args.tolerance else "NO"
        print(f"  {name:<{width}}  before {before:>15,}  after {after:>15,}  ratio {ratio:5.3f}  {verdict}")


if __name__ == "__main__":
    main()
