"""The car model: one step over N cars, compiled with numba.

``step_cars`` advances N cars by one tick and returns a new ``CarState``; it never
mutates its inputs. The work happens in ``_step_kernel``, a loop over cars whose body is
plain scalar arithmetic compiled by numba: the same code runs for one car or 16,384,
and a batch of N is bit-identical to N single runs (nothing couples the cars, and no
fast-math reordering is allowed). docs/physics.md gives the equations and sources.

Per tick (120 Hz), per car:
1. gearbox: automatic up/down shifts with hysteresis, or sequential manual shifts;
   reverse after a moment at rest with the brake held; no drive during a shift;
then ``SUBSTEPS`` physics steps (one: 120 Hz) of
2. steering: rate-limited, with speed-sensitive assistance (or straight through);
3. loads: static split, longitudinal load transfer from the smoothed acceleration,
   downforce; surfaces read under each axle;
4. engine: full-throttle torque curve × throttle at the engine speed (clutch slip at
   launch, limiter at the redline) → gear ratio → driven axles;
5. brakes: bias, drum/disc fade with temperature, handbrake locking the rear;
6. tyres per axle: Pacejka lateral force from the slip angle, friction ellipse
   (mu_long, mu_lat) with the driving/braking force; past the ellipse a tyre spins or
   locks and keeps only ``slide_factor`` of its grip — unless ABS/TCS hold it at the peak;
7. body: rigid-body equations in the car frame, semi-implicit Euler; resisting forces
   never reverse a velocity; below 4 m/s a blend into the kinematic bicycle model;
8. walls: the car's outline (an oriented rectangle) swept against wall segments, with
   restitution, friction and spin.
"""

from __future__ import annotations

import math
import os
import types
from collections.abc import Callable
from typing import Any, cast

import numba
import numpy as np
from numba import njit, prange
from numpy.typing import NDArray

from millegame.core.car import (
    AIR_DENSITY,
    AMBIENT_C,
    DRIVELINE_EFFICIENCY,
    STATE_COLUMNS,
    CarArrays,
    CarState,
    Controls,
    G,
)
from millegame.core.car import P as _P
from millegame.core.car import S as _S
from millegame.core.collision import (
    BUCKET_M,
    CRUSH_FROM_MPS,
    RESTITUTION_HARD,
    RESTITUTION_SOFT,
    WALL_FRICTION,
    CollisionWorld,
)
from millegame.core.roads import road_surface
from millegame.core.stage import MATERIAL_SOFT, Stage

FloatArray = NDArray[np.float64]

# Threads for big fields (``PARALLEL_FROM_CARS``): OpenMP where the machine has it (libgomp;
# starting a parallel loop costs ≈ 7 µs) else numba's own workqueue (≈ 30–40 µs, a tenth of
# a 1,024-car step). Either gives identical results: cars never interact. OpenMP's workers
# sleep between loops (passive): spinning ones collapsed when another program held the
# second core — 8.4 ms for a 1,024-car step instead of 0.77 ms (benchmarks/physics.py).
# NUMBA_THREADING_LAYER and OMP_WAIT_POLICY in the environment still decide when set.
# ``setup_threads`` does this once, before the first threaded kernel runs — not at import,
# so importing the physics changes neither numba's configuration nor the environment of a
# program that never steps a big field.
_threads_ready = False


def setup_threads() -> None:
    """Choose numba's threading layer for the threaded kernels (OpenMP, else TBB, else
    numba's workqueue) and let OpenMP's idle workers sleep. Idempotent; ``step_cars`` and
    the RL batch call it before their first threaded kernel. Call it yourself before any
    other numba parallel code of yours, or set NUMBA_THREADING_LAYER."""
    global _threads_ready
    if _threads_ready:
        return
    if "NUMBA_THREADING_LAYER" not in os.environ:
        numba.config.THREADING_LAYER_PRIORITY = ["omp", "tbb", "workqueue"]  # type: ignore[attr-defined]
        numba.config.THREADING_LAYER = "default"  # type: ignore[attr-defined]
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    _threads_ready = True


TICK_HZ = 120  # simulation ticks per second
SUBSTEPS = 1  # physics steps per tick: the model converges well enough at 120 Hz (tests)
PACEJKA_SHAPE = 1.35  # C of the magic formula: how sharply grip falls past the peak slip angle
REAR_STIFFNESS_FACTOR = 1.2  # rear cornering stiffness per load vs front: mild built-in understeer
# Lateral grip balance at the limit. A per-axle model has no lateral load transfer; real
# cars carry more of it on the front (roll stiffness) and tyres lose grip with load, so
# the front saturates first and the car pushes wide instead of spinning. Lumped here:
FRONT_LATERAL_GRIP = 0.95
REAR_LATERAL_GRIP = 1.05
KINEMATIC_BELOW_MPS = 1.5  # pure kinematic model below this forward speed
DYNAMIC_ABOVE_MPS = 4.0  # pure dynamic model above it
STEER_ASSIST_LAT_G = 1.25  # with the assist, full lock asks for this share of the grip
# A held key, past the speed where that angle saturates the front tyres: the front sets the
# yaw rate faster than the rear can follow, and a rear past its peak slip spins the car. The
# assist lets the car yaw at the grip-limited rate μg/v plus what brings the rear's slip
# angle to STEER_ASSIST_REAR_SHARE of its peak in STEER_ASSIST_REAR_S, and takes
# STEER_ASSIST_YAW_GAIN_S of wheel angle off per rad/s of yaw beyond that.
STEER_ASSIST_REAR_SHARE = 0.55  # the rear's slip at the front's limit is ≈ 0.48 of its peak
STEER_ASSIST_REAR_S = 0.2
STEER_ASSIST_YAW_GAIN_S = 3.0  # [rad of wheel angle per rad/s of yaw rate]
# Peak of the magic formula: C·atan(B·α) = π/2, so B·α_peak = tan(π / (2C)).
PACEJKA_PEAK_B_ALPHA = math.tan(0.5 * math.pi / PACEJKA_SHAPE)
STEER_ASSIST_SETTLE_S = 0.25  # a released key brings the yaw rate to zero at this time constant
REVERSE_AFTER_S = 0.35  # brake held at rest this long engages reverse
REVERSE_MAX_MPS = 6.0
UPSHIFT_AT_REDLINE = 0.96  # the automatic box shifts up at this share of the redline
DOWNSHIFT_MARGIN = 0.8  # … and down when the lower gear would sit below this share of that
ASSIST_LIMIT = 0.95  # ABS/TCS hold a tyre at this share of its available grip
PEDAL_AID_REAR_BRAKE = 0.6  # … and the rear brakes inside this share
PEDAL_AID_SHARE = 0.9  # the keyboard pedal aid keeps each tyre inside this share of its friction ellipse
LOAD_TRANSFER_TAU_S = 0.08  # pitch response: how quickly load follows acceleration
BRAKE_COOLING_PER_S = 0.01  # brake cooling at rest [1/s] …
BRAKE_COOLING_PER_M = 0.0015  # … plus this much per metre travelled (air flow)
SKIN_M = 1e-4  # a body pushed out of a wall ends this far in front of it
CONTACT_TIE_M = 0.01  # outline points this close to the deepest touch share the contact [m]
OUTLINE_SPACING_M = 1.0  # spacing of the points that sample the car's outline [m]
PARALLEL_FROM_CARS = 256  # below this, starting threads costs more than it saves

