"""N cars on one stage, stepped as RL environments: the one implementation behind both
``StageEnv`` (N = 1) and ``StageVectorEnv`` (N sub-environments).

Per environment step: the actions go into preallocated control arrays, the physics runs
``action_repeat`` ticks of ``core.physics.step_cars`` over all cars, and one numba kernel
(``rl.kernels``) computes every car's observation, reward and episode flags in place.
No per-car Python work happens except when an episode starts.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from millegame.core.car import STATE_COLUMNS, CarArrays, CarState, Controls
from millegame.core.collision import CollisionWorld
from millegame.core.gates import GateTable, crossed_gates
from millegame.core.physics import PARALLEL_FROM_CARS, TICK_HZ, setup_threads, step_cars
from millegame.core.route import Route
from millegame.rl import kernels
from millegame.rl.config import EnvConfig, ObservationLayout

FloatArray = NDArray[np.float64]

ROUTE_SPACING_M = 2.0  # the route is resampled this finely for progress and look-ahead
START_BEFORE_FINISH_M = 50.0  # a random start lies at least this far before the finish


class StageBatch:
    """The simulation of ``n`` independent episodes of one config (one car each)."""

    def __init__(self, cfg: EnvConfig, n: int) -> None:
        self.cfg = cfg
        self.n = n
        self.stage = cfg.load_stage()
        self.car = cfg.load_car()
        self.params = CarArrays.stack([self.car] * n, cfg.assists_value)
        self.world = CollisionWorld.of(self.stage)
        self.dt = 1.0 / TICK_HZ
        self.layout = ObservationLayout.of(cfg)

        route = Route.of(self.stage.route, spacing_m=ROUTE_SPACING_M)
        self.route_points = np.ascontiguousarray(route.points)
        self.route_s = np.ascontiguousarray(route.s)
        d = np.diff(self.route_points, axis=0)
        seg_len = np.hypot(d[:, 0], d[:, 1])
        self.route_tangent = np.ascontiguousarray(d / np.maximum(seg_len, 1e-12)[:, None])
        # The game's gates decide "finished" (``core.gates``): checkpoints in order, then the
        # finish line, each crossed forwards. Their places along the route [m] tell which
        # checkpoints a start further along the route has already left behind.
        self.gates = GateTable.of(self.stage)
        self.gate_s = np.array(
            [self._route_s_at(route, (g.a[0] + g.b[0]) / 2, (g.a[1] + g.b[1]) / 2) for g in self.stage.gates]
        )
        self.finish_s = float(self.gate_s[-1])
        self.seg_max_m = float(max(seg_len.max(initial=0.0), 1e-9))
        self.blocked = blocked_grid(self.stage)
        self.ray_walls = kernels.ray_grid(self.blocked)
        self.grip = self.stage.surfaces.grip
        self.lookahead_m = np.asarray(cfg.lookahead_m, dtype=np.float64)
        angles = np.radians(np.asarray(cfg.ray_angles_deg, dtype=np.float64))
        self.ray_cos, self.ray_sin = np.cos(angles), np.sin(angles)
        self.max_ticks = int(math.ceil(cfg.max_time_s * TICK_HZ - 1e-9))

        self.state = CarState(np.zeros((n, len(STATE_COLUMNS))))
        self._throttle, self._brake, self._steer = np.zeros(n), np.zeros(n), np.zeros(n)
        self.controls = Controls(self._throttle, self._brake, self._steer, np.zeros(n), np.zeros(n))
        self.obs = np.zeros((n, self.layout.size), dtype=np.float32)
        self.reward = np.zeros(n)
        self.terminated = np.zeros(n, dtype=bool)
        self.truncated = np.zeros(n, dtype=bool)
        self.progress_m = np.zeros(n)  # distance along the route [m] (``prev_s`` of the kernel)
        self.ticks = np.zeros(n, dtype=np.int64)  # ticks since the episode started
        self._index = np.full(n, -1, dtype=np.int64)  # route point nearest each car
        self._fresh = np.zeros(n, dtype=bool)  # episode just started: no reward, no flags
        self._pen = np.zeros(n)  # wall penalties of the step's earlier ticks
        self._no_impact = np.zeros(n)
        self.next_gate = np.zeros(n, dtype=np.int64)  # each car's next gate (``core.gates``)
        self._crossed = np.empty(n, dtype=np.int64)
        # Threads from the same field size as the physics step.
        if n >= PARALLEL_FROM_CARS:
            setup_threads()
            self._kernel = kernels.observe_kernel_parallel
        else:
            self._kernel = kernels.observe_kernel

    def _route_s_at(self, route: Route, x: float, y: float) -> float:
        """Distance along the route [m] of the point (x, y)."""
        j = min(route.nearest_global(x, y), len(self.route_points) - 2)
        t = float(np.dot([x, y] - self.route_points[j], self.route_tangent[j]))
        return float(np.clip(self.route_s[j] + t, 0.0, self.route_s[-1]))

    @property
    def start_range_m(self) -> tuple[float, float]:
        """Where along the route [m] a random start may fall."""
        return 0.0, max(self.finish_s - START_BEFORE_FINISH_M, 0.0)

    def place(self, i: int, rng: np.random.Generator, start_m: float | None = None) -> None:
        """Start a new episode for car ``i``: at rest on the stage's start line, or on the
        route at ``start_m`` [m], or at a random point of the route drawn from ``rng``."""
        if start_m is None and self.cfg.random_start:
            lo, hi = self.start_range_m
            start_m = float(rng.uniform(lo, hi))
        if start_m is None:
            x, y, heading = self.stage.start_xy[0], self.stage.start_xy[1], self.stage.start_heading
            index = -1  # found by a search over the whole route
            self.next_gate[i] = 0
        else:
            s = float(np.clip(start_m, 0.0, self.route_s[-1]))
            j = int(np.clip(np.searchsorted(self.route_s, s, side="right") - 1, 0, len(self.route_s) - 2))
            tx, ty = self.route_tangent[j]
            u = s - self.route_s[j]
            x, y = self.route_points[j, 0] + tx * u, self.route_points[j, 1] + ty * u
            heading, index = math.atan2(ty, tx), j
            # Checkpoints behind the start count as passed; the finish never does.
            self.next_gate[i] = int(np.count_nonzero(self.gate_s[: self.gates.checkpoints] < s))
        self.state.data[i] = CarState.at_rest(np.array([x]), np.array([y]), np.array([heading])).data[0]
        self._index[i] = index
        self._pen[i] = 0.0
        self._fresh[i] = True

    def observe(self, impact: FloatArray | None = None) -> None:
        """Compute every car's observation, reward and flags from the current state."""
        cfg = self.cfg
        self._kernel(
            self.state.data, self.params.table, self.route_points, self.route_s, self.route_tangent, self.seg_max_m,
            self.finish_s, self.ray_walls, self.stage.surface, self.stage.cell_m,
            self.stage.road_raster.index, self.stage.road_raster.blocks, self.stage.road_raster.cell_m, self.grip,
            self.lookahead_m, self.ray_cos, self.ray_sin, cfg.ray_range_m,
            self._no_impact if impact is None else impact, self._pen,
            cfg.progress_reward_per_m, cfg.wall_hit_penalty, cfg.wall_hit_penalty_per_mps,
            cfg.wall_contact_penalty_per_s * self.dt, self.max_ticks, cfg.action_repeat,
            self.next_gate, self.gates.count, self._fresh, self._index, self.progress_m, self.ticks,
            self.obs, self.reward, self.terminated, self.truncated,
        )  # fmt: skip

    def set_actions(self, actions: NDArray[np.floating]) -> None:
        """Actions (n, 3): steer [-1, 1], throttle [0, 1], brake [0, 1] (sanitised in the step)."""
        self._steer[:] = actions[:, 0]
        self._throttle[:] = actions[:, 1]
        self._brake[:] = actions[:, 2]

    def run_physics(self) -> FloatArray:
        """``action_repeat`` ticks of physics; returns the last tick's wall impacts [m/s]."""
        cfg = self.cfg
        impact = self._no_impact
        for k in range(cfg.action_repeat):
            if k > 0:
                kernels.wall_penalty_kernel(impact, self.state.data, cfg.wall_hit_penalty,
                                            cfg.wall_hit_penalty_per_mps, cfg.wall_contact_penalty_per_s * self.dt,
                                            self._pen)  # fmt: skip
            prev = self.state
            self.state, impact = step_cars(prev, self.controls, self.params, self.stage, self.world, self.dt)
            if crossed_gates(prev.data, self.state.data, self.next_gate, self.gates.rows, self._crossed):
                np.maximum(self.next_gate, self._crossed + 1, out=self.next_gate)  # −1: no gate, unchanged
        return impact


def blocked_grid(stage) -> NDArray[np.bool_]:  # type: ignore[no-untyped-def]
    """Cells the rays stop in: the solid cells plus cells crossed by the stage's extra wall
    segments (those not on the map's edge, which the rays stop at anyway)."""
    blocked = np.array(stage.solid, dtype=np.bool_, copy=True)
    w, h, cell = stage.width_m, stage.height_m, stage.cell_m
    for x0, y0, x1, y1 in np.asarray(stage.walls, dtype=np.float64).reshape(-1, 4):
        on_edge = (x0 == x1 and x0 in (0.0, w)) or (y0 == y1 and y0 in (0.0, h))
        if on_edge:
            continue
        steps = max(2, int(math.ceil(math.hypot(x1 - x0, y1 - y0) / (0.25 * cell))) + 1)
        t = np.linspace(0.0, 1.0, steps)
        c = np.clip(((x0 + t * (x1 - x0)) // cell).astype(np.intp), 0, blocked.shape[1] - 1)
        r = np.clip(((y0 + t * (y1 - y0)) // cell).astype(np.intp), 0, blocked.shape[0] - 1)
        blocked[r, c] = True
    return blocked
