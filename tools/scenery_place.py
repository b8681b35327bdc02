"""Free scenery for the stage generators: tile objects of ``scenery.tsx`` placed by shape.

``Scenery.place`` puts a tree, a house or a wall at any position and angle, as a designer
would with Tiled's *Insert Tile*, and refuses a place where the tile's collision shapes
(read from the tileset, as the loader reads them) would come near a road or touch another
object. Shared by ``make_prologo.py`` and ``stagebuild.py`` (the stages after the prologue).
"""

from __future__ import annotations

import math
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import shapely
from numpy.typing import NDArray

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from millegame.core.stage import TileObjectArt  # noqa: E402
from millegame.levels.report import Report  # noqa: E402
from millegame.levels.scenery import TileInfo, object_outlines, tileset_tiles  # noqa: E402
from millegame.levels.writer import TmxObject, tiled_round  # noqa: E402

TILESETS = HERE.parent / "levels" / "tilesets"
PX_PER_M = 8.0
# After terrain.tsx: Tiled numbers the next tileset from the image's whole grid of tiles
# (16 × 30 = 480), not from the tilecount (467), and rewrites any other firstgid on a re-save.
SCENERY_FIRSTGID = 481
GRID_M = 16.0  # the cells of the index of what is placed (one tile's size)


class Scenery:
    """Tile objects placed so that no collision shape touches a road or another object.

    ``width_m`` × ``height_m`` is the map; ``keep_clear`` the roads (and water) that
    nothing may come near.
    """

    def __init__(self, width_m: float, height_m: float, keep_clear: shapely.Geometry) -> None:
        node = ET.parse(TILESETS / "scenery.tsx").getroot()
        self.kinds = {
            str(p.get("value")): int(str(t.get("id")))
            for t in node.findall("tile")
            for p in t.findall("properties/property")
            if p.get("name") == "kind"
        }
        self.tiles: dict[int, TileInfo] = tileset_tiles(Report("scenery.tsx"), node)
        self.tile_m = int(node.get("tilewidth", "128")) / PX_PER_M
        self.width_m, self.height_m = width_m, height_m
        self.objects: list[TmxObject] = []
        self.taken: list[shapely.Geometry] = []  # footprints, in the order placed
        self._grid: dict[tuple[int, int], list[shapely.Geometry]] = {}  # the same by 16 m cell
        self.keep_clear = keep_clear
        shapely.prepare(keep_clear)

    def reserve(self, geom: shapely.Geometry) -> None:
        """Keep ``geom`` [m] free of anything placed after (a footprint, a building drawn in tiles)."""
        self.taken.append(geom)
        for cell in self._cells(geom):
            self._grid.setdefault(cell, []).append(geom)

    def _cells(self, geom: shapely.Geometry) -> list[tuple[int, int]]:
        x0, y0, x1, y1 = geom.bounds
        return [
            (i, j)
            for i in range(int(x0 // GRID_M), int(x1 // GRID_M) + 1)
            for j in range(int(y0 // GRID_M), int(y1 // GRID_M) + 1)
        ]

    def place(
        self, kind: str, x: float, y: float, heading_deg: float = 0.0, scale: float = 1.0, clear_m: float = 1.5
    ) -> bool:
        """Put ``kind`` with its tile's centre at (x, y) [m], turned ``heading_deg`` clockwise;
        False (nothing placed) if its shapes would come within ``clear_m`` of a road or touch
        another object, or leave the map."""
        local = self.kinds[kind]
        size = self.tile_m * scale
        t = math.radians(heading_deg)
        # Tiled turns a tile object about its bottom-left anchor: anchor = centre − R·(w/2, −h/2).
        ax = x - (math.cos(t) * size / 2 + math.sin(t) * size / 2)
        ay = y - (math.sin(t) * size / 2 - math.cos(t) * size / 2)
        ax, ay = tiled_round(ax * PX_PER_M) / PX_PER_M, tiled_round(ay * PX_PER_M) / PX_PER_M
        art = TileObjectArt(SCENERY_FIRSTGID + local, ax, ay, size, size, round(heading_deg % 360, 2))
        info = self.tiles.get(local)
        shapes = [shapely.Polygon(p) for p, _ in object_outlines(art, info)] if info is not None else []
        foot = shapely.union_all(shapes) if shapes else shapely.Point(x, y).buffer(size * 0.2)
        if not (0 < x < self.width_m and 0 < y < self.height_m) or foot.distance(self.keep_clear) < clear_m:
            return False
        cells = self._cells(foot)
        if any(foot.intersects(o) for cell in cells for o in self._grid.get(cell, ())):
            return False
        self.reserve(foot.buffer(0.6))
        self.objects.append(
            TmxObject(
                0, ax * PX_PER_M, ay * PX_PER_M, gid=art.gid, width=size * PX_PER_M, height=size * PX_PER_M,
                rotation=art.rotation_deg,
            )
        )  # fmt: skip
        return True

    def occupied(self, x: float, y: float) -> bool:
        """Whether (x, y) [m] is under something placed or reserved."""
        point = shapely.Point(x, y)
        return any(o.contains(point) for o in self._grid.get((int(x // GRID_M), int(y // GRID_M)), ()))


def along(centre: NDArray[np.float64], s: float) -> tuple[float, float, float, float]:
    """(x, y, unit tangent x, y) at arc length ``s`` [m] of a centre line."""
    d = np.hypot(*np.diff(centre, axis=0).T)
    cum = np.concatenate([[0.0], np.cumsum(d)])
    k = int(np.clip(np.searchsorted(cum, s) - 1, 0, len(d) - 1))
    f = (s - cum[k]) / d[k] if d[k] > 0 else 0.0
    p = centre[k] + f * (centre[k + 1] - centre[k])
    t = (centre[k + 1] - centre[k]) / max(d[k], 1e-9)
    return float(p[0]), float(p[1]), float(t[0]), float(t[1])


def length(centre: NDArray[np.float64]) -> float:
    return float(np.hypot(*np.diff(centre, axis=0).T).sum())
