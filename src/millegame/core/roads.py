"""Roads as geometry: smoothed centre lines with a width and a surface, and the fine raster
the physics reads them through.

A stage drawn with road objects (``levels.roads``) hands core one ``RoadPiece`` per piece:
its centre line already smoothed and sampled densely (≤ 0.5 m between points), its width
and surface. A point is on a piece when it lies within ``width_m / 2`` of that centre line.
Where pieces overlap, a piece of the route wins over a side road, and between two pieces
of the same rank the nearer centre line wins, so two pieces that meet end to start split at
the line square to the road through their joint.

The physics cannot afford a distance query per wheel per tick, so ``RoadRaster`` samples
that rule once, at load, on a grid of ``ROAD_CELL_M`` cells kept only in the 16 m blocks a
road passes through (a 50 km stage costs a few MB, not a raster of the whole map). A cell
takes the surface at its centre, so the raster and the exact rule disagree only within
half a cell's diagonal (0.18 m) of a road edge. Off the road the ground grid
(``Stage.surface``) gives the surface, as on stages painted with tiles.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numba import njit
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]

ROAD_CELL_M = 0.25  # raster cell [m]: keeps the raster within 0.18 m of the exact edge
BLOCK_CELLS = 64  # cells per block side (16 m blocks)
NO_ROAD = 255  # raster value off every road
EDGES = ("verge", "kerb", "wall", "none")
MARKINGS = ("none", "centre", "full")  # painted lines: none (1950s), a centre dash, or centre and edge lines


@dataclass(frozen=True)
class RoadPiece:
    """One road object: its smoothed centre line (M, 2) [m], width [m] and surface index.

    ``on_route`` pieces form the chain from the start to the finish; the others are side
    roads (drawn and drivable, not part of the route). ``edge`` says how its sides are
    drawn (and ``wall`` makes them solid); ``sharp`` that its corners were kept as drawn.
    """

    centre: FloatArray
    width_m: float
    surface: int
    edge: str = "verge"
    sharp: bool = False
    on_route: bool = True
    object_id: int = 0
    name: str = ""
    surface_name: str = ""
    markings: str = "none"


@dataclass(frozen=True)
class RoadRaster:
    """Road surfaces on a fine grid kept only where roads pass (see the module docstring).

    ``index[br, bc]`` is the block covering x ∈ [bc·16, (bc+1)·16) m, y likewise, or -1;
    ``blocks[k, r, c]`` the surface index of cell (r, c) of block k, or ``NO_ROAD``.
    """

    cell_m: float
    index: NDArray[np.int32]
    blocks: NDArray[np.uint8]

    @staticmethod
    def empty() -> RoadRaster:
        """No roads: every lookup falls through to the ground grid."""
        return RoadRaster(ROAD_CELL_M, np.full((1, 1), -1, dtype=np.int32), np.full((1, 1, 1), NO_ROAD, dtype=np.uint8))

    @staticmethod
    def of(pieces: tuple[RoadPiece, ...], width_m: float, height_m: float) -> RoadRaster:
        """Sample the road rule over a ``width_m`` × ``height_m`` map."""
        if not pieces:
            return RoadRaster.empty()
        block_m = ROAD_CELL_M * BLOCK_CELLS
        brows = max(1, int(math.ceil(height_m / block_m)))
        bcols = max(1, int(math.ceil(width_m / block_m)))
        segs, half, surf, rank = _segment_table(pieces)
        index = np.full((brows, bcols), -1, dtype=np.int32)
        count = _mark_blocks(segs, half, index, block_m)
        blocks = np.full((count, BLOCK_CELLS, BLOCK_CELLS), NO_ROAD, dtype=np.uint8)
        _rasterize(segs, half, surf, rank, index, blocks, ROAD_CELL_M)
        return RoadRaster(ROAD_CELL_M, index, blocks)

    def surface_at(self, x: FloatArray, y: FloatArray) -> NDArray[np.int16]:
        """The road surface index at each point, -1 off every road (vectorised)."""
        x = np.asarray(x, dtype=np.float64)
        y = np.asarray(y, dtype=np.float64)
        col = np.floor(x / self.cell_m).astype(np.int64)
        row = np.floor(y / self.cell_m).astype(np.int64)
        brows, bcols = self.index.shape
        inside = (col >= 0) & (row >= 0) & (col < bcols * BLOCK_CELLS) & (row < brows * BLOCK_CELLS)
        col, row = np.where(inside, col, 0), np.where(inside, row, 0)
        k = np.where(inside, self.index[row // BLOCK_CELLS, col // BLOCK_CELLS], -1)
        value = self.blocks[np.maximum(k, 0), row % BLOCK_CELLS, col % BLOCK_CELLS].astype(np.int16)
        return np.where((k >= 0) & (value != NO_ROAD), value, -1).astype(np.int16)


def _segment_table(
    pieces: tuple[RoadPiece, ...],
) -> tuple[FloatArray, FloatArray, NDArray[np.int64], NDArray[np.int64]]:
    """Every centre-line segment (K, 4) with its piece's half width, surface and rank."""
    segs, half, surf, rank = [], [], [], []
    for p in pieces:
        c = np.asarray(p.centre, dtype=np.float64).reshape(-1, 2)
        if len(c) == 1:
            c = np.concatenate([c, c])
        k = len(c) - 1
        segs.append(np.concatenate([c[:-1], c[1:]], axis=1))
        half.append(np.full(k, p.width_m / 2.0))
        surf.append(np.full(k, p.surface, dtype=np.int64))
        rank.append(np.full(k, 1 if p.on_route else 0, dtype=np.int64))
    return (
        np.ascontiguousarray(np.concatenate(segs)),
        np.concatenate(half),
        np.concatenate(surf),
        np.concatenate(rank),
    )