# Numba sees the column indices as compile-time constants.
_X, _Y, _TH, _VX, _VY, _R, _STEER = _S["x"], _S["y"], _S["heading"], _S["vx"], _S["vy"], _S["yaw_rate"], _S["steer"]
_GEAR, _RPM, _REST, _CONTACT, _SHIFT, _AX = _S["gear"], _S["rpm"], _S["rest_s"], _S["contact"], _S["shift_s"], _S["ax"]
_TBF, _TBR, _SLF, _SLR = _S["brake_temp_front"], _S["brake_temp_rear"], _S["slip_front"], _S["slip_rear"]
_LKF, _LKR, _SPIN, _THR, _BRK = _S["lock_front"], _S["lock_rear"], _S["spin"], _S["throttle"], _S["brake"]
_SUF, _SUR = _S["surface_front"], _S["surface_rear"]
_NS = len(STATE_COLUMNS)

_MASS, _LEN, _WID, _A, _B, _HCG, _IZ = (
    _P["mass"],
    _P["length"],
    _P["width"],
    _P["a"],
    _P["b"],
    _P["cg_height"],
    _P["yaw_inertia"],
)
_IDLE, _RED, _LAUNCH, _NGEARS, _TSHIFT = (
    _P["idle_rpm"],
    _P["redline_rpm"],
    _P["launch_rpm"],
    _P["gears"],
    _P["shift_time"],
)
_RW, _DFRONT, _MUY, _MUX, _CS, _SLIDE = (
    _P["wheel_radius"],
    _P["drive_front"],
    _P["mu_lat"],
    _P["mu_long"],
    _P["stiffness"],
    _P["slide"],
)
_BBIAS, _BCAP, _BHEAT = _P["brake_front"], _P["brake_capacity"], _P["brake_heat_capacity"]
_FSTART, _FFULL, _FMIN = _P["fade_start"], _P["fade_full"], _P["fade_min"]
_ABS, _TCS, _CDA, _CLA, _DF_FRONT = _P["abs"], _P["tcs"], _P["cda"], _P["cla"], _P["downforce_front"]
_MAXSTEER, _STEERRATE, _ASSIST, _MANUAL, _TQN = (
    _P["max_steer"],
    _P["steer_rate"],
    _P["steer_assist"],
    _P["manual"],
    _P["torque_points"],
)
_PEDAL_AID = _P["pedal_aid"]


def step_cars(
    state: CarState,
    controls: Controls,
    params: CarArrays,
    stage: Stage,
    world: CollisionWorld,
    dt: float,
    substeps: int = SUBSTEPS,
) -> tuple[CarState, FloatArray]:
    """Advance N cars by one tick of ``dt`` [s] in ``substeps`` sub-steps.

    Returns the new state and, per car, the wall impact speed [m/s] of a contact that
    began during this tick (0 when none).

    The kernel takes its inputs in five bundles (tuples numba unpacks): the state, the cars
    (``car_bundle``), the controls (``control_bundle``), the ground (``ground_bundle``) and
    the walls (``wall_bundle``). Every array in them is C-contiguous, writable float64 (or
    the integer type of its kind): numba compiles one machine-code copy per combination of
    array layouts, so a column of a 2-D action matrix or a read-only table would otherwise
    cost a second full compile of the kernel.
    """
    n = state.n
    out = np.empty((n, _NS))
    impact = np.zeros(n)
    # Cars are independent, so threads cannot change a result; they only pay off for many
    # cars, and the threaded kernel is compiled only when a race that big first runs.
    if n >= PARALLEL_FROM_CARS:
        setup_threads()
        kernel = _step_kernel_parallel
    else:
        kernel = _step_kernel
    kernel(
        _c(state.data, np.float64), car_bundle(params), control_bundle(controls, n), ground_bundle(stage),
        wall_bundle(world), dt, substeps, out, impact,
    )  # fmt: skip
    return CarState(out), impact


# The kernel's argument bundles: plain tuples (numba types them per element; a namedtuple
# would take numba's slow path at each call).
CarBundle = tuple[FloatArray, FloatArray, FloatArray, FloatArray]  # table, torque rpm, torque Nm, ratios
ControlBundle = tuple[FloatArray, FloatArray, FloatArray, FloatArray, FloatArray]  # thr, brk, steer, hand, shift
GroundBundle = tuple[object, ...]  # surface grid, its cell [m], road index, blocks, cell [m], grip, crr, drag
WallBundle = tuple[object, ...]  # segments, material, buckets, bucket rows, bucket cols


def _c(a: np.ndarray, dtype: type) -> np.ndarray:  # type: ignore[type-arg]
    """``a`` as a C-contiguous, writable array of ``dtype`` (itself when it already is one)."""
    if type(a) is np.ndarray and a.dtype == dtype and a.flags.c_contiguous and a.flags.writeable:
        return a
    return np.array(a, dtype=dtype, order="C")


_F64 = np.dtype(np.float64)


def _c1(a: FloatArray, n: int) -> FloatArray:
    """A control input as a C-contiguous float64 array of shape (n,) (a scalar or a length-1
    array is repeated for every car)."""
    if a.__class__ is np.ndarray and a.dtype is _F64 and a.shape == (n,):
        flags = a.flags
        if flags.c_contiguous and flags.writeable:
            return a  # the common case, checked cheaply: this runs five times a tick
    a = np.asarray(a, dtype=np.float64)
    if a.shape != (n,):
        return np.broadcast_to(a, (n,)).copy()
    return np.array(a, order="C")  # a contiguous, writable copy


def control_bundle(controls: Controls, n: int) -> ControlBundle:
    """The controls as the kernel reads them (sanitised inside the kernel, by the rule of ``clean_controls``)."""
    shift = controls.shift
    return (
        _c1(controls.throttle, n), _c1(controls.brake, n), _c1(controls.steer, n), _c1(controls.handbrake, n),
        _c1(shift, n) if shift is not None else _zeros(n),
    )  # fmt: skip


_ZEROS: dict[int, FloatArray] = {}


def _zeros(n: int) -> FloatArray:
    """Zeros for cars given no shift input: one array per size, shared (the kernel never
    writes its inputs)."""
    z = _ZEROS.get(n)
    if z is None:
        z = _ZEROS[n] = np.zeros(n)
    return z


def _cached_on(owner: object, key: str, make: Callable[[], Any]) -> Any:
    """``make()``, kept in ``owner.__dict__[key]`` (a cache on a frozen object, as
    ``functools.cached_property`` does): each bundle is built once per object."""
    value = owner.__dict__.get(key)
    if value is None:
        value = owner.__dict__[key] = make()
    return value


