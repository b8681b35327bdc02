"""The UI under the rules: the chosen rule set runs the race, the respawn key, the
regularity clock in the HUD, records and ghosts in the save file, replays on screen."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("MILLEGAME_CONFIG_DIR", tempfile.mkdtemp(prefix="millegame-cfg-"))
os.environ.setdefault("MILLEGAME_DATA_DIR", tempfile.mkdtemp(prefix="millegame-data-"))

from pathlib import Path

import pygame
import pytest

from millegame import catalog
from millegame.core.autopilot import Autopilot
from millegame.core.car import Controls
from millegame.core.replay import verify
from millegame.core.stage import Stage
from millegame.store import Store
from millegame.ui.app import App
from millegame.ui.hud import layout as layout_module
from millegame.ui.hud import race_hud as hud_module
from millegame.ui.scenes.race_scene import RaceScene
from millegame.ui.scenes.results import ResultsScene
from millegame.ui.scenes.rules_select import RulesScene
from millegame.ui.settings import Settings
from stage_fixtures import sprint_stage

SIZE = (1280, 720)


@pytest.fixture()
def screen() -> pygame.Surface:
    pygame.display.init()  # again after ``run`` quits pygame
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
def app(screen: pygame.Surface, art_stage: Stage, data_dir: Path) -> App:
    return App(SIZE, stage_loader=lambda: art_stage, settings=Settings(), sound=False)


def key(k: int, down: bool = True) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN if down else pygame.KEYUP, key=k, mod=0, unicode="", scancode=0)


class AutoScene(RaceScene):
    """The player's race, driven by the autopilot (as if by a very steady player)."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.pilot = Autopilot(self.stage, self.race.params)

    def drive(self, frame_controls: Controls) -> Controls:
        return self.pilot.controls(self.race)


def test_choosing_regolarita_runs_a_regolarita_race(app: App, screen: pygame.Surface) -> None:
    car = app.session.cars[0]
    scene = RulesScene(app, car)
    app.stack.push(scene)
    scene.handle_event(key(pygame.K_RIGHT))
    scene.handle_event(key(pygame.K_RETURN))
    assert app.session.rules == "regolarita"
    for _ in range(3):
        app.frame([], 1 / 60, screen)
    race_scene = app.top
    assert isinstance(race_scene, RaceScene)
    assert race_scene.race.referee is not None and race_scene.race.referee.rules == "regolarita"
    assert race_scene.hud.regularity is not None


def test_corsa_is_the_default_and_has_a_referee(app: App) -> None:
    scene = RaceScene(app, app.session.stage, app.session.cars[0], countdown_s=0.0)
    assert scene.race.referee is not None and scene.race.referee.rules == "corsa"


def test_respawn_key_and_pad_button_request_a_respawn(app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    scene = RaceScene(app, app.session.stage, app.session.cars[0], countdown_s=0.0)
    asked: list[int] = []
    real = scene.race.request_respawn
    monkeypatch.setattr(scene.race, "request_respawn", lambda car=0: (asked.append(car), real(car)))
    scene.handle_event(key(pygame.K_r))
    assert asked == [0]
    scene.update(1 / 60)  # the respawn happens at the next tick, and is on the tape
    assert scene.tape.respawn[0] == 1.0
    assert all(r == 0.0 for r in scene.tape.respawn[1:])
    pad = pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, button=pygame.CONTROLLER_BUTTON_Y, instance_id=0)
    scene.handle_event(pad)
    assert asked == [0, 0]


