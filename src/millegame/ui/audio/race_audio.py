"""What the player hears during a race: the engine, the tyres, the ground, the crowd.

The engine is synthesised as a bank of seamless loops at a ladder of rpm steps, on and off
load (``synth.engine_bank``, 16 steps ≈ 16 % apart: the timbre). What plays is finer: loops
``FINE_RATIO`` (0.5 %) apart in pitch, each resampled from the nearest synthesised loop (a
whole loop resampled stays seamless) when the rpm first reaches it. Four channels play them —
on and off load, each with two leapfrogging voices: the fine steps either side of the rpm,
cross-faded by where the rpm lies between them; a voice is given its next step only when the
rpm has crossed onto the other one, so it changes loops at zero volume, without a click. So
the pitch follows the rpm continuously (cross-fading loops 16 % apart made it rise in steps).
Tyre squeal, gravel, road roar and rain are loops faded by volume; thumps, backfires and
cheers are one-shots.

Crowds: the map's spectator tiles (``tile_kinds.CROWD_KINDS``), grouped in clusters;
a car passing a cluster at speed makes it cheer (louder after a backfire), once per
pass.
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np

from millegame.core.events import Event, GatePassed, StageFinished, WallHit
from millegame.core.race import Race
from millegame.ui.audio import synth
from millegame.ui.audio.mixer import Audio
from millegame.ui.car_signals import CarSignals
from millegame.ui.render.atmosphere import Atmosphere
from millegame.ui.render.car_effects import Backfire
from millegame.ui.render.tile_kinds import CROWD_KINDS, find_tiles

ENGINE_STEPS = 16  # synthesised loops (timbre) from idle to past the redline
FINE_RATIO = 1.005  # pitch ratio between the loops that play: 0.5 % steps
ENGINE_SLOTS = 4  # channels: (on load, off load) × (even, odd fine step)
LOOPS = ("squeal", "gravel", "road", "rain")
CROWD_RADIUS_M = 40.0
CROWD_CLUSTER_M = 60.0
CROWD_REARM_M = 120.0  # a cluster cheers again once the car has been this far away
GRAVEL_SOUNDS = frozenset({"gravel"})


@cache
def _engine_samples(kind: str, idle: float, redline: float):  # type: ignore[no-untyped-def]
    return synth.engine_bank(kind, idle, redline, steps=ENGINE_STEPS)


@cache
def _effect_samples() -> dict[str, synth.Samples]:
    return {
        "squeal": synth.squeal_loop(),
        "gravel": synth.gravel_loop(),
        "road": synth.road_loop(),
        "rain": synth.rain_loop(),
        "thump": synth.thump(),
        "backfire": synth.backfire(),
        "cheer": synth.cheer(),
    }


def pitched_loop(x: synth.Samples, from_rpm: float, to_rpm: float) -> synth.Samples:
    """A seamless loop of an engine at ``from_rpm`` played at ``to_rpm``: the whole loop
    resampled to ``from_rpm / to_rpm`` of its length (so it still wraps without a click)."""
    n = max(2, round(len(x) * from_rpm / to_rpm))
    src = np.arange(n) * (len(x) / n)
    return np.interp(src, np.arange(len(x) + 1), np.concatenate([x, x[:1]])).astype(np.float32)


def crowd_clusters(points: list[tuple[float, float]], radius_m: float = CROWD_CLUSTER_M) -> np.ndarray:
    """Centres (K, 2) of groups of spectator tiles closer than ``radius_m`` to each other."""
    centres: list[list[float]] = []  # running sums: x, y, count
    for x, y in points:
        for c in centres:
            if math.hypot(c[0] / c[2] - x, c[1] / c[2] - y) < radius_m:
                c[0] += x
                c[1] += y
                c[2] += 1
                break
        else:
            centres.append([x, y, 1.0])
    return np.array([[c[0] / c[2], c[1] / c[2]] for c in centres], dtype=np.float64).reshape(-1, 2)


class RaceAudio:
    """The sound of car ``focus`` of a race (the others are not heard yet)."""

    def __init__(self, audio: Audio, race: Race, atmosphere: Atmosphere, focus: int = 0) -> None:
        self.audio = audio
        self.race = race
        self.focus = focus
        self.atmosphere = atmosphere
        car = race.cars[focus]
        self.surface_sounds = [getattr(s, "sound", "tarmac") for s in race.stage.surfaces.surfaces]
        self.crowds = crowd_clusters([(x, y) for x, y, _ in find_tiles(race.stage, CROWD_KINDS)])
        self.armed = np.ones(len(self.crowds), dtype=bool)
        self.engine_channels: list = []
        self.loop_channels: dict[str, object] = {}
        self.one_shots: dict[str, object] = {}
        self.ladder = np.array([1.0])
        self._bank: tuple[list[synth.Samples], list[synth.Samples]] = ([], [])
        self._fine_sounds: dict[tuple[int, int], object] = {}  # (load state, fine step) → sound
        self._slot_step = [-1] * ENGINE_SLOTS  # the fine step each engine channel plays
        self.playing = False
        if not audio.enabled:
            return
        ladder, on, off = _engine_samples(car.engine_kind, float(car.idle_rpm), float(car.redline_rpm))
        self.ladder = ladder
        self._bank = (on, off)
        effects = _effect_samples()
        index = 0
        for _ in range(ENGINE_SLOTS):
            ch = audio.channel(index)
            index += 1
            if ch is not None:
                ch.set_volume(0.0)
                self.engine_channels.append(ch)
        if len(self.engine_channels) != ENGINE_SLOTS:
            self.engine_channels = []  # a partial bank would sound wrong: no engine
        for name in LOOPS:
            ch = audio.channel(index)
            snd = audio.sound(effects[name])
            index += 1
            if ch is not None and snd is not None:
                ch.set_volume(0.0)
                ch.play(snd, loops=-1)
                self.loop_channels[name] = ch
        for name in ("thump", "backfire", "cheer"):
            self.one_shots[name] = audio.sound(effects[name])
        self.playing = True
        self._volumes = np.zeros(ENGINE_SLOTS)

    # ------------------------------------------------------------------ each frame
    def fine_steps(self) -> int:
        """How many fine pitch steps span the ladder."""
        return int(math.floor(math.log(self.ladder[-1] / self.ladder[0]) / math.log(FINE_RATIO))) + 1

    def fine_rpm(self, step: int) -> float:
        """The rpm of fine pitch step ``step``."""
        return float(self.ladder[0] * FINE_RATIO**step)

    def engine_mix(self, rpm: float, load: float) -> tuple[np.ndarray, np.ndarray]:
        """(fine step, volume) of each engine channel (on load even/odd, off load even/odd)
        for ``rpm`` and ``load``: the two fine steps either side of the rpm, cross-faded
        with equal power in log-rpm, and on against off load by ``load``."""
        steps = np.zeros(ENGINE_SLOTS, dtype=np.int64)
        vols = np.zeros(ENGINE_SLOTS)
        last = self.fine_steps() - 1
        pos = math.log(max(rpm, 1.0) / self.ladder[0]) / math.log(FINE_RATIO)
        pos = min(max(pos, 0.0), float(last))
        j = min(int(pos), max(last - 1, 0))
        frac = pos - j
        load = max(0.0, min(1.0, load))
        # quieter off load and at low revs
        rev = 0.55 + 0.45 * pos / max(last, 1)
        for state, w in ((0, load), (1, 1.0 - load)):
            for step, share in ((j, 1.0 - frac), (j + 1, frac)):
                slot = 2 * state + step % 2
                steps[slot] = step
                vols[slot] = math.sqrt(share * w) * (0.55 + 0.45 * load) * rev
        return steps, vols

    def _fine_sound(self, state: int, step: int):  # type: ignore[no-untyped-def]
        """The loop of fine step ``step`` (``state`` 0: on load, 1: off), made on first use:
        the nearest synthesised loop resampled, whole, to that step's pitch."""
        key = (state, step)
        if key not in self._fine_sounds:
            rpm = self.fine_rpm(step)
            k = int(np.argmin(np.abs(np.log(self.ladder / rpm))))
            self._fine_sounds[key] = self.audio.sound(pitched_loop(self._bank[state][k], float(self.ladder[k]), rpm))
        return self._fine_sounds[key]

    def update(self, sig: CarSignals, events: list[Event], backfires: list[Backfire], frame_s: float) -> None:
        if not self.playing:
            return
        i = self.focus
        vol = self.audio.volumes
        master = vol.master
        if self.engine_channels:
            steps, mix = self.engine_mix(float(sig.rpm[i]), float(sig.load[i]))
            mix = mix * vol.engine * master
            for slot, ch in enumerate(self.engine_channels):
                v = float(mix[slot])
                if int(steps[slot]) != self._slot_step[slot] and (v > 0.0 or self._slot_step[slot] < 0):
                    snd = self._fine_sound(slot // 2, int(steps[slot]))
                    if snd is not None:
                        ch.set_volume(0.0)
                        ch.play(snd, loops=-1)
                        self._slot_step[slot] = int(steps[slot])
                        self._volumes[slot] = 0.0
                if abs(v - self._volumes[slot]) > 0.004:
                    ch.set_volume(v)
                    self._volumes[slot] = v
        speed = float(sig.speed_mps[i])
        sound = self.surface_sounds[int(sig.surface[i])] if self.surface_sounds else "tarmac"
        slip = max(float(sig.slip_front[i]), float(sig.slip_rear[i]))
        squeal = 0.0
        if sound in ("tarmac", "cobbles") and speed > 3.0:
            squeal = min(1.0, max(0.0, (slip - 0.9) / 0.5)) * min(1.0, speed / 12.0)
            if sig.lock[i] or sig.handbrake[i] > 0.5:
                squeal = max(squeal, min(1.0, speed / 15.0))
        gravel = min(1.0, speed / 22.0) if sound in GRAVEL_SOUNDS else 0.0
        road = min(1.0, speed / 70.0) * (0.35 if sound != "gravel" else 0.15)
        rain = 0.35 if self.atmosphere.rain else 0.0
        fx = vol.effects * master
        for name, level in (("squeal", squeal * 0.8), ("gravel", gravel * 0.8), ("road", road), ("rain", rain)):
            ch = self.loop_channels.get(name)
            if ch is not None:
                ch.set_volume(level * fx)  # type: ignore[attr-defined]
        # ---- one-shots
        for e in events:
            if e.car != i:
                continue
            if isinstance(e, WallHit):
                self.audio.play_once(self.one_shots.get("thump"), min(1.0, e.impact_speed_mps / 12.0))  # type: ignore[arg-type]
            elif isinstance(e, StageFinished):
                self.audio.play_once(self.one_shots.get("cheer"), 1.0)  # type: ignore[arg-type]
            elif isinstance(e, GatePassed) and self._near_crowd(i, 60.0):
                self.audio.play_once(self.one_shots.get("cheer"), 0.6)  # type: ignore[arg-type]
        fired = False
        for b in backfires:
            if b.car == i:
                self.audio.play_once(self.one_shots.get("backfire"), 0.5 + 0.5 * b.strength)  # type: ignore[arg-type]
                fired = True
        self._crowds(i, speed, fired)

    def _near_crowd(self, i: int, radius: float) -> bool:
        if not len(self.crowds):
            return False
        st = self.race.state
        d = np.hypot(self.crowds[:, 0] - st.x[i], self.crowds[:, 1] - st.y[i])
        return bool((d < radius).any())

    def _crowds(self, i: int, speed: float, backfire: bool) -> None:
        if not len(self.crowds):
            return
        st = self.race.state
        d = np.hypot(self.crowds[:, 0] - st.x[i], self.crowds[:, 1] - st.y[i])
        self.armed |= d > CROWD_REARM_M
        near = d < CROWD_RADIUS_M * (1.6 if backfire else 1.0)
        cheer = np.flatnonzero(near & (self.armed | backfire))
        if cheer.size and (speed > 12.0 or backfire):
            loud = min(1.0, 0.35 + speed / 60.0) * (1.0 if backfire else 0.7)
            self.audio.play_once(self.one_shots.get("cheer"), loud)  # type: ignore[arg-type]
            self.armed[cheer] = False

    def silence(self) -> None:
        """Mute every loop (pause); the next ``update`` brings them back."""
        for ch in (*self.engine_channels, *self.loop_channels.values()):
            ch.set_volume(0.0)  # type: ignore[attr-defined]
        self._volumes = np.zeros(ENGINE_SLOTS)

    def stop(self) -> None:
        """Stop every loop for good (the race is over or left)."""
        for ch in (*self.engine_channels, *self.loop_channels.values()):
            ch.stop()  # type: ignore[attr-defined]
        self.playing = False
