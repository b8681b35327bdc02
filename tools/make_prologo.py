"""Generate ``levels/prologo.tmx``: "Prologo: Lago d'Iseo → Brescia", drawn with road objects.

The first stage on the road-geometry format (docs/levels.md, "Roads"): four road pieces a
designer could have clicked in Tiled (47 points for 2.5 km), smoothed by the loader:

1. **Lungolago** — the lake road from Sarnico along the south shore of Lago d'Iseo to Iseo,
   following the shore's kinks (asphalt, 6.5 m);
2. **Salita di Provaglio** — the climb through the Franciacorta's olive groves and vineyards,
   bends of every radius and two hairpins (asphalt, 6 m, straw bales on the outside);
3. **Strada per Brescia** — fast sweepers across the plain between poplar rows (asphalt, 7 m);
4. **Brescia** — in by Porta San Giovanni on cobbles, corners as drawn (``sharp``), houses
   along the streets, the finish in Piazza della Loggia beside the Duomo.

Scenery is placed as tile objects from ``scenery.tsx`` at any angle; each is solid where its
tile's collision shape is (a trunk, a house's walls), and nothing is placed where its shape
would touch a road. The ground (grass, lake, vineyards, fields, the town's paving) is a tile
layer. Deterministic: one seeded numpy Generator.

The stage is a source people edit in Tiled: this tool refuses to overwrite a prologo.tmx
that differs from what it wrote last (see ``write_generated``), unless ``--force``.

Run:  .venv/bin/python tools/make_prologo.py [--force] [--par estimate]
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from numpy.typing import NDArray

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(HERE))

from generated import refuse_if_edited, write_generated_stage  # noqa: E402
from mapgen import read_tileset  # noqa: E402
from scenery_place import SCENERY_FIRSTGID, Scenery, along, length  # noqa: E402
from townscape import block_houses, street_houses  # noqa: E402

from millegame.levels.roads import smooth_chain  # noqa: E402
from millegame.levels.writer import Property, TmxLayer, TmxObject, tmx_text  # noqa: E402

OUT = REPO / "levels" / "prologo.tmx"
TILESETS = REPO / "levels" / "tilesets"
PX_PER_M = 8.0
TILE_PX = 32
CELL_M = TILE_PX / PX_PER_M
W_M, H_M = 2000.0, 1100.0
COLS, ROWS = int(W_M / CELL_M), int(H_M / CELL_M)

Point = tuple[float, float]


@dataclass(frozen=True)
class Piece:
    name: str
    points: list[Point]  # [m]
    width_m: float
    surface: str = "asphalt"
    edge: str = "verge"
    sharp: bool = False


PIECES = (
    Piece(
        "Lungolago Sarnico-Iseo",
        [(40, 420), (140, 417), (230, 428), (300, 420), (360, 400), (420, 394), (475, 411), (525, 438),
         (600, 450), (680, 436), (740, 412), (800, 408), (870, 430), (930, 462), (1000, 470), (1060, 455)],
        9.0,
    ),
    Piece(
        "Salita di Provaglio",
        [(1060, 455), (1110, 470), (1150, 500), (1168, 545), (1160, 590), (1135, 615), (1108, 628), (1094, 646),
         (1100, 666), (1124, 674), (1180, 672), (1240, 690), (1278, 716), (1296, 748), (1300, 776), (1288, 794),
         (1260, 814), (1264, 836), (1290, 843), (1340, 845), (1400, 860)],
        8.0,
    ),
    Piece("Strada per Brescia", [(1400, 860), (1500, 896), (1580, 922), (1660, 953), (1750, 988)], 10.0),
    Piece(
        "Brescia: Porta San Giovanni - Piazza della Loggia",
        [(1750, 988), (1800, 1006), (1830, 972), (1880, 950), (1930, 948), (1975, 950)],
        8.0, "cobbles", "kerb", True,
    ),
)  # fmt: skip
# Side streets of Brescia: drawn and drivable, not part of the route (they start mid-street).
SIDE_ROADS = (
    Piece("Via dei Musei", [(1830, 972), (1838, 930), (1834, 892)], 5.0, "cobbles", "kerb", True),
    Piece("Contrada del Carmine", [(1880, 950), (1886, 996), (1902, 1040)], 5.0, "cobbles", "kerb", True),
)
START: Point = (48, 420)
CHECKPOINTS = (
    ("Clusane", (470, 410)),
    ("Iseo", (1030, 463)),
    ("Provaglio", (1210, 680)),
    ("Porta San Giovanni", (1785, 1001)),
)
FINISH = ("Piazza della Loggia", (1955, 949))
TOWN = shapely.Polygon([(1700, 1060), (1740, 900), (1860, 880), (1995, 890), (1995, 1070), (1780, 1090)])
PIAZZA = shapely.box(1925, 925, 1995, 975)
LOGGIA_SCALE = 1.4  # the Loggia tile (14.4 m × 11.6 m) drawn 20 m × 16 m
DUOMO_CELL = (227, 482)  # (row, col) of the Duomo's 4 × 4 dome tiles, north of the street into the piazza


def gid(kind: str) -> int:
    return TERRAIN.by_kind[kind] + 1


TERRAIN = read_tileset(TILESETS / "terrain.tsx")
# The terrain codes of terrain.tsx's corner Wang set, by name (1 grass, 2 asphalt, 3 water …).
GRASS, WATER = TERRAIN.wang_colour["grass"], TERRAIN.wang_colour["water"]


# -- the road --------------------------------------------------------------------------------------
def centre_lines() -> list[NDArray[np.float64]]:
    """Each piece's smoothed centre line, as the loader will smooth it (one chain)."""
    control = np.concatenate([np.array(PIECES[0].points[:1], float)] + [np.array(p.points[1:], float) for p in PIECES])
    sharp = np.concatenate([np.full(len(p.points) - 1, p.sharp) for p in PIECES])
    pts, at = smooth_chain(control, sharp)
    out, c = [], 0
    for p in PIECES:
        out.append(pts[at[c] : at[c + len(p.points) - 1] + 1])
        c += len(p.points) - 1
    return out


