"""Drawing roads drawn as geometry (``core.roads``) and free tile objects into map chunks.

Roads are shaded per pixel at the chunk's own scale (the camera's zoom level, not the
art's), so a road is as sharp at the closest zoom as anywhere. Two numba passes:

1. ``_road_field``: for every pixel near a road, the piece it lies on by the physics'
   own rule (``core.roads``: within ``width_m / 2`` of the smoothed centre line; route
   pieces over side roads; between pieces of one rank the nearer centre line), its
   distance from that centre line, its distance *along* it and the side it is on; and,
   for the ground around the roads, the nearest piece's edge. Each centre-line segment
   only visits the pixels of its own oriented box (plus a wedge at the joints), so the
   cost is about the road's area, not its bounding boxes'.
2. ``_shade``: each surface has its own texture in the road's frame (along, across):
   asphalt with worn wheel tracks and blots of repair, wet asphalt dark and glossy with sheen
   streaks and puddles, cobbles laid in arcs that follow the road, gravel (a *strada
   bianca*: loose stones, two packed tracks), dirt with ruts. Edges by the piece's
   ``edge``: ``verge`` a worn, dusty strip and a ragged tarmac edge, ``kerb`` kerb
   stones and a flagstone pavement, ``wall`` a stone wall where the physics has it
   (0.5 m outside the edge, 0.6 m thick) with its shadow, ``none`` nothing. Road edges
   are anti-aliased over one pixel. Markings (a centre dash, edge lines) only on pieces
   whose ``markings`` property asks for them (modern roads); kilometre stones (white,
   red top) every kilometre and white hectometre stones every 100 m along the route's
   verges, as on a 1950s *strada statale*.

Free tile objects (trees, houses …) are drawn over the roads, each image scaled and
turned once per zoom level and kept (``_object_image``).
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pygame
from numba import njit
from numpy.typing import NDArray

from millegame.core.roads import MARKINGS, RoadPiece
from millegame.core.stage import Stage, TileObjectArt
from millegame.core.surfaces import SURFACE_RGB

FloatArray = NDArray[np.float64]

EDGE_CODES = {"verge": 0, "kerb": 1, "wall": 2, "none": 3}
VERGE, KERB, WALL, NO_EDGE = 0, 1, 2, 3
# Surfaces with a texture of their own; any other surface is its flat colour with grain.
TEXTURES = {"asphalt": 0, "wet_asphalt": 1, "cobbles": 2, "gravel": 3, "dirt": 4}
FLAT = 5
EDGE_REACH_M = {VERGE: 1.4, KERB: 1.7, WALL: 1.5, NO_EDGE: 0.0}  # how far an edge paints past the road
KERB_W_M = 0.4  # kerb stones inside the road's edge
WALL_IN_M, WALL_OUT_M = 0.5, 1.1  # the wall's faces outside the road's edge (the physics' wall: 0.5 m)
KM_STONE_M, HM_STONE_M = 1000.0, 100.0
STONE_OFF_M = 0.9  # the stones stand this far outside the edge
KM_RED = (178, 42, 34)
KM_WHITE = (236, 234, 226)


class RoadArt:
    """The stage's road pieces and tile objects, ready to paint into any chunk at any scale.

    ``tile``: gid → pygame.Surface | None (the map renderer's atlas), for the tile objects.
    ``wet``: it rains, so asphalt is drawn as wet asphalt and the verges darker.
    """

    def __init__(self, stage: Stage, tile: object = None, *, wet: bool = False) -> None:
        self.stage = stage
        self.tile = tile
        pieces = stage.roads
        self.pieces = pieces
        n = len(pieces)
        self.half = np.array([p.width_m / 2 for p in pieces], dtype=np.float64)
        self.rank = np.array([1 if p.on_route else 0 for p in pieces], dtype=np.int64)
        self.edge = np.array([EDGE_CODES.get(p.edge, NO_EDGE) for p in pieces], dtype=np.int64)
        self.texture = np.array([TEXTURES.get(p.surface_name, FLAT) for p in pieces], dtype=np.int64)
        if wet:
            self.texture[self.texture == TEXTURES["asphalt"]] = TEXTURES["wet_asphalt"]
        self.wet = wet
        self.marking = np.array([MARKINGS.index(p.markings) for p in pieces], dtype=np.int64)
        self.flat_rgb = np.array([SURFACE_RGB.get(p.surface_name, (110, 110, 110)) for p in pieces], dtype=np.float64)
        self.flat_rgb = self.flat_rgb.reshape(-1, 3)
        self.reach = self.half + np.array([EDGE_REACH_M[int(e)] for e in self.edge]).reshape(-1)
        # Chain neighbours: a kerb or an edge line stops where another road joins, not at a joint.
        self.prev = np.full(n, -1, dtype=np.int64)
        self.next = np.full(n, -1, dtype=np.int64)
        route = [k for k, p in enumerate(pieces) if p.on_route]
        for a, b in itertools.pairwise(route):
            self.next[a], self.prev[b] = b, a
        self.segs, self.seg_piece, self.seg_s0, self.seg_pad = _segments(pieces, self.reach)
        lo = np.minimum(self.segs[:, :2], self.segs[:, 2:]) - self.reach[self.seg_piece, None]
        hi = np.maximum(self.segs[:, :2], self.segs[:, 2:]) + self.reach[self.seg_piece, None]
        self.seg_bounds = np.concatenate([lo, hi], axis=1).reshape(-1, 4)
        self.stones = _route_stones(pieces, self.half, self.edge)
        objs = stage.art.objects if stage.art is not None else ()
        self.objects: tuple[TileObjectArt, ...] = objs
        self.object_bounds = np.array([_object_bounds(o) for o in objs]).reshape(-1, 4)
        self._images: dict[tuple[int, int, int, float], pygame.Surface] = {}
        self._buffers: dict[tuple[int, int], dict[str, NDArray]] = {}

    # -------------------------------------------------------------------- queries
    def field(self, x0_m: float, y0_m: float, px_per_m: float, w: int, h: int) -> dict[str, NDArray]:
        """The road field of a ``w`` × ``h`` px area whose top-left is (x0_m, y0_m): per
        pixel (rows, columns) the piece it lies on (-1 off the roads) and the distances
        the shading reads (see ``_road_field``). The arrays are reused by the next call."""
        out = self._buffers.get((w, h))
        if out is None:
            self._buffers.clear()  # one size in use at a time (a zoom level's chunk or band)
            out = self._buffers[(w, h)] = {
                "owner": np.empty((h, w), dtype=np.int32),
                "dist": np.empty((h, w), dtype=np.float32),
                "lat": np.empty((h, w), dtype=np.float32),
                "along": np.empty((h, w), dtype=np.float32),
                "near": np.empty((h, w), dtype=np.int32),
                "edge_e": np.empty((h, w), dtype=np.float32),
                "edge_along": np.empty((h, w), dtype=np.float32),
                "others": np.empty((h, w, 3), dtype=np.int32),
            }
        for name, blank in (("owner", -1), ("near", -1), ("others", -1), ("dist", np.inf), ("edge_e", np.inf)):
            out[name].fill(blank)
        box = (x0_m, y0_m, x0_m + w / px_per_m, y0_m + h / px_per_m)
        near = np.flatnonzero(_overlaps(self.seg_bounds, box))
        if len(near):
            _road_field(
                self.segs, self.seg_piece, self.seg_s0, self.seg_pad, near, self.half, self.rank, self.reach,
                x0_m, y0_m, px_per_m, out["owner"], out["dist"], out["lat"], out["along"], out["near"],
                out["edge_e"], out["edge_along"], out["others"],
            )  # fmt: skip
        return out

    def surface_at_pixels(self, x0_m: float, y0_m: float, px_per_m: float, w: int, h: int) -> NDArray[np.int16]:
        """The surface index drawn at each pixel's centre (-1: no road), as the physics reads it."""
        f = self.field(x0_m, y0_m, px_per_m, w, h)
        surf = np.array([p.surface for p in self.pieces], dtype=np.int16)
        owner = f["owner"]
        on = (owner >= 0) & (f["dist"] <= self.half[np.maximum(owner, 0)])
        return np.where(on, surf[np.maximum(owner, 0)], -1).astype(np.int16)

    # -------------------------------------------------------------------- painting
    def paint(self, target: pygame.Surface, x0_m: float, y0_m: float, px_per_m: float) -> None:
        """Paint roads, then tile objects, into ``target`` whose top-left is (x0_m, y0_m)."""
        self.paint_roads(target, x0_m, y0_m, px_per_m)
        self.paint_objects(target, x0_m, y0_m, px_per_m)

    def paint_roads(
        self, target: pygame.Surface, x0_m: float, y0_m: float, px_per_m: float, rows: tuple[int, int] | None = None
    ) -> None:
        """Shade the roads into ``target`` (top-left at (x0_m, y0_m)); only its pixel rows
        ``rows`` = (first, end) when given (a chunk baked a band at a time)."""
        w, h = target.get_size()
        a, b = rows if rows is not None else (0, h)
        a, b = max(0, a), min(h, b)
        if not len(self.pieces) or b <= a:
            return
        band = target.subsurface((0, a, w, b - a))
        by0 = y0_m + a / px_per_m
        if not _overlaps(self.seg_bounds, (x0_m, by0, x0_m + w / px_per_m, by0 + (b - a) / px_per_m)).any():
            return  # no road near this band: nothing to fill or shade (and no stone: they stand by roads)
        f = self.field(x0_m, by0, px_per_m, w, b - a)
        touched = (f["owner"] >= 0) | (f["near"] >= 0)
        used = np.flatnonzero(touched.any(axis=1))
        if len(used):
            # Each row's first and last touched pixel: a diagonal road's rows are short.
            lo = np.argmax(touched, axis=1).astype(np.int64)
            hi = (w - np.argmax(touched[:, ::-1], axis=1)).astype(np.int64)
            rgb = pygame.surfarray.pixels3d(band)
            _shade(
                rgb, f["owner"], f["dist"], f["lat"], f["along"], f["near"], f["edge_e"], f["edge_along"],
                f["others"], self.half, self.edge, self.texture, self.marking, self.flat_rgb, self.prev, self.next,
                self.wet, x0_m, by0, px_per_m, int(used[0]), int(used[-1]) + 1, lo, hi,
            )  # fmt: skip
            del rgb  # unlock the surface
        self._paint_stones(band, x0_m, by0, px_per_m)

    def _paint_stones(self, target: pygame.Surface, x0: float, y0: float, s: float) -> None:
        """Kilometre stones (white, a red top towards the road) and hectometre stones."""
        if not len(self.stones):
            return
        w, h = target.get_size()
        box = (x0 - 1, y0 - 1, x0 + w / s + 1, y0 + h / s + 1)
        st = self.stones
        on = (st[:, 0] >= box[0]) & (st[:, 0] <= box[2]) & (st[:, 1] >= box[1]) & (st[:, 1] <= box[3])
        for x, y, fx, fy, km in st[on]:
            rx, ry = -fy, fx  # towards the road is -right: the stone's face
            if km:
                a_m, c_m = 0.28, 0.2  # half-length along the road, half-depth across
            else:
                a_m, c_m = 0.13, 0.1
            pts = [
                (x + fx * a * a_m + rx * c * c_m, y + fy * a * a_m + ry * c * c_m)
                for a, c in ((-1, -1), (1, -1), (1, 1), (-1, 1))
            ]
            poly = [((px - x0) * s, (py - y0) * s) for px, py in pts]
            shadow = [(px + 0.12 * s, py + 0.12 * s) for px, py in poly]
            pygame.draw.polygon(target, (70, 78, 52), shadow)
            pygame.draw.polygon(target, KM_WHITE, poly)
            if km:  # the red cap on the half facing the road
                cap = [pts[0], pts[1], ((pts[1][0] + pts[2][0]) / 2, (pts[1][1] + pts[2][1]) / 2)]
                cap.append(((pts[0][0] + pts[3][0]) / 2, (pts[0][1] + pts[3][1]) / 2))
                pygame.draw.polygon(target, KM_RED, [((px - x0) * s, (py - y0) * s) for px, py in cap])

    def objects_in(self, target: pygame.Surface, x0_m: float, y0_m: float, px_per_m: float) -> list[int]:
        """The tile objects that may show in ``target`` (top-left at (x0_m, y0_m)), in draw order."""
        if not len(self.object_bounds):
            return []
        w, h = target.get_size()
        box = (x0_m, y0_m, x0_m + w / px_per_m, y0_m + h / px_per_m)
        return np.flatnonzero(_overlaps(self.object_bounds, box)).tolist()

    def paint_objects(
        self, target: pygame.Surface, x0_m: float, y0_m: float, px_per_m: float, which: list[int] | None = None
    ) -> None:
        """Paint the tile objects ``which`` (default: all that may show) into ``target``."""
        seq = []
        for k in self.objects_in(target, x0_m, y0_m, px_per_m) if which is None else which:
            o = self.objects[k]
            img = self._object_image(o, px_per_m)
            if img is None:
                continue
            t = math.radians(o.rotation_deg)
            # The object's centre: its bottom-left anchor plus the rotated half-size (w/2, -h/2).
            cx = o.x_m + math.cos(t) * o.w_m / 2 + math.sin(t) * o.h_m / 2
            cy = o.y_m + math.sin(t) * o.w_m / 2 - math.cos(t) * o.h_m / 2
            px = (cx - x0_m) * px_per_m - img.get_width() / 2
            py = (cy - y0_m) * px_per_m - img.get_height() / 2
            seq.append((img, (round(px), round(py))))
        if seq:
            target.fblits(seq)

    def _object_image(self, o: TileObjectArt, s: float) -> pygame.Surface | None:
        """The object's tile scaled to ``s`` px/m and turned: made once, then shared by
        every chunk it overlaps and every object of the same tile, size and angle."""
        w, h = max(1, round(o.w_m * s)), max(1, round(o.h_m * s))
        key = (o.gid, w, h, round(o.rotation_deg, 1))
        img = self._images.get(key)
        if img is None:
            tile = self.tile(o.gid) if callable(self.tile) else None
            if tile is None:
                return None
            img = tile if tile.get_size() == (w, h) else pygame.transform.smoothscale(tile, (w, h))
            if o.rotation_deg:
                img = pygame.transform.rotate(img, -o.rotation_deg)
            self._images[key] = img
        return img


def _segments(
    pieces: tuple[RoadPiece, ...], reach: FloatArray
) -> tuple[FloatArray, NDArray[np.int64], FloatArray, FloatArray]:
    """Every centre-line segment (K, 4) [m], its piece, the distance along the piece at its
    start [m], and how far past each end its box reaches (K, 2) [m]: the whole reach at a
    piece's free end (a round cap), the wedge a bend opens outside a joint elsewhere."""
    segs, owner, s0, pads = [], [], [], []
    for k, p in enumerate(pieces):
        c = np.asarray(p.centre, dtype=np.float64).reshape(-1, 2)
        if len(c) == 1:
            c = np.concatenate([c, c + np.array([1e-3, 0.0])])
        d = np.diff(c, axis=0)
        length = np.hypot(d[:, 0], d[:, 1])
        heading = np.arctan2(d[:, 1], d[:, 0])
        turn = np.abs((np.diff(heading) + np.pi) % (2 * np.pi) - np.pi)  # at the inner points
        r = reach[k]
        wedge = np.minimum(r, r * np.tan(np.minimum(turn, 3.0) / 2)) + 0.05
        pad = np.empty((len(d), 2))
        pad[:, 0] = np.concatenate([[r], wedge])
        pad[:, 1] = np.concatenate([wedge, [r]])
        segs.append(np.concatenate([c[:-1], c[1:]], axis=1))
        owner.append(np.full(len(d), k, dtype=np.int64))
        s0.append(np.concatenate([[0.0], np.cumsum(length)[:-1]]))
        pads.append(pad)
    if not segs:
        return np.zeros((0, 4)), np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros((0, 2))
    return (
        np.ascontiguousarray(np.concatenate(segs)),
        np.concatenate(owner),
        np.concatenate(s0),
        np.ascontiguousarray(np.concatenate(pads)),
    )


def _route_stones(pieces: tuple[RoadPiece, ...], half: FloatArray, edge: NDArray[np.int64]) -> FloatArray:
    """(x, y, forward x, forward y, is_km) of the stones along the route's verges: one every
    ``HM_STONE_M`` on the right-hand side, a kilometre stone every ``KM_STONE_M``."""
    out = []
    done = 0.0
    for k, p in enumerate(pieces):
        if not p.on_route:
            continue
        c = np.asarray(p.centre, dtype=np.float64).reshape(-1, 2)
        d = np.diff(c, axis=0)
        length = np.hypot(d[:, 0], d[:, 1])
        cum = np.concatenate([[0.0], np.cumsum(length)])
        if edge[k] == VERGE and len(c) >= 2:
            first = math.ceil(done / HM_STONE_M) * HM_STONE_M
            for at in np.arange(first, done + cum[-1], HM_STONE_M):
                s = at - done
                i = min(int(np.searchsorted(cum, s, side="right")) - 1, len(d) - 1)
                if length[i] <= 0:
                    continue
                f = d[i] / length[i]
                pos = c[i] + f * (s - cum[i])
                right = np.array([-f[1], f[0]])  # y points down the screen: this is the driver's right
                x, y = pos + right * (half[k] + STONE_OFF_M)
                km = abs(at / KM_STONE_M - round(at / KM_STONE_M)) < 1e-6 and at > 0
                out.append((x, y, f[0], f[1], 1.0 if km else 0.0))
        done += cum[-1]
    return np.array(out, dtype=np.float64).reshape(-1, 5)


def _object_bounds(o: TileObjectArt) -> tuple[float, float, float, float]:
    r = math.hypot(o.w_m, o.h_m)  # a loose box: the object turns about its corner
    return (o.x_m - r, o.y_m - r, o.x_m + r, o.y_m + r)


def _overlaps(bounds: FloatArray, box: tuple[float, ...]) -> NDArray[np.bool_]:
    return (bounds[:, 0] <= box[2]) & (bounds[:, 2] >= box[0]) & (bounds[:, 1] <= box[3]) & (bounds[:, 3] >= box[1])


# ------------------------------------------------------------------------ the field
@njit(cache=True)
def _road_field(  # pragma: no cover
    segs, seg_piece, seg_s0, seg_pad, near, half, rank, reach, x0, y0, ppm,
    owner, dist, lat, along, nearest, edge_e, edge_along, others,
):  # fmt: skip
    """Per pixel: ``owner`` the piece the pixel lies on (within its half width, or within
    a pixel of it for the anti-aliased edge; a piece it lies inside beats one it only
    touches, then the higher rank, then the nearer centre line), ``dist`` its distance
    from that centre line [m], ``lat`` the signed distance (+ left of the direction of
    drawing) of the nearest segment's line, ``along`` the distance along the piece [m];
    ``nearest`` the piece whose edge is nearest, ``edge_e`` how far outside that edge
    (negative inside) [m] and ``edge_along`` the distance along it; ``others`` up to three
    pieces that cover the pixel (a junction)."""
    h, w = owner.shape
    inv = 1.0 / ppm
    fringe = inv
    for q in range(near.shape[0]):
        k = near[q]
        p = seg_piece[k]
        ax, ay, bx, by = segs[k, 0], segs[k, 1], segs[k, 2], segs[k, 3]
        dx, dy = bx - ax, by - ay
        length = math.sqrt(dx * dx + dy * dy)
        if length < 1e-9:
            ux, uy = 1.0, 0.0
        else:
            ux, uy = dx / length, dy / length
        r = reach[p]
        hw = half[p]
        lo_t, hi_t = -seg_pad[k, 0], length + seg_pad[k, 1]
        # The oriented box's corners give the rows it spans.
        ys0 = min(ay, by) - r
        ys1 = max(ay, by) + r
        row0 = max(0, int(math.floor((ys0 - y0) * ppm)))
        row1 = min(h - 1, int(math.floor((ys1 - y0) * ppm)))
        for row in range(row0, row1 + 1):
            py = y0 + (row + 0.5) * inv
            ry = py - ay
            # along = (px-ax)*ux + ry*uy ∈ [lo_t, hi_t]; across = -(px-ax)*uy + ry*ux ∈ [-r, r]
            xa, xb = -1e18, 1e18
            if abs(ux) > 1e-12:
                e0 = (lo_t - ry * uy) / ux
                e1 = (hi_t - ry * uy) / ux
                xa, xb = max(xa, min(e0, e1)), min(xb, max(e0, e1))
            elif not (lo_t <= ry * uy <= hi_t):
                continue
            if abs(uy) > 1e-12:
                e0 = (ry * ux - r) / uy
                e1 = (ry * ux + r) / uy
                xa, xb = max(xa, min(e0, e1)), min(xb, max(e0, e1))
            elif abs(ry * ux) > r:
                continue
            if xa > xb:
                continue
            c0 = max(0, int(math.floor((ax + xa - x0) * ppm)))
            c1 = min(w - 1, int(math.floor((ax + xb - x0) * ppm)))
            for col in range(c0, c1 + 1):
                px = x0 + (col + 0.5) * inv
                rx = px - ax
                t = rx * ux + ry * uy
                tc = min(max(t, 0.0), length)
                ex, ey = rx - tc * ux, ry - tc * uy
                d = math.sqrt(ex * ex + ey * ey)
                if d > r:
                    continue
                e = d - hw
                side = -rx * uy + ry * ux
                s = seg_s0[k] + tc
                if e < edge_e[row, col]:
                    edge_e[row, col] = e
                    nearest[row, col] = p
                    edge_along[row, col] = s
                if e > fringe:
                    continue
                if e <= 0.0:
                    for z in range(3):
                        if others[row, col, z] == p:
                            break
                        if others[row, col, z] < 0:
                            others[row, col, z] = p
                            break
                cur = owner[row, col]
                better = cur < 0
                if not better:
                    inside, cur_inside = e <= 0.0, dist[row, col] <= half[cur]
                    if inside != cur_inside:
                        better = inside
                    elif rank[p] != rank[cur]:
                        better = rank[p] > rank[cur]
                    else:
                        better = d < dist[row, col]
                if better:
                    owner[row, col] = p
                    dist[row, col] = d
                    lat[row, col] = side
                    along[row, col] = s


# ------------------------------------------------------------------------ shading
@njit(cache=True, inline="always")
def _hash(ix: int, iy: int, seed: int) -> float:  # pragma: no cover
    """A fixed pseudo-random value in [0, 1) for an integer lattice point."""
    h = (ix * 374761393 + iy * 668265263 + seed * 2246822519) & 0xFFFFFFFF
    h = ((h ^ (h >> 13)) * 1274126177) & 0xFFFFFFFF
    h = h ^ (h >> 16)
    return (h & 0xFFFFFF) / 16777216.0


@njit(cache=True, inline="always")
def _noise(x: float, y: float, seed: int) -> float:  # pragma: no cover
    """Smooth value noise in [0, 1]."""
    ix, iy = math.floor(x), math.floor(y)
    fx, fy = x - ix, y - iy
    sx, sy = fx * fx * (3 - 2 * fx), fy * fy * (3 - 2 * fy)
    i, j = int(ix), int(iy)
    h00, h10 = _hash(i, j, seed), _hash(i + 1, j, seed)
    h01, h11 = _hash(i, j + 1, seed), _hash(i + 1, j + 1, seed)
    a = h00 + (h10 - h00) * sx
    b = h01 + (h11 - h01) * sx
    return a + (b - a) * sy


@njit(cache=True, inline="always")
def _clamp01(v: float) -> float:  # pragma: no cover
    return min(max(v, 0.0), 1.0)


@njit(cache=True, inline="always")
def _bump(x: float) -> float:  # pragma: no cover
    """A smooth bump: 1 at 0, 0 from |x| = 1.5 on (a cheap stand-in for exp(-x²))."""
    t = x * x / 2.25
    return (1.0 - t) * (1.0 - t) if t < 1.0 else 0.0


@njit(cache=True, inline="always")
def _repair(s: float, lat: float, hw: float, wx: float, wy: float) -> float:  # pragma: no cover
    """How much of a repair (0-1) dry asphalt has at ``s`` along and ``lat`` across [m]:
    a blot of newer, darker tar in one of a few 8-m stretches, drawn out along the road,
    with a ragged, soft edge (square patches read as tiles left on the road)."""
    cell = int(math.floor(s / 8.0))
    if _hash(cell, 0, 5) <= 0.82:
        return 0.0
    du = (s - 8.0 * cell - 3.6 - 0.8 * _hash(cell, 1, 5)) / (1.0 + 1.2 * _hash(cell, 4, 5))
    dv = (lat - (_hash(cell, 2, 5) - 0.5) * hw) / (0.45 + 0.75 * _hash(cell, 3, 5))
    edge = 1.0 + 0.7 * (_noise(wx / 0.9, wy / 0.9, 6) - 0.5) + 0.3 * (_noise(wx / 0.3, wy / 0.3, 7) - 0.5)
    return _clamp01((edge - math.sqrt(du * du + dv * dv)) * 4.0)


@njit(cache=True)
def _surface_rgb(code, s, lat, hw, wx, wy, ppm, fr, fg, fb):  # pragma: no cover
    """The colour of a road surface at distance ``s`` along and ``lat`` across (+ left) [m]."""
    grain = _hash(int(math.floor(wx * 11.0)), int(math.floor(wy * 11.0)), 3) - 0.5
    if code == 0 or code == 1:  # asphalt, wet asphalt
        track = 0.0
        for c in (-0.45 * hw, 0.45 * hw):
            track += _bump((lat - c) / 0.5)
        patch = _noise(wx / 2.6, wy / 2.6, 11) - 0.5
        if code == 0:
            v = 102.0 + 14.0 * patch + 10.0 * grain - 6.0 * track
            r, g, b = v + 2.0, v + 1.0, v - 2.0
            k = _repair(s, lat, hw, wx, wy)
            r, g, b = r * (1.0 - 0.08 * k), g * (1.0 - 0.08 * k), b * (1.0 - 0.07 * k)
            if _hash(int(math.floor(wx * 9.0)), int(math.floor(wy * 9.0)), 8) > 0.975:
                r, g, b = r + 22.0, g + 22.0, b + 20.0  # a chip of light aggregate
            return r, g, b
        # Wet: dark and bluish, a soft gloss in long streaks along the road, the wheel
        # tracks a little lighter (the tyres squeeze the water out), a few shallow puddles.
        v = 60.0 + 6.0 * patch + 5.0 * grain + 6.0 * track
        r, g, b = v - 2.0, v + 1.0, v + 8.0
        gloss = _noise(s / 7.0, lat / 1.4, 21)
        k = _clamp01((gloss - 0.45) * 2.0) * 16.0
        r, g, b = r + k, g + k * 1.1, b + k * 1.3
        wet = _noise(wx / 2.4, wy / 2.4, 23)
        if wet > 0.78 and track < 0.3:
            k = _clamp01((wet - 0.78) * 25.0)
            r, g, b = r - 10.0 * k, g - 6.0 * k, b + 2.0 * k
        return r, g, b
    if code == 2:  # cobbles laid in arcs across the road, each row bowed forward
        pitch, width = 0.42, 0.46
        bow = 0.55 * (1.0 - min((lat / max(hw, 0.5)) ** 2, 1.0))
        u = (s + bow) / pitch
        row = int(math.floor(u))
        fu = u - row
        v = (lat + (row % 2) * 0.5 * width) / width
        col = int(math.floor(v))
        fv = v - col
        stone = _hash(row, col, 31)
        tint = _hash(row, col, 37)
        base = 118.0 + 34.0 * (stone - 0.5)
        r, g, b = base + 10.0 + 8.0 * tint, base + 2.0, base - 6.0 - 6.0 * tint
        # Each stone domed: lighter towards its upper-left, darker at its lower-right.
        shade = 10.0 * (0.5 - fu) + 6.0 * (0.5 - fv)
        r, g, b = r + shade, g + shade, b + shade
        joint = 0.11 / pitch
        contrast = _clamp01((pitch * ppm - 2.5) / 3.0)  # no moiré when a stone is a few pixels
        m = 0.0
        if fu < joint or fv < joint * pitch / width:
            m = 0.45 * contrast
        r, g, b = r * (1 - m) + 66.0 * m, g * (1 - m) + 60.0 * m, b * (1 - m) + 54.0 * m
        return r + 6.0 * grain, g + 6.0 * grain, b + 6.0 * grain
    if code == 3:  # gravel: loose pale stones, two packed wheel tracks
        track = 0.0
        for c in (-0.42 * hw, 0.42 * hw):
            track += _bump((lat - c) / 0.45)
        patch = _noise(wx / 3.0, wy / 3.0, 41) - 0.5
        fine = _hash(int(math.floor(wx * 14.0)), int(math.floor(wy * 14.0)), 43)
        v = 186.0 + 14.0 * patch
        r, g, b = v + 4.0, v - 10.0, v - 36.0
        loose = 1.0 - 0.7 * min(track, 1.0)
        k = (fine - 0.5) * 36.0 * loose
        r, g, b = r + k, g + k, b + k
        if fine > 0.93 and loose > 0.5:  # a dark pebble
            r, g, b = r - 52.0, g - 50.0, b - 44.0
        r, g, b = r - 12.0 * track, g - 12.0 * track, b - 8.0 * track
        return r, g, b
    if code == 4:  # dirt: brown, mottled, two ruts
        rut = 0.0
        for c in (-0.4 * hw, 0.4 * hw):
            rut += _bump((lat - c) / 0.3)
        patch = _noise(wx / 2.2, wy / 2.2, 51) - 0.5
        v = 0.0 + 26.0 * patch + 12.0 * grain - 24.0 * rut
        return 150.0 + v, 118.0 + v * 0.9, 80.0 + v * 0.7
    return fr + 12.0 * grain, fg + 12.0 * grain, fb + 12.0 * grain


@njit(cache=True)
def _shade(  # pragma: no cover
    rgb, owner, dist, lat, along, nearest, edge_e, edge_along, others,
    half, edge, texture, marking, flat_rgb, prev, nxt, wet, x0, y0, ppm, r0, r1, lo, hi,
):  # fmt: skip
    """Paint the road field into ``rgb`` (pygame's pixels3d: [x, y, channel]): rows
    ``r0`` to ``r1``, each from column ``lo[row]`` to ``hi[row]``."""
    inv = 1.0 / ppm
    for row in range(r0, r1):
        wy = y0 + (row + 0.5) * inv
        for col in range(lo[row], hi[row]):
            p = owner[row, col]
            q = nearest[row, col]
            if p < 0 and q < 0:
                continue
            wx = x0 + (col + 0.5) * inv
            r = float(rgb[col, row, 0])
            g = float(rgb[col, row, 1])
            b = float(rgb[col, row, 2])
            # --- the ground beside the nearest road: its edge
            e = edge_e[row, col]
            if q >= 0 and (e > 0.0 or (e > -0.3 and edge[q] == 0)):  # a verge also runs under a ragged edge
                kind = edge[q]
                s = edge_along[row, col]
                if kind == 0:  # verge: a shoulder of dust and grit, worn into the grass
                    e = max(e, 0.0)
                    wear = 0.5 + 0.9 * _noise(s / 2.3, 3.0, 61)  # how far the shoulder reaches [m]
                    k = _clamp01((wear - e) * 2.5 + 0.5) * 0.75 + 0.25 * (1.0 - e / 1.4) ** 2
                    speck = _hash(int(math.floor(wx * 10.0)), int(math.floor(wy * 10.0)), 62) - 0.5
                    k = _clamp01(k) * (0.85 + 0.3 * speck)
                    dust = 0.72 if wet else 1.0  # wet grit is darker
                    r = r * (1 - k) + 164.0 * dust * k
                    g = g * (1 - k) + 150.0 * dust * k
                    b = b * (1 - k) + 114.0 * dust * k
                elif kind == 1:  # kerb: a flagstone pavement outside the kerb stones
                    if e < 1.6:
                        cov = _clamp01((1.6 - e) * ppm)
                        a = int(math.floor(s / 0.9))
                        c = int(math.floor(e / 0.8))
                        fs, fe = s / 0.9 - a, e / 0.8 - c
                        v = 168.0 + 16.0 * (_hash(a, c, 71) - 0.5)
                        if fs < 0.06 or fe < 0.08:
                            v -= 34.0 * _clamp01((0.8 * ppm - 2.5) / 3.0)
                        pr, pg, pb = v + 6.0, v, v - 12.0
                        r, g, b = r * (1 - cov) + pr * cov, g * (1 - cov) + pg * cov, b * (1 - cov) + pb * cov
                elif kind == 2:  # wall: stone blocks in two courses, its shadow outside
                    if e < 0.5:
                        k = 0.25 * (1.0 - e / 0.5)
                        r, g, b = r * (1 - k) + 120.0 * k, g * (1 - k) + 112.0 * k, b * (1 - k) + 96.0 * k
                    elif e < 1.1:
                        cov = _clamp01((e - 0.5) * ppm + 0.5) * _clamp01((1.1 - e) * ppm + 0.5)
                        course = int(math.floor((e - 0.5) / 0.3))
                        a = int(math.floor(s / 0.8 + 0.5 * course))
                        fs = s / 0.8 + 0.5 * course - a
                        fe = (e - 0.5) / 0.3 - course
                        v = 186.0 + 28.0 * (_hash(a, course, 81) - 0.5)
                        if fs < 0.07 or fe < 0.12:
                            v -= 46.0 * _clamp01((0.3 * ppm - 2.0) / 3.0)
                        v += 14.0 * (0.5 - (e - 0.5) / 0.6)  # the top lit from the road's side
                        wr, wg, wb = v + 8.0, v - 4.0, v - 26.0
                        r, g, b = r * (1 - cov) + wr * cov, g * (1 - cov) + wg * cov, b * (1 - cov) + wb * cov
                    elif e < 1.5:
                        k = 0.4 * (1.0 - (e - 1.1) / 0.4)
                        r, g, b = r * (1 - k), g * (1 - k), b * (1 - k)
            # --- the road itself, anti-aliased at its edge
            if p >= 0:
                hw = half[p]
                d = dist[row, col]
                s = along[row, col]
                across = d if lat[row, col] >= 0.0 else -d
                kind = edge[p]
                edge_at = hw
                if kind == 0 and texture[p] != 2 and d > hw - 0.3:  # a ragged tarmac or gravel edge on a verge
                    edge_at = hw - 0.05 - 0.14 * _noise(s / 1.3, 7.0 if across > 0 else 9.0, 63)
                cov = _clamp01((edge_at - d) * ppm + 0.5)
                sr, sg, sb = _surface_rgb(
                    texture[p], s, across, hw, wx, wy, ppm, flat_rgb[p, 0], flat_rgb[p, 1], flat_rgb[p, 2]
                )
                # A junction: another piece covers the pixel (not the next or previous of the chain).
                junction = False
                for z in range(3):
                    o = others[row, col, z]
                    if o >= 0 and o != p and o != prev[p] and o != nxt[p]:
                        junction = True
                if kind == 1 and not junction and d > hw - KERB_W_M - 0.06:
                    a = int(math.floor(s / 1.0))
                    fs = s - a
                    v = 204.0 + 14.0 * (_hash(a, 1 if across > 0 else 2, 91) - 0.5)
                    if fs < 0.05:
                        v -= 40.0 * _clamp01((ppm - 4.0) / 4.0)
                    if d < hw - KERB_W_M:  # the gutter along the kerb's foot
                        v = 70.0
                    sr, sg, sb = v, v - 2.0, v - 8.0
                mk = marking[p]
                if mk > 0:
                    paint = 0.0
                    # A centre dash: 4.5 m painted, 7.5 m not; 0.12 m wide.
                    if (s % 12.0) < 4.5:
                        paint = _clamp01((0.06 - abs(across)) * ppm + 0.5)
                    if mk == 2 and not junction:
                        off = abs(abs(across) - (hw - 0.35))
                        paint = max(paint, _clamp01((0.06 - off) * ppm + 0.5))
                    paint *= 0.9
                    sr = sr * (1 - paint) + 228.0 * paint
                    sg = sg * (1 - paint) + 226.0 * paint
                    sb = sb * (1 - paint) + 214.0 * paint
                r, g, b = r * (1 - cov) + sr * cov, g * (1 - cov) + sg * cov, b * (1 - cov) + sb * cov
            rgb[col, row, 0] = min(max(int(r), 0), 255)
            rgb[col, row, 1] = min(max(int(g), 0), 255)
            rgb[col, row, 2] = min(max(int(b), 0), 255)
