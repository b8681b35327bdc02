"""Generate the terrain tileset: ``levels/tilesets/terrain.png`` + ``terrain.tsx``.

Art direction: a 1950s Italian travel poster — warm, bold, flat colours, sun from the
top left, soft flat shadows to the bottom right. Tiles are 32 × 32 px at 8 px per metre,
so one tile is 4 m × 4 m; ``terrain-hd.png`` holds the same tiles drawn at 16 px/m (64 px),
named by the tileset property ``hd_image``, which the game bakes its close zooms from.

Every tile carries the custom properties ``surface`` (a name from
``assets/surfaces.toml``), ``solid`` (bool), ``kind`` (a stable name that
``make_prologo.py`` and designers use) and ``layer`` (the layer it is meant for:
``ground``, ``decor`` or ``above``). The tileset also has a Tiled corner Wang set
(``terrain``: grass, asphalt, water, cobbles) so Tiled's terrain brush paints smooth
road edges, corners and lake shores.

Reproducible: all randomness comes from one seeded numpy Generator.

Run:  SDL_VIDEODRIVER=dummy .venv/bin/python tools/make_tileset.py
"""

from __future__ import annotations

import math
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

import numpy as np
from numpy.typing import NDArray

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_scenery
import pygame
import tiles_route
from tileart import (
    ASPHALT,
    BEACH,
    BRICK,
    COBBLE,
    COBBLE_JOINT,
    CYPRESS,
    DIRT,
    DOME,
    FOAM,
    GRASS,
    GRASS_DARK,
    GRAVEL,
    GREEN_FLAG,
    HD,
    INK,
    KERB,
    OLIVE,
    OLIVE_LIGHT,
    PIAZZA,
    PINE,
    PLOUGHED,
    POPLAR,
    RED,
    ROOFS,
    SAND,
    SHADOW_A,
    SS,
    STONE,
    TILE_PX,
    TRUNK,
    VERGE,
    VINE,
    WATER,
    WAVE,
    WHEAT,
    WHITE,
    Canvas,
    Float,
    Rgb,
    blob,
    coppi,
    drop_shadow,
    erode,
    hex_rgb,
    joined_mask,
    periodic_noise,
    save_tileset_images,
    shade,
    symmetric_noise,
    textured,
    upsample,
)

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "levels" / "tilesets"
COLUMNS = 16
HD_IMAGE = "terrain-hd.png"  # the same tiles at HD × the resolution (16 px/m)
SEED = 1955  # the year of Moss and Jenkinson's record run

# Wang corner colours (1-based, Tiled convention); 0 = unset.
WANG_COLOURS: tuple[tuple[str, Rgb], ...] = (
    ("grass", GRASS),
    ("asphalt", ASPHALT),
    ("water", WATER),
    ("cobbles", COBBLE),
    ("gravel", tiles_route.GRAVEL_ROAD),
    ("wet_asphalt", tiles_route.WET),
    ("dirt", DIRT),
    ("sand", SAND),
)
W_GRASS, W_ASPHALT, W_WATER, W_COBBLES, W_GRAVEL, W_WET, W_DIRT, W_SAND = 1, 2, 3, 4, 5, 6, 7, 8
# Natural ground without a direction, periodic over the tile, so a mirror image joins its
# neighbours: the game draws these turned and mirrored at random per cell, and a field of
# one of them shows no 4-m grid (the tile property ``any_turn``).
ANY_TURN = frozenset(
    {"grass_a", "grass_b", "grass_c", "meadow", "water_a", "gravel", "dirt", "sand", "scree", "pasture"}
    | {"dirt_full", "sand_full"}
)
SEED_ROUTE = SEED + 1000  # the tiles added for the stages after the prologue draw from their own generator


@dataclass
class Tile:
    kind: str
    image: NDArray[np.uint8]  # the HD art (tileart.HD × TILE_PX a side)
    surface: str
    solid: bool
    layer: str  # "ground", "decor" or "above"
    corners: tuple[int, int, int, int] | None = None  # Wang colours (tl, tr, br, bl)
    probability: float = 1.0
    any_turn: bool = False  # the game may draw it turned or mirrored (see ANY_TURN)


class Sheet:
    """Collects tiles in order; the order is the tile id."""

    def __init__(self) -> None:
        self.tiles: list[Tile] = []

    def add(self, tile: Tile) -> None:
        if any(t.kind == tile.kind for t in self.tiles):
            raise ValueError(f"duplicate tile kind {tile.kind}")
        tile.any_turn = tile.kind in ANY_TURN
        self.tiles.append(tile)

    def add_piece(
        self, canvas: Canvas, prefix: str, names: list[list[str]], surface: str, solid: bool | None, layer: str
    ) -> None:
        """Cut a multi-tile canvas and add every cell as ``prefix_name``.

        ``solid=None``: a cell is solid when the art covers at least a third of it (the
        corners of an ellipse stay drivable).
        """
        cells = canvas.tiles()
        for r, row in enumerate(names):
            for c, name in enumerate(row):
                cell = cells[r][c]
                is_solid = bool(cell[..., 3].mean() >= 255 / 3) if solid is None else solid
                self.add(Tile(f"{prefix}_{name}", cell, surface, is_solid, layer))


# -- ground textures (periodic, so neighbouring tiles join without seams) --------------
@dataclass
class Textures:
    grass: Float
    asphalt: Float
    water: Float
    cobbles: Float


def make_textures(rng: np.random.Generator) -> Textures:
    """Base RGB images [y, x, 3] at supersampled resolution, each periodic over one tile."""
    n = TILE_PX
    # Grass and water under any_turn tiles: noise the same under every turn and mirror,
    # and faint, so its 4-m pattern does not show (the game adds a grain of its own).
    grass = textured(GRASS, upsample(symmetric_noise(rng, n, 3.0)), 0.015)
    asphalt_noise = 0.6 * periodic_noise(rng, n, 0.6) + 0.4 * periodic_noise(rng, n, 4.0)
    asphalt = textured(ASPHALT, upsample(asphalt_noise), 0.05)
    water = textured(WATER, upsample(symmetric_noise(rng, n, 5.0)), 0.015)
    return Textures(grass=grass, asphalt=asphalt, water=water, cobbles=cobble_texture(rng))