CENTRES = centre_lines()
SIDE_CENTRES = [np.array(p.points, float) for p in SIDE_ROADS]  # sharp: as drawn
ROAD = shapely.union_all(
    [
        shapely.LineString(c).buffer(p.width_m / 2)
        for c, p in zip(CENTRES + SIDE_CENTRES, PIECES + SIDE_ROADS, strict=True)
    ]
)


# -- ground ----------------------------------------------------------------------------------------
def lake() -> shapely.Geometry:
    """Lago d'Iseo: north of the lake road, 9 m beyond its centre, bending north past Iseo."""
    shore = shapely.LineString(CENTRES[0]).offset_curve(-(PIECES[0].width_m / 2 + 9.0))
    east = [(1110.0, 430.0), (1142.0, 372.0), (1168.0, 296.0), (1160.0, 220.0), (1188.0, 140.0), (1176.0, 60.0),
            (1196.0, 0.0)]  # fmt: skip
    pts = [(0.0, shore.coords[0][1]), *shore.coords, *east, (0.0, 0.0)]
    return shapely.Polygon(pts).buffer(0)


def field_mosaic(rng: np.random.Generator) -> list[tuple[shapely.Geometry, str]]:
    """The land cut into fields (binary splits down to 45-130 m a side), each with a crop for
    its region: vineyards and meadows on the Franciacorta hills, wheat and ploughed land on
    the plain, meadows and olive groves by the lake; about a quarter left as grass."""
    out: list[tuple[shapely.Geometry, str]] = []
    stack = [(0.0, 0.0, W_M, H_M)]
    while stack:
        x0, y0, x1, y1 = stack.pop()
        w, h = x1 - x0, y1 - y0
        limit = rng.uniform(45, 130)
        if max(w, h) > limit:
            if w >= h:
                cut = x0 + w * rng.uniform(0.35, 0.65)
                stack += [(x0, y0, cut, y1), (cut, y0, x1, y1)]
            else:
                cut = y0 + h * rng.uniform(0.35, 0.65)
                stack += [(x0, y0, x1, cut), (x0, cut, x1, y1)]
            continue
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        if HILLS.contains(shapely.Point(cx, cy)):
            kinds = ("vineyard_h", "vineyard_v", "vineyard_h", "meadow", "grass", "olives")
        elif cy > 640:
            kinds = ("wheat", "ploughed", "wheat", "meadow", "grass", "grass")
        else:
            kinds = ("meadow", "wheat", "ploughed", "olives", "grass", "grass")
        out.append((shapely.box(x0 + 3, y0 + 3, x1 - 3, y1 - 3), str(rng.choice(kinds))))
    return out


