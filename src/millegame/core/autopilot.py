"""The autopilot: follows the stage's route with pure pursuit and a speed profile.

The speed profile caps each route point at the speed whose lateral acceleration the
tyres can hold on that surface (v = sqrt(pace · mu · g / |kappa|)) and then runs a
backward pass so the car brakes in time for every corner (v² = v_next² + 2·a_brake·Δs).
Steering aims at a point on the route ahead, at a distance that grows with speed.
Everything is vectorised over the cars of a race; no randomness, no clock.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from millegame.core.car import CarArrays, CarState, Controls, G
from millegame.core.physics import FRONT_LATERAL_GRIP, drive_force_available, steer_limit
from millegame.core.race import Race
from millegame.core.route import Route
from millegame.core.stage import Stage

FloatArray = NDArray[np.float64]

BRAKE_SHARE = 0.75  # of the grip used for planned braking
LOOKAHEAD_BASE_M = 7.0
LOOKAHEAD_PER_MPS = 0.45
MAX_SPEED_MPS = 95.0
YAW_RATE_GAIN_S = 0.1  # steering angle per yaw-rate error [rad per rad/s]
STUCK_AFTER_S = 1.5
BACK_OUT_S = 2.5  # includes the moment reverse needs to engage
THROTTLE_LIFT_PER_TICK = 0.02  # the throttle closes over ~0.4 s unless braking is needed


class Autopilot:
    """Drives every car of a race along the route. ``pace`` ∈ (0, 1]: share of the
    grip it dares to use in corners (1 = on the limit; 0.9 = a quick, tidy driver)."""

    def __init__(self, stage: Stage, params: CarArrays, pace: float | FloatArray = 0.88) -> None:
        self.stage = stage
        self.route = Route.of(stage.route, spacing_m=2.0)
        self.params = params
        n = params.mass.shape[0]
        self.pace = np.broadcast_to(np.asarray(pace, dtype=np.float64), (n,)).copy()
        self.index = np.zeros(n, dtype=np.int64)
        self._started = False
        self._throttle = np.zeros(n)
        self._stuck_s = np.zeros(n)  # how long the car has made no progress while driving
        self._backing_s = np.zeros(n)  # time left reversing out of trouble
        self.profile = self._speed_profiles()  # (N, M) [m/s]

    def _speed_profiles(self) -> FloatArray:
        pts = self.route.points
        col = np.clip((pts[:, 0] / self.stage.cell_m).astype(np.intp), 0, self.stage.cols - 1)
        row = np.clip((pts[:, 1] / self.stage.cell_m).astype(np.intp), 0, self.stage.rows - 1)
        grip = self.stage.surfaces.grip[self.stage.surface[row, col]]
        # Smooth curvature over ±10 m: the car takes a line, not every kink of the polyline.
        k = np.abs(self.route.kappa)
        kernel = np.ones(11) / 11.0
        k = np.maximum(k, np.convolve(np.pad(k, 5, mode="edge"), kernel, mode="valid"))
        # Plan on the front axle's grip: it saturates first (physics.FRONT_LATERAL_GRIP).
        mu = FRONT_LATERAL_GRIP * self.params.tyre_mu[:, None] * grip[None, :]  # (N, M)
        v = np.sqrt(self.pace[:, None] * mu * G / np.maximum(k[None, :], 1e-6))
        v = np.minimum(v, MAX_SPEED_MPS)
        ds = np.diff(self.route.s)
        a_brake = BRAKE_SHARE * mu * G
        for i in range(len(ds) - 1, -1, -1):
            v[:, i] = np.minimum(v[:, i], np.sqrt(v[:, i + 1] ** 2 + 2.0 * a_brake[:, i] * ds[i]))
        return v

    def _traction_throttle(self, state: CarState) -> FloatArray:
        """The throttle that asks the driven tyres for no more than the grip that the
        surface under them and the cornering force (v·yaw rate) leave them."""
        p = self.params
        wheelbase = p.a + p.b
        lateral_acc = state.vx * state.yaw_rate
        surface_grip = self.stage.surfaces.grip

        def left_for_drive(axle_mass: FloatArray, surface: FloatArray) -> FloatArray:
            grip = surface_grip[surface.astype(np.intp)]
            # Friction ellipse: the longitudinal grip that the cornering force leaves.
            used = np.minimum((lateral_acc / (p.tyre_mu * grip * G)) ** 2, 1.0)
            return p.mu_long * grip * axle_mass * G * np.sqrt(1.0 - used)

        # The axle that saturates first sets the limit.
        front = left_for_drive(p.mass * p.b / wheelbase, state.surface_front)
        rear = left_for_drive(p.mass * p.a / wheelbase, state.surface_rear)
        grip_f = np.where(p.drive_front > 0, front / np.maximum(p.drive_front, 1e-9), np.inf)
        grip_r = np.where(p.drive_front < 1, rear / np.maximum(1 - p.drive_front, 1e-9), np.inf)
        usable = 0.8 * np.minimum(grip_f, grip_r)
        return np.clip(usable / np.maximum(drive_force_available(state.vx, p), 1.0), 0.0, 1.0)

    def controls(self, race: Race) -> Controls:
        s = race.state
        if not self._started:
            self.index = np.array([self.route.nearest_global(x, y) for x, y in zip(s.x, s.y, strict=True)])
            self._started = True
        self.index = self.route.nearest(s.x, s.y, self.index)
        m = len(self.route.points)
        speed = np.abs(s.vx)
        n = s.n
        rows = np.arange(n)

        # Steering: pure pursuit towards a point ahead on the route.
        look_m = LOOKAHEAD_BASE_M + LOOKAHEAD_PER_MPS * speed
        ahead = np.clip(self.index + (look_m / self.route.spacing_m).astype(np.int64), 0, m - 1)
        tx, ty = self.route.points[ahead, 0] - s.x, self.route.points[ahead, 1] - s.y
        c, sn = np.cos(s.heading), np.sin(s.heading)
        local_x = tx * c + ty * sn
        local_y = -tx * sn + ty * c
        dist2 = np.maximum(local_x**2 + local_y**2, 1.0)
        curvature = 2.0 * local_y / dist2
        wheelbase = self.params.a + self.params.b
        # Steer for the pursuit arc, and correct the yaw rate towards that arc's
        # (v·kappa): this counter-steers when the rear steps out.
        yaw_error = speed * curvature - s.yaw_rate
        wanted = np.arctan(curvature * wheelbase) + YAW_RATE_GAIN_S * yaw_error
        steer = np.clip(wanted / steer_limit(s.vx, self.params), -1.0, 1.0)

        # Speed: the lowest profile speed over the next half second of road.
        preview = np.clip(self.index[:, None] + np.arange(0, 12)[None, :], 0, m - 1)
        target = self.profile[rows[:, None], preview].min(axis=1)
        err = target - speed
        throttle = np.clip(0.6 * err + 0.3, 0.0, 1.0) * (err > -0.5)
        # Feed the throttle like a driver would: no more drive than the driven tyres hold.
        throttle = np.minimum(throttle, self._traction_throttle(s))
        # Lift gently: snapping the throttle shut mid-corner unsettles the car.
        throttle = np.maximum(throttle, self._throttle - THROTTLE_LIFT_PER_TICK)
        throttle = np.where(err < -2.0, np.minimum(throttle, 0.0), throttle)
        self._throttle = throttle
        brake = np.clip(-0.35 * err, 0.0, 1.0)
        throttle, brake, steer = self._unstick(race, throttle, brake, steer)
        return Controls(throttle=throttle, brake=brake, steer=steer, handbrake=np.zeros(n))

    def _unstick(
        self, race: Race, throttle: FloatArray, brake: FloatArray, steer: FloatArray
    ) -> tuple[FloatArray, FloatArray, FloatArray]:
        """Back out when the car is stuck (against a wall or tree): hold the brake to
        engage reverse, steer the other way for a moment, then drive on."""
        dt = race.dt
        slow = np.abs(race.state.vx) < 0.5
        self._stuck_s = np.where(slow & (throttle > 0.05) & (self._backing_s <= 0), self._stuck_s + dt, 0.0)
        start = self._stuck_s > STUCK_AFTER_S
        self._backing_s = np.where(start, BACK_OUT_S, np.maximum(self._backing_s - dt, 0.0))
        backing = self._backing_s > 0
        return (
            np.where(backing, 0.0, throttle),
            np.where(backing, 1.0, brake),
            np.where(backing, -steer, steer),
        )
