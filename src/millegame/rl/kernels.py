"""The RL environment's own work per step, compiled with numba over all cars at once.

After the physics ticks of an environment step, ``observe`` does for every car: find it on
the route (a windowed nearest-point search around where it was, then the projection on
the nearest segment), the reward (progress along the route minus wall penalties), the
episode flags, and the observation vector: motion, heading error and offset to the route,
surface grip under the axles, look-ahead route points in the car's frame and ray-cast
distances to the walls (DDA through the stage's blocked-cell grid). Each car's result
depends on that car alone, so a batch of N equals N batches of one, bit for bit, threaded
or not.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit, prange
from numpy.typing import NDArray

from millegame.core.car import P as _P
from millegame.core.car import S as _S
from millegame.core.physics import surface_index
from millegame.core.race import WALL_HIT_MIN_MPS
from millegame.rl.config import N_FIXED, OFFSET_BOUND_M, SPEED_BOUND_MPS, YAW_RATE_BOUND

FloatArray = NDArray[np.float64]

BLOCK_CARS = 64  # cars per block of the threaded kernel

_X, _Y, _TH, _VX, _VY, _R = _S["x"], _S["y"], _S["heading"], _S["vx"], _S["vy"], _S["yaw_rate"]
_STEER, _CONTACT = _S["steer"], _S["contact"]
_A, _B = _P["a"], _P["b"]


@njit(cache=True, error_model="numpy")
def wall_penalty_kernel(impact, state, hit_penalty, hit_per_mps, contact_per_tick, acc):  # type: ignore[no-untyped-def]
    """Add one tick's wall penalties to ``acc`` (for the ticks before the last of a step)."""
    for i in range(acc.shape[0]):
        acc[i] += _wall_penalty(impact[i], state[i, _CONTACT], hit_penalty, hit_per_mps, contact_per_tick)


@njit(cache=True, error_model="numpy", inline="always")
def _wall_penalty(impact: float, contact: float, hit_penalty: float, hit_per_mps: float, per_tick: float) -> float:
    p = per_tick * contact
    if impact >= WALL_HIT_MIN_MPS:  # the same threshold as the game's WallHit events
        p += hit_penalty + hit_per_mps * impact
    return p


@njit(cache=True, error_model="numpy", inline="always")
def _clip(v: float, lo: float, hi: float) -> float:
    return min(max(v, lo), hi)


def ray_grid(blocked: NDArray[np.bool_]) -> NDArray[np.uint8]:
    """What ``ray_distance`` reads: the blocked grid with a border of blocked cells (so the
    map's edge stops a ray with no bounds checks), flattened; rows are ``cols + 2`` long."""
    return np.pad(np.asarray(blocked, dtype=np.uint8), 1, constant_values=1).ravel()


@njit(cache=True, error_model="numpy", inline="always")
def ray_distance(grid, stride: int, start: int, fx: float, fy: float, cell_m: float, dx: float, dy: float,
                 reach: float) -> float:  # fmt: skip
    """Distance [m] along the unit direction (dx, dy) to the first blocked cell of
    ``ray_grid`` (rows ``stride`` long), at most ``reach``. The ray starts in cell ``start``
    at (fx, fy) [m] from that cell's corner.

    Every cell the ray crosses is visited, as in a grid DDA, but stepping one column (or row)
    of the major axis at a time: the minor axis crosses at most one boundary per step, so
    the step has no hard-to-predict branch (1.6× faster than the textbook DDA here).
    """
    if grid[start]:
        return 0.0
    if abs(dx) >= abs(dy):
        du, dv, fu, fv, major, minor = dx, dy, fx, fy, 1, stride
    else:
        du, dv, fu, fv, major, minor = dy, dx, fy, fx, stride, 1
    inv_u = 1.0 / abs(du)
    if du > 0.0:
        t_u = (cell_m - fu) * inv_u  # distance along the ray to the next major boundary [m]
    else:
        t_u = fu * inv_u
        major = -major
    dt_u = cell_m * inv_u
    if dv > 0.0:
        t_v, dt_v = (cell_m - fv) / dv, cell_m / dv  # … and to the next minor boundary
    elif dv < 0.0:
        t_v, dt_v = fv / -dv, cell_m / -dv
        minor = -minor
    else:
        t_v = dt_v = math.inf
    k = start
    while True:
        crossed = 1 if t_v < t_u else 0  # the minor boundary comes first: one cell sideways
        t_side = t_v
        k_side = k + crossed * minor
        t_v += crossed * dt_v
        k = k_side + major
        if grid[k_side] | grid[k]:
            return min(t_side if grid[k_side] else t_u, reach)
        if t_u >= reach:
            return reach
        t_u += dt_u


