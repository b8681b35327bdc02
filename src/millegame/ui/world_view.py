"""The world as seen from above: map, timing gates, cars, then the layers over the cars.

Shared by the race and the demo. Poses are interpolated between ``race.prev_state`` and
``race.state`` with the frame's ``alpha`` (heading along the shortest arc), so motion is
smooth at any frame rate although the simulation runs at a fixed 120 Hz.
"""

from __future__ import annotations

import math

import numpy as np
import pygame
from numpy.typing import NDArray

from millegame.core.car import CarParams, CarState
from millegame.core.race import Race
from millegame.core.stage import Gate, Stage
from millegame.ui.camera import SCREEN_PX_PER_M, Camera
from millegame.ui.fonts import ALFA_RED, CREAM, INK, OCHRE
from millegame.ui.map_renderer import MapRenderer
from millegame.ui.sprites import CarSprites

FloatArray = NDArray[np.float64]


def interpolate(prev: CarState, cur: CarState, alpha: float) -> tuple[FloatArray, FloatArray, FloatArray]:
    """(x, y, heading) of every car at ``alpha`` ∈ [0, 1] between two ticks."""
    x = prev.x + (cur.x - prev.x) * alpha
    y = prev.y + (cur.y - prev.y) * alpha
    turn = (cur.heading - prev.heading + math.pi) % (2.0 * math.pi) - math.pi  # shortest arc
    return x, y, prev.heading + turn * alpha


def _gate_quads(gate: Gate, square_m: float = 1.0) -> list[tuple[list[tuple[float, float]], bool]]:
    """A chequered band across a gate: (corner points [m], is_dark) per square."""
    a, b = np.array(gate.a), np.array(gate.b)
    length = float(np.hypot(*(b - a)))
    if length < 1e-6:
        return []
    u = (b - a) / length
    f = np.array(gate.forward, dtype=np.float64)
    f = f / max(float(np.hypot(*f)), 1e-9)
    n = max(1, round(length / square_m))
    step = length / n
    quads = []
    for k in range(n):
        for row in (0, 1):
            p0 = a + u * step * k + f * square_m * (row - 1)
            corners = [p0, p0 + u * step, p0 + u * step + f * square_m, p0 + f * square_m]
            quads.append(([(float(p[0]), float(p[1])) for p in corners], (k + row) % 2 == 0))
    return quads


class WorldView:
    """Draws one race from a camera that follows car ``focus``."""

    def __init__(
        self,
        stage: Stage,
        cars: tuple[CarParams, ...],
        screen_size: tuple[int, int],
        *,
        px_per_m: float = SCREEN_PX_PER_M,
        map_renderer: MapRenderer | None = None,
    ) -> None:
        self.stage = stage
        self.camera = Camera(screen_size[0], screen_size[1], px_per_m, bounds_m=(stage.width_m, stage.height_m))
        # A renderer can be shared between races on one stage (restart, demo) so its
        # baked chunks are reused.
        reuse = map_renderer is not None and map_renderer.stage is stage and map_renderer.px_per_m == px_per_m
        self.map = map_renderer if reuse and map_renderer is not None else MapRenderer(stage, px_per_m)
        self.sprites = [CarSprites(c, px_per_m) for c in cars]
        self.finish_quads = _gate_quads(stage.finish)
        self._finish_img, self._finish_at = self._bake_finish()
        self.focus = 0
        self.camera.snap(*stage.start_xy)

    def resize(self, w: int, h: int) -> None:
        self.camera.resize(w, h)

    def follow(self, race: Race, alpha: float, frame_s: float) -> None:
        x, y, _ = interpolate(race.prev_state, race.state, alpha)
        vx, vy = race.state.world_velocity
        i = self.focus
        self.camera.follow(float(x[i]), float(y[i]), float(vx[i]), float(vy[i]), frame_s)

    def snap_to(self, race: Race) -> None:
        self.camera.snap(float(race.state.x[self.focus]), float(race.state.y[self.focus]))

    def warm_up(self) -> None:
        """Bake the chunks on and around the screen now (behind a loading screen) rather
        than in the first frames of the race."""
        self.map.prefetch(self.camera, budget=10_000)

    # ------------------------------------------------------------------ gates
    def _bake_finish(self) -> tuple[pygame.Surface, tuple[int, int]]:
        """The chequered finish line, drawn once in world pixels: (surface, its world-px
        top-left). Transforming its hundred squares every frame would cost ~1.5 ms."""
        p = self.camera.px_per_m
        quads = [[(x * p, y * p) for x, y in corners] for corners, _ in self.finish_quads]
        ends = [(x * p, y * p) for x, y in (self.stage.finish.a, self.stage.finish.b)]
        xs = [pt[0] for q in quads for pt in q] + [e[0] for e in ends]
        ys = [pt[1] for q in quads for pt in q] + [e[1] for e in ends]
        x0, y0 = math.floor(min(xs)) - 6, math.floor(min(ys)) - 6
        surf = pygame.Surface((math.ceil(max(xs)) - x0 + 7, math.ceil(max(ys)) - y0 + 7), pygame.SRCALPHA)
        for q, (_, dark) in zip(quads, self.finish_quads, strict=True):
            pygame.draw.polygon(surf, INK if dark else CREAM, [(x - x0, y - y0) for x, y in q])
        for ex, ey in ends:
            pygame.draw.circle(surf, ALFA_RED, (ex - x0, ey - y0), 4)
        return surf, (x0, y0)

    def _draw_finish(self, target: pygame.Surface) -> None:
        ox, oy = self.camera.origin_px
        target.blit(self._finish_img, (self._finish_at[0] - ox, self._finish_at[1] - oy))

    def _draw_checkpoint(self, target: pygame.Surface, gate: Gate) -> None:
        """The next checkpoint: a dashed ochre/cream line between two red posts."""
        cam = self.camera
        x0, y0, x1, y1 = cam.view_m()
        if max(gate.a[0], gate.b[0]) < x0 or min(gate.a[0], gate.b[0]) > x1:
            return  # off screen
        if max(gate.a[1], gate.b[1]) < y0 or min(gate.a[1], gate.b[1]) > y1:
            return
        a, b = np.array(gate.a), np.array(gate.b)
        n = 12
        for k in range(n):
            p0 = cam.to_screen(*(a + (b - a) * k / n))
            p1 = cam.to_screen(*(a + (b - a) * (k + 1) / n))
            pygame.draw.line(target, OCHRE if k % 2 == 0 else CREAM, p0, p1, 3)
        for end in (gate.a, gate.b):
            pygame.draw.circle(target, INK, cam.to_screen(*end), 5)
            pygame.draw.circle(target, ALFA_RED, cam.to_screen(*end), 4)

    # ------------------------------------------------------------------ frame
    def draw(self, target: pygame.Surface, race: Race, alpha: float) -> None:
        cam = self.camera
        self.map.draw_ground(target, cam)
        self._draw_finish(target)
        nxt = int(race.next_gate[self.focus])
        if nxt < len(self.stage.checkpoints):
            self._draw_checkpoint(target, self.stage.checkpoints[nxt])
        x, y, heading = interpolate(race.prev_state, race.state, alpha)
        # The followed car last, so it is on top of any other car it overlaps.
        order = [i for i in range(race.n) if i != self.focus] + [self.focus]
        for i in order:
            self.sprites[i].draw(target, cam.to_screen(float(x[i]), float(y[i])), float(heading[i]))
        self.map.draw_above(target, cam)
        self.map.prefetch(cam, budget=1)
