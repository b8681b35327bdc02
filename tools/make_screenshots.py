"""Regenerate the screenshots of every scene into ``docs/screenshots/``.

    python tools/make_screenshots.py [--out docs/screenshots] [--size 1280x720] [--only NAME…]
    python tools/make_screenshots.py --stages [STAGE_ID…] [--looks day dusk night rain fog]

Headless (SDL dummy drivers); the race shots are ``millegame shot``'s (``ui.shot``): the
autopilot drives the first shipped stage, each shot at a moment and in a light chosen to
show something (a corner with pace notes, the village at night, spray in the rain…).
``--stages`` shoots every shipped stage (or the ones named) in each look — day, dusk,
night, rain, fog — ``STAGE_MOMENT_S`` into the autopilot's run, into
``docs/screenshots/stages/STAGE_LOOK.png``. Deterministic apart from the tiny
randomness of dust and rain, so re-running changes the files only when the game's look
changed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("MILLEGAME_CONFIG_DIR", tempfile.mkdtemp(prefix="millegame-shots-"))

import pygame

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from millegame import catalog  # noqa: E402
from millegame.levels import load_stage  # noqa: E402
from millegame.ui.app import App  # noqa: E402
from millegame.ui.render.atmosphere import Atmosphere  # noqa: E402
from millegame.ui.road_tests import RoadTests  # noqa: E402
from millegame.ui.scenes.base import Scene  # noqa: E402
from millegame.ui.scenes.car_select import CarSelectScene  # noqa: E402
from millegame.ui.scenes.controls_menu import ControlsScene  # noqa: E402
from millegame.ui.scenes.demo import DemoScene  # noqa: E402
from millegame.ui.scenes.italy_map import ItalyMapScene  # noqa: E402
from millegame.ui.scenes.pause import PauseScene  # noqa: E402
from millegame.ui.scenes.results import ResultsScene  # noqa: E402
from millegame.ui.scenes.rules_select import RulesScene  # noqa: E402
from millegame.ui.scenes.settings_menu import SettingsScene  # noqa: E402
from millegame.ui.scenes.title import TitleScene  # noqa: E402
from millegame.ui.settings import Settings  # noqa: E402
from millegame.ui.shot import take_shot  # noqa: E402

# name: (car, (time of day, weather), stage time [s])
RACE_SHOTS: dict[str, tuple[str, tuple[str, str], float]] = {
    "race_day": ("alfa-6c-1750", ("day", "clear"), 22.0),
    "race_dusk": ("jaguar-xk120", ("dusk", "clear"), 48.0),
    "race_night": ("mercedes-300-slr", ("night", "clear"), 31.0),
    "race_rain": ("lamborghini-huracan", ("day", "rain"), 70.0),
    "race_fog": ("porsche-550", ("day", "fog"), 40.0),
    "race_night_rain": ("ferrari-315-s", ("night", "rain"), 95.0),
}


# The looks of the stage shots: name → (time of day, weather).
STAGE_LOOKS: dict[str, tuple[str, str]] = {
    "day": ("day", "clear"),
    "dusk": ("dusk", "clear"),
    "night": ("night", "clear"),
    "rain": ("day", "rain"),
    "fog": ("day", "fog"),
}
STAGE_MOMENT_S = 25.0  # past the start, at speed
STAGE_CAR = "mercedes-300-slr"


def stage_shots(out: Path, stage_ids: list[str], looks: list[str], size: tuple[int, int]) -> None:
    """Every stage of ``stage_ids`` (all shipped ones when empty) in every look of ``looks``."""
    wanted = [s for s in catalog.list_stages() if not stage_ids or s.id in stage_ids]
    missing = set(stage_ids) - {s.id for s in wanted}
    if missing:
        raise SystemExit(f"no shipped stage {', '.join(sorted(missing))}")
    out.mkdir(parents=True, exist_ok=True)
    car = catalog.load_car(STAGE_CAR)
    for entry in wanted:
        stage = load_stage(entry.path)
        for look in looks:
            path = out / f"{entry.id}_{look}.png"
            take_shot(stage, car, path, at_s=STAGE_MOMENT_S, size=size, look=STAGE_LOOKS[look])
            print(path.relative_to(REPO) if path.is_relative_to(REPO) else path, flush=True)


def drive(app: App, car_id: str, look: Atmosphere, seconds: float) -> DemoScene:
    """The autopilot's race on the first stage, ``seconds`` into it, HUD without the
    demo's captions (under the pause menu and before the results)."""
    scene = DemoScene(app, app.session.stage, catalog.load_car(car_id), exit_on_key=False, atmosphere=look)
    scene.hud.caption = scene.hud.headline = None
    app.stack.scenes = [scene]
    while scene.race.time_s < seconds and not scene.race.finished[0]:
        scene.update(1 / 60)
    return scene


