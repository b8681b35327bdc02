"""The rally in the game: ``core.rally.Rally`` kept in the save file under one name
(``GAME_RALLY``), the player driving its stages in route order, and the field of period
crews for each stage generated in a background thread (``session.FieldJob``: never blocking a
frame) and kept in the store, so it is generated once per stage version.

Loading a stage, the field's cache and recording a stage result are ``millegame.session``'s,
shared with ``millegame rally``; this keeps the game's side: the one saved rally, its jobs,
and the stage table shown on the classification screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from millegame import session as workflows
from millegame.core.car import CarParams
from millegame.core.rally import Rally
from millegame.core.result import StageResult
from millegame.core.stage import Stage
from millegame.session import FieldJob

if TYPE_CHECKING:
    from millegame.ui.game_session import GameSession

GAME_RALLY = "game"  # the name of the game's rally in the save file
ENTRANTS = 100


class RallySession:
    """The rally being driven: its state, the saving, the field jobs."""

    def __init__(self, game: GameSession, rally: Rally) -> None:
        self.game = game
        self.rally = rally
        self.jobs: dict[str, FieldJob] = {}
        self.car: CarParams | None = workflows.load_car(rally.car_id, game.cars)

    # ------------------------------------------------------------------ creating, saving
    @staticmethod
    def new(game: GameSession, car: CarParams, rules: str, *, entrants: int = ENTRANTS) -> RallySession:
        session = RallySession(game, workflows.new_rally(GAME_RALLY, car, rules, entrants))
        session.save()
        return session

    @staticmethod
    def saved(game: GameSession) -> Rally | None:
        """The game's saved rally when there is one still to drive."""
        store = game.records.store
        if store is None:
            return None
        try:
            state = store.load_rally(GAME_RALLY)
            rally = Rally.from_dict(state) if state is not None else None
        except Exception:  # a save from another version: not offered
            return None
        return rally if rally is not None and not rally.finished else None

    @staticmethod
    def resume(game: GameSession) -> RallySession | None:
        rally = RallySession.saved(game)
        return None if rally is None else RallySession(game, rally)

    def save(self) -> bool:
        store = self.game.records.store
        if store is None:
            self.game.notify("No save file: this rally cannot be continued later")
            return False
        try:
            store.save_rally(self.rally.name, self.rally.to_dict())
            return True
        except Exception as e:
            self.game.notify(f"Cannot save the rally: {e}")
            return False

    # ------------------------------------------------------------------ stages, the field
    def load_stage(self, stage_id: str) -> Stage:
        return workflows.load_rally_stage(stage_id)

    def field_job(self, stage: Stage, stage_id: str) -> FieldJob:
        """The field job of a stage (started the first time it is asked for)."""
        job = self.jobs.get(stage_id)
        if job is None:
            job = FieldJob(
                self.game.records.store, stage, stage_id, self.rally.rules, self.rally.entrants,
                runner=self.game.field_runner, notify=self.game.notify,
            )  # fmt: skip
            self.jobs[stage_id] = job
        return job

    def finish_stage(self, result: StageResult, rows: list[dict[str, object]]) -> None:
        """The player's result of the next stage and the field's rows: kept, and saved."""
        workflows.finish_rally_stage(self.rally, result, rows)
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
