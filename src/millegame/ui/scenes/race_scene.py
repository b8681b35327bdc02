"""The race: the player drives one car over the stage; the HUD times it.

Each frame: sample the keyboard once, run the whole ticks the fixed-step clock owes
(holding those controls), then draw interpolated between the last two ticks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from millegame.core.car import CarParams, Controls
from millegame.core.events import Event
from millegame.core.race import Race
from millegame.core.stage import Stage
from millegame.ui.hud import Hud
from millegame.ui.input import KeyboardInput
from millegame.ui.loop import FixedStep
from millegame.ui.scenes.base import Scene
from millegame.ui.world_view import WorldView, interpolate

if TYPE_CHECKING:
    from millegame.ui.app import App

COUNTDOWN_S = 3.0
VIA_SHOWN_S = 0.8  # "VIA!" stays up this long after the start
RESULTS_AFTER_S = 2.5  # the car rolls on past the line before the results


class RaceScene(Scene):
    """One car on one stage. Subclasses change who drives (``drive``) and what happens
    at the end (``on_finished``)."""

    finished_linger_s = RESULTS_AFTER_S

    def __init__(self, app: App, stage: Stage, car: CarParams, *, countdown_s: float = COUNTDOWN_S) -> None:
        super().__init__(app)
        self.stage = stage
        self.car = car
        self.race = Race(stage, [car])
        self.view = WorldView(stage, (car,), app.size, map_renderer=app.map_renderer)
        self.hud = Hud(self.race)
        self.input = KeyboardInput()
        self.clock = FixedStep(self.race.dt)
        self.alpha = 0.0
        self.countdown_s = countdown_s
        self.finished_for_s: float | None = None
        self.events: list[Event] = []  # everything that happened, for results and tests
        self.view.snap_to(self.race)
        self.view.warm_up()
        app.map_renderer = self.view.map

    # ------------------------------------------------------------------ input
    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            from millegame.ui.scenes.pause import PauseScene

            self.input.clear()
            self.app.push(PauseScene(self.app, self))
            return
        self.input.handle(event)

    def on_resume(self) -> None:
        # No catch-up for the time spent paused, and no key held across the pause.
        self.clock.reset()
        self.input.clear()

    def on_resize(self, w: int, h: int) -> None:
        self.view.resize(w, h)

    # ------------------------------------------------------------------ time
    def drive(self, frame_controls: Controls) -> Controls:
        """Controls for the next tick; the player's are the frame's keyboard sample."""
        return frame_controls

    def update(self, frame_s: float) -> None:
        self.hud.update(frame_s)
        if self.countdown_s > 0.0:
            self.countdown_s -= frame_s
            if self.countdown_s > 0.0:
                self.view.follow(self.race, 1.0, frame_s)
                return
            self.clock.reset()  # the clock starts at "VIA!", not at the scene's start
            frame_s = 0.0
        else:
            self.countdown_s -= frame_s  # keeps counting below 0 to time the "VIA!"
        plan = self.clock.advance(frame_s)
        controls = self.input.controls()  # sampled once per frame, held for its ticks
        for _ in range(plan.ticks):
            events = self.race.step(self.drive(controls))
            if events:
                self.events.extend(events)
                self.hud.on_events(events)
        self.alpha = plan.alpha
        self.view.follow(self.race, self.alpha, frame_s)
        if self.race.finished[0]:
            self.finished_for_s = (self.finished_for_s or 0.0) + frame_s
            if self.finished_for_s >= self.finished_linger_s:
                self.on_finished()

    def on_finished(self) -> None:
        from millegame.ui.scenes.results import ResultsScene

        self.app.replace(ResultsScene(self.app, self.stage, self.car, self.race))

    # ------------------------------------------------------------------ drawing
    def countdown_label_s(self) -> float | None:
        return self.countdown_s if self.countdown_s > -VIA_SHOWN_S else None

    def draw(self, surface: pygame.Surface) -> None:
        self.view.draw(surface, self.race, self.alpha)
        xs, ys, _ = interpolate(self.race.prev_state, self.race.state, self.alpha)
        self.hud.draw(surface, xs, ys, countdown_s=self.countdown_label_s())
