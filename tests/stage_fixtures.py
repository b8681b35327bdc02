"""Synthetic stages for the UI tests: a straight sprint with two checkpoints, optionally
with tile art (a tileset PNG written to a temporary directory) including a layer drawn
above the cars. No map file, no level loader needed."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame

from millegame.core.stage import Gate, MapArt, Stage, TileLayerArt, TilesetArt
from millegame.core.surfaces import SurfaceTable

CELL_M = 4.0  # one 32-px tile at 8 px/m
COLS, ROWS = 120, 24  # 480 m × 96 m
ROAD_ROWS = (10, 14)  # asphalt rows [10, 14): y ∈ [40, 56) m
ROAD_Y_M = 48.0
GRASS, ASPHALT, CANOPY = 1, 2, 3  # gids in the generated tileset
CANOPY_CELL = (12, 30)  # (row, col) of the one "bridge" tile over the road


def write_tileset(path: Path) -> Path:
    """Three 32-px tiles: grass, asphalt, a half-transparent canopy."""
    img = pygame.Surface((96, 32), pygame.SRCALPHA)
    img.fill((90, 140, 60, 255), (0, 0, 32, 32))
    for k in range(0, 32, 4):  # grass tufts
        pygame.draw.line(img, (70, 120, 50, 255), (k, 4 + k % 7), (k + 2, 8 + k % 7))
    img.fill((82, 84, 88, 255), (32, 0, 32, 32))
    pygame.draw.circle(img, (30, 90, 40, 230), (80, 16), 14)
    pygame.image.save(img, str(path))
    return path


def sprint_stage(surfaces: SurfaceTable, tileset_dir: Path | None = None) -> Stage:
    """A 480 m straight, start at x = 20 m heading +x, checkpoints at 120 m and 220 m,
    finish at 320 m. With ``tileset_dir`` the stage carries ``art`` drawn from tiles."""
    grid = np.full((ROWS, COLS), surfaces.index("grass"), dtype=np.uint8)
    grid[ROAD_ROWS[0] : ROAD_ROWS[1], :] = surfaces.index("asphalt")

    def gate(x: float, name: str, order: int) -> Gate:
        return Gate(a=(x, 36.0), b=(x, 60.0), forward=(1.0, 0.0), name=name, order=order)

    art = None
    if tileset_dir is not None:
        png = write_tileset(tileset_dir / "sprint_tiles.png")
        ground = np.full((ROWS, COLS), GRASS, dtype=np.uint32)
        ground[ROAD_ROWS[0] : ROAD_ROWS[1], :] = ASPHALT
        above = np.zeros((ROWS, COLS), dtype=np.uint32)
        above[CANOPY_CELL] = CANOPY
        art = MapArt(
            tile_w_px=32,
            tile_h_px=32,
            tilesets=(TilesetArt(firstgid=1, image_path=str(png), tile_w=32, tile_h=32, columns=3, tilecount=3),),
            layers=(TileLayerArt("ground", ground), TileLayerArt("above", above, above_cars=True)),
            background_rgb=(90, 140, 60),
        )
    return Stage(
        id="sprint",
        title="Test sprint",
        width_m=COLS * CELL_M,
        height_m=ROWS * CELL_M,
        cell_m=CELL_M,
        surface=grid,
        solid=np.zeros((ROWS, COLS), dtype=bool),
        surfaces=surfaces,
        walls=np.zeros((0, 4)),
        start_xy=(20.0, ROAD_Y_M),
        start_heading=0.0,
        checkpoints=(gate(120.0, "Iseo", 1), gate(220.0, "Sulzano", 2)),
        finish=gate(320.0, "finish", 0),
        route=np.array([[20.0, ROAD_Y_M], [460.0, ROAD_Y_M]]),
        par_time_s=20.0,
        art=art,
    )
