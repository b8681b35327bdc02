"""The player's own stages: ``.tmx`` files in the stage folder (``<data dir>/stages``) are
listed after the shipped ones (``millegame stages``, the stage menu) and driven like them;
a broken one is shown with its problem and cannot break the menu."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from millegame import catalog
from millegame.ui.app import App
from millegame.ui.records import file_sha256
from millegame.ui.scenes.car_select import CarSelectScene
from millegame.ui.scenes.italy_map import ItalyMapScene
from millegame.ui.settings import Settings
from test_check_level import Tiny, props

SIZE = (1280, 720)


@pytest.fixture()
def stage_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data dir whose stage folder holds a good stage and a broken one."""
    monkeypatch.setenv("MILLEGAME_DATA_DIR", str(tmp_path / "data"))
    folder = tmp_path / "data" / "stages"
    folder.mkdir(parents=True)
    Tiny(map_props=props(("px_per_m", "float", "8"), ("title", "string", "Il mio passo"))).write(folder, "passo.tmx")
    (folder / "broken.tmx").write_text("<map>half a map", encoding="utf-8")
    (folder / "notes.txt").write_text("not a stage", encoding="utf-8")
    return folder


def test_the_stage_folder_is_listed_after_the_shipped_stages(stage_dir: Path) -> None:
    assert catalog.user_stages_dir() == stage_dir
    user = catalog.list_user_stages()
    assert [(s.id, s.title, s.source) for s in user] == [
        ("broken", "broken", "user"),
        ("passo", "Il mio passo", "user"),
    ]
    assert catalog.list_all_stages() == (*catalog.list_stages(), *user)
    assert all(s.source == "shipped" for s in catalog.list_stages())
    assert catalog.resolve_stage("passo") == stage_dir / "passo.tmx"


def test_stages_json_says_where_each_stage_comes_from(stage_dir: Path) -> None:
    env = {**os.environ, "MILLEGAME_DATA_DIR": str(stage_dir.parent)}
    out = subprocess.run(
        [sys.executable, "-m", "millegame", "stages", "--json"], capture_output=True, text=True, env=env, timeout=300
    )
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    shipped = [r for r in rows if r["source"] == "shipped"]
    user = {r["id"]: r for r in rows if r["source"] == "user"}
    assert [r["id"] for r in shipped] == [s.id for s in catalog.list_stages()]
    assert rows[: len(shipped)] == shipped  # the player's stages come after
    assert set(user) == {"passo", "broken"}
    assert user["passo"]["title"] == "Il mio passo" and user["passo"]["length_m"] == 54
    assert "error" in user["broken"] and "broken.tmx" in user["broken"]["error"]


def test_the_menu_lists_them_under_their_own_heading(stage_dir: Path, tmp_path: Path) -> None:
    pygame.display.init()
    pygame.font.init()
    screen = pygame.display.set_mode(SIZE)
    app = App(SIZE, settings=Settings(), sound=False)
    app.session.records.record(
        "passo", app.session.cars[0].id, 12.34, (5.0,), score=12.34, stage_sha256=file_sha256(stage_dir / "passo.tmx")
    )
    scene = ItalyMapScene(app)
    ids = [s.id for s in scene.stages]
    assert ids == [*(s.id for s in catalog.list_stages()), "broken", "passo"]
    assert scene.broken[stage_dir / "passo.tmx"] is None
    assert "broken.tmx" in (scene.broken[stage_dir / "broken.tmx"] or "")
    scene.selected = ids.index("broken")
    scene.draw(screen)
    pygame.image.save(screen, os.environ.get("MILLEGAME_SHOT", str(tmp_path / "menu.png")))
    # The broken stage cannot be chosen: a notice says why and the menu stays.
    app.stack.reset(scene)
    scene.choose()
    assert app.top is scene and app.toast is not None and "broken.tmx" in app.toast[0]
    scene.selected = ids.index("passo")
    scene.choose()
    assert isinstance(app.top, CarSelectScene) and app.session.stage_path == stage_dir / "passo.tmx"
    assert app.session.stage.title == "Il mio passo" and app.session.stage.par_time_s is not None  # computed for it
    assert scene.bests["passo"] is not None and scene.bests["passo"].time_s == pytest.approx(12.34)
    app.shutdown()
