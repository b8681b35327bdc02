"""Tyre marks that stay on the road: decals painted into the baked map chunks.

A mark is a short segment in world metres. It is kept in a bounded list per map chunk
and painted straight into the chunk's baked surface at every zoom level that has the
chunk in its cache; a chunk baked later (scrolled back into view, another zoom level)
gets its marks painted when it is baked. Drawing them therefore costs nothing per
frame, however many there are.

A mark darkens whatever it lies on (asphalt, gravel, grass) by sampling the chunk's
colour under it, so marks laid over marks build up, as rubber does.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

import pygame

ChunkKey = tuple[int, int]
MARKS_PER_CHUNK = 4000  # oldest go first (only a re-baked chunk forgets them)
DARKEST = 28  # no channel is darkened below this


@dataclass(frozen=True)
class Mark:
    x0: float
    y0: float
    x1: float
    y1: float
    width_m: float
    strength: float  # 0…1: how much it darkens the ground


class SkidMarks:
    """Marks in world metres, grouped by chunks of ``chunk_w_m`` × ``chunk_h_m``."""

    def __init__(self, chunk_w_m: float, chunk_h_m: float, per_chunk: int = MARKS_PER_CHUNK) -> None:
        self.chunk_w_m = chunk_w_m
        self.chunk_h_m = chunk_h_m
        self.per_chunk = per_chunk
        self.by_chunk: dict[ChunkKey, deque[Mark]] = {}

    def __len__(self) -> int:
        return sum(len(d) for d in self.by_chunk.values())

    def keys_of(self, mark: Mark) -> set[ChunkKey]:
        return {
            (math.floor(x / self.chunk_w_m), math.floor(y / self.chunk_h_m))
            for x, y in ((mark.x0, mark.y0), (mark.x1, mark.y1))
        }

    def add(self, mark: Mark) -> set[ChunkKey]:
        """Keep ``mark``; returns the chunks it touches (to paint it there now)."""
        keys = self.keys_of(mark)
        for key in keys:
            marks = self.by_chunk.get(key)
            if marks is None:
                marks = self.by_chunk[key] = deque(maxlen=self.per_chunk)
            marks.append(mark)
        return keys

    def clear(self) -> set[ChunkKey]:
        """Forget every mark; returns the chunks that had some (to re-bake them)."""
        keys = set(self.by_chunk)
        self.by_chunk.clear()
        return keys

    def paint_chunk(self, key: ChunkKey, surface: pygame.Surface, rect: pygame.Rect, px_per_m: float) -> None:
        for mark in self.by_chunk.get(key, ()):
            paint(mark, surface, rect, px_per_m)


def paint(mark: Mark, surface: pygame.Surface, rect: pygame.Rect, px_per_m: float) -> None:
    """Darken the ground under ``mark`` on a chunk whose world-px rectangle is ``rect``."""
    ax, ay = mark.x0 * px_per_m - rect.x, mark.y0 * px_per_m - rect.y
    bx, by = mark.x1 * px_per_m - rect.x, mark.y1 * px_per_m - rect.y
    w, h = surface.get_size()
    mx = min(max(int((ax + bx) / 2), 0), w - 1)
    my = min(max(int((ay + by) / 2), 0), h - 1)
    under = surface.get_at((mx, my))
    keep = 1.0 - 0.32 * max(0.0, min(1.0, mark.strength))
    colour = tuple(max(min(c, DARKEST), round(c * keep)) for c in (under.r, under.g, under.b))
    width = max(1, round(mark.width_m * px_per_m))
    pygame.draw.line(surface, colour, (ax, ay), (bx, by), width)
