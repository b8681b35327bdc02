"""Saves under faults: a writer killed at random points loses nothing acknowledged and
never corrupts the file; a read-only or full disk gives one message and the game goes on.

Tests run as root here, so a ``chmod``-ed directory does not stop writes: read-only is a
connection opened ``mode=ro`` (what sqlite does on a read-only file system) and a data
directory under a regular file; "full" is ``PRAGMA max_page_count`` (SQLITE_FULL, the
error of a full disk).
"""

from __future__ import annotations

import io
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import redirect_stderr, redirect_stdout, suppress
from pathlib import Path

import numpy as np
import pytest

from millegame import cli
from millegame.core.replay import Replay
from millegame.store import SaveError, Store
from millegame.ui.records import Records

KILLS = int(os.environ.get("MILLEGAME_KILL_ITERATIONS", "20"))

# Opens the store, then keeps improving one record (and a ghost, a rally, a field) and
# prints each acknowledged best score after its transaction committed.
WRITER = """
import sys, numpy as np
from millegame.core.replay import Replay
from millegame.store import Store
s = Store(sys.argv[1])
rec = s.record("st", "car", "corsa")
score = rec.score if rec else 100000.0
print("open", flush=True)
while True:
    score -= 0.5
    s.add_result("st", "car", "corsa", time_s=score, score=score, splits_s=[score / 2], detail={"pad": "x" * 500})
    print(score, flush=True)
    # a new physics version each time: the ghost is replaced on every pass (a run ends on its finish tick)
    s.save_ghost(Replay("st", "sha", "car", int(score * 2), None, {}, 60, np.full((64, 6), score)))
    s.save_rally("r", {"score": score, "pad": list(range(200))})
"""


def test_killing_the_writer_at_random_points_never_corrupts_or_loses(tmp_path: Path) -> None:
    path = tmp_path / "millegame.db"
    rng = random.Random(8)
    acknowledged: float | None = None
    killed_while_writing = 0
    for _ in range(KILLS):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "open"
        time.sleep(rng.uniform(0.0, 0.08))  # a random point among the commits
        os.kill(proc.pid, signal.SIGKILL)
        for line in proc.stdout.read().split():
            acknowledged = float(line)
            killed_while_writing += 1
        proc.wait()
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        s = Store(path)
        # never moved aside as corrupt; at most told that the commit being written when the
        # writer was killed may not have been saved (its log's last frame is half-written)
        assert all(n.moved_to is None or ".damaged-" in n.moved_to.name for n in s.notices), s.notices
        assert all("the last change may not have been saved" in n.message for n in s.notices), s.notices
        rec = s.record("st", "car", "corsa")
        if acknowledged is not None:
            assert rec is not None and rec.score <= acknowledged  # every acknowledged best is there
        ghost = s.ghost("st", "car")
        assert ghost is None or ghost.controls.shape == (64, 6)  # a whole ghost or none
        s.close()
    assert killed_while_writing > KILLS  # the kills did land among the writes


def readonly(store: Store) -> None:
    """What sqlite does on a read-only file system or file: reads work, writes fail."""
    store.conn.close()
    store.conn = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True, isolation_level=None)


def full(store: Store) -> None:
    """A full disk: the file may not grow by another page."""
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count={pages}")


def a_replay(tick: int) -> Replay:
    return Replay("st", "sha", "car", 1, None, {}, tick, np.zeros((10, 6)))


@pytest.mark.parametrize("fault", [readonly, full])
def test_a_failing_write_is_one_clear_error_and_the_file_stays_good(tmp_path: Path, fault) -> None:  # type: ignore[no-untyped-def]
    s = Store(tmp_path / "millegame.db")
    s.add_result("st", "car", "corsa", time_s=50.0, score=50.0)
    fault(s)
    big = {"pad": "x" * 200_000}  # needs new pages
    with pytest.raises(SaveError, match=r"could not save the result \(.+\); the game goes on without saving"):
        s.add_result("st", "car", "corsa", time_s=40.0, score=40.0, detail=big)
    with pytest.raises(SaveError, match="could not save the ghost"):
        s.save_ghost(Replay("st", "sha", "car", 1, None, {}, 5, np.random.default_rng(0).random((20000, 6))))
    with pytest.raises(SaveError, match="could not save the rally 'r'"):
        s.save_rally("r", big)
    assert s.record("st", "car", "corsa").score == 50.0  # reads go on; nothing half-written
    s.close()
    s = Store(tmp_path / "millegame.db")
    assert s.notices == [] and s.record("st", "car", "corsa").score == 50.0
    s.close()


