"""Generate the scenery tileset: ``levels/tilesets/scenery.png`` + ``scenery.tsx``.

Free scenery for stages (issue 12): trees, hedges, bales, houses, a church … placed in
Tiled as *tile objects* (Insert Tile) at any position, rotation and scale. Each tile is
128 × 128 px = 16 m × 16 m at 8 px/m (and 256 px at 16 px/m in ``scenery-hd.png``, the
tileset's ``hd_image``, which the game draws its close zooms from), seen from straight
above, on a transparent background, in the art direction of ``make_tileset.py`` (a 1950s Italian travel poster:
warm, bold, flat colours, sun from the top left, soft shadows to the bottom right).

A tile is never a solid grid cell (``solid = false``); what the car hits is the tile's
collision shapes (Tiled's tile collision editor: rectangle, ellipse, polygon), each with
the custom property ``material`` = ``hard`` | ``soft``. The shapes are built from the
same numbers the art is drawn from: a tree collides with its trunk, not its crown; a
house with its walls' footprint; a hedge, bush or bale with its drawn outline.

Objects smaller than the tile are drawn centred on the tile's centre, (64, 64) px from
its top-left corner. A tile object's (x, y) in Tiled is its *bottom-left* corner and it
rotates about that corner, so the visual centre of an unscaled object with rotation θ is
(x, y) + R(θ)·(8 m, −8 m) — always the same offset, whatever the tile.

Reproducible: every tile draws from its own numpy Generator seeded with (SEED, crc32 of
its kind), so a tile's art does not change when tiles are added or reordered.

Run:  SDL_VIDEODRIVER=dummy .venv/bin/python tools/make_scenery.py
"""

from __future__ import annotations

import math
import sys
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tileart import (
    BRICK,
    CYPRESS,
    INK,
    OLIVE,
    OLIVE_LIGHT,
    PINE,
    POPLAR,
    RED,
    ROOFS,
    SHADOW_A,
    SS,
    STONE,
    TRUNK,
    WHITE,
    Canvas,
    Float,
    Rgb,
    blob,
    coppi,
    drop_shadow,
    erode,
    hex_rgb,
    mix,
    save_tileset_images,
    shade,
)
from tiles_route import PLANE

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "levels" / "tilesets"
TILE = 128  # tile side [px]
PX_PER_M = 8.0
TILES_PER_SIDE = TILE // 32  # Canvas counts in 32 px units
C = TILE / 2  # the tile's centre [px], where every object smaller than the tile sits
COLUMNS = 12  # 24 tiles fill 2 full rows: Tiled recounts tilecount from the image on a re-save
SEED = 1957  # the last Mille Miglia
HD_IMAGE = "scenery-hd.png"  # the same tiles at tileart.HD × the resolution (16 px/m)

SILVER = mix(OLIVE, OLIVE_LIGHT, 0.35)  # the olive's canopy body, between the leaves' two sides
HAY = hex_rgb("#e2c161")
HAY_DARK = hex_rgb("#c9a54a")
HEDGE = hex_rgb("#3f6f36")
BUSH = hex_rgb("#6e9a45")
PLASTER = hex_rgb("#e9d3a8")  # sun-bleached ochre plaster of a cortile
AIA = hex_rgb("#d4a57c")  # the brick-paved threshing floor of a cascina


# -- collision shapes ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Shape:
    """One Tiled collision object in tile px: a rectangle or an ellipse by its bounding box
    (x, y, width, height), or a polygon by its points (absolute tile px)."""

    form: str  # "rectangle" | "ellipse" | "polygon"
    material: str  # "hard" | "soft"
    x: float = 0.0
    y: float = 0.0
    width: float = 0.0
    height: float = 0.0
    points: tuple[tuple[float, float], ...] = ()


def rect(x0: float, y0: float, x1: float, y1: float, material: str) -> Shape:
    return Shape("rectangle", material, x0, y0, x1 - x0, y1 - y0)


def ellipse(cx: float, cy: float, rx: float, ry: float, material: str) -> Shape:
    return Shape("ellipse", material, cx - rx, cy - ry, 2 * rx, 2 * ry)


def polygon(points: Sequence[tuple[float, float]], material: str) -> Shape:
    return Shape("polygon", material, points=tuple((round(x, 1), round(y, 1)) for x, y in points))


def trunk(diameter_m: float) -> Shape:
    """A tree's collision: its trunk, a circle at the tile's centre."""
    r = diameter_m * PX_PER_M / 2
    return ellipse(C, C, r, r, "hard")


def radial_outline(mask: Float, cx: float, cy: float, n: int = 20) -> list[tuple[float, float]]:
    """A star-shaped polygon inside a blob mask (supersampled, [y, x]): along ``n`` rays from
    (cx, cy) [tile px], the farthest point still inside the mask. Soft shapes (bushes)
    collide where they are drawn."""
    pts = []
    for k in range(n):
        a = 2 * math.pi * k / n
        r, step = 0.0, 1.0 / SS
        while True:
            x, y = cx + math.cos(a) * (r + step), cy + math.sin(a) * (r + step)
            iy, ix = int(y * SS), int(x * SS)
            if not (0 <= iy < mask.shape[0] and 0 <= ix < mask.shape[1]) or mask[iy, ix] < 0.5:
                break
            r += step
        r -= 0.1  # 0.1 px in from the edge, so rounding to 0.1 px never takes a point outside
        pts.append((round(cx + math.cos(a) * r, 1), round(cy + math.sin(a) * r, 1)))
    return pts


@dataclass
class SceneryTile:
    """One drawn tile; the drawing functions leave ``kind`` empty and ``draw_tile`` names it."""

    kind: str
    size_m: tuple[float, float]  # the drawn object's extent (w, h) [m], shadow excluded
    image: NDArray[np.uint8]  # the HD art (tileart.HD × TILE a side)
    shapes: list[Shape] = field(default_factory=list)

    @property
    def material(self) -> str:
        return "/".join(sorted({s.material for s in self.shapes}))


class TileCanvas(Canvas):
    """One 128 px tile's canvas, faster for small shapes on a big tile: it keeps its pixel
    grid, which every mask needs, instead of rebuilding it per mask, and composites only
    inside the bounding box of what a paint covers. The pixels are the same as Canvas's."""

    def __init__(self) -> None:
        super().__init__(TILES_PER_SIDE, TILES_PER_SIDE)
        self._grid: tuple[Float, Float] | None = None

    def grid(self) -> tuple[Float, Float]:
        if self._grid is None:
            self._grid = super().grid()
        return self._grid

    def paint(self, coverage: Float, rgb: Rgb, alpha: float = 1.0) -> Canvas:
        rows = np.flatnonzero((coverage > 0).any(axis=1))
        if not len(rows):
            return self
        cols = np.flatnonzero((coverage > 0).any(axis=0))
        box = (slice(rows[0], rows[-1] + 1), slice(cols[0], cols[-1] + 1))
        window = Canvas()
        window.rgba = self.rgba[box]  # a view: painting it paints this canvas
        window.h, window.w = window.rgba.shape[:2]
        Canvas.paint(window, coverage[box], rgb, alpha)
        return self


def canvas() -> Canvas:
    return TileCanvas()


