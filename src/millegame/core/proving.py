"""The proving ground: measure a car as a magazine road test would, headless.

Every figure comes from driving the physics model, never from the car file's targets:
- 0–100 and 0–200 km/h from rest, full throttle, on dry asphalt (and 0–100 on gravel);
- top speed: full throttle until the speed stops rising;
- 100–0 km/h braking distance, full brake in a straight line;
- maximum steady-state lateral acceleration on a constant-radius skidpad;
- top speed on grass (the highest within GRASS_RUN_S of full throttle from rest): off the road.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from millegame.core.car import CarParams, CarState, Controls, G
from millegame.core.ground import open_ground
from millegame.core.race import Race
from millegame.core.surfaces import SurfaceTable

KMH = 1.0 / 3.6
GRASS_RUN_S = 60.0  # the grass top speed is the highest within this long at full throttle from rest


@dataclass(frozen=True)
class RoadTest:
    car: str
    zero_to_100_s: float | None
    zero_to_200_s: float | None
    top_speed_kmh: float
    braking_100_0_m: float
    lateral_g: float
    gravel_zero_to_100_s: float | None
    grass_top_speed_kmh: float

    def to_json(self) -> dict[str, object]:
        return {k: (round(v, 3) if isinstance(v, float) else v) for k, v in self.__dict__.items()}


def accelerate(car: CarParams, surfaces: SurfaceTable, surface: str = "asphalt", max_s: float = 240.0):
    """Full throttle from rest. Returns (times [s], speeds [m/s]) per tick."""
    stage = open_ground(surfaces, width_m=12000.0, height_m=200.0, surface=surface, cell_m=20.0)
    race = Race(stage, [car])
    full = Controls.single(throttle=1.0)
    times, speeds = [0.0], [0.0]
    window = int(3.0 / race.dt)
    while race.tick * race.dt < max_s and race.state.x[0] < stage.width_m - 100.0:
        race.step(full)
        times.append(race.time_s)
        speeds.append(float(race.state.vx[0]))
        # Top speed is reached when 3 s of full throttle add less than 0.1 km/h.
        if len(speeds) > window and speeds[-1] - speeds[-1 - window] < 0.1 * KMH:
            break
    return np.array(times), np.array(speeds)


def time_to(times: np.ndarray, speeds: np.ndarray, target_mps: float) -> float | None:
    """First time the speed reaches ``target_mps``, interpolated within the tick."""
    above = np.flatnonzero(speeds >= target_mps)
    if above.size == 0:
        return None
    i = int(above[0])
    if i == 0:
        return 0.0
    frac = (target_mps - speeds[i - 1]) / (speeds[i] - speeds[i - 1])
    return float(times[i - 1] + frac * (times[i] - times[i - 1]))


def braking_distance(car: CarParams, surfaces: SurfaceTable, from_kmh: float = 100.0) -> float:
    stage = open_ground(surfaces, width_m=1000.0, height_m=200.0, cell_m=20.0)
    state = CarState.at_rest(np.array([50.0]), np.array([100.0]), np.array([0.0]))
    race = Race(stage, [car], state=state.replace(vx=np.array([from_kmh * KMH])))
    brake = Controls.single(brake=1.0)
    while race.state.vx[0] > 0.0 and race.tick < 120 * 30:
        race.step(brake)
    return float(race.state.x[0] - 50.0)


def skidpad_lateral_g(car: CarParams, surfaces: SurfaceTable) -> float:
    """Highest steady-state lateral acceleration [g] at constant speed.

    Like a skidpad session: at each of several speeds the car is held at constant speed
    with a fixed steering input, for many inputs at once (one vectorised race); a run counts
    when after 5 s its yaw rate and speed are steady, i.e. the car circles on a constant
    radius without sliding away. The best such run's v·yaw_rate is the car's grip.
    """
    speeds = np.array([10.0, 14.0, 18.0, 23.0, 28.0, 34.0])
    steers = np.linspace(0.04, 1.0, 25)
    v = np.repeat(speeds, steers.size)
    steer = np.tile(steers, speeds.size)
    n = v.size
    stage = open_ground(surfaces, width_m=4000.0, height_m=4000.0, cell_m=40.0)
    start = CarState.at_rest(np.full(n, 2000.0), np.full(n, 2000.0), np.zeros(n)).replace(vx=v)
    race = Race(stage, [car] * n, state=start)
    settle, window = int(4.0 / race.dt), int(1.0 / race.dt)
    yaw = np.zeros((window, n))
    speed = np.zeros((window, n))
    for tick in range(settle + window):
        err = v - race.state.vx
        race.step(Controls(np.clip(0.5 * err + 0.2, 0, 1), np.clip(-0.3 * err, 0, 1), steer, np.zeros(n)))
        if tick >= settle:
            yaw[tick - settle] = race.state.yaw_rate
            speed[tick - settle] = race.state.vx
    mean_yaw = yaw.mean(axis=0)
    steady = (
        (np.abs(speed - v).max(axis=0) < 0.03 * v)
        & (yaw.std(axis=0) < 0.02 * np.abs(mean_yaw) + 1e-3)
        & (np.abs(race.state.vy) < 0.25 * v)
    )
    lateral = np.where(steady, v * np.abs(mean_yaw), 0.0)
    return float(lateral.max() / G)


def road_test(car: CarParams, surfaces: SurfaceTable) -> RoadTest:
    t, v = accelerate(car, surfaces)
    tg, vg = accelerate(car, surfaces, surface="gravel", max_s=60.0)
    _, v_grass = accelerate(car, surfaces, surface="grass", max_s=GRASS_RUN_S)
    return RoadTest(
        car=car.id,
        zero_to_100_s=time_to(t, v, 100 * KMH),
        zero_to_200_s=time_to(t, v, 200 * KMH),
        top_speed_kmh=float(v.max() / KMH),
        braking_100_0_m=braking_distance(car, surfaces),
        lateral_g=skidpad_lateral_g(car, surfaces),
        gravel_zero_to_100_s=time_to(tg, vg, 100 * KMH),
        grass_top_speed_kmh=float(v_grass.max() / KMH),
    )
