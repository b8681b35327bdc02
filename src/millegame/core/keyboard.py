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
from millegame.core.car import Assists, CarArrays, CarParams, CarState, Controls
from millegame.core.events import WallHit
from millegame.core.race import Race
from millegame.core.stage import Stage

REACTION_S = 0.15  # the keys answer what the car did this long ago
DECISIONS_HZ = 10  # key changes per second at most
PACE = 0.8  # share of the grip the player dares to use in corners (the autopilot: 0.88)
BRAKE_SHARE = 0.4  # of the grip planned for braking (the autopilot: 0.75)
STRAIGHT_BRAKING_MPS = 30.0  # above 108 km/h the player brakes before turning, not while
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
        # The player presses the throttle when the car should go faster; the keyboard pedal
        # aid (KEYBOARD_ASSISTS), not the foot, keeps it within the tyres' grip.
        # It brakes earlier than the autopilot: on/off keys 0.15 s late cannot hold a car on
        # the edge of its grip from high speed.
        self.pilot = Autopilot(race.stage, race.params, pace=pace, traction_limit=False, brake_share=BRAKE_SHARE)
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
        brake, self._carry[2] = _round(wish.brake, self._carry[2])
        # Braking hard at speed, a player keeps the car straight and turns after: half the
        # steering it wants (a full lock with full brakes at 150 km/h spins a 1950s car).
        st = self._view.state
        fast = np.hypot(st.vx, st.vy) > STRAIGHT_BRAKING_MPS
        steer, self._carry[0] = _round(np.where(fast & (brake > 0), 0.5 * wish.steer, wish.steer), self._carry[0])
        throttle, self._carry[1] = _round(np.where(brake > 0, 0.0, wish.throttle), self._carry[1])
        n = len(steer)
        self.keys = Controls(throttle, brake, steer, np.zeros(n))
        self.decisions += 1


def _round(wish: np.ndarray, carry: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Key states (−1, 0, +1) for an analogue wish, carrying the rounding error forward."""
    total = wish + carry
    key = np.clip(np.rint(total), -1.0, 1.0)
    return key, np.clip(total - key, -1.0, 1.0)


@dataclass(frozen=True)
class KeyboardRun:
    """One car's stage driven by the keyboard player, beside the autopilot's time."""

    stage: str
    car: str
    autopilot_s: float | None  # the autopilot's stage time (None: it did not finish)
    keyboard_s: float | None  # the keyboard player's, penalties included (None: did not finish)
    wall_hits: int  # the keyboard player's
    respawns: int  # the keyboard player's

    @property
    def ratio(self) -> float | None:
        if self.autopilot_s is None or self.keyboard_s is None:
            return None
        return self.keyboard_s / self.autopilot_s


def keyboard_against_autopilot(stage: Stage, cars: list[CarParams], max_time_s: float = 900.0) -> list[KeyboardRun]:
    """Drive every car over ``stage`` twice under the corsa rules — by the autopilot (its own
    assists: as the car came) and by the keyboard player (``KEYBOARD_ASSISTS``) — all in one
    race (cars never interact, so each result equals a run of its own, bit for bit)."""
    n = len(cars)
    lineup = list(cars) + list(cars)
    race = Race(stage, lineup, rules="corsa")
    # Each half of the field gets its own assists: the race's parameter rows are restacked
    # (Race takes one set of assists for all its cars).
    auto = CarArrays.stack(cars)
    keys = CarArrays.stack(cars, KEYBOARD_ASSISTS)
    race.params = CarArrays(
        np.concatenate([auto.table, keys.table]),
        np.concatenate([auto.torque_rpm, keys.torque_rpm]),
        np.concatenate([auto.torque_nm, keys.torque_nm]),
        np.concatenate([auto.gear_ratios, keys.gear_ratios]),
    )
    pilot = Autopilot(stage, race.params)
    player = KeyboardDriver(race)
    hits = np.zeros(2 * n, dtype=np.int64)
    first = np.arange(2 * n) < n
    max_ticks = round(max_time_s / race.dt)
    while not race.all_finished and race.tick < max_ticks:
        a, k = pilot.controls(race), player(race)
        controls = Controls(*(np.where(first, x, y) for x, y in zip(a.arrays(), k.arrays(), strict=True)))
        racing = ~race.finished  # a car that finished rolls on; its hits no longer count
        for e in race.step(controls):
            if isinstance(e, WallHit) and racing[e.car]:
                hits[e.car] += 1
    assert race.referee is not None
    total = race.finish_tick * race.dt + race.referee.penalty_s
    done = race.finished
    return [
        KeyboardRun(
            stage=stage.id,
            car=cars[i].id,
            autopilot_s=float(race.finish_tick[i] * race.dt) if done[i] else None,
            keyboard_s=float(total[n + i]) if done[n + i] else None,
            wall_hits=int(hits[n + i]),
            respawns=int(race.referee.respawns[n + i]),
        )
        for i in range(n)
    ]
