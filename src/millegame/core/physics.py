"""The car model: a dynamic bicycle (single-track) model with tyre slip and a grip limit.

One call, ``step_cars``, advances N cars by one tick. It never mutates its inputs and
returns a new ``CarState``. Inside, the tick is split into ``SUBSTEPS`` sub-steps of
semi-implicit Euler (velocities first, positions from the new velocities).

Body frame: x forward, y to the car's right (see ``core.geometry``). Per axle:
- the tyre's slip angle from the wheel's velocity in its own frame,
  ``alpha = atan2(v_lateral, |v_longitudinal|)``, which is right driving forwards and
  backwards alike;
- lateral force from a simplified Pacejka curve ``Fy = -D sin(C atan(B alpha))`` with
  ``D = mu Fz`` and ``B`` chosen so the initial slope is the cornering stiffness;
- a friction circle: ``sqrt(Fx² + Fy²) <= mu Fz``, longitudinal demand first.
Resisting forces (brakes, rolling resistance, drag) are applied so they can slow a car
to rest but never reverse its velocity within a sub-step. Below ~4 m/s the model blends
into the kinematic bicycle, where slip angles are singular (no jitter, no creep).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from millegame.core.car import AIR_DENSITY, CarArrays, CarState, Controls, G
from millegame.core.collision import RESTITUTION, WALL_FRICTION, CollisionWorld, find_contacts
from millegame.core.stage import Stage

FloatArray = NDArray[np.float64]

TICK_HZ = 120  # simulation ticks per second
SUBSTEPS = 2  # physics sub-steps per tick (240 Hz)
DRIVELINE_EFFICIENCY = 0.85  # engine power reaching the tyres
PACEJKA_SHAPE = 1.35  # C of the magic formula: how sharply grip falls past the peak
KINEMATIC_BELOW_MPS = 1.5  # pure kinematic model below this forward speed
DYNAMIC_ABOVE_MPS = 4.0  # pure dynamic model above it
STEER_ASSIST_LAT_G = 1.25  # full keyboard lock asks for this share of the grip, no more
REVERSE_AFTER_S = 0.35  # brake held at rest this long engages reverse
REVERSE_MAX_MPS = 6.0
REAR_STIFFNESS_FACTOR = 1.2  # rear cornering stiffness per load vs front: wider rear tyres, mild understeer
BRAKE_CAPACITY = 1.15  # brake torque as a share of what the tyres can take (so tyres lock first)


def step_cars(
    state: CarState,
    controls: Controls,
    params: CarArrays,
    stage: Stage,
    world: CollisionWorld,
    dt: float,
) -> tuple[CarState, FloatArray]:
    """Advance N cars by one tick of ``dt`` [s].

    Returns the new state and, per car, the largest wall impact speed during the tick
    [m/s] (0 when it touched nothing).
    """
    c = controls.clean()
    gear, rest_s = _shift_reverse(state, c, dt)
    reverse = gear < 0
    # In reverse the brake pedal drives backwards and the throttle brakes.
    drive_cmd = np.where(reverse, c.brake, c.throttle)
    brake_cmd = np.where(reverse, c.throttle, c.brake)

    h = dt / SUBSTEPS
    x, y, th = state.x, state.y, state.heading
    vx, vy, r, steer = state.vx, state.vy, state.yaw_rate, state.steer
    impact = np.zeros(state.n)
    contact = np.zeros(state.n)
    grip = stage.surfaces.grip
    crr = stage.surfaces.rolling_resistance
    soak = stage.surfaces.drag_per_mps
    for _ in range(SUBSTEPS):
        steer = _steer_towards(steer, c.steer, vx, params, h)
        surf_f = _surface_at(stage, x + params.a * np.cos(th), y + params.a * np.sin(th))
        surf_r = _surface_at(stage, x - params.b * np.cos(th), y - params.b * np.sin(th))
        vx, vy, r = _integrate_velocities(
            vx,
            vy,
            r,
            steer,
            drive_cmd,
            brake_cmd,
            c.handbrake,
            reverse,
            params,
            grip[surf_f],
            grip[surf_r],
            0.5 * (crr[surf_f] + crr[surf_r]),
            0.5 * (soak[surf_f] + soak[surf_r]),
            h,
        )
        # Positions from the new velocities (semi-implicit Euler).
        cos_t, sin_t = np.cos(th), np.sin(th)
        x = x + h * (vx * cos_t - vy * sin_t)
        y = y + h * (vx * sin_t + vy * cos_t)
        th = th + h * r
        x, y, vx, vy, r, hit_speed = _resolve_walls(world, x, y, th, vx, vy, r, params)
        impact = np.maximum(impact, hit_speed)
        contact = np.maximum(contact, (hit_speed > 0).astype(np.float64))

    th = (th + np.pi) % (2.0 * np.pi) - np.pi
    rpm = _engine_rpm(vx, params)
    new = CarState(
        x=x,
        y=y,
        heading=th,
        vx=vx,
        vy=vy,
        yaw_rate=r,
        steer=steer,
        gear=np.where(reverse, -1.0, _auto_gear(vx, params)),
        rpm=rpm,
        rest_s=rest_s,
        contact=contact,
    )
    # An impact counts once, when the contact starts.
    impact = np.where(state.contact > 0, 0.0, impact)
    return new, impact


def _shift_reverse(state: CarState, c: Controls, dt: float) -> tuple[FloatArray, FloatArray]:
    """Reverse engages when the car has stood still with the brake held for a moment;
    a touch of throttle selects forward again. Never flips the gear while moving."""
    at_rest = np.abs(state.vx) < 0.3
    holding_brake = (c.brake > 0.5) & (c.throttle < 0.05)
    rest_s = np.where(at_rest & holding_brake & (state.gear > 0), state.rest_s + dt, 0.0)
    gear = state.gear.copy()
    gear = np.where(rest_s >= REVERSE_AFTER_S, -1.0, gear)
    gear = np.where((gear < 0) & (c.throttle > 0.05) & (state.vx > -0.5), 1.0, gear)
    return gear, np.where(gear < 0, 0.0, rest_s)


def _steer_towards(steer: FloatArray, steer_in: FloatArray, vx: FloatArray, p: CarArrays, h: float) -> FloatArray:
    """Rate-limited front-wheel angle [rad] with speed-sensitive assistance.

    Full lock at speed is limited to the angle that asks the tyres for about their
    grip (the kinematic angle for STEER_ASSIST_LAT_G·mu·g plus the peak slip angle),
    so a digital keyboard press cannot spin the car at 300 km/h.
    """
    target = steer_in * steer_limit(vx, p)
    max_change = p.steer_rate * h
    return steer + np.clip(target - steer, -max_change, max_change)


def steer_limit(vx: FloatArray, p: CarArrays) -> FloatArray:
    """The front-wheel angle [rad] that full steering input asks for at speed ``vx``."""
    v2 = np.maximum(vx * vx, 1e-6)
    kinematic = np.arctan(STEER_ASSIST_LAT_G * p.tyre_mu * G * (p.a + p.b) / v2)
    peak_slip = p.tyre_mu / p.stiffness
    return np.minimum(p.max_steer, kinematic + peak_slip)


def _surface_at(stage: Stage, x: FloatArray, y: FloatArray) -> NDArray[np.intp]:
    """Surface index under the points (x, y) [m]; outside the map, the nearest edge cell."""
    col = np.clip((x / stage.cell_m).astype(np.intp), 0, stage.cols - 1)
    row = np.clip((y / stage.cell_m).astype(np.intp), 0, stage.rows - 1)
    return stage.surface[row, col].astype(np.intp)


def _pacejka_lateral(alpha: FloatArray, mu_fz: FloatArray, stiffness_n_rad: FloatArray) -> FloatArray:
    """Lateral tyre force [N] opposing slip angle ``alpha`` [rad]."""
    b = stiffness_n_rad / np.maximum(PACEJKA_SHAPE * mu_fz, 1e-9)
    return -mu_fz * np.sin(PACEJKA_SHAPE * np.arctan(b * alpha))


def _integrate_velocities(
    vx: FloatArray,
    vy: FloatArray,
    r: FloatArray,
    steer: FloatArray,
    drive_cmd: FloatArray,
    brake_cmd: FloatArray,
    handbrake: FloatArray,
    reverse: NDArray[np.bool_],
    p: CarArrays,
    grip_f: FloatArray,
    grip_r: FloatArray,
    crr: FloatArray,
    soak_per_s: FloatArray,
    h: float,
) -> tuple[FloatArray, FloatArray, FloatArray]:
    m = p.mass
    L = p.a + p.b
    fz_f = m * G * p.b / L
    fz_r = m * G * p.a / L
    mu_f = p.tyre_mu * grip_f
    mu_r = p.tyre_mu * grip_r
    cap_f, cap_r = mu_f * fz_f, mu_r * fz_r

    # Drive force at the wheels [N]: torque-limited in the gear, power-limited above.
    speed = np.abs(vx)
    drive = drive_cmd * drive_force_available(vx, p)
    drive = np.where(reverse, -np.where(vx > -REVERSE_MAX_MPS, 0.35 * drive, 0.0), drive)
    drive_f = drive * p.drive_front
    drive_r = drive * (1.0 - p.drive_front)

    # Brakes: magnitude now, direction later (they only ever resist motion).
    brake_total = brake_cmd * BRAKE_CAPACITY * p.tyre_mu * m * G
    brake_f = brake_total * p.brake_front
    brake_r = brake_total * (1.0 - p.brake_front)
    locked = np.clip(handbrake, 0.0, 1.0)
    brake_r = np.maximum(brake_r, locked * cap_r)

    # Lateral tyre forces from slip.
    cos_d, sin_d = np.cos(steer), np.sin(steer)
    u_f = vx * cos_d + (vy + p.a * r) * sin_d  # front wheel's own longitudinal speed
    w_f = -vx * sin_d + (vy + p.a * r) * cos_d  # and lateral speed
    alpha_f = np.arctan2(w_f, np.maximum(np.abs(u_f), 0.5))
    alpha_r = np.arctan2(vy - p.b * r, np.maximum(np.abs(vx), 0.5))
    fy_f = _pacejka_lateral(alpha_f, cap_f, p.stiffness * fz_f)
    fy_r = _pacejka_lateral(alpha_r, cap_r, REAR_STIFFNESS_FACTOR * p.stiffness * fz_r)
    # Friction circle: when driving/braking and cornering together ask for more than
    # mu·Fz, both shrink in proportion (a spinning or locking tyre keeps some side grip).
    scale_f = _circle_scale(cap_f, np.abs(drive_f) + brake_f, fy_f)
    scale_r = _circle_scale(cap_r, np.abs(drive_r) + brake_r, fy_r)
    drive_f, brake_f, fy_f = drive_f * scale_f, brake_f * scale_f, fy_f * scale_f
    drive_r, brake_r, fy_r = drive_r * scale_r, brake_r * scale_r, fy_r * scale_r
    # A locked rear wheel slides: its force opposes its sliding velocity.
    slide_lat = -cap_r * (vy - p.b * r) / np.maximum(np.hypot(vx, vy - p.b * r), 0.5)
    fy_r = (1.0 - locked) * fy_r + locked * np.clip(slide_lat, -cap_r, cap_r)

    fx_body = drive_f * cos_d - fy_f * sin_d + drive_r
    fy_body = drive_f * sin_d + fy_f * cos_d + fy_r
    mz = p.a * (drive_f * sin_d + fy_f * cos_d) - p.b * fy_r

    vx_new = vx + h * (fx_body / m + vy * r)
    vy_dyn = vy + h * (fy_body / m - vx * r)
    r_dyn = r + h * mz / p.yaw_inertia

    # Resisting forces: brakes, rolling, drag; they may stop the car but not reverse it.
    resist = (
        brake_f * np.abs(cos_d) + brake_r + crr * m * G + 0.5 * AIR_DENSITY * p.cda * vx * vx + soak_per_s * m * speed
    )
    dv = h * resist / m
    moving_sign = np.sign(vx_new)
    vx_new = np.where(np.abs(vx_new) <= dv, 0.0, vx_new - moving_sign * dv)
    # At rest with no drive, stay exactly at rest (no creep from tiny lateral forces).
    vx_new = np.where((np.abs(vx) < 1e-9) & (np.abs(drive) < 1e-9), 0.0, vx_new)

    # Low speed: blend into the kinematic bicycle (rear axle rolls without side slip).
    r_kin = vx_new * np.tan(steer) / L
    vy_kin = p.b * r_kin
    w = np.clip((np.abs(vx_new) - KINEMATIC_BELOW_MPS) / (DYNAMIC_ABOVE_MPS - KINEMATIC_BELOW_MPS), 0.0, 1.0)
    vy_new = w * vy_dyn + (1.0 - w) * vy_kin
    r_new = w * r_dyn + (1.0 - w) * r_kin
    return vx_new, vy_new, r_new


def _circle_scale(cap: FloatArray, longitudinal: FloatArray, lateral: FloatArray) -> FloatArray:
    """Factor ≤ 1 that brings the force (longitudinal, lateral) [N] inside mu·Fz."""
    demand = np.hypot(longitudinal, lateral)
    return np.where(demand > cap, cap / np.maximum(demand, 1e-9), 1.0)


def drive_force_available(vx: FloatArray, p: CarArrays) -> FloatArray:
    """Wheel force [N] that full throttle would ask for at forward speed ``vx``."""
    power_force = DRIVELINE_EFFICIENCY * p.power_w / np.maximum(np.abs(vx), 1.0)
    return np.minimum(_gear_force(vx, p), power_force)


def _wheel_rpm(vx: FloatArray, p: CarArrays) -> FloatArray:
    return np.abs(vx) / (2.0 * np.pi * p.wheel_radius) * 60.0


def _auto_gear(vx: FloatArray, p: CarArrays) -> FloatArray:
    """Automatic box: the lowest gear that keeps the engine below 92 % of its redline."""
    rpm_in_gear = _wheel_rpm(vx, p)[:, None] * p.gear_ratios  # (N, G)
    ok = (rpm_in_gear <= 0.92 * p.redline_rpm[:, None]) & (p.gear_ratios > 0)
    first_ok = np.argmax(ok, axis=1)
    top = p.gears - 1
    gear_index = np.where(ok.any(axis=1), first_ok, top)
    return gear_index.astype(np.float64) + 1.0


def _gear_force(vx: FloatArray, p: CarArrays) -> FloatArray:
    """Peak-torque wheel force [N] in the gear the automatic box would hold."""
    idx = (_auto_gear(vx, p) - 1.0).astype(np.intp)
    ratio = p.gear_ratios[np.arange(vx.shape[0]), idx]
    return p.torque_force_n * ratio / p.gear_ratios[:, 0]


def _engine_rpm(vx: FloatArray, p: CarArrays) -> FloatArray:
    idx = (_auto_gear(vx, p) - 1.0).astype(np.intp)
    ratio = p.gear_ratios[np.arange(vx.shape[0]), idx]
    return np.clip(_wheel_rpm(vx, p) * ratio, p.idle_rpm, p.redline_rpm)


def _resolve_walls(
    world: CollisionWorld,
    x: FloatArray,
    y: FloatArray,
    th: FloatArray,
    vx: FloatArray,
    vy: FloatArray,
    r: FloatArray,
    p: CarArrays,
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray]:
    """Push cars out of walls and apply a bounce-and-scrape impulse.

    Returns corrected x, y, vx, vy (body frame), yaw rate and the impact speed [m/s]
    (normal approach speed at the contact point; 0 where no contact).
    """
    ct = find_contacts(world, x, y, th, p.length, p.width)
    if not ct.hit.any():
        return x, y, vx, vy, r, np.zeros_like(x)
    hit = ct.hit
    x = x + np.where(hit, ct.nx * ct.depth, 0.0)
    y = y + np.where(hit, ct.ny * ct.depth, 0.0)
    cos_t, sin_t = np.cos(th), np.sin(th)
    wx, wy = vx * cos_t - vy * sin_t, vx * sin_t + vy * cos_t  # world velocity
    rx, ry = ct.px - x, ct.py - y  # lever arm from the CG to the contact
    # Velocity of the body at the contact point: v + ω × r (y-down: ω × r = ω(-ry, rx)).
    cvx, cvy = wx - r * ry, wy + r * rx
    vn = cvx * ct.nx + cvy * ct.ny
    approaching = hit & (vn < 0.0)
    inv_m = 1.0 / p.mass
    inv_i = 1.0 / p.yaw_inertia
    rn = rx * ct.ny - ry * ct.nx
    jn = np.where(approaching, -(1.0 + RESTITUTION) * vn / (inv_m + rn * rn * inv_i), 0.0)
    # Friction along the wall, bounded by Coulomb and by stopping the sliding.
    tx, ty = -ct.ny, ct.nx
    vt = cvx * tx + cvy * ty
    rt = rx * ty - ry * tx
    jt_stop = -vt / (inv_m + rt * rt * inv_i)
    jt = np.clip(jt_stop, -WALL_FRICTION * jn, WALL_FRICTION * jn)
    wx = wx + (jn * ct.nx + jt * tx) * inv_m
    wy = wy + (jn * ct.ny + jt * ty) * inv_m
    r = r + (rn * jn + rt * jt) * inv_i
    vx = wx * cos_t + wy * sin_t
    vy = -wx * sin_t + wy * cos_t
    return x, y, vx, vy, r, np.where(approaching, -vn, 0.0)