# -- trees --------------------------------------------------------------------------------------
def olive(rng: np.random.Generator, crown_m: float, trunk_m: float, limbs: int) -> SceneryTile:
    """An olive pruned to an open vase, as in every Italian grove: silvery clumps round an
    open centre, where the gnarled trunk and its limbs show from above."""
    c = canvas()
    r = crown_m * PX_PER_M / 2
    rt = trunk_m * PX_PER_M / 2
    crown = np.zeros((c.h, c.w))
    angles = [2 * math.pi * k / limbs + rng.uniform(-0.35, 0.35) for k in range(limbs)]
    for a in angles:  # one clump of leaves at the end of each limb, plus fillers between
        for size, offset in ((0.42, 0.0), (0.3, math.pi / limbs)):
            rr = r * size * rng.uniform(0.9, 1.1)
            d = r - rr
            crown = np.maximum(crown, blob(c, C + math.cos(a + offset) * d, C + math.sin(a + offset) * d, rr, rng, 5))
    hole = c.circle_mask(C + rng.uniform(-1, 1), C + rng.uniform(-1, 1), r * 0.22)
    crown = np.clip(crown - hole, 0, 1)
    shadow = np.maximum(crown, c.circle_mask(C, C, r * 0.35))
    drop_shadow(c, shadow, 3.0, 3.0, SHADOW_A + 0.06)
    c.paint(c.circle_mask(C + 2, C + 2, r * 0.3), (0, 0, 0), 0.22)  # shade inside the vase
    for a in angles:  # limbs from the trunk to the clumps
        ex, ey = C + math.cos(a) * r * 0.45, C + math.sin(a) * r * 0.45
        c.paint(c.line_mask(C, C, ex, ey, max(2.0, rt * 0.8)), shade(TRUNK, 0.9))
    tm = c.ellipse_mask(C, C, rt, rt)
    c.paint(tm, TRUNK)
    c.paint(c.circle_mask(C - rt * 0.3, C - rt * 0.3, rt * 0.45) * tm, shade(TRUNK, 1.35))
    # olive leaves are grey-green, paler than the grass: a dark rim and a silvery body
    c.paint(crown, shade(OLIVE, 0.6))
    inner = erode(crown, 1.2)
    c.paint(inner, SILVER)
    for _ in range(int(r * 1.4)):  # silvery leaves catching the light, mostly top left
        a, d = rng.uniform(0, 2 * math.pi), rng.uniform(r * 0.25, r)
        x, y = C + math.cos(a) * d, C + math.sin(a) * d
        light = math.cos(a - 1.25 * math.pi) > -0.2
        col = OLIVE_LIGHT if light else shade(OLIVE, 0.85)
        c.paint(c.circle_mask(x, y, rng.uniform(1.2, 2.4)) * inner, col)
    return SceneryTile("", (crown_m, crown_m), c.downsample(), [trunk(trunk_m)])


def column_tree(
    rng: np.random.Generator, base: Rgb, width_m: float, shadow_m: float, tufts: int, speckle: Rgb
) -> Canvas:
    """A tall narrow tree (cypress, Lombardy poplar) from above: a small round crown with
    its sunny side lit, and a long flame-shaped shadow to the bottom right that says how
    tall it is."""
    c = canvas()
    r = width_m * PX_PER_M / 2
    m = c.circle_mask(C, C, r * 0.85)
    for k in range(tufts):  # tufts of foliage break the outline
        a = 2 * math.pi * k / tufts + rng.uniform(-0.25, 0.25)
        m = np.maximum(m, c.circle_mask(C + math.cos(a) * r * 0.62, C + math.sin(a) * r * 0.62, r * 0.38))
    # the shadow: the outline of the tree laid down, widest a quarter of the way up
    length = shadow_m * PX_PER_M
    ux, uy = 1 / math.sqrt(2), 1 / math.sqrt(2)
    left, right = [], []
    for k in range(21):
        t = k / 20
        w = max(0.8, r * (t / 0.25 if t < 0.25 else ((1 - t) / 0.75) ** 0.8))
        px, py = C + ux * t * length, C + uy * t * length
        left.append((px + uy * w, py - ux * w))
        right.append((px - uy * w, py + ux * w))
    shadow = np.maximum(c.poly_mask(left + right[::-1]), c.circle_mask(C + 1.5, C + 1.5, r))
    c.paint(np.clip(shadow - m, 0, 1), (0, 0, 0), SHADOW_A + 0.04)
    c.paint(m, shade(base, 0.7))
    inner = erode(m, 1.0)
    c.paint(inner, base)
    yy, xx = c.grid()
    c.paint(inner * c.circle_mask(C - r * 0.3, C - r * 0.3, r * 0.7), shade(base, 1.3))
    ang = np.arctan2(yy - C, xx - C)
    rad = np.hypot(xx - C, yy - C)
    # foliage in flames from the tip outwards
    flames = np.abs(np.mod(ang * 9 / (2 * math.pi) + rad / (r * 2.2), 1.0) - 0.5) < 0.1
    c.paint(inner * flames * (rad > 1.5), shade(base, 0.82), 0.8)
    for _ in range(int(r)):
        a, d = rng.uniform(0, 2 * math.pi), rng.uniform(0.3, 0.9) * r
        c.paint(c.circle_mask(C + math.cos(a) * d, C + math.sin(a) * d, rng.uniform(0.6, 1.0)) * inner, speckle)
    c.paint(c.circle_mask(C - 0.4, C - 0.4, 1.1), shade(base, 1.6))  # the tip in the sun
    return c


def cypress(rng: np.random.Generator, width_m: float, shadow_m: float) -> SceneryTile:
    """An Italian cypress: a dark, tight column seen end-on."""
    c = column_tree(rng, CYPRESS, width_m, shadow_m, 7, shade(CYPRESS, 1.5))
    return SceneryTile("", (width_m, width_m), c.downsample(), [trunk(0.5)])


def poplar(rng: np.random.Generator) -> SceneryTile:
    """A Lombardy poplar (*pioppo cipressino*) of the Po plain: a looser, lighter column
    whose leaves flash silver."""
    c = column_tree(rng, POPLAR, 3.4, 7.0, 11, hex_rgb("#c9dc9a"))
    return SceneryTile("", (3.4, 3.4), c.downsample(), [trunk(0.6)])


def clumpy_crown(
    c: Canvas,
    rng: np.random.Generator,
    r: float,
    base: Rgb,
    n: int,
    clump: tuple[float, float],
    shadow_px: float,
    flat: float = 1.0,
) -> Float:
    """A crown built of round clumps, each shaded as a ball lit from the top left, drawn
    from the bottom right to the top left so the sunny clumps sit on top. ``clump`` is the
    clumps' radius range as fractions of ``r``; ``flat`` < 1 squashes them (pine needles).
    Returns the crown's mask."""
    clumps = [(C, C, r * clump[1])]
    # rings of clumps from the middle out, jittered, so the crown is round with a lobed edge
    ring_r, k = 0.0, 0
    while ring_r < r * 0.95 and k < n:
        cr = r * rng.uniform(*clump)
        ring_r = min(ring_r + cr * 1.3, r - cr)
        count = max(1, round(2 * math.pi * ring_r / (cr * 1.5)))
        phase = rng.uniform(0, 2 * math.pi)
        for j in range(count):
            a = phase + 2 * math.pi * j / count + rng.uniform(-0.15, 0.15)
            cj = r * rng.uniform(*clump)
            d = min(ring_r + rng.uniform(-0.05, 0.05) * r, r - cj)
            clumps.append((C + math.cos(a) * d, C + math.sin(a) * d, cj))
            k += 1
        if ring_r >= r - r * clump[1]:
            break
    # The crown as a height field of domes, one per clump, lit from the top left and shaded
    # in three flat tones (a poster's, not a photograph's): clumps merge into one canopy.
    yy, xx = c.grid()
    body = ((xx - C) ** 2 + ((yy - C) / flat) ** 2) / (r * 0.82) ** 2  # fills the gaps between clumps
    height = np.where(body <= 1.0, np.sqrt(np.clip(1.0 - body, 0.0, None)) * r * 0.15, -1.0)
    for x, y, cr in clumps:
        d2 = ((xx - x) ** 2 + ((yy - y) / flat) ** 2) / (cr * cr)
        dome = np.sqrt(np.clip(1.0 - d2, 0.0, None)) * cr * 0.8 + (r - math.hypot(x - C, y - C)) * 0.25
        height = np.maximum(height, np.where(d2 <= 1.0, dome, -1.0))
    whole = (height >= 0).astype(np.float64)
    gy, gx = np.gradient(height * SS)  # per supersampled px: slopes in px per px
    light = np.array([-1.0, -1.0, 1.4]) / math.sqrt(1 + 1 + 1.4**2)
    lum = (-gx * light[0] - gy * light[1] + light[2]) / np.sqrt(gx * gx + gy * gy + 1.0)
    drop_shadow(c, whole, shadow_px, shadow_px, SHADOW_A + 0.04)
    c.paint(whole, shade(base, 0.7))  # a dark rim round the whole crown
    inner = erode(whole, 1.2)
    c.paint(inner, base)
    c.paint(inner * (lum < 0.55), shade(base, 0.8))
    c.paint(inner * (lum > 0.93), shade(base, 1.22))
    return whole