def test_a_data_directory_that_cannot_be_made_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(SaveError, match=r"cannot open the save file .*; the game goes on without saving"):
        Store(blocker / "data" / "millegame.db")


def test_the_game_says_it_once_and_plays_on_without_saving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MILLEGAME_DATA_DIR", str(tmp_path))
    records = Records()
    assert records.record("st", "car", 50.0, (20.0,), score=50.0) is True
    assert records.store is not None
    full(records.store)
    detail = {"pad": "x" * 200_000}
    assert records.record("st", "car", 45.0, (19.0,), score=45.0, detail=detail) is True  # kept for the session
    assert records.record("st", "car", 44.0, (18.0,), score=44.0, detail=detail) is True
    assert records.save_ghost(a_replay(100)) is False
    notices = records.take_notices()
    assert len(notices) == 1, notices
    assert notices[0].startswith(
        "Could not save the result (database or disk is full); the game goes on without saving"
    )
    best = records.best("st", "car")
    assert best is not None and best.time_s == 44.0 and best.splits_s == (18.0,)  # the session's best wins


def test_the_game_plays_on_when_the_save_file_cannot_be_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("MILLEGAME_DATA_DIR", str(blocker / "data"))
    records = Records()
    assert records.record("st", "car", 50.0, (), score=50.0) is True
    assert records.best("st", "car").time_s == 50.0
    (notice,) = records.take_notices()
    assert "cannot open the save file" in notice.lower() and "session only" in notice


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_sim_save_on_a_read_only_data_dir_prints_the_result_and_one_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("MILLEGAME_DATA_DIR", str(blocker / "data"))
    code, out, err = run_cli("sim", "prologo", "--car", "alfa-6c-1750", "--max-time", "1", "--save")
    assert code == 1 and "did not finish" in out  # the result is printed
    assert err.count("the game goes on without saving") == 1 and "Traceback" not in err


FILLER = "INSERT INTO results (stage_id, car_id, rules, created_at) VALUES (hex(randomblob(?)), '', '', 0)"


def test_sim_save_on_a_full_disk_prints_one_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MILLEGAME_DATA_DIR", str(tmp_path))
    Store().close()
    original = Store._open

    def open_full(self: Store) -> sqlite3.Connection:
        conn = original(self)
        conn.execute(f"PRAGMA max_page_count={conn.execute('PRAGMA page_count').fetchone()[0]}")
        for size in (200, 20, 0):  # fill the last free bytes of the results' pages: the disk is full
            with suppress(sqlite3.OperationalError):
                while True:
                    conn.execute(FILLER, (size,))
        return conn

    monkeypatch.setattr(Store, "_open", open_full)
    code, out, err = run_cli("sim", "prologo", "--car", "alfa-6c-1750", "--max-time", "1", "--save")
    assert code == 1 and "did not finish" in out
    assert err.count("could not save the result (database or disk is full); the game goes on without saving") == 1


def test_a_rally_which_needs_the_save_file_says_so_and_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("MILLEGAME_DATA_DIR", str(blocker / "data"))
    code, _, err = run_cli("rally", "list")
    assert code == 2 and "cannot open the save file" in err and "Traceback" not in err
    monkeypatch.setenv("MILLEGAME_DATA_DIR", str(tmp_path / "data"))

    def fail(*_: object, **__: object) -> None:
        raise SaveError("could not save the rally")

    monkeypatch.setattr(Store, "create_rally", fail)
    code, _, err = run_cli("rally", "new", "r", "--car", "alfa-6c-1750")
    assert code == 2 and err.strip() == "millegame: could not save the rally"
