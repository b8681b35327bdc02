"""The simulation core: numpy and numba only, no pygame, no pytmx, no asset file I/O.

Everything here is pure data and pure functions over arrays, so the physics, the
autopilot and whole stages run headless, deterministically, for any number of cars.
"""

from millegame.core.car import Assists, CarParams, CarState, Controls
from millegame.core.events import (
    CheckpointMissed,
    Event,
    GatePassed,
    PenaltyApplied,
    Respawned,
    StageFinished,
    TimingLinePassed,
    WallHit,
    WrongWay,
)
from millegame.core.race import Race
from millegame.core.stage import Gate, Stage
from millegame.core.surfaces import Surface, SurfaceTable

__all__ = [
    "Assists",
    "CarParams",
    "CarState",
    "CheckpointMissed",
    "Controls",
    "Event",
    "Gate",
    "GatePassed",
    "PenaltyApplied",
    "Race",
    "Respawned",
    "Stage",
    "StageFinished",
    "Surface",
    "SurfaceTable",
    "TimingLinePassed",
    "WallHit",
    "WrongWay",
]