def umbrella_pine(rng: np.random.Generator) -> SceneryTile:
    """A *pino domestico*: a flat, wide crown of needle clusters high on a bare trunk."""
    c = canvas()
    crown_m = 12.5
    clumpy_crown(c, rng, crown_m * PX_PER_M / 2, PINE, 34, (0.18, 0.28), 6.0, flat=0.85)
    return SceneryTile("", (crown_m, crown_m), c.downsample(), [trunk(0.8)])


def plane_tree(rng: np.random.Generator) -> SceneryTile:
    """A *platano* of the avenues: a broad, light-green canopy of big round clumps."""
    c = canvas()
    crown_m = 13.0
    clumpy_crown(c, rng, crown_m * PX_PER_M / 2, PLANE, 26, (0.24, 0.34), 4.0)
    return SceneryTile("", (crown_m, crown_m), c.downsample(), [trunk(0.8)])


def trunk_marker(rng: np.random.Generator) -> SceneryTile:
    """A pollarded roadside plane whose trunk is painted white for night driving: a small
    crown of new shoots round the white-banded trunk, which shows from above."""
    c = canvas()
    r = 3.0 * PX_PER_M / 2
    rt = 0.7 * PX_PER_M / 2
    m = np.zeros((c.h, c.w))
    for k in range(5):  # the knuckles of the pollard, each with a tuft of shoots
        a = 2 * math.pi * k / 5 + rng.uniform(-0.2, 0.2)
        m = np.maximum(m, c.circle_mask(C + math.cos(a) * r * 0.6, C + math.sin(a) * r * 0.6, r * 0.42))
    m = np.clip(m - c.circle_mask(C, C, rt * 1.6), 0, 1)
    drop_shadow(c, np.maximum(m, c.circle_mask(C, C, rt * 1.6)), 2.5, 2.5)
    c.paint(m, shade(PLANE, 0.8))
    c.paint(erode(m, 1.0), PLANE)
    tm = c.circle_mask(C, C, rt * 1.35)  # the white band
    c.paint(tm, WHITE)
    c.paint(c.circle_mask(C + 0.5, C + 0.5, rt * 0.8), shade(TRUNK, 1.1))  # the cut top
    return SceneryTile("", (3.0, 3.0), c.downsample(), [trunk(0.7)])


# -- soft things ---------------------------------------------------------------------------------
def bush(rng: np.random.Generator) -> SceneryTile:
    c = canvas()
    r = 1.6 * PX_PER_M
    m = clumpy_crown(c, rng, r, BUSH, 10, (0.38, 0.5), 2.0)
    return SceneryTile("", (3.2, 3.2), c.downsample(), [polygon(radial_outline(m, C, C), "soft")])


def hedge(rng: np.random.Generator) -> SceneryTile:
    """A clipped hedge 16 m × 1.6 m across the whole tile, so copies laid end to end join."""
    c = canvas()
    half = 0.8 * PX_PER_M
    y0, y1 = C - half, C + half
    m = c.rect_mask(0, y0, TILE, y1)
    drop_shadow(c, m, 0.0, 2.5, SHADOW_A + 0.04)
    c.paint(m, shade(HEDGE, 0.8))
    c.paint(c.rect_mask(0, y0 + 1, TILE, y1 - 1), HEDGE)
    c.paint(c.rect_mask(0, y0 + 1, TILE, y0 + 3.5), shade(HEDGE, 1.3))  # the clipped top catches the sun
    for _ in range(60):
        x, y = rng.uniform(1, TILE - 1), rng.uniform(y0 + 1.5, y1 - 1.5)
        col = shade(HEDGE, 1.45) if y < C else shade(HEDGE, 0.75)
        c.paint(c.circle_mask(x, y, rng.uniform(0.7, 1.3)) * m, col)
    return SceneryTile("", (16.0, 1.6), c.downsample(), [rect(0, y0, TILE, y1, "soft")])


def straw_bales(rng: np.random.Generator) -> SceneryTile:
    """Square straw bales two deep along a corner, as the Mille Miglia lined its bends:
    8 bales of 1.1 × 0.55 m in each row, staggered."""
    c = canvas()
    bl, bw = 1.1 * PX_PER_M, 0.55 * PX_PER_M
    n = 8
    x0 = C - n * bl / 2 - bl / 4
    y0 = C - bw
    whole = np.zeros((c.h, c.w))
    bales = []
    for row in range(2):
        for k in range(n):
            bx = x0 + k * bl + (bl / 2 if row else 0.0)
            bales.append((bx, y0 + row * bw))
            whole = np.maximum(whole, c.rect_mask(bx, y0 + row * bw, bx + bl, y0 + (row + 1) * bw))
    drop_shadow(c, whole, 1.5, 1.5, SHADOW_A + 0.05)
    for bx, by in bales:
        tint = rng.uniform(0.93, 1.07)
        c.paint(c.rect_mask(bx, by, bx + bl, by + bw), shade(HAY_DARK, 0.85 * tint))
        c.paint(c.rect_mask(bx + 0.5, by + 0.5, bx + bl - 0.5, by + bw - 0.5), shade(HAY, tint))
        c.paint(c.rect_mask(bx + 0.5, by + 0.5, bx + bl - 0.5, by + 1.3), shade(HAY, tint * 1.1))
        for f in (0.3, 0.7):  # the two strings round each bale
            c.paint(c.rect_mask(bx + f * bl - 0.3, by, bx + f * bl + 0.3, by + bw), shade(HAY_DARK, 0.7))
    # the outline of the two staggered rows
    xa, xb, ym, y2 = x0 + n * bl, x0 + bl / 2, y0 + bw, y0 + 2 * bw
    outline = [(x0, y0), (xa, y0), (xa, ym), (xa + bl / 2, ym), (xa + bl / 2, y2), (xb, y2), (xb, ym), (x0, ym)]
    return SceneryTile("", (round((n + 0.5) * bl / PX_PER_M, 2), 1.1), c.downsample(), [polygon(outline, "soft")])


