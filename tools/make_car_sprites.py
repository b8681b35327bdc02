"""Draw the top-down car sprites: ``assets/sprites/cars/<car_id>.png`` (and ``@2x``).

Every car points right (+x, the heading-0 direction of ``core.geometry``), its right-hand
side at +y (down), its centre at the image centre. Shapes are laid out in metres in the
car's own frame (x forward from the body centre, y to the right), drawn with pygame at
``INTERNAL_PX_PER_M`` and box-filtered down with premultiplied alpha, so edges are
antialiased without dark fringes. Bodywork is lit from a height map (blurred masks),
which is what makes flat polygons read as rounded wings and bonnets. No randomness:
running it twice writes identical files.

Usage: ``python tools/make_car_sprites.py [--out assets/sprites/cars] [--preview sheet.png]``
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import numpy as np
import pygame
from numpy.typing import NDArray

Array = NDArray[np.float64]
RGB = tuple[float, float, float]
Pt = tuple[float, float]

REPO = Path(__file__).resolve().parent.parent
OUT_PX_PER_M = (32, 64)  # "<id>.png" is 4× the stage's 8 px/m, "<id>@2x.png" 8× (menus)
INTERNAL_PX_PER_M = 256  # drawn at this, then box-filtered down (8× and 4× supersampling)
MARGIN_M = 0.3  # room around the car for its soft shadow


# --------------------------------------------------------------------------- canvas


def rgb(hex_colour: str) -> RGB:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(ch * 2 for ch in h)
    return (int(h[0:2], 16) / 255.0, int(h[2:4], 16) / 255.0, int(h[4:6], 16) / 255.0)


@dataclass
class Canvas:
    """Pixel grid of one car, with metre→pixel mapping and a premultiplied RGBA image."""

    length_m: float
    width_m: float
    ppm: float = INTERNAL_PX_PER_M

    def __post_init__(self) -> None:
        # Size in whole output pixels at the coarsest scale so every downsample is exact.
        step = INTERNAL_PX_PER_M // min(OUT_PX_PER_M)
        w = math.ceil((self.length_m + 2 * MARGIN_M) * min(OUT_PX_PER_M) / 2) * 2
        h = math.ceil((self.width_m + 2 * MARGIN_M) * min(OUT_PX_PER_M) / 2) * 2
        self.w, self.h = w * step, h * step
        self.rgba = np.zeros((self.h, self.w, 4))

    # metres (car frame) → pixels
    def px(self, x_m: float, y_m: float) -> tuple[float, float]:
        return (self.w / 2 + x_m * self.ppm, self.h / 2 + y_m * self.ppm)

    def m(self, length_m: float) -> float:
        return length_m * self.ppm

    # ---- masks: white shapes drawn on black, returned as float (h, w) in [0, 1]
    def mask(self, draw: Callable[[pygame.Surface], None]) -> Array:
        surf = pygame.Surface((self.w, self.h))
        surf.fill((0, 0, 0))
        draw(surf)
        return pygame.surfarray.array_red(surf).T.astype(np.float64) / 255.0

    def poly(self, pts: Sequence[Pt]) -> Array:
        return self.mask(lambda s: pygame.draw.polygon(s, (255, 255, 255), [self.px(*p) for p in pts]))

    def polys(self, many: Sequence[Sequence[Pt]]) -> Array:
        def draw(s: pygame.Surface) -> None:
            for pts in many:
                pygame.draw.polygon(s, (255, 255, 255), [self.px(*p) for p in pts])

        return self.mask(draw)

    def ellipse(self, cx: float, cy: float, rx: float, ry: float) -> Array:
        x0, y0 = self.px(cx - rx, cy - ry)
        return self.mask(
            lambda s: pygame.draw.ellipse(s, (255, 255, 255), pygame.Rect(x0, y0, self.m(2 * rx), self.m(2 * ry)))
        )

    def circle(self, cx: float, cy: float, r: float) -> Array:
        return self.ellipse(cx, cy, r, r)

    def rrect(self, x0: float, y0: float, x1: float, y1: float, r: float) -> Array:
        px0, py0 = self.px(min(x0, x1), min(y0, y1))
        rect = pygame.Rect(px0, py0, self.m(abs(x1 - x0)), self.m(abs(y1 - y0)))
        return self.mask(lambda s: pygame.draw.rect(s, (255, 255, 255), rect, border_radius=int(self.m(r))))

    def lines(self, segs: Sequence[tuple[Pt, Pt]], width_m: float) -> Array:
        wpx = max(1, round(self.m(width_m)))

        def draw(s: pygame.Surface) -> None:
            for a, b in segs:
                pygame.draw.line(s, (255, 255, 255), self.px(*a), self.px(*b), wpx)
                for p in (a, b):  # round caps
                    pygame.draw.circle(s, (255, 255, 255), self.px(*p), wpx / 2)

        return self.mask(draw)

    def polyline(self, pts: Sequence[Pt], width_m: float) -> Array:
        return self.lines(list(itertools.pairwise(pts)), width_m)

    def text(self, s: str, cx: float, cy: float, height_m: float, *, upright_forward: bool = True) -> Array:
        """Text centred at (cx, cy), ``height_m`` tall, reading upright when the car points up."""
        font = pygame.font.Font(None, max(8, round(self.m(height_m) * 1.38)))
        font.bold = True
        img = font.render(s, True, (255, 255, 255), (0, 0, 0))
        # Crop to the ink so the visible glyph height matches height_m.
        arr = pygame.surfarray.array_red(img)
        cols, rows = np.nonzero(arr > 0)
        ink = img.subsurface(pygame.Rect(cols.min(), rows.min(), int(np.ptp(cols)) + 1, int(np.ptp(rows)) + 1))
        img = pygame.Surface(ink.get_size(), 0, 24)  # smoothscale needs 24/32-bit, render gives 8
        img.blit(ink, (0, 0))
        scale = self.m(height_m) / img.get_height()
        img = pygame.transform.smoothscale(img, (round(img.get_width() * scale), round(self.m(height_m))))
        if upright_forward:
            img = pygame.transform.rotate(img, -90)  # text top → car front (+x)

        def draw(surf: pygame.Surface) -> None:
            x, y = self.px(cx, cy)
            surf.blit(img, img.get_rect(center=(round(x), round(y))))

        return self.mask(draw)

    # ---- compositing (premultiplied alpha)
    def over(self, colour: RGB | Array, alpha: Array, opacity: float = 1.0) -> None:
        a = np.clip(alpha * opacity, 0.0, 1.0)[..., None]
        c = np.asarray(colour, dtype=np.float64)
        if c.ndim == 1:
            c = np.broadcast_to(c, (self.h, self.w, 3))
        self.rgba[..., :3] = c * a + self.rgba[..., :3] * (1.0 - a)
        self.rgba[..., 3:] = a + self.rgba[..., 3:] * (1.0 - a)

    def downsample(self, px_per_m: int) -> pygame.Surface:
        f = INTERNAL_PX_PER_M // px_per_m
        h, w = self.h // f, self.w // f
        small = self.rgba.reshape(h, f, w, f, 4).mean(axis=(1, 3))
        alpha = small[..., 3:]
        colour = np.where(alpha > 1e-6, small[..., :3] / np.maximum(alpha, 1e-6), 0.0)
        out = np.concatenate([colour, alpha], axis=-1)
        out8 = np.clip(np.round(out * 255.0), 0, 255).astype(np.uint8)
        surf = pygame.Surface((w, h), pygame.SRCALPHA, 32)
        pygame.surfarray.pixels3d(surf)[...] = out8[..., :3].transpose(1, 0, 2)
        pygame.surfarray.pixels_alpha(surf)[...] = out8[..., 3].T
        return surf


# --------------------------------------------------------------------------- shading


def blur(a: Array, radius_px: float) -> Array:
    """Approximate Gaussian: three box passes along each axis (edge-clamped)."""
    r = max(1, int(radius_px / 1.7))
    out = a
    for axis in (0, 1):
        for _ in range(3):
            pad = [(0, 0), (0, 0)]
            pad[axis] = (r + 1, r)
            p = np.pad(out, pad, mode="edge")
            c = np.cumsum(p, axis=axis)
            n = out.shape[axis]
            hi = np.take(c, np.arange(2 * r + 1, 2 * r + 1 + n), axis=axis)
            lo = np.take(c, np.arange(0, n), axis=axis)
            out = (hi - lo) / (2 * r + 1)
    return out


def pillow(c: Canvas, mask: Array, radius_m: float) -> Array:
    """A rounded height field: 1 deep inside the mask, easing down to 0 at its edge."""
    inner = blur(mask, c.m(radius_m))
    return np.clip(inner * 2.0 - 1.0, 0.0, 1.0) ** 0.6 * (mask > 0)


def lit(
    c: Canvas,
    colour: RGB | Array,
    height_m: Array,
    *,
    gloss: float = 0.5,
    metal: float = 0.0,
    ambient: float = 0.55,
) -> Array:
    """Colour of a surface of height ``height_m`` [m] seen from straight above.

    The key light is high above and a little ahead of the car. The sprite rotates in
    game, so nothing depends on left/right: tops are lit, flanks fall off into the
    shadow, and one soft clear-coat highlight sits on the crowns of wings and bonnet.
    """
    gy, gx = np.gradient(height_m * c.ppm)  # slopes, dimensionless
    inv = 1.0 / np.sqrt(gx * gx + gy * gy + 1.0)
    nx, ny, nz = -gx * inv, -gy * inv, inv
    key = np.array([0.3, 0.0, 1.0]) / math.hypot(0.3, 1.0)
    diffuse = np.clip(nx * key[0] + ny * key[1] + nz * key[2], 0.0, 1.0)
    base = np.asarray(colour, dtype=np.float64)
    if base.ndim == 1:
        base = np.broadcast_to(base, (c.h, c.w, 3))
    shade = ambient + (1.0 - ambient) * diffuse**3
    half = key + np.array([0.0, 0.0, 1.0])
    half /= np.linalg.norm(half)
    n_dot_h = np.clip(nx * half[0] + ny * half[1] + nz * half[2], 0.0, 1.0)
    # broad sheen on the crowns plus a tighter hot spot; flat areas stay at ~30 %
    spec = 0.25 * n_dot_h**8 + 0.55 * n_dot_h**90
    tint = base * metal + (1.0 - metal)  # metallic paint reflects in its own colour
    out = base * shade[..., None] + gloss * spec[..., None] * tint
    return np.clip(out, 0.0, 1.0)


def bump(c: Canvas, mask: Array, radius_m: float) -> Array:
    """A smooth hump (no flat top) over ``mask``: wings, bulges, fairings."""
    return blur(blur(mask, c.m(radius_m)), c.m(radius_m * 0.5))


def glass(c: Canvas, mask: Array, *, tint: RGB = (0.10, 0.14, 0.20), streak_dir: float = 1.0) -> None:
    """Glass: dark sky-blue, lighter towards its edges, with one soft diagonal reflection."""
    yy, xx = np.mgrid[0 : c.h, 0 : c.w].astype(np.float64)
    total = max(mask.sum(), 1e-9)
    cx, cy = (xx * mask).sum() / total, (yy * mask).sum() / total
    edge = 1.0 - pillow(c, mask, 0.12)
    col = np.broadcast_to(np.array(tint), (c.h, c.w, 3)) * (1.0 + 1.2 * edge[..., None])
    u = ((xx - cx) * 0.7 + (yy - cy) * streak_dir) / c.ppm
    band = 0.2 * np.exp(-(((u - 0.05) / 0.06) ** 2)) + 0.08 * np.exp(-(((u + 0.15) / 0.03) ** 2))
    col = np.clip(col + band[..., None], 0.0, 1.0)
    c.over(col, mask, 0.93)


def metal_fill(c: Canvas, mask: Array, colour: RGB, height_m: float = 0.03, radius_m: float = 0.03) -> None:
    """A small raised part (chrome, lamp, cap): its own little pillow, shiny."""
    c.over(lit(c, colour, pillow(c, mask, radius_m) * height_m, gloss=0.9, metal=0.4, ambient=0.5), mask)


def shadow(c: Canvas, footprint: Array) -> None:
    c.over((0.0, 0.0, 0.0), blur(footprint, c.m(0.16)), 0.5)


# --------------------------------------------------------------------------- shapes


def catmull_rom(pts: Sequence[Pt], samples: int = 10) -> list[Pt]:
    out: list[Pt] = []
    p = [pts[0], *pts, pts[-1]]
    for i in range(1, len(p) - 2):
        p0, p1, p2, p3 = (np.array(q) for q in p[i - 1 : i + 3])
        for s in range(samples):
            t = s / samples
            v = 0.5 * (
                2 * p1 + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t * t + (-p0 + 3 * p1 - 3 * p2 + p3) * t**3
            )
            out.append((float(v[0]), float(v[1])))
    out.append(pts[-1])
    return out


def plan(stations: Sequence[Pt], y_offset: float = 0.0) -> list[Pt]:
    """A left/right symmetric outline from (x, half-width) stations, rear to front."""
    right = catmull_rom([(x, y_offset + hw) for x, hw in stations])
    left = [(x, y_offset - (y - y_offset)) for x, y in reversed(right)]
    return right + left


def tyre(c: Canvas, x: float, y: float, diameter: float, width: float, *, spokes: bool = False) -> Array:
    """A wheel seen from above: a dark rounded slab with tread ribs; returns its mask."""
    m = c.rrect(x - diameter / 2, y - width / 2, x + diameter / 2, y + width / 2, width * 0.35)
    h = pillow(c, m, width * 0.3) * 0.05
    c.over(lit(c, rgb("#1c1c1e"), h, gloss=0.15, ambient=0.7), m)
    ribs = c.lines(
        [
            ((x + dx, y - width * 0.4), (x + dx, y + width * 0.4))
            for dx in np.linspace(-diameter * 0.3, diameter * 0.3, 7)
        ],
        0.012,
    )
    c.over((0.05, 0.05, 0.06), ribs * m, 0.6)
    if spokes:  # a wire wheel's hub cap shows on the outer face
        side = 1.0 if y > 0 else -1.0
        hub = c.ellipse(x, y + side * width * 0.45, 0.05, 0.035)
        metal_fill(c, hub, rgb("#c9c6bf"))
    return m


def roundel(c: Canvas, cx: float, cy: float, r: float, number: int, *, ink: RGB = (0.06, 0.06, 0.07)) -> Array:
    """A white race-number disc on the bodywork (paint: returns disc mask and ink mask)."""
    disc = c.circle(cx, cy, r)
    digits = str(number)
    h = r * (1.05 if len(digits) <= 2 else 0.8)
    ink_mask = c.text(digits, cx, cy, h)
    return np.stack([disc, ink_mask * disc])


@dataclass
class Body:
    """Bodywork: mask, height field [m], paint colour per pixel."""

    mask: Array
    height: Array
    paint: Array

    def add(self, c: Canvas, mask: Array, height_m: float, radius_m: float) -> None:
        self.height = self.height + bump(c, mask, radius_m) * height_m * self.mask

    def paint_over(self, colour: RGB, mask: Array) -> None:
        a = np.clip(mask, 0, 1)[..., None]
        self.paint = np.asarray(colour) * a + self.paint * (1 - a)


def new_body(c: Canvas, outline: Array, colour: RGB, height_m: float, radius_m: float) -> Body:
    return Body(
        outline, pillow(c, outline, radius_m) * height_m, np.broadcast_to(np.array(colour), (c.h, c.w, 3)).copy()
    )


def finish_body(c: Canvas, b: Body, *, gloss: float = 0.55, metal: float = 0.0, ambient: float = 0.58) -> None:
    c.over(lit(c, b.paint, b.height, gloss=gloss, metal=metal, ambient=ambient), b.mask)


def recess(c: Canvas, mask: Array, colour: RGB, depth_shadow: float = 0.6) -> None:
    """An opening in the bodywork (cockpit, intake): dark, with a shadowed rim."""
    rim = np.clip(mask - pillow(c, mask, 0.06), 0, 1)
    c.over(colour, mask)
    c.over((0, 0, 0), rim, depth_shadow)


def head(
    c: Canvas, x: float, y: float, colour: RGB, *, r: float = 0.13, goggles: bool = True, peak: bool = False
) -> None:
    """A crew member seen from above: shoulders, a helmet or leather cap, goggle strap."""
    shoulders = c.ellipse(x - 0.08, y, 0.13, 0.23)
    c.over(lit(c, rgb("#4a4036"), bump(c, shoulders, 0.08) * 0.1, gloss=0.05), shoulders)
    m = c.ellipse(x, y, r * 1.05, r * 0.88)
    if peak:  # a peaked helmet's visor sticks out in front
        m = np.maximum(m, c.ellipse(x + r * 0.75, y, r * 0.45, r * 0.6))
    c.over(lit(c, colour, bump(c, m, r * 0.6) * r * 2.0, gloss=0.35, ambient=0.5), m)
    if goggles:
        strap = c.lines([((x + r * 0.45, y - r * 0.9), (x + r * 0.45, y + r * 0.9))], 0.028)
        c.over((0.12, 0.1, 0.08), strap * m, 0.85)


def steering_wheel(c: Canvas, x: float, y: float, d: float, rim: RGB = (0.35, 0.22, 0.12)) -> None:
    outer = c.ellipse(x, y, 0.045, d / 2)
    inner = c.ellipse(x, y, 0.02, d / 2 - 0.03)
    c.over(rim, np.clip(outer - inner, 0, 1))
    c.over((0.6, 0.6, 0.6), c.lines([((x, y - d / 2 + 0.03), (x, y + d / 2 - 0.03))], 0.015))


# --------------------------------------------------------------------------- the cars


def alfa_6c_1750(c: Canvas) -> None:
    """Alfa Romeo 6C 1750 Gran Sport, Zagato spider, Nuvolari's 1930 winner (#84).

    Narrow body between exposed wire wheels under cycle wings, louvred bonnet with leather
    straps, aero-screens, right-hand drive, spare wheels on the boat tail and the running board.
    """
    red = rgb("#b3202a")
    xf, xr, ty = 1.43, 1.43 - 2.745, 0.69
    wheels = [(xf, ty), (xf, -ty), (xr, ty), (xr, -ty)]
    outline = plan(
        [
            (-1.94, 0.12),
            (-1.78, 0.3),
            (-1.35, 0.42),
            (-0.9, 0.47),
            (-0.2, 0.48),
            (0.3, 0.42),
            (0.9, 0.34),
            (1.45, 0.3),
            (1.6, 0.27),
        ]
    )
    body_m = c.poly(outline)
    footprint = np.maximum(body_m, c.rrect(xr - 0.5, -0.8, xf + 0.45, 0.8, 0.2))
    shadow(c, footprint)
    # chassis rails and front axle / dumb-irons show between the wheels
    c.over(rgb("#232120"), c.lines([((xf + 0.05, -ty + 0.08), (xf + 0.05, ty - 0.08))], 0.07))
    c.over(rgb("#232120"), c.lines([((xr, -ty + 0.08), (xr, ty - 0.08))], 0.09))
    for x, y in wheels:
        tyre(c, x, y, 0.74, 0.14, spokes=True)
    # running boards / steps between the wings
    for side in (-1, 1):
        step = c.rrect(xr + 0.42, side * 0.47, xf - 0.42, side * 0.66, 0.03)
        c.over(lit(c, rgb("#2b2724"), pillow(c, step, 0.03) * 0.02, gloss=0.1), step)
    # exhaust along the right-hand side, under the body's edge
    c.over(rgb("#6a5f55"), c.lines([((0.9, 0.42), (0.4, 0.5)), ((0.4, 0.5), (-1.1, 0.5))], 0.06))
    b = new_body(c, body_m, red, 0.32, 0.22)
    # bonnet centre hinge and side panels
    bonnet = c.poly([(0.3, -0.36), (1.45, -0.29), (1.45, 0.29), (0.3, 0.36)])
    b.add(c, bonnet, 0.06, 0.12)
    # white roundel with the race number on the tail deck, ahead of the spare
    r = roundel(c, 0.85, 0.0, 0.2, 84)
    b.paint_over((0.95, 0.93, 0.88), r[0])
    b.paint_over((0.05, 0.05, 0.06), r[1])
    # cockpit sunk into the body
    cockpit = c.poly(plan([(-0.85, 0.3), (-0.75, 0.38), (-0.2, 0.41), (0.15, 0.38), (0.22, 0.3)]))
    b.height = b.height * (1 - cockpit * 0.8)
    finish_body(c, b, gloss=0.5)
    # bonnet louvres: two rows of short dark slots
    slots = []
    for side in (-1, 1):
        for x in np.linspace(0.45, 1.2, 9):
            slots.append(((x, side * 0.18), (x, side * 0.27)))
    c.over((0.2, 0.02, 0.03), c.lines(slots, 0.022), 0.8)
    c.over(rgb("#d8d4c8"), c.lines([((0.3, 0.0), (1.45, 0.0))], 0.018))  # hinge
    # leather bonnet straps
    for x in (0.62, 1.28):
        strap = c.lines([((x, -0.34), (x, 0.34))], 0.035)
        c.over(rgb("#4a2e1a"), strap * body_m)
    # radiator shell, badge and headlamps on their bar
    c.over(rgb("#222"), c.lines([((1.66, -0.42), (1.66, 0.42))], 0.04))
    shell = c.rrect(1.47, -0.27, 1.67, 0.27, 0.05)
    metal_fill(c, shell, rgb("#d9d6cf"), 0.05, 0.05)
    grille = c.rrect(1.52, -0.22, 1.62, 0.22, 0.02)
    c.over(rgb("#2e2e30"), grille)
    c.over((0.7, 0.7, 0.7), c.lines([((1.52, y), (1.62, y)) for y in np.linspace(-0.2, 0.2, 9)], 0.008) * grille)
    cap = c.circle(1.6, 0.0, 0.04)
    metal_fill(c, cap, rgb("#b08d57"))
    for side in (-1, 1):
        lamp = c.ellipse(1.7, side * 0.42, 0.09, 0.13)
        metal_fill(c, lamp, rgb("#d4d1ca"), 0.08, 0.07)
        lens = c.ellipse(1.77, side * 0.42, 0.025, 0.1)
        c.over(rgb("#f2edd8"), lens, 0.9)
    # cycle wings over the wheels
    for x, y in wheels:  # cycle wings: the tyre's front and back show beyond them
        wing = c.poly(plan([(x - 0.28, 0.05), (x - 0.18, 0.095), (x + 0.18, 0.095), (x + 0.28, 0.05)], y_offset=y))
        c.over((0, 0, 0), blur(wing, c.m(0.04)), 0.5)
        c.over(lit(c, red, bump(c, wing, 0.06) * 0.12, gloss=0.4), wing)
    # the second spare stands on the left running board, beside the scuttle
    c.over((0, 0, 0), blur(c.rrect(0.2, -0.68, 0.94, -0.53, 0.05), c.m(0.04)), 0.45)
    tyre(c, 0.57, -0.6, 0.74, 0.13)
    metal_fill(c, c.ellipse(0.57, -0.6, 0.07, 0.03), rgb("#c9c6bf"), 0.03, 0.02)
    c.over(rgb("#4a2e1a"), c.lines([((0.57, -0.67), (0.57, -0.47))], 0.035))
    # cockpit: dark floor, tan leather seats, crew, aero-screens
    recess(c, cockpit, rgb("#1d1410"))
    for y in (-0.2, 0.2):
        seat = c.rrect(-0.75, y - 0.17, -0.3, y + 0.17, 0.07)
        c.over(lit(c, rgb("#8a5a33"), pillow(c, seat, 0.06) * 0.05, gloss=0.15), seat)
    steering_wheel(c, 0.02, 0.2, 0.4)
    head(c, -0.42, 0.2, rgb("#5b3a22"))  # Nuvolari, leather cap
    head(c, -0.45, -0.2, rgb("#6b4a2c"))  # Guidotti
    for y in (-0.2, 0.2):
        screen = c.rrect(0.2, y - 0.15, 0.26, y + 0.15, 0.02)
        glass(c, screen, tint=(0.35, 0.42, 0.48))
        c.over(rgb("#cfcac0"), np.clip(screen - c.rrect(0.21, y - 0.13, 0.25, y + 0.13, 0.01), 0, 1))
    # spare wheel lying on the tail, strapped down
    spare = c.circle(-1.35, 0.0, 0.36)
    c.over((0, 0, 0), blur(spare, c.m(0.05)), 0.4)
    c.over(lit(c, rgb("#1c1c1e"), pillow(c, spare, 0.1) * 0.1, gloss=0.2, ambient=0.7), spare)
    rim = c.circle(-1.35, 0.0, 0.25)
    c.over(rgb("#8c8a86"), rim)
    spokes = c.lines(
        [
            ((-1.35, 0.0), (-1.35 + 0.24 * math.cos(a), 0.24 * math.sin(a)))
            for a in np.linspace(0, 2 * math.pi, 24, endpoint=False)
        ],
        0.008,
    )
    c.over(rgb("#d7d4ce"), spokes, 0.9)
    metal_fill(c, c.circle(-1.35, 0.0, 0.07), rgb("#d7d4ce"), 0.04, 0.04)
    c.over(rgb("#4a2e1a"), c.lines([((-1.35, -0.38), (-1.35, 0.38))], 0.04))
    # tail lamp and fuel filler
    metal_fill(c, c.circle(-0.95, 0.32, 0.05), rgb("#c9c6bf"))


def mercedes_300_slr(c: Canvas) -> None:
    """Mercedes-Benz 300 SLR, Moss and Jenkinson's #722 of 1955, in German racing silver."""
    silver = rgb("#a7adb4")
    xf, xr = 1.33, 1.33 - 2.37
    outline = plan(
        [
            (-2.115, 0.5),
            (-2.0, 0.66),
            (-1.6, 0.82),
            (-1.0, 0.86),
            (-0.4, 0.82),
            (0.2, 0.8),
            (0.9, 0.84),
            (1.35, 0.86),
            (1.75, 0.78),
            (2.0, 0.6),
            (2.115, 0.35),
        ]
    )
    body_m = c.poly(outline)
    shadow(c, body_m)
    for x in (xf, xr):
        for y in (-0.7, 0.7):
            tyre(c, x, y, 0.68, 0.2)
    b = new_body(c, body_m, silver, 0.3, 0.34)
    for x in (xf, xr):  # wing crowns over the wheels
        for y in (-0.6, 0.6):
            b.add(c, c.ellipse(x, y, 0.55, 0.2), 0.1, 0.16)
    # long bonnet with the power bulge off-centre (the straight-eight leans over)
    b.add(c, c.ellipse(1.0, -0.14, 0.75, 0.16), 0.06, 0.12)
    # headrest fairing behind the driver (right-hand seat)
    fairing = c.poly(plan([(-1.95, 0.04), (-1.6, 0.13), (-0.9, 0.17), (-0.55, 0.16)], y_offset=0.3))
    b.add(c, fairing, 0.14, 0.12)
    cockpit = c.poly(plan([(-0.65, 0.52), (-0.4, 0.62), (0.15, 0.64), (0.42, 0.56), (0.5, 0.4)]))
    b.height = b.height * (1 - 0.85 * cockpit)
    for x, r in ((1.55, 0.21), (-1.65, 0.2)):
        ro = roundel(c, x, 0.0 if x > 0 else -0.2, r, 722, ink=rgb("#9b1b20"))
        b.paint_over((0.96, 0.95, 0.92), ro[0])
        b.paint_over(rgb("#9b1b20"), ro[1])
    finish_body(c, b, gloss=0.75, metal=0.35, ambient=0.55)
    # panel lines: bonnet opening and wing vents
    c.over(
        (0.35, 0.37, 0.4),
        c.polyline([(0.55, -0.45), (1.85, -0.45), (1.98, 0.0), (1.85, 0.45), (0.55, 0.45), (0.55, -0.45)], 0.012),
        0.7,
    )
    for side in (-1, 1):
        gills = [((x, side * 0.7), (x - 0.06, side * 0.8)) for x in np.linspace(0.55, 0.85, 5)]
        c.over((0.12, 0.12, 0.14), c.lines(gills, 0.02), 0.8)
    # nose: wide oval mouth with a chrome bar and the star
    mouth = c.ellipse(2.07, 0.0, 0.07, 0.36)
    c.over(rgb("#151516"), mouth)
    c.over(rgb("#d8dadc"), c.lines([((2.06, -0.32), (2.06, 0.32))], 0.025) * mouth)
    metal_fill(c, c.circle(2.06, 0.0, 0.05), rgb("#e5e6e8"), 0.03, 0.02)
    for side in (-1, 1):  # faired headlamps at the wing fronts
        lamp = c.ellipse(1.98, side * 0.55, 0.1, 0.1)
        glass(c, lamp, tint=(0.45, 0.5, 0.55))
        metal_fill(c, c.circle(1.99, side * 0.55, 0.05), rgb("#f4f0de"), 0.02, 0.02)
    # cockpit, crew and their little screens
    recess(c, cockpit, rgb("#191716"))
    for y in (-0.3, 0.3):
        seat = c.rrect(-0.6, y - 0.2, -0.15, y + 0.2, 0.08)
        c.over(lit(c, rgb("#7a2a22"), pillow(c, seat, 0.06) * 0.05, gloss=0.2), seat)
    steering_wheel(c, 0.22, 0.3, 0.4, rim=(0.1, 0.1, 0.1))
    head(c, -0.25, 0.3, rgb("#eeeeea"), peak=True)  # Moss
    head(c, -0.25, -0.3, rgb("#8a6a40"))  # Jenkinson with his roller map
    c.over(rgb("#c8c3b5"), c.rrect(0.0, -0.22, 0.12, -0.05, 0.02))
    for y in (-0.3, 0.3):
        screen = c.poly(plan([(0.38, 0.2), (0.45, 0.22), (0.5, 0.18)], y_offset=y))
        glass(c, screen, tint=(0.3, 0.36, 0.42))
    # tail: fuel filler and lamps
    metal_fill(c, c.circle(-1.3, -0.35, 0.07), rgb("#dcdde0"))
    for side in (-1, 1):
        c.over(rgb("#a4161c"), c.ellipse(-2.04, side * 0.52, 0.04, 0.07))


