"""Short-lived puffs in world metres: dust on gravel, spray in the wet, exhaust smoke,
backfire flashes.

A fixed-size pool of arrays (no object per particle); sprites are soft discs rendered
once per kind, size step and fade step, so a frame costs one ``fblits`` call of a few
hundred small blits. Additive kinds (flashes) go in a second call with ``BLEND_ADD``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import numpy as np
import pygame

from millegame.ui.render.camera import Camera

MAX_PARTICLES = 400
SIZE_STEPS = 12
FADE_STEPS = 8


@dataclass(frozen=True)
class Kind:
    name: str
    rgb: tuple[int, int, int]
    alpha: int  # at birth
    life_s: float
    grow_mps: float  # radius growth [m/s]
    drag_per_s: float
    additive: bool = False


DUST = Kind("dust", (196, 170, 120), 150, 1.6, 1.4, 1.8)
SPRAY = Kind("spray", (210, 220, 230), 120, 0.7, 1.6, 3.0)
SMOKE = Kind("smoke", (235, 235, 235), 140, 1.1, 1.0, 2.0)  # tyre smoke
EXHAUST = Kind("exhaust", (90, 90, 96), 90, 0.8, 0.8, 2.5)
FLASH = Kind("flash", (255, 150, 40), 255, 0.09, 3.0, 0.0, additive=True)
KINDS = (DUST, SPRAY, SMOKE, EXHAUST, FLASH)


@cache
def puff(kind: Kind, radius_px: int, fade: int) -> pygame.Surface:
    """A soft disc of ``kind`` with ``radius_px``, at fade step ``fade`` (0 = fresh)."""
    r = max(1, radius_px)
    size = 2 * r + 2
    alpha_scale = 1.0 - fade / FADE_STEPS
    if kind.additive:
        surf = pygame.Surface((size, size))  # black adds nothing
        for k in range(r, 0, -1):  # a hot white core in a coloured glow
            t = k / r  # 1 at the edge, 0 at the centre
            glow = (1.0 - t) ** 0.8 * alpha_scale
            core = max(0.0, 1.0 - 2.5 * t) * alpha_scale
            colour = [min(255, round(kind.rgb[i] * glow + 255 * core * 0.7)) for i in range(3)]
            pygame.draw.circle(surf, colour, (r + 1, r + 1), k)
        return surf
    surf = pygame.Surface((size, size), pygame.SRCALPHA)
    for k in range(r, 0, -1):
        t = k / r
        a = round(kind.alpha * alpha_scale * (1.0 - t * t) ** 0.8)
        pygame.draw.circle(surf, (*kind.rgb, a), (r + 1, r + 1), k)
    return surf


class Particles:
    """A pool of particles of the ``KINDS``; positions and velocities in metres."""

    def __init__(self, capacity: int = MAX_PARTICLES, seed: int = 0) -> None:
        self.capacity = capacity
        self.x = np.zeros(capacity)
        self.y = np.zeros(capacity)
        self.vx = np.zeros(capacity)
        self.vy = np.zeros(capacity)
        self.r = np.zeros(capacity)  # radius [m]
        self.age = np.zeros(capacity)
        self.life = np.zeros(capacity)  # 0 = free slot
        self.kind = np.zeros(capacity, dtype=np.int8)
        self.rng = np.random.default_rng(seed)
        self._next = 0

    @property
    def alive(self) -> int:
        return int((self.life > 0).sum())

    def emit(
        self,
        kind: Kind,
        x: float,
        y: float,
        vx: float = 0.0,
        vy: float = 0.0,
        *,
        count: int = 1,
        spread_m: float = 0.4,
        jitter_mps: float = 1.0,
        radius_m: float = 0.5,
    ) -> None:
        k = KINDS.index(kind)
        for _ in range(count):
            i = self._next
            self._next = (self._next + 1) % self.capacity  # the oldest slot is reused
            self.x[i] = x + self.rng.normal(0.0, spread_m)
            self.y[i] = y + self.rng.normal(0.0, spread_m)
            self.vx[i] = vx + self.rng.normal(0.0, jitter_mps)
            self.vy[i] = vy + self.rng.normal(0.0, jitter_mps)
            self.r[i] = radius_m * (0.7 + 0.6 * self.rng.random())
            self.age[i] = 0.0
            self.life[i] = kind.life_s * (0.75 + 0.5 * self.rng.random())
            self.kind[i] = k

    def update(self, frame_s: float) -> None:
        live = self.life > 0
        if not live.any():
            return
        drag = np.array([k.drag_per_s for k in KINDS])[self.kind]
        grow = np.array([k.grow_mps for k in KINDS])[self.kind]
        f = np.exp(-drag * frame_s)
        self.vx = np.where(live, self.vx * f, self.vx)
        self.vy = np.where(live, self.vy * f, self.vy)
        self.x += self.vx * frame_s
        self.y += self.vy * frame_s
        self.r += grow * frame_s
        self.age += frame_s
        self.life[self.age >= self.life] = 0.0

    def clear(self) -> None:
        self.life[:] = 0.0

    def draw(self, target: pygame.Surface, camera: Camera) -> None:
        idx = np.flatnonzero(self.life > 0)
        if idx.size == 0:
            return
        ox, oy = camera.origin_px
        ppm = camera.px_per_m
        w, h = target.get_size()
        sx = self.x[idx] * ppm - ox
        sy = self.y[idx] * ppm - oy
        rp = np.maximum(1, np.round(self.r[idx] * ppm)).astype(int)
        fade = np.minimum(FADE_STEPS - 1, (self.age[idx] / self.life[idx] * FADE_STEPS).astype(int))
        normal: list[tuple[pygame.Surface, tuple[int, int]]] = []
        added: list[tuple[pygame.Surface, tuple[int, int]]] = []
        for j, i in enumerate(idx):
            r = int(rp[j])
            x, y = float(sx[j]), float(sy[j])
            if x + r < 0 or y + r < 0 or x - r > w or y - r > h:
                continue
            kind = KINDS[int(self.kind[i])]
            r = min(r, 64)
            r = _step_radius(r)
            img = puff(kind, r, int(fade[j]))
            (added if kind.additive else normal).append((img, (round(x) - r - 1, round(y) - r - 1)))
        if normal:
            target.fblits(normal)
        if added:
            target.fblits(added, pygame.BLEND_ADD)


def _step_radius(r: int) -> int:
    """Radii in a few steps so the sprite cache stays small."""
    if r <= 6:
        return r
    return round(6 * math.pow(1.25, round(math.log(r / 6, 1.25))))
