"""Scenery that several stages share: lakes and rivers beside the road, town walls with a
gate over the road, towns of houses, fields, pine woods, boats (used by the recipes)."""

from __future__ import annotations

import math

import numpy as np
from mapworld import COBBLES, GRASS, TILE_M, WATER, fill_houses, place_patches, place_pine, place_wall_cells
from numpy.typing import NDArray
from stagebuild import Build


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


def town(b: Build, r0: int, c0: int, r1: int, c1: int, clear_m: float = 7.5) -> None:
    """Houses round courtyards in the rectangle (rows r0…r1, cols c0…c1)."""
    fill_houses(b.w, max(r0, 1), max(c0, 1), min(r1, b.w.rows - 2), min(c1, b.w.cols - 2), clear_m)


def town_rect_m(b: Build, s0: float, s1: float, half_m: float) -> tuple[int, int, int, int]:
    """Cell rectangle round the road between ``s0`` and ``s1``, ``half_m`` m each side."""
    idx = np.nonzero((b.cl.s >= s0) & (b.cl.s <= s1))[0]
    pts = b.cl.xy[idx]
    lo, hi = pts.min(axis=0) - half_m, pts.max(axis=0) + half_m
    return int(lo[1] // TILE_M), int(lo[0] // TILE_M), int(hi[1] // TILE_M), int(hi[0] // TILE_M)


def paint_town_ground(b: Build, s0: float, s1: float, half_m: float) -> tuple[int, int, int, int]:
    """Cobbles at every tile corner of the town rectangle (call before the ground is picked)."""
    r0, c0, r1, c1 = town_rect_m(b, s0, s1, half_m)
    b.w.corner[max(r0, 0) : r1 + 1, max(c0, 0) : c1 + 1] = COBBLES
    return r0, c0, r1, c1


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


def paint_town_band(b: Build, s0: float, s1: float, half_m: float) -> None:
    """Cobbles at every tile corner within ``half_m`` of the road between ``s0`` and ``s1``."""
    s = b.cl.s[np.maximum(b.near_v, 0)]
    band = (b.near_v >= 0) & (b.dist_v <= half_m) & (s >= s0) & (s <= s1)
    b.w.corner[band] = COBBLES


def town_band(b: Build, s0: float, s1: float, half_m: float, clear_m: float = 7.5) -> None:
    """Houses round courtyards, only within ``half_m`` of the road between ``s0`` and ``s1``."""
    w = b.w
    s = b.cl.s[np.maximum(w.near, 0)]
    outside = ~((w.near >= 0) & (w.dist <= half_m - 2.0) & (s >= s0) & (s <= s1))
    keep = w.reserved.copy()
    w.reserved |= outside
    r0, c0, r1, c1 = town_rect_m(b, s0, s1, half_m)
    town(b, r0, c0, r1, c1, clear_m)
    w.reserved = keep