def ferrari_315_s(c: Canvas) -> None:
    """Ferrari 315 S (Scaglietti), Piero Taruffi's 1957 winner, #535 in rosso corsa."""
    red = rgb("#c8141c")
    xf, xr = 1.25, 1.25 - 2.35
    outline = plan(
        [
            (-1.975, 0.45),
            (-1.85, 0.62),
            (-1.4, 0.78),
            (-1.0, 0.8),
            (-0.5, 0.7),
            (0.0, 0.68),
            (0.7, 0.72),
            (1.25, 0.8),
            (1.6, 0.72),
            (1.85, 0.55),
            (1.975, 0.3),
        ]
    )
    body_m = c.poly(outline)
    shadow(c, body_m)
    for x in (xf, xr):
        for y in (-0.64, 0.64):
            tyre(c, x, y, 0.68, 0.2)
    b = new_body(c, body_m, red, 0.28, 0.3)
    for x, y in ((xf, 0.58), (xf, -0.58), (xr, 0.6), (xr, -0.6)):  # pronounced wing bulges
        b.add(c, c.ellipse(x, y, 0.55, 0.22), 0.14, 0.16)
    b.add(c, c.rrect(0.45, -0.16, 1.55, 0.16, 0.12), 0.05, 0.1)  # bonnet scoop
    fairing = c.poly(plan([(-1.8, 0.04), (-1.4, 0.12), (-0.8, 0.16), (-0.45, 0.15)], y_offset=0.3))
    b.add(c, fairing, 0.14, 0.12)
    cockpit = c.poly(plan([(-0.55, 0.46), (-0.35, 0.52), (0.2, 0.52), (0.42, 0.44), (0.48, 0.3)]))
    b.height = b.height * (1 - 0.85 * cockpit)
    ro = roundel(c, 1.0, 0.0, 0.24, 535)
    b.paint_over((0.96, 0.95, 0.92), ro[0])
    b.paint_over((0.05, 0.05, 0.06), ro[1])
    ro = roundel(c, -1.5, -0.25, 0.2, 535)
    b.paint_over((0.96, 0.95, 0.92), ro[0])
    b.paint_over((0.05, 0.05, 0.06), ro[1])
    finish_body(c, b, gloss=0.7)
    # scoop mouth on the bonnet, egg-crate grille in the nose
    c.over(rgb("#1b1212"), c.rrect(1.5, -0.13, 1.58, 0.13, 0.03))
    mouth = c.ellipse(1.93, 0.0, 0.06, 0.3)
    c.over(rgb("#141414"), mouth)
    crate = c.lines([((1.88, y), (1.98, y)) for y in np.linspace(-0.27, 0.27, 10)], 0.008)
    c.over((0.75, 0.75, 0.75), crate * mouth, 0.8)
    for side in (-1, 1):  # headlamps under plexi teardrops on the wings
        cover = c.poly(plan([(1.45, 0.02), (1.6, 0.1), (1.78, 0.12), (1.86, 0.06)], y_offset=side * 0.55))
        glass(c, cover, tint=(0.4, 0.44, 0.5))
        metal_fill(c, c.circle(1.75, side * 0.55, 0.06), rgb("#f1ecd9"), 0.02, 0.02)
        shield = c.rrect(0.95, side * 0.66 - 0.04, 1.05, side * 0.66 + 0.04, 0.01)
        c.over(rgb("#f2c511"), shield)
        c.over((0.1, 0.1, 0.1), c.circle(1.0, side * 0.66, 0.015))
    recess(c, cockpit, rgb("#1a1514"))
    for y in (-0.26, 0.26):
        seat = c.rrect(-0.5, y - 0.18, -0.1, y + 0.18, 0.08)
        c.over(lit(c, rgb("#3b2a22"), pillow(c, seat, 0.06) * 0.05, gloss=0.2), seat)
    steering_wheel(c, 0.18, 0.28, 0.38, rim=(0.42, 0.28, 0.14))
    head(c, -0.22, 0.28, rgb("#e9e4d6"), peak=True)  # Taruffi
    # low wrap-round screen across the cockpit front
    screen = c.poly([(0.4, -0.5), (0.5, -0.42), (0.54, 0.0), (0.5, 0.42), (0.4, 0.5), (0.45, 0.0)])
    glass(c, screen, tint=(0.3, 0.35, 0.42))
    metal_fill(c, c.circle(-1.1, 0.45, 0.07), rgb("#dcdde0"))  # fuel filler
    for side in (-1, 1):
        c.over(rgb("#b31217"), c.ellipse(-1.9, side * 0.5, 0.04, 0.06))
    c.over(rgb("#555"), c.lines([((-1.98, -0.25), (-1.98, -0.1)), ((-1.98, 0.1), (-1.98, 0.25))], 0.05))