def haystack(rng: np.random.Generator) -> SceneryTile:
    """A *pagliaio*: straw stacked round a pole into a cone, the pole's tip at the top."""
    c = canvas()
    r = 2.3 * PX_PER_M
    m = c.circle_mask(C, C, r)
    streak = np.maximum(c.line_mask(C, C, C + 10, C + 10, r * 2), m)
    c.paint(np.clip(streak - m, 0, 1), (0, 0, 0), SHADOW_A)
    yy, xx = c.grid()
    ang = np.arctan2(yy - C, xx - C)
    lit = np.cos(ang - 1.25 * math.pi)  # 1 facing the sun (top left), -1 away
    c.paint(m, shade(HAY, 0.9))
    c.paint(m * (lit > 0.3), shade(HAY, 1.1))
    c.paint(m * (lit < -0.4), shade(HAY, 0.75))
    # straw laid in spirals
    rad = np.hypot(xx - C, yy - C)
    phase = np.mod(ang * 6 / (2 * math.pi) + rad / 5.0 + rng.uniform(0, 1), 1.0)
    c.paint(m * (phase < 0.12), shade(HAY_DARK, 0.9), 0.7)
    c.paint(np.clip(m - c.circle_mask(C, C, r - 0.8), 0, 1), shade(HAY_DARK, 0.7))
    c.paint(c.circle_mask(C, C, 2.2), shade(HAY, 1.2))
    c.paint(c.circle_mask(C, C, 0.9), TRUNK)  # the pole
    return SceneryTile("", (4.6, 4.6), c.downsample(), [ellipse(C, C, r, r, "soft")])


# -- hard small things -----------------------------------------------------------------------------
def stone_wall(rng: np.random.Generator) -> SceneryTile:
    """A dry-stone field wall 16 m × 0.7 m across the whole tile (copies laid end to end join)."""
    c = canvas()
    half = 0.35 * PX_PER_M
    y0, y1 = C - half, C + half
    m = c.rect_mask(0, y0, TILE, y1)
    drop_shadow(c, m, 0.0, 2.0, SHADOW_A + 0.04)
    c.paint(m, shade(STONE, 0.75))
    x = 0.0
    while x < TILE:  # cap stones of varied length, lit from the top left
        w = rng.uniform(2.2, 4.5)
        tint = rng.uniform(0.9, 1.06)
        c.paint(c.rect_mask(x + 0.4, y0 + 0.4, min(x + w - 0.4, TILE), y1 - 0.5), shade(STONE, tint))
        c.paint(c.rect_mask(x + 0.4, y0 + 0.4, min(x + w - 0.4, TILE), y0 + 1.4), shade(STONE, tint * 1.1))
        x += w
    return SceneryTile("", (16.0, 0.7), c.downsample(), [rect(0, y0, TILE, y1, "hard")])


def km_stone(rng: np.random.Generator) -> SceneryTile:
    """A *cippo chilometrico*: the white roadside kilometre stone with its red cap, 0.5 × 0.3 m."""
    del rng
    c = canvas()
    w, h = 0.5 * PX_PER_M, 0.3 * PX_PER_M
    x0, y0 = C - w / 2, C - h / 2
    m = c.rect_mask(x0, y0, x0 + w, y0 + h)
    streak = np.maximum(c.line_mask(C, C, C + 4, C + 4, h * 1.2), m)
    c.paint(np.clip(streak - m, 0, 1), (0, 0, 0), SHADOW_A + 0.1)
    c.paint(m, WHITE)
    c.paint(c.ellipse_mask(C, C, w * 0.38, h * 0.42), RED)  # the rounded red cap
    return SceneryTile("", (0.5, 0.3), c.downsample(), [rect(x0, y0, x0 + w, y0 + h, "hard")])


# -- roofs ------------------------------------------------------------------------------------------
FACING = {"n": 1.1, "w": 1.0, "e": 0.9, "s": 0.86}  # sun from the top left


def hip_roof(c: Canvas, x0: float, y0: float, x1: float, y1: float, roof: Rgb, shadow_px: float = 3.0) -> Float:
    """A hipped terracotta roof on the rectangle; the ridge runs along its longer side."""
    whole = c.rect_mask(x0, y0, x1, y1)
    drop_shadow(c, whole, shadow_px, shadow_px)
    w, h = x1 - x0, y1 - y0
    if w >= h:
        half = h / 2
        r0, r1 = (x0 + half, y0 + half), (x1 - half, y0 + half)
    else:
        half = w / 2
        r0, r1 = (x0 + half, y0 + half), (x0 + half, y1 - half)
    facets = (
        ([(x0, y0), (x1, y0), r1, r0], "n", "v"),
        ([(x0, y1), (x1, y1), r1, r0], "s", "v"),
        ([(x0, y0), r0, r1, (x0, y1)] if w < h else [(x0, y0), r0, (x0, y1)], "w", "h"),
        ([(x1, y0), r1, r0, (x1, y1)] if w < h else [(x1, y0), r1, (x1, y1)], "e", "h"),
    )
    if w < h:  # ridge north–south: the long facets face east and west
        facets = (
            ([(x0, y0), (x1, y0), r0], "n", "v"),
            ([(x0, y1), (x1, y1), r1], "s", "v"),
            ([(x0, y0), r0, r1, (x0, y1)], "w", "h"),
            ([(x1, y0), r0, r1, (x1, y1)], "e", "h"),
        )
    for pts, side, grain in facets:
        coppi(c, c.poly_mask(pts), roof, FACING[side], grain)
    for corner, r in (((x0, y0), r0), ((x0, y1), r0), ((x1, y0), r1), ((x1, y1), r1)):
        c.paint(c.line_mask(corner[0], corner[1], r[0], r[1], 0.9), shade(roof, 1.25))
    c.paint(c.line_mask(r0[0], r0[1], r1[0], r1[1], 1.2), shade(roof, 1.3))
    eaves(c, whole, x0, y0, x1, y1, roof)
    return whole


def gable_roof(
    c: Canvas, x0: float, y0: float, x1: float, y1: float, roof: Rgb, ridge_ew: bool, shadow_px: float = 3.0
) -> Float:
    """A two-pitch roof; ``ridge_ew``: the ridge runs east–west (facets face north and south)."""
    whole = c.rect_mask(x0, y0, x1, y1)
    drop_shadow(c, whole, shadow_px, shadow_px)
    if ridge_ew:
        ym = (y0 + y1) / 2
        coppi(c, c.rect_mask(x0, y0, x1, ym), roof, FACING["n"], "v")
        coppi(c, c.rect_mask(x0, ym, x1, y1), roof, FACING["s"], "v")
        c.paint(c.line_mask(x0, ym, x1, ym, 1.2), shade(roof, 1.3))
    else:
        xm = (x0 + x1) / 2
        coppi(c, c.rect_mask(x0, y0, xm, y1), roof, FACING["w"], "h")
        coppi(c, c.rect_mask(xm, y0, x1, y1), roof, FACING["e"], "h")
        c.paint(c.line_mask(xm, y0, xm, y1, 1.2), shade(roof, 1.3))
    eaves(c, whole, x0, y0, x1, y1, roof)
    return whole


def eaves(c: Canvas, whole: Float, x0: float, y0: float, x1: float, y1: float, roof: Rgb) -> None:
    """A dark line round the roof's edge so it reads against any ground."""
    c.paint(np.clip(whole - c.rect_mask(x0 + 0.8, y0 + 0.8, x1 - 0.8, y1 - 0.8), 0, 1), shade(roof, 0.58))


