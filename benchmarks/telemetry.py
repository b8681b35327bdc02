"""What telemetry costs: a whole stage driven by the autopilot with and without recording it,
then computing the columns, writing and reading CSV and npz, and drawing the plot.

    python benchmarks/telemetry.py [--stage prologo] [--car porsche-550] [--repeat 3] [--json]

Drive times are the best of N runs (CPU time of this process, so other jobs on the machine
matter less); file figures are single runs. The plot needs matplotlib (``millegame[plot]``).
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from millegame.api import Telemetry, drive_stage, load_car, load_stage


def cpu_s(fn) -> float:  # type: ignore[no-untyped-def]
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stage", default="prologo")
    ap.add_argument("--car", default="porsche-550")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    stage, car = load_stage(args.stage), load_car(args.car)
    drive_stage(stage, car, max_time_s=1.0)  # warm up the kernels
    plain = min(cpu_s(lambda: drive_stage(stage, car)) for _ in range(args.repeat))
    recorded: list[Telemetry] = []

    def with_telemetry() -> None:
        t = Telemetry()
        drive_stage(stage, car, on_tick=t.record)
        recorded.append(t)

    with_t = min(cpu_s(with_telemetry) for _ in range(args.repeat))
    telemetry = recorded[-1]
    out: dict[str, object] = {
        "stage": stage.id, "car": car.id, "ticks": telemetry.ticks, "drive_s": round(plain, 3),
        "drive_with_telemetry_s": round(with_t, 3),
        "record_us_per_tick": round((with_t - plain) / telemetry.ticks * 1e6, 2),
        "table_s": round(cpu_s(telemetry.table), 3),
    }  # fmt: skip
    with tempfile.TemporaryDirectory() as d:
        for suffix in ("csv", "npz"):
            path = Path(d) / f"run.{suffix}"
            out[f"save_{suffix}_s"] = round(cpu_s(lambda p=path: telemetry.save(p)), 3)
            out[f"{suffix}_mb"] = round(os.path.getsize(path) / 1e6, 2)
            out[f"load_{suffix}_s"] = round(cpu_s(lambda p=path: Telemetry.load(p).table()), 3)
        try:
            from millegame.telemetry_plot import plot_telemetry
        except ImportError:
            out["plot_s"] = None
        else:
            t0 = time.perf_counter()
            plot_telemetry(telemetry, stage, Path(d) / "run.png")
            out["plot_s"] = round(time.perf_counter() - t0, 3)
    out["load_average"] = [round(v, 2) for v in os.getloadavg()]
    if args.json:
        print(json.dumps(out))
        return
    for key, value in out.items():
        print(f"{key:26s} {value}")


if __name__ == "__main__":
    main()
