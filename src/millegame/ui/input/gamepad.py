"""Game controllers through SDL's game-controller API, hot-plugged.

``Gamepads.handle`` takes every pygame event: controllers are opened when they are
plugged in (``CONTROLLERDEVICEADDED``) and forgotten when pulled out
(``CONTROLLERDEVICEREMOVED``); axis and button state is tracked from the events
themselves, so a test can inject them without a device. For the menus, the d-pad and
the face buttons are also turned into key presses (``menu_keys``: d-pad → arrows,
A → Enter, B → Backspace, Start → Escape; the left stick flicks like the arrows); those
synthetic events carry ``pad=True`` so the driving input ignores them.

Driving (``state``): the left stick steers (analogue, with a dead zone), the right and
left triggers are throttle and brake, X the handbrake — as the settings map them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pygame

from millegame.ui.settings import DEFAULT_PAD

DEAD_ZONE = 0.12
FLICK = 0.6  # a stick pushed this far counts as a menu arrow
AXIS_NAMES = {
    pygame.CONTROLLER_AXIS_LEFTX: "leftx",
    pygame.CONTROLLER_AXIS_LEFTY: "lefty",
    pygame.CONTROLLER_AXIS_RIGHTX: "rightx",
    pygame.CONTROLLER_AXIS_RIGHTY: "righty",
    pygame.CONTROLLER_AXIS_TRIGGERLEFT: "lefttrigger",
    pygame.CONTROLLER_AXIS_TRIGGERRIGHT: "righttrigger",
}
BUTTON_NAMES = {
    pygame.CONTROLLER_BUTTON_A: "a",
    pygame.CONTROLLER_BUTTON_B: "b",
    pygame.CONTROLLER_BUTTON_X: "x",
    pygame.CONTROLLER_BUTTON_Y: "y",
    pygame.CONTROLLER_BUTTON_BACK: "back",
    pygame.CONTROLLER_BUTTON_GUIDE: "guide",
    pygame.CONTROLLER_BUTTON_START: "start",
    pygame.CONTROLLER_BUTTON_LEFTSTICK: "leftstick",
    pygame.CONTROLLER_BUTTON_RIGHTSTICK: "rightstick",
    pygame.CONTROLLER_BUTTON_LEFTSHOULDER: "leftshoulder",
    pygame.CONTROLLER_BUTTON_RIGHTSHOULDER: "rightshoulder",
    pygame.CONTROLLER_BUTTON_DPAD_UP: "dpup",
    pygame.CONTROLLER_BUTTON_DPAD_DOWN: "dpdown",
    pygame.CONTROLLER_BUTTON_DPAD_LEFT: "dpleft",
    pygame.CONTROLLER_BUTTON_DPAD_RIGHT: "dpright",
}
MENU_BUTTON_KEYS = {
    "dpup": pygame.K_UP,
    "dpdown": pygame.K_DOWN,
    "dpleft": pygame.K_LEFT,
    "dpright": pygame.K_RIGHT,
    "a": pygame.K_RETURN,
    "b": pygame.K_BACKSPACE,
    "start": pygame.K_ESCAPE,
}
TRIGGERS = frozenset({"lefttrigger", "righttrigger"})


@dataclass(frozen=True)
class PadState:
    steer: float = 0.0  # −1 … 1, 0 inside the dead zone
    throttle: float = 0.0
    brake: float = 0.0
    handbrake: float = 0.0


def shape_axis(value: float) -> float:
    """A stick reading −1…1 with the dead zone removed and the rest rescaled."""
    if abs(value) <= DEAD_ZONE:
        return 0.0
    return (abs(value) - DEAD_ZONE) / (1.0 - DEAD_ZONE) * (1.0 if value > 0 else -1.0)


def _key_event(key: int, down: bool) -> pygame.event.Event:
    return pygame.event.Event(
        pygame.KEYDOWN if down else pygame.KEYUP, key=key, mod=0, unicode="", scancode=0, pad=True
    )


class Gamepads:
    def __init__(self, mapping: dict[str, str] | None = None) -> None:
        self.mapping = {**DEFAULT_PAD, **(mapping or {})}
        self.pads: dict[int, object] = {}  # instance id → Controller
        self.names: dict[int, str] = {}
        self.axes: dict[str, float] = {}
        self.buttons: set[str] = set()
        self.ok = False
        self._flicked: dict[str, int] = {}
        self._controller: Any = None
        try:
            from pygame._sdl2 import controller

            controller.init()
            self._controller = controller
            self.ok = True
        except (ImportError, pygame.error, AttributeError):
            self._controller = None

    @property
    def connected(self) -> int:
        return len(self.pads)

    @property
    def active(self) -> bool:
        """Whether a pad is plugged in or has sent input (an injected one, in tests)."""
        return bool(self.pads) or bool(self.axes) or bool(self.buttons)

    def scan(self) -> list[str]:
        """Open the controllers already plugged in at start; returns their names."""
        if self._controller is None:
            return []
        found = []
        try:
            for index in range(self._controller.get_count()):
                if self._controller.is_controller(index):
                    found.append(self._open(index))
        except pygame.error:
            pass
        return [f for f in found if f]

    def _open(self, device_index: int) -> str:
        if self._controller is None:
            return ""
        try:
            pad = self._controller.Controller(device_index)
            joy = pad.as_joystick()
            iid = joy.get_instance_id()
            self.pads[iid] = pad
            self.names[iid] = pad.name or "gamepad"
            return self.names[iid]
        except (pygame.error, AttributeError):
            return ""

    def handle(self, event: pygame.event.Event) -> tuple[str | None, list[pygame.event.Event]]:
        """Track one event. Returns (what happened to the pads — "added: NAME",
        "removed: NAME" or None, key events to hand to the menus)."""
        keys: list[pygame.event.Event] = []
        t = event.type
        if t == pygame.CONTROLLERDEVICEADDED:
            name = self._open(getattr(event, "device_index", 0))
            return (f"added: {name or 'gamepad'}", keys)
        if t == pygame.CONTROLLERDEVICEREMOVED:
            iid = getattr(event, "instance_id", -1)
            name = self.names.pop(iid, "gamepad")
            self.pads.pop(iid, None)
            if not self.pads:
                self.axes.clear()
                self.buttons.clear()
            return (f"removed: {name}", keys)
        if t == pygame.CONTROLLERAXISMOTION:
            axis = AXIS_NAMES.get(event.axis)
            if axis is not None:
                value = max(-1.0, min(1.0, event.value / 32767.0))
                self.axes[axis] = value
                keys.extend(self._flick(axis, value))
        elif t in (pygame.CONTROLLERBUTTONDOWN, pygame.CONTROLLERBUTTONUP):
            button = BUTTON_NAMES.get(event.button)
            if button is not None:
                down = t == pygame.CONTROLLERBUTTONDOWN
                (self.buttons.add if down else self.buttons.discard)(button)
                if button in MENU_BUTTON_KEYS:
                    keys.append(_key_event(MENU_BUTTON_KEYS[button], down))
        return (None, keys)

    def _flick(self, axis: str, value: float) -> list[pygame.event.Event]:
        """The left stick as menu arrows: one press per push past ``FLICK``."""
        if axis not in ("leftx", "lefty"):
            return []
        key = None
        if value > FLICK:
            key = pygame.K_RIGHT if axis == "leftx" else pygame.K_DOWN
        elif value < -FLICK:
            key = pygame.K_LEFT if axis == "leftx" else pygame.K_UP
        held = self._flicked.get(axis)
        out = []
        if held is not None and held != key:
            out.append(_key_event(held, False))
            del self._flicked[axis]
        if key is not None and held != key:
            out.append(_key_event(key, True))
            self._flicked[axis] = key
        return out

    def _value(self, name: str) -> float:
        """An input by its SDL name, 0…1 for buttons and triggers, −1…1 for sticks."""
        if name in BUTTON_NAMES.values():
            return 1.0 if name in self.buttons else 0.0
        v = self.axes.get(name, 0.0)
        return max(0.0, v) if name in TRIGGERS else v

    def state(self) -> PadState:
        m = self.mapping
        steer = shape_axis(self._value(m["steer"]))
        if steer == 0.0:  # the d-pad steers too
            steer = float("dpright" in self.buttons) - float("dpleft" in self.buttons)
        return PadState(
            steer=steer,
            throttle=max(0.0, min(1.0, abs(self._value(m["throttle"])))),
            brake=max(0.0, min(1.0, abs(self._value(m["brake"])))),
            handbrake=max(0.0, min(1.0, self._value(m["handbrake"]))),
        )
