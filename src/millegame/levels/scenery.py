"""Scenery placed freely: Tiled tile objects (Insert Tile) at any position, rotation and scale,
solid where their tile has a collision shape.

Tiled keeps a tile's collision shapes in its tileset (the tile collision editor writes an
``<objectgroup>`` inside the ``<tile>``: rectangles, ellipses, polygons, in the tile's pixels),
each with optional custom properties; ``material`` = ``hard`` | ``soft`` chooses how an
impact gives back (``core.stage.MATERIAL_*``). A tile object's (x, y) is the tile's
bottom-left corner, its rotation is about that corner in degrees clockwise, and its
width/height scale the tile (docs/levels.md, "Scenery"). pytmx reads neither ellipses nor
the shapes' properties reliably, so the shapes are read here from the tileset XML, which
``levels.tmx`` has already checked.

A tile with no collision shape is not solid as an object, unless the tileset marks it
``solid`` (then its whole rectangle is), so the old tiles keep their meaning.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from millegame.core.stage import MATERIAL_HARD, MATERIAL_SOFT, TileObjectArt
from millegame.levels.lines import as_bool
from millegame.levels.report import Report
from millegame.levels.tmx import TmxFile

FloatArray = NDArray[np.float64]

MATERIALS = {"hard": MATERIAL_HARD, "soft": MATERIAL_SOFT}
ELLIPSE_SIDES = 16  # an ellipse becomes a polygon of this many sides (0.4 % short of its area)
MAX_SHAPES = 1 << 16  # collision shapes in all tilesets, and tile objects in the map


@dataclass(frozen=True)
class CollisionShape:
    """One collision outline of a tile, closed, in the tile's pixels (x right, y down)."""

    points: FloatArray  # (N, 2)
    material: int


@dataclass(frozen=True)
class TileInfo:
    """What a tile object needs from its tileset: the tile's size [px] and its shapes."""

    tile_w: int
    tile_h: int
    shapes: tuple[CollisionShape, ...]
    solid: bool


def tile_table(report: Report, tmx: TmxFile, gids: set[int]) -> dict[int, TileInfo]:
    """The tiles with shapes or ``solid`` of every tileset that holds one of ``gids`` (the
    tile objects' tiles), by Tiled gid. Tilesets no tile object uses are not read again."""
    table: dict[int, TileInfo] = {}
    count = 0
    refs = sorted(tmx.root.findall("tileset"), key=lambda r: int(r.get("firstgid", "1") or 1))
    starts = [int(r.get("firstgid", "1") or 1) for r in refs] + [1 << 62]
    for k, ref in enumerate(refs):
        if not any(starts[k] <= g < starts[k + 1] for g in gids):
            continue
        node = _tileset_node(tmx.path, ref)
        if node is None:
            continue
        firstgid = int(ref.get("firstgid", "1"))
        count += sum(len(t.findall("objectgroup/object")) for t in node.findall("tile"))
        if count > MAX_SHAPES:
            name = node.get("name", ref.get("source", "?"))
            report.error(f'tileset "{name}": more than {MAX_SHAPES} collision shapes in all — simplify the tiles')
            return table
        for local, info in tileset_tiles(report, node).items():
            table[firstgid + local] = info
    return table


def tileset_tiles(report: Report, node: ET.Element) -> dict[int, TileInfo]:
    """{local tile id: TileInfo} of one ``<tileset>`` element, for tiles with collision
    shapes or ``solid`` (also used by the stage generators in tools/ to keep scenery off roads)."""
    tw, th = int(node.get("tilewidth", "0")), int(node.get("tileheight", "0"))
    name = node.get("name", "?")
    out: dict[int, TileInfo] = {}
    for tile in node.findall("tile"):
        tid = tile.get("id", "")
        if not (tid.isascii() and tid.isdigit()):
            continue
        shapes = [_collision_shape(report, name, int(tid), obj) for obj in tile.findall("objectgroup/object")]
        solid = any(p.get("name") == "solid" and as_bool(p.get("value")) for p in tile.findall("properties/property"))
        kept = tuple(s for s in shapes if s is not None)
        if kept or solid:
            out[int(tid)] = TileInfo(tw, th, kept, solid)
    return out