def car_bundle(params: CarArrays) -> CarBundle:
    """The cars' parameter rows, torque curves and gear ratios, built once per ``CarArrays``."""
    return cast(CarBundle, _cached_on(params, "_kernel_bundle", lambda: (
        _c(params.table, np.float64), _c(params.torque_rpm, np.float64), _c(params.torque_nm, np.float64),
        _c(params.gear_ratios, np.float64),
    )))  # fmt: skip


def ground_bundle(stage: Stage) -> GroundBundle:
    """What the kernel reads of the ground: the surface grid and its cell size, the road
    raster (``core.roads``) and the surface table's columns; built once per ``Stage``."""

    def make() -> GroundBundle:
        surf, rr = stage.surfaces, stage.road_raster
        return (
            _c(stage.surface, np.uint8), float(stage.cell_m), _c(rr.index, np.int32), _c(rr.blocks, np.uint8),
            float(rr.cell_m), _c(surf.grip, np.float64), _c(surf.rolling_resistance, np.float64),
            _c(surf.drag_per_mps, np.float64),
        )  # fmt: skip

    return cast(GroundBundle, _cached_on(stage, "_kernel_ground", make))


def wall_bundle(world: CollisionWorld) -> WallBundle:
    """The wall segments, their materials and the bucket table; built once per world."""
    return cast(WallBundle, _cached_on(world, "_kernel_walls", lambda: (
        _c(world.segments, np.float64), _c(world.material, np.uint8), _c(world.table, np.int64),
        int(world.bucket_rows), int(world.bucket_cols),
    )))  # fmt: skip


def drive_force_available(vx: FloatArray, params: CarArrays) -> FloatArray:
    """Wheel force [N] that full throttle asks for at forward speed ``vx`` [m/s] in the
    gear the automatic box would choose (for the autopilot's traction control)."""
    out = np.empty(params.n)
    _drive_force_kernel(np.asarray(vx, dtype=np.float64), params.table, params.torque_rpm, params.torque_nm,
                        params.gear_ratios, out)  # fmt: skip
    return out


# No helper is inlined by numba itself (``inline="always"``): LLVM inlines the small ones
# anyway, so numba's inlining only made the first compile dearer — 13.8 s → 4.3 s of CPU
# without it, the same step time (462 vs 454 ns per car-step serial, best of 40, issue 16).
@njit(cache=True, error_model="numpy")
def _sq(v: float) -> float:
    return v * v


@njit(cache=True, error_model="numpy")
def assisted_steer_limit(vx: float, mu: float, wheelbase: float, stiffness: float, max_steer: float) -> float:
    """Front-wheel angle [rad] that full steering input asks for at forward speed ``vx``
    [m/s] with the steering assist on: the kinematic angle of a turn at
    ``STEER_ASSIST_LAT_G`` of the grip, plus the front's slip angle at its limit, at most
    full lock. One rule for the physics kernel and the autopilot (which steers as a share
    of it); the kernel's yaw limiter may take some off while the rear slides."""
    v2 = max(vx * vx, 1e-6)
    return min(max_steer, math.atan(STEER_ASSIST_LAT_G * mu * G * wheelbase / v2) + mu / stiffness)


@njit(cache=True, error_model="numpy")
def _interp(x: float, xs: FloatArray, ys: FloatArray, count: int) -> float:
    if x <= xs[0]:
        return ys[0]
    for k in range(1, count):
        if x < xs[k]:
            t = (x - xs[k - 1]) / (xs[k] - xs[k - 1])
            return ys[k - 1] + t * (ys[k] - ys[k - 1])
    return ys[count - 1]


@njit(cache=True, error_model="numpy")
def _clean(v: float, lo: float) -> float:
    """Sanitise a control input: NaN → 0, clip to [lo, 1] (inf → the bound)."""
    if v != v:
        return 0.0
    return min(max(v, lo), 1.0)


@njit(cache=True, error_model="numpy")
def _shift_request(v: float) -> int:
    """A shift input as a request: +1 (up) above 0.5, −1 (down) below −0.5, else 0 (NaN: 0)."""
    if v > 0.5:
        return 1
    if v < -0.5:
        return -1
    return 0


@njit(cache=True, error_model="numpy")
def clean_controls(thr, brk, steer, hand, shift, out):  # type: ignore[no-untyped-def]
    """The step's own sanitising of control inputs (N,) into ``out`` (5, N): throttle, brake,
    handbrake in [0, 1], steer in [-1, 1], NaN → 0, ±inf → the bound; shift → −1, 0 or +1.
    ``Controls.clean`` is this, so numpy callers see exactly what the kernel drives with."""
    for i in range(out.shape[1]):
        out[0, i] = _clean(thr[i], 0.0)
        out[1, i] = _clean(brk[i], 0.0)
        out[2, i] = _clean(steer[i], -1.0)
        out[3, i] = _clean(hand[i], 0.0)
        out[4, i] = float(_shift_request(shift[i]))


@njit(cache=True, error_model="numpy")
def _auto_gear(wheel_rpm: float, gear: int, ngears: int, ratios: FloatArray, redline: float) -> int:
    """The automatic box's choice from the current gear (up at the redline, down with hysteresis)."""
    up = UPSHIFT_AT_REDLINE * redline
    if gear < ngears and wheel_rpm * ratios[gear - 1] > up:
        return gear + 1
    if gear > 1 and wheel_rpm * ratios[gear - 2] < DOWNSHIFT_MARGIN * up:
        return gear - 1
    return gear


@njit(cache=True, error_model="numpy")
def _engine_torque(p: FloatArray, trpm: FloatArray, tnm: FloatArray, rpm: float) -> float:
    if rpm > p[_RED]:
        return 0.0  # rev limiter
    return _interp(rpm, trpm, tnm, int(p[_TQN]))


@njit(cache=True, error_model="numpy")
def drive_force_one(vx: float, p: FloatArray, trpm: FloatArray, tnm: FloatArray, ratios: FloatArray) -> float:
    """Wheel force [N] that full throttle asks for at forward speed ``vx`` in the gear the
    automatic box would choose (one car: its parameter row, torque curve and ratios)."""
    wheel_rpm = abs(vx) / p[_RW] * 60.0 / (2.0 * math.pi)
    # The automatic box's own rule (``_auto_gear``), shifted up from first until it holds:
    # from a gear it has just left behind it never shifts back down.
    gear = 1
    ngears = int(p[_NGEARS])
    while True:
        chosen = _auto_gear(wheel_rpm, gear, ngears, ratios, p[_RED])
        if chosen == gear:
            break
        gear = chosen
    ratio = ratios[gear - 1]
    rpm = max(wheel_rpm * ratio, p[_LAUNCH])
    return _engine_torque(p, trpm, tnm, min(rpm, p[_RED])) * ratio * DRIVELINE_EFFICIENCY / p[_RW]


