"""The Stage: everything the simulation needs to know about a map, in metres.

A Stage is pure data, built once by ``millegame.levels.load_stage`` from a ``.tmx``
file (or by hand in tests). It carries no pygame or pytmx objects; the optional
``art`` part tells the renderer which tiles to draw, as plain arrays and paths.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from millegame.core.roads import RoadPiece, RoadRaster
from millegame.core.surfaces import SurfaceTable

# Materials of wall segments, for the crash model: how much of an impact a wall gives back.
MATERIAL_HARD = 0  # stone walls, trunks, houses
MATERIAL_SOFT = 1  # hedges, bushes, straw bales


@dataclass(frozen=True)
class Gate:
    """A timing line: a checkpoint or the finish.

    ``a`` and ``b`` [m] are its ends; ``forward`` is the unit vector of the direction
    in which crossing it counts (the route's direction at the gate).
    """

    a: tuple[float, float]
    b: tuple[float, float]
    forward: tuple[float, float]
    name: str = ""
    order: int = 0
    object_id: int = 0


@dataclass(frozen=True)
class TimingLine:
    """A regularity timing line [m] (``levels.timing`` reads them; ``core.referee`` scores
    them); ``forward`` is the direction in which it counts."""

    kind: str  # pc_line, pm_start, pm_secret, pm_end, co
    a: tuple[float, float]
    b: tuple[float, float]
    forward: tuple[float, float]
    s_m: float  # distance along the route [m]
    name: str = ""
    object_id: int = 0
    trial: str = ""
    order: int = 0
    target_s: float | None = None  # pc_line: set time of the section ending here [s]
    avg_kmh: float | None = None  # pm_start: average speed to hold [km/h]
    due_min: int | None = None  # co: minutes after the start


@dataclass(frozen=True)
class TilesetArt:
    """One tileset image, cut into ``tile_w`` × ``tile_h`` px tiles, ``columns`` wide.

    ``hd_path``: the same tiles drawn at ``hd_scale`` × the resolution (margins and spacing
    scaled too), or None; the renderer bakes close zooms from it."""

    firstgid: int
    image_path: str
    tile_w: int
    tile_h: int
    columns: int
    tilecount: int
    margin: int = 0
    spacing: int = 0
    hd_path: str | None = None
    hd_scale: int = 1


@dataclass(frozen=True)
class TileLayerArt:
    """A tile layer as global tile ids (0 = empty), shape (rows, cols).

    ``above_cars`` layers (bridges, canopies) are drawn over the cars. Tiled's flip
    flags are stripped; ``flips`` keeps them (bits 31, 30, 29 of the gid) per cell.
    """

    name: str
    gids: NDArray[np.uint32]
    above_cars: bool = False
    flips: NDArray[np.uint8] | None = None


@dataclass(frozen=True)
class TileObjectArt:
    """A tile placed freely (Tiled's Insert Tile): the tile ``gid`` drawn ``w_m`` × ``h_m``,
    its bottom-left corner at (``x_m``, ``y_m``) and turned ``rotation_deg`` clockwise about it."""

    gid: int
    x_m: float
    y_m: float
    w_m: float
    h_m: float
    rotation_deg: float = 0.0
    object_id: int = 0


@dataclass(frozen=True)
class MapArt:
    """What the renderer needs to draw the map: tile size in px, the layers and the tile
    objects (drawn over the ground and the roads, under the cars).

    ``any_turn``: by gid, the tiles (natural ground: grass, meadow, sand …) that the
    tileset lets the renderer draw turned or mirrored at random, so that a field of one
    tile shows no 4-m grid; None when there are none."""

    tile_w_px: int
    tile_h_px: int
    tilesets: tuple[TilesetArt, ...]
    layers: tuple[TileLayerArt, ...]
    background_rgb: tuple[int, int, int] = (120, 160, 80)
    objects: tuple[TileObjectArt, ...] = ()
    any_turn: NDArray[np.bool_] | None = None


@dataclass(frozen=True)
class Stage:
    """A stage in metres (y down, see ``core.geometry``).

    Grids are indexed ``[row, col]``; cell (r, c) covers
    x ∈ [c·cell_m, (c+1)·cell_m), y ∈ [r·cell_m, (r+1)·cell_m).
    """

    id: str
    title: str
    width_m: float
    height_m: float
    cell_m: float
    surface: NDArray[np.uint8]  # (rows, cols) index into ``surfaces``
    solid: NDArray[np.bool_]  # (rows, cols) cells a car cannot enter
    surfaces: SurfaceTable
    walls: NDArray[np.float64]  # (K, 4) segments x0, y0, x1, y1 [m]
    start_xy: tuple[float, float]
    start_heading: float  # [rad]
    checkpoints: tuple[Gate, ...]  # in the order they must be passed
    finish: Gate
    route: NDArray[np.float64]  # (M, 2) polyline along the road centre, start → finish
    px_per_m: float = 8.0
    time_of_day: str = "day"
    weather: str = "clear"
    par_time_s: float | None = None
    source_path: str = ""
    source_sha256: str = ""
    properties: dict[str, object] = field(default_factory=dict)
    art: MapArt | None = None
    # Regularity timing lines, sorted along the route (empty: the stage has none).
    timing_lines: tuple[TimingLine, ...] = ()
    # Material of each ``walls`` segment (K,), MATERIAL_HARD or MATERIAL_SOFT; None: all hard.
    wall_material: NDArray[np.uint8] | None = None

    # Roads drawn as geometry (``core.roads``): the pieces, and the raster the physics reads.
    # Empty on stages painted with tiles, where the ground grid alone gives the surface.
    roads: tuple[RoadPiece, ...] = ()
    road_raster: RoadRaster = field(default_factory=RoadRaster.empty)

    def surface_at(self, x: NDArray[np.float64], y: NDArray[np.float64]) -> NDArray[np.intp]:
        """Surface index at each point [m]: the road's where a road is, else the ground's."""
        x = np.asarray(x, dtype=np.float64)
        y = np.asarray(y, dtype=np.float64)
        col = np.clip(np.floor(x / self.cell_m), 0, self.cols - 1).astype(np.intp)
        row = np.clip(np.floor(y / self.cell_m), 0, self.rows - 1).astype(np.intp)
        ground = self.surface[row, col].astype(np.intp)
        if not self.roads:
            return ground
        road = self.road_raster.surface_at(x, y)
        return np.where(road >= 0, road, ground).astype(np.intp)

    def wall_materials(self) -> NDArray[np.uint8]:
        """The material of each ``walls`` segment (K,), hard where the stage gives none."""
        k = len(np.asarray(self.walls).reshape(-1, 4))
        if self.wall_material is None:
            return np.full(k, MATERIAL_HARD, dtype=np.uint8)
        return np.asarray(self.wall_material, dtype=np.uint8).reshape(k)

    @property
    def rows(self) -> int:
        return int(self.surface.shape[0])

    @property
    def cols(self) -> int:
        return int(self.surface.shape[1])

    @property
    def gates(self) -> tuple[Gate, ...]:
        """Checkpoints then the finish: the order in which a car must cross them."""
        return (*self.checkpoints, self.finish)

    @property
    def route_length_m(self) -> float:
        d = np.diff(self.route, axis=0)
        return float(np.hypot(d[:, 0], d[:, 1]).sum())
