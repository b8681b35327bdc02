"""The field benchmark: 450 period crews on the longest shipped stage, in one race.

    python benchmarks/field.py [--entrants N] [--rules corsa|regolarita] [--no-dedupe] [--json]

Target (issue 5): 450 entrants on the longest stage (by route length) in at most 10 s of
wall time. Crews sharing a car and a quantised pace drive the same deterministic run, so
``run_field`` simulates each such pair once (``--no-dedupe`` simulates every crew).
The kernel is compiled (and cached) by a short warm-up race first, not timed.
"""

from __future__ import annotations

import argparse
import json
import time

from millegame import catalog
from millegame.core.field import crew_key, make_field, run_field
from millegame.levels import load_stage


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entrants", type=int, default=450)
    ap.add_argument("--rules", choices=["corsa", "regolarita"], default="corsa")
    ap.add_argument("--no-dedupe", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    stages = [load_stage(s.path) for s in catalog.list_stages()]
    stage = max(stages, key=lambda s: s.route_length_m)
    cars = catalog.load_cars()
    by_id = {c.id: c for c in cars}
    crews = make_field(cars, args.entrants)
    run_field(stage, crews[:2], by_id, rules=args.rules, max_time_s=1.0)  # warm-up: compile/load kernels
    start = time.perf_counter()
    entries = run_field(stage, crews, by_id, rules=args.rules, dedupe=not args.no_dedupe)
    wall = time.perf_counter() - start
    unique = len({crew_key(c, args.rules) for c in crews})
    finished = sum(e.time_s is not None for e in entries)
    out = {
        "stage": stage.id,
        "route_m": round(stage.route_length_m),
        "entrants": args.entrants,
        "rules": args.rules,
        "simulated_cars": args.entrants if args.no_dedupe else unique,
        "finished": finished,
        "slowest_s": max((e.time_s for e in entries if e.time_s is not None), default=None),
        "wall_s": round(wall, 2),
        "target_s": 10.0,
    }
    if args.json:
        print(json.dumps(out))
    else:
        print(
            f"{out['entrants']} crews ({out['simulated_cars']} distinct runs) on {stage.id} ({out['route_m']} m), "
            f"{args.rules}: {wall:.2f} s wall (target ≤ 10 s); {finished} finished, slowest {out['slowest_s']} s"
        )


if __name__ == "__main__":
    main()
