"""The crash model (issue 14): restitution by wall material, no rebound of more than a car
length head-on, scraping friction along a wall, and no car left stuck against a wall."""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np

from millegame.core import Controls, Race
from millegame.core.car import CarState
from millegame.core.collision import CRUSH_FROM_MPS, RESTITUTION_HARD, RESTITUTION_SOFT
from millegame.core.ground import open_ground
from millegame.core.stage import MATERIAL_HARD, MATERIAL_SOFT

WALL_X = 200.0  # every test wall stands across the x axis here
LANE_M = 20.0  # each car drives at its own short wall, this far apart


def crash(surfaces, cars, runs, throttle: float = 0.0, seconds: float = 6.0):
    """Drive one car per run ``(car, heading_deg, speed_kmh, material)`` at a wall of that
    material, coasting (or at ``throttle``), all in one race (cars never interact). Returns,
    per run from the recorded states: the speed towards the wall just before the first
    contact, the fastest speed away from it afterwards [m/s], and how far the car's centre
    went back from where it first touched [m]."""
    n = len(runs)
    ys = LANE_M * (np.arange(n) + 1.0)
    walls = np.array([[WALL_X, y - 0.45 * LANE_M, WALL_X, y + 0.45 * LANE_M] for y in ys])
    stage = dataclasses.replace(
        open_ground(surfaces, width_m=2 * WALL_X, height_m=LANE_M * (n + 1)),
        walls=walls,
        wall_material=np.array([m for *_, m in runs], dtype=np.uint8),
    )
    lineup = [cars[c] for c, *_ in runs]
    length = np.array([c.length_m for c in lineup])
    heading = np.radians([h for _, h, _, _ in runs])
    speed = np.array([v for _, _, v, _ in runs]) / 3.6
    start = CarState.at_rest(WALL_X - length / 2 - 1.5, ys, heading).replace(vx=speed)
    race = Race(stage, lineup, state=start)
    controls = Controls(np.full(n, throttle), np.zeros(n), np.zeros(n), np.zeros(n))
    touch_x = np.full(n, np.nan)
    approach = np.zeros(n)
    rebound = np.zeros(n)
    furthest_back = np.full(n, np.inf)
    for _ in range(round(seconds / race.dt)):
        before = race.state.world_velocity[0]
        race.step(controls)
        s = race.state
        first = np.isnan(touch_x) & (s.contact > 0)
        approach = np.where(first, before, approach)
        touch_x = np.where(first, s.x, touch_x)
        touched = ~np.isnan(touch_x)
        rebound = np.where(touched, np.maximum(rebound, -s.world_velocity[0]), rebound)
        furthest_back = np.where(touched, np.minimum(furthest_back, s.x), furthest_back)
    assert np.all(~np.isnan(touch_x)), "every car reaches its wall"
    return approach, rebound, touch_x - furthest_back, length


def test_restitution_is_at_most_a_fifth_into_hard_and_a_tenth_into_soft_walls(surfaces, cars) -> None:
    runs = list(itertools.product(range(len(cars)), [0.0], [15.0, 30.0, 55.0, 80.0], [MATERIAL_HARD, MATERIAL_SOFT]))
    approach, rebound, _, _ = crash(surfaces, cars, runs)
    e = rebound / approach
    soft = np.array([m == MATERIAL_SOFT for *_, m in runs])
    assert e[~soft].max() <= 0.2 + 1e-9
    assert e[soft].max() <= 0.1 + 1e-9
    # The closed form: square on, the car leaves at restitution × min(approach, crush speed).
    expected = np.where(soft, RESTITUTION_SOFT, RESTITUTION_HARD) * np.minimum(approach, CRUSH_FROM_MPS)
    np.testing.assert_allclose(rebound, expected, rtol=0.02)


def test_head_on_up_to_80_kmh_the_car_never_rebounds_more_than_its_length(surfaces, cars) -> None:
    # Square on and up to 8° off it, coasting (no pedal holds the car back).
    runs = list(
        itertools.product(range(len(cars)), [0.0, 2.0, 5.0, 8.0], [30.0, 55.0, 80.0], [MATERIAL_HARD, MATERIAL_SOFT])
    )
    _, _, back, length = crash(surfaces, cars, runs, seconds=8.0)
    worst = int(np.argmax(back / length))
    assert back[worst] <= length[worst], (runs[worst], back[worst])