def cobble_texture(rng: np.random.Generator) -> Float:
    """Sampietrini laid in the Roman fan pattern (*coda di pavone*), periodic over a tile.

    Fans are overlapping circles in staggered rows, each later row drawn over the one
    above; inside a fan, stones follow concentric arcs.
    """
    c = Canvas(1, 1)
    yy, xx = c.grid()
    owner_d = np.full(yy.shape, np.inf)
    owner_ang = np.zeros(yy.shape)
    owner_id = np.zeros(yy.shape, dtype=np.int64)
    r_fan = 11.0  # > the lattice's covering radius (8 px), so every pixel has a fan
    k = 0
    # 8 px rows and 16 px fans divide the 32 px tile, so the pattern wraps seamlessly.
    for j in range(-2, 7):
        for i in range(-2, 4):
            cx = 16.0 * i + (8.0 if j % 2 else 0.0)
            cy = 8.0 * j
            d = np.hypot(xx - cx, yy - cy)
            inside = d < r_fan
            owner_d = np.where(inside, d, owner_d)
            owner_ang = np.where(inside, np.arctan2(yy - cy, xx - cx), owner_ang)
            owner_id = np.where(inside, k, owner_id)
            k += 1
    ring = np.floor(owner_d / 2.2)
    frac_r = owner_d / 2.2 - ring
    arc_len = owner_ang * np.maximum(owner_d, 1.0)
    seg = np.floor(arc_len / 2.2 + ring * 0.5)
    frac_a = arc_len / 2.2 + ring * 0.5 - seg
    joint = (frac_r < 0.16) | (frac_a < 0.14)
    stone_rand = rng.random(4096)
    stone_key = (owner_id * 97 + ring.astype(np.int64) * 13 + seg.astype(np.int64) * 7) % 4096
    tint = 0.90 + 0.18 * stone_rand[stone_key]
    base = np.array(COBBLE, dtype=np.float64) / 255.0
    joint_c = np.array(COBBLE_JOINT, dtype=np.float64) / 255.0
    img = base[None, None, :] * tint[..., None]
    img = np.where(joint[..., None], joint_c[None, None, :], img)
    return np.clip(img, 0, 1)


def tile_from_rgb(rgb: Float) -> NDArray[np.uint8]:
    c = Canvas(1, 1)
    c.paint_rgb(rgb, np.ones(rgb.shape[:2]))
    return c.downsample()


def canvas_of(rgb: Float) -> Canvas:
    c = Canvas(1, 1)
    c.paint_rgb(rgb, np.ones(rgb.shape[:2]))
    return c


# -- ground tiles ------------------------------------------------------------------------
def add_ground(sheet: Sheet, tex: Textures, rng: np.random.Generator) -> None:
    g = W_GRASS
    sheet.add(Tile("grass_a", tile_from_rgb(tex.grass), "grass", False, "ground", (g, g, g, g), 1.0))
    c = canvas_of(tex.grass)
    for _ in range(7):  # tufts: small darker chevrons, kept inside the tile
        x, y = rng.uniform(4, 28), rng.uniform(4, 28)
        c.paint(c.line_mask(x - 1.5, y - 1.5, x, y + 0.5, 0.9), GRASS_DARK)
        c.paint(c.line_mask(x, y + 0.5, x + 1.5, y - 1.5, 0.9), GRASS_DARK)
    sheet.add(Tile("grass_b", c.downsample(), "grass", False, "ground", (g, g, g, g), 0.35))
    c = canvas_of(tex.grass)
    for _ in range(9):  # wild flowers: white daisies and yellow buttercups
        x, y = rng.uniform(3, 29), rng.uniform(3, 29)
        col = WHITE if rng.random() < 0.5 else hex_rgb("#f2cf3c")
        c.paint(c.circle_mask(x, y, 0.8), col)
    sheet.add(Tile("grass_c", c.downsample(), "grass", False, "ground", (g, g, g, g), 0.25))

    a = W_ASPHALT
    sheet.add(Tile("asphalt", tile_from_rgb(tex.asphalt), "asphalt", False, "ground", (a, a, a, a)))
    w = W_WATER
    sheet.add(Tile("water_a", tile_from_rgb(tex.water), "water", False, "ground", (w, w, w, w), 1.0))
    c = canvas_of(tex.water)
    for x, y in ((6, 8), (20, 13), (11, 24), (25, 26)):
        draw_wave(c, x, y)
    sheet.add(Tile("water_b", c.downsample(), "water", False, "ground", (w, w, w, w), 0.5))
    cb = W_COBBLES
    sheet.add(Tile("cobbles", tile_from_rgb(tex.cobbles), "cobbles", False, "ground", (cb, cb, cb, cb)))

    sheet.add(Tile("piazza", piazza_paving(rng), "cobbles", False, "ground"))
    sheet.add(Tile("gravel", speckled(GRAVEL, rng, 0.03, hex_rgb("#a89878"), 40), "gravel", False, "ground"))
    sheet.add(Tile("dirt", speckled(DIRT, rng, 0.02, hex_rgb("#9e7341"), 18), "dirt", False, "ground"))
    sheet.add(Tile("sand", speckled(SAND, rng, 0.015, hex_rgb("#d5bd86"), 12), "sand", False, "ground"))
    sheet.add(Tile("wheat", striped(WHEAT, hex_rgb("#cfa53c"), rng, vertical=False), "dirt", False, "ground"))
    sheet.add(Tile("ploughed", striped(PLOUGHED, hex_rgb("#7d5432"), rng, vertical=True), "dirt", False, "ground"))
    sheet.add(Tile("vineyard_h", vineyard(rng, vertical=False), "dirt", False, "ground"))
    sheet.add(Tile("vineyard_v", vineyard(rng, vertical=True), "dirt", False, "ground"))
    sheet.add(Tile("meadow", meadow(tex.grass, rng), "grass", False, "ground"))


def meadow(grass: Float, rng: np.random.Generator) -> NDArray[np.uint8]:
    """Poppies, the red of the poster, strewn evenly (one or none in each 1-m square, off
    its centre) so a field of the tile, turned at random (any_turn), reads as one meadow."""
    c = canvas_of(grass)
    poppy, dark = hex_rgb("#d9412b"), hex_rgb("#8f2418")
    draws = np.random.default_rng([SEED, zlib.crc32(b"meadow")]).random((4, 4, 4))
    rng.uniform(3, 29, 12)  # the draws the tile used to take from the shared stream: later tiles keep their art
    for gy in range(4):
        for gx in range(4):
            keep, jx, jy, size = draws[gy, gx]
            if keep < 0.3:
                continue
            x, y = 8 * gx + 4 + (jx - 0.5) * 5, 8 * gy + 4 + (jy - 0.5) * 5
            c.paint(c.circle_mask(x, y, 0.8 + 0.4 * size), poppy)
            c.paint(c.circle_mask(x + 0.15, y + 0.15, 0.3), dark)
    return c.downsample()


def draw_wave(c: Canvas, x: float, y: float) -> None:
    """A little poster wave: two short arcs, like a flattened 'w'."""
    for dx in (-2.5, 2.5):
        yy, xx = c.grid()
        d = np.hypot(xx - (x + dx), yy - (y - 2.2))
        arc = (np.abs(d - 3.0) < 0.45) & (yy > y - 1.0)
        c.paint(arc.astype(np.float64), WAVE)


