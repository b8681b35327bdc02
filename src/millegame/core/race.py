"""A Race: N cars on one stage, advanced tick by tick.

Time is integer ticks; seconds are always ``ticks × dt``. ``Race.step(controls)``
runs one tick of physics for every car, checks the timing gates and returns the
events of that tick. The previous state is kept for interpolated drawing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from millegame.core.car import Assists, CarArrays, CarParams, CarState, Controls
from millegame.core.collision import CollisionWorld
from millegame.core.events import Event, GatePassed, StageFinished, WallHit
from millegame.core.gates import GateTable, crossed_gates
from millegame.core.physics import TICK_HZ, step_cars
from millegame.core.stage import Stage

if TYPE_CHECKING:
    from millegame.core.referee import Referee

WALL_HIT_MIN_MPS = 1.0  # slower touches are scrapes, not hits


class Race:
    """N cars on a stage. Cars start on the start pose, lined up behind each other
    when there are several (``spacing_m`` apart), unless ``state`` is given.
    ``assists`` switches ABS, traction control, steering assistance and manual gears.
    ``rules`` ("corsa" or "regolarita", see ``core.referee``) adds a referee: penalties,
    wrong way, respawns and the regularity trials, as events and ``race.referee.state(car)``.
    Without rules the race only times the gates, as before."""

    def __init__(
        self,
        stage: Stage,
        cars: list[CarParams] | tuple[CarParams, ...],
        *,
        state: CarState | None = None,
        spacing_m: float = 0.0,
        assists: Assists | None = None,
        rules: str | None = None,
        auto_respawn: bool = True,
    ) -> None:
        if not cars:
            raise ValueError("a race needs at least one car")
        self.stage = stage
        self.cars = tuple(cars)
        self.assists = assists or Assists()
        self.params = CarArrays.stack(self.cars, self.assists)
        self.world = CollisionWorld.of(stage)
        self.gates = GateTable.of(stage)
        self.dt = 1.0 / TICK_HZ
        n = len(self.cars)
        if state is None:
            back = -np.arange(n) * spacing_m
            hx, hy = np.cos(stage.start_heading), np.sin(stage.start_heading)
            state = CarState.at_rest(
                stage.start_xy[0] + back * hx,
                stage.start_xy[1] + back * hy,
                np.full(n, stage.start_heading),
            )
        self.state = state
        self.prev_state = state
        self.tick = 0
        self.next_gate = np.zeros(n, dtype=np.int64)  # index into stage.gates (``core.gates``)
        self.finish_tick = np.full(n, -1, dtype=np.int64)
        self._crossed = np.empty(n, dtype=np.int64)  # ``crossed_gates``'s output, reused every tick
        self._finished_count = 0
        self.splits_s: list[list[float]] = [[] for _ in range(n)]
        self._respawn_requests: set[int] = set()
        self.controls = Controls.zeros(n)  # the controls of the last tick, as the driver gave them
        self.referee: Referee | None = None
        if rules is not None:
            from millegame.core.referee import Referee

            self.referee = Referee(self, rules, auto_respawn=auto_respawn)

    @property
    def n(self) -> int:
        return len(self.cars)

    @property
    def time_s(self) -> float:
        """Stage clock [s]: ticks × dt."""
        return self.tick * self.dt

    @property
    def finished(self) -> np.ndarray:
        return self.finish_tick >= 0

    @property
    def all_finished(self) -> bool:
        return bool(self.finished.all())

    def step(self, controls: Controls) -> list[Event]:
        """Advance every car by one tick; return what happened during it.

        Controls are sanitised inside the physics step (NaN → 0, clipped to range).
        Respawns asked for with ``request_respawn`` happen first; their events come first.
        Under rules, the referee's automatic respawns happen at the end of the tick."""
        events: list[Event] = []
        if self._respawn_requests:
            for car in sorted(self._respawn_requests):
                events.extend(self.respawn(car))
            self._respawn_requests.clear()
        # A finished car brakes to a stop: its driver keeps steering but no longer drives.
        if self._finished_count:
            done = self.finished
            controls = Controls(
                np.where(done, 0.0, controls.throttle),
                np.where(done, 0.6, controls.brake),
                controls.steer,
                controls.handbrake,
                controls.shift,
            )
        self.controls = controls
        prev = self.state
        new, impacts = step_cars(prev, controls, self.params, self.stage, self.world, self.dt)
        self.prev_state, self.state = prev, new
        self.tick += 1
        if impacts.max() >= WALL_HIT_MIN_MPS:
            for i in np.flatnonzero(impacts >= WALL_HIT_MIN_MPS):
                events.append(WallHit(car=int(i), tick=self.tick, impact_speed_mps=float(impacts[i])))
        gate_events = self._check_gates(prev, new)
        events.extend(gate_events)
        if self.referee is not None:
            verdict, respawns = self.referee.update(prev, gate_events)
            events.extend(verdict)
            for car in respawns:
                events.extend(self._respawn(car, automatic=True))
        return events

    def place_car(self, car: int, x: float, y: float, heading: float) -> None:
        """Put ``car`` at rest at (x, y) [m] facing ``heading`` [rad] (also in ``prev_state``,
        so drawing does not interpolate the jump). Its gates and clock are unchanged."""
        row = CarState.at_rest(np.array([x]), np.array([y]), np.array([heading])).data[0]
        for name in ("state", "prev_state"):
            data = getattr(self, name).data.copy()
            data[car] = row
            setattr(self, name, CarState(data))

    def respawn(self, car: int) -> list[Event]:
        """Put ``car`` back on the last checkpoint it passed (with the rules' penalty when
        the race has rules; without, at the start or that checkpoint, no penalty)."""
        return self._respawn(car, automatic=False)

    def _respawn(self, car: int, *, automatic: bool) -> list[Event]:
        # A finished car is not put back when asked; the referee's automatic respawn of a car
        # that finished on this very tick is kept as it always was (replays depend on it).
        if self.finish_tick[car] >= 0 and not automatic:
            return []
        if self.referee is not None:
            x, y, heading = self.referee.respawn_pose(car)
            self.place_car(car, x, y, heading)
            return self.referee.respawned(car, automatic=automatic)
        g = int(self.next_gate[car]) - 1
        if g < 0:
            self.place_car(car, self.stage.start_xy[0], self.stage.start_xy[1], self.stage.start_heading)
        else:
            gate = self.stage.gates[g]
            fx, fy = gate.forward
            mx, my = (gate.a[0] + gate.b[0]) / 2, (gate.a[1] + gate.b[1]) / 2
            self.place_car(car, mx + 4.0 * fx, my + 4.0 * fy, float(np.arctan2(fy, fx)))
        return []

    def request_respawn(self, car: int = 0) -> None:
        """Ask for a respawn at the start of the next ``step`` (the UI's respawn key)."""
        self._respawn_requests.add(car)

    def respawn_requested(self, car: int = 0) -> bool:
        """Whether a respawn of ``car`` is asked for at the start of the next ``step``
        (a recorder keeps it, so that a replay repeats it)."""
        return car in self._respawn_requests

    @property
    def penalty_s(self) -> np.ndarray:
        """Time penalties per car [s] (zero without rules)."""
        return self.referee.penalty_s if self.referee is not None else np.zeros(self.n)

    def _check_gates(self, prev: CarState, new: CarState) -> list[Event]:
        """Advance the cars' gates by this tick's movement (``core.gates``): splits at the
        checkpoints, the finish tick at the last gate."""
        if not crossed_gates(prev.data, new.data, self.next_gate, self.gates.rows, self._crossed):
            return []
        events: list[Event] = []
        n_checkpoints = self.gates.checkpoints
        time_s = self.time_s
        for k in np.flatnonzero(self._crossed >= 0):
            car = int(k)
            gate = int(self._crossed[car])
            self.next_gate[car] = gate + 1
            if gate < n_checkpoints:
                self.splits_s[car].append(time_s)
                cp = self.stage.checkpoints[gate]
                events.append(GatePassed(car=car, tick=self.tick, index=gate, name=cp.name, split_s=time_s))
            else:
                self.finish_tick[car] = self.tick
                self._finished_count += 1
                events.append(StageFinished(car=car, tick=self.tick, time_s=time_s, splits_s=tuple(self.splits_s[car])))
        return events
