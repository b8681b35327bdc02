"""Road objects: polylines of type ``road`` turned into smooth pieces, the chain that is the
route, walls along walled streets, and gates placed as points.

The format (docs/levels.md, "Roads"): a road piece is a Tiled polyline of type/class
``road`` with the properties ``width_m`` (default 7), ``surface`` (default asphalt),
``edge`` (verge | kerb | wall | none, default verge), ``sharp`` (default false) and
``markings`` (none | centre | full, default none: painted lines are for modern roads).

**Smoothing.** The drawn points are the control points of a centripetal Catmull–Rom
spline (α = ½): the curve passes through every drawn point, never loops or cusps between
them (Yuksel et al. 2011), and three clicks make a clean bend. We chose it over fitted arcs
because it keeps the designer's points exactly where they were clicked, so a road can be
nudged point by point in Tiled. ``sharp = true`` keeps the straight segments as drawn. The
pieces of the chain are smoothed as one curve, so the road stays tangent-continuous where a
piece of cobbles follows a piece of asphalt.

**Chain.** Starting from the piece that begins nearest the start, each piece continues
with the piece that begins within ``JOIN_M`` of its end (the straightest one, if several
do). The chain is the route, start → finish; every other piece is a side road.

Geometry that is not on the hot path (joins, gaps, wall lines, distances) uses shapely.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from numpy.typing import NDArray

from millegame.core.roads import EDGES, MARKINGS, RoadPiece
from millegame.core.stage import MATERIAL_HARD
from millegame.core.surfaces import SurfaceTable
from millegame.levels.lines import as_bool
from millegame.levels.objects import Shape
from millegame.levels.report import Report
from millegame.levels.schema import GATE_TYPES, closest

FloatArray = NDArray[np.float64]

ROAD = "road"
DEFAULT_WIDTH_M = 7.0
MIN_WIDTH_M, MAX_WIDTH_M = 2.5, 40.0  # a road outside this is a scale mistake
JOIN_M = 1.0  # a piece continues another when it begins this close to its end
GAP_REPORT_M = 40.0  # a chain that stops this close to another piece's start is a missed join
START_TOLERANCE_M = 30.0  # the chain must begin this close to the start
SAMPLE_M = 0.5  # spacing of the smoothed centre line
SIMPLIFY_M = 0.02  # a piece's centre line keeps points where it bends by more than this
WALL_OFFSET_M = 0.5  # a walled street's walls stand this far outside its edge
GATE_MARGIN_M = 8.0  # a gate placed as a point reaches this far past each edge (a car cutting a bend crosses it)
GATE_OTHER_LEG_M = 40.0  # … but stops short of another stretch of the route (the other leg of a hairpin)
GATE_POINT_REACH_M = 15.0  # … and must be placed within this distance of the road's edge
GATE_EXTEND_M = 30.0  # … and reaches on across drivable ground (a piazza) up to this much further


@dataclass(frozen=True)
class DrawnRoad:
    """A road object as drawn: its control points [m] and properties."""

    shape: Shape
    points: FloatArray
    width_m: float
    surface: int
    surface_name: str
    edge: str
    sharp: bool
    markings: str = "none"


@dataclass(frozen=True)
class RoadNetwork:
    """The smoothed pieces (route pieces in driving order, then side roads), the route
    polyline [m] and the road width at each route point [m]."""

    pieces: tuple[RoadPiece, ...]
    route: FloatArray
    route_width_m: FloatArray
    chain: tuple[DrawnRoad, ...]


def road_shapes(shapes: Sequence[Shape]) -> list[Shape]:
    return [s for s in shapes if s.kind == ROAD]


def read_roads(report: Report, shapes: Sequence[Shape], surfaces: SurfaceTable, px_per_m: float) -> list[DrawnRoad]:
    """Every road object with its properties checked (bad ones are reported and left out)."""
    roads = []
    for s in road_shapes(shapes):
        if s.shape != "polyline" or len(s.points) < 2:
            report.error(
                f"{s.label}: a road must be an open polyline of at least 2 points (got a {s.shape}) "
                "— draw it with the polyline tool along the road's centre"
            )
            continue
        p = s.properties
        width = _float(p.get("width_m", DEFAULT_WIDTH_M))
        if width is None or not (MIN_WIDTH_M <= width <= MAX_WIDTH_M):
            report.error(
                f"{s.label}: width_m = {p.get('width_m')!r} m is not a road width from {MIN_WIDTH_M:g} to "
                f"{MAX_WIDTH_M:g} m — set width_m (7 for a main road, 4–5 for a town street), and check the "
                "map's px_per_m if the road looks right in Tiled"
            )
            continue
        name = str(p.get("surface", "asphalt") or "asphalt")
        if name not in surfaces.names:
            report.error(
                f"{s.label}: surface {name!r} is not one of: {', '.join(surfaces.names)} "
                f"— {closest(name, list(surfaces.names))}"
            )
            continue
        edge = str(p.get("edge", "verge") or "verge")
        if edge not in EDGES:
            report.error(f"{s.label}: edge {edge!r} is not one of: {', '.join(EDGES)} — {closest(edge, list(EDGES))}")
            continue
        markings = str(p.get("markings", "none") or "none")
        if markings not in MARKINGS:
            report.error(
                f"{s.label}: markings {markings!r} is not one of: {', '.join(MARKINGS)} "
                f"— {closest(markings, list(MARKINGS))}"
            )
            continue
        pts = s.points / px_per_m
        keep = np.concatenate([[True], np.hypot(*np.diff(pts, axis=0).T) > 1e-6])
        pts = pts[keep]
        if len(pts) < 2:
            report.error(f"{s.label}: all its points are in one place — draw the road with at least 2 points")
            continue
        roads.append(
            DrawnRoad(
                s, np.ascontiguousarray(pts), width, surfaces.index(name), name, edge, as_bool(p.get("sharp")), markings
            )
        )
    return roads


def _float(value: object) -> float | None:
    try:
        v = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


# -- the chain --------------------------------------------------------------------------------------
def chain_of(report: Report, roads: list[DrawnRoad], start_xy: tuple[float, float] | None) -> list[DrawnRoad] | None:
    """The route pieces in driving order, or None (reported) when there is no chain."""
    if not roads:
        return None
    start = np.array(start_xy if start_xy is not None else roads[0].points[0])
    first = min(roads, key=lambda r: float(np.hypot(*(r.points[0] - start))))
    d0 = float(np.hypot(*(first.points[0] - start)))
    if d0 > START_TOLERANCE_M:
        ends = min(roads, key=lambda r: float(np.hypot(*(r.points[-1] - start))))
        if float(np.hypot(*(ends.points[-1] - start))) <= START_TOLERANCE_M:
            report.error(
                f"{ends.shape.label}: the road ends at the start instead of beginning there — reverse the "
                "polyline (Tiled: select it, right-click > Reverse) so the road runs from the start to the finish"
            )
        else:
            report.error(
                f"no road begins near the start (the nearest, {first.shape.label}, begins {d0:.0f} m away) "
                f"— draw the first road piece from the start, within {START_TOLERANCE_M:.0f} m"
            )
        return None
    chain = [first]
    used = {id(first)}
    while True:
        end = chain[-1].points[-1]
        here = _direction(chain[-1].points, at_end=True)
        nexts = [r for r in roads if id(r) not in used and np.hypot(*(r.points[0] - end)) <= JOIN_M]
        if not nexts:
            _explain_stop(report, roads, used, chain[-1])
            return chain
        best = max(nexts, key=lambda r: float(np.dot(here, _direction(r.points, at_end=False))))
        chain.append(best)
        used.add(id(best))


def _explain_stop(report: Report, roads: list[DrawnRoad], used: set[int], last: DrawnRoad) -> None:
    """Report a chain that stops just short of another piece (a missed join, or a piece drawn
    the wrong way). Side roads far away are not mentioned: they are meant to be apart."""
    end = last.points[-1]
    best: tuple[float, DrawnRoad, bool] | None = None
    for r in roads:
        if id(r) in used:
            continue
        for pt, reversed_ in ((r.points[0], False), (r.points[-1], True)):
            d = float(np.hypot(*(pt - end)))
            if d <= GAP_REPORT_M and (best is None or d < best[0]):
                best = (d, r, reversed_)
    if best is None:
        return
    d, r, reversed_ = best
    if reversed_ and d <= JOIN_M:
        report.error(
            f"{r.shape.label}: drawn backwards — its end meets the end of {last.shape.label}; reverse the "
            "polyline (Tiled: right-click > Reverse) so it runs on from there"
        )
    elif not reversed_:
        report.error(
            f"{last.shape.label}: ends {d:.1f} m from the start of {r.shape.label} — the pieces do not connect; "
            f"move the points to within {JOIN_M:g} m (hold Ctrl to snap to the grid, or type the coordinates)"
        )


def _direction(points: FloatArray, at_end: bool) -> FloatArray:
    d = points[-1] - points[-2] if at_end else points[1] - points[0]
    n = float(np.hypot(*d))
    return d / n if n > 0 else np.array([1.0, 0.0])


# -- smoothing --------------------------------------------------------------------------------------
def smooth_chain(control: FloatArray, sharp: NDArray[np.bool_]) -> tuple[FloatArray, NDArray[np.int64]]:
    """A centripetal Catmull–Rom curve through ``control`` (N, 2) [m], sampled every ≤ SAMPLE_M;
    span i (control[i] → control[i+1]) is straight where ``sharp[i]``.

    Returns the points (M, 2) and, for each control point, its index in them (so a chain
    can be cut back into its pieces at their joints).
    """
    n = len(control)
    ghost_a = 2 * control[0] - control[1]
    ghost_b = 2 * control[-1] - control[-2]
    ext = np.concatenate([ghost_a[None], control, ghost_b[None]])
    out = [control[:1]]
    at = [0]
    for i in range(n - 1):
        p1, p2 = control[i], control[i + 1]
        chord = float(np.hypot(*(p2 - p1)))
        k = max(1, math.ceil(chord * 1.25 / SAMPLE_M))
        u = np.linspace(0.0, 1.0, k + 1)[1:]
        if sharp[i]:
            span = p1 + u[:, None] * (p2 - p1)
        else:
            span = _catmull_rom(ext[i], p1, p2, ext[i + 3], u)
        out.append(span)
        at.append(at[-1] + len(span))
    return np.concatenate(out), np.array(at, dtype=np.int64)


def _catmull_rom(p0: FloatArray, p1: FloatArray, p2: FloatArray, p3: FloatArray, u: FloatArray) -> FloatArray:
    """Points of the centripetal Catmull–Rom span p1 → p2 at fractions ``u`` of its knot range
    (Barry–Goldman's pyramid)."""

    def knot(a: FloatArray, b: FloatArray) -> float:
        return max(float(np.hypot(*(b - a))) ** 0.5, 1e-6)

    t0 = 0.0
    t1 = t0 + knot(p0, p1)
    t2 = t1 + knot(p1, p2)
    t3 = t2 + knot(p2, p3)
    t = (t1 + u * (t2 - t1))[:, None]
    a1 = (t1 - t) / (t1 - t0) * p0 + (t - t0) / (t1 - t0) * p1
    a2 = (t2 - t) / (t2 - t1) * p1 + (t - t1) / (t2 - t1) * p2
    a3 = (t3 - t) / (t3 - t2) * p2 + (t - t2) / (t3 - t2) * p3
    b1 = (t2 - t) / (t2 - t0) * a1 + (t - t0) / (t2 - t0) * a2
    b2 = (t3 - t) / (t3 - t1) * a2 + (t - t1) / (t3 - t1) * a3
    return (t2 - t) / (t2 - t1) * b1 + (t - t1) / (t2 - t1) * b2


def network(chain: list[DrawnRoad], side: list[DrawnRoad]) -> RoadNetwork:
    """Smooth the chain as one curve and each side road on its own."""
    control = np.concatenate([chain[0].points[:1], *[r.points[1:] for r in chain]])
    # A joint's point is shared: each piece's own points after its first continue the curve.
    sharp = np.concatenate([np.full(len(r.points) - 1, r.sharp) for r in chain])
    pts, at = smooth_chain(control, sharp)
    pieces: list[RoadPiece] = []
    widths: list[FloatArray] = []
    c = 0
    for r in chain:
        lo, hi = at[c], at[c + len(r.points) - 1]
        c += len(r.points) - 1
        pieces.append(_piece(r, pts[lo : hi + 1], on_route=True))
        widths.append(np.full(hi - lo + (1 if not widths else 0), r.width_m))
    for r in side:
        spts, _ = smooth_chain(r.points, np.full(len(r.points) - 1, r.sharp))
        pieces.append(_piece(r, spts, on_route=False))
    return RoadNetwork(tuple(pieces), np.ascontiguousarray(pts), np.concatenate(widths), tuple(chain))


def _piece(r: DrawnRoad, centre: FloatArray, on_route: bool) -> RoadPiece:
    # Fewer points where the curve is nearly straight (Douglas–Peucker, 2 cm): the raster
    # and the renderer both read this line, and a long straight needs two points, not 400.
    simple = np.asarray(shapely.LineString(centre).simplify(SIMPLIFY_M, preserve_topology=False).coords)
    return RoadPiece(
        centre=np.ascontiguousarray(simple),
        width_m=r.width_m,
        surface=r.surface,
        edge=r.edge,
        sharp=r.sharp,
        on_route=on_route,
        object_id=r.shape.id,
        name=r.shape.name,
        surface_name=r.surface_name,
        markings=r.markings,
    )


def build_network(
    report: Report,
    shapes: Sequence[Shape],
    surfaces: SurfaceTable,
    px_per_m: float,
    start_xy: tuple[float, float] | None,
) -> RoadNetwork | None:
    """The stage's roads, or None when it has no road objects or they are broken (reported)."""
    roads = read_roads(report, shapes, surfaces, px_per_m)
    if not roads:
        return None
    chain = chain_of(report, roads, start_xy)
    if chain is None:
        return None
    side = [r for r in roads if all(r is not c for c in chain)]
    return network(chain, side)


# -- what the roads give the rest of the stage -------------------------------------------------------
def edge_walls(pieces: Sequence[RoadPiece]) -> tuple[FloatArray, NDArray[np.uint8]]:
    """Wall segments (K, 4) [m] along both sides of every ``edge = wall`` piece, cut away
    wherever another road (a junction, the next piece) passes, and their materials (hard)."""
    walled = [p for p in pieces if p.edge == "wall"]
    if not walled:
        return np.zeros((0, 4)), np.zeros(0, dtype=np.uint8)
    clear = shapely.union_all(
        [shapely.LineString(p.centre).buffer(p.width_m / 2 + 0.4 * WALL_OFFSET_M) for p in pieces]
    )
    segs = []
    for p in walled:
        line = shapely.LineString(p.centre)
        for side in (1.0, -1.0):
            wall = line.offset_curve(side * (p.width_m / 2 + WALL_OFFSET_M)).difference(clear)
            for part in getattr(wall, "geoms", [wall]):
                c = np.asarray(part.coords)
                if len(c) >= 2:
                    segs.append(np.concatenate([c[:-1], c[1:]], axis=1))
    if not segs:
        return np.zeros((0, 4)), np.zeros(0, dtype=np.uint8)
    out = np.ascontiguousarray(np.concatenate(segs), dtype=np.float64)
    return out, np.full(len(out), MATERIAL_HARD, dtype=np.uint8)


def gates_from_points(
    report: Report,
    shapes: list[Shape],
    net: RoadNetwork,
    px_per_m: float,
    drivable: Callable[[FloatArray], NDArray[np.bool_]] | None = None,
) -> list[Shape]:
    """Shapes with every gate drawn as a point replaced by a 2-point line across the road
    there, square to it, reaching ``GATE_MARGIN_M`` past each edge — and on, up to
    ``GATE_EXTEND_M`` more, while the ground there is still ``drivable`` (a square, a paved
    verge), so that no car can drive round it."""
    route = net.route
    cum = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(route, axis=0).T))])  # arc length [m]
    out = []
    for s in shapes:
        if s.kind not in GATE_TYPES or s.shape != "point":
            out.append(s)
            continue
        p = s.points[0] / px_per_m
        d = np.hypot(route[:, 0] - p[0], route[:, 1] - p[1])
        k = int(np.argmin(d))
        half = net.route_width_m[k] / 2
        if d[k] > half + GATE_POINT_REACH_M:
            report.error(
                f"{s.label}: placed {d[k] - half:.0f} m from the road — a gate drawn as a point must sit on the road "
                f"(within {GATE_POINT_REACH_M:.0f} m of its edge)"
            )
            continue
        a, b = route[max(k - 1, 0)], route[min(k + 1, len(route) - 1)]
        t = (b - a) / max(float(np.hypot(*(b - a))), 1e-9)
        n = np.array([-t[1], t[0]])
        # Route points of other stretches of road that the gate could reach (only those near
        # it: a stage's route has ~10,000 points and the test below is points × steps).
        reach_max = half + GATE_MARGIN_M + GATE_EXTEND_M + float(net.route_width_m.max()) / 2 + 1.0
        far = (np.abs(cum - cum[k]) > GATE_OTHER_LEG_M) & (
            np.maximum(np.abs(route[:, 0] - route[k, 0]), np.abs(route[:, 1] - route[k, 1])) < reach_max
        )
        ends = []
        for side in (-1.0, 1.0):
            reach = half + GATE_MARGIN_M
            steps = np.arange(half, half + GATE_MARGIN_M + GATE_EXTEND_M + 0.25, 0.5)
            pts = route[k] + side * steps[:, None] * n
            # It reaches on across drivable ground (a paved piazza) to the first point that is not …
            open_ground = steps <= reach
            if drivable is not None:
                open_ground |= drivable(pts)
            closed = np.flatnonzero(~open_ground)
            end = int(closed[0]) if len(closed) else len(steps) - 1
            if far.any():  # … but stops short of the other leg of a hairpin (it would count there too)
                other = route[far]
                gap = np.hypot(pts[:, None, 0] - other[None, :, 0], pts[:, None, 1] - other[None, :, 1]).min(axis=1)
                near = np.flatnonzero(gap < net.route_width_m[far].max() / 2 + 1.0)
                if len(near) and near[0] <= end:
                    end = max(int(near[0]) - 1, 0)
            ends.append(route[k] + side * float(steps[end]) * n)
        line = np.array(ends) * px_per_m
        out.append(dataclasses.replace(s, shape="polyline", points=line, closed=False))
    return out
