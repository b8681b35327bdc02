"""How long each shipped stage takes to load: file → Stage ready for physics (headless).

    python benchmarks/stage_load.py [--repeat N] [--json]

Prints, per stage, the map size and the best and median of N loads in milliseconds
(the first load of the process, which also imports pytmx and reads the surface table,
is not counted). The target: the largest stage loads in at most 300 ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from millegame import catalog
from millegame.levels import load_stage

TARGET_MS = 300.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5, help="loads per stage (default 5)")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()
    stages = catalog.list_stages()
    load_stage(stages[0].path)  # warm up: imports, the surface table
    rows = []
    for info in stages:
        times = []
        for _ in range(max(1, args.repeat)):
            t0 = time.perf_counter()
            stage = load_stage(info.path)
            times.append((time.perf_counter() - t0) * 1000.0)
        rows.append(
            {
                "stage": info.id,
                "tiles": [stage.cols, stage.rows],
                "file_kb": round(info.path.stat().st_size / 1024),
                "best_ms": round(min(times), 1),
                "median_ms": round(statistics.median(times), 1),
            }
        )
    worst = max(r["median_ms"] for r in rows)
    if args.json:
        print(json.dumps({"target_ms": TARGET_MS, "worst_median_ms": worst, "stages": rows}))
        return
    for r in rows:
        cols, nrows = r["tiles"]
        print(
            f"{r['stage']:16s} {cols:4d}×{nrows:<4d} tiles {r['file_kb']:6d} KB   "
            f"best {r['best_ms']:6.1f} ms   median {r['median_ms']:6.1f} ms"
        )
    verdict = "ok" if worst <= TARGET_MS else "TOO SLOW"
    print(f"slowest median {worst:.1f} ms (target ≤ {TARGET_MS:.0f} ms): {verdict}")


if __name__ == "__main__":
    main()