def speckled(base: Rgb, rng: np.random.Generator, amount: float, dot: Rgb, n_dots: int) -> NDArray[np.uint8]:
    c = canvas_of(textured(base, upsample(symmetric_noise(rng, TILE_PX, 1.5)), amount))
    for _ in range(n_dots):
        x, y = rng.uniform(1, 31), rng.uniform(1, 31)
        c.paint(c.circle_mask(x, y, rng.uniform(0.4, 0.8)), dot)
    return c.downsample()


def striped(base: Rgb, line: Rgb, rng: np.random.Generator, vertical: bool) -> NDArray[np.uint8]:
    c = canvas_of(textured(base, upsample(periodic_noise(rng, TILE_PX, 2.0)), 0.04))
    for k in range(8):
        p = 2 + 4 * k
        m = c.rect_mask(p, 0, p + 1.2, 32) if vertical else c.rect_mask(0, p, 32, p + 1.2)
        c.paint(m, line)
    return c.downsample()


def vineyard(rng: np.random.Generator, vertical: bool) -> NDArray[np.uint8]:
    """Rows of vines 2 m apart on bare earth (a *filare* every half tile)."""
    c = canvas_of(textured(hex_rgb("#bf9457"), upsample(periodic_noise(rng, TILE_PX, 2.0)), 0.05))
    for row in (8.0, 24.0):
        for k in range(8):  # one plant every 0.5 m, overlapping into a hedge
            t = 2 + 4 * k + rng.uniform(-0.4, 0.4)
            x, y = (row, t) if vertical else (t, row)
            c.paint(c.circle_mask(x + 1.2, y + 1.2, 2.6), (0, 0, 0), SHADOW_A)
            c.paint(c.circle_mask(x, y, 2.6), VINE)
            c.paint(c.circle_mask(x - 0.8, y - 0.8, 1.0), shade(VINE, 1.35))
    return c.downsample()


def piazza_paving(rng: np.random.Generator) -> NDArray[np.uint8]:
    """Large pale stone slabs (Piazza della Loggia), 2 m squares in a half bond."""
    c = canvas_of(textured(PIAZZA, upsample(periodic_noise(rng, TILE_PX, 2.0)), 0.04))
    joint = shade(PIAZZA, 0.8)
    for k in range(2):
        c.paint(c.rect_mask(0, 16 * k, 32, 16 * k + 0.6), joint)
        off = 8 if k else 0
        for j in range(3):
            x = off + 16 * j
            c.paint(c.rect_mask(x % 32, 16 * k, x % 32 + 0.6, 16 * k + 16), joint)
    return c.downsample()


# -- Wang transitions ----------------------------------------------------------------------
def corner_field(c: Canvas, corners: tuple[int, int, int, int]) -> Float:
    """Approximate signed distance [px] to the boundary between the two terrains.

    Positive inside the second terrain. The corners' 0/1 values are blended
    bilinearly and the 0.5 level is the boundary; dividing by the gradient turns the
    field into a distance, so edge bands come out of even width. Along a tile edge the
    field depends only on that edge's two corners, so neighbouring tiles always agree.
    """
    tl, tr, br, bl = (float(v) for v in corners)
    yy, xx = c.grid()
    u, v = xx / TILE_PX, yy / TILE_PX
    f = tl * (1 - u) * (1 - v) + tr * u * (1 - v) + br * u * v + bl * (1 - u) * v
    fu = (tr - tl) * (1 - v) + (br - bl) * v
    fv = (bl - tl) * (1 - u) + (br - tr) * u
    grad = np.maximum(np.hypot(fu, fv), 0.35)
    return (f - 0.5) / grad * TILE_PX


def add_wang_pairs(sheet: Sheet, tex: Textures) -> None:
    """Grass ↔ asphalt / water / cobbles: the 14 mixed corner combinations of each pair."""
    pairs = (
        ("asphalt", W_ASPHALT, tex.asphalt, "asphalt"),
        ("water", W_WATER, tex.water, "grass"),
        ("cobbles", W_COBBLES, tex.cobbles, "cobbles"),
    )
    for name, colour, texture, tie_surface in pairs:
        for code in range(1, 15):
            bits = tuple((code >> k) & 1 for k in (3, 2, 1, 0))  # tl, tr, br, bl
            c = Canvas(1, 1)
            d = corner_field(c, bits)  # type: ignore[arg-type]
            c.paint_rgb(tex.grass, np.ones(d.shape))
            draw_transition(c, name, d, texture)
            n_b = sum(bits)
            if n_b == 2:
                surface = tie_surface
            else:
                surface = name if n_b > 2 else "grass"
            corners = tuple(colour if b else W_GRASS for b in bits)
            sheet.add(
                Tile(
                    f"{name}_{''.join(str(b) for b in bits)}",
                    c.downsample(),
                    surface,
                    False,
                    "ground",
                    corners,  # type: ignore[arg-type]
                )
            )


def draw_transition(c: Canvas, name: str, d: Float, texture: Float) -> None:
    """Paint terrain ``name`` where ``d`` > 0 over grass, with the pair's edge detail."""
    inside = (d > 0).astype(np.float64)
    if name == "asphalt":
        c.paint(((d > -2.2) & (d <= 0)).astype(np.float64), VERGE)  # dusty verge
        c.paint_rgb(texture, inside)
        c.paint(((d > 0) & (d < 0.9)).astype(np.float64), shade(ASPHALT, 0.85))
    elif name == "water":
        c.paint(((d > -3.2) & (d <= 0)).astype(np.float64), BEACH)  # pebble beach
        c.paint(((d > -4.0) & (d <= -3.2)).astype(np.float64), shade(GRASS, 0.85))
        c.paint_rgb(texture, inside)
        c.paint(((d > 0) & (d < 1.6)).astype(np.float64), FOAM)
        c.paint(((d >= 1.6) & (d < 2.8)).astype(np.float64), WAVE)
    else:  # cobbles with a stone kerb
        c.paint(((d > -1.5) & (d <= 0)).astype(np.float64), shade(GRASS, 0.8))
        c.paint_rgb(texture, inside)
        c.paint(((d > 0) & (d < 1.4)).astype(np.float64), KERB)


# -- scenery ----------------------------------------------------------------------------------
def column_cell(kind: str) -> NDArray[np.uint8]:
    """A cypress or a Lombardy poplar of the tree rows, drawn as the scenery tileset draws
    them (a column seen end-on, foliage in flames, its long shadow saying how tall it is),
    cut from the middle of its 16-m tile to one 4-m cell (HD pixels); the shadow is kept
    short enough to stay in the cell."""
    rng = np.random.default_rng([SEED, zlib.crc32(kind.encode())])
    if kind == "cypress":
        c = make_scenery.column_tree(rng, CYPRESS, 1.6, 2.6, 7, shade(CYPRESS, 1.5))
    else:
        c = make_scenery.column_tree(rng, POPLAR, 2.0, 2.6, 11, hex_rgb("#c9dc9a"))
    img = c.downsample()
    n = TILE_PX * HD
    c0 = (img.shape[0] - n) // 2
    return np.ascontiguousarray(img[c0 : c0 + n, c0 : c0 + n])


