"""Turning a parsed ``.tmx`` into a ``Stage`` in metres (the format is in docs/levels.md).

Pixels become metres here and nowhere else: every coordinate is divided by the map's
``px_per_m`` property. Every check reports through a ``Report`` (``levels.report``):
loading stops at the first error, ``check-level`` collects them all and carries on
with what it can still look at (a missing start does not hide a bad gate).
"""

from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from millegame.core.roads import RoadRaster
from millegame.core.stage import (
    MATERIAL_HARD,
    Gate,
    MapArt,
    Stage,
    TileLayerArt,
    TileObjectArt,
    TilesetArt,
    TimingLine,
)
from millegame.core.surfaces import SurfaceTable
from millegame.levels import lint
from millegame.levels.lines import as_bool, as_int, check_order, gate_of, route_arc_length
from millegame.levels.objects import Shape, read_shapes, segments_of
from millegame.levels.report import Report
from millegame.levels.roads import RoadNetwork, build_network, edge_walls, gates_from_points, road_shapes
from millegame.levels.scenery import scenery_walls, tile_objects, tile_table
from millegame.levels.schema import closest
from millegame.levels.timing import read_timing_lines
from millegame.levels.tmx import HD_IMAGE_PROPERTY, TmxFile, hd_image

GROUND, ABOVE = "ground", "above"
ROUTE_START_TOLERANCE_M = 30.0  # the route must begin this close to the start pose
DEFAULT_BACKGROUND = (120, 160, 80)
DEFAULT_PX_PER_M = 8.0  # only to carry on checking when px_per_m is missing


def build_stage(tmx: TmxFile, surfaces: SurfaceTable, report: Report | None = None) -> Stage | None:
    """The Stage, or None when ``report`` collected errors (loading mode raises instead)."""
    report = report or Report(str(tmx.path))
    tiled = tmx.tiled
    props = dict(tiled.properties)
    px_per_m = map_scale(report, props)
    cell_m = tiled.tilewidth / px_per_m
    luts = TileTables.of(tiled, surfaces, report)
    layers = tile_layers(tmx)
    surface: NDArray[np.uint8] | None = None
    if GROUND not in layers:
        report.error('no tile layer named "ground" — rename the layer that holds the terrain to "ground"')
    else:
        surface = surface_grid(report, layers[GROUND], luts)
    solid = np.zeros((tiled.height, tiled.width), dtype=bool)
    for gids in layers.values():
        solid |= luts.solid[gids]

    shapes = read_shapes(tiled, report)
    if report.collect:
        lint.check_names(report, tmx, shapes)
    start = start_pose(report, shapes, px_per_m)
    net: RoadNetwork | None = None
    raster = RoadRaster.empty()
    if road_shapes(shapes):
        if any(s.kind == "route" for s in shapes):
            report.error(
                "the map has road objects and a route polyline — delete the route polyline: the route now "
                "follows the road pieces from the start to the finish"
            )
        net = build_network(report, shapes, surfaces, px_per_m, start[0] if start is not None else None)
        route = net.route if net is not None else None
        if net is not None:
            raster = RoadRaster.of(net.pieces, tiled.width * cell_m, tiled.height * cell_m)
            ground = lint.Ground(surface, solid, cell_m, surfaces, raster) if surface is not None else None
            shapes = gates_from_points(report, shapes, net, px_per_m, ground.drivable if ground else None)
    else:
        route = route_polyline(report, shapes, px_per_m)
    if start is not None and route is not None:
        route = check_route_start(report, route, start[0])
    width_m, height_m = tiled.width * cell_m, tiled.height * cell_m
    if start is not None:
        check_inside(report, "start", start[0], width_m, height_m)
    walls = wall_segments(report, shapes, px_per_m)
    wall_material = np.full(len(walls), MATERIAL_HARD, dtype=np.uint8)
    tile_objs = tile_objects(report, tmx, px_per_m)
    extra = [scenery_walls(tile_objs, tile_table(report, tmx, {o.gid for o in tile_objs}))]
    if net is not None:
        extra.append(edge_walls(net.pieces))
    for segs, mats in extra:
        walls = np.concatenate([walls, segs]) if len(segs) else walls
        wall_material = np.concatenate([wall_material, mats]) if len(mats) else wall_material
    check_wall_density(report, walls)
    checkpoints: tuple[Gate, ...] = ()
    finish: Gate | None = None
    timing: tuple[TimingLine, ...] = ()
    if route is not None:
        found = gates(report, shapes, route, px_per_m)
        if found is not None:
            checkpoints, finish, s_finish = found
            timing = read_timing_lines(report, shapes, route, px_per_m, s_finish)
    pieces = net.pieces if net is not None else ()
    if report.collect and route is not None:
        lint.check_geometry(
            report, shapes, surfaces, surface, solid, cell_m, px_per_m, start, route, walls, finish, net,
            raster if net is not None else None,
        )  # fmt: skip
    par = par_time(report, props)
    if start is None or route is None or finish is None or surface is None or report.has_errors:
        return None

    return Stage(
        id=tmx.path.stem,
        title=str(props.get("title") or tmx.path.stem),
        width_m=width_m,
        height_m=height_m,
        cell_m=cell_m,
        surface=surface,
        solid=solid,
        surfaces=surfaces,
        walls=walls,
        start_xy=start[0],
        start_heading=start[1],
        checkpoints=checkpoints,
        finish=finish,
        route=route,
        px_per_m=px_per_m,
        time_of_day=str(props.get("time_of_day", "day")),
        weather=str(props.get("weather", "clear")),
        par_time_s=par,
        source_path=os.fspath(tmx.path.resolve()),
        source_sha256=hashlib.sha256(tmx.data).hexdigest(),
        properties=props,
        art=map_art(tmx, luts, tile_objs),
        timing_lines=timing,
        wall_material=wall_material,
        roads=pieces,
        road_raster=raster,
    )


