"""What the eyes and ears need to know about each car, read from a race (no pygame).

Effects, sound and the HUD react to the same few signals: speed, pedals, how hard the
tyres work, whether a wheel locks or spins, the surface underneath. Core publishes
some of them as state fields (``slip_front``, ``slip_rear``, ``lock_front``,
``lock_rear``, ``spin`` or ``spin_rear``, ``throttle``, ``brake``, ``surface_rear``);
where a field is missing (an older core), they are estimated here from the velocity and
the controls, so the shell never depends on a particular physics version.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from millegame.core.car import Controls
from millegame.core.race import Race

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]
PEAK_SLIP_RAD = 0.12  # slip angle at which a tyre gives its most (estimate, for old cores)
SLIDE_USAGE = 0.95  # tyre usage above this leaves marks and squeals


@dataclass(frozen=True)
class CarSignals:
    """Per car, arrays of shape (N,)."""

    speed_mps: FloatArray
    throttle: FloatArray  # 0…1, last applied
    brake: FloatArray  # 0…1
    handbrake: FloatArray
    slip_front: FloatArray  # tyre usage 0…1 (over 1 = sliding)
    slip_rear: FloatArray
    lock: BoolArray  # a wheel locked under braking
    spin: BoolArray  # the driven wheels spin
    surface: NDArray[np.intp]  # index into stage.surfaces under each car
    rpm: FloatArray
    redline_rpm: FloatArray
    gear: FloatArray

    @property
    def sliding(self) -> BoolArray:
        """Tyres beyond their grip: marks on the road, squeal in the ears."""
        return (
            (np.maximum(self.slip_front, self.slip_rear) > SLIDE_USAGE) | self.lock | self.spin | (self.handbrake > 0.5)
        ) & (self.speed_mps > 3.0)

    @property
    def braking(self) -> BoolArray:
        return self.brake > 0.05

    @property
    def load(self) -> FloatArray:
        """Engine load 0…1 for the sound: the throttle, a little even when lifting."""
        return np.clip(self.throttle, 0.0, 1.0)


@dataclass(frozen=True)
class CarDims:
    """Per car, from ``race.cars`` (the stable ``CarParams``, not core's internal arrays)."""

    length_m: FloatArray
    width_m: FloatArray
    a_m: FloatArray  # centre of gravity → front axle
    b_m: FloatArray  # centre of gravity → rear axle
    redline_rpm: FloatArray

    @staticmethod
    def of(race: Race) -> CarDims:
        cars = race.cars

        def arr(values: list[float]) -> FloatArray:
            return np.array(values, dtype=np.float64)

        return CarDims(
            length_m=arr([c.length_m for c in cars]),
            width_m=arr([c.width_m for c in cars]),
            a_m=arr([c.wheelbase_m * (1.0 - c.weight_front) for c in cars]),
            b_m=arr([c.wheelbase_m * c.weight_front for c in cars]),
            redline_rpm=arr([c.redline_rpm for c in cars]),
        )


def _field(state: object, name: str, default: FloatArray) -> FloatArray:
    value = getattr(state, name, None)
    return default if value is None else np.asarray(value, dtype=np.float64)


def surface_under(race: Race) -> NDArray[np.intp]:
    return race.stage.surface_at(race.state.x, race.state.y)


def read_signals(race: Race, controls: Controls | None = None) -> CarSignals:
    """The signals of every car after the last tick; ``controls`` are the last applied
    (used where the state does not say)."""
    st = race.state
    dims = CarDims.of(race)
    n = race.n
    zeros = np.zeros(n)
    if controls is None:
        controls = Controls.zeros(n)
    throttle = _field(st, "throttle", np.asarray(controls.throttle, dtype=np.float64))
    brake = _field(st, "brake", np.asarray(controls.brake, dtype=np.float64))
    handbrake = np.asarray(controls.handbrake, dtype=np.float64)
    speed = np.asarray(st.speed_mps, dtype=np.float64)
    vx = np.maximum(np.abs(st.vx), 1.0)
    a, b = dims.a_m, dims.b_m
    est_front = np.abs(st.steer - np.arctan2(st.vy + a * st.yaw_rate, vx)) / PEAK_SLIP_RAD
    est_rear = np.abs(np.arctan2(st.vy - b * st.yaw_rate, vx)) / PEAK_SLIP_RAD
    moving = speed > 4.0
    slip_front = _field(st, "slip_front", np.where(moving, est_front, 0.0))
    slip_rear = _field(st, "slip_rear", np.where(moving, est_rear, 0.0))
    lock = _field(st, "lock_front", zeros) + _field(st, "lock_rear", zeros) > 0.5
    spin = _field(st, "spin_rear", _field(st, "spin", zeros)) > 0.5
    return CarSignals(
        speed_mps=speed,
        throttle=throttle,
        brake=brake,
        handbrake=handbrake,
        slip_front=slip_front,
        slip_rear=slip_rear,
        lock=np.asarray(lock, dtype=bool),
        spin=np.asarray(spin, dtype=bool),
        surface=np.asarray(_field(st, "surface_rear", surface_under(race).astype(np.float64)), dtype=np.intp),
        rpm=np.asarray(st.rpm, dtype=np.float64),
        redline_rpm=dims.redline_rpm,
        gear=np.asarray(st.gear, dtype=np.float64),
    )
