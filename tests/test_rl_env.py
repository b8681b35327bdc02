"""The Gymnasium environment millegame/Stage-v0 and its native vector environment."""

from __future__ import annotations

import dataclasses
import json
import math
import subprocess
import sys
from types import SimpleNamespace

import numpy as np
import pytest

gym = pytest.importorskip("gymnasium")  # in [test]; the skip only spares a bare install

import millegame.rl
from millegame import catalog
from millegame.core import Controls, Race
from millegame.core.autopilot import Autopilot
from millegame.core.stage import Gate, Stage
from millegame.rl.config import EnvConfigError, ObservationLayout
from millegame.rl.env import StageEnv
from millegame.rl.vector import StageVectorEnv

CELL_M = 4.0
ROAD_Y = (44.0, 72.0)  # free band between two solid walls [m]
ROUTE_Y = 58.0


def corridor(start_xy: tuple[float, float] = (20.0, 60.0), start_heading: float = 0.0) -> Stage:
    """A 400 m straight between two solid walls 28 m apart; the route runs along y = 58 m,
    finish at x = 300 m."""
    surfaces = catalog.load_surfaces()
    rows, cols = 30, 100
    grid = np.full((rows, cols), surfaces.index("asphalt"), dtype=np.uint8)
    solid = np.ones((rows, cols), dtype=bool)
    solid[int(ROAD_Y[0] / CELL_M) : int(ROAD_Y[1] / CELL_M), :] = False
    return Stage(
        id="corridor", title="Corridor", width_m=cols * CELL_M, height_m=rows * CELL_M, cell_m=CELL_M,
        surface=grid, solid=solid, surfaces=surfaces, walls=np.zeros((0, 4)),
        start_xy=start_xy, start_heading=start_heading, checkpoints=(),
        finish=Gate(a=(300.0, ROAD_Y[0]), b=(300.0, ROAD_Y[1]), forward=(1.0, 0.0), name="finish"),
        route=np.array([[10.0, ROUTE_Y], [390.0, ROUTE_Y]]),
    )  # fmt: skip


def random_actions(seed: int, steps: int, n: int | None = None) -> np.ndarray:
    """Mostly throttle with some steering and braking, so cars move and sometimes hit walls."""
    rng = np.random.default_rng(seed)
    shape = (steps, 3) if n is None else (steps, n, 3)
    a = np.empty(shape, dtype=np.float32)
    a[..., 0] = rng.uniform(-0.3, 0.3, shape[:-1])
    a[..., 1] = rng.uniform(0.5, 1.0, shape[:-1])
    a[..., 2] = rng.uniform(0.0, 0.3, shape[:-1]) * (rng.random(shape[:-1]) < 0.1)
    return a


def pilot_action(pilot: Autopilot, env: StageEnv) -> np.ndarray:
    """The autopilot's controls for the env's car, as an action (steer, throttle, brake)."""
    race_view = SimpleNamespace(state=env.sim.state, dt=env.sim.dt, n=1)  # what Autopilot.controls reads
    c = pilot.controls(race_view)  # type: ignore[arg-type]
    return np.array([c.steer[0], c.throttle[0], c.brake[0]], dtype=np.float32)


def test_the_registered_env_passes_gymnasiums_checker() -> None:
    from gymnasium.utils.env_checker import check_env

    env = gym.make(millegame.rl.ENV_ID, stage="prologo", car="porsche-550", render_mode="rgb_array")
    check_env(env.unwrapped)
    obs, _ = env.reset(seed=3)
    assert obs.shape == env.observation_space.shape == (ObservationLayout.of(env.unwrapped.config).size,)
    frame = env.render()
    assert frame.shape == (256, 256, 3) and frame.dtype == np.uint8
    assert (frame[128, 128] == (220, 30, 30)).all()  # the car is drawn in the middle


def test_a_seeded_reset_gives_identical_trajectories_and_other_seeds_other_starts() -> None:
    def run(seed: int) -> tuple[np.ndarray, np.ndarray, float]:
        env = StageEnv(stage="aquila-rieti", max_time_s=30.0)
        obs, info = env.reset(seed=seed)
        observations, rewards = [obs], []
        for action in random_actions(5, 400):
            obs, reward, terminated, truncated, _ = env.step(action)
            assert env.observation_space.contains(obs)
            observations.append(obs)
            rewards.append(reward)
            assert not (terminated or truncated)
        return np.array(observations), np.array(rewards), info["progress_m"]

    obs_a, rew_a, start_a = run(11)
    obs_b, rew_b, start_b = run(11)
    assert np.array_equal(obs_a, obs_b) and np.array_equal(rew_a, rew_b)
    assert start_a == start_b
    obs_c, _, start_c = run(12)
    assert start_c != start_a and not np.array_equal(obs_a[0], obs_c[0])
    assert np.abs(np.diff(obs_a[:, 0])).max() > 0.0  # the car moved: the comparison compared something


