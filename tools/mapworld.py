"""The map under construction and the scenery helpers shared by the stage generators.

``mapgen`` lays the road centreline; this module holds the ``World`` built round it —
the terrain at tile corners, the ``ground`` / ``decor`` / ``above`` layers, distance
fields to the road, the scenery objects (``World.place_object``, ``World.place_tree``)
— and the ways to fill it: Wang ground tiles from corner terrain, walls, fields of varied
size with groves and tree lines, loose trees, Freccia Rossa arrows (towns:
``features.town``). Everything in metres, y down; tiles are 4 m.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mapgen import Centreline, TilesetInfo, nearest_field
from scenery_place import Scenery

REPO = Path(__file__).resolve().parent.parent
TILE_PX = 32
PX_PER_M = 8.0
TILE_M = TILE_PX / PX_PER_M  # 4 m
CLEAR_SOLID_M = 10.0  # solid scenery (trees, walls, people) keeps its cell centre this far from the road centre
CAR_L_M, CAR_W_M = 4.4, 1.8
MAP_EDGE_CLEAR_M = 8.0  # no scenery object's centre this near the map's edge

# Terrain codes at tile corners (the Wang colours of terrain.tsx).
GRASS, ASPHALT, WATER, COBBLES, GRAVEL, WET, DIRT, SAND = 1, 2, 3, 4, 5, 6, 7, 8
ROADS = (COBBLES, WET, ASPHALT, GRAVEL)  # where two road terrains meet in a tile, the first wins
ROAD_SURFACES = ("asphalt", "wet_asphalt", "cobbles", "gravel")

OBJECTS_WITHIN_M = 100.0
# Scenery kinds of trees → the terrain tile of the same tree (drawn on the 4 m grid).
TREE_TILES = {
    "olive_a": "olive",
    "olive_b": "olive",
    "olive_c": "olive",
    "cypress_a": "cypress",
    "cypress_b": "cypress",
    "poplar": "poplar",
    "bush": "bush",
    "plane_tree": "plane",
}


@dataclass
class World:
    """The map under construction: tile corners, three tile layers and lookup fields."""

    ts: TilesetInfo
    cl: Centreline
    rng: np.random.Generator
    cols: int
    rows: int
    default_zone: str = ""
    corner: NDArray[np.int64] = field(init=False)  # (rows+1, cols+1) terrain at tile corners
    ground: NDArray[np.int64] = field(init=False)  # (rows, cols) gids, 0 = empty
    decor: NDArray[np.int64] = field(init=False)
    above: NDArray[np.int64] = field(init=False)
    dist: NDArray[np.float64] = field(init=False)  # cell centre → centreline [m]
    near: NDArray[np.int64] = field(init=False)  # index of the nearest centreline sample
    reserved: NDArray[np.bool_] = field(init=False)  # cells kept free of scenery
    sc: Scenery | None = None  # free scenery (tile objects of scenery.tsx), once the roads are known

    def __post_init__(self) -> None:
        self.ground = np.zeros((self.rows, self.cols), dtype=np.int64)
        self.decor = np.zeros((self.rows, self.cols), dtype=np.int64)
        self.above = np.zeros((self.rows, self.cols), dtype=np.int64)
        self.reserved = np.zeros((self.rows, self.cols), dtype=bool)
        xs = (np.arange(self.cols) + 0.5) * TILE_M
        ys = (np.arange(self.rows) + 0.5) * TILE_M
        self.dist, self.near = nearest_field(self.cl.xy, xs, ys, radius_m=240.0)

    # -- lookups -------------------------------------------------------------------------
    def gid(self, kind: str) -> int:
        return self.ts.by_kind[kind] + 1  # firstgid = 1

    def zone_of(self, r: int, c: int) -> str:
        k = self.near[r, c]
        return self.cl.zones[self.cl.zone[k]] if k >= 0 else self.default_zone

    def side_of(self, r: int, c: int) -> float:
        """+1 if the cell is right of the road (direction of travel), -1 if left."""
        k = self.near[r, c]
        h = self.cl.heading[k]
        dx = (c + 0.5) * TILE_M - self.cl.xy[k, 0]
        dy = (r + 0.5) * TILE_M - self.cl.xy[k, 1]
        return 1.0 if (-math.sin(h) * dx + math.cos(h) * dy) > 0 else -1.0

    def pure(self, r: int, c: int, terrain: int) -> bool:
        return bool(np.all(self.corner[r : r + 2, c : c + 2] == terrain))

    @staticmethod
    def cell_of(x_m: float, y_m: float) -> tuple[int, int]:
        return int(y_m // TILE_M), int(x_m // TILE_M)

    def inside(self, r: int, c: int) -> bool:
        return 0 <= r < self.rows and 0 <= c < self.cols

    # -- placing -------------------------------------------------------------------------
    def can_place(self, r: int, c: int, terrain: int = GRASS, clear_m: float = CLEAR_SOLID_M) -> bool:
        return (
            self.inside(r, c)
            and r + 1 < self.rows
            and c + 1 < self.cols
            and self.decor[r, c] == 0
            and not self.reserved[r, c]
            and self.dist[r, c] >= clear_m
            and self.pure(r, c, terrain)
        )

    def place_object(
        self, kind: str, x: float, y: float, heading_deg: float = 0.0, scale: float = 1.0, clear_m: float = 1.5
    ) -> bool:
        """A scenery object (``scenery.tsx``'s ``kind``) centred at (x, y) [m] on grass or town
        paving, ``MAP_EDGE_CLEAR_M`` from the map's edge, its collision shapes ``clear_m`` from
        the roads and clear of everything placed before, tiles and objects; the cells it covers
        are then kept free of tiles."""
        assert self.sc is not None, "the roads are not laid yet"
        r, c = self.cell_of(x, y)
        if not self.inside(r, c) or r + 1 >= self.rows or c + 1 >= self.cols:
            return False
        if min(x, y, self.cols * TILE_M - x, self.rows * TILE_M - y) < MAP_EDGE_CLEAR_M:
            return False  # a car pressed between it and the map's edge would be pushed off the map
        if self.decor[r, c] or self.reserved[r, c] or not (self.pure(r, c, GRASS) or self.pure(r, c, COBBLES)):
            return False
        if not self.sc.place(kind, x, y, heading_deg, scale, clear_m):
            return False
        x0, y0, x1, y1 = self.sc.taken[-1].bounds
        r0, c0 = self.cell_of(x0, y0)
        r1, c1 = self.cell_of(x1, y1)
        self.reserved[max(r0, 0) : r1 + 1, max(c0, 0) : c1 + 1] = True
        return True

    def place_tree(self, kind: str, x: float, y: float, scale: float = 1.0, clear_m: float = 4.0) -> bool:
        """A tree or bush (a scenery kind of ``TREE_TILES``) at (x, y) [m], unturned (its shadow
        is in the art): an object near the road; beyond ``OBJECTS_WITHIN_M``, where the camera
        never looks from the road, the terrain tile of the same tree on its cell (a stage of
        10,000 objects loads and draws slowly)."""
        r, c = self.cell_of(x, y)
        if self.inside(r, c) and self.dist[r, c] > OBJECTS_WITHIN_M:
            if self.can_place(r, c, clear_m=0.0):
                self.put(r, c, TREE_TILES[kind])
                return True
            return False
        return self.place_object(kind, x, y, 0.0, scale, clear_m)

    def put(self, r: int, c: int, kind: str, layer: str = "decor") -> None:
        {"decor": self.decor, "above": self.above, "ground": self.ground}[layer][r, c] = self.gid(kind)

    def put_block(self, r: int, c: int, names: list[list[str]], prefix: str, layer: str = "decor") -> None:
        for dr, row in enumerate(names):
            for dc, name in enumerate(row):
                self.put(r + dr, c + dc, f"{prefix}_{name}", layer)

    def block_free(self, r: int, c: int, h: int, w: int, terrain: int, clear_m: float) -> bool:
        return all(self.can_place(r + i, c + j, terrain, clear_m) for i in range(h) for j in range(w))


def pick_ground(w: World) -> None:
    """Choose each ground tile from its four corners (grass variants at random)."""
    cn = w.corner
    grass_ids = [w.gid(k) for k in ("grass_a", "grass_b", "grass_c")]
    grass_p = np.array([0.82, 0.11, 0.07])
    water_ids = [w.gid("water_a"), w.gid("water_b")]
    for r in range(w.rows):
        for c in range(w.cols):
            tl, tr, br, bl = int(cn[r, c]), int(cn[r, c + 1]), int(cn[r + 1, c + 1]), int(cn[r + 1, c])
            corners = (tl, tr, br, bl)
            kinds = {v for v in corners if v != GRASS}
            if len(kinds) > 1:
                # no tile mixes two non-grass terrains: the first of ROADS wins (cobbles over
                # asphalt at a town gate), and any water next to road becomes grass.
                top = next((t for t in ROADS if t in kinds), GRASS)
                corners = tuple(top if v in ROADS else GRASS for v in corners)  # type: ignore[assignment]
            if corners == (GRASS,) * 4:
                w.ground[r, c] = grass_ids[int(w.rng.choice(3, p=grass_p))]
            elif corners == (WATER,) * 4:
                w.ground[r, c] = water_ids[int(w.rng.random() < 0.12)]
            else:
                w.ground[r, c] = w.ts.by_corners[corners][0] + 1


def place_wall_cells(w: World, cells: set[tuple[int, int]], connect: bool = True, prefix: str = "wall") -> None:
    """Stone walls on the given cells, each joined to its wall neighbours (an autotile).

    With ``connect``, diagonal steps get an extra cell (the one farther from the road)
    so the wall is continuous rather than a row of separate stones.
    """
    cells = {rc for rc in cells if w.inside(*rc)}
    if connect:
        for r, c in list(cells):
            for dr, dc in ((1, 1), (1, -1), (-1, 1), (-1, -1)):
                if (r + dr, c + dc) in cells and (r + dr, c) not in cells and (r, c + dc) not in cells:
                    options = [(r + dr, c), (r, c + dc)]
                    options = [o for o in options if w.can_place(*o, clear_m=9.5)]
                    if options:
                        cells.add(max(options, key=lambda o: w.dist[o]))
    for r, c in cells:
        n = (r - 1, c) in cells
        e = (r, c + 1) in cells
        s = (r + 1, c) in cells
        west = (r, c - 1) in cells
        name = "".join(k for k, b in zip("nesw", (n, e, s, west), strict=True) if b) or "post"
        w.put(r, c, f"{prefix}_{name}")
        w.reserved[r, c] = True


def offset_cell(w: World, s: float, off_m: float) -> tuple[int, int]:
    """The cell ``off_m`` to the right (negative: left) of the road at arc length ``s``."""
    x, y, h = w.cl.at(s)
    return w.cell_of(x - math.sin(h) * off_m, y + math.cos(h) * off_m)


def place_pine(w: World, r: int, c: int, terrain: int = GRASS) -> bool:
    """An umbrella pine on ``terrain``: trunk on ``decor`` (solid), 3 × 3 canopy on ``above``."""
    if not w.can_place(r, c, terrain):
        return False
    if not all(
        w.inside(r + i, c + j) and w.above[r + i, c + j] == 0 and not w.reserved[r + i, c + j]
        for i in (-1, 0, 1)
        for j in (-1, 0, 1)
    ):
        return False
    w.put(r, c, "trunk")
    w.put_block(r - 1, c - 1, [["tl", "t", "tr"], ["l", "c", "r"], ["bl", "b", "br"]], "pine", "above")
    return True


def field_rects(w: World, size: tuple[int, int]) -> list[tuple[int, int, int, int]]:
    """The map cut into fields of varied size (row0, col0, row1, col1): binary splits, each
    piece cut across its longer side, down to 0.6–1.6 × ``size`` cells a side, so no two
    neighbours line up on a grid."""
    rng = w.rng
    out: list[tuple[int, int, int, int]] = []
    stack = [(0, 0, w.rows, w.cols)]
    while stack:
        r0, c0, r1, c1 = stack.pop()
        h, wd = r1 - r0, c1 - c0
        lim_h, lim_w = size[0] * rng.uniform(0.6, 1.6), size[1] * rng.uniform(0.6, 1.6)
        if h <= lim_h and wd <= lim_w:
            out.append((r0, c0, r1, c1))
        elif wd / lim_w >= h / lim_h:
            cut = c0 + max(2, round(wd * rng.uniform(0.35, 0.65)))
            stack += [(r0, c0, r1, cut), (r0, cut, r1, c1)]
        else:
            cut = r0 + max(2, round(h * rng.uniform(0.35, 0.65)))
            stack += [(r0, c0, cut, c1), (cut, c0, r1, c1)]
    return out


def place_patches(w: World, zone: str, size: tuple[int, int], kinds: list[str], clear_m: float) -> None:
    """Fields of varied size (``field_rects``) with a one-cell grass margin, some with a row of
    trees or a hedge along one edge, as along a ditch.

    A field that would come too close to the road is split into quarters and the quarters
    that fit are kept, so fields stay rectangular instead of being nibbled into staircases.
    Ground kinds paint the ground layer; groves (``GROVES``) are trees placed as objects.
    """
    rng = w.rng

    def fits(ra: int, ca: int, rb: int, cb: int) -> bool:
        return all(
            w.inside(r, c) and w.zone_of(r, c) == zone and w.can_place(r, c, clear_m=clear_m)
            for r in range(ra, rb)
            for c in range(ca, cb)
        )

    for pr, pc, pr1, pc1 in field_rects(w, size):
        kind = str(rng.choice(kinds))
        rects = [(pr + 1, pc + 1, pr1, pc1)]
        if not fits(*rects[0]):
            hr, hc = (pr + pr1) // 2, (pc + pc1) // 2
            rects = [
                q
                for q in (
                    (pr + 1, pc + 1, hr, hc),
                    (pr + 1, hc + 1, hr, pc1),
                    (hr + 1, pc + 1, pr1, hc),
                    (hr + 1, hc + 1, pr1, pc1),
                )
                if q[2] - q[0] >= 2 and q[3] - q[1] >= 2 and fits(*q)
            ]
        for ra, ca, rb, cb in rects:
            if kind in GROVES:
                grove(w, kind, ra, ca, rb, cb)
                continue
            for r in range(ra, rb):
                for c in range(ca, cb):
                    if kind == "meadow":  # mix in plain flowers so the poppies don't tile visibly
                        w.put(r, c, "meadow" if rng.random() < 0.45 else "grass_c", "ground")
                    elif kind != "grass":
                        w.put(r, c, kind, "ground")
                        if kind == "wheat" and rng.random() < 0.03:
                            w.put(r, c, "hay_bale")
            if rng.random() < 0.35:
                tree_line(w, ra, ca, rb, cb)


# Groves: the trees (scenery kinds), the spacing of the rows [m] (each grove draws its own
# from the range) and how far a tree strays from its place in the row (× the spacing).
GROVES = {
    "olive_grove": (("olive_a", "olive_b", "olive_c"), (7.0, 11.0), 0.12),
    "cypress_grove": (("cypress_a", "cypress_b"), (5.0, 7.0), 0.1),
    "wood": (("poplar", "bush", "olive_b", "cypress_a", "poplar", "plane_tree"), (6.0, 9.0), 0.35),
}
TREE_LINES = (("poplar", 8.0), ("cypress_a", 7.0), ("cypress_b", 7.0), ("bush", 5.0), ("plane_tree", 13.0))


def grove(w: World, kind: str, ra: int, ca: int, rb: int, cb: int) -> None:
    """Trees in rows over cells ra…rb × ca…cb, spaced as this grove is, a little off the grid;
    unturned (the art's shadows fall to the bottom right)."""
    rng = w.rng
    kinds, (lo, hi), stray = GROVES[kind]
    step = float(rng.uniform(lo, hi))
    x0, y0, x1, y1 = ca * TILE_M, ra * TILE_M, cb * TILE_M, rb * TILE_M
    for gy in np.arange(y0 + step / 2, y1 - 1.0, step):
        for gx in np.arange(x0 + step / 2, x1 - 1.0, step):
            jx, jy = rng.normal(0.0, step * stray, 2)
            x, y = float(np.clip(gx + jx, x0, x1)), float(np.clip(gy + jy, y0, y1))
            w.place_tree(str(rng.choice(kinds)), x, y, float(rng.uniform(0.8, 1.1)))


def tree_line(w: World, ra: int, ca: int, rb: int, cb: int) -> None:
    """A row of one kind of tree (or a hedge of bushes) along one edge of a field, on its margin."""
    rng = w.rng
    kind, step = TREE_LINES[int(rng.integers(len(TREE_LINES)))]
    x0, y0, x1, y1 = ca * TILE_M - 2.0, ra * TILE_M - 2.0, cb * TILE_M + 2.0, rb * TILE_M + 2.0
    edges = [((x0, y0), (x1, y0)), ((x1, y0), (x1, y1)), ((x1, y1), (x0, y1)), ((x0, y1), (x0, y0))]
    (ax, ay), (bx, by) = edges[int(rng.integers(4))]
    n = max(1, int(math.hypot(bx - ax, by - ay) / step))
    for k in range(n + 1):
        f = k / n
        w.place_tree(kind, ax + f * (bx - ax), ay + f * (by - ay), float(rng.uniform(0.9, 1.1)))


def place_arrows(w: World, town_zones: tuple[str, ...] = ("town",)) -> None:
    """The Freccia Rossa before every big turn, on the outside, pointing the way."""
    cl = w.cl
    names = ("e", "s", "w", "n")
    big = np.nonzero(np.abs(cl.curvature) >= 1 / 45)[0]
    starts = [i for i in big if abs(cl.curvature[i - 1]) < 1 / 45]
    for i in starts:
        j = min(i + int(math.pi / 2 / abs(cl.curvature[i])), len(cl.s) - 1)
        d = names[round(cl.heading[j] / (math.pi / 2)) % 4]
        r, c = offset_cell(w, float(cl.s[max(i - 8, 0)]), -np.sign(cl.curvature[i]) * 10.5)
        terrain = COBBLES if cl.zones[cl.zone[i]] in town_zones else GRASS
        if w.can_place(r, c, terrain, clear_m=9.0):
            w.put(r, c, f"arrow_{d}")


def sprinkle(w: World, rng: np.random.Generator) -> None:
    """Loose trees and bushes on open grass so no field is empty, anywhere in their cell."""
    grass = {w.gid("grass_a"), w.gid("grass_b"), w.gid("grass_c")}
    for r in range(w.rows):
        for c in range(w.cols):
            if w.decor[r, c] or w.ground[r, c] not in grass:
                continue
            p = rng.random()
            if p >= 0.02 or not w.can_place(r, c, clear_m=SPRINKLE_CLEAR_M):
                continue
            kind = "bush" if p < 0.012 else str(rng.choice(["olive_a", "olive_c", "cypress_a", "poplar"]))
            x, y = (c + rng.uniform(0.1, 0.9)) * TILE_M, (r + rng.uniform(0.1, 0.9)) * TILE_M
            w.place_tree(kind, float(x), float(y), float(rng.uniform(0.8, 1.15)))


SPRINKLE_CLEAR_M = 15.0  # a loose tree's cell this far from the road's centre: clear of any verge


def px(v_m: float) -> float:
    return v_m * PX_PER_M