def chimney(c: Canvas, x: float, y: float) -> None:
    m = c.rect_mask(x, y, x + 4.5, y + 4.5)
    drop_shadow(c, m, 2.5, 2.5, 0.4)
    c.paint(m, shade(STONE, 0.92))
    c.paint(c.rect_mask(x + 1.2, y + 1.2, x + 3.3, y + 3.3), INK)


def pyramid(c: Canvas, x0: float, y0: float, x1: float, y1: float, roof: Rgb) -> None:
    """A four-facet pyramid roof on a square (towers, the dovecote)."""
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    for pts, side in (
        ([(x0, y0), (x1, y0), (mx, my)], "n"),
        ([(x0, y0), (x0, y1), (mx, my)], "w"),
        ([(x1, y0), (x1, y1), (mx, my)], "e"),
        ([(x0, y1), (x1, y1), (mx, my)], "s"),
    ):
        c.paint(c.poly_mask(pts), shade(roof, FACING[side] * (1.05 if side == "n" else 1.0)))
    for cx, cy in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
        c.paint(c.line_mask(cx, cy, mx, my, 0.8), shade(roof, 1.25))
    whole = c.rect_mask(x0, y0, x1, y1)
    eaves(c, whole, x0, y0, x1, y1, roof)


def tower_shadow(c: Canvas, x0: float, y0: float, x1: float, y1: float, length_px: float) -> None:
    """A tall square's long shadow to the bottom right (sun from the top left)."""
    base = c.rect_mask(x0, y0, x1, y1)
    sh = np.maximum(base, c.rect_mask(x0 + length_px, y0 + length_px, x1 + length_px, y1 + length_px))
    sh = np.maximum(
        sh, c.poly_mask([(x1, y0), (x1 + length_px, y0 + length_px), (x0 + length_px, y1 + length_px), (x0, y1)])
    )
    c.paint(np.clip(sh - base, 0, 1), (0, 0, 0), SHADOW_A)


# -- buildings --------------------------------------------------------------------------------------
def town_house(rng: np.random.Generator, variant: str) -> SceneryTile:
    """Small town houses under terracotta: a hipped block (a), a gabled house with a loggia
    terrace (b), and two joined houses of different heights (c)."""
    del rng
    c = canvas()
    if variant == "a":
        w, h = 10.0 * PX_PER_M, 8.0 * PX_PER_M
        x0, y0 = C - w / 2, C - h / 2
        hip_roof(c, x0, y0, x0 + w, y0 + h, ROOFS["b"])
        chimney(c, x0 + w * 0.62, y0 + h * 0.22)
        shapes = [rect(x0, y0, x0 + w, y0 + h, "hard")]
        size = (10.0, 8.0)
    elif variant == "b":
        w, h = 9.0 * PX_PER_M, 11.0 * PX_PER_M
        x0, y0 = C - w / 2, C - h / 2
        gable_roof(c, x0, y0 + 3.0 * PX_PER_M, x0 + w, y0 + h, ROOFS["c"], ridge_ew=True)
        # a flat roof terrace (*terrazza*) at the north end with a parapet and a pot of geraniums
        t = c.rect_mask(x0, y0, x0 + w, y0 + 3.0 * PX_PER_M)
        drop_shadow(c, t, 2.0, 2.0)
        c.paint(t, shade(PLASTER, 1.02))
        c.paint(
            np.clip(t - c.rect_mask(x0 + 1.5, y0 + 1.5, x0 + w - 1.5, y0 + 3.0 * PX_PER_M), 0, 1), shade(PLASTER, 0.8)
        )
        yy, xx = c.grid()
        tiles = (np.mod(xx, 4.0) < 0.4) | (np.mod(yy, 4.0) < 0.4)
        c.paint(c.rect_mask(x0 + 1.5, y0 + 1.5, x0 + w - 1.5, y0 + 3.0 * PX_PER_M) * tiles, shade(PLASTER, 0.9))
        for k in range(3):
            px = x0 + 4 + k * 4.5
            c.paint(c.circle_mask(px, y0 + 4.5, 1.8), hex_rgb("#3f7a3a"))
            c.paint(c.circle_mask(px - 0.4, y0 + 4.1, 0.8), RED)
        chimney(c, x0 + w * 0.7, y0 + 3.0 * PX_PER_M + 6)
        shapes = [rect(x0, y0, x0 + w, y0 + h, "hard")]
        size = (9.0, 11.0)
    else:
        # the taller house to the west casts its shadow on the lower roof to the east
        w1, w2, h = 6.5 * PX_PER_M, 6.5 * PX_PER_M, 9.0 * PX_PER_M
        x0, y0 = C - (w1 + w2) / 2, C - h / 2
        gable_roof(c, x0 + w1, y0 + 0.8 * PX_PER_M, x0 + w1 + w2, y0 + h, ROOFS["a"], ridge_ew=False)
        c.paint(c.rect_mask(x0 + w1, y0 + 0.8 * PX_PER_M, x0 + w1 + 4.0, y0 + h), (0, 0, 0), SHADOW_A)
        gable_roof(c, x0, y0, x0 + w1, y0 + h, ROOFS["b"], ridge_ew=True)
        chimney(c, x0 + w1 + w2 * 0.55, y0 + h * 0.7)
        shapes = [
            polygon(
                [
                    (x0, y0),
                    (x0 + w1, y0),
                    (x0 + w1, y0 + 0.8 * PX_PER_M),
                    (x0 + w1 + w2, y0 + 0.8 * PX_PER_M),
                    (x0 + w1 + w2, y0 + h),
                    (x0, y0 + h),
                ],
                "hard",
            )
        ]
        size = (13.0, 9.0)
    return SceneryTile("", size, c.downsample(), shapes)


def cascina(rng: np.random.Generator) -> SceneryTile:
    """A Po-valley *cascina*: the farmhouse along the north, the barn (*fienile*) down the
    east side, a dovecote tower at their corner, round a brick-paved threshing floor."""
    del rng
    c = canvas()
    m = PX_PER_M
    x0, y0, x1, y1 = C - 7.5 * m, C - 7.2 * m, C + 7.0 * m, C + 7.0 * m
    house_d = 6.0 * m
    barn_w = 5.5 * m
    # the *aia*: drawn flat on the ground (drivable, no collision)
    aia = c.rect_mask(x0 + 0.5 * m, y0 + house_d, x1 - barn_w, y1 - 0.5 * m)
    c.paint(aia, AIA, 0.85)
    yy, xx = c.grid()
    c.paint(aia * ((np.mod(xx + 2 * np.floor(yy / 2.0), 4.0) < 0.4) | (np.mod(yy, 2.0) < 0.35)), shade(AIA, 0.85), 0.8)
    gable_roof(c, x1 - barn_w, y0 + house_d - 1, x1, y1, ROOFS["a"], ridge_ew=False)
    gable_roof(c, x0, y0, x1, y0 + house_d, ROOFS["b"], ridge_ew=True)
    chimney(c, x0 + 2.5 * m, y0 + 1.0 * m)
    chimney(c, x0 + 7.0 * m, y0 + 1.0 * m)
    # the *colombaia* (dovecote) rises above both roofs at the corner
    tx0, ty0 = x1 - 4.0 * m, y0 - 0.0
    tx1, ty1 = x1, y0 + 4.0 * m
    tower_shadow(c, tx0, ty0, tx1, ty1, 7.0)
    pyramid(c, tx0, ty0, tx1, ty1, ROOFS["c"])
    outline = [(x0, y0), (x1, y0), (x1, y1), (x1 - barn_w, y1), (x1 - barn_w, y0 + house_d), (x0, y0 + house_d)]
    return SceneryTile("", (14.5, 14.2), c.downsample(), [polygon(outline, "hard")])


