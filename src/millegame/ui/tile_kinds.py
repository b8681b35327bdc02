"""Where the map has lamps, spectators and cyclists: tiles by their ``kind`` property.

The stage's art carries tile ids, not tile properties. The tileset files (``.tsx``)
name every tile with a ``kind`` (see docs/levels.md); this reads them, finds the
tiles of a kind on the map's layers and returns their positions in metres. A tileset
that comes with ``kinds`` already (``TilesetArt.kinds``, a mapping local id → kind, if
the loader provides it) is used as is. Pure stdlib + numpy: no pygame.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import numpy as np

from millegame.core.stage import Stage, TilesetArt

LAMP_KINDS = frozenset({"lamp"})
CROWD_KINDS = frozenset({"spectators_a", "spectators_b", "spectators_flags", "cyclists"})


@cache
def _kinds_in_tsx(tsx: Path) -> tuple[str, dict[int, str]]:
    """(resolved image path, {local id: kind}) of one ``.tsx`` file."""
    try:
        root = ET.parse(tsx).getroot()
    except (ET.ParseError, OSError):
        return "", {}
    image = root.find("image")
    src = str((tsx.parent / image.get("source", "")).resolve()) if image is not None else ""
    kinds: dict[int, str] = {}
    for tile in root.iter("tile"):
        for prop in tile.iter("property"):
            if prop.get("name") == "kind" and prop.get("value"):
                kinds[int(tile.get("id", "-1"))] = str(prop.get("value"))
    return src, kinds


def tileset_kinds(ts: TilesetArt) -> dict[int, str]:
    """{local tile id: kind} of a tileset, from the loader or its ``.tsx`` file."""
    given = getattr(ts, "kinds", None)
    if given:
        return {int(k): str(v) for k, v in dict(given).items()}
    image = Path(ts.image_path)
    try:
        wanted = str(image.resolve())
        candidates = sorted(image.parent.glob("*.tsx"))
    except OSError:
        return {}
    for tsx in candidates:
        src, kinds = _kinds_in_tsx(tsx)
        if src == wanted:
            return kinds
    return {}


def find_tiles(stage: Stage, kinds: frozenset[str]) -> list[tuple[float, float, str]]:
    """(x, y, kind) [m] of the centre of every map cell holding a tile of ``kinds``."""
    art = stage.art
    if art is None:
        return []
    gid_kind: dict[int, str] = {}
    for ts in art.tilesets:
        for local, kind in tileset_kinds(ts).items():
            if kind in kinds:
                gid_kind[ts.firstgid + local] = kind
    if not gid_kind:
        return []
    tw, th = art.tile_w_px / stage.px_per_m, art.tile_h_px / stage.px_per_m
    wanted = np.array(sorted(gid_kind), dtype=np.uint32)
    out: list[tuple[float, float, str]] = []
    for layer in art.layers:
        rows, cols = np.nonzero(np.isin(layer.gids, wanted))
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            out.append(((c + 0.5) * tw, (r + 0.5) * th, gid_kind[int(layer.gids[r, c])]))
    return out


def route_on_bridges(stage: Stage, points: np.ndarray) -> np.ndarray:
    """For each route point (M, 2) [m], whether its map cell holds a bridge tile (a tile
    whose ``kind`` names a bridge, on any layer)."""
    on = np.zeros(len(points), dtype=bool)
    art = stage.art
    if art is None or len(points) == 0:
        return on
    gids = [ts.firstgid + local for ts in art.tilesets for local, kind in tileset_kinds(ts).items() if "bridge" in kind]
    if not gids:
        return on
    wanted = np.array(sorted(gids), dtype=np.uint32)
    tw, th = art.tile_w_px / stage.px_per_m, art.tile_h_px / stage.px_per_m
    for layer in art.layers:
        rows, cols = layer.gids.shape
        c = np.clip((points[:, 0] / tw).astype(np.intp), 0, cols - 1)
        r = np.clip((points[:, 1] / th).astype(np.intp), 0, rows - 1)
        on |= np.isin(layer.gids[r, c], wanted)
    return on
