"""Soft edges between natural ground (``ui.render.ground_edges``): the grid line between two
kinds wanders, nothing else moves, and chunks baked apart join up."""

from __future__ import annotations

import numpy as np

from millegame.ui.render.ground_edges import WARP_M, edge_cells, warp_edges
from millegame.ui.render.map_renderer import _lattice_noise

CELL_PX, PPM = 32, 8.0  # 4 m cells at 8 px/m
CLASSES = np.array([-1, 0, 1, -1], dtype=np.int32)  # gid 1 scree, 2 pasture: natural; 3 a road tile
COLOURS = {1: (120, 120, 120), 2: (90, 160, 60), 3: (40, 40, 40)}


def texture(gid: int) -> np.ndarray:
    return np.full((CELL_PX, CELL_PX, 3), COLOURS[gid], dtype=np.uint8)


def painted(gids: np.ndarray) -> np.ndarray:
    """The cells drawn as flat colours, in surfarray order (x, y, rgb)."""
    img = np.zeros((gids.shape[1] * CELL_PX, gids.shape[0] * CELL_PX, 3), dtype=np.uint8)
    for (r, c), g in np.ndenumerate(gids):
        img[c * CELL_PX : (c + 1) * CELL_PX, r * CELL_PX : (r + 1) * CELL_PX] = COLOURS[int(g)]
    return img


def staircase(rows: int = 12, cols: int = 12) -> np.ndarray:
    """Scree above a diagonal staircase, pasture below it, and a column of road tiles."""
    gids = np.where(np.arange(rows)[:, None] < np.arange(cols)[None, :] // 2 + 3, 1, 2)
    gids[:, 9] = 3
    return gids


def warped(
    gids: np.ndarray, x_cells: tuple[int, int] | None = None, y_cells: tuple[int, int] | None = None
) -> np.ndarray:
    """Warp the part of the map ``gids`` in cells [c0, c1) × [r0, r1), as a chunk bake does."""
    c0, c1 = x_cells or (0, gids.shape[1])
    r0, r1 = y_cells or (0, gids.shape[0])
    part = painted(gids)[c0 * CELL_PX : c1 * CELL_PX, r0 * CELL_PX : r1 * CELL_PX].copy()
    warp_edges(part, gids, CLASSES, (0, 0), (r0, c0), CELL_PX, PPM, texture, _lattice_noise)
    return part


def test_the_edge_between_two_natural_kinds_wanders_but_stays_near_its_line() -> None:
    gids = staircase()
    before, after = painted(gids), warped(gids)
    changed = np.any(before != after, axis=2)
    assert changed.sum() > 0.1 * CELL_PX * CELL_PX * 12  # a real share of each edge cell moves
    # Every changed pixel lies within WARP_M (and a decision block) of a cell of the other kind.
    reach_px = int(np.ceil((WARP_M + 0.25) * PPM))
    cls = CLASSES[gids]
    xs, ys = np.nonzero(changed)
    for x, y in zip(xs[::37], ys[::37], strict=True):
        r, c = y // CELL_PX, x // CELL_PX
        window = cls[
            max(0, (y - reach_px) // CELL_PX) : (y + reach_px) // CELL_PX + 1,
            max(0, (x - reach_px) // CELL_PX) : (x + reach_px) // CELL_PX + 1,
        ]
        assert ((window >= 0) & (window != cls[r, c])).any(), (x, y)
    # Only the two natural colours are ever written, and only into natural cells.
    road = np.zeros_like(changed)
    road[9 * CELL_PX : 10 * CELL_PX, :] = True
    assert not changed[road].any()
    assert not np.any(np.all(after[changed] == COLOURS[3], axis=1))


def test_a_map_of_one_kind_or_without_natural_neighbours_is_left_alone() -> None:
    one = np.full((6, 6), 2)
    img = painted(one)
    assert warp_edges(img, one, CLASSES, (0, 0), (0, 0), CELL_PX, PPM, texture, _lattice_noise) == 0
    beside_road = np.where(np.arange(6)[None, :] < 3, 2, 3) * np.ones((6, 1), dtype=int)
    assert not edge_cells(CLASSES[beside_road]).any()


def test_chunks_warped_apart_join_as_if_warped_whole() -> None:
    """The displacement is fixed in the world: two chunks baked separately (each with the
    map's cells around it) give the pixels the whole map would."""
    gids = staircase()
    whole = warped(gids)
    left = warped(gids, x_cells=(0, 6))
    right = warped(gids, x_cells=(6, 12))
    assert np.array_equal(np.concatenate([left, right], axis=0), whole)
    top = warped(gids, y_cells=(0, 5))
    bottom = warped(gids, y_cells=(5, 12))
    assert np.array_equal(np.concatenate([top, bottom], axis=1), whole)
