"""Walls: the segments a car cannot cross, bucketed on a grid for the physics kernel.

Solid tiles become the outline segments of their cells; the map's border is a wall too.
The contact itself (the car's outline swept against these segments) is resolved in
``physics._resolve_walls``. Each bucket lists every segment that passes within
``REACH_M`` of it, enough for a car centred anywhere in the bucket: half its diagonal
(≤ 2.7 m) plus a sub-step's travel at top speed (90 m/s / 240 Hz ≈ 0.4 m).
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
        return CollisionWorld(np.ascontiguousarray(segments, dtype=np.float64), brows, bcols, table)

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
