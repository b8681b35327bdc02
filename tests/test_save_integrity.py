"""The save file is only ever treated as damaged when it is: a lock held by another program,
a full disk, a read-only medium or an I/O error leave it as it is; real damage is salvaged
row by row; a damaged write-ahead log is told; save formats are checked and migrated;
rallies are not overwritten nor lost to a concurrent update; records and ghosts belong to
a stage's content, not its file name."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import numpy as np
import pytest

from millegame import cli
from millegame.core.replay import Replay
from millegame.store import SaveError, Store
from millegame.store.db import wal_damage
from millegame.ui.records import Records

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from fuzz_saves import LOCKER  # the script that holds a save's lock from another process

SHIPPED, SHARED = "a" * 64, "b" * 64  # the sha256 of two different files both called prologo.tmx


def ghost(stage_sha256: str, finish_tick: int, stage_id: str = "st") -> Replay:
    controls = np.random.default_rng(finish_tick).random((finish_tick, 6))  # a run ends on its finish tick
    return Replay(stage_id, stage_sha256, "car", 1, None, {}, finish_tick, controls)


def a_save(path: Path) -> None:
    """A save with a record, a rally and a ghost, closed cleanly (no log left)."""
    with Store(path) as s:
        s.add_result("st", "car", "corsa", time_s=155.27, score=155.27, stage_sha256=SHIPPED, splits_s=[70.0])
        s.save_rally("r1", {"stage": 3})
        s.save_ghost(ghost(SHIPPED, 1863))


def siblings(path: Path) -> list[str]:
    return sorted(
        p.name for p in path.parent.iterdir() if p.name != path.name and not p.name.endswith(("-shm", "-wal"))
    )


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


# --- faults that are not damage --------------------------------------------------------


def test_a_save_locked_by_another_program_is_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "millegame.db"
    a_save(path)
    before = path.read_bytes()
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert locker.stdout is not None and locker.stdout.readline() == b"locked\n"
        with pytest.raises(SaveError, match=r"locked by another program.*left as it is.*goes on without saving"):
            Store(path, busy_timeout_s=0.2)
    finally:
        locker.communicate(b"")
    assert siblings(path) == [] and path.read_bytes() == before  # not moved aside, not changed
    with Store(path) as s:
        assert s.notices == [] and s.record("st", "car", "corsa", stage_sha256=SHIPPED).score == 155.27
        assert s.rallies() == ["r1"]


FULL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, as on a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, (1000, resource.RLIM_INFINITY))
from millegame.store import SaveError, Store
try:
    Store(sys.argv[1])
except SaveError as e:
    print(e)
"""


def test_a_disk_that_cannot_grow_at_open_leaves_the_save_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "millegame.db"
    a_save(path)
    before = path.read_bytes()
    out = subprocess.run([sys.executable, "-c", FULL_DISK, str(path)], capture_output=True, text=True, check=True)
    assert "cannot open the save file" in out.stdout and "left as it is" in out.stdout, out
    assert "Traceback" not in out.stderr
    assert siblings(path) == [] and path.read_bytes() == before
    with Store(path) as s:  # once there is room again, everything is there
        assert s.notices == [] and s.record("st", "car", "corsa", stage_sha256=SHIPPED).score == 155.27


def read_only_medium(directory: Path) -> None:
    """Make ``directory`` read-only as the system sees it: a read-only bind mount as root
    (root writes through permission bits), else no write permission."""
    if os.geteuid() == 0:
        subprocess.run(["mount", "--bind", str(directory), str(directory)], check=True)
        subprocess.run(["mount", "-o", "remount,ro,bind", str(directory)], check=True)
    else:
        for p in directory.iterdir():
            p.chmod(0o444)
        directory.chmod(0o555)


def writable_again(directory: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["umount", str(directory)], check=True)
    else:
        directory.chmod(0o755)


