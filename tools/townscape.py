"""Towns of scenery objects, shared by the stage generators (the prologue's Brescia and the
towns of the route stages).

An old town seen from above is roofs wall to wall: a row of houses along each side of
every street, turned to it, a second row behind, and the inside of the blocks filled with
roofs of varied size each turned to the nearest street give or take a few degrees, a
courtyard here and there; the corners of the streets stay open. ``street_houses`` lays
the rows, ``block_houses`` fills the blocks. Both place through a ``place`` function —
``Scenery.place`` or ``World.place_object`` — that refuses anything too near a road or on
top of what was placed before, so the order of the calls is the order of precedence.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import shapely
from numpy.typing import NDArray
from scenery_place import along, length

# (kind, x [m], y [m], heading [deg], scale, clear of the roads [m]) → placed?
Place = Callable[[str, float, float, float, float, float], bool]
Test = Callable[[float, float], bool]
STREET_KINDS = ("house_a", "house_b", "house_c", "house_a")
BLOCK_KINDS = ("house_a", "house_b", "house_c", "house_a", "house_c")
FRONT_M, ROW_M = 8.0, 11.0  # a front row's centre behind the road's edge; each row behind, 11 m further


def street_houses(
    place: Place,
    rng: np.random.Generator,
    centre: NDArray[np.float64],
    half_width_m: float,
    row: int,
    corners: NDArray[np.float64],
    inside: Test,
    keep_out: Test,
    corner_m: float = 14.0,
    clear_m: float = 1.8,
    scales: tuple[float, float] | None = None,
    skew_deg: float = 0.0,
) -> None:
    """Houses along both sides of a street (``centre``), ``row`` 0 on the pavement, 1 behind
    it …, facing the street, about every 11 m where the street point is ``inside`` the town
    and not within ``corner_m`` of a corner; none whose centre would be in ``keep_out``.
    With ``scales`` each house is drawn that much larger or smaller, with ``skew_deg`` turned
    up to that much off the street."""
    s_total = length(centre)
    s = 4.0 + 5.0 * row
    while s < s_total - 4:
        x, y, tx, ty = along(centre, s)
        near_corner = np.min(np.hypot(corners[:, 0] - x, corners[:, 1] - y)) < corner_m
        if not near_corner and inside(x, y):
            for side in (-1.0, 1.0):
                kind = str(rng.choice(STREET_KINDS))
                scale = float(rng.uniform(*scales)) if scales else 1.0
                skew = float(rng.uniform(-skew_deg, skew_deg)) if skew_deg else 0.0
                off = half_width_m + 2.5 + 5.5 + ROW_M * row
                hx, hy = x - ty * off * side, y + tx * off * side
                if not keep_out(hx, hy):
                    heading = math.degrees(math.atan2(ty, tx)) + (0 if side > 0 else 180) + skew
                    place(kind, hx, hy, heading, scale, clear_m)
        s += 10.5 + float(rng.uniform(0, 2))


def block_houses(
    place: Place,
    rng: np.random.Generator,
    area: shapely.Geometry,
    streets: Sequence[NDArray[np.float64]],
    keep_out: Test,
    kinds: tuple[str, ...] = BLOCK_KINDS,
    p: Sequence[float] | None = None,
    clear_m: float = 1.8,
    pitch: float = 11.0,
    scales: tuple[float, float] = (0.8, 1.2),
    tries: int = 1,
) -> None:
    """Fill ``area``'s blocks with houses of varied size (``scales``), one about every
    ``pitch`` m, each turned to the nearest street give or take a few degrees; about one
    place in ten stays a courtyard. ``kinds`` drawn with the weights ``p`` (default: all
    alike). Where a house does not fit, up to ``tries`` in all of another size, kind and
    place nearby: the more tries, the fewer gaps."""
    lines = [shapely.LineString(c) for c in streets]
    x0, y0, x1, y1 = area.bounds
    for gy in np.arange(y0 + pitch / 2, y1, pitch):
        for gx in np.arange(x0 + pitch / 2, x1, pitch):
            for _ in range(tries):
                x, y = gx + float(rng.uniform(-2.0, 2.0)), gy + float(rng.uniform(-2.0, 2.0))
                kind = str(rng.choice(kinds, p=p))
                scale, skew, courtyard = float(rng.uniform(*scales)), float(rng.uniform(-8, 8)), rng.random() < 0.1
                point = shapely.Point(x, y)
                if courtyard or not area.contains(point) or keep_out(x, y):
                    break
                k = int(np.argmin([line.distance(point) for line in lines]))
                _, _, tx, ty = along(streets[k], lines[k].project(point))
                heading = math.degrees(math.atan2(ty, tx)) + 90.0 * int(rng.integers(0, 4)) + skew
                if place(kind, x, y, heading, scale, clear_m):
                    break