def tree(rng: np.random.Generator, kind: str) -> NDArray[np.uint8]:
    c = Canvas(1, 1)
    if kind == "olive":
        m = blob(c, 15.5, 15.5, 12.0, rng, 7)
        drop_shadow(c, m, 2.5, 2.5, 0.36)
        c.paint(m, shade(OLIVE, 0.72))  # a dark rim so the silvery canopy reads on grass
        c.paint(erode(m, 1.0), OLIVE)
        for _ in range(14):  # silvery leaves catching the light, mostly top left
            x, y = rng.normal(12.5, 4.0), rng.normal(12.5, 4.0)
            c.paint(c.circle_mask(x, y, rng.uniform(1.0, 1.8)) * m, OLIVE_LIGHT)
        for _ in range(6):
            x, y = rng.normal(19.5, 3.5), rng.normal(19.5, 3.5)
            c.paint(c.circle_mask(x, y, rng.uniform(1.0, 1.8)) * m, shade(OLIVE, 0.78))
    elif kind in ("cypress", "poplar"):
        return column_cell(kind)
    elif kind == "bush":
        m = blob(c, 16, 16, 7.0, rng, 5)
        drop_shadow(c, m, 1.5, 1.5)
        c.paint(m, hex_rgb("#6e9a45"))
        c.paint(c.circle_mask(14, 14, 3.0) * m, hex_rgb("#8db85a"))
    elif kind == "trunk":
        m = c.circle_mask(16, 16, 2.8)
        drop_shadow(c, m, 1.5, 1.5)
        c.paint(m, TRUNK)
    return c.downsample()


def umbrella_pine(rng: np.random.Generator) -> Canvas:
    """A *pino domestico* canopy, 3 × 3 tiles (12 m), drawn above the cars with its shade."""
    c = Canvas(3, 3)
    m = np.zeros((c.h, c.w))
    for _ in range(22):
        a, rr = rng.uniform(0, 2 * math.pi), rng.uniform(0, 28)
        m = np.maximum(m, c.circle_mask(48 + math.cos(a) * rr * 0.9, 48 + math.sin(a) * rr * 0.9, rng.uniform(9, 14)))
    m *= c.circle_mask(48, 48, 44)
    drop_shadow(c, m, 3.5, 3.5, 0.25)
    c.paint(m, PINE)
    for _ in range(40):  # needle clusters: lighter on the sunny side
        a, rr = rng.uniform(0, 2 * math.pi), rng.uniform(0, 36)
        x, y = 48 + math.cos(a) * rr, 48 + math.sin(a) * rr
        light = (x + y) < 92
        col = shade(PINE, 1.35) if light else shade(PINE, 0.8)
        c.paint(c.circle_mask(x, y, rng.uniform(2.5, 5.0)) * m, col)
    return c


def house(w_tiles: int, roof: Rgb, chimneys: tuple[tuple[float, float], ...] = ()) -> Canvas:
    """A hipped terracotta roof two tiles deep, ridge east–west; sun from the top left.

    Drawn three tiles wide so the middle column is uniform and can be repeated to make
    longer houses; the left and right columns are the hip ends, where the ``chimneys``
    stand (top-left corners [px]: never in the middle column, or a long house would
    have a row of them).
    """
    c = Canvas(w_tiles, 2)
    x0, y0, x1, y1 = 1.0, 1.0, 32.0 * w_tiles - 1.0, 62.0
    ry = (y0 + y1) / 2
    half = (y1 - y0) / 2
    rx0, rx1 = x0 + half, x1 - half
    whole = c.rect_mask(x0, y0, x1, y1)
    drop_shadow(c, whole, 0.0, 1.5)  # only downward: left/right ends are shared by M tiles
    facets = (
        ([(x0, y0), (x1, y0), (rx1, ry), (rx0, ry)], 1.12, "v"),  # north
        ([(x0, y1), (x1, y1), (rx1, ry), (rx0, ry)], 0.8, "v"),  # south
        ([(x0, y0), (rx0, ry), (x0, y1)], 1.02, "h"),  # west
        ([(x1, y0), (rx1, ry), (x1, y1)], 0.88, "h"),  # east
    )
    for pts, f, grain in facets:
        coppi(c, c.poly_mask(pts), roof, f, grain)
    for (ax, ay), (bx, by) in (
        ((x0, y0), (rx0, ry)),
        ((x0, y1), (rx0, ry)),
        ((x1, y0), (rx1, ry)),
        ((x1, y1), (rx1, ry)),
    ):
        c.paint(c.line_mask(ax, ay, bx, by, 0.8), shade(roof, 1.25))
    c.paint(c.line_mask(rx0, ry, rx1, ry, 1.1), shade(roof, 1.32))  # the ridge's capping tiles
    c.paint(c.line_mask(rx0, ry + 0.6, rx1, ry + 0.6, 0.35), shade(roof, 0.7))
    for cx, cy in chimneys:
        m = c.rect_mask(cx, cy, cx + 4, cy + 4)
        drop_shadow(c, m, 2.0, 2.0, 0.4)
        c.paint(m, shade(STONE, 0.9))
        c.paint(c.rect_mask(cx, cy, cx + 4, cy + 1.2), shade(STONE, 1.05))  # its sunny side
        c.paint(c.rect_mask(cx + 1, cy + 1, cx + 3, cy + 3), INK)
    c.paint(np.clip(whole - c.rect_mask(x0 + 0.7, y0 + 0.7, x1 - 0.7, y1 - 0.7), 0, 1), shade(roof, 0.6))
    return c


# Chimneys of the house pieces by roof (top-left corners [px] on the 3 × 2 tile drawing).
CHIMNEYS: dict[str, tuple[tuple[float, float], ...]] = {
    "a": ((10.0, 16.0), (80.0, 40.0)),
    "b": ((82.0, 15.0),),
    "c": ((9.0, 40.0), (78.0, 17.0)),
}


def transposed(c: Canvas) -> Canvas:
    """The same art with x and y swapped (ridge north–south); lighting stays top-left."""
    t = Canvas(1, 1)
    t.rgba = np.ascontiguousarray(np.transpose(c.rgba, (1, 0, 2)))
    t.h, t.w = c.w, c.h
    return t


