"""Night: a light map multiplied over the frame.

Each frame the light map is filled with the ambient moonlight, the glows of the street
lamps on screen and the headlight cones of the cars are added to it (``BLEND_ADD``), at
a fraction of the screen's resolution (``light_block``); its lit parts are enlarged by
nearest pixel and multiplied over the frame (as ``BLEND_MULT`` does), and the rest of the
frame, lit by the moon alone, is multiplied by the ambient colour — in one numba pass
(``pixels.multiply_light``).
Glows and cones are rendered once with numpy (at load) and then only rotated and scaled,
cached per zoom level and 5° of heading.
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np
import pygame

from millegame.ui.render import pixels
from millegame.ui.render.camera import Camera, screen_scale

CONE_LENGTH_M = 62.0  # useful reach of a 1950s headlamp pair
CONE_HALF_ANGLE = math.radians(24.0)
CONE_REF_PPM = 4.0  # scale the cone is rendered at, before any zoom
LAMP_RADIUS_M = 16.0
LIGHT_BLOCK = 2  # a light-map pixel is this many screen pixels a side in a 720-px-high window…
LIT_BAND = 64  # rows of the light map [px] in a band whose lit span is enlarged (``LightMap.lit_spans``)
LIT_STEP = 16  # the spans' ends are whole multiples of this [light-map px]
ANGLE_BUCKETS = 72  # 5°
HEADLAMP_RGB = (255, 236, 196)
LAMP_RGB = (255, 196, 120)


Extents = tuple[np.ndarray, np.ndarray]  # per row of an image: first lit column, one past the last
Lit = tuple[int, int, int, int, Extents | None]  # an image added to the light map: x, y, w, h, its rows


def _to_surface(rgb: np.ndarray) -> pygame.Surface:
    surf = pygame.surfarray.make_surface(np.clip(rgb, 0, 255).astype(np.uint8).transpose(1, 0, 2))
    return surf.convert() if pygame.display.get_surface() is not None else surf


@cache
def cone_image() -> pygame.Surface:
    """The headlight beam pointing +x, its origin at the left edge's middle."""
    length = round(CONE_LENGTH_M * CONE_REF_PPM)
    half_w = round(length * math.tan(CONE_HALF_ANGLE)) + 8
    xs = np.arange(length, dtype=np.float64)[None, :] + 0.5
    ys = np.arange(-half_w, half_w, dtype=np.float64)[:, None] + 0.5
    ang = np.abs(np.arctan2(ys, xs))
    dist = np.hypot(xs, ys) / length
    angular = np.clip(1.0 - (ang / CONE_HALF_ANGLE) ** 2, 0.0, 1.0)
    radial = np.clip(1.0 - dist, 0.0, 1.0) ** 1.3
    near = np.clip(dist * 8.0, 0.0, 1.0)  # no blaze right at the lamp
    k = (angular * radial * near)[..., None] * 1.15
    return _to_surface(k * np.array(HEADLAMP_RGB))


GLOW_RENDER_MAX_PX = 48  # glows are computed at most this radius and scaled up (they are smooth)


@cache
def glow_image(radius_px: int, rgb: tuple[int, int, int] = LAMP_RGB, strength: float = 0.85) -> pygame.Surface:
    """A round pool of light (black outside): for lamps and, small, for tail lights. A big
    one is scaled up from one of ``GLOW_RENDER_MAX_PX``: a street lamp's pool at a new zoom
    level costs a smoothscale (< 1 ms), not a numpy render of its whole area (17 ms at
    1920×1080)."""
    r = max(2, radius_px)
    if r > GLOW_RENDER_MAX_PX:
        return pygame.transform.smoothscale(glow_image(GLOW_RENDER_MAX_PX, rgb, strength), (2 * r, 2 * r))
    xs = np.arange(-r, r, dtype=np.float64) + 0.5
    d = np.hypot(xs[None, :], xs[:, None]) / r
    k = (np.clip(1.0 - d, 0.0, 1.0) ** 1.6 * strength)[..., None]
    return _to_surface(k * np.array(rgb))


@cache
def turned_cone(bucket: int) -> pygame.Surface:
    """The beam turned to heading bucket ``bucket`` at the reference scale (cheap to turn)."""
    return pygame.transform.rotate(cone_image(), -bucket * 360.0 / ANGLE_BUCKETS)


