"""Brakes, assists, gears and steering behave as the car files and issue 3 say."""

from __future__ import annotations

import numpy as np

from millegame import catalog
from millegame.core import Assists, Controls, Race
from millegame.core.car import CarState
from millegame.core.ground import open_ground


def stop_from(race: Race, speed: float) -> tuple[float, bool]:
    """Full brake from ``speed`` [m/s]: distance [m] and whether a wheel locked."""
    x0 = race.state.x[0]
    race.state = race.state.replace(vx=speed, vy=0.0, yaw_rate=0.0)
    locked = False
    while race.state.vx[0] > 0:
        race.step(Controls.single(brake=1.0))
        locked |= bool(race.state.lock_front[0] or race.state.lock_rear[0])
    return race.state.x[0] - x0, locked


def test_abs_prevents_locking_and_switching_it_off_locks_the_wheels(surfaces) -> None:
    stage = open_ground(surfaces, surface="wet_asphalt")
    huracan = catalog.load_car("lamborghini-huracan")
    with_abs = Race(stage, [huracan])
    without = Race(stage, [huracan], assists=Assists(abs=False))
    d_abs, locked_abs = stop_from(with_abs, 30.0)
    d_locked, locked = stop_from(without, 30.0)
    assert not locked_abs and locked
    assert d_abs < d_locked


def test_traction_control_stops_wheelspin(surfaces) -> None:
    stage = open_ground(surfaces, surface="gravel")
    car = catalog.load_car("porsche-911-992")
    for assists, expect_spin in ((Assists(), False), (Assists(tcs=False), True)):
        race = Race(stage, [car], assists=assists)
        spun = False
        for _ in range(240):
            race.step(Controls.single(throttle=1.0))
            spun |= bool(race.state.spin[0])
        assert spun == expect_spin


def test_drum_brakes_fade_when_hot_and_recover_when_cool(surfaces) -> None:
    stage = open_ground(surfaces, width_m=20000.0, cell_m=40.0)
    car = catalog.load_car("jaguar-xk120")
    race = Race(stage, [car])
    cold, _ = stop_from(race, 100 / 3.6)
    for _ in range(8):  # hard stops from 160 km/h, back to back
        stop_from(race, 160 / 3.6)
    assert race.state.brake_temp_front[0] > car.fade_start_c
    hot, _ = stop_from(race, 100 / 3.6)
    assert hot > 1.1 * cold
    race.state = race.state.replace(vx=25.0)
    for _ in range(120 * 120):  # two minutes of cruising
        race.step(Controls.single(throttle=0.3))
    recovered, _ = stop_from(race, 100 / 3.6)
    assert recovered < 1.03 * cold


def test_the_handbrake_locks_the_rear_and_turns_the_car(surfaces, slr) -> None:
    stage = open_ground(surfaces, width_m=2000, height_m=2000)
    race = Race(stage, [slr], state=CarState.at_rest(np.array([500.0]), np.array([1000.0]), np.array([0.0])))
    race.state = race.state.replace(vx=20.0)
    for _ in range(60):
        race.step(Controls.single(steer=0.5, handbrake=1.0))
        assert race.state.lock_rear[0] == 1.0
    assert abs(race.state.vy[0]) > 2.0  # the tail slides out


def test_without_steering_assist_analogue_input_passes_straight_through(surfaces, slr) -> None:
    stage = open_ground(surfaces)
    race = Race(stage, [slr], assists=Assists(steering=False))
    race.state = race.state.replace(vx=60.0)
    race.step(Controls.single(steer=0.37))
    assert race.state.steer[0] == 0.37 * slr.max_steer_rad
    assisted = Race(stage, [slr])
    assisted.state = assisted.state.replace(vx=60.0)
    for _ in range(120):
        assisted.step(Controls.single(steer=1.0))
    assert assisted.state.steer[0] < 0.2 * slr.max_steer_rad  # full lock at 216 km/h asks for far less


def test_manual_gears_shift_only_when_asked(surfaces, slr) -> None:
    stage = open_ground(surfaces)
    race = Race(stage, [slr], assists=Assists(manual_gears=True))
    for _ in range(120 * 6):
        race.step(Controls.single(throttle=1.0))
    assert race.state.gear[0] == 1
    assert race.state.rpm[0] >= 0.99 * slr.redline_rpm  # on the limiter
    race.step(Controls.single(throttle=1.0, shift=1.0))
    assert race.state.gear[0] == 2
    automatic = Race(stage, [slr])
    for _ in range(120 * 10):
        automatic.step(Controls.single(throttle=1.0))
    assert automatic.state.gear[0] >= 3
