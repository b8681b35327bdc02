"""Run a whole stage headless: a car, a driver, ticks until the finish or a time limit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from millegame.core.car import CarParams
from millegame.core.events import Event
from millegame.core.stage import Stage


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


def run_stage(
    stage: Stage,
    car: CarParams,
    *,
    max_time_s: float = 900.0,
    on_events: Callable[[list[Event]], None] | None = None,
) -> SimResult:
    """Drive ``car`` over ``stage`` with the autopilot until it finishes or ``max_time_s`` of
    stage time pass (``core.runner.drive_stage`` without rules, recording or hooks)."""
    from millegame.core.runner import drive_stage  # runner builds on SimResult from here

    return drive_stage(stage, car, max_time_s=max_time_s, on_events=on_events).sim
