"""Walls: the segments a car cannot cross, bucketed on a grid for the physics kernel.

Solid tiles become the outline segments of their cells; the map's border is a wall too.
The contact itself (the car's outline swept against these segments) is resolved in
``physics._resolve_walls``. Each bucket lists every segment that passes within
``REACH_M`` of it, enough for a car centred anywhere in the bucket: half its diagonal
(≤ 2.7 m) plus a step's travel at top speed (90 m/s / 120 Hz ≈ 0.75 m).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from millegame.core.stage import MATERIAL_HARD, Stage

BUCKET_M = 8.0  # grid cell size for the segment buckets [m]
REACH_M = 4.5  # a car's circles reach at most this far from its centre [m]
# The crash model (docs/physics.md, "Walls"). Restitution: the share of the approach speed
# (normal to the wall) that bounces back, per material (index: stage.MATERIAL_HARD/SOFT).
# A car body is not a ball: above CRUSH_FROM_MPS the crumpling body (or the hedge giving
# way) takes the extra energy, so the rebound speed stays at restitution × CRUSH_FROM_MPS,
# as in barrier tests where restitution falls with impact speed (≈ 0.1 at 50 km/h).
RESTITUTION_HARD = 0.2  # stone walls, trunks, houses
RESTITUTION_SOFT = 0.1  # hedges, bushes, straw bales
CRUSH_FROM_MPS = 4.0  # approach speed above which the rebound speed stops growing [m/s]
WALL_FRICTION = 0.5  # Coulomb friction of body against wall (scrape), both materials


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
    material: NDArray[np.uint8]  # (K,) MATERIAL_HARD / MATERIAL_SOFT per segment

    @staticmethod
    def of(stage: Stage) -> CollisionWorld:
        w, h = stage.width_m, stage.height_m
        border = np.array([[0, 0, w, 0], [w, 0, w, h], [w, h, 0, h], [0, h, 0, 0]], dtype=np.float64)
        cells = solid_cell_edges(stage.solid, stage.cell_m)
        parts = [border, cells]
        materials = [np.full(len(border) + len(cells), MATERIAL_HARD, dtype=np.uint8)]
        if len(stage.walls):
            parts.append(np.asarray(stage.walls, dtype=np.float64).reshape(-1, 4))
            materials.append(stage.wall_materials())
        segments = np.concatenate(parts)
        return CollisionWorld.from_segments(segments, w, h, np.concatenate(materials))

    @staticmethod
    def from_segments(
        segments: NDArray[np.float64],
        width_m: float,
        height_m: float,
        material: NDArray[np.uint8] | None = None,
    ) -> CollisionWorld:
        """Bucket the segments: each bucket lists every segment within REACH_M of it.
        ``material`` (K,) gives each segment's material (default: all hard)."""
        segments = np.ascontiguousarray(segments, dtype=np.float64).reshape(-1, 4)
        if material is None:
            material = np.full(len(segments), MATERIAL_HARD, dtype=np.uint8)
        material = np.ascontiguousarray(material, dtype=np.uint8).reshape(len(segments))
        brows = max(1, int(np.ceil(height_m / BUCKET_M)))
        bcols = max(1, int(np.ceil(width_m / BUCKET_M)))
        x0, y0, x1, y1 = segments.T
        c0 = np.clip(np.floor((np.minimum(x0, x1) - REACH_M) / BUCKET_M), 0, bcols - 1).astype(np.int64)
        c1 = np.clip(np.floor((np.maximum(x0, x1) + REACH_M) / BUCKET_M), 0, bcols - 1).astype(np.int64)
        r0 = np.clip(np.floor((np.minimum(y0, y1) - REACH_M) / BUCKET_M), 0, brows - 1).astype(np.int64)
        r1 = np.clip(np.floor((np.maximum(y0, y1) + REACH_M) / BUCKET_M), 0, brows - 1).astype(np.int64)
        # Every (segment, bucket) pair in each segment's box, as flat arrays.
        spans = (c1 - c0 + 1) * (r1 - r0 + 1)
        seg = np.repeat(np.arange(len(segments)), spans)
        k = np.arange(spans.sum()) - np.repeat(np.cumsum(spans) - spans, spans)
        width = (c1 - c0 + 1)[seg]
        col = c0[seg] + k % width
        row = r0[seg] + k // width
        # Keep the pairs where the segment passes within reach of the bucket square:
        # distance from the square's centre against its half-diagonal plus REACH_M.
        cx, cy = (col + 0.5) * BUCKET_M, (row + 0.5) * BUCKET_M
        dx, dy = (x1 - x0)[seg], (y1 - y0)[seg]
        len2 = dx * dx + dy * dy
        with np.errstate(invalid="ignore", divide="ignore"):
            t = np.where(len2 > 0, ((cx - x0[seg]) * dx + (cy - y0[seg]) * dy) / len2, 0.0)
        t = np.clip(t, 0.0, 1.0)
        near = np.hypot(x0[seg] + t * dx - cx, y0[seg] + t * dy - cy) <= BUCKET_M * 0.7072 + REACH_M
        seg, bucket = seg[near], (row * bcols + col)[near]
        # Group by bucket, segments in ascending order within each (a stable sort).
        order = np.lexsort((seg, bucket))
        seg, bucket = seg[order], bucket[order]
        counts = np.bincount(bucket, minlength=brows * bcols)
        starts = np.cumsum(counts) - counts
        rank = np.arange(len(seg)) - starts[bucket]
        table = np.full((brows * bcols, max(1, int(counts.max(initial=0)))), -1, dtype=np.int64)
        table[bucket, rank] = seg
        return CollisionWorld(segments, brows, bcols, table, material)

    def candidates(self, x: NDArray[np.float64], y: NDArray[np.float64]) -> NDArray[np.int64]:
        """Indices (N, max_per_bucket) of the segments that may touch cars centred at x, y."""
        c = np.clip((x // BUCKET_M).astype(np.int64), 0, self.bucket_cols - 1)
        r = np.clip((y // BUCKET_M).astype(np.int64), 0, self.bucket_rows - 1)
        return self.table[r * self.bucket_cols + c]
