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

import pygame
import pytest

from millegame import catalog
from millegame.levels import load_stage
from millegame.ui.app import App
from millegame.ui.scenes.race_scene import RaceScene
from millegame.ui.settings import Settings
from millegame.ui.watch import StageWatcher, stage_files

SIZE = (960, 540)


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
    old_title = app.stage.title
    text = stage_copy.read_text(encoding="utf-8")
    touch_later(stage_copy, text.replace(f'value="{old_title}"', 'value="Edited in Tiled"', 1))
    poll_now(app)
    app.frame([], 1 / 60, screen)
    assert app.stage.title == "Edited in Tiled"
    assert isinstance(app.top, RaceScene) and app.top.stage.title == "Edited in Tiled"
    assert app.toast is not None and "Reloaded mine.tmx" in app.toast[0]

    # A broken save: reported, and the edited stage keeps running.
    touch_later(stage_copy, text[: len(text) // 2])
    poll_now(app)
    app.frame([], 1 / 60, screen)
    assert app.stage.title == "Edited in Tiled"
    assert app.toast is not None and "mine.tmx" in app.toast[0] and "previous version" in app.toast[0]
    assert load_stage(catalog.list_stages()[0].path).title == old_title  # the shipped file is untouched
