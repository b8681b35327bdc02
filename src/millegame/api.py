"""The public Python API of millegame, headless: stages, cars, races, drivers, replays, telemetry.

``from millegame.api import …`` — the names in ``__all__`` are stable; docs/api.md shows each
one in a runnable example (tests/test_api_docs.py runs them). Importing this module never
imports pygame; loading a ``.tmx`` stage uses pytmx (with pygame blocked, see
``millegame.levels``).
"""

from __future__ import annotations

import os

from millegame import session
from millegame.catalog import StageInfo
from millegame.core import (  # the core's own public names, re-exported as they are
    Assists,
    CarParams,
    CarState,
    CheckpointMissed,
    Controls,
    Event,
    GatePassed,
    PenaltyApplied,
    Race,
    Respawned,
    Stage,
    StageFinished,
    TimingLinePassed,
    WallHit,
    WrongWay,
)
from millegame.core.autopilot import Autopilot
from millegame.core.inputs import InputSchedule, InputsError, read_inputs_csv
from millegame.core.physics import TICK_HZ
from millegame.core.replay import Replay, ReplayError, Verification, verify
from millegame.core.runner import DRIVERS, ControlTape, RunResult, TickHook, drive_stage
from millegame.core.telemetry import Telemetry, TelemetryError
from millegame.session import LoadError

__all__ = [
    "DRIVERS",
    "Assists",
    "Autopilot",
    "CarParams",
    "CarState",
    "CheckpointMissed",
    "ControlTape",
    "Controls",
    "Event",
    "GatePassed",
    "InputSchedule",
    "InputsError",
    "LoadError",
    "PenaltyApplied",
    "Race",
    "Replay",
    "ReplayError",
    "Respawned",
    "RunResult",
    "Stage",
    "StageFinished",
    "StageInfo",
    "Telemetry",
    "TelemetryError",
    "TimingLinePassed",
    "Verification",
    "WallHit",
    "WrongWay",
    "drive_stage",
    "list_cars",
    "list_stages",
    "load_car",
    "load_stage",
    "read_inputs_csv",
    "record",
    "replay_stage",
    "verify",
]


def list_stages() -> tuple[StageInfo, ...]:
    """The shipped stages in route order (``id``, ``title``, ``path`` of the .tmx)."""
    from millegame import catalog

    return catalog.list_stages()


def list_cars() -> tuple[CarParams, ...]:
    """Every shipped car: classics by year, then the modern cars."""
    from millegame import catalog

    return catalog.load_cars()


def load_car(car_id: str) -> CarParams:
    """A shipped car by id (``list_cars()``). Raises ``LoadError``."""
    return session.load_car(car_id)


def load_stage(ref: str | os.PathLike[str]) -> Stage:
    """A shipped stage by id (``list_stages()``) or any Tiled ``.tmx`` file. Raises ``LoadError``."""
    return session.load_stage(ref)


def record(run: RunResult, stage: Stage, car: CarParams, *, assists: Assists | None = None) -> Replay:
    """The replay of a run driven with ``drive_stage(..., record=True)``."""
    if run.tape is None:
        raise ValueError("the run was not recorded: drive it with drive_stage(..., record=True)")
    return Replay.of(stage, car, run.tape, run.finish_tick, rules=run.result.rules, assists=assists)


def replay_stage(replay: Replay, stage: Stage | None = None, *, on_tick: TickHook | None = None) -> RunResult:
    """Drive ``replay`` again headless (bit for bit) and return the run. ``stage`` defaults to the
    shipped stage of the replay; ``on_tick(race, controls, events)`` sees every tick (telemetry).
    Raises ``ReplayError`` when the replay belongs to another stage file, car or physics."""
    opened = session.open_replay(replay, stage if stage is not None else replay.stage_id)
    return drive_stage(
        opened.stage, opened.car, rules=replay.rules, driver=replay.drive, max_time_s=replay.ticks / TICK_HZ,
        assists=Assists(**replay.assists),  # type: ignore[arg-type]
        on_tick=on_tick,
    )  # fmt: skip
