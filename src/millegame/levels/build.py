"""Turning a parsed ``.tmx`` into a ``Stage`` in metres (the format is in docs/levels.md).

Pixels become metres here and nowhere else: every coordinate is divided by the map's
``px_per_m`` property.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import os
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from millegame.core.stage import Gate, MapArt, Stage, TileLayerArt, TilesetArt
from millegame.core.surfaces import SurfaceTable
from millegame.levels.errors import StageError
from millegame.levels.objects import Shape, read_shapes, segments_of
from millegame.levels.tmx import TmxFile, import_pytmx

GROUND, ABOVE = "ground", "above"
ROUTE_START_TOLERANCE_M = 30.0  # the route must begin this close to the start pose
DEFAULT_BACKGROUND = (120, 160, 80)
FLIP_SHIFT = 29  # Tiled keeps flip flags in gid bits 31 (h), 30 (v), 29 (diagonal)


def build_stage(tmx: TmxFile, surfaces: SurfaceTable) -> Stage:
    where = str(tmx.path)
    tiled = tmx.tiled
    props = dict(tiled.properties)
    px_per_m = map_scale(where, props)
    cell_m = tiled.tilewidth / px_per_m
    luts = TileTables.of(tiled, surfaces, where)
    layers = tile_layers(tiled)
    if GROUND not in layers:
        raise StageError(f'{where}: no tile layer named "ground" — rename the layer that holds the terrain to "ground"')
    surface = surface_grid(where, layers[GROUND], luts)
    solid = np.zeros(surface.shape, dtype=bool)
    for gids in layers.values():
        solid |= luts.solid[gids]

    shapes = read_shapes(tiled)
    start_xy, heading = start_pose(where, shapes, px_per_m)
    route = route_polyline(where, shapes, px_per_m)
    check_route_start(where, route, start_xy)
    checkpoints, finish = gates(where, shapes, route, px_per_m)
    walls = wall_segments(where, shapes, px_per_m)
    rows, cols = surface.shape
    check_inside(where, "start", start_xy, cols * cell_m, rows * cell_m)

    par = props.get("par_time_s")
    return Stage(
        id=tmx.path.stem,
        title=str(props.get("title") or tmx.path.stem),
        width_m=cols * cell_m,
        height_m=rows * cell_m,
        cell_m=cell_m,
        surface=surface,
        solid=solid,
        surfaces=surfaces,
        walls=walls,
        start_xy=start_xy,
        start_heading=heading,
        checkpoints=checkpoints,
        finish=finish,
        route=route,
        px_per_m=px_per_m,
        time_of_day=str(props.get("time_of_day", "day")),
        weather=str(props.get("weather", "clear")),
        par_time_s=float(par) if par not in (None, "") else None,
        source_path=os.fspath(tmx.path.resolve()),
        source_sha256=hashlib.sha256(tmx.data).hexdigest(),
        properties=props,
        art=map_art(tmx, luts),
    )


# -- map properties ---------------------------------------------------------------------------
def map_scale(where: str, props: dict[str, Any]) -> float:
    raw = props.get("px_per_m")
    if raw is None:
        raise StageError(
            f"{where}: map property px_per_m is missing — add a float property px_per_m (8 for the shipped tileset)"
        )
    try:
        value = float(raw)
    except (TypeError, ValueError):
        raise StageError(f"{where}: map property px_per_m = {raw!r} is not a number") from None
    if not (value > 0 and math.isfinite(value)):
        raise StageError(f"{where}: map property px_per_m must be > 0 (got {value})")
    return value


# -- tiles -------------------------------------------------------------------------------------
class TileTables:
    """Lookup tables indexed by pytmx's gid (pytmx renumbers Tiled's gids as it loads)."""

    def __init__(
        self,
        surface: NDArray[np.int16],
        solid: NDArray[np.bool_],
        tiled_gid: NDArray[np.uint32],
        flips: NDArray[np.uint8],
        names: list[str],
    ) -> None:
        self.surface = surface  # surface index, -1 = no `surface` property
        self.solid = solid
        self.tiled_gid = tiled_gid  # Tiled's gid without flip bits
        self.flips = flips  # Tiled's flip bits (h, v, d) as a 3-bit number
        self.surface_names = names

    @staticmethod
    def of(tiled: Any, surfaces: SurfaceTable, where: str) -> TileTables:
        n = max(int(tiled.maxgid), 1)
        surface = np.full(n, -1, dtype=np.int16)
        solid = np.zeros(n, dtype=bool)
        tiled_gid = np.zeros(n, dtype=np.uint32)
        flips = np.zeros(n, dtype=np.uint8)
        for (tgid, flags), entry in tiled.imagemap.items():
            gid = entry if isinstance(entry, int) else entry[0]  # pytmx seeds it with (0, 0) -> 0
            if gid <= 0 or gid >= n:
                continue
            tiled_gid[gid] = tgid
            if flags:
                flips[gid] = (int(flags[0]) << 2) | (int(flags[1]) << 1) | int(flags[2])
        for gid, p in tiled.tile_properties.items():
            if not (0 < gid < n):
                continue
            name = p.get("surface")
            if name is not None:
                try:
                    surface[gid] = surfaces.index(str(name))
                except KeyError:
                    raise StageError(
                        f"{where}: tile {int(tiled_gid[gid]) - 1} of the tileset has surface {name!r}, "
                        f"which is not one of: {', '.join(surfaces.names)} — fix its `surface` property"
                    ) from None
            solid[gid] = as_bool(p.get("solid", False))
        return TileTables(surface, solid, tiled_gid, flips, list(surfaces.names))


def tile_layers(tiled: Any) -> dict[str, NDArray[np.int64]]:
    """Every tile layer's pytmx gids, (rows, cols), by name, in document order."""
    pytmx = import_pytmx()
    out: dict[str, NDArray[np.int64]] = {}
    for layer in tiled.layers:
        if isinstance(layer, pytmx.TiledTileLayer):
            out[str(layer.name)] = np.asarray(layer.data, dtype=np.int64).reshape(tiled.height, tiled.width)
    return out


