"""Compile the numba kernels (physics, walls, autopilot) ahead of the first race.

numba compiles a kernel on its first call (≈ 6 s of CPU for these, BENCHMARKS.md) and
caches the machine code next to the sources, so only the first race on a new machine would
wait. The game's one background process (``ui.road_tests``, low priority, started at game
start) calls ``compile_kernels`` first, while the player is still in the menus (a fraction
of a second once the cache exists). ``python -m millegame.warmup`` does it alone. The
threaded kernel is left out: it is compiled only when a race of ``PARALLEL_FROM_CARS``
cars first runs. No pygame here.
"""

from __future__ import annotations

import dataclasses

import numpy as np


def compile_kernels() -> None:
    """Drive one car briefly into a wall under the autopilot and the Corsa rules, on a road
    drawn as geometry: every kernel a race calls gets compiled (road raster, physics step,
    walls, gates, autopilot, the referee's route tracking and road checks)."""
    from millegame import catalog
    from millegame.core import Race
    from millegame.core.autopilot import Autopilot
    from millegame.core.ground import open_ground
    from millegame.core.roads import RoadPiece, RoadRaster

    surfaces = catalog.load_surfaces()
    stage = open_ground(surfaces, width_m=200.0, height_m=100.0)
    road = RoadPiece(centre=np.array([[0.0, 50.0], [200.0, 50.0]]), width_m=7.0, surface=surfaces.index("gravel"))
    stage = dataclasses.replace(
        stage,
        walls=np.array([[60.0, 0.0, 60.0, 100.0]]),
        roads=(road,),
        road_raster=RoadRaster.of((road,), stage.width_m, stage.height_m),
    )
    race = Race(stage, [catalog.load_cars()[0]], rules="corsa")
    pilot = Autopilot(stage, race.params)
    for _ in range(240):
        race.step(pilot.controls(race))


if __name__ == "__main__":
    compile_kernels()
