"""Car sprites: the PNGs of ``tools/make_car_sprites.py``, scaled and rotated on demand.

Each sprite points right (+x = heading 0). Rotations are cached per 2° bucket: the
high-resolution sprite is rotated first and only then box-filtered down to the screen
scale, which keeps a 20-px car crisp at every angle (rotating the small image would
alias badly). A car whose PNG is missing still gets a plain coloured lozenge so the
game runs from a bare checkout before the sprite tool has been run.
"""

from __future__ import annotations

import math
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pygame

from millegame.core.car import CarParams
from millegame.resources import assets_dir

ANGLE_BUCKETS = 180  # 2° steps: at 20 px long a car's nose moves < 0.4 px per step


def sprites_dir() -> Path:
    return assets_dir() / "sprites" / "cars"


@cache
def _index() -> dict[str, Any]:
    path = sprites_dir() / "sprites.toml"
    if not path.exists():
        return {"px_per_m": 32.0, "car": {}}
    with path.open("rb") as f:
        return tomllib.load(f)


def _display_ready() -> bool:
    return pygame.display.get_init() and pygame.display.get_surface() is not None


def _placeholder(car: CarParams, px_per_m: float) -> pygame.Surface:
    w = max(4, round(car.length_m * px_per_m))
    h = max(2, round(car.width_m * px_per_m))
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
    colour = (179, 32, 42) if car.era == "classic" else (90, 170, 40)
    pygame.draw.rect(surf, colour, surf.get_rect(), border_radius=h // 3)
    pygame.draw.rect(surf, (30, 30, 30), (w * 0.45, h * 0.2, w * 0.25, h * 0.6), border_radius=h // 5)
    return surf


@cache
def load_sprite(car_id: str, *, large: bool = False) -> tuple[pygame.Surface, float] | None:
    """(sprite surface, its px per metre), or None if the file is missing."""
    index = _index()
    base_ppm = float(index.get("px_per_m", 32.0))
    name = f"{car_id}@2x.png" if large else f"{car_id}.png"
    path = sprites_dir() / name
    if not path.exists():
        return None
    surf = pygame.image.load(str(path))
    if _display_ready():
        surf = surf.convert_alpha()
    return surf, base_ppm * (2.0 if large else 1.0)


def sprite_at(car: CarParams, px_per_m: float, *, large: bool = False) -> pygame.Surface:
    """The car pointing right at ``px_per_m`` (for menus: pick ``large`` above ~32 px/m)."""
    loaded = load_sprite(car.id, large=large)
    if loaded is None:
        return _placeholder(car, px_per_m)
    surf, ppm = loaded
    scale = px_per_m / ppm
    if abs(scale - 1.0) < 1e-6:
        return surf
    size = (max(1, round(surf.get_width() * scale)), max(1, round(surf.get_height() * scale)))
    return pygame.transform.smoothscale(surf, size)


class CarSprites:
    """Rotated sprites of one car at one screen scale, cached by angle bucket."""

    def __init__(self, car: CarParams, px_per_m: float) -> None:
        self.car = car
        self.px_per_m = px_per_m
        # The closest zoom of a big window asks for more than the 1× art: take the 2× art
        # then, so a car is only ever shrunk from its drawing, never enlarged.
        loaded = load_sprite(car.id)
        if loaded is not None and px_per_m > loaded[1]:
            loaded = load_sprite(car.id, large=True) or loaded
        if loaded is None:
            self._source = _placeholder(car, px_per_m * 4)
            self._source_ppm = px_per_m * 4
        else:
            self._source, self._source_ppm = loaded
        self._cache: dict[int, pygame.Surface] = {}
        self._shadows: dict[tuple[int, int], pygame.Surface] = {}

    @staticmethod
    def bucket(heading_rad: float) -> int:
        return round(heading_rad / (2 * math.pi) * ANGLE_BUCKETS) % ANGLE_BUCKETS

    def shadow(self, heading_rad: float, alpha: int) -> pygame.Surface:
        """The car's silhouette in black at ``alpha``, for a drop shadow on the road."""
        key = (self.bucket(heading_rad), alpha)
        surf = self._shadows.get(key)
        if surf is None:
            surf = self.rotated(heading_rad).copy()
            surf.fill((0, 0, 0, 255), special_flags=pygame.BLEND_RGBA_MIN)  # black, alpha kept
            surf.fill((255, 255, 255, alpha), special_flags=pygame.BLEND_RGBA_MULT)
            self._shadows[key] = surf
        return surf

    def ghost(self, heading_rad: float, alpha: int = 110) -> pygame.Surface:
        """The sprite made translucent (a ghost car: the best run replayed)."""
        key = (self.bucket(heading_rad), -alpha)
        surf = self._shadows.get(key)
        if surf is None:
            surf = self.rotated(heading_rad).copy()
            surf.fill((200, 215, 255, alpha), special_flags=pygame.BLEND_RGBA_MULT)
            self._shadows[key] = surf
        return surf

    def rotated(self, heading_rad: float) -> pygame.Surface:
        """The sprite for ``heading_rad`` (core.geometry's convention: clockwise on screen)."""
        bucket = self.bucket(heading_rad)
        surf = self._cache.get(bucket)
        if surf is None:
            degrees = bucket * 360.0 / ANGLE_BUCKETS
            # pygame rotates counter-clockwise; a positive heading turns clockwise on screen.
            big = pygame.transform.rotate(self._source, -degrees)
            scale = self.px_per_m / self._source_ppm
            size = (max(1, round(big.get_width() * scale)), max(1, round(big.get_height() * scale)))
            surf = pygame.transform.smoothscale(big, size)
            self._cache[bucket] = surf
        return surf

    def draw(
        self,
        target: pygame.Surface,
        centre_px: tuple[float, float],
        heading_rad: float,
        *,
        shadow_alpha: int = 0,
        shadow_offset_px: tuple[float, float] = (0.0, 0.0),
    ) -> None:
        centre = (round(centre_px[0]), round(centre_px[1]))
        if shadow_alpha > 0:
            sh = self.shadow(heading_rad, shadow_alpha)
            at = (round(centre_px[0] + shadow_offset_px[0]), round(centre_px[1] + shadow_offset_px[1]))
            target.blit(sh, sh.get_rect(center=at))
        img = self.rotated(heading_rad)
        target.blit(img, img.get_rect(center=centre))