def clear_rectangles(area: shapely.Geometry, blocked: shapely.Geometry, depth: int = 3) -> list[shapely.Geometry]:
    """The parts of a rectangular field clear of ``blocked``, still rectangles: a field
    that reaches a road or the lake is cut into quarters (and those again), and only the
    quarters that stay clear are sown — a field cut by a slanting road along the tile grid
    would be a staircase."""
    if not area.intersects(blocked):
        return [area]
    x0, y0, x1, y1 = area.bounds
    if depth == 0 or min(x1 - x0, y1 - y0) < 24.0:
        return []
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    quarters = [
        shapely.box(x0, y0, mx - 1.5, my - 1.5),
        shapely.box(mx + 1.5, y0, x1, my - 1.5),
        shapely.box(x0, my + 1.5, mx - 1.5, y1),
        shapely.box(mx + 1.5, my + 1.5, x1, y1),
    ]
    return [part for q in quarters for part in clear_rectangles(q, blocked, depth - 1)]


HILLS = shapely.Polygon([(1060, 420), (1400, 440), (1480, 640), (1460, 900), (1170, 930), (1040, 700)])
FIELDS = field_mosaic(np.random.default_rng(1955))


def ground_layer(rng: np.random.Generator) -> NDArray[np.int64]:
    xs = np.arange(COLS + 1) * CELL_M
    ys = np.arange(ROWS + 1) * CELL_M
    gx, gy = np.meshgrid(xs, ys)
    corner = np.where(shapely.contains_xy(lake(), gx, gy), WATER, GRASS)
    grass = np.array([gid("grass_a"), gid("grass_b"), gid("grass_c")])
    ground = grass[rng.choice(3, size=(ROWS, COLS), p=[0.82, 0.11, 0.07])]
    water = [gid("water_a"), gid("water_b")]
    for r in range(ROWS):
        for c in range(COLS):
            corners = (int(corner[r, c]), int(corner[r, c + 1]), int(corner[r + 1, c + 1]), int(corner[r + 1, c]))
            if corners == (WATER,) * 4:
                ground[r, c] = water[int(rng.random() < 0.12)]
            elif WATER in corners:
                ground[r, c] = TERRAIN.by_corners[corners][0] + 1
    cx, cy = np.meshgrid((np.arange(COLS) + 0.5) * CELL_M, (np.arange(ROWS) + 0.5) * CELL_M)
    blocked = shapely.union_all([lake().buffer(CELL_M), ROAD.buffer(6.0), TOWN.buffer(10.0)])
    shapely.prepare(blocked)
    for area, kind in FIELDS:
        if kind in ("grass", "olives"):
            continue  # olive groves are trees on grass (lay_scenery)
        for part in clear_rectangles(area, blocked):
            ground[shapely.contains_xy(part, cx, cy)] = gid(kind)
    # The town's gardens and courtyards are grass between the houses; only the piazza is paved
    # (paving is drivable ground, so a gate across a street still ends against a house).
    ground[shapely.contains_xy(TOWN, cx, cy)] = gid("grass_a")  # courtyard gardens between the roofs
    ground[shapely.contains_xy(PIAZZA, cx, cy)] = gid("piazza")
    return ground


