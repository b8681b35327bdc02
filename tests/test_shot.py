"""``millegame shot``: a race frame drawn headless at a moment of an autopilot run, with
the camera's figures for that frame."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from millegame.cli import main
from millegame.ui.shot import take_shot
from stage_fixtures import sprint_stage


def test_shot_draws_the_frame_and_reports_the_camera(surfaces, slr, tmp_path: Path) -> None:
    stage = sprint_stage(surfaces, tileset_dir=tmp_path)
    out = tmp_path / "shots" / "sprint.png"
    f = take_shot(stage, slr, out, at_s=6.0, size=(800, 500), look=("night", "rain"))
    img = pygame.image.load(str(out))
    assert img.get_size() == (800, 500)
    assert len({img.get_at((x, y))[:3] for x in range(0, 800, 40) for y in range(0, 500, 40)}) > 5
    assert f.speed_kmh > 30.0  # six seconds after the start the autopilot is moving
    assert f.car_length_px == pytest.approx(slr.length_m * f.px_per_m)
    # 800×500 is 500/720 of the reference window: the car is at least 28 px there scaled.
    assert f.car_length_px >= 28.0 * 500 / 720
    assert f.visible_ahead_m >= f.speed_kmh / 3.6 * 1.0


def test_shot_command_prints_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "prologo.png"
    code = main(["shot", "prologo", "--car", "porsche-550", "--at", "4", "--size", "640x400", "--json", str(out)])
    assert code == 0 and out.exists()
    figures = json.loads(capsys.readouterr().out)
    assert set(figures) == {"px_per_m", "car_length_px", "speed_kmh", "visible_ahead_m"}
    assert figures["car_length_px"] == pytest.approx(3.6 * figures["px_per_m"], rel=1e-3)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["shot", "prologo", "out.jpg"], "must end in .png"),
        (["shot", "prologo", "--at", "-1", "out.png"], "--at must be"),
        (["shot", "prologo", "--look", "noon", "out.png"], "--look must be"),
        (["shot", "no-such-stage", "out.png"], "no-such-stage"),
        (["shot", "prologo", "--car", "no-such-car", "out.png"], "no-such-car"),
    ],
)
def test_shot_refuses_bad_input_in_one_line(args: list[str], says: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1
