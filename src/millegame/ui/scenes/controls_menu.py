"""Controls: rebind each driving action to a key and to a gamepad input.

Up/Down choose an action, Left/Right the column (keyboard or gamepad), Enter waits for
the new key or pad input (a key press for the keyboard column; a button or an axis
pushed past half way for the pad column; Backspace cancels). "Reset" restores the
defaults. Saved when the page is left.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from millegame.ui.fonts import ALFA_RED, DEEP_BLUE, INK, OCHRE, blit_text
from millegame.ui.input.controls import key_label
from millegame.ui.input.gamepad import AXIS_NAMES, BUTTON_NAMES
from millegame.ui.scenes.base import BACK_KEYS, CONFIRM_KEYS, DOWN_KEYS, LEFT_KEYS, RIGHT_KEYS, UP_KEYS, Scene
from millegame.ui.scenes.settings_menu import draw_page
from millegame.ui.settings import ACTIONS, DEFAULT_KEYS, DEFAULT_PAD

if TYPE_CHECKING:
    from millegame.ui.scenes.base import SceneHost

PAD_ACTION = {"left": "steer", "right": "steer"}  # the stick steers both ways
ROWS = (*ACTIONS, "reset", "back")


class ControlsScene(Scene):
    def __init__(self, app: SceneHost) -> None:
        super().__init__(app)
        self.selected = 0
        self.column = 0  # 0 keyboard, 1 gamepad
        self.capturing: tuple[str, int] | None = None

    # ------------------------------------------------------------------ input
    def handle_event(self, event: pygame.event.Event) -> None:
        if self.capturing is not None:
            self._capture(event)
            return
        if event.type != pygame.KEYDOWN:
            return
        if event.key in UP_KEYS:
            self.selected = (self.selected - 1) % len(ROWS)
        elif event.key in DOWN_KEYS:
            self.selected = (self.selected + 1) % len(ROWS)
        elif event.key in LEFT_KEYS or event.key in RIGHT_KEYS:
            self.column = 1 - self.column
        elif event.key in CONFIRM_KEYS:
            row = ROWS[self.selected]
            if row == "back":
                self.leave()
            elif row == "reset":
                self.app.settings.keys = {k: list(v) for k, v in DEFAULT_KEYS.items()}
                self.app.settings.pad = dict(DEFAULT_PAD)
            else:
                self.capturing = (row, self.column)
        elif event.key in BACK_KEYS:
            self.leave()

    def _capture(self, event: pygame.event.Event) -> None:
        assert self.capturing is not None
        action, column = self.capturing
        settings = self.app.settings
        if column == 0:
            if event.type != pygame.KEYDOWN or getattr(event, "pad", False):
                return
            if event.key == pygame.K_BACKSPACE:
                self.capturing = None
                return
            settings.keys[action] = [pygame.key.name(event.key)]
            self.capturing = None
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_BACKSPACE and not getattr(event, "pad", False):
            self.capturing = None
            return
        name = None
        if event.type == pygame.CONTROLLERBUTTONDOWN:
            name = BUTTON_NAMES.get(event.button)
        elif event.type == pygame.CONTROLLERAXISMOTION and abs(event.value) > 16000:
            name = AXIS_NAMES.get(event.axis)
        if name is not None:
            settings.pad[PAD_ACTION.get(action, action)] = name
            self.capturing = None

    def leave(self) -> None:
        self.app.save_settings()
        self.stack.pop()

    # ------------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        s = draw_page(surface, "COMANDI", "controls")
        settings = self.app.settings
        x0, x_key, x_pad = int(120 * s), int(w * 0.42), int(w * 0.7)
        y = int(120 * s)
        blit_text(surface, "KEYBOARD", int(22 * s), (120, 100, 70), topleft=(x_key, y))
        blit_text(surface, "GAMEPAD", int(22 * s), (120, 100, 70), topleft=(x_pad, y))
        y += int(36 * s)
        line = int(44 * s)
        for k, row in enumerate(ROWS):
            chosen = k == self.selected
            rect = pygame.Rect(int(90 * s), y - 4, w - int(180 * s), line - 4)
            if chosen:
                pygame.draw.rect(surface, (226, 210, 170), rect, border_radius=6)
                pygame.draw.rect(surface, ALFA_RED, (rect.x, rect.y, 6, rect.height))
            label = {"reset": "Reset to defaults", "back": "Back"}.get(row, row.capitalize())
            blit_text(surface, label, int(28 * s), INK, midleft=(x0, rect.centery))
            if row in ACTIONS:
                keys = ", ".join(key_label(n) for n in settings.keys.get(row, []))
                pad = settings.pad.get(PAD_ACTION.get(row, row), "—")
                for col, text, x in ((0, keys, x_key), (1, pad, x_pad)):
                    waiting = self.capturing == (row, col)
                    if waiting:
                        text = "press a key…" if col == 0 else "press a button…"
                    colour = ALFA_RED if waiting else (DEEP_BLUE if chosen and col == self.column else INK)
                    r = blit_text(surface, text or "—", int(26 * s), colour, midleft=(x, rect.centery))
                    if chosen and col == self.column:
                        pygame.draw.line(surface, OCHRE, (r.left, r.bottom + 2), (r.right, r.bottom + 2), 3)
            y += line
        hint = "Left/Right keyboard or gamepad  ·  Enter rebind  ·  Backspace cancel  ·  Esc back (saves)"
        blit_text(surface, hint, int(22 * s), (110, 96, 74), center=(w // 2, h - int(20 * s)))
