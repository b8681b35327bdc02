"""The map at every zoom level the camera uses, with the skid marks painted in.

One ``MapRenderer`` per baked scale (``camera.zoom_levels``), each baking its own chunk
cache lazily; they share the tileset images and a chunk's tiles at the art's scale, so a
chunk baked at one level is only scaled and its roads painted at the next. While the car
drives, the chunks on and ahead of the view are baked a step at a time at the current
level first and then at the neighbouring level the zoom's aim moves towards
(``neighbours``), so a change of level finds its chunks ready; levels two or more steps
away are emptied.

Colour grading for the time of day and the weather (``atmosphere.Atmosphere.grade``)
is applied when a chunk is baked, so it costs nothing per frame either.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable

import pygame

from millegame.core.stage import Stage
from millegame.ui.render.camera import LEVEL_HOLD, LEVEL_SNAP, Camera
from millegame.ui.render.map_renderer import ChunkKey, MapRenderer, Natives, TileAtlas
from millegame.ui.render.skid_marks import Mark, SkidMarks, paint

BAKE_BUDGET_MS = 1.2  # baking ahead per frame: steps begin while less than this is spent (each ≤ ~1.5 ms)
BAKE_MORE_MS = 0.4  # …but a second step only when the first took less than this
BAKE_BEHIND = 2.0  # …and this many times the budget while the ring ahead of the view lags (a fast car)
BEHIND_CHUNKS = 3  # chunks of that ring not baked yet that count as lagging
LEVEL_BUDGET_BYTES = 48_000_000  # per zoom level's chunk cache
# An aim this close to a level (log ratio): no neighbour baked ahead. At half the hold,
# 31 chunks of the next level out were baked in 20 s of the render benchmark, none drawn.
NEAR_LOG = 0.8 * LEVEL_SNAP * LEVEL_HOLD
BIG_SCREEN = (1920, 1080)  # the cache holds at least a few screens of this size

Grade = Callable[[pygame.Surface], None]


def _max_chunks(renderer: MapRenderer) -> int:
    cw = max(1.0, renderer.chunk_w_m * renderer.px_per_m)
    ch = max(1.0, renderer.chunk_h_m * renderer.px_per_m)
    on_screen = (BIG_SCREEN[0] / cw + 2) * (BIG_SCREEN[1] / ch + 2)
    return max(int(2.5 * on_screen), int(LEVEL_BUDGET_BYTES / (cw * ch * 4)))


class MapLevels:
    """The ground and above-car layers of ``stage`` at each of ``levels`` [px/m]."""

    def __init__(
        self, stage: Stage, levels: tuple[float, ...], *, grade: Grade | None = None, wet: bool = False
    ) -> None:
        self.stage = stage
        self.grade = grade
        self.wet = wet  # it rains: drawn asphalt roads are drawn wet
        self.rescale(levels)
        first = self.renderers[0]
        self.skids = SkidMarks(first.chunk_w_m, first.chunk_h_m)

    def rescale(self, levels: tuple[float, ...]) -> None:
        """Bake at these scales from now on (a window resized); the marks are kept."""
        self.levels = tuple(levels)
        self.renderers: list[MapRenderer] = []
        atlases: dict[int, TileAtlas] = {}  # the tileset images, loaded once per art scale
        natives: Natives = OrderedDict()  # the last chunks' tiles, baked once for every level
        for ppm in self.levels:
            r = MapRenderer(self.stage, ppm, atlases=atlases, natives=natives, wet=self.wet)
            r.on_bake = self._hook(r)
            r.grade_above = self.grade
            r.max_chunks = _max_chunks(r)
            self.renderers.append(r)

    def _hook(self, renderer: MapRenderer) -> Callable[[ChunkKey, pygame.Surface, pygame.Rect], None]:
        def on_bake(key: ChunkKey, surface: pygame.Surface, rect: pygame.Rect) -> None:
            if self.grade is not None:
                self.grade(surface)
            self.skids.paint_chunk(key, surface, rect, renderer.px_per_m)

        return on_bake

    @property
    def background(self) -> tuple[int, int, int]:
        return self.renderers[0].background

    def index_of(self, px_per_m: float) -> int:
        return min(range(len(self.levels)), key=lambda k: abs(self.levels[k] - px_per_m))

    def at(self, px_per_m: float) -> MapRenderer:
        return self.renderers[self.index_of(px_per_m)]

    # ----------------------------------------------------------------- drawing
    def draw_ground(self, target: pygame.Surface, camera: Camera) -> None:
        self.at(camera.px_per_m).draw_ground(target, camera)

    def draw_above(self, target: pygame.Surface, camera: Camera) -> None:
        self.at(camera.px_per_m).draw_above(target, camera)

    def unbaked(self, camera: Camera) -> int:
        """How many chunks drawing the screen of ``camera`` (at its scale's level) would bake first."""
        return self.at(camera.px_per_m).unbaked(camera)

    def prefetch(self, camera: Camera, budget: int = 1) -> int:
        """Bake up to ``budget`` chunks near the view: current level, then its neighbours."""
        k = self.index_of(camera.px_per_m)
        done = 0
        for level in (k, k + 1, k - 1):
            if 0 <= level < len(self.renderers) and done < budget:
                done += self.renderers[level].prefetch(camera, budget - done)
        self._free_far_levels(k)
        return done

    def _free_far_levels(self, k: int) -> None:
        """Empty the levels two or more away from level ``k``: the zoom reaches them only
        through a neighbour, which has time to bake again."""
        for level, r in enumerate(self.renderers):
            if abs(level - k) >= 2 and r.baked:
                r.clear()

    def bake_ahead(self, camera: Camera, budget_ms: float = BAKE_BUDGET_MS, *, aim: float | None = None) -> int:
        """Bake near the view a step at a time (about a millisecond each: ``MapRenderer.
        bake_step``) until ``budget_ms`` is spent — at least one step, a second only when
        the first was short (``BAKE_MORE_MS``): this level's view and the ring of chunks
        ahead of it first, then its neighbours' (``neighbours``; the one the zoom is about
        to draw first). While that ring lags by ``BEHIND_CHUNKS`` or more (a fast car),
        ``BAKE_BEHIND`` times the budget: a chunk still missing when it comes into view is
        baked whole in that frame. Returns the number of steps. A chunk's bake is spread over
        frames, so no frame pays for a whole one."""
        start = time.perf_counter()
        k = self.index_of(camera.px_per_m)
        behind = self.renderers[k].unbaked(camera, margin=1, ahead=True) >= BEHIND_CHUNKS
        until = start + budget_ms * (BAKE_BEHIND if behind else 1.0) / 1000.0
        self._free_far_levels(k)
        steps = 0
        # The view at this level and its margin ahead; the level the zoom's aim is in, if a
        # neighbour (drawn soon: its view and ahead of it); another neighbour's view (what
        # its screen would show). This level's margin first: a chunk missing there is baked
        # whole in the frame it comes into view, while a neighbour not ready yet is only
        # drawn later (``WorldView.level_camera`` keeps to the level that is ready).
        near = self.neighbours(k, aim)
        soon = [j for j in near if aim is not None and self.index_of(aim) == j]
        plan = [(k, 0), (k, 1), *((j, 1) for j in soon), *((j, 0) for j in near if j not in soon)]
        for level, margin in plan:
            r = self.renderers[level]
            while r.bake_step(camera, margin=margin):
                steps += 1
                now = time.perf_counter()
                if now >= until or (steps == 1 and not behind and now - start > BAKE_MORE_MS / 1000.0):
                    return steps
        return steps

    def neighbours(self, k: int, aim: float | None = None) -> list[int]:
        """The levels beside level ``k`` to bake ahead. With ``aim`` (the scale the zoom
        would take if no level were near: ``Camera.aim_px_per_m``) only the one on the
        side of the aim, and none while the aim is within half the hold
        (``camera.LEVEL_HOLD``) of level ``k``: the zoom stays on the level or eases to
        the aim within its range, so neither neighbour is drawn until the aim moves on
        (a steady speed or a slow change: time to bake the one it moves to). Both when
        the aim is not known."""
        both = [j for j in (k + 1, k - 1) if 0 <= j < len(self.renderers)]
        if aim is None:
            return both
        gap = math.log(aim / self.levels[k])
        if abs(gap) <= NEAR_LOG:
            return []
        return [j for j in both if j == (k + 1 if gap < 0 else k - 1)]  # a higher index: a smaller scale

    def warm_up(self, camera: Camera) -> None:
        """Bake everything on and around the screen at the camera's level now."""
        self.at(camera.px_per_m).prefetch(camera, budget=10_000)

    # ----------------------------------------------------------------- decals
    def add_mark(self, mark: Mark) -> None:
        """A tyre mark, painted at once into every baked chunk it touches."""
        for key in self.skids.add(mark):
            for r in self.renderers:
                surf = r.cached(key)
                if surf is not None:
                    paint(mark, surf, r.chunk_rect(key), r.px_per_m)

    def clear_marks(self) -> None:
        """A fresh start: forget the marks (their chunks are baked again when needed)."""
        keys = self.skids.clear()
        if keys:
            for r in self.renderers:
                r.clear()
