"""Drawing roads drawn as geometry (``core.roads``) and free tile objects into map chunks.

Each road piece is drawn as the same shape the physics reads: every point within
``width_m / 2`` of its smoothed centre line (shapely's buffer of it, round at the road's
free ends, flat where two pieces of the chain meet, so the two surfaces split on the line
square to the road, as the physics splits them). Side roads go down first, then the
route, so a side road never paints over the main road — the physics ranks them the same
way. A surface is filled with the tileset's tile of the same ``kind`` (asphalt, cobbles,
gravel …), so drawn roads look like the painted ones, or a flat colour without a tileset.

Edges: ``verge`` a soft worn strip of the ground's colour, ``kerb`` white-and-grey kerb
stones, ``wall`` a stone wall (solid in the physics too), ``none`` nothing.

Everything here works in the chunk's own pixels at the map's native scale
(``stage.px_per_m``); the map renderer then scales the chunk to the camera.
"""

from __future__ import annotations

import math

import numpy as np
import pygame
import shapely
from numpy.typing import NDArray
from shapely.ops import substring

from millegame.core.roads import RoadPiece
from millegame.core.stage import Stage, TileObjectArt
from millegame.core.surfaces import SURFACE_RGB

KERB_RGB = ((236, 232, 220), (120, 118, 112))
WALL_RGB = (196, 176, 146)
WALL_SHADOW_RGB = (120, 104, 84)
VERGE_DARKEN = 0.82
KERB_W_M = 0.45
KERB_STONE_M = 1.0
WALL_W_M = 0.6


class RoadArt:
    """The stage's road polygons and tile objects, ready to paint into any chunk."""

    def __init__(self, stage: Stage, textures: dict[str, pygame.Surface | None], tile: object = None) -> None:
        self.stage = stage
        self.textures = textures
        self.tile = tile  # gid -> pygame.Surface | None (the map renderer's atlas)
        order = sorted(range(len(stage.roads)), key=lambda k: stage.roads[k].on_route)  # side roads first
        self.pieces = [stage.roads[k] for k in order]
        self.ribbons = [_ribbon(p, stage.roads) for p in self.pieces]
        self.bounds = np.array([r.bounds if not r.is_empty else (0, 0, 0, 0) for r in self.ribbons]).reshape(-1, 4)
        objs = stage.art.objects if stage.art is not None else ()
        self.objects: tuple[TileObjectArt, ...] = objs
        self.object_bounds = np.array([_object_bounds(o) for o in objs]).reshape(-1, 4)

    def paint(self, target: pygame.Surface, x0_m: float, y0_m: float, px_per_m: float) -> None:
        """Paint roads, then tile objects, into ``target`` whose top-left is (x0_m, y0_m)."""
        w, h = target.get_size()
        box = (x0_m, y0_m, x0_m + w / px_per_m, y0_m + h / px_per_m)
        near = _overlapping(self.bounds, box, margin=2.0)
        # Verges and walls of every piece first, so none of them paints over another road.
        for k in near:
            self._paint_edges(target, k, box, px_per_m)
        for k in near:
            self._paint_piece(target, k, box, px_per_m)
        for k in _overlapping(self.object_bounds, box, margin=0.0):
            self._paint_object(target, self.objects[k], box, px_per_m)

    # -------------------------------------------------------------------- roads
    def _paint_edges(self, target: pygame.Surface, k: int, box: tuple[float, ...], s: float) -> None:
        piece, ribbon = self.pieces[k], self.ribbons[k]
        x0, y0 = box[0], box[1]
        clip = shapely.box(*box).buffer(2.0)
        if piece.edge == "verge":
            verge = ribbon.buffer(1.2).intersection(clip)
            _fill(target, verge, x0, y0, s, None, (0, 0, 0), alpha=int(255 * (1 - VERGE_DARKEN)))
        elif piece.edge == "wall":
            wall = ribbon.buffer(0.5 + WALL_W_M).difference(ribbon.buffer(0.5)).intersection(clip)
            _fill(target, wall.buffer(0.25).difference(ribbon), x0, y0, s, None, WALL_SHADOW_RGB)
            _fill(target, wall, x0, y0, s, None, WALL_RGB)

    def _paint_piece(self, target: pygame.Surface, k: int, box: tuple[float, ...], s: float) -> None:
        piece, ribbon = self.pieces[k], self.ribbons[k]
        x0, y0 = box[0], box[1]
        clip = shapely.box(*box).buffer(2.0)
        area = ribbon.intersection(clip)
        rgb = SURFACE_RGB.get(piece.surface_name, (110, 110, 110))
        _fill(target, area, x0, y0, s, self.textures.get(piece.surface_name), rgb)
        if piece.edge == "kerb":
            self._kerbs(target, piece, clip, x0, y0, s)

    def _kerbs(
        self, target: pygame.Surface, piece: RoadPiece, clip: shapely.Geometry, x0: float, y0: float, s: float
    ) -> None:
        line = shapely.LineString(piece.centre)
        for side in (1.0, -1.0):
            edge = line.offset_curve(side * (piece.width_m / 2 - KERB_W_M / 2))
            if edge.is_empty or not edge.intersects(clip):
                continue
            n = max(1, int(edge.length / KERB_STONE_M))
            for i in range(n):
                a = substring(edge, i * KERB_STONE_M, (i + 1) * KERB_STONE_M)
                if a.is_empty or not a.intersects(clip):
                    continue
                stone = a.buffer(KERB_W_M / 2, cap_style="flat")
                _fill(target, stone, x0, y0, s, None, KERB_RGB[i % 2])

    # -------------------------------------------------------------------- objects
    def _paint_object(self, target: pygame.Surface, o: TileObjectArt, box: tuple[float, ...], s: float) -> None:
        tile = self.tile(o.gid) if callable(self.tile) else None
        if tile is None:
            return
        w, h = max(1, round(o.w_m * s)), max(1, round(o.h_m * s))
        img = tile if tile.get_size() == (w, h) else pygame.transform.smoothscale(tile, (w, h))
        if o.rotation_deg:
            img = pygame.transform.rotate(img, -o.rotation_deg)
        t = math.radians(o.rotation_deg)
        # The object's centre: its bottom-left anchor plus the rotated half-size (w/2, -h/2).
        cx = o.x_m + math.cos(t) * o.w_m / 2 + math.sin(t) * o.h_m / 2
        cy = o.y_m + math.sin(t) * o.w_m / 2 - math.cos(t) * o.h_m / 2
        px = (cx - box[0]) * s - img.get_width() / 2
        py = (cy - box[1]) * s - img.get_height() / 2
        target.blit(img, (round(px), round(py)))


