"""Building a stage from a recipe: the road plan, terrain, landmarks, gates, the ``.tmx``.

A ``Recipe`` says what a stage is — its road as straights and arcs (``mapgen``), the
terrain each zone of road gets (asphalt, cobbles, gravel, wet asphalt), where the
checkpoints and timing lines are (metres along the road), and two functions: ``terrain``
paints tile corners (lakes, rivers, town squares) before the ground tiles are chosen,
``scenery`` places houses, trees, crowds and landmarks after. ``build`` does the rest
the same way for every stage: it sizes the map round the road, keeps water off it,
picks the ground tiles, places arrows and loose trees, clears the verges, and writes the
road as road objects (one piece per surface, width or kerb change), the start, the gates
as points on the road and the map.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
from generated import write_generated_stage
from mapgen import (
    Arc,
    Centreline,
    Straight,
    TilesetInfo,
    inside_polygon,
    lay_centreline,
    nearest_field,
    simplify_route,
)
from mapworld import (
    ASPHALT,
    CAR_L_M,
    CAR_W_M,
    COBBLES,
    GRASS,
    GRAVEL,
    PX_PER_M,
    ROADS,
    TILE_M,
    TILE_PX,
    TREE_TILES,
    WATER,
    WET,
    World,
    offset_cell,
    pick_ground,
    place_arrows,
    place_wall_cells,
    px,
    sprinkle,
)
from numpy.typing import NDArray
from scenery_place import SCENERY_FIRSTGID, Scenery

from millegame.levels.writer import Property, TmxLayer, TmxObject, tmx_text

# A main road, drawn wide: the painted roads before were 12 m of asphalt, and a keyboard
# player who runs wide at 140 km/h needs the grip of the road, not of the grass beside it.
ROAD_WIDTH_M = 10.0
SHORE_M = 7.0  # no water this close to the centreline: the road runs on land, with a bank
ROUTE_PAST_FINISH_M = 60.0  # the road runs on past the finish, into the town the stage ends in
LEAD_IN_M = 25.0  # and begins before the start (the loader takes a chain that begins within 30 m of it)
SURFACE_OF = {ASPHALT: "asphalt", COBBLES: "cobbles", GRAVEL: "gravel", WET: "wet_asphalt"}
# Trees in a row beside the road: the terrain tileset's kind → the scenery tiles drawn for it
# (mapworld.TREE_TILES turned round), and the 1950s roadside plane with its trunk painted white.
ROW_TREES = {
    tile: tuple(k for k, t in TREE_TILES.items() if t == tile) for tile in dict.fromkeys(TREE_TILES.values())
} | {"trunk_marker": ("trunk_marker",)}
TREE_EDGE_M, BEND_TREE_EDGE_M = 4.0, 9.0  # a trunk keeps this far from the road's edge (in bends: more)
BEND_RADIUS_M = 400.0  # a bend this tight or tighter, or within 20 m of one, gets the wider verge
BEND_EXIT_M = 50.0  # how far past a bend a car may still be running wide
HOUSE_EDGE_M, HOUSE_BEND_EDGE_M = 3.0, 8.0  # a house's walls keep this far from the road's edge (in bends: more)

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
    widths: dict[str, float] = field(default_factory=dict)  # zone → road width [m] (default ROAD_WIDTH_M)
    road_names: dict[str, str] = field(default_factory=dict)  # zone → the road piece's name in Tiled

    def width_m(self, zone: str) -> float:
        """The road's width [m] in ``zone``."""
        return self.widths.get(zone, ROAD_WIDTH_M)

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
        """A row of ``kind`` beside the road at ``offsets`` [m] from its centre (+ right).

        Trees (``ROW_TREES``) are scenery objects exactly at their offset, however the road
        turns; anything else is a tile on grass, or on the cobbles of a town."""
        if kind in ROW_TREES:
            self.tree_row(ROW_TREES[kind], s0, s1, step, offsets)
            return
        for s in np.arange(s0, s1, step):
            for off in offsets:
                r, c = self.cell(float(s), off)
                if self.w.can_place(r, c, clear_m=clear) or self.w.can_place(r, c, COBBLES, clear):
                    self.w.put(r, c, kind)

    def half_width_at(self, s: float) -> float:
        k = int(np.clip(np.searchsorted(self.cl.s, s), 0, len(self.cl.s) - 1))
        return self.recipe.width_m(self.cl.zones[self.cl.zone[k]]) / 2

    @functools.cached_property
    def bend_s(self) -> NDArray[np.float64]:
        """Arc lengths [m] of the centreline samples in a bend of ``BEND_RADIUS_M`` or tighter."""
        return self.cl.s[np.abs(self.cl.curvature) >= 1 / BEND_RADIUS_M]

    def in_bend(self, s: float) -> bool:
        """Within 20 m before or 50 m after a bend of ``BEND_RADIUS_M`` or tighter (where a
        car runs wide: at race pace it is still drifting out on the straight that follows)."""
        first = np.searchsorted(self.bend_s, s - BEND_EXIT_M, side="left")
        return bool(np.searchsorted(self.bend_s, s + 20.0, side="right") > first)

    def tree_row(self, kinds: tuple[str, ...], s0: float, s1: float, step: float, offsets: tuple[float, ...]) -> None:
        """Trees every ``step`` m at ``offsets`` from the centre, kept clear of the verge in bends."""
        for s in np.arange(s0, s1, step):
            edge = BEND_TREE_EDGE_M if self.in_bend(float(s)) else TREE_EDGE_M
            for off in offsets:
                if abs(off) - self.half_width_at(float(s)) < edge:
                    continue
                x, y, h = self.at(float(s))
                kind = kinds[int(self.rng.integers(len(kinds)))]
                self.w.place_object(kind, x - math.sin(h) * off, y + math.cos(h) * off, 0.0, 1.0, edge - 1.0)

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
        """Terracotta-roofed houses beside the road between ``s0`` and ``s1``, ``off`` m from
        its centre, in small groups as along a country road (two to five houses 11–14 m
        apart, then 30–90 m of open land), each facing the road, turned with it give or take
        4°, of varied size; now and then a house behind, or a villa. Clear of the road's edge
        by ``HOUSE_EDGE_M``, by ``HOUSE_BEND_EDGE_M`` in and near bends."""
        rng = self.rng
        kinds = ["house_a", "house_b", "house_c", "house_a", "palazzo"]
        weights = [0.3, 0.22, 0.22, 0.2, 0.06]
        for side in sides:
            s = s0 + float(rng.uniform(0, 20))
            left = int(rng.integers(2, 6))
            while s < s1:
                x, y, h = self.at(s)
                edge = HOUSE_BEND_EDGE_M if self.in_bend(s) else HOUSE_EDGE_M
                for row in (0, 1) if rng.random() < 0.3 else (0,):
                    kind = str(rng.choice(kinds, p=weights))
                    scale = float(rng.uniform(0.85, 1.15))
                    heading = math.degrees(h) + (0.0 if side > 0 else 180.0) + float(rng.uniform(-4, 4))
                    d = off + 12.0 * row
                    hx, hy = x - math.sin(h) * side * d, y + math.cos(h) * side * d
                    self.w.place_object(kind, hx, hy, heading, scale, edge)
                left -= 1
                if left == 0:
                    s += float(rng.uniform(30, 90))
                    left = int(rng.integers(2, 6))
                else:
                    s += 11.0 + float(rng.uniform(0, 3))


