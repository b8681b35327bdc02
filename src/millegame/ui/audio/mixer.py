"""The mixer, opened if there is an audio device; silence (never an error) if not.

``Audio.open()`` tries to start ``pygame.mixer``; any failure — no device, a broken
driver, ``SDL_AUDIODRIVER`` pointing nowhere — leaves ``Audio.enabled`` False and every
call a no-op, with the reason in ``Audio.problem``. Volumes (0…1) come from the
settings: ``master``, ``engine``, ``effects``.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import pygame

from millegame.ui.audio.synth import RATE, Samples, resample_loop, to_int16

CHANNELS = 48  # the engine's cross-fade bank takes most of them


@dataclass
class Volumes:
    master: float = 0.8
    engine: float = 0.8
    effects: float = 0.9

    def clamp(self) -> Volumes:
        c = lambda v: max(0.0, min(1.0, float(v)))  # noqa: E731
        return Volumes(c(self.master), c(self.engine), c(self.effects))


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Silence the C libraries' stderr for a moment (Python errors still raise)."""
    try:
        fd = sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):
        yield
        return
    try:
        saved = os.dup(fd)
        devnull = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        yield
        return
    try:
        sys.stderr.flush()
        os.dup2(devnull, fd)
        yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)
        os.close(devnull)


class Audio:
    def __init__(self, volumes: Volumes | None = None) -> None:
        self.enabled = False
        self.problem = "not opened"
        self.rate = RATE
        self.channels = 1
        self.volumes = (volumes or Volumes()).clamp()
        self._next_free = 0

    def open(self) -> bool:
        """Start the mixer; returns whether sound is on."""
        try:
            if not pygame.mixer.get_init():
                with _quiet_stderr():  # ALSA prints pages when there is no sound card
                    pygame.mixer.init(frequency=RATE, size=-16, channels=2, buffer=1024)
            init = pygame.mixer.get_init()
            if not init:
                raise pygame.error("the mixer did not start")
            self.rate, _, self.channels = init
            pygame.mixer.set_num_channels(CHANNELS)
            pygame.mixer.set_reserved(CHANNELS - 8)  # the last 8 are for one-shots
        except (pygame.error, NotImplementedError, OSError, ImportError) as e:
            self.enabled = False
            self.problem = f"no sound: {e}"
            return False
        self.enabled = True
        self.problem = ""
        return True

    def close(self) -> None:
        if self.enabled:
            try:
                pygame.mixer.quit()
            except pygame.error:
                pass
        self.enabled = False

    def sound(self, samples: Samples) -> pygame.mixer.Sound | None:
        """A mixer sound from synthesised samples at ``synth.RATE`` (None when silent)."""
        if not self.enabled:
            return None
        try:
            pcm = to_int16(resample_loop(samples, RATE, self.rate), self.channels)
            return pygame.sndarray.make_sound(pcm)
        except (pygame.error, ValueError) as e:
            self.problem = f"sound failed: {e}"
            return None

    def channel(self, index: int) -> pygame.mixer.Channel | None:
        """One of the reserved channels (for loops that run all the time)."""
        if not self.enabled:
            return None
        try:
            return pygame.mixer.Channel(index)
        except (pygame.error, IndexError):
            return None

    def play_once(self, sound: pygame.mixer.Sound | None, volume: float) -> None:
        """A one-shot on a free unreserved channel, at ``volume`` × effects × master."""
        if not self.enabled or sound is None:
            return
        v = max(0.0, min(1.0, volume * self.volumes.effects * self.volumes.master))
        if v <= 0.01:
            return
        try:
            ch = pygame.mixer.find_channel(True)
            if ch is not None:
                ch.set_volume(v)
                ch.play(sound)
        except pygame.error:
            pass
