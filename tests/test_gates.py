"""Checkpoints count when the tick's movement crosses them forwards, in order."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from millegame.core import Controls, GatePassed, Race, StageFinished
from millegame.core.car import CarState
from millegame.core.ground import open_ground, ring_road
from millegame.core.race import crossed_forward


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
