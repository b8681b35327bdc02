"""Tile art for the stages after the prologue (used by ``make_tileset.py``).

Road textures for two more Wang terrains (the white gravel of the *strade bianche*
and rain-soaked asphalt), the landmarks that make each stage recognisable from above
— Verona's Arena, the Colosseum, Palladio's Villa La Rotonda and Basilica, the
statues of Prato della Valle, the truss of the Po bridge, Ferrara's brick walls, the
start ramp on Viale Venezia — and a few grounds: salt pans, mountain scree and
pasture, plane trees. Same poster style as the rest: flat colours, sun from the top
left, flat shadows to the bottom right.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray
from tileart import (
    ASPHALT,
    BRICK,
    INK,
    RED,
    ROOFS,
    SHADOW_A,
    STONE,
    TILE_PX,
    WATER,
    WAVE,
    WHITE,
    Canvas,
    Float,
    Rgb,
    blob,
    drop_shadow,
    erode,
    hex_rgb,
    joined_mask,
    periodic_noise,
    shade,
    symmetric_noise,
    textured,
    upsample,
)

GRAVEL_ROAD = hex_rgb("#e2d8bd")  # Tuscan/Umbrian white limestone gravel
WET = hex_rgb("#3f4148")  # asphalt darkened by rain, a little blue from the sky
ARENA_PINK = hex_rgb("#d7a791")  # Verona's pink Valpolicella limestone
TRAVERTINE = hex_rgb("#e6d8b8")
SAND_FLOOR = hex_rgb("#e4cd98")
COPPER = hex_rgb("#5f9f8a")  # verdigris on the Basilica Palladiana's keel roof
STEEL = hex_rgb("#5d7566")  # 1950s bridge paint, grey-green
SALT = hex_rgb("#efe3e1")
SCREE = hex_rgb("#aaa193")
PASTURE = hex_rgb("#a7b35f")
PLANE = hex_rgb("#7f9f48")


# -- road textures (periodic over one tile) -----------------------------------------------------
def gravel_texture(rng: np.random.Generator) -> Float:
    n = TILE_PX
    noise = 0.6 * periodic_noise(rng, n, 0.5) + 0.4 * periodic_noise(rng, n, 3.0)
    img = textured(GRAVEL_ROAD, upsample(noise), 0.07)
    # scattered darker pebbles, wrapped so the tile stays seamless
    c = Canvas(1, 1)
    c.paint_rgb(img, np.ones(img.shape[:2]))
    for _ in range(26):
        x, y, r = rng.uniform(0, 32), rng.uniform(0, 32), rng.uniform(0.35, 0.7)
        for dx in (-32, 0, 32):
            for dy in (-32, 0, 32):
                c.paint(c.circle_mask(x + dx, y + dy, r), shade(GRAVEL_ROAD, 0.8))
    return c.rgba[..., :3].copy()


def wet_texture(rng: np.random.Generator) -> Float:
    """Wet asphalt: darker than dry, its grain softened by a film of water that takes an
    even, faint sheen of the sky and sparkles where the aggregate breaks the film. No
    puddles: any shape in a 4-m tile repeats down the road and reads as a pattern (the
    half-moons that made the road look like a canal)."""
    n = TILE_PX
    base = 0.6 * periodic_noise(rng, n, 0.6) + 0.4 * periodic_noise(rng, n, 4.0)
    img = textured(WET, upsample(base), 0.035)
    film = upsample(periodic_noise(rng, n, 5.0))  # drawn even if barely used: later tiles keep their noise
    sky = np.array(hex_rgb("#8d9bb0"), dtype=np.float64) / 255.0
    gloss = (0.10 + 0.05 * film)[..., None]
    out = img * (1 - gloss) + sky[None, None, :] * gloss
    # glints: a fixed sparse scatter (a hash of the pixel, seamless because it is per pixel)
    yy, xx = np.mgrid[0 : out.shape[0], 0 : out.shape[1]]
    glint = ((xx * 73 + yy * 151 + (xx * yy) % 97) % 211 == 0)[..., None]
    return np.clip(np.where(glint, out * 0.6 + 0.4 * sky[None, None, :] * 1.3, out), 0, 1)


def draw_route_transition(c: Canvas, name: str, d: Float, texture: Float, grass: Rgb) -> None:
    """Edges of the new Wang terrains over grass (``d`` > 0 inside the terrain)."""
    inside = (d > 0).astype(np.float64)
    if name == "gravel":
        # no kerb: the white gravel frays into the grass, with a dusty fringe
        c.paint(((d > -1.6) & (d <= 0)).astype(np.float64), shade(GRAVEL_ROAD, 0.93), 0.55)
        c.paint_rgb(texture, inside)
    else:  # wet asphalt: a dark soaked verge and a glistening edge
        c.paint(((d > -2.2) & (d <= 0)).astype(np.float64), shade(grass, 0.72))
        c.paint_rgb(texture, inside)
        c.paint(((d > 0) & (d < 0.9)).astype(np.float64), shade(WET, 0.8))


# -- landmarks ------------------------------------------------------------------------------------------
def ellipse_parts(c: Canvas, cx: float, cy: float, rx: float, ry: float) -> tuple[Float, Float]:
    """Normalised elliptic radius and angle [rad] of every pixel about (cx, cy)."""
    yy, xx = c.grid()
    u, v = (xx - cx) / rx, (yy - cy) / ry
    return np.hypot(u, v), np.arctan2(v, u)


def amphitheatre(rng: np.random.Generator, colosseum: bool) -> Canvas:
    """An elliptical amphitheatre, 10 × 8 tiles (40 × 32 m).

    Verona's Arena: pink limestone, tiers intact, the outer ring gone but for the four
    arches of the *Ala* on the north side. The Colosseum: travertine, the outer ring
    standing on the north but broken away on the south, the cavea a ruin of brick
    vaults, the arena floor open over the hypogeum's walls.
    """
    c = Canvas(10, 8)
    cx, cy, rx, ry = 160.0, 128.0, 154.0, 122.0
    rho, ang = ellipse_parts(c, cx, cy, rx, ry)
    stone = TRAVERTINE if colosseum else ARENA_PINK
    deg = np.degrees(ang) % 360  # 0 = east, 90 = south (y down)
    if colosseum:
        broken = (deg > 15) & (deg < 165)
        edge = 0.91 + 0.03 * np.sin(ang * 23) * np.sin(ang * 7)
        body = ((rho <= 1.0) & ~broken) | (rho <= edge)
    else:
        ala = (deg > 255) & (deg < 285)
        body = (rho <= 0.92) | ((rho <= 1.0) & ala)
    body_f = body.astype(np.float64)
    drop_shadow(c, body_f, 4, 4, 0.32)
    c.paint(body_f, stone)
    # the arcades of the outer rings: an arch every 5°
    arches = (np.mod(ang * 72 / (2 * math.pi), 1.0) < 0.38) & body
    outer_band = (rho > 0.84) & (rho <= 1.0)
    c.paint((arches & outer_band).astype(np.float64), shade(stone, 0.72))
    c.paint(((rho > 0.83) & (rho <= 0.845) & body).astype(np.float64), shade(stone, 0.8))
    # the cavea: tiers stepping down to the arena, lit from the top left
    cavea = (rho > 0.5) & (rho <= 0.83)
    tiers = np.floor((rho - 0.5) / 0.33 * 14)
    light = 1.0 + 0.07 * np.cos(ang + math.radians(135))
    for k in range(14):
        m = (cavea & (tiers == k)).astype(np.float64)
        c.paint(m, shade(stone, (1.04 if k % 2 else 0.94) * 1.0), 1.0)
    c.paint_rgb(np.clip(c.rgba[..., :3] * light[..., None], 0, 1), cavea.astype(np.float64))
    # vomitoria: the radial stairways
    aisles = (np.abs(np.mod(ang * 16 / (2 * math.pi), 1.0) - 0.5) > 0.47) & cavea
    c.paint(aisles.astype(np.float64), shade(stone, 0.62))
    if colosseum:
        vaults = (np.mod(ang * 80 / (2 * math.pi), 1.0) < 0.45) & (rho > 0.6) & (rho <= 0.84)
        ruin = vaults & (np.sin(ang * 5 + 1.3) > -0.2)
        c.paint(ruin.astype(np.float64), hex_rgb("#b97c5c"))
        c.paint((vaults & ~ruin).astype(np.float64), hex_rgb("#8f5f46"))
    # podium wall and the floor
    c.paint(((rho > 0.47) & (rho <= 0.5)).astype(np.float64), shade(stone, 1.12))
    floor = (rho <= 0.47).astype(np.float64)
    if colosseum:
        c.paint(floor, hex_rgb("#9d7a5e"))  # the hypogeum seen from above
        yy, xx = c.grid()
        walls = (np.mod(yy - cy, 5.0) < 1.3) | (np.abs(yy - cy) < 2.0)
        c.paint(floor * walls, hex_rgb("#d2bc9a"))
        deck = floor * (xx > cx + rx * 0.2)  # the reconstructed arena floor at the east end
        c.paint(deck, hex_rgb("#b08a5c"))
        c.paint(deck * (np.mod(xx, 3.0) < 0.5), hex_rgb("#8d6b45"))
    else:
        c.paint(floor, SAND_FLOOR)
        c.paint(floor * (rng.random(floor.shape) < 0.04), shade(SAND_FLOOR, 0.9))
        # the stage set of the opera festival at the east end
        yy, xx = c.grid()
        stage_set = floor * (xx > cx + rx * 0.3)
        c.paint(stage_set, hex_rgb("#5a4a3c"))
    return c


def rotonda() -> Canvas:
    """Palladio's Villa La Rotonda: a square block, a dome, a portico on every side (4 × 4)."""
    c = Canvas(4, 4)
    m = (64.0, 64.0)
    roof = ROOFS["a"]
    porticoes = []
    for k in range(4):
        a = k * math.pi / 2
        ca, sa = math.cos(a), math.sin(a)

        def rot(x: float, y: float, ca: float = ca, sa: float = sa) -> tuple[float, float]:
            return (64 + x * ca - y * sa, 64 + x * sa + y * ca)

        steps = [rot(46, -16), rot(62, -16), rot(62, 16), rot(46, 16)]
        gable = [rot(28, -15), rot(48, -15), rot(58, 0), rot(48, 15), rot(28, 15)]
        porticoes.append((steps, gable, rot(28, 0), rot(58, 0)))
    body = c.rect_mask(30, 30, 98, 98)
    for steps, gable, _, _ in porticoes:
        body = np.maximum(body, np.maximum(c.poly_mask(steps), c.poly_mask(gable)))
    drop_shadow(c, body, 3, 3)
    for steps, _, _, _ in porticoes:
        s = c.poly_mask(steps)
        c.paint(s, WHITE)
        yy, xx = c.grid()
        c.paint(s * ((np.mod(xx, 2.5) < 0.5) | (np.mod(yy, 2.5) < 0.5)), shade(WHITE, 0.85))
    # the hipped roof of the block
    for pts, f in (
        ([(30, 30), (98, 30), m], 1.12),
        ([(30, 30), (30, 98), m], 1.0),
        ([(98, 30), (98, 98), m], 0.88),
        ([(30, 98), (98, 98), m], 0.8),
    ):
        c.paint(c.poly_mask(pts), shade(roof, f))
    for _, gable, (bx, by), (tx, ty) in porticoes:
        g = c.poly_mask(gable)
        c.paint(g, shade(roof, 0.98))
        c.paint(c.line_mask(bx, by, tx, ty, 1.0), shade(roof, 1.3))
    drum = c.circle_mask(64, 64, 20)
    drop_shadow(c, drum, 2, 2, 0.35)
    c.paint(drum, WHITE)
    dome = c.circle_mask(64, 64, 16)
    c.paint(dome, hex_rgb("#9aa7a2"))
    yy, xx = c.grid()
    c.paint(dome * ((xx - 64) + (yy - 64) < -6), hex_rgb("#b6c2bd"))
    c.paint(c.circle_mask(64, 64, 4), WHITE)
    return c