@njit(cache=True)
def _mark_blocks(  # pragma: no cover
    segs: FloatArray, half: FloatArray, index: NDArray[np.int32], block_m: float
) -> int:
    """Number every block within reach of a segment (in first-touch order); returns the count."""
    brows, bcols = index.shape
    count = 0
    for k in range(segs.shape[0]):
        x0, y0, x1, y1 = segs[k, 0], segs[k, 1], segs[k, 2], segs[k, 3]
        r = half[k]
        c0 = max(int(math.floor((min(x0, x1) - r) / block_m)), 0)
        c1 = min(int(math.floor((max(x0, x1) + r) / block_m)), bcols - 1)
        r0 = max(int(math.floor((min(y0, y1) - r) / block_m)), 0)
        r1 = min(int(math.floor((max(y0, y1) + r) / block_m)), brows - 1)
        for br in range(r0, r1 + 1):
            for bc in range(c0, c1 + 1):
                if index[br, bc] < 0:
                    index[br, bc] = count
                    count += 1
    return count


@njit(cache=True)
def _rasterize(  # pragma: no cover
    segs: FloatArray,
    half: FloatArray,
    surf: NDArray[np.int64],
    rank: NDArray[np.int64],
    index: NDArray[np.int32],
    blocks: NDArray[np.uint8],
    cell_m: float,
) -> None:
    """Give each cell whose centre lies on a road the surface of the road that wins there:
    higher rank first, then the nearer centre line."""
    nb = blocks.shape[0]
    n = blocks.shape[1]
    best_rank = np.full((nb, n, n), -1, dtype=np.int64)
    best_d2 = np.full((nb, n, n), np.inf)
    brows, bcols = index.shape
    rows, cols = brows * n, bcols * n
    for k in range(segs.shape[0]):
        x0, y0, x1, y1 = segs[k, 0], segs[k, 1], segs[k, 2], segs[k, 3]
        r = half[k]
        dx, dy = x1 - x0, y1 - y0
        len2 = dx * dx + dy * dy
        c0 = max(int(math.floor((min(x0, x1) - r) / cell_m)), 0)
        c1 = min(int(math.floor((max(x0, x1) + r) / cell_m)), cols - 1)
        r0 = max(int(math.floor((min(y0, y1) - r) / cell_m)), 0)
        r1 = min(int(math.floor((max(y0, y1) + r) / cell_m)), rows - 1)
        length = math.sqrt(len2)
        ux, uy = (dx / length, dy / length) if length > 0.0 else (1.0, 0.0)
        for row in range(r0, r1 + 1):
            py = (row + 0.5) * cell_m
            # Only the cells of this row inside the strip within r of the segment's line.
            lo, hi = c0, c1
            if abs(uy) > 1e-9:
                xa = x0 + ((py - y0) * ux - r) / uy
                xb = x0 + ((py - y0) * ux + r) / uy
                lo = max(c0, int(math.floor(min(xa, xb) / cell_m - 0.5)))
                hi = min(c1, int(math.floor(max(xa, xb) / cell_m + 0.5)))
            for col in range(lo, hi + 1):
                px = (col + 0.5) * cell_m
                t = 0.0
                if len2 > 0.0:
                    t = min(max(((px - x0) * dx + (py - y0) * dy) / len2, 0.0), 1.0)
                ex, ey = x0 + t * dx - px, y0 + t * dy - py
                d2 = ex * ex + ey * ey
                if d2 > r * r:
                    continue
                b = index[row // n, col // n]
                rr, cc = row % n, col % n
                if rank[k] > best_rank[b, rr, cc] or (rank[k] == best_rank[b, rr, cc] and d2 < best_d2[b, rr, cc]):
                    best_rank[b, rr, cc] = rank[k]
                    best_d2[b, rr, cc] = d2
                    blocks[b, rr, cc] = surf[k]


@njit(cache=True)
def road_surface(index: NDArray[np.int32], blocks: NDArray[np.uint8], cell_m: float, x: float, y: float) -> int:
    """The road surface index at (x, y) [m], or -1 off every road (for numba kernels)."""
    n = blocks.shape[1]
    col = int(math.floor(x / cell_m))
    row = int(math.floor(y / cell_m))
    if col < 0 or row < 0:
        return -1
    br, bc = row // n, col // n
    if br >= index.shape[0] or bc >= index.shape[1]:
        return -1
    k = index[br, bc]
    if k < 0:
        return -1
    v = blocks[k, row % n, col % n]
    return -1 if v == NO_ROAD else int(v)