def shots(app: App) -> dict[str, Callable[[], Scene]]:
    cars = {c.id: k for k, c in enumerate(app.session.cars)}

    def car_select(car_id: str) -> Callable[[], Scene]:
        def make() -> Scene:
            s = CarSelectScene(app)
            s.selected = cars[car_id]
            return s

        return make

    def pause() -> Scene:
        r = drive(app, "ferrari-315-s", Atmosphere("day", "clear"), 30.0)
        return PauseScene(app, r)

    def results() -> Scene:
        r = drive(app, "lamborghini-huracan", Atmosphere("day", "clear"), 240.0)
        for _ in range(30):
            r.update(1 / 60)
        return ResultsScene(app, r.stage, r.car, r.result())

    return {
        "title": lambda: TitleScene(app),
        "car_select_classic": car_select("alfa-6c-1750"),
        "car_select_modern": car_select("lamborghini-huracan"),
        "rules": lambda: RulesScene(app, app.session.cars[cars["mercedes-300-slr"]]),
        "settings": lambda: SettingsScene(app),
        "controls": lambda: ControlsScene(app),
        "stages": lambda: ItalyMapScene(app),
        "pause": pause,
        "results": results,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    ap.add_argument("--size", default="1280x720")
    ap.add_argument("--only", nargs="*", default=None)
    ap.add_argument("--stages", nargs="*", default=None, metavar="STAGE_ID", help="shoot the stages in every look")
    ap.add_argument("--looks", nargs="*", default=list(STAGE_LOOKS), choices=list(STAGE_LOOKS))
    args = ap.parse_args()
    w, h = (int(v) for v in args.size.lower().split("x"))
    if args.stages is not None:
        stage_shots(args.out / "stages", args.stages, args.looks, (w, h))
        return
    pygame.display.init()
    pygame.font.init()
    screen = pygame.display.set_mode((w, h))
    stage = load_stage(catalog.list_stages()[0].path)
    app = App((w, h), stage_loader=lambda: stage, settings=Settings(), sound=False)
    app.session.records.record(stage.id, "mercedes-300-slr", 168.42, (), score=168.42)  # the rally map shows progress
    app.session.road_tests = RoadTests(app.session.cars)  # the car cards show figures already measured (never measures)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, (car_id, look, seconds) in RACE_SHOTS.items():
        if args.only and name not in args.only:
            continue
        path = args.out / f"{name}.png"
        take_shot(stage, catalog.load_car(car_id), path, at_s=seconds, size=(w, h), look=look)
        print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
    screen = pygame.display.set_mode((w, h))
    for name, make in shots(app).items():
        if args.only and name not in args.only:
            continue
        scene = make()
        app.stack.scenes = [scene]
        scene.update(1 / 60) if not hasattr(scene, "race") else None
        screen.fill((0, 0, 0))
        scene.draw(screen)
        path = args.out / f"{name}.png"
        pygame.image.save(screen, str(path))
        print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
    app.shutdown()


if __name__ == "__main__":
    main()
