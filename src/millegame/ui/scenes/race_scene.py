"""The race: the player drives one car over the stage; the HUD times it.

Each frame: sample the keyboard once, run the whole ticks the fixed-step clock owes
(holding those controls), then draw interpolated between the last two ticks.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

import pygame

from millegame.core.car import Assists, CarParams, Controls
from millegame.core.events import Event
from millegame.core.race import Race
from millegame.core.referee import RESPAWN_PENALTY_POINTS, RESPAWN_PENALTY_S
from millegame.core.replay import GhostCar, Replay
from millegame.core.result import StageResult
from millegame.core.runner import ControlTape
from millegame.core.stage import Stage
from millegame.ui.audio.race_audio import RaceAudio
from millegame.ui.car_signals import CarSignals, read_signals
from millegame.ui.fonts import CREAM, INK, blit_text
from millegame.ui.hud.race_hud import Hud, rules_reading
from millegame.ui.input.controls import KeyboardInput, key_label
from millegame.ui.input.gamepad import BUTTON_NAMES
from millegame.ui.loop import FixedStep
from millegame.ui.render.atmosphere import Atmosphere
from millegame.ui.render.car_effects import Backfire
from millegame.ui.render.world_view import WorldView, interpolate
from millegame.ui.scenes.base import Scene

if TYPE_CHECKING:
    from millegame.ui.rally_session import RallySession
    from millegame.ui.scenes.base import SceneHost

COUNTDOWN_S = 3.0
VIA_SHOWN_S = 0.8  # "VIA!" stays up this long after the start
RESULTS_AFTER_S = 2.5  # the car rolls on past the line before the results
HINT_SHOWN_S = 8.0  # the respawn hint stays up this long after the start …
STOPPED_MPS = 0.5  # … and comes back while the car stands still


class RaceScene(Scene):
    """One car on one stage. Subclasses change who drives (``drive``) and what happens
    at the end (``on_finished``).

    The player's run (``player_run``) is raced under the chosen rule set (``session.rules``),
    its controls are recorded tick by tick (``tape``) for the ghost, and the kept ghost
    of the stage and car, if any, drives alongside (``ghost``)."""

    finished_linger_s = RESULTS_AFTER_S
    player_run = True  # False: the demo (no rules, no records, no ghost)
    resumed = False  # play --watch kept the car's place after a reload: not a whole run, never kept

    def __init__(
        self,
        app: SceneHost,
        stage: Stage,
        car: CarParams,
        *,
        countdown_s: float = COUNTDOWN_S,
        atmosphere: Atmosphere | None = None,
        replay: Replay | None = None,
        rally: RallySession | None = None,
        rally_stage_id: str | None = None,
    ) -> None:
        super().__init__(app)
        self.rally = rally  # a stage of the rally: its classification follows the finish
        self.rally_stage_id = rally_stage_id if rally_stage_id is not None else stage.id
        self.stage = stage
        self.car = car
        st = app.settings
        self.replay = replay
        if replay is not None:  # a recorded run: its own rules and assists
            self.rules: str | None = replay.rules
            assists = Assists(**replay.assists)  # type: ignore[arg-type]
        else:
            self.rules = self.session.rules if self.player_run else None
            # The player's assists: ABS and TCS only where the car has them (core ANDs them).
            assists = Assists(abs=st.abs, tcs=st.traction_control, steering=st.steering_assist, pedal_aid=st.pedal_aid)
        self.race = Race(stage, [car], assists=assists, rules=self.rules)
        self.best = self.session.best(stage, car, self.rules or "corsa") if self.player_run else None
        if self.race.referee is not None and self.best is not None:
            self.race.referee.reference_splits_s = tuple(self.best.splits_s)
        self.tape = ControlTape()  # the player's controls, one row per tick, for the ghost
        self._respawn_asked = False  # a respawn was requested before the next tick
        self.ghost: GhostCar | None = None
        if self.player_run and replay is None:
            self.ghost = self.session.ghost(stage, car)  # None (and told why) when none can be shown
        self.atmosphere = atmosphere  # an override of the stage's look (None: the stage's own)
        self.view = WorldView(
            stage,
            (car,),
            app.size,
            map_levels=self.session.map_levels,
            atmosphere=atmosphere,
            zoom=st.zoom,
            ahead_s=st.look_ahead_s,
            heading_up=st.camera == "heading_up",
        )
        self.hud = Hud(
            self.race,
            best=self.best,
            call_ahead_s=st.call_ahead_s,
            pace_notes=st.pace_notes,
            regularity=rules_reading if self.race.referee is not None else None,
        )
        self.sound = RaceAudio(app.audio, self.race, self.view.atmosphere)
        self.input = KeyboardInput(st.keys, app.pads)
        self.clock = FixedStep(self.race.dt)
        self.alpha = 0.0
        self.countdown_s = countdown_s
        self.finished_for_s: float | None = None
        self.events: list[Event] = []  # everything that happened, for results and tests
        self.last_controls = Controls.zeros(1)
        self.signals: CarSignals = read_signals(self.race, self.last_controls)
        self.backfires: list[Backfire] = []
        self.view.snap_to(self.race)
        self.view.warm_up()
        keep_out_of_the_collector()
        self.session.map_levels = self.view.map
        self.session.show_record_notices()

    # ------------------------------------------------------------------ input
    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and (event.key == pygame.K_ESCAPE or self.input.is_action(event, "pause")):
            self.pause()
            return
        if self.input.is_action(event, "respawn") or (
            event.type == pygame.CONTROLLERBUTTONDOWN
            and BUTTON_NAMES.get(event.button) == self.app.pads.mapping.get("respawn")
        ):
            self.request_respawn()
            return
        self.input.handle(event)

    def respawn_hint(self) -> str:
        """The respawn key and what it costs under this race's rules, for the hint line and the pause menu."""
        keys = " / ".join(key_label(k) for k in self.app.settings.keys.get("respawn", [])[:1])
        pad = self.app.pads.mapping.get("respawn")
        keys = f"{keys} (pad {pad.upper()})" if pad else keys
        cost = {"corsa": f" (+{RESPAWN_PENALTY_S:g} s)", "regolarita": f" (+{RESPAWN_PENALTY_POINTS} points)"}
        return f"{keys}  respawn on the road{cost.get(self.rules or '', '')}"

    def request_respawn(self) -> None:
        """The respawn key: back on the road (``Referee.respawn_pose``) at the next tick (not
        before the start, not after the finish)."""
        if self.countdown_s > 0.0 or self.race.finished[0]:
            return
        self.race.request_respawn(0)
        self._respawn_asked = True

    def pause(self, message: str = "") -> None:
        from millegame.ui.scenes.pause import PauseScene

        self.input.clear()
        self.sound.silence()
        self.stack.push(PauseScene(self.app, self, message=message))

    def on_pad_removed(self) -> None:
        self.pause("Gamepad disconnected: plug it back in, or drive on with the keyboard")

    def on_resume(self) -> None:
        # No catch-up for the time spent paused, and no key held across the pause.
        self.clock.reset()
        self.input.clear()

    def on_exit(self) -> None:
        self.sound.stop()

    def on_resize(self, w: int, h: int) -> None:
        self.view.resize(w, h)

    def notice_area(self, w: int, h: int) -> pygame.Rect:
        return self.hud.notice_area(w, h)

    def fps_anchor(self, w: int, h: int) -> tuple[int, int]:
        return self.hud.fps_anchor(w, h)

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
        frame_events: list[Event] = []
        for _ in range(plan.ticks):
            applied = self.drive(controls)
            self.last_controls = applied
            if not self.race.finished[0]:
                self.tape.append(applied, respawn=self._respawn_asked)
            self._respawn_asked = False
            if self.ghost is not None and not self.ghost.done:
                self.ghost.step()
            events = self.race.step(applied)
            if events:
                frame_events.extend(events)
        if frame_events:
            self.events.extend(frame_events)
            self.hud.on_events(frame_events)
        self.alpha = plan.alpha
        self.view.follow(self.race, self.alpha, frame_s)
        self.signals = read_signals(self.race, self.last_controls)
        self.backfires = self.view.update_effects(self.race, self.signals, frame_s) if plan.ticks else []
        self.sound.update(self.signals, frame_events, self.backfires, frame_s)
        if self.race.finished[0]:
            self.finished_for_s = (self.finished_for_s or 0.0) + frame_s
            if self.finished_for_s >= self.finished_linger_s:
                self.on_finished()

    def result(self) -> StageResult:
        """The player's result of the stage, as the race's referee made it."""
        return StageResult.of(self.race, 0)

    def on_finished(self) -> None:
        from millegame.ui.scenes.results import ResultsScene

        new_best = self.save_run()
        if self.rally is not None:
            from millegame.ui.scenes.classification import ClassificationScene

            scene = ClassificationScene(self.app, self.rally, self.stage, self.rally_stage_id, self.result())
            self.stack.replace(scene)
            return
        self.stack.replace(ResultsScene(self.app, self.stage, self.car, self.result(), new_best=new_best))

    def save_run(self) -> bool:
        """Keep the finished run in the save file, and its ghost when it is a best;
        returns whether it is a new best."""
        race = self.race
        if not race.finished[0] or self.resumed:
            return False
        result = self.result()
        replay = Replay.of(self.stage, self.car, self.tape, result.finish_tick, rules=self.rules, assists=race.assists)
        return self.session.keep_result(result, replay)

    # ------------------------------------------------------------------ drawing
    def countdown_label_s(self) -> float | None:
        return self.countdown_s if self.countdown_s > -VIA_SHOWN_S else None

    def draw(self, surface: pygame.Surface) -> None:
        g = self.ghost
        if g is not None and not g.done:
            gx, gy, gh = interpolate(g.prev_state, g.state, self.alpha)
            self.view.ghost = (float(gx[0]), float(gy[0]), float(gh[0]))
        else:
            self.view.ghost = None
        self.view.draw(surface, self.race, self.alpha)
        xs, ys, _ = interpolate(self.race.prev_state, self.race.state, self.alpha)
        self.hud.draw(surface, xs, ys, countdown_s=self.countdown_label_s(), camera=self.view.camera)
        race = self.race
        stopped = race.tick > 0 and race.state.speed_mps[0] < STOPPED_MPS and not race.finished[0]
        if self.player_run and (race.time_s < HINT_SHOWN_S or stopped):
            w, h = surface.get_size()
            blit_text(
                surface, f"{self.respawn_hint()}   ·   Esc  pause", max(16, h // 36), CREAM, shadow=INK,
                midbottom=(w // 2, h - h // 7),
            )  # fmt: skip


def keep_out_of_the_collector() -> None:
    """Collect once now (behind the loading screen) and move everything alive — the
    stage, its art, the baked chunks — out of the cyclic garbage collector's reach
    (``gc.freeze``), so it scans only what the race makes while it runs. A full pass
    over the ~108,000 objects the prologue loads took 76 ms: rare in a race (a frame
    makes few objects that live), but a visible stall when it comes. Refcounting still
    frees a frozen object nobody holds, and the next race's call unfreezes them first,
    so a cycle among them is collected then."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