def jaguar_xk120(c: Canvas) -> None:
    """Jaguar XK120 roadster in British racing green, #126 (Leslie Johnson, 1950)."""
    green = rgb("#1e4d2f")
    xf = 1.41  # the rear wheels hide under spats
    outline = plan(
        [
            (-2.21, 0.4),
            (-2.1, 0.6),
            (-1.7, 0.76),
            (-1.2, 0.79),
            (-0.7, 0.74),
            (0.0, 0.7),
            (0.8, 0.72),
            (1.4, 0.78),
            (1.85, 0.72),
            (2.12, 0.55),
            (2.21, 0.3),
        ]
    )
    body_m = c.poly(outline)
    shadow(c, body_m)
    for y in (-0.64, 0.64):
        tyre(c, xf, y, 0.7, 0.17)
    b = new_body(c, body_m, green, 0.24, 0.26)
    # flowing front wings either side of a narrow bonnet, rear wings with spats
    for side in (-1, 1):
        wing = c.poly(plan([(0.0, 0.05), (0.7, 0.12), (1.4, 0.2), (1.95, 0.17), (2.15, 0.1)], y_offset=side * 0.55))
        b.add(c, wing, 0.14, 0.14)
        rwing = c.poly(plan([(-2.05, 0.08), (-1.6, 0.2), (-1.1, 0.2), (-0.6, 0.08)], y_offset=side * 0.57))
        b.add(c, rwing, 0.12, 0.14)
    b.add(c, c.poly(plan([(0.2, 0.2), (1.0, 0.24), (1.9, 0.2), (2.1, 0.12)])), 0.05, 0.14)  # bonnet
    cockpit = c.poly(plan([(-0.85, 0.44), (-0.65, 0.55), (-0.1, 0.56), (0.15, 0.5), (0.2, 0.35)]))
    b.height = b.height * (1 - 0.85 * cockpit)
    ro = roundel(c, 1.15, 0.0, 0.19, 126)
    b.paint_over((0.96, 0.95, 0.92), ro[0])
    b.paint_over((0.05, 0.05, 0.06), ro[1])
    ro = roundel(c, -1.55, 0.0, 0.19, 126)
    b.paint_over((0.96, 0.95, 0.92), ro[0])
    b.paint_over((0.05, 0.05, 0.06), ro[1])
    finish_body(c, b, gloss=0.7)
    # bonnet panel lines and the centre ridge
    for side in (-1, 1):
        c.over(
            (0.05, 0.14, 0.08), c.polyline([(0.25, side * 0.3), (1.3, side * 0.28), (2.05, side * 0.16)], 0.012), 0.9
        )
    c.over((0.16, 0.38, 0.24), c.lines([((0.3, 0.0), (2.1, 0.0))], 0.015), 0.8)
    # oval grille with vertical bars, chrome bumper blades and headlamps in the wing fronts
    mouth = c.ellipse(2.17, 0.0, 0.05, 0.2)
    c.over(rgb("#151515"), mouth)
    c.over((0.8, 0.8, 0.8), c.lines([((2.13, y), (2.21, y)) for y in np.linspace(-0.17, 0.17, 9)], 0.008) * mouth)
    for side in (-1, 1):
        metal_fill(c, c.rrect(2.17, side * 0.22, 2.27, side * 0.58, 0.04), rgb("#d8d8d6"), 0.03, 0.03)
        metal_fill(c, c.rrect(-2.27, side * 0.2, -2.17, side * 0.55, 0.04), rgb("#d8d8d6"), 0.03, 0.03)
        lamp = c.ellipse(2.02, side * 0.56, 0.09, 0.11)
        metal_fill(c, lamp, rgb("#d9d7d0"), 0.05, 0.05)
        c.over(rgb("#f3eedb"), c.ellipse(2.06, side * 0.56, 0.03, 0.08))
        c.over(rgb("#a1161b"), c.ellipse(-2.12, side * 0.6, 0.035, 0.06))  # tail lamps
    # door shut lines and the boot lid
    for side in (-1, 1):
        c.over(
            (0.05, 0.14, 0.08),
            c.lines([((0.15, side * 0.7), (0.15, side * 0.55)), ((-0.85, side * 0.74), (-0.85, side * 0.55))], 0.012),
            0.9,
        )
    c.over(
        (0.05, 0.14, 0.08),
        c.polyline([(-1.15, -0.45), (-2.0, -0.38), (-2.0, 0.38), (-1.15, 0.45), (-1.15, -0.45)], 0.012),
        0.9,
    )
    recess(c, cockpit, rgb("#1b1714"))
    for y in (-0.26, 0.26):
        seat = c.rrect(-0.8, y - 0.19, -0.35, y + 0.19, 0.08)
        c.over(lit(c, rgb("#8c2f24"), pillow(c, seat, 0.06) * 0.05, gloss=0.2), seat)
    steering_wheel(c, 0.0, 0.27, 0.42, rim=(0.1, 0.1, 0.1))
    head(c, -0.45, 0.27, rgb("#efeae0"), peak=True)
    # split V windscreen in a chrome frame
    screen = c.poly([(0.15, -0.58), (0.3, -0.5), (0.38, 0.0), (0.3, 0.5), (0.15, 0.58), (0.24, 0.0)])
    glass(c, screen, tint=(0.3, 0.36, 0.42))
    c.over(rgb("#d0d0ce"), c.lines([((0.24, 0.0), (0.38, 0.0))], 0.02))


