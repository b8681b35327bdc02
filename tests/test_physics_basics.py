"""Physics invariants (issue 3): no mutation, batch = single, mirror symmetry, step-size
convergence, no NaN under any input, walls hold at any speed, coasting, low speed."""

from __future__ import annotations

import dataclasses

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from millegame.core import Controls, Race
from millegame.core.car import AIR_DENSITY, CarArrays, CarState, G
from millegame.core.collision import CollisionWorld
from millegame.core.ground import open_ground
from millegame.core.physics import SUBSTEPS, step_cars


def moving(n: int, x: float = 200.0, y: float = 200.0, vx: float = 20.0) -> CarState:
    return CarState.at_rest(np.full(n, x), np.full(n, y), np.zeros(n)).replace(vx=vx)


def test_step_never_mutates_its_inputs(surfaces, cars) -> None:
    stage = open_ground(surfaces)
    params = CarArrays.stack(cars)
    n = len(cars)
    state = moving(n)
    controls = Controls(np.full(n, 0.7), np.full(n, 0.2), np.linspace(-1, 1, n), np.zeros(n), np.ones(n))
    before_state = state.data.copy()
    before_controls = [a.copy() for a in controls.arrays()]
    before_params = params.table.copy()
    step_cars(state, controls, params, stage, CollisionWorld.of(stage), 1 / 120)
    np.testing.assert_array_equal(state.data, before_state)
    for a, b in zip(controls.arrays(), before_controls, strict=True):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(params.table, before_params)


def test_a_car_at_rest_stays_exactly_at_rest(surfaces, cars) -> None:
    stage = open_ground(surfaces)
    race = Race(stage, list(cars), state=CarState.at_rest(np.full(7, 50.0), np.linspace(100, 300, 7), np.zeros(7)))
    for _ in range(240):
        race.step(Controls(np.zeros(7), np.zeros(7), np.ones(7), np.zeros(7)))
    np.testing.assert_array_equal(race.state.x, 50.0)
    np.testing.assert_array_equal(race.state.speed_mps, 0.0)


def test_braking_to_rest_at_full_lock_never_flips_velocity(surfaces, cars) -> None:
    stage = open_ground(surfaces)
    for car in cars:
        race = Race(stage, [car], state=moving(1, vx=15.0))
        ticks_at_rest = 0
        for _ in range(120 * 4):
            race.step(Controls.single(brake=1.0, steer=1.0))
            s = race.state
            assert np.all(np.isfinite(s.data))
            if s.gear[0] > 0:  # holding the brake at rest engages reverse later, on purpose
                assert s.vx[0] >= 0.0, car.id
                ticks_at_rest += s.vx[0] == 0.0 and s.vy[0] == 0.0 and s.yaw_rate[0] == 0.0
        assert ticks_at_rest >= 20, car.id  # it came exactly to rest before reverse engaged


def test_n_cars_stepped_together_equal_n_single_runs_bit_for_bit(surfaces, cars) -> None:
    stage = open_ground(surfaces)
    n = len(cars)
    start = CarState.at_rest(np.full(n, 40.0), np.linspace(100, 300, n), np.zeros(n))
    together = Race(stage, list(cars), state=start)
    singles = [Race(stage, [c], state=start.select(i)) for i, c in enumerate(cars)]
    rng = np.random.default_rng(7)
    for _ in range(600):
        c = Controls(rng.random(n), rng.random(n) * 0.3, rng.uniform(-1, 1, n), (rng.random(n) < 0.05) * 1.0)
        together.step(c)
        for i, race in enumerate(singles):
            race.step(c.select(i))
    for i, race in enumerate(singles):
        np.testing.assert_array_equal(together.state.data[i], race.state.data[0])


