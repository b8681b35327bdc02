"""The command line: exit codes, JSON shapes, headless sim without pygame, no-display handling."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from millegame import catalog


def millegame(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "millegame", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


def test_version() -> None:
    out = millegame("--version")
    assert out.returncode == 0
    assert out.stdout.startswith("millegame ")


@pytest.mark.parametrize(
    "command", ["", "play", "demo", "stages", "cars", "sim", "telemetry", "car-test", "check-level"]
)
def test_help_on_the_command_and_every_subcommand(command: str) -> None:
    out = millegame(*([command] if command else []), "--help")
    assert out.returncode == 0
    assert "usage: millegame" in out.stdout


def test_cars_json_lists_every_car_with_id_name_year() -> None:
    out = millegame("cars", "--json")
    assert out.returncode == 0
    cars = json.loads(out.stdout)
    assert {c["id"] for c in cars} == {c.id for c in catalog.load_cars()}
    assert all({"id", "name", "year"} <= c.keys() for c in cars)
    assert {"classic", "modern"} <= {c["era"] for c in cars}


def test_stages_json_lists_stages_in_route_order_with_files() -> None:
    out = millegame("stages", "--json")
    assert out.returncode == 0
    stages = json.loads(out.stdout)
    assert [s["id"] for s in stages] == [s.id for s in catalog.list_stages()]
    assert stages[0]["id"] == "prologo"
    assert all({"id", "title", "file"} <= s.keys() for s in stages)
    assert all(os.path.isfile(s["file"]) for s in stages)
    # Issue 4: length, surfaces, time of day, weather and par time for every stage.
    assert all({"length_m", "surfaces", "time_of_day", "weather", "par_time_s"} <= s.keys() for s in stages)
    assert all(s["length_m"] > 2000 and s["par_time_s"] > 0 for s in stages)
    assert {"day", "dusk", "night"} <= {s["time_of_day"] for s in stages}
    assert any("wet_asphalt" in s["surfaces"] for s in stages) and any("gravel" in s["surfaces"] for s in stages)


def test_play_offers_watch_for_designers() -> None:
    out = millegame("play", "--help")
    assert "--watch" in out.stdout


def test_sim_json_on_the_first_stage_finishes_without_importing_pygame() -> None:
    code = (
        "import sys, json; from millegame.cli import main; rc = main(['sim', 'prologo', '--car', 'porsche-550', "
        "'--driver', 'autopilot', '--json']); "
        "print(json.dumps({'rc': rc, 'pygame': 'pygame' in sys.modules}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    lines = out.stdout.strip().splitlines()
    result, meta = json.loads(lines[0]), json.loads(lines[1])
    assert meta == {"rc": 0, "pygame": False}
    assert {"stage", "car", "finished", "time_s", "splits_s", "ticks", "dt"} <= result.keys()
    assert result["finished"] is True
    assert result["car"] == "porsche-550"
    assert result["time_s"] == pytest.approx(result["ticks"] * result["dt"])
    assert len(result["splits_s"]) >= 3


def test_sim_with_an_unknown_car_says_so_in_one_line() -> None:
    out = millegame("sim", "prologo", "--car", "fiat-500", "--json")
    assert out.returncode == 2
    assert "fiat-500" in out.stderr and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_sim_with_a_missing_stage_file_says_so(tmp_path) -> None:
    out = millegame("sim", str(tmp_path / "nowhere.tmx"), "--car", "porsche-550")
    assert out.returncode == 2
    assert "nowhere.tmx" in out.stderr and "Traceback" not in out.stderr


def test_sim_with_a_broken_stage_file_says_so(tmp_path) -> None:
    broken = tmp_path / "broken.tmx"
    broken.write_text("<map version='1.10' orientation='orthogonal'")
    out = millegame("sim", str(broken), "--car", "porsche-550")
    assert out.returncode == 2
    assert "broken.tmx" in out.stderr and "Traceback" not in out.stderr


def test_bad_window_size_is_a_usage_error() -> None:
    out = millegame("--window", "huge")
    assert out.returncode == 2
    assert "1280x720" in out.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="no-display detection is exercised on Linux (X11/Wayland)")
@pytest.mark.parametrize("args", [[], ["play", "prologo"], ["demo"]])
def test_no_display_prints_one_line_and_exits_2(args: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    out = millegame(*args, env=env, timeout=60)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert "display" in out.stderr.lower()
    assert len(out.stderr.strip().splitlines()) == 1
