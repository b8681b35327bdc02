"""The road centreline of a generated stage, and reading the terrain tileset.

Everything is in metres, y down (the game's frame, see ``millegame.core.geometry``).
The road is laid out as a *turtle* path — straights and circular arcs — sampled every
metre, so the road pieces written to the map, the scenery placed beside them and the
par-time estimate all come from the same centreline and cannot disagree.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

Float = NDArray[np.float64]


@dataclass(frozen=True)
class Straight:
    length_m: float


@dataclass(frozen=True)
class Arc:
    """A circular bend; positive ``angle_deg`` turns right (clockwise on screen)."""

    angle_deg: float
    radius_m: float


@dataclass(frozen=True)
class Centreline:
    """The road centre sampled about every metre.

    ``xy`` (N, 2) [m]; ``heading`` (N,) [rad]; ``curvature`` (N,) [1/m], signed, positive
    to the right; ``s`` (N,) arc length [m]; ``zone`` (N,) index into ``zones``.
    """

    xy: Float
    heading: Float
    curvature: Float
    s: Float
    zone: NDArray[np.int64]
    zones: tuple[str, ...]

    @property
    def length_m(self) -> float:
        return float(self.s[-1])

    def at(self, s_m: float) -> tuple[float, float, float]:
        """Position and heading (x [m], y [m], heading [rad]) at arc length ``s_m``."""
        i = int(np.clip(np.searchsorted(self.s, s_m), 1, len(self.s) - 1))
        t = (s_m - self.s[i - 1]) / max(self.s[i] - self.s[i - 1], 1e-9)
        x, y = self.xy[i - 1] + t * (self.xy[i] - self.xy[i - 1])
        return float(x), float(y), float(self.heading[i])

    def zone_span(self, name: str) -> tuple[float, float]:
        """First and last arc length [m] of a zone."""
        k = self.zones.index(name)
        idx = np.nonzero(self.zone == k)[0]
        return float(self.s[idx[0]]), float(self.s[idx[-1]])


def lay_centreline(
    start_xy: tuple[float, float], start_heading: float, plan: list[tuple[str, Straight | Arc]]
) -> Centreline:
    """Walk the ``plan`` (zone name, piece) from the start pose, sampling ~1 m steps."""
    x, y = start_xy
    h = start_heading
    zones: list[str] = []
    pts, heads, curv, zone_idx = [(x, y)], [h], [0.0], [0]
    for zone, piece in plan:
        if zone not in zones:
            zones.append(zone)
        z = zones.index(zone)
        if isinstance(piece, Straight):
            n = max(1, round(piece.length_m))
            step = piece.length_m / n
            for _ in range(n):
                x += math.cos(h) * step
                y += math.sin(h) * step
                pts.append((x, y))
                heads.append(h)
                curv.append(0.0)
                zone_idx.append(z)
        else:
            ang = math.radians(piece.angle_deg)
            length = abs(ang) * piece.radius_m
            n = max(1, round(length))
            dh = ang / n
            chord = 2 * piece.radius_m * math.sin(abs(dh) / 2)  # exact points on the circle
            for _ in range(n):
                x += math.cos(h + dh / 2) * chord
                y += math.sin(h + dh / 2) * chord
                h += dh
                pts.append((x, y))
                heads.append(h)
                curv.append(math.copysign(1.0 / piece.radius_m, ang))
                zone_idx.append(z)
    xy = np.array(pts, dtype=np.float64)
    seg = np.hypot(*np.diff(xy, axis=0).T)
    s = np.concatenate([[0.0], np.cumsum(seg)])
    zone_idx[0] = zone_idx[1]
    return Centreline(xy, np.array(heads), np.array(curv), s, np.array(zone_idx), tuple(zones))


def nearest_field(points: Float, xs: Float, ys: Float, radius_m: float) -> tuple[Float, NDArray[np.int64]]:
    """Distance [m] from each grid node (ys × xs) to the nearest of ``points``, and its index.

    Nodes farther than ``radius_m`` from every point get ``inf`` and index -1. Points are
    ~1 m apart, so the distance to the nearest *point* is within a few cm of the
    distance to the polyline.
    """
    dist = np.full((len(ys), len(xs)), np.inf)
    idx = np.full((len(ys), len(xs)), -1, dtype=np.int64)
    dx_grid = xs[1] - xs[0]
    dy_grid = ys[1] - ys[0]
    for k, (px, py) in enumerate(points):
        j0 = max(0, math.floor((px - radius_m - xs[0]) / dx_grid))
        j1 = min(len(xs), math.ceil((px + radius_m - xs[0]) / dx_grid) + 1)
        i0 = max(0, math.floor((py - radius_m - ys[0]) / dy_grid))
        i1 = min(len(ys), math.ceil((py + radius_m - ys[0]) / dy_grid) + 1)
        if j0 >= j1 or i0 >= i1:
            continue
        d = np.hypot(xs[None, j0:j1] - px, ys[i0:i1, None] - py)
        win = dist[i0:i1, j0:j1]
        better = d < win
        win[better] = d[better]
        idx[i0:i1, j0:j1][better] = k
    return dist, idx


def inside_polygon(poly: Float, xs: Float, ys: Float) -> NDArray[np.bool_]:
    """Even-odd point-in-polygon test for every grid node (ys × xs)."""
    X, Y = np.meshgrid(xs, ys)
    inside = np.zeros(X.shape, dtype=bool)
    n = len(poly)
    for k in range(n):
        x0, y0 = poly[k]
        x1, y1 = poly[(k + 1) % n]
        crosses = (y0 > Y) != (y1 > Y)
        with np.errstate(divide="ignore", invalid="ignore"):
            xint = x0 + (Y - y0) * (x1 - x0) / (y1 - y0)
        inside ^= crosses & (X < xint)
    return inside


def speed_profile(
    cl: Centreline, a_lat: float, v_max: float, power_per_mass: float, a_brake: float, v_start: float = 0.0
) -> Float:
    """A point-mass lap-time estimate: speed [m/s] at every centreline sample.

    Corner speed from lateral grip (v² κ ≤ a_lat), then a forward pass limited by
    traction power (a ≤ P/(m v), capped at 4 m/s²) and a backward pass by braking.
    """
    k = np.maximum(np.abs(cl.curvature), 1e-9)
    v = np.minimum(np.sqrt(a_lat / k), v_max)
    ds = np.diff(cl.s)
    v[0] = min(v[0], v_start)
    for i in range(1, len(v)):
        a = min(4.0, power_per_mass / max(v[i - 1], 1.0))
        v[i] = min(v[i], math.sqrt(v[i - 1] ** 2 + 2 * a * ds[i - 1]))
    for i in range(len(v) - 2, -1, -1):
        v[i] = min(v[i], math.sqrt(v[i + 1] ** 2 + 2 * a_brake * ds[i]))
    return v


def lap_time_s(cl: Centreline, v: Float, s_from: float, s_to: float) -> float:
    ds = np.diff(cl.s)
    vm = np.maximum(0.5 * (v[1:] + v[:-1]), 0.5)
    mid = 0.5 * (cl.s[1:] + cl.s[:-1])
    sel = (mid >= s_from) & (mid <= s_to)
    return float(np.sum(ds[sel] / vm[sel]))


def simplify_route(
    cl: Centreline, s_to: float, straight_step_m: float, curve_step_m: float, s_from: float = 0.0
) -> Float:
    """Points [m] along the centreline from ``s_from`` to ``s_to``: sparse on straights, dense
    in bends, and wherever a straight meets an arc."""
    first = int(np.searchsorted(cl.s, s_from))
    keep = [first]
    last_s = float(cl.s[first])
    for i in range(first + 1, len(cl.s)):
        if cl.s[i] > s_to:
            break
        bend = abs(cl.curvature[i]) > 0 or abs(cl.curvature[i - 1]) > 0
        step = curve_step_m if bend else straight_step_m
        piece_change = cl.curvature[i] != cl.curvature[i - 1]
        if cl.s[i] - last_s >= step or piece_change:
            keep.append(i)
            last_s = cl.s[i]
    x, y, _ = cl.at(s_to)
    pts = [tuple(cl.xy[i]) for i in keep]
    if math.hypot(pts[-1][0] - x, pts[-1][1] - y) > 0.5:
        pts.append((x, y))
    elif math.hypot(pts[-1][0] - x, pts[-1][1] - y) > 0:
        pts[-1] = (x, y)  # end exactly at s_to: the next piece begins there
    return np.array(pts)


# -- reading the tileset ---------------------------------------------------------------------
@dataclass(frozen=True)
class TilesetInfo:
    """What the generator needs from ``terrain.tsx``: ids by ``kind`` and by Wang corners."""

    by_kind: dict[str, int]
    by_corners: dict[tuple[int, int, int, int], list[int]]
    surface: dict[int, str]
    solid: dict[int, bool]
    probability: dict[int, float]
    wang_colour: dict[str, int]
    tilecount: int


def read_tileset(path: Path) -> TilesetInfo:
    root = ET.parse(path).getroot()
    by_kind: dict[str, int] = {}
    surface: dict[int, str] = {}
    solid: dict[int, bool] = {}
    prob: dict[int, float] = {}
    for tile in root.iter("tile"):
        tid = int(tile.get("id", "0"))
        props = {p.get("name"): p.get("value") for p in tile.iter("property")}
        by_kind[str(props["kind"])] = tid
        surface[tid] = str(props["surface"])
        solid[tid] = props["solid"] == "true"
        prob[tid] = float(tile.get("probability", "1"))
    by_corners: dict[tuple[int, int, int, int], list[int]] = {}
    colours: dict[str, int] = {}
    for ws in root.iter("wangset"):
        for k, wc in enumerate(ws.iter("wangcolor"), start=1):
            colours[str(wc.get("name"))] = k
        for wt in ws.iter("wangtile"):
            w = [int(v) for v in str(wt.get("wangid")).split(",")]
            corners = (w[7], w[1], w[3], w[5])  # tl, tr, br, bl
            by_corners.setdefault(corners, []).append(int(str(wt.get("tileid"))))
    return TilesetInfo(by_kind, by_corners, surface, solid, prob, colours, int(root.get("tilecount", "0")))