def dome() -> Canvas:
    """Brescia's Duomo Nuovo from above: a lead dome with ribs on a stone drum, 4 × 4 tiles."""
    c = Canvas(4, 4)
    base = c.rect_mask(2, 2, 126, 126)
    drop_shadow(c, base, 3, 3)
    c.paint(base, shade(STONE, 0.95))
    c.paint(np.clip(base - c.rect_mask(5, 5, 123, 123), 0, 1), shade(STONE, 0.75))
    drum = c.circle_mask(64, 64, 54)
    drop_shadow(c, drum, 3, 3, 0.35)
    c.paint(drum, STONE)
    d = c.circle_mask(64, 64, 46)
    c.paint(d, DOME)
    yy, xx = c.grid()
    lit = ((xx - 64) + (yy - 64) < -8).astype(np.float64)
    c.paint(d * lit, shade(DOME, 1.18))
    ang = np.arctan2(yy - 64, xx - 64)
    ribs = (np.abs(np.mod(ang * 16 / (2 * math.pi), 1.0) - 0.5) > 0.44).astype(np.float64)
    c.paint(d * ribs, shade(DOME, 0.75))
    lantern = c.circle_mask(64, 64, 9)
    drop_shadow(c, lantern, 2, 2, 0.4)
    c.paint(lantern, STONE)
    c.paint(c.circle_mask(64, 64, 5), DOME)
    c.paint(c.circle_mask(63, 63, 1.6), hex_rgb("#d8b24a"))  # the gilt cross
    return c


def tower() -> Canvas:
    """A brick tower with a pyramid roof (Torre dell'Orologio), 2 × 2 tiles."""
    c = Canvas(2, 2)
    body = c.rect_mask(6, 6, 58, 58)
    streak = np.maximum(c.line_mask(32, 32, 63, 63, 52), body)
    c.paint(np.clip(streak - body, 0, 1), (0, 0, 0), SHADOW_A)
    c.paint(body, BRICK)
    c.paint(np.clip(body - c.rect_mask(9, 9, 55, 55), 0, 1), shade(BRICK, 0.7))  # battlement
    m = (32.0, 32.0)
    roof = ROOFS["c"]
    for pts, f in (
        ([(10, 10), (54, 10), m], 1.15),
        ([(10, 10), (10, 54), m], 1.0),
        ([(54, 10), (54, 54), m], 0.85),
        ([(10, 54), (54, 54), m], 0.75),
    ):
        c.paint(c.poly_mask(pts), shade(roof, f))
    c.paint(c.circle_mask(32, 32, 2.5), hex_rgb("#d8b24a"))  # bronze bell-ringers' orb
    return c


def fountain() -> Canvas:
    c = Canvas(2, 2)
    rim = c.circle_mask(32, 32, 27)
    drop_shadow(c, rim, 2, 2)
    c.paint(rim, STONE)
    c.paint(c.circle_mask(32, 32, 23), hex_rgb("#4a9bd0"))
    c.paint(c.circle_mask(30, 30, 16) - c.circle_mask(30, 30, 14.8), WAVE)
    col = c.circle_mask(32, 32, 6)
    drop_shadow(c, col, 1.5, 1.5, 0.35)
    c.paint(col, shade(STONE, 1.05))
    c.paint(c.circle_mask(32, 32, 3), FOAM)
    return c


def umbrella() -> NDArray[np.uint8]:
    """A café parasol, red and white segments."""
    c = Canvas(1, 1)
    disc = c.circle_mask(16, 16, 12.5)
    drop_shadow(c, disc, 2.5, 2.5)
    yy, xx = c.grid()
    seg = np.floor(np.mod(np.arctan2(yy - 16, xx - 16), 2 * math.pi) / (2 * math.pi) * 8) % 2
    c.paint(disc * (seg == 0), RED)
    c.paint(disc * (seg == 1), WHITE)
    c.paint(c.circle_mask(16, 16, 1.3), INK)
    return c.downsample()


def lamp() -> NDArray[np.uint8]:
    c = Canvas(1, 1)
    pole = c.line_mask(16, 16, 16, 16, 2.2)
    c.paint(c.line_mask(17, 17, 29, 28, 1.6), (0, 0, 0), SHADOW_A)  # long thin shadow
    head = c.circle_mask(16, 16, 3.6)
    c.paint(head, INK)
    c.paint(c.circle_mask(16, 16, 2.6), hex_rgb("#f4e3a1"))
    c.paint(pole, INK)
    return c.downsample()


def stone_wall(n: bool, e: bool, s: bool, w: bool) -> NDArray[np.uint8]:
    """A dry-stone wall 1.5 m thick, joined towards the given neighbours (an autotile)."""
    c = Canvas(1, 1)
    lo, hi = 10.0, 22.0
    m = joined_mask(c, lo, hi, n, e, s, w)
    drop_shadow(c, m, 2, 2)
    c.paint(m, STONE)
    yy, xx = c.grid()
    # irregular courses of stones
    joints = (np.mod(yy + 1.7 * np.floor(xx / 5.0), 4.0) < 0.5) | (np.mod(xx + 2.3 * np.floor(yy / 4.0), 5.0) < 0.5)
    c.paint(m * joints, shade(STONE, 0.82))
    if not (n or e or s or w):
        c.paint(c.rect_mask(lo + 2, lo + 2, hi - 2, hi - 2), shade(STONE, 1.08))
    return c.downsample()


def person(c: Canvas, x: float, y: float, shirt: Rgb, hat: Rgb | None) -> None:
    body = c.ellipse_mask(x, y, 3.0, 2.0)
    drop_shadow(c, body, 1.2, 1.2)
    c.paint(body, shirt)
    c.paint(c.circle_mask(x, y, 1.6), hat or hex_rgb("#5a3b25"))


def spectators(rng: np.random.Generator, flags: bool) -> NDArray[np.uint8]:
    c = Canvas(1, 1)
    shirts = [WHITE, hex_rgb("#3f6fb0"), RED, hex_rgb("#e0b93f"), hex_rgb("#6d8f5a"), hex_rgb("#8a5a9e")]
    for k in range(5):
        x, y = 5 + 5.5 * k + rng.uniform(-0.8, 0.8), 16 + rng.uniform(-6, 6)
        hat = hex_rgb("#eed99a") if rng.random() < 0.5 else None  # straw hats
        person(c, x, y, shirts[int(rng.integers(len(shirts)))], hat)
    if flags:
        for x, y in ((9.0, 7.0), (22.0, 24.0)):
            for k, col in enumerate((GREEN_FLAG, WHITE, RED)):
                c.paint(c.rect_mask(x + 2 * k, y, x + 2 * k + 2, y + 4), col)
            c.paint(c.rect_mask(x - 0.6, y, x, y + 6), INK)
    return c.downsample()


def cyclists() -> NDArray[np.uint8]:
    """Two cyclists riding side by side, seen from above (heading east)."""
    c = Canvas(1, 1)
    for y, jersey in ((11.0, hex_rgb("#7fd1c6")), (21.0, RED)):  # Bianchi celeste and red
        frame = c.line_mask(6, y, 26, y, 1.2)
        drop_shadow(c, frame, 1.2, 1.2)
        c.paint(frame, INK)
        body = c.ellipse_mask(15, y, 3.2, 2.6)
        drop_shadow(c, body, 1.2, 1.2)
        c.paint(body, jersey)
        c.paint(c.circle_mask(18, y, 1.6), hex_rgb("#5a3b25"))
        c.paint(c.line_mask(15, y - 2, 21, y - 2.5, 0.8), jersey)
        c.paint(c.line_mask(15, y + 2, 21, y + 2.5, 0.8), jersey)
    return c.downsample()