# -- building --------------------------------------------------------------------------------------
def lay_out(recipe: Recipe) -> tuple[Centreline, int, int]:
    """The road moved so that it sits ``margin_m`` inside the map; the map's size in tiles.

    The road begins ``LEAD_IN_M`` behind the start (arc lengths count from the start, so
    the lead-in has s < 0): a stage starts on a street that comes from somewhere, not at the
    rounded end of a road."""
    plan = [(recipe.plan[0][0], Straight(LEAD_IN_M)), *recipe.plan]
    probe = lay_centreline((0.0, 0.0), math.radians(recipe.heading_deg), plan)
    lo, hi = probe.xy.min(axis=0), probe.xy.max(axis=0)
    left, top, right, bottom = recipe.margins or (recipe.margin_m,) * 4
    shift = np.ceil((np.array([left, top]) - lo) / TILE_M) * TILE_M  # whole tiles: straights stay on corners
    cols = math.ceil((hi[0] - lo[0] + left + right) / TILE_M) + 1
    rows = math.ceil((hi[1] - lo[1] + top + bottom) / TILE_M) + 1
    start = (float(shift[0]), float(shift[1]))
    cl = lay_centreline(start, math.radians(recipe.heading_deg), plan)
    return dataclasses.replace(cl, s=cl.s - LEAD_IN_M), cols, rows


