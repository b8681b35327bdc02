"""Compile the numba kernels (physics, walls, autopilot) ahead of the first race.

numba compiles a kernel on its first call (≈ 4 s for all of them here) and caches the
machine code next to the sources, so only the first race on a new machine would wait.
The game runs ``python -m millegame.warmup`` in a low-priority background process at start
(a no-op taking a fraction of a second once the cache exists), while the player is still in
the menus. No pygame here.
"""

from __future__ import annotations

import dataclasses

import numpy as np


def compile_kernels() -> None:
    """Drive one car briefly into a wall under the autopilot: every kernel gets called."""
    from millegame import catalog
    from millegame.core import Race
    from millegame.core.autopilot import Autopilot
    from millegame.core.ground import open_ground

    stage = open_ground(catalog.load_surfaces(), width_m=200.0, height_m=100.0)
    stage = dataclasses.replace(stage, walls=np.array([[60.0, 0.0, 60.0, 100.0]]))
    race = Race(stage, [catalog.load_cars()[0]])
    pilot = Autopilot(stage, race.params)
    for _ in range(240):
        race.step(pilot.controls(race))


if __name__ == "__main__":
    compile_kernels()