def boat(sail: bool) -> NDArray[np.uint8]:
    c = Canvas(1, 1)
    hull_pts = [(4.0, 16.0), (9.0, 11.5), (24.0, 12.0), (28.0, 16.0), (24.0, 20.0), (9.0, 20.5)]
    hull = c.poly_mask(hull_pts)
    c.paint(np.clip(np.roll(hull, (0, 3 * SS), axis=(0, 1)) - hull, 0, 1), FOAM, 0.8)  # wake
    drop_shadow(c, hull, 1.5, 1.5, 0.25)
    if sail:
        c.paint(hull, WHITE)
        c.paint(c.poly_mask([(10, 16), (24, 16), (12, 5)]), hex_rgb("#f3e4b4"))
        c.paint(c.line_mask(10, 16, 24, 16, 1.0), INK)
    else:
        c.paint(hull, hex_rgb("#8f5a33"))
        c.paint(c.poly_mask([(6.5, 16), (10, 13), (23.5, 13.5), (26, 16), (23.5, 18.5), (10, 19)]), hex_rgb("#c08a55"))
        for x in (11.0, 16.0, 21.0):
            c.paint(c.rect_mask(x, 13, x + 1.5, 19), hex_rgb("#8f5a33"))
    return c.downsample()


def hay_bale() -> NDArray[np.uint8]:
    c = Canvas(1, 1)
    m = c.circle_mask(16, 16, 7.5)
    drop_shadow(c, m, 2.5, 2.5)
    c.paint(m, hex_rgb("#e2c161"))
    yy, xx = c.grid()
    r = np.hypot(xx - 16, yy - 16)
    c.paint(m * (np.mod(r, 2.2) < 0.5), hex_rgb("#c9a54a"))
    return c.downsample()


def arrow_sign(direction: int) -> NDArray[np.uint8]:
    """The Freccia Rossa on a white roadside disc; direction 0=E, 1=S, 2=W, 3=N."""
    c = Canvas(1, 1)
    disc = c.circle_mask(16, 16, 9)
    drop_shadow(c, disc, 2, 2)
    c.paint(disc, WHITE)
    c.paint(np.clip(disc - c.circle_mask(16, 16, 8), 0, 1), INK)
    pts = [(9.0, 14.0), (17.0, 14.0), (17.0, 10.5), (23.5, 16.0), (17.0, 21.5), (17.0, 18.0), (9.0, 18.0)]
    a = direction * math.pi / 2
    rot = [
        (16 + (x - 16) * math.cos(a) - (y - 16) * math.sin(a), 16 + (x - 16) * math.sin(a) + (y - 16) * math.cos(a))
        for x, y in pts
    ]
    c.paint(c.poly_mask(rot), RED)
    return c.downsample()


def flag_pole() -> NDArray[np.uint8]:
    c = Canvas(1, 1)
    c.paint(c.line_mask(16, 16, 27, 26, 1.2), (0, 0, 0), SHADOW_A)
    for k, col in enumerate((GREEN_FLAG, WHITE, RED)):
        c.paint(c.rect_mask(16 + 4 * k, 10, 20 + 4 * k, 17), col)
    c.paint(c.circle_mask(16, 16, 1.6), INK)
    return c.downsample()


def reeds(rng: np.random.Generator) -> NDArray[np.uint8]:
    c = Canvas(1, 1)
    for _ in range(16):
        x, y = rng.uniform(4, 28), rng.uniform(6, 28)
        ln = rng.uniform(3, 6)
        c.paint(c.line_mask(x, y, x + rng.uniform(-1, 1), y - ln, 0.9), hex_rgb("#6f8f3a"))
        c.paint(c.ellipse_mask(x, y - ln, 0.7, 1.4), hex_rgb("#7a5230"))
    return c.downsample()


def rocks(rng: np.random.Generator) -> NDArray[np.uint8]:
    c = Canvas(1, 1)
    for x, y, r in ((12.0, 13.0, 6.5), (21.0, 20.0, 5.0), (10.0, 23.0, 3.5)):
        m = blob(c, x, y, r, rng, 5)
        drop_shadow(c, m, 1.8, 1.8)
        c.paint(m, hex_rgb("#a7a196"))
        c.paint(c.circle_mask(x - r * 0.3, y - r * 0.3, r * 0.45) * m, hex_rgb("#c5bfb2"))
    return c.downsample()


def checkered(vertical: bool) -> NDArray[np.uint8]:
    """A chequered finish/start line 1 m wide across the tile centre."""
    c = Canvas(1, 1)
    for i in range(8):
        for j in range(2):
            col = INK if (i + j) % 2 else WHITE
            x0, y0 = 4.0 * i, 12.0 + 4.0 * j
            if vertical:
                x0, y0 = y0, x0
            c.paint(c.rect_mask(x0, y0, x0 + 4, y0 + 4), col)
    return c.downsample()


def bunting(vertical: bool) -> NDArray[np.uint8]:
    """A string of tricolore pennants across the street (drawn above the cars)."""
    c = Canvas(1, 1)
    c.paint(c.line_mask(0, 9, 32, 9, 0.6), INK)
    for k in range(4):
        x = 1 + 8 * k
        col = (GREEN_FLAG, WHITE, RED, WHITE)[k]
        m = c.poly_mask([(x, 9), (x + 6, 9), (x + 3, 15)])
        drop_shadow(c, m, 3, 5, 0.2)
        c.paint(m, col)
    img = c.downsample()
    return np.ascontiguousarray(np.transpose(img, (1, 0, 2))) if vertical else img


def banner(vertical: bool) -> Canvas:
    """The 1000 MIGLIA banner over a start or finish line, 3 tiles long.

    Horizontal spans a north–south street; vertical spans an east–west one (text
    reads bottom to top). Drawn above the cars, so its shadow falls on them too.
    """
    c = Canvas(1, 3) if vertical else Canvas(3, 1)

    def box(a0: float, b0: float, a1: float, b1: float) -> Float:
        # (a, b) are (along, across) the banner
        return c.rect_mask(b0, a0, b1, a1) if vertical else c.rect_mask(a0, b0, a1, b1)

    band = box(1, 9, 95, 23)
    drop_shadow(c, band, 4, 6, 0.22)
    c.paint(band, RED)
    c.paint(box(1, 9, 95, 10.2) + box(1, 21.8, 95, 23), WHITE)
    for a in (0.5, 94.0):
        c.paint(box(a, 5, a + 1.5, 27), INK)
    pygame.font.init()
    font = pygame.font.Font(None, 11 * SS)
    text = font.render("1000 MIGLIA", True, (255, 255, 255))
    if vertical:
        text = pygame.transform.rotate(text, 90)
    tw, th = text.get_size()
    alpha = pygame.surfarray.array_alpha(text).T.astype(np.float64) / 255.0
    ox, oy = int(c.w / 2 - tw / 2), int(c.h / 2 - th / 2)
    if not vertical:
        oy += SS // 2  # the font's descender space sits low; nudge the caps to the centre
    cover = np.zeros((c.h, c.w))
    cover[oy : oy + th, ox : ox + tw] = alpha
    c.paint(cover, WHITE)
    return c


