"""The keyboard player against the autopilot on every shipped stage with every car (issue 14).

    python benchmarks/keyboard.py [STAGE_ID ...] [--json]
    python benchmarks/keyboard.py [STAGE_ID ...] --perturb

Prints a markdown table — stage × car: the autopilot's time, the keyboard player's time
(penalties included), their ratio, the keyboard player's wall hits and respawns — then the
worst ratio, the wall time and the load average. The goal: every ratio ≤ 1.35, no respawn
(``tests/test_keyboard.py`` asserts it). Stage times are deterministic; the wall time is not.

``--perturb``: the keyboard player alone, each car from eleven starts moved sideways by
0 to ±20 cm; per stage × car the finishes, the spread of the times, respawns and wall hits
(a robust player's times barely move).
"""

from __future__ import annotations

import argparse
import json
import os
import time

from millegame import catalog
from millegame.core.car import CarParams
from millegame.core.keyboard import keyboard_against_autopilot, keyboard_from_perturbed_starts
from millegame.levels import load_stage


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stages", nargs="*", metavar="STAGE_ID")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--perturb", action="store_true", help="the keyboard player from starts a few cm apart")
    args = ap.parse_args()
    infos = [s for s in catalog.list_stages() if not args.stages or s.id in args.stages]
    cars = list(catalog.load_cars())
    if args.perturb:
        perturbed(infos, cars)
        return
    rows = []
    start = time.perf_counter()
    if not args.json:
        print("| stage | car | autopilot | keyboard | ratio | wall hits | respawns |")
        print("|---|---|---|---|---|---|---|")
    for info in infos:
        for run in keyboard_against_autopilot(load_stage(info.path), cars):
            rows.append(run)
            if not args.json:
                ratio = f"{run.ratio:.2f}" if run.ratio is not None else "—"
                auto = f"{run.autopilot_s:.1f} s" if run.autopilot_s is not None else "DNF"
                keys = f"{run.keyboard_s:.1f} s" if run.keyboard_s is not None else "DNF"
                print(f"| {run.stage} | {run.car} | {auto} | {keys} | {ratio} | {run.wall_hits} | {run.respawns} |")
    elapsed = time.perf_counter() - start
    ratios = [r.ratio if r.ratio is not None else float("inf") for r in rows]
    if args.json:
        print(json.dumps({"runs": [{**r.__dict__, "ratio": r.ratio} for r in rows], "wall_s": elapsed}))
        return
    print(f"\nworst ratio {max(ratios):.3f}; respawns {sum(r.respawns for r in rows)}; "
          f"{elapsed:.0f} s wall; load average {os.getloadavg()}")  # fmt: skip


OFFSETS_M = [-0.2, -0.1, -0.05, -0.02, -0.005, 0.0, 0.005, 0.02, 0.05, 0.1, 0.2]


def perturbed(infos: list[catalog.StageInfo], cars: list[CarParams]) -> None:
    """Print the keyboard player's times from starts OFFSETS_M apart, stage × car."""
    start = time.perf_counter()
    print("| stage | car | finished | fastest | slowest | spread | respawns | wall hits |")
    print("|---|---|---|---|---|---|---|---|")
    spreads = []
    for info in infos:
        runs = keyboard_from_perturbed_starts(load_stage(info.path), cars, OFFSETS_M)
        for car in cars:
            mine = [r for r in runs if r.car == car.id]
            times = [r.keyboard_s for r in mine if r.keyboard_s is not None]
            spread = max(times) - min(times) if times else float("inf")
            spreads.append(spread)
            fast, slow = (f"{min(times):.1f} s", f"{max(times):.1f} s") if times else ("—", "—")
            print(f"| {info.id} | {car.id} | {len(times)} of {len(mine)} | {fast} | {slow} | {spread:.1f} s "
                  f"| {sum(r.respawns for r in mine)} | {sum(r.wall_hits for r in mine)} |")  # fmt: skip
    spreads.sort()
    print(f"\nspread of the times: median {spreads[len(spreads) // 2]:.1f} s, worst {spreads[-1]:.1f} s; "
          f"{time.perf_counter() - start:.0f} s wall; load average {os.getloadavg()}")  # fmt: skip


if __name__ == "__main__":
    main()
