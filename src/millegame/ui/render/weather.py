"""Rain streaks and fog over the frame.

Rain: a fixed number of short slanted lines in screen space that fall with the wind
and slide against the camera's motion, so the rain feels as if the car drives into it
(≈ 0.2 ms for 220 lines). Fog: one pre-rendered veil, clear around the car and thick
towards the edges, blitted once per frame (≈ 0.3 ms).
"""

from __future__ import annotations

import numpy as np
import pygame

RAIN_DROPS = 220
RAIN_RGB = (205, 215, 235)
FOG_RGB = (214, 218, 222)


class RainStreaks:
    def __init__(self, size: tuple[int, int], seed: int = 3) -> None:
        self.size = size
        self.rng = np.random.default_rng(seed)
        self.x = self.rng.uniform(0, size[0], RAIN_DROPS)
        self.y = self.rng.uniform(0, size[1], RAIN_DROPS)
        self.len = self.rng.uniform(10, 22, RAIN_DROPS)
        self.speed = self.rng.uniform(700, 1000, RAIN_DROPS)  # px/s down the screen
        self.wind = -0.28  # streaks lean left
        self._last_origin: tuple[int, int] | None = None

    def resize(self, size: tuple[int, int]) -> None:
        if size != self.size:
            sx, sy = size[0] / self.size[0], size[1] / self.size[1]
            self.x *= sx
            self.y *= sy
            self.size = size

    def update(self, frame_s: float, origin_px: tuple[int, int]) -> None:
        w, h = self.size
        dx = dy = 0.0
        if self._last_origin is not None:
            dx = origin_px[0] - self._last_origin[0]
            dy = origin_px[1] - self._last_origin[1]
            if abs(dx) > w or abs(dy) > h:  # a jump (zoom step, restart): no smear
                dx = dy = 0.0
        self._last_origin = origin_px
        self.y += self.speed * frame_s - dy * 0.6
        self.x += self.speed * self.wind * frame_s - dx * 0.6
        self.x %= w
        self.y %= h

    def draw(self, target: pygame.Surface) -> None:
        lean = self.wind
        for x, y, n in zip(self.x.tolist(), self.y.tolist(), self.len.tolist(), strict=True):
            pygame.draw.line(target, RAIN_RGB, (x, y), (x + n * lean, y + n), 1)


class FogVeil:
    """A veil clear in an ellipse round ``centre`` and thick at the screen's edges."""

    def __init__(self, size: tuple[int, int], *, clear_share: float = 0.16, max_alpha: int = 215) -> None:
        self.size = size
        self.clear_share = clear_share
        self.max_alpha = max_alpha
        self.surface = self._render(size)

    def _render(self, size: tuple[int, int]) -> pygame.Surface:
        w, h = size
        xs = (np.arange(w) + 0.5 - w / 2) / (w / 2)
        ys = (np.arange(h) + 0.5 - h / 2) / (h / 2)
        d = np.hypot(xs[:, None] * 1.0, ys[None, :] * (h / w) * 1.6)
        t = np.clip((d - self.clear_share) / (0.95 - self.clear_share), 0.0, 1.0)
        alpha = (self.max_alpha * (t * t * (3 - 2 * t))).astype(np.uint8)
        surf = pygame.Surface(size, pygame.SRCALPHA)
        surf.fill((*FOG_RGB, 0))
        pygame.surfarray.pixels_alpha(surf)[:] = alpha
        return surf

    def resize(self, size: tuple[int, int]) -> None:
        if size != self.size:
            self.size = size
            self.surface = self._render(size)

    def draw(self, target: pygame.Surface, offset: tuple[int, int] = (0, 0)) -> None:
        """``offset``: where the car sits relative to the screen's centre [px]."""
        target.blit(self.surface, offset)
        if offset != (0, 0):  # fill the strip the shift uncovered
            w, h = target.get_size()
            ox, oy = offset
            fill = (*FOG_RGB, self.max_alpha)
            for rect in (
                pygame.Rect(0, 0, max(0, ox), h),
                pygame.Rect(w + min(0, ox), 0, max(0, -ox), h),
                pygame.Rect(0, 0, w, max(0, oy)),
                pygame.Rect(0, h + min(0, oy), w, max(0, -oy)),
            ):
                if rect.width > 0 and rect.height > 0:
                    _blend_rect(target, rect, fill)


def _blend_rect(target: pygame.Surface, rect: pygame.Rect, rgba: tuple[int, int, int, int]) -> None:
    r, g, b, a = rgba
    k = a / 255.0
    # out = dst·(1−k) + c·k, as a multiply then an add (no per-pixel alpha surface needed)
    q = round(255 * (1 - k))
    target.fill((q, q, q), rect, special_flags=pygame.BLEND_MULT)
    target.fill((round(r * k), round(g * k), round(b * k)), rect, special_flags=pygame.BLEND_ADD)
