"""The options of the RL environment and the observation layout they imply.

``EnvConfig`` gathers every option of ``millegame/Stage-v0`` (stage, car, episode length,
action repeat, start, assists, sensors, reward weights) and checks them once, with a message
that names the option and the fix. ``ObservationLayout`` names every index of the
observation vector with its unit and bounds (docs/rl.md is generated from the same facts).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from millegame.core.car import Assists, CarParams
from millegame.core.stage import Stage

DEFAULT_STAGE = "prologo"
DEFAULT_CAR = "mercedes-300-slr"
DEFAULT_LOOKAHEAD_M = (5.0, 10.0, 20.0, 30.0, 45.0, 60.0, 80.0, 100.0)
# Denser straight ahead, where the driving happens; ±90° sees the walls beside the car. Nine
# rays: each costs ≈ 30 ns per car and step, a sizeable share of the env's own work (docs/rl.md).
DEFAULT_RAY_ANGLES_DEG = (-90.0, -60.0, -35.0, -15.0, 0.0, 15.0, 35.0, 60.0, 90.0)


class EnvConfigError(ValueError):
    """An option of the RL environment is wrong; the message names it and how to fix it."""


@dataclass(frozen=True)
class EnvConfig:
    """Options of ``millegame/Stage-v0`` (keyword arguments of ``gymnasium.make``).

    - ``stage``: a shipped stage id, a path to a ``.tmx`` file, or a ``core.stage.Stage``;
    - ``car``: a car id from ``assets/cars`` or a ``CarParams``;
    - ``max_time_s``: episode length [s of simulated time] before truncation;
    - ``action_repeat``: physics ticks (1/120 s each) per environment step;
    - ``random_start``: start each episode at rest on a random point of the route (drawn
      from the environment's seeded generator) instead of the stage's start line;
    - ``assists``: a ``core.car.Assists`` or a dict of its fields (``abs``, ``tcs``,
      ``steering``; None = as the car came);
    - ``lookahead_m``: distances along the route [m] of the look-ahead points;
    - ``ray_angles_deg``: directions of the wall rays relative to the car's heading
      [°, positive = right]; ``ray_range_m``: their reach [m];
    - reward weights: ``progress_reward_per_m`` per metre along the route,
      ``wall_hit_penalty`` per impact plus ``wall_hit_penalty_per_mps`` per m/s of impact
      speed, ``wall_contact_penalty_per_s`` per second spent touching a wall.
    """

    stage: str | Path | Stage = DEFAULT_STAGE
    car: str | CarParams = DEFAULT_CAR
    max_time_s: float = 300.0
    action_repeat: int = 1
    random_start: bool = True
    assists: Assists | dict[str, Any] | None = None
    lookahead_m: tuple[float, ...] = DEFAULT_LOOKAHEAD_M
    ray_angles_deg: tuple[float, ...] = DEFAULT_RAY_ANGLES_DEG
    ray_range_m: float = 50.0
    progress_reward_per_m: float = 0.1
    wall_hit_penalty: float = 1.0
    wall_hit_penalty_per_mps: float = 0.1
    wall_contact_penalty_per_s: float = 1.0

    @staticmethod
    def of(**kwargs: Any) -> EnvConfig:
        """Build and check a config from keyword options (unknown names are refused)."""
        known = {f.name for f in fields(EnvConfig)}
        unknown = sorted(set(kwargs) - known)
        if unknown:
            options = ", ".join(sorted(known))
            raise EnvConfigError(
                f"millegame/Stage-v0: unknown option(s) {', '.join(unknown)} — the options are {options}"
            )
        cfg = EnvConfig(**kwargs)
        cfg.check()
        return cfg

    def check(self) -> None:
        def need(ok: bool, message: str) -> None:
            if not ok:
                raise EnvConfigError(f"millegame/Stage-v0: {message}")

        need(isinstance(self.action_repeat, int | np.integer) and self.action_repeat >= 1,
             f"action_repeat must be a whole number of ticks ≥ 1, got {self.action_repeat!r}")  # fmt: skip
        need(_finite(self.max_time_s) and self.max_time_s > 0, f"max_time_s must be > 0 s, got {self.max_time_s!r}")
        need(_finite(self.ray_range_m) and self.ray_range_m > 0, f"ray_range_m must be > 0 m, got {self.ray_range_m!r}")
        look = tuple(self.lookahead_m)
        need(all(_finite(d) and d >= 0 for d in look) and list(look) == sorted(look),
             f"lookahead_m must be distances ≥ 0 m in ascending order, got {self.lookahead_m!r}")  # fmt: skip
        need(
            all(_finite(a) for a in self.ray_angles_deg), f"ray_angles_deg must be finite, got {self.ray_angles_deg!r}"
        )
        for name in ("progress_reward_per_m", "wall_hit_penalty", "wall_hit_penalty_per_mps",
                     "wall_contact_penalty_per_s"):  # fmt: skip
            need(_finite(getattr(self, name)), f"{name} must be a finite number, got {getattr(self, name)!r}")
        if isinstance(self.assists, dict):
            allowed = {f.name for f in fields(Assists)} - {"manual_gears"}
            bad = sorted(set(self.assists) - allowed)
            need(not bad, f"assists: unknown key(s) {', '.join(bad)} — use {', '.join(sorted(allowed))}")
        else:
            kind = type(self.assists).__name__
            need(self.assists is None or isinstance(self.assists, Assists),
                 f"assists must be None, a dict or millegame.core.Assists, got {kind}")  # fmt: skip
            need(self.assists is None or not self.assists.manual_gears,
                 "assists.manual_gears is not available: the action has no gear shift (automatic box)")  # fmt: skip

    @property
    def assists_value(self) -> Assists:
        if isinstance(self.assists, dict):
            return Assists(**self.assists)
        return self.assists or Assists()

    def load_stage(self) -> Stage:
        if isinstance(self.stage, Stage):
            return self.stage
        from millegame.catalog import CatalogError, resolve_stage
        from millegame.levels import StageError, load_stage

        try:
            return load_stage(resolve_stage(str(self.stage)))
        except (CatalogError, StageError) as e:
            raise EnvConfigError(f"millegame/Stage-v0: stage: {e}") from None

    def load_car(self) -> CarParams:
        if isinstance(self.car, CarParams):
            return self.car
        from millegame.catalog import CatalogError, load_car

        try:
            return load_car(str(self.car))
        except CatalogError as e:
            raise EnvConfigError(f"millegame/Stage-v0: car: {e}") from None


def _finite(v: object) -> bool:
    return isinstance(v, int | float | np.integer | np.floating) and math.isfinite(float(v))


# Fixed part of the observation: (name, unit, low, high). Values outside are clipped.
SPEED_BOUND_MPS = 150.0  # beyond any car's top speed
YAW_RATE_BOUND = 30.0  # [rad/s]; a car spun by a wall stays well inside
OFFSET_BOUND_M = 1000.0
FIXED_FEATURES: tuple[tuple[str, str, float, float], ...] = (
    ("speed", "forward speed in the car's frame [m/s] (negative when reversing)", -SPEED_BOUND_MPS, SPEED_BOUND_MPS),
    ("lateral_speed", "sideways speed in the car's frame [m/s], positive = right", -SPEED_BOUND_MPS, SPEED_BOUND_MPS),
    ("yaw_rate", "yaw rate [rad/s], positive = turning right (clockwise on screen)", -YAW_RATE_BOUND, YAW_RATE_BOUND),
    ("steer", "front wheel angle [rad], positive = right", -math.pi / 2, math.pi / 2),
    ("heading_error", "car heading minus the route's direction [rad], positive = pointing right of it", -math.pi,
     math.pi),
    ("route_offset", "distance from the route's centre line [m], positive = right of it", -OFFSET_BOUND_M,
     OFFSET_BOUND_M),
    ("grip_front", "grip of the surface under the front axle (dry asphalt = 1)", 0.0, 2.0),
    ("grip_rear", "grip of the surface under the rear axle (dry asphalt = 1)", 0.0, 2.0),
    ("wall_contact", "1 while the car touches a wall, else 0", 0.0, 1.0),
    ("progress", "share of the route to the finish covered [0..1]", 0.0, 1.0),
)  # fmt: skip
N_FIXED = len(FIXED_FEATURES)


@dataclass(frozen=True)
class ObservationLayout:
    """Index → meaning of the observation vector for a given config."""

    names: tuple[str, ...]
    units: tuple[str, ...]
    low: NDArray[np.float32]
    high: NDArray[np.float32]
    lookahead_start: int  # first index of the (forward, right) look-ahead pairs
    rays_start: int  # first index of the ray distances

    @staticmethod
    def of(cfg: EnvConfig) -> ObservationLayout:
        names = [f[0] for f in FIXED_FEATURES]
        units = [f[1] for f in FIXED_FEATURES]
        low = [f[2] for f in FIXED_FEATURES]
        high = [f[3] for f in FIXED_FEATURES]
        look_bound = OFFSET_BOUND_M + max(cfg.lookahead_m, default=0.0)
        for d in cfg.lookahead_m:
            names += [f"ahead_{d:g}m_forward", f"ahead_{d:g}m_right"]
            units += [f"route point {d:g} m further along the route, metres ahead of the car [m]",
                      f"route point {d:g} m further along the route, metres right of the car [m]"]  # fmt: skip
            low += [-look_bound, -look_bound]
            high += [look_bound, look_bound]
        for a in cfg.ray_angles_deg:
            names.append(f"ray_{a:+g}deg")
            units.append(f"free distance from the car's centre to a wall at {a:+g}° from its heading [m], "
                         f"capped at {cfg.ray_range_m:g} m")  # fmt: skip
            low.append(0.0)
            high.append(cfg.ray_range_m)
        return ObservationLayout(
            names=tuple(names),
            units=tuple(units),
            low=np.array(low, dtype=np.float32),
            high=np.array(high, dtype=np.float32),
            lookahead_start=N_FIXED,
            rays_start=N_FIXED + 2 * len(cfg.lookahead_m),
        )

    @property
    def size(self) -> int:
        return len(self.names)