@njit(cache=True, error_model="numpy")
def _drive_force_kernel(vx, table, trpm, tnm, ratios, out):  # type: ignore[no-untyped-def]
    for i in range(table.shape[0]):
        out[i] = drive_force_one(vx[i], table[i], trpm[i], tnm[i], ratios[i])


@njit(cache=True, error_model="numpy")
def _pacejka(alpha: float, cap: float, stiffness: float) -> float:
    """Lateral tyre force [N] opposing slip angle ``alpha`` [rad]: peak ``cap`` [N],
    initial slope ``stiffness`` [N/rad]."""
    if cap <= 0.0:
        return 0.0
    b = stiffness / (PACEJKA_SHAPE * cap)
    return -cap * math.sin(PACEJKA_SHAPE * math.atan(b * alpha))


@njit(cache=True, error_model="numpy")
def _tyre(
    demand_x: float, demand_y: float, cap_x: float, cap_y: float, slide: float, is_braking: bool,
    assist: bool, u: float, w: float,
) -> tuple[float, float, float, float]:  # fmt: skip
    """Combine a longitudinal demand [N] and the lateral slip force [N] on one axle.

    Returns (force_x, force_y, usage, over) in the wheel's frame: usage is the share of the
    friction ellipse used (above 1: sliding), over is 1 when the wheel locks or spins — when
    the brake or drive asks for more than the tyre's pure longitudinal grip ``cap_x``.
    """
    if cap_x <= 0.0 or cap_y <= 0.0:
        return 0.0, 0.0, 0.0, 0.0
    fy = min(max(demand_y, -cap_y), cap_y)
    room = math.sqrt(max(1.0 - _sq(fy / cap_y), 0.0)) * cap_x  # longitudinal grip left
    fx = demand_x
    if abs(fx) <= room:
        usage = math.sqrt(_sq(fx / cap_x) + _sq(fy / cap_y))
        return fx, fy, usage, 0.0
    if assist:  # ABS or TCS: hold the tyre just under its limit, keeping its side grip
        return math.copysign(ASSIST_LIMIT * room, fx), fy, ASSIST_LIMIT, 0.0
    if abs(fx) <= cap_x:
        # At the combined limit: the force sits on the friction ellipse, both parts shrink.
        e = math.sqrt(_sq(fx / cap_x) + _sq(fy / cap_y))
        return fx / e, fy / e, e, 0.0
    if is_braking:
        # Locked: the patch slides; the force opposes its sliding velocity (u, w).
        speed = math.sqrt(u * u + w * w)
        if speed < 1e-6:
            return 0.0, 0.0, 1.0, 1.0
        return -slide * cap_x * u / speed, -slide * cap_y * w / speed, 1.0 / slide, 1.0
    # Spinning: drive at the sliding friction, side grip mostly gone.
    return math.copysign(slide * cap_x, fx), 0.5 * slide * fy, 1.0 / slide, 1.0


@njit(cache=True, error_model="numpy")
def _fade(temp_c: float, start: float, full: float, fade_min: float) -> float:
    if temp_c <= start:
        return 1.0
    t = min((temp_c - start) / max(full - start, 1.0), 1.0)
    return 1.0 - (1.0 - fade_min) * t


@njit(cache=True, error_model="numpy")
def surface_index(  # type: ignore[no-untyped-def]
    surface, cell_m, rindex, rblocks, rcell, x, y
) -> int:
    """The surface under (x, y) [m]: a drawn road's (``core.roads``) where there is one, else
    the ground grid's."""
    on_road = road_surface(rindex, rblocks, rcell, x, y)
    if on_road >= 0:
        return on_road
    rows, cols = surface.shape
    c = int(math.floor(x / cell_m))
    r = int(math.floor(y / cell_m))
    c = min(max(c, 0), cols - 1)
    r = min(max(r, 0), rows - 1)
    return int(surface[r, c])


