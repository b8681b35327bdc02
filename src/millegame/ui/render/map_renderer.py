"""Draws a stage's map: tile layers baked once into chunk surfaces at the screen scale.

Blitting hundreds of small per-pixel-alpha tiles every frame is the slow path in
pygame (ARCHITECTURE.md, "Rendering notes"), so the tiles of each 8×8-tile chunk are
blitted once at their native size, box-filtered down to the camera's scale and kept as
one opaque surface: a frame then costs 10–40 large opaque blits.

A scale above 1.2 × the map's own (8 px/m: the closest zooms, 11–35 px/m by window
size) is baked from the tilesets' HD art (``TilesetArt.hd_path``, 16 px/m) when they have it,
so it is filtered down or only a little up, never blown up from 8 px/m; a tileset
without HD art is enlarged to match, pixel for pixel. Layers flagged
``above_cars`` (bridges, canopies) go into separate premultiplied-alpha chunks drawn
after the cars; most chunks have none.

Chunks are baked lazily (the ones on screen at once, a few around them per frame
ahead of need) and kept in an LRU cache, so a map of any size costs bounded memory.
A stage without art (built in code) is drawn from its surface grid instead.

The ground is tinted at bake time by a smooth noise in world metres
(``ground_variation``): lusher and drier patches tens of metres across, so fields and
groves laid out on the 4-m tile grid do not all read the same shade, and a fine grain
that no tile repeats.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pygame

from millegame.core.stage import Stage, TileLayerArt, TilesetArt
from millegame.core.surfaces import SURFACE_RGB, map_rgb
from millegame.levels.tmx import png_size, png_size_ok
from millegame.ui.render.camera import Camera
from millegame.ui.render.ground_edges import WARP_M, natural_classes, warp_edges
from millegame.ui.render.road_art import RoadArt

# 8 × 8 tiles (32 m): a chunk baked from the HD art is 512 px a side, a few milliseconds
# (16 × 16 tiles took 2-3 times as long per chunk, a hitch in the frame that bakes it).
CHUNK_TILES = 8
HD_ABOVE = 1.2  # scales above this many times the map's own are baked from the HD art
VARIATION_CELL_M = (36.0, 11.0)  # lattice spacing of the two noise octaves [m]
VARIATION_DARK = 0.12  # the lushest patches are this much darker…
VARIATION_DRY = (0.0, 0.05, 0.15)  # …the driest lose this much of green and blue (yellower)
VARIATION_GRAIN_CELL_M = 1.7  # the lattice of the fine grain: clumps of grass, worn patches [m]
# Shares of the three octaves in the lushness (sum 1: the ground's mean shade is the same
# whatever their mix): patches tens of metres across, ten metres, and the fine grain.
VARIATION_MIX = (0.55, 0.2, 0.25)
VARIATION_STEP_PX = 8  # one sample of the tint per this many pixels of the map's own art (1 m)
FALLBACK_CHUNK_M = 64.0
MAX_CHUNKS = 640  # ≈ 65 MB at 160×160×4 bytes (map_levels sets each level's own)
BAND_PIXELS = 40_000  # pixels of road shading per step of a chunk's bake
OBJECT_STEP_S = 0.001  # tile objects are painted for about this long per step of a chunk's bake
MAX_SPARE = 6  # spare surfaces kept per zoom level
MAX_NATIVES = 32  # chunks' tiles kept at the art's scale for the other zoom levels (1 MB each from HD art)
STILL_MPS = 0.3  # a camera slower than this bakes ahead all round (``visible``)…
AHEAD_SIDE = 0.2  # …a moving one a chunk on the sides its heading has this much of (a sine)…
AHEAD_PAD = 0.08  # …and this share of the view on the others

ChunkKey = tuple[int, int]
# A chunk's tiles with the ground's tint at an art scale, before scaling to a level, by
# (art scale, i, j): shared by the zoom levels of a map, which bake the same chunks.
Natives = OrderedDict[tuple[int, int, int], pygame.Surface]
# Called on every freshly baked ground chunk: (key, surface, its world-px rect) — paints
# what the bake does not know about (colour grading for dusk or rain, skid marks).
ChunkHook = Callable[[ChunkKey, pygame.Surface, pygame.Rect], None]


FLIP_H, FLIP_V, FLIP_D = 4, 2, 1  # TileLayerArt.flips: gid bits 31, 30, 29 shifted down


def _lattice_noise(x_m: np.ndarray, y_m: np.ndarray, cell_m: float, seed: int) -> np.ndarray:
    """Smooth value noise in [0, 1] at world points [m]: hashed values on a square
    lattice of ``cell_m``, blended with smoothstep (deterministic, seamless)."""
    gx, gy = x_m / cell_m, y_m / cell_m
    x0, y0 = np.floor(gx).astype(np.int64), np.floor(gy).astype(np.int64)
    fx, fy = gx - x0, gy - y0
    sx, sy = fx * fx * (3 - 2 * fx), fy * fy * (3 - 2 * fy)

    def value(ix: np.ndarray, iy: np.ndarray) -> np.ndarray:
        h = (ix * 374761393 + iy * 668265263 + seed * 2147483647) & 0xFFFFFFFF
        h = ((h ^ (h >> 13)) * 1274126177) & 0xFFFFFFFF
        return (h & 0xFFFF) / 65535.0

    top = value(x0, y0) * (1 - sx) + value(x0 + 1, y0) * sx
    bottom = value(x0, y0 + 1) * (1 - sx) + value(x0 + 1, y0 + 1) * sx
    return top * (1 - sy) + bottom * sy


def ground_variation(x_m: np.ndarray, y_m: np.ndarray) -> np.ndarray:
    """RGB multipliers ≤ 1 at world points [m] (shape + (3,)): patches tens of metres
    across that are a little lusher (darker) or drier (yellower), and a fine grain a
    metre or two across that no tile repeats (the tiles' own texture is faint)."""
    big, small = VARIATION_CELL_M
    a, b, c = VARIATION_MIX
    lush = (
        a * _lattice_noise(x_m, y_m, big, 1)
        + b * _lattice_noise(x_m, y_m, small, 2)
        + c * _lattice_noise(x_m, y_m, VARIATION_GRAIN_CELL_M, 4)
    )
    dry = _lattice_noise(x_m, y_m, big * 1.3, 3)
    return (1.0 - VARIATION_DARK * lush)[..., None] * (1.0 - np.array(VARIATION_DRY) * dry[..., None])


def _display_ready() -> bool:
    return pygame.display.get_init() and pygame.display.get_surface() is not None


def _load_png(path: str) -> pygame.Surface:
    size = png_size(Path(path))  # from its header: a PNG bomb is never decoded
    if size is None or not png_size_ok(*size):
        raise pygame.error(f"{path}: not a PNG of a size that can be loaded")
    img = pygame.image.load(str(Path(path)))
    return img.convert_alpha() if _display_ready() else img


def art_scale(tilesets: tuple[TilesetArt, ...] | list[TilesetArt], art_px_per_m: float, px_per_m: float) -> int:
    """How many times the map's own resolution to bake a map at ``px_per_m`` from: 1 up
    to ``HD_ABOVE`` × the art's scale (enlarged that little, it does not look soft, and
    HD chunks cost four times the pixels), else the largest HD scale the tilesets have
    (no more than the scale asks for)."""
    best = max((ts.hd_scale for ts in tilesets if ts.hd_path is not None), default=1)
    if px_per_m <= art_px_per_m * HD_ABOVE or best <= 1:
        return 1
    return max(1, min(best, math.ceil(px_per_m / art_px_per_m - 1e-9)))


class TileAtlas:
    """gid → tile surface, loaded from the tilesets' images (missing files → None).

    ``scale`` > 1: the tiles at that many times their size, from a tileset's HD image
    when it has one of that scale, else its image enlarged (nearest pixel, so tiles
    keep their edges and do not bleed into their neighbours on the sheet)."""

    def __init__(self, tilesets: tuple[TilesetArt, ...], scale: int = 1) -> None:
        self.tilesets = sorted(tilesets, key=lambda t: t.firstgid)
        self.scale = scale
        self.images: dict[str, pygame.Surface | None] = {}
        self.tiles: dict[tuple[int, int], pygame.Surface | None] = {}
        self.arrays: dict[int, np.ndarray | None] = {}  # ``pixels``
        self.missing: list[str] = []
        for ts in self.tilesets:
            if ts.image_path in self.images:
                continue
            img = None
            if scale > 1 and ts.hd_path is not None and ts.hd_scale == scale:
                try:
                    img = _load_png(ts.hd_path)
                except (pygame.error, FileNotFoundError):
                    img = None  # gone since the stage loaded: the base image, enlarged
            if img is None:
                try:
                    img = _load_png(ts.image_path)
                except (pygame.error, FileNotFoundError):
                    self.images[ts.image_path] = None
                    self.missing.append(ts.image_path)
                    continue
                if scale > 1:
                    img = pygame.transform.scale_by(img, scale)
            self.images[ts.image_path] = img

    @property
    def ok(self) -> bool:
        return not self.missing

    def pixels(self, gid: int) -> np.ndarray | None:
        """A tile's pixels (surfarray order: x, y, rgb), unturned; kept (the soft ground edges
        read them for every chunk, at every zoom level that shares this atlas)."""
        if gid not in self.arrays:
            tile = self.tile(gid)
            self.arrays[gid] = pygame.surfarray.array3d(tile) if tile is not None else None
        return self.arrays[gid]

    def tile(self, gid: int, flips: int = 0) -> pygame.Surface | None:
        key = (gid, flips)
        if key in self.tiles:
            return self.tiles[key]
        surf = None
        ts = None
        for t in self.tilesets:
            if t.firstgid <= gid < t.firstgid + t.tilecount:
                ts = t
        if ts is not None and self.images.get(ts.image_path) is not None:
            image = self.images[ts.image_path]
            assert image is not None
            i = gid - ts.firstgid
            col, row = i % ts.columns, i // ts.columns
            k = self.scale
            rect = pygame.Rect(
                k * (ts.margin + col * (ts.tile_w + ts.spacing)),
                k * (ts.margin + row * (ts.tile_h + ts.spacing)),
                k * ts.tile_w,
                k * ts.tile_h,
            )
            if image.get_rect().contains(rect):
                surf = image.subsurface(rect)
                if flips:
                    surf = apply_flips(surf, flips)
        self.tiles[key] = surf
        return surf


def _turned(
    block: np.ndarray, flips: np.ndarray | None, any_turn: np.ndarray, row0: int, col0: int
) -> np.ndarray | None:
    """Flip bits for a block of cells (first cell at ``row0``, ``col0``): the map's own,
    or for a cell of an ``any_turn`` tile the map leaves unflipped, 0–7 from a hash of the
    cell (the same every bake, so neighbouring chunks agree)."""
    known = block < len(any_turn)
    turnable = np.zeros(block.shape, dtype=bool)
    turnable[known] = any_turn[block[known]]
    if not turnable.any():
        return flips
    r = np.arange(row0, row0 + block.shape[0], dtype=np.int64)[:, None]
    c = np.arange(col0, col0 + block.shape[1], dtype=np.int64)[None, :]
    h = ((c * 73856093) ^ (r * 19349663)) & 0xFFFFFFFF
    h = ((h ^ (h >> 13)) * 1274126177) & 0xFFFFFFFF
    pick = ((h >> 7) & 7).astype(np.uint8)
    own = flips if flips is not None else np.zeros(block.shape, dtype=np.uint8)
    return np.where(turnable & (own == 0), pick, own)


def apply_flips(tile: pygame.Surface, flips: int) -> pygame.Surface:
    """Tiled's flip flags: the anti-diagonal (transpose) first, then horizontal, vertical."""
    if flips & FLIP_D:
        tile = pygame.transform.flip(pygame.transform.rotate(tile, 90), False, True)  # transpose
    if flips & (FLIP_H | FLIP_V):
        tile = pygame.transform.flip(tile, bool(flips & FLIP_H), bool(flips & FLIP_V))
    return tile


class MapRenderer:
    """Ground and above-car layers of ``stage`` at ``camera.px_per_m``, chunked.

    ``atlases``: tile atlases by scale, shared between the renderers of one map (each
    zoom level has one) so the tileset images are loaded once per scale; ``natives``:
    the last chunks' tiles at the art's scale, shared alike, so a chunk baked at one
    level is only scaled (and its roads painted) at the next."""

    def __init__(
        self,
        stage: Stage,
        px_per_m: float,
        *,
        on_bake: ChunkHook | None = None,
        max_chunks: int = MAX_CHUNKS,
        atlases: dict[int, TileAtlas] | None = None,
        natives: Natives | None = None,
        wet: bool = False,
    ) -> None:
        self.stage = stage
        self.px_per_m = px_per_m
        self.on_bake = on_bake
        self.grade_above: Callable[[pygame.Surface], None] | None = None  # on the straight-alpha bake
        self.max_chunks = max_chunks
        self.natives = natives
        art = stage.art
        # Chunks are baked at ``scale`` × the map's own pixels (the HD art's, when zoomed in).
        self.scale = art_scale(art.tilesets, stage.px_per_m, px_per_m) if art is not None else 1
        self.atlas = None
        if art is not None:
            shared = atlases if atlases is not None else {}
            if self.scale not in shared:
                shared[self.scale] = TileAtlas(art.tilesets, self.scale)
            self.atlas = shared[self.scale]
        self.use_tiles = art is not None and self.atlas is not None and self.atlas.ok and bool(art.layers)
        if art is not None and self.use_tiles:
            self.background = art.background_rgb
            self.tile_w_m = art.tile_w_px / stage.px_per_m
            self.tile_h_m = art.tile_h_px / stage.px_per_m
            self.chunk_w_m = CHUNK_TILES * self.tile_w_m
            self.chunk_h_m = CHUNK_TILES * self.tile_h_m
            self.ground_layers = [layer for layer in art.layers if not layer.above_cars]
            self.above_layers = [layer for layer in art.layers if layer.above_cars]
            # The layer named "ground" (else the first): its natural ground gets soft edges
            # (ground_edges) before the layers above it are drawn.
            names = [layer.name for layer in self.ground_layers]
            self._ground_index = names.index("ground") if "ground" in names else 0
            self._classes = natural_classes(stage) if self.ground_layers else None
            # Tiles bigger than a cell hang up and right of their cell (Tiled's anchor):
            # bake a few extra cells around each chunk so they are not cut at its edge.
            big_w = max(ts.tile_w for ts in art.tilesets)
            big_h = max(ts.tile_h for ts in art.tilesets)
            self.extra_cols = max(0, math.ceil(big_w / art.tile_w_px) - 1)
            self.extra_rows = max(0, math.ceil(big_h / art.tile_h_px) - 1)
        else:
            self.background = SURFACE_RGB["grass"]
            self.chunk_w_m = self.chunk_h_m = FALLBACK_CHUNK_M
            self.ground_layers, self.above_layers = [], []
            self._grid_rgb = self._surface_colours()
            self._surface_rgb = np.array(
                [SURFACE_RGB.get(n, (128, 128, 128)) for n in stage.surfaces.names], dtype=np.int32
            )
        self.road_art: RoadArt | None = None
        if self.use_tiles and (stage.roads or (art is not None and art.objects)):
            self.road_art = RoadArt(stage, tile=self._object_tile, wet=wet)
        self.cols = max(1, math.ceil(stage.width_m / self.chunk_w_m))
        self.rows = max(1, math.ceil(stage.height_m / self.chunk_h_m))
        self._ground: OrderedDict[tuple[int, int], pygame.Surface] = OrderedDict()
        self._pending: tuple[ChunkKey, Iterator[pygame.Surface | None]] | None = None  # a chunk half baked
        self._spare: list[pygame.Surface] = []  # surfaces to reuse (``_surface``)
        self._above: dict[tuple[int, int], pygame.Surface | None] = {}

    def _object_tile(self, gid: int) -> pygame.Surface | None:
        assert self.atlas is not None
        return self.atlas.tile(gid)

    # ----------------------------------------------------------------- geometry
    def _edge_x(self, i: int) -> int:
        return round(i * self.chunk_w_m * self.px_per_m)

    def _edge_y(self, j: int) -> int:
        return round(j * self.chunk_h_m * self.px_per_m)

    def _chunk_rect(self, i: int, j: int) -> pygame.Rect:
        """The chunk's rectangle in world pixels (integer edges shared with neighbours)."""
        x0, y0 = self._edge_x(i), self._edge_y(j)
        return pygame.Rect(x0, y0, self._edge_x(i + 1) - x0, self._edge_y(j + 1) - y0)

    def visible(self, camera: Camera, margin: int = 0, *, ahead: bool = False) -> list[tuple[int, int]]:
        """Chunks on the screen of ``camera`` and ``margin`` chunks around it; when the
        camera is at another scale, the chunks that a screen at *this* renderer's scale
        around the same centre shows. ``ahead``: the margin only on the sides the camera
        moves towards (all round when it stands still), and ``AHEAD_PAD`` of the screen
        on the others (a zoom widening the view, the lead swinging)."""
        if camera.px_per_m == self.px_per_m:
            x0, y0, x1, y1 = camera.view_m()
        else:
            hw, hh = camera.screen_w / 2 / self.px_per_m, camera.screen_h / 2 / self.px_per_m
            x0, y0 = camera.centre_x_m - hw, camera.centre_y_m - hh
            x1, y1 = camera.centre_x_m + hw, camera.centre_y_m + hh
        before = after = (margin, margin)  # chunks added left and above, right and below
        speed = math.hypot(camera.vel_x, camera.vel_y)
        if ahead and margin and speed > STILL_MPS:
            px, py = AHEAD_PAD * (x1 - x0), AHEAD_PAD * (y1 - y0)
            x0, y0, x1, y1 = x0 - px, y0 - py, x1 + px, y1 + py
            vx, vy = camera.vel_x / speed, camera.vel_y / speed
            before = (margin if vx < -AHEAD_SIDE else 0, margin if vy < -AHEAD_SIDE else 0)
            after = (margin if vx > AHEAD_SIDE else 0, margin if vy > AHEAD_SIDE else 0)
        i0 = max(0, math.floor(x0 / self.chunk_w_m) - before[0])
        j0 = max(0, math.floor(y0 / self.chunk_h_m) - before[1])
        i1 = min(self.cols - 1, math.floor(x1 / self.chunk_w_m) + after[0])
        j1 = min(self.rows - 1, math.floor(y1 / self.chunk_h_m) + after[1])
        return [(i, j) for j in range(j0, j1 + 1) for i in range(i0, i1 + 1)]

    # ----------------------------------------------------------------- baking
    def _surface_colours(self) -> np.ndarray:
        return map_rgb(self.stage.surface, self.stage.solid, self.stage.surfaces).astype(np.int16)

    def _bake_fallback(self, i: int, j: int) -> pygame.Surface:
        rect = self._chunk_rect(i, j)
        xs = (np.arange(rect.left, rect.right) + 0.5) / self.px_per_m
        ys = (np.arange(rect.top, rect.bottom) + 0.5) / self.px_per_m
        cols = np.clip((xs / self.stage.cell_m).astype(np.intp), 0, self.stage.cols - 1)
        rows = np.clip((ys / self.stage.cell_m).astype(np.intp), 0, self.stage.rows - 1)
        rgb = self._grid_rgb[rows[:, None], cols[None, :]].astype(np.int32)
        if self.stage.roads:  # drawn roads: the colour of the surface the physics reads there
            gx, gy = np.meshgrid(xs, ys)
            road = self.stage.road_raster.surface_at(gx, gy)
            rgb = np.where((road >= 0)[..., None], self._surface_rgb[np.maximum(road, 0)], rgb)
        # A fixed per-pixel grain (a hash of the world pixel) so flat colours read as ground.
        px = np.arange(rect.left, rect.right, dtype=np.int64)[None, :]
        py = np.arange(rect.top, rect.bottom, dtype=np.int64)[:, None]
        grain = ((px * 73856093) ^ (py * 19349663)) % 13 - 6
        rgb = rgb + grain[..., None]
        outside = (xs[None, :] >= self.stage.width_m) | (ys[:, None] >= self.stage.height_m)
        rgb[outside] = self.background
        surf = pygame.surfarray.make_surface(np.clip(rgb, 0, 255).astype(np.uint8).transpose(1, 0, 2))
        return surf.convert() if _display_ready() else surf

    def _blit_layers(
        self, target: pygame.Surface, layers: list[TileLayerArt], i: int, j: int, *, turn: bool = False
    ) -> bool:
        """Blit the chunk's cells of ``layers``; ``turn``: natural-ground tiles
        (``MapArt.any_turn``) not flipped in the map are drawn in one of their 8 turns and
        mirror images, fixed per cell (a hash of its column and row)."""
        art = self.stage.art
        assert art is not None and self.atlas is not None
        tw, th = art.tile_w_px * self.scale, art.tile_h_px * self.scale
        c0, r0 = i * CHUNK_TILES, j * CHUNK_TILES
        drew = False
        for layer in layers:
            gids = layer.gids
            rows, cols = gids.shape
            rs = slice(max(0, r0), min(rows, r0 + CHUNK_TILES + self.extra_rows))
            cs = slice(max(0, c0 - self.extra_cols), min(cols, c0 + CHUNK_TILES))
            block = gids[rs, cs]
            if not block.any():
                continue
            flips = layer.flips[rs, cs] if layer.flips is not None else None
            if turn and art.any_turn is not None:
                flips = _turned(block, flips, art.any_turn, rs.start, cs.start)
            seq = []
            for (dr, dc), gid in np.ndenumerate(block):
                if gid == 0:
                    continue
                tile = self.atlas.tile(int(gid), int(flips[dr, dc]) if flips is not None else 0)
                if tile is None:
                    continue
                r, c = rs.start + dr, cs.start + dc
                # Tiled anchors a tile at its cell's bottom-left corner.
                seq.append((tile, ((c - c0) * tw, (r - r0 + 1) * th - tile.get_height())))
            if seq:
                target.fblits(seq)
                drew = True
        return drew

    def _bake_ground(self, i: int, j: int) -> pygame.Surface:
        """The whole chunk at once."""
        for surf in self._bake_steps(i, j):
            if surf is not None:
                return surf
        raise AssertionError("a bake ends with its chunk")  # pragma: no cover

    def _bake_steps(self, i: int, j: int) -> Iterator[pygame.Surface | None]:
        """Bake a ground chunk in steps of a millisecond or two each (None between steps,
        the chunk last), so that baking ahead can spread a chunk over several frames:
        the tiles at the art's scale and the ground's tint; that scaled to the level;
        the roads, shaded at the level's scale (sharp at any zoom); the tile objects, a
        batch at a time."""
        if not self.use_tiles:
            yield self._bake_fallback(i, j)
            return
        art = self.stage.art
        assert art is not None
        shared = self.natives.get((self.scale, i, j)) if self.natives is not None else None
        if shared is not None:  # another zoom level baked these tiles a moment ago
            native = shared
            self.natives.move_to_end((self.scale, i, j))  # type: ignore[union-attr]
        else:
            native = self._surface(self.native_size())
            native.fill(self.background)
            g = self._ground_index
            self._blit_layers(native, self.ground_layers[: g + 1], i, j, turn=True)
            if self._classes is not None:
                yield None
                self._soften_edges(native, i, j)  # before the decor drawn over the ground
            self._blit_layers(native, self.ground_layers[g + 1 :], i, j, turn=True)
            yield None
            self._vary(native, i, j)  # the ground only: drawn roads and scenery keep their colours
            yield None
        rect = self._chunk_rect(i, j)
        surf = pygame.transform.smoothscale(native, rect.size, self._surface(rect.size))
        if self.natives is None:
            self._spare.append(native)
        elif shared is None:
            self.natives[(self.scale, i, j)] = native
            while len(self.natives) > MAX_NATIVES:
                self._spare.append(self.natives.popitem(last=False)[1])
        if self.road_art is not None:
            # The chunk's pixels start at its rounded world-px edge: exactly that point in metres.
            x0, y0, ppm = rect.x / self.px_per_m, rect.y / self.px_per_m, self.px_per_m
            band = max(32, BAND_PIXELS // max(1, rect.width))
            for a in range(0, rect.height, band):
                yield None
                self.road_art.paint_roads(surf, x0, y0, ppm, rows=(a, a + band))
            objects = self.road_art.objects_in(surf, x0, y0, ppm)
            k = 0
            while k < len(objects):
                yield None
                # One at a time until the step has taken its time: an object whose image is
                # not made yet at this scale costs a smoothscale and a turn (a house at
                # 1920×1080 up to 2.5 ms; five of them at once made a step of 12 ms).
                began = time.perf_counter()
                while k < len(objects) and time.perf_counter() - began < OBJECT_STEP_S:
                    self.road_art.paint_objects(surf, x0, y0, ppm, objects[k : k + 1])
                    k += 1
        yield surf

    def _soften_edges(self, native: pygame.Surface, i: int, j: int) -> None:
        """``ground_edges.warp_edges`` on the chunk's ground layer (at the art's scale)."""
        art = self.stage.art
        assert art is not None and self._classes is not None and self.atlas is not None
        gids = self.ground_layers[self._ground_index].gids
        rows, cols = gids.shape
        cell_px = art.tile_w_px * self.scale
        margin = 1 + math.ceil(WARP_M / self.tile_w_m)
        r0, c0 = j * CHUNK_TILES, i * CHUNK_TILES
        rb, cb = max(0, r0 - margin), max(0, c0 - self.extra_cols - margin)
        re, ce = min(rows, r0 + CHUNK_TILES + self.extra_rows + margin), min(cols, c0 + CHUNK_TILES + margin)
        block = gids[rb:re, cb:ce]
        pixels = pygame.surfarray.pixels3d(native)
        try:
            warp_edges(
                pixels, block.astype(np.int64), self._classes, (rb, cb), (r0, c0), cell_px,
                cell_px / self.tile_w_m, self.atlas.pixels, _lattice_noise,
            )  # fmt: skip
        finally:
            del pixels  # unlocks the surface

    def _vary(self, native: pygame.Surface, i: int, j: int) -> None:
        """Multiply a chunk (at the art's scale) by ``ground_variation``, sampled every
        ``VARIATION_STEP_PX`` pixels and smoothed up. It covers everything, roads too
        (worn and dusty patches): a mask would put hard tint edges on the tile grid."""
        w, h = native.get_size()
        step = VARIATION_STEP_PX * self.scale
        ppm = w / self.chunk_w_m
        xs = i * self.chunk_w_m + (np.arange(w // step) + 0.5) * step / ppm
        ys = j * self.chunk_h_m + (np.arange(h // step) + 0.5) * step / ppm
        gx, gy = np.meshgrid(xs, ys)
        tint = ground_variation(gx, gy)
        small = pygame.surfarray.make_surface((tint * 255.0).round().astype(np.uint8).transpose(1, 0, 2))
        native.blit(pygame.transform.smoothscale(small, (w, h)), (0, 0), special_flags=pygame.BLEND_RGB_MULT)

    def _bake_above(self, i: int, j: int) -> pygame.Surface | None:
        if not self.above_layers:
            return None
        art = self.stage.art
        assert art is not None
        native = pygame.Surface(self.native_size(), pygame.SRCALPHA)
        if not self._blit_layers(native, self.above_layers, i, j):
            return None
        if self.grade_above is not None:
            self.grade_above(native)
        # Premultiply before filtering so edges do not pick up the transparent black.
        native = native.premul_alpha()
        full = pygame.transform.smoothscale(native, self._chunk_rect(i, j).size)
        # Only the part with something in it (its offset in the chunk: ``get_offset``):
        # a bridge across one corner of a big chunk then costs its own pixels per frame.
        bounds = full.get_bounding_rect()
        return full.subsurface(bounds) if bounds.width and bounds.height else None

    def native_size(self) -> tuple[int, int]:
        """A chunk's size in the pixels it is baked at, before scaling to the camera."""
        art = self.stage.art
        assert art is not None
        return (CHUNK_TILES * art.tile_w_px * self.scale, CHUNK_TILES * art.tile_h_px * self.scale)

    def chunk_rect(self, key: ChunkKey) -> pygame.Rect:
        return self._chunk_rect(*key)

    def chunk_of(self, x_m: float, y_m: float) -> ChunkKey:
        return (math.floor(x_m / self.chunk_w_m), math.floor(y_m / self.chunk_h_m))

    def cached(self, key: ChunkKey) -> pygame.Surface | None:
        """The baked ground chunk if it is in the cache (no baking)."""
        return self._ground.get(key)

    def _surface(self, size: tuple[int, int]) -> pygame.Surface:
        """An opaque surface in the display's format: a spare one of that size (a chunk
        pushed out of the cache, a used tile buffer) when there is one. Reusing them keeps
        a bake from touching fresh memory, which on a busy machine cost 10-25 ms a chunk
        at 1920×1080 (page faults), ten times the scaling itself."""
        for k in range(len(self._spare) - 1, -1, -1):
            if self._spare[k].get_size() == size:
                return self._spare.pop(k)
        display = pygame.display.get_surface() if pygame.display.get_init() else None
        # Rows of an odd number of pixels: SDL copies rows whose pitch is a multiple of
        # 8 bytes with MMX moves when the frame's are not 16-byte aligned (a chunk blitted
        # at any pixel), a third of the speed of the C library's copy that it uses else.
        w, h = size
        padded = (w + 1 - w % 2, h)
        if display is not None:  # the display's format, without a second copy by ``convert``
            return pygame.Surface(padded, 0, display).subsurface((0, 0, w, h))
        return pygame.Surface(padded).subsurface((0, 0, w, h))

    def clear(self) -> None:
        """Forget every baked chunk (memory of a zoom level out of use)."""
        self._ground.clear()
        self._spare.clear()
        self._pending = None
        self._above.clear()

    @property
    def baked(self) -> int:
        return len(self._ground)

    def ground_chunk(self, key: tuple[int, int]) -> pygame.Surface:
        surf = self._ground.get(key)
        if surf is None:
            if self._pending is not None and self._pending[0] == key:  # being baked ahead: finish it
                surf = next(s for s in self._pending[1] if s is not None)
                self._pending = None
            else:
                surf = self._bake_ground(*key)
            self._store(key, surf)
        else:
            self._ground.move_to_end(key)
        return surf

    def _store(self, key: ChunkKey, surf: pygame.Surface) -> None:
        if self.on_bake is not None:
            self.on_bake(key, surf, self._chunk_rect(*key))
        self._ground[key] = surf
        if len(self._ground) > self.max_chunks:
            old, gone = self._ground.popitem(last=False)
            self._above.pop(old, None)
            if len(self._spare) < MAX_SPARE:
                self._spare.append(gone)

    def unbaked(self, camera: Camera, margin: int = 0, *, ahead: bool = False) -> int:
        """How many chunks on the screen of ``camera`` (and ``margin`` around it, as
        ``visible``) are not baked: ground chunks and layers over the cars (0 for the
        screen: drawing it bakes nothing)."""
        return sum(
            (key not in self._ground) + (bool(self.above_layers) and key not in self._above)
            for key in self.visible(camera, margin, ahead=ahead)
        )

    def bake_step(self, camera: Camera, *, margin: int = 1) -> bool:
        """One step (``_bake_steps``) of baking the chunks on the screen of ``camera``, then
        those just off it where it is heading (``visible``); False when they are all
        baked. A chunk is kept only once whole, so the frames never show a half-baked one."""
        if self._pending is None:
            todo = None
            for m in (0, margin) if margin else (0,):
                keys = self.visible(camera, margin=m, ahead=True)
                todo = next((k for k in keys if k not in self._ground), None)
                if todo is not None:
                    break
                # The layer over the cars (bridges, canopies) of these chunks before the next
                # ring's ground: one not baked yet is baked whole when drawn (12 ms seen).
                above = next((k for k in keys if k not in self._above), None) if self.above_layers else None
                if above is not None:
                    self.above_chunk(above)
                    return True
            if todo is None:
                return False
            self._pending = (todo, self._bake_steps(*todo))
        key, steps = self._pending
        surf = next(steps)
        if surf is not None:
            self._pending = None
            self._store(key, surf)
        return True

    def above_chunk(self, key: tuple[int, int]) -> pygame.Surface | None:
        if key not in self._above:
            self._above[key] = self._bake_above(*key)
        return self._above[key]

    def prefetch(self, camera: Camera, budget: int = 1, *, margin: int = 1) -> int:
        """Bake up to ``budget`` not-yet-baked chunks on or just off the screen (as the
        camera would see it at this renderer's scale); returns how many. A chunk's
        ground and its above-cars layer count as two, so one frame bakes only one of
        them (each costs a millisecond or two at the closest zoom)."""
        done = 0
        for key in self.visible(camera, margin=margin):
            if done >= budget:
                break
            if key not in self._ground:
                self.ground_chunk(key)
                done += 1
            if done < budget and key not in self._above:
                self.above_chunk(key)
                done += 1 if self.above_layers else 0
        return done

    # ----------------------------------------------------------------- drawing
    def draw_ground(self, target: pygame.Surface, camera: Camera) -> None:
        ox, oy = camera.origin_px
        w, h = target.get_size()
        # Only where the view goes past the map's edge: a whole-frame fill under the
        # chunks cost more than the fill (the frame written twice, the chunks pushed out
        # of the cache: 1.3 ms instead of 0.4 at 1920×1080).
        world = pygame.Rect(-ox, -oy, self._edge_x(self.cols), self._edge_y(self.rows)).clip(0, 0, w, h)
        if not world.width or not world.height:
            target.fill(self.background)
        elif world.size != (w, h):
            for strip in (
                (0, 0, w, world.top), (0, world.bottom, w, h - world.bottom),
                (0, world.top, world.left, world.height), (world.right, world.top, w - world.right, world.height),
            ):  # fmt: skip
                if strip[2] > 0 and strip[3] > 0:
                    target.fill(self.background, strip)
        seq = []
        for key in self.visible(camera):
            rect = self._chunk_rect(*key)
            seq.append((self.ground_chunk(key), (rect.x - ox, rect.y - oy)))
        target.fblits(seq)

    def draw_above(self, target: pygame.Surface, camera: Camera) -> None:
        if not self.above_layers:
            return
        ox, oy = camera.origin_px
        for key in self.visible(camera):
            surf = self.above_chunk(key)
            if surf is not None:
                rect = self._chunk_rect(*key)
                dx, dy = surf.get_offset()
                target.blit(surf, (rect.x - ox + dx, rect.y - oy + dy), special_flags=pygame.BLEND_PREMULTIPLIED)
