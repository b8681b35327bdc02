"""First-model physics invariants: no mutation, no creep, batch = single, walls hold."""

from __future__ import annotations

import dataclasses

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from millegame.core import Controls, Race
from millegame.core.car import CarArrays, CarState
from millegame.core.collision import CollisionWorld
from millegame.core.ground import open_ground
from millegame.core.physics import step_cars


def copy_state(s: CarState) -> CarState:
    return CarState(**{f.name: getattr(s, f.name).copy() for f in dataclasses.fields(s)})


def test_step_never_mutates_its_inputs(surfaces, cars) -> None:
    stage = open_ground(surfaces)
    params = CarArrays.stack(cars)
    n = len(cars)
    state = CarState.at_rest(np.linspace(50, 300, n), np.full(n, 200.0), np.zeros(n)).replace(vx=np.full(n, 20.0))
    controls = Controls(np.full(n, 0.7), np.zeros(n), np.linspace(-1, 1, n), np.zeros(n))
    before_s, before_c = copy_state(state), dataclasses.replace(controls)
    before_c = Controls(*(a.copy() for a in dataclasses.astuple(controls)))
    step_cars(state, controls, params, stage, CollisionWorld.of(stage), 1 / 120)
    for f in dataclasses.fields(state):
        np.testing.assert_array_equal(getattr(state, f.name), getattr(before_s, f.name))
    for a, b in zip(dataclasses.astuple(controls), dataclasses.astuple(before_c), strict=True):
        np.testing.assert_array_equal(a, b)


def test_a_car_at_rest_stays_exactly_at_rest(surfaces, cars) -> None:
    stage = open_ground(surfaces)
    for car in cars:
        race = Race(stage, [car])
        for _ in range(240):
            race.step(Controls.single(steer=1.0))
        assert race.state.x[0] == stage.start_xy[0]
        assert race.state.y[0] == stage.start_xy[1]
        assert race.state.speed_mps[0] == 0.0


def test_braking_to_rest_at_full_lock_never_flips_velocity(surfaces, slr) -> None:
    stage = open_ground(surfaces)
    race = Race(stage, [slr])
    race.state = race.state.replace(vx=np.array([15.0]))
    ticks_at_rest = 0
    for _ in range(120 * 4):
        race.step(Controls.single(brake=1.0, steer=1.0))
        s = race.state
        assert np.all(np.isfinite([s.x[0], s.y[0], s.heading[0]]))
        if s.gear[0] > 0:  # holding the brake at rest engages reverse later, on purpose
            assert s.vx[0] >= 0.0
            ticks_at_rest += s.vx[0] == 0.0 and s.vy[0] == 0.0 and s.yaw_rate[0] == 0.0
    assert ticks_at_rest >= 20  # it came exactly to rest before reverse engaged


def test_n_cars_stepped_together_equal_n_single_runs_bit_for_bit(surfaces, cars) -> None:
    stage = open_ground(surfaces)
    n = len(cars)
    xs, ys = np.full(n, 40.0), np.linspace(100, 300, n)
    together = Race(stage, list(cars), state=CarState.at_rest(xs, ys, np.zeros(n)))
    singles = [
        Race(stage, [c], state=CarState.at_rest(xs[i : i + 1], ys[i : i + 1], np.zeros(1))) for i, c in enumerate(cars)
    ]
    rng = np.random.default_rng(7)
    for _ in range(600):
        c = Controls(rng.random(n), rng.random(n) * 0.2, rng.uniform(-1, 1, n), np.zeros(n))
        together.step(c)
        for i, race in enumerate(singles):
            race.step(Controls(*(a[i : i + 1] for a in dataclasses.astuple(c))))
    for i, race in enumerate(singles):
        for f in dataclasses.fields(CarState):
            assert getattr(together.state, f.name)[i] == getattr(race.state, f.name)[0], f.name


@settings(max_examples=30, deadline=None)
@given(
    controls=st.lists(
        st.tuples(
            st.floats(allow_nan=True, allow_infinity=True),
            st.floats(allow_nan=True, allow_infinity=True),
            st.floats(allow_nan=True, allow_infinity=True),
            st.floats(allow_nan=True, allow_infinity=True),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_any_controls_keep_the_state_finite(surfaces, slr, controls) -> None:
    stage = open_ground(surfaces, width_m=400, height_m=400)
    race = Race(stage, [slr])
    race.state = race.state.replace(vx=np.array([30.0]), x=np.array([200.0]))
    for throttle, brake, steer, hand in controls:
        for _ in range(10):
            race.step(Controls.single(throttle, brake, steer, hand))
    for f in dataclasses.fields(CarState):
        assert np.all(np.isfinite(getattr(race.state, f.name))), f.name


def test_driving_straight_at_a_wall_at_top_speed_never_ends_beyond_it(surfaces, cars) -> None:
    stage = open_ground(surfaces, width_m=600, height_m=200)
    wall_x = 300.0
    walls = np.array([[wall_x, 0.0, wall_x, 200.0]])
    stage = dataclasses.replace(stage, walls=walls)
    for car in cars:
        for speed in (10.0, 50.0, car.top_speed_kmh / 3.6):
            state = CarState.at_rest(np.array([280.0]), np.array([100.0]), np.array([0.0]))
            race = Race(stage, [car], state=state.replace(vx=np.array([speed])))
            hit = 0.0
            for _ in range(240):
                for e in race.step(Controls.single(throttle=1.0)):
                    hit = max(hit, e.impact_speed_mps)
                assert race.state.x[0] + car.length_m / 2 <= wall_x + 1e-6  # the nose stops at the wall
            assert hit > 0.8 * speed


def test_reverse_engages_after_holding_the_brake_at_rest(surfaces, slr) -> None:
    stage = open_ground(surfaces)
    race = Race(stage, [slr])
    for _ in range(240):
        race.step(Controls.single(brake=1.0))
    assert race.state.gear[0] == -1
    assert race.state.vx[0] < -0.5
    for _ in range(240):
        race.step(Controls.single(throttle=1.0))
    assert race.state.gear[0] >= 1