def surface_grid(where: str, gids: NDArray[np.int64], luts: TileTables) -> NDArray[np.uint8]:
    empty = np.argwhere(gids == 0)
    if len(empty):
        r, c = empty[0]
        raise StageError(
            f'{where}: the "ground" layer has {len(empty)} empty cells (first at column {c}, row {r}) '
            "— every ground cell needs a tile"
        )
    idx = luts.surface[gids]
    missing = np.argwhere(idx < 0)
    if len(missing):
        r, c = missing[0]
        tile = int(luts.tiled_gid[gids[r, c]])
        raise StageError(
            f'{where}: the "ground" layer uses tile gid {tile} (at column {c}, row {r}), which has no '
            "`surface` property — give the tile a string property surface"
        )
    return idx.astype(np.uint8)


def map_art(tmx: TmxFile, luts: TileTables) -> MapArt:
    tiled = tmx.tiled
    pytmx = import_pytmx()
    base = tmx.path.parent
    tilesets = tuple(
        TilesetArt(
            firstgid=int(ts.firstgid),
            image_path=os.path.normpath(os.fspath((base / ts.source).resolve())),
            tile_w=int(ts.tilewidth),
            tile_h=int(ts.tileheight),
            columns=int(ts.columns)
            or max(1, (int(ts.width) - 2 * int(ts.margin) + int(ts.spacing)) // (int(ts.tilewidth) + int(ts.spacing))),
            tilecount=int(ts.tilecount),
            margin=int(ts.margin),
            spacing=int(ts.spacing),
        )
        for ts in sorted(tiled.tilesets, key=lambda t: int(t.firstgid))
    )
    layers = []
    for layer in tiled.layers:
        if not isinstance(layer, pytmx.TiledTileLayer):
            continue
        gids = np.asarray(layer.data, dtype=np.int64).reshape(tiled.height, tiled.width)
        flips = luts.flips[gids]
        above = str(layer.name).lower() == ABOVE or as_bool(layer.properties.get("above_cars", False))
        layers.append(
            TileLayerArt(
                name=str(layer.name),
                gids=luts.tiled_gid[gids],
                above_cars=above,
                flips=flips if flips.any() else None,
            )
        )
    return MapArt(
        tile_w_px=int(tiled.tilewidth),
        tile_h_px=int(tiled.tileheight),
        tilesets=tilesets,
        layers=tuple(layers),
        background_rgb=parse_colour(tiled.background_color) or DEFAULT_BACKGROUND,
    )


def as_bool(value: object) -> bool:
    """A Tiled bool property (pytmx converts typed ones; a string "false" must stay False)."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


def parse_colour(text: str | None) -> tuple[int, int, int] | None:
    """Tiled colours are ``#rrggbb`` or ``#aarrggbb``."""
    if not text:
        return None
    h = text.lstrip("#")
    if len(h) == 8:
        h = h[2:]
    if len(h) != 6:
        return None
    try:
        return (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))
    except ValueError:
        return None


