"""Building a stage from a recipe: the road plan, terrain, landmarks, gates, the ``.tmx``.

A ``Recipe`` says what a stage is — its road as straights and arcs (``mapgen``), the
terrain each zone of road gets (asphalt, cobbles, gravel, wet asphalt), where the
checkpoints and timing lines are (metres along the road), and two functions: ``terrain``
paints tile corners (lakes, rivers, town squares) before the ground tiles are chosen,
``scenery`` places houses, trees, crowds and landmarks after. ``build`` does the rest
the same way for every stage: it sizes the map round the road, lays the road on the
Wang corners, picks the ground tiles, places arrows and loose trees, draws the gates
(each 1 m past the drivable surface on both sides) and writes the map.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from generated import write_generated_stage
from mapgen import (
    Arc,
    Centreline,
    MapObject,
    Straight,
    TilesetInfo,
    inside_polygon,
    lay_centreline,
    nearest_field,
    simplify_route,
    tmx_text,
)
from mapworld import (
    ASPHALT,
    CAR_L_M,
    CAR_W_M,
    COBBLES,
    GRASS,
    PX_PER_M,
    ROADS,
    TILE_M,
    TILE_PX,
    World,
    gate_object,
    offset_cell,
    pick_ground,
    place_arrows,
    place_wall_cells,
    px,
    sprinkle,
)
from numpy.typing import NDArray

ROAD_CORNER_M = 6.0  # a tile corner this close to the centreline is road: painted ~12 m wide
ROUTE_PAST_FINISH_M = 30.0
GATE_MARGIN_M = 8.0  # gates reach this far into the verges: a car cutting a bend still crosses them
BRIDGE = -1  # a zone "terrain" that leaves the corners alone: the recipe lays a deck itself

Piece = Straight | Arc


@dataclass(frozen=True)
class Timing:
    """A regularity timing line at ``s`` m along the road (≤ 1: a fraction of the way to
    the finish), see docs/levels.md, Timing lines."""

    kind: str
    name: str
    s: float
    props: tuple[tuple[str, str, str], ...] = ()


@dataclass
class Recipe:
    id: str
    title: str
    time_of_day: str
    weather: str
    seed: int
    plan: list[tuple[str, Piece]]
    start_name: str
    finish_name: str
    checkpoints: list[tuple[str, float]]
    terrain: Callable[[Build], None]
    scenery: Callable[[Build], None]
    road: dict[str, int] = field(default_factory=dict)  # zone → terrain (default asphalt)
    timing: list[Timing] = field(default_factory=list)
    heading_deg: float = 0.0
    margin_m: float = 72.0
    margins: tuple[float, float, float, float] | None = None  # left, top, right, bottom [m]
    background: str = "#8db255"
    town_zones: tuple[str, ...] = ()

    @property
    def file(self) -> str:
        return f"{self.id}.tmx"


@dataclass
class Build:
    """A stage under construction: the recipe, the world, corner fields and helpers."""

    recipe: Recipe
    w: World
    dist_v: NDArray[np.float64]  # tile corner → centreline [m]
    near_v: NDArray[np.int64]
    s_finish: float = 0.0
    extra_objects: list[MapObject] = field(default_factory=list)

    @property
    def cl(self) -> Centreline:
        return self.w.cl

    @property
    def rng(self) -> np.random.Generator:
        return self.w.rng

    def pos(self, s: float) -> float:
        """Arc length [m] of a gate: values ≤ 1 are a fraction of the way to the finish.

        Moved to the nearest point with 25 m of straight road either side: a car sliding
        wide in a bend must not be able to pass round a gate.
        """
        s = s * self.s_finish if s <= 1.0 else s
        cl = self.cl
        for d in sorted(np.arange(-200.0, 201.0, 5.0), key=abs):
            lo, hi = s + d - 25.0, s + d + 25.0
            if lo < 0 or hi > cl.length_m:
                continue
            window = (cl.s >= lo) & (cl.s <= hi)
            if not np.any(cl.curvature[window]):
                return float(s + d)
        return float(s)

    # -- corners (before the ground is picked) ------------------------------------------------
    def corner_xy(self) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        xs = np.arange(self.w.cols + 1) * TILE_M
        ys = np.arange(self.w.rows + 1) * TILE_M
        return np.meshgrid(xs, ys)

    def paint_poly(self, pts: list[tuple[float, float]] | NDArray[np.float64], terrain: int) -> None:
        xs = np.arange(self.w.cols + 1) * TILE_M
        ys = np.arange(self.w.rows + 1) * TILE_M
        self.w.corner[inside_polygon(np.asarray(pts, dtype=np.float64), xs, ys)] = terrain

    def paint_ellipse(self, cx: float, cy: float, rx: float, ry: float, terrain: int, inner: float = 0.0) -> None:
        X, Y = self.corner_xy()
        rho = np.hypot((X - cx) / rx, (Y - cy) / ry)
        self.w.corner[(rho <= 1.0) & (rho >= inner)] = terrain

    def paint_rect_m(self, x0: float, y0: float, x1: float, y1: float, terrain: int) -> None:
        X, Y = self.corner_xy()
        self.w.corner[(X >= x0) & (X <= x1) & (Y >= y0) & (Y <= y1)] = terrain

    def side_offsets(self) -> NDArray[np.float64]:
        """Signed distance [m] of every tile corner from the road, + to the right."""
        X, Y = self.corner_xy()
        k = np.maximum(self.near_v, 0)
        h = self.cl.heading[k]
        dx, dy = X - self.cl.xy[k, 0], Y - self.cl.xy[k, 1]
        side = np.sign(-np.sin(h) * dx + np.cos(h) * dy)
        dist = np.where(self.near_v >= 0, self.dist_v, 0.0)
        return np.where(self.near_v >= 0, side * dist, np.inf)

    def paint_along(self, s0: float, s1: float, off0: float, off1: float, terrain: int) -> None:
        """Corners beside the road between ``s0`` and ``s1``, at offsets off0…off1 [m] (+ right)."""
        off = self.side_offsets()
        s = self.cl.s[np.maximum(self.near_v, 0)]
        self.w.corner[(self.near_v >= 0) & (s >= s0) & (s <= s1) & (off >= off0) & (off <= off1)] = terrain

    # -- cells (after the ground is picked) ---------------------------------------------------
    def at(self, s: float) -> tuple[float, float, float]:
        return self.cl.at(s)

    def cell(self, s: float, off_m: float = 0.0) -> tuple[int, int]:
        return offset_cell(self.w, s, off_m)

    def piece(self, prefix: str, r: int, c: int, rows: int, cols: int, layer: str = "decor") -> None:
        """A multi-tile piece from the tileset (kinds ``prefix_row_col``), reserved round it."""
        for i in range(rows):
            for j in range(cols):
                if self.w.inside(r + i, c + j):
                    self.w.put(r + i, c + j, f"{prefix}_{i}_{j}", layer)
        self.w.reserved[max(r - 1, 0) : r + rows + 1, max(c - 1, 0) : c + cols + 1] = True

    def piece_names(
        self, prefix: str, r: int, c: int, names: list[list[str]], layer: str = "decor", clear_m: float = 0.0
    ) -> bool:
        """A piece whose tiles are named ``prefix_name`` (the older pieces: ramp, gate, tower …).

        With ``clear_m``, nothing is placed unless every cell keeps that far from the road.
        """
        cells = [(r + i, c + j) for i in range(len(names)) for j in range(len(names[0]))]
        if clear_m and not all(self.w.inside(*q) and self.w.dist[q] >= clear_m for q in cells):
            return False
        self.w.put_block(r, c, names, prefix, layer)
        self.w.reserved[max(r, 0) : r + len(names), max(c, 0) : c + len(names[0])] = True
        return True

    def ground_rect(self, r0: int, c0: int, r1: int, c1: int, kind: str, reserve: bool = True) -> None:
        for r in range(max(r0, 0), min(r1, self.w.rows)):
            for c in range(max(c0, 0), min(c1, self.w.cols)):
                self.w.put(r, c, kind, "ground")
        if reserve:
            self.w.reserved[max(r0, 0) : r1, max(c0, 0) : c1] = True

    def along(
        self, kind: str, s0: float, s1: float, step: float, offsets: tuple[float, ...], clear: float = 10.0
    ) -> None:
        """A row of ``kind`` beside the road (on grass, or on the cobbles of a town)."""
        for s in np.arange(s0, s1, step):
            for off in offsets:
                r, c = self.cell(float(s), off)
                if self.w.can_place(r, c, clear_m=clear) or self.w.can_place(r, c, COBBLES, clear):
                    self.w.put(r, c, kind)

    def crowd(self, s0: float, s1: float, density: float = 0.7, offsets: tuple[float, ...] = (-11.0, 11.0)) -> None:
        """Spectators (and flags) lining the road on both sides."""
        for s in np.arange(s0, s1, 4.0):
            for off in offsets:
                r, c = self.cell(float(s), off)
                ok = self.w.inside(r, c) and self.w.decor[r, c] == 0 and not self.w.reserved[r, c]
                if ok and self.w.dist[r, c] >= 9.0 and self.rng.random() < density:
                    kind = str(self.rng.choice(["spectators_flags", "spectators_a", "spectators_b", "flag"]))
                    self.w.put(r, c, kind)

    def bunting(self, s0: float, s1: float, step: float = 20.0) -> None:
        for s in np.arange(s0, s1, step):
            x, y, h = self.at(float(s))
            r, c = self.w.cell_of(x, y)
            east_west = abs(math.cos(h)) > 0.7
            for k in range(-2, 3):
                rr, cc = (r + k, c) if east_west else (r, c + k)
                if self.w.inside(rr, cc) and self.w.dist[rr, cc] < 7.0 and self.w.above[rr, cc] == 0:
                    self.w.put(rr, cc, "bunting_v" if east_west else "bunting_h", "above")

    def finish_line(self, s: float) -> None:
        """The chequered line and the 1000 MIGLIA banner across the road at ``s``."""
        x, y, h = self.at(s)
        r, c = self.w.cell_of(x, y)
        east_west = abs(math.cos(h)) > 0.7
        cells = [(r + k, c) if east_west else (r, c + k) for k in range(-4, 5)]
        road = [(rr, cc) for rr, cc in cells if self.w.inside(rr, cc) and self.w.dist[rr, cc] < 6.5]
        for rr, cc in road:
            if self.w.decor[rr, cc] == 0:
                self.w.put(rr, cc, "finish_line_v" if east_west else "finish_line_h")
        if len(road) >= 3:
            mid = road[len(road) // 2]
            if east_west:
                self.w.put_block(mid[0] - 1, mid[1], [["t"], ["m"], ["b"]], "banner_v", "above")
            else:
                self.w.put_block(mid[0], mid[1] - 1, [["l", "m", "r"]], "banner", "above")

    def walls_along(self, s0: float, s1: float, off: float) -> None:
        """Dry-stone walls at ``off`` m beside the road (+ right), joined into a line."""
        cells: set[tuple[int, int]] = set()
        for s in np.arange(s0, s1, 2.0):
            r, c = self.cell(float(s), off)
            if self.w.can_place(r, c, clear_m=abs(off) - 1.5):
                cells.add((r, c))
        place_wall_cells(self.w, cells)

    def houses_along(self, s0: float, s1: float, sides: tuple[int, ...] = (1, -1), off: float = 14.0) -> None:
        """Terracotta-roofed houses facing the road, two tiles deep, at random widths."""
        for side in sides:
            for s in np.arange(s0, s1, 13.0):
                r, c = self.cell(float(s), side * off)
                r -= 0 if side > 0 else 1
                width = int(self.rng.integers(2, 4))
                if self.w.block_free(r, c, 2, width, GRASS, 9.0) or self.w.block_free(r, c, 2, width, COBBLES, 9.0):
                    colour = str(self.rng.choice(["a", "b", "c"]))
                    names = [["tl", *["t"] * (width - 2), "tr"], ["bl", *["b"] * (width - 2), "br"]]
                    self.w.put_block(r, c, names, f"house_{colour}")
                    self.w.reserved[r : r + 2, c : c + width] = True


# -- building --------------------------------------------------------------------------------------
def lay_out(recipe: Recipe) -> tuple[Centreline, int, int]:
    """The road moved so that it sits ``margin_m`` inside the map; the map's size in tiles."""
    probe = lay_centreline((0.0, 0.0), math.radians(recipe.heading_deg), recipe.plan)
    lo, hi = probe.xy.min(axis=0), probe.xy.max(axis=0)
    left, top, right, bottom = recipe.margins or (recipe.margin_m,) * 4
    shift = np.ceil((np.array([left, top]) - lo) / TILE_M) * TILE_M  # whole tiles: straights stay on corners
    cols = math.ceil((hi[0] - lo[0] + left + right) / TILE_M) + 1
    rows = math.ceil((hi[1] - lo[1] + top + bottom) / TILE_M) + 1
    start = (float(shift[0]), float(shift[1]))
    return lay_centreline(start, math.radians(recipe.heading_deg), recipe.plan), cols, rows


