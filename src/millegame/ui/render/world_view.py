"""The world as seen from above: map, marks, gates, cars, puffs, the layers over the
cars, then night, rain and fog.

Shared by the race and the demo. Poses are interpolated between ``race.prev_state`` and
``race.state`` with the frame's ``alpha`` (heading along the shortest arc), so motion is
smooth at any frame rate although the simulation runs at a fixed 120 Hz.

The map is baked at a few scales (``camera.zoom_levels``) while the camera's scale is
continuous: the world is drawn at the nearest baked level onto a canvas as much bigger
or smaller than the screen, and the canvas is resized to the screen in one nearest-pixel
``scale`` (≈ 0.4 ms at 1280×720); at a baked scale it is drawn straight to the screen.
So the zoom never steps, and nothing is baked per frame.

Draw order: ground chunks (skid marks baked in) → finish and next checkpoint → car
shadows → cars → dust, spray, smoke, flashes → bridges and canopies → the night's light
map (multiplied) → lamps that glow in the dark (tail and brake lights, headlamps) →
rain streaks → fog veil.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import replace

import numpy as np
import pygame
from numpy.typing import NDArray

from millegame.core.car import CarParams, CarState
from millegame.core.race import Race
from millegame.core.stage import Gate, Stage
from millegame.ui.car_signals import CarSignals
from millegame.ui.fonts import ALFA_RED, CREAM, INK, OCHRE
from millegame.ui.render import pixels
from millegame.ui.render.atmosphere import Atmosphere
from millegame.ui.render.camera import LEVEL_RATIO, Camera, fixed_px_per_m, zoom_levels
from millegame.ui.render.car_effects import Backfire, CarEffects
from millegame.ui.render.crowds import Crowds
from millegame.ui.render.lighting import HEADLAMP_RGB, LightMap, glow_image
from millegame.ui.render.map_levels import MapLevels
from millegame.ui.render.particles import Particles
from millegame.ui.render.sprites import CarSprites
from millegame.ui.render.tile_kinds import LAMP_KINDS, find_tiles
from millegame.ui.render.weather import FogVeil, RainStreaks

TAIL_RGB = (255, 40, 24)

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
    """Draws one race from a camera that follows car ``focus``.

    ``zoom``: the camera zooms out with speed (else it stays at ``px_per_m``, by default
    the fixed scale for the window and the followed car). ``map_levels`` from an earlier race on the same stage and
    look is reused (its chunks are already baked). ``atmosphere`` overrides the stage's
    time of day and weather.
    """

    def __init__(
        self,
        stage: Stage,
        cars: tuple[CarParams, ...],
        screen_size: tuple[int, int],
        *,
        px_per_m: float | None = None,
        zoom: bool = True,
        map_levels: MapLevels | None = None,
        atmosphere: Atmosphere | None = None,
        ahead_s: float | None = None,
        heading_up: bool = False,
    ) -> None:
        self.stage = stage
        self.cars = cars
        self.atmosphere = atmosphere or Atmosphere.of(stage)
        self.zoom = zoom
        self.fixed_px_per_m = px_per_m
        levels = self._levels(screen_size, cars[0].length_m)
        self.camera = Camera(
            screen_size[0],
            screen_size[1],
            levels[0],
            bounds_m=(stage.width_m, stage.height_m),
            levels=levels,
            car_length_m=cars[0].length_m,
        )
        if ahead_s is not None:
            self.camera.ahead_s = ahead_s
        self.camera.heading_up = heading_up
        grade = None if self.atmosphere.is_plain else self.atmosphere.grade
        # A map can be shared between races on one stage (restart, demo) so its baked
        # chunks are reused; the marks of the last race are wiped.
        reuse = (
            map_levels is not None
            and map_levels.stage is stage
            and map_levels.levels == levels
            and map_levels.grade == grade
            and map_levels.wet == self.atmosphere.rain
        )
        if reuse and map_levels is not None:
            self.map = map_levels
            self.map.clear_marks()
        else:
            self.map = MapLevels(stage, levels, grade=grade, wet=self.atmosphere.rain)
        self._sprites: dict[float, list[CarSprites]] = {}
        self.finish_quads = _gate_quads(stage.finish)
        self._finish: dict[float, tuple[pygame.Surface, tuple[int, int]]] = {}
        self.particles = Particles()
        self.effects: CarEffects | None = None
        self.light: LightMap | None = None
        if self.atmosphere.night:
            lamps = [(x, y) for x, y, _ in find_tiles(stage, LAMP_KINDS)]
            self.light = LightMap(screen_size, self.atmosphere.ambient_rgb, lamps)
        self.rain = RainStreaks(screen_size) if self.atmosphere.rain else None
        self.fog = FogVeil(screen_size) if self.atmosphere.fog else None
        self.signals: CarSignals | None = None
        self.crowds = Crowds(stage)
        self.view_heading = stage.start_heading  # heading-up mode: the eased heading shown as up
        self._square: pygame.Surface | None = None
        self._canvas: pygame.Surface | None = None  # the frame at the baked level, before shrinking
        # A ghost car (issue 5: the best run replayed): a pose (x, y, heading) [m, rad]
        # drawn translucent, in the colours of car ``ghost_car``.
        self.ghost: tuple[float, float, float] | None = None
        self.ghost_car = 0
        self.focus = 0
        self.camera.snap(*stage.start_xy)
        self._ensure_canvas()

    def _levels(self, screen_size: tuple[int, int], car_length_m: float) -> tuple[float, ...]:
        if self.zoom:
            return zoom_levels(screen_size[0], screen_size[1], car_length_m)
        if self.fixed_px_per_m is not None:
            return (self.fixed_px_per_m,)
        return (fixed_px_per_m(screen_size[0], screen_size[1], car_length_m),)

    def sprites(self, px_per_m: float) -> list[CarSprites]:
        found = self._sprites.get(px_per_m)
        if found is None:
            found = self._sprites[px_per_m] = [CarSprites(c, px_per_m) for c in self.cars]
        return found

    def resize(self, w: int, h: int) -> None:
        cam = self.camera
        old = cam.levels
        cam.resize(w, h)
        levels = self._levels((w, h), cam.car_length_m)
        if levels != old:  # the same proportions at any size: bake at the new scales
            cam.px_per_m *= levels[0] / old[0]
            cam.levels = levels
            self.map.rescale(levels)
            self._sprites.clear()
            self._finish.clear()
        if self.light is not None:
            self.light.window((w, h))
        self._ensure_canvas()
        if self.rain is not None:
            self.rain.resize((w, h))
        if self.fog is not None:
            self.fog.resize((w, h))

    def follow(self, race: Race, alpha: float, frame_s: float) -> None:
        x, y, heading = interpolate(race.prev_state, race.state, alpha)
        vx, vy = race.state.world_velocity
        i = self.focus
        # heading-up: the view turns with the car, eased so a twitch does not shake it
        turn = (float(heading[i]) - self.view_heading + math.pi) % (2 * math.pi) - math.pi
        self.view_heading += turn * (1.0 - math.exp(-max(frame_s, 0.0) / 0.2))
        self.camera.follow(float(x[i]), float(y[i]), float(vx[i]), float(vy[i]), frame_s)
        if self.rain is not None:
            self.rain.update(frame_s, self.camera.origin_px)

    def snap_to(self, race: Race) -> None:
        self.camera.snap(float(race.state.x[self.focus]), float(race.state.y[self.focus]))
        self.view_heading = float(race.state.heading[self.focus])
        if self.effects is not None:
            self.effects.reset()
        self.particles.clear()

    def warm_up(self) -> None:
        """Bake the chunks on and around the screen now (behind a loading screen) rather
        than in the first frames of the race, and compile the frame's numba passes (4 s
        in the first night frame on a machine whose numba cache is empty)."""
        self.map.warm_up(self.camera)
        pixels.compile_kernels()

    def update_effects(self, race: Race, signals: CarSignals, frame_s: float) -> list[Backfire]:
        """Marks, puffs and backfires of this frame (after the ticks)."""
        if self.effects is None or self.effects.race is not race:
            self.effects = CarEffects(race, self.map, self.particles, self.atmosphere)
        self.signals = signals
        fires = self.effects.update(signals, frame_s)
        self.particles.update(frame_s)
        self.crowds.update(frame_s, any(f.car == self.focus for f in fires))
        return fires

    # ------------------------------------------------------------------ gates
    def _bake_finish(self, p: float) -> tuple[pygame.Surface, tuple[int, int]]:
        """The chequered finish line, drawn once per scale in world pixels: (surface, its
        world-px top-left). Transforming its hundred squares every frame would cost ~1.5 ms."""
        quads = [[(x * p, y * p) for x, y in corners] for corners, _ in self.finish_quads]
        ends = [(x * p, y * p) for x, y in (self.stage.finish.a, self.stage.finish.b)]
        xs = [pt[0] for q in quads for pt in q] + [e[0] for e in ends]
        ys = [pt[1] for q in quads for pt in q] + [e[1] for e in ends]
        x0, y0 = math.floor(min(xs)) - 6, math.floor(min(ys)) - 6
        surf = pygame.Surface((math.ceil(max(xs)) - x0 + 7, math.ceil(max(ys)) - y0 + 7), pygame.SRCALPHA)
        for q, (_, dark) in zip(quads, self.finish_quads, strict=True):
            pygame.draw.polygon(surf, INK if dark else CREAM, [(x - x0, y - y0) for x, y in q])
        for ex, ey in ends:
            pygame.draw.circle(surf, ALFA_RED, (ex - x0, ey - y0), max(2, round(p * 0.8)))
        return surf, (x0, y0)

    def _draw_finish(self, target: pygame.Surface, cam: Camera) -> None:
        p = cam.px_per_m
        if p not in self._finish:
            self._finish[p] = self._bake_finish(p)
        img, at = self._finish[p]
        ox, oy = cam.origin_px
        target.blit(img, (at[0] - ox, at[1] - oy))

    def _draw_checkpoint(self, target: pygame.Surface, cam: Camera, gate: Gate) -> None:
        """The next checkpoint: a dashed ochre/cream line between two red posts."""
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

    # ------------------------------------------------------------------ lamps on the cars
    def _car_lamps(
        self, cam: Camera, race: Race, x: FloatArray, y: FloatArray, heading: FloatArray, *, lit: bool
    ) -> list[tuple[pygame.Surface, tuple[int, int]]]:
        """Additive glows: tail lights (bright when braking), and the headlamps' lenses."""
        ppm = cam.px_per_m
        ox, oy = cam.origin_px
        sig = self.signals
        out: list[tuple[pygame.Surface, tuple[int, int]]] = []
        for i in range(race.n):
            braking = sig is not None and bool(sig.braking[i]) and bool(sig.speed_mps[i] > 0.3)
            if not (braking or lit):
                continue
            car = race.cars[i]
            c, s = math.cos(float(heading[i])), math.sin(float(heading[i]))
            for along, rgb, strength, radius_m in (
                (-0.49, TAIL_RGB, 0.95 if braking else 0.45, 1.1 if braking else 0.7),
                (0.47, HEADLAMP_RGB, 0.8, 0.7),
            ):
                if along > 0 and not lit:
                    continue
                r = max(2, round(radius_m * ppm))
                img = glow_image(r, rgb, strength)
                for side in (-0.33, 0.33):
                    px = float(x[i]) + c * along * car.length_m - s * side * car.width_m
                    py = float(y[i]) + s * along * car.length_m + c * side * car.width_m
                    out.append((img, (round(px * ppm - ox) - r, round(py * ppm - oy) - r)))
        return out

    # ------------------------------------------------------------------ frame
    def level_camera(self) -> Camera:
        """The camera at its baked draw level, on a canvas as much bigger or smaller than
        the screen as that level is than the camera's scale (the same view). While the
        zoom crosses into a level (or settles on one) whose chunks for this view are not
        all baked yet, a level beside it with fewer to bake is drawn instead (resized a
        little further) and the first bakes ahead: no frame waits for a stack of whole
        chunks (9–30 ms at a change of level, on a fast car's change of speed)."""
        cam = self.camera
        level = cam.draw_level
        lcam = self._at_level(level)
        missing = self.map.unbaked(lcam)
        if missing:
            # A level beside it (at most one LEVEL_RATIO from the scale: the canvas's size).
            k = cam.levels.index(level)
            for j in (k + 1, k - 1) if cam.px_per_m < level else (k - 1, k + 1):
                if (
                    0 <= j < len(cam.levels)
                    and abs(math.log(cam.levels[j] / cam.px_per_m)) <= math.log(LEVEL_RATIO) + 1e-9
                ):
                    other = self._at_level(cam.levels[j])
                    if (n := self.map.unbaked(other)) < missing:
                        lcam, missing = other, n
        return lcam

    def _at_level(self, level: float) -> Camera:
        """The camera's view drawn at baked scale ``level`` [px/m] (itself when on it)."""
        cam = self.camera
        if abs(level - cam.px_per_m) <= 1e-9 * level:
            return cam
        k = level / cam.px_per_m
        return replace(cam, screen_w=math.ceil(cam.screen_w * k), screen_h=math.ceil(cam.screen_h * k), px_per_m=level)

    def draw(self, target: pygame.Surface, race: Race, alpha: float) -> None:
        cam = self.camera
        x, y, heading = interpolate(race.prev_state, race.state, alpha)
        lcam = self.level_camera()
        canvas = target
        if lcam is not cam:
            size = (lcam.screen_w, lcam.screen_h)
            canvas = self._ensure_canvas(size).subsurface((0, 0, *size))
        if lcam.heading_up:
            self._draw_heading_up(canvas, lcam, race, x, y, heading)
        else:
            self._draw_world(canvas, lcam, race, x, y, heading)
        if canvas is not target:
            # Nearest-pixel: a quarter of smoothscale's cost; resizing by less than
            # √LEVEL_RATIO it drops or doubles too few pixels to see, and the sharpness
            # does not change where the drawn level changes.
            pygame.transform.scale(canvas, target.get_size(), target)
        if self.rain is not None:
            self.rain.draw(target)
        if self.fog is not None:
            if cam.heading_up:
                self.fog.draw(target)
            else:
                fx, fy = cam.to_screen(float(x[self.focus]), float(y[self.focus]))
                self.fog.draw(target, (round(fx - cam.screen_w / 2), round(fy - cam.screen_h / 2)))
        # Around the level the zoom is at, even while the one beside it is drawn instead
        # (``level_camera``): that one is ready, this one is what the next frames need.
        self.map.bake_ahead(self._at_level(cam.draw_level), aim=cam.aim_px_per_m)

    def _ensure_canvas(self, size: tuple[int, int] | None = None) -> pygame.Surface:
        """The canvas a frame between two baked levels is drawn on: big enough for any
        level's (and ``size``), allocated once — at load, not in the first frame that
        needs it — and again only after the window grows. The night's light map is made
        as big at the same time."""
        cam = self.camera
        size = size or (0, 0)
        if self._canvas is None or self._canvas.get_width() < size[0] or self._canvas.get_height() < size[1]:
            ratios = [lvl / nxt for lvl, nxt in itertools.pairwise(cam.levels)] or [1.0]
            k = (1.0 + 1e-6) * max(ratios)
            big = (max(size[0], math.ceil(cam.screen_w * k)), max(size[1], math.ceil(cam.screen_h * k)))
            self._canvas = pygame.Surface(big)
            if pygame.display.get_surface() is not None:
                self._canvas = self._canvas.convert()
            if self.light is not None:
                self.light.resize(big)
        return self._canvas

    def _draw_heading_up(
        self, target: pygame.Surface, cam: Camera, race: Race, x: FloatArray, y: FloatArray, heading: FloatArray
    ) -> None:
        """The world drawn north-up on a square big enough for any turn, then rotated so
        the car points up the screen. One rotation of the whole view per frame: this
        mode costs several milliseconds more than the default."""
        w, h = target.get_size()
        side = math.ceil(math.hypot(w, h)) + 4
        if self._square is None or self._square.get_width() != side:
            self._square = pygame.Surface((side, side))
            if pygame.display.get_surface() is not None:
                self._square = self._square.convert()
        square_cam = replace(cam, screen_w=side, screen_h=side, bounds_m=None)
        self._draw_world(self._square, square_cam, race, x, y, heading)
        turned = pygame.transform.rotate(self._square, math.degrees(self.view_heading) + 90.0)
        target.blit(turned, turned.get_rect(center=(w // 2, h // 2)))

    def _draw_world(
        self, target: pygame.Surface, cam: Camera, race: Race, x: FloatArray, y: FloatArray, heading: FloatArray
    ) -> None:
        atm = self.atmosphere
        self.map.draw_ground(target, cam)
        self._draw_finish(target, cam)
        nxt = int(race.next_gate[self.focus])
        if nxt < len(self.stage.checkpoints):
            self._draw_checkpoint(target, cam, self.stage.checkpoints[nxt])
        sprites = self.sprites(cam.px_per_m)
        shadow = atm.shadow_alpha
        off = (atm.shadow_offset_m[0] * cam.px_per_m, atm.shadow_offset_m[1] * cam.px_per_m)
        if self.ghost is not None:
            gx, gy, gh = self.ghost
            img = sprites[self.ghost_car].ghost(gh)
            sx, sy = cam.to_screen(gx, gy)
            target.blit(img, img.get_rect(center=(round(sx), round(sy))))
        # The followed car last, so it is on top of any other car it overlaps.
        order = [i for i in range(race.n) if i != self.focus] + [self.focus]
        for i in order:
            sprites[i].draw(
                target,
                cam.to_screen(float(x[i]), float(y[i])),
                float(heading[i]),
                shadow_alpha=shadow,
                shadow_offset_px=off,
            )
        self.particles.draw(target, cam)
        f = self.focus
        speed = float(self.signals.speed_mps[f]) if self.signals is not None else 0.0
        self.crowds.draw(target, cam, float(x[f]), float(y[f]), speed)
        self.map.draw_above(target, cam)
        if self.light is not None:
            self.light.resize(target.get_size())
            cars = [(float(x[i]), float(y[i]), float(heading[i]), race.cars[i].length_m) for i in range(race.n)]
            self.light.render(cam, cars)
            self.light.apply(target)
        glows = self._car_lamps(cam, race, x, y, heading, lit=atm.headlights)
        if glows:
            target.fblits(glows, pygame.BLEND_ADD)

    # ------------------------------------------------------------------ measures
    def car_length_px(self) -> float:
        """The followed car's length on screen at the current scale [px]."""
        return self.cars[self.focus].length_m * self.camera.px_per_m

    def visible_ahead_m(self, race: Race, alpha: float = 1.0) -> float:
        """How much road the screen shows ahead of the followed car in its direction of
        travel (up the screen in heading-up mode): from the car to the screen's edge [m].
        A car standing still looks along its heading."""
        cam = self.camera
        i = self.focus
        x, y, heading = interpolate(race.prev_state, race.state, alpha)
        w, h = cam.screen_w, cam.screen_h
        if cam.heading_up:
            sx, sy = w / 2, h / 2
            # The car sits below the centre by its lead: the lead's length on screen.
            sy += math.hypot(cam.lead_x_m, cam.lead_y_m) * cam.px_per_m
            dx, dy = 0.0, -1.0
        else:
            sx, sy = cam.to_screen(float(x[i]), float(y[i]))
            vx, vy = (float(v[i]) for v in race.state.world_velocity)
            speed = math.hypot(vx, vy)
            if speed > 0.1:
                dx, dy = vx / speed, vy / speed
            else:
                dx, dy = math.cos(float(heading[i])), math.sin(float(heading[i]))
        t = math.inf
        for pos, d, size in ((sx, dx, w), (sy, dy, h)):
            if d > 1e-9:
                t = min(t, (size - pos) / d)
            elif d < -1e-9:
                t = min(t, -pos / d)
        return max(0.0, t) / cam.px_per_m
