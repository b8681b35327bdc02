"""Scenery that several stages share: lakes and rivers beside the road, town walls with a
gate over the road, towns of houses, fields, pine woods, boats (used by the recipes)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import shapely
from mapworld import COBBLES, GRASS, TILE_M, WATER, place_patches, place_pine, place_wall_cells
from numpy.typing import NDArray
from stagebuild import BEND_EXIT_M, HOUSE_BEND_EDGE_M, HOUSE_EDGE_M, Build
from townscape import BLOCK_KINDS, Place, block_houses, street_houses


def shore_polygon(b: Build, s0: float, s1: float, off: float, wobble: float, to_edge: str) -> NDArray[np.float64]:
    """Water beside the road from ``s0`` to ``s1``: the shore ``off`` m from the road
    (+ right), wobbling by ``wobble`` m, closed towards the map edge ``to_edge``
    (``top``, ``bottom``, ``left``, ``right``)."""
    cl = b.cl
    idx = np.nonzero((cl.s >= s0) & (cl.s <= s1))[0][::3]
    s = cl.s[idx]
    o = off + wobble * (0.6 * np.sin(s / 53.0) + 0.4 * np.sin(s / 23.0 + 1.0)) * np.sign(off)
    h = cl.heading[idx]
    shore = cl.xy[idx] + o[:, None] * np.stack([-np.sin(h), np.cos(h)], axis=1)
    W, H = b.w.cols * TILE_M + 8, b.w.rows * TILE_M + 8
    first, last = shore[0], shore[-1]
    # the far shore widens away from the road, so the water does not end in a straight cut
    if to_edge == "top":
        ends = [
            (last[0] + 60, last[1] - 70),
            (last[0] + 140, -8.0),
            (first[0] - 140, -8.0),
            (first[0] - 60, first[1] - 70),
        ]
    elif to_edge == "bottom":
        ends = [(last[0] + 60, last[1] + 70), (last[0] + 140, H), (first[0] - 140, H), (first[0] - 60, first[1] + 70)]
    elif to_edge == "left":
        ends = [
            (last[0] - 70, last[1] + 60),
            (-8.0, last[1] + 140),
            (-8.0, first[1] - 140),
            (first[0] - 70, first[1] - 60),
        ]
    else:
        ends = [(last[0] + 70, last[1] + 60), (W, last[1] + 140), (W, first[1] - 140), (first[0] + 70, first[1] - 60)]
    return np.array([*map(tuple, shore), *ends])


def boats_and_reeds(b: Build, n_boats: int) -> None:
    w, rng = b.w, b.rng
    placed, tries = 0, 0
    while placed < n_boats and tries < 5000:
        tries += 1
        r, c = int(rng.integers(2, w.rows - 3)), int(rng.integers(2, w.cols - 3))
        open_water = all(w.pure(r + i, c + j, WATER) for i in (-2, 0, 2) for j in (-2, 0, 2))
        if open_water and w.decor[r, c] == 0:
            w.put(r, c, "sail_boat" if rng.random() < 0.6 else "rowing_boat")
            placed += 1
    for r in range(1, w.rows - 1):
        for c in range(1, w.cols - 1):
            shore = w.pure(r, c, WATER) and not all(w.pure(r + i, c + j, WATER) for i in (-1, 1) for j in (-1, 1))
            if shore and rng.random() < 0.18 and w.decor[r, c] == 0:
                w.put(r, c, "reeds")


def town_gate(b: Build, s: float, half_len_cells: int, prefix: str = "brick") -> None:
    """A town wall across an east–west road at ``s``, with a gatehouse roof over the road."""
    w = b.w
    x, y, _ = b.at(s)
    r_mid, c = w.cell_of(x, y)
    # the gateway: every row whose cell comes within 2 m of the road's edge (the road is ±5 m)
    road_rows = [r for r in range(r_mid - 4, r_mid + 5) if w.dist[r, c] < 9.0]
    g0, g1 = min(road_rows), max(road_rows)
    cells = {(r, c) for r in range(r_mid - half_len_cells, r_mid + half_len_cells + 1) if not g0 - 1 <= r <= g1 + 1}
    cells = {(r, cc) for r, cc in cells if w.inside(r, cc) and w.decor[r, cc] == 0}
    place_wall_cells(w, cells, connect=False, prefix=prefix)
    rows = list(range(g0 - 1, g1 + 2))
    for k, r in enumerate(rows):
        end = "t" if k == 0 else ("b" if k == len(rows) - 1 else "")
        w.put(r, c - 1, f"gate_{end or 'l'}{'l' if end else ''}", "above")
        w.put(r, c, f"gate_{end or 'r'}{'r' if end else ''}", "above")
    for r in (g0 - 1, g1 + 1):
        w.put(r, c - 1, f"{prefix}_ns")
        w.reserved[r, c - 1 : c + 1] = True
    for r in (g0 - 3, g1 + 2):
        w.put_block(r, c - 1, [["tl", "tr"], ["bl", "br"]], "tower")
        w.reserved[r : r + 2, c - 1 : c + 1] = True


def town(
    b: Build,
    area: shapely.Geometry,
    s0: float,
    s1: float,
    front_m: float = 0.0,
    squares: Sequence[tuple[float, float]] = (),
) -> None:
    """The town in ``area`` round the road between ``s0`` and ``s1``: houses (scenery
    objects) along both sides of the street ``front_m`` m further back than on a pavement,
    turned to it, a second row behind; lanes off the street every 50–90 m with their own
    rows; the blocks between filled with roofs turned to the nearest street; the corners
    open. ``squares`` (from, to along the road) stay open piazzas, a church or a palazzo at
    the back of each. Landmarks, walls, crowds and trees already there keep their place."""
    w, rng, cl = b.w, b.rng, b.cl
    assert w.sc is not None
    area = area.intersection(shapely.box(TILE_M, TILE_M, (w.cols - 1) * TILE_M, (w.rows - 1) * TILE_M))
    shapely.prepare(area)
    keep_tiles(b, area)
    street = cl.xy[(cl.s >= s0) & (cl.s <= s1)]
    hw = b.half_width_at((s0 + s1) / 2)
    place = house_placer(b)
    piazzas = [shapely.LineString(cl.xy[(cl.s >= a) & (cl.s <= z)]).buffer(hw + SQUARE_M) for a, z in squares]
    for a, z in squares:
        landmark_on_square(b, place, (a + z) / 2, hw + SQUARE_M + 8.0)
    lanes, junctions = side_lanes(b, s0, s1, area, hw)
    for lane in lanes:
        w.sc.reserve(shapely.LineString(lane).buffer(LANE_M / 2))
    open_ = shapely.union_all([*piazzas, *(shapely.Point(j).buffer(CORNER_M) for j in junctions)])
    shapely.prepare(open_)

    def keep_out(x: float, y: float) -> bool:
        return bool(open_.contains(shapely.Point(x, y)))

    def inside(x: float, y: float) -> bool:
        return bool(area.contains(shapely.Point(x, y)))

    corners = np.array(junctions or [(-1e6, -1e6)], float)
    for row in (0, 1):
        street_houses(place, rng, street, hw + front_m, row, corners, inside, keep_out, CORNER_M, 0.0, (0.9, 1.1), 3.0)
        for lane in lanes:
            street_houses(place, rng, lane, LANE_M / 2, row, corners, inside, keep_out, CORNER_M, 0.0, (0.9, 1.1), 3.0)
    kinds = (*BLOCK_KINDS, "palazzo", "cascina")
    weights = [0.96 / len(BLOCK_KINDS)] * len(BLOCK_KINDS) + [0.025, 0.015]
    block_houses(place, rng, area, [street, *lanes], keep_out, kinds, weights, 0.0, BLOCK_PITCH_M, BLOCK_SCALES, 4)


SQUARE_M = 22.0  # a piazza's depth beside the road
LANE_M = 5.0  # a lane off the street: the gap between two rows of houses
CORNER_M = 12.0  # no house centre this near a lane's corner
BLOCK_PITCH_M, BLOCK_SCALES = 10.0, (0.9, 1.2)  # an old town: closer than the prologue's


def house_placer(b: Build) -> Place:
    """``World.place_object`` keeping a house ``HOUSE_EDGE_M`` from the road's edge, and
    ``HOUSE_BEND_EDGE_M`` where the nearest road is in or near a bend (a car runs wide)."""
    w, bend = b.w, bend_samples(b)

    def place(kind: str, x: float, y: float, heading: float, scale: float, clear: float) -> bool:
        r, c = w.cell_of(x, y)
        k = w.near[r, c] if w.inside(r, c) else -1
        edge = HOUSE_BEND_EDGE_M if k >= 0 and bend[k] else HOUSE_EDGE_M
        return w.place_object(kind, x, y, heading, scale, max(clear, edge))

    return place


def village(b: Build, area: shapely.Geometry, lane: NDArray[np.float64]) -> None:
    """A village off the road: houses along both sides of a lane (not a road: ``lane`` is
    where it runs) and roofs filling ``area`` round it, as in ``town``."""
    assert b.w.sc is not None
    place, rng = house_placer(b), b.rng
    b.w.sc.reserve(shapely.LineString(lane).buffer(LANE_M / 2))
    shapely.prepare(area)

    def inside(x: float, y: float) -> bool:
        return bool(area.contains(shapely.Point(x, y)))

    def nowhere(x: float, y: float) -> bool:
        return False

    far = np.array([(-1e6, -1e6)])
    street_houses(place, rng, lane, LANE_M / 2, 0, far, inside, nowhere, CORNER_M, 0.0, (0.9, 1.1), 3.0)
    block_houses(place, rng, area, [lane], nowhere, BLOCK_KINDS, None, 0.0, BLOCK_PITCH_M, BLOCK_SCALES, 4)


def bend_samples(b: Build) -> NDArray[np.bool_]:
    """For each centreline sample: near a bend where a car runs wide (as ``Build.in_bend``)."""
    cl = b.cl
    out = np.zeros(len(cl.s), dtype=bool)
    if len(b.bend_s):
        lo = np.searchsorted(cl.s, b.bend_s - 20.0)
        hi = np.searchsorted(cl.s, b.bend_s + BEND_EXIT_M, side="right")
        diff = np.zeros(len(cl.s) + 1, dtype=np.int64)
        np.add.at(diff, lo, 1)
        np.add.at(diff, hi, -1)
        out = np.cumsum(diff)[:-1] > 0
    return out


def keep_tiles(b: Build, area: shapely.Geometry) -> None:
    """The cells in ``area`` that tiles took before the town (landmarks and the paving round
    them, walls, gates, crowds, lamps, trees) are kept free of houses."""
    w = b.w
    assert w.sc is not None
    x0, y0, x1, y1 = area.bounds
    r0, c0 = w.cell_of(x0, y0)
    r1, c1 = w.cell_of(x1, y1)
    for r in range(max(r0, 0), min(r1 + 1, w.rows)):
        for c in range(max(c0, 0), min(c1 + 1, w.cols)):
            cx, cy = (c + 0.5) * TILE_M, (r + 0.5) * TILE_M
            taken = w.decor[r, c] != 0 or (w.reserved[r, c] and not w.sc.occupied(cx, cy))
            if taken and area.intersects(shapely.Point(cx, cy).buffer(TILE_M)):
                w.sc.reserve(shapely.box(c * TILE_M, r * TILE_M, (c + 1) * TILE_M, (r + 1) * TILE_M))


def side_lanes(
    b: Build, s0: float, s1: float, area: shapely.Geometry, hw: float
) -> tuple[list[NDArray[np.float64]], list[tuple[float, float]]]:
    """Lanes off the street at right angles, every 50–90 m on one side or both, to the
    town's edge; and where each meets the street."""
    rng = b.rng
    lanes: list[NDArray[np.float64]] = []
    junctions: list[tuple[float, float]] = []
    reach = float(np.hypot(*np.subtract(area.bounds[2:], area.bounds[:2])))
    s = s0 + float(rng.uniform(30, 50))
    while s < s1 - 30:
        x, y, h = b.at(s)
        nx, ny = -math.sin(h), math.cos(h)
        both = rng.random() < 0.4
        sides = (-1.0, 1.0) if both else ((1.0,) if rng.random() < 0.5 else (-1.0,))
        for side in sides:
            a = (x + nx * hw * side, y + ny * hw * side)
            lane = shapely.LineString([a, (x + nx * reach * side, y + ny * reach * side)]).intersection(area)
            if isinstance(lane, shapely.LineString) and lane.length > 20.0:
                lanes.append(np.array([a, lane.coords[-1]], float))
                junctions.append(a)
        s += float(rng.uniform(50, 90))
    return lanes, junctions


