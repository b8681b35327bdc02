"""The autopilot's stage time with every shipped car (headless).

    python benchmarks/stage_times.py [STAGE_ID] [--json]

Prints each car's stage time and how long the simulation took in wall-clock seconds.
"""

from __future__ import annotations

import argparse
import json
import time

from millegame import catalog
from millegame.core.sim import run_stage
from millegame.levels import load_stage


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("stage", nargs="?", default=catalog.list_stages()[0].id)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    stage = load_stage(catalog.resolve_stage(args.stage))
    rows = []
    for car in catalog.load_cars():
        t0 = time.perf_counter()
        result = run_stage(stage, car)
        wall_s = time.perf_counter() - t0
        rows.append({"car": car.id, "finished": result.finished, "time_s": result.time_s, "wall_s": round(wall_s, 2)})
    if args.json:
        print(json.dumps({"stage": stage.id, "route_m": round(stage.route_length_m), "cars": rows}))
        return
    print(f"{stage.title} — route {stage.route_length_m:.0f} m")
    for r in rows:
        t = f"{r['time_s']:7.2f} s" if r["finished"] else "    DNF"
        print(f"  {r['car']:22s} {t}   (simulated in {r['wall_s']:.1f} s)")


if __name__ == "__main__":
    main()