@njit(cache=True, error_model="numpy")
def _step_one(i, state, cars, controls, ground, walls, dt, substeps, out, impact):  # type: ignore[no-untyped-def]
    """Advance car ``i`` by one tick (the body of both kernels below); the bundles are
    ``step_cars``'s."""
    table, trpm, tnm, ratios = cars
    thr_in, brk_in, steer_in, hand_in, shift_in = controls
    surface, cell_m, rindex, rblocks, rcell, grip_t, crr_t, soak_t = ground
    segs, wall_mat, buckets, brows, bcols = walls
    h = dt / substeps
    p = table[i]
    s = state[i]
    o = out[i]
    for k in range(s.shape[0]):
        o[k] = s[k]
    thr = _clean(thr_in[i], 0.0)
    brk = _clean(brk_in[i], 0.0)
    st_in = _clean(steer_in[i], -1.0)
    hand = _clean(hand_in[i], 0.0)
    shift = shift_in[i]
    m, a, b = p[_MASS], p[_A], p[_B]
    L = a + b
    rw = p[_RW]
    ngears = int(p[_NGEARS])

    # --- gearbox and reverse, once per tick ---
    gear = int(o[_GEAR])
    vx = o[_VX]
    rest = o[_REST]
    at_rest = abs(vx) < 0.3
    if gear > 0 and at_rest and brk > 0.5 and thr < 0.05:
        rest += dt
    else:
        rest = 0.0
    if rest >= REVERSE_AFTER_S:
        gear = -1
        rest = 0.0
    elif gear < 0 and thr > 0.05 and vx > -0.5:
        gear = 1
    wheel_rpm = abs(vx) / rw * 60.0 / (2.0 * math.pi)
    if gear > 0 and o[_SHIFT] <= 0.0:
        if p[_MANUAL] > 0.5:
            wanted = gear + _shift_request(shift)
        else:
            wanted = _auto_gear(wheel_rpm, gear, ngears, ratios[i], p[_RED])
        wanted = min(max(wanted, 1), ngears)
        if wanted != gear:
            gear = wanted
            o[_SHIFT] = p[_TSHIFT]
    reverse = gear < 0
    drive_cmd = brk if reverse else thr
    brake_cmd = thr if reverse else brk

    x, y, th = o[_X], o[_Y], o[_TH]
    vy, r, steer = o[_VY], o[_R], o[_STEER]
    ax_s, shift_s = o[_AX], o[_SHIFT]
    tbf, tbr = o[_TBF], o[_TBR]
    contact_now = 0.0
    hit_speed = 0.0
    slip_f = slip_r = lock_f = lock_r = spin = 0.0
    applied_thr = applied_brk = 0.0
    sf = sr = 0
    # The assisted steering target, set once per tick from the state at its start (the
    # surfaces and the smoothed acceleration of the tick before).
    assisted_limit = p[_MAXSTEER]
    yaw_excess = release = 0.0
    if p[_ASSIST] > 0.5:
        v2 = max(vx * vx, 1e-6)
        assisted_limit = assisted_steer_limit(vx, p[_MUY], L, p[_CS], assisted_limit)
        grip_f, grip_r = grip_t[int(o[_SUF])], grip_t[int(o[_SUR])]
        down = 0.5 * AIR_DENSITY * p[_CLA] * v2
        if vx > DYNAMIC_ABOVE_MPS and st_in != 0.0:
            # Held: limit the yaw rate (STEER_ASSIST_* above).
            # Braking or driving hard, the tyres have that much less side grip left (the
            # friction ellipse, from the smoothed acceleration of the tick before).
            room = math.sqrt(max(1.0 - _sq(o[_AX] / (p[_MUX] * min(grip_f, grip_r) * G)), 0.04))
            r_grip = room * p[_MUY] * grip_f * (G + down / m) / vx
            peak_r = room * PACEJKA_PEAK_B_ALPHA * PACEJKA_SHAPE * REAR_LATERAL_GRIP * p[_MUY] * grip_r
            peak_r /= REAR_STIFFNESS_FACTOR * p[_CS]
            sgn = 1.0 if st_in > 0.0 else -1.0
            # The rear's slip angle outwards of the turn (its tangent: no arctangent per car and
            # tick; the two differ by under 1 % below 0.17 rad, and past that it only limits more).
            rear_out = sgn * (b * r - vy) / vx
            r_ref = r_grip + (STEER_ASSIST_REAR_SHARE * peak_r - rear_out) / STEER_ASSIST_REAR_S
            yaw_excess = sgn * max(sgn * r - r_ref, 0.0)
        if st_in == 0.0 and vx > KINEMATIC_BELOW_MPS and grip_f > 0.0:
            # Released: straight wheels would leave the rear's side force (the car still slides
            # at its slip angle) to swing the car past straight and back. Instead the front
            # is set to balance the rear's yaw moment less the moment that brings the yaw rate
            # to zero in STEER_ASSIST_SETTLE_S (the tyre curves of the step below, loads of
            # the tick before): the car stops turning without swinging past, and a slide is
            # caught the way a driver's counter-steer would. Blended out at walking pace,
            # where the wheels simply return to the centre.
            shift_load = m * o[_AX] * p[_HCG] / L
            fz_f = max(m * G * b / L - shift_load + down * p[_DF_FRONT], 0.05 * m * G)
            fz_r = max(m * G * a / L + shift_load + down * (1.0 - p[_DF_FRONT]), 0.05 * m * G)
            cap_f = FRONT_LATERAL_GRIP * p[_MUY] * grip_f * fz_f
            cap_r = REAR_LATERAL_GRIP * p[_MUY] * grip_r * fz_r
            wgt = min((vx - KINEMATIC_BELOW_MPS) / (DYNAMIC_ABOVE_MPS - KINEMATIC_BELOW_MPS), 1.0)
            lat_r = _pacejka(math.atan2(vy - b * r, vx), cap_r, REAR_STIFFNESS_FACTOR * p[_CS] * fz_r)
            share = min(max((b * lat_r - p[_IZ] * r / STEER_ASSIST_SETTLE_S) / (a * cap_f), -1.0), 1.0)
            # The front slip angle whose force is that share of its grip (the magic formula inverted).
            alpha_f = math.tan(math.asin(-share) / PACEJKA_SHAPE) * PACEJKA_SHAPE * cap_f / (p[_CS] * fz_f)
            release = wgt * (math.atan2(vy + a * r, vx) - alpha_f)
    for _sub in range(substeps):
        # --- steering ---
        if p[_ASSIST] > 0.5:
            # A key (or a stick) held: that share of the speed's limit, less the yaw limiter's
            # share; none (exactly centred): the release angle. (Blending the release angle into
            # part-way inputs would make half a stick turn nearly as hard as a full one: the
            # release angle holds whatever turn the car has.)
            if st_in != 0.0:
                target = st_in * assisted_limit - abs(st_in) * STEER_ASSIST_YAW_GAIN_S * yaw_excess
            else:
                target = release
            target = min(max(target, -p[_MAXSTEER]), p[_MAXSTEER])
            step = p[_STEERRATE] * h
            steer = steer + min(max(target - steer, -step), step)
        else:
            steer = st_in * p[_MAXSTEER]  # analogue input passes straight through

        # --- surfaces and loads ---
        ct, sn = math.cos(th), math.sin(th)
        sf = surface_index(surface, cell_m, rindex, rblocks, rcell, x + a * ct, y + a * sn)
        sr = surface_index(surface, cell_m, rindex, rblocks, rcell, x - b * ct, y - b * sn)
        down = 0.5 * AIR_DENSITY * p[_CLA] * vx * vx
        transfer = m * ax_s * p[_HCG] / L
        fz_f = max(m * G * b / L - transfer + down * p[_DF_FRONT], 0.05 * m * G)
        fz_r = max(m * G * a / L + transfer + down * (1.0 - p[_DF_FRONT]), 0.05 * m * G)
        capx_f = p[_MUX] * grip_t[sf] * fz_f
        capy_f = FRONT_LATERAL_GRIP * p[_MUY] * grip_t[sf] * fz_f
        capx_r = p[_MUX] * grip_t[sr] * fz_r
        capy_r = REAR_LATERAL_GRIP * p[_MUY] * grip_t[sr] * fz_r

        # --- engine and drive ---
        wheel_rpm = abs(vx) / rw * 60.0 / (2.0 * math.pi)
        drive = 0.0
        if shift_s > 0.0:
            shift_s -= h
            rpm = o[_RPM]
        elif reverse:
            rpm = max(wheel_rpm * ratios[i, 0], p[_IDLE] + drive_cmd * (p[_LAUNCH] - p[_IDLE]))
            if vx > -REVERSE_MAX_MPS:
                drive = -0.5 * drive_cmd * _engine_torque(p, trpm[i], tnm[i], rpm) * ratios[i, 0]
                drive *= DRIVELINE_EFFICIENCY / rw
        else:
            ratio = ratios[i, gear - 1]
            rpm = max(wheel_rpm * ratio, p[_IDLE] + drive_cmd * (p[_LAUNCH] - p[_IDLE]))
            drive = drive_cmd * _engine_torque(p, trpm[i], tnm[i], rpm) * ratio * DRIVELINE_EFFICIENCY / rw
        rpm = min(max(rpm, p[_IDLE]), p[_RED] * 1.02)

        # --- brakes ---
        total = brake_cmd * p[_BCAP] * p[_MUX] * m * G
        bf = total * p[_BBIAS] * _fade(tbf, p[_FSTART], p[_FFULL], p[_FMIN])
        br = total * (1.0 - p[_BBIAS]) * _fade(tbr, p[_FSTART], p[_FFULL], p[_FMIN])
        br = max(br, hand * 2.0 * capx_r)  # the handbrake locks the rear wheels

        # --- tyres ---
        cd, sd = math.cos(steer), math.sin(steer)
        u_f = vx * cd + (vy + a * r) * sd  # front wheel's own longitudinal speed
        w_f = -vx * sd + (vy + a * r) * cd  # and lateral speed
        u_r, w_r = vx, vy - b * r
        alpha_f = math.atan2(w_f, max(abs(u_f), 0.5))
        alpha_r = math.atan2(w_r, max(abs(u_r), 0.5))
        lat_f = _pacejka(alpha_f, capy_f, p[_CS] * fz_f)
        lat_r = _pacejka(alpha_r, capy_r, REAR_STIFFNESS_FACTOR * p[_CS] * fz_r)
        drive_asked, brakes_asked = drive, bf + br
        if p[_PEDAL_AID] > 0.5:
            # Keyboard pedal aid: hold each pedal where every tyre it acts on stays inside
            # PEDAL_AID_SHARE of its friction ellipse, its side force first — like a careful
            # foot: full throttle or brake in a straight line, less the harder the tyre
            # corners, none once it slides (the rear's side grip is what keeps a car straight).
            room_f = (
                math.sqrt(max(PEDAL_AID_SHARE**2 - _sq(abs(lat_f) / capy_f), 0.0)) * capx_f if capy_f > 0.0 else 0.0
            )
            room_r = (
                math.sqrt(max(PEDAL_AID_SHARE**2 - _sq(abs(lat_r) / capy_r), 0.0)) * capx_r if capy_r > 0.0 else 0.0
            )
            if drive != 0.0:  # forwards or in reverse
                held = abs(drive)
                if p[_DFRONT] > 0.0:
                    held = min(held, room_f / p[_DFRONT])
                if p[_DFRONT] < 1.0:
                    held = min(held, room_r / (1.0 - p[_DFRONT]))
                drive = math.copysign(held, drive)
            bf = min(bf, room_f)
            if hand < 0.05:  # the handbrake is meant to lock the rear
                # The rear brakes keep more in hand: a braking car's rear is light, and its
                # side grip is what keeps the car straight.
                rear = math.sqrt(max(PEDAL_AID_REAR_BRAKE**2 - _sq(abs(lat_r) / capy_r), 0.0)) if capy_r > 0.0 else 0.0
                br = min(br, rear * capx_r)
        dem_f = drive * p[_DFRONT] - bf * (1.0 if u_f > 0 else (-1.0 if u_f < 0 else 0.0))
        dem_r = drive * (1.0 - p[_DFRONT]) - br * (1.0 if u_r > 0 else (-1.0 if u_r < 0 else 0.0))
        braking_f = bf > abs(drive * p[_DFRONT])
        braking_r = br > abs(drive * (1.0 - p[_DFRONT]))
        assist_f = p[_ABS] > 0.5 if braking_f else p[_TCS] > 0.5
        assist_r = (p[_ABS] > 0.5 and hand < 0.05) if braking_r else p[_TCS] > 0.5
        fx_f, fy_f, slip_f, lock_f = _tyre(dem_f, lat_f, capx_f, capy_f, p[_SLIDE], braking_f, assist_f, u_f, w_f)
        fx_r, fy_r, slip_r, lock_r = _tyre(dem_r, lat_r, capx_r, capy_r, p[_SLIDE], braking_r, assist_r, u_r, w_r)
        spin = 1.0 if (lock_f > 0 and not braking_f) or (lock_r > 0 and not braking_r) else 0.0
        lock_f = lock_f if braking_f else 0.0
        lock_r = lock_r if braking_r else 0.0
        applied_thr = drive_cmd * drive / drive_asked if drive != 0.0 else 0.0
        applied_brk = brake_cmd * (bf + br) / brakes_asked if brakes_asked > 0.0 else brake_cmd

        # --- brake heat: the work of turning wheels; a locked wheel heats its tyre instead ---
        if lock_f == 0.0:
            tbf += h * bf * abs(u_f) / p[_BHEAT]
        if lock_r == 0.0:
            tbr += h * br * abs(u_r) / p[_BHEAT]
        cool = (BRAKE_COOLING_PER_S + BRAKE_COOLING_PER_M * abs(vx)) * h
        tbf -= (tbf - AMBIENT_C) * cool
        tbr -= (tbr - AMBIENT_C) * cool

        # --- body ---
        speed = math.sqrt(vx * vx + vy * vy)
        resist = (
            0.5 * (crr_t[sf] + crr_t[sr]) * (fz_f + fz_r)
            + 0.5 * AIR_DENSITY * p[_CDA] * vx * vx
            + 0.5 * (soak_t[sf] + soak_t[sr]) * m * speed
        )
        fxb = fx_f * cd - fy_f * sd + fx_r - (resist if vx > 0 else (-resist if vx < 0 else 0.0))
        fyb = fx_f * sd + fy_f * cd + fy_r
        mz = a * (fx_f * sd + fy_f * cd) - b * fy_r
        # The body frame turns by h·r during the step: rotate the velocity with it exactly
        # (a Cayley rotation keeps its length; explicit Euler would spiral it outwards,
        # a first-order error that made spins depend on the step size).
        phi = h * r
        rot = 1.0 / (1.0 + 0.25 * phi * phi)
        rc, rs = (1.0 - 0.25 * phi * phi) * rot, phi * rot
        vx_rot, vy_rot = rc * vx + rs * vy, rc * vy - rs * vx
        vx_new = vx_rot + h * fxb / m
        # Brakes, rolling resistance and drag may stop a car, never reverse it.
        if (vx > 0.0 and vx_new < 0.0 and drive <= 0.0) or (vx < 0.0 and vx_new > 0.0 and drive >= 0.0):
            vx_new = 0.0
        if vx == 0.0 and drive == 0.0:
            vx_new = 0.0
        vy_dyn = vy_rot + h * fyb / m
        r_dyn = r + h * mz / p[_IZ]
        ax_s += (fxb / m - ax_s) * min(1.0, h / LOAD_TRANSFER_TAU_S)
        # Low speed: blend into the kinematic bicycle (the rear axle rolls without side slip).
        # The blend follows the whole speed, not the forward part: a car sliding sideways
        # keeps its lateral momentum (blending on vx alone snapped it away mid-spin).
        slow = math.sqrt(vx_new * vx_new + vy_dyn * vy_dyn)
        wgt = min(max((slow - KINEMATIC_BELOW_MPS) / (DYNAMIC_ABOVE_MPS - KINEMATIC_BELOW_MPS), 0.0), 1.0)
        r_kin = vx_new * math.tan(steer) / L if wgt < 1.0 else 0.0
        x_old, y_old = x, y
        vx = vx_new
        vy = wgt * vy_dyn + (1.0 - wgt) * b * r_kin
        r = wgt * r_dyn + (1.0 - wgt) * r_kin

        # --- positions (semi-implicit: from the new velocities) ---
        x = x + h * (vx * ct - vy * sn)
        y = y + h * (vx * sn + vy * ct)
        th = th + h * r

        # --- walls ---
        x, y, vx, vy, r, hit = _resolve_walls(
            x, y, th, vx, vy, r, x_old, y_old, ct, sn, p[_LEN], p[_WID], m, p[_IZ],
            segs, wall_mat, buckets, brows, bcols,
        )  # fmt: skip
        if hit >= 0.0:
            contact_now = 1.0
            hit_speed = max(hit_speed, hit)

    o[_X], o[_Y] = x, y
    # Wrap the heading into [-π, π): a tick turns far less than a whole turn, so one
    # correction does (cheaper than a floating-point modulo); the modulo stays for safety.
    if th >= math.pi:
        th -= 2.0 * math.pi
    elif th < -math.pi:
        th += 2.0 * math.pi
    if not -math.pi <= th < math.pi:
        th = (th + math.pi) % (2.0 * math.pi) - math.pi
    o[_TH] = th
    o[_VX], o[_VY], o[_R], o[_STEER] = vx, vy, r, steer
    o[_GEAR] = float(gear)
    o[_RPM] = rpm
    o[_REST] = rest
    o[_SHIFT] = max(shift_s, 0.0)
    o[_AX] = ax_s
    o[_TBF], o[_TBR] = tbf, tbr
    o[_SLF], o[_SLR], o[_LKF], o[_LKR], o[_SPIN] = slip_f, slip_r, lock_f, lock_r, spin
    o[_THR], o[_BRK] = applied_thr, applied_brk
    o[_SUF], o[_SUR] = float(sf), float(sr)
    o[_CONTACT] = contact_now
    # An impact counts once, when a contact begins.
    impact[i] = hit_speed if s[_CONTACT] == 0.0 and contact_now > 0.0 else 0.0


