"""Keyboard → ``Controls``.

Held keys are tracked from KEYDOWN/KEYUP events rather than ``pygame.key.get_pressed``:
that works the same for real keyboards, xdotool and events injected by tests, and the
state is cleared when the window loses focus so no key stays stuck down. The shell
samples ``controls()`` once per frame and holds the result for that frame's ticks.
"""

from __future__ import annotations

import pygame

from millegame.core.car import Controls

THROTTLE_KEYS = frozenset({pygame.K_UP, pygame.K_w})
BRAKE_KEYS = frozenset({pygame.K_DOWN, pygame.K_s})
LEFT_KEYS = frozenset({pygame.K_LEFT, pygame.K_a})
RIGHT_KEYS = frozenset({pygame.K_RIGHT, pygame.K_d})
HANDBRAKE_KEYS = frozenset({pygame.K_SPACE})
DRIVING_KEYS = THROTTLE_KEYS | BRAKE_KEYS | LEFT_KEYS | RIGHT_KEYS | HANDBRAKE_KEYS


class KeyboardInput:
    """Arrows or WASD to drive, Space for the handbrake; steering is digital ±1
    (the car's steering rack turns the wheels at its own finite rate)."""

    def __init__(self) -> None:
        self.held: set[int] = set()

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            self.held.add(event.key)
        elif event.type == pygame.KEYUP:
            self.held.discard(event.key)
        elif event.type in (pygame.WINDOWFOCUSLOST, pygame.WINDOWMINIMIZED):
            self.held.clear()

    def clear(self) -> None:
        self.held.clear()

    def _any(self, keys: frozenset[int]) -> bool:
        return not self.held.isdisjoint(keys)

    def controls(self) -> Controls:
        steer = float(self._any(RIGHT_KEYS)) - float(self._any(LEFT_KEYS))
        return Controls.single(
            throttle=float(self._any(THROTTLE_KEYS)),
            brake=float(self._any(BRAKE_KEYS)),
            steer=steer,
            handbrake=float(self._any(HANDBRAKE_KEYS)),
        )