# -- scenery ---------------------------------------------------------------------------------------
def lay_scenery(rng: np.random.Generator) -> list[TmxObject]:
    sc = Scenery(W_M, H_M, shapely.union_all([ROAD, lake().buffer(2.0)]))
    lakeside, climb, plain, town = CENTRES
    # Trunk markers and kilometre stones along the 1950s country roads.
    for centre, piece in ((lakeside, PIECES[0]), (climb, PIECES[1]), (plain, PIECES[2])):
        s = 20.0
        while s < length(centre) - 20:
            x, y, tx, ty = along(centre, s)
            side = -1.0 if rng.random() < 0.5 else 1.0
            off = piece.width_m / 2 + 3.0
            sc.place("km_stone", x - ty * off * side, y + tx * off * side, math.degrees(math.atan2(ty, tx)), 1.0, 1.0)
            s += 250.0
    # The lakeside wall: a low stone parapet between the lake road and the water, so a car
    # that runs wide is stopped by stone (hard) rather than lost in the lake.
    s = 8.0
    while s < length(lakeside) - 8:
        x, y, tx, ty = along(lakeside, s)
        off = PIECES[0].width_m / 2 + 5.0  # on the lake side (left of the direction of travel)
        sc.place("stone_wall", x + ty * off, y - tx * off, math.degrees(math.atan2(ty, tx)), 1.0, 0.5)
        s += 16.0
    # Poplar rows both sides of the plain road, evenly, as they were planted.
    s = 10.0
    while s < length(plain) - 90:  # the row ends before the town gate, where cars brake hard
        x, y, tx, ty = along(plain, s)
        for side in (-1.0, 1.0):
            off = PIECES[2].width_m / 2 + 4.5
            sc.place("poplar", x - ty * off * side, y + tx * off * side, 0.0, 1.0, 2.0)
        s += 14.0
    # Olive groves: trees in loose rows, spacing that varies from grove to grove.
    for area, kind in FIELDS:
        if kind == "olives":
            grove(sc, rng, area)
    # Hedgerows and tree lines along some field edges; haystacks in the wheat.
    for area, kind in FIELDS:
        if area.intersects(TOWN.buffer(10.0)):
            continue
        if kind in ("wheat", "ploughed", "meadow", "vineyard_h", "vineyard_v") and rng.random() < 0.4:
            hedgerow(sc, rng, area)
        if kind == "wheat" and rng.random() < 0.3:
            x0, y0, x1, y1 = area.bounds
            sc.place("haystack", rng.uniform(x0, x1), rng.uniform(y0, y1), 0.0, float(rng.uniform(0.8, 1.1)), 6.0)
    scatter(sc, rng, shapely.Polygon([(20, 445), (1040, 480), (1040, 640), (20, 640)]),
            ("plane_tree", "bush", "umbrella_pine"), 60, 9.0, (0.8, 1.1))  # fmt: skip
    # Cypress pairs and farmhouses (cascine) along the climb.
    for s_frac, side in ((0.08, 1), (0.35, -1), (0.6, 1), (0.85, -1)):
        x, y, tx, ty = along(climb, s_frac * length(climb))
        off = PIECES[1].width_m / 2 + 16.0
        hx, hy = x - ty * off * side, y + tx * off * side
        sc.place("cascina", hx, hy, math.degrees(math.atan2(ty, tx)), 1.0, 3.0)
        for k in (-1, 1):
            sc.place("cypress_a", x - ty * 10 * side + tx * 8 * k, y + tx * 10 * side + ty * 8 * k, 0.0, 1.0, 6.0)
    # Straw bales on the outside of the hairpins and the tightest bends: soft.
    bales(sc, climb, PIECES[1].width_m)
    # Brescia: the Duomo's dome is a tile layer (decor_layer); beside it a church, and the
    # Palazzo della Loggia (its own tile: white stone, arcade, lead keel roof) on the piazza,
    # drawn larger than a town palazzo as it is.
    r0, c0 = DUOMO_CELL
    sc.reserve(shapely.box(c0 * CELL_M, r0 * CELL_M, (c0 + 4) * CELL_M, (r0 + 4) * CELL_M).buffer(1.0))
    sc.place("church", 1975, 903, 0.0, 1.0, 3.0)
    # (on the north side, its front 13 m from the street's edge: in the picture, above the
    # road, as a car crosses the finish; the gauges cover the bottom right)
    if not sc.place("loggia", 1965, 925, 0.0, LOGGIA_SCALE, 3.0):
        raise SystemExit("make_prologo: the Loggia does not fit on the north side of the piazza")
    # the clock tower on the east edge of the piazza (the map ends 5 m east of it)
    if not sc.place("torre_orologio", 1990, 938, 0.0, 1.2, 3.0):
        raise SystemExit("make_prologo: the Torre dell'Orologio does not fit east of the piazza")
    sc.place("fountain", 1950, 968, 0.0, 1.0, 3.0)  # in the piazza's south half, clear of the finish
    # Houses along the streets, turned to face them, gaps at the corners; a second
    # row behind the first makes the blocks.
    for centre, piece in ((town, PIECES[3]), *zip(SIDE_CENTRES, SIDE_ROADS, strict=True)):
        for row in (0, 1, 2):
            houses(sc, rng, centre, piece, row)
    # Then the inside of the blocks, from a generator of its own (every object placed
    # before keeps its place): an old town is roofs wall to wall, not a village.
    town_blocks(sc, np.random.default_rng([1927, 2]), [town, *SIDE_CENTRES])
    for k, obj in enumerate(sc.objects):
        obj.id = 100 + k
    return sc.objects