@njit(cache=True, error_model="numpy")
def _observe_cars(  # type: ignore[no-untyped-def]
    lo, hi, state, table, pts, s_at, tangent, seg_max, s_finish, walls, surface, cell_m, rindex, rblocks, rcell, grip_t,
    look_m, ray_cos, ray_sin, reach, impact, pen_acc, reward_per_m, hit_penalty, hit_per_mps, contact_per_tick,
    max_ticks, ticks_per_step, next_gate, n_gates, fresh, index, prev_s, ticks, obs, reward, terminated, truncated,
):  # fmt: skip
    """Observation, reward and flags of cars lo … hi-1 (one call per block of cars: a numba
    call with this many array arguments costs more than one car's work)."""
    for i in range(lo, hi):
        s = state[i]
        x, y, th = s[_X], s[_Y], s[_TH]
        m = pts.shape[0]

        # --- where the car is on the route ---
        # Downhill from where it was (a route that passes close to itself is followed in
        # order); the first time, a search over the whole route.
        if index[i] < 0:
            best, best_d2 = 0, math.inf
            for j in range(m):
                d2 = (pts[j, 0] - x) ** 2 + (pts[j, 1] - y) ** 2
                if d2 < best_d2:
                    best, best_d2 = j, d2
        else:
            best = index[i]
            best_d2 = (pts[best, 0] - x) ** 2 + (pts[best, 1] - y) ** 2
            while best + 1 < m:
                d2 = (pts[best + 1, 0] - x) ** 2 + (pts[best + 1, 1] - y) ** 2
                if d2 >= best_d2:
                    break
                best, best_d2 = best + 1, d2
            while best > 0:
                d2 = (pts[best - 1, 0] - x) ** 2 + (pts[best - 1, 1] - y) ** 2
                if d2 >= best_d2:
                    break
                best, best_d2 = best - 1, d2
        index[i] = best
        # Project on the segment after the nearest point, or the one before when that is nearer.
        seg = min(best, m - 2)
        qx, qy, u, d2 = _project(pts, s_at, seg, x, y)
        if best > 0:
            qx2, qy2, u2, d22 = _project(pts, s_at, best - 1, x, y)
            if d22 < d2:
                qx, qy, u, d2, seg = qx2, qy2, u2, d22, best - 1
        s_route = s_at[seg] + u
        s_car = min(s_route, s_finish)
        tx, ty = tangent[seg, 0], tangent[seg, 1]
        offset = -(x - qx) * ty + (y - qy) * tx  # right of the route is positive (y down)
        route_heading = math.atan2(ty, tx)
        heading_error = (th - route_heading + math.pi) % (2.0 * math.pi) - math.pi

        # --- reward and episode flags ---
        if fresh[i]:
            reward[i] = 0.0
            ticks[i] = 0
            terminated[i] = False
            truncated[i] = False
            fresh[i] = False
        else:
            pen = pen_acc[i] + _wall_penalty(impact[i], s[_CONTACT], hit_penalty, hit_per_mps, contact_per_tick)
            reward[i] = reward_per_m * (s_car - prev_s[i]) - pen
            ticks[i] += ticks_per_step
            terminated[i] = next_gate[i] >= n_gates  # past the finish gate: the game's rule
            truncated[i] = ticks[i] >= max_ticks and not terminated[i]
        pen_acc[i] = 0.0
        prev_s[i] = s_car

        # --- observation ---
        o = obs[i]
        c, sn = math.cos(th), math.sin(th)
        p = table[i]
        o[0] = _clip(s[_VX], -SPEED_BOUND_MPS, SPEED_BOUND_MPS)
        o[1] = _clip(s[_VY], -SPEED_BOUND_MPS, SPEED_BOUND_MPS)
        o[2] = _clip(s[_R], -YAW_RATE_BOUND, YAW_RATE_BOUND)
        o[3] = _clip(s[_STEER], -0.5 * math.pi, 0.5 * math.pi)
        o[4] = heading_error
        o[5] = _clip(offset, -OFFSET_BOUND_M, OFFSET_BOUND_M)
        # Surfaces from the axle positions (the state's own columns are unset before a first tick).
        o[6] = grip_t[surface_index(surface, cell_m, rindex, rblocks, rcell, x + p[_A] * c, y + p[_A] * sn)]
        o[7] = grip_t[surface_index(surface, cell_m, rindex, rblocks, rcell, x - p[_B] * c, y - p[_B] * sn)]
        o[8] = 1.0 if s[_CONTACT] > 0.0 else 0.0
        o[9] = _clip(s_car / s_finish, 0.0, 1.0) if s_finish > 0.0 else 1.0
        k = N_FIXED
        look_bound = OFFSET_BOUND_M + (look_m[look_m.shape[0] - 1] if look_m.shape[0] > 0 else 0.0)
        j = seg
        for d in look_m:
            target = s_route + d
            # No route segment is longer than seg_max, so this index is not past the target.
            j = max(j, min(seg + int(d / seg_max), m - 2))
            while j < m - 2 and s_at[j + 1] < target:
                j += 1
            seg_len = s_at[j + 1] - s_at[j]
            u = target - s_at[j]  # past the last point: carried on along the last segment
            px = pts[j, 0] + tangent[j, 0] * u if seg_len > 0.0 else pts[j, 0]
            py = pts[j, 1] + tangent[j, 1] * u if seg_len > 0.0 else pts[j, 1]
            rx, ry = px - x, py - y
            o[k] = _clip(rx * c + ry * sn, -look_bound, look_bound)
            o[k + 1] = _clip(-rx * sn + ry * c, -look_bound, look_bound)
            k += 2
        # The rays start at the car's centre, in this cell of the ray grid:
        rows, cols = surface.shape
        cx = min(max(int(math.floor(x / cell_m)), 0), cols - 1)
        cy = min(max(int(math.floor(y / cell_m)), 0), rows - 1)
        start = (cy + 1) * (cols + 2) + cx + 1
        fx, fy = x - cx * cell_m, y - cy * cell_m
        for a in range(ray_cos.shape[0]):
            # Ray direction: the car's heading turned by the ray's angle.
            dx = c * ray_cos[a] - sn * ray_sin[a]
            dy = sn * ray_cos[a] + c * ray_sin[a]
            o[k] = ray_distance(walls, cols + 2, start, fx, fy, cell_m, dx, dy, reach)
            k += 1