def test_a_save_on_a_read_only_medium_is_read_and_never_written(tmp_path: Path) -> None:
    directory = tmp_path / "data"
    directory.mkdir()
    path = directory / "millegame.db"
    a_save(path)
    before = path.read_bytes()
    read_only_medium(directory)
    try:
        with Store(path) as s:
            (notice,) = s.notices
            assert "read-only" in notice.message and "nothing will be saved" in notice.message
            assert s.record("st", "car", "corsa", stage_sha256=SHIPPED).score == 155.27  # reads work
            assert s.ghost("st", "car", stage_sha256=SHIPPED).finish_tick == 1863  # type: ignore[union-attr]
            with pytest.raises(SaveError, match=r"could not save the result \(.*read-only.*\); the game goes on"):
                s.add_result("st", "car", "corsa", time_s=1.0, score=1.0, stage_sha256=SHIPPED)
    finally:
        writable_again(directory)
    assert siblings(path) == [] and path.read_bytes() == before


def test_an_io_error_while_checking_is_not_called_damage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "millegame.db"
    a_save(path)
    real_connect = sqlite3.connect

    def failing(*args: object, **kwargs: object) -> sqlite3.Connection:
        e = sqlite3.OperationalError("disk I/O error")
        e.sqlite_errorcode = 10 | (1 << 8)  # type: ignore[attr-defined]  # SQLITE_IOERR_READ
        raise e

    monkeypatch.setattr(sqlite3, "connect", failing)
    with pytest.raises(SaveError, match=r"input/output error.*left as it is"):
        Store(path)
    monkeypatch.setattr(sqlite3, "connect", real_connect)
    assert siblings(path) == []


# --- real damage ---------------------------------------------------------------------------


def test_a_damaged_ghost_page_loses_only_the_ghosts(tmp_path: Path) -> None:
    path = tmp_path / "millegame.db"
    with Store(path) as s:
        for k in range(40):
            s.add_result(f"stage{k}", "car", "corsa", time_s=100.0 + k, score=100.0 + k, stage_sha256=SHIPPED)
        s.save_rally("r1", {"stage": 3})
        s.save_rally("r2", {"stage": 5})
        s.save_ghost(ghost(SHIPPED, 900))
    conn = sqlite3.connect(path)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='ghosts'").fetchone()
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size : (root - 1) * page_size + 4] = b"\xff\xff\xff\xff"  # 4 bad bytes in its page
    path.write_bytes(bytes(data))

    s = Store(path)
    (notice,) = s.notices
    assert "damaged" in notice.message and "40 records" in notice.message and "2 rallies" in notice.message
    assert notice.moved_to is not None and f"the damaged file is at {notice.moved_to}" in notice.message
    assert notice.moved_to.read_bytes() == bytes(data)  # the damaged file is kept as it was
    assert len(s.records()) == 40 and s.record("stage7", "car", "corsa", stage_sha256=SHIPPED).score == 107.0
    assert sorted(s.rallies()) == ["r1", "r2"] and s.load_rally("r2") == {"stage": 5}
    assert s.ghost("st", "car") is None  # what was in the damaged page
    assert s.save_ghost(ghost(SHIPPED, 800))  # the fresh file works
    s.close()
    with Store(path) as s:
        assert s.notices == [] and s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_damaged_index_is_rebuilt_and_hides_no_record(tmp_path: Path) -> None:
    """Found by the save fuzzer (seed 22, case 700): quick_check passed a damaged index of
    the records, whose lookups then missed records."""
    path = tmp_path / "millegame.db"
    with Store(path) as s:
        for k in range(40):
            s.add_result(f"stage{k}", "car", "corsa", time_s=100.0 + k, score=100.0 + k, stage_sha256=SHIPPED)
    conn = sqlite3.connect(path)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='sqlite_autoindex_records_1'").fetchone()
    conn.close()
    data = bytearray(path.read_bytes())
    at = (root - 1) * 4096 + 4096 - 200  # inside the index's cells, at the end of its page
    data[at : at + 8] = b"zzzzzzzz"
    path.write_bytes(bytes(data))
    with Store(path) as s:
        assert len(s.notices) == 1 and "40 records" in s.notices[0].message, s.notices
        assert all(s.record(f"stage{k}", "car", "corsa", stage_sha256=SHIPPED) is not None for k in range(40))


