"""Synthetic stages built in code: an open proving ground and simple test circuits.

Used by the proving ground, the tests and the benchmarks, so that physics can be
exercised with no map file at all.
"""

from __future__ import annotations

import numpy as np

from millegame.core.stage import Gate, Stage
from millegame.core.surfaces import SurfaceTable


def open_ground(
    surfaces: SurfaceTable,
    *,
    width_m: float = 4000.0,
    height_m: float = 400.0,
    surface: str = "asphalt",
    cell_m: float = 4.0,
) -> Stage:
    """A flat rectangle of one surface with a straight route along its middle (+x)."""
    rows, cols = int(height_m / cell_m), int(width_m / cell_m)
    grid = np.full((rows, cols), surfaces.index(surface), dtype=np.uint8)
    mid = height_m / 2
    finish_x = width_m - 50.0
    return Stage(
        id="open-ground",
        title="Proving ground",
        width_m=width_m,
        height_m=height_m,
        cell_m=cell_m,
        surface=grid,
        solid=np.zeros((rows, cols), dtype=bool),
        surfaces=surfaces,
        walls=np.zeros((0, 4)),
        start_xy=(20.0, mid),
        start_heading=0.0,
        checkpoints=(),
        finish=Gate(a=(finish_x, mid - 20.0), b=(finish_x, mid + 20.0), forward=(1.0, 0.0), name="finish"),
        route=np.array([[20.0, mid], [width_m - 20.0, mid]]),
    )


def ring_road(
    surfaces: SurfaceTable,
    *,
    radius_m: float = 120.0,
    road_width_m: float = 12.0,
    cell_m: float = 2.0,
    checkpoints: int = 3,
    road: str = "asphalt",
    offroad: str = "grass",
) -> Stage:
    """A circular road (one lap, clockwise on screen) with checkpoints spread round it."""
    size = 2 * radius_m + 80.0
    n = int(size / cell_m)
    centres = (np.arange(n) + 0.5) * cell_m
    cx = cy = size / 2
    dist = np.hypot(centres[None, :] - cx, centres[:, None] - cy)
    on_road = np.abs(dist - radius_m) <= road_width_m / 2
    grid = np.where(on_road, surfaces.index(road), surfaces.index(offroad)).astype(np.uint8)
    # Route: start at the top of the circle heading +x, going clockwise on screen
    # (increasing angle in the y-down frame), ending just past a full lap.
    angles = -np.pi / 2 + np.linspace(0.0, 2 * np.pi + 0.15, 200)
    route = np.stack([cx + radius_m * np.cos(angles), cy + radius_m * np.sin(angles)], axis=1)

    def gate_at(angle: float, name: str, order: int) -> Gate:
        ux, uy = np.cos(angle), np.sin(angle)
        inner, outer = radius_m - road_width_m, radius_m + road_width_m
        return Gate(
            a=(cx + inner * ux, cy + inner * uy),
            b=(cx + outer * ux, cy + outer * uy),
            forward=(-uy, ux),
            name=name,
            order=order,
        )

    cps = tuple(
        gate_at(-np.pi / 2 + 2 * np.pi * (k + 1) / (checkpoints + 1), f"CP{k + 1}", k + 1) for k in range(checkpoints)
    )
    finish = gate_at(-np.pi / 2 + 2 * np.pi - 0.05, "finish", 0)
    return Stage(
        id="ring",
        title="Ring road",
        width_m=size,
        height_m=size,
        cell_m=cell_m,
        surface=grid,
        solid=np.zeros_like(grid, dtype=bool),
        surfaces=surfaces,
        walls=np.zeros((0, 4)),
        start_xy=(cx, cy - radius_m),
        start_heading=0.0,
        checkpoints=cps,
        finish=finish,
        route=route,
    )