def palazzo(rng: np.random.Generator) -> SceneryTile:
    """A town *palazzo*: four wings under one hipped roof round an arcaded cortile."""
    del rng
    c = canvas()
    m = PX_PER_M
    s = 7.3 * m  # half the outer side
    wing = 4.5 * m
    o0, o1 = C - s, C + s
    i0, i1 = o0 + wing, o1 - wing
    r0, r1 = o0 + wing / 2, o1 - wing / 2  # the ridge square
    roof = ROOFS["a"]
    whole = c.rect_mask(o0, o0, o1, o1)
    drop_shadow(c, whole, 4.0, 4.0)
    # the cortile: pale plaster, a well in the middle, the portico's shade under the wings
    court = c.rect_mask(i0, i0, i1, i1)
    c.paint(court, PLASTER)
    c.paint(c.rect_mask(i0, i0, i1, i0 + 1.2 * m) + c.rect_mask(i0, i0, i0 + 1.2 * m, i1), (0, 0, 0), 0.22)
    c.paint(c.circle_mask(C + 2, C + 2, 4.0), (0, 0, 0), 0.2)
    c.paint(c.circle_mask(C, C, 4.0), STONE)
    c.paint(c.circle_mask(C, C, 2.6), hex_rgb("#2f4f6a"))
    facets = (
        ([(o0, o0), (o1, o0), (r1, r0), (r0, r0)], "n", "v"),
        ([(o0, o1), (o1, o1), (r1, r1), (r0, r1)], "s", "v"),
        ([(o0, o0), (r0, r0), (r0, r1), (o0, o1)], "w", "h"),
        ([(o1, o0), (r1, r0), (r1, r1), (o1, o1)], "e", "h"),
        # inner slopes face the cortile: the north wing's inner slope faces south, …
        ([(r0, r0), (r1, r0), (i1, i0), (i0, i0)], "s", "v"),
        ([(r0, r1), (r1, r1), (i1, i1), (i0, i1)], "n", "v"),
        ([(r0, r0), (i0, i0), (i0, i1), (r0, r1)], "e", "h"),
        ([(r1, r0), (i1, i0), (i1, i1), (r1, r1)], "w", "h"),
    )
    for pts, side, grain in facets:
        coppi(c, c.poly_mask(pts), roof, FACING[side], grain)
    for a, b in (((o0, o0), (r0, r0)), ((o1, o0), (r1, r0)), ((o0, o1), (r0, r1)), ((o1, o1), (r1, r1))):
        c.paint(c.line_mask(a[0], a[1], b[0], b[1], 0.9), shade(roof, 1.25))
    for a, b in (((i0, i0), (r0, r0)), ((i1, i0), (r1, r0)), ((i0, i1), (r0, r1)), ((i1, i1), (r1, r1))):
        c.paint(c.line_mask(a[0], a[1], b[0], b[1], 0.9), shade(roof, 0.7))  # valleys
    ridge = np.clip(
        c.rect_mask(r0 - 0.6, r0 - 0.6, r1 + 0.6, r1 + 0.6) - c.rect_mask(r0 + 0.6, r0 + 0.6, r1 - 0.6, r1 - 0.6), 0, 1
    )
    c.paint(ridge, shade(roof, 1.3))
    eaves(c, whole, o0, o0, o1, o1, roof)
    c.paint(np.clip(court - c.rect_mask(i0 + 0.8, i0 + 0.8, i1 - 0.8, i1 - 0.8), 0, 1), shade(roof, 0.58))
    for x, y in ((o0 + 3 * m, o0 + 1.2 * m), (o1 - 2.5 * m, o0 + 1.2 * m), (o0 + 1.2 * m, o1 - 3 * m)):
        chimney(c, x, y)
    # the court is enclosed: the car collides with the whole block
    return SceneryTile("", (14.6, 14.6), c.downsample(), [rect(o0, o0, o1, o1, "hard")])


def church(rng: np.random.Generator) -> SceneryTile:
    """A village *pieve*: a gabled nave facing west, a round apse to the east and a brick
    *campanile* with a pyramid roof beside the apse, casting a long shadow."""
    del rng
    c = canvas()
    m = PX_PER_M
    nx0, nx1 = C - 7.2 * m, C + 4.3 * m
    ny0, ny1 = C - 4.6 * m, C + 1.8 * m
    ar = 2.6 * m  # apse radius
    acx, acy = nx1, (ny0 + ny1) / 2
    tx0, tx1 = nx1 - 4.2 * m, nx1 - 0.6 * m
    ty0, ty1 = ny1, ny1 + 3.6 * m
    apse = c.circle_mask(acx, acy, ar) * c.rect_mask(acx - 1, 0, TILE, TILE)
    drop_shadow(c, apse, 3.0, 3.0)
    tower_shadow(c, tx0, ty0, tx1, ty1, 16.0)
    # the parvis: a pale sagrato in front of the façade (drawn, drivable)
    c.paint(c.rect_mask(nx0 - 2.0 * m, ny0 - 0.5 * m, nx0, ny1 + 0.5 * m), STONE, 0.8)
    gable_roof(c, nx0, ny0, nx1, ny1, ROOFS["c"], ridge_ew=True)
    # the apse's half-cone roof, in radial coppi
    yy, xx = c.grid()
    ang = np.arctan2(yy - acy, xx - acx)
    lit = np.cos(ang - 1.25 * math.pi)
    roof = ROOFS["c"]
    apse_only = apse * (xx > nx1)
    c.paint(apse_only, shade(roof, 0.95))
    c.paint(apse_only * (lit < -0.2), shade(roof, 0.8))
    c.paint(apse_only * (np.abs(np.mod(ang * 14 / math.pi, 1.0) - 0.5) > 0.4), shade(roof, 0.85))
    c.paint(np.clip(apse_only - c.circle_mask(acx, acy, ar - 0.8), 0, 1), shade(roof, 0.58))
    # the façade's stone gable and rose window read from above as a pale strip
    c.paint(c.rect_mask(nx0, ny0, nx0 + 1.2, ny1), shade(STONE, 1.02))
    c.paint(c.rect_mask(nx0 - 0.4, (ny0 + ny1) / 2 - 1.5, nx0 + 2.0, (ny0 + ny1) / 2 + 1.5), STONE)  # the cross
    # the campanile
    tw = c.rect_mask(tx0, ty0, tx1, ty1)
    c.paint(tw, BRICK)
    c.paint(np.clip(tw - c.rect_mask(tx0 + 1.2, ty0 + 1.2, tx1 - 1.2, ty1 - 1.2), 0, 1), shade(BRICK, 0.7))
    pyramid(c, tx0 + 1.6, ty0 + 1.6, tx1 - 1.6, ty1 - 1.6, ROOFS["c"])
    c.paint(c.circle_mask((tx0 + tx1) / 2, (ty0 + ty1) / 2, 1.3), hex_rgb("#d8b24a"))  # the gilt cross
    n = 10
    apse_pts = [(acx + ar * math.sin(math.pi * k / n), acy - ar * math.cos(math.pi * k / n)) for k in range(n + 1)]
    shapes = [
        rect(nx0, ny0, nx1, ny1, "hard"),
        polygon([(acx - 0.5, acy - ar), *apse_pts, (acx - 0.5, acy + ar)], "hard"),
        rect(tx0, ty0, tx1, ty1, "hard"),
    ]
    size = (round((nx1 + ar - nx0) / m, 1), round((ty1 - ny0) / m, 1))
    return SceneryTile("", size, c.downsample(), shapes)


