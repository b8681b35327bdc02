"""Regolarità scoring arithmetic and the state the HUD reads.

All timing is to the hundredth of a second, as the real timing equipment: a crossing
time is the stage clock (integer ticks × dt) interpolated within the tick at the point
where the car's movement segment cuts the line, then rounded to the hundredth
(``hundredths``). Every comparison is then integer hundredths.

- **PC** (prova cronometrata): one point per hundredth between the measured and the set
  time of each section (line to line), at most ``CHECK_CAP_POINTS``.
- **PM** (prova di media): at each secret point and at the end line, the ideal time is
  the route distance from the start line divided by the set average; one point per
  hundredth of deviation, at most ``CHECK_CAP_POINTS``.
- **CO** (controllo orario): the car is due in minute ``due_min`` of its stage clock, i.e.
  in the window [due_min·60, due_min·60 + 60) s; ``CO_POINTS_PER_MIN`` per whole minute
  early or late (arriving at 3:59.99 for minute 4 is one minute early).
- A missed line, or a check whose section start was missed, costs ``CHECK_CAP_POINTS``.

Score (higher wins): each check is worth ``CHECK_MAX_SCORE`` points less its penalty
points (never below 0); the sum is multiplied by the car coefficient
(``core.coefficient``). The plain sum of penalty points (lower wins) is kept too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from millegame.core.events import TimingLinePassed

CHECK_CAP_POINTS = 300  # the most one check can cost (also: a missed line)
CO_POINTS_PER_MIN = 100  # per minute early or late at a time control (2017 rules: late)
CHECK_MAX_SCORE = 420  # a perfect check is worth this (the 2017 scale's top)
CHECK_KINDS = ("pc_line", "pm_secret", "pm_end", "co")


def hundredths(t_s: float) -> int:
    """Seconds to whole hundredths, rounded half away from zero (a tiny epsilon absorbs
    binary noise such as 0.29 × 100 = 28.999…)."""
    v = t_s * 100.0
    return int(math.floor(abs(v) + 0.5 + 1e-9)) * (1 if v >= 0 else -1)


def pc_points(actual_s: float, target_s: float) -> int:
    """Penalty points of a PC section: one per hundredth early or late, capped."""
    return min(CHECK_CAP_POINTS, abs(hundredths(actual_s) - hundredths(target_s)))


def pm_ideal_s(distance_m: float, avg_kmh: float) -> float:
    """Time [s] to cover ``distance_m`` at exactly ``avg_kmh``."""
    return distance_m / (avg_kmh / 3.6)


def pm_points(actual_s: float, distance_m: float, avg_kmh: float) -> int:
    """Penalty points at a PM check: one per hundredth off the ideal time, capped."""
    return min(CHECK_CAP_POINTS, abs(hundredths(actual_s) - hundredths(pm_ideal_s(distance_m, avg_kmh))))


def co_window_s(due_min: int) -> tuple[float, float]:
    """The stage-clock window [opens, closes) [s] of a time control due in minute ``due_min``."""
    return due_min * 60.0, due_min * 60.0 + 60.0


def co_points(arrival_s: float, due_min: int) -> int:
    """Penalty points at a CO: ``CO_POINTS_PER_MIN`` per whole minute early or late."""
    minute = hundredths(arrival_s) // 6000
    return CO_POINTS_PER_MIN * abs(minute - due_min)


def check_score(points: int) -> int:
    """What one check is worth: ``CHECK_MAX_SCORE`` less its penalty points, at least 0."""
    return max(0, CHECK_MAX_SCORE - points)


def regularity_score(check_points: list[int] | tuple[int, ...], coefficient: float, extra_points: int = 0) -> float:
    """The stage score (higher wins): Σ check_score × coefficient, less ``extra_points``
    (respawns, missed checkpoints) — rounded to 0.01."""
    return round(sum(check_score(p) for p in check_points) * coefficient - extra_points, 2)


def split_deltas(
    splits_s: list[float] | tuple[float, ...], reference_s: list[float] | tuple[float, ...]
) -> tuple[float, ...]:
    """Split deltas [s] against a reference run (negative = ahead), for the splits both have."""
    return tuple(round(a - b, 2) for a, b in zip(splits_s, reference_s, strict=False))


@dataclass(frozen=True)
class PcClock:
    """A running PC section: ``elapsed_s`` since its start line (hundredths, on the
    tick clock) against ``target_s``; ``delta_s`` < 0 means time is left."""

    trial: str
    section: int  # 1 = from line 1 to line 2
    elapsed_s: float
    target_s: float
    distance_left_m: float

    @property
    def delta_s(self) -> float:
        return round(self.elapsed_s - self.target_s, 2)


@dataclass(frozen=True)
class PmStatus:
    """A running PM: ``delta_s`` = elapsed − ideal time for the distance covered
    (> 0: behind the set average, < 0: ahead of it)."""

    trial: str
    avg_kmh: float
    elapsed_s: float
    distance_m: float
    ideal_s: float

    @property
    def delta_s(self) -> float:
        return round(self.elapsed_s - self.ideal_s, 2)

    @property
    def average_kmh(self) -> float:
        return self.distance_m / self.elapsed_s * 3.6 if self.elapsed_s > 0 else 0.0


@dataclass(frozen=True)
class CoWindow:
    """The next time control: due in minute ``due_min``, window [opens_s, closes_s) of
    the stage clock; ``distance_m`` to go along the route."""

    name: str
    due_min: int
    opens_s: float
    closes_s: float
    distance_m: float


@dataclass(frozen=True)
class RulesState:
    """Everything the HUD needs for one car (``race.referee.state(car)``).

    Corsa: stage clock, time penalties, wrong way, checkpoints and split deltas against
    ``referee.reference_splits_s``. Regolarità: also the running PC clock, the PM status,
    the next CO and its window, the penalty points and every check so far."""

    rules: str
    time_s: float
    penalty_s: float
    penalty_points: int
    wrong_way: bool
    last_checkpoint: int  # −1 = none yet
    missed_checkpoint: int | None  # a checkpoint passed by along the route, to drive back to
    split_deltas_s: tuple[float, ...]
    pc: PcClock | None = None
    pm: PmStatus | None = None
    next_co: CoWindow | None = None
    next_line_m: float | None = None  # distance to the next timing line along the route [m]
    checks: tuple[TimingLinePassed, ...] = ()


# The name the issue asked for: the same state, read by the UI.
RegularityState = RulesState
