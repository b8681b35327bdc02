"""Car parameters, car state and controls, held as arrays over N cars.

Units: metres, seconds, kilograms, newtons, radians; names carry the unit where it is
not obvious. ``CarState`` and ``Controls`` are structs of arrays of shape (N,), so one
car, a ghost, a field of 450 or thousands of RL environments go through the same step.
"""

from __future__ import annotations

from dataclasses import dataclass

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
        """Peak lateral friction on dry asphalt."""
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


# Columns of the packed parameter matrix ``CarArrays.table`` (N, len(PARAM_COLUMNS)).
PARAM_COLUMNS = (
    "mass", "length", "width", "a", "b", "cg_height", "yaw_inertia", "idle_rpm", "redline_rpm",
    "launch_rpm", "gears", "shift_time", "wheel_radius", "drive_front", "mu_lat", "mu_long",
    "stiffness", "slide", "brake_front", "brake_capacity", "fade_start", "fade_full", "fade_min",
    "brake_heat_capacity", "abs", "tcs", "cda", "cla", "downforce_front", "max_steer", "steer_rate",
    "steer_assist", "manual", "torque_points", "pedal_aid",
)  # fmt: skip
P = {name: i for i, name in enumerate(PARAM_COLUMNS)}

DRIVELINE_EFFICIENCY = 0.85  # engine power reaching the tyres


@dataclass(frozen=True)
class Assists:
    """Driver aids. ``None`` means "as the car came": ABS and TCS where the car has them."""

    abs: bool | None = None
    tcs: bool | None = None
    steering: bool = True  # speed-sensitive steering for keyboards; off = analogue input passes through
    # Keyboard pedal aid (throttle and brake): an on/off key asks each tyre for no more than
    # the grip that cornering leaves it — the pedal a careful foot would hold, so full throttle
    # does not spin the rear of a classic out of a corner nor a full brake lock its drums.
    # Off (the default in core; the game turns it on for the keyboard): pedals as given.
    pedal_aid: bool = False
    manual_gears: bool = False  # sequential shifting with Controls.shift instead of the automatic


@dataclass(frozen=True)
class CarArrays:
    """``CarParams`` of N cars packed for the step: one float64 matrix ``table``
    (N, len(PARAM_COLUMNS)) plus the torque curves and gear ratios, padded."""

    table: FloatArray
    torque_rpm: FloatArray  # (N, K) ascending; padded by repeating the last point
    torque_nm: FloatArray  # (N, K)
    gear_ratios: FloatArray  # (N, G) overall engine→wheel ratio; 0 past the car's top gear

    def column(self, name: str) -> FloatArray:
        return self.table[:, P[name]]

    @property
    def mass(self) -> FloatArray:
        return self.column("mass")

    @property
    def a(self) -> FloatArray:
        """CG → front axle [m]."""
        return self.column("a")

    @property
    def b(self) -> FloatArray:
        """CG → rear axle [m]."""
        return self.column("b")

    @property
    def tyre_mu(self) -> FloatArray:
        """Peak lateral friction on dry asphalt."""
        return self.column("mu_lat")

    @property
    def mu_long(self) -> FloatArray:
        return self.column("mu_long")

    @property
    def stiffness(self) -> FloatArray:
        return self.column("stiffness")

    @property
    def drive_front(self) -> FloatArray:
        return self.column("drive_front")

    @property
    def max_steer(self) -> FloatArray:
        return self.column("max_steer")

    @property
    def cda(self) -> FloatArray:
        return self.column("cda")

    @property
    def n(self) -> int:
        return int(self.table.shape[0])

    @staticmethod
    def stack(cars: list[CarParams] | tuple[CarParams, ...], assists: Assists | None = None) -> CarArrays:
        assists = assists or Assists()
        n = len(cars)
        table = np.zeros((n, len(PARAM_COLUMNS)))
        k = max(len(c.torque_curve) for c in cars)
        g = max(c.gears for c in cars)
        torque_rpm, torque_nm, ratios = np.zeros((n, k)), np.zeros((n, k)), np.zeros((n, g))
        for i, c in enumerate(cars):
            curve = list(c.torque_curve) + [c.torque_curve[-1]] * (k - len(c.torque_curve))
            torque_rpm[i] = [r for r, _ in curve]
            torque_nm[i] = [t for _, t in curve]
            ratios[i, : c.gears] = gear_ratios(c)
            values = {
                "mass": c.mass_kg,
                "length": c.length_m,
                "width": c.width_m,
                "a": c.cg_to_front_m,
                "b": c.cg_to_rear_m,
                "cg_height": c.cg_height_m,
                "yaw_inertia": c.yaw_inertia,
                "idle_rpm": c.idle_rpm,
                "redline_rpm": c.redline_rpm,
                # The clutch slips at launch so the engine pulls near its torque peak.
                "launch_rpm": max(c.idle_rpm, 0.8 * c.peak_torque_rpm),
                "gears": c.gears,
                "shift_time": c.shift_time_s,
                "wheel_radius": c.wheel_radius_m,
                "drive_front": c.drive_front_share,
                "mu_lat": c.mu_lateral,
                "mu_long": c.mu_longitudinal,
                "stiffness": c.cornering_stiffness_per_load,
                "slide": c.slide_factor,
                "brake_front": c.brake_front_bias,
                "brake_capacity": c.brake_capacity,
                "fade_start": c.fade_start_c,
                "fade_full": c.fade_full_c,
                "fade_min": c.fade_min,
                "brake_heat_capacity": c.brake_heat_capacity_j_per_k,
                "abs": float(c.abs if assists.abs is None else assists.abs and c.abs),
                "tcs": float(c.tcs if assists.tcs is None else assists.tcs and c.tcs),
                "cda": c.cda_m2,
                "cla": c.cla_m2,
                "downforce_front": c.downforce_front,
                "max_steer": c.max_steer_rad,
                "steer_rate": c.steer_rate_rad_s,
                "steer_assist": float(assists.steering),
                "manual": float(assists.manual_gears),
                "torque_points": len(c.torque_curve),
                "pedal_aid": float(assists.pedal_aid),
            }
            table[i] = [values[name] for name in PARAM_COLUMNS]
        return CarArrays(table, torque_rpm, torque_nm, ratios)


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


