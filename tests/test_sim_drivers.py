"""``millegame sim`` drivers (autopilot, replay, inputs), ``--telemetry`` and ``millegame telemetry``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from millegame.cli import main
from millegame.core.telemetry import Telemetry

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def sim(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    rc = main(["sim", *args])
    out = capsys.readouterr()
    return rc, out.out, out.err


@pytest.fixture(scope="module")
def autopilot_run(tmp_path_factory) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The autopilot over the prologue, recorded as a replay and as CSV telemetry."""
    d = tmp_path_factory.mktemp("autopilot")
    replay, telemetry = d / "run.npz", d / "run.csv"
    args = ["sim", "prologo", "--car", "porsche-550", "--driver", "autopilot", "--json"]
    rc = main([*args, "--record", str(replay), "--telemetry", str(telemetry)])
    return {"rc": rc, "replay": replay, "telemetry": telemetry}


def test_the_autopilot_run_writes_its_telemetry(autopilot_run, capsys) -> None:  # type: ignore[no-untyped-def]
    assert autopilot_run["rc"] == 0
    t = Telemetry.load(autopilot_run["telemetry"])  # type: ignore[arg-type]
    assert t.meta["driver"] == "autopilot" and t.meta["stage_id"] == "prologo"
    assert t.events[-1][1].startswith("StageFinished") and t.events[-1][0] == t.table()["tick"][-1]


def test_a_replay_drives_again_to_the_same_time_bit_for_bit(autopilot_run, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    capsys.readouterr()
    out_npz = tmp_path / "again.npz"
    rc, out, err = sim(capsys, "--replay", str(autopilot_run["replay"]), "--json", "--telemetry", str(out_npz))
    assert rc == 0, err
    again = json.loads(out)
    first = Telemetry.load(autopilot_run["telemetry"])  # type: ignore[arg-type]
    assert again["finished"] and again["ticks"] == len(first.table()["tick"])
    assert again["time_s"] == again["ticks"] * again["dt"]
    replayed = Telemetry.load(out_npz)
    assert replayed.meta["driver"] == "replay"
    assert replayed.events == first.events  # the same splits and finish, to the printed digit
    assert np.array_equal(replayed.table()["throttle"], first.table()["throttle"])
    assert np.allclose(replayed.table()["x_m"], first.table()["x_m"], rtol=0, atol=1e-5)  # CSV keeps 9 digits


def test_a_replay_refuses_another_car_or_rules(autopilot_run, capsys) -> None:  # type: ignore[no-untyped-def]
    replay = str(autopilot_run["replay"])
    rc, _, err = sim(capsys, "--replay", replay, "--car", "mercedes-300-slr")
    assert rc == 2 and "porsche-550" in err and "run.npz" in err
    rc, _, err = sim(capsys, "--replay", replay, "--rules", "corsa")
    assert rc == 2 and "rules" in err
    rc, _, err = sim(capsys, "--replay", replay, "--driver", "regularity")
    assert rc == 2 and "--replay" in err


def test_scripted_full_throttle_drives_straight_and_faster(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    inputs = tmp_path / "flat-out.csv"
    inputs.write_text("tick,throttle,brake,steer\n0,1,0,0\n")
    out = tmp_path / "flat-out-telemetry.csv"
    rc, stdout, err = sim(capsys, "prologo", "--car", "porsche-550", "--inputs", str(inputs), "--max-time", "3",
                          "--telemetry", str(out), "--json")  # fmt: skip
    assert rc == 1, err  # three seconds do not finish the stage
    assert json.loads(stdout)["ticks"] == 360
    t = Telemetry.load(out).table()
    assert (t["throttle"] == 1.0).all() and (t["brake"] == 0.0).all() and (t["steer"] == 0.0).all()
    assert (np.diff(t["speed_mps"][:200]) > 0).all()  # first gear, flat out
    # Straight along the start's heading: it never turns and never moves sideways.
    heading = float(t["heading_rad"][0])
    assert np.ptp(t["heading_rad"]) < 1e-9
    dx, dy = t["x_m"] - t["x_m"][0], t["y_m"] - t["y_m"][0]
    assert np.abs(-dx * np.sin(heading) + dy * np.cos(heading)).max() < 1e-6
    assert dx[-1] * np.cos(heading) + dy[-1] * np.sin(heading) > 20.0


def test_a_bad_inputs_file_exits_2_naming_the_file_and_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    inputs = tmp_path / "bad.csv"
    inputs.write_text("tick,throttle,brake,steer\n1,1,0,0\n2,1,0,sideways\n")
    rc, _, err = sim(capsys, "prologo", "--car", "porsche-550", "--inputs", str(inputs))
    assert rc == 2
    assert err.strip() == f"millegame: {inputs}:3: steer 'sideways' is not a number"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["prologo", "--car", "porsche-550", "--telemetry", "out.parquet"], ".csv or .npz"),
        (["prologo"], "--car"),
        (["--car", "porsche-550"], "needs a stage"),
        (["prologo", "--car", "porsche-550", "--driver", "inputs"], "--inputs FILE.csv"),
        (["prologo", "--car", "porsche-550", "--inputs", "a.csv", "--replay", "b.npz"], "not both"),
        (["--replay", "nowhere.npz"], "nowhere.npz"),
        (["prologo", "--car", "porsche-550", "--record", "r.npz", "--telemetry", "r.npz"], "overwrite the --record"),
    ],
)
def test_bad_sim_command_lines_exit_2_in_one_line(args: list[str], says: str, capsys) -> None:  # type: ignore[no-untyped-def]
    rc, _, err = sim(capsys, *args)
    assert rc == 2
    assert says in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_telemetry_png_draws_the_plot(autopilot_run, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    png = tmp_path / "run.png"
    assert main(["telemetry", str(autopilot_run["telemetry"]), "--png", str(png), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["stage"] == "prologo" and summary["top_speed_kmh"] > 60
    data = png.read_bytes()
    assert data.startswith(PNG_MAGIC) and len(data) > 50_000  # a real picture, not an empty canvas


def test_telemetry_without_matplotlib_says_how_to_install_it(  # type: ignore[no-untyped-def]
    autopilot_run, tmp_path: Path, capsys, monkeypatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib → ImportError
    monkeypatch.delitem(sys.modules, "millegame.telemetry_plot", raising=False)
    rc = main(["telemetry", str(autopilot_run["telemetry"]), "--png", str(tmp_path / "x.png")])
    assert rc == 2 and "millegame[plot]" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_telemetry_of_a_file_that_is_not_telemetry_exits_2(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "notes.csv"
    bad.write_text("hello\n")
    assert main(["telemetry", str(bad)]) == 2
    assert "notes.csv:1: not a millegame telemetry CSV" in capsys.readouterr().err
    assert main(["telemetry", str(tmp_path / "run.json")]) == 2
    assert ".csv or .npz" in capsys.readouterr().err