# -- map properties ---------------------------------------------------------------------------
def map_scale(report: Report, props: dict[str, Any]) -> float:
    raw = props.get("px_per_m")
    if raw is None:
        report.error("map property px_per_m is missing — add a float property px_per_m (8 for the shipped tileset)")
        return DEFAULT_PX_PER_M
    try:
        value = float(raw)
    except (TypeError, ValueError):
        report.error(f"map property px_per_m = {raw!r} is not a number — set it to 8 for the shipped tileset")
        return DEFAULT_PX_PER_M
    if not (value > 0 and math.isfinite(value)):
        report.error(f"map property px_per_m must be > 0 (got {value}) — set it to 8 for the shipped tileset")
        return DEFAULT_PX_PER_M
    return value


def par_time(report: Report, props: dict[str, Any]) -> float | None:
    raw = props.get("par_time_s")
    if raw in (None, ""):
        return None
    try:
        value = float(raw)
    except (TypeError, ValueError):
        report.error(f"map property par_time_s = {raw!r} is not a number — give the par time in seconds, or remove it")
        return None
    if not (value > 0 and math.isfinite(value)):
        report.error(f"map property par_time_s must be > 0 (got {value}) — give the par time in seconds, or remove it")
        return None
    return value


# -- tiles -------------------------------------------------------------------------------------
class TileTables:
    """Lookup tables indexed by Tiled's gid (flip bits stripped): surface index (-1 = no
    ``surface`` property) and solidity of every tile of every tileset."""

    def __init__(
        self,
        surface: NDArray[np.int16],
        solid: NDArray[np.bool_],
        names: list[str],
        any_turn: NDArray[np.bool_] | None = None,
    ) -> None:
        self.surface = surface
        self.solid = solid
        self.surface_names = names
        self.any_turn = any_turn if any_turn is not None else np.zeros(len(solid), dtype=bool)

    @staticmethod
    def of(tiled: Any, surfaces: SurfaceTable, report: Report) -> TileTables:
        n = max((int(ts.firstgid) + int(ts.tilecount) for ts in tiled.tilesets), default=1)
        surface = np.full(n, -1, dtype=np.int16)
        solid = np.zeros(n, dtype=bool)
        any_turn = np.zeros(n, dtype=bool)
        unknown: dict[str, list[int]] = {}
        for gid, p in tiled.tile_properties.items():
            tgid = int(tiled.tiledgidmap.get(gid, 0))  # pytmx renumbers gids; this maps them back
            if not (0 < tgid < n):
                continue
            name = p.get("surface")
            if name is not None:
                try:
                    surface[tgid] = surfaces.index(str(name))
                except KeyError:
                    unknown.setdefault(str(name), []).append(tgid)
            solid[tgid] = as_bool(p.get("solid", False))
            any_turn[tgid] = as_bool(p.get("any_turn", False))
        for name, tgids in unknown.items():
            ids = ", ".join(str(g - 1) for g in sorted(tgids)[:5]) + (" …" if len(tgids) > 5 else "")
            report.error(
                f"tileset tile {ids}: surface {name!r} is not one of: {', '.join(surfaces.names)} "
                f"— fix the tile's surface property ({closest(name, surfaces.names)})"
            )
        return TileTables(surface, solid, list(surfaces.names), any_turn)


def tile_layers(tmx: TmxFile) -> dict[str, NDArray[np.uint32]]:
    """Every tile layer's Tiled gids without flip bits, (rows, cols), by name, in document order."""
    return {layer.name: layer.gids for layer in tmx.tile_layers}


