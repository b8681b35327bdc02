"""Telemetry: what a recording holds, and that CSV and npz files read back the same."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from millegame.api import Telemetry, TelemetryError, drive_stage, load_car, load_stage
from millegame.core.telemetry import COLUMNS, INPUTS, TEXT_COLUMNS


@pytest.fixture(scope="module")
def recorded() -> tuple[Telemetry, object]:
    """25 s of the autopilot on the prologue: past its first checkpoint, Clusane (about 21 s)."""
    stage = load_stage("prologo")
    telemetry = Telemetry(meta={"driver": "autopilot"})
    run = drive_stage(stage, load_car("porsche-550"), max_time_s=25.0, on_tick=telemetry.record)
    return telemetry, run


def test_a_recording_has_every_column_one_row_per_tick(recorded) -> None:  # type: ignore[no-untyped-def]
    telemetry, run = recorded
    t = telemetry.table()
    assert tuple(t) == COLUMNS
    assert all(len(col) == run.sim.ticks == 3000 for col in t.values())
    assert np.array_equal(t["tick"], np.arange(1, 3001))
    assert np.allclose(t["time_s"], t["tick"] / 120.0)
    assert telemetry.meta["stage_id"] == "prologo" and telemetry.meta["car_id"] == "porsche-550"
    assert telemetry.meta["driver"] == "autopilot" and Path(str(telemetry.meta["stage_path"])).is_file()


def test_speed_agrees_with_the_movement_between_ticks(recorded) -> None:  # type: ignore[no-untyped-def]
    t = recorded[0].table()
    moved_mps = np.hypot(np.diff(t["x_m"]), np.diff(t["y_m"])) * 120.0
    assert np.abs(moved_mps - t["speed_mps"][1:]).max() < 0.1
    assert np.allclose(t["speed_kmh"], t["speed_mps"] * 3.6)
    assert t["speed_kmh"].max() > 60.0
    # Along the road the route distance follows the distance driven.
    assert abs(t["route_m"][-1] - t["odometer_m"][-1]) < 0.03 * t["odometer_m"][-1]
    assert (np.diff(t["route_m"]) > -0.05).all()


def test_the_other_columns_are_plausible(recorded) -> None:  # type: ignore[no-untyped-def]
    telemetry, _ = recorded
    t = telemetry.table()
    assert set(t["surface_front"]) | set(t["surface_rear"]) <= set(telemetry.meta["surfaces"])  # type: ignore[arg-type]
    assert "asphalt" in set(t["surface_front"])
    assert np.abs(t["slip_angle_front_rad"]).max() < 0.5 and np.abs(t["slip_angle_front_rad"]).max() > 0.01
    assert set(t["gear"].tolist()) >= {1, 2}
    assert ((t["rpm"] > 500) & (t["rpm"] < 9000)).all()
    for name in INPUTS:
        assert ((t[name] >= -1.0) & (t[name] <= 1.0)).all()
    assert t["throttle"].max() > 0.5


def test_events_are_on_the_tick_they_happened(recorded) -> None:  # type: ignore[no-untyped-def]
    telemetry, run = recorded
    t = telemetry.table()
    assert [text.split(" ")[0] for _, text in telemetry.events] == ["GatePassed"]
    tick, text = telemetry.events[0]
    assert tick / 120.0 == pytest.approx(run.sim.splits_s[0])
    assert 'name="Clusane"' in text and f"split_s={run.sim.splits_s[0]:.3f}" in text
    k = tick - 1
    assert t["events"][k] == text and (t["events"] != "").sum() == 1


@pytest.mark.parametrize("suffix", [".csv", ".npz"])
def test_a_file_reads_back_what_was_recorded(recorded, tmp_path: Path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    telemetry, _ = recorded
    path = tmp_path / f"run{suffix}"
    telemetry.save(path)
    back = Telemetry.load(path)
    assert back.meta == telemetry.meta and back.events == telemetry.events
    original, loaded = telemetry.table(), back.table()
    assert tuple(loaded) == COLUMNS
    for name in COLUMNS:
        if name in TEXT_COLUMNS or name in INPUTS or suffix == ".npz":
            assert np.array_equal(loaded[name], original[name]), name  # exact, inputs even in CSV
        else:
            assert np.allclose(loaded[name], original[name], rtol=1e-8, atol=1e-6), name


def test_a_csv_starts_with_the_metadata_and_the_header(recorded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    recorded[0].save(tmp_path / "run.csv")
    first, header = (tmp_path / "run.csv").read_text().splitlines()[:2]
    assert first.startswith("# millegame-telemetry {") and '"stage_id": "prologo"' in first
    assert header.split(",") == list(COLUMNS)


def test_bad_telemetry_files_are_refused_with_the_file_named(recorded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    telemetry, _ = recorded
    with pytest.raises(TelemetryError, match=r"run\.txt: .*\.csv or \.npz"):
        telemetry.save(tmp_path / "run.txt")
    with pytest.raises(TelemetryError, match="no such file"):
        Telemetry.load(tmp_path / "missing.npz")
    plain = tmp_path / "plain.csv"
    plain.write_text("tick,throttle\n1,0\n")
    with pytest.raises(TelemetryError, match=r"plain\.csv:1: not a millegame telemetry CSV"):
        Telemetry.load(plain)
    telemetry.save(tmp_path / "run.csv")
    lines = (tmp_path / "run.csv").read_text().splitlines()
    lines[4] = lines[4].replace(",", ",oops,", 1)
    (tmp_path / "broken.csv").write_text("\n".join(lines))
    with pytest.raises(TelemetryError, match=r"broken\.csv:5: "):
        Telemetry.load(tmp_path / "broken.csv")
    (tmp_path / "junk.npz").write_bytes(b"not a zip")
    with pytest.raises(TelemetryError, match=r"junk\.npz: not a readable telemetry"):
        Telemetry.load(tmp_path / "junk.npz")
