"""Settings: camera, pace notes, sound, display, assists, and the controls page.

Up/Down choose a row, Left/Right change it, Enter opens the controls page or goes back;
Backspace/Escape go back. Every change is saved when the page is left. Works the same
with a gamepad (the d-pad and A/B arrive as those keys).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from millegame.ui.fonts import ALFA_RED, CREAM, DEEP_BLUE, INK, OCHRE, blit_text
from millegame.ui.scenes.base import BACK_KEYS, CONFIRM_KEYS, DOWN_KEYS, LEFT_KEYS, RIGHT_KEYS, UP_KEYS, Scene
from millegame.ui.settings import Settings

if TYPE_CHECKING:
    from millegame.ui.scenes.base import SceneHost

PAPER = (236, 224, 196)


@dataclass
class Row:
    label: str
    show: Callable[[Settings], str]
    change: Callable[[Settings, int], None] | None = None  # by −1 / +1
    action: str = ""  # "controls", "back", "reset"


def _toggle(name: str) -> Callable[[Settings, int], None]:
    def change(s: Settings, _: int) -> None:
        setattr(s, name, not getattr(s, name))

    return change


def _step(name: str, step: float, lo: float, hi: float) -> Callable[[Settings, int], None]:
    def change(s: Settings, d: int) -> None:
        setattr(s, name, round(min(hi, max(lo, getattr(s, name) + d * step)), 2))

    return change


def _on(v: bool) -> str:
    return "on" if v else "off"


def _pct(v: float) -> str:
    return f"{round(v * 100):d} %"


def _cycle_camera(s: Settings, _: int) -> None:
    s.camera = "heading_up" if s.camera == "follow" else "follow"


def display_mode(s: Settings) -> str:
    """The display mode in use (``--fullscreen`` or F11 may differ from the setting),
    and the setting when it takes effect only at the next start."""
    in_use = pygame.display.is_fullscreen() if pygame.display.get_surface() is not None else s.fullscreen
    shown = "fullscreen" if in_use else "window"
    if in_use != s.fullscreen:
        shown += f" (next start: {'fullscreen' if s.fullscreen else 'window'})"
    return shown


ROWS: tuple[Row, ...] = (
    Row("Camera", lambda s: "heading up" if s.camera == "heading_up" else "north up, follows", _cycle_camera),
    Row("Zoom out with speed", lambda s: _on(s.zoom), _toggle("zoom")),
    Row("Road shown ahead", lambda s: f"{s.look_ahead_s:.1f} s", _step("look_ahead_s", 0.2, 1.0, 5.0)),
    Row("Pace notes", lambda s: _on(s.pace_notes), _toggle("pace_notes")),
    Row("Co-driver calls ahead", lambda s: f"{s.call_ahead_s:.1f} s", _step("call_ahead_s", 0.5, 1.0, 10.0)),
    Row("Master volume", lambda s: _pct(s.master_volume), _step("master_volume", 0.1, 0.0, 1.0)),
    Row("Engine volume", lambda s: _pct(s.engine_volume), _step("engine_volume", 0.1, 0.0, 1.0)),
    Row("Effects volume", lambda s: _pct(s.effects_volume), _step("effects_volume", 0.1, 0.0, 1.0)),
    Row("Display", lambda s: display_mode(s), _toggle("fullscreen")),
    Row("Steering assist", lambda s: _on(s.steering_assist), _toggle("steering_assist")),
    Row("ABS (cars that have it)", lambda s: _on(s.abs), _toggle("abs")),
    Row("Traction control", lambda s: _on(s.traction_control), _toggle("traction_control")),
    Row("Keyboard pedal aid", lambda s: _on(s.pedal_aid), _toggle("pedal_aid")),
    Row("Controls…", lambda s: "keyboard and gamepad", action="controls"),
    Row("Back", lambda s: "", action="back"),
)


def draw_page(surface: pygame.Surface, title: str, subtitle: str) -> float:
    """The poster-paper page with its blue header; returns the scale factor."""
    w, h = surface.get_size()
    s = h / 720
    surface.fill(PAPER)
    pygame.draw.rect(surface, DEEP_BLUE, (0, 0, w, int(84 * s)))
    pygame.draw.rect(surface, ALFA_RED, (0, int(84 * s), w, int(6 * s)))
    blit_text(surface, title, int(54 * s), CREAM, italic=True, midleft=(int(40 * s), int(44 * s)))
    blit_text(surface, subtitle, int(28 * s), OCHRE, midright=(w - int(40 * s), int(46 * s)))
    return s


def draw_loading_veil(surface: pygame.Surface, scale: float) -> None:
    """A deep-blue veil over the page with "Loading the stage…": drawn for one frame
    before a scene starts loading a stage, so the wait shows."""
    w, h = surface.get_size()
    veil = pygame.Surface((w, h), pygame.SRCALPHA)
    veil.fill((*DEEP_BLUE, 200))
    surface.blit(veil, (0, 0))
    blit_text(surface, "Loading the stage…", int(48 * scale), CREAM, center=(w // 2, h // 2))


class SettingsScene(Scene):
    def __init__(self, app: SceneHost) -> None:
        super().__init__(app)
        self.selected = 0
        self.rows = ROWS
        self.row_rects: list[pygame.Rect] = []

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for k, r in enumerate(self.row_rects):
                if r.collidepoint(event.pos):
                    self.selected = k
                    self._activate(+1)
            return
        if event.type != pygame.KEYDOWN:
            return
        row = self.rows[self.selected]
        if event.key in UP_KEYS:
            self.selected = (self.selected - 1) % len(self.rows)
        elif event.key in DOWN_KEYS:
            self.selected = (self.selected + 1) % len(self.rows)
        elif event.key in LEFT_KEYS and row.change is not None:
            row.change(self.app.settings, -1)
        elif event.key in RIGHT_KEYS and row.change is not None:
            row.change(self.app.settings, +1)
        elif event.key in CONFIRM_KEYS:
            self._activate(+1)
        elif event.key in BACK_KEYS:
            self.leave()

    def _activate(self, d: int) -> None:
        row = self.rows[self.selected]
        if row.action == "controls":
            from millegame.ui.scenes.controls_menu import ControlsScene

            self.stack.push(ControlsScene(self.app))
        elif row.action == "back":
            self.leave()
        elif row.change is not None:
            row.change(self.app.settings, d)

    def leave(self) -> None:
        self.app.save_settings()
        self.stack.pop()

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        s = draw_page(surface, "IMPOSTAZIONI", "settings")
        y = int(110 * s)
        line = int(min(40 * s, (h - y - 50 * s) / len(self.rows)))
        x_label, x_value = int(120 * s), int(w * 0.62)
        self.row_rects = []
        for k, row in enumerate(self.rows):
            chosen = k == self.selected
            rect = pygame.Rect(int(90 * s), y - 4, w - int(180 * s), line)
            self.row_rects.append(rect)
            if chosen:
                pygame.draw.rect(surface, (226, 210, 170), rect, border_radius=6)
                pygame.draw.rect(surface, ALFA_RED, (rect.x, rect.y, 6, rect.height))
            blit_text(surface, row.label, int(28 * s), INK, midleft=(x_label, rect.centery))
            value = row.show(self.app.settings)
            if value:
                colour = ALFA_RED if chosen else DEEP_BLUE
                shown = f"<  {value}  >" if chosen and row.change is not None else value
                blit_text(surface, shown, int(28 * s), colour, midleft=(x_value, rect.centery))
            y += line
        hint = "Up/Down choose  ·  Left/Right change  ·  Enter open  ·  Esc back (saves)"
        blit_text(surface, hint, int(22 * s), (110, 96, 74), center=(w // 2, h - int(20 * s)))
