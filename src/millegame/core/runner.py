"""Drive one car over a stage headless under a rule set, optionally recording its controls.

``drive_stage`` drives a stage (``core.sim.run_stage`` is its plain autopilot form). With rules
the result carries the referee's keys (rules, penalty_points, coefficient, score …) and, with
``record=True``, the per-tick controls (a ``ControlTape``) from which ``core.replay`` rebuilds the run bit for bit.
The driver is a name (``DRIVERS``) or any callable ``race -> Controls`` (a ``Replay``'s
``drive``, an ``InputSchedule``, your own); ``on_tick`` sees every tick (telemetry).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from millegame.core.autopilot import Autopilot
from millegame.core.car import Assists, CarParams, Controls
from millegame.core.events import Event, WallHit
from millegame.core.keyboard import KEYBOARD_ASSISTS, KeyboardDriver
from millegame.core.race import Race
from millegame.core.regpilot import RegularityPilot
from millegame.core.result import StageResult
from millegame.core.sim import SimResult
from millegame.core.stage import Stage

DRIVERS = ("autopilot", "regularity", "keyboard")
Driver = Callable[[Race], Controls]
TickHook = Callable[[Race, Controls, list[Event]], None]  # after each step: the race, its controls, its events
TAPE_COLUMNS = ("throttle", "brake", "steer", "handbrake", "shift", "respawn")


@dataclass
class ControlTape:
    """Per-tick controls of one car, appended tick by tick; arrays of shape (ticks,).
    Record each tick's controls *and* whether the player asked for a respawn before it
    (``race.request_respawn``), so a replay reproduces the run exactly."""

    throttle: list[float] = field(default_factory=list)
    brake: list[float] = field(default_factory=list)
    steer: list[float] = field(default_factory=list)
    handbrake: list[float] = field(default_factory=list)
    shift: list[float] = field(default_factory=list)
    respawn: list[float] = field(default_factory=list)  # 1.0: a respawn was requested before this tick

    def append(self, c: Controls, car: int = 0, *, respawn: bool = False) -> None:
        self.throttle.append(float(c.throttle[car]))
        self.brake.append(float(c.brake[car]))
        self.steer.append(float(c.steer[car]))
        self.handbrake.append(float(c.handbrake[car]))
        self.shift.append(float(c.shift_or_zeros()[car]))
        self.respawn.append(1.0 if respawn else 0.0)

    def arrays(self) -> dict[str, NDArray[np.float64]]:
        return {k: np.asarray(getattr(self, k), dtype=np.float64) for k in TAPE_COLUMNS}


@dataclass(frozen=True)
class RunResult:
    sim: SimResult  # time, splits, ticks and wall hits as ``millegame sim`` prints them
    result: StageResult  # the typed result (rules, penalties, score …), what is kept
    tape: ControlTape | None
    finish_tick: int  # −1 = did not finish

    @property
    def extra(self) -> dict[str, object]:
        """The referee's result keys (empty without rules), as ``sim --json`` adds them."""
        return self.result.rules_json()

    def to_json(self) -> dict[str, object]:
        return {**self.sim.to_json(), **self.extra}


def make_driver(race: Race, driver: str, pace: float = 0.88) -> Callable[[Race], Controls]:
    if driver == "regularity":
        return RegularityPilot(race, pace=pace).controls
    if driver == "autopilot":
        return Autopilot(race.stage, race.params, pace=pace).controls
    if driver == "keyboard":
        return KeyboardDriver(race)  # at the keyboard player's own pace (core.keyboard.PACE)
    raise ValueError(f"unknown driver {driver!r}: one of {', '.join(DRIVERS)}")


def drive_stage(
    stage: Stage,
    car: CarParams,
    *,
    rules: str | None = None,
    driver: str | Driver = "autopilot",
    pace: float = 0.88,
    max_time_s: float = 900.0,
    record: bool = False,
    assists: Assists | None = None,
    on_events: Callable[[list[Event]], None] | None = None,
    on_tick: TickHook | None = None,
) -> RunResult:
    """Drive ``car`` over ``stage`` with ``driver`` until it finishes or ``max_time_s`` pass.

    ``driver``: "autopilot", "regularity" (at ``pace``), "keyboard" (``core.keyboard``: digital
    keys, the player's reaction time, its own pace) or a callable ``race -> Controls``.
    ``on_tick(race, controls, events)`` is called after every tick; ``on_events(events)`` only
    after ticks with events."""
    if assists is None and driver == "keyboard":
        assists = KEYBOARD_ASSISTS  # the aids a keyboard player drives with
    race = Race(stage, [car], rules=rules, assists=assists)
    drive = make_driver(race, driver, pace) if isinstance(driver, str) else driver
    tape = ControlTape() if record else None
    max_ticks = round(max_time_s / race.dt)
    hits = 0
    while not race.all_finished and race.tick < max_ticks:
        c = drive(race)
        if tape is not None:
            tape.append(c, respawn=race.respawn_requested(0))
        events = race.step(c)
        hits += sum(isinstance(e, WallHit) for e in events)
        if on_events is not None and events:
            on_events(events)
        if on_tick is not None:
            on_tick(race, c, events)
    finished = bool(race.finished[0])
    sim = SimResult(
        stage=stage.id,
        car=car.id,
        finished=finished,
        ticks=race.tick,
        dt=race.dt,
        time_s=race.finish_tick[0] * race.dt if finished else None,
        splits_s=tuple(race.splits_s[0]),
        wall_hits=hits,
    )
    return RunResult(sim=sim, result=StageResult.of(race, 0), tape=tape, finish_tick=int(race.finish_tick[0]))
