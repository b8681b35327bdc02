"""Small raster toolkit for the procedural tile art (used by ``make_tileset.py``).

Tiles are painted on a supersampled RGBA float canvas (``SS`` × the final size) and
box-filtered down at the end, which gives clean anti-aliased edges to the flat,
poster-style shapes without any anti-aliasing code. Shapes are rasterised with pygame
into masks; colours are composited in numpy so alpha blending is exact.

Two resolutions come out of one drawing: the HD art at ``HD`` × the map's 8 px/m (16 px/m,
what the game bakes its closest zooms from, so nothing is upscaled there) and the base art
at 8 px/m, one HD pixel block of ``HD`` × ``HD`` averaged, which Tiled shows on the map's
32 px grid. A tileset names its HD image in the property ``hd_image`` (docs/levels.md).

Everything is deterministic: randomness comes only from a seeded ``numpy`` Generator.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import numpy as np
import pygame
from numpy.typing import NDArray

TILE_PX = 32
SS = 4  # supersampling factor: shapes are drawn at 4x and averaged down
HD = 2  # the HD art's pixels per base pixel: 16 px/m over the map's 8 px/m
T = TILE_PX * SS  # one tile on the supersampled canvas [ss px]

Float = NDArray[np.float64]
Rgb = tuple[int, int, int]


def hex_rgb(code: str) -> Rgb:
    code = code.lstrip("#")
    return (int(code[0:2], 16), int(code[2:4], 16), int(code[4:6], 16))


def shade(rgb: Rgb, factor: float) -> Rgb:
    """Lighten (factor > 1) or darken (factor < 1) a colour, clamped to 0..255."""
    return tuple(max(0, min(255, round(c * factor))) for c in rgb)  # type: ignore[return-value]


def mix(a: Rgb, b: Rgb, t: float) -> Rgb:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


class Canvas:
    """An RGBA float image of ``w_tiles`` × ``h_tiles`` tiles at supersampled resolution.

    ``rgba`` is indexed ``[y, x, channel]`` with straight (not premultiplied) alpha in 0..1.
    Coordinates passed to the drawing methods are in *final* tile pixels (0..32 per
    tile), floats allowed; they are scaled by ``SS`` internally.
    """

    def __init__(self, w_tiles: int = 1, h_tiles: int = 1) -> None:
        self.w = w_tiles * T
        self.h = h_tiles * T
        self.rgba = np.zeros((self.h, self.w, 4), dtype=np.float64)

    # -- compositing -------------------------------------------------------------------
    def fill(self, rgb: Rgb, alpha: float = 1.0) -> Canvas:
        self.paint(np.ones((self.h, self.w)), rgb, alpha)
        return self

    def paint(self, coverage: Float, rgb: Rgb, alpha: float = 1.0) -> Canvas:
        """Composite colour ``rgb`` over the canvas where ``coverage`` (0..1, [y, x]) says."""
        a = np.clip(coverage, 0.0, 1.0) * alpha
        col = np.array(rgb, dtype=np.float64) / 255.0
        dst_a = self.rgba[..., 3]
        out_a = a + dst_a * (1.0 - a)
        with np.errstate(invalid="ignore", divide="ignore"):
            for ch in range(3):
                num = col[ch] * a + self.rgba[..., ch] * dst_a * (1.0 - a)
                self.rgba[..., ch] = np.where(out_a > 0, num / out_a, 0.0)
        self.rgba[..., 3] = out_a
        return self

    def paint_rgb(self, rgb_image: Float, coverage: Float) -> Canvas:
        """Composite a per-pixel colour image (``[y, x, 3]`` in 0..1) where ``coverage`` says."""
        a = np.clip(coverage, 0.0, 1.0)
        dst_a = self.rgba[..., 3]
        out_a = a + dst_a * (1.0 - a)
        with np.errstate(invalid="ignore", divide="ignore"):
            for ch in range(3):
                num = rgb_image[..., ch] * a + self.rgba[..., ch] * dst_a * (1.0 - a)
                self.rgba[..., ch] = np.where(out_a > 0, num / out_a, 0.0)
        self.rgba[..., 3] = out_a
        return self

    def blit(self, other: Canvas, dx_px: int = 0, dy_px: int = 0) -> Canvas:
        """Composite another canvas over this one at an offset in final px."""
        ox, oy = dx_px * SS, dy_px * SS
        h = min(other.h, self.h - oy)
        w = min(other.w, self.w - ox)
        sub = Canvas()
        sub.h, sub.w = h, w
        sub.rgba = self.rgba[oy : oy + h, ox : ox + w]
        sub.paint_rgb(other.rgba[:h, :w, :3], other.rgba[:h, :w, 3])
        return self

    # -- masks -------------------------------------------------------------------------
    def _mask(self, draw: object) -> Float:
        surf = pygame.Surface((self.w, self.h), depth=8)
        surf.set_palette([(i, i, i) for i in range(256)])
        surf.fill(0)
        draw(surf)  # type: ignore[operator]
        return pygame.surfarray.array2d(surf).T.astype(np.float64) / 255.0

    @staticmethod
    def _s(points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
        return [(x * SS, y * SS) for x, y in points]

    def poly_mask(self, points: Sequence[tuple[float, float]]) -> Float:
        pts = self._s(points)
        return self._mask(lambda s: pygame.draw.polygon(s, 255, pts))

    def circle_mask(self, cx: float, cy: float, r: float) -> Float:
        yy, xx = self.grid()
        return ((xx - cx) ** 2 + (yy - cy) ** 2 <= r * r).astype(np.float64)

    def ellipse_mask(self, cx: float, cy: float, rx: float, ry: float, angle_rad: float = 0.0) -> Float:
        yy, xx = self.grid()
        c, s = math.cos(angle_rad), math.sin(angle_rad)
        u = (xx - cx) * c + (yy - cy) * s
        v = -(xx - cx) * s + (yy - cy) * c
        return ((u / rx) ** 2 + (v / ry) ** 2 <= 1.0).astype(np.float64)

    def rect_mask(self, x0: float, y0: float, x1: float, y1: float) -> Float:
        yy, xx = self.grid()
        return ((xx >= x0) & (xx < x1) & (yy >= y0) & (yy < y1)).astype(np.float64)

    def line_mask(self, x0: float, y0: float, x1: float, y1: float, width: float) -> Float:
        """A thick segment with round caps, ``width`` in final px."""
        yy, xx = self.grid()
        dx, dy = x1 - x0, y1 - y0
        L2 = dx * dx + dy * dy or 1e-9
        t = np.clip(((xx - x0) * dx + (yy - y0) * dy) / L2, 0.0, 1.0)
        d2 = (xx - (x0 + t * dx)) ** 2 + (yy - (y0 + t * dy)) ** 2
        return (d2 <= (width / 2) ** 2).astype(np.float64)

    def grid(self) -> tuple[Float, Float]:
        """Pixel-centre coordinates (y, x) of the supersampled grid, in final px."""
        ys = (np.arange(self.h) + 0.5) / SS
        xs = (np.arange(self.w) + 0.5) / SS
        return np.meshgrid(ys, xs, indexing="ij")

    # -- output ------------------------------------------------------------------------
    def downsample(self) -> NDArray[np.uint8]:
        """The HD art: box-filtered to ``HD`` × the final resolution with premultiplied
        alpha; uint8 [y, x, 4] (``halve`` makes the base art from it)."""
        return box_filter(self.rgba, SS // HD)

    def tiles(self) -> list[list[NDArray[np.uint8]]]:
        """The HD art cut into tiles (``TILE_PX × HD`` px a side), ``[row][col]``."""
        img = self.downsample()
        n = TILE_PX * HD
        rows, cols = img.shape[0] // n, img.shape[1] // n
        return [[img[r * n : (r + 1) * n, c * n : (c + 1) * n] for c in range(cols)] for r in range(rows)]


def box_filter(rgba: Float, factor: int) -> NDArray[np.uint8]:
    """Average ``factor`` × ``factor`` blocks of a straight-alpha RGBA image (floats in 0..1)
    with premultiplied alpha, so transparent pixels lend no colour; uint8 [y, x, 4]."""
    a = rgba[..., 3:4]
    pre = np.concatenate([rgba[..., :3] * a, a], axis=-1)
    h, w = rgba.shape[0] // factor, rgba.shape[1] // factor
    small = pre[: h * factor, : w * factor].reshape(h, factor, w, factor, 4).mean(axis=(1, 3))
    alpha = small[..., 3:4]
    with np.errstate(invalid="ignore", divide="ignore"):
        rgb = np.where(alpha > 0, small[..., :3] / alpha, 0.0)
    out = np.concatenate([rgb, alpha], axis=-1)
    return np.clip(np.round(out * 255.0), 0, 255).astype(np.uint8)


def halve(img: NDArray[np.uint8]) -> NDArray[np.uint8]:
    """The base art (8 px/m) of an HD image (``HD`` × as many pixels a side)."""
    return box_filter(img.astype(np.float64) / 255.0, HD)


def periodic_noise(rng: np.random.Generator, size_px: int, scale_px: float) -> Float:
    """Smooth noise in about -1..1 that wraps around (tiles seamlessly), [y, x] at final px.

    Made by low-pass filtering white noise in the Fourier domain; periodicity is what
    lets neighbouring ground tiles join without seams.
    """
    white = rng.standard_normal((size_px, size_px))
    f = np.fft.fftfreq(size_px)
    fy, fx = np.meshgrid(f, f, indexing="ij")
    sigma = 1.0 / (2.0 * math.pi * max(scale_px, 1e-3))
    spec = np.fft.fft2(white) * np.exp(-(fx**2 + fy**2) / (2 * sigma**2))
    out = np.real(np.fft.ifft2(spec))
    out -= out.mean()
    peak = np.abs(out).max() or 1.0
    return out / peak


def symmetric_noise(rng: np.random.Generator, size_px: int, scale_px: float) -> Float:
    """``periodic_noise`` made the same under the tile's 8 turns and mirror images (the
    mean of the 8, rescaled to about -1..1): a tile of it joins its neighbours whichever
    way the game turns them (the ``any_turn`` tiles)."""
    a = periodic_noise(rng, size_px, scale_px)
    views = [a, a[::-1, :], a[:, ::-1], a[::-1, ::-1]]
    out = sum(views + [v.T for v in views]) / 8.0
    out -= out.mean()
    return out / (np.abs(out).max() or 1.0)


def upsample(img: Float, factor: int = SS) -> Float:
    """Nearest-neighbour upsample of a [y, x] or [y, x, c] array to the supersampled grid."""
    return np.repeat(np.repeat(img, factor, axis=0), factor, axis=1)


def textured(base: Rgb, noise: Float, amount: float) -> Float:
    """An RGB image [y, x, 3] in 0..1: ``base`` brightened/darkened by ``noise × amount``."""
    col = np.array(base, dtype=np.float64) / 255.0
    return np.clip(col[None, None, :] * (1.0 + amount * noise[..., None]), 0.0, 1.0)


def save_tileset_images(
    tiles_hd: Sequence[NDArray[np.uint8]], columns: int, path: str, hd_path: str, tile_px: int = TILE_PX
) -> tuple[int, int]:
    """Write a tileset's two images: the HD tiles (``tile_px × HD`` px a side) to ``hd_path``
    and their halves (``tile_px``) to ``path``; returns the base image's (width, height) [px]."""
    save_png(tiles_hd, columns, hd_path, tile_px=tile_px * HD)
    return save_png([halve(t) for t in tiles_hd], columns, path, tile_px=tile_px)