class LightMap:
    """The night's light map for one screen size.

    Light is smooth, so it is rendered in blocks of ``block`` × ``block`` screen pixels
    (``light_block``: 2 in a 720-px-high window, 3 at 1920×1080 — the same size against
    the world and the car at any window size): the lamps' pools and the headlamp cones
    (over a million pixels each at 1920×1080) are added over a ninth of the pixels there,
    and a cone at a heading not seen yet is scaled to a ninth of the size. In each band
    of rows only the span a glow or a cone reaches is enlarged (nearest pixel, a band at
    a time into a strip that stays in the processor's cache, not into a frame-sized
    surface) and multiplied over the frame; the rest holds the ambient colour alone,
    which a ``fill`` multiplies over the frame."""

    def __init__(
        self, size: tuple[int, int], ambient: tuple[int, int, int], lamps_m: list[tuple[float, float]]
    ) -> None:
        self.ambient = ambient
        self.lamps = np.array(lamps_m, dtype=np.float64).reshape(-1, 2)
        self.block = light_block(*size)
        self.small = _opaque((1, 1))
        self.strip = _opaque((1, 1))  # a band of a lit span enlarged from ``small``
        self.resize(size)
        self.light = self.small  # the part of ``small`` the last ``render`` filled
        self._lit: list[Lit] = []  # what the last ``render`` added to [light-map px]
        self.adds: list[tuple[pygame.Surface, tuple[int, int]]] = []  # …and the images it added there
        self.spans: list[tuple[int, int, int, int]] = []  # its ``lit_spans``
        self._cones: dict[tuple[float, int], tuple[pygame.Surface, tuple[float, float], Extents]] = {}

    def resize(self, size: tuple[int, int]) -> None:
        """Make room for a frame of ``size``; the surfaces only grow, because a zooming
        camera draws on a canvas whose size changes a little every frame."""
        w, h = self.small.get_size()
        k = self.block
        part = (math.ceil(size[0] / k), math.ceil(size[1] / k))
        if part[0] > w or part[1] > h:
            self.small = _opaque((max(w, part[0]), max(h, part[1])))
            self.strip = _opaque((k * self.small.get_width(), k * LIT_BAND))
            self.light = self.small

    def window(self, size: tuple[int, int]) -> None:
        """The window is now ``size``: the blocks as big as ``light_block`` says for it."""
        if light_block(*size) != self.block:
            self.block = light_block(*size)
            self.small = self.strip = _opaque((1, 1))
        self.resize(size)

    def cone(self, px_per_m: float, heading: float) -> tuple[pygame.Surface, tuple[float, float], Extents]:
        """The cone for a heading at a scale, the offset of its origin from the rotated
        image's centre [px] and where each of its rows is not black (``row_extents``). Turned at the
        reference scale, then scaled: turning the small image is cheap, so a heading not
        seen yet at this zoom costs one smoothscale."""
        bucket = round(heading / (2 * math.pi) * ANGLE_BUCKETS) % ANGLE_BUCKETS
        key = (px_per_m, bucket)
        hit = self._cones.get(key)
        if hit is None:
            scale = px_per_m / CONE_REF_PPM
            turned = turned_cone(bucket)
            img = pygame.transform.smoothscale(
                turned, (max(2, round(turned.get_width() * scale)), max(2, round(turned.get_height() * scale)))
            )
            angle = bucket * 2 * math.pi / ANGLE_BUCKETS
            # The beam's origin is at the left-middle of the unturned image.
            half = cone_image().get_width() * scale / 2
            hit = (img, (-half * math.cos(angle), -half * math.sin(angle)), row_extents(img))
            self._cones[key] = hit
        return hit

    def render(self, camera: Camera, cars: list[tuple[float, float, float, float]]) -> pygame.Surface:
        """Fill the light map: ambient, lamps on screen, a cone per car (x, y, heading,
        length [m]); returns it (a ``block``-th of the screen's size) for ``apply``, which reads only
        its lit spans (``lit_spans``: elsewhere it holds whatever it held). ``adds``:
        what was added, where."""
        self.resize((camera.screen_w, camera.screen_h))
        k = self.block
        w = math.ceil(camera.screen_w / k)
        h = math.ceil(camera.screen_h / k)
        light = self.light = self.small.subsurface((0, 0, w, h))
        ppm = camera.px_per_m / k
        ox, oy = (v / k for v in camera.origin_px)
        adds: list[tuple[pygame.Surface, tuple[int, int]]] = []
        lit: list[Lit] = []  # the rectangles added to: where there is more than moonlight
        if len(self.lamps):
            r = round(LAMP_RADIUS_M * ppm)
            glow = glow_image(r)
            sx = self.lamps[:, 0] * ppm - ox
            sy = self.lamps[:, 1] * ppm - oy
            on = (sx > -r) & (sx < w + r) & (sy > -r) & (sy < h + r)
            for x, y in zip(sx[on], sy[on], strict=True):
                at = (round(x) - r, round(y) - r)
                adds.append((glow, at))
                lit.append((at[0], at[1], 2 * r, 2 * r, None))
        for x, y, heading, length in cars:
            img, (dx, dy), rows = self.cone(ppm, heading)
            nose_x = x + math.cos(heading) * length * 0.45
            nose_y = y + math.sin(heading) * length * 0.45
            cx = nose_x * ppm - ox - dx
            cy = nose_y * ppm - oy - dy
            at = (round(cx - img.get_width() / 2), round(cy - img.get_height() / 2))
            adds.append((img, at))
            lit.append((at[0], at[1], img.get_width(), img.get_height(), rows))
            pool = glow_image(max(3, round(4.0 * ppm)), HEADLAMP_RGB, 0.5)  # light spill around the car
            at = (round(x * ppm - ox) - pool.get_width() // 2, round(y * ppm - oy) - pool.get_height() // 2)
            adds.append((pool, at))
            lit.append((at[0], at[1], pool.get_width(), pool.get_height(), None))
        self._lit = lit
        # Only the lit spans are read (``apply``): only they need the ambient to add to.
        self.spans = self.lit_spans()
        for top, bottom, left, right in self.spans:
            if right > left:
                light.fill(self.ambient, (left, top, right - left, bottom - top))
        if adds:
            light.fblits(adds, pygame.BLEND_ADD)
        self.adds = adds
        return light

    def lit_spans(self) -> list[tuple[int, int, int, int]]:
        """Where the last ``render`` put more than moonlight, as bands of the light map
        (``LIT_BAND`` rows, consecutive bands with the same span merged): (top, bottom,
        left, right) [light-map px], left == right where a band is moonlit throughout.
        Outside the spans every pixel is the ambient colour."""
        w, h = self.light.get_size()
        spans: list[tuple[int, int, int, int]] = []
        for top in range(0, h, LIT_BAND):
            bottom = min(h, top + LIT_BAND)
            left, right = w, 0
            for x, y, rw, rh, rows in self._lit:
                if y < bottom and y + rh > top and x < w and x + rw > 0:
                    if rows is None:
                        left, right = min(left, x), max(right, x + rw)
                    else:  # a cone: only where its rows in the band are lit
                        a, b = max(top, y) - y, min(bottom, y + rh) - y
                        left, right = min(left, x + int(rows[0][a:b].min())), max(right, x + int(rows[1][a:b].max()))
            if left < right:  # whole steps of LIT_STEP: aligned rows copy faster
                left, right = max(0, left - left % LIT_STEP), min(w, right + (-right) % LIT_STEP)
            else:
                left = right = 0
            if spans and spans[-1][2:] == (left, right):
                spans[-1] = (spans[-1][0], bottom, left, right)
            else:
                spans.append((top, bottom, left, right))
        return spans

    def apply(self, target: pygame.Surface) -> None:
        """Multiply the last ``render``'s light over ``target`` (the frame it was rendered
        for): in each band (``spans``) the lit span enlarged and multiplied, the moonlit
        rest multiplied by the ambient colour (exactly what the enlarged ambient pixels
        would do). In one numba pass (``pixels.multiply_light``: less than half the time of
        pygame's enlarge, blit and fills) where the surfaces allow it."""
        if pixels.fits(target, self.light):
            pixels.multiply_light(target, self.light, self.block, self.spans, self.light.map_rgb(self.ambient))
            return
        w = self.light.get_width()
        k = self.block
        mult = pygame.BLEND_MULT
        for top, bottom, left, right in self.spans:
            y, bh = k * top, k * (bottom - top)
            if left > 0:
                target.fill(self.ambient, (0, y, k * left, bh), special_flags=mult)
            for a in range(top, bottom, LIT_BAND) if right > left else ():
                # A band at a time through one strip, which stays in the processor's cache.
                b = min(bottom, a + LIT_BAND)
                big = self.strip.subsurface((0, 0, k * (right - left), k * (b - a)))
                pygame.transform.scale(self.light.subsurface((left, a, right - left, b - a)), big.get_size(), big)
                target.blit(big, (k * left, k * a), special_flags=mult)
            if right < w:
                target.fill(self.ambient, (k * right, y, k * (w - right), bh), special_flags=mult)


def light_block(w: int, h: int) -> int:
    """How many screen pixels a side a light-map pixel is in a ``w`` × ``h`` window:
    ``LIGHT_BLOCK`` at a 720-px short side, as much bigger as the window (the light's
    steps the same size against the world at any window size), never less."""
    return max(LIGHT_BLOCK, round(LIGHT_BLOCK * screen_scale(w, h)))


def row_extents(img: pygame.Surface) -> Extents:
    """Where each row of ``img`` is not black: its first such pixel and one past its last
    (a row all black: the image's width and 0)."""
    red, green, blue, _ = img.get_masks()
    pixels = pygame.surfarray.pixels2d(img)  # a view, not a copy (three copies took 30 ms a cone)
    mask = (pixels & (red | green | blue)).T != 0  # rows × columns
    del pixels  # unlocks the surface
    w = mask.shape[1]
    lit = mask.any(axis=1)
    first = np.where(lit, mask.argmax(axis=1), w)
    end = np.where(lit, w - mask[:, ::-1].argmax(axis=1), 0)
    return first, end


def _opaque(size: tuple[int, int]) -> pygame.Surface:
    surf = pygame.Surface(size)
    return surf.convert() if pygame.display.get_surface() is not None else surf
