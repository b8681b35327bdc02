"""Physics under adversarial controls: the step sanitises them at its boundary, and random
short episodes never produce a NaN or a car off the map.

- ``Race.step`` with NaN, ±inf, huge and out-of-range controls gives bit for bit the
  state it gives with ``Controls.clean()`` of them (the documented sanitising: NaN → 0,
  clipped, inf → the bound, shift → −1, 0 or +1).
- ``EPISODES`` short episodes (default 100,000: 8 stages × 12,500 cars in one Race each,
  ``EPISODE_TICKS`` ticks = 1 s, ~15 s here): every car of every shipped car type starts at a random
  pose anywhere on the map (grass, walls, water), at a random speed up to 70 m/s, and
  drives random controls that change every few ticks, one in ten of them NaN or ±inf.
  Every tick, every state value is finite and every car is inside the map.
  ``MILLEGAME_PHYSICS_EPISODES`` and ``MILLEGAME_PHYSICS_EPISODE_TICKS`` change the
  campaign (docs/reliability.md has the figures of the longer ones run by hand).
"""

from __future__ import annotations

import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from millegame import catalog
from millegame.core.car import STATE_COLUMNS, CarState, Controls
from millegame.core.race import Race
from millegame.levels import load_stage

EPISODES = int(os.environ.get("MILLEGAME_PHYSICS_EPISODES", "100000"))
EPISODE_TICKS = int(os.environ.get("MILLEGAME_PHYSICS_EPISODE_TICKS", "120"))  # 1 s at 120 Hz
HOLD_TICKS = 10  # random controls are held this long, so that cars keep their speed and slide
S = {name: i for i, name in enumerate(STATE_COLUMNS)}

ADVERSARIAL = [np.nan, np.inf, -np.inf, 1e308, -1e308, 2.0, -2.0, 1e-320, -0.0, 0.5, 1.0, -1.0, 0.0]
adversarial = st.one_of(st.sampled_from(ADVERSARIAL), st.floats(allow_nan=True, allow_infinity=True))


@pytest.fixture(scope="module")
def prologo():
    return load_stage(catalog.resolve_stage("prologo"))


def controls_of(values: list[list[float]]) -> Controls:
    a = np.array(values, dtype=np.float64).reshape(-1, 5)
    return Controls(a[:, 0], a[:, 1], a[:, 2], a[:, 3], a[:, 4])


@settings(max_examples=40, deadline=None)
@given(ticks=st.lists(st.lists(st.lists(adversarial, min_size=5, max_size=5), min_size=3, max_size=3), min_size=1,
                      max_size=6))  # fmt: skip
def test_adversarial_controls_are_sanitised_at_the_boundary(prologo, ticks: list[list[list[float]]]) -> None:
    cars = list(catalog.load_cars())[:3]
    raw, clean = Race(prologo, cars, spacing_m=8.0), Race(prologo, cars, spacing_m=8.0)
    for values in ticks:
        c = controls_of(values)
        raw.step(c)
        clean.step(c.clean())
        assert np.isfinite(raw.state.data).all()
        assert np.array_equal(raw.state.data, clean.state.data)


def test_clean_maps_every_bad_value_into_range() -> None:
    bad = np.array(ADVERSARIAL)
    c = Controls(bad, bad, bad, bad, bad).clean()
    for name, lo in (("throttle", 0.0), ("brake", 0.0), ("steer", -1.0), ("handbrake", 0.0), ("shift", -1.0)):
        v = getattr(c, name)
        assert np.isfinite(v).all() and (v >= lo).all() and (v <= 1.0).all(), name
    assert c.throttle[0] == 0.0 and c.steer[0] == 0.0  # NaN → 0, not a bound


def random_starts(stage, n: int, rng: np.random.Generator) -> CarState:
    """Anywhere on the map (2 m from the edges), any heading, moving at up to 70 m/s."""
    x = rng.uniform(2.0, stage.width_m - 2.0, n)
    y = rng.uniform(2.0, stage.height_m - 2.0, n)
    state = CarState.at_rest(x, y, rng.uniform(-np.pi, np.pi, n))
    data = state.data.copy()
    data[:, S["vx"]] = rng.uniform(-10.0, 70.0, n)
    data[:, S["vy"]] = rng.uniform(-5.0, 5.0, n)
    data[:, S["yaw_rate"]] = rng.uniform(-2.0, 2.0, n)
    return CarState(data)


def random_controls(n: int, rng: np.random.Generator) -> Controls:
    a = rng.uniform(-0.2, 1.2, (n, 5))
    a[:, 0] = np.where(rng.random(n) < 0.7, 1.0, a[:, 0])  # mostly flat out: speed, slides, wall hits
    a[:, 2] = rng.uniform(-1.5, 1.5, n)
    a[:, 4] = rng.choice([-1.0, 0.0, 0.0, 0.0, 1.0], n)
    bad = rng.random((n, 5)) < 0.02  # one control in ten per car (5 × 2 %) is NaN or ±inf
    a[bad] = rng.choice([np.nan, np.inf, -np.inf], int(bad.sum()))
    return Controls(a[:, 0], a[:, 1], a[:, 2], a[:, 3], a[:, 4])


def run_episodes(stage, cars, n: int, seed: int) -> int:
    """``n`` episodes on ``stage`` as one race of ``n`` cars; returns car-ticks checked."""
    rng = np.random.default_rng(seed)
    lineup = [cars[i % len(cars)] for i in range(n)]
    race = Race(stage, lineup, state=random_starts(stage, n, rng))
    for tick in range(EPISODE_TICKS):
        if tick % HOLD_TICKS == 0:
            controls = random_controls(n, rng)
        race.step(controls)
        data = race.state.data
        finite = np.isfinite(data).all(axis=1)
        inside = (data[:, S["x"]] >= 0) & (data[:, S["x"]] <= stage.width_m)
        inside &= (data[:, S["y"]] >= 0) & (data[:, S["y"]] <= stage.height_m)
        if not (finite.all() and inside.all()):
            car = int(np.flatnonzero(~(finite & inside))[0])
            start = random_starts(stage, n, np.random.default_rng(seed)).data[car]
            what = "not finite" if not finite[car] else "off the map"
            state = dict(zip(STATE_COLUMNS, data[car].tolist(), strict=True))
            pytest.fail(
                f"{stage.id}, seed {seed}, car {car} ({lineup[car].id}) on tick {race.tick}: {what} — state {state}, "
                f"started at x {start[S['x']]:.2f} y {start[S['y']]:.2f} m, heading {start[S['heading']]:.3f}"
            )
    return n * EPISODE_TICKS


def test_random_episodes_stay_finite_and_on_the_map() -> None:
    stages = [load_stage(s.path) for s in catalog.list_stages()]
    cars = list(catalog.load_cars())
    per_stage = -(-EPISODES // len(stages))
    checked = sum(run_episodes(stage, cars, per_stage, seed=k) for k, stage in enumerate(stages))
    assert checked >= EPISODES * EPISODE_TICKS
