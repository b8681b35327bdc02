"""Environment steps per second of ``millegame/Stage-v0``, with random actions.

    python benchmarks/rl_env.py [--json] [--seconds S] [--stage ID] [--action-repeat K]

Measures the single environment (``StageEnv`` as ``gymnasium.make`` returns it, with its
checker and order wrappers, and the bare ``StageEnv``) and the native vector environment at
N = 1, 64 and 1024 (``copy=False``: no copy of the observation batch; with ``copy=True``
too at 1024). Episodes auto-reset as in training. One env-step = ``action_repeat`` physics
ticks of 1/120 s (default 1). For the vector environment the time is also split into the
physics ticks (``step_cars``) and the environment's own work (observation, reward, resets,
Python), measured by timing the physics calls inside the same loop, in wall time and in CPU
time of the process (both threads; it moves less than wall time on a loaded machine).
"""

from __future__ import annotations

import argparse
import json
import os
import time

import gymnasium as gym
import numpy as np

import millegame.rl
from millegame.core import physics
from millegame.rl import batch as batch_module

VECTOR_SIZES = (1, 64, 1024)


def _actions(rng: np.random.Generator, n: int, count: int) -> np.ndarray:
    """Random actions, biased to drive forwards (uniform throttle and brake would mostly stand still)."""
    a = np.empty((count, n, 3), dtype=np.float32)
    a[..., 0] = rng.uniform(-1, 1, (count, n))
    a[..., 1] = rng.uniform(0, 1, (count, n))
    a[..., 2] = rng.uniform(0, 1, (count, n)) * (rng.random((count, n)) < 0.2)
    return a


def single(seconds: float, options: dict, wrapped: bool) -> float:
    env = gym.make(millegame.rl.ENV_ID, **options) if wrapped else millegame.rl.StageEnv(**options)
    env.reset(seed=0)
    acts = _actions(np.random.default_rng(0), 1, 4096)[:, 0]
    steps, start = 0, time.perf_counter()
    while True:
        for k in range(256):
            _, _, term, trunc, _ = env.step(acts[(steps + k) % len(acts)])
            if term or trunc:
                env.reset()
        steps += 256
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return steps / elapsed


class _PhysicsClock:
    """Times every ``step_cars`` call made through ``rl.batch`` (the physics share)."""

    def __init__(self) -> None:
        self.total_s = 0.0
        self.cpu_s = 0.0  # CPU time of the process (all threads) inside the physics
        self._orig = batch_module.step_cars

    def __enter__(self) -> _PhysicsClock:
        def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
            t, c = time.perf_counter(), time.process_time()
            out = self._orig(*args, **kwargs)
            self.total_s += time.perf_counter() - t
            self.cpu_s += time.process_time() - c
            return out

        batch_module.step_cars = timed
        return self

    def __exit__(self, *exc: object) -> None:
        batch_module.step_cars = self._orig


def vector(n: int, seconds: float, options: dict, copy: bool) -> dict[str, float]:
    envs = gym.make_vec(millegame.rl.ENV_ID, num_envs=n, copy=copy, **options)
    envs.reset(seed=0)
    acts = _actions(np.random.default_rng(0), n, 64)
    envs.step(acts[0])  # compile / load the kernels
    steps, start, cpu_start = 0, time.perf_counter(), time.process_time()
    with _PhysicsClock() as clock:
        while True:
            for k in range(16):
                envs.step(acts[(steps + k) % len(acts)])
            steps += 16
            elapsed = time.perf_counter() - start
            if elapsed >= seconds:
                break
    cpu = time.process_time() - cpu_start
    return {
        "env_steps_per_s": n * steps / elapsed,
        "us_per_step": 1e6 * elapsed / steps,
        "physics_us_per_step": 1e6 * clock.total_s / steps,
        "env_us_per_step": 1e6 * (elapsed - clock.total_s) / steps,
        # CPU time (both threads) moves less with the machine's load than wall time.
        "physics_cpu_us_per_step": 1e6 * clock.cpu_s / steps,
        "env_cpu_us_per_step": 1e6 * (cpu - clock.cpu_s) / steps,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--seconds", type=float, default=3.0, help="time per measurement (default 3 s)")
    ap.add_argument("--stage", default="prologo")
    ap.add_argument("--action-repeat", type=int, default=1)
    args = ap.parse_args()
    options = {"stage": args.stage, "action_repeat": args.action_repeat}
    results: dict[str, object] = {
        "stage": args.stage,
        "action_repeat": args.action_repeat,
        "load_average": os.getloadavg()[0],
        "parallel_from_cars": physics.PARALLEL_FROM_CARS,
        "single_make_steps_per_s": single(args.seconds, options, wrapped=True),
        "single_bare_steps_per_s": single(args.seconds, options, wrapped=False),
    }
    for n in VECTOR_SIZES:
        results[f"vector_{n}"] = vector(n, args.seconds, options, copy=False)
    results["vector_1024_copy"] = vector(1024, args.seconds, options, copy=True)
    results["load_average_after"] = os.getloadavg()[0]
    if args.json:
        print(json.dumps(results))
        return
    print(f"stage {args.stage}, action_repeat {args.action_repeat}, load average {results['load_average']:.2f}")
    print(f"single env (gymnasium.make): {results['single_make_steps_per_s']:12,.0f} steps/s")
    print(f"single env (bare StageEnv):  {results['single_bare_steps_per_s']:12,.0f} steps/s")
    for key in [f"vector_{n}" for n in VECTOR_SIZES] + ["vector_1024_copy"]:
        r = results[key]
        assert isinstance(r, dict)
        print(f"{key:17s} {r['env_steps_per_s']:12,.0f} env-steps/s  {r['us_per_step']:8.1f} µs/step "
              f"(physics {r['physics_us_per_step']:7.1f}, env {r['env_us_per_step']:6.1f}; CPU µs: physics "
              f"{r['physics_cpu_us_per_step']:7.1f}, env {r['env_cpu_us_per_step']:6.1f})")  # fmt: skip
    print(f"load average after: {results['load_average_after']:.2f}")


if __name__ == "__main__":
    main()
