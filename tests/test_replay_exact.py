"""Replays are exact across processes and through the save file; an edited stage refuses
its old ghosts and replays with a message.

One process drives the shipped prologo with the autopilot, records it, writes the replay
file and keeps it as the ghost in a save file, and prints the finish tick and the sha256
of the final state's bytes. Two other processes replay it — from the file and from the
save file — and must print the same tick and the same hash.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from millegame import catalog
from millegame.core.replay import Replay, ReplayError, refusal, verify
from millegame.levels import load_stage

CAR = "alfa-6c-1750"

RECORD = """
import hashlib, json, sys
from millegame import catalog
from millegame.core.replay import Replay
from millegame.core.runner import drive_stage
from millegame.levels import load_stage
from millegame.store import Store
stage, car = load_stage(catalog.resolve_stage("prologo")), catalog.load_car(sys.argv[2])
run = drive_stage(stage, car, rules="corsa", record=True)
replay = Replay.of(stage, car, run.tape, run.finish_tick, rules="corsa")
replay.save(sys.argv[1] + "/run.npz")
with Store(sys.argv[1] + "/millegame.db") as s:
    assert s.save_ghost(replay)
print(json.dumps({"tick": run.finish_tick}))
"""

REPLAY = """
import hashlib, json, sys
from millegame import catalog
from millegame.core.replay import Replay, verify
from millegame.levels import load_stage
from millegame.store import Store
stage, car = load_stage(catalog.resolve_stage("prologo")), catalog.load_car(sys.argv[2])
if sys.argv[3] == "file":
    replay = Replay.load(sys.argv[1] + "/run.npz")
else:
    with Store(sys.argv[1] + "/millegame.db") as s:
        replay = s.ghost("prologo", car.id)
v = verify(replay, stage, car)
digest = hashlib.sha256(v.final_state.tobytes()).hexdigest()
print(json.dumps({"ok": v.ok, "tick": v.replayed_finish_tick, "state": digest}))
"""


def python(code: str, *args: str) -> dict[str, object]:
    env = {**os.environ, "PYTHONHASHSEED": "random"}
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=300, env=env)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_replay_is_exact_in_other_processes_and_through_the_save_file(tmp_path: Path) -> None:
    recorded = python(RECORD, str(tmp_path), CAR)
    assert isinstance(recorded["tick"], int) and recorded["tick"] > 0  # the autopilot finished prologo
    from_file = python(REPLAY, str(tmp_path), CAR, "file")
    from_store = python(REPLAY, str(tmp_path), CAR, "store")
    assert from_file["ok"] and from_store["ok"]
    assert from_file["tick"] == from_store["tick"] == recorded["tick"]
    assert from_file["state"] == from_store["state"]
    # and here, a third process: the same final state, bit for bit
    stage, car = load_stage(catalog.resolve_stage("prologo")), catalog.load_car(CAR)
    v = verify(Replay.load(tmp_path / "run.npz"), stage, car)
    assert hashlib.sha256(v.final_state.tobytes()).hexdigest() == from_file["state"]


@pytest.fixture(scope="module")
def recorded_on_a_copy(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Replay]:
    """A copy of prologo (with its tilesets) and a short replay recorded on it."""
    from millegame.core.runner import drive_stage

    where = tmp_path_factory.mktemp("stage")
    src = catalog.resolve_stage("prologo")
    shutil.copy(src, where / "prologo.tmx")
    (where / "tilesets").symlink_to(src.parent / "tilesets")
    stage, car = load_stage(where / "prologo.tmx"), catalog.load_car(CAR)
    run = drive_stage(stage, car, max_time_s=5.0, record=True)
    return where / "prologo.tmx", Replay.of(stage, car, run.tape, 600)


def edit(path: Path, pattern: str) -> None:
    """Add 1 to the first number matched by ``pattern``'s group 1 (a tile id, a coordinate)."""
    text = path.read_text(encoding="utf-8")
    m = re.search(pattern, text)
    assert m is not None
    path.write_text(text[: m.start(1)] + str(int(m.group(1)) + 1) + text[m.end(1) :], encoding="utf-8")


@pytest.mark.parametrize(
    ("what", "pattern"),
    [
        ("a tile", r'<data encoding="csv">\n(\d+),'),
        ("a gate", r'type="finish" x="(\d+)"'),
        ("a road point", r'type="road" x="(\d+)"'),
    ],
)
def test_an_edited_stage_refuses_its_old_replays_with_a_message(
    recorded_on_a_copy: tuple[Path, Replay], tmp_path: Path, what: str, pattern: str
) -> None:
    original, replay = recorded_on_a_copy
    path = tmp_path / "prologo.tmx"
    shutil.copy(original, path)
    (tmp_path / "tilesets").symlink_to(original.parent / "tilesets", target_is_directory=True)
    car = catalog.load_car(CAR)
    assert refusal(replay, load_stage(path), car.id) is None  # the same file: accepted
    edit(path, pattern)
    stage = load_stage(path)
    reason = refusal(replay, stage, car.id)
    assert reason == "recorded on another version of this stage (the map file has changed since)", what
    v = verify(replay, stage, car)
    assert not v.ok and v.reason == reason
    # the game (and the CLI) refuse it before any window opens, naming the file
    from millegame.session import open_replay

    replay.save(tmp_path / "old.npz")
    with pytest.raises(ReplayError, match=r"old\.npz: recorded on another version of this stage"):
        open_replay(tmp_path / "old.npz", path)
