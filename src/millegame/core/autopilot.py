"""The autopilot: follows the stage's route with pure pursuit and a speed profile.

The speed profile caps each route point at the speed whose lateral acceleration the
front tyres can hold on that surface (v = sqrt(pace · mu · g / |kappa|)) and then runs a
backward pass so the car brakes in time for every corner (v² = v_next² + 2·a_brake·Δs).
Steering aims at a point on the route ahead, at a distance that grows with speed, and
corrects the yaw rate towards that arc's. The throttle is trimmed to the grip the driven
tyres have left on the surface under them, and eased off rather than snapped shut. A car
that is stuck backs out. The per-tick control law is a numba loop over the race's cars.
No randomness, no clock: the same race gives the same controls.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit
from numpy.typing import NDArray

from millegame.core.car import CarArrays, Controls, G
from millegame.core.car import P as _P
from millegame.core.car import S as _S
from millegame.core.physics import FRONT_LATERAL_GRIP, assisted_steer_limit, drive_force_one
from millegame.core.race import Race
from millegame.core.route import Route
from millegame.core.stage import Stage

FloatArray = NDArray[np.float64]

BRAKE_SHARE = 0.75  # of the grip used for planned braking
LOOKAHEAD_BASE_M = 7.0
LOOKAHEAD_PER_MPS = 0.45
MAX_SPEED_MPS = 95.0
YAW_RATE_GAIN_S = 0.1  # steering angle per yaw-rate error [rad per rad/s]
TRACTION_SHARE = 0.8  # of the driven tyres' remaining grip the throttle may ask for
STUCK_AFTER_S = 1.5
BACK_OUT_S = 2.5  # includes the moment reverse needs to engage
THROTTLE_LIFT_PER_TICK = 0.02  # the throttle closes over ~0.4 s unless braking is needed
PREVIEW_POINTS = 12  # the target speed is the lowest over this many route points ahead
SEARCH_BACK, SEARCH_AHEAD = 10, 80  # route points searched around the last position
LOST_M = 60.0  # no route point this near in that window: search the whole route

_X, _Y, _TH, _VX, _R = _S["x"], _S["y"], _S["heading"], _S["vx"], _S["yaw_rate"]
_SUF, _SUR = _S["surface_front"], _S["surface_rear"]
_MASS, _A, _B, _MUY, _MUX = _P["mass"], _P["a"], _P["b"], _P["mu_lat"], _P["mu_long"]
_CS, _DFRONT, _MAXSTEER = _P["stiffness"], _P["drive_front"], _P["max_steer"]


class Autopilot:
    """Drives every car of a race along the route. ``pace`` ∈ (0, 1], per car or one for
    all: share of the grip it dares to use in corners (1 = on the limit)."""

    def __init__(
        self,
        stage: Stage,
        params: CarArrays,
        pace: float | FloatArray = 0.88,
        *,
        traction_limit: bool = True,
        brake_share: float = BRAKE_SHARE,
    ) -> None:
        self.stage = stage
        self.route = Route.of(stage.route, spacing_m=2.0)
        self.params = params
        # False: the throttle is not trimmed to the tyres' grip (a car's pedal aid does it).
        self.traction_limit = traction_limit
        self.brake_share = brake_share  # of the grip used for planned braking
        n = params.n
        self.pace = np.broadcast_to(np.asarray(pace, dtype=np.float64), (n,)).copy()
        self.index = np.full(n, -1, dtype=np.int64)  # route point nearest each car; -1 = not yet
        self._throttle = np.zeros(n)
        self._stuck_s = np.zeros(n)  # how long the car has made no progress while driving
        self._backing_s = np.zeros(n)  # time left reversing out of trouble
        self.profile = self._speed_profiles()  # (N, M) [m/s]

    def _speed_profiles(self) -> FloatArray:
        pts = self.route.points
        grip = self.stage.surfaces.grip[self.stage.surface_at(pts[:, 0], pts[:, 1])]
        # Smooth curvature over ±10 m: the car takes a line, not every kink of the polyline.
        k = np.abs(self.route.kappa)
        kernel = np.ones(11) / 11.0
        k = np.maximum(k, np.convolve(np.pad(k, 5, mode="edge"), kernel, mode="valid"))
        # Plan on the front axle's grip: it saturates first (physics.FRONT_LATERAL_GRIP).
        mu = FRONT_LATERAL_GRIP * self.params.tyre_mu[:, None] * grip[None, :]  # (N, M)
        v = np.sqrt(self.pace[:, None] * mu * G / np.maximum(k[None, :], 1e-6))
        v = np.minimum(v, MAX_SPEED_MPS)
        ds = np.diff(self.route.s)
        a_brake = self.brake_share * mu * G
        for i in range(len(ds) - 1, -1, -1):
            v[:, i] = np.minimum(v[:, i], np.sqrt(v[:, i + 1] ** 2 + 2.0 * a_brake[:, i] * ds[i]))
        return np.ascontiguousarray(v)

    def controls(self, race: Race) -> Controls:
        """The controls for every car of ``race`` this tick (updates the pilot's memory)."""
        n = race.n
        throttle, brake, steer = np.empty(n), np.empty(n), np.empty(n)
        p = self.params
        _drive_kernel(
            race.state.data, p.table, p.torque_rpm, p.torque_nm, p.gear_ratios,
            self.route.points, self.route.spacing_m, self.profile, self.stage.surfaces.grip, race.dt,
            self.traction_limit, self.index, self._throttle, self._stuck_s, self._backing_s, throttle, brake, steer,
        )  # fmt: skip
        return Controls(throttle=throttle, brake=brake, steer=steer, handbrake=np.zeros(n))


@njit(cache=True, error_model="numpy")
def _traction_throttle(s: FloatArray, p: FloatArray, trpm, tnm, ratios, grip_t: FloatArray) -> float:  # type: ignore[no-untyped-def]
    """The throttle that asks the driven tyres for no more than the grip that the
    surface under them and the cornering force (v·yaw rate) leave them."""
    m, a, b = p[_MASS], p[_A], p[_B]
    wheelbase = a + b
    lateral = s[_VX] * s[_R]
    limit = math.inf
    for axle in range(2):
        share = p[_DFRONT] if axle == 0 else 1.0 - p[_DFRONT]
        if share <= 0.0:
            continue
        grip = grip_t[int(s[_SUF] if axle == 0 else s[_SUR])]
        axle_mass = m * (b if axle == 0 else a) / wheelbase
        # Friction ellipse: the longitudinal grip that the cornering force leaves.
        used = min((lateral / (p[_MUY] * grip * G)) ** 2, 1.0)
        limit = min(limit, p[_MUX] * grip * axle_mass * G * math.sqrt(1.0 - used) / share)
    wanted = max(drive_force_one(s[_VX], p, trpm, tnm, ratios), 1.0)
    return min(max(TRACTION_SHARE * limit / wanted, 0.0), 1.0)


@njit(cache=True, error_model="numpy")
def _drive_kernel(  # type: ignore[no-untyped-def]
    state, table, trpm, tnm, ratios, pts, spacing, profile, grip_t, dt,
    traction_limit, index, thr_prev, stuck, backing, out_thr, out_brk, out_steer,
):  # fmt: skip
    m = pts.shape[0]
    for i in range(state.shape[0]):
        s, p = state[i], table[i]
        x, y, vx = s[_X], s[_Y], s[_VX]
        # Where the car is on the route: near where it was (a route that passes close to
        # itself is followed in order); the first time, anywhere.
        lo, hi = (0, m) if index[i] < 0 else (max(index[i] - SEARCH_BACK, 0), min(index[i] + SEARCH_AHEAD, m))
        best, best_d2 = lo, math.inf
        for j in range(lo, hi):
            d2 = (pts[j, 0] - x) ** 2 + (pts[j, 1] - y) ** 2
            if d2 < best_d2:
                best, best_d2 = j, d2
        if best_d2 > LOST_M * LOST_M:  # put somewhere else (a respawn): find the car anew
            for j in range(m):
                d2 = (pts[j, 0] - x) ** 2 + (pts[j, 1] - y) ** 2
                if d2 < best_d2:
                    best, best_d2 = j, d2
        index[i] = best
        speed = abs(vx)

        # Steering: pure pursuit towards a point ahead, plus yaw-rate correction
        # (counter-steers when the rear steps out).
        ahead = min(best + int((LOOKAHEAD_BASE_M + LOOKAHEAD_PER_MPS * speed) / spacing), m - 1)
        tx, ty = pts[ahead, 0] - x, pts[ahead, 1] - y
        c, sn = math.cos(s[_TH]), math.sin(s[_TH])
        local_x, local_y = tx * c + ty * sn, -tx * sn + ty * c
        curvature = 2.0 * local_y / max(local_x * local_x + local_y * local_y, 1.0)
        wheelbase = p[_A] + p[_B]
        wanted = math.atan(curvature * wheelbase) + YAW_RATE_GAIN_S * (speed * curvature - s[_R])
        # The physics' steering assist: full input asks for this angle at this speed.
        limit = assisted_steer_limit(vx, p[_MUY], wheelbase, p[_CS], p[_MAXSTEER])
        steer = min(max(wanted / limit, -1.0), 1.0)

        # Speed: the lowest profile speed over the next stretch of road.
        target = math.inf
        for j in range(best, min(best + PREVIEW_POINTS, m)):
            target = min(target, profile[i, j])
        err = target - speed
        throttle = min(max(0.6 * err + 0.3, 0.0), 1.0) if err > -0.5 else 0.0
        if traction_limit:
            throttle = min(throttle, _traction_throttle(s, p, trpm[i], tnm[i], ratios[i], grip_t))
        throttle = max(throttle, thr_prev[i] - THROTTLE_LIFT_PER_TICK)  # lift gently
        if err < -2.0:
            throttle = 0.0
        thr_prev[i] = throttle
        brake = min(max(-0.35 * err, 0.0), 1.0)

        # Stuck against a wall or tree: hold the brake (reverse engages), steer the other way.
        if abs(vx) < 0.5 and throttle > 0.05 and backing[i] <= 0.0:
            stuck[i] += dt
        else:
            stuck[i] = 0.0
        backing[i] = BACK_OUT_S if stuck[i] > STUCK_AFTER_S else max(backing[i] - dt, 0.0)
        if backing[i] > 0.0:
            throttle, brake, steer = 0.0, 1.0, -steer
        out_thr[i], out_brk[i], out_steer[i] = throttle, brake, steer