# Columns of the state matrix ``CarState.data`` (N, len(STATE_COLUMNS)).
STATE_COLUMNS = (
    "x", "y", "heading", "vx", "vy", "yaw_rate", "steer", "gear", "rpm", "rest_s", "contact",
    "shift_s", "ax", "brake_temp_front", "brake_temp_rear", "slip_front", "slip_rear",
    "lock_front", "lock_rear", "spin", "throttle", "brake", "surface_front", "surface_rear",
)  # fmt: skip
S = {name: i for i, name in enumerate(STATE_COLUMNS)}
AMBIENT_C = 20.0


def _column(name: str) -> property:
    index = S[name]
    return property(lambda self: self.data[:, index], doc=f"``{name}`` of every car, shape (N,)")


@dataclass(frozen=True)
class CarState:
    """The state of N cars: one float64 matrix ``data`` (N, len(STATE_COLUMNS)), read by
    column name (``state.x``, ``state.vx`` …; each a view of shape (N,)).

    - ``x``, ``y`` [m], ``heading`` [rad] and ``yaw_rate`` [rad/s] in the world frame of
      ``core.geometry`` (positive heading/yaw = clockwise on screen = turning right);
    - ``vx``, ``vy``: velocity in the car's own frame (forward, right) [m/s];
    - ``steer``: front wheel angle [rad], positive right; ``gear``: 1..n, -1 reverse;
      ``rpm``: engine speed; ``shift_s``: time left in a gear change [s];
    - ``rest_s``: time at rest with the brake held [s] (reverse engages after a moment);
    - ``contact``: 1 while touching a wall; ``ax``: smoothed longitudinal acceleration
      [m/s²] (load transfer); ``brake_temp_front``/``_rear`` [°C];
    - ``slip_front``/``_rear``: tyre usage (1 = at the limit, above = sliding);
      ``lock_front``/``_rear``, ``spin``: 1 while a wheel is locked / the driven wheels spin;
      ``throttle``, ``brake``: pedals as applied after ABS/TCS; ``surface_front``/``_rear``:
      surface index under each axle.
    """

    data: FloatArray

    x = _column("x")
    y = _column("y")
    heading = _column("heading")
    vx = _column("vx")
    vy = _column("vy")
    yaw_rate = _column("yaw_rate")
    steer = _column("steer")
    gear = _column("gear")
    rpm = _column("rpm")
    rest_s = _column("rest_s")
    contact = _column("contact")
    shift_s = _column("shift_s")
    ax = _column("ax")
    brake_temp_front = _column("brake_temp_front")
    brake_temp_rear = _column("brake_temp_rear")
    slip_front = _column("slip_front")
    slip_rear = _column("slip_rear")
    lock_front = _column("lock_front")
    lock_rear = _column("lock_rear")
    spin = _column("spin")
    throttle = _column("throttle")
    brake = _column("brake")
    surface_front = _column("surface_front")
    surface_rear = _column("surface_rear")

    @staticmethod
    def at_rest(xs: FloatArray, ys: FloatArray, headings: FloatArray) -> CarState:
        xs = np.atleast_1d(np.asarray(xs, dtype=np.float64))
        data = np.zeros((len(xs), len(STATE_COLUMNS)))
        data[:, S["x"]] = xs
        data[:, S["y"]] = np.atleast_1d(ys)
        data[:, S["heading"]] = np.atleast_1d(headings)
        data[:, S["gear"]] = 1.0
        data[:, S["rpm"]] = 900.0
        data[:, S["brake_temp_front"]] = AMBIENT_C
        data[:, S["brake_temp_rear"]] = AMBIENT_C
        return CarState(data)

    @property
    def n(self) -> int:
        return int(self.data.shape[0])

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
        return CarState(self.data[index : index + 1].copy())

    def replace(self, **changes: FloatArray | float) -> CarState:
        """A copy with the named columns set (each a scalar or an array of shape (N,))."""
        data = self.data.copy()
        for name, value in changes.items():
            data[:, S[name]] = value
        return CarState(data)

    @staticmethod
    def concat(states: list[CarState]) -> CarState:
        return CarState(np.concatenate([s.data for s in states]))


