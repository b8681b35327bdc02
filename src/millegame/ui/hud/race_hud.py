"""The head-up display: clock, splits against the best, instruments, pace notes,
checkpoint arrow, minimap, and a slot for the regularity clock.

Layout at any window size: stage and next checkpoint top left with the splits under
them; the stage clock top centre with the regularity clock under it when a trial runs;
the co-driver's roadbook strip top right; the minimap bottom left; the instruments
bottom right (round dials for classics, a digital cluster for modern cars).

The HUD reacts to the race's events (``GatePassed``, ``StageFinished``) for its banners
and split deltas; everything else it reads from the race each frame.

Regularity (issue 5) plugs in through ``Hud.regularity``: any callable
``(race, car_index) -> RegularityReading | None``. While it returns a reading, the HUD
shows its title, the running clock and the difference to the target to the hundredth
(ochre while early, red when late, green within ±0.10 s).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import numpy as np
import pygame

from millegame.core.events import Event, GatePassed, PenaltyApplied, StageFinished, TimingLinePassed
from millegame.core.race import Race
from millegame.core.route import Route
from millegame.core.stage import Stage
from millegame.ui.fonts import ALFA_RED, CREAM, DEEP_BLUE, GREEN, INK, OCHRE, blit_text, format_time
from millegame.ui.hud.gauges import CLUSTER_OVERLAP, DIGITAL_HEIGHT, draw_classic_cluster, draw_digital_cluster
from millegame.ui.hud.layout import Layout, hud_scale
from millegame.ui.hud.pacenotes import DEFAULT_CALL_AHEAD_S, MIN_CALL_M, PaceNote, bridge_spans, calls_ahead, generate
from millegame.ui.hud.roadbook import CARD_GAP, CARD_H, CARD_W, draw_strip, strip_cards
from millegame.ui.records import BestRun, format_delta, split_delta
from millegame.ui.render.camera import Camera
from millegame.ui.render.tile_kinds import route_on_bridges

PANEL_ALPHA = 215
MINIMAP_PX = 180
MARGIN_PX = 12  # from the window's edges (design px)
CENTRE_GAP = 16  # between the middle column's text and the corner elements (design px)
ARROW_PX = 44
WARNINGS_Y = 60  # the referee's warnings start this far below the window's middle (design px)
CLASSIC_SIZE = 176  # the speed dial's diameter (design px)
DIGITAL_WIDTH = 300
BANNER_S = 2.5
FAST = (110, 200, 120)  # a split faster than the best
SLOW = (236, 96, 84)


@dataclass(frozen=True)
class RegularityReading:
    """What the regularity clock shows: e.g. ``RegularityReading("PC 3", 41.27, 42.00)``."""

    title: str
    elapsed_s: float
    target_s: float
    detail: str = ""

    @property
    def delta_s(self) -> float:
        return self.elapsed_s - self.target_s


RegularityFeed = Callable[[Race, int], RegularityReading | None]


def labelled(kind: str, name: str) -> str:
    """ "PC 3" from ("PC", "3") or ("PC", "PC 3"): the kind once."""
    name = name.strip()
    return name if name.upper().startswith(kind) else f"{kind} {name}".strip()


def rules_reading(race: Race, car: int) -> RegularityReading | None:
    """The regularity clock from the referee: a running PC section against its set time,
    or a running PM against the ideal time for the distance covered (to the hundredth)."""
    ref = race.referee
    if ref is None or race.finished[car]:
        return None
    st = ref.state(car)
    if st.pc is not None:
        pc = st.pc
        return RegularityReading(f"{labelled('PC', pc.trial)} · {pc.section}", pc.elapsed_s, pc.target_s,
                                 f"{pc.distance_left_m:,.0f} m")  # fmt: skip
    if st.pm is not None:
        pm = st.pm
        return RegularityReading(f"{labelled('PM', pm.trial)} · {pm.avg_kmh:g} km/h", pm.elapsed_s, pm.ideal_s,
                                 f"{pm.average_kmh:.1f} km/h")  # fmt: skip
    return None


def co_text(due_min: int, opens_s: float, closes_s: float) -> str:
    """A time control's window: "4:00–4:59"."""
    return f"{format_time(opens_s, hundredths=False)}–{format_time(closes_s - 1.0, hundredths=False)}"


