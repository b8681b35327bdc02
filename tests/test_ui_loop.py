"""The fixed-step accumulator, the keyboard mapping, and the scene flow driven by
injected pygame events: title → car select → race → results → title, pause, demo."""

from __future__ import annotations

import math
import os
import tempfile

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("MILLEGAME_CONFIG_DIR", tempfile.mkdtemp(prefix="millegame-cfg-"))

from pathlib import Path

import pygame
import pytest
from hypothesis import given
from hypothesis import strategies as st

from millegame.core.ground import ring_road
from millegame.ui import app as app_module
from millegame.ui.app import App, NoDisplayError, run
from millegame.ui.input.controls import KeyboardInput
from millegame.ui.loop import MAX_FRAME_S, FixedStep
from millegame.ui.scenes.car_select import CarSelectScene
from millegame.ui.scenes.demo import DemoScene
from millegame.ui.scenes.pause import PauseScene
from millegame.ui.scenes.race_scene import RaceScene
from millegame.ui.scenes.results import ResultsScene
from millegame.ui.scenes.rules_select import RulesScene
from millegame.ui.scenes.title import TitleScene
from stage_fixtures import sprint_stage

DT = 1.0 / 120.0

# ---------------------------------------------------------------------- fixed step


def test_whole_ticks_and_alpha() -> None:
    clock = FixedStep(DT)
    plan = clock.advance(2.5 * DT)
    assert plan.ticks == 2 and isinstance(plan.ticks, int)
    assert plan.alpha == pytest.approx(0.5)
    plan = clock.advance(0.5 * DT)
    assert plan.ticks == 1 and plan.alpha == pytest.approx(0.0, abs=1e-9)


def test_long_frames_are_clamped_and_ticks_capped() -> None:
    clock = FixedStep(DT, max_ticks=100)
    assert clock.advance(5.0).ticks == round(MAX_FRAME_S / DT)  # a 5 s stall counts as 0.25 s
    capped = FixedStep(DT, max_ticks=12)
    plan = capped.advance(0.2)
    assert plan.ticks == 12 and plan.dropped_ticks == 24 - 12
    assert 0.0 <= plan.alpha < 1.0


@pytest.mark.parametrize("bad", [-0.1, math.nan, math.inf * -1])
def test_bad_frame_times_add_nothing(bad: float) -> None:
    plan = FixedStep(DT).advance(bad)
    assert plan.ticks == 0 and plan.alpha == 0.0


@given(st.lists(st.floats(min_value=0.0, max_value=0.05, allow_nan=False), max_size=200))
def test_ticks_add_up_to_elapsed_time(frames: list[float]) -> None:
    clock = FixedStep(DT, max_ticks=1000)
    total = 0
    for f in frames:
        plan = clock.advance(f)
        assert 0.0 <= plan.alpha < 1.0
        total += plan.ticks
    elapsed_ticks = sum(frames) / DT
    assert abs(total + clock.acc_ticks - elapsed_ticks) < 1e-6 * max(1.0, elapsed_ticks)


def test_reset_forgets_owed_time() -> None:
    clock = FixedStep(DT)
    clock.advance(0.9 * DT)
    clock.reset()
    assert clock.advance(0.5 * DT).ticks == 0


# ---------------------------------------------------------------------- keyboard


def key(k: int, down: bool = True) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN if down else pygame.KEYUP, key=k, mod=0, unicode="", scancode=0)


def test_keyboard_maps_arrows_and_wasd() -> None:
    kb = KeyboardInput()
    kb.handle(key(pygame.K_w))
    kb.handle(key(pygame.K_RIGHT))
    c = kb.controls()
    assert (c.throttle[0], c.brake[0], c.steer[0], c.handbrake[0]) == (1.0, 0.0, 1.0, 0.0)
    kb.handle(key(pygame.K_a))  # left and right together cancel
    kb.handle(key(pygame.K_SPACE))
    c = kb.controls()
    assert (c.steer[0], c.handbrake[0]) == (0.0, 1.0)
    kb.handle(key(pygame.K_w, down=False))
    assert kb.controls().throttle[0] == 0.0
    kb.handle(pygame.event.Event(pygame.WINDOWFOCUSLOST))
    assert kb.held == set()


# ---------------------------------------------------------------------- scene flow

SMALL = (640, 360)  # the flow does not need a big frame


@pytest.fixture()
def surface() -> pygame.Surface:
    pygame.display.init()
    pygame.font.init()
    return pygame.display.set_mode(SMALL)


@pytest.fixture()
def flow_app(surface: pygame.Surface, surfaces, tmp_path: Path) -> App:
    stage = sprint_stage(surfaces, tileset_dir=tmp_path)
    return App(SMALL, stage_loader=lambda: stage)


def frames(app: App, surface: pygame.Surface, n: int = 1, events=(), frame_s: float = 1 / 60) -> None:
    app.frame(list(events), frame_s, surface)
    for _ in range(n - 1):
        app.frame([], frame_s, surface)


def press(app: App, surface: pygame.Surface, *keys: int) -> None:
    for k in keys:
        frames(app, surface, events=[key(k), key(k, down=False)])