def gate_roof(length_tiles: int) -> Canvas:
    """The roof of a town gate spanning the street, ``length_tiles`` long, ridge N–S."""
    h = house(length_tiles, ROOFS["c"])
    return transposed(h)


def add_scenery(sheet: Sheet, rng: np.random.Generator) -> None:
    for kind, solid in (("olive", True), ("cypress", True), ("poplar", True), ("bush", False)):
        sheet.add(Tile(kind, tree(rng, kind), "grass", solid, "decor"))
    sheet.add(Tile("trunk", tree(rng, "trunk"), "grass", True, "decor"))
    names3 = [["tl", "t", "tr"], ["l", "c", "r"], ["bl", "b", "br"]]
    sheet.add_piece(umbrella_pine(rng), "pine", names3, "grass", False, "above")

    for key, roof in ROOFS.items():
        sheet.add_piece(
            house(3, roof, CHIMNEYS.get(key, ())),
            f"house_{key}",
            [["tl", "t", "tr"], ["bl", "b", "br"]],
            "cobbles",
            True,
            "decor",
        )
    for key in ("a", "b"):
        t = transposed(house(3, ROOFS[key]))
        sheet.add_piece(t, f"housev_{key}", [["tl", "tr"], ["l", "r"], ["bl", "br"]], "cobbles", True, "decor")

    n4 = [[f"{r}{c}" for c in range(4)] for r in range(4)]
    sheet.add_piece(dome(), "dome", n4, "cobbles", True, "decor")
    sheet.add_piece(tower(), "tower", [["tl", "tr"], ["bl", "br"]], "cobbles", True, "decor")
    sheet.add_piece(fountain(), "fountain", [["tl", "tr"], ["bl", "br"]], "cobbles", True, "decor")
    sheet.add(Tile("umbrella", umbrella(), "cobbles", True, "decor"))
    sheet.add(Tile("lamp", lamp(), "cobbles", True, "decor"))
    for code in range(16):
        n, e, s, w = (bool(code & 8), bool(code & 4), bool(code & 2), bool(code & 1))
        name = "wall_" + ("".join(k for k, b in zip("nesw", (n, e, s, w), strict=True) if b) or "post")
        sheet.add(Tile(name, stone_wall(n, e, s, w), "grass", True, "decor"))

    sheet.add(Tile("spectators_a", spectators(rng, flags=False), "grass", True, "decor"))
    sheet.add(Tile("spectators_b", spectators(rng, flags=False), "grass", True, "decor"))
    sheet.add(Tile("spectators_flags", spectators(rng, flags=True), "grass", True, "decor"))
    sheet.add(Tile("cyclists", cyclists(), "grass", True, "decor"))
    sheet.add(Tile("rowing_boat", boat(sail=False), "water", False, "decor"))
    sheet.add(Tile("sail_boat", boat(sail=True), "water", False, "decor"))
    sheet.add(Tile("reeds", reeds(rng), "water", False, "decor"))
    sheet.add(Tile("hay_bale", hay_bale(), "grass", True, "decor"))
    sheet.add(Tile("rocks", rocks(rng), "grass", True, "decor"))
    sheet.add(Tile("flag", flag_pole(), "cobbles", True, "decor"))
    for d, name in enumerate(("e", "s", "w", "n")):
        sheet.add(Tile(f"arrow_{name}", arrow_sign(d), "grass", True, "decor"))
    sheet.add(Tile("finish_line_h", checkered(vertical=False), "cobbles", False, "decor"))
    sheet.add(Tile("finish_line_v", checkered(vertical=True), "cobbles", False, "decor"))

    sheet.add(Tile("bunting_h", bunting(vertical=False), "cobbles", False, "above"))
    sheet.add(Tile("bunting_v", bunting(vertical=True), "cobbles", False, "above"))
    sheet.add_piece(banner(vertical=False), "banner", [["l", "m", "r"]], "cobbles", False, "above")
    sheet.add_piece(banner(vertical=True), "banner_v", [["t"], ["m"], ["b"]], "cobbles", False, "above")
    sheet.add_piece(gate_roof(3), "gate", [["tl", "tr"], ["l", "r"], ["bl", "br"]], "cobbles", False, "above")


# -- output ------------------------------------------------------------------------------------
def tsx_text(sheet: Sheet, image_name: str, width_px: int, height_px: int, hd_name: str = HD_IMAGE) -> str:
    tiles = sheet.tiles
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<tileset version="1.8" tiledversion="1.8.2" name="terrain" tilewidth="{TILE_PX}" '
        f'tileheight="{TILE_PX}" tilecount="{len(tiles)}" columns="{COLUMNS}">',
        " <properties>",
        f'  <property name="hd_image" type="file" value={quoteattr(hd_name)}/>',
        " </properties>",
        f' <image source="{image_name}" width="{width_px}" height="{height_px}"/>',
    ]
    for i, t in enumerate(tiles):
        prob = f' probability="{t.probability:g}"' if t.probability != 1.0 else ""
        out.append(f' <tile id="{i}"{prob}>')
        out.append("  <properties>")
        if t.any_turn:
            out.append('   <property name="any_turn" type="bool" value="true"/>')
        out.append(f'   <property name="kind" value={quoteattr(t.kind)}/>')
        out.append(f'   <property name="layer" type="string" propertytype="tile_layer" value="{t.layer}"/>')
        out.append(f'   <property name="solid" type="bool" value="{str(t.solid).lower()}"/>')
        out.append(f'   <property name="surface" type="string" propertytype="surface" value="{t.surface}"/>')
        out.append("  </properties>")
        out.append(" </tile>")
    out.append(" <wangsets>")
    out.append('  <wangset name="terrain" type="corner" tile="-1">')
    for name, rgb in WANG_COLOURS:
        rep = next(i for i, t in enumerate(tiles) if t.corners == (WANG_COLOURS.index((name, rgb)) + 1,) * 4)
        out.append(
            f'   <wangcolor name="{name}" color="#{rgb[0]:02x}{rgb[1]:02x}{rgb[2]:02x}" tile="{rep}" probability="1"/>'
        )
    for i, t in enumerate(tiles):
        if t.corners is None:
            continue
        tl, tr, br, bl = t.corners
        # Tiled's wangid order: top, top-right, right, bottom-right, bottom, bottom-left, left, top-left
        out.append(f'   <wangtile tileid="{i}" wangid="0,{tr},0,{br},0,{bl},0,{tl}"/>')
    out.append("  </wangset>")
    out.append(" </wangsets>")
    out.append("</tileset>")
    return "\n".join(out) + "\n"