@njit(cache=True, error_model="numpy")
def _step_kernel(state, cars, controls, ground, walls, dt, substeps, out, impact):  # type: ignore[no-untyped-def]
    for i in range(state.shape[0]):
        _step_one(i, state, cars, controls, ground, walls, dt, substeps, out, impact)


@njit(cache=True, error_model="numpy", parallel=True)
def _step_kernel_parallel(state, cars, controls, ground, walls, dt, substeps, out, impact):  # type: ignore[no-untyped-def]
    # The body inlined by numba itself (``_step_one_inlined``, end of module): a threaded
    # loop calls an outlined function that LLVM does not inline into, and the call cost
    # 75 % more per car (153 → 269 ns per car-step at N = 1,024). The price, ~30 s of CPU
    # once, is paid only when a field this big first runs.
    # The bundles are opened outside the threaded loop and built again inside it: the loop's
    # body then receives plain arrays (a tuple of arrays handed into it cost ~15 % per car).
    table, trpm, tnm, ratios = cars
    thr, brk, steer, hand, shift = controls
    surface, cell_m, rindex, rblocks, rcell, grip, crr, soak = ground
    segs, wall_mat, buckets, brows, bcols = walls
    for i in prange(state.shape[0]):
        _step_one_inlined(
            i, state, (table, trpm, tnm, ratios), (thr, brk, steer, hand, shift),
            (surface, cell_m, rindex, rblocks, rcell, grip, crr, soak), (segs, wall_mat, buckets, brows, bcols),
            dt, substeps, out, impact,
        )  # fmt: skip