def porsche_550(c: Canvas) -> None:
    """Porsche 550 Spyder, Hans Herrmann's 1954 class winner (#351): silver, red tail accents."""
    silver = rgb("#b5b9bd")
    red = rgb("#c01f26")
    xf, xr = 1.15, 1.15 - 2.1
    outline = plan(
        [
            (-1.8, 0.35),
            (-1.7, 0.58),
            (-1.3, 0.74),
            (-0.9, 0.76),
            (-0.4, 0.7),
            (0.3, 0.68),
            (0.9, 0.74),
            (1.3, 0.72),
            (1.65, 0.58),
            (1.8, 0.3),
        ]
    )
    body_m = c.poly(outline)
    shadow(c, body_m)
    for x in (xf, xr):
        for y in (-0.62, 0.62):
            tyre(c, x, y, 0.62, 0.16)
    b = new_body(c, body_m, silver, 0.22, 0.32)
    for x, y in ((xf, 0.55), (xf, -0.55), (xr, 0.56), (xr, -0.56)):  # round wings: a 550's shape
        b.add(c, c.ellipse(x, y, 0.5, 0.22), 0.14, 0.18)
    # red tail accents over the rear wings (hand-painted for the Mille Miglia)
    for side in (-1, 1):
        b.paint_over(red, c.poly(plan([(-1.75, 0.06), (-1.4, 0.14), (-0.8, 0.12), (-0.5, 0.04)], y_offset=side * 0.55)))
    b.paint_over(red, c.rrect(-1.82, -0.32, -1.62, 0.32, 0.06))
    cockpit = c.poly(plan([(-0.45, 0.44), (-0.3, 0.52), (0.2, 0.54), (0.4, 0.46), (0.46, 0.3)]))
    b.height = b.height * (1 - 0.85 * cockpit)
    ro = roundel(c, 0.95, 0.0, 0.22, 351)
    b.paint_over((0.96, 0.95, 0.92), ro[0])
    b.paint_over((0.05, 0.05, 0.06), ro[1])
    finish_body(c, b, gloss=0.75, metal=0.35, ambient=0.55)
    # front lid and engine lid with its louvres
    c.over(
        (0.4, 0.42, 0.45),
        c.polyline([(0.6, -0.36), (1.55, -0.3), (1.6, 0.0), (1.55, 0.3), (0.6, 0.36), (0.6, -0.36)], 0.012),
        0.8,
    )
    c.over(
        (0.4, 0.42, 0.45),
        c.polyline([(-0.6, -0.34), (-1.5, -0.3), (-1.5, 0.3), (-0.6, 0.34), (-0.6, -0.34)], 0.012),
        0.8,
    )
    louvres = [((x, -0.22), (x, -0.06)) for x in np.linspace(-1.35, -0.8, 7)] + [
        ((x, 0.06), (x, 0.22)) for x in np.linspace(-1.35, -0.8, 7)
    ]
    c.over((0.12, 0.12, 0.13), c.lines(louvres, 0.025), 0.9)
    for side in (-1, 1):
        lamp = c.circle(1.55, side * 0.5, 0.1)
        glass(c, lamp, tint=(0.45, 0.5, 0.55))
        metal_fill(c, c.circle(1.58, side * 0.5, 0.045), rgb("#f4f0de"), 0.02, 0.02)
        c.over(rgb("#8f1218"), c.ellipse(-1.74, side * 0.45, 0.03, 0.05))
    for side in (-1, 1):  # small intake grilles in the nose
        c.over(rgb("#222"), c.rrect(1.68, side * 0.12 - 0.06, 1.74, side * 0.12 + 0.06, 0.02))
    recess(c, cockpit, rgb("#1a1816"))
    for y in (-0.25, 0.25):
        seat = c.rrect(-0.42, y - 0.18, -0.02, y + 0.18, 0.08)
        c.over(lit(c, rgb("#5b2a22"), pillow(c, seat, 0.06) * 0.05, gloss=0.2), seat)
    steering_wheel(c, 0.22, -0.25, 0.38, rim=(0.15, 0.15, 0.15))
    head(c, -0.15, -0.25, rgb("#efece4"), peak=True)  # left-hand drive
    screen = c.poly([(0.4, -0.52), (0.52, -0.44), (0.56, 0.0), (0.52, 0.44), (0.4, 0.52), (0.47, 0.0)])
    glass(c, screen, tint=(0.3, 0.36, 0.42))


