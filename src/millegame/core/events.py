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


@dataclass(frozen=True)
class PenaltyApplied(Event):
    """A penalty: ``seconds`` added to the stage time (Corsa) and/or ``points`` added
    to the penalty points (Regolarità); ``reason`` says why, in words for the HUD."""

    seconds: float
    points: int
    reason: str


@dataclass(frozen=True)
class WrongWay(Event):
    """The car started (``wrong=True``) or stopped (``wrong=False``) driving against the route."""

    wrong: bool


@dataclass(frozen=True)
class Respawned(Event):
    """The car was put back, at rest, on the last checkpoint it passed (``checkpoint`` −1 =
    the start); ``automatic`` when the referee did it because the car was stuck or off the road."""

    checkpoint: int
    automatic: bool
    penalty_s: float


@dataclass(frozen=True)
class CheckpointMissed(Event):
    """The car went past checkpoint ``index`` along the route without crossing it: it must
    drive back to it (the checkpoint is still the next gate)."""

    index: int
    name: str


@dataclass(frozen=True)
class TimingLinePassed(Event):
    """A regularity timing line was crossed (or missed, ``missed=True``).

    ``kind``: pc_line, pm_start, pm_secret, pm_end or co. ``time_s`` is the stage time at
    the crossing, interpolated within the tick and rounded to the hundredth; for a check
    (a PC section's end, a PM secret point or end, a CO) ``actual_s`` and ``target_s``
    are the measured and the set time of the section [s] (CO: stage time and the start of
    the due minute) and ``points`` the penalty points it cost."""

    kind: str
    trial: str
    name: str
    time_s: float
    actual_s: float | None = None
    target_s: float | None = None
    points: int = 0
    missed: bool = False
