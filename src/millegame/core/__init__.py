"""The simulation core: numpy only, no pygame, no pytmx, no asset file I/O.

Everything here is pure data and pure functions over arrays, so the physics, the
autopilot and whole stages run headless, deterministically, for any number of cars.
"""

from millegame.core.car import Assists, CarParams, CarState, Controls
from millegame.core.events import Event, GatePassed, StageFinished, WallHit
from millegame.core.race import Race
from millegame.core.stage import Gate, Stage
from millegame.core.surfaces import Surface, SurfaceTable

__all__ = [
    "Assists",
    "CarParams",
    "CarState",
    "Controls",
    "Event",
    "Gate",
    "GatePassed",
    "Race",
    "Stage",
    "StageFinished",
    "Surface",
    "SurfaceTable",
    "WallHit",
]
