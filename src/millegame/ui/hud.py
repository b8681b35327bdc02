"""The head-up display: stage clock, speed and gear, next checkpoint, splits, minimap.

The HUD reacts to the race's events (``GatePassed``, ``StageFinished``) for its banners
and splits; everything else it reads from the race each frame. Panels are deep blue
with cream lettering, like the route cards of the period.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import numpy as np
import pygame

from millegame.core.events import Event, GatePassed, StageFinished
from millegame.core.race import Race
from millegame.ui.fonts import ALFA_RED, CREAM, DEEP_BLUE, INK, OCHRE, blit_text, format_time

PANEL_ALPHA = 215
MINIMAP_PX = 180
BANNER_S = 2.5


@dataclass
class Banner:
    title: str
    detail: str
    colour: tuple[int, int, int]
    left_s: float


@cache
def _panel_surface(size: tuple[int, int], alpha: int, border: tuple[int, int, int] | None) -> pygame.Surface:
    surf = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.rect(surf, (*DEEP_BLUE, alpha), surf.get_rect(), border_radius=10)
    if border is not None:
        pygame.draw.rect(surf, (*border, 255), surf.get_rect(), width=2, border_radius=10)
    return surf


def panel(
    target: pygame.Surface, rect: pygame.Rect, *, alpha: int = PANEL_ALPHA, border: tuple[int, int, int] | None = OCHRE
) -> None:
    """A rounded translucent deep-blue panel with a thin ochre rule (cached per size)."""
    target.blit(_panel_surface(tuple(rect.size), alpha, border), rect)


class Minimap:
    """The route in a corner, with the gates and the cars as dots."""

    def __init__(self, race: Race, size_px: int = MINIMAP_PX) -> None:
        stage = race.stage
        pts = np.asarray(stage.route, dtype=np.float64)
        gates = np.array([p for g in stage.gates for p in (g.a, g.b)], dtype=np.float64).reshape(-1, 2)
        every = np.concatenate([pts, gates]) if len(pts) else gates
        lo, hi = every.min(axis=0), every.max(axis=0)
        span = float(max(hi[0] - lo[0], hi[1] - lo[1], 1.0))
        pad = 14
        self.size = size_px
        self.scale = (size_px - 2 * pad) / span
        # centre the route's bounding box in the square
        self.offset = np.array([pad, pad]) + ((size_px - 2 * pad) - (hi - lo) * self.scale) / 2 - lo * self.scale
        self.base = pygame.Surface((size_px, size_px), pygame.SRCALPHA)
        panel(self.base, self.base.get_rect())
        if len(pts) >= 2:
            line = [tuple(p) for p in (pts * self.scale + self.offset)]
            pygame.draw.lines(self.base, INK, False, line, 6)
            pygame.draw.lines(self.base, CREAM, False, line, 3)
        self.stage = stage

    def to_px(self, x_m: float, y_m: float) -> tuple[float, float]:
        return (x_m * self.scale + self.offset[0], y_m * self.scale + self.offset[1])

    def draw(
        self, target: pygame.Surface, topleft: tuple[int, int], race: Race, xs: np.ndarray, ys: np.ndarray, focus: int
    ) -> None:
        target.blit(self.base, topleft)
        ox, oy = topleft
        finish = self.stage.finish
        fx, fy = self.to_px((finish.a[0] + finish.b[0]) / 2, (finish.a[1] + finish.b[1]) / 2)
        pygame.draw.rect(target, INK, (ox + fx - 5, oy + fy - 5, 10, 10))
        pygame.draw.rect(target, CREAM, (ox + fx - 5, oy + fy - 5, 5, 5))
        pygame.draw.rect(target, CREAM, (ox + fx, oy + fy, 5, 5))
        nxt = int(race.next_gate[focus])
        if nxt < len(self.stage.checkpoints):
            g = self.stage.checkpoints[nxt]
            gx, gy = self.to_px((g.a[0] + g.b[0]) / 2, (g.a[1] + g.b[1]) / 2)
            pygame.draw.circle(target, OCHRE, (ox + gx, oy + gy), 5)
        for i in range(len(xs)):
            px, py = self.to_px(float(xs[i]), float(ys[i]))
            colour = ALFA_RED if i == focus else CREAM
            pygame.draw.circle(target, INK, (ox + px, oy + py), 6)
            pygame.draw.circle(target, colour, (ox + px, oy + py), 4)


class Hud:
    """Draws the HUD for car ``focus`` of a race."""

    def __init__(self, race: Race, focus: int = 0) -> None:
        self.race = race
        self.focus = focus
        self.minimap = Minimap(race)
        self.banners: list[Banner] = []
        self.caption: str | None = None  # e.g. the demo's "press any key"

    def on_events(self, events: list[Event]) -> None:
        for e in events:
            if e.car != self.focus:
                continue
            if isinstance(e, GatePassed):
                n = len(self.race.stage.checkpoints)
                self.banners = [
                    Banner(f"{e.name or 'Checkpoint'}  {e.index + 1}/{n}", format_time(e.split_s), OCHRE, BANNER_S)
                ]
            elif isinstance(e, StageFinished):
                self.banners = [Banner("ARRIVO", format_time(e.time_s), ALFA_RED, 99.0)]

    def clock_text(self) -> str:
        """The stage clock; it stops at the finish line while the car rolls on."""
        race, i = self.race, self.focus
        if race.finished[i]:
            return format_time(float(race.finish_tick[i]) * race.dt)
        return format_time(race.time_s)

    def update(self, frame_s: float) -> None:
        for b in self.banners:
            b.left_s -= frame_s
        self.banners = [b for b in self.banners if b.left_s > 0]

    def draw(self, target: pygame.Surface, xs: np.ndarray, ys: np.ndarray, countdown_s: float | None = None) -> None:
        race, i = self.race, self.focus
        w, h = target.get_size()
        stage = race.stage
        # ---- clock, top centre
        clock = self.clock_text()
        box = pygame.Rect(0, 0, 250, 64)
        box.midtop = (w // 2, 12)
        panel(target, box)
        blit_text(target, clock, 52, CREAM, center=box.center)
        # ---- stage and next checkpoint, top left
        n_cp = len(stage.checkpoints)
        nxt = int(race.next_gate[i])
        info = pygame.Rect(12, 12, 330, 64)
        panel(target, info)
        blit_text(target, stage.title, 22, OCHRE, topleft=(info.x + 12, info.y + 9))
        if race.finished[i]:
            where = "Stage complete"
        elif nxt < n_cp:
            g = stage.checkpoints[nxt]
            mid = ((g.a[0] + g.b[0]) / 2, (g.a[1] + g.b[1]) / 2)
            dist = math.hypot(mid[0] - float(xs[i]), mid[1] - float(ys[i]))
            where = f"Next: {g.name or f'CP{nxt + 1}'} ({nxt + 1}/{n_cp})  {dist:,.0f} m"
        else:
            f = stage.finish
            mid = ((f.a[0] + f.b[0]) / 2, (f.a[1] + f.b[1]) / 2)
            dist = math.hypot(mid[0] - float(xs[i]), mid[1] - float(ys[i]))
            where = f"Next: finish  {dist:,.0f} m"
        blit_text(target, where, 24, CREAM, topleft=(info.x + 12, info.y + 34))
        # ---- splits under it
        splits = race.splits_s[i]
        if splits:
            rows = splits[-4:]
            first = len(splits) - len(rows)
            sp = pygame.Rect(12, info.bottom + 8, 290, 14 + 26 * len(rows))
            panel(target, sp)
            for k, t in enumerate(rows):
                idx = first + k
                name = stage.checkpoints[idx].name if idx < n_cp else ""
                label = (name or f"CP{idx + 1}")[:20]
                blit_text(target, label, 22, OCHRE, topleft=(sp.x + 10, sp.y + 9 + 26 * k))
                blit_text(target, format_time(t), 22, CREAM, topright=(sp.right - 10, sp.y + 9 + 26 * k))
        # ---- speed, gear and revs, bottom right
        st = race.state
        kmh = float(st.speed_mps[i]) * 3.6
        gear = int(st.gear[i])
        sbox = pygame.Rect(0, 0, 220, 112)
        sbox.bottomright = (w - 12, h - 12)
        panel(target, sbox)
        blit_text(target, f"{kmh:3.0f}", 72, CREAM, bottomright=(sbox.right - 78, sbox.bottom - 34))
        blit_text(target, "km/h", 22, OCHRE, bottomleft=(sbox.right - 72, sbox.bottom - 44))
        gbox = pygame.Rect(sbox.right - 66, sbox.y + 10, 52, 40)
        pygame.draw.rect(target, ALFA_RED, gbox, border_radius=6)
        blit_text(target, "R" if gear < 0 else str(max(gear, 1)), 36, CREAM, center=gbox.center)
        redline = float(race.params.redline_rpm[i])
        share = max(0.0, min(1.0, float(st.rpm[i]) / max(redline, 1.0)))
        bar = pygame.Rect(sbox.x + 14, sbox.bottom - 26, sbox.width - 28, 12)
        pygame.draw.rect(target, INK, bar, border_radius=4)
        fill = bar.copy()
        fill.width = round(bar.width * share)
        pygame.draw.rect(target, ALFA_RED if share > 0.92 else OCHRE, fill, border_radius=4)
        # ---- minimap, bottom left
        self.minimap.draw(target, (12, h - MINIMAP_PX - 12), race, xs, ys, i)
        # ---- banners and countdown, centre
        if countdown_s is not None:
            n = math.ceil(countdown_s)
            label = str(n) if n > 0 else "VIA!"
            blit_text(target, label, 160, CREAM, shadow=ALFA_RED, shadow_px=6, center=(w // 2, h // 2 - 40))
        for b in self.banners:
            bb = pygame.Rect(0, 0, 420, 96)
            bb.center = (w // 2, int(h * 0.24))
            panel(target, bb, border=b.colour)
            blit_text(target, b.title, 30, b.colour, center=(bb.centerx, bb.y + 28))
            blit_text(target, b.detail, 46, CREAM, center=(bb.centerx, bb.y + 66))
        if self.caption:
            blit_text(target, self.caption, 30, CREAM, shadow=INK, center=(w // 2, h - 40))