def _tileset_node(map_path: Path, ref: ET.Element) -> ET.Element | None:
    source = ref.get("source")
    if not source:
        return ref
    try:
        return ET.parse((map_path.parent / source).resolve()).getroot()
    except (OSError, ET.ParseError, LookupError, ValueError):  # levels.tmx has reported it
        return None


def _collision_shape(report: Report, tileset: str, tid: int, obj: ET.Element) -> CollisionShape | None:
    where = f'tileset "{tileset}" tile {tid}'
    try:
        x, y = float(obj.get("x", "0")), float(obj.get("y", "0"))
        w, h = float(obj.get("width", "0")), float(obj.get("height", "0"))
        rot = float(obj.get("rotation", "0"))
    except ValueError:
        report.error(f"{where}: a collision shape has a coordinate that is not a number — redraw it")
        return None
    if not all(math.isfinite(v) and abs(v) < 1e6 for v in (x, y, w, h, rot)):
        report.error(f"{where}: a collision shape has a coordinate out of range — redraw it")
        return None
    material = "hard"
    for p in obj.findall("properties/property"):
        if p.get("name") == "material":
            material = str(p.get("value", "hard"))
    if material not in MATERIALS:
        report.error(
            f"{where}: collision shape material {material!r} is not hard or soft — set material to one of them"
        )
        return None
    poly = obj.find("polygon")
    if obj.find("ellipse") is not None:
        a = np.linspace(0.0, 2 * math.pi, ELLIPSE_SIDES, endpoint=False)
        pts = np.stack([x + w / 2 * (1 + np.cos(a)), y + h / 2 * (1 + np.sin(a))], axis=1)
    elif poly is not None:
        try:
            pairs = [[float(v) for v in pair.split(",")] for pair in (poly.get("points") or "").split()]
            pts = np.array(pairs, dtype=np.float64).reshape(-1, 2) + np.array([x, y])
        except ValueError:
            report.error(f"{where}: a collision polygon's points are not numbers — redraw it")
            return None
        if len(pts) < 3 or not np.isfinite(pts).all():
            report.error(f"{where}: a collision polygon needs at least 3 points — redraw it")
            return None
    elif obj.find("polyline") is not None or obj.find("point") is not None or w <= 0 or h <= 0:
        return None  # lines and points enclose nothing; Tiled's other uses of a tile's objects
    else:
        pts = np.array([[x, y], [x + w, y], [x + w, y + h], [x, y + h]], dtype=np.float64)
    if rot:
        pts = _rotate(pts, (x, y), rot)
    return CollisionShape(pts, MATERIALS[material])


def _rotate(points: FloatArray, origin: tuple[float, float], degrees: float) -> FloatArray:
    t = math.radians(degrees)
    c, s = math.cos(t), math.sin(t)
    d = points - origin
    return np.stack([origin[0] + c * d[:, 0] - s * d[:, 1], origin[1] + s * d[:, 0] + c * d[:, 1]], axis=1)


def tile_objects(report: Report, tmx: TmxFile, px_per_m: float) -> tuple[TileObjectArt, ...]:
    """Every tile object of the map's object layers, in metres, in file order."""
    tiled = tmx.tiled
    out: list[TileObjectArt] = []
    for obj, offset in _tile_object_nodes(tmx):
        if len(out) >= MAX_SHAPES:
            report.error(f"more than {MAX_SHAPES} tile objects — merge scenery into larger tiles")
            break
        try:
            gid = int(obj.get("gid", "0")) & 0x1FFFFFFF
            x, y = float(obj.get("x", "0")), float(obj.get("y", "0"))
            w, h = float(obj.get("width", "0") or 0), float(obj.get("height", "0") or 0)
            rot = float(obj.get("rotation", "0") or 0)
        except ValueError:
            continue  # read_shapes reports objects whose numbers are not numbers
        if not all(math.isfinite(v) for v in (x, y, w, h, rot)) or gid <= 0:
            continue
        tw, th = tile_size(tiled, gid)
        out.append(
            TileObjectArt(
                gid=gid,
                x_m=(x + offset[0]) / px_per_m,
                y_m=(y + offset[1]) / px_per_m,
                w_m=(w or tw) / px_per_m,
                h_m=(h or th) / px_per_m,
                rotation_deg=rot,
                object_id=int(obj.get("id", "0") or 0),
            )
        )
    return tuple(out)


