"""The referee: the rules of a stage, applied to every car of a race each tick.

Two rule sets (``RULE_SETS``):

- **corsa** — the 1927–57 race: the stage time counts, plus time penalties. Checkpoints
  must be crossed in order (``Race`` only counts the next one); a car that goes past one
  along the route gets a ``CheckpointMissed`` event and must drive back to it. A respawn
  (asked for, or automatic) puts the car on the road at the route point ``RESPAWN_BEHIND_M``
  behind where it was last on the road, facing along the route, at rest, for
  ``RESPAWN_PENALTY_S`` seconds. Driving against the route for ``WRONG_WAY_AFTER_S``
  raises ``WrongWay(wrong=True)`` (and ``wrong=False`` when it turns round). A car off
  the route by more than ``OFF_ROUTE_M`` for ``OFF_ROUTE_AFTER_S``, or stuck (slower than
  ``STUCK_BELOW_MPS`` with a pedal pressed) for ``STUCK_AFTER_S``, is respawned
  automatically (same penalty).
- **regolarita** — the modern rally: the stage's timing lines (PC, PM, CO) are scored
  as in ``core.regularity``; a respawn costs ``RESPAWN_PENALTY_POINTS`` instead of time.

State for the HUD: ``referee.state(car)`` → ``RulesState``. Results: ``core.result.StageResult.of(race, car)``.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
from numba import njit
from numpy.typing import NDArray

from millegame.core.car import CarState
from millegame.core.car import S as _S
from millegame.core.coefficient import car_coefficient
from millegame.core.events import (
    CheckpointMissed,
    Event,
    GatePassed,
    PenaltyApplied,
    Respawned,
    TimingLinePassed,
    WrongWay,
)
from millegame.core.geometry import cross2, segments_intersect
from millegame.core.regularity import (
    CHECK_CAP_POINTS,
    CoWindow,
    PcClock,
    PmStatus,
    RulesState,
    co_points,
    co_window_s,
    hundredths,
    pc_points,
    pm_ideal_s,
    pm_points,
    regularity_score,
    split_deltas,
)
from millegame.core.result import corsa_score
from millegame.core.route import Route

if TYPE_CHECKING:
    from millegame.core.race import Race

CORSA, REGOLARITA = "corsa", "regolarita"
RULE_SETS = (CORSA, REGOLARITA)

RESPAWN_PENALTY_S = 5.0  # corsa: added to the stage time
RESPAWN_PENALTY_POINTS = 100  # regolarità: added to the penalty points
ON_ROAD_M = 5.0  # within this of the route's centre line a car is on the road (for the respawn)
ROAD_REACH_M = 40.0  # back on the road: only this far along the route from where it was last on it
RESPAWN_BEHIND_M = 4.0  # a respawned car is put this far back along the route from where it left it
MISSED_AFTER_M = 40.0  # past a checkpoint / timing line along the route by this much = missed
WRONG_WAY_MPS = 2.0  # speed against the route that counts as wrong way [m/s]
WRONG_WAY_AFTER_S = 1.0
OFF_ROUTE_M = 15.0  # off the road: this far from the route centre line [m] (well past any road's edge)
OFF_ROUTE_AFTER_S = 4.0
STUCK_AFTER_S = 4.0  # slower than STUCK_BELOW_MPS with a pedal pressed, this long: respawned
STUCK_BELOW_MPS = 0.5
SLOW_CHECK_TICKS = 6  # wrong way, missed checkpoints and respawns are checked at 20 Hz
TRACK_WINDOW = 6  # route points searched ahead each tick (2 m apart; a car moves < 1 m a tick)

IntArray = NDArray[np.int64]


def crossing_fraction(
    p0: NDArray[np.float64], p1: NDArray[np.float64], a: NDArray[np.float64], b: NDArray[np.float64]
) -> NDArray[np.float64]:
    """Where along p0→p1 (0…1) the movement cuts the line through a–b (rows of (N, 2))."""
    r, s, qp = p1 - p0, b - a, a - p0
    denom = cross2(r[:, 0], r[:, 1], s[:, 0], s[:, 1])
    with np.errstate(divide="ignore", invalid="ignore"):
        t = cross2(qp[:, 0], qp[:, 1], s[:, 0], s[:, 1]) / denom
    return np.clip(np.nan_to_num(t, nan=1.0), 0.0, 1.0)


def _route_positions(route: Route, mids: list[tuple[float, float]]) -> NDArray[np.float64]:
    """Arc length [m] along ``route`` of points given in route order (each searched
    from the previous one on, so a route that passes a place twice is read in order)."""
    out, start = [], 0
    for x, y in mids:
        p = route.points[start:]
        k = start + int(np.argmin((p[:, 0] - x) ** 2 + (p[:, 1] - y) ** 2))
        out.append(route.s[k])
        start = k
    return np.array(out, dtype=np.float64)


def _mid(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    return (a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0


class Referee:
    """Applies ``rules`` ("corsa" or "regolarita") to the cars of ``race``."""

    def __init__(self, race: Race, rules: str, *, auto_respawn: bool = True) -> None:
        if rules not in RULE_SETS:
            raise ValueError(f"unknown rules {rules!r}: one of {', '.join(RULE_SETS)}")
        self.race = race
        self.rules = rules
        self.auto_respawn = auto_respawn
        stage = race.stage
        n = race.n
        self.route = Route.of(stage.route, spacing_m=2.0)
        self.index = np.array(
            [self.route.nearest_global(x, y) for x, y in zip(race.state.x, race.state.y, strict=True)], dtype=np.int64
        )
        self.checkpoint_s = _route_positions(self.route, [_mid(g.a, g.b) for g in stage.checkpoints])
        self.lines = stage.timing_lines if rules == REGOLARITA else ()
        lines = self.lines
        self.line_a = np.array([ln.a for ln in lines], dtype=np.float64).reshape(-1, 2)
        self.line_b = np.array([ln.b for ln in lines], dtype=np.float64).reshape(-1, 2)
        self.line_fwd = np.array([ln.forward for ln in lines], dtype=np.float64).reshape(-1, 2)
        self.line_route_s = _route_positions(self.route, [_mid(ln.a, ln.b) for ln in lines])
        self.line_start = self._section_starts()
        self.next_line = np.zeros(n, dtype=np.int64)
        self.line_time_s = np.full((n, len(lines)), np.nan)
        self.checks: list[list[TimingLinePassed]] = [[] for _ in range(n)]
        self.check_points: list[list[int]] = [[] for _ in range(n)]
        self.penalty_s = np.zeros(n)
        self.penalty_points = np.zeros(n, dtype=np.int64)
        self.extra_points = np.zeros(n, dtype=np.int64)  # respawns: not from a check
        self.coefficient = np.array(
            [car_coefficient(c) if rules == REGOLARITA else 1.0 for c in race.cars], dtype=np.float64
        )
        self.wrong_way = np.zeros(n, dtype=bool)
        self.last_checkpoint = np.full(n, -1, dtype=np.int64)
        self.missed = np.full(n, -1, dtype=np.int64)
        self.respawns = np.zeros(n, dtype=np.int64)
        self._wrong_s = np.zeros(n)
        self._off_s = np.zeros(n)
        self._stuck_s = np.zeros(n)
        self.left_road = self.index.copy()  # route point where each car was last on the road
        self.reference_splits_s: tuple[float, ...] = ()  # e.g. the record's splits, for deltas

    def _section_starts(self) -> IntArray:
        """For each line, the index of the line its section is timed from (−1: none)."""
        start = np.full(len(self.lines), -1, dtype=np.int64)
        for k, ln in enumerate(self.lines):
            for j in range(k - 1, -1, -1):
                other = self.lines[j]
                if (
                    ln.kind == "pc_line"
                    and other.kind == "pc_line"
                    and other.trial == ln.trial
                    and other.order == ln.order - 1
                ):
                    start[k] = j
                    break
                if ln.kind in ("pm_secret", "pm_end") and other.kind == "pm_start":
                    start[k] = j
                    break
        return start

    # --- progress along the route -------------------------------------------------------

    @property
    def s_m(self) -> NDArray[np.float64]:
        """Each car's distance along the route [m] (nearest route point)."""
        return self.route.s[self.index]

    # --- the tick ------------------------------------------------------------------------

    def update(self, prev: CarState, gate_events: list[Event]) -> tuple[list[Event], list[int]]:
        """Apply the rules after a tick; ``prev`` is the state before it, ``gate_events``
        the tick's gate events. Returns the rules' events and the cars to respawn
        automatically (stuck or off the road): the race puts them back (``respawn_pose``)
        and reports it (``respawned``). The referee reads the race, never changes it."""
        race = self.race
        st = race.state
        tick = race.tick
        events: list[Event] = []
        respawns: list[int] = []
        self.index = self.route.nearest(st.x, st.y, self.index, window=TRACK_WINDOW)
        for e in gate_events:
            if isinstance(e, GatePassed):
                self.last_checkpoint[e.car] = e.index
                if self.missed[e.car] == e.index:
                    self.missed[e.car] = -1
        slow = tick % SLOW_CHECK_TICKS == 0
        if not (slow or len(self.lines)):
            return events, respawns  # most ticks of a Corsa: nothing more to look at
        racing = (race.finish_tick < 0) | (race.finish_tick == tick)
        if len(self.lines):
            events.extend(self._timing(np.stack([prev.x, prev.y], axis=-1), racing, self.s_m))
            # A car that finished has no more chance at the lines it left out.
            for car in np.flatnonzero(race.finish_tick == tick):
                while self.next_line[car] < len(self.lines):
                    events.append(self._score_line(int(car), int(self.next_line[car]), None))
                    self.next_line[car] += 1
        if slow:
            events.extend(self._slow_checks(racing, SLOW_CHECK_TICKS * race.dt, respawns))
        return events, respawns

    def _slow_checks(self, racing: NDArray[np.bool_], dt: float, respawns: list[int]) -> list[Event]:
        """Missed checkpoints, wrong way and automatic respawns; ``dt`` [s] since the last check."""
        race = self.race
        st = race.state
        tick = race.tick
        events: list[Event] = []
        # A wider search now and then: finds a car again after it left the route's neighbourhood.
        self.index = self.route.nearest(st.x, st.y, self.index, window=80)
        s = self.s_m
        # Checkpoints gone past along the route.
        g = race.next_gate
        n_cp = len(self.checkpoint_s)
        if n_cp:
            gi = np.minimum(g, n_cp - 1)
            past = racing & (g < n_cp) & (s > self.checkpoint_s[gi] + MISSED_AFTER_M) & (self.missed != g)
            for car in np.flatnonzero(past):
                idx = int(g[car])
                self.missed[car] = idx
                events.append(
                    CheckpointMissed(car=int(car), tick=tick, index=idx, name=race.stage.checkpoints[idx].name)
                )
        # Wrong way, on the road, off the road and stuck: one compiled pass over the cars.
        c = race.controls
        turn = np.zeros(st.n, dtype=np.int8)
        due = np.zeros(st.n, dtype=np.bool_)
        _road_checks(
            st.data, self.route.contiguous_points, self.index, racing, dt, round(ROAD_REACH_M / self.route.spacing_m),
            np.ascontiguousarray(c.throttle, dtype=np.float64), np.ascontiguousarray(c.brake, dtype=np.float64),
            self._wrong_s, self.wrong_way, self.left_road, self._off_s, self._stuck_s, turn, due,
        )  # fmt: skip
        for car in np.flatnonzero(turn):
            events.append(WrongWay(car=int(car), tick=tick, wrong=bool(turn[car] > 0)))
        if self.auto_respawn:
            respawns.extend(int(car) for car in np.flatnonzero(due))
        return events

    def _timing(self, prev_xy: NDArray[np.float64], racing: NDArray[np.bool_], s: NDArray[np.float64]) -> list[Event]:
        race = self.race
        events: list[Event] = []
        p1 = np.stack([race.state.x, race.state.y], axis=-1)
        n_lines = len(self.lines)
        for _ in range(3):  # lines closer together than one tick's movement
            cars = np.flatnonzero(racing & (self.next_line < n_lines))
            if cars.size == 0:
                break
            k = self.next_line[cars]
            a, b, fwd = self.line_a[k], self.line_b[k], self.line_fwd[k]
            p0, q1 = prev_xy[cars], p1[cars]
            moved = q1 - p0
            hit = segments_intersect(p0, q1, a, b) & ((moved * fwd).sum(axis=-1) > 0.0)
            frac = crossing_fraction(p0, q1, a, b)
            missed = ~hit & (s[cars] > self.line_route_s[k] + MISSED_AFTER_M)
            if not (hit.any() or missed.any()):
                break
            for j in np.flatnonzero(hit | missed):
                car, line = int(cars[j]), int(k[j])
                time_s = None
                if hit[j]:
                    time_s = hundredths((race.tick - 1 + float(frac[j])) * race.dt) / 100.0
                events.append(self._score_line(car, line, time_s))
                self.next_line[car] = line + 1
        return events

    def _score_line(self, car: int, line: int, time_s: float | None) -> TimingLinePassed:
        ln = self.lines[line]
        tick = self.race.tick
        if time_s is not None:
            self.line_time_s[car, line] = time_s
        start = int(self.line_start[line])
        is_check = (ln.kind == "pc_line" and start >= 0) or ln.kind in ("pm_secret", "pm_end", "co")
        if not is_check:
            return TimingLinePassed(
                car=car,
                tick=tick,
                kind=ln.kind,
                trial=ln.trial,
                name=ln.name,
                time_s=time_s if time_s is not None else float("nan"),
                missed=time_s is None,
            )
        actual = target = None
        if ln.kind == "co":
            due = int(ln.due_min or 0)
            target = co_window_s(due)[0]
            actual = time_s
            points = CHECK_CAP_POINTS if time_s is None else co_points(time_s, due)
        else:
            t0 = self.line_time_s[car, start] if start >= 0 else np.nan
            if time_s is None or np.isnan(t0):
                points = CHECK_CAP_POINTS
            else:
                actual = (hundredths(time_s) - hundredths(float(t0))) / 100.0
                if ln.kind == "pc_line":
                    target = float(ln.target_s or 0.0)
                    points = pc_points(actual, target)
                else:
                    first = self.lines[start]
                    dist = ln.s_m - first.s_m
                    target = hundredths(pm_ideal_s(dist, float(first.avg_kmh or 0.0))) / 100.0
                    points = pm_points(actual, dist, float(first.avg_kmh or 0.0))
        self.penalty_points[car] += points
        self.check_points[car].append(points)
        event = TimingLinePassed(
            car=car,
            tick=tick,
            kind=ln.kind,
            trial=ln.trial or ln.kind.upper(),
            name=ln.name,
            time_s=time_s if time_s is not None else float("nan"),
            actual_s=actual,
            target_s=target,
            points=points,
            missed=time_s is None,
        )
        self.checks[car].append(event)
        return event

    # --- respawn -------------------------------------------------------------------------

    def respawn_pose(self, car: int) -> tuple[float, float, float]:
        """Where a respawned car is put: (x, y [m], heading [rad]) — on the route
        ``RESPAWN_BEHIND_M`` behind the point where it was last on the road (where it
        is, if it is on the road now), facing along the route."""
        route = self.route
        st = self.race.state
        here = int(self.index[car])
        px, py = route.points[here]
        on_road = np.hypot(st.x[car] - px, st.y[car] - py) <= ON_ROAD_M and here <= self.left_road[car] + round(
            ROAD_REACH_M / route.spacing_m
        )
        left = here if on_road else int(self.left_road[car])
        behind = round(RESPAWN_BEHIND_M / route.spacing_m)
        # Never past the checkpoint the car has still to cross.
        g = int(self.race.next_gate[car])
        if g < len(self.checkpoint_s):
            before_gate = int(np.searchsorted(route.s, self.checkpoint_s[g])) - 1
            left = min(left, before_gate)
        k = max(0, left - behind)
        ahead = route.points[min(k + 1, len(route.points) - 1)] - route.points[max(k - 1, 0)]
        return float(route.points[k, 0]), float(route.points[k, 1]), float(np.arctan2(ahead[1], ahead[0]))

    def respawned(self, car: int, *, automatic: bool = False) -> list[Event]:
        """The race has put ``car`` back on the road (at ``respawn_pose``): follow it there
        and apply the rule set's penalty."""
        race = self.race
        x, y = float(race.state.x[car]), float(race.state.y[car])
        self.index[car] = self.left_road[car] = self.route.nearest_global(x, y)
        self._off_s[car] = self._stuck_s[car] = self._wrong_s[car] = 0.0
        self.respawns[car] += 1
        seconds, points = (RESPAWN_PENALTY_S, 0) if self.rules == CORSA else (0.0, RESPAWN_PENALTY_POINTS)
        self.penalty_s[car] += seconds
        self.penalty_points[car] += points
        self.extra_points[car] += points
        why = "respawn (stuck or off the road)" if automatic else "respawn"
        events: list[Event] = [
            Respawned(
                car=car,
                tick=race.tick,
                checkpoint=int(self.last_checkpoint[car]),
                automatic=automatic,
                penalty_s=seconds,
            ),
            PenaltyApplied(car=car, tick=race.tick, seconds=seconds, points=points, reason=why),
        ]
        if self.wrong_way[car]:
            self.wrong_way[car] = False
            events.append(WrongWay(car=car, tick=race.tick, wrong=False))
        return events

    # --- what the HUD and the results read -----------------------------------------------

    def state(self, car: int = 0) -> RulesState:
        race = self.race
        now = race.time_s if race.finish_tick[car] < 0 else race.finish_tick[car] * race.dt
        s = float(self.s_m[car])
        pc = pm = co = None
        next_line_m = None
        k = int(self.next_line[car])
        if k < len(self.lines):
            ln = self.lines[k]
            next_line_m = max(0.0, float(self.line_route_s[k]) - s)
            start = int(self.line_start[k])
            t0 = self.line_time_s[car, start] if start >= 0 else np.nan
            if ln.kind == "pc_line" and start >= 0 and not np.isnan(t0):
                elapsed = (hundredths(now) - hundredths(float(t0))) / 100.0
                pc = PcClock(ln.trial, int(ln.order) - 1, elapsed, float(ln.target_s or 0.0), next_line_m)
            if ln.kind in ("pm_secret", "pm_end") and start >= 0 and not np.isnan(t0):
                first = self.lines[start]
                covered = max(0.0, s - float(self.line_route_s[start]))
                avg = float(first.avg_kmh or 0.0)
                elapsed = (hundredths(now) - hundredths(float(t0))) / 100.0
                pm = PmStatus(first.trial, avg, elapsed, covered, pm_ideal_s(covered, avg))
            for j in range(k, len(self.lines)):
                if self.lines[j].kind == "co":
                    opens, closes = co_window_s(int(self.lines[j].due_min or 0))
                    co = CoWindow(
                        self.lines[j].name,
                        int(self.lines[j].due_min or 0),
                        opens,
                        closes,
                        max(0.0, float(self.line_route_s[j]) - s),
                    )
                    break
        return RulesState(
            rules=self.rules,
            time_s=round(now, 2),
            penalty_s=float(self.penalty_s[car]),
            penalty_points=int(self.penalty_points[car]),
            wrong_way=bool(self.wrong_way[car]),
            last_checkpoint=int(self.last_checkpoint[car]),
            missed_checkpoint=int(self.missed[car]) if self.missed[car] >= 0 else None,
            split_deltas_s=split_deltas(race.splits_s[car], self.reference_splits_s),
            pc=pc,
            pm=pm,
            next_co=co,
            next_line_m=next_line_m,
            checks=tuple(self.checks[car]),
        )

    def score(self, car: int) -> float | None:
        """Corsa: total time [s] (lower wins); Regolarità: points × coefficient (higher wins).
        None while the car has not finished."""
        race = self.race
        if race.finish_tick[car] < 0:
            return None
        if self.rules == CORSA:
            return corsa_score(int(race.finish_tick[car]), race.dt, float(self.penalty_s[car]))
        return regularity_score(self.check_points[car], float(self.coefficient[car]), int(self.extra_points[car]))