@njit(cache=True, error_model="numpy", inline="always")
def _project(pts, s_at, j, x, y):  # type: ignore[no-untyped-def]
    """Nearest point (qx, qy) to (x, y) on route segment j, its distance along the segment
    [m] and the squared distance [m²]."""
    ax, ay = pts[j, 0], pts[j, 1]
    ex, ey = pts[j + 1, 0] - ax, pts[j + 1, 1] - ay
    seg_len = s_at[j + 1] - s_at[j]
    t = 0.0
    if seg_len > 0.0:
        t = min(max(((x - ax) * ex + (y - ay) * ey) / (seg_len * seg_len), 0.0), 1.0)
    qx, qy = ax + t * ex, ay + t * ey
    return qx, qy, t * seg_len, (x - qx) ** 2 + (y - qy) ** 2


@njit(cache=True, error_model="numpy")
def observe_kernel(  # type: ignore[no-untyped-def]
    state, table, pts, s_at, tangent, seg_max, s_finish, walls, surface, cell_m, rindex, rblocks, rcell, grip_t,
    look_m, ray_cos, ray_sin, reach, impact, pen_acc, reward_per_m, hit_penalty, hit_per_mps, contact_per_tick,
    max_ticks, ticks_per_step, next_gate, n_gates, fresh, index, prev_s, ticks, obs, reward, terminated, truncated,
):  # fmt: skip
    _observe_cars(
        0, state.shape[0], state, table, pts, s_at, tangent, seg_max, s_finish, walls, surface, cell_m,
        rindex, rblocks, rcell, grip_t,
        look_m, ray_cos, ray_sin, reach, impact, pen_acc, reward_per_m, hit_penalty, hit_per_mps, contact_per_tick,
        max_ticks, ticks_per_step, next_gate, n_gates, fresh, index, prev_s, ticks, obs, reward, terminated, truncated,
    )  # fmt: skip


@njit(cache=True, error_model="numpy", parallel=True)
def observe_kernel_parallel(  # type: ignore[no-untyped-def]
    state, table, pts, s_at, tangent, seg_max, s_finish, walls, surface, cell_m, rindex, rblocks, rcell, grip_t,
    look_m, ray_cos, ray_sin, reach, impact, pen_acc, reward_per_m, hit_penalty, hit_per_mps, contact_per_tick,
    max_ticks, ticks_per_step, next_gate, n_gates, fresh, index, prev_s, ticks, obs, reward, terminated, truncated,
):  # fmt: skip
    n = state.shape[0]
    blocks = (n + BLOCK_CARS - 1) // BLOCK_CARS
    for b in prange(blocks):
        _observe_cars(
            b * BLOCK_CARS, min((b + 1) * BLOCK_CARS, n), state, table, pts, s_at, tangent, seg_max, s_finish,
            walls, surface, cell_m, rindex, rblocks, rcell, grip_t,
            look_m, ray_cos, ray_sin, reach, impact, pen_acc, reward_per_m, hit_penalty, hit_per_mps, contact_per_tick,
            max_ticks, ticks_per_step, next_gate, n_gates, fresh, index, prev_s, ticks, obs, reward, terminated,
            truncated,
        )  # fmt: skip