def lamborghini_huracan(c: Canvas) -> None:
    """Lamborghini Huracán LP610-4 in verde Mantis: wide wedge, glass roof, hexagons."""
    green = rgb("#64b022")
    xf, xr = 1.22, 1.22 - 2.62
    outline = plan(
        [
            (-2.23, 0.8),
            (-2.15, 0.93),
            (-1.7, 0.962),
            (-1.0, 0.93),
            (-0.3, 0.86),
            (0.4, 0.86),
            (1.0, 0.92),
            (1.6, 0.9),
            (2.0, 0.8),
            (2.2, 0.62),
            (2.23, 0.45),
        ]
    )
    body_m = c.poly(outline)
    shadow(c, body_m)
    b = new_body(c, body_m, green, 0.2, 0.28)
    for x, y in ((xf, 0.72), (xf, -0.72), (xr, 0.76), (xr, -0.76)):
        b.add(c, c.ellipse(x, y, 0.55, 0.2), 0.08, 0.14)
    cabin = c.poly(plan([(-1.1, 0.48), (-0.6, 0.58), (0.2, 0.64), (0.85, 0.6), (1.05, 0.5)]))
    b.add(c, cabin, 0.32, 0.22)
    # number plate and the Freccia Rossa sticker of the Tribute run
    b.paint_over((0.97, 0.97, 0.95), c.rrect(1.55, -0.2, 1.85, 0.2, 0.04))
    b.paint_over((0.05, 0.05, 0.06), c.text("610", 1.7, 0.0, 0.2))
    b.paint_over(
        rgb("#c8141c"),
        c.poly([(1.25, -0.4), (1.45, -0.4), (1.45, -0.46), (1.58, -0.34), (1.45, -0.22), (1.45, -0.28), (1.25, -0.28)]),
    )
    finish_body(c, b, gloss=0.85, metal=0.3, ambient=0.55)
    # front lid edges and the two bonnet vents
    c.over(
        (0.2, 0.35, 0.08), c.polyline([(1.05, -0.55), (1.95, -0.5), (2.15, 0.0), (1.95, 0.5), (1.05, 0.55)], 0.012), 0.8
    )
    for side in (-1, 1):
        vent = c.poly([(1.2, side * 0.56), (1.45, side * 0.62), (1.5, side * 0.5), (1.25, side * 0.47)])
        c.over(rgb("#101010"), vent)
        # Y-shaped LED headlights at the front corners
        lamp = c.poly([(1.88, side * 0.62), (2.12, side * 0.48), (2.16, side * 0.55), (1.98, side * 0.78)])
        glass(c, lamp, tint=(0.2, 0.22, 0.26))
        c.over((0.95, 0.97, 1.0), c.polyline([(1.95, side * 0.7), (2.08, side * 0.58), (2.12, side * 0.52)], 0.02))
        # flank intakes behind the doors, mirrors on stalks
        c.over(rgb("#0c0c0c"), c.poly([(-0.9, side * 0.88), (-0.35, side * 0.84), (-0.85, side * 0.72)]))
        mirror = c.ellipse(0.75, side * 0.93, 0.09, 0.07)
        c.over(lit(c, green, pillow(c, mirror, 0.05) * 0.05, gloss=0.8), mirror)
        # tail lights: thin red Ys across the rear corners
        c.over(rgb("#c0101a"), c.polyline([(-2.19, side * 0.4), (-2.17, side * 0.78), (-2.05, side * 0.9)], 0.035))
    # black lower nose and rear diffuser lips
    c.over(rgb("#151515"), c.poly([(2.14, -0.44), (2.23, -0.3), (2.23, 0.3), (2.14, 0.44)]))
    c.over(rgb("#141414"), c.rrect(-2.25, -0.5, -2.15, 0.5, 0.03))
    # windscreen, glass roof and the glass engine cover with hexagonal louvres
    ws = c.poly(plan([(0.25, 0.62), (0.55, 0.62), (0.85, 0.56), (1.0, 0.46)]))
    glass(c, ws, tint=(0.08, 0.1, 0.13))
    roof = c.poly(plan([(-0.35, 0.5), (-0.1, 0.56), (0.25, 0.6)]))
    c.over((0.0, 0.0, 0.0), c.ellipse(-0.05, 0.3, 0.14, 0.12) + c.ellipse(-0.05, -0.3, 0.14, 0.12), 0.5)  # heads inside
    glass(c, roof, tint=(0.06, 0.07, 0.09))
    cover = c.poly(plan([(-1.6, 0.34), (-1.2, 0.44), (-0.7, 0.48), (-0.4, 0.46)]))
    hexes = []
    for i, x in enumerate(np.arange(-1.45, -0.55, 0.16)):
        for y in np.arange(-0.36, 0.37, 0.18) + (0.09 if i % 2 else 0.0):
            if abs(y) < 0.38:
                hexes.append(
                    [(x + 0.055 * math.cos(a), y + 0.055 * math.sin(a)) for a in np.linspace(0, 2 * math.pi, 7)[:-1]]
                )
    c.over(rgb("#0d0e0f"), c.polys(hexes) * cover, 0.9)
    c.over((0.05, 0.08, 0.03), np.clip(cover - pillow(c, cover, 0.03), 0, 1), 0.6)