def _tile_object_nodes(tmx: TmxFile) -> list[tuple[ET.Element, tuple[float, float]]]:
    """Tile objects (objects with a gid) of map-level object layers, with the layer offset [px]."""
    found: list[tuple[ET.Element, tuple[float, float]]] = []
    # Depth first in file order (the drawing order), with a stack: groups nest without limit.
    todo: list[tuple[Iterator[ET.Element], float, float]] = [(iter(tmx.root), 0.0, 0.0)]
    while todo:
        children, ox, oy = todo[-1]
        child = next(children, None)
        if child is None:
            todo.pop()
            continue
        if child.tag not in ("objectgroup", "group"):
            continue
        try:
            dx, dy = float(child.get("offsetx", "0")), float(child.get("offsety", "0"))
        except ValueError:
            dx = dy = 0.0
        if child.tag == "group":
            todo.append((iter(child), ox + dx, oy + dy))
        else:
            found.extend((obj, (ox + dx, oy + dy)) for obj in child.findall("object") if obj.get("gid"))
    return found


def tile_size(tiled: Any, gid: int) -> tuple[int, int]:
    """The pixel size of tile ``gid`` (its tileset's tile size)."""
    best = None
    for ts in tiled.tilesets:
        if int(ts.firstgid) <= gid and (best is None or int(ts.firstgid) > int(best.firstgid)):
            best = ts
    return (int(best.tilewidth), int(best.tileheight)) if best is not None else (0, 0)


def outlines_of(group: list[TileObjectArt], info: TileInfo) -> list[tuple[FloatArray, FloatArray, int]]:
    """The collision outlines of tile objects of one tile, all at once (a stage has hundreds
    of trees): per shape, x and y [m] of shape (objects, points) and the shape's material."""
    if info.tile_w <= 0 or info.tile_h <= 0 or not group:
        return []
    x, y, w, h, rot = (np.array(v, dtype=np.float64) for v in zip(
        *((o.x_m, o.y_m, o.w_m, o.h_m, o.rotation_deg) for o in group), strict=True))  # fmt: skip
    c, s = np.cos(np.radians(rot))[:, None], np.sin(np.radians(rot))[:, None]
    outlines = [(sh.points, sh.material) for sh in info.shapes]
    if not outlines and info.solid:
        full = np.array([[0, 0], [info.tile_w, 0], [info.tile_w, info.tile_h], [0, info.tile_h]], float)
        outlines = [(full, MATERIAL_HARD)]
    out = []
    for pts, material in outlines:
        # Tile pixels → metres with the anchor (bottom-left) at the origin, then rotate.
        u = pts[None, :, 0] * (w / info.tile_w)[:, None]  # (G, P)
        v = pts[None, :, 1] * (h / info.tile_h)[:, None] - h[:, None]
        out.append((x[:, None] + c * u - s * v, y[:, None] + s * u + c * v, material))
    return out


def object_outlines(o: TileObjectArt, info: TileInfo) -> list[tuple[FloatArray, int]]:
    """The collision outlines (closed, (N, 2) [m]) of one tile object and their materials."""
    return [(np.stack([wx[0], wy[0]], axis=1), material) for wx, wy, material in outlines_of([o], info)]


def scenery_walls(
    objects: tuple[TileObjectArt, ...], table: dict[int, TileInfo]
) -> tuple[FloatArray, NDArray[np.uint8]]:
    """The collision outlines of every tile object as wall segments (K, 4) [m] and materials."""
    segs, mats = [], []
    by_gid: dict[int, list[TileObjectArt]] = {}
    for o in objects:
        if o.gid in table:
            by_gid.setdefault(o.gid, []).append(o)
    for gid in sorted(by_gid):
        for wx, wy, material in outlines_of(by_gid[gid], table[gid]):
            nx, ny = np.roll(wx, -1, axis=1), np.roll(wy, -1, axis=1)  # each point to the next, closing the ring
            segs.append(np.stack([wx, wy, nx, ny], axis=2).reshape(-1, 4))
            mats.append(np.full(wx.size, material, dtype=np.uint8))
    if not segs:
        return np.zeros((0, 4)), np.zeros(0, dtype=np.uint8)
    return np.ascontiguousarray(np.concatenate(segs)), np.concatenate(mats)
