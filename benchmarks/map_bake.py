"""How long one map chunk takes to bake at the closest zoom, from the HD art and without it.

    python benchmarks/map_bake.py [STAGE_ID ...] [--size 1280x720] [--rounds 3] [--json]

Headless (SDL dummy driver). For each stage, the chunks on and around a 1280×720 (or
``--size``) screen at the start are baked (ground and above-cars layers, as the game's
prefetch does, one chunk a frame) at the closest zoom level for a 4.4 m car, once from the
tilesets' HD art and once with it turned off (the tilesets' own 8 px/m images enlarged,
as before the HD art), taking turns ``--rounds`` times so a machine whose speed drifts
slows both alike. Reports the median and the worst chunk [ms] of each, in CPU time
(``process_time``: on a machine shared with other busy processes the wall time mostly
measures the waits). A chunk is baked in the frame that first needs it, so its time is a
frame's hitch: it should stay well under the 16.7 ms of a 60 Hz frame.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from dataclasses import replace

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame

from millegame import catalog
from millegame.core.stage import Stage
from millegame.levels import load_stage
from millegame.ui.render.camera import Camera, zoom_levels
from millegame.ui.render.map_renderer import MapRenderer


def without_hd(stage: Stage) -> Stage:
    assert stage.art is not None
    tilesets = tuple(replace(ts, hd_path=None, hd_scale=1) for ts in stage.art.tilesets)
    return replace(stage, art=replace(stage.art, tilesets=tilesets))


def bake_times(stage: Stage, px_per_m: float, size: tuple[int, int]) -> tuple[list[float], int]:
    """Per-chunk bake times [ms] around the start, and the chunk's baked side [px]."""
    renderer = MapRenderer(stage, px_per_m)
    cam = Camera(size[0], size[1], px_per_m)
    cam.snap(*stage.start_xy)
    times = []
    for key in renderer.visible(cam, margin=1):
        t0 = time.process_time()
        renderer.ground_chunk(key)
        renderer.above_chunk(key)
        times.append((time.process_time() - t0) * 1000.0)
    return times, renderer.native_size()[0] if stage.art is not None else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stages", nargs="*", help="stage ids (default: all)")
    ap.add_argument("--size", default="1280x720", help="window size WxH (default 1280x720)")
    ap.add_argument("--rounds", type=int, default=3, help="turns of each (default 3)")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()
    w, h = (int(v) for v in args.size.lower().split("x"))
    pygame.display.init()
    pygame.display.set_mode((w, h))
    ppm = zoom_levels(w, h, 4.4)[0]
    infos = [i for i in catalog.list_stages() if not args.stages or i.id in args.stages]
    rows = []
    for info in infos:
        stage = load_stage(info.path)
        looks = {"hd": stage, "base": without_hd(stage)}
        times: dict[str, list[float]] = {"hd": [], "base": []}
        side: dict[str, int] = {}
        for _ in range(max(1, args.rounds)):
            for name, st in looks.items():
                t, side[name] = bake_times(st, ppm, (w, h))
                times[name] += t
        row: dict[str, object] = {"stage": info.id, "px_per_m": round(ppm, 2)}
        for name in ("base", "hd"):
            row[name] = {
                "chunk_px": side[name],
                "median_ms": round(statistics.median(times[name]), 2),
                "max_ms": round(max(times[name]), 2),
                "chunks": len(times[name]),
            }
        rows.append(row)
    load = [round(v, 2) for v in os.getloadavg()]
    if args.json:
        print(json.dumps({"size": args.size, "load_average": load, "stages": rows}))
        return
    for r in rows:
        b, d = r["base"], r["hd"]
        assert isinstance(b, dict) and isinstance(d, dict)
        print(
            f"{r['stage']:16s} {r['px_per_m']} px/m   8 px/m art ({b['chunk_px']} px): median {b['median_ms']:5.1f} "
            f"max {b['max_ms']:5.1f} ms   HD art ({d['chunk_px']} px): median {d['median_ms']:5.1f} "
            f"max {d['max_ms']:5.1f} ms"
        )
    print(f"load average {load}")


if __name__ == "__main__":
    main()
