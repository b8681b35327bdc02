"""Checkpoints count when the tick's movement crosses them forwards, in order
(``core.gates.crossed_gates``, the one rule shared by ``Race`` and the RL batch)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from millegame.core import Controls, GatePassed, Race, StageFinished
from millegame.core.car import CarState
from millegame.core.gates import crossed_gates
from millegame.core.geometry import segments_intersect
from millegame.core.ground import open_ground, ring_road

GATES = st.floats(-50.0, 50.0, allow_nan=False)


def rows(p: np.ndarray) -> np.ndarray:
    """State rows (N, columns) with the cars at the points ``p`` (N, 2)."""
    return CarState.at_rest(p[:, 0], p[:, 1], np.zeros(len(p))).data


def crossed_forward(p0: np.ndarray, p1: np.ndarray, a: np.ndarray, b: np.ndarray, f: np.ndarray) -> np.ndarray:
    """Whether each car's movement p0 → p1 crossed its gate a–b (one gate per car) forwards."""
    n = len(p0)
    out = np.empty(n, dtype=np.int64)
    table = np.ascontiguousarray(np.concatenate([a, b, f], axis=1))
    crossed_gates(rows(p0), rows(p1), np.arange(n, dtype=np.int64), table, out)
    return out >= 0


@settings(deadline=None)  # the first example compiles the kernel (or loads it from the cache)
@given(coords=st.lists(GATES, min_size=10, max_size=10))
def test_the_compiled_rule_is_the_geometric_one(coords: list[float]) -> None:
    """Bit for bit the rule Race used in numpy before (so replays keep their gate ticks):
    the segments meet (closed) and the movement goes along the gate's forward vector."""
    p0, p1, a, b, f = (np.array([coords[k : k + 2]]) for k in range(0, 10, 2))
    expected = segments_intersect(p0, p1, a, b) & (((p1 - p0) * f).sum(axis=-1) > 0.0)
    assert crossed_forward(p0, p1, a, b, f)[0] == expected[0]


def test_only_the_next_gate_counts_and_a_finished_car_crosses_nothing() -> None:
    a, b, f = gate_x(100.0)
    table = np.ascontiguousarray(np.concatenate([a, b, f], axis=1))
    p0, p1 = rows(np.array([[80.0, 0.0]] * 3)), rows(np.array([[130.0, 0.0]] * 3))
    out = np.empty(3, dtype=np.int64)
    # next gate 0 (this one), 1 (past the last gate: finished), -1 (invalid)
    assert crossed_gates(p0, p1, np.array([0, 1, -1]), table, out) == 1
    assert out.tolist() == [0, -1, -1]


def gate_x(x: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return np.array([[x, -5.0]]), np.array([[x, 5.0]]), np.array([[1.0, 0.0]])


def test_a_50_metre_jump_in_one_tick_still_crosses() -> None:
    a, b, f = gate_x(100.0)
    assert crossed_forward(np.array([[80.0, 0.0]]), np.array([[130.0, 0.0]]), a, b, f)[0]


def test_a_reverse_crossing_does_not_count() -> None:
    a, b, f = gate_x(100.0)
    assert not crossed_forward(np.array([[130.0, 0.0]]), np.array([[80.0, 0.0]]), a, b, f)[0]


def test_passing_beside_the_gate_does_not_count() -> None:
    a, b, f = gate_x(100.0)
    assert not crossed_forward(np.array([[80.0, 8.0]]), np.array([[130.0, 8.0]]), a, b, f)[0]


@settings(deadline=None)
@given(
    x0=st.floats(0.0, 99.9),
    x1=st.floats(100.1, 400.0),
    y=st.floats(-4.9, 4.9),
)
def test_any_forward_move_across_the_gate_counts(x0: float, x1: float, y: float) -> None:
    a, b, f = gate_x(100.0)
    assert crossed_forward(np.array([[x0, y]]), np.array([[x1, y]]), a, b, f)[0]
    assert not crossed_forward(np.array([[x1, y]]), np.array([[x0, y]]), a, b, f)[0]


def test_a_car_at_90_mps_in_one_tick_passes_the_finish(surfaces, slr) -> None:
    stage = open_ground(surfaces)
    fx = stage.finish.a[0]
    # Place the car 0.3 m before the finish, already at top speed: one tick moves it 0.75 m.
    state = CarState.at_rest(np.array([fx - 0.3]), np.array([stage.start_xy[1]]), np.array([0.0]))
    state = state.replace(vx=np.array([90.0]))
    race = Race(stage, [slr], state=state)
    events = race.step(Controls.single(throttle=1.0))
    assert any(isinstance(e, StageFinished) for e in events)
    assert race.finish_tick[0] == 1


def test_checkpoints_count_in_order_and_the_finish_needs_all_of_them(surfaces, slr) -> None:
    stage = ring_road(surfaces, checkpoints=3)
    race = Race(stage, [slr])
    # Teleport the car across the finish first: it must not count (checkpoints missing).
    fin = stage.finish
    mid = (np.array(fin.a) + np.array(fin.b)) / 2
    fwd = np.array(fin.forward)
    before, after = mid - 2 * fwd, mid + 2 * fwd
    race.state = race.state.replace(x=np.array([after[0]]), y=np.array([after[1]]))
    race.prev_state = race.state
    race._check_gates(
        race.state.replace(x=np.array([before[0]]), y=np.array([before[1]])),
        race.state,
    )
    assert not race.finished[0]
    assert race.next_gate[0] == 0


def test_events_report_every_checkpoint_then_the_finish(surfaces, cars) -> None:
    from millegame.core.autopilot import Autopilot

    stage = ring_road(surfaces, checkpoints=3)
    race = Race(stage, [cars[0]])
    pilot = Autopilot(stage, race.params)
    seen: list[object] = []
    while not race.all_finished and race.tick < 120 * 200:
        seen.extend(e for e in race.step(pilot.controls(race)) if isinstance(e, GatePassed | StageFinished))
    assert [e.index for e in seen if isinstance(e, GatePassed)] == [0, 1, 2]
    assert isinstance(seen[-1], StageFinished)
    finish = seen[-1]
    assert finish.time_s == race.finish_tick[0] * race.dt
    assert list(finish.splits_s) == sorted(finish.splits_s)
    assert finish.splits_s[-1] < finish.time_s
