"""Playback of a recorded run (``millegame replay FILE``): the replay's controls drive the
car tick by tick under its own rules and assists, exactly as recorded; the player only
watches. Any key (or click, or pad button) leaves: the program in replay mode, back to
the previous screen otherwise."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from millegame.core.car import CarParams, Controls
from millegame.core.replay import Replay
from millegame.core.stage import Stage
from millegame.ui.scenes.race_scene import RaceScene

if TYPE_CHECKING:
    from millegame.ui.scenes.base import SceneHost

EXIT_EVENTS = (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.CONTROLLERBUTTONDOWN, pygame.JOYBUTTONDOWN)
AFTER_END_S = 3.0  # the car rolls on this long after the finish (or the tape's end)


class ReplayScene(RaceScene):
    finished_linger_s = AFTER_END_S
    player_run = False  # no records, no ghost: the replay's own rules come with ``replay``

    def __init__(
        self, app: SceneHost, stage: Stage, car: CarParams, replay: Replay, *, countdown_s: float = 1.0
    ) -> None:
        super().__init__(app, stage, car, countdown_s=countdown_s, replay=replay)
        self.hud.caption = "REPLAY  ·  press any key"
        self.ended_for_s = 0.0

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type in EXIT_EVENTS:
            self.leave()

    def request_respawn(self) -> None:
        pass  # the tape asks for its respawns itself

    def leave(self) -> None:
        if self.app.mode == "replay":
            self.app.quit(0)
        else:
            self.stack.pop()

    def drive(self, frame_controls: Controls) -> Controls:
        """The recorded controls of this tick (and its respawn request); idle after the tape."""
        assert self.replay is not None
        tick = self.race.tick
        if tick < self.replay.ticks and self.replay.controls[tick, 5] > 0.5:
            self.race.request_respawn(0)
        return self.replay.controls_at(tick)

    @property
    def tape_over(self) -> bool:
        assert self.replay is not None
        return self.race.tick >= self.replay.ticks

    def update(self, frame_s: float) -> None:
        super().update(frame_s)
        if self.tape_over and not self.race.finished[0]:  # a run that did not finish
            self.ended_for_s += frame_s
            if self.ended_for_s >= self.finished_linger_s:
                self.on_finished()

    def on_finished(self) -> None:
        self.leave()
