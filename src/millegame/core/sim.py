"""Run a whole stage headless: a car, a driver, ticks until the finish or a time limit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from millegame.core.autopilot import Autopilot
from millegame.core.car import CarParams, Controls
from millegame.core.events import Event, WallHit
from millegame.core.race import Race
from millegame.core.stage import Stage

Driver = Callable[[Race], Controls]


@dataclass(frozen=True)
class SimResult:
    stage: str
    car: str
    finished: bool
    ticks: int
    dt: float
    time_s: float | None  # stage time when finished, else None
    splits_s: tuple[float, ...]
    wall_hits: int

    def to_json(self) -> dict[str, object]:
        return {
            "stage": self.stage,
            "car": self.car,
            "finished": self.finished,
            "time_s": self.time_s,
            "splits_s": list(self.splits_s),
            "ticks": self.ticks,
            "dt": self.dt,
            "wall_hits": self.wall_hits,
        }


def autopilot_driver(race: Race) -> Driver:
    pilot = Autopilot(race.stage, race.params)
    return pilot.controls


def run_stage(
    stage: Stage,
    car: CarParams,
    *,
    driver: Callable[[Race], Driver] = autopilot_driver,
    max_time_s: float = 900.0,
    on_events: Callable[[list[Event]], None] | None = None,
) -> SimResult:
    """Drive ``car`` over ``stage`` until it finishes or ``max_time_s`` of stage time pass."""
    race = Race(stage, [car])
    drive = driver(race)
    max_ticks = round(max_time_s / race.dt)
    hits = 0
    while not race.all_finished and race.tick < max_ticks:
        events = race.step(drive(race))
        hits += sum(isinstance(e, WallHit) for e in events)
        if on_events is not None and events:
            on_events(events)
    finished = bool(race.finished[0])
    return SimResult(
        stage=stage.id,
        car=car.id,
        finished=finished,
        ticks=race.tick,
        dt=race.dt,
        time_s=race.finish_tick[0] * race.dt if finished else None,
        splits_s=tuple(race.splits_s[0]),
        wall_hits=hits,
    )
