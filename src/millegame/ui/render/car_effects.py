"""What the cars leave behind: skid marks, dust, spray, tyre smoke, backfires.

Run once per frame after the simulation ticks, from the cars' signals
(``car_signals``). Marks go into the map as decals (``map_levels``); puffs go into
the particle pool; backfires are returned so the sound and the crowd can react.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from millegame.core.race import Race
from millegame.ui.car_signals import SLIDE_USAGE, CarDims, CarSignals
from millegame.ui.render.atmosphere import Atmosphere
from millegame.ui.render.map_levels import MapLevels
from millegame.ui.render.particles import DUST, EXHAUST, FLASH, SMOKE, SPRAY, Particles
from millegame.ui.render.skid_marks import Mark

TYRE_WIDTH_M = {"classic": 0.16, "modern": 0.26}
NO_MARKS_ON = frozenset({"water"})
WET_SURFACES = frozenset({"wet_asphalt", "water"})
SMOKY_SURFACES = frozenset({"asphalt", "wet_asphalt", "cobbles"})
MAX_MARK_STEP_M = 6.0  # a longer jump between frames is a restart or a respawn, not a slide
BACKFIRE_CHANCE = {"classic": 0.8, "modern": 0.45}


@dataclass(frozen=True)
class Backfire:
    car: int
    x: float
    y: float
    strength: float  # 0…1


def wheel_positions(race: Race) -> np.ndarray:
    """(N, 4, 2) world positions [m] of the front-left, front-right, rear-left and
    rear-right tyres."""
    st, d = race.state, CarDims.of(race)
    c, s = np.cos(st.heading), np.sin(st.heading)
    half_track = d.width_m[:, None] * 0.38
    along = np.stack([d.a_m, d.a_m, -d.b_m, -d.b_m], axis=1)  # (N, 4)
    side = np.array([-1.0, 1.0, -1.0, 1.0])[None, :] * half_track
    x = st.x[:, None] + along * c[:, None] - side * s[:, None]
    y = st.y[:, None] + along * s[:, None] + side * c[:, None]
    return np.stack([x, y], axis=-1)


class CarEffects:
    def __init__(self, race: Race, levels: MapLevels | None, particles: Particles, atmosphere: Atmosphere) -> None:
        self.race = race
        self.levels = levels
        self.particles = particles
        self.atmosphere = atmosphere
        names = race.stage.surfaces.names
        self.surface_names = names
        self.dusty = np.array([bool(getattr(s, "dust", False)) for s in race.stage.surfaces.surfaces])
        self.prev_wheels: np.ndarray | None = None
        self.prev_throttle = np.zeros(race.n)
        self.prev_gear = np.ones(race.n)
        self.rng = np.random.default_rng(7)
        self.marks_laid = 0

    def reset(self) -> None:
        self.prev_wheels = None

    def _count(self, rate_per_s: float, frame_s: float) -> int:
        """A whole number of puffs with the right average rate."""
        want = rate_per_s * frame_s
        return int(want) + int(self.rng.random() < want - int(want))

    def update(self, sig: CarSignals, frame_s: float) -> list[Backfire]:
        race = self.race
        wheels = wheel_positions(race)
        prev = self.prev_wheels
        self.prev_wheels = wheels
        st = race.state
        vxw, vyw = st.world_velocity
        fires: list[Backfire] = []
        for i in range(race.n):
            car = race.cars[i]
            surface = self.surface_names[int(sig.surface[i])] if len(self.surface_names) else ""
            speed = float(sig.speed_mps[i])
            # ---- marks
            if prev is not None and self.levels is not None and surface not in NO_MARKS_ON and speed > 2.0:
                rear = bool(sig.sliding[i]) and (
                    sig.slip_rear[i] > SLIDE_USAGE or sig.spin[i] or sig.lock[i] or sig.handbrake[i] > 0.5
                )
                front = bool(sig.sliding[i]) and (sig.slip_front[i] > SLIDE_USAGE or sig.lock[i])
                excess = max(float(sig.slip_front[i]), float(sig.slip_rear[i])) - SLIDE_USAGE
                strength = 0.45 + min(0.55, max(0.0, excess))
                width = TYRE_WIDTH_M.get(car.era, 0.2)
                for w, on in enumerate((front, front, rear, rear)):
                    if not on:
                        continue
                    (x0, y0), (x1, y1) = prev[i, w], wheels[i, w]
                    step = math.hypot(x1 - x0, y1 - y0)
                    if 0.02 < step < MAX_MARK_STEP_M:
                        self.levels.add_mark(Mark(float(x0), float(y0), float(x1), float(y1), width, strength))
                        self.marks_laid += 1
            # ---- puffs from the rear tyres
            rx, ry = (wheels[i, 2] + wheels[i, 3]) / 2
            vx, vy = float(vxw[i]), float(vyw[i])
            if self.dusty[int(sig.surface[i])] and speed > 4.0:
                n = self._count(min(40.0, speed * 0.9), frame_s)
                if n:
                    self.particles.emit(DUST, rx, ry, vx * 0.25, vy * 0.25, count=n, spread_m=0.8, radius_m=0.9)
            wet = surface in WET_SURFACES or self.atmosphere.rain
            if wet and speed > 8.0:
                n = self._count(min(45.0, speed * 0.8), frame_s)
                if n:
                    self.particles.emit(SPRAY, rx, ry, vx * 0.45, vy * 0.45, count=n, spread_m=0.5, radius_m=0.45)
            if surface in SMOKY_SURFACES and bool(sig.sliding[i]) and not wet:
                heavy = max(float(sig.slip_rear[i]), float(sig.slip_front[i])) > 1.25 or sig.lock[i] or sig.spin[i]
                if heavy:
                    n = self._count(30.0, frame_s)
                    if n:
                        self.particles.emit(SMOKE, rx, ry, vx * 0.2, vy * 0.2, count=n, spread_m=0.6, radius_m=0.6)
            if sig.throttle[i] > 0.8 and speed < 12.0 and car.era == "classic":
                n = self._count(14.0, frame_s)
                if n:
                    self.particles.emit(EXHAUST, rx, ry, -vx * 0.1, -vy * 0.1, count=n, spread_m=0.2, radius_m=0.35)
            # ---- backfires: lifting off at high revs, or an upshift under power
            lift = self.prev_throttle[i] > 0.6 and sig.throttle[i] < 0.2
            upshift = sig.gear[i] > self.prev_gear[i] and self.prev_throttle[i] > 0.6
            high = sig.rpm[i] > 0.55 * sig.redline_rpm[i]
            if ((lift and high) or upshift) and self.rng.random() < BACKFIRE_CHANCE.get(car.era, 0.5):
                h = float(st.heading[i])
                ex = float(st.x[i]) - math.cos(h) * car.length_m * 0.52
                ey = float(st.y[i]) - math.sin(h) * car.length_m * 0.52
                self.particles.emit(FLASH, ex, ey, vx, vy, count=1, spread_m=0.05, jitter_mps=0.2, radius_m=0.6)
                self.particles.emit(EXHAUST, ex, ey, vx * 0.5, vy * 0.5, count=3, spread_m=0.2, radius_m=0.4)
                fires.append(Backfire(i, ex, ey, 1.0 if upshift else 0.7))
        self.prev_throttle = sig.throttle.copy()
        self.prev_gear = sig.gear.copy()
        return fires
