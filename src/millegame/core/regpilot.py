"""The regularity driver: the autopilot, slowed down to meet the regularity targets.

Inside a PC section it aims to cross the next line exactly at the section start + its set
time; inside a PM it aims at the ideal time of the next check; before a time control it
aims at the middle of the due minute. The aimed speed is the distance left along the route
over the time left [m/s]; it only ever *caps* the autopilot's own speed (never faster than
the road allows) and never asks for less than ``MIN_AIM_MPS`` (a crew that is far too
early crawls rather than stops). ``timing_error_s`` per car (crew skill) shifts every
aimed time, so crews of different skill score differently.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from millegame.core.autopilot import Autopilot
from millegame.core.car import Controls
from millegame.core.race import Race
from millegame.core.referee import Referee

FloatArray = NDArray[np.float64]

MIN_AIM_MPS = 2.0
CO_AIM_INTO_WINDOW_S = 30.0  # aim at the middle of the due minute


class RegularityPilot:
    """Drives the cars of a race with rules="regolarita" (``race.referee`` is needed)."""

    def __init__(
        self,
        race: Race,
        pace: float | FloatArray = 0.88,
        timing_error_s: float | FloatArray = 0.0,
    ) -> None:
        if race.referee is None:
            raise ValueError("the regularity driver needs a race with rules")
        self.referee: Referee = race.referee
        self.autopilot = Autopilot(race.stage, race.params, pace=pace)
        self.error_s = np.broadcast_to(np.asarray(timing_error_s, dtype=np.float64), (race.n,)).copy()
        ref = self.referee
        lines = ref.lines
        # For each line: the stage time it should be crossed at, given the section start time.
        self._is_co = np.array([ln.kind == "co" for ln in lines], dtype=bool)
        self._co_aim_s = np.array([(ln.due_min or 0) * 60.0 + CO_AIM_INTO_WINDOW_S for ln in lines])
        self._offset_s = np.zeros(len(lines))  # set time from the section's start line
        for k, ln in enumerate(lines):
            start = int(ref.line_start[k])
            if ln.kind == "pc_line" and start >= 0:
                self._offset_s[k] = float(ln.target_s or 0.0)
            elif ln.kind in ("pm_secret", "pm_end") and start >= 0:
                first = lines[start]
                self._offset_s[k] = (ln.s_m - first.s_m) / (float(first.avg_kmh or 1.0) / 3.6)

    def aim_speed(self, race: Race) -> FloatArray:
        """Speed [m/s] each car should hold to be on time; +inf where nothing is timed."""
        ref = self.referee
        n_lines = len(ref.lines)
        if not n_lines:
            return np.full(race.n, np.inf)
        k = np.minimum(ref.next_line, n_lines - 1)
        start = ref.line_start[k]
        t0 = ref.line_time_s[np.arange(race.n), np.maximum(start, 0)]
        timed = (ref.next_line < n_lines) & (start >= 0) & ~np.isnan(t0)
        co = (ref.next_line < n_lines) & self._is_co[k]
        due = np.where(timed, t0 + self._offset_s[k], np.where(co, self._co_aim_s[k], np.nan))
        left_s = due + self.error_s - race.time_s
        dist = ref.line_route_s[k] - ref.s_m
        ok = (left_s > 0.05) & (dist > 0)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(ok, np.maximum(MIN_AIM_MPS, dist / np.where(ok, left_s, 1.0)), np.inf)

    def controls(self, race: Race) -> Controls:
        c = self.autopilot.controls(race)
        aim = self.aim_speed(race)
        capped = np.isfinite(aim)
        if not capped.any():
            return c
        speed = np.abs(race.state.vx)
        err = np.where(capped, aim - speed, 0.0)
        throttle = np.clip(0.6 * err + 0.3, 0.0, 1.0) * (err > -0.3)
        brake = np.clip(-0.35 * err, 0.0, 1.0)
        return Controls(
            throttle=np.where(capped, np.minimum(c.throttle, throttle), c.throttle),
            brake=np.where(capped, np.maximum(c.brake, brake), c.brake),
            steer=c.steer,
            handbrake=c.handbrake,
            shift=c.shift,
        )