def test_steering_left_mirrors_steering_right(surfaces, cars) -> None:
    stage = open_ground(surfaces, width_m=2000, height_m=2000)
    y0 = 1000.0
    for car in cars:
        right = Race(stage, [car], state=moving(1, x=500.0, y=y0, vx=0.0))
        left = Race(stage, [car], state=moving(1, x=500.0, y=y0, vx=0.0))
        for k in range(900):
            steer = 0.6 if (k // 200) % 2 == 0 else -0.3
            right.step(Controls.single(throttle=0.8, steer=steer, brake=0.3 * (k % 300 > 250)))
            left.step(Controls.single(throttle=0.8, steer=-steer, brake=0.3 * (k % 300 > 250)))
        r, mirrored = right.state, left.state
        assert np.hypot(r.x[0] - 500.0, r.y[0] - y0) > 20.0 and abs(r.y[0] - y0) > 5.0  # it went somewhere, and turned
        np.testing.assert_allclose(r.x, mirrored.x, rtol=0, atol=1e-9)
        np.testing.assert_allclose(r.y - y0, -(mirrored.y - y0), rtol=0, atol=1e-9)
        np.testing.assert_allclose(r.heading, -mirrored.heading, rtol=0, atol=1e-12)
        np.testing.assert_allclose(r.vy, -mirrored.vy, rtol=0, atol=1e-9)


def run_manoeuvre(car, surfaces, substeps: int) -> np.ndarray:
    """Accelerate, brake hard and corner (the classics spin) on a 1-s schedule; return
    distance x, y [m], speed [m/s] and heading [rad] every quarter second, shape (56, 4)."""
    stage = open_ground(surfaces, width_m=3000, height_m=3000)
    params = CarArrays.stack([car])
    world = CollisionWorld.of(stage)
    state = moving(1, x=300.0, y=1500.0, vx=0.0)
    samples = []
    for k in range(120 * 14):
        t = k / 120
        c = Controls.single(
            throttle=1.0 if t < 7 or t > 10 else 0.0,
            brake=1.0 if 7 <= t < 9 else 0.0,
            steer=0.5 if 10 <= t < 12 else 0.0,
        )
        state, _ = step_cars(state, c, params, stage, world, 1 / 120, substeps=substeps)
        if (k + 1) % 30 == 0:
            samples.append((state.x[0] - 300.0, state.y[0] - 1500.0, state.speed_mps[0], state.heading[0]))
    return np.array(samples)


def test_halving_the_physics_step_moves_results_less_than_two_percent(surfaces, cars) -> None:
    """The whole run, not only its end: positions against the distance covered, speed
    against the top speed reached, heading against half a turn."""
    for car in cars:
        coarse = run_manoeuvre(car, surfaces, substeps=SUBSTEPS)
        fine = run_manoeuvre(car, surfaces, substeps=2 * SUBSTEPS)
        distance = np.hypot(coarse[:, 0], coarse[:, 1]).max()
        top = coarse[:, 2].max()
        turn = np.abs((coarse[:, 3] - fine[:, 3] + np.pi) % (2 * np.pi) - np.pi)
        assert distance > 100.0 and top > 15.0  # the run went somewhere
        assert np.abs(coarse[:, :2] - fine[:, :2]).max() <= 0.02 * distance, car.id
        assert np.abs(coarse[:, 2] - fine[:, 2]).max() <= 0.02 * top, car.id
        assert turn.max() <= 0.02 * np.pi, car.id


@settings(max_examples=40, deadline=None)
@given(
    controls=st.lists(
        st.tuples(*(st.floats(allow_nan=True, allow_infinity=True) for _ in range(5))),
        min_size=1,
        max_size=30,
    ),
    speed=st.floats(-10.0, 95.0),
)
def test_any_controls_keep_the_state_finite(surfaces, cars, controls, speed) -> None:
    stage = open_ground(surfaces, width_m=600, height_m=600)
    n = len(cars)
    race = Race(stage, list(cars), state=moving(n, x=300.0, y=300.0, vx=speed))
    for values in controls:
        arrays = [np.full(n, v) for v in values]
        for _ in range(8):
            race.step(Controls(*arrays))
    assert np.all(np.isfinite(race.state.data))
    assert np.all((race.state.x >= 0) & (race.state.x <= 600) & (race.state.y >= 0) & (race.state.y <= 600))


def test_driving_straight_at_a_wall_at_any_speed_never_ends_beyond_it(surfaces, cars) -> None:
    stage = open_ground(surfaces, width_m=600, height_m=200)
    wall_x = 300.0
    stage = dataclasses.replace(stage, walls=np.array([[wall_x, 0.0, wall_x, 200.0]]))
    for car in cars:
        for speed in (5.0, 30.0, car.top_speed_kmh / 3.6):
            for heading in (0.0, 0.3):
                state = CarState.at_rest(np.array([285.0]), np.array([100.0]), np.array([heading])).replace(vx=speed)
                race = Race(stage, [car], state=state)
                hit = 0.0
                for _ in range(240):
                    for e in race.step(Controls.single(throttle=1.0)):
                        hit = max(hit, e.impact_speed_mps)
                    s = race.state
                    # The rectangle's corners stay on the near side of the wall.
                    c, sn = np.cos(s.heading[0]), np.sin(s.heading[0])
                    for bx in (-car.length_m / 2, car.length_m / 2):
                        for by in (-car.width_m / 2, car.width_m / 2):
                            assert s.x[0] + bx * c - by * sn <= wall_x + 1e-6
                assert hit > 0.7 * speed * np.cos(heading), (car.id, speed, hit)


def test_a_coasting_car_slows_only_by_drag_and_rolling_resistance(surfaces, cars) -> None:
    stage = open_ground(surfaces)
    crr = surfaces.surfaces[surfaces.index("asphalt")].rolling_resistance
    for car in cars:
        v0 = 40.0
        race = Race(stage, [car], state=moving(1, x=100.0, vx=v0))
        dt = race.dt
        for _ in range(120):
            race.step(Controls.zeros(1))
        # Integrate m dv/dt = -(½ρ CdA v² + Crr·(m g + ½ρ ClA v²)) alongside, finely.
        v = v0
        for _ in range(120 * 20):
            down = 0.5 * AIR_DENSITY * car.cla_m2 * v * v
            v -= dt / 20 * (0.5 * AIR_DENSITY * car.cda_m2 * v * v + crr * (car.mass_kg * G + down)) / car.mass_kg
        assert race.state.vx[0] < v0
        assert abs(race.state.vx[0] - v) < 0.01, (car.id, race.state.vx[0], v)


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


def test_the_threaded_kernel_for_large_fields_equals_single_runs(surfaces, cars) -> None:
    from millegame.core.physics import PARALLEL_FROM_CARS

    stage = open_ground(surfaces)
    n = PARALLEL_FROM_CARS + 44
    start = CarState.at_rest(np.full(n, 40.0), np.linspace(50, 350, n), np.zeros(n))
    field = Race(stage, [cars[i % len(cars)] for i in range(n)], state=start)
    picks = (0, 7, n // 2, n - 1)
    singles = [Race(stage, [cars[i % len(cars)]], state=start.select(i)) for i in picks]
    rng = np.random.default_rng(3)
    for _ in range(200):
        c = Controls(rng.random(n), rng.random(n) * 0.2, rng.uniform(-1, 1, n), np.zeros(n))
        field.step(c)
        for race, i in zip(singles, picks, strict=True):
            race.step(c.select(i))
    for race, i in zip(singles, picks, strict=True):
        np.testing.assert_array_equal(field.state.data[i], race.state.data[0])


def test_any_layout_of_the_inputs_runs_the_one_compiled_kernel(surfaces, cars) -> None:
    """Inputs are made contiguous at the kernel's boundary: controls taken as columns of a
    2-D action matrix (strided views), read-only arrays and a scalar for every car all
    reuse the kernel compiled for plain arrays — numba would otherwise compile a second
    full copy of it (tens of seconds) — and give the same result as plain copies."""
    from millegame.core.physics import _step_kernel

    stage = open_ground(surfaces)
    params = CarArrays.stack(cars[:3])
    world = CollisionWorld.of(stage)
    state = moving(3)
    plain = Controls(np.full(3, 0.8), np.zeros(3), np.array([-0.4, 0.0, 0.4]), np.zeros(3), np.zeros(3))
    expected, _ = step_cars(state, plain, params, stage, world, 1 / 120)
    signatures = len(_step_kernel.signatures)
    actions = np.stack([plain.steer, plain.throttle, plain.brake, plain.handbrake], axis=1)  # (3, 4)
    assert not actions[:, 0].flags.c_contiguous
    frozen = state.data.copy()
    frozen.flags.writeable = False
    brake = plain.brake.copy()
    brake.flags.writeable = False
    strided = Controls(actions[:, 1], brake, actions[:, 0], actions[:, 3], np.float64(0.0))
    got, _ = step_cars(CarState(frozen), strided, params, stage, world, 1 / 120)
    np.testing.assert_array_equal(got.data, expected.data)
    assert len(_step_kernel.signatures) == signatures == 1