def basilica() -> Canvas:
    """The Basilica Palladiana: a white two-storey loggia round a copper keel roof (6 × 3)."""
    c = Canvas(6, 3)
    outer = c.rect_mask(3, 3, 189, 93)
    drop_shadow(c, outer, 3, 3)
    c.paint(outer, hex_rgb("#efe8d8"))
    yy, xx = c.grid()
    ring = np.clip(outer - c.rect_mask(12, 12, 180, 84), 0, 1)
    arcade = ((np.mod(xx, 8.0) < 3.0) & ((yy < 9) | (yy > 87))) | ((np.mod(yy, 8.0) < 3.0) & ((xx < 9) | (xx > 183)))
    c.paint(ring * arcade, shade(WHITE, 0.78))
    statues = (np.mod(xx, 8.0) < 1.6) & (np.abs(yy - 3.6) < 0.8) | (np.mod(xx, 8.0) < 1.6) & (np.abs(yy - 92.4) < 0.8)
    c.paint(outer * statues, INK, 0.6)
    keel = c.ellipse_mask(96, 48, 86, 36) * c.rect_mask(16, 14, 176, 82)
    drop_shadow(c, keel, 2, 2, 0.35)
    c.paint(keel, COPPER)
    lit = (yy < 48).astype(np.float64)
    c.paint(keel * lit, shade(COPPER, 1.18))
    c.paint(keel * (np.mod(xx, 6.0) < 0.8), shade(COPPER, 0.78))
    c.paint(keel * (np.abs(yy - 48) < 1.0), shade(COPPER, 1.35))
    return c


