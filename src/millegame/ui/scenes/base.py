"""The scene interface."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

import pygame

if TYPE_CHECKING:
    from millegame.core.car import CarParams
    from millegame.ui.audio.mixer import Audio
    from millegame.ui.game_session import GameSession
    from millegame.ui.input.gamepad import Gamepads
    from millegame.ui.settings import Settings

CONFIRM_KEYS = frozenset({pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE})
BACK_KEYS = frozenset({pygame.K_ESCAPE, pygame.K_BACKSPACE})
UP_KEYS = frozenset({pygame.K_UP, pygame.K_w})
DOWN_KEYS = frozenset({pygame.K_DOWN, pygame.K_s})
LEFT_KEYS = frozenset({pygame.K_LEFT, pygame.K_a})
RIGHT_KEYS = frozenset({pygame.K_RIGHT, pygame.K_d})


class SceneHost(Protocol):
    """All a scene may use of the app (``ui.app.App`` is one): the game session (``session``:
    cars, stage, rules, records, rally …), the scene stack (``stack``), the devices and the
    window's settings, telling the player something, and the game's moves between screens
    (each asks the session, then puts the scene it needs on the stack)."""

    session: GameSession
    stack: SceneStack
    settings: Settings
    audio: Audio
    pads: Gamepads
    size: tuple[int, int]
    mode: str

    def notify(self, message: str) -> None: ...
    def save_settings(self) -> None: ...
    def quit(self, code: int = 0) -> None: ...
    def to_title(self) -> None: ...
    def start_race(self, car: CarParams) -> None: ...
    def start_rally(self, car: CarParams, rules: str) -> None: ...
    def continue_rally(self) -> bool: ...
    def start_rally_stage(self) -> None: ...


class Scene:
    """Base class: override what you need. ``draw`` must work on any surface (tests draw
    scenes off-screen), at any size. ``session`` and ``stack`` are the app's, for short."""

    def __init__(self, app: SceneHost) -> None:
        self.app = app
        self.session = app.session
        self.stack = app.stack

    def handle_event(self, event: pygame.event.Event) -> None:
        """One pygame event (the app has already taken QUIT, F12, F3 and resizes)."""

    def update(self, frame_s: float) -> None:
        """Advance by one frame of real time [s]."""

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the whole frame."""

    def on_resume(self) -> None:
        """The scene above was popped: this one is on top again."""

    def on_resize(self, w: int, h: int) -> None:
        """The window changed size."""

    def on_exit(self) -> None:
        """The scene left the stack for good (stop its sounds)."""

    def on_pad_removed(self) -> None:
        """The gamepad was pulled out (a race pauses)."""

    def notice_area(self, w: int, h: int) -> pygame.Rect:
        """Where the app writes its notices (the toast), wrapped to the width and ending
        at the bottom: by default a band across the window above the pages' hint line."""
        s = h / 720
        return pygame.Rect(round(24 * s), round(h * 0.55), w - round(48 * s), h - round(h * 0.55) - round(52 * s))

    def fps_anchor(self, w: int, h: int) -> tuple[int, int]:
        """The top-right corner of the F3 frame-time readout: by default in the top right
        corner of the pages' blue header, above its subtitle."""
        s = h / 720
        return (w - round(12 * s), round(6 * s))


class SceneStack:
    """The screens, the top one live: push, pop, replace. ``on_empty`` is called when the last
    scene is popped (the app shows the title again)."""

    def __init__(self, on_empty: Callable[[], None] = lambda: None) -> None:
        self.scenes: list[Scene] = []
        self.on_empty = on_empty

    @property
    def top(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> None:
        self.scenes.append(scene)

    def pop(self) -> None:
        if self.scenes:
            self.scenes.pop().on_exit()
        if not self.scenes:
            self.on_empty()
        elif self.top is not None:
            self.top.on_resume()

    def replace(self, scene: Scene) -> None:
        if self.scenes:
            self.scenes.pop().on_exit()
        self.scenes.append(scene)

    def reset(self, scene: Scene | None = None) -> None:
        """Every scene leaves (last first); ``scene``, when given, is the only one."""
        for old in reversed(self.scenes):
            old.on_exit()
        self.scenes = [scene] if scene is not None else []


class Menu:
    """A vertical list of choices driven by up/down/confirm keys and the mouse."""

    def __init__(self, items: tuple[str, ...], selected: int = 0) -> None:
        self.items = items
        self.selected = selected
        self.rects: list[pygame.Rect] = []  # filled in by whoever draws the menu

    def handle(self, event: pygame.event.Event) -> str | None:
        """The chosen item's label on confirm/click, else None."""
        if event.type == pygame.KEYDOWN:
            if event.key in UP_KEYS:
                self.selected = (self.selected - 1) % len(self.items)
            elif event.key in DOWN_KEYS:
                self.selected = (self.selected + 1) % len(self.items)
            elif event.key in CONFIRM_KEYS:
                return self.items[self.selected]
        elif event.type == pygame.MOUSEMOTION:
            for k, r in enumerate(self.rects):
                if r.collidepoint(event.pos):
                    self.selected = k
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for k, r in enumerate(self.rects):
                if r.collidepoint(event.pos):
                    self.selected = k
                    return self.items[k]
        return None