@dataclass(frozen=True)
class Controls:
    """Driver inputs for N cars, arrays of shape (N,).

    ``throttle``, ``brake`` and ``handbrake`` in [0, 1]; ``steer`` in [-1, 1], positive to
    the right; ``shift`` +1 / -1 asks for a gear up / down (manual gears only), 0 none.
    Out-of-range values, NaN and inf are sanitised inside the step, at its boundary.
    """

    throttle: FloatArray
    brake: FloatArray
    steer: FloatArray
    handbrake: FloatArray
    shift: FloatArray | None = None

    @staticmethod
    def zeros(n: int) -> Controls:
        return Controls(np.zeros(n), np.zeros(n), np.zeros(n), np.zeros(n))

    @staticmethod
    def single(
        throttle: float = 0.0, brake: float = 0.0, steer: float = 0.0, handbrake: float = 0.0, shift: float = 0.0
    ) -> Controls:
        def one(v: float) -> FloatArray:
            return np.array([v], dtype=np.float64)

        return Controls(one(throttle), one(brake), one(steer), one(handbrake), one(shift))

    def shift_or_zeros(self) -> FloatArray:
        return np.zeros_like(self.throttle, dtype=np.float64) if self.shift is None else self.shift

    def clean(self) -> Controls:
        """The controls as the step drives with them: clipped to range, NaN → 0, ±inf → the
        bound, shift → −1, 0 or +1 (beyond ±0.5). The kernel's own rule
        (``physics.clean_controls``), so the two cannot drift apart."""
        from millegame.core.physics import clean_controls, control_bundle  # physics imports this module

        n = len(np.atleast_1d(self.throttle))
        out = np.empty((5, n))
        clean_controls(*control_bundle(self, n), out)
        return Controls(out[0], out[1], out[2], out[3], out[4])

    def select(self, index: int) -> Controls:
        return Controls(*(a[index : index + 1] for a in self.arrays()))

    def arrays(self) -> tuple[FloatArray, ...]:
        return (self.throttle, self.brake, self.steer, self.handbrake, self.shift_or_zeros())

    @staticmethod
    def concat(controls: list[Controls]) -> Controls:
        return Controls(*(np.concatenate(parts) for parts in zip(*(c.arrays() for c in controls), strict=True)))