def test_the_vector_env_equals_single_envs_bit_for_bit_through_autoresets() -> None:
    options = dict(stage=corridor(), max_time_s=8.0, action_repeat=4)
    n, steps = 3, 500
    native = StageVectorEnv(num_envs=n, **options)
    reference = gym.vector.SyncVectorEnv([lambda: StageEnv(**options) for _ in range(n)])
    obs_v, _ = native.reset(seed=100)
    obs_r, _ = reference.reset(seed=100)
    assert np.array_equal(obs_v, obs_r)
    ended = {"terminated": 0, "truncated": 0}
    for actions in random_actions(9, steps, n):
        out_v = native.step(actions)
        out_r = reference.step(actions)
        for got, want in zip(out_v[:4], out_r[:4], strict=True):
            assert np.array_equal(got, want)
        assert native.observation_space.contains(out_v[0])
        ended["terminated"] += int(out_v[2].sum())
        ended["truncated"] += int(out_v[3].sum())
    # Both ways an episode ends happened, and the next step autoreset those cars.
    assert ended["terminated"] > 0 and ended["truncated"] > 0


def test_the_threaded_kernels_of_a_large_vector_env_give_the_same_cars() -> None:
    options = dict(stage=corridor(), max_time_s=4.0)
    big = StageVectorEnv(num_envs=300, **options)  # ≥ 256 cars: physics and env kernels run threaded
    small = StageVectorEnv(num_envs=3, **options)
    obs_big, _ = big.reset(seed=7)
    obs_small, _ = small.reset(seed=7)
    assert np.array_equal(obs_big[:3], obs_small)
    actions = random_actions(2, 120, 300)
    for a in actions:
        out_big, out_small = big.step(a), small.step(a[:3])
        for got, want in zip(out_big[:4], out_small[:4], strict=True):
            assert np.array_equal(got[:3], want)


def test_rays_look_ahead_and_route_offset_measure_the_stage() -> None:
    env = StageEnv(stage=corridor(start_xy=(20.0, 60.0)), random_start=False, ray_angles_deg=(-90.0, 0.0, 90.0))
    obs, _ = env.reset(seed=0)
    layout = env.sim.layout
    value = dict(zip(layout.names, obs.tolist(), strict=True))
    assert value["route_offset"] == pytest.approx(2.0)  # 2 m right of the route (y down)
    assert value["heading_error"] == pytest.approx(0.0)
    assert value["ray_-90deg"] == pytest.approx(60.0 - ROAD_Y[0])  # left wall
    assert value["ray_+90deg"] == pytest.approx(ROAD_Y[1] - 60.0)  # right wall
    assert value["ray_+0deg"] == pytest.approx(50.0)  # open road: the ray's reach
    assert value["ahead_20m_forward"] == pytest.approx(20.0)
    assert value["ahead_20m_right"] == pytest.approx(-2.0)
    assert value["grip_front"] == value["grip_rear"] == 1.0


def test_a_wall_hit_costs_the_penalty() -> None:
    stage = corridor(start_xy=(20.0, 58.0), start_heading=0.7)  # aimed at the right-hand wall
    penalised = StageEnv(stage=stage, random_start=False)
    free = StageEnv(stage=stage, random_start=False, wall_hit_penalty=0.0, wall_hit_penalty_per_mps=0.0,
                    wall_contact_penalty_per_s=0.0)  # fmt: skip
    penalised.reset(seed=0)
    free.reset(seed=0)
    contact = penalised.sim.layout.names.index("wall_contact")
    diffs, touching = [], []
    for _ in range(360):
        a = np.array([0.0, 1.0, 0.0], dtype=np.float32)
        obs_p, r_p, *_ = penalised.step(a)
        obs_f, r_f, *_ = free.step(a)
        assert np.array_equal(obs_p, obs_f)  # penalties never change the driving
        diffs.append(r_f - r_p)
        touching.append(obs_p[contact] == 1.0)
    diffs_a, touching_a = np.array(diffs), np.array(touching)
    assert touching_a.any()
    first = int(np.argmax(touching_a))
    assert np.all(diffs_a[:first] == 0.0)  # no penalty before the car reaches the wall
    hit = diffs_a[first]
    assert hit > penalised.config.wall_hit_penalty + penalised.config.wall_hit_penalty_per_mps * 1.0
    # While the car scrapes along the wall: the contact penalty per tick, no more.
    per_tick = penalised.config.wall_contact_penalty_per_s / 120
    scraping = touching_a & (np.arange(len(diffs_a)) > first) & (diffs_a < hit / 2)
    assert np.allclose(diffs_a[scraping], per_tick)


