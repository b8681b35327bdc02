"""Generate ``levels/prologo.tmx``: "Prologo: Lago d'Iseo → Brescia".

The stage runs from Sarnico along the south shore of Lago d'Iseo (olive groves,
boats, Clusane), turns at Iseo into the Franciacorta hills (vineyards, cypresses, two
hairpins), crosses the plain on a poplar avenue and enters Brescia by Porta San
Giovanni: cobbled streets, terracotta roofs, bunting, and the finish in Piazza della
Loggia beside the Duomo's dome.

The road is a turtle path (straights and arcs, see ``mapgen``) sampled every metre; the
ground tiles come from a corner Wang set — each tile corner is grass, asphalt, water or
cobbles according to its distance to that centreline — so the painted road and the
``route`` polyline match exactly. Deterministic: one seeded numpy Generator.

Run:  SDL_VIDEODRIVER=dummy .venv/bin/python tools/make_prologo.py
(needs ``levels/tilesets/terrain.tsx`` from ``tools/make_tileset.py``).
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mapgen import (
    Arc,
    Centreline,
    MapObject,
    Straight,
    TilesetInfo,
    inside_polygon,
    lap_time_s,
    lay_centreline,
    nearest_field,
    read_tileset,
    simplify_route,
    speed_profile,
    tmx_text,
)

REPO = Path(__file__).resolve().parent.parent
LEVELS = REPO / "levels"
TSX = LEVELS / "tilesets" / "terrain.tsx"
OUT = LEVELS / "prologo.tmx"

TITLE = "Prologo: Lago d'Iseo → Brescia"
SEED = 722  # Moss's start number
COLS, ROWS = 240, 200
TILE_PX = 32
PX_PER_M = 8.0
TILE_M = TILE_PX / PX_PER_M  # 4 m
ROAD_CORNER_M = 6.0  # a tile corner this close to the centreline is road: painted width 8..16 m, mostly 12
CLEAR_SOLID_M = 10.0  # solid scenery (trees, walls, people) keeps its cell centre this far from the road centre
CLEAR_TOWN_M = 7.5  # house fronts in town: streets at least ~11 m between facades
ROUTE_PAST_FINISH_M = 30.0
START_XY = (40.0, 240.0)  # on a tile-corner row, so the first straight paints 12 m wide
CAR_L_M, CAR_W_M = 4.4, 1.8

LAKE, HILLS, PLAIN, TOWN = "lake", "hills", "plain", "town"
PLAN: list[tuple[str, Straight | Arc]] = [
    # Sarnico → Clusane → Iseo along the south shore. Straights run at 0° or 45° so the
    # tile edges stay clean; bends join them.
    (LAKE, Straight(100)),
    (LAKE, Arc(-45, 60)),
    (LAKE, Straight(20)),
    (LAKE, Arc(45, 60)),
    (LAKE, Straight(140)),
    (LAKE, Arc(45, 60)),
    (LAKE, Straight(20)),
    (LAKE, Arc(-45, 60)),
    (LAKE, Straight(120)),
    (LAKE, Arc(-45, 80)),
    (LAKE, Arc(45, 80)),
    (LAKE, Straight(100)),
    # Iseo: south into the Franciacorta hills, a long traverse west, two hairpins
    (HILLS, Arc(90, 40)),
    (HILLS, Straight(30)),
    (HILLS, Arc(45, 60)),
    (HILLS, Straight(40)),
    (HILLS, Arc(-45, 60)),
    (HILLS, Arc(90, 45)),
    (HILLS, Straight(200)),
    (HILLS, Arc(-45, 70)),
    (HILLS, Straight(20)),
    (HILLS, Arc(45, 70)),
    (HILLS, Straight(220)),
    (HILLS, Arc(-180, 22)),
    (HILLS, Straight(150)),
    (HILLS, Arc(180, 22)),
    (HILLS, Straight(100)),
    (HILLS, Arc(-90, 40)),
    (HILLS, Straight(30)),
    # down to the plain, east towards Brescia
    (PLAIN, Arc(-90, 50)),
    (PLAIN, Straight(200)),
    (PLAIN, Arc(-45, 60)),
    (PLAIN, Straight(10)),
    (PLAIN, Arc(45, 60)),
    (PLAIN, Straight(120)),
    # through Porta San Giovanni into the old town
    (TOWN, Straight(60)),
    (TOWN, Arc(90, 15)),
    (TOWN, Straight(40)),
    (TOWN, Arc(-90, 15)),
    (TOWN, Straight(110)),
]

# Checkpoints by arc length along the centreline [m] (the finish is placed in the piazza).
CHECKPOINTS = (("Clusane", 340.0), ("Iseo", 770.0), ("Provaglio", 1200.0), ("Gussago", 2000.0))

# Terrain codes at tile corners (the Wang colours of terrain.tsx).
GRASS, ASPHALT, WATER, COBBLES = 1, 2, 3, 4


@dataclass
class World:
    """The map under construction: tile corners, three tile layers and lookup fields."""

    ts: TilesetInfo
    cl: Centreline
    rng: np.random.Generator
    corner: NDArray[np.int64] = field(init=False)  # (ROWS+1, COLS+1) terrain at tile corners
    ground: NDArray[np.int64] = field(init=False)  # (ROWS, COLS) gids, 0 = empty
    decor: NDArray[np.int64] = field(init=False)
    above: NDArray[np.int64] = field(init=False)
    dist: NDArray[np.float64] = field(init=False)  # cell centre → centreline [m]
    near: NDArray[np.int64] = field(init=False)  # index of the nearest centreline sample
    reserved: NDArray[np.bool_] = field(init=False)  # cells kept free of scenery

    def __post_init__(self) -> None:
        self.ground = np.zeros((ROWS, COLS), dtype=np.int64)
        self.decor = np.zeros((ROWS, COLS), dtype=np.int64)
        self.above = np.zeros((ROWS, COLS), dtype=np.int64)
        self.reserved = np.zeros((ROWS, COLS), dtype=bool)
        xs = (np.arange(COLS) + 0.5) * TILE_M
        ys = (np.arange(ROWS) + 0.5) * TILE_M
        self.dist, self.near = nearest_field(self.cl.xy, xs, ys, radius_m=240.0)

    # -- lookups -------------------------------------------------------------------------
    def gid(self, kind: str) -> int:
        return self.ts.by_kind[kind] + 1  # firstgid = 1

    def zone_of(self, r: int, c: int) -> str:
        k = self.near[r, c]
        return self.cl.zones[self.cl.zone[k]] if k >= 0 else PLAIN

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
        return 0 <= r < ROWS and 0 <= c < COLS

    # -- placing -------------------------------------------------------------------------
    def can_place(self, r: int, c: int, terrain: int = GRASS, clear_m: float = CLEAR_SOLID_M) -> bool:
        return (
            self.inside(r, c)
            and r + 1 < ROWS
            and c + 1 < COLS
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


# -- terrain ---------------------------------------------------------------------------------------
def lake_polygon(cl: Centreline) -> NDArray[np.float64]:
    """The south shore follows the lake road at 24 ± 10 m; then the lake closes to the north."""
    s0, s1 = cl.zone_span(LAKE)
    idx = np.nonzero((cl.s >= s0) & (cl.s <= s1))[0][::4]
    s = cl.s[idx]
    off = 24.0 + 6.0 * np.sin(s / 53.0) + 4.0 * np.sin(s / 23.0 + 1.0)
    h = cl.heading[idx]
    # left of the direction of travel (east) is north: (sin h, -cos h) in the y-down frame
    shore = cl.xy[idx] + off[:, None] * np.stack([np.sin(h), -np.cos(h)], axis=1)
    xe, ye = shore[-1]
    east = [(xe + 26, ye - 14), (xe + 48, ye - 60), (xe + 58, ye - 130), (xe + 75, -10.0)]
    pts = [(-10.0, shore[0, 1]), *map(tuple, shore), *east, (-10.0, -10.0)]
    return np.array(pts)


def lay_terrain(w: World) -> None:
    xs = np.arange(COLS + 1) * TILE_M
    ys = np.arange(ROWS + 1) * TILE_M
    dist_v, near_v = nearest_field(w.cl.xy, xs, ys, radius_m=40.0)
    corner = np.full((ROWS + 1, COLS + 1), GRASS, dtype=np.int64)
    lake = inside_polygon(lake_polygon(w.cl), xs, ys)
    X, Y = np.meshgrid(xs, ys)
    island = ((X - 330) / 46) ** 2 + ((Y - 100) / 26) ** 2 <= 1.0  # Isola di Loreto, enlarged
    corner[lake & ~island & (dist_v > ROAD_CORNER_M + 8)] = WATER
    town_zone = w.cl.zones.index(TOWN)
    road = dist_v <= ROAD_CORNER_M
    in_town = np.zeros_like(road)
    r0, c0, r1, c1 = town_rect(w.cl)
    in_town[r0 : r1 + 1, c0 : c1 + 1] = True
    corner[road] = ASPHALT
    corner[in_town | (road & (w.cl.zone[np.maximum(near_v, 0)] == town_zone))] = COBBLES
    w.corner = corner


def town_rect(cl: Centreline) -> tuple[int, int, int, int]:
    """Corner rows/cols (r0, c0, r1, c1) of Brescia inside its walls; the west wall is the gate."""
    s_gate, _ = cl.zone_span(TOWN)
    gx, gy, _ = cl.at(s_gate)
    c0 = round(gx / TILE_M)
    r_mid = round(gy / TILE_M)
    return r_mid - 18, c0, min(ROWS - 3, r_mid + 34), min(COLS - 4, c0 + 55)


def pick_ground(w: World) -> None:
    """Choose each ground tile from its four corners (grass variants at random)."""
    cn = w.corner
    grass_ids = [w.gid(k) for k in ("grass_a", "grass_b", "grass_c")]
    grass_p = np.array([0.82, 0.11, 0.07])
    water_ids = [w.gid("water_a"), w.gid("water_b")]
    for r in range(ROWS):
        for c in range(COLS):
            tl, tr, br, bl = int(cn[r, c]), int(cn[r, c + 1]), int(cn[r + 1, c + 1]), int(cn[r + 1, c])
            corners = (tl, tr, br, bl)
            kinds = {v for v in corners if v != GRASS}
            if len(kinds) > 1:
                # no tile mixes two non-grass terrains: cobbles win over asphalt (the seam at
                # the town gate), and any water next to road becomes grass.
                top = COBBLES if COBBLES in kinds else ASPHALT
                corners = tuple(top if v in (ASPHALT, COBBLES) else GRASS for v in corners)  # type: ignore[assignment]
            if corners == (GRASS,) * 4:
                w.ground[r, c] = grass_ids[int(w.rng.choice(3, p=grass_p))]
            elif corners == (WATER,) * 4:
                w.ground[r, c] = water_ids[int(w.rng.random() < 0.12)]
            else:
                w.ground[r, c] = w.ts.by_corners[corners][0] + 1


# -- scenery -----------------------------------------------------------------------------------------
def place_town(w: World) -> float:
    """Brescia: walls with Porta San Giovanni, streets, houses, the piazza with the finish.

    Returns the finish's arc length [m] (on a cell-centre column, so the painted line
    and the finish object coincide).
    """
    cl = w.cl
    r0, c0, r1, c1 = town_rect(cl)
    s_gate, s_end = cl.zone_span(TOWN)
    fx, _, _ = cl.at(s_end - ROUTE_PAST_FINISH_M)
    f_col = int(fx // TILE_M)
    s_fin = s_end - ROUTE_PAST_FINISH_M + ((f_col + 0.5) * TILE_M - fx)
    _, fy, _ = cl.at(s_fin)
    f_row = int(fy // TILE_M)

    # Piazza della Loggia: open paving round the finish
    pr0, pr1, pc0, pc1 = f_row - 7, f_row + 6, f_col - 12, f_col + 3
    w.reserved[pr0 : pr1 + 1, pc0 : pc1 + 1] = True
    for r in range(pr0, pr1 + 1):
        for c in range(pc0, pc1 + 1):
            w.put(r, c, "piazza", "ground")
    # side streets (8 m) so the blocks read as a town: north from the piazza, an east–west
    # street across the north of town, and one down the east side
    w.reserved[r0:pr0, pc0 + 6 : pc0 + 8] = True
    w.reserved[r0 + 8 : r0 + 10, c0:c1] = True
    w.reserved[r0 + 8 : r1, c1 - 9 : c1 - 7] = True
    w.reserved[r0 + 26 : r0 + 28, c0 : c0 + 14] = True

    build_town_walls(w, r0, c0, r1, c1)

    # landmarks round the piazza: the Loggia (lead roof), the clock tower, the Duomo
    w.put_block(pr0 - 2, pc0, [["tl", "t", "t", "t", "t", "tr"], ["bl", "b", "b", "b", "b", "br"]], "house_lead")
    w.put_block(pr0 - 2, pc0 + 10, [["tl", "tr"], ["bl", "br"]], "tower")
    w.reserved[pr0 - 2 : pr0, pc0 : pc0 + 12] = True
    dome_r, dome_c = pr1 + 1, pc0 + 2
    w.put_block(dome_r, dome_c, [[f"{i}{j}" for j in range(4)] for i in range(4)], "dome")
    w.put_block(dome_r + 4, dome_c + 1, [["tl", "tr"], ["l", "r"], ["l", "r"], ["bl", "br"]], "housev_a")
    w.reserved[dome_r : dome_r + 8, dome_c : dome_c + 4] = True
    w.put_block(pr0 + 1, pc0 + 8, [["tl", "tr"], ["bl", "br"]], "fountain")
    for c in range(pc0 + 1, pc1 - 1, 3):
        w.put(pr1 - 1, c, "umbrella")
    for r, c in ((pr0, pc0), (pr0, pc1), (pr1, pc0), (pr1, pc1), (pr0, pc0 + 5), (pr1, pc0 + 5)):
        w.put(r, c, "lamp")
    for r, c in ((pr0 + 2, pc0 + 2), (pr0 + 2, pc0 + 4), (pr1 - 3, pc0 + 3), (pr0 + 2, pc1 - 1)):
        w.put(r, c, "spectators_flags")
    # the finish: chequered line across the street, the banner above it
    for r in range(pr0, pr1 + 1):
        if w.decor[r, f_col] == 0:
            w.put(r, f_col, "finish_line_v")
    road_rows = [r for r in range(pr0, pr1 + 1) if w.dist[r, f_col] < 6.0]
    mid = (min(road_rows) + max(road_rows)) // 2
    w.put_block(mid - 1, f_col, [["t"], ["m"], ["b"]], "banner_v", "above")

    fill_houses(w, r0, c0, r1, c1)
    # bunting across the streets every ~20 m
    for s in np.arange(s_gate + 20, s_fin - 8, 20.0):
        x, y, h = cl.at(float(s))
        r, c = w.cell_of(x, y)
        east_west = abs(math.cos(h)) > 0.7
        for k in range(-2, 3):
            rr, cc = (r + k, c) if east_west else (r, c + k)
            if w.inside(rr, cc) and w.dist[rr, cc] < 7.0:
                w.put(rr, cc, "bunting_v" if east_west else "bunting_h", "above")
    return s_fin


def build_town_walls(w: World, r0: int, c0: int, r1: int, c1: int) -> None:
    """The walls on the ring of cells straddling the town's edge, a gatehouse on the road."""
    ring: set[tuple[int, int]] = set()
    for c in range(c0 - 1, c1 + 1):
        ring |= {(r0 - 1, c), (r1, c)}
    for r in range(r0 - 1, r1 + 1):
        ring |= {(r, c0 - 1), (r, c1)}
    gate_rows = [r for r in range(r0, r1) if w.dist[r, c0 - 1] < 7.0]
    g0, g1 = min(gate_rows), max(gate_rows)
    for r in range(g0 - 1, g1 + 2):
        ring.discard((r, c0 - 1))
    place_wall_cells(w, ring, connect=False)
    # the gatehouse roof spans the street above the cars; its piers are solid
    roof_rows = list(range(g0 - 1, g1 + 2))
    for k, r in enumerate(roof_rows):
        end = "t" if k == 0 else ("b" if k == len(roof_rows) - 1 else "")
        w.put(r, c0 - 1, f"gate_{end or 'l'}{'l' if end else ''}", "above")
        w.put(r, c0, f"gate_{end or 'r'}{'r' if end else ''}", "above")
    for r in (g0 - 1, g1 + 1):
        w.put(r, c0 - 1, "wall_ns")
        w.reserved[r, c0 - 1 : c0 + 1] = True
    for r, c in ((g0 - 3, c0 - 1), (g1 + 2, c0 - 1)):
        w.put_block(r, c, [["tl", "tr"], ["bl", "br"]], "tower")
        w.reserved[r : r + 2, c : c + 2] = True


