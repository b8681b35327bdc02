"""A headless keyboard player: the project's measure of "a person on a keyboard can drive this".

It drives like a player on a keyboard would: digital keys only (steer −1/0/+1, throttle and
brake on or off), at most ``DECISIONS_HZ`` decisions a second (each holds its keys until the
next), reacting to what the car did ``REACTION_S`` ago, and backing out when stuck. What it
*wants* comes from the autopilot's control law (the line, the speed for each corner, backing
out) applied to that delayed view. The steering and throttle keys are that wish rounded to
on/off, carrying the rounding error over to the next decision (a player taps a key more often
the more turn is needed), so over a few decisions the keys average the wish; a steering key
changes only once the wish passes half a key by a margin (hysteresis), so a hair's difference
in the car's state does not flip it. The brake is pressed once the wish is clear and held until
the car is slow enough. Starts a few centimetres apart give the same finishes within about a
second (``keyboard_from_perturbed_starts``, ``benchmarks/keyboard.py --perturb``).

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
BRAKE_PRESS, BRAKE_RELEASE = 0.2, 0.05  # the brake key goes down over this wish, up under that
KEY_HYSTERESIS = 0.15  # a steering key changes once the wish passes half a key by this much
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
        self._carry = np.zeros((2, n))  # rounding error carried to the next decision: steering, throttle
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
        # The brake is a decision, not a rhythm: pressed once the wish is clear, held until
        # the car is slow enough (pulsing it at ten a second brakes at half the rate planned,
        # late, and how late hangs on which tick the pulses fall).
        held = self.keys.brake > 0
        brake = np.where(wish.brake > np.where(held, BRAKE_RELEASE, BRAKE_PRESS), 1.0, 0.0)
        # Steering while braking hard is safe now: the steering assist keeps the yaw within
        # what the tyres the brakes leave can hold (the player halved its steering above
        # 108 km/h under braking before; that ran wide where this turns in).
        steer, self._carry[0] = _round(wish.steer, self._carry[0], self.keys.steer, KEY_HYSTERESIS)
        throttle, self._carry[1] = _round(np.where(brake > 0, 0.0, wish.throttle), self._carry[1])
        n = len(steer)
        self.keys = Controls(throttle, brake, steer, np.zeros(n))
        self.decisions += 1


def _round(
    wish: np.ndarray, carry: np.ndarray, held: np.ndarray | None = None, hysteresis: float = 0.0
) -> tuple[np.ndarray, np.ndarray]:
    """Key states (−1, 0, +1) for an analogue wish, carrying the rounding error forward.

    With ``held`` (the keys down now) a key is pressed once the wish plus the carried error
    passes 0.5 + ``hysteresis`` and let go once it falls under 0.5 − ``hysteresis``: a hair's
    difference about 0.5 no longer flips the key, so near-identical runs press near-identical
    keys. The carried error still makes the keys average the wish.
    """
    total = wish + carry
    key = np.clip(np.rint(total), -1.0, 1.0)
    if held is not None and hysteresis > 0.0:
        up = 0.5 + hysteresis
        down = 0.5 - hysteresis
        key = np.where(held > 0, np.where(total > down, 1.0, np.where(total < -up, -1.0, 0.0)), key)
        key = np.where(held < 0, np.where(total < -down, -1.0, np.where(total > up, 1.0, 0.0)), key)
        key = np.where(held == 0, np.where(total > up, 1.0, np.where(total < -up, -1.0, 0.0)), key)
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


@dataclass(frozen=True)
class PerturbedRun:
    """One car's stage driven by the keyboard player from a start moved sideways."""

    car: str
    offset_m: float  # sideways from the start point, to the car's right [m]
    keyboard_s: float | None  # penalties included (None: did not finish)
    wall_hits: int
    respawns: int


def keyboard_from_perturbed_starts(
    stage: Stage, cars: list[CarParams], offsets_m: list[float], max_time_s: float = 900.0
) -> list[PerturbedRun]:
    """Drive every car over ``stage`` with the keyboard player once per start offset (the
    car moved ``offset_m`` sideways, a few centimetres: a player never starts on the same
    millimetre twice), all in one race. A robust player's finishes and times barely move."""
    lineup = [c for c in cars for _ in offsets_m]
    off = np.tile(np.asarray(offsets_m, dtype=np.float64), len(cars))
    th = stage.start_heading
    # The car's right in the world frame (y down, heading from +x towards +y).
    x = stage.start_xy[0] - np.sin(th) * off
    y = stage.start_xy[1] + np.cos(th) * off
    race = Race(
        stage, lineup, rules="corsa", assists=KEYBOARD_ASSISTS, state=CarState.at_rest(x, y, np.full(len(lineup), th))
    )
    player = KeyboardDriver(race)
    hits = np.zeros(race.n, dtype=np.int64)
    max_ticks = round(max_time_s / race.dt)
    while not race.all_finished and race.tick < max_ticks:
        racing = ~race.finished
        for e in race.step(player(race)):
            if isinstance(e, WallHit) and racing[e.car]:
                hits[e.car] += 1
    assert race.referee is not None
    total = race.finish_tick * race.dt + race.referee.penalty_s
    return [
        PerturbedRun(
            car=lineup[i].id,
            offset_m=float(off[i]),
            keyboard_s=float(total[i]) if race.finished[i] else None,
            wall_hits=int(hits[i]),
            respawns=int(race.referee.respawns[i]),
        )
        for i in range(race.n)
    ]