def lay_roads(b: Build) -> None:
    """The roads are road objects (``road_objects``), drawn from their geometry; on the tile
    corners they only keep water off the road: a lake or river runs up to a bank beside it."""
    road = (b.dist_v <= SHORE_M) & (b.near_v >= 0) & (b.w.corner == WATER)
    b.w.corner[road] = GRASS


def road_runs(b: Build) -> list[tuple[int, int, str, float, str]]:
    """The route cut where the road changes (surface, width, town kerbs): (first sample,
    last sample, surface, width [m], edge) each, up to the end of the route past the finish."""
    cl, r = b.cl, b.recipe
    end = int(np.searchsorted(cl.s, b.s_finish + ROUTE_PAST_FINISH_M))
    keys = []
    for k in range(end + 1):
        zone = cl.zones[cl.zone[k]]
        keys.append(
            (
                SURFACE_OF[r.road.get(zone, ASPHALT)],
                r.width_m(zone),
                "kerb" if zone in r.town_zones else "verge",
            )
        )
    runs, first = [], 0
    for k in range(1, end + 1):
        if keys[k] != keys[first] or k == end:
            runs.append((first, k, *keys[first]))
            first = k
    return runs


def road_polygon(b: Build) -> shapely.Geometry:
    """Where the roads are [m]: each run of the centreline widened to its width."""
    return shapely.union_all(
        [shapely.LineString(b.cl.xy[i : j + 1]).buffer(width / 2) for i, j, _, width, _ in road_runs(b)]
    )


def road_objects(b: Build) -> list[TmxObject]:
    """One road piece per run: control points every 20 m on straights and 8 m in bends (the
    loader's spline passes through them), each piece beginning where the last one ends."""
    cl = b.cl
    objs = []
    for i, j, surface, width, edge in road_runs(b):
        pts = simplify_route(cl, float(cl.s[j]), 20.0, 8.0, s_from=float(cl.s[i]))
        zone = cl.zones[cl.zone[min(i + 1, j)]]
        name = b.recipe.road_names.get(zone, zone.replace("_", " ").title())
        props: list[Property] = [("width_m", "float", f"{width:g}")]
        if surface != "asphalt":
            props.append(("surface", "enum:surface", surface))
        if edge != "verge":
            props.append(("edge", "enum:road_edge", edge))
        x0, y0 = pts[0]
        rel = [(px(x - x0), px(y - y0)) for x, y in pts]
        objs.append(TmxObject(0, px(x0), px(y0), type="road", name=name, points=rel, properties=props))
    return objs


