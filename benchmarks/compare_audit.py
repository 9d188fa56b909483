#!/usr/bin/env python3
"""Side by side, in one run: the Swift `regio audit` (release build, whole process, loading included)
and the Python/geopandas implementation of the exact rules (benchmarks/audit_geopandas.py: whole process,
and in-process load + checks without imports), on the same real inputs. Prints both times and the ratios.

usage: benchmarks/compare_audit.py [--repeat 10] [--regio .build/release/regio]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEODATA = os.path.join(ROOT, "..", "shared", "geodata")
SCHOOLS = os.path.join(GEODATA, "duo_vestigingen_vo_2020-12_geocoded.csv")
STUDENTS = os.path.join(GEODATA, "duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv")
MUNICIPALITIES = os.path.join(GEODATA, "gemeenten_2020_wgs84.geojson")
REGISTRATIONS = os.path.join(ROOT, "Tests", "oracle", "real", "registration.csv")


def wall(command: list[str], repeat: int) -> list[float]:
    """Wall-clock seconds of `repeat` runs of a whole process (after one warm-up run)."""
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--regio", default=os.path.join(ROOT, ".build", "release", "regio"))
    args = parser.parse_args()

    inputs = ["--schools", SCHOOLS, "--students", STUDENTS, "--registrations", REGISTRATIONS]
    swift_full = wall([args.regio, "audit", "--format", "json", "--municipalities", MUNICIPALITIES] + inputs, args.repeat)
    swift_exact = wall([args.regio, "audit", "--format", "json", "--no-catchments", "--municipalities", MUNICIPALITIES] + inputs, args.repeat)
    python = [sys.executable, os.path.join(ROOT, "benchmarks", "audit_geopandas.py"), "--repeat", "0"] + inputs
    python_process = wall(python, max(3, args.repeat // 3))
    in_process = subprocess.run([sys.executable, os.path.join(ROOT, "benchmarks", "audit_geopandas.py"),
                                 "--repeat", str(args.repeat)] + inputs, capture_output=True, text=True).stdout

    median = statistics.median
    print(f"real data: 1,619 schools, 355 municipalities, {REGISTRATIONS.split('/')[-1]}; median of {args.repeat} runs")
    print(f"  regio audit (all rules, catchments, territories), whole process: {median(swift_full) * 1000:7.1f} ms")
    print(f"  regio audit --no-catchments, whole process:                      {median(swift_exact) * 1000:7.1f} ms")
    print(f"  python/geopandas exact rules, whole process (imports included):  {median(python_process) * 1000:7.1f} ms")
    for line in in_process.strip().splitlines():
        print("    " + line)
    print(f"  ratio python process / regio audit process: {median(python_process) / median(swift_full):5.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
