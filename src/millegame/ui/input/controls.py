"""Keyboard (and, through ``gamepad``, game controllers) → ``Controls``.

Held keys are tracked from KEYDOWN/KEYUP events rather than ``pygame.key.get_pressed``:
that works the same for real keyboards, xdotool and events injected by tests, and the
state is cleared when the window loses focus so no key stays stuck down. The shell
samples ``controls()`` once per frame and holds the result for that frame's ticks.

Bindings come from the settings (``settings.DEFAULT_KEYS``): action → key names as
``pygame.key.name`` spells them. Events a gamepad produced for the menus (they carry
``pad=True``) are not driving input: the pad drives through its own analogue state.
"""

from __future__ import annotations

import warnings

import pygame

from millegame.core.car import Controls
from millegame.ui.input.gamepad import Gamepads
from millegame.ui.settings import DEFAULT_KEYS


def key_codes(names: list[str]) -> frozenset[int]:
    """Key codes of key names; unknown names are skipped."""
    codes = set()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "pygame.init() has not been called": names still resolve
        for name in names:
            try:
                codes.add(pygame.key.key_code(name))
            except (ValueError, pygame.error):
                continue
    return frozenset(codes)


def key_label(name: str) -> str:
    """How a key name is shown to the player: "Up", "W", "Space"."""
    return name.title() if len(name) > 1 else name.upper()


THROTTLE_KEYS = key_codes(DEFAULT_KEYS["throttle"])
BRAKE_KEYS = key_codes(DEFAULT_KEYS["brake"])
LEFT_KEYS = key_codes(DEFAULT_KEYS["left"])
RIGHT_KEYS = key_codes(DEFAULT_KEYS["right"])
HANDBRAKE_KEYS = key_codes(DEFAULT_KEYS["handbrake"])
DRIVING_KEYS = THROTTLE_KEYS | BRAKE_KEYS | LEFT_KEYS | RIGHT_KEYS | HANDBRAKE_KEYS


class KeyboardInput:
    """Bound keys to drive; steering is digital ±1 (the car's steering rack turns the
    wheels at its own finite rate). ``pads``, if given, are merged in: the larger pedal
    wins, and an analogue stick out of its dead zone overrides the keys' steering."""

    def __init__(self, keys: dict[str, list[str]] | None = None, pads: Gamepads | None = None) -> None:
        self.held: set[int] = set()
        self.pads = pads
        self.rebind(keys or DEFAULT_KEYS)

    def rebind(self, keys: dict[str, list[str]]) -> None:
        binding = {**DEFAULT_KEYS, **keys}
        self.bindings: dict[str, frozenset[int]] = {a: key_codes(names) for a, names in binding.items()}

    def is_action(self, event: pygame.event.Event, action: str) -> bool:
        return event.type == pygame.KEYDOWN and event.key in self.bindings.get(action, frozenset())

    def handle(self, event: pygame.event.Event) -> None:
        if getattr(event, "pad", False):
            return
        if event.type == pygame.KEYDOWN:
            self.held.add(event.key)
        elif event.type == pygame.KEYUP:
            self.held.discard(event.key)
        elif event.type in (pygame.WINDOWFOCUSLOST, pygame.WINDOWMINIMIZED):
            self.held.clear()

    def clear(self) -> None:
        self.held.clear()

    def _any(self, action: str) -> bool:
        return not self.held.isdisjoint(self.bindings.get(action, frozenset()))

    def controls(self) -> Controls:
        steer = float(self._any("right")) - float(self._any("left"))
        throttle = float(self._any("throttle"))
        brake = float(self._any("brake"))
        handbrake = float(self._any("handbrake"))
        if self.pads is not None and self.pads.active:
            p = self.pads.state()
            throttle = max(throttle, p.throttle)
            brake = max(brake, p.brake)
            handbrake = max(handbrake, p.handbrake)
            if abs(p.steer) > 0.0:
                steer = p.steer
        return Controls.single(throttle=throttle, brake=brake, steer=steer, handbrake=handbrake)
