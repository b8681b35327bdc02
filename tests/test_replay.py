"""Replays and ghosts reproduce a run bit for bit, and refuse another stage or physics."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from millegame.cli import main
from millegame.core.autopilot import Autopilot
from millegame.core.race import Race
from millegame.core.replay import GhostCar, Replay, ReplayError, refusal, verify
from millegame.core.runner import ControlTape, drive_stage
from millegame.core.version import PHYSICS_VERSION
from test_rules import straight_stage


def recorded_run(car, rules: str | None = "corsa", respawn_at: int | None = None):  # type: ignore[no-untyped-def]
    stage = straight_stage(length_m=600.0)
    race = Race(stage, [car], rules=rules)
    pilot = Autopilot(stage, race.params, pace=0.9)
    tape = ControlTape()
    while not race.all_finished and race.tick < 60 * 120:
        wants = race.tick == respawn_at
        if wants:
            race.request_respawn(0)
        c = pilot.controls(race)
        tape.append(c, respawn=wants)
        race.step(c)
    return stage, race, Replay.of(stage, car, tape, int(race.finish_tick[0]), rules=rules)


def test_a_ghost_replays_bit_identically(slr) -> None:  # type: ignore[no-untyped-def]
    stage, race, replay = recorded_run(slr)
    again = Replay.from_bytes(replay.to_bytes())
    assert again.meta() == replay.meta() and np.array_equal(again.controls, replay.controls)
    ghost = GhostCar(again, stage, slr)
    while not ghost.done:
        ghost.step()
    assert np.array_equal(ghost.state.data, race.state.data)
    assert ghost.race.finish_tick[0] == race.finish_tick[0]


def test_a_replay_with_a_respawn_request_reproduces_it(slr) -> None:  # type: ignore[no-untyped-def]
    stage, race, replay = recorded_run(slr, respawn_at=900)
    assert race.referee is not None and race.referee.respawns[0] == 1
    v = verify(replay, stage, slr)
    assert v.ok and np.array_equal(v.final_state, race.state.data[0])


def test_a_ghost_from_another_stage_version_or_physics_is_refused(slr) -> None:  # type: ignore[no-untyped-def]
    stage, _, replay = recorded_run(slr, rules=None)
    assert refusal(replay, stage, slr.id) is None
    changed = dataclasses.replace(stage, source_sha256="other")
    assert "another version of this stage" in (refusal(replay, changed, slr.id) or "")
    old = dataclasses.replace(replay, physics_version=PHYSICS_VERSION - 1)
    assert "physics version" in (refusal(old, stage, slr.id) or "")
    assert "car" in (refusal(replay, stage, "porsche-550") or "")
    with pytest.raises(ReplayError):
        GhostCar(old, stage, slr)
    assert not verify(old, stage, slr).ok


def test_a_file_that_is_not_a_replay_is_refused_in_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ReplayError, match="not a millegame replay"):
        Replay.load(bad)
    assert main(["replay", str(bad), "--check"]) == 2


def test_cli_records_and_checks_a_replay(tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MILLEGAME_DATA_DIR", str(tmp_path))
    path = tmp_path / "run.npz"
    args = ["sim", "brescia-verona", "--car", "mercedes-300-slr", "--rules", "corsa", "--record", str(path)]
    assert main([*args, "--save", "--json"]) == 0
    capsys.readouterr()
    assert main(["replay", str(path), "--check"]) == 0
    assert "ok" in capsys.readouterr().out


def test_drive_stage_records_a_tape_as_long_as_the_run(slr) -> None:  # type: ignore[no-untyped-def]
    run = drive_stage(straight_stage(length_m=600.0), slr, rules="corsa", record=True)
    assert run.tape is not None and len(run.tape.throttle) == run.sim.ticks
    assert run.extra["rules"] == "corsa" and run.extra["score"] == pytest.approx(run.sim.time_s, abs=1e-3)