@njit(cache=True, error_model="numpy")
def _resolve_walls(  # type: ignore[no-untyped-def]
    x, y, th, vx, vy, r, x0, y0, ct0, sn0, length, width, m, iz, segs, wall_mat, buckets, brows, bcols,
):  # fmt: skip
    """Keep the car's outline out of the walls; returns the corrected x, y, vx, vy, yaw
    rate and the approach speed of the deepest contact [m/s] (-1 when none).

    The outline points are swept from their previous pose to the new one and tested for
    crossing each nearby wall segment, so no speed can carry a point through a wall; wall
    end points inside the rectangle (corners of solid blocks) are caught too.
    """
    col = min(max(int(math.floor(x / BUCKET_M)), 0), bcols - 1)
    row = min(max(int(math.floor(y / BUCKET_M)), 0), brows - 1)
    cand = buckets[row * bcols + col]
    if cand.shape[0] == 0 or cand[0] < 0:
        return x, y, vx, vy, r, -1.0  # open country: no wall near
    hx, hy = 0.5 * length, 0.5 * width
    n_long = max(2, int(math.ceil(length / OUTLINE_SPACING_M)) + 1)
    n_wide = max(2, int(math.ceil(width / OUTLINE_SPACING_M)) + 1)
    result_hit = -1.0
    half_diag = math.sqrt(hx * hx + hy * hy)
    # The heading does not change here: the pose's rotation is computed once.
    ct, sn = math.cos(th), math.sin(th)
    # How far the heading turned (sin of the angle between the poses; small per step).
    turned = abs(sn * ct0 - ct * sn0)
    for _iteration in range(3):
        # Broad phase: every swept point stays within this distance of the new centre.
        reach = half_diag + math.sqrt((x - x0) ** 2 + (y - y0) ** 2) + 1.6 * turned * half_diag + 0.01
        best_depth = 0.0
        found = False
        bnx = bny = sum_x = sum_y = 0.0
        touching = 1.0
        bmat = 0
        for j in range(cand.shape[0]):
            sidx = cand[j]
            if sidx < 0:
                break
            ax_, ay_, bx_, by_ = segs[sidx, 0], segs[sidx, 1], segs[sidx, 2], segs[sidx, 3]
            ex, ey = bx_ - ax_, by_ - ay_
            elen2 = ex * ex + ey * ey
            if elen2 < 1e-18:
                continue
            tc = min(max(((x - ax_) * ex + (y - ay_) * ey) / elen2, 0.0), 1.0)
            cx, cy = ax_ + tc * ex - x, ay_ + tc * ey - y
            if cx * cx + cy * cy > reach * reach:
                continue
            # Tighter: the segment must meet the car's rectangle grown by this step's
            # movement (every swept outline point lies inside it; the car is long and narrow).
            lax, lay = (ax_ - x) * ct + (ay_ - y) * sn, -(ax_ - x) * sn + (ay_ - y) * ct
            lbx, lby = (bx_ - x) * ct + (by_ - y) * sn, -(bx_ - x) * sn + (by_ - y) * ct
            grow = reach - half_diag
            if min(lax, lbx) > hx + grow or max(lax, lbx) < -hx - grow:
                continue
            if min(lay, lby) > hy + grow or max(lay, lby) < -hy - grow:
                continue
            elen = math.sqrt(elen2)
            nx, ny = -ey / elen, ex / elen
            # A body point (bx, by) lies at signed distance D + bx·U + by·V from the wall's
            # line, in the old pose (0) and the new (1): linear in the point, so the
            # rectangle's extremes sit at its corners. If every corner stays on one side in
            # both poses, no outline point crossed the line and the segment is done.
            D1 = (x - ax_) * nx + (y - ay_) * ny
            U1, V1 = ct * nx + sn * ny, ct * ny - sn * nx
            D0 = (x0 - ax_) * nx + (y0 - ay_) * ny
            U0, V0 = ct0 * nx + sn0 * ny, ct0 * ny - sn0 * nx
            e1, e0 = hx * abs(U1) + hy * abs(V1), hx * abs(U0) + hy * abs(V0)
            same_side = (D1 - e1 > 0.0 and D0 - e0 > 0.0) or (D1 + e1 < 0.0 and D0 + e0 < 0.0)
            # Outline points: the two long sides and the two ends, swept old pose → new pose.
            for side in range(4 if same_side else 0, 4):  # none when no corner crossed
                count = n_long if side < 2 else n_wide
                for k in range(count):
                    t = k / (count - 1)
                    if side < 2:
                        bx, by = -hx + 2.0 * hx * t, (hy if side == 0 else -hy)
                    else:
                        bx, by = (hx if side == 2 else -hx), -hy + 2.0 * hy * t
                    d0 = D0 + bx * U0 + by * V0
                    d1 = D1 + bx * U1 + by * V1
                    if d0 == 0.0 or ((d0 > 0.0) == (d1 > 0.0) and d1 != 0.0):
                        continue  # did not cross the wall's line
                    # Where the sweep meets the line must lie on the segment.
                    p1x, p1y = x + bx * ct - by * sn, y + bx * sn + by * ct
                    p0x, p0y = x0 + bx * ct0 - by * sn0, y0 + bx * sn0 + by * ct0
                    tt = d0 / (d0 - d1)
                    qx, qy = p0x + tt * (p1x - p0x), p0y + tt * (p1y - p0y)
                    along = ((qx - ax_) * ex + (qy - ay_) * ey) / elen2
                    if along < 0.0 or along > 1.0:
                        continue
                    depth = abs(d1)
                    sgn = 1.0 if d0 > 0.0 else -1.0
                    if found and abs(depth - best_depth) <= CONTACT_TIE_M and sgn * (nx * bnx + ny * bny) > 0.999:
                        # As deep against the same wall: a face touches, not a corner. The
                        # impulse goes through the middle of the touching points, so a car
                        # square to a wall is not spun by whichever corner was sampled last.
                        sum_x += p1x
                        sum_y += p1y
                        touching += 1.0
                        best_depth = max(best_depth, depth)
                    elif depth >= best_depth:
                        best_depth, found = depth, True
                        bnx, bny = sgn * nx, sgn * ny
                        sum_x, sum_y, touching = p1x, p1y, 1.0
                        bmat = wall_mat[sidx]
            # The segment's end points inside the rectangle (the car's side against a corner).
            for e in range(2):
                px, py = segs[sidx, 2 * e], segs[sidx, 2 * e + 1]
                lx = (px - x) * ct + (py - y) * sn
                ly = -(px - x) * sn + (py - y) * ct
                if abs(lx) < hx and abs(ly) < hy:
                    dxp, dyp = hx - abs(lx), hy - abs(ly)
                    if dxp < dyp:
                        depth, nlx, nly = dxp, (-1.0 if lx > 0 else 1.0), 0.0
                    else:
                        depth, nlx, nly = dyp, 0.0, (-1.0 if ly > 0 else 1.0)
                    if depth >= best_depth:
                        best_depth, found = depth, True
                        bnx, bny = nlx * ct - nly * sn, nlx * sn + nly * ct
                        sum_x, sum_y, touching = px, py, 1.0
                        bmat = wall_mat[sidx]
        if not found:
            break
        bpx, bpy = sum_x / touching, sum_y / touching
        # Push out, then a bounce-and-scrape impulse at the contact point.
        x += bnx * (best_depth + SKIN_M)
        y += bny * (best_depth + SKIN_M)
        wx, wy = vx * ct - vy * sn, vx * sn + vy * ct
        rx, ry = bpx - x, bpy - y
        cvx, cvy = wx - r * ry, wy + r * rx  # v + ω × r (y down: ω × r = ω(-ry, rx))
        vn = cvx * bnx + cvy * bny
        if vn < 0.0:
            inv_m, inv_i = 1.0 / m, 1.0 / iz
            rn = rx * bny - ry * bnx
            # Restitution by material; above CRUSH_FROM_MPS the rebound speed no longer grows.
            restitution = RESTITUTION_SOFT if bmat == MATERIAL_SOFT else RESTITUTION_HARD
            bounce = restitution * min(1.0, CRUSH_FROM_MPS / -vn)
            jn = -(1.0 + bounce) * vn / (inv_m + rn * rn * inv_i)
            tx, ty = -bny, bnx
            vt = cvx * tx + cvy * ty
            rt = rx * ty - ry * tx
            jt = min(max(-vt / (inv_m + rt * rt * inv_i), -WALL_FRICTION * jn), WALL_FRICTION * jn)
            centre_in = wx * bnx + wy * bny
            wx += (jn * bnx + jt * tx) * inv_m
            wy += (jn * bny + jt * ty) * inv_m
            r += (rn * jn + rt * jt) * inv_i
            # The same rule for the car as a whole: a hit at a corner sets the car spinning,
            # and the spin would bring the other corner down and throw the car back off the
            # wall (sequential point impulses pump spin into rebound). A crumpling body
            # keeps that energy: the centre leaves at most at restitution × its approach
            # speed (capped at CRUSH_FROM_MPS), and never faster than it already did.
            centre_out = wx * bnx + wy * bny
            allowed = max(centre_in, restitution * min(max(-centre_in, 0.0), CRUSH_FROM_MPS))
            if centre_out > allowed:
                wx -= (centre_out - allowed) * bnx
                wy -= (centre_out - allowed) * bny
            vx, vy = wx * ct + wy * sn, -wx * sn + wy * ct
            result_hit = max(result_hit, -vn)
        else:
            result_hit = max(result_hit, 0.0)
    return x, y, vx, vy, r, result_hit


