"""A headless keyboard player: the project's measure of "a person on a keyboard can drive this".

It drives like a player on a keyboard would: digital keys only (steer −1/0/+1, throttle and
brake on or off), at most ``DECISIONS_HZ`` decisions a second (each holds its keys until the
next), reacting to what the car did ``REACTION_S`` ago, and backing out when stuck. What it
*wants* comes from the autopilot's control law (the line, the speed for each corner, backing
out) applied to that delayed view; the keys are that wish rounded to on/off, carrying the
rounding error over to the next decision (a player taps a key more often the more turn is
needed), so over a few decisions the keys average the wish.

No randomness, no clock: the same race gives the same keys.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np

from millegame.core.autopilot import Autopilot
from millegame.core.car import Assists, CarState, Controls
from millegame.core.race import Race

REACTION_S = 0.15  # the keys answer what the car did this long ago
DECISIONS_HZ = 10  # key changes per second at most
BRAKE_FROM = 0.3  # the autopilot's brake above this share: press the brake key
PACE = 0.88  # the autopilot's pace the player aims at
KEYBOARD_ASSISTS = Assists(steering=True, pedal_aid=True)  # what the game gives a keyboard by default


@dataclass
class _View:
    """What the autopilot reads of a race: the (delayed) state, the car count and the time step."""

    n: int
    state: CarState
    dt: float


class KeyboardDriver:
    """Drives every car of ``race`` with digital keys; a callable ``race -> Controls``."""

    def __init__(self, race: Race, pace: float = PACE) -> None:
        self.pilot = Autopilot(race.stage, race.params, pace=pace)
        n = race.n
        self.every = max(1, round(1.0 / (DECISIONS_HZ * race.dt)))  # ticks per decision
        self.delay = max(0, round(REACTION_S / race.dt))  # ticks of reaction delay
        self.seen: deque[CarState] = deque(maxlen=self.delay + 1)
        self._view = _View(n, race.state, self.every * race.dt)
        self._carry = np.zeros((3, n))  # rounding error carried to the next decision
        self.keys = Controls.zeros(n)
        self.decisions = 0

    def __call__(self, race: Race) -> Controls:
        self.seen.append(race.state)
        if race.tick % self.every == 0:
            self._decide()
        return self.keys

    def _decide(self) -> None:
        self._view.state = self.seen[0]  # REACTION_S ago (or the oldest state there is)
        wish = self.pilot.controls(self._view)  # type: ignore[arg-type]
        brake = (wish.brake > BRAKE_FROM).astype(np.float64)
        steer, self._carry[0] = _round(wish.steer, self._carry[0])
        throttle, self._carry[1] = _round(np.where(brake > 0, 0.0, wish.throttle), self._carry[1])
        n = len(steer)
        self.keys = Controls(throttle, brake, steer, np.zeros(n))
        self.decisions += 1


def _round(wish: np.ndarray, carry: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Key states (−1, 0, +1) for an analogue wish, carrying the rounding error forward."""
    total = wish + carry
    key = np.clip(np.rint(total), -1.0, 1.0)
    return key, np.clip(total - key, -1.0, 1.0)
