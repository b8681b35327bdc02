"""Where the map has lamps, spectators and cyclists: tiles by their ``kind`` property.

The stage's art carries tile ids, not tile properties. The tileset files (``.tsx``)
name every tile with a ``kind`` (see docs/levels.md); this reads the tilesets **the map
names** (its ``<tileset source=…>`` references, or the tilesets embedded in it — never
other files beside them), finds the tiles of a kind on the map's layers and returns their
positions in metres. A tileset that comes with ``kinds`` already (``TilesetArt.kinds``, a
mapping local id → kind, if the loader provides it) is used as is. A tileset that cannot
be read (gone since the stage loaded, not a regular file, a symlink loop, broken XML, a
tile id that is not a number) gives no kinds: the map is drawn without those decorations.
Pure stdlib + numpy: no pygame.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

import numpy as np

from millegame.core.stage import Stage, TilesetArt

LAMP_KINDS = frozenset({"lamp"})
CROWD_KINDS = frozenset({"spectators_a", "spectators_b", "spectators_flags", "cyclists"})
MAX_TILE_ID = 1 << 16  # as levels.tmx.MAX_TILESET["tilecount"]
MAX_FILE_BYTES = 64 << 20  # a map or tileset file read here


def _read_xml(path: Path) -> ET.Element | None:
    """The root of an XML file that is a regular file of a bounded size, else None."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
            return None
        return ET.fromstring(path.read_bytes())
    except (ET.ParseError, OSError, RuntimeError, LookupError, ValueError):  # RuntimeError: a symlink loop
        return None


def _kinds_of(tileset: ET.Element) -> dict[int, str]:
    kinds: dict[int, str] = {}
    for tile in tileset.iter("tile"):
        tile_id = tile.get("id", "")
        if not (tile_id.isascii() and tile_id.isdigit()) or int(tile_id) >= MAX_TILE_ID:
            continue  # broken: no kind for it (check-level reports the tileset)
        for prop in tile.iter("property"):
            if prop.get("name") == "kind" and prop.get("value"):
                kinds[int(tile_id)] = str(prop.get("value"))
    return kinds


@lru_cache(maxsize=16)
def _map_kinds(tmx: str, _mtime_ns: int, _size: int) -> dict[int, dict[int, str]]:
    """{firstgid: {local id: kind}} of every tileset the map file ``tmx`` names (cached
    per version of the file: ``--watch`` reloads see an edited tileset)."""
    root = _read_xml(Path(tmx))
    if root is None:
        return {}
    out: dict[int, dict[int, str]] = {}
    for ref in root.iter("tileset"):
        firstgid = ref.get("firstgid", "")
        if not (firstgid.isascii() and firstgid.isdigit()):
            continue
        source = ref.get("source")
        node = _read_xml(Path(tmx).parent / source) if source else ref
        if node is not None and node.tag == "tileset":
            out[int(firstgid)] = _kinds_of(node)
    return out


def _stage_kinds(stage: Stage) -> dict[int, dict[int, str]]:
    path = Path(stage.source_path) if stage.source_path else None
    try:
        st = path.stat() if path is not None else None
    except OSError:
        st = None
    return _map_kinds(str(path), st.st_mtime_ns, st.st_size) if st is not None else {}


def tileset_kinds(stage: Stage, ts: TilesetArt) -> dict[int, str]:
    """{local tile id: kind} of one of the stage's tilesets, from the loader or the file
    the map names for it."""
    given = getattr(ts, "kinds", None)
    if given:
        return {int(k): str(v) for k, v in dict(given).items()}
    return _stage_kinds(stage).get(ts.firstgid, {})


def find_tiles(stage: Stage, kinds: frozenset[str]) -> list[tuple[float, float, str]]:
    """(x, y, kind) [m] of the centre of every map cell holding a tile of ``kinds``."""
    art = stage.art
    if art is None:
        return []
    gid_kind: dict[int, str] = {}
    for ts in art.tilesets:
        for local, kind in tileset_kinds(stage, ts).items():
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
    kinds = [(ts.firstgid, tileset_kinds(stage, ts)) for ts in art.tilesets]
    gids = [first + local for first, table in kinds for local, kind in table.items() if "bridge" in kind]
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