# -- objects -----------------------------------------------------------------------------------
def only_one(where: str, shapes: Sequence[Shape], kind: str, how: str) -> Shape:
    found = [s for s in shapes if s.kind == kind]
    if not found:
        raise StageError(f'{where}: no object of type "{kind}" — {how}')
    if len(found) > 1:
        ids = ", ".join(f"#{s.id}" for s in found)
        raise StageError(f'{where}: {len(found)} objects of type "{kind}" ({ids}) — keep exactly one')
    return found[0]


def start_pose(where: str, shapes: Sequence[Shape], px_per_m: float) -> tuple[tuple[float, float], float]:
    """Centre [m] and heading [rad] of the car-sized ``start`` rectangle.

    Its local +x axis is the car's forward direction; Tiled rotates it about the
    top-left corner, so the centre is (x, y) + R(θ)·(w/2, h/2) — the mean of the corners.
    """
    s = only_one(
        where, shapes, "start", "add a car-sized rectangle (4.4 × 1.8 m) of type start, rotated to face the road"
    )
    if s.shape != "rectangle":
        raise StageError(f"{where}: {s.label}: must be a rectangle, not a {s.shape} — draw it with the rectangle tool")
    cx, cy = s.points.mean(axis=0) / px_per_m
    return (float(cx), float(cy)), math.radians(s.rotation_deg)


def route_polyline(where: str, shapes: Sequence[Shape], px_per_m: float) -> NDArray[np.float64]:
    s = only_one(
        where, shapes, "route", "add a polyline of type route along the road centre, from the start to past the finish"
    )
    if s.shape != "polyline" or len(s.points) < 2:
        raise StageError(f"{where}: {s.label}: must be an open polyline with at least 2 points")
    pts = s.points / px_per_m
    keep = np.concatenate([[True], np.hypot(*np.diff(pts, axis=0).T) > 1e-9])
    return np.ascontiguousarray(pts[keep])


def check_route_start(where: str, route: NDArray[np.float64], start_xy: tuple[float, float]) -> None:
    d = math.hypot(route[0, 0] - start_xy[0], route[0, 1] - start_xy[1])
    if d > ROUTE_START_TOLERANCE_M:
        raise StageError(
            f"{where}: the route begins {d:.0f} m from the start — draw the route from the start "
            "(or reverse it: Tiled's Reverse Polyline, if it was drawn backwards)"
        )


def check_inside(where: str, what: str, xy: tuple[float, float], width_m: float, height_m: float) -> None:
    if not (0 <= xy[0] < width_m and 0 <= xy[1] < height_m):
        raise StageError(f"{where}: the {what} ({xy[0]:.1f}, {xy[1]:.1f}) m is outside the map")