def porsche_911_992(c: Canvas) -> None:
    """Porsche 911 Carrera S (992) in Miami Blue: round wings, glass roof, full-width tail light."""
    blue = rgb("#1597bd")
    xr = 1.34 - 2.45  # rear axle; the front wheels hide under the wings
    outline = plan(
        [
            (-2.26, 0.7),
            (-2.17, 0.86),
            (-1.6, 0.926),
            (-1.0, 0.91),
            (-0.3, 0.84),
            (0.5, 0.84),
            (1.1, 0.88),
            (1.6, 0.86),
            (2.0, 0.74),
            (2.2, 0.55),
            (2.26, 0.3),
        ]
    )
    body_m = c.poly(outline)
    shadow(c, body_m)
    b = new_body(c, body_m, blue, 0.18, 0.3)
    # the 911's signature: front wings standing proud of a low bonnet, broad rear haunches
    for side in (-1, 1):
        b.add(c, c.poly(plan([(0.6, 0.12), (1.2, 0.2), (1.8, 0.2), (2.15, 0.13)], y_offset=side * 0.68)), 0.12, 0.16)
        b.add(c, c.ellipse(xr - 0.1, side * 0.72, 0.75, 0.22), 0.12, 0.2)
    cabin = c.poly(plan([(-1.2, 0.46), (-0.7, 0.56), (0.0, 0.6), (0.6, 0.58), (0.85, 0.48)]))
    b.add(c, cabin, 0.32, 0.24)
    b.paint_over((0.97, 0.97, 0.95), c.rrect(1.6, -0.2, 1.9, 0.2, 0.04))
    b.paint_over((0.05, 0.05, 0.06), c.text("992", 1.75, 0.0, 0.2))
    b.paint_over(
        rgb("#c8141c"),
        c.poly([(1.25, 0.28), (1.45, 0.28), (1.45, 0.22), (1.58, 0.34), (1.45, 0.46), (1.45, 0.4), (1.25, 0.4)]),
    )
    finish_body(c, b, gloss=0.85, metal=0.3, ambient=0.55)
    c.over(
        (0.05, 0.35, 0.45),
        c.polyline([(0.95, -0.46), (1.9, -0.38), (2.12, 0.0), (1.9, 0.38), (0.95, 0.46)], 0.012),
        0.8,
    )
    for side in (-1, 1):
        lamp = c.ellipse(1.95, side * 0.66, 0.15, 0.13)
        glass(c, lamp, tint=(0.25, 0.28, 0.32))
        ring = c.ellipse(1.97, side * 0.66, 0.08, 0.07)
        c.over((0.92, 0.95, 1.0), np.clip(ring - c.ellipse(1.97, side * 0.66, 0.055, 0.045), 0, 1))
        mirror = c.ellipse(0.62, side * 0.9, 0.09, 0.07)
        c.over(lit(c, blue, pillow(c, mirror, 0.05) * 0.05, gloss=0.8), mirror)
    c.over(rgb("#141414"), c.poly([(2.16, -0.42), (2.26, -0.3), (2.26, 0.3), (2.16, 0.42)]))
    # engine lid with its slatted grille and the full-width light bar
    lid = c.poly(plan([(-2.15, 0.5), (-1.9, 0.56), (-1.3, 0.52), (-1.15, 0.42)]))
    c.over(
        (0.0, 0.2, 0.28),
        np.clip(lid - c.poly(plan([(-2.12, 0.48), (-1.9, 0.53), (-1.32, 0.49), (-1.18, 0.4)])), 0, 1),
        0.6,
    )
    grille = c.rrect(-1.95, -0.34, -1.45, 0.34, 0.04)
    c.over(rgb("#121212"), grille)
    c.over((0.3, 0.3, 0.32), c.lines([((-1.93, y), (-1.47, y)) for y in np.linspace(-0.3, 0.3, 13)], 0.012) * grille)
    c.over(rgb("#a0101a"), c.lines([((-1.82, -0.05), (-1.82, 0.05))], 0.03))
    c.over(rgb("#c0101a"), c.polyline([(-2.17, -0.86), (-2.24, -0.5), (-2.25, 0.0), (-2.24, 0.5), (-2.17, 0.86)], 0.04))
    ws = c.poly(plan([(0.2, 0.58), (0.5, 0.58), (0.75, 0.52), (0.86, 0.44)]))
    glass(c, ws, tint=(0.08, 0.1, 0.13))
    c.over((0.0, 0.0, 0.0), c.ellipse(-0.15, 0.3, 0.14, 0.12) + c.ellipse(-0.15, -0.3, 0.14, 0.12), 0.5)
    roof = c.poly(plan([(-0.75, 0.48), (-0.3, 0.54), (0.2, 0.56)]))
    glass(c, roof, tint=(0.06, 0.07, 0.09))
    rear = c.poly(plan([(-1.15, 0.4), (-0.95, 0.46), (-0.75, 0.47)]))
    glass(c, rear, tint=(0.08, 0.1, 0.13))