def scatter(
    sc: Scenery,
    rng: np.random.Generator,
    area: shapely.Geometry,
    kinds: tuple[str, ...],
    tries: int,
    clear_m: float,
    scales: tuple[float, float],
) -> None:
    x0, y0, x1, y1 = area.bounds
    for _ in range(tries):
        x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
        if not area.contains(shapely.Point(x, y)):
            continue
        sc.place(str(rng.choice(kinds)), x, y, 0.0, float(rng.uniform(*scales)), clear_m)  # trees: unturned


def bales(sc: Scenery, centre: NDArray[np.float64], width_m: float) -> None:
    from millegame.core.route import curvature

    k = curvature(centre, window=8)
    d = np.hypot(*np.diff(centre, axis=0).T)
    s = np.concatenate([[0.0], np.cumsum(d)])
    last = -100.0
    for i in np.argsort(-np.abs(k)):
        if abs(k[i]) < 1 / 45 or any(abs(s[i] - q) < 30 for q in [last]):
            continue
        last = s[i]
        x, y, tx, ty = along(centre, s[i])
        side = -np.sign(k[i])  # the outside of the bend
        off = width_m / 2 + 9.0  # room to run wide before the bales catch the car
        sc.place("straw_bales", x - ty * off * side, y + tx * off * side, math.degrees(math.atan2(ty, tx)), 1.0, 1.5)


def corner_points() -> NDArray[np.float64]:
    """The corners of Brescia's streets (their control points), kept open by the houses."""
    return np.array(PIECES[3].points + [p for r in SIDE_ROADS for p in r.points], float)


def houses(sc: Scenery, rng: np.random.Generator, centre: NDArray[np.float64], piece: Piece, row: int) -> None:
    """Houses along both sides of a street, ``row`` 0 on the pavement, 1 behind it."""
    piazza = PIAZZA.buffer(4.0)
    street_houses(
        sc.place, rng, centre, piece.width_m / 2, row, corner_points(),
        lambda x, y: TOWN.contains(shapely.Point(x, y)), lambda x, y: piazza.contains(shapely.Point(x, y)),
    )  # fmt: skip


def town_blocks(sc: Scenery, rng: np.random.Generator, streets: list[NDArray[np.float64]]) -> None:
    """Fill the town's blocks with roofs turned to the streets; the piazza and (as along the
    streets) the corners stay open: a car cutting one meets no wall."""
    open_ = shapely.union_all([PIAZZA.buffer(6.0), shapely.MultiPoint(corner_points()).buffer(14.0)])
    # up to four tries a place (another size, kind, spot nearby), as in the route stages'
    # towns: an old town's blocks are roofs wall to wall, not houses in gardens
    block_houses(sc.place, rng, TOWN, streets, lambda x, y: open_.contains(shapely.Point(x, y)), tries=4)