def test_hud_shows_the_pc_clock_during_a_trial(screen: pygame.Surface, data_dir: Path, monkeypatch) -> None:
    from millegame.levels import load_stage

    path = next(s.path for s in catalog.list_stages() if s.id == "brescia-verona")
    stage = load_stage(path)
    app = App(SIZE, stage_loader=lambda: stage, settings=Settings(), sound=False)
    app.session.rules = "regolarita"
    scene = RaceScene(app, stage, catalog.load_car("mercedes-300-slr"), countdown_s=0.0)
    race = scene.race
    pilot = Autopilot(stage, race.params)
    assert race.referee is not None
    while race.referee.state(0).pc is None and race.tick < 120 * 90:
        race.step(pilot.controls(race))
    for _ in range(120):  # a second into the section
        race.step(pilot.controls(race))
    pc = race.referee.state(0).pc
    assert pc is not None
    reading = scene.hud.regularity(race, 0) if scene.hud.regularity is not None else None
    assert reading is not None and reading.target_s == pc.target_s and reading.elapsed_s == pc.elapsed_s
    texts: list[str] = []
    real = hud_module.blit_text

    def spy(target, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        texts.append(text)
        return real(target, text, *args, **kwargs)

    monkeypatch.setattr(hud_module, "blit_text", spy)
    # A panel drawn the same in an earlier test would be blitted from the layout's kept
    # images without drawing its text: start from none.
    monkeypatch.setattr(layout_module, "_SCALED", {})
    scene.draw(screen)
    assert f"target {hud_module.format_time(pc.target_s)}" in texts
    assert hud_module.format_time(pc.elapsed_s) in texts  # the running clock, to the hundredth
    assert any(t.startswith("Penalty points") for t in texts)


def _drive_to_results(app: App, scene: RaceScene) -> None:
    app.stack.scenes = [scene]
    for _ in range(3000):
        scene.update(0.1)
        if isinstance(app.top, ResultsScene):
            return
    raise AssertionError("the run did not finish")


def test_a_best_run_is_saved_with_its_ghost_and_the_next_race_draws_it(
    app: App, data_dir: Path, screen: pygame.Surface
) -> None:
    stage, car = app.session.stage, app.session.cars[0]
    scene = AutoScene(app, stage, car, countdown_s=0.0)
    assert scene.ghost is None  # nothing kept yet
    _drive_to_results(app, scene)
    results = app.top
    assert isinstance(results, ResultsScene) and results.new_best
    results.draw(screen)
    finish_tick = int(scene.race.finish_tick[0])
    with Store() as store:
        rec = store.record(stage.id, car.id, "corsa", stage_sha256=stage.source_sha256)  # a record of this version
        assert rec is not None and rec.time_s == pytest.approx(finish_tick * scene.race.dt)
        assert rec.splits_s == tuple(scene.race.splits_s[0])
        ghost = store.ghost(stage.id, car.id)
    assert ghost is not None and ghost.finish_tick == finish_tick
    assert verify(ghost, stage, car).ok  # the tape re-drives the run exactly
    assert str(data_dir) in str(Store().path)

    app.start_race(car)
    nxt = app.top
    assert isinstance(nxt, RaceScene) and nxt.ghost is not None
    assert nxt.best is not None and nxt.race.referee is not None
    assert nxt.race.referee.reference_splits_s == tuple(scene.race.splits_s[0])
    for _ in range(130):  # past the countdown
        app.frame([], 1 / 30, screen)
    assert nxt.race.tick > 0 and nxt.ghost.race.tick == nxt.race.tick  # step for step with the player
    assert app.top is nxt and nxt.view.ghost is not None


def test_a_stale_ghost_is_refused_with_a_toast(app: App, data_dir: Path) -> None:
    from dataclasses import replace

    from millegame.core.replay import Replay
    from millegame.core.runner import ControlTape

    stage, car = app.session.stage, app.session.cars[0]
    tape = ControlTape()
    tape.append(Controls.single(throttle=1.0))
    old = replace(Replay.of(stage, car, tape, 1), physics_version=-1)
    with Store() as store:
        assert store.save_ghost(old)
    scene = RaceScene(app, stage, car, countdown_s=0.0)
    assert scene.ghost is None
    assert app.toast is not None and "physics version" in app.toast[0]


def test_an_unusable_data_dir_does_not_stop_the_game(
    screen: pygame.Surface, art_stage: Stage, tmp_path: Path, monkeypatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("MILLEGAME_DATA_DIR", str(blocker / "data"))
    app = App(SIZE, stage_loader=lambda: art_stage, settings=Settings(), sound=False)
    scene = AutoScene(app, art_stage, app.session.cars[0], countdown_s=0.0)
    assert app.toast is not None and "save file" in app.toast[0]
    _drive_to_results(app, scene)
    assert isinstance(app.top, ResultsScene) and app.top.new_best  # kept for the session
    assert app.session.records.best(art_stage.id, app.session.cars[0].id) is not None


def test_a_replay_plays_back_the_recorded_run_and_any_key_leaves(
    screen: pygame.Surface, art_stage: Stage, data_dir: Path
) -> None:
    from millegame.core.replay import Replay
    from millegame.ui.scenes.replay_scene import ReplayScene

    app = App(SIZE, stage_loader=lambda: art_stage, settings=Settings(), sound=False)
    car = app.session.cars[0]
    player = AutoScene(app, art_stage, car, countdown_s=0.0)
    _drive_to_results(app, player)
    replay = Replay.of(art_stage, car, player.tape, int(player.race.finish_tick[0]), rules="corsa")

    watch = App(SIZE, mode="replay", replay=replay, stage_loader=lambda: art_stage, settings=Settings(), sound=False)
    scene = watch.top
    assert isinstance(scene, ReplayScene) and scene.race.referee is not None
    scene.handle_event(key(pygame.K_UP))  # no player input: a key leaves
    assert not watch.running

    watch = App(SIZE, mode="replay", replay=replay, stage_loader=lambda: art_stage, settings=Settings(), sound=False)
    scene = watch.top
    assert isinstance(scene, ReplayScene)
    for _ in range(3000):
        watch.frame([], 0.1, screen)
        if not watch.running:
            break
    assert not watch.running and watch.exit_code == 0  # the end of the run ends the program
    assert int(scene.race.finish_tick[0]) == int(player.race.finish_tick[0])
    assert scene.race.splits_s[0] == player.race.splits_s[0]
    with Store() as store:  # watching keeps nothing
        assert len(store.history()) == 1


def test_run_replay_opens_on_the_shipped_stage_and_refuses_a_stale_file(tmp_path: Path, data_dir: Path) -> None:
    from dataclasses import replace

    from millegame.core.replay import Replay, ReplayError
    from millegame.core.runner import ControlTape
    from millegame.levels import load_stage
    from millegame.ui.app import run

    stage = load_stage(next(s.path for s in catalog.list_stages() if s.id == "prologo"))
    car = catalog.load_car("alfa-6c-1750")
    tape = ControlTape()
    for _ in range(30):
        tape.append(Controls.single(throttle=1.0))
    path = tmp_path / "run.npz"
    Replay.of(stage, car, tape, -1, rules="regolarita").save(path)
    assert run(mode="replay", replay_path=path, max_frames=3) == 0
    stale = tmp_path / "stale.npz"
    replace(Replay.load(path), stage_sha256="0" * 64).save(stale)
    with pytest.raises(ReplayError, match="another version of this stage"):
        run(mode="replay", replay_path=stale, max_frames=3)
    with pytest.raises(ReplayError):
        run(mode="replay", replay_path=tmp_path / "missing.npz", max_frames=3)


def test_hud_warns_of_wrong_way_missed_checkpoint_and_penalties(
    app: App, screen: pygame.Surface, monkeypatch: pytest.MonkeyPatch
) -> None:
    scene = RaceScene(app, app.session.stage, app.session.cars[0], countdown_s=0.0)
    ref = scene.race.referee
    assert ref is not None
    texts: list[str] = []
    real = hud_module.blit_text
    spy = lambda t, text, *a, **k: (texts.append(text), real(t, text, *a, **k))[1]  # noqa: E731
    monkeypatch.setattr(hud_module, "blit_text", spy)
    scene.draw(screen)
    assert "WRONG WAY" not in texts and not any(t.startswith("Missed") for t in texts)
    scene.handle_event(key(pygame.K_r))
    scene.update(1 / 60)  # the respawn: +5 s in Corsa
    ref.wrong_way[0] = True
    ref.missed[0] = 0
    texts.clear()
    scene.draw(screen)
    assert "WRONG WAY" in texts
    assert any(t.startswith("Missed") for t in texts)
    assert "Penalties +5 s" in texts and "PENALTY" in texts


def test_the_game_drives_with_the_keyboard_players_aids_and_the_settings_switch_them(app: App) -> None:
    from millegame.core.keyboard import KEYBOARD_ASSISTS

    scene = RaceScene(app, app.session.stage, app.session.cars[0], countdown_s=0.0)
    assists = scene.race.assists
    assert (assists.steering, assists.pedal_aid) == (KEYBOARD_ASSISTS.steering, KEYBOARD_ASSISTS.pedal_aid)
    app.settings.pedal_aid = False
    assert not RaceScene(app, app.session.stage, app.session.cars[0], countdown_s=0.0).race.assists.pedal_aid
