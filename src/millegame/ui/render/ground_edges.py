"""Soft edges between kinds of natural ground, so the 4 m tile grid does not show.

Two cells of different natural ground (``MapArt.any_turn`` tiles: scree beside pasture,
sand beside grass, a meadow's poppies beside plain grass) meet on a straight grid line, and
a patch of them is a staircase. Here every pixel near such a line takes its colour from the
cell it lands in when it is moved by a smooth, world-fixed displacement of up to
``WARP_M`` (value noise, so neighbouring chunks and zoom levels agree): the line wanders
like the edge of a field of scree, and a staircase becomes a ragged outline. The pixel
keeps its place in the texture (the tiles are seamless in every turn), so the ground on
either side stays one texture. Grass variants count as one kind; tiles that are not
natural ground (roads, fields in rows, shores drawn by the Wang tiles, buildings) are
never moved and never spread.

Pure numpy on the chunk's pixels at the art's scale, done in the bake; a chunk without two
natural kinds side by side costs a lookup.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from millegame.core.stage import Stage
from millegame.ui.render.tile_kinds import tileset_kinds

WARP_M = 1.6  # how far [m] an edge wanders from its grid line
WARP_CELL_M = 3.5  # the size [m] of its wiggles (the noise's lattice)
SAME_KIND = {"grass_a": "grass", "grass_b": "grass", "grass_c": "grass"}  # variants of one kind

NoiseFn = Callable[[np.ndarray, np.ndarray, float, int], np.ndarray]


def natural_classes(stage: Stage) -> NDArray[np.int32] | None:
    """Per gid, the natural-ground kind it shows as a class number (-1: not natural ground),
    or None if the stage has no two natural kinds."""
    art = stage.art
    if art is None or art.any_turn is None or not art.any_turn.any():
        return None
    classes = np.full(len(art.any_turn), -1, dtype=np.int32)
    names: dict[str, int] = {}
    for ts in art.tilesets:
        for local, kind in tileset_kinds(stage, ts).items():
            gid = ts.firstgid + local
            if gid < len(classes) and art.any_turn[gid]:
                classes[gid] = names.setdefault(SAME_KIND.get(kind, kind), len(names))
    return classes if len(names) >= 2 else None


def edge_cells(cls: NDArray[np.int32]) -> NDArray[np.bool_]:
    """Cells of natural ground with a neighbour (8-connected) of another natural kind."""
    out = np.zeros(cls.shape, dtype=bool)
    rows, cols = cls.shape
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if dr == 0 and dc == 0:
                continue
            a = cls[max(0, -dr) : rows - max(0, dr), max(0, -dc) : cols - max(0, dc)]
            b = cls[max(0, dr) : rows - max(0, -dr), max(0, dc) : cols - max(0, -dc)]
            out[max(0, -dr) : rows - max(0, dr), max(0, -dc) : cols - max(0, dc)] |= (a >= 0) & (b >= 0) & (a != b)
    return out


def warp_edges(
    pixels: NDArray[np.uint8],
    gids: NDArray[np.int64],
    classes: NDArray[np.int32],
    block_origin: tuple[int, int],
    pixel_origin: tuple[int, int],
    cell_px: int,
    px_per_m: float,
    texture: Callable[[int], NDArray[np.uint8] | None],
    noise: NoiseFn,
) -> int:
    """Move the edges between natural kinds in ``pixels`` (W, H, 3: a chunk at the art's
    scale, surfarray order) in place; returns the number of pixels changed.

    ``gids``: the ground layer's cells from (row, col) ``block_origin``, reaching a few cells
    past the pixels on every side; ``pixel_origin``: the (row, col) of the cell whose
    top-left corner is the pixels' origin; ``cell_px``: a cell's side in pixels;
    ``texture(gid)``: a tile's pixels (cell_px, cell_px, 3) or None; ``noise``: the
    renderer's value noise (x [m], y [m], lattice [m], seed) → [0, 1]."""
    w, h = pixels.shape[:2]
    row0, col0 = block_origin
    prow, pcol = pixel_origin
    rows, cols = gids.shape
    known = (gids >= 0) & (gids < len(classes))
    cls = np.where(known, classes[np.clip(gids, 0, len(classes) - 1)], -1).astype(np.int32)
    edge = edge_cells(cls)
    if not edge.any():
        return 0
    cell_m = cell_px / px_per_m
    near = edge.copy()  # edge cells and the cells an edge can move into
    for _ in range(int(np.ceil(WARP_M / cell_m))):
        grown = near.copy()
        grown[1:, :] |= near[:-1, :]
        grown[:-1, :] |= near[1:, :]
        grown[:, 1:] |= near[:, :-1]
        grown[:, :-1] |= near[:, 1:]
        near = grown
    near &= cls >= 0
    # Decided in blocks of ``step`` pixels (a quarter metre at the HD art's 16 px/m): the
    # noise and the lookups on a sixteenth of the pixels, the edge still ragged, not stepped.
    step = max(1, cell_px // 16)
    bx = np.arange(0, w, step)
    by = np.arange(0, h, step)
    own_c = np.clip((bx // cell_px) + pcol - col0, 0, cols - 1)
    own_r = np.clip((by // cell_px) + prow - row0, 0, rows - 1)
    sel_x, sel_y = np.nonzero(near[own_r[None, :], own_c[:, None]])  # blocks in cells near an edge
    if len(sel_x) == 0:
        return 0
    xm = (pcol * cell_px + bx[sel_x] + step / 2) / px_per_m
    ym = (prow * cell_px + by[sel_y] + step / 2) / px_per_m
    dx = WARP_M * (2.0 * noise(xm, ym, WARP_CELL_M, 21) - 1.0)
    dy = WARP_M * (2.0 * noise(xm, ym, WARP_CELL_M, 22) - 1.0)
    tc = np.clip(np.floor((xm + dx) / cell_m).astype(np.int64) - col0, 0, cols - 1)
    tr = np.clip(np.floor((ym + dy) / cell_m).astype(np.int64) - row0, 0, rows - 1)
    target = cls[tr, tc]
    moved = (target >= 0) & (target != cls[own_r[sel_y], own_c[sel_x]])
    if not moved.any():
        return 0
    from_gid = gids[tr[moved], tc[moved]]
    x0, y0 = bx[sel_x[moved]], by[sel_y[moved]]
    off = np.arange(step)
    ix = np.minimum(x0[:, None, None] + off[None, :, None], w - 1)  # (blocks, step, 1)
    iy = np.minimum(y0[:, None, None] + off[None, None, :], h - 1)  # (blocks, 1, step)
    ix, iy = np.broadcast_arrays(ix, iy)
    changed = 0
    for gid in np.unique(from_gid):
        tex = texture(int(gid))
        if tex is None:
            continue
        k = from_gid == gid
        px, py = ix[k].ravel(), iy[k].ravel()
        pixels[px, py] = tex[px % tex.shape[0], py % tex.shape[1]]
        changed += len(px)
    return changed
