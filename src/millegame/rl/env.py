"""``millegame/Stage-v0``: one car on one stage as a Gymnasium environment.

Observation, action, reward and options: docs/rl.md (and ``rl.config``). The work is done by
``rl.batch.StageBatch`` with one car — the same code the vector environment runs for N.
"""

from __future__ import annotations

from typing import Any, cast

import gymnasium as gym
import numpy as np
from gymnasium import spaces
from numpy.typing import NDArray

from millegame.rl.batch import StageBatch
from millegame.rl.config import EnvConfig

ObsArray = NDArray[np.float32]


def action_space() -> spaces.Box:
    """steer [-1 (full left), 1 (full right)], throttle [0, 1], brake [0, 1]."""
    return spaces.Box(low=np.array([-1.0, 0.0, 0.0], dtype=np.float32), high=np.ones(3, dtype=np.float32),
                      dtype=np.float32)  # fmt: skip


def observation_space(batch: StageBatch) -> spaces.Box:
    return spaces.Box(low=batch.layout.low, high=batch.layout.high, dtype=np.float32)


def start_option(options: dict[str, Any] | None) -> float | None:
    """``reset(options={"start_m": s})`` starts the episode ``s`` metres along the route."""
    if not options:
        return None
    unknown = sorted(set(options) - {"start_m", "reset_mask"})
    if unknown:
        raise ValueError(f"millegame/Stage-v0: unknown reset option(s) {', '.join(unknown)} — the option is start_m")
    start = options.get("start_m")
    return None if start is None else float(start)


class StageEnv(gym.Env[ObsArray, NDArray[np.float32]]):
    """One car driving a stage. Keyword options: ``rl.config.EnvConfig``; ``render_mode``
    "rgb_array" draws a top-down view around the car with numpy."""

    metadata = {"render_modes": ["rgb_array"], "render_fps": 30}  # noqa: RUF012 (gymnasium's convention)

    def __init__(self, render_mode: str | None = None, **options: Any) -> None:
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"millegame/Stage-v0: render_mode must be None or 'rgb_array', got {render_mode!r}")
        self.config = EnvConfig.of(**options)
        self.sim = StageBatch(self.config, 1)
        self.render_mode = render_mode
        # gymnasium types a Box as holding floats or integers; ours hold float32 only
        self.observation_space = cast("spaces.Space[ObsArray]", observation_space(self.sim))
        self.action_space = cast("spaces.Space[NDArray[np.float32]]", action_space())
        self.observation_names = self.sim.layout.names  # index → name (docs/rl.md)
        self._action = np.zeros((1, 3))
        self._renderer: Any = None

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None) -> tuple[ObsArray, dict]:
        super().reset(seed=seed)
        self.sim.place(0, self.np_random, start_option(options))
        self.sim.observe()
        return self.sim.obs[0].copy(), self._info()

    def step(self, action: NDArray[np.floating]) -> tuple[ObsArray, float, bool, bool, dict]:
        sim = self.sim
        self._action[0] = action
        sim.set_actions(self._action)
        sim.observe(sim.run_physics())
        return sim.obs[0].copy(), float(sim.reward[0]), bool(sim.terminated[0]), bool(sim.truncated[0]), self._info()

    def _info(self) -> dict[str, float]:
        """``progress_m``: distance along the route [m]; ``time_s``: episode time [s]."""
        sim = self.sim
        return {"progress_m": float(sim.progress_m[0]), "time_s": float(sim.ticks[0]) * sim.dt}

    def render(self) -> NDArray[np.uint8] | None:
        if self.render_mode != "rgb_array":
            return None
        if self._renderer is None:
            from millegame.rl.render import TopDownRenderer

            self._renderer = TopDownRenderer(self.sim)
        return self._renderer.frame(0)
