"""GerryChain's plan-step rate on the real municipalities, for scale against regio's scenario edits.

A plan step in GerryChain (propose a changed districting plan, check it, update the tallies) is the
nearest peer of one scenario edit re-audited incrementally in regio (move a school or a municipality,
re-evaluate the rules that it touches). This script measures GerryChain on the 2020 municipalities:

* build the rook-contiguity graph of `gemeenten_2020_wgs84.geojson` (projected to EPSG:28992) and keep
  its largest connected component (the Wadden islands share no border with the mainland);
* make an initial plan of `--districts` districts with `recursive_tree_part`;
* run (a) a single-unit flip chain (`propose_random_flip`, `single_flip_contiguous`, `always_accept`)
  for `--steps` steps, the analogue of moving one school, and (b) a ReCom chain for `--recom-steps`
  steps, the reference algorithm for exploring alternative plans.

Both chains carry the usual updaters (a population Tally and cut_edges) and read both every step, as
a chain that records statistics does. The municipality file has no population (`inwoners`), so every
unit weighs 1 and "population balance" means a balanced number of municipalities.

Python is for benchmarks only; gerrychain is pinned in benchmarks/requirements-peers.txt.
    usage: .venv/bin/python benchmarks/gerrychain_steps.py [--steps 2000] [--recom-steps 200]
               [--seed 2026] [--districts 20] [--epsilon 0.2] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import time
import warnings
from functools import partial
from importlib.metadata import version

import geopandas
import networkx

from gerrychain import Graph, MarkovChain, Partition
from gerrychain.accept import always_accept
from gerrychain.constraints import (
    no_vanishing_districts,
    single_flip_contiguous,
    within_percent_of_ideal_population,
)
from gerrychain.partition import recursive_tree_part
from gerrychain.proposals import propose_random_flip, recom
from gerrychain.updaters import Tally, cut_edges

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_GEODATA = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "geodata"))
POP = "population"


def build_graph(path: str) -> tuple[Graph, dict]:
    """Read, project and build the rook graph; keep the largest connected component."""
    timings = {}
    t = time.perf_counter()
    frame = geopandas.read_file(path)
    timings["read_s"] = time.perf_counter() - t

    t = time.perf_counter()
    frame = frame.to_crs(28992)
    if "inwoners" in frame.columns:
        frame[POP] = frame["inwoners"].fillna(0).astype(int)
        population = "inwoners"
    else:
        frame[POP] = 1
        population = "1 per municipality (the file has no inwoners)"
    timings["project_s"] = time.perf_counter() - t

    t = time.perf_counter()
    with warnings.catch_warnings():  # "Found islands": reported below as components
        warnings.filterwarnings("ignore", message="Found islands")
        full = Graph.from_geodataframe(frame, adjacency="rook", cols_to_add=[POP, "statcode", "statnaam"])
    timings["rook_graph_s"] = time.perf_counter() - t

    t = time.perf_counter()
    nx_full = full.get_nx_graph()
    components = sorted(networkx.connected_components(nx_full), key=len, reverse=True)
    largest = components[0]
    graph = Graph.from_networkx(nx_full.subgraph(largest).copy())
    timings["largest_component_s"] = time.perf_counter() - t

    dropped = sorted(nx_full.nodes[n]["statnaam"] for c in components[1:] for n in c)
    info = {
        "units_in_file": nx_full.number_of_nodes(),
        "edges_in_file": nx_full.number_of_edges(),
        "components": len(components),
        "units": graph.get_nx_graph().number_of_nodes(),
        "edges": graph.get_nx_graph().number_of_edges(),
        "dropped_units": dropped,
        "population": population,
        "timings": timings,
    }
    return graph, info


def run_chain(chain: MarkovChain, proposals: list[int]) -> dict:
    """Iterate the chain, reading the tallies every step; time the transitions only."""
    states = iter(chain)
    first = next(states)  # the initial plan, not a step
    first["population"], first["cut_edges"]
    t = time.perf_counter()
    steps = 0
    cut_total = 0
    for state in states:
        state["population"]
        cut_total += len(state["cut_edges"])
        steps += 1
    elapsed = time.perf_counter() - t
    return {
        "steps": steps,
        "proposals": proposals[0],
        "seconds": elapsed,
        "steps_per_s": steps / elapsed,
        "ms_per_step": elapsed * 1000 / steps,
        "mean_cut_edges": cut_total / steps,
        "final_cut_edges": len(chain.state["cut_edges"]),
    }


def counted(proposal, proposals: list[int]):
    """Wrap a proposal so that rejected proposals (the chain does not count them) are counted."""

    def proposal_fn(partition, *, rng):
        proposals[0] += 1
        return proposal(partition, rng=rng)

    return proposal_fn


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", type=int, default=2000, help="flip-chain steps (default 2000)")
    parser.add_argument("--recom-steps", type=int, default=200, help="ReCom steps (default 200)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    parser.add_argument("--districts", type=int, default=20, help="districts in the plan (default 20)")
    parser.add_argument("--epsilon", type=float, default=0.2,
                        help="population tolerance of the initial plan and ReCom (default 0.2)")
    parser.add_argument("--geodata", default=DEFAULT_GEODATA, help="folder with the real data")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON to FILE")
    args = parser.parse_args()

    random.seed(args.seed)
    path = os.path.join(args.geodata, "gemeenten_2020_wgs84.geojson")
    if not os.path.exists(path):
        print(f"gerrychain_steps: {path} not found (use --geodata)", file=sys.stderr)
        return 1

    t = time.perf_counter()
    graph, info = build_graph(path)
    info["timings"]["build_total_s"] = time.perf_counter() - t

    updaters = {"population": Tally(POP, alias="population"), "cut_edges": cut_edges}
    total_pop = sum(graph.node_data(n)[POP] for n in graph.node_indices)
    ideal = total_pop / args.districts

    t = time.perf_counter()
    assignment = recursive_tree_part(graph, range(args.districts), ideal, POP, args.epsilon,
                                     rng=random.Random(args.seed))
    initial = Partition(graph, assignment, updaters)
    initial_s = time.perf_counter() - t
    sizes = sorted(initial["population"].values())

    flip_proposals = [0]
    flip = MarkovChain(
        proposal_fn=counted(propose_random_flip, flip_proposals),
        constraints=[single_flip_contiguous, no_vanishing_districts],
        acceptance_fn=always_accept,
        initial_partition=initial,
        total_steps=args.steps + 1,
        rng=args.seed,
    )
    flip_result = run_chain(flip, flip_proposals)

    recom_proposals = [0]
    recom_chain = MarkovChain(
        proposal_fn=counted(partial(recom, pop_col=POP, pop_target=ideal, epsilon=args.epsilon),
                            recom_proposals),
        constraints=[within_percent_of_ideal_population(initial, args.epsilon)],
        acceptance_fn=always_accept,
        initial_partition=initial,
        total_steps=args.recom_steps + 1,
        rng=args.seed + 1,
    )
    recom_result = run_chain(recom_chain, recom_proposals)

    versions = {name: version(name) for name in
                ("gerrychain", "networkx", "rustworkx", "geopandas", "shapely", "numpy", "scipy")}
    tm = info["timings"]
    print(f"GerryChain {versions['gerrychain']} (networkx {versions['networkx']}, "
          f"rustworkx {versions['rustworkx']}), Python {platform.python_version()}, seed {args.seed}")
    print(f"graph: {info['units_in_file']} municipalities, {info['edges_in_file']} rook edges, "
          f"{info['components']} connected components; largest: {info['units']} units, {info['edges']} edges")
    print(f"  left out ({len(info['dropped_units'])}): {', '.join(info['dropped_units'])}")
    print(f"  population: {info['population']}")
    print(f"graph build: {tm['build_total_s'] * 1000:.0f} ms (read {tm['read_s'] * 1000:.0f}, "
          f"project {tm['project_s'] * 1000:.0f}, rook graph {tm['rook_graph_s'] * 1000:.0f}, "
          f"largest component {tm['largest_component_s'] * 1000:.0f})")
    print(f"initial plan: {args.districts} districts by recursive_tree_part (epsilon {args.epsilon}), "
          f"sizes {sizes[0]}..{sizes[-1]} (ideal {ideal:.1f}), {len(initial['cut_edges'])} cut edges, "
          f"{initial_s * 1000:.0f} ms")
    for name, r in (("flip (propose_random_flip, single_flip_contiguous, always_accept)", flip_result),
                    (f"ReCom (epsilon {args.epsilon})", recom_result)):
        print(f"{name}: {r['steps']} steps in {r['seconds']:.3f} s = {r['steps_per_s']:.0f} steps/s "
              f"({r['ms_per_step']:.3f} ms/step; {r['proposals']} proposals, "
              f"{r['proposals'] - r['steps']} rejected); mean cut edges {r['mean_cut_edges']:.1f}")

    if args.json:
        result = {
            "seed": args.seed,
            "districts": args.districts,
            "epsilon": args.epsilon,
            "python": platform.python_version(),
            "versions": versions,
            "graph": info,
            "initial_plan": {"seconds": initial_s, "sizes": sizes, "cut_edges": len(initial["cut_edges"])},
            "flip": flip_result,
            "recom": recom_result,
        }
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
