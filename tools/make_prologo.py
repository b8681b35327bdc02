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
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generated import write_generated_stage
from mapgen import (
    Arc,
    Centreline,
    MapObject,
    Straight,
    inside_polygon,
    lap_time_s,
    lay_centreline,
    nearest_field,
    read_tileset,
    simplify_route,
    speed_profile,
    tmx_text,
)
from mapworld import (
    ASPHALT,
    CAR_L_M,
    CAR_W_M,
    COBBLES,
    GRASS,
    PAR_CAR,
    PX_PER_M,
    TILE_M,
    TILE_PX,
    WATER,
    World,
    autopilot_time_s,
    fill_houses,
    gate_object,
    min_road_width_m,
    offset_cell,
    pick_ground,
    place_along,
    place_arrows,
    place_patches,
    place_pine,
    place_village,
    place_wall_cells,
    px,
    sprinkle,
)

REPO = Path(__file__).resolve().parent.parent
LEVELS = REPO / "levels"
TSX = LEVELS / "tilesets" / "terrain.tsx"
OUT = LEVELS / "prologo.tmx"

TITLE = "Prologo: Lago d'Iseo → Brescia"
SEED = 722  # Moss's start number
COLS, ROWS = 240, 200
ROAD_CORNER_M = 6.0  # a tile corner this close to the centreline is road: painted width 8..16 m, mostly 12
ROUTE_PAST_FINISH_M = 30.0
START_XY = (40.0, 240.0)  # on a tile-corner row, so the first straight paints 12 m wide

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


# -- objects ------------------------------------------------------------------------------------------
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
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--par",
        choices=("autopilot", "estimate"),
        default="autopilot",
        help="par time from the game's autopilot (slower, default) or a point-mass estimate",
    )
    parser.add_argument("--force", action="store_true", help="overwrite prologo.tmx even if edited since generated")
    args = parser.parse_args()
    ts = read_tileset(TSX)
    rng = np.random.default_rng(SEED)
    cl = lay_centreline(START_XY, 0.0, PLAN)
    w = World(ts, cl, rng, COLS, ROWS, PLAIN)
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

    def write(par_s: float, force: bool = False) -> None:
        props = [
            ("title", "string", TITLE),
            ("px_per_m", "float", f"{PX_PER_M:g}"),
            ("time_of_day", "string", "day"),
            ("weather", "string", "clear"),
            ("par_time_s", "float", f"{par_s:g}"),
        ]
        text = tmx_text(COLS, ROWS, TILE_PX, "tilesets/terrain.tsx", props, layers, objs, "#8db255")
        write_generated_stage(OUT, text, "tools/make_prologo.py", force=force)

    v = speed_profile(cl, a_lat=7.0, v_max=52.0, power_per_mass=150.0, a_brake=7.0)
    t_est = lap_time_s(cl, v, 0.0, s_fin)
    write(round(t_est * 1.10), force=args.force)
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
