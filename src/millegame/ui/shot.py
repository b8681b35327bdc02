"""``millegame shot``: the race scene at a moment of an autopilot run, drawn headless.

For level designers (a stage preview), the README's screenshots and the tests of what
the camera shows: the autopilot drives the stage from the start to ``at_s`` seconds of
stage time, then one frame — world and HUD, as the player sees it — is drawn on a
``size`` surface under the SDL dummy video driver. Alongside the picture come the
camera's figures for that frame (``ShotFigures``).
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from pathlib import Path

from millegame.core.car import CarParams
from millegame.core.stage import Stage

FRAME_S = 1 / 60
MAX_AT_S = 3600.0  # an hour of stage time is more than any stage takes


@dataclass(frozen=True)
class ShotFigures:
    """The camera in the frame drawn: its scale [px/m], the followed car's length on
    screen [px], its speed [km/h] and the road visible ahead of it [m]."""

    px_per_m: float
    car_length_px: float
    speed_kmh: float
    visible_ahead_m: float

    def to_json(self) -> dict[str, float]:
        return {k: round(v, 3) for k, v in asdict(self).items()}


def take_shot(
    stage: Stage,
    car: CarParams,
    out: Path,
    *,
    at_s: float = 20.0,
    size: tuple[int, int] = (1280, 720),
    heading_up: bool = False,
    look: tuple[str, str] | None = None,
) -> ShotFigures:
    """Drive ``car`` over ``stage`` with the autopilot for ``at_s`` seconds (or to the
    finish), draw the frame into ``out`` (PNG) and return its figures. ``look``: (time
    of day, weather) instead of the stage's own, e.g. ("night", "rain")."""
    if not 0.0 <= at_s <= MAX_AT_S:
        raise ValueError(f"the moment must be between 0 and {MAX_AT_S:.0f} s, not {at_s}")
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from millegame.ui.app import App
    from millegame.ui.render.atmosphere import Atmosphere
    from millegame.ui.scenes.demo import DemoScene
    from millegame.ui.settings import Settings

    class ShotScene(DemoScene):
        """The demo's autopilot run held where it is: no next car."""

        def on_finished(self) -> None:
            pass

    pygame.display.init()
    pygame.font.init()
    screen = pygame.display.set_mode(size)
    settings = Settings()
    settings.camera = "heading_up" if heading_up else "follow"
    app = App(size, stage_loader=lambda: stage, settings=settings, sound=False, cars=(car,))
    try:
        atmosphere = Atmosphere.of(stage, time_of_day=look[0], weather=look[1]) if look else None
        scene = ShotScene(app, stage, car, exit_on_key=False, atmosphere=atmosphere)
        scene.hud.caption = scene.hud.headline = None
        app.stack.reset(scene)
        # The first frames bake the map at each zoom: it is ready when the moment comes.
        while scene.race.time_s < at_s and not scene.race.finished[0]:
            scene.update(FRAME_S)
        screen.fill((0, 0, 0))
        scene.draw(screen)
        out.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(screen, str(out))
        view = scene.view
        return ShotFigures(
            px_per_m=view.camera.px_per_m,
            car_length_px=view.car_length_px(),
            speed_kmh=float(scene.signals.speed_mps[0]) * 3.6,
            visible_ahead_m=view.visible_ahead_m(scene.race, scene.alpha),
        )
    finally:
        app.shutdown()