def statue() -> NDArray[np.uint8]:
    """One of the 78 statues round the canal of Prato della Valle."""
    c = Canvas(1, 1)
    plinth = c.rect_mask(10, 10, 22, 22)
    drop_shadow(c, plinth, 2, 2)
    c.paint(plinth, shade(STONE, 0.92))
    fig = c.ellipse_mask(16, 16, 3.6, 2.6)
    drop_shadow(c, fig, 2.5, 2.5, 0.4)
    c.paint(fig, WHITE)
    c.paint(c.circle_mask(15, 15, 1.5), shade(WHITE, 1.0))
    return c.downsample()


def deck_tile(asphalt_rgb: Float) -> NDArray[np.uint8]:
    """The bridge deck: asphalt with an expansion joint every 4 m."""
    c = Canvas(1, 1)
    c.paint_rgb(asphalt_rgb, np.ones(asphalt_rgb.shape[:2]))
    c.paint(c.rect_mask(0, 0, 32, 0.8), shade(ASPHALT, 0.7))
    return c.downsample()


def parapet_tile(water_rgb: Float, asphalt_rgb: Float, east: bool) -> NDArray[np.uint8]:
    """Water beside the deck, a parapet, the deck's edge: a north–south bridge's side."""
    c = Canvas(1, 1)
    c.paint_rgb(water_rgb, np.ones(water_rgb.shape[:2]))
    yy, xx = c.grid()
    x = 32 - xx if east else xx
    c.paint_rgb(asphalt_rgb, (x >= 20).astype(np.float64))
    c.paint(((x >= 15) & (x < 20)).astype(np.float64), shade(STONE, 0.85))
    c.paint(((x >= 15) & (x < 16)).astype(np.float64), shade(STONE, 0.6))
    c.paint(((x >= 11) & (x < 15)).astype(np.float64), (0, 0, 0), 0.25)  # the parapet's shadow on the water
    c.paint(((x < 11) & (np.mod(yy + 3 * np.sin(xx / 3), 8) < 0.8)).astype(np.float64), WAVE)
    return c.downsample()