WAL_WRITER = """
import sqlite3, sys, time
from millegame.store import Store
s = Store(sys.argv[1])
s.conn.execute("PRAGMA wal_autocheckpoint=0")  # keep every change in the log, as between checkpoints
for k in range(1, 6):
    s.add_result("st", "car", "corsa", time_s=100.0 - k, score=100.0 - k, stage_sha256="sha", detail={"k": k})
print("saved", flush=True)
time.sleep(60)
"""


def test_a_damaged_log_that_loses_saved_changes_is_told_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "millegame.db"
    Store(path).close()
    writer = subprocess.Popen([sys.executable, "-c", WAL_WRITER, str(path)], stdout=subprocess.PIPE)
    assert writer.stdout is not None and writer.stdout.readline() == b"saved\n"
    writer.kill()  # a crash: the log stays, with five committed changes
    writer.wait()
    wal = Path(f"{path}-wal")
    log = bytearray(wal.read_bytes())
    assert wal_damage(bytes(log)) is None  # a log left by a crash is not damage
    log[32 + 24 + 100] ^= 0xFF  # one bad byte in the page of the first frame
    wal.write_bytes(bytes(log))

    s = Store(path)
    (notice,) = s.notices
    assert "journal" in notice.message and "damaged" in notice.message and "lost" in notice.message
    assert notice.moved_to is not None and notice.moved_to.read_bytes() == bytes(log)  # kept for an expert
    s.close()


def test_the_log_check_tells_damage_from_a_cut_off_write() -> None:
    good = _a_log()
    assert wal_damage(good) is None
    assert wal_damage(good[: len(good) - 100]) is None  # the last frame cut off
    bad_header = bytearray(good)
    bad_header[20] ^= 1
    assert "header is damaged" in str(wal_damage(bytes(bad_header)))
    middle = bytearray(good)
    middle[32 + 24 + 7] ^= 1
    assert "frame 1 of its" in str(wal_damage(bytes(middle)))
    last = bytearray(good)
    last[-5] ^= 1  # a byte of the last frame's page: the last change may be gone
    assert "last frame" in str(wal_damage(bytes(last))) and "may not have been saved" in str(wal_damage(bytes(last)))
    # a failing last frame that is not a commit frame: its transaction never committed
    frame = 24 + int.from_bytes(good[8:12], "big")
    open_tx = bytearray(good)
    open_tx[len(good) - frame + 4 : len(good) - frame + 8] = bytes(4)
    assert wal_damage(bytes(open_tx)) is None


def _a_log() -> bytes:
    """A real log of several frames, from a connection that does not checkpoint."""
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "x.db"
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA wal_autocheckpoint=0")
        conn.execute("CREATE TABLE t (v)")
        for k in range(4):
            conn.execute("INSERT INTO t VALUES (?)", (k,))
        data = Path(f"{path}-wal").read_bytes()
        conn.close()
    return data


# --- save formats ----------------------------------------------------------------------------


def test_a_save_from_a_newer_millegame_is_refused_and_left_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MILLEGAME_DATA_DIR", str(tmp_path))
    path = tmp_path / "millegame.db"
    a_save(path)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version=99")
        conn.execute("ALTER TABLE records RENAME COLUMN score TO points")  # what a newer format may do
    conn.close()
    before = path.read_bytes()
    with pytest.raises(SaveError, match=r"newer millegame \(save format 99; .*\); it was left as it is"):
        Store(path)
    code, _, err = run_cli("rally", "list")
    assert code == 2 and "newer millegame" in err and "Traceback" not in err
    assert siblings(path) == [] and path.read_bytes() == before


