"""Frame time of the heaviest race scene, and the time from `millegame` to the title.

    python benchmarks/render.py [STAGE_ID] [--frames N] [--size 1280x720] [--json]
    python benchmarks/render.py --startup [--runs 5] [--json]

The frame benchmark runs headless (SDL dummy video and audio drivers) at 1280×720 on
the heaviest look: night, rain, particles, the full HUD with pace notes and minimap,
and a ghost car (the same car's pose a second earlier). The autopilot drives; every
frame is a whole ``App.frame`` (1/60 s of game), timed with ``perf_counter``. The first
60 frames (chunk baking behind the start) are not counted.

What is the shell's and what is the simulation's: the time spent in ``Race.step`` and
in the autopilot (two 120 Hz ticks per frame; ``benchmarks/physics.py`` measures those)
is timed separately and taken out, so ``median_ms``/``p99_ms`` are the shell's work per
frame — effects, sound, camera, world, lights, weather, HUD. ``frame_median_ms`` and
``frame_p99_ms`` are the whole frame, simulation included. ``--json`` prints
``{"median_ms", "p99_ms", "frames", …}``.

``--startup`` starts ``python -m millegame`` in a fresh process (dummy drivers) with
``MILLEGAME_FIRST_FRAME_EXIT=1``, which draws the title screen once and exits, and
reports the wall time from spawning the process to its exit (median of ``--runs``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections import deque

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

WARMUP_FRAMES = 60


def frame_benchmark(stage_id: str | None, frames: int, size: tuple[int, int]) -> dict[str, object]:
    import pygame

    from millegame import catalog
    from millegame.core.autopilot import Autopilot
    from millegame.core.race import Race
    from millegame.levels import load_stage
    from millegame.ui.app import App
    from millegame.ui.atmosphere import Atmosphere
    from millegame.ui.scenes.demo import DemoScene
    from millegame.ui.settings import Settings

    sim_ms = [0.0]

    def timed(f):  # type: ignore[no-untyped-def]
        def g(*a, **k):  # type: ignore[no-untyped-def]
            t = time.perf_counter()
            try:
                return f(*a, **k)
            finally:
                sim_ms[0] += (time.perf_counter() - t) * 1000.0

        return g

    Race.step = timed(Race.step)  # type: ignore[method-assign]
    Autopilot.controls = timed(Autopilot.controls)  # type: ignore[method-assign]
    pygame.display.init()
    pygame.font.init()
    screen = pygame.display.set_mode(size)
    path = catalog.resolve_stage(stage_id) if stage_id else catalog.list_stages()[0].path
    stage = load_stage(path)
    app = App(size, mode="menu", stage_loader=lambda: stage, settings=Settings())
    car = catalog.load_car("mercedes-300-slr")
    scene = DemoScene(app, stage, car, exit_on_key=False, atmosphere=Atmosphere("night", "rain"))
    app.scenes = [scene]
    trail: deque[tuple[float, float, float]] = deque(maxlen=60)
    times: list[float] = []
    whole: list[float] = []
    particles_max = 0
    for k in range(frames + WARMUP_FRAMES):
        st = scene.race.state
        trail.append((float(st.x[0]), float(st.y[0]), float(st.heading[0])))
        scene.view.ghost = trail[0]  # a ghost one second behind
        sim_ms[0] = 0.0
        t0 = time.perf_counter()
        app.frame([], 1 / 60, screen)
        dt = (time.perf_counter() - t0) * 1000.0
        if k >= WARMUP_FRAMES:
            times.append(dt - sim_ms[0])
            whole.append(dt)
        particles_max = max(particles_max, scene.view.particles.alive)
        if app.top is not scene:  # the demo moved on to the next car: keep the same look
            scene = app.top  # type: ignore[assignment]
    times.sort()
    whole.sort()
    app.shutdown()

    def p99(xs: list[float]) -> float:
        return round(xs[min(len(xs) - 1, int(len(xs) * 0.99))], 3)

    return {
        "median_ms": round(statistics.median(times), 3),
        "p99_ms": p99(times),
        "frames": len(times),
        "mean_ms": round(statistics.fmean(times), 3),
        "max_ms": round(times[-1], 3),
        "frame_median_ms": round(statistics.median(whole), 3),
        "frame_p99_ms": p99(whole),
        "size": f"{size[0]}x{size[1]}",
        "stage": stage.id,
        "look": "night, rain",
        "particles_max": particles_max,
        "stage_time_s": round(scene.race.time_s, 2),
    }


def startup_benchmark(runs: int) -> dict[str, object]:
    env = {
        **os.environ,
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "dummy",
        "MILLEGAME_FIRST_FRAME_EXIT": "1",
    }
    walls = []
    for _ in range(runs):
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "millegame"], env=env, capture_output=True, timeout=60)
        walls.append(time.perf_counter() - t0)
        if done.returncode != 0:
            raise SystemExit(f"millegame exited with {done.returncode}: {done.stderr.decode()[-400:]}")
    return {"startup_s": round(statistics.median(walls), 3), "runs": runs, "all_s": [round(w, 3) for w in walls]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stage", nargs="?", default=None)
    ap.add_argument("--frames", type=int, default=1200)
    ap.add_argument("--size", default="1280x720")
    ap.add_argument("--startup", action="store_true", help="time `millegame` to its first title frame")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.startup:
        result = startup_benchmark(args.runs)
        print(json.dumps(result) if args.json else f"millegame → title: {result['startup_s']:.3f} s (median)")
        return
    w, h = (int(v) for v in args.size.lower().split("x"))
    result = frame_benchmark(args.stage, args.frames, (w, h))
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"{result['frames']} frames at {result['size']} ({result['look']}): shell "
            f"median {result['median_ms']} ms, p99 {result['p99_ms']} ms; whole frame with the simulation "
            f"median {result['frame_median_ms']} ms, p99 {result['frame_p99_ms']} ms"
        )


if __name__ == "__main__":
    main()