def fill_houses(w: World, r0: int, c0: int, r1: int, c1: int) -> None:
    """Pack the town's free cells with houses round inner courtyards (*cortili*).

    Some cells three or more cells from any street become small gardens; the rest
    gets hipped-roof houses two tiles deep, east–west or north–south by district.
    """
    rng = w.rng

    def free(r: int, c: int) -> bool:
        return (
            r0 <= r < r1
            and c0 <= c < c1
            and w.decor[r, c] == 0
            and not w.reserved[r, c]
            and w.dist[r, c] >= CLEAR_TOWN_M
        )

    freemask = np.zeros((ROWS, COLS), dtype=bool)
    for r in range(r0, r1):
        for c in range(c0, c1):
            freemask[r, c] = free(r, c)
    depth = chebyshev_depth(freemask)
    garden_ids = (w.gid("grass_a"), w.gid("grass_c"))
    # small courtyards scattered through the inside of each block, not one big park
    courtyard = (depth >= 3) & ((np.arange(ROWS)[:, None] // 3 + np.arange(COLS)[None, :] // 3) % 3 == 0)
    for r, c in zip(*np.nonzero(courtyard), strict=True):
        w.ground[r, c] = garden_ids[int(rng.random() < 0.3)]
        w.reserved[r, c] = True
        if rng.random() < 0.25:
            w.put(r, c, str(rng.choice(["cypress", "olive", "bush"])))

    vertical_district = rng.random((ROWS // 8 + 1, COLS // 8 + 1)) < 0.35

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


def place_wall_cells(w: World, cells: set[tuple[int, int]], connect: bool = True) -> None:
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
        w.put(r, c, f"wall_{name}")
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

    for pr in range(0, ROWS, ph):
        for pc in range(0, COLS, pw):
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


def place_lake(w: World, rng: np.random.Generator) -> None:
    cl = w.cl
    _, s1 = cl.zone_span(LAKE)
    # boats on open water, reeds along the shore
    n_boats = 0
    while n_boats < 16:
        r, c = int(rng.integers(2, 45)), int(rng.integers(2, 215))
        if all(w.pure(r + i, c + j, WATER) for i in (-2, 0, 2) for j in (-2, 0, 2)) and w.decor[r, c] == 0:
            w.put(r, c, "sail_boat" if rng.random() < 0.6 else "rowing_boat")
            n_boats += 1
    for r in range(1, ROWS - 1):
        for c in range(1, COLS - 1):
            shore = w.pure(r, c, WATER) and not all(w.pure(r + i, c + j, WATER) for i in (-1, 1) for j in (-1, 1))
            if shore and rng.random() < 0.2 and w.decor[r, c] == 0:
                w.put(r, c, "reeds")
    # Isola di Loreto: a little castle tower among cypresses
    ir, ic = w.cell_of(330, 100)
    w.put_block(ir - 1, ic - 1, [["tl", "tr"], ["bl", "br"]], "tower")
    for dr, dc in ((-2, -4), (0, -5), (1, 3), (-2, 3), (2, -3), (0, 4), (2, 1), (-3, 0)):
        if w.pure(ir + dr, ic + dc, GRASS):
            w.put(ir + dr, ic + dc, "cypress")
    # the start at Sarnico: chequered line, banner and a crowd
    x, y, _ = cl.at(0.0)
    r, c = w.cell_of(x + CAR_L_M / 2, y)
    rows = [rr for rr in range(r - 3, r + 4) if w.dist[rr, c] < 6.0]
    for rr in rows:
        w.put(rr, c, "finish_line_v")
    mid = (min(rows) + max(rows)) // 2
    w.put_block(mid - 1, c + 1, [["t"], ["m"], ["b"]], "banner_v", "above")
    for dc in range(-8, 12):
        for rr in (r - 3, r + 3):
            if w.can_place(rr, c + dc, clear_m=9.0) and rng.random() < 0.75:
                w.put(rr, c + dc, "spectators_flags" if rng.random() < 0.4 else "spectators_a")
    # villages: Clusane, and Iseo on both sides of the road
    place_village(w, 300.0, 390.0, sides=(1,))
    place_village(w, s1 - 130.0, s1, sides=(1, -1))
    # umbrella pines by the water, olive groves on the slopes inland
    for s in np.arange(40.0, s1 - 40.0, 31.0):
        place_pine(w, *offset_cell(w, float(s), -11.5 if rng.random() < 0.6 else 11.5))
    for r in range(ROWS):
        for c in range(COLS):
            if w.zone_of(r, c) != LAKE or w.side_of(r, c) < 0 or not (12.0 <= w.dist[r, c] <= 150.0):
                continue
            grove = (r % 2 == 0) and ((c + r // 2) % 2 == 0)
            if grove and rng.random() < 0.88 and w.can_place(r, c):
                w.put(r, c, "olive")


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


def place_hills(w: World, rng: np.random.Generator) -> None:
    cl = w.cl
    s0, s1 = cl.zone_span(HILLS)
    # stone walls round the outside of tight bends, spectators on the inside
    tight = [i for i in np.nonzero(np.abs(cl.curvature) > 1 / 30)[0] if cl.zones[cl.zone[i]] == HILLS]
    wall_cells: set[tuple[int, int]] = set()
    for i in tight:
        outside = -np.sign(cl.curvature[i])  # right turn → wall on the left
        for off in (11.0, 12.5):
            r, c = offset_cell(w, float(cl.s[i]), outside * off)
            if w.can_place(r, c, clear_m=10.5):
                wall_cells.add((r, c))
    place_wall_cells(w, wall_cells)
    for i in tight[::7]:
        r, c = offset_cell(w, float(cl.s[i]), np.sign(cl.curvature[i]) * 12.0)
        if w.can_place(r, c, clear_m=11.0):
            w.put(r, c, "spectators_a" if rng.random() < 0.5 else "spectators_flags")
    # cypress avenues on some straights
    place_along(w, "cypress", s0 + 180, s0 + 420, 10.0, (-11.0, 11.0))
    place_along(w, "cypress", s1 - 150, s1 - 30, 9.0, (-10.5, 10.5))
    # Franciacorta: vineyards in rectangles, olive groves, woods and meadows between
    place_patches(
        w,
        HILLS,
        (9, 9),
        ["vineyard_h", "vineyard_v", "vineyard_h", "vineyard_v", "meadow", "olive_grove", "wood", "grass"],
        11.0,
        {"olive_grove": 0.45, "wood": 0.5},
    )


def place_plain(w: World, rng: np.random.Generator) -> None:
    cl = w.cl
    s0, s1 = cl.zone_span(PLAIN)
    place_along(w, "poplar", s0 + 70, s1 - 10, 10.0, (-10.5, 10.5))
    for s, off in ((s0 + 150, 10.5), (s0 + 330, -10.5)):
        r, c = offset_cell(w, s, off)
        w.put(r, c, "cyclists")
    place_patches(w, PLAIN, (8, 12), ["wheat", "ploughed", "wheat", "meadow", "grass", "wood"], 13.0, {"wood": 0.45})
    # a cascina: farmhouses round a dirt yard
    r, c = w.cell_of(120, 600)
    w.put_block(r, c, [["tl", "t", "t", "t", "tr"], ["bl", "b", "b", "b", "br"]], "house_c")
    w.put_block(r + 2, c, [["tl", "tr"], ["l", "r"], ["l", "r"], ["bl", "br"]], "housev_a")
    for dr in range(2, 6):
        for dc in range(2, 6):
            w.put(r + dr, c + dc, "dirt", "ground")
    w.put(r + 3, c + 4, "hay_bale")
    w.reserved[r - 1 : r + 7, c - 1 : c + 7] = True


def place_arrows(w: World) -> None:
    """The Freccia Rossa before every big turn, on the outside, pointing the way."""
    cl = w.cl
    names = ("e", "s", "w", "n")
    big = np.nonzero(np.abs(cl.curvature) >= 1 / 45)[0]
    starts = [i for i in big if abs(cl.curvature[i - 1]) < 1 / 45]
    for i in starts:
        j = min(i + int(math.pi / 2 / abs(cl.curvature[i])), len(cl.s) - 1)
        d = names[round(cl.heading[j] / (math.pi / 2)) % 4]
        r, c = offset_cell(w, float(cl.s[max(i - 8, 0)]), -np.sign(cl.curvature[i]) * 10.5)
        terrain = COBBLES if cl.zones[cl.zone[i]] == TOWN else GRASS
        if w.can_place(r, c, terrain, clear_m=9.0):
            w.put(r, c, f"arrow_{d}")


def sprinkle(w: World, rng: np.random.Generator) -> None:
    """Loose trees and bushes on open grass so no field is empty."""
    grass = {w.gid("grass_a"), w.gid("grass_b"), w.gid("grass_c")}
    for r in range(ROWS):
        for c in range(COLS):
            if w.decor[r, c] or w.ground[r, c] not in grass:
                continue
            p = rng.random()
            if p < 0.012 and w.can_place(r, c):
                w.put(r, c, "bush")
            elif p < 0.02 and w.can_place(r, c):
                w.put(r, c, str(rng.choice(["olive", "cypress", "poplar"])))


# -- objects ------------------------------------------------------------------------------------------
def px(v_m: float) -> float:
    return v_m * PX_PER_M


def gate_reach_m(w: World, s: float, side: int) -> float:
    """How far [m] the drivable surface reaches from the centreline at ``s`` (side +1 = right).

    A gate must span all of it, or a car could drive round the line (the piazza is
    wider than the street).
    """
    road_ids = {t + 1 for t, name in w.ts.surface.items() if name in ("asphalt", "cobbles")}
    solid_ids = {t + 1 for t, solid in w.ts.solid.items() if solid}
    x, y, h = w.cl.at(s)
    d = 0.0
    while d < 60.0:
        r, c = w.cell_of(x - math.sin(h) * side * d, y + math.cos(h) * side * d)
        if not w.inside(r, c) or w.ground[r, c] not in road_ids or w.decor[r, c] in solid_ids:
            break
        d += 0.5
    return d


def gate_object(oid: int, name: str, typ: str, w: World, s: float, order: int | None) -> MapObject:
    """A 2-point polyline across the road at arc length ``s``, left end first, 1 m past
    the drivable surface on each side."""
    x, y, h = w.cl.at(s)
    nx, ny = -math.sin(h), math.cos(h)  # right-hand normal
    left, right = gate_reach_m(w, s, -1) + 1.0, gate_reach_m(w, s, 1) + 1.0
    ax, ay = x - nx * left, y - ny * left
    props = [("order", "int", str(order))] if order is not None else None
    span = left + right
    return MapObject(
        oid, name, typ, px(ax), px(ay), points=[(0.0, 0.0), (px(span * nx), px(span * ny))], properties=props
    )


def build_objects(w: World, s_finish: float) -> list[MapObject]:
    cl = w.cl
    objs: list[MapObject] = []
    x, y, h = cl.at(0.0)
    # Tiled rotates a rectangle about its top-left corner: centre = (x, y) + R(h)·(w/2, h/2)
    hw, hh = CAR_L_M / 2, CAR_W_M / 2
    tlx = x - (math.cos(h) * hw - math.sin(h) * hh)
    tly = y - (math.sin(h) * hw + math.cos(h) * hh)
    objs.append(MapObject(1, "Sarnico", "start", px(tlx), px(tly), px(CAR_L_M), px(CAR_W_M), math.degrees(h)))
    for k, (name, s) in enumerate(CHECKPOINTS, start=1):
        objs.append(gate_object(len(objs) + 1, name, "checkpoint", w, s, k))
    # a last checkpoint under the town gate
    s_gate, _ = cl.zone_span(TOWN)
    n = len(CHECKPOINTS) + 1
    objs.append(gate_object(len(objs) + 1, "Porta San Giovanni", "checkpoint", w, s_gate - 2.0, n))
    objs.append(gate_object(len(objs) + 1, "Piazza della Loggia", "finish", w, s_finish, None))
    route = simplify_route(cl, s_finish + ROUTE_PAST_FINISH_M, straight_step_m=20.0, curve_step_m=8.0)
    rx, ry = route[0]
    objs.append(
        MapObject(len(objs) + 1, "route", "route", px(rx), px(ry), points=[(px(a - rx), px(b - ry)) for a, b in route])
    )
    border = [(0.0, 0.0), (px(COLS * TILE_M), 0.0), (px(COLS * TILE_M), px(ROWS * TILE_M)), (0.0, px(ROWS * TILE_M))]
    objs.append(MapObject(len(objs) + 1, "map edge", "wall", 0.0, 0.0, points=border, closed=True))
    return objs


# -- checks ------------------------------------------------------------------------------------------
def min_road_width_m(w: World, s_to: float) -> float:
    """Narrowest drivable width across the road [m]: non-solid road-surface cells either side."""
    road_ids = {t + 1 for t, s in w.ts.surface.items() if s in ("asphalt", "cobbles")}
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--par",
        choices=("autopilot", "estimate"),
        default="autopilot",
        help="par time from the game's autopilot (slower, default) or a point-mass estimate",
    )
    args = parser.parse_args()
    ts = read_tileset(TSX)
    rng = np.random.default_rng(SEED)
    cl = lay_centreline(START_XY, 0.0, PLAN)
    w = World(ts, cl, rng)
    lay_terrain(w)
    pick_ground(w)
    s_fin = place_town(w)
    place_lake(w, rng)
    place_hills(w, rng)
    place_plain(w, rng)
    place_arrows(w)
    sprinkle(w, rng)
    objs = build_objects(w, s_fin)
    layers = [
        ("ground", w.ground, []),
        ("decor", w.decor, []),
        ("above", w.above, [("above_cars", "bool", "true")]),
    ]

    def write(par_s: float) -> None:
        props = [
            ("title", "string", TITLE),
            ("px_per_m", "float", f"{PX_PER_M:g}"),
            ("time_of_day", "string", "day"),
            ("weather", "string", "clear"),
            ("par_time_s", "float", f"{par_s:g}"),
        ]
        OUT.write_text(
            tmx_text(COLS, ROWS, TILE_PX, "tilesets/terrain.tsx", props, layers, objs, "#8db255"), encoding="utf-8"
        )

    v = speed_profile(cl, a_lat=7.0, v_max=52.0, power_per_mass=150.0, a_brake=7.0)
    t_est = lap_time_s(cl, v, 0.0, s_fin)
    write(round(t_est * 1.10))
    t_auto = autopilot_time_s(OUT) if args.par == "autopilot" else None
    if t_auto is not None:
        write(round(t_auto * 1.10))
    par_note = f"autopilot ({PAR_CAR}) {t_auto:.1f} s" if t_auto is not None else f"estimate {t_est:.1f} s"
    width = min_road_width_m(w, s_fin)
    print(
        f"wrote {OUT}: {COLS}x{ROWS} tiles, road to finish {s_fin:.0f} m, par from {par_note} + 10 %, "
        f"narrowest road {width:.1f} m"
    )
    if width < 8.0:
        raise SystemExit(f"road narrower than 8 m somewhere ({width:.1f} m)")


if __name__ == "__main__":
    main()