def build(recipe: Recipe, ts: TilesetInfo) -> tuple[Build, list[TmxObject]]:
    cl, cols, rows = lay_out(recipe)
    rng = np.random.default_rng(recipe.seed)
    w = World(ts, cl, rng, cols, rows, cl.zones[0])
    xs = np.arange(cols + 1) * TILE_M
    ys = np.arange(rows + 1) * TILE_M
    dist_v, near_v = nearest_field(cl.xy, xs, ys, radius_m=80.0)
    w.corner = np.full((rows + 1, cols + 1), GRASS, dtype=np.int64)
    b = Build(recipe, w, dist_v, near_v, s_finish=cl.length_m - ROUTE_PAST_FINISH_M)
    w.sc = Scenery(cols * TILE_M, rows * TILE_M, road_polygon(b))
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
VERGE_M, BEND_VERGE_M = 14.0, 18.0  # cell centre → road centre: a solid tile fills its 4 m cell; the road is ±5 m


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
    bend = np.abs(cl.curvature[k]) >= 1 / BEND_RADIUS_M
    # the curvature of the samples up to 20 m either side counts: a bend's entry and exit too
    for shift in (-20, -10, 10, 20):
        bend |= np.abs(cl.curvature[np.clip(k + shift, 0, len(cl.s) - 1)]) >= 1 / BEND_RADIUS_M
    limit = np.where(bend, BEND_VERGE_M, VERGE_M)
    near = (w.near >= 0) & (w.dist < limit) & np.isin(w.decor, list(loose))
    w.decor[near] = 0


def objects(b: Build) -> list[TmxObject]:
    """Roads, start, gates (points on the road: the loader spans them across it), timing
    lines and the map's edge; ids in that order."""
    cl, w, r = b.cl, b.w, b.recipe
    objs = road_objects(b)
    x, y, h = cl.at(0.0)
    hw, hh = CAR_L_M / 2, CAR_W_M / 2
    tlx = x - (math.cos(h) * hw - math.sin(h) * hh)
    tly = y - (math.sin(h) * hw + math.cos(h) * hh)
    objs.append(
        TmxObject(0, px(tlx), px(tly), type="start", name=r.start_name, width=px(CAR_L_M), height=px(CAR_W_M),
                  rotation=round(math.degrees(h), 2))
    )  # fmt: skip

    def gate(name: str, typ: str, s: float, props: list[Property]) -> TmxObject:
        gx, gy, _ = cl.at(s)
        return TmxObject(0, px(gx), px(gy), type=typ, name=name, point=True, properties=props)

    for k, (name, s) in enumerate(r.checkpoints, start=1):
        objs.append(gate(name, "checkpoint", b.pos(s), [("order", "int", str(k))]))
    objs.append(gate(r.finish_name, "finish", b.s_finish, []))
    for t in r.timing:
        objs.append(gate(t.name, t.kind, b.pos(t.s), list(t.props)))
    wpx, hpx = px(w.cols * TILE_M), px(w.rows * TILE_M)
    border = [(0.0, 0.0), (wpx, 0.0), (wpx, hpx), (0.0, hpx)]
    objs.append(TmxObject(0, 0.0, 0.0, type="wall", name="map edge", points=border, closed=True))
    for k, o in enumerate(objs, start=1):
        o.id = k
    return objs


def write(b: Build, objs: list[TmxObject], out: Path, par_s: float, *, force: bool = False) -> None:
    """Write the stage, unless ``out`` was edited since a generator wrote it (see tools/generated.py)."""
    r, w = b.recipe, b.w
    assert w.sc is not None
    props: list[Property] = [
        ("title", "string", r.title),
        ("px_per_m", "float", f"{PX_PER_M:g}"),
        ("time_of_day", "enum:time_of_day", r.time_of_day),
        ("weather", "enum:weather", r.weather),
        ("par_time_s", "float", f"{par_s:g}"),
    ]
    layers = [
        TmxLayer("ground", w.ground),
        TmxLayer("decor", w.decor),
        TmxLayer("above", w.above, [("above_cars", "bool", "true")]),
    ]
    scenery = w.sc.objects
    for k, o in enumerate(scenery, start=len(objs) + 1):
        o.id = k
    tilesets = [(1, "tilesets/terrain.tsx"), (SCENERY_FIRSTGID, "tilesets/scenery.tsx")]
    text = tmx_text(
        w.cols, w.rows, TILE_PX, tilesets, props, layers, [("objects", objs), ("scenery", scenery)], r.background
    )
    write_generated_stage(out, text, "tools/make_stages.py", force=force)


__all__ = ["COBBLES", "ROADS", "Arc", "Build", "Recipe", "Straight", "Timing", "build", "write"]
