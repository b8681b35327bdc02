"""Night: a light map multiplied over the frame.

Each frame the light map is filled with the ambient moonlight, the glows of the street
lamps on screen and the headlight cones of the cars are added to it (``BLEND_ADD``), at
half the screen's resolution; it is enlarged by nearest pixel and multiplied over the
frame once (``BLEND_MULT``). Glows and cones are rendered once with numpy (at load) and then only
rotated and scaled, cached per zoom level and 5° of heading.
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np
import pygame

from millegame.ui.render.camera import Camera

CONE_LENGTH_M = 62.0  # useful reach of a 1950s headlamp pair
CONE_HALF_ANGLE = math.radians(24.0)
CONE_REF_PPM = 4.0  # scale the cone is rendered at, before any zoom
LAMP_RADIUS_M = 16.0
LIGHT_SCALE = 0.5  # the light map's resolution, relative to the screen's
ANGLE_BUCKETS = 72  # 5°
HEADLAMP_RGB = (255, 236, 196)
LAMP_RGB = (255, 196, 120)


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

    Light is smooth, so it is rendered at half the screen's resolution (``LIGHT_SCALE``)
    and enlarged by nearest pixel before it is multiplied over the frame: the lamps'
    pools and the headlamp cones (over a million pixels each at 1920×1080) are added
    over a quarter of the pixels, and a cone at a heading not seen yet is scaled to a
    quarter of the size."""

    def __init__(
        self, size: tuple[int, int], ambient: tuple[int, int, int], lamps_m: list[tuple[float, float]]
    ) -> None:
        self.ambient = ambient
        self.lamps = np.array(lamps_m, dtype=np.float64).reshape(-1, 2)
        self.surface = _opaque((1, 1))  # the full-size light, enlarged from ``small``
        self.small = _opaque((1, 1))
        self.resize(size)
        self.view = self.surface  # the part of ``surface`` the last ``render`` filled
        self._cones: dict[tuple[float, int], tuple[pygame.Surface, tuple[float, float]]] = {}

    def resize(self, size: tuple[int, int]) -> None:
        """Make room for a frame of ``size``; the surfaces only grow, because a zooming
        camera draws on a canvas whose size changes a little every frame."""
        w, h = self.surface.get_size()
        full = (2 * math.ceil(size[0] * LIGHT_SCALE), 2 * math.ceil(size[1] * LIGHT_SCALE))
        if full[0] > w or full[1] > h:
            self.surface = _opaque((max(w, full[0]), max(h, full[1])))
            self.small = _opaque((self.surface.get_width() // 2, self.surface.get_height() // 2))
            self.view = self.surface

    def cone(self, px_per_m: float, heading: float) -> tuple[pygame.Surface, tuple[float, float]]:
        """The cone for a heading at a scale, and the offset of its origin from the
        rotated image's centre [px]. Turned at the reference scale, then scaled: turning
        the small image is cheap, so a heading not seen yet at this zoom costs one
        smoothscale."""
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
            hit = (img, (-half * math.cos(angle), -half * math.sin(angle)))
            self._cones[key] = hit
        return hit

    def render(self, camera: Camera, cars: list[tuple[float, float, float, float]]) -> pygame.Surface:
        """Fill the light map: ambient, lamps on screen, a cone per car (x, y, heading,
        length [m]); returns it (the screen's size) for ``apply``."""
        self.resize((camera.screen_w, camera.screen_h))
        w = math.ceil(camera.screen_w * LIGHT_SCALE)
        h = math.ceil(camera.screen_h * LIGHT_SCALE)
        light = self.small.subsurface((0, 0, w, h))
        light.fill(self.ambient)
        ppm = camera.px_per_m * LIGHT_SCALE
        ox, oy = (v * LIGHT_SCALE for v in camera.origin_px)
        adds: list[tuple[pygame.Surface, tuple[int, int]]] = []
        if len(self.lamps):
            r = round(LAMP_RADIUS_M * ppm)
            glow = glow_image(r)
            sx = self.lamps[:, 0] * ppm - ox
            sy = self.lamps[:, 1] * ppm - oy
            on = (sx > -r) & (sx < w + r) & (sy > -r) & (sy < h + r)
            adds.extend((glow, (round(x) - r, round(y) - r)) for x, y in zip(sx[on], sy[on], strict=True))
        for x, y, heading, length in cars:
            img, (dx, dy) = self.cone(ppm, heading)
            nose_x = x + math.cos(heading) * length * 0.45
            nose_y = y + math.sin(heading) * length * 0.45
            cx = nose_x * ppm - ox - dx
            cy = nose_y * ppm - oy - dy
            adds.append((img, (round(cx - img.get_width() / 2), round(cy - img.get_height() / 2))))
            pool = glow_image(max(3, round(4.0 * ppm)), HEADLAMP_RGB, 0.5)  # light spill around the car
            adds.append(
                (pool, (round(x * ppm - ox) - pool.get_width() // 2, round(y * ppm - oy) - pool.get_height() // 2))
            )
        if adds:
            light.fblits(adds, pygame.BLEND_ADD)
        big = self.surface.subsurface((0, 0, 2 * w, 2 * h))
        pygame.transform.scale(light, big.get_size(), big)
        self.view = self.surface.subsurface((0, 0, camera.screen_w, camera.screen_h))
        return self.view

    def apply(self, target: pygame.Surface) -> None:
        target.blit(self.view, (0, 0), special_flags=pygame.BLEND_MULT)


def _opaque(size: tuple[int, int]) -> pygame.Surface:
    surf = pygame.Surface(size)
    return surf.convert() if pygame.display.get_surface() is not None else surf
