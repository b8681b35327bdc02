"""What the player hears during a race: the engine, the tyres, the ground, the crowd.

The engine is a bank of seamless loops at a ladder of rpm steps, on and off load
(``synth.engine_bank``). They all play all the time on reserved channels; each frame
only their volumes change, cross-fading between the two steps either side of the rpm
and between on- and off-load by the throttle — so there is never a click of a loop
restarting. Tyre squeal, gravel, road roar and rain are loops faded the same way;
thumps, backfires and cheers are one-shots.

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
from millegame.ui import synth
from millegame.ui.atmosphere import Atmosphere
from millegame.ui.audio import Audio
from millegame.ui.car_effects import Backfire
from millegame.ui.car_signals import CarSignals
from millegame.ui.tile_kinds import CROWD_KINDS, find_tiles

ENGINE_STEPS = 16
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
        self.playing = False
        if not audio.enabled:
            return
        ladder, on, off = _engine_samples(car.engine_kind, float(car.idle_rpm), float(car.redline_rpm))
        self.ladder = ladder
        effects = _effect_samples()
        index = 0
        for loop in (*on, *off):
            ch = audio.channel(index)
            snd = audio.sound(loop)
            index += 1
            if ch is not None and snd is not None:
                ch.set_volume(0.0)
                ch.play(snd, loops=-1)
                self.engine_channels.append(ch)
        if len(self.engine_channels) != 2 * len(ladder):
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
        self._volumes = np.zeros(len(self.engine_channels))

    # ------------------------------------------------------------------ each frame
    def engine_mix(self, rpm: float, load: float) -> np.ndarray:
        """Volumes of the engine bank (on-load loops, then off-load) for ``rpm`` and ``load``."""
        n = len(self.ladder)
        out = np.zeros(2 * n)
        if n == 0:
            return out
        lr = np.log(np.clip(rpm, self.ladder[0], self.ladder[-1]))
        pos = float(np.interp(lr, np.log(self.ladder), np.arange(n)))
        k = min(int(pos), n - 1)
        frac = pos - k
        k1 = min(k + 1, n - 1)
        load = max(0.0, min(1.0, load))
        for base, w in ((0, load), (n, 1.0 - load)):
            out[base + k] += (1.0 - frac) * w
            out[base + k1] += frac * w
        # equal-power cross-fade, quieter off load and at low revs
        loud = 0.55 + 0.45 * load
        rev = 0.55 + 0.45 * (pos / max(n - 1, 1))
        return np.sqrt(out) * loud * rev

    def update(self, sig: CarSignals, events: list[Event], backfires: list[Backfire], frame_s: float) -> None:
        if not self.playing:
            return
        i = self.focus
        vol = self.audio.volumes
        master = vol.master
        if self.engine_channels:
            mix = self.engine_mix(float(sig.rpm[i]), float(sig.load[i])) * vol.engine * master
            for ch, v, old in zip(self.engine_channels, mix, self._volumes, strict=True):
                if abs(v - old) > 0.004:
                    ch.set_volume(float(v))
            self._volumes = mix
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
        self._volumes = np.zeros(len(self.engine_channels))

    def stop(self) -> None:
        """Stop every loop for good (the race is over or left)."""
        for ch in (*self.engine_channels, *self.loop_channels.values()):
            ch.stop()  # type: ignore[attr-defined]
        self.playing = False
