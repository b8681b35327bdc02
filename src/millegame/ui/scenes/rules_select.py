"""Rule-set select, between the car and the start: Corsa (the race against the clock)
or Regolarità (the regularity rally: the stage's PC, PM and CO timing lines). The choice
is ``session.rules``, which the race is run under."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from millegame.core.car import CarParams
from millegame.ui.fonts import ALFA_RED, CREAM, DEEP_BLUE, INK, blit_text, wrap
from millegame.ui.scenes.base import BACK_KEYS, CONFIRM_KEYS, DOWN_KEYS, LEFT_KEYS, RIGHT_KEYS, UP_KEYS, Scene
from millegame.ui.scenes.settings_menu import draw_loading_veil, draw_page

if TYPE_CHECKING:
    from millegame.ui.scenes.base import SceneHost

RULES = (
    (
        "corsa",
        "CORSA",
        "1927 – 1957",
        "The race. Every checkpoint in order, the stage time is all that counts. Beat your best, beat the field.",
    ),
    (
        "regolarita",
        "REGOLARITÀ",
        "today",
        "The regularity rally. Cross the timing lines at the set second, hold the "
        "set average, arrive on the minute. Points for every hundredth off; "
        "the older the car, the higher its coefficient.",
    ),
)


class RulesScene(Scene):
    def __init__(self, app: SceneHost, car: CarParams, *, rally: bool = False) -> None:
        super().__init__(app)
        self.car = car
        self.rally = rally  # a new rally under the chosen rules, rather than one race
        self.selected = 0
        self.loading = False
        self._drawn_loading = False
        self.card_rects: list[pygame.Rect] = []

    def handle_event(self, event: pygame.event.Event) -> None:
        if self.loading:
            return
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for k, r in enumerate(self.card_rects):
                if r.collidepoint(event.pos):
                    self.selected = k
                    self.choose()
            return
        if event.type != pygame.KEYDOWN:
            return
        if event.key in LEFT_KEYS or event.key in UP_KEYS or event.key in RIGHT_KEYS or event.key in DOWN_KEYS:
            self.selected = 1 - self.selected
        elif event.key in CONFIRM_KEYS:
            self.choose()
        elif event.key in BACK_KEYS:
            self.stack.pop()

    def choose(self) -> None:
        self.session.rules = RULES[self.selected][0]
        self.loading = True  # draw "loading" first, start the race next frame

    def update(self, frame_s: float) -> None:
        if self.loading and self._drawn_loading:
            self.loading = False
            self._drawn_loading = False
            self.stack.pop()  # back to the car select, which the race then replaces
            if self.rally:
                self.app.start_rally(self.car, self.session.rules)
            else:
                self.app.start_race(self.car)

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        s = draw_page(surface, "REGOLAMENTO", "rules of the rally" if self.rally else "rules")
        blit_text(surface, f"{self.car.name} ({self.car.year})", int(28 * s), INK, midtop=(w // 2, int(104 * s)))
        self.card_rects = []
        cw, ch = int(w * 0.38), int(h * 0.56)
        for k, (_, title, era, text) in enumerate(RULES):
            r = pygame.Rect(0, 0, cw, ch)
            r.center = (int(w * (0.28 + 0.44 * k)), int(h * 0.55))
            self.card_rects.append(r)
            chosen = k == self.selected
            pygame.draw.rect(surface, DEEP_BLUE if chosen else (90, 100, 120), r, border_radius=int(14 * s))
            if chosen:
                pygame.draw.rect(surface, ALFA_RED, r.inflate(10, 10), width=5, border_radius=int(16 * s))
            blit_text(surface, title, int(56 * s), CREAM, shadow=ALFA_RED, italic=True, midtop=(r.centerx, r.y + 24))
            blit_text(surface, era, int(26 * s), (230, 190, 110), midtop=(r.centerx, r.y + int(96 * s)))
            y = r.y + int(150 * s)
            for line in wrap(text, int(26 * s), cw - int(50 * s)):
                blit_text(surface, line, int(26 * s), CREAM, midtop=(r.centerx, y))
                y += int(32 * s)
        if self.loading:
            draw_loading_veil(surface, s)
            self._drawn_loading = True
        else:
            hint = "Left/Right choose  ·  Enter start  ·  Esc back"
            blit_text(surface, hint, int(22 * s), (110, 96, 74), center=(w // 2, h - int(20 * s)))
