"""Events that ``Race.step`` returns: what happened during one tick.

The HUD, audio, results and storage react to these; core never calls back.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Event:
    car: int  # index of the car in the race
    tick: int  # the tick at whose end it happened


@dataclass(frozen=True)
class GatePassed(Event):
    """Checkpoint ``index`` (0-based, in stage order) was crossed forwards."""

    index: int
    name: str
    split_s: float  # stage time at the crossing [s]


@dataclass(frozen=True)
class StageFinished(Event):
    time_s: float  # stage time [s] = ticks × dt
    splits_s: tuple[float, ...]


@dataclass(frozen=True)
class WallHit(Event):
    impact_speed_mps: float  # speed along the wall normal at impact [m/s]