V1_SCHEMA = """
CREATE TABLE records (stage_id TEXT NOT NULL, car_id TEXT NOT NULL, rules TEXT NOT NULL, time_s REAL,
    score REAL NOT NULL, penalty_points INTEGER NOT NULL DEFAULT 0, stage_sha256 TEXT NOT NULL DEFAULT '',
    created_at REAL NOT NULL, splits TEXT NOT NULL DEFAULT '[]', PRIMARY KEY (stage_id, car_id, rules));
CREATE TABLE results (id INTEGER PRIMARY KEY AUTOINCREMENT, stage_id TEXT NOT NULL, car_id TEXT NOT NULL,
    rules TEXT NOT NULL, time_s REAL, score REAL, penalty_points INTEGER NOT NULL DEFAULT 0,
    detail TEXT NOT NULL DEFAULT '{}', created_at REAL NOT NULL);
CREATE TABLE ghosts (stage_id TEXT NOT NULL, car_id TEXT NOT NULL, stage_sha256 TEXT NOT NULL,
    physics_version INTEGER NOT NULL, finish_tick INTEGER NOT NULL, replay BLOB NOT NULL, created_at REAL NOT NULL,
    PRIMARY KEY (stage_id, car_id));
CREATE TABLE rallies (name TEXT PRIMARY KEY, state TEXT NOT NULL, updated_at REAL NOT NULL);
CREATE TABLE fields (stage_id TEXT NOT NULL, stage_sha256 TEXT NOT NULL, physics_version INTEGER NOT NULL,
    rules TEXT NOT NULL, entrants INTEGER NOT NULL, classification TEXT NOT NULL, created_at REAL NOT NULL,
    PRIMARY KEY (stage_id, stage_sha256, physics_version, rules, entrants));
PRAGMA application_id=1296910129;
PRAGMA user_version=1;
"""


def test_a_save_of_format_1_is_migrated_keeping_every_row(tmp_path: Path) -> None:
    path = tmp_path / "millegame.db"
    conn = sqlite3.connect(path)
    conn.executescript(V1_SCHEMA)
    conn.execute("INSERT INTO records VALUES ('st', 'car', 'corsa', 155.27, 155.27, 0, ?, 0, '[70.0]')", (SHIPPED,))
    conn.execute(
        "INSERT INTO results (stage_id, car_id, rules, time_s, score, created_at)"
        " VALUES ('st', 'car', 'corsa', 1, 1, 0)"
    )
    conn.execute("INSERT INTO ghosts VALUES ('st', 'car', ?, 1, 900, ?, 0)", (SHIPPED, ghost(SHIPPED, 900).to_bytes()))
    conn.execute("INSERT INTO rallies VALUES ('r1', '{\"stage\": 3}', 0)")
    conn.commit()
    conn.close()
    with Store(path) as s:
        assert s.notices == [] and s.conn.execute("PRAGMA user_version").fetchone()[0] == 2
        rec = s.record("st", "car", "corsa", stage_sha256=SHIPPED)
        assert rec is not None and rec.score == 155.27 and rec.splits_s == (70.0,)
        assert s.ghost("st", "car", stage_sha256=SHIPPED).finish_tick == 900  # type: ignore[union-attr]
        assert len(s.history()) == 1 and s.load_rally("r1") == {"stage": 3}
        assert s.add_result("st", "car", "corsa", time_s=20.18, score=20.18, stage_sha256=SHARED)
        assert s.record("st", "car", "corsa", stage_sha256=SHIPPED).score == 155.27  # type: ignore[union-attr]


# --- rallies ----------------------------------------------------------------------------------


def test_rally_new_refuses_an_existing_name_unless_forced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MILLEGAME_DATA_DIR", str(tmp_path))
    assert run_cli("rally", "new", "r1", "--car", "alfa-6c-1750", "--entrants", "2")[0] == 0
    with Store() as s:
        state = s.load_rally("r1")
        s.save_rally("r1", {**state, "results": [{"time_s": 1.0}]})  # type: ignore[dict-item]
        kept = s.load_rally("r1")
    code, _, err = run_cli("rally", "new", "r1", "--car", "porsche-550")
    assert code == 2 and "a rally named 'r1' exists already" in err and "--force" in err
    with Store() as s:
        assert s.load_rally("r1") == kept
    assert run_cli("rally", "new", "r1", "--car", "alfa-6c-1750", "--force")[0] == 0
    with Store() as s:
        assert s.load_rally("r1") != kept


