"""``millegame check-level PATH... [--drive]``: every problem of every file, one line each.

    file: object #id "name" (type): what is wrong — how to fix it

Exit code: 0 every file is a valid stage, 1 problems were found, 2 a file is not a
usable stage at all (not a map, an isometric map, zstd tiles, a missing tileset …).
The checks are the loader's own (``levels.build`` with a collecting ``Report``) plus
the lint of ``levels.lint``; with ``drive`` the autopilot must also finish the stage
with the slowest and the fastest shipped car, every PC target must be within the
fastest car's reach, and the summary gives the par time (the map's ``par_time_s``,
or the one computed for it: ``levels.par``).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import numpy as np
from numpy.typing import NDArray

from millegame.core.autopilot import Autopilot
from millegame.core.car import CarParams
from millegame.core.race import Race
from millegame.core.route import Route
from millegame.core.stage import Stage
from millegame.core.surfaces import SurfaceTable
from millegame.levels import lint
from millegame.levels.errors import LOADER_BUGS, unexpected_error
from millegame.levels.report import Problem, Report, UnusableError

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2
MAX_STAGE_TIME_S = 900.0
STUCK_AFTER_S = 30.0  # no progress along the route for this long: the car is stuck
STUCK_PROGRESS_M = 5.0
TRACE_TICKS = 12  # how often the drive notes each car's distance along the route (0.1 s)


@dataclass(frozen=True)
class DriveResult:
    car: str
    finished: bool
    time_s: float | None
    reached_m: float  # how far along the route the car got [m]
    where: tuple[float, float]  # where it stopped [m]
    trace_t_s: NDArray[np.float64] = field(default_factory=lambda: np.zeros(0), compare=False, repr=False)
    trace_s_m: NDArray[np.float64] = field(default_factory=lambda: np.zeros(0), compare=False, repr=False)

    def time_at(self, s_m: float) -> float | None:
        """When the car was ``s_m`` metres along the route [s] (to about 0.1 s), or None
        if it never got there."""
        if not len(self.trace_s_m) or s_m > self.trace_s_m.max():
            return None
        reached = np.maximum.accumulate(self.trace_s_m)  # backing out of a wall does not count
        return float(self.trace_t_s[int(np.searchsorted(reached, s_m))])


@dataclass(frozen=True)
class FileCheck:
    path: Path
    problems: tuple[Problem, ...]
    stage: Stage | None = None
    drives: tuple[DriveResult, ...] = field(default=())
    par_s: float | None = None  # the par time [s] (with drive): the map's, or computed

    @property
    def exit_code(self) -> int:
        if any(p.unusable for p in self.problems):
            return EXIT_UNUSABLE
        return EXIT_PROBLEMS if self.problems else EXIT_OK


def check_file(
    path: Path, *, drive: bool = False, surfaces: SurfaceTable | None = None, cars: Sequence[CarParams] | None = None
) -> FileCheck:
    """Check one map; ``cars`` default to the slowest and the fastest shipped car."""
    from millegame.levels.build import build_stage
    from millegame.levels.tmx import read_tmx

    if surfaces is None:
        from millegame.catalog import load_surfaces

        surfaces = load_surfaces()
    report = Report(str(path), collect=True)
    try:
        stage = build_stage(read_tmx(Path(path), report), surfaces, report)
    except UnusableError:
        return FileCheck(Path(path), tuple(report.problems))
    except LOADER_BUGS as e:
        return FileCheck(Path(path), (*report.problems, Problem(unexpected_error(path, e), unusable=True)))
    drives: tuple[DriveResult, ...] = ()
    par_s: float | None = None
    if stage is not None:
        cars = list(cars) if cars is not None else extreme_cars()
        lint.check_targets(report, stage, max(cars, key=lambda c: c.top_speed_kmh) if cars else None)
    if drive and stage is not None and not report.wrong_scale:  # that drive would only add follow-ons
        drives = drive_stage(stage, list(cars or ()))
        for d in drives:
            if not d.finished:
                report.error(
                    f"autopilot: {d.car} did not finish — stuck {d.reached_m:.0f} m along the "
                    f"{stage.route_length_m:.0f} m route, near ({d.where[0]:.0f}, {d.where[1]:.0f}) m "
                    "— look there for a bend too tight for the route, a solid tile or a wall on the road"
                )
        if cars:
            fastest = max(zip(cars, drives, strict=True), key=lambda cd: cd[0].top_speed_kmh)
            lint.check_targets_driven(report, stage, fastest[0], fastest[1].time_at)
        if all(d.finished for d in drives):
            from millegame.levels.par import stage_par_s

            par_s = stage_par_s(stage)
    return FileCheck(Path(path), tuple(report.problems), stage, drives, par_s)


def extreme_cars() -> list[CarParams]:
    """The slowest and the fastest shipped car by top speed."""
    from millegame.catalog import load_cars

    cars = sorted(load_cars(), key=lambda c: (c.top_speed_kmh, c.id))
    return [cars[0], cars[-1]] if len(cars) > 1 else list(cars)


def drive_stage(stage: Stage, cars: list[CarParams]) -> tuple[DriveResult, ...]:
    """The autopilot drives every car at once (cars do not touch each other, so this is
    N independent runs, bit for bit) until all finish, one gets stuck, or time runs out."""
    race = Race(stage, cars)
    pilot = Autopilot(stage, race.params)
    route = Route.of(stage.route, spacing_m=2.0)
    n = len(cars)
    best = np.zeros(n)
    best_tick = np.zeros(n, dtype=np.int64)
    stuck_ticks = round(STUCK_AFTER_S / race.dt)
    max_ticks = round(MAX_STAGE_TIME_S / race.dt)
    hint = np.zeros(n, dtype=np.int64)
    stuck = np.zeros(n, dtype=bool)
    trace_t: list[float] = [0.0]
    trace_s: list[NDArray[np.float64]] = [np.zeros(n)]
    while not race.all_finished and race.tick < max_ticks:
        race.step(pilot.controls(race))
        if race.tick % TRACE_TICKS:
            continue
        hint = route.nearest(race.state.x, race.state.y, hint)
        s = route.s[hint]
        trace_t.append(race.tick * race.dt)
        trace_s.append(np.where(race.finished, np.inf, s))
        if race.tick % 60:
            continue
        better = s > best + STUCK_PROGRESS_M
        best = np.where(better, s, best)
        best_tick = np.where(better, race.tick, best_tick)
        stuck = ~race.finished & (race.tick - best_tick > stuck_ticks)
        if (stuck | race.finished).all():
            break
    return tuple(
        DriveResult(
            car=car.id,
            finished=bool(race.finished[i]),
            time_s=float(race.finish_tick[i] * race.dt) if race.finished[i] else None,
            reached_m=float(best[i]),
            where=(float(race.state.x[i]), float(race.state.y[i])),
            trace_t_s=np.array(trace_t),
            trace_s_m=np.array([row[i] for row in trace_s]),
        )
        for i, car in enumerate(cars)
    )


def summary(check: FileCheck) -> str:
    stage = check.stage
    if check.problems or stage is None:
        n = len(check.problems)
        return f"{check.path}: {n} problem{'s' if n != 1 else ''}"
    text = f"{check.path}: ok — route {stage.route_length_m / 1000:.2f} km, {len(stage.checkpoints)} checkpoints"
    if check.drives:
        text += "; autopilot " + ", ".join(f"{d.car} {d.time_s:.1f} s" for d in check.drives if d.time_s is not None)
        if check.par_s is not None:
            given = stage.par_time_s is not None
            text += f"; par {check.par_s:.0f} s ({'par_time_s' if given else 'computed: no par_time_s in the map'})"
    return text


def check_paths(
    paths: Sequence[Path | str], *, drive: bool, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Check every file; problems go to ``out`` (stdout), one line each, a summary per
    file to ``err`` (stderr). Returns the worst exit code (0, 1 or 2)."""
    out = out or sys.stdout
    err = err or sys.stderr
    if not paths:
        print("check-level: no files given", file=err)
        return EXIT_UNUSABLE
    worst = EXIT_OK
    cars = extreme_cars() if drive else None
    for path in paths:
        check = check_file(Path(path), drive=drive, cars=cars)
        for problem in check.problems:
            print(problem.text, file=out)
        print(summary(check), file=err)
        worst = max(worst, check.exit_code)
    return worst