def grove(sc: Scenery, rng: np.random.Generator, area: shapely.Geometry) -> None:
    x0, y0, x1, y1 = area.bounds
    step = float(rng.uniform(8.0, 12.0))
    turn = float(rng.uniform(-0.4, 0.4))  # rows a little off the field's edges
    for gy in np.arange(y0 + step / 2, y1, step):
        for gx in np.arange(x0 + step / 2, x1, step):
            jx, jy = rng.normal(0, step * 0.12, 2)
            x = gx + jx + (gy - y0) * turn * 0.2
            if area.contains(shapely.Point(x, gy + jy)):
                kind = str(rng.choice(("olive_a", "olive_b", "olive_c")))
                # unturned: a tree's shadow is in its art, cast to the bottom right
                sc.place(kind, x, gy + jy, 0.0, float(rng.uniform(0.8, 1.1)), 8.0)


def hedgerow(sc: Scenery, rng: np.random.Generator, area: shapely.Geometry) -> None:
    x0, y0, x1, y1 = area.bounds
    edges = [((x0, y0), (x1, y0)), ((x1, y0), (x1, y1)), ((x1, y1), (x0, y1)), ((x0, y1), (x0, y0))]
    (ax, ay), (bx, by) = edges[int(rng.integers(4))]
    kind = str(rng.choice(("poplar", "cypress_a", "cypress_b", "bush", "plane_tree")))
    step = {"bush": 5.0, "plane_tree": 14.0}.get(kind, 9.0)
    n = int(math.hypot(bx - ax, by - ay) / step)
    for k in range(n + 1):
        f = k / max(n, 1)
        sc.place(kind, ax + f * (bx - ax), ay + f * (by - ay), 0.0, 1.0, 7.0)


# -- gates, start, decor ---------------------------------------------------------------------------
def stage_objects() -> list[TmxObject]:
    objs: list[TmxObject] = []
    for k, piece in enumerate(PIECES + SIDE_ROADS):
        x0, y0 = piece.points[0][0] * PX_PER_M, piece.points[0][1] * PX_PER_M
        rel = [(x * PX_PER_M - x0, y * PX_PER_M - y0) for x, y in piece.points]
        props: list[Property] = [("width_m", "float", f"{piece.width_m:g}")]
        if piece.surface != "asphalt":
            props.append(("surface", "enum:surface", piece.surface))
        if piece.edge != "verge":
            props.append(("edge", "enum:road_edge", piece.edge))
        if piece.sharp:
            props.append(("sharp", "bool", "true"))
        objs.append(TmxObject(k + 1, x0, y0, type="road", name=piece.name, points=rel, properties=props))
    # The start: a car-sized rectangle facing along the road.
    x, y, tx, ty = along(CENTRES[0], 4.0)
    t = math.atan2(ty, tx)
    ax = x - (2.2 * math.cos(t) - 0.9 * math.sin(t))
    ay = y - (2.2 * math.sin(t) + 0.9 * math.cos(t))
    objs.append(
        TmxObject(10, ax * PX_PER_M, ay * PX_PER_M, type="start", name="Sarnico", width=4.4 * PX_PER_M,
                  height=1.8 * PX_PER_M, rotation=round(math.degrees(t), 2))
    )  # fmt: skip
    for k, (name, (gx, gy)) in enumerate(CHECKPOINTS, start=1):
        objs.append(TmxObject(10 + k, gx * PX_PER_M, gy * PX_PER_M, type="checkpoint", name=name, point=True,
                              properties=[("order", "int", str(k))]))  # fmt: skip
    objs.append(TmxObject(20, FINISH[1][0] * PX_PER_M, FINISH[1][1] * PX_PER_M, type="finish", name=FINISH[0],
                          point=True))  # fmt: skip
    return objs