def _inlined_twin(dispatcher, twins: dict[str, object]):  # type: ignore[no-untyped-def]
    """The same Python function compiled to be inlined by numba (``inline="always"``), its
    calls to the step's helpers bound to their inlined twins: one source, two forms."""
    f = getattr(dispatcher, "py_func", dispatcher)  # NUMBA_DISABLE_JIT=1: njit gives the function back
    env = {**f.__globals__, **twins}
    twin = types.FunctionType(f.__code__, env, f.__name__, f.__defaults__, f.__closure__)
    return njit(error_model="numpy", inline="always")(twin)


# Inlined twins for the threaded kernel, callees first (no cache: numba inlines their IR).
_TWINS: dict[str, object] = {}
for _name, _fn in (
    ("road_surface", road_surface), ("_sq", _sq), ("_interp", _interp), ("_clean", _clean),
    ("assisted_steer_limit", assisted_steer_limit),
    ("_shift_request", _shift_request), ("_auto_gear", _auto_gear), ("_engine_torque", _engine_torque),
    ("_pacejka", _pacejka), ("_tyre", _tyre), ("_fade", _fade), ("surface_index", surface_index),
    ("_resolve_walls", _resolve_walls), ("_step_one", _step_one),
):  # fmt: skip
    _TWINS[_name] = _inlined_twin(_fn, _TWINS)
_step_one_inlined = _TWINS["_step_one"]
