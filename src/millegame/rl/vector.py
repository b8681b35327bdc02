"""The native vector environment: N cars of ``millegame/Stage-v0`` stepped in one numpy step.

``gymnasium.make_vec("millegame/Stage-v0", num_envs=N)`` builds it. Sub-environment ``i``
behaves exactly like a ``StageEnv`` reset with seed ``seed + i`` (bit for bit: the same code
runs for one car or N). Episodes end independently; with gymnasium's next-step autoreset a
sub-environment whose episode ended is reset on the following ``step`` (its action ignored,
reward 0, flags False), without touching the others.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from gymnasium.utils import seeding
from gymnasium.vector import AutoresetMode, VectorEnv
from gymnasium.vector.utils import batch_space
from numpy.typing import NDArray

from millegame.rl.batch import StageBatch
from millegame.rl.config import EnvConfig
from millegame.rl.env import action_space, observation_space, start_option

ObsArray = NDArray[np.float32]


class StageVectorEnv(VectorEnv[ObsArray, NDArray[np.float32], NDArray[Any]]):
    """``num_envs`` cars, each its own episode, on one stage with one car model.

    ``copy=False`` returns the internal observation buffer instead of a copy (faster; it is
    overwritten by the next step). Other keyword options: ``rl.config.EnvConfig``.
    """

    metadata = {"autoreset_mode": AutoresetMode.NEXT_STEP, "render_modes": ["rgb_array"]}  # noqa: RUF012

    def __init__(self, num_envs: int = 1, *, copy: bool = True, render_mode: str | None = None,
                 **options: Any) -> None:  # fmt: skip
        if not isinstance(num_envs, int | np.integer) or num_envs < 1:
            raise ValueError(f"millegame/Stage-v0: num_envs must be a whole number ≥ 1, got {num_envs!r}")
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"millegame/Stage-v0: render_mode must be None or 'rgb_array', got {render_mode!r}")
        self.config = EnvConfig.of(**options)
        self.num_envs = int(num_envs)
        self.sim = StageBatch(self.config, self.num_envs)
        self.render_mode = render_mode
        self.copy = copy
        self.single_observation_space = observation_space(self.sim)
        self.single_action_space = action_space()
        self.observation_space = batch_space(self.single_observation_space, self.num_envs)
        self.action_space = batch_space(self.single_action_space, self.num_envs)
        self.observation_names = self.sim.layout.names  # index → name (docs/rl.md)
        self._rngs: list[np.random.Generator] = [seeding.np_random()[0] for _ in range(self.num_envs)]
        self._autoreset = np.zeros(self.num_envs, dtype=bool)
        self._all = np.ones(self.num_envs, dtype=bool)
        self._renderer: Any = None

    def reset(
        self, *, seed: int | list[int | None] | None = None, options: dict[str, Any] | None = None
    ) -> tuple[ObsArray, dict[str, Any]]:
        """Reset every sub-environment (or those in ``options["reset_mask"]``). An int seed
        seeds sub-environment i with ``seed + i``, like gymnasium's SyncVectorEnv."""
        n = self.num_envs
        if seed is None:
            seeds: list[int | None] = [None] * n
        elif isinstance(seed, int | np.integer):
            seeds = [int(seed) + i for i in range(n)]
            self._np_random, self._np_random_seed = seeding.np_random(int(seed))
        else:
            seeds = list(seed)
            if len(seeds) != n:
                raise ValueError(f"millegame/Stage-v0: {len(seeds)} seeds given for {n} sub-environments")
        mask = self._all if not options or options.get("reset_mask") is None else np.asarray(options["reset_mask"])
        start_m = start_option(options)
        for i in np.flatnonzero(mask):
            if seeds[i] is not None:
                self._rngs[i] = seeding.np_random(seeds[i])[0]
            self.sim.place(int(i), self._rngs[i], start_m)
        self.sim.observe()
        self._autoreset[mask] = False
        return self._out(self.sim.obs), self._info()

    def step(self, actions: NDArray[np.floating]) -> tuple[ObsArray, NDArray[np.float64], NDArray[np.bool_],
                                                            NDArray[np.bool_], dict[str, Any]]:  # fmt: skip
        sim = self.sim
        sim.set_actions(np.asarray(actions).reshape(self.num_envs, 3))
        impact = sim.run_physics()
        # Next-step autoreset: sub-environments whose episode ended last step start again now
        # (their physics tick above is discarded).
        if self._autoreset.any():
            for i in np.flatnonzero(self._autoreset):
                sim.place(int(i), self._rngs[i])
        sim.observe(impact)
        np.logical_or(sim.terminated, sim.truncated, out=self._autoreset)
        return (self._out(sim.obs), sim.reward.copy(), sim.terminated.copy(), sim.truncated.copy(), self._info())

    def _out(self, obs: ObsArray) -> ObsArray:
        return obs.copy() if self.copy else obs

    def _info(self) -> dict[str, Any]:
        """``progress_m``: distance along the route [m] per sub-environment."""
        return {"progress_m": self.sim.progress_m.copy(), "_progress_m": self._all}

    def render(self) -> tuple[NDArray[np.uint8], ...] | None:
        if self.render_mode != "rgb_array":
            return None
        if self._renderer is None:
            from millegame.rl.render import TopDownRenderer

            self._renderer = TopDownRenderer(self.sim)
        return tuple(self._renderer.frame(i) for i in range(self.num_envs))