BOTTICINO = hex_rgb("#f1eadb")  # the white Botticino marble of Brescia's Loggia
LEAD = hex_rgb("#5b6a7c")  # the lead sheeting of the Loggia's keel roof, a dark blue-grey
ARCADE = hex_rgb("#5e544d")  # the shade under the open arcade


def loggia(rng: np.random.Generator) -> SceneryTile:
    """Brescia's Palazzo della Loggia: a white Botticino-stone block over an open arcade
    (dark arches along every edge), a balustrade with statues round the top, and its
    lead roof shaped like an upturned ship's keel: a long rounded vault along the east–west
    axis, lit from the top left in flat poster bands."""
    del rng
    c = canvas()
    m = PX_PER_M
    hw, hh = 7.2 * m, 5.8 * m  # half the footprint [px]: 14.4 m × 11.6 m
    x0, y0, x1, y1 = C - hw, C - hh, C + hw, C + hh
    whole = c.rect_mask(x0, y0, x1, y1)
    drop_shadow(c, whole, 6.0, 6.0)  # three tall storeys
    c.paint(whole, BOTTICINO)
    # The arcade: a dark band round the edge, cut by white piers, each bay ending in a
    # round arch, so the open ground floor reads from above.
    band = 0.7 * m
    c.paint(np.clip(whole - c.rect_mask(x0 + band, y0 + band, x1 - band, y1 - band), 0, 1), ARCADE)
    pier = 0.45 * m
    for a0, a1, fixed, horizontal in ((x0, x1, y0, True), (x0, x1, y1, True), (y0, y1, x0, False), (y0, y1, x1, False)):
        n = round((a1 - a0) / (2.4 * m))
        step = (a1 - a0) / n
        for k in range(n + 1):  # the piers, white, across the dark band
            p = a0 + k * step
            lo, hi = (fixed, fixed + band) if fixed in (x0, y0) else (fixed - band, fixed)
            box = (p - pier / 2, lo, p + pier / 2, hi) if horizontal else (lo, p - pier / 2, hi, p + pier / 2)
            c.paint(c.rect_mask(*box) * whole, BOTTICINO)
        for k in range(n):  # the arch heads, a half round inside each bay
            p = a0 + (k + 0.5) * step
            r = (step - pier) / 2
            inner = fixed + band if fixed in (x0, y0) else fixed - band
            cx, cy = (p, inner) if horizontal else (inner, p)
            head = c.circle_mask(cx, cy, r * 0.4) * c.rect_mask(x0 + band, y0 + band, x1 - band, y1 - band)
            c.paint(head, ARCADE)
    c.paint(np.clip(whole - c.rect_mask(x0 + 0.5, y0 + 0.5, x1 - 0.5, y1 - 0.5), 0, 1), shade(BOTTICINO, 0.62))
    # The cornice: a grey line where the upper storey meets the roof terrace.
    ci = 1.7 * m
    cornice = c.rect_mask(x0 + ci, y0 + ci, x1 - ci, y1 - ci)
    c.paint(np.clip(cornice - c.rect_mask(x0 + ci + 0.7, y0 + ci + 0.7, x1 - ci - 0.7, y1 - ci - 0.7), 0, 1),
            shade(BOTTICINO, 0.78))  # fmt: skip
    # The keel: a superellipse vault; its height field gives the light in flat bands.
    rx, ry = hw - 2.2 * m, hh - 2.8 * m
    yy, xx = c.grid()
    u, v = np.abs(xx - C) / rx, np.abs(yy - C) / ry
    d = (u**2.6 + v**2.2) ** (1 / 2.2)
    roof = (d <= 1.0).astype(np.float64)
    height = np.sqrt(np.clip(1.0 - d**2, 0.0, 1.0)) * ry * 1.1
    gy, gx = np.gradient(height, 1.0 / SS)
    normal = np.stack([-gx, -gy, np.ones_like(gx)])
    normal /= np.linalg.norm(normal, axis=0)
    light = np.array([-1.0, -1.0, 1.3]) / math.sqrt(3.69)
    lit = np.tensordot(light, normal, axes=1)
    drop_shadow(c, roof, 3.0, 3.0, 0.35)
    levels = np.linspace(lit[roof > 0].min(), lit[roof > 0].max(), 7)
    for k, lo in enumerate(levels[:-1]):
        band_mask = roof * (lit >= lo)
        c.paint(band_mask, shade(LEAD, 0.62 + 0.14 * k))
    # lead seams across the vault, and the ridge along its top
    seams = (np.abs(np.mod(xx - C + 0.6 * m, 1.2 * m) - 0.6 * m) < 0.35) * erode(roof, 1.2)
    c.paint(seams, shade(LEAD, 0.7), 0.55)
    c.paint(c.line_mask(C - rx * 0.62, C, C + rx * 0.62, C, 1.3), shade(LEAD, 1.55))
    c.paint(np.clip(roof - erode(roof, 0.8), 0, 1), shade(LEAD, 0.5))
    # statues on the balustrade: at the corners and above the piers of the long sides
    si = ci + 0.55 * m
    spots = [(x0 + si, y0 + si), (x1 - si, y0 + si), (x0 + si, y1 - si), (x1 - si, y1 - si)]
    spots += [(C + k * 3.2 * m, y) for k in (-1, 0, 1) for y in (y0 + si, y1 - si)]
    for sx, sy in spots:
        drop_shadow(c, c.circle_mask(sx, sy, 1.4), 1.5, 1.5, 0.3)
        c.paint(c.circle_mask(sx, sy, 1.4), WHITE)
        c.paint(c.circle_mask(sx - 0.4, sy - 0.4, 0.7), shade(WHITE, 1.05))
    return SceneryTile("", (14.4, 11.6), c.downsample(), [rect(x0, y0, x1, y1, "hard")])


def torre_orologio(rng: np.random.Generator) -> SceneryTile:
    """Brescia's Torre dell'Orologio, on the piazza across from the Loggia: a slim square
    stone tower under a lead pyramid roof, with the clock's blue-and-gold dial on its west
    face (seen edge-on from above) and a long shadow to the bottom right."""
    del rng
    c = canvas()
    m = PX_PER_M
    half = 3.0 * m
    x0, y0, x1, y1 = C - half, C - half, C + half, C + half
    tower_shadow(c, x0, y0, x1, y1, 22.0)  # it stands well above the houses round it
    body = c.rect_mask(x0, y0, x1, y1)
    c.paint(body, PLASTER)
    c.paint(np.clip(body - c.rect_mask(x0 + 1.0, y0 + 1.0, x1 - 1.0, y1 - 1.0), 0, 1), shade(PLASTER, 0.72))
    # the cornice round the top, a pale stone ring the roof sits inside
    ring = 0.7 * m
    c.paint(np.clip(c.rect_mask(x0 + 1.0, y0 + 1.0, x1 - 1.0, y1 - 1.0) - c.rect_mask(
        x0 + ring, y0 + ring, x1 - ring, y1 - ring), 0, 1), BOTTICINO)  # fmt: skip
    pyramid(c, x0 + ring, y0 + ring, x1 - ring, y1 - ring, LEAD)
    c.paint(c.circle_mask(C, C, 1.4), hex_rgb("#d8b24a"))  # the gilt finial
    # the clock's dial juts out of the west face: a blue band with a gold rim
    dial = c.rect_mask(x0 - 0.5 * m, C - 1.6 * m, x0, C + 1.6 * m)
    c.paint(dial, hex_rgb("#d8b24a"))
    c.paint(c.rect_mask(x0 - 0.4 * m, C - 1.4 * m, x0, C + 1.4 * m), hex_rgb("#2c4f8c"))
    return SceneryTile("", (6.5, 6.0), c.downsample(), [rect(x0, y0, x1, y1, "hard")])