def save_png(tiles: Sequence[NDArray[np.uint8]], columns: int, path: str, tile_px: int = TILE_PX) -> tuple[int, int]:
    """Pack square tiles of ``tile_px`` px row-major into one RGBA PNG; returns (width, height) in px."""
    rows = math.ceil(len(tiles) / columns)
    sheet = np.zeros((rows * tile_px, columns * tile_px, 4), dtype=np.uint8)
    for i, t in enumerate(tiles):
        r, c = divmod(i, columns)
        sheet[r * tile_px : (r + 1) * tile_px, c * tile_px : (c + 1) * tile_px] = t
    h, w = sheet.shape[:2]
    surf = pygame.image.frombuffer(sheet.tobytes(), (w, h), "RGBA")
    pygame.image.save(surf, path)
    return w, h


# -- palette (poster colours) ---------------------------------------------------------
GRASS = hex_rgb("#8db255")
GRASS_DARK = hex_rgb("#76a047")
ASPHALT = hex_rgb("#67625f")
VERGE = hex_rgb("#d2bd86")
WATER = hex_rgb("#2f87c2")
WAVE = hex_rgb("#79bfe6")
FOAM = hex_rgb("#d9eef7")
BEACH = hex_rgb("#e6d198")
COBBLE = hex_rgb("#a08a74")
COBBLE_JOINT = hex_rgb("#6f5d4f")
KERB = hex_rgb("#d5cbbb")
PIAZZA = hex_rgb("#dccfb4")
DIRT = hex_rgb("#b98a4e")
GRAVEL = hex_rgb("#cdbb94")
SAND = hex_rgb("#e8d3a0")
WHEAT = hex_rgb("#e3bd4f")
PLOUGHED = hex_rgb("#9c6b3f")
VINE = hex_rgb("#4f7a33")
OLIVE = hex_rgb("#8d9d5c")
OLIVE_LIGHT = hex_rgb("#b8c38f")
CYPRESS = hex_rgb("#2e5a34")
POPLAR = hex_rgb("#5c8c3c")
PINE = hex_rgb("#3f6b3a")
TRUNK = hex_rgb("#6b4a2f")
STONE = hex_rgb("#dac9a4")
ROOFS = {
    "a": hex_rgb("#c8593a"),
    "b": hex_rgb("#d4773f"),
    "c": hex_rgb("#b0452f"),
    "lead": hex_rgb("#7f8e8c"),
}
BRICK = hex_rgb("#b35f43")
DOME = hex_rgb("#8fa39c")
RED = hex_rgb("#c8312b")
GREEN_FLAG = hex_rgb("#1f8a4c")
WHITE = hex_rgb("#f6f1e4")
INK = hex_rgb("#2b2624")
SHADOW_A = 0.30  # opacity of the flat drop shadows


