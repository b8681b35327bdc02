"""Attract mode: the autopilot drives the stage, car after car, until a key is pressed."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from millegame.core.autopilot import Autopilot
from millegame.core.car import CarParams, Controls
from millegame.core.stage import Stage
from millegame.ui.render.atmosphere import Atmosphere
from millegame.ui.scenes.race_scene import RaceScene

if TYPE_CHECKING:
    from millegame.ui.scenes.base import SceneHost

NEXT_CAR_AFTER_S = 3.0  # after the finish, then the next car starts
MAX_DEMO_S = 150.0  # a car that cannot finish is replaced after this much stage time
EXIT_EVENTS = (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.JOYBUTTONDOWN)


class DemoScene(RaceScene):
    finished_linger_s = NEXT_CAR_AFTER_S
    player_run = False  # no rules, no records, no ghost

    def __init__(
        self, app: SceneHost, stage: Stage, car: CarParams, *, exit_on_key: bool, atmosphere: Atmosphere | None = None
    ) -> None:
        super().__init__(app, stage, car, countdown_s=0.0, atmosphere=atmosphere)
        self.pilot = Autopilot(stage, self.race.params)
        self.exit_on_key = exit_on_key
        self.hud.caption = "DEMO  ·  press any key"
        self.hud.headline = f"{car.name}  ({car.year})"

    @staticmethod
    def create(app: SceneHost, *, exit_on_key: bool) -> DemoScene | None:
        stage = app.session.load_stage_or_report()
        if stage is None:
            return None
        return DemoScene(app, stage, app.session.next_demo_car(), exit_on_key=exit_on_key)

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type in EXIT_EVENTS:
            if self.exit_on_key:
                self.app.quit(0)
            else:
                self.stack.pop()

    def drive(self, frame_controls: Controls) -> Controls:
        # The autopilot is a driver, not an input device: it decides every tick.
        return self.pilot.controls(self.race)

    def update(self, frame_s: float) -> None:
        super().update(frame_s)
        if self.race.time_s > MAX_DEMO_S and not self.race.finished[0]:
            self.on_finished()

    def on_finished(self) -> None:
        nxt = DemoScene(
            self.app, self.stage, self.session.next_demo_car(), exit_on_key=self.exit_on_key, atmosphere=self.atmosphere
        )
        self.stack.replace(nxt)