def test_a_glancing_hit_scrapes_speed_off_along_the_wall(surfaces, cars) -> None:
    # 30° into the wall at 90 km/h: the car keeps going along the wall, slower.
    runs = [(i, 60.0, 90.0, m) for i in range(len(cars)) for m in (MATERIAL_HARD, MATERIAL_SOFT)]
    n = len(runs)
    ys = LANE_M * 4 * (np.arange(n) + 1.0)
    stage = dataclasses.replace(
        open_ground(surfaces, width_m=2 * WALL_X, height_m=LANE_M * 4 * (n + 2)),
        walls=np.array([[WALL_X, y - 30.0, WALL_X, y + 60.0] for y in ys]),
        wall_material=np.array([m for *_, m in runs], dtype=np.uint8),
    )
    lineup = [cars[c] for c, *_ in runs]
    start = CarState.at_rest(np.full(n, WALL_X - 4.0), ys, np.full(n, np.radians(60.0))).replace(vx=25.0)
    race = Race(stage, lineup, state=start)
    along_before = race.state.world_velocity[1].copy()
    after = np.full(n, np.nan)
    for _ in range(120):
        race.step(Controls.zeros(n))
        ended = np.isnan(after) & (race.state.contact > 0)
        after = np.where(ended, race.state.world_velocity[1], after)
    assert np.all(~np.isnan(after))
    # Friction takes speed along the wall (no more than the wall's grip allows: μ (1 + e) vn).
    lost = along_before - after
    assert np.all(lost > 0.5), lost
    assert np.all(after > 0.0), after


def test_a_car_pressed_into_a_wall_backs_out_with_the_brake(surfaces, cars) -> None:
    runs = [(i, 0.0, 40.0, m) for i in range(len(cars)) for m in (MATERIAL_HARD, MATERIAL_SOFT)]
    n = len(runs)
    ys = LANE_M * (np.arange(n) + 1.0)
    stage = dataclasses.replace(
        open_ground(surfaces, width_m=2 * WALL_X, height_m=LANE_M * (n + 1)),
        walls=np.array([[WALL_X, y - 9.0, WALL_X, y + 9.0] for y in ys]),
        wall_material=np.array([m for *_, m in runs], dtype=np.uint8),
    )
    lineup = [cars[c] for c, *_ in runs]
    length = np.array([c.length_m for c in lineup])
    race = Race(stage, lineup, state=CarState.at_rest(WALL_X - length / 2 - 1.0, ys, np.zeros(n)).replace(vx=11.0))
    for _ in range(240):  # into the wall and held there at full throttle
        race.step(Controls(np.ones(n), np.zeros(n), np.zeros(n), np.zeros(n)))
    assert np.all(race.state.x > WALL_X - length / 2 - 0.5)
    for _ in range(360):  # the brake held: reverse engages and the car backs away
        race.step(Controls(np.zeros(n), np.ones(n), np.zeros(n), np.zeros(n)))
    assert np.all(race.state.x < WALL_X - length / 2 - 3.0)


def test_a_car_that_leaves_the_road_into_an_olive_grove_is_back_on_it_within_10_s() -> None:
    """Scenery never forms a trap: from 18 m off the prologue's climb, among the olive trees and
    pointing away from the road, the keyboard player is back on the road within 10 s — by
    driving, or by the automatic respawn after 4 s off the road."""
    from millegame.api import load_car, load_stage
    from millegame.core.keyboard import KEYBOARD_ASSISTS, KeyboardDriver

    stage = load_stage("prologo")
    route = stage.route
    car = load_car("alfa-6c-1750")
    for k, frac in enumerate((0.5, 0.56, 0.62, 0.68)):
        i = int(frac * (len(route) - 1))
        d = route[i + 1] - route[i]
        t = d / np.hypot(*d)
        side = 1.0 if k % 2 else -1.0
        x, y = route[i] + side * 18.0 * np.array([-t[1], t[0]])
        heading = np.arctan2(d[1], d[0]) + side * np.radians(60)  # turned away from the road
        state = CarState.at_rest(np.array([x]), np.array([y]), np.array([heading])).replace(vx=np.array([12.0]))
        race = Race(stage, [car], rules="corsa", assists=KEYBOARD_ASSISTS, state=state)
        player = KeyboardDriver(race)
        back = False
        for _ in range(120 * 10):
            race.step(player(race))
            if np.min(np.hypot(route[:, 0] - race.state.x[0], route[:, 1] - race.state.y[0])) < 3.0:
                back = True
                break
        assert back, f"still off the road after 10 s from ({x:.0f}, {y:.0f}) m"
