"""Input mapping: rebound keys, gamepad axes and buttons (injected events, no device),
the pad driving the menus, a pad pulled out mid-race, the controls page, and a whole
playthrough with the gamepad alone."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("MILLEGAME_CONFIG_DIR", tempfile.mkdtemp(prefix="millegame-cfg-"))

from pathlib import Path

import pygame
import pytest

from millegame.ui.app import App
from millegame.ui.input.controls import KeyboardInput
from millegame.ui.input.gamepad import Gamepads, shape_axis
from millegame.ui.scenes.car_select import CarSelectScene
from millegame.ui.scenes.controls_menu import ControlsScene
from millegame.ui.scenes.pause import PauseScene
from millegame.ui.scenes.race_scene import RaceScene
from millegame.ui.scenes.results import ResultsScene
from millegame.ui.scenes.rules_select import RulesScene
from millegame.ui.scenes.settings_menu import SettingsScene
from millegame.ui.scenes.title import TitleScene
from millegame.ui.settings import Settings
from stage_fixtures import sprint_stage

SMALL = (640, 360)


def key(k: int, down: bool = True) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN if down else pygame.KEYUP, key=k, mod=0, unicode="", scancode=0)


def axis(a: int, value: float) -> pygame.event.Event:
    return pygame.event.Event(pygame.CONTROLLERAXISMOTION, instance_id=0, axis=a, value=round(value * 32767))


def button(b: int, down: bool = True) -> pygame.event.Event:
    t = pygame.CONTROLLERBUTTONDOWN if down else pygame.CONTROLLERBUTTONUP
    return pygame.event.Event(t, instance_id=0, button=b)


def test_rebound_keys_drive() -> None:
    kb = KeyboardInput({"throttle": ["i"], "left": ["j"]})
    kb.handle(key(pygame.K_i))
    kb.handle(key(pygame.K_j))
    kb.handle(key(pygame.K_w))  # no longer bound to the throttle
    c = kb.controls()
    assert (c.throttle[0], c.steer[0]) == (1.0, -1.0)
    kb.handle(key(pygame.K_i, down=False))
    assert kb.controls().throttle[0] == 0.0
    assert kb.is_action(key(pygame.K_ESCAPE), "pause")


def test_pad_axes_are_analogue_and_merge_with_the_keys() -> None:
    pads = Gamepads()
    kb = KeyboardInput(pads=pads)
    for e in (axis(pygame.CONTROLLER_AXIS_LEFTX, -0.5), axis(pygame.CONTROLLER_AXIS_TRIGGERRIGHT, 0.75)):
        pads.handle(e)
    c = kb.controls()
    assert c.steer[0] == pytest.approx(shape_axis(-0.5), abs=1e-3) and -0.5 < c.steer[0] < -0.4
    assert c.throttle[0] == pytest.approx(0.75, abs=1e-3)
    pads.handle(axis(pygame.CONTROLLER_AXIS_LEFTX, 0.05))  # inside the dead zone: the keys steer
    kb.handle(key(pygame.K_RIGHT))
    assert kb.controls().steer[0] == 1.0
    pads.handle(button(pygame.CONTROLLER_BUTTON_X))
    assert kb.controls().handbrake[0] == 1.0


def test_pad_buttons_and_stick_become_menu_keys_that_do_not_drive() -> None:
    pads = Gamepads()
    _, keys = pads.handle(button(pygame.CONTROLLER_BUTTON_DPAD_DOWN))
    assert [(e.type, e.key, e.pad) for e in keys] == [(pygame.KEYDOWN, pygame.K_DOWN, True)]
    _, keys = pads.handle(button(pygame.CONTROLLER_BUTTON_A))
    assert keys[0].key == pygame.K_RETURN
    _, keys = pads.handle(axis(pygame.CONTROLLER_AXIS_LEFTY, -0.9))
    assert keys[0].key == pygame.K_UP and keys[0].type == pygame.KEYDOWN
    _, keys = pads.handle(axis(pygame.CONTROLLER_AXIS_LEFTY, -0.95))
    assert keys == []  # held: one press per push
    _, keys = pads.handle(axis(pygame.CONTROLLER_AXIS_LEFTY, 0.0))
    assert keys[0].type == pygame.KEYUP
    kb = KeyboardInput()
    kb.handle(_pad_key(pygame.K_UP))
    assert kb.controls().throttle[0] == 0.0  # a menu arrow from the pad is not the throttle key


def _pad_key(k: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0, pad=True)


# ---------------------------------------------------------------------- in the app


@pytest.fixture()
def surface() -> pygame.Surface:
    pygame.display.init()
    pygame.font.init()
    return pygame.display.set_mode(SMALL)


@pytest.fixture()
def app(surface: pygame.Surface, surfaces, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> App:
    monkeypatch.setenv("MILLEGAME_CONFIG_DIR", str(tmp_path / "cfg"))
    stage = sprint_stage(surfaces, tileset_dir=tmp_path)
    return App(SMALL, stage_loader=lambda: stage, settings=Settings(), sound=False)


def run(app: App, surface: pygame.Surface, events=(), n: int = 1, frame_s: float = 1 / 60) -> None:
    app.frame(list(events), frame_s, surface)
    for _ in range(n - 1):
        app.frame([], frame_s, surface)


def tap(app: App, surface: pygame.Surface, b: int) -> None:
    run(app, surface, [button(b)])
    run(app, surface, [button(b, down=False)])


def test_unplugging_the_pad_mid_race_pauses_with_a_message(app: App, surface: pygame.Surface) -> None:
    app.start_race(app.session.cars[0])
    run(app, surface, n=10)
    race = app.top
    assert isinstance(race, RaceScene)
    run(app, surface, [pygame.event.Event(pygame.CONTROLLERDEVICEREMOVED, instance_id=0)])
    assert isinstance(app.top, PauseScene) and "Gamepad disconnected" in app.top.message
    assert app.toast is not None and "disconnected" in app.toast[0]
    run(app, surface, n=2)  # draws with the message


def test_the_gamepad_alone_plays_from_the_title_to_the_results(app: App, surface: pygame.Surface) -> None:
    assert isinstance(app.top, TitleScene)
    tap(app, surface, pygame.CONTROLLER_BUTTON_A)  # Race
    assert isinstance(app.top, CarSelectScene)
    tap(app, surface, pygame.CONTROLLER_BUTTON_DPAD_RIGHT)
    tap(app, surface, pygame.CONTROLLER_BUTTON_A)
    assert isinstance(app.top, RulesScene)
    tap(app, surface, pygame.CONTROLLER_BUTTON_A)  # Corsa
    run(app, surface, n=2)
    race = app.top
    assert isinstance(race, RaceScene) and race.car is app.session.cars[1]
    run(app, surface, [axis(pygame.CONTROLLER_AXIS_TRIGGERRIGHT, 1.0)])  # floor it and hold
    for _ in range(2500):
        if not isinstance(app.top, RaceScene):
            break
        run(app, surface, frame_s=1 / 30)
    assert isinstance(app.top, ResultsScene) and app.top.time_s is not None
    tap(app, surface, pygame.CONTROLLER_BUTTON_A)
    assert isinstance(app.top, TitleScene)


def test_start_pauses_and_b_resumes(app: App, surface: pygame.Surface) -> None:
    app.start_race(app.session.cars[0])
    run(app, surface, n=5)
    race = app.top
    tap(app, surface, pygame.CONTROLLER_BUTTON_START)
    assert isinstance(app.top, PauseScene)
    tap(app, surface, pygame.CONTROLLER_BUTTON_B)
    assert app.top is race


def test_rebinding_on_the_controls_page_is_saved(app: App, surface: pygame.Surface, tmp_path: Path) -> None:
    app.stack.push(SettingsScene(app))
    app.stack.push(ControlsScene(app))
    run(app, surface, [key(pygame.K_RETURN)])  # "throttle", keyboard column: waiting for a key
    run(app, surface, [key(pygame.K_i)])
    assert app.settings.keys["throttle"] == ["i"]
    run(app, surface, [key(pygame.K_DOWN), key(pygame.K_DOWN), key(pygame.K_DOWN), key(pygame.K_DOWN)])  # handbrake
    run(app, surface, [key(pygame.K_RIGHT), key(pygame.K_RETURN)])  # gamepad column
    run(app, surface, [button(pygame.CONTROLLER_BUTTON_Y)])
    assert app.settings.pad["handbrake"] == "y"
    run(app, surface, [key(pygame.K_ESCAPE)])  # back to the settings: saved
    assert isinstance(app.top, SettingsScene)
    saved = (tmp_path / "cfg" / "settings.json").read_text()
    assert '"i"' in saved and '"y"' in saved
    run(app, surface, [key(pygame.K_RIGHT)])  # camera: heading up
    assert app.settings.camera == "heading_up"
    run(app, surface, [key(pygame.K_ESCAPE)])
    assert isinstance(app.top, TitleScene)
    race = RaceScene(app, app.session.stage, app.session.cars[0])
    race.input.handle(key(pygame.K_i))
    assert race.input.controls().throttle[0] == 1.0  # the next race drives with the new keys
