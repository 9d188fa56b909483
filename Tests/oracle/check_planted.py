#!/usr/bin/env python3
"""Checks that every planted fault shows in an audit report, and counts the findings per rule.

A planted fault {"rule", "regions", "schools"} is visible when the report has a finding of the same
rule whose regions include the planted regions and whose schools include the planted schools.
Rules the report does not check are listed as "not checked" unless --require-all is given: the
report's own list "rules" says which it checks (the oracle's does: the rules with an exact definition
in domain.md, so not undersized-region, part-of-larger-area or fragmented-region); without that list,
the rules that occur among its findings are taken.

The report is any JSON object with a "findings" list of {"rule", "regions", "schools"}: the oracle's
output, or the Swift audit's once it writes that shape.

usage: check_planted.py --planted planted.json --report oracle.json [--require-all]
exit status: 0 when every checked fault is visible, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter


def visible(fault: dict, findings: list[dict]) -> bool:
    regions, schools = set(fault["regions"]), set(fault["schools"])
    return any(f["rule"] == fault["rule"] and regions <= set(f["regions"]) and schools <= set(f["schools"])
               for f in findings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--planted", required=True, help="planted faults JSON (make_real_registration.py --planted)")
    parser.add_argument("--report", required=True, help="audit report JSON with a findings list")
    parser.add_argument("--require-all", action="store_true",
                        help="fail also for planted rules the report never produces")
    args = parser.parse_args(argv)

    with open(args.planted, encoding="utf-8") as file:
        planted = json.load(file)
    with open(args.report, encoding="utf-8") as file:
        report = json.load(file)
    findings = report["findings"]
    counts = Counter(f["rule"] for f in findings)
    checked_rules = set(report.get("rules") or counts)

    print("findings per rule:")
    for rule in sorted(checked_rules | set(counts)):
        print(f"  {rule:28} {counts[rule]:6}")
    print(f"  {'total':28} {len(findings):6}")

    missing = 0
    print("planted faults:")
    for fault in planted:
        if fault["rule"] not in checked_rules and not args.require_all:
            status = "not checked (rule not in report)"
        elif visible(fault, findings):
            status = "visible"
        else:
            status = "MISSING"
            missing += 1
        print(f"  {status:34} {fault['rule']:28} {','.join(fault['regions']) or '-':20} "
              f"{','.join(fault['schools']) or '-'}")
    checked = sum(1 for f in planted if f["rule"] in checked_rules or args.require_all)
    print(f"{checked - missing} passed, {missing} failed")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
