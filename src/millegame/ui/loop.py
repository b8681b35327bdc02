"""The fixed-timestep accumulator: frame time in, whole simulation ticks out.

Pure arithmetic, no pygame, so it is unit-testable. The shell measures each frame's
duration and asks ``FixedStep.advance`` how many ticks of ``dt_s`` to run and with which
interpolation ``alpha`` to draw (Glenn Fiedler, "Fix Your Timestep!").

The accumulator is kept in units of *ticks*, not seconds: ``alpha = acc - floor(acc)``
is then exactly in [0, 1) in floating point, and no rounding drift can make a tick
disappear or double.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MAX_FRAME_S = 0.25  # a longer frame (a stall, a debugger, a dragged window) is clamped
MAX_TICKS_PER_FRAME = 12  # at 120 Hz: the sim may run 6× real time to catch up, no more


@dataclass(frozen=True)
class StepPlan:
    """What one frame should do: run ``ticks`` ticks, then draw at ``alpha`` ∈ [0, 1)."""

    ticks: int
    alpha: float
    dropped_ticks: int = 0  # ticks owed but skipped because of the cap (the game slows down)


@dataclass
class FixedStep:
    """Turns variable frame times into whole ticks of ``dt_s``.

    ``max_frame_s`` clamps one frame's time; ``max_ticks`` caps ticks per frame so a slow
    machine slows the game down instead of spiralling (more ticks → longer frames → …).
    """

    dt_s: float
    max_frame_s: float = MAX_FRAME_S
    max_ticks: int = MAX_TICKS_PER_FRAME
    acc_ticks: float = 0.0  # owed simulation time, in ticks

    def __post_init__(self) -> None:
        if not (self.dt_s > 0.0 and math.isfinite(self.dt_s)):
            raise ValueError(f"dt_s must be a positive number, got {self.dt_s!r}")
        if self.max_ticks < 1:
            raise ValueError("max_ticks must be at least 1")

    def advance(self, frame_s: float) -> StepPlan:
        """Add one frame's duration [s]; return the ticks to run now and the draw alpha."""
        if not math.isfinite(frame_s) or frame_s < 0.0:
            frame_s = 0.0  # a clock that went backwards or NaN adds no time
        frame_s = min(frame_s, self.max_frame_s)
        self.acc_ticks += frame_s / self.dt_s
        ticks = math.floor(self.acc_ticks)
        dropped = 0
        if ticks > self.max_ticks:
            dropped = ticks - self.max_ticks
            ticks = self.max_ticks
        self.acc_ticks -= math.floor(self.acc_ticks)  # exact: keeps only the fraction
        return StepPlan(ticks=ticks, alpha=self.acc_ticks, dropped_ticks=dropped)

    def reset(self) -> None:
        """Forget owed time (after a pause, a load, a scene change)."""
        self.acc_ticks = 0.0