def lay_roads(b: Build) -> None:
    cl, w = b.cl, b.w
    zone_terrain = np.array([b.recipe.road.get(z, ASPHALT) for z in cl.zones])
    k = np.maximum(b.near_v, 0)
    terrain = zone_terrain[cl.zone[k]]
    road = (b.dist_v <= ROAD_CORNER_M) & (b.near_v >= 0) & (terrain != BRIDGE)
    w.corner[road] = terrain[road]


def build(recipe: Recipe, ts: TilesetInfo) -> tuple[Build, list[MapObject]]:
    cl, cols, rows = lay_out(recipe)
    rng = np.random.default_rng(recipe.seed)
    w = World(ts, cl, rng, cols, rows, cl.zones[0])
    xs = np.arange(cols + 1) * TILE_M
    ys = np.arange(rows + 1) * TILE_M
    dist_v, near_v = nearest_field(cl.xy, xs, ys, radius_m=80.0)
    w.corner = np.full((rows + 1, cols + 1), GRASS, dtype=np.int64)
    b = Build(recipe, w, dist_v, near_v, s_finish=cl.length_m - ROUTE_PAST_FINISH_M)
    recipe.terrain(b)
    lay_roads(b)
    pick_ground(w)
    recipe.scenery(b)
    place_arrows(w, recipe.town_zones)
    sprinkle(w, rng)
    clear_verges(b)
    return b, objects(b)


