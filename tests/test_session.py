"""The session layer (``millegame.session``): one typed result kept the same way by the game and
by ``millegame sim --save``, a replay's stage found and checked once, ``play`` loading its
stage once."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("MILLEGAME_CONFIG_DIR", tempfile.mkdtemp(prefix="millegame-cfg-"))

import pytest

from millegame import cli, session
from millegame.core.replay import Replay
from millegame.core.result import StageResult, corsa_score
from millegame.core.runner import drive_stage
from millegame.levels.starter import write_starter

CAR = "alfa-6c-1750"


@pytest.fixture(scope="module")
def starter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The new-stage starter: a short road that the autopilot drives in seconds."""
    return write_starter(tmp_path_factory.mktemp("stage") / "starter.tmx").stage


def kept_rows(data_dir: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """The results (history) and the records of a save file, without ids and clock times."""
    with sqlite3.connect(data_dir / "millegame.db") as db:
        results = db.execute(
            "SELECT stage_id, stage_sha256, car_id, rules, time_s, score, penalty_points, detail FROM results"
        ).fetchall()
        records = db.execute(
            "SELECT stage_id, stage_sha256, car_id, rules, time_s, score, penalty_points, splits FROM records"
        ).fetchall()
    return results, records


def test_the_game_and_sim_save_keep_the_same_numbers_for_the_same_run(
    starter: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The autopilot's run, kept by ``sim --save``, then driven again with the same controls in
    the game's race scene and kept from there: the same rows in both save files."""
    import pygame

    from millegame.ui.app import App
    from millegame.ui.scenes.race_scene import RaceScene
    from millegame.ui.settings import Settings

    by_sim, by_game = tmp_path / "sim", tmp_path / "game"
    monkeypatch.setenv("MILLEGAME_DATA_DIR", str(by_sim))
    rec = tmp_path / "run.npz"
    args = ["sim", str(starter), "--car", CAR, "--rules", "corsa", "--save", "--record", str(rec), "--json"]
    assert cli.main(args) == cli.EXIT_OK
    replay = Replay.load(rec)

    monkeypatch.setenv("MILLEGAME_DATA_DIR", str(by_game))
    pygame.display.init()
    pygame.font.init()
    stage = session.load_stage(starter)
    # the game's aids as the recording's (core.car.Assists(): no pedal aid; ABS and TCS as the car has them)
    settings = Settings(pedal_aid=False)
    app = App((640, 360), stage_loader=lambda: stage, settings=settings, sound=False)
    try:
        scene = RaceScene(app, stage, session.load_car(CAR), countdown_s=0.0)
        race = scene.race
        while not race.finished[0] and race.tick < replay.ticks:
            c = replay.controls_at(race.tick)
            scene.tape.append(c)
            race.step(c)
        assert race.finished[0] and int(race.finish_tick[0]) == replay.finish_tick
        assert scene.save_run()  # the first run on this stage: a record
    finally:
        app.shutdown()

    sim_rows, game_rows = kept_rows(by_sim), kept_rows(by_game)
    assert len(sim_rows[0]) == 1 and len(sim_rows[1]) == 1
    assert game_rows == sim_rows
    score = sim_rows[0][0][5]
    assert score == corsa_score(replay.finish_tick, race.dt, 0.0)  # the score has one definition


def test_a_stage_result_is_the_referees_verdict_in_one_object(starter: Path) -> None:
    stage, car = session.load_stage(starter), session.load_car(CAR)
    plain = drive_stage(stage, car)
    ruled = drive_stage(stage, car, rules="corsa")
    assert plain.result.rules is None and plain.extra == {}  # sim --json prints no rule keys without rules
    assert plain.result.time_s == plain.sim.time_s and plain.result.splits_s == plain.sim.splits_s
    assert ruled.result.rules == "corsa" and ruled.extra["score"] == ruled.result.score
    assert ruled.result.score == corsa_score(ruled.finish_tick, ruled.sim.dt, ruled.result.penalty_s)
    entry = ruled.result.rally_entry()
    assert entry["time_s"] == ruled.sim.time_s and entry["score"] == ruled.result.score
    with pytest.raises(AttributeError):
        ruled.result.score = 0.0  # type: ignore[misc]  # frozen: made once


def test_a_replay_of_a_stage_that_is_not_shipped_names_its_file(starter: Path, tmp_path: Path) -> None:
    stage, car = session.load_stage(starter), session.load_car(CAR)
    run = drive_stage(stage, car, record=True, max_time_s=2.0)
    assert run.tape is not None
    path = tmp_path / "short.npz"
    Replay.of(stage, car, run.tape, run.finish_tick).save(path)
    with pytest.raises(session.ReplayNotShippedError, match=r"short\.npz: recorded on stage 'starter'"):
        session.open_replay(path)
    opened = session.open_replay(path, starter)  # its file given: found and checked
    assert opened.stage.source_sha256 == stage.source_sha256 and opened.car.id == CAR


def test_play_loads_its_stage_once(starter: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import millegame.levels
    import millegame.ui.app

    loads: list[object] = []
    real = millegame.levels.load_stage
    monkeypatch.setattr(millegame.levels, "load_stage", lambda path: loads.append(path) or real(path))
    seen: dict[str, object] = {}
    monkeypatch.setattr(millegame.ui.app, "run", lambda **kw: seen.update(kw) or 0)
    assert cli.main(["play", str(starter), "--car", CAR]) == cli.EXIT_OK
    assert len(loads) == 1
    got = seen["stage"]
    assert isinstance(got, type(session.load_stage(starter))) and got.par_time_s is not None  # with its par


def test_an_unfinished_run_without_rules_is_kept_under_corsa_without_a_score(starter: Path) -> None:
    from millegame.core.race import Race

    race = Race(session.load_stage(starter), [session.load_car(CAR)])
    row = session.result_row(StageResult.of(race))
    assert row["rules"] == "corsa" and row["score"] is None and row["time_s"] is None
