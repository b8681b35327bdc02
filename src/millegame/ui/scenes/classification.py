"""The rally's classification after a stage: the player against the field of period
crews on that stage and overall (cumulative), within a class (classic, or the modern
cars' "Tribute"), the player's row highlighted. While the field's results for a stage
are generated the first time (a background thread), it shows "Classifying…"."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from millegame.core.rally import CORSA, start_minute
from millegame.core.result import StageResult
from millegame.core.stage import Stage
from millegame.ui.fonts import ALFA_RED, CREAM, DEEP_BLUE, INK, OCHRE, blit_text, format_time
from millegame.ui.scenes.base import BACK_KEYS, CONFIRM_KEYS, LEFT_KEYS, RIGHT_KEYS, Scene
from millegame.ui.scenes.settings_menu import draw_loading_veil, draw_page

if TYPE_CHECKING:
    from millegame.ui.rally_session import RallySession
    from millegame.ui.scenes.base import SceneHost

TOP_ROWS = 10  # rows of each table before the player's own
CLASS_NAMES = {"classic": "Classic", "tribute": "Tribute"}


def clock_of(number: int) -> str:
    """The start time of car ``number`` on the clock, e.g. 722 → "07:22"."""
    minute = (21 * 60 + start_minute(number)) % (24 * 60)
    return f"{minute // 60:02d}:{minute % 60:02d}"


def shown_rows(rows: list[dict[str, object]], cls: str, top: int = TOP_ROWS) -> list[dict[str, object] | None]:
    """The first ``top`` rows of class ``cls``, then (after a None gap) the player's row
    if it is further down."""
    mine = [r for r in rows if r.get("classification") == cls]
    out: list[dict[str, object] | None] = list(mine[:top])
    player = next((r for r in mine[top:] if r.get("player")), None)
    if player is not None:
        out += [None, player]
    return out


def short_crew(crew: str) -> str:
    """ "Peter Conte / Umberto Bianchi" → "P. Conte / U. Bianchi" (fits the table)."""
    parts = []
    for name in crew.split(" / "):
        first, _, rest = name.partition(" ")
        parts.append(f"{first[:1]}. {rest}" if rest else first)
    return " / ".join(parts)


class LoadingScene(Scene):
    """Draws a message once, then does ``action`` (which replaces this scene)."""

    def __init__(self, app: SceneHost, message: str, action: Callable[[], None]) -> None:
        super().__init__(app)
        self.message = message
        self.action = action
        self._drawn = False

    def update(self, frame_s: float) -> None:
        if self._drawn:
            self._drawn = False
            self.action()

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        s = draw_page(surface, "MILLE MIGLIA", "the rally")
        blit_text(surface, self.message, int(48 * s), INK, center=(w // 2, h // 2))
        self._drawn = True


class ClassificationScene(Scene):
    def __init__(self, app: SceneHost, rally: RallySession, stage: Stage, stage_id: str, result: StageResult) -> None:
        super().__init__(app)
        self.rally = rally
        self.stage = stage
        self.stage_id = stage_id
        self.result = result
        self.job = rally.field_job(stage, stage_id)
        self.done = False
        self.t_s = 0.0
        self.cls = rally.rally.classification
        self.loading = False
        self._drawn_loading = False
        self.stage_rows: list[dict[str, object]] = []
        self.overall_rows: list[dict[str, object]] = []
        self.poll()

    # ------------------------------------------------------------------ the field
    def poll(self) -> None:
        """Once the field's rows are there: record the stage in the rally, and save it."""
        if self.done:
            return
        rally = self.rally.rally
        if rally.next_stage_id != self.stage_id:  # already recorded (should not happen)
            self.done = True
        elif self.job.poll():
            self.rally.finish_stage(self.result, self.job.rows or [])
            self.done = True
        elif self.job.error is not None:
            self.app.notify(f"The field could not be classified: {self.job.error}")
            self.rally.finish_stage(self.result, [])
            self.done = True
        if self.done:
            self.stage_rows = self.rally.stage_table(self.stage_id)
            self.overall_rows = rally.standings()

    # ------------------------------------------------------------------ input, time
    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type != pygame.KEYDOWN or not self.done or self.loading:
            return
        if event.key in CONFIRM_KEYS:
            if self.rally.rally.finished:
                self.app.to_title()
            else:
                self.loading = True  # "Loading the stage…" is drawn first
        elif event.key in BACK_KEYS:
            self.app.to_title()  # saved: the title offers "Continue rally"
        elif event.key in LEFT_KEYS or event.key in RIGHT_KEYS or event.key == pygame.K_TAB:
            self.cls = "tribute" if self.cls == "classic" else "classic"

    def update(self, frame_s: float) -> None:
        self.t_s += frame_s
        self.poll()
        if self.loading and self._drawn_loading:
            self.loading = False
            self._drawn_loading = False
            self.app.start_rally_stage()

    # ------------------------------------------------------------------ drawing
    def score_text(self, row: dict[str, object], key: str) -> str:
        v = row.get(key)
        if key == "score" and v is None:
            return "DNF"
        if self.rally.rally.rules == CORSA:
            return format_time(float(v or 0.0))  # type: ignore[arg-type]
        return f"{float(v or 0.0):,.0f} pts"  # type: ignore[arg-type]

    def _table(self, surface: pygame.Surface, rect: pygame.Rect, title: str, rows: list[dict[str, object]],
               key: str, s: float) -> None:  # fmt: skip
        blit_text(surface, title, int(28 * s), DEEP_BLUE, topleft=(rect.x, rect.y))
        y = rect.y + int(38 * s)
        pygame.draw.line(surface, OCHRE, (rect.x, y), (rect.right, y), 2)
        y += int(8 * s)
        lines = shown_rows(rows, self.cls)
        line_h = int(min(34 * s, (rect.bottom - y) / max(len(lines), 1)))
        size = int(min(24 * s, line_h * 0.8))
        if not lines:
            blit_text(surface, "no crews in this class", size, INK, topleft=(rect.x, y))
        for row in lines:
            if row is None:
                blit_text(surface, "…", size, INK, topleft=(rect.x + int(10 * s), y))
                y += line_h
                continue
            colour = INK
            if row.get("player"):
                band = pygame.Rect(rect.x - int(6 * s), y - int(3 * s), rect.w + int(12 * s), line_h)
                pygame.draw.rect(surface, ALFA_RED, band, border_radius=int(4 * s))
                colour = CREAM
            crew = short_crew(str(row.get("crew", "")))
            blit_text(surface, f"{row.get('rank', '')}", size, colour, topright=(rect.x + int(36 * s), y))
            blit_text(surface, f"#{row.get('number', '')}", size, colour, topleft=(rect.x + int(46 * s), y))
            blit_text(surface, crew[:30], size, colour, topleft=(rect.x + int(118 * s), y))
            blit_text(surface, self.score_text(row, key), size, colour, topright=(rect.right, y))
            y += line_h

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        rally = self.rally.rally
        s = draw_page(surface, "CLASSIFICA", f"{'Corsa' if rally.rules == CORSA else 'Regolarità'}")
        car = self.rally.car
        title = getattr(self.stage, "title", self.stage_id)
        k = rally.stage_ids.index(self.stage_id) + 1 if self.stage_id in rally.stage_ids else rally.stage_index
        blit_text(surface, f"Stage {k} of {len(rally.stage_ids)}: {title}", int(30 * s), INK,
                  topleft=(int(40 * s), int(100 * s)))  # fmt: skip
        who = f"No. {rally.number} (start {clock_of(rally.number)})  ·  {car.name if car else rally.car_id}"
        blit_text(surface, who, int(24 * s), DEEP_BLUE, topright=(w - int(40 * s), int(106 * s)))
        if not self.done:
            dots = "." * (1 + int(self.t_s * 3) % 3)
            blit_text(surface, f"Classifying{dots}", int(56 * s), ALFA_RED, italic=True, center=(w // 2, h // 2))
            blit_text(surface, f"the field of {rally.entrants} crews drives the stage", int(26 * s), INK,
                      center=(w // 2, h // 2 + int(56 * s)))  # fmt: skip
            return
        top = int(150 * s)
        bottom = h - int(60 * s)
        half = (w - int(120 * s)) // 2
        left = pygame.Rect(int(40 * s), top, half, bottom - top)
        right = pygame.Rect(left.right + int(40 * s), top, half, bottom - top)
        cls = CLASS_NAMES.get(self.cls, self.cls)
        self._table(surface, left, f"Stage  ·  {cls}", self.stage_rows, "score", s)
        done = rally.stage_index
        self._table(surface, right, f"Overall after {done}  ·  {cls}", self.overall_rows, "total", s)
        if self.loading:
            draw_loading_veil(surface, s)
            self._drawn_loading = True
            return
        nxt = "Enter  back to the title (rally over)" if rally.finished else "Enter  next stage"
        hint = f"{nxt}   ·   Left/Right  classic / Tribute   ·   Esc  title (saved)"
        blit_text(surface, hint, int(24 * s), (110, 96, 74), center=(w // 2, h - int(24 * s)))
