"""Results: the stage time and every checkpoint's split and sector time."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from millegame.core.car import CarParams
from millegame.core.result import StageResult
from millegame.core.stage import Stage
from millegame.ui.fonts import ALFA_RED, CREAM, DEEP_BLUE, INK, OCHRE, blit_text, format_time
from millegame.ui.scenes.base import CONFIRM_KEYS, Scene

if TYPE_CHECKING:
    from millegame.ui.scenes.base import SceneHost

PAPER = (236, 224, 196)
MAX_CHECK_LINES = 4  # the regularity checks listed under the table


class ResultsScene(Scene):
    def __init__(
        self, app: SceneHost, stage: Stage, car: CarParams, result: StageResult, *, new_best: bool = False
    ) -> None:
        super().__init__(app)
        self.new_best = new_best
        self.result = result
        self.stage = stage
        self.car = car
        self.time_s = result.time_s
        self.splits_s = list(result.splits_s)
        self.names = [cp.name or f"CP{k + 1}" for k, cp in enumerate(stage.checkpoints)]
        self.par_s = stage.par_time_s

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type != pygame.KEYDOWN:
            return
        if event.key in CONFIRM_KEYS or event.key == pygame.K_ESCAPE:
            self.app.to_title()
        elif event.key == pygame.K_r:
            self.app.start_race(self.car)

    def rows(self) -> list[tuple[str, str, str]]:
        """(gate, split, sector) lines of the table, the finish last."""
        out = []
        prev = 0.0
        for name, t in zip(self.names, self.splits_s, strict=False):
            out.append((name, format_time(t), "+" + format_time(t - prev)))
            prev = t
        if self.time_s is not None:
            out.append(("Arrivo", format_time(self.time_s), "+" + format_time(self.time_s - prev)))
        return out

    def rules_lines(self) -> list[str]:
        """Penalties and, for Regolarità, penalty points, coefficient and score."""
        r = self.result
        if r.rules is None:
            return []
        out = []
        if r.rules == "regolarita":
            out.append(
                f"Regolarità  ·  penalty points {r.penalty_points}  ·  "
                f"coefficient {r.coefficient:.2f}  ·  score {r.score or 0.0:,.0f}"
            )
        else:
            total = (self.time_s or 0.0) + r.penalty_s
            text = f"Corsa  ·  penalties +{r.penalty_s:g} s"
            if self.time_s is not None:
                text += f"  ·  total {format_time(total)}"
            out.append(text)
        if r.respawns:
            out.append(f"Respawns {r.respawns}")
        checks = [c for c in r.checks if c.actual_s is not None or c.points]
        for c in checks[:MAX_CHECK_LINES]:
            measured = "missed" if c.actual_s is None else f"{c.actual_s:.2f} s"
            target = "" if c.target_s is None else f" (set {c.target_s:.2f} s)"
            what = c.name if c.name.startswith(c.trial) else f"{c.trial} {c.name}".strip()
            out.append(f"{what}: {measured}{target}  {c.points} pts")
        if len(checks) > MAX_CHECK_LINES:
            out.append(f"… and {len(checks) - MAX_CHECK_LINES} more checks")
        if self.new_best:
            out.append("New record!")
        return out

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        s = h / 720
        surface.fill(PAPER)
        pygame.draw.rect(surface, DEEP_BLUE, (0, 0, w, int(150 * s)))
        pygame.draw.rect(surface, ALFA_RED, (0, int(150 * s), w, int(6 * s)))
        blit_text(
            surface,
            "ARRIVO",
            int(86 * s),
            CREAM,
            shadow=ALFA_RED,
            shadow_px=5,
            italic=True,
            midleft=(int(50 * s), int(62 * s)),
        )
        blit_text(surface, self.stage.title, int(30 * s), OCHRE, midleft=(int(54 * s), int(120 * s)))
        big = format_time(self.time_s) if self.time_s is not None else "—"
        blit_text(surface, big, int(96 * s), CREAM, midright=(w - int(50 * s), int(70 * s)))
        car_line = f"{self.car.name} ({self.car.year})" + (f"  ·  No. {self.car.number}" if self.car.number else "")
        blit_text(surface, car_line, int(28 * s), CREAM, midright=(w - int(54 * s), int(124 * s)))
        # table of splits
        x_name, x_split, x_sector = int(w * 0.18), int(w * 0.62), int(w * 0.82)
        y = int(190 * s)
        for label, x in (("Checkpoint", x_name), ("Stage time", x_split), ("Sector", x_sector)):
            if x == x_name:
                blit_text(surface, label.upper(), int(24 * s), (120, 100, 70), topleft=(x, y))
            else:
                blit_text(surface, label.upper(), int(24 * s), (120, 100, 70), topright=(x, y))
        y += int(34 * s)
        pygame.draw.line(surface, OCHRE, (x_name, y), (x_sector, y), 2)
        y += int(12 * s)
        rows = self.rows()
        extra = len(self.rules_lines()) * 32 * s + (36 * s if self.par_s else 0)
        line_h = int(min(40 * s, (h - y - 90 * s - extra) / max(len(rows), 1)))
        for k, (name, split, sector) in enumerate(rows):
            last = k == len(rows) - 1 and self.time_s is not None
            colour = ALFA_RED if last else INK
            blit_text(surface, name, int(30 * s), colour, topleft=(x_name, y))
            blit_text(surface, split, int(30 * s), colour, topright=(x_split, y))
            blit_text(surface, sector, int(26 * s), DEEP_BLUE, topright=(x_sector, y + int(3 * s)))
            y += line_h
        if self.par_s and self.time_s is not None:
            diff = self.time_s - self.par_s
            verdict = f"Par {format_time(self.par_s)}  ({'+' if diff >= 0 else '−'}{format_time(abs(diff))})"
            blit_text(surface, verdict, int(26 * s), DEEP_BLUE, topleft=(x_name, y + int(10 * s)))
            y += int(36 * s)
        for text in self.rules_lines():
            blit_text(surface, text, int(26 * s), ALFA_RED, topleft=(x_name, y + int(10 * s)))
            y += int(32 * s)
        blit_text(
            surface,
            "Enter  back to the title   ·   R  race again",
            int(26 * s),
            (110, 96, 74),
            center=(w // 2, h - int(34 * s)),
        )
