"""Scenery that lives: the roadside crowds wave as a car comes by.

The map's spectator and cyclist tiles (``tile_kinds.CROWD_KINDS``) are static art; on
top of those within ``WAKE_M`` of the followed car this draws arms and hats thrown up
and little flags waving, bobbing on a per-person phase — more of them, and higher, the
closer and faster the car, and for a moment after a backfire. A few dozen small
rectangles per frame at most.
"""

from __future__ import annotations

import math

import numpy as np
import pygame

from millegame.core.stage import Stage
from millegame.ui.fonts import ALFA_RED, CREAM, GREEN
from millegame.ui.render.camera import Camera
from millegame.ui.render.tile_kinds import CROWD_KINDS, find_tiles

WAKE_M = 45.0
PEOPLE_PER_TILE = 3
FLAG_COLOURS = (GREEN, CREAM, ALFA_RED)


class Crowds:
    def __init__(self, stage: Stage) -> None:
        tiles = find_tiles(stage, CROWD_KINDS)
        rng = np.random.default_rng(41)
        people = []
        for x, y, kind in tiles:
            for _ in range(PEOPLE_PER_TILE):
                people.append((x + rng.uniform(-1.6, 1.6), y + rng.uniform(-1.2, 1.2), rng.uniform(0, 6.28), kind))
        self.x = np.array([p[0] for p in people], dtype=np.float64)
        self.y = np.array([p[1] for p in people], dtype=np.float64)
        self.phase = np.array([p[2] for p in people], dtype=np.float64)
        self.flags = np.array([p[3] == "spectators_flags" for p in people], dtype=bool)
        self.t_s = 0.0
        self.excite_s = 0.0  # a backfire's extra cheer, fading

    def __len__(self) -> int:
        return len(self.x)

    def update(self, frame_s: float, backfired: bool) -> None:
        self.t_s += frame_s
        self.excite_s = 1.5 if backfired else max(0.0, self.excite_s - frame_s)

    def draw(self, target: pygame.Surface, camera: Camera, car_x: float, car_y: float, speed_mps: float) -> int:
        """Draw the waving near the car; returns how many people wave."""
        if not len(self.x):
            return 0
        d = np.hypot(self.x - car_x, self.y - car_y)
        near = np.flatnonzero(d < WAKE_M * (1.5 if self.excite_s > 0 else 1.0))
        if near.size == 0:
            return 0
        ppm = camera.px_per_m
        ox, oy = camera.origin_px
        keen = min(1.0, 0.3 + speed_mps / 40.0 + (0.5 if self.excite_s > 0 else 0.0))
        size = max(1, round(0.35 * ppm))
        for i in near:
            closeness = 1.0 - d[i] / (WAKE_M * 1.5)
            lift = abs(math.sin(self.t_s * 9.0 + self.phase[i])) * (0.5 + 1.3 * closeness * keen) * ppm
            sx = self.x[i] * ppm - ox
            sy = self.y[i] * ppm - oy - lift
            if self.flags[i]:
                wave = math.sin(self.t_s * 12.0 + self.phase[i]) * size
                for k, colour in enumerate(FLAG_COLOURS):
                    pygame.draw.rect(target, colour, (round(sx + k * size), round(sy - size + wave * 0.3), size, size))
            else:
                hat = (ALFA_RED, CREAM, (40, 40, 40))[int(self.phase[i] * 10) % 3]
                pygame.draw.rect(target, hat, (round(sx), round(sy), size + 1, size + 1))
        return int(near.size)