def truss_tile(kind: str) -> NDArray[np.uint8]:
    """The Po bridge's steel truss seen from above, drawn over the cars.

    ``w`` / ``e``: a top chord over the parapet line with its bracing; ``m``: the
    lateral X bracing across the road. Periodic north–south (repeat along the bridge).
    """
    c = Canvas(1, 1)
    m = np.zeros((c.h, c.w))
    if kind in ("w", "e"):
        x0 = 15.0 if kind == "w" else 12.0
        m = np.maximum(m, c.rect_mask(x0, 0, x0 + 5, 32))
        xin = 32.0 if kind == "w" else 0.0
        m = np.maximum(m, c.line_mask(x0 + 2.5, 0, xin, 16, 1.8))
        m = np.maximum(m, c.line_mask(xin, 16, x0 + 2.5, 32, 1.8))
        m = np.maximum(m, c.rect_mask(min(x0, xin), 0, max(x0 + 5, xin), 1.6))
    else:
        m = np.maximum(m, c.line_mask(0, 16, 32, 0, 1.8))
        m = np.maximum(m, c.line_mask(0, 16, 32, 32, 1.8))
        m = np.maximum(m, c.rect_mask(0, 0, 32, 1.6))
    drop_shadow(c, m, 3, 3, 0.28)
    c.paint(m, STEEL)
    c.paint(m * (c.grid()[0] % 4 < 0.7), shade(STEEL, 1.25), 0.5)  # rivets catching the light
    return c.downsample()


