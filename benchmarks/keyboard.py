"""The keyboard player against the autopilot on every shipped stage with every car (issue 14).

    python benchmarks/keyboard.py [STAGE_ID ...] [--json]

Prints a markdown table — stage × car: the autopilot's time, the keyboard player's time
(penalties included), their ratio, the keyboard player's wall hits and respawns — then the
worst ratio, the wall time and the load average. The goal: every ratio ≤ 1.35, no respawn
(``tests/test_keyboard.py`` asserts it). Stage times are deterministic; the wall time is not.
"""

from __future__ import annotations

import argparse
import json
import os
import time

from millegame import catalog
from millegame.core.keyboard import keyboard_against_autopilot
from millegame.levels import load_stage


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stages", nargs="*", metavar="STAGE_ID")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    infos = [s for s in catalog.list_stages() if not args.stages or s.id in args.stages]
    cars = list(catalog.load_cars())
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


if __name__ == "__main__":
    main()