@dataclass
class Banner:
    title: str
    detail: str
    colour: tuple[int, int, int]
    left_s: float
    delta: float | None = None


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


def arrow_points(centre: tuple[float, float], angle: float, length: float) -> list[tuple[float, float]]:
    """A bold arrow of ``length`` px centred on ``centre`` pointing along ``angle`` (y down)."""
    c, s = math.cos(angle), math.sin(angle)
    shape = [(-0.5, -0.14), (0.1, -0.14), (0.1, -0.34), (0.5, 0.0), (0.1, 0.34), (0.1, 0.14), (-0.5, 0.14)]
    return [(centre[0] + (x * c - y * s) * length, centre[1] + (x * s + y * c) * length) for x, y in shape]


class Minimap:
    """The whole route in a corner: the part driven in ochre, the gates, the cars."""

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
        self.route = Route.of(pts, spacing_m=max(2.0, span / 400.0)) if len(pts) >= 2 else None
        if self.route is not None:
            line = [tuple(p) for p in (self.route.points * self.scale + self.offset)]
            pygame.draw.lines(self.base, INK, False, line, 6)
            pygame.draw.lines(self.base, CREAM, False, line, 3)
            self.line = line
        else:
            self.line = []
        self.stage = stage
        self._driven = self.base  # the base with the driven part of the route drawn on it…
        self._driven_points = 0  # …through this many points of ``line``

    def with_driven(self, points: int) -> pygame.Surface:
        """The base with the route's first ``points`` points drawn over in ochre. The
        driven part mostly grows, so only its new stretch is drawn on the last frame's
        (a polyline's segments are drawn one by one: the same pixels as drawing it whole);
        after a respawn back along the route it is drawn again from the base."""
        if points < 2:
            return self.base
        if points < self._driven_points or self._driven is self.base:
            self._driven, self._driven_points = self.base.copy(), 0
        if points > self._driven_points:
            start = max(0, self._driven_points - 1)  # the new stretch starts at the last point drawn
            pygame.draw.lines(self._driven, OCHRE, False, self.line[start:points], 3)
            self._driven_points = points
        return self._driven

    def to_px(self, x_m: float, y_m: float) -> tuple[float, float]:
        return (x_m * self.scale + self.offset[0], y_m * self.scale + self.offset[1])

    def draw(
        self,
        target: pygame.Surface,
        topleft: tuple[int, int],
        race: Race,
        xs: np.ndarray,
        ys: np.ndarray,
        focus: int,
        progress_m: float | None = None,
    ) -> None:
        driven = 0
        if progress_m is not None and self.route is not None and len(self.line) >= 2:
            driven = min(int(np.searchsorted(self.route.s, progress_m)), len(self.line))
        target.blit(self.with_driven(driven), topleft)
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
            pygame.draw.circle(target, INK, (ox + gx, oy + gy), 6)
            pygame.draw.circle(target, OCHRE, (ox + gx, oy + gy), 4)
        for i in range(len(xs)):
            px, py = self.to_px(float(xs[i]), float(ys[i]))
            colour = ALFA_RED if i == focus else CREAM
            pygame.draw.circle(target, INK, (ox + px, oy + py), 6)
            pygame.draw.circle(target, colour, (ox + px, oy + py), 4)


def pace_notes_for(stage: Stage) -> list[PaceNote]:
    """The co-driver's calls for a stage, with "over bridge" where the route crosses one."""
    if len(stage.route) < 3:
        return []
    route = Route.of(stage.route)
    return generate(route, bridge_spans(route, route_on_bridges(stage, route.points)))