def brick_wall(n: bool, e: bool, s: bool, w: bool) -> NDArray[np.uint8]:
    """A brick town wall 5 m thick (Ferrara, the Aurelian walls), joined to its neighbours."""
    c = Canvas(1, 1)
    lo, hi = 5.0, 27.0
    m = joined_mask(c, lo, hi, n, e, s, w)
    drop_shadow(c, m, 2.5, 2.5)
    c.paint(m, BRICK)
    yy, xx = c.grid()
    courses = (np.mod(yy, 2.0) < 0.4) | (np.mod(xx + 2.0 * (np.floor(yy / 2.0) % 2), 4.0) < 0.4)
    c.paint(m * courses, shade(BRICK, 0.82))
    c.paint(erode(m, 3.0), hex_rgb("#8fa65a"), 0.85)  # the walk on top is grass
    return c.downsample()


def start_ramp() -> Canvas:
    """The start ramp on Viale Venezia, 3 × 2 tiles, cars leave it eastwards."""
    c = Canvas(3, 2)
    deck = c.rect_mask(2, 10, 70, 54)
    slope = c.poly_mask([(70, 10), (94, 16), (94, 48), (70, 54)])
    drop_shadow(c, np.maximum(deck, slope), 3, 3, 0.4)
    c.paint(deck, hex_rgb("#c79a62"))
    _, xx = c.grid()
    c.paint(deck * (np.mod(xx, 4.0) < 0.6), hex_rgb("#a37a48"))
    c.paint(slope, hex_rgb("#a8824f"))
    c.paint(slope * (np.mod(xx, 4.0) < 0.6), hex_rgb("#8a6a3d"))
    c.paint(c.rect_mask(2, 24, 94, 40) * np.maximum(deck, slope), RED)  # the carpet
    for y0 in (10.0, 51.0):
        stripe = c.rect_mask(2, y0, 70, y0 + 3)
        c.paint(stripe * (np.mod(xx, 8.0) < 4.0), RED)
        c.paint(stripe * (np.mod(xx, 8.0) >= 4.0), WHITE)
    return c


def saltpan(rng: np.random.Generator) -> NDArray[np.uint8]:
    """Ravenna's salt pans (Saline di Cervia): shallow pink-white basins between dikes."""
    c = Canvas(1, 1)
    c.paint_rgb(textured(SALT, upsample(periodic_noise(rng, TILE_PX, 4.0)), 0.04), np.ones((c.h, c.w)))
    c.paint(c.rect_mask(0, 0, 32, 1.5) + c.rect_mask(0, 0, 1.5, 32), hex_rgb("#b59f84"))
    c.paint(c.rect_mask(1.5, 1.5, 32, 3), WATER, 0.35)
    return c.downsample()


def mountain_ground(rng: np.random.Generator, scree: bool) -> NDArray[np.uint8]:
    base = SCREE if scree else PASTURE
    c = Canvas(1, 1)
    c.paint_rgb(textured(base, upsample(symmetric_noise(rng, TILE_PX, 2.0)), 0.02), np.ones((c.h, c.w)))
    for _ in range(18 if scree else 8):
        x, y = rng.uniform(2, 30), rng.uniform(2, 30)
        if scree:
            m = c.ellipse_mask(x, y, rng.uniform(0.8, 1.8), rng.uniform(0.6, 1.2), rng.uniform(0, 3))
            c.paint(m, shade(SCREE, rng.uniform(0.75, 1.15)))
        else:
            c.paint(c.line_mask(x - 1.2, y - 1.2, x, y + 0.5, 0.8), shade(PASTURE, 0.8))
            c.paint(c.line_mask(x, y + 0.5, x + 1.2, y - 1.2, 0.8), shade(PASTURE, 0.8))
    return c.downsample()


def plane_tree(rng: np.random.Generator) -> NDArray[np.uint8]:
    """A *platano* of the Roman avenues: a broad mottled canopy."""
    c = Canvas(1, 1)
    m = blob(c, 16, 16, 13.0, rng, 7)
    drop_shadow(c, m, 3, 3, SHADOW_A + 0.04)
    c.paint(m, shade(PLANE, 0.8))
    c.paint(erode(m, 1.0), PLANE)
    for _ in range(16):
        x, y = rng.normal(13, 4.5), rng.normal(13, 4.5)
        c.paint(c.circle_mask(x, y, rng.uniform(1.2, 2.4)) * m, hex_rgb("#a9c46a"))
    return c.downsample()
