"""Every new scene draws; night is darker than day, dusk warmer, fog flatter; the HUD's
instruments, roadbook and arrow are there; tyres leave marks, gravel raises dust."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("MILLEGAME_CONFIG_DIR", tempfile.mkdtemp(prefix="millegame-cfg-"))

import math
from pathlib import Path

import numpy as np
import pygame
import pytest

from millegame import catalog
from millegame.core.car import Controls
from millegame.core.ground import open_ground, ring_road
from millegame.core.stage import Stage
from millegame.ui.app import App
from millegame.ui.fonts import CREAM
from millegame.ui.hud.gauges import DIGITAL_BG, FACE
from millegame.ui.hud.race_hud import RegularityReading
from millegame.ui.hud.roadbook import PAPER
from millegame.ui.render.atmosphere import Atmosphere
from millegame.ui.scenes.controls_menu import ControlsScene
from millegame.ui.scenes.italy_map import ItalyMapScene
from millegame.ui.scenes.pause import PauseScene
from millegame.ui.scenes.race_scene import RaceScene
from millegame.ui.scenes.rules_select import RulesScene
from millegame.ui.scenes.settings_menu import SettingsScene
from millegame.ui.settings import Settings
from stage_fixtures import sprint_stage

SIZE = (1280, 720)


@pytest.fixture(scope="module")
def screen() -> pygame.Surface:
    pygame.display.init()
    pygame.font.init()
    return pygame.display.set_mode(SIZE)


@pytest.fixture()
def art_stage(surfaces, tmp_path: Path) -> Stage:
    return sprint_stage(surfaces, tileset_dir=tmp_path)


@pytest.fixture()
def app(screen: pygame.Surface, art_stage: Stage) -> App:
    return App(SIZE, stage_loader=lambda: art_stage, settings=Settings(), sound=False)


def rgb(surface: pygame.Surface, rect: pygame.Rect | None = None) -> np.ndarray:
    return pygame.surfarray.array3d(surface if rect is None else surface.subsurface(rect)).astype(np.float64)


def distinct(surface: pygame.Surface, rect: pygame.Rect | None = None) -> int:
    a = rgb(surface, rect).astype(np.int64)
    return len(np.unique((a[..., 0] << 16) | (a[..., 1] << 8) | a[..., 2]))


def near(surface: pygame.Surface, rect: pygame.Rect, colour: tuple[int, int, int], tol: int = 10) -> bool:
    return bool((np.abs(rgb(surface, rect) - np.array(colour)).max(axis=-1) <= tol).any())


def draw_scene(scene, surface: pygame.Surface, frames: int = 1, frame_s: float = 1 / 60) -> pygame.Surface:
    for _ in range(frames):
        scene.update(frame_s)
    surface.fill((255, 0, 255))
    scene.draw(surface)
    return surface


@pytest.mark.parametrize("make", [SettingsScene, ControlsScene, ItalyMapScene])
def test_menu_pages_draw(app: App, screen: pygame.Surface, make) -> None:
    draw_scene(make(app), screen)
    assert distinct(screen) > 200
    assert not near(screen, screen.get_rect(), (255, 0, 255), tol=0)  # nothing left unpainted


def test_rules_page_and_the_italy_map_show_progress(app: App, screen: pygame.Surface) -> None:
    draw_scene(RulesScene(app, app.session.cars[0]), screen)
    assert distinct(screen) > 200
    app.session.records.record("prologo", app.session.cars[0].id, 171.5, (40.0,), score=171.5)
    draw_scene(ItalyMapScene(app), screen)
    assert distinct(screen) > 300


def test_pause_shows_a_message(app: App, art_stage: Stage, screen: pygame.Surface) -> None:
    race = RaceScene(app, art_stage, app.session.cars[0])
    draw_scene(race, screen)
    pause = PauseScene(app, race, message="Gamepad disconnected")
    draw_scene(pause, screen)
    assert near(screen, pygame.Rect(300, 500, 680, 200), (204, 142, 46), tol=20)  # ochre line under the box


def race_frame(app: App, stage: Stage, look: Atmosphere, car_id: str = "mercedes-300-slr", frames: int = 30):
    scene = RaceScene(app, stage, catalog.load_car(car_id), countdown_s=0.0, atmosphere=look)
    scene.input.held.add(pygame.K_UP)
    surface = pygame.display.get_surface()
    draw_scene(scene, surface, frames)
    return scene, surface


def world_area() -> pygame.Rect:
    return pygame.Rect(360, 200, 560, 300)  # between the HUD panels


def test_night_is_darker_than_day_and_headlights_light_the_road(app: App, art_stage: Stage) -> None:
    _, s = race_frame(app, art_stage, Atmosphere("day", "clear"))
    day = rgb(s, world_area()).mean()
    scene, s = race_frame(app, art_stage, Atmosphere("night", "clear"))
    night_px = rgb(s, world_area())
    assert night_px.mean() < 0.5 * day
    # ahead of the car (heading +x) is brighter than behind it
    cx, cy = (round(v) for v in scene.view.camera.to_screen(float(scene.race.state.x[0]), float(scene.race.state.y[0])))
    ahead = rgb(s, pygame.Rect(cx + 30, cy - 10, 60, 20)).mean()
    behind = rgb(s, pygame.Rect(cx - 120, cy - 10, 60, 20)).mean()
    assert ahead > 1.5 * behind


def test_dusk_is_warm_fog_is_flat_rain_is_dark(app: App, art_stage: Stage) -> None:
    _, s = race_frame(app, art_stage, Atmosphere("day", "clear"), frames=2)
    day = rgb(s, world_area())
    _, s = race_frame(app, art_stage, Atmosphere("dusk", "clear"), frames=2)
    dusk = rgb(s, world_area())
    assert dusk[..., 0].mean() / dusk[..., 2].mean() > day[..., 0].mean() / day[..., 2].mean()
    _, s = race_frame(app, art_stage, Atmosphere("day", "fog"), frames=2)
    fog = rgb(s, world_area())
    assert fog.std() < 0.7 * day.std()
    _, s = race_frame(app, art_stage, Atmosphere("day", "rain"), frames=2)
    assert rgb(s, world_area()).mean() < day.mean()


@pytest.mark.parametrize(("car_id", "colour"), [("alfa-6c-1750", FACE), ("lamborghini-huracan", DIGITAL_BG)])
def test_instruments_by_era(app: App, art_stage: Stage, car_id: str, colour) -> None:
    _, s = race_frame(app, art_stage, Atmosphere(), car_id=car_id, frames=3)
    corner = pygame.Rect(SIZE[0] - 380, SIZE[1] - 200, 370, 190)
    assert near(s, corner, colour, tol=12) and near(s, corner, CREAM if colour == DIGITAL_BG else (28, 24, 22))


def test_roadbook_regularity_clock_and_gate_arrow(app: App, surfaces) -> None:
    stage = ring_road(surfaces)
    scene = RaceScene(app, stage, catalog.load_car("porsche-550"), countdown_s=0.0)
    scene.hud.regularity = lambda race, car: RegularityReading("PC 1", race.time_s, 2.0)
    s = pygame.display.get_surface()
    draw_scene(scene, s, frames=5)
    strip = pygame.Rect(SIZE[0] - 380, 12, 370, 140)
    assert near(s, strip, PAPER, tol=3) and scene.hud.calls()
    reg = pygame.Rect(SIZE[0] // 2 - 125, 80, 250, 75)
    assert near(s, reg, CREAM, tol=4)
    # the next checkpoint is far round the ring: an arrow points at it from the edge
    assert near(s, pygame.Rect(0, 0, SIZE[0], SIZE[1]), (179, 32, 42), tol=3)


def test_a_handbrake_slide_leaves_marks_and_gravel_raises_dust(app: App, surfaces) -> None:
    stage = open_ground(surfaces, width_m=1200.0, height_m=200.0, surface="gravel")
    scene = RaceScene(app, stage, catalog.load_car("jaguar-xk120"), countdown_s=0.0)
    scene.input.held.add(pygame.K_UP)
    s = pygame.display.get_surface()
    draw_scene(scene, s, frames=240)  # well past 4 m/s, where gravel starts to raise dust
    assert scene.view.particles.alive > 5  # dust behind the car
    scene.input.held.clear()
    scene.input.held.update({pygame.K_SPACE, pygame.K_LEFT})
    draw_scene(scene, s, frames=40)
    assert scene.view.effects is not None and scene.view.effects.marks_laid > 4
    assert len(scene.view.map.skids) > 4


def test_lifting_at_high_revs_can_backfire(app: App, surfaces) -> None:
    stage = open_ground(surfaces, width_m=1500.0)
    scene = RaceScene(app, stage, catalog.load_car("alfa-6c-1750"), countdown_s=0.0)
    fires = 0
    for k in range(600):
        scene.input.held.clear()
        if (k // 45) % 2 == 0:
            scene.input.held.add(pygame.K_UP)
        scene.update(1 / 60)
        fires += len(scene.backfires)
    assert fires > 0


def test_signals_estimate_slip_without_core_fields(art_stage: Stage) -> None:
    from millegame.core.race import Race
    from millegame.ui.car_signals import read_signals

    race = Race(art_stage, [catalog.load_car("porsche-550")])
    for _ in range(360):
        race.step(Controls.single(throttle=1.0))
    for _ in range(120):
        race.step(Controls.single(throttle=0.2))  # a steady cruise: no tyre is sliding
    sig = read_signals(race, Controls.single(throttle=0.2))
    assert sig.speed_mps[0] > 5 and not sig.sliding[0]
    assert sig.throttle[0] == pytest.approx(0.2, abs=0.05) and sig.surface[0] == art_stage.surfaces.index("asphalt")


def test_heading_up_turns_the_map_so_the_car_points_up(screen: pygame.Surface, surfaces) -> None:
    settings = Settings()
    settings.camera = "heading_up"
    stage = ring_road(surfaces)
    app = App(SIZE, stage_loader=lambda: stage, settings=settings, sound=False)
    scene = RaceScene(app, stage, catalog.load_car("porsche-550"), countdown_s=0.0)
    scene.input.held.add(pygame.K_UP)
    draw_scene(scene, screen, frames=90)
    assert scene.view.camera.heading_up and distinct(screen) > 200
    # the car heads +x at the start of the ring: north-up it would point right, here it points up
    h = float(scene.race.state.heading[0])
    assert abs(((scene.view.view_heading - h) + math.pi) % (2 * math.pi) - math.pi) < 0.3
    cx, cy = SIZE[0] // 2, SIZE[1] // 2
    assert near(screen, pygame.Rect(cx - 60, cy - 60, 120, 260), (84, 86, 90), tol=30)  # asphalt runs up


@pytest.mark.parametrize("info", catalog.list_stages(), ids=lambda s: s.id)
def test_every_shipped_stage_draws_with_its_look_and_pace_notes(screen: pygame.Surface, info) -> None:
    from millegame.core.route import Route
    from millegame.levels import load_stage
    from millegame.ui.hud.pacenotes import generate
    from millegame.ui.render.camera import Camera
    from millegame.ui.render.map_levels import MapLevels

    stage = load_stage(info.path)
    look = Atmosphere.of(stage)
    levels = MapLevels(stage, (5.0,), grade=None if look.is_plain else look.grade)
    assert levels.renderers[0].use_tiles, "the stage's tilesets load"
    cam = Camera(*SIZE, 5.0, bounds_m=(stage.width_m, stage.height_m))
    for x, y in (stage.start_xy, stage.route[len(stage.route) // 2], stage.finish.a):
        cam.snap(float(x), float(y))
        screen.fill((255, 0, 255))
        levels.draw_ground(screen, cam)
        assert distinct(screen) > 50 and not near(screen, screen.get_rect(), (255, 0, 255), tol=0)
    assert generate(Route.of(stage.route)), "a real stage has corners to call"


def test_the_stage_list_picks_the_stage_to_drive(app: App, screen: pygame.Surface) -> None:
    from millegame.ui.scenes.car_select import CarSelectScene

    stages = catalog.list_stages()
    app.stack.push(ItalyMapScene(app))
    for k in (pygame.K_DOWN, pygame.K_RETURN):
        app.frame([pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0)], 1 / 60, screen)
    assert isinstance(app.top, CarSelectScene)
    assert app.session.stage_path == stages[1].path and app.session.stage.id == stages[1].id


def test_the_minimap_draws_the_driven_route_as_drawing_it_whole_would(screen: pygame.Surface, art_stage: Stage) -> None:
    """Forward a stretch at a time, and back after a respawn."""
    from millegame.core.race import Race
    from millegame.ui.fonts import OCHRE
    from millegame.ui.hud.race_hud import Minimap

    minimap = Minimap(Race(art_stage, [catalog.load_car("porsche-550")]))
    minimap.line = [(20 + 1.4 * k, 90 + 40 * math.sin(k / 9)) for k in range(100)]  # a winding route
    for points in (0, 2, 3, 17, 18, 60, 99, 100, 40, 41, 1, 2, 100):
        whole = minimap.base.copy()
        if points >= 2:
            pygame.draw.lines(whole, OCHRE, False, minimap.line[:points], 3)
        assert pygame.image.tobytes(minimap.with_driven(points), "RGBA") == pygame.image.tobytes(whole, "RGBA")