class Hud:
    """Draws the HUD for car ``focus`` of a race.

    ``best``: the run to compare splits with (None: no deltas). ``call_ahead_s``: how
    far ahead the co-driver reads, in seconds at the current speed. ``pace_notes``:
    show the roadbook strip.
    """

    def __init__(
        self,
        race: Race,
        focus: int = 0,
        *,
        best: BestRun | None = None,
        call_ahead_s: float = DEFAULT_CALL_AHEAD_S,
        pace_notes: bool = True,
        regularity: RegularityFeed | None = None,
    ) -> None:
        self.race = race
        self.focus = focus
        self.minimap = Minimap(race)
        self.route = self.minimap.route
        self.notes: list[PaceNote] = pace_notes_for(race.stage)
        self.call_ahead_s = call_ahead_s
        self.show_notes = pace_notes
        self.best = best
        self.regularity = regularity
        self.banners: list[Banner] = []
        self.last_penalty = ""
        self.deltas: list[float | None] = []
        self.caption: str | None = None  # e.g. the demo's "press any key"
        self.headline: str | None = None  # over the caption, larger: the demo's car
        self._route_full = Route.of(race.stage.route) if len(race.stage.route) >= 2 else None
        self._hint = np.zeros(race.n, dtype=np.int64)
        self.rects: dict[str, pygame.Rect] = {}  # where each element went in the last frame

    # ------------------------------------------------------------------ state
    def on_events(self, events: list[Event]) -> None:
        for e in events:
            if e.car != self.focus:
                continue
            if isinstance(e, GatePassed):
                n = len(self.race.stage.checkpoints)
                delta = split_delta(self.best, e.index, e.split_s)
                ref = self.race.referee
                if ref is not None and ref.reference_splits_s:
                    deltas = ref.state(self.focus).split_deltas_s
                    delta = deltas[e.index] if e.index < len(deltas) else None
                self.deltas.append(delta)
                title = f"{e.name or 'Checkpoint'}  {e.index + 1}/{n}"
                self.banners = [Banner(title, format_time(e.split_s), OCHRE, BANNER_S, delta)]
            elif isinstance(e, PenaltyApplied):
                what = f"+{e.seconds:g} s" if e.seconds else f"+{e.points} pts"
                self.banners = [Banner("PENALTY", what, SLOW, BANNER_S)]
                self.last_penalty = e.reason
            elif isinstance(e, TimingLinePassed) and (e.points or e.actual_s is not None or e.missed):
                label = {"pc_line": "PC", "pm_secret": "PM", "pm_end": "PM", "co": "CO"}.get(e.kind, e.kind.upper())
                title = labelled(label, e.trial or e.name)
                detail = "missed" if e.missed else f"{e.points} pts"
                delta = None
                if e.actual_s is not None and e.target_s is not None and e.kind != "co":
                    delta = e.actual_s - e.target_s
                colour = GREEN if e.points == 0 and not e.missed else (OCHRE if e.points < 100 else SLOW)
                self.banners = [Banner(title, detail, colour, BANNER_S, delta)]
            elif isinstance(e, StageFinished):
                delta = None if self.best is None else e.time_s - self.best.time_s
                self.banners = [Banner("ARRIVO", format_time(e.time_s), ALFA_RED, 99.0, delta)]

    def clock_text(self) -> str:
        """The stage clock; it stops at the finish line while the car rolls on."""
        race, i = self.race, self.focus
        if race.finished[i]:
            return format_time(float(race.finish_tick[i]) * race.dt)
        return format_time(race.time_s)

    def progress_m(self) -> float:
        """Distance along the route [m]: core's ``Race.progress_m`` if it has it."""
        given = getattr(self.race, "progress_m", None)
        if given is not None:
            return float(np.asarray(given)[self.focus])
        route = self._route_full
        if route is None:
            return 0.0
        st = self.race.state
        self._hint = route.nearest(st.x, st.y, self._hint)
        return float(route.s[int(self._hint[self.focus])])

    def calls(self) -> list[tuple[PaceNote, float]]:
        if not self.show_notes or not self.notes:
            return []
        speed = float(self.race.state.speed_mps[self.focus])
        return calls_ahead(self.notes, self.progress_m(), speed, self.call_ahead_s)

    def update(self, frame_s: float) -> None:
        for b in self.banners:
            b.left_s -= frame_s
        self.banners = [b for b in self.banners if b.left_s > 0]

    def next_gate_mid(self) -> tuple[float, float]:
        race, i = self.race, self.focus
        stage = race.stage
        nxt = int(race.next_gate[i])
        g = stage.checkpoints[nxt] if nxt < len(stage.checkpoints) else stage.finish
        return ((g.a[0] + g.b[0]) / 2, (g.a[1] + g.b[1]) / 2)

    # ------------------------------------------------------------------ drawing
    def draw(
        self,
        target: pygame.Surface,
        xs: np.ndarray,
        ys: np.ndarray,
        countdown_s: float | None = None,
        camera: Camera | None = None,
    ) -> None:
        """Lay the HUD out for the window (``layout.Layout``: every element drawn at the
        1280×720 design size and scaled by the short side) and draw it; ``self.rects``
        keeps where each element went."""
        race, i = self.race, self.focus
        h = target.get_height()
        lay = Layout(target, blit=blit_text)
        self.rects = lay.rects
        progress = self.progress_m()
        m = MARGIN_PX
        stage_panel = self._stage_panel(xs, ys)
        info = lay.place(
            "stage", (330, 64), "topleft", (m, m), lambda c: self._draw_info(c, *stage_panel), shows=stage_panel,
        )  # fmt: skip
        rows = self._split_rows()
        if rows:
            lay.place(
                "splits", (330, 14 + 26 * len(rows)), "topleft", (m, 8), lambda c: self._draw_splits(c, rows),
                shows=rows, below=info,
            )  # fmt: skip
        clock = lay.place_native("clock", (250, 64), "midtop", (0, m), self._draw_clock)
        reading = self.regularity(race, i) if self.regularity is not None else None
        column = clock
        if reading is not None:
            column = lay.place(
                "regularity", (250, 92), "midtop", (0, 6), lambda c: self._draw_regularity(c, reading),
                shows=reading, below=clock,
            )  # fmt: skip
        calls = self.calls()
        if calls:
            speed = float(race.state.speed_mps[i])
            reach = max(MIN_CALL_M, self.call_ahead_s * speed)
            cards = strip_cards(calls, reach_m=reach)
            n = len(cards)
            lay.place(
                "pace_notes", (n * CARD_W + (n - 1) * CARD_GAP, CARD_H), "topright", (m, m),
                lambda c: draw_strip(c, (c.get_width(), 0), cards), shows=cards,
            )  # fmt: skip
        instruments = self._place_instruments(lay)
        minimap = lay.place_native(
            "minimap", (MINIMAP_PX, MINIMAP_PX), "bottomleft", (m, m),
            lambda c, _: self.minimap_at(c.get_width()).draw(c, (0, 0), race, xs, ys, i, progress),
        )  # fmt: skip
        if race.referee is not None:
            lines = self._rules_lines()
            if lines:
                lay.place(
                    "rules", (330, 12 + 26 * len(lines)), "bottomright", (m, 8),
                    lambda c: self._draw_rules_box(c, lines), shows=tuple(lines), above=instruments,
                )  # fmt: skip
        # Messages in the middle: the countdown, then warnings and the caption in the
        # column between the minimap and the instruments, wrapped to its width.
        middle_w = (instruments.left - minimap.right) / lay.scale - 2 * CENTRE_GAP
        if countdown_s is not None:
            n_left = math.ceil(countdown_s)
            label = str(n_left) if n_left > 0 else "VIA!"
            lay.text("countdown", label, 160, CREAM, shadow=ALFA_RED, shadow_px=6, center_y=h // 2 - lay.px(40))
        lowest = column
        for b in self.banners:
            lowest = lay.place(
                "banner", (420, 96 if b.delta is None else 126), "midtop", (0, 10),
                functools.partial(self._draw_banner, b=b), shows=(b.title, b.detail, b.colour, b.delta),
                below=column,
            )  # fmt: skip
        warnings = self._warnings()
        y = max(h // 2 + lay.px(WARNINGS_Y), lowest.bottom + lay.px(8))
        for name, text_, size, colour in warnings:
            r = lay.paragraph(name, text_, size, colour, width=middle_w, top=y, shadow=INK)
            y = r.bottom + lay.px(4)
        bottom = h - lay.px(m)
        if self.caption:
            bottom = lay.paragraph("caption", self.caption, 30, CREAM, width=middle_w, bottom=bottom, shadow=INK).top
        if self.headline:
            lay.paragraph("car_name", self.headline, 34, CREAM, width=middle_w, bottom=bottom - lay.px(6), shadow=INK)
        if camera is not None and not camera.heading_up and not race.finished[i]:
            self._draw_gate_arrow(target, camera, float(xs[i]), float(ys[i]), lay)

    def notice_area(self, w: int, h: int) -> pygame.Rect:
        """Room for the app's notices in the last frame's layout: the middle column
        between the minimap and the instruments, under the warnings, over the captions."""
        lay = Layout((w, h))
        m, gap = MARGIN_PX, lay.px(CENTRE_GAP)
        minimap = self.rects.get("minimap") or lay.rect((MINIMAP_PX, MINIMAP_PX), "bottomleft", (m, m))
        instruments = self.rects.get("instruments") or lay.rect(self._instrument_size(), "bottomright", (m, m))
        bottom = h - lay.px(m)
        for name in ("caption", "car_name"):
            if name in self.rects:
                bottom = min(bottom, self.rects[name].top)
        bottom -= lay.px(4)
        top = h // 2 + lay.px(WARNINGS_Y)
        for name in ("wrong_way", "turn_round", "missed"):
            if name in self.rects:
                top = max(top, self.rects[name].bottom + lay.px(4))
        return pygame.Rect(minimap.right + gap, top, instruments.left - minimap.right - 2 * gap, max(0, bottom - top))

    def fps_anchor(self, w: int, h: int) -> tuple[int, int]:
        """Top right of the F3 readout: under the pace notes, at the right edge."""
        u = hud_scale(w, h)
        cards = self.rects.get("pace_notes")
        top = cards.bottom if cards is not None else round((MARGIN_PX + CARD_H) * u)
        return (w - round(MARGIN_PX * u), top + round(8 * u))

    def minimap_at(self, size_px: int) -> Minimap:
        """The minimap drawn for ``size_px`` (built once per window size)."""
        if self.minimap.size != size_px:
            self.minimap = Minimap(self.race, size_px)
        return self.minimap

    def _draw_banner(self, c: pygame.Surface, b: Banner) -> None:
        bb = c.get_rect()
        panel(c, bb, border=b.colour)
        blit_text(c, b.title, 30, b.colour, center=(bb.centerx, 28))
        blit_text(c, b.detail, 46, CREAM, center=(bb.centerx, 66))
        if b.delta is not None:
            colour = FAST if b.delta < 0 else SLOW
            blit_text(c, format_delta(b.delta), 32, colour, center=(bb.centerx, 104))

    def _draw_clock(self, c: pygame.Surface, scale: float) -> None:
        box = c.get_rect()
        panel(c, box)
        blit_text(c, self.clock_text(), max(9, round(52 * scale)), CREAM, center=box.center)

    def _draw_regularity(self, c: pygame.Surface, reading: RegularityReading) -> None:
        rbox = pygame.Rect(0, 0, c.get_width(), 70)
        panel(c, rbox, border=OCHRE)
        d = reading.delta_s
        colour = GREEN if abs(d) <= 0.10 else (OCHRE if d < 0 else SLOW)
        blit_text(c, reading.title, 20, OCHRE, topleft=(rbox.x + 12, rbox.y + 8))
        if reading.detail:
            blit_text(c, reading.detail, 16, CREAM, midtop=(rbox.centerx, rbox.bottom + 2))
        blit_text(c, f"target {format_time(reading.target_s)}", 18, CREAM, topright=(rbox.right - 12, rbox.y + 9))
        blit_text(c, format_time(reading.elapsed_s), 32, CREAM, bottomleft=(rbox.x + 12, rbox.bottom - 8))
        blit_text(c, format_delta(d), 32, colour, bottomright=(rbox.right - 12, rbox.bottom - 8))

    def _rules_lines(self) -> list[tuple[str, tuple[int, int, int]]]:
        """The referee's side: penalties and the next time control."""
        race, i = self.race, self.focus
        ref = race.referee
        assert ref is not None
        st = ref.state(i)
        lines: list[tuple[str, tuple[int, int, int]]] = []
        if st.penalty_s:
            lines.append((f"Penalties +{st.penalty_s:g} s", SLOW))
        if st.rules == "regolarita":
            lines.append((f"Penalty points {st.penalty_points}", SLOW if st.penalty_points else CREAM))
            co = st.next_co
            if co is not None and not race.finished[i]:
                window = co_text(co.due_min, co.opens_s, co.closes_s)
                inside = co.opens_s <= st.time_s < co.closes_s
                colour = GREEN if inside else (OCHRE if st.time_s < co.opens_s else SLOW)
                lines.append((f"{labelled('CO', co.name)}  {window}  {co.distance_m:,.0f} m", colour))
        return lines

    def _draw_rules_box(self, c: pygame.Surface, lines: list[tuple[str, tuple[int, int, int]]]) -> None:
        panel(c, c.get_rect())
        for k, (text_, colour) in enumerate(lines):
            blit_text(c, text_, 22, colour, topleft=(12, 7 + 26 * k))

    def _warnings(self) -> list[tuple[str, str, int, tuple[int, int, int]]]:
        """(name, text, font size, colour) of the referee's warnings in the middle."""
        race, i = self.race, self.focus
        ref = race.referee
        if ref is None or race.finished[i]:
            return []
        st = ref.state(i)
        out: list[tuple[str, str, int, tuple[int, int, int]]] = []
        if st.wrong_way:
            out.append(("wrong_way", "WRONG WAY", 72, SLOW))
            out.append(("turn_round", "turn round", 28, CREAM))
        if st.missed_checkpoint is not None:
            k = st.missed_checkpoint
            cps = race.stage.checkpoints
            name = (cps[k].name if k < len(cps) else "") or f"CP{k + 1}"
            out.append(("missed", f"Missed {name}: drive back to it, or respawn", 30, SLOW))
        return out

    def _stage_panel(self, xs: np.ndarray, ys: np.ndarray) -> tuple[str, str, tuple[tuple[int, int], ...]]:
        """What the stage panel shows: the stage's title; the next gate, its number and
        how far it is; the arrow towards it in whole pixels (none after the finish).
        ``draw.polygon`` truncates its points to whole pixels anyway: this way the
        scaled panel is drawn again only in the frames where it changes."""
        race, i = self.race, self.focus
        stage = race.stage
        n_cp = len(stage.checkpoints)
        nxt = int(race.next_gate[i])
        mx, my = self.next_gate_mid()
        dist = math.hypot(mx - float(xs[i]), my - float(ys[i]))
        if race.finished[i]:
            where = "Stage complete"
        elif nxt < n_cp:
            g = stage.checkpoints[nxt]
            where = f"{g.name or f'CP{nxt + 1}'} ({nxt + 1}/{n_cp})  {dist:,.0f} m"
        else:
            where = f"Arrivo  {dist:,.0f} m"
        arrow: tuple[tuple[int, int], ...] = ()
        if not race.finished[i]:
            angle = math.atan2(my - float(ys[i]), mx - float(xs[i]))
            arrow = tuple((int(x), int(y)) for x, y in arrow_points((25, 45), angle, 26))
        return stage.title, where, arrow

    def _draw_info(self, target: pygame.Surface, title: str, where: str, arrow: tuple[tuple[int, int], ...]) -> None:
        panel(target, target.get_rect())
        blit_text(target, title, 22, OCHRE, topleft=(12, 9))
        blit_text(target, where, 24, CREAM, topleft=(44, 34))
        if arrow:
            pygame.draw.polygon(target, ALFA_RED, arrow)

    def _split_rows(self) -> tuple[tuple[str, float, float | None], ...]:
        """The splits panel's rows, the last four splits: (checkpoint name, split [s],
        difference to the best [s] or None)."""
        race, i = self.race, self.focus
        checkpoints = race.stage.checkpoints
        splits = race.splits_s[i]
        rows = []
        for idx in range(max(0, len(splits) - 4), len(splits)):
            name = checkpoints[idx].name if idx < len(checkpoints) else ""
            delta = self.deltas[idx] if idx < len(self.deltas) else None
            rows.append(((name or f"CP{idx + 1}")[:18], float(splits[idx]), delta))
        return tuple(rows)

    def _draw_splits(self, target: pygame.Surface, rows: tuple[tuple[str, float, float | None], ...]) -> None:
        sp = target.get_rect()
        panel(target, sp)
        for k, (name, split_s, delta) in enumerate(rows):
            y = sp.y + 9 + 26 * k
            blit_text(target, name, 22, OCHRE, topleft=(sp.x + 10, y))
            blit_text(target, format_time(split_s), 22, CREAM, topright=(sp.right - 84, y))
            if delta is not None:
                blit_text(target, format_delta(delta), 22, FAST if delta < 0 else SLOW, topright=(sp.right - 10, y))

    def _instrument_size(self) -> tuple[int, int]:
        """The cluster's design size: two dials for a classic, the glass panel for a modern car."""
        if self.race.cars[self.focus].era == "classic":
            return (CLASSIC_SIZE + round(CLASSIC_SIZE * 0.78) - round(CLASSIC_SIZE * CLUSTER_OVERLAP), CLASSIC_SIZE)
        return (DIGITAL_WIDTH, DIGITAL_HEIGHT)

    def _place_instruments(self, lay: Layout) -> pygame.Rect:
        """The dials drawn at the window's scale; the digital panel, whose figures have
        fixed sizes, drawn at its design size and scaled as the panels are."""
        size, m = self._instrument_size(), MARGIN_PX
        if self.race.cars[self.focus].era == "classic":
            return lay.place_native("instruments", size, "bottomright", (m, m), self._draw_dials)
        return lay.place("instruments", size, "bottomright", (m, m), self._draw_digital)

    def _readout(self) -> tuple[float, float, int]:
        """The focus car's speed [km/h], revs [rpm] and gear."""
        st, i = self.race.state, self.focus
        return float(st.speed_mps[i]) * 3.6, float(st.rpm[i]), int(st.gear[i])

    def _draw_dials(self, target: pygame.Surface, scale: float) -> None:
        car = self.race.cars[self.focus]
        kmh, rpm, gear = self._readout()
        w, h = target.get_size()
        draw_classic_cluster(
            target, (w, h), kmh=kmh, rpm=rpm, redline_rpm=float(car.redline_rpm), top_speed_kmh=car.top_speed_kmh,
            gear=gear, size=min(h, round(CLASSIC_SIZE * scale)),
        )  # fmt: skip

    def _draw_digital(self, target: pygame.Surface) -> None:
        kmh, rpm, gear = self._readout()
        redline = float(self.race.cars[self.focus].redline_rpm)
        draw_digital_cluster(
            target, target.get_size(), kmh=kmh, rpm=rpm, redline_rpm=redline, gear=gear, width=DIGITAL_WIDTH
        )

    def _draw_gate_arrow(self, target: pygame.Surface, camera: Camera, x: float, y: float, lay: Layout) -> None:
        """A red arrow near the screen's edge pointing at the next gate when it is off
        screen: on the ray from the car towards the gate, as far out as it can go without
        touching another HUD element."""
        mx, my = self.next_gate_mid()
        sx, sy = camera.to_screen(mx, my)
        w, h = target.get_size()
        inset = lay.px(70)
        if inset <= sx <= w - inset and inset <= sy <= h - inset:
            return
        cx, cy = camera.to_screen(x, y)
        angle = math.atan2(sy - cy, sx - cx)
        # where the ray from the car meets the inset rectangle
        dx, dy = math.cos(angle), math.sin(angle)
        ts = []
        if abs(dx) > 1e-9:
            ts += [(inset - cx) / dx, (w - inset - cx) / dx]
        if abs(dy) > 1e-9:
            ts += [(inset - cy) / dy, (h - inset - cy) / dy]
        t = min((t for t in ts if t > 0), default=0.0)
        length = lay.px(ARROW_PX)
        others = list(lay.rects.values())
        half = length / 2 + lay.px(4)
        while t > 0:  # step back towards the car until the arrow is clear of the HUD
            at = (cx + dx * t, cy + dy * t)
            box = pygame.Rect(round(at[0] - half), round(at[1] - half), round(2 * half), round(2 * half))
            if box.collidelist(others) < 0 and lay.screen.contains(box):
                break
            t -= lay.px(8)
        else:
            return  # no room (a tiny window with the car under the HUD): no arrow
        pts = arrow_points(at, angle, length)
        pygame.draw.polygon(target, INK, [(px + 2, py + 2) for px, py in pts])
        pygame.draw.polygon(target, ALFA_RED, pts)
        pygame.draw.polygon(target, CREAM, pts, 2)
        lay.rects["gate_arrow"] = box