def gates(
    where: str, shapes: Sequence[Shape], route: NDArray[np.float64], px_per_m: float
) -> tuple[tuple[Gate, ...], Gate]:
    """Checkpoints (by ``order``) and the finish, each with the route's direction there."""
    cum = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(route, axis=0).T))])
    found: list[tuple[int, Gate, float, Shape]] = []
    for s in shapes:
        if s.kind != "checkpoint":
            continue
        order = as_int(s.properties.get("order"))
        if order is None:
            raise StageError(f"{where}: {s.label}: needs an int property order (1, 2, 3, … in driving order)")
        gate, at = gate_of(where, s, route, cum, px_per_m, order)
        found.append((order, gate, at, s))
    found.sort(key=lambda t: t[0])
    for (o1, _, a1, s1), (o2, _, a2, s2) in itertools.pairwise(found):
        if o1 == o2:
            raise StageError(f"{where}: {s1.label} and {s2.label} both have order {o1} — number checkpoints 1, 2, 3, …")
        if a2 <= a1:
            raise StageError(
                f"{where}: {s2.label} (order {o2}) comes before order {o1} along the route — fix the order properties"
            )
    fin = only_one(where, shapes, "finish", "add a 2-point polyline of type finish across the road")
    finish, at_fin = gate_of(where, fin, route, cum, px_per_m, len(found) + 1)
    if found and at_fin <= found[-1][2]:
        raise StageError(f"{where}: {fin.label}: the finish comes before the last checkpoint along the route")
    return tuple(g for _, g, _, _ in found), finish


def gate_of(
    where: str, s: Shape, route: NDArray[np.float64], cum: NDArray[np.float64], px_per_m: float, order: int
) -> tuple[Gate, float]:
    """A Gate from a 2-point line, and its arc-length position along the route [m]."""
    if s.shape != "polyline" or len(s.points) != 2:
        raise StageError(
            f"{where}: {s.label}: must be a 2-point polyline across the road "
            f"(got a {s.shape} with {len(s.points)} points)"
        )
    a, b = s.points[0] / px_per_m, s.points[1] / px_per_m
    hit = route_crossing(route, a, b)
    if hit is None:
        raise StageError(
            f"{where}: {s.label}: does not cross the route — move it so it spans the road where the route polyline runs"
        )
    k, t = hit
    d = route[k + 1] - route[k]
    fwd = d / np.hypot(*d)
    gate = Gate(
        a=(float(a[0]), float(a[1])),
        b=(float(b[0]), float(b[1])),
        forward=(float(fwd[0]), float(fwd[1])),
        name=s.name,
        order=order,
        object_id=s.id,
    )
    return gate, float(cum[k] + t * (cum[k + 1] - cum[k]))


def route_crossing(
    route: NDArray[np.float64], a: NDArray[np.float64], b: NDArray[np.float64]
) -> tuple[int, float] | None:
    """The route segment (index, fraction along it) that crosses segment a–b.

    If the route crosses the line more than once (a gate drawn too long across a
    hairpin), the crossing nearest the gate's midpoint wins.
    """
    p, r = route[:-1], route[1:] - route[:-1]
    s = b - a
    denom = r[:, 0] * s[1] - r[:, 1] * s[0]
    qp = a - p
    with np.errstate(divide="ignore", invalid="ignore"):
        t = (qp[:, 0] * s[1] - qp[:, 1] * s[0]) / denom
        u = (qp[:, 0] * r[:, 1] - qp[:, 1] * r[:, 0]) / denom
    ok = (denom != 0) & (t >= 0) & (t <= 1) & (u >= 0) & (u <= 1)
    idx = np.nonzero(ok)[0]
    if not len(idx):
        return None
    mid = (a + b) / 2
    pts = p[idx] + t[idx, None] * r[idx]
    best = int(np.argmin(np.hypot(*(pts - mid).T)))
    return int(idx[best]), float(t[idx[best]])


def wall_segments(where: str, shapes: Sequence[Shape], px_per_m: float) -> NDArray[np.float64]:
    segs = []
    for s in shapes:
        if s.kind != "wall":
            continue
        if s.shape == "point":
            raise StageError(f"{where}: {s.label}: a point cannot be a wall — use a polyline, polygon or rectangle")
        segs.append(segments_of(s) / px_per_m)
    if not segs:
        return np.zeros((0, 4), dtype=np.float64)
    return np.ascontiguousarray(np.concatenate(segs), dtype=np.float64)