def surface_grid(report: Report, gids: NDArray[np.uint32], luts: TileTables) -> NDArray[np.uint8] | None:
    ok = True
    empty = np.argwhere(gids == 0)
    if len(empty):
        r, c = empty[0]
        ok = False
        report.error(
            f'tile layer "ground": {len(empty)} empty cells (first at column {c}, row {r}) '
            "— every ground cell needs a tile (paint grass with the terrain brush, or fill with the bucket)"
        )
    idx = luts.surface[gids]
    missing = np.argwhere((idx < 0) & (gids != 0))
    if len(missing):
        r, c = missing[0]
        tile = int(gids[r, c])
        ok = False
        report.error(
            f'tile layer "ground": tile gid {tile} (first at column {c}, row {r}, {len(missing)} cells) has no '
            "surface — give the tile a surface property in the tileset, or paint another tile"
        )
    return idx.astype(np.uint8) if ok else None


def map_art(tmx: TmxFile, luts: TileTables, objects: tuple[TileObjectArt, ...] = ()) -> MapArt:
    tiled = tmx.tiled
    base = tmx.path.parent
    # The folder of each tileset's file, by firstgid: an hd_image path is relative to it.
    folders = {
        ref.get("firstgid", ""): (base / str(ref.get("source"))).parent if ref.get("source") else base
        for ref in tmx.root.findall("tileset")
    }
    tilesets = []
    for ts in sorted(tiled.tilesets, key=lambda t: int(t.firstgid)):
        hd_path, hd_scale = None, 1
        value = ts.properties.get(HD_IMAGE_PROPERTY)
        if isinstance(value, str) and value:
            found, hd_scale, _ = hd_image(folders.get(str(ts.firstgid), base), value, (int(ts.width), int(ts.height)))
            hd_path = os.path.normpath(os.fspath(found)) if found is not None else None
        tilesets.append(
            TilesetArt(
                firstgid=int(ts.firstgid),
                image_path=os.path.normpath(os.fspath((base / ts.source).resolve())),
                tile_w=int(ts.tilewidth),
                tile_h=int(ts.tileheight),
                columns=int(ts.columns)
                or max(
                    1, (int(ts.width) - 2 * int(ts.margin) + int(ts.spacing)) // (int(ts.tilewidth) + int(ts.spacing))
                ),
                tilecount=int(ts.tilecount),
                margin=int(ts.margin),
                spacing=int(ts.spacing),
                hd_path=hd_path,
                hd_scale=hd_scale,
            )
        )
    layers = []
    for layer in tmx.tile_layers:
        flips = layer.flips
        above = layer.name.lower() == ABOVE or as_bool(layer.properties.get("above_cars", False))
        layers.append(
            TileLayerArt(
                name=layer.name,
                gids=layer.gids,
                above_cars=above,
                flips=flips if flips.any() else None,
            )
        )
    return MapArt(
        tile_w_px=int(tiled.tilewidth),
        tile_h_px=int(tiled.tileheight),
        tilesets=tuple(tilesets),
        layers=tuple(layers),
        background_rgb=parse_colour(tiled.background_color) or DEFAULT_BACKGROUND,
        objects=objects,
        any_turn=luts.any_turn if luts.any_turn.any() else None,
    )


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
def only_one(report: Report, shapes: Sequence[Shape], kind: str, how: str) -> Shape | None:
    found = [s for s in shapes if s.kind == kind]
    if not found:
        report.error(f'no object of type "{kind}" — {how}')
        return None
    if len(found) > 1:
        ids = ", ".join(f"#{s.id}" for s in found)
        report.error(f'{len(found)} objects of type "{kind}" ({ids}) — keep exactly one')
        return None
    return found[0]


def start_pose(report: Report, shapes: Sequence[Shape], px_per_m: float) -> tuple[tuple[float, float], float] | None:
    """Centre [m] and heading [rad] of the car-sized ``start`` rectangle.

    Its local +x axis is the car's forward direction; Tiled rotates it about the
    top-left corner, so the centre is (x, y) + R(θ)·(w/2, h/2) — the mean of the corners.
    """
    s = only_one(
        report, shapes, "start", "add a car-sized rectangle (4.4 × 1.8 m) of type start, rotated to face the road"
    )
    if s is None:
        return None
    if s.shape != "rectangle":
        report.error(f"{s.label}: must be a rectangle, not a {s.shape} — draw it with the rectangle tool")
        return None
    cx, cy = s.points.mean(axis=0) / px_per_m
    return (float(cx), float(cy)), math.radians(s.rotation_deg)


def route_polyline(report: Report, shapes: Sequence[Shape], px_per_m: float) -> NDArray[np.float64] | None:
    s = only_one(
        report, shapes, "route", "add a polyline of type route along the road centre, from the start to past the finish"
    )
    if s is None:
        return None
    if s.shape != "polyline" or len(s.points) < 2:
        report.error(
            f"{s.label}: must be an open polyline with at least 2 points, not a {s.shape} — draw it with the "
            "polyline tool"
        )
        return None
    pts = s.points / px_per_m
    keep = np.concatenate([[True], np.hypot(*np.diff(pts, axis=0).T) > 1e-9])
    return np.ascontiguousarray(pts[keep])


