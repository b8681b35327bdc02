"""Walls: the segments a car cannot cross, bucketed on a grid, and the contact response.

Solid tiles become the outline segments of their cells; the map's border is a wall too.
A car is three circles of radius width/2 along its length (front, middle, rear). The
physics resolves contacts every sub-step (240 Hz); a circle moves at most
v·h = 90 m/s / 240 Hz ≈ 0.4 m per sub-step, less than its radius (≥ 0.75 m), so a circle's
centre never passes a wall line between two checks and cars cannot tunnel.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from millegame.core.stage import Stage

BUCKET_M = 8.0  # grid cell size for the segment buckets [m]
REACH_M = 4.5  # a car's circles reach at most this far from its centre [m]
RESTITUTION = 0.35  # share of the normal impact speed that bounces back
WALL_FRICTION = 0.5  # Coulomb friction of body against wall (scrape)


def solid_cell_edges(solid: NDArray[np.bool_], cell_m: float) -> NDArray[np.float64]:
    """Outline segments (K, 4) between solid and free cells, merged along rows/columns."""
    rows, cols = solid.shape
    padded = np.zeros((rows + 2, cols + 2), dtype=bool)
    padded[1:-1, 1:-1] = solid
    segs: list[tuple[float, float, float, float]] = []
    # Horizontal edges: between row r-1 and r, where exactly one side is solid.
    h_edges = padded[1:, 1:-1] != padded[:-1, 1:-1]  # (rows+1, cols)
    for r in range(rows + 1):
        for c0, c1 in _runs(h_edges[r]):
            y = r * cell_m
            segs.append((c0 * cell_m, y, c1 * cell_m, y))
    v_edges = padded[1:-1, 1:] != padded[1:-1, :-1]  # (rows, cols+1)
    for c in range(cols + 1):
        for r0, r1 in _runs(v_edges[:, c]):
            x = c * cell_m
            segs.append((x, r0 * cell_m, x, r1 * cell_m))
    return np.array(segs, dtype=np.float64).reshape(-1, 4)


def _runs(mask: NDArray[np.bool_]) -> list[tuple[int, int]]:
    """[start, end) index pairs of the True runs in a 1-D mask."""
    if not mask.any():
        return []
    d = np.diff(np.concatenate([[0], mask.astype(np.int8), [0]]))
    starts = np.flatnonzero(d == 1)
    ends = np.flatnonzero(d == -1)
    return list(zip(starts.tolist(), ends.tolist(), strict=True))


@dataclass(frozen=True)
class CollisionWorld:
    """All wall segments (K, 4) and, per grid bucket, the segments near it (-1 = none)."""

    segments: NDArray[np.float64]
    bucket_rows: int
    bucket_cols: int
    table: NDArray[np.int64]  # (bucket_rows * bucket_cols, max_per_bucket)

    @staticmethod
    def of(stage: Stage) -> CollisionWorld:
        w, h = stage.width_m, stage.height_m
        border = np.array([[0, 0, w, 0], [w, 0, w, h], [w, h, 0, h], [0, h, 0, 0]], dtype=np.float64)
        parts = [border, solid_cell_edges(stage.solid, stage.cell_m)]
        if len(stage.walls):
            parts.append(np.asarray(stage.walls, dtype=np.float64).reshape(-1, 4))
        segments = np.concatenate(parts)
        return CollisionWorld.from_segments(segments, w, h)

    @staticmethod
    def from_segments(segments: NDArray[np.float64], width_m: float, height_m: float) -> CollisionWorld:
        brows = max(1, int(np.ceil(height_m / BUCKET_M)))
        bcols = max(1, int(np.ceil(width_m / BUCKET_M)))
        buckets: list[list[int]] = [[] for _ in range(brows * bcols)]
        for k, (x0, y0, x1, y1) in enumerate(segments):
            c0 = int(np.clip(np.floor((min(x0, x1) - REACH_M) / BUCKET_M), 0, bcols - 1))
            c1 = int(np.clip(np.floor((max(x0, x1) + REACH_M) / BUCKET_M), 0, bcols - 1))
            r0 = int(np.clip(np.floor((min(y0, y1) - REACH_M) / BUCKET_M), 0, brows - 1))
            r1 = int(np.clip(np.floor((max(y0, y1) + REACH_M) / BUCKET_M), 0, brows - 1))
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    if _segment_near_box(segments[k], c * BUCKET_M, r * BUCKET_M):
                        buckets[r * bcols + c].append(k)
        width = max(1, max(len(b) for b in buckets))
        table = np.full((brows * bcols, width), -1, dtype=np.int64)
        for i, b in enumerate(buckets):
            table[i, : len(b)] = b
        return CollisionWorld(segments, brows, bcols, table)

    def candidates(self, x: NDArray[np.float64], y: NDArray[np.float64]) -> NDArray[np.int64]:
        """Indices (N, max_per_bucket) of the segments that may touch cars centred at x, y."""
        c = np.clip((x // BUCKET_M).astype(np.int64), 0, self.bucket_cols - 1)
        r = np.clip((y // BUCKET_M).astype(np.int64), 0, self.bucket_rows - 1)
        return self.table[r * self.bucket_cols + c]


def _segment_near_box(seg: NDArray[np.float64], bx: float, by: float) -> bool:
    """Whether the segment passes within REACH_M of the bucket square at (bx, by)."""
    # Distance from the square's centre to the segment, against half-diagonal + reach.
    cx, cy = bx + BUCKET_M / 2, by + BUCKET_M / 2
    x0, y0, x1, y1 = seg
    dx, dy = x1 - x0, y1 - y0
    L2 = dx * dx + dy * dy
    t = 0.0 if L2 == 0 else min(1.0, max(0.0, ((cx - x0) * dx + (cy - y0) * dy) / L2))
    d = np.hypot(x0 + t * dx - cx, y0 + t * dy - cy)
    return bool(d <= BUCKET_M * 0.7072 + REACH_M)


@dataclass(frozen=True)
class Contact:
    """The deepest contact of each car this sub-step (all arrays (N,), ``hit`` False = none)."""

    hit: NDArray[np.bool_]
    depth: NDArray[np.float64]  # [m]
    nx: NDArray[np.float64]  # wall normal, pointing out of the wall towards the car
    ny: NDArray[np.float64]
    px: NDArray[np.float64]  # contact point [m]
    py: NDArray[np.float64]


def find_contacts(
    world: CollisionWorld,
    x: NDArray[np.float64],
    y: NDArray[np.float64],
    heading: NDArray[np.float64],
    length: NDArray[np.float64],
    width: NDArray[np.float64],
) -> Contact:
    n = x.shape[0]
    cand = world.candidates(x, y)  # (N, K)
    valid = cand >= 0
    seg = world.segments[np.where(valid, cand, 0)]  # (N, K, 4)
    radius = width / 2.0
    reach = np.maximum(length / 2.0 - radius, 0.0)
    fx, fy = np.cos(heading), np.sin(heading)
    offsets = np.array([-1.0, 0.0, 1.0])
    cx = x[:, None] + offsets[None, :] * (reach * fx)[:, None]  # (N, 3)
    cy = y[:, None] + offsets[None, :] * (reach * fy)[:, None]
    ax, ay, bx, by = (seg[..., i][:, None, :] for i in range(4))  # (N, 1, K)
    dx, dy = bx - ax, by - ay
    L2 = dx * dx + dy * dy
    px, py = cx[:, :, None], cy[:, :, None]  # (N, 3, 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.where(L2 > 0, ((px - ax) * dx + (py - ay) * dy) / L2, 0.0)
    t = np.clip(t, 0.0, 1.0)
    qx, qy = ax + t * dx, ay + t * dy  # closest points (N, 3, K)
    ex, ey = px - qx, py - qy
    dist = np.hypot(ex, ey)
    depth = radius[:, None, None] - dist
    depth = np.where(valid[:, None, :], depth, -np.inf)
    flat = depth.reshape(n, -1)
    best = np.argmax(flat, axis=1)
    rows = np.arange(n)
    best_depth = flat[rows, best]
    hit = best_depth > 0.0
    d = dist.reshape(n, -1)[rows, best]
    safe = np.where(d > 1e-9, d, 1.0)
    nx = np.where(d > 1e-9, ex.reshape(n, -1)[rows, best] / safe, -fx)
    ny = np.where(d > 1e-9, ey.reshape(n, -1)[rows, best] / safe, -fy)
    return Contact(
        hit=hit,
        depth=np.where(hit, best_depth, 0.0),
        nx=nx,
        ny=ny,
        px=qx.reshape(n, -1)[rows, best],
        py=qy.reshape(n, -1)[rows, best],
    )