DRAWERS: dict[str, Callable[[Canvas], None]] = {
    "alfa-6c-1750": alfa_6c_1750,
    "mercedes-300-slr": mercedes_300_slr,
    "ferrari-315-s": ferrari_315_s,
    "jaguar-xk120": jaguar_xk120,
    "porsche-550": porsche_550,
    "lamborghini-huracan": lamborghini_huracan,
    "porsche-911-992": porsche_911_992,
}


# --------------------------------------------------------------------------- main


def car_dimensions(car_id: str) -> tuple[float, float]:
    """(length_m, width_m) from ``assets/cars/<id>.toml`` (the same file the game reads)."""
    import tomllib

    with (REPO / "assets" / "cars" / f"{car_id}.toml").open("rb") as f:
        body = tomllib.load(f)["body"]

    def v(x: object) -> float:
        return float(x["value"]) if isinstance(x, dict) else float(x)  # type: ignore[arg-type]

    return v(body["length_m"]), v(body["width_m"])


def render(car_id: str) -> dict[int, pygame.Surface]:
    length_m, width_m = car_dimensions(car_id)
    c = Canvas(length_m, width_m)
    DRAWERS[car_id](c)
    return {ppm: c.downsample(ppm) for ppm in OUT_PX_PER_M}


def write_index(out: Path, sizes: dict[str, tuple[float, float]]) -> None:
    lines = [
        "# Written by tools/make_car_sprites.py — do not edit. Each sprite points right (+x),",
        "# its centre is the car's centre; <id>.png is drawn at px_per_m, <id>@2x.png at twice that.",
        f"px_per_m = {min(OUT_PX_PER_M)}",
        f"margin_m = {MARGIN_M}",
        "",
    ]
    for car_id, (length_m, width_m) in sizes.items():
        lines += [
            f'[car."{car_id}"]',
            f'file = "{car_id}.png"',
            f'file_2x = "{car_id}@2x.png"',
            f"length_m = {length_m}",
            f"width_m = {width_m}",
            "",
        ]
    (out / "sprites.toml").write_text("\n".join(lines))