LOOSE_SOLIDS = ("olive", "cypress", "poplar", "trunk", "plane", "umbrella", "lamp", "flag", "cyclists", "hay_bale")
LOOSE_PREFIXES = ("spectators_", "rocks", "statue", "arrow_", "wall_")
VERGE_M, BEND_VERGE_M = 11.5, 13.5  # cell centre → road centre; the road is ±6 m


def clear_verges(b: Build) -> None:
    """Take single-tile solid scenery off the verges, wider in bends: a car that runs wide
    at race pace must not end its stage against a tree (the autopilot cannot reverse)."""
    w, cl = b.w, b.cl
    loose = {
        w.gid(k)
        for k in w.ts.by_kind
        if w.ts.solid[w.ts.by_kind[k]] and (k in LOOSE_SOLIDS or k.startswith(LOOSE_PREFIXES))
    }
    k = np.maximum(w.near, 0)
    bend = np.abs(cl.curvature[k]) > 1 / 150
    # the curvature of the samples up to 20 m either side counts: a bend's entry and exit too
    for shift in (-20, -10, 10, 20):
        bend |= np.abs(cl.curvature[np.clip(k + shift, 0, len(cl.s) - 1)]) > 1 / 150
    limit = np.where(bend, BEND_VERGE_M, VERGE_M)
    near = (w.near >= 0) & (w.dist < limit) & np.isin(w.decor, list(loose))
    w.decor[near] = 0