def build_sheet() -> Sheet:
    rng = np.random.default_rng(SEED)
    tex = make_textures(rng)
    sheet = Sheet()
    add_ground(sheet, tex, rng)
    add_wang_pairs(sheet, tex)
    add_scenery(sheet, rng)
    add_route_tiles(sheet, tex, np.random.default_rng(SEED_ROUTE))
    add_soft_terrains(sheet, tex, np.random.default_rng(SEED_ROUTE + 1))
    return sheet


def add_route_tiles(sheet: Sheet, tex: Textures, rng: np.random.Generator) -> None:
    """Tiles for the stages after the prologue, appended so every earlier tile id stays."""
    gravel, wet = tiles_route.gravel_texture(rng), tiles_route.wet_texture(rng)
    g, w = W_GRAVEL, W_WET
    sheet.add(Tile("gravel_road", tile_from_rgb(gravel), "gravel", False, "ground", (g, g, g, g)))
    sheet.add(Tile("wet_asphalt", tile_from_rgb(wet), "wet_asphalt", False, "ground", (w, w, w, w)))
    for name, colour, texture, surface in (("gravel", g, gravel, "gravel"), ("wet", w, wet, "wet_asphalt")):
        for code in range(1, 15):
            bits = tuple((code >> k) & 1 for k in (3, 2, 1, 0))  # tl, tr, br, bl
            c = Canvas(1, 1)
            d = corner_field(c, bits)  # type: ignore[arg-type]
            c.paint_rgb(tex.grass, np.ones(d.shape))
            tiles_route.draw_route_transition(c, name, d, texture, GRASS)
            corners = tuple(colour if b else W_GRASS for b in bits)
            tile_surface = surface if sum(bits) >= 2 else "grass"
            kind = f"{name}_{''.join(str(b) for b in bits)}"
            sheet.add(Tile(kind, c.downsample(), tile_surface, False, "ground", corners))  # type: ignore[arg-type]

    def grid(rows: int, cols: int) -> list[list[str]]:
        return [[f"{r}_{c}" for c in range(cols)] for r in range(rows)]

    sheet.add_piece(tiles_route.amphitheatre(rng, colosseum=False), "arena", grid(8, 10), "cobbles", None, "decor")
    sheet.add_piece(tiles_route.amphitheatre(rng, colosseum=True), "colosseum", grid(8, 10), "cobbles", None, "decor")
    sheet.add_piece(tiles_route.rotonda(), "rotonda", grid(4, 4), "grass", None, "decor")
    sheet.add_piece(tiles_route.basilica(), "basilica", grid(3, 6), "cobbles", None, "decor")
    sheet.add(Tile("statue", tiles_route.statue(), "grass", True, "decor"))
    sheet.add(Tile("bridge_deck", tiles_route.deck_tile(tex.asphalt), "asphalt", False, "ground"))
    for side in ("w", "e"):
        img = tiles_route.parapet_tile(tex.water, tex.asphalt, east=side == "e")
        sheet.add(Tile(f"parapet_{side}", img, "asphalt", True, "ground"))
    for kind in ("w", "m", "e"):
        sheet.add(Tile(f"truss_{kind}", tiles_route.truss_tile(kind), "asphalt", False, "above"))
    for code in range(16):
        n, e, s, w_ = (bool(code & 8), bool(code & 4), bool(code & 2), bool(code & 1))
        name = "brick_" + ("".join(k for k, b in zip("nesw", (n, e, s, w_), strict=True) if b) or "post")
        sheet.add(Tile(name, tiles_route.brick_wall(n, e, s, w_), "grass", True, "decor"))
    sheet.add_piece(tiles_route.start_ramp(), "ramp", [["tl", "t", "tr"], ["bl", "b", "br"]], "asphalt", False, "decor")
    sheet.add(Tile("saltpan", tiles_route.saltpan(rng), "water", False, "ground"))
    sheet.add(Tile("scree", tiles_route.mountain_ground(rng, scree=True), "grass", False, "ground"))
    sheet.add(Tile("pasture", tiles_route.mountain_ground(rng, scree=False), "grass", False, "ground"))
    sheet.add(Tile("plane", tiles_route.plane_tree(rng), "grass", True, "decor"))


def add_soft_terrains(sheet: Sheet, tex: Textures, rng: np.random.Generator) -> None:
    """Dirt tracks and sand for the terrain brush: a full tile and the 14 grass transitions
    of each, appended after every earlier tile so existing ids stay."""
    n = TILE_PX
    for name, colour, rgb in (("dirt", W_DIRT, DIRT), ("sand", W_SAND, SAND)):
        texture = textured(rgb, upsample(symmetric_noise(rng, n, 2.0)), 0.02)
        sheet.add(Tile(f"{name}_full", tile_from_rgb(texture), name, False, "ground", (colour,) * 4))
        for code in range(1, 15):
            bits = tuple((code >> k) & 1 for k in (3, 2, 1, 0))  # tl, tr, br, bl
            c = Canvas(1, 1)
            d = corner_field(c, bits)  # type: ignore[arg-type]
            c.paint_rgb(tex.grass, np.ones(d.shape))
            # No kerb: the track frays into the grass with a worn fringe.
            c.paint(((d > -1.6) & (d <= 0)).astype(np.float64), shade(rgb, 0.93), 0.55)
            c.paint_rgb(texture, (d > 0).astype(np.float64))
            corners = tuple(colour if b else W_GRASS for b in bits)
            surface = name if sum(bits) >= 2 else "grass"
            kind = f"{name}_{''.join(str(b) for b in bits)}"
            sheet.add(Tile(kind, c.downsample(), surface, False, "ground", corners))  # type: ignore[arg-type]


def main(out_dir: Path = OUT_DIR) -> None:
    pygame.font.init()  # only the font module: no audio or display needed
    out_dir.mkdir(parents=True, exist_ok=True)
    sheet = build_sheet()
    images = [t.image for t in sheet.tiles]
    w, h = save_tileset_images(images, COLUMNS, str(out_dir / "terrain.png"), str(out_dir / HD_IMAGE))
    (out_dir / "terrain.tsx").write_text(tsx_text(sheet, "terrain.png", w, h), encoding="utf-8")
    print(f"wrote {out_dir / 'terrain.png'} ({w}x{h} px, {len(sheet.tiles)} tiles), {HD_IMAGE} (×{HD}) and terrain.tsx")


if __name__ == "__main__":
    main()