def coppi(c: Canvas, m: Float, roof: Rgb, f: float, grain: str) -> None:
    """Terracotta *coppi* (curved tiles) in rows running down the slope, inside mask ``m``:
    rows along y on north/south facets (``grain`` "v"), along x on east/west ones ("h").

    A row is 0.25 m wide (2 px at 8 px/m), a half-cylinder lit on its sun side with a
    dark gap on the other; each row has its own tone (old and replaced tiles), and every
    0.45 m one tile laps over the next, staggered between rows. Tones depend only on the
    row's index, so pieces drawn apart join and a repeated middle tile repeats cleanly.
    ``f`` is the facet's light (see FACING)."""
    yy, xx = c.grid()
    across, along = (xx, yy) if grain == "v" else (yy, xx)
    row = np.floor(across / 2.0)
    u = across / 2.0 - row  # 0 → 1 across a row, from its sun side
    h = (row.astype(np.int64) * 2654435761) & 0xFFFFFFFF
    tone = 0.93 + 0.12 * (((h ^ (h >> 15)) * 2246822519 & 0xFFFFFFFF) / 4294967295.0)
    light = np.where(u < 0.3, 1.12, np.where(u > 0.78, 0.74, 1.0))
    lap = np.mod(along / 3.6 + 0.5 * np.mod(row, 2.0), 1.0) < 0.12
    k = f * tone * light * np.where(lap, 0.86, 1.0)
    rgb = np.clip(np.array(roof, dtype=np.float64)[None, None, :] / 255.0 * k[..., None], 0.0, 1.0)
    c.paint_rgb(rgb, m)


