"""Long runs: memory stays flat and nothing slows down.

    python benchmarks/long_run.py --minutes 60          # simulated driving, headless
    python benchmarks/long_run.py --render-minutes 10   # the game rendering at full speed

Driving: the autopilot drives every shipped stage in route order, over and over, each
lap a fresh ``run_stage`` (race, autopilot, collision world) as a session of the game
makes them, until ``--minutes`` of stage time have been driven (faster than real time).
After every lap: the process's resident memory (``/proc/self/statm``) and ticks per
second of CPU time (``time.process_time``: the machine is shared, wall time is noise).
The first pass over the stages is the warm-up (numba, caches); the peak resident memory
of any later pass may not exceed the warm-up pass's peak by more than ``--max-growth-mb``
(stages differ in size, so passes are compared, not laps), and no lap may run slower than
its stage's first lap by more than ``--max-slowdown`` ×.

Rendering: ``ui.app.run(mode="demo")`` with the frame cap lifted (dummy SDL driver unless
one is set), for ``--render-minutes`` of real time; resident memory is sampled every
10 s from a thread. The renderer's caches fill as the camera sees more of the map (baked
chunks, at most ``map_renderer.MAX_CHUNKS`` ≈ 65 MB; tyre marks per chunk), so the first
half of the run is the warm-up: over the second half the resident memory may not grow by
more than ``--max-growth-mb``. The growth after the first minute is printed too.

Exit 0 when both hold, 1 otherwise; the figures are in docs/reliability.md and BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE / 2**20


def drive(minutes: float, car_id: str, max_growth_mb: float, max_slowdown: float) -> bool:
    from millegame import catalog
    from millegame.core.sim import run_stage
    from millegame.levels import load_stage

    car = catalog.load_car(car_id)
    stages = [load_stage(s.path) for s in catalog.list_stages()]
    first_rate: dict[str, float] = {}
    worst_ratio = (1.0, "")
    driven_s, lap, t_start = 0.0, 0, time.perf_counter()
    peaks: list[float] = []  # peak RSS of each pass over the stages [MB]
    print(f"{'lap':>4} {'stage':16s} {'stage s':>8} {'ticks/cpu-s':>11} {'RSS MB':>7}  (car {car.id})")
    while driven_s < minutes * 60:
        stage = stages[lap % len(stages)]
        t0 = time.process_time()
        result = run_stage(stage, car, max_time_s=900.0)
        rate = result.ticks / max(time.process_time() - t0, 1e-9)
        driven_s += result.ticks / 120.0
        rss = rss_mb()
        if lap % len(stages) == 0:
            peaks.append(rss)
        peaks[-1] = max(peaks[-1], rss)
        lap += 1
        if stage.id in first_rate:
            ratio = rate / first_rate[stage.id]
            worst_ratio = min(worst_ratio, (ratio, f"lap {lap} {stage.id}"))
        else:
            first_rate[stage.id] = rate
        print(f"{lap:4d} {stage.id:16s} {result.ticks / 120:8.1f} {rate:11.0f} {rss:7.1f}", flush=True)
    growth = max(peaks[1:]) - peaks[0] if len(peaks) > 1 else 0.0
    wall_total = time.perf_counter() - t_start
    print(
        f"driven {driven_s / 60:.1f} simulated min in {wall_total / 60:.1f} real min ({lap} laps); "
        f"peak RSS per pass {', '.join(f'{p:.1f}' for p in peaks)} MB, growth after the warm-up pass "
        f"{growth:+.1f} MB; slowest lap vs its stage's first: {worst_ratio[0]:.2f} × ({worst_ratio[1] or '-'})"
    )
    ok = growth <= max_growth_mb and worst_ratio[0] >= 1.0 / max_slowdown
    print("drive:", "ok" if ok else "FAILED")
    return ok


def render(minutes: float, max_growth_mb: float) -> bool:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    from millegame.ui import app as app_module

    app_module.FPS_CAP = 0  # Clock.tick(0) never sleeps: render at full speed
    samples: list[tuple[float, float]] = []
    stop = threading.Event()
    t0 = time.perf_counter()

    def sample() -> None:
        while not stop.wait(10.0):
            samples.append((time.perf_counter() - t0, rss_mb()))
            print(f"  {samples[-1][0]:6.0f} s  RSS {samples[-1][1]:7.1f} MB", flush=True)
            if samples[-1][0] >= minutes * 60:
                pygame.event.post(pygame.event.Event(pygame.QUIT))  # thread-safe: ends the run loop

    frames = 0
    original_flip = pygame.display.flip

    def counting_flip() -> None:
        nonlocal frames
        frames += 1
        original_flip()

    pygame.display.flip = counting_flip
    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        app_module.run(mode="demo", window=(1280, 720))
    finally:
        stop.set()
    wall = time.perf_counter() - t0
    after_first_minute = [m for t, m in samples if t >= 60.0]
    second_half = [m for t, m in samples if t >= wall / 2]
    early = (max(after_first_minute) - after_first_minute[0]) if after_first_minute else 0.0
    growth = (max(second_half) - second_half[0]) if second_half else 0.0
    print(
        f"rendered {frames} frames in {wall / 60:.1f} min ({frames / wall:.0f} frames/s); RSS at 1 min "
        f"{after_first_minute[0] if after_first_minute else float('nan'):.1f} MB, growth after it {early:+.1f} MB; "
        f"growth over the second half {growth:+.1f} MB"
    )
    ok = growth <= max_growth_mb
    print("render:", "ok" if ok else "FAILED")
    return ok


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--minutes", type=float, default=0.0, help="simulated minutes of driving (e.g. 60)")
    p.add_argument("--render-minutes", type=float, default=0.0, help="real minutes of rendering (e.g. 10)")
    p.add_argument("--car", default="alfa-6c-1750")
    p.add_argument("--max-growth-mb", type=float, default=20.0)
    p.add_argument("--max-slowdown", type=float, default=1.25, help="a lap may be at most this many times slower")
    args = p.parse_args(argv)
    if not (args.minutes or args.render_minutes):
        p.error("give --minutes and/or --render-minutes")
    print(f"load average at start: {os.getloadavg()}")
    ok = True
    if args.minutes:
        ok &= drive(args.minutes, args.car, args.max_growth_mb, args.max_slowdown)
    if args.render_minutes:
        ok &= render(args.render_minutes, args.max_growth_mb)
    print(f"load average at end: {os.getloadavg()}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