def objects(b: Build) -> list[MapObject]:
    cl, w, r = b.cl, b.w, b.recipe
    objs: list[MapObject] = []
    x, y, h = cl.at(0.0)
    hw, hh = CAR_L_M / 2, CAR_W_M / 2
    tlx = x - (math.cos(h) * hw - math.sin(h) * hh)
    tly = y - (math.sin(h) * hw + math.cos(h) * hh)
    objs.append(MapObject(1, r.start_name, "start", px(tlx), px(tly), px(CAR_L_M), px(CAR_W_M), math.degrees(h)))
    for k, (name, s) in enumerate(r.checkpoints, start=1):
        objs.append(gate_object(len(objs) + 1, name, "checkpoint", w, b.pos(s), k, GATE_MARGIN_M))
    objs.append(gate_object(len(objs) + 1, r.finish_name, "finish", w, b.s_finish, None, GATE_MARGIN_M))
    for t in r.timing:
        o = gate_object(len(objs) + 1, t.name, t.kind, w, b.pos(t.s), None, GATE_MARGIN_M)
        o.properties = list(t.props) or None
        objs.append(o)
    route = simplify_route(cl, b.s_finish + ROUTE_PAST_FINISH_M, straight_step_m=20.0, curve_step_m=8.0)
    rx, ry = route[0]
    pts = [(px(a - rx), px(c - ry)) for a, c in route]
    objs.append(MapObject(len(objs) + 1, "route", "route", px(rx), px(ry), points=pts))
    wpx, hpx = px(w.cols * TILE_M), px(w.rows * TILE_M)
    border = [(0.0, 0.0), (wpx, 0.0), (wpx, hpx), (0.0, hpx)]
    objs.append(MapObject(len(objs) + 1, "map edge", "wall", 0.0, 0.0, points=border, closed=True))
    for o in b.extra_objects:
        o.id = len(objs) + 1
        objs.append(o)
    return objs


def write(b: Build, objs: list[MapObject], out: Path, par_s: float, *, force: bool = False) -> None:
    """Write the stage, unless ``out`` was edited since a generator wrote it (see tools/generated.py)."""
    r, w = b.recipe, b.w
    props = [
        ("title", "string", r.title),
        ("px_per_m", "float", f"{PX_PER_M:g}"),
        ("time_of_day", "enum:time_of_day", r.time_of_day),
        ("weather", "enum:weather", r.weather),
        ("par_time_s", "float", f"{par_s:g}"),
    ]
    layers = [
        ("ground", w.ground, []),
        ("decor", w.decor, []),
        ("above", w.above, [("above_cars", "bool", "true")]),
    ]
    text = tmx_text(w.cols, w.rows, TILE_PX, "tilesets/terrain.tsx", props, layers, objs, r.background)
    write_generated_stage(out, text, "tools/make_stages.py", force=force)


__all__ = ["BRIDGE", "COBBLES", "ROADS", "Arc", "Build", "Recipe", "Straight", "Timing", "build", "write"]
