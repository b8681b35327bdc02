"""The game session: what the game's scenes ask for, without a window or a scene in it.

The cars, the stage being raced and the rule set chosen, the records and ghosts (the save
file, or memory when it cannot be used), the rally being driven, the proving-ground figures
and the last race's map. Loading, checking and keeping go through ``millegame.session``, the
layer the CLI and the API use too. ``App`` owns one; scenes reach it as ``scene.session``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from millegame import session as workflows
from millegame.core.car import CarParams
from millegame.core.replay import GhostCar, Replay
from millegame.core.result import StageResult
from millegame.core.stage import Stage
from millegame.session import FieldRunner, OpenedReplay
from millegame.ui.rally_session import RallySession
from millegame.ui.records import BestRun, Records

if TYPE_CHECKING:
    from millegame.core.rally import Rally
    from millegame.ui.render.map_levels import MapLevels
    from millegame.ui.road_tests import RoadTests

StageLoader = Callable[[], Stage]
DEMO_FIRST_CAR = "mercedes-300-slr"


def race_stage_loader(stage_path: Path | None) -> StageLoader:
    """Loads ``stage_path``, or the first shipped stage, with its par time (``session.load_race_stage``)."""
    return lambda: workflows.load_race_stage(stage_path)


class GameSession:
    """The game's state and workflows for its scenes. ``notify`` shows a line to the player;
    ``report_load_errors``: a stage that does not load is told (menus) rather than raised
    (``play`` and ``demo`` straight from the command line)."""

    def __init__(
        self,
        *,
        notify: Callable[[str], None],
        cars: Iterable[CarParams] | None = None,
        stage_loader: StageLoader | None = None,
        stage_path: Path | None = None,
        car_id: str | None = None,
        report_load_errors: bool = True,
        field_runner: FieldRunner | None = None,
        road_tests: RoadTests | None = None,
    ) -> None:
        from millegame.catalog import load_cars

        self.notify = notify
        self.report_load_errors = report_load_errors
        self.cars: tuple[CarParams, ...] = tuple(cars) if cars is not None else load_cars()
        self.stage_path = stage_path
        self.stage_loader = stage_loader or race_stage_loader(stage_path)
        self._stage: Stage | None = None
        self.records = Records()  # the save file, opened on first use
        self.rules = "corsa"
        self.rally: RallySession | None = None  # the rally being driven
        self.field_runner: FieldRunner = field_runner or workflows.simulate_field
        self.road_tests = road_tests  # proving-ground figures (None: not measured)
        self.map_levels: MapLevels | None = None  # the last race's map, reused by the next race on its stage
        ids = [c.id for c in self.cars]
        self.selected_car = ids.index(car_id) if car_id in ids else 0
        self._demo_index = ids.index(DEMO_FIRST_CAR) if DEMO_FIRST_CAR in ids else 0

    # ------------------------------------------------------------------ the stage
    @property
    def stage(self) -> Stage:
        """The stage races are driven on (loaded on first use)."""
        if self._stage is None:
            self._stage = self.stage_loader()
        return self._stage

    def load_stage_or_report(self) -> Stage | None:
        """The stage, or None after telling the player why it could not be loaded."""
        try:
            return self.stage
        except Exception as e:
            if not self.report_load_errors:
                raise
            self.notify(f"Cannot load the stage: {e}")
            return None

    def choose_stage(self, path: Path) -> None:
        """Race on another stage from now on (the map's choice)."""
        if path == self.stage_path and self._stage is not None:
            return
        self.stage_path = path
        self.stage_loader = race_stage_loader(path)
        self._stage = None
        self.map_levels = None

    def use_stage(self, stage: Stage, path: Path | None) -> None:
        """Race on ``stage``, already loaded, from now on (a rally's stage, a reloaded file)."""
        self._stage = stage
        self.stage_loader = lambda: stage
        self.stage_path = path
        self.map_levels = None

    # ------------------------------------------------------------------ cars
    def choose_car(self, car: CarParams) -> None:
        if car in self.cars:
            self.selected_car = self.cars.index(car)

    def next_demo_car(self) -> CarParams:
        car = self.cars[self._demo_index % len(self.cars)]
        self._demo_index += 1
        return car

    # ------------------------------------------------------------------ records and ghosts
    def best(self, stage: Stage, car: CarParams, rules: str) -> BestRun | None:
        return self.records.best(stage.id, car.id, rules, stage_sha256=stage.source_sha256)

    def ghost(self, stage: Stage, car: CarParams) -> GhostCar | None:
        """The kept ghost of this stage version and car, checked, or None (told why not)."""
        rep = self.records.ghost(stage.id, car.id, stage_sha256=stage.source_sha256)
        if rep is None:
            return None
        try:
            opened = workflows.open_replay(rep, stage, cars=self.cars)
            return GhostCar(opened.replay, opened.stage, opened.car)
        except Exception as e:  # a bad ghost never stops the race
            reason = e.reason if isinstance(e, workflows.ReplayRefusedError) else e
            self.notify(f"Ghost not shown: {reason}")
            return None

    def keep_result(self, result: StageResult, replay: Replay | None) -> bool:
        """Keep a finished run (and its ghost when it is the record); True for a new record."""
        new_best = self.records.keep(result, replay)
        self.show_record_notices()
        return new_best

    def show_record_notices(self) -> None:
        """Tell what the save file has to say (moved aside, unwritable …)."""
        notices = self.records.take_notices()
        if notices:
            self.notify("  ·  ".join(notices))

    # ------------------------------------------------------------------ replays
    def open_replay(self, replay: Replay) -> OpenedReplay:
        """``replay`` on the current stage, checked. Raises ``ReplayError``."""
        return workflows.open_replay(replay, self.stage, cars=self.cars)

    # ------------------------------------------------------------------ the rally
    def saved_rally(self) -> Rally | None:
        """The game's saved rally when there is one still to drive (not made current)."""
        return RallySession.saved(self)

    def start_rally(self, car: CarParams, rules: str) -> RallySession:
        """A new rally (saved at once, replacing the game's saved one), made current."""
        self.rally = RallySession.new(self, car, rules)
        return self.rally

    def continue_rally(self) -> RallySession | None:
        """The saved rally made current; None when there is none."""
        rally = RallySession.resume(self)
        if rally is None:
            return None
        old = self.rally
        if old is not None and (old.rally.rules, old.rally.entrants) == (rally.rally.rules, rally.rally.entrants):
            rally.jobs = old.jobs  # a field still being generated is not started again
        self.rally = rally
        return rally

    def next_rally_stage(self) -> tuple[RallySession, str, Stage] | None:
        """The current rally's next stage, loaded and made the game's stage, its field's results
        started in the background; None (told why) when there is none or it does not load."""
        rally = self.rally
        stage_id = rally.rally.next_stage_id if rally is not None else None
        if rally is None or stage_id is None or rally.car is None:
            return None
        try:
            stage = rally.load_stage(stage_id)
        except Exception as e:
            self.notify(f"Cannot load the stage {stage_id}: {e}")
            return None
        self.use_stage(stage, None)  # its map is reused by the next race on it
        self.rules = rally.rally.rules
        rally.field_job(stage, stage_id)
        return rally, stage_id, stage
