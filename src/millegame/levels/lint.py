"""Checks only ``check-level`` runs: the map loads, but is it what the designer meant?

- names: unknown object types, unknown custom properties (with "did you mean"),
  map properties out of their lists (``time_of_day``, ``weather``);
- geometry: the start on the road, clear of walls and solid tiles and facing along
  the route, gates spanning the whole road and crossing the route once, the route on
  the road, walls across the route, the route running on past the finish;
- scale: a ``px_per_m`` that makes the road narrower than 2.5 m or wider than 40 m, a
  tile a quarter of a car or less, or a route longer than 50 km.

- regularity targets: a PC section whose target_s asks for less than 5 km/h or more
  than the fastest shipped car can do (its top speed; with ``--drive``, its time on
  the autopilot).

Everything here reports with ``report.lint``: loading ignores it.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from millegame.core.car import CarParams
from millegame.core.roads import RoadRaster
from millegame.core.route import resample
from millegame.core.stage import Gate, Stage
from millegame.core.surfaces import SurfaceTable
from millegame.levels.errors import object_label
from millegame.levels.lines import route_arc_length, route_crossing
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
ROAD_WIDTH_M = (2.5, 40.0)  # a painted road outside this (median along the route) means a wrong px_per_m
MAX_CAR_TILES = 4.0  # a car longer than this many tiles means a wrong px_per_m
MAX_ROUTE_M = 50_000.0  # the longest Mille Miglia stage is far shorter
WIDTH_STEP_M = 0.25  # the road's width is measured across the route in these steps …
WIDTH_REACH_M = 25.0  # … up to this far on each side (beyond 2 × this it is "wider than 40 m" anyway)
WIDTH_SAMPLES = 400  # places along the route where the width is measured
MIN_TARGET_KMH = 5.0  # a PC target slower than walking pace is a typo (minutes for seconds?)
TARGET_SLACK_S = 0.2  # the drive's trace knows each car's time at a place to about 0.1 s
GATE_LEGS_APART_M = 1.0  # two crossings of a gate this far apart along the route are two legs


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
    ground = None if surface is None else Ground(surface, solid, cell_m, surfaces, raster)
    if ground is not None and _scale(report, ground, route, px_per_m):
        return  # every length below is off by the same factor: the scale is the one line to fix
    _walls_across_route(report, shapes, route, px_per_m)
    if finish is not None:
        _route_past_finish(report, route_shape, route, finish)
    if start is not None:
        _start_along_route(report, shapes, start, route)
    gates = [s for s in shapes if s.kind in GATE_TYPES and s.shape == "polyline" and len(s.points) == 2]
    once = [s for s in gates if _gate_crosses_once(report, s, route, px_per_m)]
    if ground is None:
        return
    if start is not None:
        _start_on_road(report, shapes, ground, start, px_per_m)
    _route_on_road(report, route_shape, ground, route)
    for s in once:
        _gate_spans_road(report, s, ground, route, px_per_m)


def _scale(report: Report, ground: Ground, route: NDArray[np.float64], px_per_m: float) -> bool:
    """One line for a ``px_per_m`` that cannot be right, with every sign of it; True if so
    (``report.wrong_scale`` tells ``check-level --drive`` not to drive it)."""
    from millegame.catalog import load_cars

    signs = []
    width = road_width_m(ground, route)
    if width is not None and not ROAD_WIDTH_M[0] <= width <= ROAD_WIDTH_M[1]:
        shown = f"over {2 * WIDTH_REACH_M:.0f}" if width > 2 * WIDTH_REACH_M else f"{width:.1f}"
        signs.append(
            f"the road is {shown} m wide along the route (a road is {ROAD_WIDTH_M[0]:g}–{ROAD_WIDTH_M[1]:g} m)"
        )
    car_m = max((c.length_m for c in load_cars()), default=0.0)
    if car_m > MAX_CAR_TILES * ground.cell_m:
        signs.append(f"a {car_m:.1f} m car is {car_m / ground.cell_m:.0f} tiles of {ground.cell_m:.2g} m long")
    length = float(route_arc_length(route)[-1])
    if length > MAX_ROUTE_M:
        signs.append(f"the route is {length / 1000:.0f} km long (at most {MAX_ROUTE_M / 1000:.0f} km)")
    if signs:
        tile_px = ground.cell_m * px_per_m
        report.lint(
            f"map: px_per_m = {px_per_m:g} cannot be right: {'; '.join(signs)} — set px_per_m to the pixels per "
            f"metre the tileset is drawn at (8 for the shipped tileset: a {tile_px:g} px tile is {tile_px / 8:g} m)"
        )
        report.wrong_scale = True
    return bool(signs)


def road_width_m(ground: Ground, route: NDArray[np.float64]) -> float | None:
    """The drivable width across the route [m], the median over places spread along it
    (a junction or a narrow bridge does not count); None if the route is never on the road."""
    length = float(route_arc_length(route)[-1])
    pts = resample(route, max(ROUTE_STEP_M, length / WIDTH_SAMPLES))
    if len(pts) < 2:
        return None
    d = np.gradient(pts, axis=0)
    n = np.stack([-d[:, 1], d[:, 0]], axis=1) / np.maximum(np.hypot(d[:, 0], d[:, 1]), 1e-12)[:, None]
    on = ground.drivable(pts)
    pts, n = pts[on], n[on]
    if not len(pts):
        return None
    steps = np.arange(1, round(WIDTH_REACH_M / WIDTH_STEP_M) + 1) * WIDTH_STEP_M
    runs = []
    for side in (1.0, -1.0):
        probe = pts[:, None, :] + side * steps[None, :, None] * n[:, None, :]
        ok = ground.drivable(probe.reshape(-1, 2)).reshape(len(pts), len(steps))
        runs.append(np.where(ok.all(axis=1), len(steps), np.argmin(ok, axis=1)))
    return float(np.median((runs[0] + runs[1] + 1) * WIDTH_STEP_M))


def _gate_crosses_once(report: Report, s: Shape, route: NDArray[np.float64], px_per_m: float) -> bool:
    """A gate drawn across two legs of a hairpin counts wherever the car first crosses it."""
    a, b = s.points[0] / px_per_m, s.points[1] / px_per_m
    at = _crossings(route[:-1], route[1:], a, b)
    if not len(at):
        return False  # reported by the loader
    legs = np.concatenate([[True], np.diff(np.sort(at)) > GATE_LEGS_APART_M])
    if legs.sum() < 2:
        return True
    first, second = np.sort(at)[legs][:2]
    report.lint(
        f"{s.label}: crosses the route {int(legs.sum())} times ({second - first:.0f} m apart along it, two legs "
        "of a bend) and would count on the first — shorten it to span only the road where it belongs"
    )
    return False


def _crossings(
    p0: NDArray[np.float64], p1: NDArray[np.float64], a: NDArray[np.float64], b: NDArray[np.float64]
) -> NDArray[np.float64]:
    """Where segment a–b crosses the polyline p0 → p1, as distances along the polyline [m]."""
    r, sv = p1 - p0, b - a
    denom = r[:, 0] * sv[1] - r[:, 1] * sv[0]
    qp = a - p0
    with np.errstate(divide="ignore", invalid="ignore"):
        t = (qp[:, 0] * sv[1] - qp[:, 1] * sv[0]) / denom
        u = (qp[:, 0] * r[:, 1] - qp[:, 1] * r[:, 0]) / denom
    ok = np.flatnonzero((denom != 0) & (t >= 0) & (t <= 1) & (u >= 0) & (u <= 1))
    seg = np.hypot(r[:, 0], r[:, 1])
    start = np.concatenate([[0.0], np.cumsum(seg)[:-1]])
    return start[ok] + t[ok] * seg[ok]


def _start_on_road(
    report: Report,
    shapes: Sequence[Shape],
    ground: Ground,
    start: tuple[tuple[float, float], float],
    px_per_m: float,
) -> None:
    """The start's centre on the road, and the whole car-sized rectangle clear of solid
    tiles and walls (a car that starts inside a wall is stuck before the lights go green)."""
    s = next(s for s in shapes if s.kind == "start")
    (x, y), _ = start
    if not ground.drivable(np.array([[x, y]]))[0]:
        report.lint(
            f"{s.label}: the car starts on {ground.what(x, y)} at ({x:.1f}, {y:.1f}) m — move the start onto the road"
        )
        return
    corners = s.points / px_per_m  # clockwise from the top-left
    u, v = np.meshgrid(np.linspace(0, 1, 9), np.linspace(0, 1, 5))
    u, v = u.ravel()[:, None], v.ravel()[:, None]
    inside = (1 - v) * ((1 - u) * corners[0] + u * corners[1]) + v * ((1 - u) * corners[3] + u * corners[2])
    r, c, on_map = ground.cells(inside)
    hit = on_map & ground.solid[r, c]
    if hit.any():
        k = int(np.argmax(hit))
        report.lint(f"{s.label}: overlaps a solid tile at column {c[k]}, row {r[k]} — move the start onto open road")
        return
    edges = np.concatenate([corners, corners[:1]])
    for w in shapes:
        if w.kind != "wall" or w.shape == "point":
            continue
        for seg in segments_of(w) / px_per_m:
            ends_inside = any(_in_convex(corners, seg[k : k + 2]) for k in (0, 2))
            if ends_inside or len(_crossings(edges[:-1], edges[1:], seg[:2], seg[2:])):
                report.lint(f"{s.label}: overlaps {w.label} — move the start clear of the wall")
                return


def _in_convex(corners: NDArray[np.float64], p: NDArray[np.float64]) -> bool:
    """Is p inside the convex polygon ``corners`` (either winding)?"""
    d = np.roll(corners, -1, axis=0) - corners
    q = p - corners
    cross = d[:, 0] * q[:, 1] - d[:, 1] * q[:, 0]
    return bool((cross >= 0).all() or (cross <= 0).all())


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
    for s in shapes:
        if s.kind != "wall" or s.shape == "point":
            continue
        for seg in segments_of(s) / px_per_m:
            at = _crossings(route[:-1], route[1:], seg[:2], seg[2:])
            if len(at):
                x, y = resample_at(route, float(at.min()))
                report.lint(
                    f"{s.label}: crosses the route at ({x:.0f}, {y:.0f}) m and would stop every car "
                    "— move the wall off the road"
                )
                break


def resample_at(route: NDArray[np.float64], s_m: float) -> tuple[float, float]:
    """The point ``s_m`` metres along the route."""
    cum = route_arc_length(route)
    x = float(np.interp(s_m, cum, route[:, 0]))
    y = float(np.interp(s_m, cum, route[:, 1]))
    return x, y


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


# -- regularity targets ------------------------------------------------------------------------------
def pc_sections(stage: Stage) -> list[tuple[Any, Any]]:
    """Every PC section as (line where it starts, line where it ends and its target_s is)."""
    lines = [t for t in stage.timing_lines if t.kind == "pc_line"]
    trials: dict[str, list[Any]] = {}
    for t in lines:
        trials.setdefault(t.trial, []).append(t)
    out = []
    for items in trials.values():
        items.sort(key=lambda t: t.order)
        out += [(a, b) for a, b in itertools.pairwise(items) if b.target_s]
    return out


def check_targets(report: Report, stage: Stage, fastest: CarParams | None) -> None:
    """PC targets that are absurd (below 5 km/h) or beyond the fastest car's top speed."""
    for a, b in pc_sections(stage):
        kmh = (b.s_m - a.s_m) / b.target_s * 3.6
        label = object_label(b.object_id, b.name, b.kind)
        what = f"{label}: target_s {b.target_s:g} s for the {b.s_m - a.s_m:.0f} m from order {a.order}"
        if kmh < MIN_TARGET_KMH:
            report.lint(
                f"{what} is an average of {kmh:.1f} km/h, below {MIN_TARGET_KMH:g} km/h "
                f"— give the time of the section in seconds (at 40 km/h: {(b.s_m - a.s_m) / 40 * 3.6:.0f} s)"
            )
        elif fastest is not None and kmh > fastest.top_speed_kmh:
            report.lint(
                f"{what} needs an average of {kmh:.0f} km/h, more than the fastest car's top speed "
                f"({fastest.name}, {fastest.top_speed_kmh:.0f} km/h) — give the section more time"
            )


def check_targets_driven(
    report: Report, stage: Stage, fastest: CarParams, time_at: Callable[[float], float | None]
) -> None:
    """PC targets shorter than the fastest car's time on the autopilot: no shipped car can make them."""
    for a, b in pc_sections(stage):
        t0, t1 = time_at(a.s_m), time_at(b.s_m)
        if t0 is None or t1 is None or (b.s_m - a.s_m) / b.target_s * 3.6 > fastest.top_speed_kmh:
            continue  # not driven that far (reported), or beyond its top speed (reported)
        if b.target_s < t1 - t0 - TARGET_SLACK_S:
            report.lint(
                f"{object_label(b.object_id, b.name, b.kind)}: target_s {b.target_s:g} s for the "
                f"{b.s_m - a.s_m:.0f} m from order {a.order} is faster than the fastest car ({fastest.name}) "
                f"drives it on the autopilot ({t1 - t0:.1f} s) — give it at least {t1 - t0:.1f} s"
            )