def decor_layer(rng: np.random.Generator) -> NDArray[np.int64]:
    """The Duomo's dome, lamps round the piazza, spectators at the hairpins and the finish,
    boats on the lake: terrain tiles on the grid (crowds and lamps are found by their kind)."""
    decor = np.zeros((ROWS, COLS), dtype=np.int64)
    r0, c0 = DUOMO_CELL
    for dr in range(4):
        for dc in range(4):
            decor[r0 + dr, c0 + dc] = gid(f"dome_{dr}{dc}")
    cx, cy = np.meshgrid((np.arange(COLS) + 0.5) * CELL_M, (np.arange(ROWS) + 0.5) * CELL_M)
    road_near = shapely.contains_xy(ROAD.buffer(3.0 + CELL_M), cx, cy)

    def put(kind: str, x: float, y: float) -> None:
        r, c = int(y / CELL_M), int(x / CELL_M)
        if 0 <= r < ROWS and 0 <= c < COLS and not road_near[r, c] and decor[r, c] == 0:
            decor[r, c] = gid(kind)

    for x, y in ((1935, 930), (1935, 970), (1975, 970)):  # clear of the Loggia and the fountain
        put("lamp", x, y)
    for x, y in ((260, 445), (760, 425), (1520, 925)):  # cyclists out to watch the cars
        put("cyclists", x, y)
    for x, y in ((1100, 690), (1085, 640), (1250, 830), (1275, 860), (1945, 965), (1905, 960), (1790, 1022)):
        put(str(rng.choice(("spectators_a", "spectators_b", "spectators_flags"))), x, y)
    lake_poly = lake().buffer(-12.0)
    for _ in range(14):
        x, y = rng.uniform(60, 1050), rng.uniform(60, 380)
        if lake_poly.contains(shapely.Point(x, y)):
            decor[int(y / CELL_M), int(x / CELL_M)] = gid(str(rng.choice(("rowing_boat", "sail_boat"))))
    return decor


def build(par_s: float | None) -> str:
    rng = np.random.default_rng(1927)
    ground = ground_layer(rng)
    decor = decor_layer(rng)
    objs = stage_objects()
    scenery = lay_scenery(rng)
    props: list[Property] = [
        ("title", "string", "Prologo: Lago d'Iseo → Brescia"),
        ("px_per_m", "float", f"{PX_PER_M:g}"),
        ("time_of_day", "enum:time_of_day", "day"),
        ("weather", "enum:weather", "clear"),
    ]
    if par_s is not None:
        props.append(("par_time_s", "float", f"{par_s:g}"))
    return tmx_text(
        COLS, ROWS, TILE_PX, [(1, "tilesets/terrain.tsx"), (SCENERY_FIRSTGID, "tilesets/scenery.tsx")], props,
        [TmxLayer("ground", ground), TmxLayer("decor", decor)],
        [("roads and gates", objs), ("scenery", scenery)], "#8db255",
    )  # fmt: skip


def par_time(text: str) -> float:
    """The autopilot's time with the Jaguar XK120 (a mid-field 1950s car) + 10 %, in whole seconds."""
    import tempfile

    from millegame.api import drive_stage, load_car
    from millegame.levels import load_stage

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "prologo.tmx"
        path.write_text(text, encoding="utf-8")
        (Path(tmp) / "tilesets").symlink_to(TILESETS)
        stage = load_stage(path)
        run = drive_stage(stage, load_car("jaguar-xk120"))
        if run.finish_tick < 0:
            raise SystemExit("make_prologo: the autopilot did not finish the stage")
        return float(round(run.sim.time_s * 1.1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--force", action="store_true", help="overwrite the stage even if it was edited since")
    args = ap.parse_args()
    refuse_if_edited(args.out, "tools/make_prologo.py", force=args.force)  # before the build, not after it
    text = build(None)
    text = build(par_time(text))
    write_generated_stage(args.out, text, "tools/make_prologo.py", force=args.force)
    print(args.out)


if __name__ == "__main__":
    main()
