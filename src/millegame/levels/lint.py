"""Checks only ``check-level`` runs: the map loads, but is it what the designer meant?

- names: unknown object types, unknown custom properties (with "did you mean"),
  map properties out of their lists (``time_of_day``, ``weather``);
- geometry: the start on the road and facing along the route, gates spanning the
  whole road, the route on the road, walls across the route, the route running on
  past the finish.

Everything here reports with ``report.lint``: loading ignores it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from millegame.core.roads import RoadRaster
from millegame.core.route import resample
from millegame.core.stage import Gate
from millegame.core.surfaces import SurfaceTable
from millegame.levels.lines import route_crossing
from millegame.levels.objects import Shape, segments_of
from millegame.levels.report import Report
from millegame.levels.schema import (
    ENUMS,
    GATE_TYPES,
    LAYER_PROPS,
    MAP_PROPS,
    OBJECT_TYPES,
    ROAD_SURFACES,
    TILE_PROPS,
    closest,
)
from millegame.levels.tmx import TmxFile

if TYPE_CHECKING:
    from millegame.levels.roads import RoadNetwork

ROUTE_STEP_M = 2.0
ROUTE_PAST_FINISH_M = 10.0  # the autopilot needs some route beyond the line
MAX_ROUTE_REPORTS = 5
START_ALIGN_COS = 0.7  # start heading within ~45° of the route's direction


# -- names ---------------------------------------------------------------------------------------
def check_names(report: Report, tmx: TmxFile, shapes: Sequence[Shape]) -> None:
    tiled = tmx.tiled
    _map_properties(report, dict(tiled.properties))
    _layer_properties(report, tmx)
    _tile_properties(report, tiled)
    for s in shapes:
        _object(report, s)


def _map_properties(report: Report, props: dict[str, Any]) -> None:
    known = [p.name for p in MAP_PROPS]
    for name, value in props.items():
        prop = next((p for p in MAP_PROPS if p.name == name), None)
        if prop is None:
            report.lint(f'map: unknown map property "{name}" — {closest(name, known)}')
        elif prop.enum in ENUMS and str(value) not in ENUMS[prop.enum]:
            report.lint(
                f"map: {name} = {value!r} is not one of {', '.join(ENUMS[prop.enum])} — "
                f"{closest(str(value), ENUMS[prop.enum])}"
            )


def _layer_properties(report: Report, tmx: TmxFile) -> None:
    known = [p.name for p in LAYER_PROPS]
    for layer in (*tmx.tile_layers, *tmx.tiled.layers):
        for name in getattr(layer, "properties", {}) or {}:
            if name not in known:
                report.lint(f'layer "{layer.name}": unknown layer property "{name}" — {closest(name, known)}')


def _tile_properties(report: Report, tiled: Any) -> None:
    known = [p.name for p in TILE_PROPS]
    unknown: dict[str, int] = {}
    for props in tiled.tile_properties.values():
        for name in props:
            # pytmx adds the tile's own attributes (frames, colliders, width, height …) to the dict
            if name not in known and name not in PYTMX_TILE_KEYS:
                unknown[name] = unknown.get(name, 0) + 1
    for name, n in unknown.items():
        report.lint(f'tileset: unknown tile property "{name}" on {n} tiles — {closest(name, known)}')


PYTMX_TILE_KEYS = frozenset({"frames", "colliders", "width", "height", "id", "type", "class", "probability", "source"})


def _object(report: Report, s: Shape) -> None:
    if not s.kind:
        return  # untyped objects are notes
    otype = OBJECT_TYPES.get(s.kind)
    if otype is None:
        report.lint(
            f'{s.label}: unknown object type "{s.kind}" — {closest(s.kind, list(OBJECT_TYPES))} '
            "(leave the type empty for notes)"
        )
        return
    known = [p.name for p in otype.props]
    for name in s.properties:
        if name not in known:
            hint = closest(name, known) if known else f"{s.kind} objects take no properties"
            report.lint(f'{s.label}: unknown property "{name}" — {hint}')


# -- geometry ------------------------------------------------------------------------------------
class Ground:
    """Which points are on drivable road: road surface, not solid, inside the map."""

    def __init__(
        self,
        surface: NDArray[np.uint8],
        solid: NDArray[np.bool_],
        cell_m: float,
        surfaces: SurfaceTable,
        roads: RoadRaster | None = None,
    ):
        self.surface, self.solid, self.cell_m = surface, solid, cell_m
        self.names = surfaces.names
        self.road = np.array([n in ROAD_SURFACES for n in surfaces.names])
        self.roads = roads  # drawn road pieces: drivable wherever one lies, whatever the ground

    def cells(self, xy: NDArray[np.float64]) -> tuple[NDArray[np.intp], NDArray[np.intp], NDArray[np.bool_]]:
        r = np.floor(xy[:, 1] / self.cell_m).astype(np.intp)
        c = np.floor(xy[:, 0] / self.cell_m).astype(np.intp)
        inside = (r >= 0) & (r < self.surface.shape[0]) & (c >= 0) & (c < self.surface.shape[1])
        return np.where(inside, r, 0), np.where(inside, c, 0), inside

    def drivable(self, xy: NDArray[np.float64]) -> NDArray[np.bool_]:
        r, c, inside = self.cells(xy)
        painted = inside & ~self.solid[r, c] & self.road[self.surface[r, c]]
        if self.roads is None:
            return painted
        return painted | (inside & (self.roads.surface_at(xy[:, 0], xy[:, 1]) >= 0))

    def what(self, x: float, y: float) -> str:
        r, c, inside = self.cells(np.array([[x, y]]))
        if not inside[0]:
            return "outside the map"
        if self.solid[r[0], c[0]]:
            return "a solid tile"
        return str(self.names[self.surface[r[0], c[0]]])


def check_geometry(
    report: Report,
    shapes: Sequence[Shape],
    surfaces: SurfaceTable,
    surface: NDArray[np.uint8] | None,
    solid: NDArray[np.bool_],
    cell_m: float,
    px_per_m: float,
    start: tuple[tuple[float, float], float] | None,
    route: NDArray[np.float64],
    walls: NDArray[np.float64],
    finish: Gate | None,
    roads: RoadNetwork | None = None,
    raster: RoadRaster | None = None,
) -> None:
    # The route's label in messages: the route polyline, or the first road piece of the chain.
    route_shape = roads.chain[0].shape if roads is not None else next(s for s in shapes if s.kind == "route")
    _walls_across_route(report, shapes, route, px_per_m)
    if finish is not None:
        _route_past_finish(report, route_shape, route, finish)
    if start is not None:
        _start_along_route(report, shapes, start, route)
    if surface is None:
        return
    ground = Ground(surface, solid, cell_m, surfaces, raster)
    if start is not None:
        _start_on_road(report, shapes, ground, start)
    _route_on_road(report, route_shape, ground, route)
    for s in shapes:
        if s.kind in GATE_TYPES and s.shape == "polyline" and len(s.points) == 2:
            _gate_spans_road(report, s, ground, route, px_per_m)


def _start_on_road(
    report: Report, shapes: Sequence[Shape], ground: Ground, start: tuple[tuple[float, float], float]
) -> None:
    s = next(s for s in shapes if s.kind == "start")
    (x, y), _ = start
    if not ground.drivable(np.array([[x, y]]))[0]:
        report.lint(
            f"{s.label}: the car starts on {ground.what(x, y)} at ({x:.1f}, {y:.1f}) m — move the start onto the road"
        )


def _start_along_route(
    report: Report, shapes: Sequence[Shape], start: tuple[tuple[float, float], float], route: NDArray[np.float64]
) -> None:
    s = next(s for s in shapes if s.kind == "start")
    pts = resample(route, ROUTE_STEP_M)
    d = pts[min(5, len(pts) - 1)] - pts[0]
    if np.hypot(*d) < 1e-9:
        return
    fwd = np.array([math.cos(start[1]), math.sin(start[1])])
    cos = float(np.dot(fwd, d / np.hypot(*d)))
    if cos < START_ALIGN_COS:
        want = math.degrees(math.atan2(d[1], d[0])) % 360
        report.lint(
            f"{s.label}: faces {math.degrees(math.acos(max(-1.0, min(1.0, cos)))):.0f}° away from the route "
            f"— set its rotation to about {want:.0f}° (its +x side is the front of the car)"
        )


def _route_on_road(report: Report, route_shape: Shape, ground: Ground, route: NDArray[np.float64]) -> None:
    pts = resample(route, ROUTE_STEP_M)
    off = ~ground.drivable(pts)
    if not off.any():
        return
    edges = np.flatnonzero(np.diff(np.concatenate([[0], off.astype(np.int8), [0]])))
    runs = list(zip(edges[::2], edges[1::2], strict=True))
    for i0, i1 in runs[:MAX_ROUTE_REPORTS]:
        x, y = pts[i0]
        length = max(ROUTE_STEP_M, (i1 - i0) * ROUTE_STEP_M)
        report.lint(
            f"{route_shape.label}: runs over {ground.what(x, y)} for {length:.0f} m from ({x:.0f}, {y:.0f}) m "
            "— keep the route on the road (or paint road under it)"
        )
    if len(runs) > MAX_ROUTE_REPORTS:
        report.lint(f"{route_shape.label}: leaves the road in {len(runs) - MAX_ROUTE_REPORTS} more places")


def _gate_spans_road(report: Report, s: Shape, ground: Ground, route: NDArray[np.float64], px_per_m: float) -> None:
    a, b = s.points[0] / px_per_m, s.points[1] / px_per_m
    hit = route_crossing(route, a, b)
    if hit is None:
        return  # reported by the loader
    k, t = hit
    p = route[k] + t * (route[k + 1] - route[k])
    if not ground.drivable(p[None, :])[0]:
        report.lint(
            f"{s.label}: crosses the route on {ground.what(*p)} at ({p[0]:.0f}, {p[1]:.0f}) m, not on the road "
            "— put it where the route runs on the road"
        )
        return
    for end, name in ((a, "first"), (b, "second")):
        if ground.drivable(end[None, :])[0]:
            report.lint(
                f"{s.label}: its {name} end ({end[0]:.0f}, {end[1]:.0f}) m is on the road, so a car can drive round "
                "it — extend the line across the whole road, into the verge or a wall"
            )


def _walls_across_route(report: Report, shapes: Sequence[Shape], route: NDArray[np.float64], px_per_m: float) -> None:
    p0, p1 = route[:-1], route[1:]
    for s in shapes:
        if s.kind != "wall" or s.shape == "point":
            continue
        for seg in segments_of(s) / px_per_m:
            crossing = _first_crossing(p0, p1, seg[:2], seg[2:])
            if crossing is not None:
                x, y = crossing
                report.lint(
                    f"{s.label}: crosses the route at ({x:.0f}, {y:.0f}) m and would stop every car "
                    "— move the wall off the road"
                )
                break


def _first_crossing(
    p0: NDArray[np.float64], p1: NDArray[np.float64], a: NDArray[np.float64], b: NDArray[np.float64]
) -> tuple[float, float] | None:
    r, sv = p1 - p0, b - a
    denom = r[:, 0] * sv[1] - r[:, 1] * sv[0]
    qp = a - p0
    with np.errstate(divide="ignore", invalid="ignore"):
        t = (qp[:, 0] * sv[1] - qp[:, 1] * sv[0]) / denom
        u = (qp[:, 0] * r[:, 1] - qp[:, 1] * r[:, 0]) / denom
    ok = np.flatnonzero((denom != 0) & (t >= 0) & (t <= 1) & (u >= 0) & (u <= 1))
    if not len(ok):
        return None
    i = int(ok[0])
    x, y = p0[i] + t[i] * r[i]
    return float(x), float(y)


def _route_past_finish(report: Report, route_shape: Shape, route: NDArray[np.float64], finish: Gate) -> None:
    hit = route_crossing(route, np.array(finish.a), np.array(finish.b))
    if hit is None:
        return
    k, t = hit
    seg = np.hypot(*np.diff(route, axis=0).T)
    beyond = (1 - t) * seg[k] + seg[k + 1 :].sum()
    if beyond < ROUTE_PAST_FINISH_M:
        report.lint(
            f"{route_shape.label}: ends {beyond:.0f} m after the finish — let it run on at least "
            f"{ROUTE_PAST_FINISH_M:.0f} m so cars keep their line through the finish"
        )