_SX, _SY, _STH, _SVX, _SVY = _S["x"], _S["y"], _S["heading"], _S["vx"], _S["vy"]


@njit(cache=True, error_model="numpy")
def _road_checks(  # type: ignore[no-untyped-def]
    state, points, index, racing, dt, reach, throttle, brake,
    wrong_s, wrong_way, left_road, off_s, stuck_s, turn, due,
):  # fmt: skip
    """The referee's checks every ``SLOW_CHECK_TICKS``, per car, in place (``dt`` [s] since
    the last): wrong way (``turn`` +1 / −1 when it starts / ends), where the car was last on
    the road (``left_road``), and the off-road and stuck timers (``due``: respawn now).

    A car's route point is ``index``; ``reach`` is ``ROAD_REACH_M`` in route points. The
    arithmetic is the numpy version's, operation for operation, so results are bit-identical."""
    m = points.shape[0]
    for i in range(state.shape[0]):
        k = index[i]
        x, y = state[i, _SX], state[i, _SY]
        # Wrong way, from the velocity along the route's direction.
        c, sn = math.cos(state[i, _STH]), math.sin(state[i, _STH])
        vx, vy = state[i, _SVX], state[i, _SVY]
        vxw, vyw = vx * c - vy * sn, vx * sn + vy * c
        tx = points[min(k + 1, m - 1), 0] - points[max(k - 1, 0), 0]
        ty = points[min(k + 1, m - 1), 1] - points[max(k - 1, 0), 1]
        norm = max(math.hypot(tx, ty), 1e-9)
        along = vxw * (tx / norm) + vyw * (ty / norm)
        wrong_s[i] = wrong_s[i] + dt if racing[i] and along < -WRONG_WAY_MPS else 0.0
        if wrong_s[i] >= WRONG_WAY_AFTER_S and not wrong_way[i]:
            wrong_way[i] = True
            turn[i] = 1
        elif wrong_way[i] and (along > 1.0 or not racing[i]):
            wrong_way[i] = False
            turn[i] = -1
        # On the road again only where the car could have driven along it since: a car
        # flying across a bend over another stretch of road has not driven that stretch.
        dist = math.hypot(x - points[k, 0], y - points[k, 1])
        if dist <= ON_ROAD_M and k <= left_road[i] + reach:
            left_road[i] = k
        # Off the road, or stuck: barely moving while the driver presses a pedal (the pedals
        # asked for, not as applied: an aid may hold them back). Pauses off the pedals keep
        # the count; moving again clears it.
        pressed = throttle[i] > 0.1 or brake[i] > 0.1
        slow = math.hypot(vx, vy) < STUCK_BELOW_MPS
        stuck_s[i] = stuck_s[i] + (dt if pressed else 0.0) if racing[i] and slow else 0.0
        off_s[i] = off_s[i] + dt if racing[i] and dist > OFF_ROUTE_M else 0.0
        due[i] = off_s[i] >= OFF_ROUTE_AFTER_S or stuck_s[i] >= STUCK_AFTER_S
