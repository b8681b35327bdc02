"""Car parameters, car state and controls, held as arrays over N cars.

Units: metres, seconds, kilograms, newtons, radians; names carry the unit where it is
not obvious. ``CarState`` and ``Controls`` are structs of arrays of shape (N,), so one
car, a ghost, a field of 450 or thousands of RL environments go through the same step.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]

G = 9.81  # gravity [m/s²]
AIR_DENSITY = 1.225  # [kg/m³]


@dataclass(frozen=True)
class CarParams:
    """One car's physical data (read from ``assets/cars/<id>.toml`` by the catalog).

    docs/physics.md explains every field and how the model uses it.
    """

    id: str
    name: str
    year: int
    era: str  # "classic" or "modern"
    category: str  # "Sport", "Gran Turismo", "Touring"
    displacement_cc: int
    # Body
    mass_kg: float  # race mass: car, crew and fuel
    length_m: float
    width_m: float
    wheelbase_m: float
    weight_front: float  # static fraction of the weight on the front axle
    cg_height_m: float
    # Engine
    engine_kind: str  # "straight-eight", "V12", … (sound and display)
    power_kw: float  # published peak power (the torque curve reproduces it)
    peak_power_rpm: float
    idle_rpm: float
    redline_rpm: float
    torque_curve: tuple[tuple[float, float], ...]  # full-throttle (rpm, N·m), rpm ascending
    # Drivetrain
    gears: int
    shift_time_s: float  # no drive while a shift is under way
    ratio_spread: float  # first gear ratio / top gear ratio
    top_speed_kmh: float  # the published figure; top gear puts it at peak-power rpm
    wheel_radius_m: float
    drive: str  # "RWD" or "AWD"
    drive_front_share: float  # share of drive torque sent to the front axle
    # Tyres
    tyre_era: str
    mu_lateral: float  # peak friction on dry asphalt, cornering
    mu_longitudinal: float  # peak friction on dry asphalt, driving and braking
    cornering_stiffness_per_load: float  # Cα / Fz [1/rad]
    slide_factor: float  # friction of a spinning or locked tyre, as a share of the peak
    # Brakes
    brake_type: str  # "drum", "disc", "carbon-ceramic"
    brake_front_bias: float
    brake_capacity: float  # full-pedal force as a share of what the tyres can take, cold
    fade_start_c: float
    fade_full_c: float
    fade_min: float  # share of brake force left when fully faded
    brake_heat_capacity_j_per_k: float  # per axle
    # Assists the car has (and uses unless the player switches them off)
    abs: bool
    tcs: bool
    # Aero
    cda_m2: float  # drag coefficient × frontal area
    cla_m2: float  # downforce coefficient × area
    downforce_front: float  # share of the downforce on the front axle
    # Steering
    max_steer_rad: float
    steer_rate_rad_s: float  # how fast the front wheels turn
    number: int = 0  # race number painted on the car
    history: str = ""

    @property
    def torque_nm(self) -> float:
        """Peak torque [N·m]."""
        return max(t for _, t in self.torque_curve)

    @property
    def peak_torque_rpm(self) -> float:
        return max(self.torque_curve, key=lambda p: p[1])[0]

    @property
    def tyre_mu(self) -> float:
        return self.mu_lateral

    @property
    def cg_to_front_m(self) -> float:
        """Distance from the centre of gravity to the front axle [m]."""
        return self.wheelbase_m * (1.0 - self.weight_front)

    @property
    def cg_to_rear_m(self) -> float:
        return self.wheelbase_m * self.weight_front

    @property
    def yaw_inertia(self) -> float:
        """Yaw moment of inertia [kg·m²]: a box of the car's size, slightly concentrated."""
        return 0.9 * self.mass_kg * (self.length_m**2 + self.width_m**2) / 12.0


@dataclass(frozen=True)
class CarArrays:
    """``CarParams`` of N cars stacked into arrays, for the vectorised step."""

    mass: FloatArray
    length: FloatArray
    width: FloatArray
    a: FloatArray  # CG → front axle [m]
    b: FloatArray  # CG → rear axle [m]
    cg_height: FloatArray
    yaw_inertia: FloatArray
    power_w: FloatArray
    torque_force_n: FloatArray  # peak wheel force in first gear [N]
    drive_front: FloatArray
    tyre_mu: FloatArray
    stiffness: FloatArray
    brake_front: FloatArray
    cda: FloatArray
    max_steer: FloatArray
    steer_rate: FloatArray
    redline_rpm: FloatArray
    idle_rpm: FloatArray
    gear_ratios: FloatArray  # (N, max_gears) overall ratio engine→wheel; 0 = no such gear
    wheel_radius: FloatArray
    gears: FloatArray

    @staticmethod
    def stack(cars: list[CarParams] | tuple[CarParams, ...]) -> CarArrays:
        def arr(values: list[float]) -> FloatArray:
            return np.array(values, dtype=np.float64)

        max_gears = max(c.gears for c in cars)
        ratios = np.zeros((len(cars), max_gears))
        for i, c in enumerate(cars):
            ratios[i, : c.gears] = gear_ratios(c)
        return CarArrays(
            mass=arr([c.mass_kg for c in cars]),
            length=arr([c.length_m for c in cars]),
            width=arr([c.width_m for c in cars]),
            a=arr([c.cg_to_front_m for c in cars]),
            b=arr([c.cg_to_rear_m for c in cars]),
            cg_height=arr([c.cg_height_m for c in cars]),
            yaw_inertia=arr([c.yaw_inertia for c in cars]),
            power_w=arr([c.power_kw * 1000.0 for c in cars]),
            torque_force_n=arr([c.torque_nm * ratios[i, 0] / c.wheel_radius_m for i, c in enumerate(cars)]),
            drive_front=arr([c.drive_front_share for c in cars]),
            tyre_mu=arr([c.tyre_mu for c in cars]),
            stiffness=arr([c.cornering_stiffness_per_load for c in cars]),
            brake_front=arr([c.brake_front_bias for c in cars]),
            cda=arr([c.cda_m2 for c in cars]),
            max_steer=arr([c.max_steer_rad for c in cars]),
            steer_rate=arr([c.steer_rate_rad_s for c in cars]),
            redline_rpm=arr([c.redline_rpm for c in cars]),
            idle_rpm=arr([c.idle_rpm for c in cars]),
            gear_ratios=ratios,
            wheel_radius=arr([c.wheel_radius_m for c in cars]),
            gears=arr([float(c.gears) for c in cars]),
        )