def check_route_start(report: Report, route: NDArray[np.float64], start_xy: tuple[float, float]) -> NDArray[np.float64]:
    """The route to check the rest of the map with: reversed when it was drawn backwards
    (it ends at the start), so that one mistake gives one line, not a wrong-way start and
    every gate out of order."""
    d = math.hypot(route[0, 0] - start_xy[0], route[0, 1] - start_xy[1])
    if d <= ROUTE_START_TOLERANCE_M:
        return route
    if math.hypot(route[-1, 0] - start_xy[0], route[-1, 1] - start_xy[1]) <= ROUTE_START_TOLERANCE_M:
        report.error(
            f"the route is drawn backwards: it ends at the start and begins {d:.0f} m away "
            "— reverse it (select it, then Tiled's Reverse Polyline)"
        )
        return np.ascontiguousarray(route[::-1])
    report.error(f"the route begins {d:.0f} m from the start — draw the route from the start")
    return route


def check_inside(report: Report, what: str, xy: tuple[float, float], width_m: float, height_m: float) -> None:
    if not (0 <= xy[0] < width_m and 0 <= xy[1] < height_m):
        report.error(f"the {what} ({xy[0]:.1f}, {xy[1]:.1f}) m is outside the map — move it onto the map")


def gates(
    report: Report, shapes: Sequence[Shape], route: NDArray[np.float64], px_per_m: float
) -> tuple[tuple[Gate, ...], Gate, float] | None:
    """Checkpoints (by ``order``) and the finish, each with the route's direction there,
    and the finish's distance along the route [m]."""
    cum = route_arc_length(route)
    found: list[tuple[int, Gate, float, Shape]] = []
    for s in shapes:
        if s.kind != "checkpoint":
            continue
        order = as_int(s.properties.get("order"))
        if order is None or order < 1:
            report.error(f"{s.label}: needs an int property order (1, 2, 3, … in driving order)")
            continue
        hit = gate_of(report, s, route, cum, px_per_m, order)
        if hit is not None:
            found.append((order, hit[0], hit[1], s))
    found.sort(key=lambda t: (t[0], t[2]))
    check_order(report, [(o, at, s) for o, _, at, s in found], "checkpoint", "number checkpoints 1, 2, 3, …")
    fin = only_one(report, shapes, "finish", "add a 2-point polyline of type finish across the road")
    if fin is None:
        return None
    hit = gate_of(report, fin, route, cum, px_per_m, len(found) + 1)
    if hit is None:
        return None
    finish, at_fin = hit
    if found and at_fin <= max(at for _, _, at, _ in found):
        report.error(f"{fin.label}: the finish comes before the last checkpoint along the route — move it")
    return tuple(g for _, g, _, _ in found), finish, at_fin


MAX_WALL_EDGES_PER_CELL = 200  # in one 8 m square; the shipped stages have at most 52 (a town)


def check_wall_density(report: Report, walls: NDArray[np.float64]) -> None:
    """Too many wall edges in one place: objects stacked on one another (a paste repeated, a
    hostile file). The physics keeps, per 8 m square, a row as long as the fullest square's
    list, so 3,000 trees on one spot would cost gigabytes; refuse it with where it is."""
    if len(walls) < MAX_WALL_EDGES_PER_CELL:
        return
    mid = (walls[:, :2] + walls[:, 2:]) / 2
    cells, counts = np.unique(np.floor(mid / 8.0).astype(np.int64), axis=0, return_counts=True)
    k = int(np.argmax(counts))
    if counts[k] > MAX_WALL_EDGES_PER_CELL:
        x, y = (cells[k] + 0.5) * 8.0
        report.error(
            f"{counts[k]} wall edges within 8 m of ({x:.0f}, {y:.0f}) m (at most {MAX_WALL_EDGES_PER_CELL}) "
            "— objects stacked on one another? Delete the copies (Tiled: select the spot, look at the Objects view)"
        )


def wall_segments(report: Report, shapes: Sequence[Shape], px_per_m: float) -> NDArray[np.float64]:
    segs = []
    for s in shapes:
        if s.kind != "wall":
            continue
        if s.shape == "point":
            report.error(f"{s.label}: a point cannot be a wall — use a polyline, polygon or rectangle")
            continue
        segs.append(segments_of(s) / px_per_m)
    if not segs:
        return np.zeros((0, 4), dtype=np.float64)
    return np.ascontiguousarray(np.concatenate(segs), dtype=np.float64)
