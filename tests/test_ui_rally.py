"""The rally in the game: title → Rally → car → rules → the stages in route order, the
classification after each stage (the field of period crews, stage and overall), the save
after each stage, and "Continue rally" on the title of a new App.

The field's simulation is replaced by a fast stand-in (``App(field_runner=…)``) and every
rally stage by a short sprint stage, so the whole flow runs in a few seconds."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("MILLEGAME_CONFIG_DIR", tempfile.mkdtemp(prefix="millegame-cfg-"))
os.environ.setdefault("MILLEGAME_DATA_DIR", tempfile.mkdtemp(prefix="millegame-data-"))

import time
from pathlib import Path

import numpy as np
import pygame
import pytest

from millegame import catalog
from millegame import session as workflows
from millegame.core.autopilot import Autopilot
from millegame.core.rally import Rally
from millegame.core.stage import Stage
from millegame.core.version import PHYSICS_VERSION
from millegame.store import Store
from millegame.ui.app import App
from millegame.ui.rally_session import GAME_RALLY, RallySession
from millegame.ui.scenes.car_select import CarSelectScene
from millegame.ui.scenes.classification import ClassificationScene, LoadingScene, clock_of, shown_rows
from millegame.ui.scenes.race_scene import RaceScene
from millegame.ui.scenes.rules_select import RulesScene
from millegame.ui.scenes.title import TitleScene
from millegame.ui.settings import Settings
from stage_fixtures import sprint_stage

SIZE = (960, 540)


@pytest.fixture()
def screen() -> pygame.Surface:
    pygame.display.init()
    pygame.font.init()
    return pygame.display.get_surface() or pygame.display.set_mode(SIZE)


@pytest.fixture()
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "data"
    monkeypatch.setenv("MILLEGAME_DATA_DIR", str(d))
    return d


@pytest.fixture()
def art_stage(surfaces, tmp_path: Path) -> Stage:
    return sprint_stage(surfaces, tileset_dir=tmp_path)


@pytest.fixture()
def fast_stages(art_stage: Stage, monkeypatch: pytest.MonkeyPatch) -> Stage:
    """Every rally stage is the short sprint stage (the rally keeps the real stage ids)."""
    monkeypatch.setattr(workflows, "load_rally_stage", lambda stage_id: art_stage)
    return art_stage


CALLS: list[str] = []


def fake_field(stage: Stage, rules: str, entrants: int) -> list[dict[str, object]]:
    """A field of 14 classic crews and 2 Tribute ones, after a short 'simulation'."""
    CALLS.append(stage.id)
    time.sleep(0.05)
    rows = []
    for k in range(16):
        t = 20.0 + k * 1.5
        rows.append(
            dict(number=100 + k, crew=f"Crew {k}", car="Fiat 500", car_class="Sport 750",
                 classification="tribute" if k >= 14 else "classic", time_s=t, penalty_s=0.0,
                 penalty_points=0, coefficient=1.0, score=t, rank=k + 1)
        )  # fmt: skip
    return rows


def make_app(art_stage: Stage) -> App:
    return App(SIZE, stage_loader=lambda: art_stage, settings=Settings(), sound=False, field_runner=fake_field)


def key(k: int, down: bool = True) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN if down else pygame.KEYUP, key=k, mod=0, unicode="", scancode=0)


def frames(app: App, surface: pygame.Surface, n: int = 1, events=(), frame_s: float = 1 / 60) -> None:
    app.frame(list(events), frame_s, surface)
    for _ in range(n - 1):
        app.frame([], frame_s, surface)


def press(app: App, surface: pygame.Surface, *keys: int) -> None:
    for k in keys:
        frames(app, surface, events=[key(k), key(k, down=False)])


def choose(app: App, surface: pygame.Surface, item: str) -> None:
    title = app.top
    assert isinstance(title, TitleScene)
    while title.menu.items[title.menu.selected] != item:
        press(app, surface, pygame.K_DOWN)
    press(app, surface, pygame.K_RETURN)


def finish_race(scene: RaceScene) -> None:
    """Drive the stage headless with the autopilot (as the player would), recording the
    controls as the scene does, then hand the finished race to the scene."""
    race = scene.race
    pilot = Autopilot(scene.stage, race.params)
    scene.countdown_s = -10.0
    while not race.finished[0] and race.tick < 120 * 300:
        c = pilot.controls(race)
        scene.tape.append(c)
        race.step(c)
    assert race.finished[0]
    scene.on_finished()


def wait_classified(app: App, surface: pygame.Surface) -> ClassificationScene:
    scene = app.top
    assert isinstance(scene, ClassificationScene)
    for _ in range(400):
        frames(app, surface)
        if scene.done:
            return scene
        time.sleep(0.01)
    raise AssertionError("the field was never classified")


def test_rally_from_the_title_to_the_classification_and_continue(
    screen: pygame.Surface, data_dir: Path, fast_stages: Stage
) -> None:
    stage_ids = [s.id for s in catalog.list_stages()]
    assert len(stage_ids) >= 2
    app = make_app(fast_stages)
    title = app.top
    assert isinstance(title, TitleScene)
    assert "Rally" in title.menu.items and "Continue rally" not in title.menu.items
    assert title.menu.items[0] == "Race"
    choose(app, screen, "Rally")
    assert isinstance(app.top, CarSelectScene) and app.top.rally
    car = next(c for c in app.session.cars if c.id == "mercedes-300-slr")
    app.top.selected = app.session.cars.index(car)
    press(app, screen, pygame.K_RETURN)
    assert isinstance(app.top, RulesScene) and app.top.rally
    press(app, screen, pygame.K_RETURN)  # Corsa
    frames(app, screen, 2)  # "Loading…", then the first stage
    race = app.top
    assert isinstance(race, RaceScene) and race.rally is app.session.rally and race.car.id == car.id
    assert race.rally_stage_id == stage_ids[0] and race.rules == "corsa"
    # the rally is saved from the start, with the car's number as the start time
    with Store() as store:
        saved = store.load_rally(GAME_RALLY)
    assert saved is not None and saved["results"] == {} and saved["stage_ids"] == stage_ids
    assert saved["number"] == 722 and clock_of(722) == "07:22"  # Moss/Jenkinson's 300 SLR left at 07:22
    # the first stage's field is generated in the background while driving
    assert stage_ids[0] in app.session.rally.jobs

    finish_race(race)
    cls = app.top
    assert isinstance(cls, ClassificationScene)
    frames(app, screen)  # draws (Classifying… or the tables)
    cls = wait_classified(app, screen)
    frames(app, screen, 2)
    rally = app.session.rally.rally
    assert rally.stage_index == 1 and stage_ids[0] in rally.results
    me = next(r for r in cls.stage_rows if r["player"])
    assert me["classification"] == "classic" and me["time_s"] == rally.results[stage_ids[0]]["time_s"]
    assert [r["rank"] for r in cls.stage_rows if r["classification"] == "classic"] == list(range(1, 16))
    assert [r["rank"] for r in cls.stage_rows if r["classification"] == "tribute"] == [1, 2]
    overall = next(r for r in cls.overall_rows if r["player"])
    assert overall["stages"] == 1
    # saved after the stage: the player's result and the field's rows (kept for next time)
    with Store() as store:
        saved = store.load_rally(GAME_RALLY)
        kept = store.load_field(stage_ids[0], fast_stages.source_sha256, PHYSICS_VERSION, "corsa", 100)
    assert saved is not None and list(saved["results"]) == [stage_ids[0]]
    assert kept is not None and len(kept) == 16
    # Tribute class on Right
    press(app, screen, pygame.K_RIGHT)
    assert cls.cls == "tribute"
    frames(app, screen)
    press(app, screen, pygame.K_ESCAPE)
    assert isinstance(app.top, TitleScene) and "Continue rally" in app.top.menu.items
    app.shutdown()

    # a new App (a later session) offers to continue, and resumes at stage 2
    app2 = make_app(fast_stages)
    CALLS.clear()
    choose(app2, screen, "Continue rally")
    assert isinstance(app2.top, LoadingScene)
    frames(app2, screen, 2)
    race2 = app2.top
    assert isinstance(race2, RaceScene) and race2.rally is not None
    assert race2.rally_stage_id == stage_ids[1] and race2.car.id == car.id
    assert app2.session.rally is not None and app2.session.rally.rally.stage_index == 1
    app2.shutdown()


def test_next_stage_from_the_classification_and_the_field_is_kept(
    screen: pygame.Surface, data_dir: Path, fast_stages: Stage
) -> None:
    stage_ids = [s.id for s in catalog.list_stages()]
    app = make_app(fast_stages)
    app.start_rally(app.session.cars[0], "regolarita")
    race = app.top
    assert isinstance(race, RaceScene) and race.rules == "regolarita"
    finish_race(race)
    wait_classified(app, screen)
    press(app, screen, pygame.K_RETURN)  # next stage: "Loading…" first
    frames(app, screen, 2)
    race2 = app.top
    assert isinstance(race2, RaceScene) and race2.rally_stage_id == stage_ids[1]
    # a field already kept in the store is not simulated again
    CALLS.clear()
    job = app.session.rally.field_job(fast_stages, stage_ids[0] + "-again")
    assert job.wait(5.0) and CALLS == [fast_stages.id]
    CALLS.clear()
    session = RallySession.resume(app.session)
    assert session is not None
    again = session.field_job(fast_stages, stage_ids[0])
    assert again.rows is not None and CALLS == []
    app.shutdown()


def test_shown_rows_put_the_player_after_the_top_rows() -> None:
    rows = [{"rank": k + 1, "classification": "classic", "player": k == 14} for k in range(20)]
    rows.append({"rank": 1, "classification": "tribute", "player": False})
    shown = shown_rows(rows, "classic", top=10)
    assert len(shown) == 12 and shown[10] is None and shown[11] is not None and shown[11]["rank"] == 15
    assert len(shown_rows(rows, "tribute")) == 1
    top = shown_rows([{"rank": 1, "classification": "classic", "player": True}], "classic")
    assert top == [{"rank": 1, "classification": "classic", "player": True}]


def test_a_finished_rally_is_not_offered_to_continue(screen: pygame.Surface, data_dir: Path, art_stage) -> None:
    app = make_app(art_stage)
    rally = Rally(GAME_RALLY, app.session.cars[0].id, "corsa", ["only"], number=722)
    rally.finish_stage({"time_s": 10.0, "score": 10.0}, [])
    store = app.session.records.store
    assert store is not None
    store.save_rally(GAME_RALLY, rally.to_dict())
    assert RallySession.saved(app.session) is None
    app.to_title()
    assert isinstance(app.top, TitleScene) and "Continue rally" not in app.top.menu.items
    app.shutdown()


def test_short_crew_names() -> None:
    from millegame.ui.scenes.classification import short_crew

    assert short_crew("Peter Conte / Umberto De Luca") == "P. Conte / U. De Luca"
    assert short_crew("You") == "You"


def test_the_map_of_italy_shows_the_rally_in_progress(screen: pygame.Surface, data_dir: Path, art_stage) -> None:
    from millegame import catalog
    from millegame.ui.scenes.italy_map import ItalyMapScene

    app = make_app(art_stage)
    ids = [s.id for s in catalog.list_stages()]
    rally = Rally(GAME_RALLY, app.session.cars[0].id, "corsa", ids, number=722)
    rally.finish_stage({"time_s": 170.0, "score": 170.0}, [])
    store = app.session.records.store
    assert store is not None
    store.save_rally(GAME_RALLY, rally.to_dict())
    scene = ItalyMapScene(app)
    assert scene.rally is not None and scene.rally.next_stage_id == ids[1]
    surface = pygame.Surface(SIZE)
    scene.draw(surface)
    pygame.image.save(surface, str(data_dir / "map.png"))
    assert len(np.unique(pygame.surfarray.array3d(surface).reshape(-1, 3), axis=0)) > 50
    app.shutdown()
