"""Car-steps per second of the whole physics step (surface lookup and walls included).

    python benchmarks/physics.py [--json] [--seconds S]

Cars drive on the first shipped stage, spread along its route with varied controls, so
surface lookups and wall checks do real work. One "step" is one tick of ``step_cars``
(1/120 s: one physics step since physics version 2, two 240 Hz sub-steps before). Prints
steps/s for N = 1, 64, 1024 and 16384 cars, then the threading layer and the load average.

By default the controls stay fixed for the whole measurement, so after some seconds of
simulated time many cars sit pressed against a wall or a tree — the dearest case of the wall
code. It is kept that way on purpose: the figure is a floor, not a best case.
``--scenario autopilot`` instead drives every car along the route (the autopilot runs between
the steps, outside the timing): the cost of a field actually racing.

It also prints the public step for one car (issue 16): ``Race.step`` through
``millegame.api``, without rules and under the Corsa rules, against ``step_cars`` alone, all
three fed the same controls — the autopilot's, recorded on a first run over the stage, so the
car crosses gates, bends and surfaces as in a real run. ``--race-only`` prints just that.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable
from types import SimpleNamespace

import numba
import numpy as np

from millegame import catalog
from millegame.core.autopilot import Autopilot
from millegame.core.car import CarArrays, CarState, Controls
from millegame.core.collision import CollisionWorld
from millegame.core.physics import PARALLEL_FROM_CARS, step_cars
from millegame.levels import load_stage

SIZES = (1, 64, 1024, 16384)


def measure(n: int, seconds: float, scenario: str = "fixed", stage_ref: str | None = None) -> float:
    """Car-steps per second of ``step_cars`` alone for ``n`` cars. ``scenario``: "fixed"
    controls (the budget's figure) or "autopilot" (each car driven along the route; the
    autopilot runs between steps, outside the timing). ``stage_ref``: a stage id or .tmx
    path (default: the first shipped stage, the prologue, whose roads are road objects)."""
    stage = load_stage(catalog.resolve_stage(stage_ref) if stage_ref else catalog.list_stages()[0].path)
    cars = catalog.load_cars()
    params = CarArrays.stack([cars[i % len(cars)] for i in range(n)])
    world = CollisionWorld.of(stage)
    rng = np.random.default_rng(1)
    route = stage.route
    idx = rng.integers(0, len(route) - 1, n)
    d = route[idx + 1] - route[idx]
    state = CarState.at_rest(route[idx, 0], route[idx, 1], np.arctan2(d[:, 1], d[:, 0])).replace(
        vx=rng.uniform(5, 60, n)
    )
    controls = Controls(rng.random(n), rng.random(n) * 0.2, rng.uniform(-0.5, 0.5, n), np.zeros(n))
    dt = 1 / 120
    pilot = Autopilot(stage, params) if scenario == "autopilot" else None
    view = SimpleNamespace(n=n, state=state, dt=dt)  # what the autopilot reads of a race
    step_cars(state, controls, params, stage, world, dt)  # compile / load the kernel
    steps, timed, start = 0, 0.0, time.perf_counter()
    while True:
        if pilot is not None:
            view.state = state
            controls = pilot.controls(view)  # type: ignore[arg-type]
        t0 = time.perf_counter()
        state, _ = step_cars(state, controls, params, stage, world, dt)
        timed += time.perf_counter() - t0
        steps += 1
        if time.perf_counter() - start >= seconds and steps >= 5:
            return n * steps / timed


def measure_race(seconds: float, stage_ref: str | None = None, car_id: str = "alfa-6c-1750") -> dict[str, float]:
    """µs per tick for one car: ``step_cars`` alone, ``Race.step`` and ``Race.step`` under
    the Corsa rules, over the same recorded autopilot controls (best of the repeats over the
    whole tape, so a burst of load on the shared machine does not count)."""
    from millegame import api

    stage = api.load_stage(stage_ref or "prologo")
    car = api.load_car(car_id)
    run = api.drive_stage(stage, car, record=True)
    tape = run.tape.arrays() if run.tape is not None else None
    assert tape is not None
    ticks = len(tape["throttle"])
    tape_controls = [
        api.Controls.single(*(float(tape[name][k]) for name in ("throttle", "brake", "steer", "handbrake", "shift")))
        for k in range(ticks)
    ]

    def physics_only() -> float:
        race = api.Race(stage, [car])
        state, params, world, dt = race.state, race.params, race.world, race.dt
        t0 = time.perf_counter()
        for c in tape_controls:
            state, _ = step_cars(state, c, params, stage, world, dt)
        return time.perf_counter() - t0

    def race_step(rules: str | None) -> Callable[[], float]:
        def run_once() -> float:
            race = api.Race(stage, [car], rules=rules)
            step = race.step
            t0 = time.perf_counter()
            for c in tape_controls:
                step(c)
            return time.perf_counter() - t0

        return run_once

    cases = {"step_cars": physics_only, "Race.step": race_step(None), "Race.step corsa": race_step("corsa")}
    best = {name: float("inf") for name in cases}
    start = time.perf_counter()
    while True:  # interleaved, so that load changes hit every case alike
        for name, fn in cases.items():
            best[name] = min(best[name], fn())
        if time.perf_counter() - start >= seconds:
            break
    return {name: 1e6 * t / ticks for name, t in best.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--seconds", type=float, default=3.0, help="time per size (default 3 s)")
    ap.add_argument(
        "--scenario", choices=("fixed", "autopilot"), default="fixed",
        help="fixed controls (default: the budget's figure) or cars driven by the autopilot",
    )  # fmt: skip
    ap.add_argument("--stage", help="a stage id or .tmx path (default: the prologue)")
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)), help="car counts, comma-separated")
    ap.add_argument("--race-only", action="store_true", help="only the one-car Race.step against step_cars")
    args = ap.parse_args()
    sizes = [] if args.race_only else [int(v) for v in args.sizes.split(",")]
    results = {str(n): measure(n, args.seconds, args.scenario, args.stage) for n in sizes}
    race = measure_race(max(args.seconds, 3.0), args.stage)
    if args.json:
        race_us = {k: round(v, 2) for k, v in race.items()}
        print(json.dumps({**{k: round(v) for k, v in results.items()}, "race_us": race_us}))
        return
    for n, rate in results.items():
        print(f"N = {n:>5}: {rate:12,.0f} car-steps/s   ({1e6 * int(n) / rate:9.1f} µs per step)")
    base = race["step_cars"]
    for name, us in race.items():
        print(f"one car, {name:<16} {us:7.2f} µs per tick  ({us / base:4.2f}× step_cars)")
    load = os.getloadavg()
    try:
        threads = f"{numba.threading_layer()} × {numba.get_num_threads()}"
    except ValueError:  # no size used the threaded kernel
        threads = "not started"
    print(f"threads: {threads} from N = {PARALLEL_FROM_CARS}; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
