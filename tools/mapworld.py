"""The map under construction and the scenery helpers shared by the stage generators.

``mapgen`` lays the road centreline and writes the ``.tmx``; this module holds the
``World`` in between — the terrain at tile corners, the ``ground`` / ``decor`` /
``above`` layers, distance fields to the road — and the ways to fill it: Wang ground
tiles from corner terrain, houses packed round courtyards, walls, tree avenues, fields
in clean rectangles, villages, Freccia Rossa arrows, gates across the road, and the
autopilot par time. Everything in metres, y down; tiles are 4 m.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mapgen import Centreline, MapObject, TilesetInfo, nearest_field

REPO = Path(__file__).resolve().parent.parent
TILE_PX = 32
PX_PER_M = 8.0
TILE_M = TILE_PX / PX_PER_M  # 4 m
CLEAR_SOLID_M = 10.0  # solid scenery (trees, walls, people) keeps its cell centre this far from the road centre
CLEAR_TOWN_M = 7.5  # house fronts in town: streets at least ~11 m between facades
CAR_L_M, CAR_W_M = 4.4, 1.8

# Terrain codes at tile corners (the Wang colours of terrain.tsx).
GRASS, ASPHALT, WATER, COBBLES, GRAVEL, WET = 1, 2, 3, 4, 5, 6
ROADS = (COBBLES, WET, ASPHALT, GRAVEL)  # where two road terrains meet in a tile, the first wins
ROAD_SURFACES = ("asphalt", "wet_asphalt", "cobbles", "gravel")


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


def fill_houses(w: World, r0: int, c0: int, r1: int, c1: int, clear_m: float = CLEAR_TOWN_M) -> None:
    """Pack the town's free cells with houses round inner courtyards (*cortili*).

    Some cells three or more cells from any street become small gardens; the rest
    gets hipped-roof houses two tiles deep, east–west or north–south by district.
    """
    rng = w.rng

    def free(r: int, c: int) -> bool:
        return r0 <= r < r1 and c0 <= c < c1 and w.decor[r, c] == 0 and not w.reserved[r, c] and w.dist[r, c] >= clear_m

    freemask = np.zeros((w.rows, w.cols), dtype=bool)
    for r in range(r0, r1):
        for c in range(c0, c1):
            freemask[r, c] = free(r, c)
    depth = chebyshev_depth(freemask)
    garden_ids = (w.gid("grass_a"), w.gid("grass_c"))
    # small courtyards scattered through the inside of each block, not one big park
    courtyard = (depth >= 3) & ((np.arange(w.rows)[:, None] // 3 + np.arange(w.cols)[None, :] // 3) % 3 == 0)
    for r, c in zip(*np.nonzero(courtyard), strict=True):
        w.ground[r, c] = garden_ids[int(rng.random() < 0.3)]
        w.reserved[r, c] = True
        if rng.random() < 0.25:
            w.put(r, c, str(rng.choice(["cypress", "olive", "bush"])))

    vertical_district = rng.random((w.rows // 8 + 1, w.cols // 8 + 1)) < 0.35

    def pack_rows(only_district: bool) -> None:
        for r in range(r0, r1 - 1):
            c = c0
            while c < c1:
                if only_district and vertical_district[r // 8, c // 8]:
                    c += 1
                    continue
                run = 0
                while c + run < c1 and free(r, c + run) and free(r + 1, c + run) and run < 5:
                    run += 1
                if run < 2:
                    c += 1
                    continue
                width = int(rng.integers(2, run + 1))
                if run - width == 1:
                    width = run
                colour = str(rng.choice(["a", "a", "b", "c"]))
                w.put_block(
                    r, c, [["tl", *["t"] * (width - 2), "tr"], ["bl", *["b"] * (width - 2), "br"]], f"house_{colour}"
                )
                c += width

    def pack_cols() -> None:
        for c in range(c0, c1 - 1):
            r = r0
            while r < r1:
                run = 0
                while r + run < r1 and free(r + run, c) and free(r + run, c + 1) and run < 5:
                    run += 1
                if run < 3:
                    r += 1
                    continue
                height = int(rng.integers(3, run + 1))
                names = [["tl", "tr"], *[["l", "r"]] * (height - 2), ["bl", "br"]]
                w.put_block(r, c, names, f"housev_{rng.choice(['a', 'b'])}")
                r += height

    pack_rows(only_district=True)
    pack_cols()
    pack_rows(only_district=False)
    for r in range(r0, r1):
        for c in range(c0, c1):
            if free(r, c):
                w.put(
                    r,
                    c,
                    str(rng.choice(["lamp", "bush", "cypress", "flag"])) if rng.random() < 0.6 else "piazza",
                    "decor",
                )
                if w.decor[r, c] == w.gid("piazza"):
                    w.decor[r, c] = 0


def chebyshev_depth(mask: NDArray[np.bool_]) -> NDArray[np.int64]:
    """For each True cell, how many steps (8-neighbour) to the nearest False cell."""
    depth = np.zeros(mask.shape, dtype=np.int64)
    cur = mask.copy()
    k = 0
    while cur.any():
        k += 1
        depth[cur] = k
        shrunk = cur.copy()
        shrunk[1:, :] &= cur[:-1, :]
        shrunk[:-1, :] &= cur[1:, :]
        shrunk[:, 1:] &= cur[:, :-1]
        shrunk[:, :-1] &= cur[:, 1:]
        shrunk[1:, 1:] &= cur[:-1, :-1]
        shrunk[:-1, :-1] &= cur[1:, 1:]
        shrunk[1:, :-1] &= cur[:-1, 1:]
        shrunk[:-1, 1:] &= cur[1:, :-1]
        cur = shrunk
    return depth


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


def place_along(w: World, kind: str, s_from: float, s_to: float, step_m: float, offsets_m: tuple[float, ...]) -> None:
    """Scenery in a row beside the road: every ``step_m`` at lateral offsets (+ = right)."""
    for s in np.arange(s_from, s_to, step_m):
        for off in offsets_m:
            r, c = offset_cell(w, float(s), off)
            if w.can_place(r, c):
                w.put(r, c, kind)


def place_pine(w: World, r: int, c: int) -> bool:
    """An umbrella pine: trunk on ``decor`` (solid), 3 × 3 canopy on ``above``."""
    if not w.can_place(r, c):
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


def place_patches(
    w: World, zone: str, size: tuple[int, int], kinds: list[str], clear_m: float, fill: dict[str, float]
) -> None:
    """Fields in clean rectangles with a one-cell grass margin.

    A patch that would come too close to the road is split into quarters and the
    quarters that fit are kept, so fields stay rectangular instead of being nibbled
    into staircases. Ground kinds paint the ground layer; ``fill`` kinds scatter decor
    with the given density.
    """
    rng = w.rng
    ph, pw = size

    def fits(ra: int, ca: int, rb: int, cb: int) -> bool:
        return all(
            w.inside(r, c) and w.zone_of(r, c) == zone and w.can_place(r, c, clear_m=clear_m)
            for r in range(ra, rb)
            for c in range(ca, cb)
        )

    for pr in range(0, w.rows, ph):
        for pc in range(0, w.cols, pw):
            kind = str(rng.choice(kinds))
            rects = [(pr + 1, pc + 1, pr + ph, pc + pw)]
            if not fits(*rects[0]):
                hr, hc = pr + ph // 2, pc + pw // 2
                rects = [
                    q
                    for q in (
                        (pr + 1, pc + 1, hr, hc),
                        (pr + 1, hc + 1, hr, pc + pw),
                        (hr + 1, pc + 1, pr + ph, hc),
                        (hr + 1, hc + 1, pr + ph, pc + pw),
                    )
                    if q[2] - q[0] >= 2 and q[3] - q[1] >= 2 and fits(*q)
                ]
            for ra, ca, rb, cb in rects:
                for r in range(ra, rb):
                    for c in range(ca, cb):
                        if kind in fill:
                            if rng.random() < fill[kind]:
                                w.put(r, c, str(rng.choice(FILL_KINDS[kind])))
                        elif kind == "meadow":  # mix in plain flowers so the poppies don't tile visibly
                            w.put(r, c, "meadow" if rng.random() < 0.45 else "grass_c", "ground")
                        elif kind != "grass":
                            w.put(r, c, kind, "ground")
                            if kind == "wheat" and rng.random() < 0.03:
                                w.put(r, c, "hay_bale")


FILL_KINDS = {
    "olive_grove": ["olive"],
    "wood": ["poplar", "bush", "olive", "cypress", "poplar"],
    "cypress_grove": ["cypress"],
}


def place_village(w: World, s_from: float, s_to: float, sides: tuple[int, ...]) -> None:
    rng = w.rng
    for side in sides:
        for s in np.arange(s_from, s_to, 13.0):
            r, c = offset_cell(w, float(s), side * 14.0)
            r -= 0 if side > 0 else 1
            width = int(rng.integers(2, 4))
            if w.block_free(r, c, 2, width, GRASS, 9.0):
                colour = str(rng.choice(["a", "b", "c"]))
                names = [["tl", *["t"] * (width - 2), "tr"], ["bl", *["b"] * (width - 2), "br"]]
                w.put_block(r, c, names, f"house_{colour}")
                w.reserved[r : r + 2, c : c + width] = True
    for s in np.arange(s_from, s_to, 8.0):
        for off, kind in ((-10.5, "lamp"), (10.5, "spectators_flags"), (-10.5, "spectators_b"), (10.5, "flag")):
            r, c = offset_cell(w, float(s), off)
            if w.can_place(r, c) and rng.random() < 0.45:
                w.put(r, c, kind)


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
    """Loose trees and bushes on open grass so no field is empty."""
    grass = {w.gid("grass_a"), w.gid("grass_b"), w.gid("grass_c")}
    for r in range(w.rows):
        for c in range(w.cols):
            if w.decor[r, c] or w.ground[r, c] not in grass:
                continue
            p = rng.random()
            if p < 0.012 and w.can_place(r, c):
                w.put(r, c, "bush")
            elif p < 0.02 and w.can_place(r, c):
                w.put(r, c, str(rng.choice(["olive", "cypress", "poplar"])))


def px(v_m: float) -> float:
    return v_m * PX_PER_M


def gate_reach_m(w: World, s: float, side: int) -> float:
    """How far [m] the drivable surface reaches from the centreline at ``s`` (side +1 = right).

    A gate must span all of it, or a car could drive round the line (the piazza is
    wider than the street).
    """
    road_ids = {t + 1 for t, name in w.ts.surface.items() if name in ROAD_SURFACES}
    solid_ids = {t + 1 for t, solid in w.ts.solid.items() if solid}
    x, y, h = w.cl.at(s)
    d = 0.0
    while d < 100.0:
        r, c = w.cell_of(x - math.sin(h) * side * d, y + math.cos(h) * side * d)
        if not w.inside(r, c) or w.ground[r, c] not in road_ids or w.decor[r, c] in solid_ids:
            break
        d += 0.5
    return d


def gate_object(
    oid: int, name: str, typ: str, w: World, s: float, order: int | None, margin_m: float = 1.0
) -> MapObject:
    """A 2-point polyline across the road at arc length ``s``, left end first, ``margin_m``
    past the drivable surface on each side (a car cutting across the verge still crosses it)."""
    x, y, h = w.cl.at(s)
    nx, ny = -math.sin(h), math.cos(h)  # right-hand normal
    solid_ids = {t + 1 for t, solid in w.ts.solid.items() if solid}

    def side(sign: int) -> float:
        reach = gate_reach_m(w, s, sign)
        r, c = w.cell_of(x + nx * sign * (reach + 0.5), y + ny * sign * (reach + 0.5))
        blocked = w.inside(r, c) and w.decor[r, c] in solid_ids
        return reach + (min(margin_m, 1.0) if blocked else margin_m)  # end inside a wall, not beyond it

    left, right = side(-1), side(1)
    ax, ay = x - nx * left, y - ny * left
    props = [("order", "int", str(order))] if order is not None else None
    span = left + right
    return MapObject(
        oid, name, typ, px(ax), px(ay), points=[(0.0, 0.0), (px(span * nx), px(span * ny))], properties=props
    )


def min_road_width_m(w: World, s_to: float) -> float:
    """Narrowest drivable width across the road [m]: non-solid road-surface cells either side."""
    road_ids = {t + 1 for t, s in w.ts.surface.items() if s in ROAD_SURFACES}
    solid_ids = {t + 1 for t, solid in w.ts.solid.items() if solid}
    narrowest = math.inf
    for s in np.arange(5.0, s_to, 5.0):
        x, y, h = w.cl.at(float(s))
        width = 0.0
        for side in (-1, 1):
            d = 0.0
            while d < 30:
                px_, py_ = x - math.sin(h) * side * d, y + math.cos(h) * side * d
                r, c = w.cell_of(px_, py_)
                if not w.inside(r, c) or w.ground[r, c] not in road_ids or w.decor[r, c] in solid_ids:
                    break
                d += 0.25
            width += d
        narrowest = min(narrowest, width)
    return narrowest


PAR_CAR = "jaguar-xk120"  # a mid-field 1950s car: par = its autopilot time + 10 %


def autopilot_time_s(path: Path) -> float | None:
    """The autopilot's stage time with ``PAR_CAR`` (None if the game is not importable)."""
    sys.path.insert(0, str(REPO / "src"))
    try:
        from millegame import catalog
        from millegame.core.sim import run_stage
        from millegame.levels import load_stage
    except ImportError as e:
        print(f"(autopilot unavailable: {e}; using the point-mass estimate)")
        return None
    result = run_stage(load_stage(path), catalog.load_car(PAR_CAR))
    return result.time_s if result.finished else None
