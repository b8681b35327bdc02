"""The rally in the game: ``core.rally.Rally`` kept in the save file under one name
(``GAME_RALLY``), the player driving its stages in route order, and the field of period
crews for each stage generated in a background thread (never blocking a frame) and kept
in the store (``Store.save_field``), so it is generated once per stage version.

The sqlite connection belongs to the main thread: the thread only simulates
(``core.field.run_field``); loading and saving rows happen on the main thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from millegame.core.car import CarParams
from millegame.core.rally import (
    Rally,
    start_number_of,
)
from millegame.core.stage import Stage

if TYPE_CHECKING:
    from millegame.ui.app import App

GAME_RALLY = "game"  # the name of the game's rally in the save file
ENTRANTS = 100

FieldRunner = Callable[[Stage, str, int], list[dict[str, object]]]


def run_field_rows(stage: Stage, rules: str, entrants: int) -> list[dict[str, object]]:
    """Simulate the field of ``entrants`` period crews on ``stage`` (seconds, headless)."""
    from millegame.catalog import load_cars
    from millegame.core.field import make_field, run_field

    cars = load_cars()
    return [e.to_json() for e in run_field(stage, make_field(cars, entrants), {c.id: c for c in cars}, rules=rules)]


def rally_stage_ids() -> list[str]:
    from millegame.catalog import list_stages

    return [s.id for s in list_stages()]


def load_rally_stage(stage_id: str) -> Stage:
    from millegame.catalog import list_stages
    from millegame.levels import load_stage

    path = next(s.path for s in list_stages() if s.id == stage_id)
    return load_stage(path)


class FieldJob:
    """The field's rows for one stage: from the store at once, else simulated in a thread."""

    def __init__(self, app: App, stage: Stage, stage_id: str, rules: str, entrants: int, runner: FieldRunner) -> None:
        from millegame.core.version import PHYSICS_VERSION

        self.app = app
        self.stage_id = stage_id
        self.key = (stage_id, stage.source_sha256, PHYSICS_VERSION, rules, entrants)
        self.rows: list[dict[str, object]] | None = None
        self.error: str | None = None
        self._result: list[dict[str, object]] | None = None
        self._thread: threading.Thread | None = None
        store = app.bests.store
        if store is not None:
            try:
                self.rows = store.load_field(*self.key)
            except Exception as e:  # a failing read: simulate it again
                app.notify(f"Cannot read the field's results: {e}")
        if self.rows is None:

            def work() -> None:
                try:
                    self._result = runner(stage, rules, entrants)
                except Exception as e:  # reported on the classification screen
                    self.error = f"{type(e).__name__}: {e}"

            self._thread = threading.Thread(target=work, name=f"field-{stage_id}", daemon=True)
            self._thread.start()

    def poll(self) -> bool:
        """True once the rows are ready (keeps them in the store the first time)."""
        if self.rows is not None:
            return True
        if self._thread is None or self._thread.is_alive() or self._result is None:
            return False
        self.rows = self._result
        store = self.app.bests.store
        if store is not None:
            try:
                store.save_field(*self.key, self.rows)  # type: ignore[arg-type]
            except Exception as e:
                self.app.notify(f"Cannot keep the field's results: {e}")
        return True

    def wait(self, timeout_s: float | None = None) -> bool:
        """Block until done (tests only; the game polls)."""
        if self._thread is not None:
            self._thread.join(timeout_s)
        return self.poll()


class RallySession:
    """The rally being driven: its state, the saving, the field jobs."""

    def __init__(self, app: App, rally: Rally, *, runner: FieldRunner | None = None) -> None:
        self.app = app
        self.rally = rally
        self.runner: FieldRunner = runner or run_field_rows
        self.stage_loader: Callable[[str], Stage] = load_rally_stage
        self.jobs: dict[str, FieldJob] = {}
        self.car = next((c for c in app.cars if c.id == rally.car_id), None)
        if self.car is None:
            from millegame.catalog import load_car

            self.car = load_car(rally.car_id)

    # ------------------------------------------------------------------ creating, saving
    @staticmethod
    def new(app: App, car: CarParams, rules: str, *, entrants: int = ENTRANTS) -> RallySession:
        from millegame.core.coefficient import classification_of

        rally = Rally(
            GAME_RALLY, car.id, rules, rally_stage_ids(), number=start_number_of(car),
            classification=classification_of(car), entrants=entrants,
        )  # fmt: skip
        session = RallySession(app, rally, runner=getattr(app, "field_runner", None))
        session.save()
        return session

    @staticmethod
    def saved(app: App) -> Rally | None:
        """The game's saved rally when there is one still to drive."""
        store = app.bests.store
        if store is None:
            return None
        try:
            state = store.load_rally(GAME_RALLY)
            rally = Rally.from_dict(state) if state is not None else None
        except Exception:  # a save from another version: not offered
            return None
        return rally if rally is not None and not rally.finished else None

    @staticmethod
    def resume(app: App) -> RallySession | None:
        rally = RallySession.saved(app)
        return None if rally is None else RallySession(app, rally, runner=getattr(app, "field_runner", None))

    def save(self) -> bool:
        store = self.app.bests.store
        if store is None:
            self.app.notify("No save file: this rally cannot be continued later")
            return False
        try:
            store.save_rally(self.rally.name, self.rally.to_dict())
            return True
        except Exception as e:
            self.app.notify(f"Cannot save the rally: {e}")
            return False

    # ------------------------------------------------------------------ stages, the field
    def load_stage(self, stage_id: str) -> Stage:
        return self.stage_loader(stage_id)

    def field_job(self, stage: Stage, stage_id: str) -> FieldJob:
        """The field job of a stage (started the first time it is asked for)."""
        job = self.jobs.get(stage_id)
        if job is None:
            job = FieldJob(self.app, stage, stage_id, self.rally.rules, self.rally.entrants, self.runner)
            self.jobs[stage_id] = job
        return job

    def finish_stage(self, result: dict[str, object], rows: list[dict[str, object]]) -> None:
        """The player's result of the next stage and the field's rows: kept, and saved."""
        self.rally.finish_stage(result, rows)
        self.save()

    def stage_table(self, stage_id: str) -> list[dict[str, object]]:
        """A stage's classification with the player in it, ranked within each class."""
        from millegame.core.field import classify

        rally = self.rally
        res = rally.results.get(stage_id, {})
        me = {
            "number": rally.number, "crew": rally.crew, "car": self.car.name if self.car else rally.car_id,
            "car_class": "", "classification": rally.classification, "time_s": res.get("time_s"),
            "penalty_s": float(res.get("penalty_s", 0.0) or 0.0),  # type: ignore[arg-type]
            "penalty_points": int(res.get("penalty_points", 0) or 0),  # type: ignore[call-overload]
            "coefficient": float(res.get("coefficient", 1.0) or 1.0),  # type: ignore[arg-type]
            "score": res.get("score"),
        }  # fmt: skip
        keys = ("number", "crew", "car", "car_class", "classification", "time_s", "penalty_s",
                "penalty_points", "coefficient", "score")  # fmt: skip
        rows = [{k: r.get(k) for k in keys} for r in rally.fields.get(stage_id, [])]
        out = []
        for e in classify([me, *rows], rally.rules):
            d = e.to_json()
            d["player"] = e.number == rally.number and e.crew == rally.crew
            out.append(d)
        return out