def test_two_rally_next_at_once_drive_two_stages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MILLEGAME_DATA_DIR", str(tmp_path))
    assert run_cli("rally", "new", "r1", "--car", "alfa-6c-1750", "--entrants", "1")[0] == 0
    from millegame import session

    real = session.drive_rally_stage
    calls: list[str] = []

    def drive_while_another_process_moves_on(store, rally, car):  # type: ignore[no-untyped-def]
        calls.append(rally.next_stage_id)
        result = real(store, rally, car)
        if len(calls) == 1:  # another `rally next` finishes the same stage first
            with Store() as other:
                from millegame.core.rally import Rally

                theirs = Rally.from_dict(other.load_rally("r1"))  # type: ignore[arg-type]
                theirs.finish_stage({"time_s": 99.0, "score": 99.0}, [])
                other.save_rally("r1", theirs.to_dict())
        return result

    monkeypatch.setattr(session, "drive_rally_stage", drive_while_another_process_moves_on)
    code, out, err = run_cli("rally", "next", "r1")
    assert code == 0, err
    assert "moved on by another process" in err
    assert "after 2 of" in out  # theirs and ours: no stage lost, none driven twice
    assert calls[0] != calls[1]
    with Store() as s:
        assert len(s.load_rally("r1")["results"]) == 2  # type: ignore[arg-type,index]


# --- records belong to a stage's content ---------------------------------------------------


def test_a_shared_file_with_a_shipped_stages_name_has_its_own_records(tmp_path: Path) -> None:
    with Store(tmp_path / "millegame.db") as s:
        assert s.add_result("prologo", "car", "corsa", time_s=155.27, score=155.27, stage_sha256=SHIPPED)
        assert s.save_ghost(ghost(SHIPPED, 1863, stage_id="prologo"))
        assert s.add_result("prologo", "car", "corsa", time_s=20.18, score=20.18, stage_sha256=SHARED)
        assert s.save_ghost(ghost(SHARED, 2421, stage_id="prologo"))
        assert s.record("prologo", "car", "corsa", stage_sha256=SHIPPED).time_s == 155.27  # type: ignore[union-attr]
        assert s.record("prologo", "car", "corsa", stage_sha256=SHARED).time_s == 20.18  # type: ignore[union-attr]
        assert s.ghost("prologo", "car", stage_sha256=SHIPPED).finish_tick == 1863  # type: ignore[union-attr]
        assert s.ghost("prologo", "car", stage_sha256=SHARED).finish_tick == 2421  # type: ignore[union-attr]


def test_the_game_keeps_a_shipped_stages_best_apart_from_a_shared_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MILLEGAME_DATA_DIR", str(tmp_path))
    records = Records()
    assert records.record("prologo", "car", 155.27, (70.0,), score=155.27, stage_sha256=SHIPPED)
    assert records.record("prologo", "car", 20.18, (9.0,), score=20.18, stage_sha256=SHARED)  # its own first record
    assert records.best("prologo", "car", stage_sha256=SHIPPED).time_s == 155.27  # type: ignore[union-attr]
    assert records.best_any("prologo", stage_sha256=SHIPPED).time_s == 155.27  # type: ignore[union-attr]


def test_two_real_rally_next_processes_lose_no_stage(tmp_path: Path) -> None:
    """The same with two real processes started together (each drives for about a second,
    so they overlap): the rally ends after two stages, each driven once."""
    env = {**os.environ, "MILLEGAME_DATA_DIR": str(tmp_path)}
    cmd = [sys.executable, "-m", "millegame", "rally"]
    subprocess.run([*cmd, "new", "r1", "--car", "alfa-6c-1750", "--entrants", "1"], env=env, check=True)
    procs = [subprocess.Popen([*cmd, "next", "r1"], env=env, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    with Store(tmp_path / "millegame.db") as s:
        results = s.load_rally("r1")["results"]  # type: ignore[index]
    assert len(results) == 2, outs  # type: ignore[arg-type]
    assert sorted(" ".join(outs).count(f"after {k} of") for k in (1, 2)) == [1, 1], outs