def fountain(rng: np.random.Generator) -> SceneryTile:
    """A piazza fountain: a round stone basin of water round a column with a small upper
    bowl, for a town's square; the car hits the basin's rim."""
    del rng
    c = canvas()
    m = PX_PER_M
    r = 3.2 * m
    basin = c.circle_mask(C, C, r)
    drop_shadow(c, basin, 2.5, 2.5)
    c.paint(basin, STONE)
    c.paint(np.clip(basin - c.circle_mask(C, C, r - 0.6), 0, 1), shade(STONE, 0.75))
    water = c.circle_mask(C, C, r - 0.55 * m)
    c.paint(water, hex_rgb("#3f7fae"))
    yy, xx = c.grid()
    ripples = np.abs(np.mod(np.hypot(xx - C, yy - C), 0.8 * m) - 0.4 * m) < 0.35
    c.paint(water * ripples * (np.hypot(xx - C, yy - C) > 1.6 * m), hex_rgb("#79bfe6"), 0.6)
    c.paint(np.clip(c.circle_mask(C - 1.0, C - 1.0, r - 0.55 * m) - c.circle_mask(C, C, r - 0.55 * m - 1.2), 0, 1)
            * water, (0, 0, 0), 0.25)  # fmt: skip
    bowl = c.circle_mask(C, C, 1.4 * m)
    drop_shadow(c, bowl, 4.0, 4.0, 0.35)
    c.paint(bowl, shade(STONE, 1.05))
    c.paint(c.circle_mask(C, C, 1.4 * m - 1.0), hex_rgb("#79bfe6"))
    c.paint(c.circle_mask(C, C, 2.2), shade(STONE, 1.1))
    c.paint(c.circle_mask(C - 0.6, C - 0.6, 0.9), WHITE)
    return SceneryTile("", (6.4, 6.4), c.downsample(), [ellipse(C, C, r, r, "hard")])


# -- the sheet ----------------------------------------------------------------------------------------
# In tile-id order; append new tiles at the end so ids already placed in stages stay.
TILES: tuple[tuple[str, Callable[[np.random.Generator], SceneryTile]], ...] = (
    ("olive_a", lambda r: olive(r, 6.0, 0.7, 4)),
    ("olive_b", lambda r: olive(r, 7.5, 0.8, 5)),
    ("olive_c", lambda r: olive(r, 4.5, 0.5, 3)),
    ("cypress_a", lambda r: cypress(r, 2.2, 6.0)),
    ("cypress_b", lambda r: cypress(r, 3.0, 7.0)),
    ("umbrella_pine", umbrella_pine),
    ("poplar", poplar),
    ("plane_tree", plane_tree),
    ("trunk_marker", trunk_marker),
    ("bush", bush),
    ("hedge", hedge),
    ("straw_bales", straw_bales),
    ("haystack", haystack),
    ("stone_wall", stone_wall),
    ("km_stone", km_stone),
    ("house_a", lambda r: town_house(r, "a")),
    ("house_b", lambda r: town_house(r, "b")),
    ("house_c", lambda r: town_house(r, "c")),
    ("cascina", cascina),
    ("palazzo", palazzo),
    ("church", church),
    ("loggia", loggia),
    ("torre_orologio", torre_orologio),
    ("fountain", fountain),
)


def draw_tile(kind: str) -> SceneryTile:
    """Draw one tile by its kind, from its own seeded generator."""
    make = dict(TILES)[kind]
    tile = make(np.random.default_rng([SEED, zlib.crc32(kind.encode())]))
    tile.kind = kind
    return tile


def build() -> list[SceneryTile]:
    return [draw_tile(kind) for kind, _ in TILES]


def fmt(v: float) -> str:
    """A coordinate as Tiled writes it (6 significant digits), so a re-save keeps it."""
    return f"{v:.6g}"


def tsx_text(tiles: list[SceneryTile], image_name: str, width_px: int, height_px: int) -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<tileset version="1.8" tiledversion="1.8.2" name="scenery" tilewidth="{TILE}" '
        f'tileheight="{TILE}" tilecount="{len(tiles)}" columns="{COLUMNS}">',
        " <!-- Generated by tools/make_scenery.py: do not edit, run it. Tiles are 128 px = 16 m at 8 px/m."
        " Objects smaller than a tile are centred on it, so a tile object's visual centre is"
        " (width/2, -height/2) from its (x, y), the bottom-left corner, rotated with the object:"
        " 8 m right and 8 m up when unscaled. Collision shapes carry material = hard | soft. -->",
        " <properties>",
        f'  <property name="hd_image" type="file" value="{HD_IMAGE}"/>',
        " </properties>",
        f' <image source="{image_name}" width="{width_px}" height="{height_px}"/>',
    ]
    for i, t in enumerate(tiles):
        out.append(f' <tile id="{i}">')
        out.append("  <properties>")
        out.append(f'   <property name="kind" value="{t.kind}"/>')
        out.append('   <property name="solid" type="bool" value="false"/>')
        out.append("  </properties>")
        out.append('  <objectgroup draworder="index" id="2">')
        for k, s in enumerate(t.shapes, start=1):
            if s.form == "polygon":
                ox, oy = s.points[0]
                pts = " ".join(f"{fmt(x - ox)},{fmt(y - oy)}" for x, y in s.points)
                out.append(f'   <object id="{k}" x="{fmt(ox)}" y="{fmt(oy)}">')
            else:
                box = f'x="{fmt(s.x)}" y="{fmt(s.y)}" width="{fmt(s.width)}" height="{fmt(s.height)}"'
                out.append(f'   <object id="{k}" {box}>')
            out.append("    <properties>")
            out.append(f'     <property name="material" value="{s.material}"/>')
            out.append("    </properties>")
            if s.form == "ellipse":
                out.append("    <ellipse/>")
            elif s.form == "polygon":
                out.append(f'    <polygon points="{pts}"/>')
            out.append("   </object>")
        out.append("  </objectgroup>")
        out.append(" </tile>")
    out.append("</tileset>")
    return "\n".join(out) + "\n"


def main(out_dir: Path = OUT_DIR) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    tiles = build()
    if len(tiles) % COLUMNS:
        raise SystemExit(f"{len(tiles)} tiles do not fill rows of {COLUMNS}: Tiled would add empty tiles on a re-save")
    images = [t.image for t in tiles]
    w, h = save_tileset_images(images, COLUMNS, str(out_dir / "scenery.png"), str(out_dir / HD_IMAGE), tile_px=TILE)
    (out_dir / "scenery.tsx").write_text(tsx_text(tiles, "scenery.png", w, h), encoding="utf-8")
    print(f"wrote {out_dir / 'scenery.png'} ({w}x{h} px, {len(tiles)} tiles of {TILE} px) and scenery.tsx")
    for i, t in enumerate(tiles):
        print(f"  {i:2d} {t.kind:14s} {t.size_m[0]:g} x {t.size_m[1]:g} m  {t.material}")


if __name__ == "__main__":
    main()
