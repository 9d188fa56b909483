#!/usr/bin/env python3
"""Times the Python/geopandas oracle (Tests/oracle/audit_oracle.py) on the real-data registration,
as the peer of the Swift `regio audit` in side-by-side benchmarks.

Measures, in one process:
  import   importing pandas, geopandas, shapely and pyproj (once, cold);
  load     reading and joining the school register, pupil file and pre-registration (per run);
  checks   the audit rules on the loaded data (per run);
  total    load + checks (per run).
The first run is reported apart (cold caches); min and median are over the --repeat runs after it.
Process start-up of the interpreter is not included: time the whole command with hyperfine or
/usr/bin/time for that.

usage: benchmarks/audit_geopandas.py [--repeat 10] [--registrations R.csv] [--report out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEODATA = os.path.join(ROOT, "..", "shared", "geodata")

import_start = time.perf_counter()
sys.path.insert(0, os.path.join(ROOT, "Tests", "oracle"))
import audit_oracle  # noqa: E402  (pulls in pandas, geopandas, shapely, pyproj)
IMPORT_SECONDS = time.perf_counter() - import_start


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--schools", default=os.path.join(GEODATA, "duo_vestigingen_vo_2020-12_geocoded.csv"))
    parser.add_argument("--students",
                        default=os.path.join(GEODATA, "duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv"))
    parser.add_argument("--registrations", default=os.path.join(ROOT, "Tests", "oracle", "real", "registration.csv"))
    parser.add_argument("--close-by", type=float, default=5000.0)
    parser.add_argument("--repeat", type=int, default=10, help="timed runs after the first (default 10)")
    parser.add_argument("--report", help="also write the audit report JSON here")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    oracle_args = audit_oracle.parse_arguments([
        "--schools", args.schools, "--students", args.students,
        "--registrations", args.registrations, "--close-by", str(args.close_by)])
    report, first = audit_oracle.audit_files(oracle_args)
    runs = [audit_oracle.audit_files(oracle_args)[1] for _ in range(args.repeat)]
    if args.report:
        with open(args.report, "w", encoding="utf-8") as out:
            json.dump(report, out, indent=1, ensure_ascii=False)

    print(f"audit_geopandas: {len(report['regions'])} regions, {len(report['findings'])} findings; "
          f"import {IMPORT_SECONDS:.3f} s")
    print(f"  first run: load {first['load']:.3f} s, checks {first['checks']:.3f} s, total {first['total']:.3f} s")
    if runs:
        for key in ("load", "checks", "total"):
            values = [r[key] for r in runs]
            print(f"  {key:6} min {min(values):.4f} s, median {statistics.median(values):.4f} s "
                  f"over {len(values)} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