def test_driving_the_route_earns_progress_and_finishing_ends_the_episode() -> None:
    env = StageEnv(stage=corridor(start_xy=(20.0, 58.0)), random_start=False, car="porsche-911-992")
    _, info = env.reset(seed=0)
    pilot = Autopilot(env.sim.stage, env.sim.params)
    start_m, total, rewards = info["progress_m"], 0.0, []
    for _ in range(120 * 30):
        _, reward, terminated, truncated, info = env.step(pilot_action(pilot, env))
        rewards.append(reward)
        total += reward
        if terminated or truncated:
            break
    assert terminated and not truncated
    assert info["progress_m"] == pytest.approx(env.sim.finish_s)
    # No walls were hit: the return is exactly the progress reward.
    assert total == pytest.approx(env.config.progress_reward_per_m * (env.sim.finish_s - start_m))
    assert np.mean(np.array(rewards) > 0) > 0.9


def test_an_episode_ends_when_the_games_gates_say_finished() -> None:
    """ "Finished" is the game's rule (``core.gates``), not a distance along the route: a car
    that drives past a checkpoint beside its line has not finished at the finish line; with
    the checkpoint across the road it has, on the step the game's Race finishes too."""

    def drive(checkpoint: Gate) -> tuple[bool, int, int]:
        stage = dataclasses.replace(corridor(start_xy=(20.0, 58.0)), checkpoints=(checkpoint,))
        env = StageEnv(stage=stage, random_start=False, car="porsche-911-992", max_time_s=15.0, action_repeat=1)
        env.reset(seed=0)
        race = Race(stage, [env.sim.car], assists=env.sim.cfg.assists_value)
        pilot = Autopilot(stage, env.sim.params)
        for step in range(1, 120 * 15 + 1):
            action = pilot_action(pilot, env)
            race.step(Controls.single(steer=float(action[0]), throttle=float(action[1]), brake=float(action[2])))
            _, _, terminated, truncated, _ = env.step(action)
            if terminated or truncated:
                return bool(terminated), step, int(race.finish_tick[0])
        raise AssertionError("the episode never ended")

    across = Gate(a=(150.0, ROAD_Y[0]), b=(150.0, ROAD_Y[1]), forward=(1.0, 0.0), name="across")
    beside = Gate(a=(150.0, ROAD_Y[0]), b=(150.0, ROAD_Y[0] + 4.0), forward=(1.0, 0.0), name="beside")
    finished, step, finish_tick = drive(across)
    assert finished and step == finish_tick
    finished, _, finish_tick = drive(beside)
    assert not finished and finish_tick == -1  # truncated: the checkpoint was never crossed


def test_the_autopilot_earns_progress_on_a_shipped_stage() -> None:
    env = StageEnv(stage="prologo", random_start=False)
    _, info = env.reset(seed=0)
    pilot = Autopilot(env.sim.stage, env.sim.params)
    start_m = info["progress_m"]
    rewards = []
    for _ in range(120 * 20):
        _, reward, _, _, info = env.step(pilot_action(pilot, env))
        rewards.append(reward)
    assert info["progress_m"] - start_m > 300  # ≥ 300 m along the route in 20 s
    assert sum(rewards) == pytest.approx(0.1 * (info["progress_m"] - start_m), abs=5.0)


def test_reset_options_and_bad_options_give_clear_messages() -> None:
    env = StageEnv(stage=corridor(), action_repeat=2)
    _, info = env.reset(seed=1, options={"start_m": 100.0})
    assert info["progress_m"] == pytest.approx(100.0)
    with pytest.raises(EnvConfigError, match=r"unknown option.*stagee"):
        StageEnv(stagee="prologo")
    with pytest.raises(EnvConfigError, match="unknown stage 'nowhere'"):
        StageEnv(stage="nowhere")
    with pytest.raises(EnvConfigError, match="unknown car 'trabant'"):
        StageEnv(stage=corridor(), car="trabant")
    with pytest.raises(EnvConfigError, match="action_repeat"):
        StageEnv(stage=corridor(), action_repeat=0)


def test_importing_and_running_the_env_never_imports_pygame() -> None:
    code = (
        "import sys, json, gymnasium as gym, millegame.rl\n"
        "envs = gym.make_vec('millegame/Stage-v0', num_envs=2, stage='aquila-rieti')\n"
        "envs.reset(seed=0); envs.step(envs.action_space.sample())\n"
        "print(json.dumps({'vector': type(envs).__name__,"
        " 'pygame': [m for m in sys.modules if m.split('.')[0] == 'pygame']}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300)
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report == {"vector": "StageVectorEnv", "pygame": []}


def test_the_observation_layout_names_every_index() -> None:
    env = StageEnv(stage=corridor())
    layout = env.sim.layout
    assert len(set(layout.names)) == layout.size == len(layout.units)
    assert layout.names[layout.rays_start].startswith("ray_")
    assert layout.names[layout.lookahead_start] == "ahead_5m_forward"
    assert math.isclose(float(layout.high[layout.rays_start]), env.config.ray_range_m)