def gear_ratios(car: CarParams) -> FloatArray:
    """Overall gear ratios (engine rpm per wheel rpm, final drive included), first to top.

    No real ratios were found for these cars (cars.md), so: top gear puts the published
    top speed at 105 % of peak-power rpm and the others follow a geometric progression
    up to ``ratio_spread`` times that in first.
    """
    v_top = car.top_speed_kmh / 3.6
    wheel_rpm_top = v_top / (2.0 * np.pi * car.wheel_radius_m) * 60.0
    top = 1.05 * car.peak_power_rpm / wheel_rpm_top
    return np.asarray(top * car.ratio_spread ** np.linspace(1.0, 0.0, car.gears), dtype=np.float64)


@dataclass(frozen=True)
class CarState:
    """The state of N cars; every field is an array of shape (N,).

    ``vx``/``vy`` are the velocity in the car's own frame (forward, right) [m/s];
    ``heading`` [rad] and ``yaw_rate`` [rad/s] follow ``core.geometry``'s convention
    (positive = clockwise on screen = turning right). ``steer`` is the front wheels'
    angle [rad], positive to the right. ``gear`` is 1..n forward, -1 reverse.
    ``rest_s`` is how long the car has stood still with the brake held [s] (it
    engages reverse after a moment). ``contact`` is 1 while touching a wall.
    """

    x: FloatArray
    y: FloatArray
    heading: FloatArray
    vx: FloatArray
    vy: FloatArray
    yaw_rate: FloatArray
    steer: FloatArray
    gear: FloatArray
    rpm: FloatArray
    rest_s: FloatArray
    contact: FloatArray

    @staticmethod
    def at_rest(xs: FloatArray, ys: FloatArray, headings: FloatArray) -> CarState:
        n = len(xs)
        zeros = np.zeros(n)
        return CarState(
            x=np.asarray(xs, dtype=np.float64).copy(),
            y=np.asarray(ys, dtype=np.float64).copy(),
            heading=np.asarray(headings, dtype=np.float64).copy(),
            vx=zeros.copy(),
            vy=zeros.copy(),
            yaw_rate=zeros.copy(),
            steer=zeros.copy(),
            gear=np.ones(n),
            rpm=np.full(n, 900.0),
            rest_s=zeros.copy(),
            contact=zeros.copy(),
        )

    @property
    def n(self) -> int:
        return int(self.x.shape[0])

    @property
    def speed_mps(self) -> FloatArray:
        """Ground speed [m/s]."""
        return np.hypot(self.vx, self.vy)

    @property
    def world_velocity(self) -> tuple[FloatArray, FloatArray]:
        """Velocity in the world frame (vx_world, vy_world) [m/s]."""
        c, s = np.cos(self.heading), np.sin(self.heading)
        return self.vx * c - self.vy * s, self.vx * s + self.vy * c

    def select(self, index: int) -> CarState:
        """The state of car ``index`` alone (arrays of length 1)."""
        return CarState(**{f.name: getattr(self, f.name)[index : index + 1].copy() for f in fields(self)})

    def replace(self, **changes: FloatArray) -> CarState:
        return replace(self, **changes)

    @staticmethod
    def concat(states: list[CarState]) -> CarState:
        return CarState(**{f.name: np.concatenate([getattr(s, f.name) for s in states]) for f in fields(CarState)})


@dataclass(frozen=True)
class Controls:
    """Driver inputs for N cars, arrays of shape (N,).

    ``throttle``, ``brake`` and ``handbrake`` in [0, 1]; ``steer`` in [-1, 1],
    positive to the right. Values outside the ranges and NaN are sanitised by
    ``Controls.clean``, which the step applies at its boundary.
    """

    throttle: FloatArray
    brake: FloatArray
    steer: FloatArray
    handbrake: FloatArray

    @staticmethod
    def zeros(n: int) -> Controls:
        return Controls(np.zeros(n), np.zeros(n), np.zeros(n), np.zeros(n))

    @staticmethod
    def single(throttle: float = 0.0, brake: float = 0.0, steer: float = 0.0, handbrake: float = 0.0) -> Controls:
        return Controls(
            np.array([throttle], dtype=np.float64),
            np.array([brake], dtype=np.float64),
            np.array([steer], dtype=np.float64),
            np.array([handbrake], dtype=np.float64),
        )

    def clean(self) -> Controls:
        """Clip to range, NaN → 0 (the sim never trusts its inputs)."""

        def c(a: FloatArray, lo: float) -> FloatArray:
            a = np.nan_to_num(np.asarray(a, dtype=np.float64), nan=0.0, posinf=1.0, neginf=lo)
            return np.clip(a, lo, 1.0)

        return Controls(c(self.throttle, 0.0), c(self.brake, 0.0), c(self.steer, -1.0), c(self.handbrake, 0.0))

    @staticmethod
    def concat(controls: list[Controls]) -> Controls:
        return Controls(*(np.concatenate([getattr(c, f.name) for c in controls]) for f in fields(Controls)))