def landmark_on_square(b: Build, place: Place, s: float, off: float) -> None:
    """A church (or a palazzo) at the back of a piazza, facing the road, on whichever side has room."""
    x, y, h = b.at(s)
    kind = "church" if b.rng.random() < 0.6 else "palazzo"
    for side in (1.0, -1.0) if b.rng.random() < 0.5 else (-1.0, 1.0):
        hx, hy = x - math.sin(h) * off * side, y + math.cos(h) * off * side
        if place(kind, hx, hy, math.degrees(h) + (0.0 if side > 0 else 180.0), 1.0, 0.0):
            return


def town_area(r0: int, c0: int, r1: int, c1: int) -> shapely.Geometry:
    """The rectangle of cells r0…r1 × c0…c1 [m]."""
    return shapely.box(c0 * TILE_M, r0 * TILE_M, (c1 + 1) * TILE_M, (r1 + 1) * TILE_M)


def town_rect_m(b: Build, s0: float, s1: float, half_m: float) -> tuple[int, int, int, int]:
    """Cell rectangle round the road between ``s0`` and ``s1``, ``half_m`` m each side."""
    idx = np.nonzero((b.cl.s >= s0) & (b.cl.s <= s1))[0]
    pts = b.cl.xy[idx]
    lo, hi = pts.min(axis=0) - half_m, pts.max(axis=0) + half_m
    return int(lo[1] // TILE_M), int(lo[0] // TILE_M), int(hi[1] // TILE_M), int(hi[0] // TILE_M)


def paint_town_ground(
    b: Build, s0: float, s1: float, half_m: float, squares: Sequence[tuple[float, float]] = (), paved_m: float = 0.0
) -> tuple[int, int, int, int]:
    """The town's paving (call before the ground is picked): cobbles along the street
    between ``s0`` and ``s1`` under the pavement and the front row of houses, ``paved_m``
    from the road's centre (default ``PAVED_M``), and over the ``squares``; the gardens
    behind stay grass. Returns the town's cell rectangle, ``half_m`` round the road."""
    r0, c0, r1, c1 = town_rect_m(b, s0, s1, half_m)
    inside = np.zeros_like(b.w.corner, dtype=bool)
    inside[max(r0, 0) : r1 + 1, max(c0, 0) : c1 + 1] = True
    pave(b, s0, s1, paved_m or PAVED_M, squares, inside)
    return r0, c0, r1, c1


PAVED_M = 17.0  # the street's paving, from the road's centre: to the back of the front row


def pave(
    b: Build, s0: float, s1: float, paved_m: float, squares: Sequence[tuple[float, float]], inside: NDArray[np.bool_]
) -> None:
    s = b.cl.s[np.maximum(b.near_v, 0)]
    near = (b.near_v >= 0) & inside
    street = near & (b.dist_v <= paved_m) & (s >= s0) & (s <= s1)
    for a, z in squares:
        street |= near & (b.dist_v <= b.half_width_at((a + z) / 2) + SQUARE_M + 4.0) & (s >= a) & (s <= z)
    b.w.corner[street] = COBBLES


def finish_square(b: Build) -> list[tuple[float, float]]:
    """The piazza of the finish: open ground for the crowd, 40 m before the line to 25 m past it."""
    return [(b.s_finish - 40.0, b.s_finish + 25.0)]


def fields(
    b: Build, zones: str | tuple[str, ...], kinds: list[str], size: tuple[int, int] = (9, 9), clear: float = 12.0
) -> None:
    """Fields in clean rectangles in the given zones (cells far from any road count as the
    first zone of the stage)."""
    for zone in (zones,) if isinstance(zones, str) else zones:
        place_patches(b.w, zone, size, kinds, clear)


def poplar_plantation(b: Build, r0: int, c0: int, r1: int, c1: int, clear: float = 14.0) -> None:
    """A *pioppeto*: poplars in a strict grid, 7 m apart, the Po valley's signature."""
    w = b.w
    for y in np.arange((r0 + 0.5) * TILE_M, r1 * TILE_M, 7.0):
        for x in np.arange((c0 + 0.5) * TILE_M, c1 * TILE_M, 7.0):
            r, c = w.cell_of(float(x), float(y))
            if w.inside(r, c) and w.zone_of(r, c) != "" and w.dist[r, c] >= clear:
                w.place_tree("poplar", float(x), float(y), 1.0, clear - 6.0)


def pine_wood(
    b: Build, s0: float, s1: float, max_off: float, density: float, clear: float = 11.0, terrain: int = GRASS
) -> None:
    """Umbrella pines (canopies over the road's edges) in a belt along the road, on ``terrain``."""
    w, rng = b.w, b.rng
    for r in range(1, w.rows - 1):
        for c in range(1, w.cols - 1):
            k = w.near[r, c]
            if k < 0 or not (s0 <= b.cl.s[k] <= s1) or w.dist[r, c] > max_off or w.dist[r, c] < clear:
                continue
            if rng.random() < density:
                place_pine(w, r, c, terrain)


def cells_near(b: Build, s0: float, s1: float, d0: float, d1: float) -> NDArray[np.bool_]:
    w = b.w
    k = np.maximum(w.near, 0)
    s = b.cl.s[k]
    return (w.near >= 0) & (s >= s0) & (s <= s1) & (w.dist >= d0) & (w.dist <= d1)


def castle(b: Build, r: int, c: int, size: int) -> None:
    """A square castle: brick walls, four corner towers, a keep (the Rocca of Sirmione,
    the Castello Estense)."""
    w = b.w
    cells = set()
    for k in range(size):
        cells |= {(r, c + k), (r + size - 1, c + k), (r + k, c), (r + k, c + size - 1)}
    place_wall_cells(w, {q for q in cells if w.inside(*q)}, connect=False, prefix="brick")
    for rr, cc in ((r - 1, c - 1), (r - 1, c + size - 1), (r + size - 1, c - 1), (r + size - 1, c + size - 1)):
        if w.inside(rr + 1, cc + 1):
            w.put_block(rr, cc, [["tl", "tr"], ["bl", "br"]], "tower")
    mid = r + size // 2 - 1, c + size // 2 - 1
    w.put_block(mid[0], mid[1], [["tl", "tr"], ["bl", "br"]], "tower")
    for i in range(r + 1, r + size - 1):
        for j in range(c + 1, c + size - 1):
            if w.ground[i, j] and w.decor[i, j] == 0:
                w.put(i, j, "piazza", "ground")
    w.reserved[r - 2 : r + size + 2, c - 2 : c + size + 2] = True


def angle_deg(h: float) -> float:
    return math.degrees(h) % 360


def paint_town_band(
    b: Build, s0: float, s1: float, half_m: float, squares: Sequence[tuple[float, float]] = (), paved_m: float = 0.0
) -> None:
    """``paint_town_ground`` for a town only within ``half_m`` of the road (``town_band``)."""
    pave(b, s0, s1, min(paved_m or PAVED_M, half_m), squares, b.dist_v <= half_m)


def town_band(
    b: Build, s0: float, s1: float, half_m: float, front_m: float = 0.0, squares: Sequence[tuple[float, float]] = ()
) -> None:
    """A town only within ``half_m`` of the road between ``s0`` and ``s1`` (see ``town``),
    cut square at both ends (at a town gate, the wall)."""
    band = shapely.LineString(b.cl.xy[(b.cl.s >= s0) & (b.cl.s <= s1)]).buffer(half_m - 2.0, cap_style="flat")
    town(b, band, s0, s1, front_m, squares)
