"""The sqlite3 store: records, history, ghosts, fields; corrupt and foreign files; a crash mid-write."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from millegame.core.replay import Replay
from millegame.store import Store, data_dir


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("MILLEGAME_DATA_DIR", str(tmp_path))
    s = Store()
    yield s  # type: ignore[misc]
    s.close()


def replay(finish_tick: int, sha: str = "abc", physics: int = 1) -> Replay:
    return Replay("st", sha, "car", physics, "corsa", {}, finish_tick, np.zeros((max(finish_tick, 0), 6)))


def test_the_data_dir_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MILLEGAME_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert data_dir() == tmp_path / "millegame"
    monkeypatch.setenv("MILLEGAME_DATA_DIR", str(tmp_path / "x"))
    assert data_dir() == tmp_path / "x"


def test_records_keep_the_best_per_stage_car_and_rules(store: Store) -> None:
    assert store.add_result("st", "car", "corsa", time_s=100.0, score=100.0)
    assert not store.add_result("st", "car", "corsa", time_s=101.0, score=101.0)
    assert store.add_result("st", "car", "corsa", time_s=99.5, score=99.5, splits_s=[30.0, 60.25])
    assert store.add_result("st", "car", "regolarita", time_s=120.0, score=800.0)
    assert not store.add_result("st", "car", "regolarita", time_s=110.0, score=700.0)  # points: higher wins
    assert not store.add_result("st", "car", "corsa", time_s=None, score=None)  # DNF: history only
    rec = store.record("st", "car", "corsa")
    assert rec is not None and rec.time_s == 99.5 and rec.splits_s == (30.0, 60.25)
    assert len(store.history("st")) == 6 and len(store.records("st")) == 2


def test_the_ghost_is_the_fastest_run_and_a_stale_one_is_replaced(store: Store) -> None:
    assert store.save_ghost(replay(1000))
    assert not store.save_ghost(replay(1100))
    assert store.save_ghost(replay(900))
    got = store.ghost("st", "car")
    assert got is not None and got.finish_tick == 900
    assert store.save_ghost(replay(1200, sha="new"))  # the stage changed: the old ghost is no use
    assert store.ghost("st", "car").finish_tick == 1200  # type: ignore[union-attr]
    assert not store.save_ghost(replay(-1, sha="new"))


def test_rally_saves_and_fields_round_trip(store: Store) -> None:
    store.save_rally("mine", {"a": 1})
    assert store.load_rally("mine") == {"a": 1} and store.rallies() == ["mine"]
    store.save_field("st", "sha", 1, "corsa", 3, [{"number": 1}])
    assert store.load_field("st", "sha", 1, "corsa", 3) == [{"number": 1}]
    assert store.load_field("st", "other", 1, "corsa", 3) is None


def test_a_corrupt_file_is_moved_aside_and_a_fresh_one_made(tmp_path: Path) -> None:
    path = tmp_path / "millegame.db"
    path.write_bytes(b"\x00garbage" * 500)
    s = Store(path)
    assert len(s.notices) == 1 and f"the damaged file is at {s.notices[0].moved_to}" in s.notices[0].message
    assert s.notices[0].moved_to is not None and s.notices[0].moved_to.read_bytes().startswith(b"\x00garbage")
    assert s.add_result("st", "car", "corsa", time_s=1.0, score=1.0)
    s.close()
    assert Store(path).notices == []


def test_another_applications_database_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "millegame.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (n)")
    conn.commit()
    conn.close()
    s = Store(path)
    assert "not a millegame save file" in s.notices[0].message
    assert s.record("st", "car", "corsa") is None
    s.close()


WRITER = """
import sys
from millegame.store import Store
s = Store(sys.argv[1])
i = 0
while True:
    s.add_result("st", "car", "corsa", time_s=1000.0 - i, score=1000.0 - i, detail={"pad": "x" * 2000})
    i += 1
    print(i, flush=True)
"""


def test_killing_a_writer_loses_nothing_already_saved(tmp_path: Path) -> None:
    path = tmp_path / "millegame.db"
    Store(path).close()
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    committed = 0
    deadline = time.monotonic() + 30
    while committed < 200 and time.monotonic() < deadline:
        committed = int(proc.stdout.readline())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    s = Store(path)
    assert s.notices == []
    assert len(s.history(limit=100000)) >= committed
    rec = s.record("st", "car", "corsa")
    assert rec is not None and rec.score <= 1000.0 - (committed - 1)
    s.close()