def drop_shadow(c: Canvas, mask: Float, dx: float = 2.0, dy: float = 2.0, alpha: float = SHADOW_A) -> None:
    """Flat shadow: the mask shifted to the bottom right (sun from the top left)."""
    sx, sy = round(dx * SS), round(dy * SS)
    shifted = np.zeros_like(mask)
    shifted[sy:, sx:] = mask[: mask.shape[0] - sy, : mask.shape[1] - sx]
    c.paint(np.clip(shifted - mask, 0, 1), (0, 0, 0), alpha)


def erode(mask: Float, px: float) -> Float:
    """Shrink a 0/1 mask by ``px`` final pixels (4-neighbour erosion on the fine grid)."""
    out = mask.copy()
    for _ in range(round(px * SS)):
        out[1:, :] = np.minimum(out[1:, :], out[:-1, :])
        out[:-1, :] = np.minimum(out[:-1, :], out[1:, :])
        out[:, 1:] = np.minimum(out[:, 1:], out[:, :-1])
        out[:, :-1] = np.minimum(out[:, :-1], out[:, 1:])
    return out


def blob(c: Canvas, cx: float, cy: float, r: float, rng: np.random.Generator, lobes: int = 6) -> Float:
    """An irregular round canopy: a disc plus overlapping lobes."""
    m = c.circle_mask(cx, cy, r * 0.75)
    for k in range(lobes):
        a = 2 * math.pi * k / lobes + rng.uniform(-0.3, 0.3)
        rr = r * rng.uniform(0.35, 0.5)
        m = np.maximum(m, c.circle_mask(cx + math.cos(a) * (r - rr), cy + math.sin(a) * (r - rr), rr))
    return m


def joined_mask(c: Canvas, lo: float, hi: float, n: bool, e: bool, s: bool, w: bool) -> Float:
    """An autotile's body: the square [lo, hi]² of the tile, extended to the edges towards
    the neighbours it joins (north, east, south, west) — walls that link up by themselves."""
    m = c.rect_mask(lo, lo, hi, hi)
    if n:
        m = np.maximum(m, c.rect_mask(lo, 0, hi, hi))
    if s:
        m = np.maximum(m, c.rect_mask(lo, lo, hi, 32))
    if w:
        m = np.maximum(m, c.rect_mask(0, lo, hi, hi))
    if e:
        m = np.maximum(m, c.rect_mask(lo, lo, 32, hi))
    return m