def test_title_to_car_select_to_race_to_results_and_back(flow_app: App, surface: pygame.Surface) -> None:
    app = flow_app
    assert isinstance(app.top, TitleScene)
    press(app, surface, pygame.K_RETURN)  # "Race"
    assert isinstance(app.top, CarSelectScene)
    press(app, surface, pygame.K_LEFT)  # wraps to the last car: the 911
    press(app, surface, pygame.K_RETURN)
    assert isinstance(app.top, RulesScene)
    press(app, surface, pygame.K_RETURN)  # Corsa
    frames(app, surface, 2)  # "loading…" is drawn, then the race starts
    race_scene = app.top
    assert isinstance(race_scene, RaceScene) and race_scene.car.id == "porsche-911-992"
    frames(app, surface, events=[key(pygame.K_UP)])  # hold the throttle from here on
    for _ in range(2000):
        if not isinstance(app.top, RaceScene):
            break
        frames(app, surface, frame_s=1 / 30)
    results = app.top
    assert isinstance(results, ResultsScene)
    assert results.time_s is not None and len(results.splits_s) == 2
    assert results.splits_s[0] < results.splits_s[1] < results.time_s
    press(app, surface, pygame.K_RETURN)
    assert isinstance(app.top, TitleScene) and len(app.stack.scenes) == 1


def test_escape_pauses_and_the_pause_menu_works(flow_app: App, surface: pygame.Surface) -> None:
    app = flow_app
    app.start_race(app.session.cars[0])
    frames(app, surface, 240, events=[key(pygame.K_UP)])
    race_scene = app.top
    assert isinstance(race_scene, RaceScene)
    tick = race_scene.race.tick
    press(app, surface, pygame.K_ESCAPE)
    assert isinstance(app.top, PauseScene)
    frames(app, surface, 60)
    assert race_scene.race.tick == tick  # frozen while paused
    press(app, surface, pygame.K_ESCAPE)  # Esc again resumes
    assert app.top is race_scene
    press(app, surface, pygame.K_ESCAPE, pygame.K_DOWN, pygame.K_RETURN)  # Restart
    assert isinstance(app.top, RaceScene) and app.top is not race_scene and app.top.race.tick == 0
    press(app, surface, pygame.K_ESCAPE, pygame.K_DOWN, pygame.K_DOWN, pygame.K_DOWN, pygame.K_RETURN)  # Quit
    assert isinstance(app.top, TitleScene) and len(app.stack.scenes) == 1


def test_demo_from_the_title_returns_on_any_key(flow_app: App, surfaces, surface: pygame.Surface) -> None:
    app = flow_app
    app.session._stage = ring_road(surfaces)  # a loop, so the autopilot has corners to take
    press(app, surface, pygame.K_UP, pygame.K_UP, pygame.K_RETURN)  # wraps round to "Demo"
    assert isinstance(app.top, DemoScene)
    frames(app, surface, 120)
    assert app.top.race.tick > 100
    press(app, surface, pygame.K_x)
    assert isinstance(app.top, TitleScene)


def test_an_idle_title_starts_the_demo_by_itself(flow_app: App, surfaces, surface: pygame.Surface) -> None:
    app = flow_app
    app.session._stage = ring_road(surfaces)
    frames(app, surface, 40, frame_s=1.0)  # 40 s without touching anything
    assert isinstance(app.top, DemoScene)
    press(app, surface, pygame.K_RETURN)
    assert isinstance(app.top, TitleScene)


def test_demo_mode_exits_on_any_key(surface: pygame.Surface, surfaces) -> None:
    stage = ring_road(surfaces)
    app = App(SMALL, mode="demo", stage_loader=lambda: stage)
    frames(app, surface, 30)
    assert app.running
    press(app, surface, pygame.K_SPACE)
    assert not app.running and app.exit_code == 0


def test_f12_saves_a_screenshot(flow_app: App, surface: pygame.Surface, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("MILLEGAME_SCREENSHOT_DIR", str(tmp_path / "shots"))
    press(flow_app, surface, pygame.K_F12)
    assert len(flow_app.screenshots) == 1
    shot = flow_app.screenshots[0]
    assert shot.exists() and shot.parent == tmp_path / "shots"
    assert pygame.image.load(str(shot)).get_size() == SMALL
    assert flow_app.toast is not None and str(shot) in flow_app.toast[0]


def test_quit_event_ends_the_app(flow_app: App, surface: pygame.Surface) -> None:
    frames(flow_app, surface, events=[pygame.event.Event(pygame.QUIT)])
    assert not flow_app.running


# ---------------------------------------------------------------------- run()


def test_run_stops_after_max_frames() -> None:
    assert run(mode="menu", window=SMALL, max_frames=5) == 0


def test_run_without_a_display_raises(monkeypatch) -> None:
    monkeypatch.setattr(app_module.sys, "platform", "linux")
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"):
        monkeypatch.delenv(var, raising=False)
    with pytest.raises(NoDisplayError):
        run(mode="menu", max_frames=1)


def test_an_invisible_fallback_display_is_refused(monkeypatch) -> None:
    # With DISPLAY pointing nowhere, SDL quietly falls back to its "offscreen" driver.
    monkeypatch.delenv("SDL_VIDEODRIVER", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":31999")
    with pytest.raises(NoDisplayError):
        run(mode="menu", max_frames=1)


def test_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError):
        run(mode="attract", max_frames=1)
