"""Every scene laid out at window sizes from 800×500 to 3840×2160: the HUD's elements and
the app's notices stay inside the window and apart (issue 13), with every element the
HUD can show at once on screen, the longest notice and the F3 readout."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from millegame import catalog
from millegame.core.race import Race
from millegame.core.result import StageResult
from millegame.core.stage import Stage
from millegame.ui.app import App
from millegame.ui.fonts import font
from millegame.ui.hud.layout import problems
from millegame.ui.hud.race_hud import Banner, RegularityReading
from millegame.ui.scenes.car_select import CarSelectScene
from millegame.ui.scenes.controls_menu import ControlsScene
from millegame.ui.scenes.demo import DemoScene
from millegame.ui.scenes.italy_map import ItalyMapScene
from millegame.ui.scenes.pause import PauseScene
from millegame.ui.scenes.race_scene import RaceScene
from millegame.ui.scenes.results import ResultsScene
from millegame.ui.scenes.rules_select import RulesScene
from millegame.ui.scenes.settings_menu import SettingsScene
from millegame.ui.scenes.title import TitleScene
from millegame.ui.settings import Settings
from stage_fixtures import sprint_stage

SIZES = [(800, 500), (1024, 768), (1280, 720), (1920, 1080), (2560, 1080), (3840, 2160), (800, 2160), (3840, 500)]
# The longest notice the game shows: the settings file could not be read.
LONG_NOTICE = (
    "Settings file damaged (/home/someone/.config/millegame/settings.toml: Expected '=' after a key in a "
    "key/value pair (at line 3, column 7)): using the defaults; the file is kept as settings.toml.bad"
)


@pytest.fixture(scope="module", autouse=True)
def display() -> None:
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((320, 200))


@pytest.fixture()
def stage(surfaces, tmp_path: Path) -> Stage:
    return sprint_stage(surfaces, tileset_dir=tmp_path)


def loaded(scene: RaceScene, moment: str) -> RaceScene:
    """Everything the race HUD can show at once at a ``moment``: at the "start", the
    countdown; "racing", splits, three pace notes, a banner, penalties and both
    warnings; the regularity clock and a caption at both."""
    hud, race = scene.hud, scene.race
    hud.regularity = lambda race, car: RegularityReading("PC 12 · Settore 3", 41.27, 42.0, "1,234 m")
    hud.caption = "REPLAY  ·  press any key"
    if moment == "start":
        scene.countdown_s = 0.5
        return scene
    scene.countdown_s = -60.0  # "VIA!" is long gone
    race.splits_s[0].extend([31.5, 62.25, 93.0, 124.75, 155.5])
    hud.deltas = [-1.25, 0.5, None, 2.0, -0.25]
    note = hud.notes[0] if hud.notes else None
    if note is not None:
        hud.calls = lambda: [(note, 0.0), (note, 60.0), (note, 140.0)]  # type: ignore[method-assign]
    hud.banners = [Banner("Porta San Giovanni  4/5", "1:56.94", (204, 142, 46), 2.0, -0.35)]
    ref = race.referee
    assert ref is not None
    ref.penalty_s[0] = 20.0
    ref.wrong_way[0] = True
    ref.missed[0] = 0
    return scene


def frame(app: App, size: tuple[int, int]) -> dict[str, pygame.Rect]:
    app.notify(LONG_NOTICE)
    app.show_fps = True
    app.frame_ms = [4.2] * 10
    surface = pygame.Surface(size)
    app.frame([], 1 / 60, surface)
    app.frame([], 1 / 60, surface)  # the notices follow the layout of the frame before
    return dict(app.overlay_rects)


EXPECTED = {
    "start": {"stage", "clock", "regularity", "instruments", "minimap", "countdown", "caption", "toast", "fps"},
    "racing": {"stage", "splits", "clock", "regularity", "instruments", "minimap", "rules", "banner", "wrong_way",
               "turn_round", "missed", "caption", "toast", "fps"},
}  # fmt: skip


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("car_id", ["alfa-6c-1750", "lamborghini-huracan"])
@pytest.mark.parametrize("moment", ["start", "racing"])
def test_race_hud_stays_inside_and_apart(stage: Stage, size: tuple[int, int], car_id: str, moment: str) -> None:
    app = App(size, stage_loader=lambda: stage, settings=Settings(), sound=False)
    app.session.rules = "corsa"
    scene = loaded(RaceScene(app, stage, catalog.load_car(car_id), countdown_s=0.0), moment)
    app.stack.scenes = [scene]
    overlays = frame(app, size)
    rects = {**scene.hud.rects, **overlays}
    assert EXPECTED[moment] <= set(rects), EXPECTED[moment] - set(rects)
    assert problems(rects, size) == []


@pytest.mark.parametrize("size", [(800, 500), (3840, 2160)], ids=["800x500", "3840x2160"])
def test_the_gate_arrow_keeps_off_the_other_elements(stage: Stage, size: tuple[int, int]) -> None:
    """The next checkpoint straight behind the instruments: the arrow pulls back along
    its ray until it is clear of them."""
    app = App(size, stage_loader=lambda: stage, settings=Settings(), sound=False)
    scene = RaceScene(app, stage, catalog.load_car("porsche-550"), countdown_s=0.0)
    app.stack.scenes = [scene]
    cam = scene.view.camera
    x0, y0, x1, y1 = cam.view_m()
    scene.hud.next_gate_mid = lambda: (x1 + 200.0, y1 + 200.0 * (y1 - y0) / (x1 - x0))  # type: ignore[method-assign]
    frame(app, size)
    rects = scene.hud.rects
    assert "gate_arrow" in rects
    assert problems(rects, size) == []


MENUS = {
    "title": TitleScene,
    "car_select": CarSelectScene,
    "settings": SettingsScene,
    "controls": ControlsScene,
    "stages": ItalyMapScene,
    "rules": lambda app: RulesScene(app, app.session.cars[0]),
    "results": lambda app: ResultsScene(
        app, app.session.stage, app.session.cars[0], StageResult.of(Race(app.session.stage, [app.session.cars[0]]))
    ),
    "pause": lambda app: PauseScene(app, RaceScene(app, app.session.stage, app.session.cars[0], countdown_s=0.0)),
}


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("name", list(MENUS))
def test_menu_notices_stay_inside_and_apart(stage: Stage, size: tuple[int, int], name: str) -> None:
    app = App(size, stage_loader=lambda: stage, settings=Settings(), sound=False)
    app.stack.scenes = [MENUS[name](app)]
    rects = frame(app, size)
    assert set(rects) == {"toast", "fps"}
    assert problems(rects, size) == []
    if name not in ("title", "pause"):  # on a page, the readout sits in the header above the subtitle
        s = size[1] / 720
        subtitle_top = 46 * s - font(int(28 * s)).get_height() / 2
        assert rects["fps"].bottom <= subtitle_top + 1


def test_demo_caption_and_car_name_fit_at_800x500(stage: Stage) -> None:
    size = (800, 500)
    app = App(size, stage_loader=lambda: stage, settings=Settings(), sound=False)
    scene = DemoScene(app, stage, catalog.load_car("lamborghini-huracan"), exit_on_key=False)
    app.stack.scenes = [scene]
    frame(app, size)
    rects = {**scene.hud.rects, **app.overlay_rects}
    assert "car_name" in rects and problems(rects, size) == []


@pytest.mark.parametrize("size", [(800, 500), (1280, 720), (3840, 2160)], ids=["800x500", "1280x720", "3840x2160"])
def test_route_map_names_clear_of_stage_dots_and_selected_stage_marked(stage: Stage, size: tuple[int, int]) -> None:
    app = App(size, stage_loader=lambda: stage, settings=Settings(), sound=False)
    scene = ItalyMapScene(app)
    surface = pygame.Surface(size)
    marks = []
    for selected in range(len(scene.stages)):
        scene.selected = selected
        scene.draw(surface)
        assert {"Brescia", "Bologna"} <= set(scene.label_rects)
        assert len(scene.mark_circles) >= 2 * scene.shipped + 2  # every stage's two ends and the selected rings
        for name, r in scene.label_rects.items():
            assert r.collidelist(scene.dot_rects) < 0, name
            # Clear of the drawn circles themselves, outlines included, by a few pixels.
            assert scene.clear_of_marks(r, 2.0), (name, selected)
        names = list(scene.label_rects.values())
        assert all(a.collidelist([b for b in names if b is not a]) < 0 for a in names)
        assert len(scene.selected_rects) == 2
        marks.append(scene.selected_rects)
    assert marks[0] != marks[1]  # the marks follow the selection


def test_a_window_bigger_than_the_desktop_is_clamped() -> None:
    from millegame.ui.app import WINDOW_FRAME_PX, fit_window

    assert fit_window((1920, 1080), (1280, 800)) == (1280, 800 - WINDOW_FRAME_PX)
    assert fit_window((1024, 600), (1920, 1080)) == (1024, 600)


def test_settings_show_the_display_mode_in_use(monkeypatch: pytest.MonkeyPatch) -> None:
    from millegame.ui.scenes.settings_menu import display_mode

    s = Settings()
    monkeypatch.setattr(pygame.display, "is_fullscreen", lambda: True)  # started with --fullscreen
    assert display_mode(s) == "fullscreen (next start: window)"
    s.fullscreen = True
    assert display_mode(s) == "fullscreen"
    monkeypatch.setattr(pygame.display, "is_fullscreen", lambda: False)
    assert display_mode(s) == "window (next start: fullscreen)"


def test_a_scaled_element_shows_what_was_drawn_this_frame() -> None:
    """An element scaled to the window is reused only while it is drawn the same: a
    changed drawing shows at once, and the same drawing again gives the same pixels."""
    from millegame.ui.hud.layout import Layout

    target = pygame.Surface((1920, 1080))

    def frame(colour: tuple[int, int, int]) -> pygame.Surface:
        target.fill((0, 0, 0))
        lay = Layout(target)
        r = lay.place("box", (100, 40), "topleft", (10, 10), lambda c: c.fill((*colour, 255), (0, 0, 50, 40)))
        return target.subsurface(r).copy()

    red = pygame.image.tobytes(frame((200, 0, 0)), "RGB")
    blue = pygame.image.tobytes(frame((0, 0, 200)), "RGB")
    assert red != blue
    assert pygame.image.tobytes(frame((0, 0, 200)), "RGB") == blue
    assert pygame.image.tobytes(frame((200, 0, 0)), "RGB") == red
    left = frame((0, 0, 200)).get_at((5, 5))
    assert left[:3] == (0, 0, 200)


def test_a_scaled_element_that_says_what_it_shows_is_drawn_only_when_that_changes() -> None:
    from millegame.ui.hud.layout import Layout

    target = pygame.Surface((1920, 1080))
    drawn: list[tuple[int, int, int]] = []

    def frame(colour: tuple[int, int, int]) -> tuple[int, int, int]:
        def draw(c: pygame.Surface) -> None:
            drawn.append(colour)
            c.fill((*colour, 255))

        target.fill((0, 0, 0))
        r = Layout(target).place("said", (100, 40), "topleft", (10, 10), draw, shows=colour)
        return tuple(target.get_at(r.center))[:3]

    assert [frame((200, 0, 0)), frame((200, 0, 0)), frame((0, 0, 200)), frame((0, 0, 200))] == [
        (200, 0, 0), (200, 0, 0), (0, 0, 200), (0, 0, 200)
    ]  # fmt: skip
    assert drawn == [(200, 0, 0), (0, 0, 200)]


def test_a_surface_all_opaque_or_transparent_blits_by_runs_to_the_same_pixels() -> None:
    import numpy as np

    from millegame.ui.hud.layout import opaque_runs

    noise = np.random.default_rng(5).integers(0, 256, size=(200, 120, 3), dtype=np.uint8)

    def blitted(s: pygame.Surface) -> bytes:
        target = pygame.surfarray.make_surface(noise)
        target.blit(s, (7, 5))
        return pygame.image.tobytes(target, "RGB")

    dial = pygame.Surface((150, 100), pygame.SRCALPHA)
    pygame.draw.circle(dial, (240, 228, 198), (60, 50), 45)
    dial.blit(font(30).render("120", True, (28, 24, 22)), (35, 35))  # antialiased, on the opaque face
    plain = dial.copy()
    assert blitted(opaque_runs(dial)) == blitted(plain)
    assert dial.get_flags() & pygame.RLEACCEL  # encoded at its first blit
    glass = pygame.Surface((150, 100), pygame.SRCALPHA)
    glass.fill((18, 22, 30, 230))
    blitted(opaque_runs(glass))
    assert not glass.get_flags() & pygame.RLEACCEL  # SDL would blend it one level off
