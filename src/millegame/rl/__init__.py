"""Reinforcement learning on millegame's stages (optional extra ``[rl]``: gymnasium).

Importing this package registers ``millegame/Stage-v0`` with Gymnasium::

    import gymnasium as gym
    import millegame.rl

    env = gym.make("millegame/Stage-v0", stage="prologo", car="mercedes-300-slr")
    envs = gym.make_vec("millegame/Stage-v0", num_envs=1024)  # the native vector env

Observation, action, reward and options: docs/rl.md. Never imports pygame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

try:
    from gymnasium.envs.registration import register, registry
except ImportError:  # pragma: no cover - depends on the installation
    raise ImportError(
        "millegame.rl needs gymnasium: pip install 'millegame[rl]' (or pip install 'gymnasium>=1.0')"
    ) from None

if TYPE_CHECKING:
    from millegame.rl.env import StageEnv
    from millegame.rl.vector import StageVectorEnv

ENV_ID = "millegame/Stage-v0"

__all__ = ["ENV_ID", "StageEnv", "StageVectorEnv"]

if ENV_ID not in registry:
    register(
        id=ENV_ID,
        entry_point="millegame.rl.env:StageEnv",
        vector_entry_point="millegame.rl.vector:StageVectorEnv",
    )


def __getattr__(name: str) -> Any:
    # The environments load numba kernels; only pay for that when they are used.
    if name == "StageEnv":
        from millegame.rl.env import StageEnv

        return StageEnv
    if name == "StageVectorEnv":
        from millegame.rl.vector import StageVectorEnv

        return StageVectorEnv
    raise AttributeError(f"module 'millegame.rl' has no attribute {name!r}")
