"""Pause: the race frozen under a veil, with Resume / Restart / Quit to title."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from millegame.ui.fonts import ALFA_RED, CREAM, INK, NIGHT, OCHRE, blit_text
from millegame.ui.hud.race_hud import panel
from millegame.ui.scenes.base import Menu, Scene

if TYPE_CHECKING:
    from millegame.ui.scenes.base import SceneHost
    from millegame.ui.scenes.race_scene import RaceScene


class PauseScene(Scene):
    def __init__(self, app: SceneHost, race_scene: RaceScene, *, message: str = "") -> None:
        super().__init__(app)
        self.race_scene = race_scene
        self.message = message
        self.menu = Menu(("Resume", "Restart", "Settings", "Quit to title"))
        self._frozen: pygame.Surface | None = None  # the race, drawn once and veiled

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_p, pygame.K_BACKSPACE):
            self.stack.pop()
            return
        choice = self.menu.handle(event)
        if choice == "Resume":
            self.stack.pop()
        elif choice == "Restart":
            self.stack.pop()
            self.app.start_race(self.race_scene.car)
        elif choice == "Settings":
            from millegame.ui.scenes.settings_menu import SettingsScene

            self.stack.push(SettingsScene(self.app))
        elif choice == "Quit to title":
            self.app.to_title()

    def on_resize(self, w: int, h: int) -> None:
        self.race_scene.on_resize(w, h)
        self._frozen = None

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        if self._frozen is None or self._frozen.get_size() != (w, h):
            self.race_scene.draw(surface)
            veil = pygame.Surface((w, h), pygame.SRCALPHA)
            veil.fill((*NIGHT, 150))
            surface.blit(veil, (0, 0))
            self._frozen = surface.copy()
        surface.blit(self._frozen, (0, 0))
        box = pygame.Rect(0, 0, 520, 60 + 56 * len(self.menu.items) + 110)
        box.center = (w // 2, h // 2)
        panel(surface, box, alpha=235)
        blit_text(
            surface, "PAUSA", 64, CREAM, shadow=ALFA_RED, shadow_px=4, italic=True, midtop=(box.centerx, box.y + 22)
        )
        self.menu.rects = []
        y = box.y + 120
        for k, item in enumerate(self.menu.items):
            chosen = k == self.menu.selected
            r = blit_text(surface, item, 40, CREAM if chosen else (150, 160, 175), shadow=INK, midtop=(box.centerx, y))
            if chosen:
                pygame.draw.rect(surface, OCHRE, r.inflate(30, 8), width=2, border_radius=6)
            self.menu.rects.append(r.inflate(30, 8))
            y += 54
        blit_text(surface, self.race_scene.respawn_hint(), 24, (190, 196, 205), shadow=INK,
                  midtop=(box.centerx, box.bottom - 46))  # fmt: skip
        if self.message:
            blit_text(surface, self.message, 26, OCHRE, shadow=INK, midtop=(w // 2, box.bottom + 16))
