"""The workflows around the simulation, written once for the CLI, the game and ``millegame.api``.

Loading stages and cars, opening and checking replays, the field's results and their cache in
the save file, keeping a result (and the ghost of a record), and the rally's stages. Each
caller only turns these into its own output: the CLI prints, the game draws, the API returns.
Headless: nothing here imports pygame; the save file is passed in (a ``millegame.store.Store``,
opened by the caller), so each caller keeps its own way of telling a save problem.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from millegame.catalog import CatalogError
from millegame.core.car import CarParams
from millegame.core.replay import Replay, ReplayError, refusal
from millegame.core.result import StageResult
from millegame.core.stage import Stage

if TYPE_CHECKING:
    from millegame.core.rally import Rally
    from millegame.store import Store

FieldRows = list[dict[str, Any]]  # JSON rows (core.field.FieldEntry.to_json)
FieldRunner = Callable[[Stage, str, int], FieldRows]  # (stage, rules, entrants) → the field's rows
FieldKey = tuple[str, str, int, str, int]  # stage id, stage sha256, physics version, rules, entrants
Notify = Callable[[str], None]


class LoadError(Exception):
    """An unknown stage or car id, or a stage file that cannot be used; the message says which
    and how to fix it."""


# ---------------------------------------------------------------------- stages and cars


def load_car(car_id: str, cars: tuple[CarParams, ...] = ()) -> CarParams:
    """A shipped car by id (``cars``, when given, are looked in first: the game's loaded list).
    Raises ``LoadError``."""
    from millegame import catalog

    for c in cars:
        if c.id == car_id:
            return c
    try:
        return catalog.load_car(car_id)
    except CatalogError as e:
        raise LoadError(str(e)) from None


def load_stage(ref: str | os.PathLike[str]) -> Stage:
    """A shipped stage by id, a stage of the player's folder, or any Tiled ``.tmx`` file.
    Raises ``LoadError``."""
    from millegame.catalog import resolve_stage
    from millegame.levels import StageError
    from millegame.levels import load_stage as load_tmx

    try:
        return load_tmx(resolve_stage(os.fspath(ref)))
    except (CatalogError, StageError) as e:
        raise LoadError(str(e)) from None


def stage_path(ref: str) -> Path:
    """The file of a stage id or path (``catalog.resolve_stage``). Raises ``LoadError``."""
    from millegame.catalog import resolve_stage

    try:
        return resolve_stage(ref)
    except CatalogError as e:
        raise LoadError(str(e)) from None


def load_race_stage(path: Path | None = None) -> Stage:
    """The stage a race is driven on in the game: ``path``, or the first shipped stage, with its
    par time (the map's, else computed: the first time a few seconds of autopilot driving, then
    from the cache). Raises ``LoadError``."""
    from millegame.catalog import list_stages
    from millegame.levels.par import with_par

    return with_par(load_stage(path if path is not None else list_stages()[0].path))


def shipped_stage_path(stage_id: str) -> Path | None:
    """The file of the shipped stage ``stage_id``, or None when no shipped stage has that id."""
    from millegame.catalog import list_stages

    return next((s.path for s in list_stages() if s.id == stage_id), None)


# ---------------------------------------------------------------------- replays


class ReplayNotShippedError(ReplayError):
    """A replay recorded on a stage that is not shipped: its file must be given."""

    def __init__(self, message: str, stage_id: str) -> None:
        super().__init__(message)
        self.stage_id = stage_id


class ReplayRefusedError(ReplayError):
    """A replay that cannot be driven on this stage and car (``core.replay.refusal``)."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class OpenedReplay:
    """A replay with the stage and the car it is driven on, checked (``check_replay``)."""

    replay: Replay
    stage: Stage
    car: CarParams


def _named(file: str | os.PathLike[str] | None, message: str) -> str:
    return f"{file}: {message}" if file is not None else message


def find_replay_stage(
    replay: Replay, stage: Stage | str | os.PathLike[str] | None = None, *, file: object = None
) -> Stage:
    """The stage to drive ``replay`` on: ``stage`` (a loaded stage, an id or a .tmx path), else
    the shipped stage of the replay's id. Raises ``ReplayNotShippedError`` or ``LoadError``."""
    if isinstance(stage, Stage):
        return stage
    if stage is None:
        path = shipped_stage_path(replay.stage_id)
        if path is None:
            message = f"recorded on stage {replay.stage_id!r}, which is not shipped"
            raise ReplayNotShippedError(_named(file, message), replay.stage_id)  # type: ignore[arg-type]
        stage = path
    return load_stage(stage)


def check_replay(replay: Replay, stage: Stage, car: CarParams, *, file: object = None) -> None:
    """Raise ``ReplayRefusedError`` when ``replay`` cannot be driven on ``stage`` with ``car`` (another
    version of the stage file, of the physics, another car …); the message names ``file``."""
    reason = refusal(replay, stage, car.id)
    if reason is not None:
        raise ReplayRefusedError(_named(file, reason), reason)  # type: ignore[arg-type]


def open_replay(
    replay: Replay | str | os.PathLike[str],
    stage: Stage | str | os.PathLike[str] | None = None,
    *,
    cars: tuple[CarParams, ...] = (),
) -> OpenedReplay:
    """Read a replay (a file, or one already read), find its stage (``find_replay_stage``) and car,
    and check that it can be driven there. Raises ``ReplayError`` (the file named) or ``LoadError``."""
    file = None
    if not isinstance(replay, Replay):
        file = replay
        replay = Replay.load(Path(replay))
    found = find_replay_stage(replay, stage, file=file)
    car = load_car(replay.car_id, cars)
    check_replay(replay, found, car, file=file)
    return OpenedReplay(replay, found, car)


# ---------------------------------------------------------------------- results and records


def result_row(result: StageResult) -> dict[str, object]:
    """``result`` as the save file keeps it: the keyword arguments of ``Store.add_result`` (and
    of the game's ``Records.record``). A run without rules is kept under Corsa."""
    return dict(
        stage_id=result.stage, car_id=result.car, rules=result.kept_rules, time_s=result.time_s,
        score=result.score, penalty_points=result.penalty_points, stage_sha256=result.stage_sha256,
        splits_s=result.splits_s, detail=result.detail(),
    )  # fmt: skip


def keep_result(store: Store, result: StageResult, replay: Replay | None) -> bool:
    """Keep ``result`` and, when it is a new record, ``replay`` as the ghost (the store keeps
    the faster ghost). Returns whether it is a new record. Raises ``SaveError``."""
    new_record = store.add_result(**result_row(result))  # type: ignore[arg-type]
    if new_record and replay is not None:
        store.save_ghost(replay)
    return new_record


# ---------------------------------------------------------------------- the field


def field_key(stage: Stage, rules: str, entrants: int, stage_id: str | None = None) -> FieldKey:
    """Where the field's results of a stage version are kept (``Store.load_field``): they are
    simulated again for another stage file, physics version, rule set or field size."""
    from millegame.core.version import PHYSICS_VERSION

    return (stage_id or stage.id, stage.source_sha256, PHYSICS_VERSION, rules, entrants)


def simulate_field(stage: Stage, rules: str, entrants: int) -> FieldRows:
    """Simulate the field of ``entrants`` period crews on ``stage`` (seconds, headless)."""
    from millegame.catalog import load_cars
    from millegame.core.field import make_field, run_field

    cars = load_cars()
    return [e.to_json() for e in run_field(stage, make_field(cars, entrants), {c.id: c for c in cars}, rules=rules)]


def field_rows(
    store: Store | None,
    stage: Stage,
    rules: str,
    entrants: int,
    *,
    fresh: bool = False,
    stage_id: str | None = None,
    on_save_error: Notify | None = None,
) -> FieldRows:
    """The field's rows of a stage: kept ones from ``store`` (unless ``fresh``), else simulated
    now and kept. A failing write goes to ``on_save_error`` when given, else raises ``SaveError``."""
    from millegame.store import SaveError

    key = field_key(stage, rules, entrants, stage_id)
    rows = None if (store is None or fresh) else store.load_field(*key)
    if rows is None:
        rows = simulate_field(stage, rules, entrants)
        if store is not None:
            try:
                store.save_field(*key, rows)
            except SaveError as e:
                if on_save_error is None:
                    raise
                on_save_error(str(e))
    return rows


class FieldJob:
    """The field's rows for one stage: from the store at once, else simulated in a thread (a
    frame is never blocked). The store is used on the caller's thread only (``poll``): a sqlite
    connection belongs to the thread that opened it."""

    def __init__(
        self,
        store: Store | None,
        stage: Stage,
        stage_id: str,
        rules: str,
        entrants: int,
        runner: FieldRunner = simulate_field,
        notify: Notify = print,
    ) -> None:
        self.store = store
        self.notify = notify
        self.stage_id = stage_id
        self.key = field_key(stage, rules, entrants, stage_id)
        self.rows: FieldRows | None = None
        self.error: str | None = None
        self._result: FieldRows | None = None
        self._thread: threading.Thread | None = None
        if store is not None:
            try:
                self.rows = store.load_field(*self.key)
            except Exception as e:  # a failing read: simulate it again
                notify(f"Cannot read the field's results: {e}")
        if self.rows is None:

            def work() -> None:
                try:
                    self._result = runner(stage, rules, entrants)
                except Exception as e:  # reported by whoever shows the classification
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
        if self.store is not None:
            try:
                self.store.save_field(*self.key, self.rows)
            except Exception as e:
                self.notify(f"Cannot keep the field's results: {e}")
        return True

    def wait(self, timeout_s: float | None = None) -> bool:
        """Block until done (tests only; the game polls)."""
        if self._thread is not None:
            self._thread.join(timeout_s)
        return self.poll()


# ---------------------------------------------------------------------- the rally


def rally_stage_ids() -> list[str]:
    """The stages a rally drives: the shipped ones, in route order."""
    from millegame.catalog import list_stages

    return [s.id for s in list_stages()]


def new_rally(name: str, car: CarParams, rules: str, entrants: int) -> Rally:
    """A rally over the shipped stages with ``car`` (its start number and class) under ``rules``."""
    from millegame.core.coefficient import classification_of
    from millegame.core.rally import Rally, start_number_of

    return Rally(
        name, car.id, rules, rally_stage_ids(), number=start_number_of(car),
        classification=classification_of(car), entrants=entrants,
    )  # fmt: skip


def load_rally_stage(stage_id: str) -> Stage:
    """A rally's stage by its shipped id. Raises ``LoadError``."""
    path = shipped_stage_path(stage_id)
    if path is None:
        raise LoadError(f"the rally's stage {stage_id!r} is not shipped (any more)")
    return load_stage(path)


def rally_driver(rules: str) -> str:
    """Who drives a rally's stage headless: the regularity driver under Regolarità, else the autopilot."""
    return "regularity" if rules == "regolarita" else "autopilot"


def finish_rally_stage(rally: Rally, result: StageResult, rows: FieldRows) -> None:
    """Record the player's result of the rally's next stage and the field's rows in ``rally``."""
    rally.finish_stage(result.rally_entry(), rows)


def drive_rally_stage(store: Store | None, rally: Rally, car: CarParams | None = None) -> tuple[Stage, StageResult]:
    """Drive the rally's next stage headless (``rally_driver``), classify it against the field
    (kept in ``store``) and record it in ``rally`` (not saved: the caller saves). Raises
    ``LoadError``, ``SaveError``, ``ValueError`` when the rally is over."""
    from millegame.core.runner import drive_stage

    stage_id = rally.next_stage_id
    if stage_id is None:
        raise ValueError("the rally is over")
    stage = load_rally_stage(stage_id)
    car = car if car is not None else load_car(rally.car_id)
    rows = field_rows(store, stage, rally.rules, rally.entrants, stage_id=stage_id)
    run = drive_stage(stage, car, rules=rally.rules, driver=rally_driver(rally.rules))
    finish_rally_stage(rally, run.result, rows)
    return stage, run.result