def _ribbon(piece: RoadPiece, pieces: tuple[RoadPiece, ...]) -> shapely.Geometry:
    """The piece's road area: round at free ends, flat where it meets the next or previous
    piece of the chain (their end and start coincide)."""
    line = shapely.LineString(piece.centre)
    flat = line.buffer(piece.width_m / 2, cap_style="flat", quad_segs=12)
    r = piece.width_m / 2
    for end in (piece.centre[0], piece.centre[-1]):
        joined = piece.on_route and any(
            q is not piece and q.on_route and (np.allclose(q.centre[0], end) or np.allclose(q.centre[-1], end))
            for q in pieces
        )
        if not joined:
            flat = flat.union(shapely.Point(end).buffer(r, quad_segs=12))
    return flat


def _object_bounds(o: TileObjectArt) -> tuple[float, float, float, float]:
    r = math.hypot(o.w_m, o.h_m)  # a loose box: the object turns about its corner
    return (o.x_m - r, o.y_m - r, o.x_m + r, o.y_m + r)


def _overlapping(bounds: NDArray[np.float64], box: tuple[float, ...], margin: float) -> list[int]:
    if not len(bounds):
        return []
    hit = (
        (bounds[:, 0] <= box[2] + margin)
        & (bounds[:, 2] >= box[0] - margin)
        & (bounds[:, 1] <= box[3] + margin)
        & (bounds[:, 3] >= box[1] - margin)
    )
    return np.flatnonzero(hit).tolist()


def _rings(geom: shapely.Geometry) -> list[tuple[NDArray[np.float64], list[NDArray[np.float64]]]]:
    out = []
    for poly in getattr(geom, "geoms", [geom]):
        if poly.is_empty or poly.geom_type != "Polygon":
            continue
        out.append((np.asarray(poly.exterior.coords), [np.asarray(i.coords) for i in poly.interiors]))
    return out


def _fill(
    target: pygame.Surface,
    geom: shapely.Geometry,
    x0: float,
    y0: float,
    s: float,
    texture: pygame.Surface | None,
    rgb: tuple[int, int, int],
    alpha: int = 255,
) -> None:
    """Fill ``geom`` [m] into ``target`` with ``texture`` (tiled, in world alignment) or
    ``rgb``; holes are cut out. Polygon edges are drawn at the target's pixels."""
    rings = _rings(geom)
    if not rings:
        return
    w, h = target.get_size()
    mask = pygame.Surface((w, h), pygame.SRCALPHA)
    for outer, holes in rings:
        pygame.draw.polygon(mask, (255, 255, 255, 255), [((x - x0) * s, (y - y0) * s) for x, y in outer])
        for hole in holes:
            pygame.draw.polygon(mask, (0, 0, 0, 0), [((x - x0) * s, (y - y0) * s) for x, y in hole])
    layer = pygame.Surface((w, h), pygame.SRCALPHA)
    if texture is not None:
        tw, th = texture.get_size()
        ox, oy = -int(round(x0 * s)) % tw, -int(round(y0 * s)) % th  # world-aligned tiling
        layer.fblits([(texture, (x - ox, y - oy)) for y in range(0, h + th, th) for x in range(0, w + tw, tw)])
    else:
        layer.fill((*rgb, 255))
    if alpha < 255:
        layer.fill((255, 255, 255, alpha), special_flags=pygame.BLEND_RGBA_MULT)
    layer.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    target.blit(layer, (0, 0))