def contact_sheet(surfs: list[pygame.Surface]) -> pygame.Surface:
    pad = 20
    w = max(s.get_width() for s in surfs) + 2 * pad
    h = sum(s.get_height() + pad for s in surfs) + pad
    sheet = pygame.Surface((w * 2, h))
    sheet.fill((92, 96, 100))
    pygame.draw.rect(sheet, (96, 140, 70), (w, 0, w, h))
    y = pad
    for s in surfs:
        sheet.blit(s, (pad, y))
        sheet.blit(s, (w + pad, y))
        y += s.get_height() + pad
    return sheet


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=REPO / "assets" / "sprites" / "cars")
    ap.add_argument("--only", nargs="*", help="car ids to draw (default: all)")
    ap.add_argument("--preview", type=Path, help="also write a contact sheet of the @2x sprites here")
    args = ap.parse_args(argv)
    pygame.display.init()
    pygame.font.init()
    args.out.mkdir(parents=True, exist_ok=True)
    ids = args.only or list(DRAWERS)
    previews = []
    sizes = {}
    for car_id in ids:
        sizes[car_id] = car_dimensions(car_id)
        surfs = render(car_id)
        pygame.image.save(surfs[OUT_PX_PER_M[0]], str(args.out / f"{car_id}.png"))
        pygame.image.save(surfs[OUT_PX_PER_M[1]], str(args.out / f"{car_id}@2x.png"))
        previews.append(surfs[OUT_PX_PER_M[1]])
        print(f"{car_id}: {surfs[OUT_PX_PER_M[0]].get_size()} px at {OUT_PX_PER_M[0]} px/m")
    if not args.only:
        write_index(args.out, sizes)
    if args.preview:
        pygame.image.save(contact_sheet(previews), str(args.preview))
    return 0


if __name__ == "__main__":
    sys.exit(main())
