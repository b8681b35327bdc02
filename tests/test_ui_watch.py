"""``play --watch``: editing the stage on disk reloads it in place; a broken save is
reported and the previous version keeps running."""

from __future__ import annotations

import os
import shutil
import tempfile

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("MILLEGAME_CONFIG_DIR", tempfile.mkdtemp(prefix="millegame-cfg-"))

from pathlib import Path

import numpy as np
import pygame
import pytest

from millegame import catalog
from millegame.core.route import Route
from millegame.levels import load_stage
from millegame.ui.app import App
from millegame.ui.scenes.race_scene import RaceScene
from millegame.ui.settings import Settings
from millegame.ui.watch import StageWatcher, draw_problems, stage_files

SIZE = (960, 540)
LEVELS = Path(__file__).resolve().parent.parent / "levels"


@pytest.fixture()
def stage_copy(tmp_path: Path) -> Path:
    shutil.copytree(catalog.list_stages()[0].path.parent / "tilesets", tmp_path / "tilesets")
    target = tmp_path / "mine.tmx"
    shutil.copy(catalog.list_stages()[0].path, target)
    return target


def touch_later(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    st = path.stat()
    os.utime(path, (st.st_atime + 5, st.st_mtime + 5))  # a clearly newer mtime


def poll_now(app: App) -> None:
    assert app.watcher is not None
    app.watcher._next_poll = 0.0


def test_the_watcher_follows_the_map_and_its_tilesets(stage_copy: Path) -> None:
    files = stage_files(stage_copy)
    names = {f.name for f in files}
    assert "mine.tmx" in names and any(n.endswith(".tsx") for n in names) and any(n.endswith(".png") for n in names)
    watcher = StageWatcher(stage_copy)
    watcher._next_poll = 0.0
    assert not watcher.changed()
    tsx = next(f for f in files if f.suffix == ".tsx")
    touch_later(tsx, tsx.read_text())
    watcher._next_poll = 0.0
    assert watcher.changed()


def test_an_edit_reloads_the_stage_and_restarts_the_race(stage_copy: Path) -> None:
    pygame.display.init()
    pygame.font.init()
    screen = pygame.display.set_mode(SIZE)
    app = App(SIZE, mode="play", stage_path=stage_copy, settings=Settings(), sound=False, watch=True)
    app.frame([], 1 / 60, screen)
    assert isinstance(app.top, RaceScene)
    old_title = app.session.stage.title
    text = stage_copy.read_text(encoding="utf-8")
    touch_later(stage_copy, text.replace(f'value="{old_title}"', 'value="Edited in Tiled"', 1))
    poll_now(app)
    app.frame([], 1 / 60, screen)
    assert app.session.stage.title == "Edited in Tiled"
    assert isinstance(app.top, RaceScene) and app.top.stage.title == "Edited in Tiled"
    assert app.toast is not None and "Reloaded mine.tmx" in app.toast[0]

    # A broken save: reported, and the edited stage keeps running.
    touch_later(stage_copy, text[: len(text) // 2])
    poll_now(app)
    app.frame([], 1 / 60, screen)
    assert app.session.stage.title == "Edited in Tiled"
    assert app.stage_problems and "not valid XML" in app.stage_problems[0]
    assert load_stage(catalog.list_stages()[0].path).title == old_title  # the shipped file is untouched


# -- after a reload: the car's place, and the notice of a save that does not load ----------------------
@pytest.fixture()
def verona(tmp_path: Path) -> Path:
    shutil.copytree(LEVELS / "tilesets", tmp_path / "tilesets")
    target = tmp_path / "mine.tmx"
    shutil.copy(LEVELS / "brescia-verona.tmx", target)
    return target


def watching(path: Path) -> tuple[App, pygame.Surface]:
    pygame.display.init()
    pygame.font.init()
    screen = pygame.display.set_mode(SIZE)
    app = App(SIZE, mode="play", stage_path=path, settings=Settings(), sound=False, watch=True)
    app.frame([], 1 / 60, screen)
    assert isinstance(app.top, RaceScene)
    return app, screen


def save_edit(app: App, path: Path, old: str, new: str, screen: pygame.Surface) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    touch_later(path, text.replace(old, new, 1))
    poll_now(app)
    app.frame([], 1 / 60, screen)


def test_the_car_keeps_its_place_after_a_reload_when_the_road_is_still_there(verona: Path) -> None:
    app, screen = watching(verona)
    scene = app.top
    assert isinstance(scene, RaceScene)
    route = Route.of(scene.stage.route, spacing_m=2.0)
    k = int(np.searchsorted(route.s, route.length_m * 0.6))  # past the first checkpoints
    x, y = (float(v) for v in route.points[k])
    heading = float(np.arctan2(*(route.points[k + 1] - route.points[k])[::-1]))
    scene.race.place_car(0, x, y, heading)
    behind = sum(
        route.s[route.nearest_global((g.a[0] + g.b[0]) / 2, (g.a[1] + g.b[1]) / 2)] < route.s[k]
        for g in scene.stage.checkpoints
    )
    assert 0 < behind < len(scene.stage.checkpoints) + 1

    save_edit(app, verona, 'value="Brescia → Verona"', 'value="Edited"', screen)
    new = app.top
    assert isinstance(new, RaceScene) and new is not scene and new.stage.title == "Edited"
    st = new.race.state
    assert (float(st.x[0]), float(st.y[0]), float(st.heading[0])) == pytest.approx((x, y, heading))
    assert int(new.race.next_gate[0]) == behind and new.resumed  # the next checkpoint ahead counts
    assert app.toast is not None and "stays where it was" in app.toast[0]
    assert not new.save_run()  # a run resumed halfway is never a record

    # The road moved away from the car (the whole map drawn elsewhere): back to the start.
    new.race.place_car(0, 6.0, 6.0, 0.0)  # a map corner, far from the route
    save_edit(app, verona, 'value="Edited"', 'value="Edited again"', screen)
    again = app.top
    assert isinstance(again, RaceScene) and not again.resumed
    assert (float(again.race.state.x[0]), float(again.race.state.y[0])) == pytest.approx(again.stage.start_xy)


def test_a_save_that_does_not_load_lists_every_problem_until_the_next_good_save(verona: Path) -> None:
    app, screen = watching(verona)
    good = verona.read_text(encoding="utf-8")
    broken = good.replace('type="start"', 'type="strat"', 1).replace(
        '<property name="px_per_m" type="float" value="8"/>', '<property name="px_per_m" type="float" value="-8"/>', 1
    )
    assert broken.count("strat") == 1 and 'value="-8"' in broken
    touch_later(verona, broken)
    poll_now(app)
    app.frame([], 1 / 60, screen)
    assert app.session.stage.title == "Brescia → Verona"  # still driving the previous version
    problems = app.stage_problems
    assert any("px_per_m must be > 0" in p for p in problems)
    assert any('no object of type "start"' in p for p in problems)
    assert not any(p.startswith(str(verona)) for p in problems)  # the file is named once, in the title
    pygame.image.save(screen, os.environ.get("MILLEGAME_SHOT", str(verona.parent / "notice.png")))
    narrow = pygame.Surface((420, 300))
    box = draw_problems(narrow, "mine.tmx does not load — still driving the previous version", problems)
    assert narrow.get_rect().contains(box)  # wrapped inside even a small window
    for _ in range(3):  # it stays: frames go by, other notices come and go
        app.notify("something else")
        app.frame([], 5.0, screen)
    assert app.stage_problems == problems
    touch_later(verona, good)
    poll_now(app)
    app.frame([], 1 / 60, screen)
    assert app.stage_problems == ()
