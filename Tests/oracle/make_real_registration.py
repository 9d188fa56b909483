#!/usr/bin/env python3
"""Builds a pre-registration from the REAL DUO schools, with planted faults of every kind.

Deterministic: no randomness; every choice is "the first/largest/closest by a stated order", ties
broken by school code or COROP code.

1. The vmbo schools (has_vbo true, or with vmbo year 3-4 pupils, TL included) form one region per
   COROP area, ids STO19001... in COROP order. The lead is the member with the most technical
   students (then most counted students, then lowest code).
2. Faults are planted, each in its own COROP region(s) so they do not mask each other:
   - split-close-schools (+ split-institution): the largest COROP region is cut in two at the median
     RD x; the closest pairs across the cut are planted.
   - undersized-region + part-of-larger-area (+ split-close-schools): from the next largest region,
     the technical school nearest the centroid of its schools and the nearest non-technical school to
     it are carved out into a small region of their own.
   - techniekarm: up to three schools whose own technical share is below 10 % are taken out of one
     region into a region of their own.
   - fragmented-region: the northernmost school of the northernmost region (of at least five
     schools) is moved into the southernmost region.
   - school-in-multiple-regions: the school closest to another region's school is listed there too.
   - lead-without-technology: a member without technical students is made the lead of a region
     whose share is at least 10 %.
   - uncovered-school: one technical (non-lead) school is left out of each of three regions.
   - unknown-school: a malformed code (12AB3) and a well-formed unknown one (99ZZ99) are listed.
   - empty-region: a region is declared by a row with an empty brin6.
   - split-institution: occurs by itself; the first such institution (preferring one cut by the
     split above) is planted.

Writes `regio_id;regio_naam;brin6;rol` to --out and the planted faults as JSON to --planted:
[{"rule", "regions", "schools", "note"}], one entry per finding the rule makes (as the oracle and
the Swift audit report them), so a fault is visible when some finding of that rule has at least the
planted regions and schools.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from regio_inputs import load_schools, load_students

MALFORMED_CODE = "12AB3"
UNKNOWN_CODE = "99ZZ99"
TECHNIEKARM_BELOW = 0.10


@dataclass
class Region:
    id: str
    name: str
    members: list[str]
    corop: str | None = None
    lead: str | None = None           # set only where a fault needs a particular lead
    extra_codes: list[str] = field(default_factory=list)  # unknown codes, listed after the members


class Builder:
    """The vmbo schools of the register, their regions, and the faults planted so far."""

    def __init__(self, schools: pd.DataFrame, students: pd.DataFrame, close_by: float):
        figures = students.reindex(schools.index, fill_value=0)
        vmbo = schools["has_vbo"] | (figures["vmbo_upper"] > 0)
        self.schools = schools[vmbo & schools["corop"].ne("") & np.isfinite(schools["x"])].copy()
        self.counted = figures["counted"].astype(int)
        self.technical = figures["technical"].astype(int)
        self.close_by = close_by
        self.regions: dict[str, Region] = {}
        self.used: set[str] = set()        # region ids already carrying a fault
        self.planted: list[dict] = []
        self.next_number = 1

    # Helpers ------------------------------------------------------------------------------------

    def new_id(self) -> str:
        rid = f"STO19{self.next_number:03d}"
        self.next_number += 1
        return rid

    def plant(self, rule: str, regions, schools, note: str) -> None:
        self.planted.append({"rule": rule, "regions": sorted(set(regions)), "schools": sorted(set(schools)),
                             "note": note})

    def xy(self, codes) -> np.ndarray:
        return self.schools.loc[list(codes), ["x", "y"]].to_numpy(float)

    def distance(self, a: str, b: str) -> float:
        return float(np.hypot(*(self.xy([a])[0] - self.xy([b])[0])))

    def town_name(self, codes) -> str:
        towns = Counter(self.schools.loc[list(codes), "town"])
        town = min(towns, key=lambda t: (-towns[t], t))
        return town.title().replace("'S-", "'s-")

    def lead_of(self, region: Region) -> str | None:
        if region.lead is not None:
            return region.lead
        if not region.members:
            return None
        return min(region.members, key=lambda c: (-self.technical[c], -self.counted[c], c))

    def share(self, codes) -> float | None:
        counted = sum(self.counted[c] for c in codes)
        return sum(self.technical[c] for c in codes) / counted if counted else None

    def free_regions(self) -> list[Region]:
        """COROP regions without a fault yet, in id order."""
        return [r for rid, r in sorted(self.regions.items()) if r.corop is not None and rid not in self.used]

    def close_pairs(self, left, right) -> list[tuple[float, str, str]]:
        """Pairs (distance, a, b) with a in left, b in right, no more than close-by apart, closest first."""
        left, right = sorted(left), sorted(right)
        if not left or not right:
            return []
        d = np.hypot(*(self.xy(left)[:, None, :] - self.xy(right)[None, :, :]).transpose(2, 0, 1))
        pairs = [(float(d[i, j]), left[i], right[j]) for i, j in zip(*np.nonzero(d <= self.close_by))]
        return sorted(pairs)

    # Regions ------------------------------------------------------------------------------------

    def form_corop_regions(self) -> None:
        for corop in sorted(self.schools["corop"].unique(), key=int):
            codes = sorted(self.schools.index[self.schools["corop"] == corop])
            rid = self.new_id()
            self.regions[rid] = Region(rid, f"COROP {corop} {self.town_name(codes)}", codes, corop=corop)

    # Faults -------------------------------------------------------------------------------------

    def plant_split(self) -> tuple[str, str]:
        """Cuts the largest COROP region in two at the median RD x: close pairs across the cut."""
        west = max(self.free_regions(), key=lambda r: (len(r.members), -int(r.corop)))
        xs = self.schools.loc[west.members, "x"]
        cut = float(np.median(xs))
        east_members = sorted(xs.index[xs > cut])
        west.members = sorted(xs.index[xs <= cut])
        east = Region(self.new_id(), f"{west.name} Oost", east_members)
        west.name += " West"
        self.regions[east.id] = east
        self.used |= {west.id, east.id}
        for d, a, b in self.close_pairs(west.members, east.members)[:3]:
            self.plant("split-close-schools", [west.id, east.id], [a, b],
                       f"{west.id} cut at RD x {cut:.0f}: {a} and {b} are {d:.0f} m apart")
        return west.id, east.id

    def plant_carve_out(self) -> None:
        """Two schools from the middle of a region become a small region of their own."""
        source = max(self.free_regions(), key=lambda r: (len(r.members), -int(r.corop)))
        centre = self.xy(source.members).mean(axis=0)
        technical = [c for c in source.members if self.technical[c] > 0]
        first = min(technical, key=lambda c: (float(np.hypot(*(self.xy([c])[0] - centre))), c))
        others = [c for c in source.members if c != first and self.technical[c] == 0] or \
                 [c for c in source.members if c != first]
        second = min(others, key=lambda c: (self.distance(first, c), c))
        carved = Region(self.new_id(), f"{self.town_name([first, second])} Centrum", sorted([first, second]))
        source.members = [c for c in source.members if c not in carved.members]
        self.regions[carved.id] = carved
        self.used |= {source.id, carved.id}
        pair = carved.members
        self.plant("undersized-region", [carved.id], pair,
                   f"carved out of {source.id}: 2 schools, 1 with technical students "
                   f"({self.technical[first]} technical students)")
        self.plant("part-of-larger-area", [carved.id, source.id], pair,
                   f"{first} and {second} lie in the middle of {source.id} ({source.name})")
        d, a, b = self.close_pairs(carved.members, source.members)[0]
        self.plant("split-close-schools", [carved.id, source.id], [a, b], f"{a} and {b} are {d:.0f} m apart")

    def plant_techniekarm(self) -> None:
        """Schools with a technical share below 10 % form a region of their own."""
        def poor(region: Region) -> list[str]:
            return [c for c in region.members
                    if self.counted[c] > 0 and self.technical[c] / self.counted[c] < TECHNIEKARM_BELOW]

        source = max(self.free_regions(), key=lambda r: (len(poor(r)), -int(r.corop)))
        chosen = sorted(sorted(poor(source), key=lambda c: (-self.counted[c], c))[:3])
        region = Region(self.new_id(), f"Techniekarm {self.town_name(chosen)}", chosen)
        source.members = [c for c in source.members if c not in chosen]
        self.regions[region.id] = region
        self.used |= {source.id, region.id}
        self.plant("techniekarm", [region.id], chosen,
                   f"taken out of {source.id}; technical share {self.share(chosen):.3f}")

    def plant_fragmented(self) -> None:
        """The northernmost school of the northernmost region (of 5+ schools) moves to the southernmost."""
        free = [r for r in self.free_regions() if len(r.members) >= 5]
        centre_y = {r.id: self.xy(r.members)[:, 1].mean() for r in free}
        north = max(free, key=lambda r: (centre_y[r.id], r.id))
        south = min(free, key=lambda r: (centre_y[r.id], r.id))
        moved = max(north.members, key=lambda c: (self.schools.at[c, "y"], c))
        nearest = min(self.distance(moved, c) for c in south.members)
        north.members = [c for c in north.members if c != moved]
        south.members = sorted(south.members + [moved])
        self.used |= {north.id, south.id}
        self.plant("fragmented-region", [south.id], [moved],
                   f"{moved} moved from {north.id} into {south.id}; nearest other member {nearest / 1000:.0f} km")

    def plant_school_in_two_regions(self) -> None:
        """The school closest to a school of another free region is listed by that region too."""
        free = self.free_regions()
        best = None
        for home in free:
            for other in free:
                if other.id == home.id:
                    continue
                for d, a, _ in self.close_pairs(home.members, other.members)[:1]:
                    if best is None or (d, a) < best[:2]:
                        best = (d, a, home, other)
        d, school, home, other = best
        other.members = sorted(other.members + [school])
        self.used |= {home.id, other.id}
        self.plant("school-in-multiple-regions", [home.id, other.id], [school],
                   f"{school} of {home.id} also listed by {other.id} ({d:.0f} m from its nearest school)")

    def plant_lead_without_technology(self) -> None:
        """A member without technical students leads a region whose share is at least 10 %."""
        for region in self.free_regions():
            share = self.share(region.members)
            candidates = [c for c in region.members if self.technical[c] == 0]
            if candidates and share is not None and share >= TECHNIEKARM_BELOW + 0.01:
                region.lead = min(candidates, key=lambda c: (-self.counted[c], c))
                self.used.add(region.id)
                self.plant("lead-without-technology", [region.id], [region.lead],
                           f"lead {region.lead} has no technical students; region share {share:.3f}")
                return
        raise SystemExit("no region fits lead-without-technology")

    def plant_uncovered(self, count: int = 3) -> None:
        """One technical school (not the lead) is left out of each of the last `count` free regions."""
        planted = 0
        for region in reversed(self.free_regions()):
            lead = self.lead_of(region)
            technical = [c for c in region.members if self.technical[c] > 0 and c != lead]
            if not technical:
                continue
            left_out = min(technical, key=lambda c: (self.technical[c], c))
            region.members = [c for c in region.members if c != left_out]
            self.used.add(region.id)
            self.plant("uncovered-school", [], [left_out],
                       f"{left_out} ({self.technical[left_out]} technical students) left out of {region.id}")
            planted += 1
            if planted == count:
                return

    def plant_unknown_codes(self) -> None:
        """A malformed and a well-formed unknown code, each listed by a region."""
        first, second = self.free_regions()[:2]
        first.extra_codes.append(MALFORMED_CODE)
        second.extra_codes.append(UNKNOWN_CODE)
        self.plant("unknown-school", [first.id], [MALFORMED_CODE], "malformed code")
        self.plant("unknown-school", [second.id], [UNKNOWN_CODE], "well-formed code not in the register")

    def plant_empty_region(self) -> None:
        region = Region(self.new_id(), "Nieuwe regio (nog zonder scholen)", [])
        self.regions[region.id] = region
        self.plant("empty-region", [region.id], [], "declared by a row with an empty brin6")

    def plant_split_institution(self, prefer: set[str]) -> None:
        """The first institution whose locations ended up in different regions (preferring `prefer`)."""
        regions_of: dict[str, set[str]] = {}
        for region in self.regions.values():
            for code in region.members:
                regions_of.setdefault(code, set()).add(region.id)
        split = []
        for institution in sorted({c[:4] for c in regions_of}):
            codes = sorted(c for c in regions_of if c[:4] == institution)
            rids = set().union(*(regions_of[c] for c in codes))
            if len(codes) >= 2 and len(rids) >= 2:
                split.append((not (rids & prefer), institution, codes, rids))
        _, institution, codes, rids = min(split, key=lambda s: s[:2])
        self.plant("split-institution", rids, codes,
                   f"institution {institution}: {len(split)} institutions are split in this registration")

    # Output -------------------------------------------------------------------------------------

    def rows(self) -> list[list[str]]:
        rows = []
        for rid, region in sorted(self.regions.items()):
            lead = self.lead_of(region)
            if lead is None and not region.extra_codes:
                rows.append([rid, region.name, "", "deelnemer"])
                continue
            if lead is not None:
                rows.append([rid, region.name, lead, "penvoerder"])
            rows += [[rid, region.name, c, "deelnemer"] for c in region.members if c != lead]
            rows += [[rid, region.name, c, "deelnemer"] for c in region.extra_codes]
        return rows


def build(schools: pd.DataFrame, students: pd.DataFrame, close_by: float) -> Builder:
    builder = Builder(schools, students, close_by)
    builder.form_corop_regions()
    split = set(builder.plant_split())
    builder.plant_carve_out()
    builder.plant_techniekarm()
    builder.plant_fragmented()
    builder.plant_school_in_two_regions()
    builder.plant_lead_without_technology()
    builder.plant_uncovered()
    builder.plant_unknown_codes()
    builder.plant_empty_region()
    builder.plant_split_institution(prefer=split)
    return builder


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--schools", required=True, help="duo_vestigingen_vo_2020-12_geocoded.csv")
    parser.add_argument("--students", required=True, help="duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv")
    parser.add_argument("--out", required=True, help="pre-registration CSV to write")
    parser.add_argument("--planted", required=True, help="JSON list of planted faults to write")
    parser.add_argument("--close-by", type=float, default=5000.0, help="close-by distance in metres (default 5000)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    builder = build(load_schools(args.schools), load_students(args.students), args.close_by)
    rows = builder.rows()
    with open(args.out, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";", lineterminator="\n")
        writer.writerow(["regio_id", "regio_naam", "brin6", "rol"])
        writer.writerows(rows)
    with open(args.planted, "w", encoding="utf-8") as out:
        json.dump(builder.planted, out, indent=1, ensure_ascii=False)
        out.write("\n")
    rules = Counter(p["rule"] for p in builder.planted)
    schools = {r[2] for r in rows if r[2]}
    print(f"make_real_registration: {len(rows)} rows, {len(builder.regions)} regions, {len(schools)} codes "
          f"-> {args.out}; {len(builder.planted)} planted faults of {len(rules)} rules -> {args.planted}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
