"""The sqlite3 store.

- Every write is one transaction (``with self._tx(what=…):``); the database runs in WAL mode,
  so a process killed mid-write loses at most the transaction it was in — never one
  already committed (tested with SIGKILL).
- Only real damage is treated as damage. On open, a file that sqlite calls corrupt
  (SQLITE_CORRUPT, SQLITE_NOTADB) or that fails ``PRAGMA integrity_check`` is **salvaged**:
  every row that still reads is copied, table by table, into a fresh file, which takes its
  place; the damaged file is kept as ``millegame.db.corrupt-<UTC time>`` and
  ``store.notices`` says what was kept and where the old file went. A file of another
  application (``PRAGMA application_id``) is moved aside as ``.foreign-…``.
- Any other failure — locked by another program, a full disk, a read-only medium, an I/O
  error — never moves or changes the file: opening raises ``SaveError`` naming the cause
  ("… the file was left as it is; the game goes on without saving"). A file that is
  readable but not writable (a read-only medium or file) is opened read-only: reads work,
  every write raises ``SaveError``, and a notice says so.
- A write-ahead log (``millegame.db-wal``) left by a crash is checked before sqlite replays
  it (``wal_damage``): sqlite silently stops at the first damaged frame, losing every later
  change; when a damaged frame hides committed changes, a copy of the log is kept
  (``millegame.db-wal.damaged-<UTC time>``) and a notice says that the latest changes were lost
  (a damaged last frame: that the last change may not have been saved).
- ``PRAGMA user_version`` is the save format (``SCHEMA_VERSION``): an older file is
  migrated in one transaction; a newer one is refused with a message and left as it is.
- Records and ghosts belong to a stage's content: they are keyed by the stage id *and* the
  sha256 of its file, so a shared file with a shipped stage's name has its own records.
- A write that fails (read-only or full disk) is rolled back and raised as ``SaveError``,
  one line: "could not save the result (database or disk is full); the game goes on
  without saving".
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import struct
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from millegame import userdirs
from millegame.core.replay import Replay, ReplayError

APPLICATION_ID = 0x4D4D4731  # "MMG1"
SCHEMA_VERSION = 2  # 1: records and ghosts keyed by stage id only; 2: by stage id and stage sha256
BUSY_TIMEOUT_S = 10.0  # how long to wait for another program's lock before saying so

TABLES = ("records", "results", "ghosts", "rallies", "fields")
SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    stage_id TEXT NOT NULL, stage_sha256 TEXT NOT NULL DEFAULT '', car_id TEXT NOT NULL, rules TEXT NOT NULL,
    time_s REAL, score REAL NOT NULL, penalty_points INTEGER NOT NULL DEFAULT 0,
    created_at REAL NOT NULL, splits TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (stage_id, stage_sha256, car_id, rules)
);
CREATE TABLE IF NOT EXISTS results (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    stage_id TEXT NOT NULL, car_id TEXT NOT NULL, rules TEXT NOT NULL,
    time_s REAL, score REAL, penalty_points INTEGER NOT NULL DEFAULT 0,
    detail TEXT NOT NULL DEFAULT '{}', created_at REAL NOT NULL, stage_sha256 TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS ghosts (
    stage_id TEXT NOT NULL, stage_sha256 TEXT NOT NULL, car_id TEXT NOT NULL, physics_version INTEGER NOT NULL,
    finish_tick INTEGER NOT NULL, replay BLOB NOT NULL, created_at REAL NOT NULL,
    PRIMARY KEY (stage_id, stage_sha256, car_id)
);
CREATE TABLE IF NOT EXISTS rallies (
    name TEXT PRIMARY KEY, state TEXT NOT NULL, updated_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS fields (
    stage_id TEXT NOT NULL, stage_sha256 TEXT NOT NULL, physics_version INTEGER NOT NULL,
    rules TEXT NOT NULL, entrants INTEGER NOT NULL, classification TEXT NOT NULL,
    created_at REAL NOT NULL,
    PRIMARY KEY (stage_id, stage_sha256, physics_version, rules, entrants)
);
"""

# Version 1 → 2: records and ghosts gain the stage sha256 in their key (a v1 record row
# already stored the sha256 of the file it was driven on; a v1 ghost stored it too);
# results keep it beside the run.
MIGRATE_1_TO_2 = """
ALTER TABLE records RENAME TO records_v1;
ALTER TABLE ghosts RENAME TO ghosts_v1;
ALTER TABLE results ADD COLUMN stage_sha256 TEXT NOT NULL DEFAULT '';
{schema};
INSERT OR IGNORE INTO records (stage_id, stage_sha256, car_id, rules, time_s, score, penalty_points, created_at, splits)
    SELECT stage_id, stage_sha256, car_id, rules, time_s, score, penalty_points, created_at, splits FROM records_v1;
INSERT OR IGNORE INTO ghosts (stage_id, stage_sha256, car_id, physics_version, finish_tick, replay, created_at)
    SELECT stage_id, stage_sha256, car_id, physics_version, finish_tick, replay, created_at FROM ghosts_v1;
DROP TABLE records_v1;
DROP TABLE ghosts_v1
""".replace("{schema}", SCHEMA.strip().rstrip(";"))

# sqlite's primary result codes (the low byte of an extended code), by what they mean for a save.
CORRUPT_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
REASONS = {
    sqlite3.SQLITE_BUSY: "it is locked by another program",
    sqlite3.SQLITE_LOCKED: "it is locked by another program",
    sqlite3.SQLITE_FULL: "the disk is full",
    sqlite3.SQLITE_READONLY: "it is on a read-only disk or is read-only",
    sqlite3.SQLITE_PERM: "no permission to use it",
    sqlite3.SQLITE_CANTOPEN: "it cannot be opened",
    sqlite3.SQLITE_IOERR: "a disk input/output error",
    sqlite3.SQLITE_NOMEM: "out of memory",
}
OS_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "it is on a read-only disk",
    errno.EACCES: "no permission to use it",
    errno.EPERM: "no permission to use it",
    errno.EIO: "a disk input/output error",
}

# The write-ahead log's format (sqlite.org/fileformat2.html#walformat).
WAL_MAGIC = (0x377F0682, 0x377F0683)  # little-, big-endian checksums
WAL_HEADER_BYTES, WAL_FRAME_HEADER_BYTES = 32, 24
MAX_WAL_CHECK_BYTES = 64 << 20  # a longer log is replayed unchecked (sqlite checkpoints at ~4 MB)
MAX_SALVAGE_SKIPS = 64  # damaged stretches jumped over per table while salvaging


def data_dir() -> Path:
    """``$MILLEGAME_DATA_DIR``, else ``$XDG_DATA_HOME/millegame`` (``millegame.userdirs``)."""
    return userdirs.data_dir()


def db_path() -> Path:
    return data_dir() / "millegame.db"


class SaveError(Exception):
    """The save file cannot be written (a read-only or full disk, a locked or vanished file).

    The message is the one line to show: what could not be saved, why, and that the game
    goes on without saving. Nothing is half-written: the transaction was rolled back."""


class RallyExistsError(Exception):
    """``Store.create_rally`` without ``replace``: a rally of that name is kept already."""

    def __init__(self, name: str, state: dict[str, object]) -> None:
        super().__init__(f"a rally named {name!r} exists already")
        self.name = name
        self.state = state


def is_corruption(e: BaseException) -> bool:
    """Whether sqlite says the file itself is damaged (not locked, full, read-only or I/O)."""
    code = getattr(e, "sqlite_errorcode", None)
    return code is not None and (code & 0xFF) in CORRUPT_CODES


def failure_reason(e: BaseException) -> str:
    """What went wrong, in words a player understands, with sqlite's or the system's text."""
    code = getattr(e, "sqlite_errorcode", None)
    said = getattr(e, "strerror", None) or str(e) or type(e).__name__
    if code is not None and (code & 0xFF) in REASONS:
        return f"{REASONS[code & 0xFF]}: {said}"
    if isinstance(e, OSError) and e.errno in OS_REASONS:
        return f"{OS_REASONS[e.errno]}: {said}"
    return said


def save_failure(what: str, e: BaseException) -> str:
    reason = getattr(e, "strerror", None) or str(e) or type(e).__name__
    return f"could not save {what} ({reason}); the game goes on without saving"


@dataclass(frozen=True)
class StoreNotice:
    """Something the player should be told about the save file."""

    message: str
    moved_to: Path | None = None


@dataclass(frozen=True)
class Record:
    stage_id: str
    car_id: str
    rules: str
    time_s: float | None
    score: float
    penalty_points: int
    splits_s: tuple[float, ...] = ()  # the record run's checkpoint splits: the HUD's split deltas
    stage_sha256: str = ""


def _record(row: tuple[Any, ...]) -> Record:
    """A ``Record`` from a row of (stage_id, car_id, rules, time_s, score, penalty_points,
    splits as JSON, stage_sha256)."""
    stage_id, car_id, rules, time_s, score, penalty_points, splits, sha = row
    return Record(stage_id, car_id, rules, time_s, score, penalty_points, tuple(json.loads(splits)), sha)


def better(rules: str, new: float, old: float) -> bool:
    """Corsa scores are times (lower wins); Regolarità scores are points (higher wins)."""
    return new > old if rules == "regolarita" else new < old


def lenient_text(raw: bytes) -> str:
    """sqlite TEXT as str; bytes that are not UTF-8 (damage) become U+FFFD instead of an error."""
    return raw.decode("utf-8", "replace")


def stamp() -> str:
    return time.strftime("%Y%m%d-%H%M%S", time.gmtime())


def free_name(path: Path, kind: str) -> Path:
    """``<path>.<kind>-<UTC time>``, with ``-2``, ``-3``… when taken."""
    base = f"{path.name}.{kind}-{stamp()}"
    aside, n = path.with_name(base), 1
    while aside.exists() or Path(f"{aside}-wal").exists():
        n += 1
        aside = path.with_name(f"{base}-{n}")
    return aside


def wal_damage(wal: bytes) -> str | None:
    """Why sqlite would silently drop committed changes from this write-ahead log, or None.

    sqlite replays frames while their salts match the header and their running checksum is
    right, and stops at the first that fails. A log cut off by a crash fails only at its very
    end (the frame being written: its header is written before its page); a frame that
    fails *before* the end — more frames of the same log follow it — or a damaged header in
    front of frames means committed changes are lost. A failing last frame that is not a
    commit frame belongs to a transaction that never committed: nothing saved is lost. A
    failing last *commit* frame cannot be told from one the game was writing when it stopped
    (sqlite writes a frame's header before its page, and a reused log still holds an older
    page there): either way the last change may not be saved, and the player is told so. A
    log that ends part-way through a frame was cut off while writing it: nothing is said."""
    if len(wal) <= WAL_HEADER_BYTES:
        return None
    magic, _version, page_size, _seq, salt1, salt2, c1, c2 = struct.unpack(">8I", wal[:WAL_HEADER_BYTES])
    if magic not in WAL_MAGIC:
        return "its header is damaged: every change in it is lost"
    order = ">" if magic & 1 else "<"
    s1, s2 = _wal_checksum(wal[:24], 0, 0, order)
    if (s1, s2) != (c1, c2) or page_size < 512 or page_size > 65536 or page_size & (page_size - 1):
        return "its header is damaged: every change in it is lost"
    frame = WAL_FRAME_HEADER_BYTES + page_size
    count = (len(wal) - WAL_HEADER_BYTES) // frame
    ours = []  # frames of this log generation (older ones, left from before a reset, do not count)
    for i in range(count):
        off = WAL_HEADER_BYTES + i * frame
        if struct.unpack(">II", wal[off + 8 : off + 16]) == (salt1, salt2):
            ours.append(i)
        else:
            break
    for n, i in enumerate(ours):
        off = WAL_HEADER_BYTES + i * frame
        pgno, commit, _, _, f1, f2 = struct.unpack(">6I", wal[off : off + WAL_FRAME_HEADER_BYTES])
        s1, s2 = _wal_checksum(wal[off : off + 8] + wal[off + WAL_FRAME_HEADER_BYTES : off + frame], s1, s2, order)
        if pgno != 0 and (s1, s2) == (f1, f2):
            continue
        if n < len(ours) - 1:
            return f"frame {n + 1} of its {len(ours)} is damaged: the changes saved after it are lost"
        if commit == 0:  # the last transaction's commit frame was never written: it never committed
            return None
        return (
            f"its last frame ({n + 1} of {len(ours)}) is damaged or was cut off when the game stopped "
            "while saving: the last change may not have been saved"
        )
    return None


def _wal_checksum(data: bytes, s1: int, s2: int, order: str) -> tuple[int, int]:
    words = struct.unpack(f"{order}{len(data) // 4}I", data)
    mask = 0xFFFFFFFF
    for k in range(0, len(words), 2):
        s1 = (s1 + words[k] + s2) & mask
        s2 = (s2 + words[k + 1] + s1) & mask
    return s1, s2


def _locked_by_another_process(path: Path) -> bool:
    """Whether another process holds one of sqlite's locks on the database or its shared
    memory — it has the save open, and its log is live, not left by a crash. Linux (struct
    flock's layout); elsewhere assume it may be, and skip the log check."""
    if not sys.platform.startswith("linux"):
        return True
    import fcntl

    # (file, first byte, bytes): the database's lock bytes (PENDING, RESERVED, SHARED range)
    # and the WAL index's locks (write, checkpoint, recover, read marks, DMS).
    for target, start, length in ((path, 0x40000000, 512 + 2), (Path(f"{path}-shm"), 120, 9)):
        try:
            fd = os.open(target, os.O_RDONLY)
        except FileNotFoundError:
            continue
        except OSError:
            return True
        try:
            query = struct.pack("hhqqi4x", fcntl.F_WRLCK, os.SEEK_SET, start, length, 0)
            answer = fcntl.fcntl(fd, fcntl.F_GETLK, query)
            if struct.unpack("hhqqi4x", answer)[0] != fcntl.F_UNLCK:
                return True
        except OSError:
            return True
        finally:
            os.close(fd)
    return False


_OPEN_IN_THIS_PROCESS: dict[Path, int] = {}  # resolved path → open Stores (see _check_wal)


class Store:
    def __init__(self, path: str | Path | None = None, *, busy_timeout_s: float = BUSY_TIMEOUT_S) -> None:
        self.path = Path(path) if path is not None else db_path()
        self.busy_timeout_s = busy_timeout_s
        self.notices: list[StoreNotice] = []
        self.read_only = ""  # why writes are refused ("" = writable)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = self._open()
        except SaveError:
            raise
        except (OSError, sqlite3.Error) as e:  # a read-only, full, locked or missing data directory
            kept = " (the file was left as it is)" if self.path.exists() else ""
            raise SaveError(
                f"cannot open the save file {self.path} ({failure_reason(e)}){kept}; the game goes on without saving"
            ) from e
        self._key = self.path.resolve()
        _OPEN_IN_THIS_PROCESS[self._key] = _OPEN_IN_THIS_PROCESS.get(self._key, 0) + 1

    # --- opening, checking, salvaging ---------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        if self.path.exists() and self.path.stat().st_size > 0:
            if not self._writable():
                return self._open_read_only()
            self._check_wal()
            problem = self._problem()
            if problem is not None:
                kind, why = problem
                if kind == "corrupt":
                    self._salvage(why)
                else:
                    aside = self._move_aside(kind)
                    message = f"{self.path}: {why}; moved it to {aside.name} and started a fresh save file"
                    self.notices.append(StoreNotice(message, aside))
        conn = self._connect(f"file:{self.path}")
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            app, version = self._ids(conn)
            if app == 0:
                with self._tx(conn):
                    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
                    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                    for statement in SCHEMA.split(";"):
                        if statement.strip():
                            conn.execute(statement)
            elif version < SCHEMA_VERSION:
                self._migrate(conn, version)
        except BaseException:
            conn.close()
            raise
        return conn

    def _connect(self, uri: str) -> sqlite3.Connection:
        conn = sqlite3.connect(uri, uri=True, timeout=self.busy_timeout_s, isolation_level=None)
        conn.text_factory = lenient_text
        try:
            app, version = self._ids(conn)
        except BaseException:
            conn.close()
            raise
        if app == APPLICATION_ID and version > SCHEMA_VERSION:
            conn.close()
            raise SaveError(
                f"the save file {self.path} is from a newer millegame (save format {version}; this version reads "
                f"up to {SCHEMA_VERSION}); it was left as it is and the game goes on without saving — update millegame"
            )
        return conn

    @staticmethod
    def _ids(conn: sqlite3.Connection) -> tuple[int, int]:
        app = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        return int(app), int(version)

    def _writable(self) -> bool:
        return os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK)

    def _open_read_only(self) -> sqlite3.Connection:
        """A save file on a read-only medium (or not writable): read it, never write it. On a
        read-only medium sqlite cannot make the WAL index, so the file is opened immutable."""
        why = "it is on a read-only disk or is read-only"
        conn: sqlite3.Connection | None = None
        try:
            conn = self._connect(f"file:{self.path}?mode=ro")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as e:
            if conn is not None:
                conn.close()
            if is_corruption(e):
                raise
            conn = self._connect(f"file:{self.path}?mode=ro&immutable=1")
        app, version = self._ids(conn)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if app != APPLICATION_ID or version != SCHEMA_VERSION or not set(TABLES) <= tables:
            conn.close()
            raise SaveError(
                f"the save file {self.path} cannot be read as it is and cannot be changed ({why}); it was left "
                "as it is and the game goes on without saving"
            )
        self.read_only = why
        self.notices.append(StoreNotice(f"{self.path}: {why}; records are read from it, but nothing will be saved"))
        return conn

    def _problem(self) -> tuple[str, str] | None:
        """("corrupt" | "foreign", why) for a file to salvage or move aside; None when it is
        fine. Any error that is not damage (locked, full, I/O…) propagates: the caller
        leaves the file as it is."""
        try:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=self.busy_timeout_s)
            conn.text_factory = lenient_text  # a damage report may quote broken names
            try:
                # integrity_check, not quick_check: only it compares indexes with their tables,
                # and a damaged index hides records from every lookup (fuzz_saves, seed 22)
                ok = conn.execute("PRAGMA integrity_check(20)").fetchone()[0]
                app = conn.execute("PRAGMA application_id").fetchone()[0]
                tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            finally:
                conn.close()
        except sqlite3.DatabaseError as e:
            if not is_corruption(e):
                raise
            return "corrupt", f"the file is damaged ({e})"
        except UnicodeDecodeError:  # sqlite's own message quotes damaged bytes
            return "corrupt", "the file is damaged (its structure holds unreadable bytes)"
        if ok != "ok":
            return "corrupt", f"the database is damaged ({ok})"
        if app != APPLICATION_ID and (app != 0 or tables):
            return "foreign", "this is not a millegame save file"
        return None

    def _move_aside(self, kind: str) -> Path:
        aside = free_name(self.path, kind)
        for suffix in ("-wal", "-shm"):
            side = Path(f"{self.path}{suffix}")
            if side.exists():
                side.replace(Path(f"{aside}{suffix}"))
        self.path.replace(aside)
        return aside

    def _check_wal(self) -> None:
        """Say so, and keep a copy, when the log left by a crash hides committed changes
        (``wal_damage``). Skipped while the save is open elsewhere: its log is live."""
        wal = Path(f"{self.path}-wal")
        try:
            size = wal.stat().st_size
        except OSError:
            return
        if size <= WAL_HEADER_BYTES or size > MAX_WAL_CHECK_BYTES:
            return
        if self.path.resolve() in _OPEN_IN_THIS_PROCESS or _locked_by_another_process(self.path):
            return
        data = wal.read_bytes()
        why = wal_damage(data)
        if why is None:
            return
        kept = free_name(wal, "damaged")
        kept.write_bytes(data)
        self.notices.append(
            StoreNotice(
                f"{self.path}: the save file's journal ({wal.name}) is damaged — {why}; "
                f"the journal was kept as {kept.name}",
                kept,
            )
        )

    def _salvage(self, why: str) -> None:
        """Copy every row that still reads into a fresh file, which replaces the damaged one;
        the damaged file (and its log) is kept aside. The notice says what was kept."""
        fresh = self.path.with_name(f"{self.path.name}.salvage-tmp")
        for leftover in (fresh, Path(f"{fresh}-journal")):
            leftover.unlink(missing_ok=True)
        kept: dict[str, int] = {}
        skipped = 0
        try:
            src = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=self.busy_timeout_s)
            src.text_factory = lenient_text
        except sqlite3.Error:
            src = None
        if src is not None:
            try:
                kept, skipped = self._copy_rows(src, fresh)
            except UnicodeDecodeError:  # the schema itself is unreadable: nothing to copy
                kept = {}
            except sqlite3.Error as e:
                if not is_corruption(e):  # e.g. the disk filled while copying: leave the file alone
                    fresh.unlink(missing_ok=True)
                    raise
                kept = {}
            finally:
                src.close()
        aside = self._move_aside("corrupt")
        if kept:
            fresh.replace(self.path)
            rows = ", ".join(f"{n} {table}" for table, n in kept.items())
            lost = f"; {skipped} damaged stretch(es) could not be read" if skipped else ""
            message = f"{self.path}: {why}; kept what still reads ({rows}){lost} in a fresh save file"
        else:
            fresh.unlink(missing_ok=True)
            message = f"{self.path}: {why}; nothing in it could be read, started a fresh save file"
        self.notices.append(StoreNotice(f"{message} — the damaged file is at {aside}", aside))

    def _copy_rows(self, src: sqlite3.Connection, fresh: Path) -> tuple[dict[str, int], int]:
        """Rows of the known tables of ``src`` copied into a new database at ``fresh``, in
        ``src``'s own layout and version (the usual migration follows). Rows are read in
        rowid order; a damaged stretch is jumped over by doubling steps."""
        app, version = self._ids(src)
        if app not in (0, APPLICATION_ID):
            return {}, 0
        layouts = {
            name: sql
            for name, sql in src.execute("SELECT name, sql FROM sqlite_master WHERE type='table'")
            if name in TABLES and sql
        }
        if not layouts:
            return {}, 0
        dst = sqlite3.connect(fresh, isolation_level=None)
        counts: dict[str, int] = {}
        skipped = 0
        try:
            dst.execute("BEGIN")
            dst.execute(f"PRAGMA application_id={APPLICATION_ID}")
            dst.execute(f"PRAGMA user_version={version or SCHEMA_VERSION}")
            for name, sql in layouts.items():
                dst.execute(sql)
                columns = [r[1] for r in src.execute(f'PRAGMA table_info("{name}")')]
                names = ", ".join(f'"{c}"' for c in columns)
                marks = ", ".join("?" * (len(columns) + 1))
                insert = f'INSERT OR IGNORE INTO "{name}" (rowid, {names}) VALUES ({marks})'
                select = f'SELECT rowid, {names} FROM "{name}" WHERE rowid > ? ORDER BY rowid'
                counts[name], skips = 0, 0
                after, step = -(1 << 63), 1
                while skips <= MAX_SALVAGE_SKIPS:
                    try:
                        for row in src.execute(select, (after,)):
                            dst.execute(insert, row)
                            counts[name] += 1
                            after, step = row[0], 1
                        break
                    except (sqlite3.DatabaseError, UnicodeDecodeError) as e:
                        if isinstance(e, sqlite3.DatabaseError) and not is_corruption(e):
                            raise
                        skips += 1
                        after = min(after + step, (1 << 63) - 1) if after > -(1 << 63) else 0
                        step *= 2
                skipped += skips
            dst.execute("COMMIT")
        finally:
            dst.close()
        return counts, skipped

    def _migrate(self, conn: sqlite3.Connection, version: int) -> None:
        """Bring an older save file to ``SCHEMA_VERSION`` in one transaction."""
        with self._tx(conn):
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if version <= 1 and {"records", "ghosts", "results"} <= tables:
                for statement in MIGRATE_1_TO_2.split(";"):
                    if statement.strip():
                        conn.execute(statement)
            for statement in SCHEMA.split(";"):  # tables a salvage could not bring back
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    @contextmanager
    def _tx(self, conn: sqlite3.Connection | None = None, what: str = "") -> Iterator[sqlite3.Connection]:
        """One write transaction. A failing write (``sqlite3.Error``: read-only, disk full,
        locked) is rolled back and raised as ``SaveError`` naming ``what``."""
        c = conn or self.conn
        if self.read_only and conn is None:
            raise SaveError(f"could not save {what or 'the game'} ({self.read_only}); the game goes on without saving")
        try:
            c.execute("BEGIN IMMEDIATE")
            try:
                yield c
            except BaseException:
                if c.in_transaction:  # sqlite may already have rolled back (e.g. SQLITE_FULL)
                    c.execute("ROLLBACK")
                raise
            c.execute("COMMIT")
        except sqlite3.Error as e:
            if c.in_transaction:
                with suppress(sqlite3.Error):
                    c.execute("ROLLBACK")
            if conn is not None:  # while opening: Store.__init__ says it
                raise
            raise SaveError(save_failure(what or "the game", e)) from e

    def close(self) -> None:
        if self._key not in _OPEN_IN_THIS_PROCESS:
            return
        self.conn.close()
        n = _OPEN_IN_THIS_PROCESS.get(self._key, 0) - 1
        if n > 0:
            _OPEN_IN_THIS_PROCESS[self._key] = n
        else:
            _OPEN_IN_THIS_PROCESS.pop(self._key, None)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- results and records -----------------------------------------------------------

    def add_result(
        self,
        stage_id: str,
        car_id: str,
        rules: str,
        *,
        time_s: float | None,
        score: float | None,
        penalty_points: int = 0,
        stage_sha256: str = "",
        splits_s: list[float] | tuple[float, ...] = (),
        detail: dict[str, object] | None = None,
    ) -> bool:
        """Keep a finished (or not) run in the history; returns True when it is a new record
        of this stage version (``stage_id`` and the sha256 of its file, ``stage_sha256``)."""
        now = time.time()
        with self._tx(what="the result") as c:
            c.execute(
                "INSERT INTO results (stage_id, car_id, rules, time_s, score, penalty_points, detail, created_at,"
                " stage_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (stage_id, car_id, rules, time_s, score, penalty_points, json.dumps(detail or {}), now, stage_sha256),
            )
            if score is None:
                return False
            old = c.execute(
                "SELECT score FROM records WHERE stage_id=? AND stage_sha256=? AND car_id=? AND rules=?",
                (stage_id, stage_sha256, car_id, rules),
            ).fetchone()
            if old is not None and not better(rules, score, old[0]):
                return False
            c.execute(
                "INSERT OR REPLACE INTO records (stage_id, stage_sha256, car_id, rules, time_s, score, penalty_points,"
                " created_at, splits) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (stage_id, stage_sha256, car_id, rules, time_s, score, penalty_points, now, json.dumps(list(splits_s))),
            )
            return True

    def record(self, stage_id: str, car_id: str, rules: str, *, stage_sha256: str = "") -> Record | None:
        """The record of this stage version (id and file sha256), car and rule set."""
        row = self.conn.execute(
            "SELECT stage_id, car_id, rules, time_s, score, penalty_points, splits, stage_sha256 FROM records"
            " WHERE stage_id=? AND stage_sha256=? AND car_id=? AND rules=?",
            (stage_id, stage_sha256, car_id, rules),
        ).fetchone()
        return _record(row) if row else None

    def records(self, stage_id: str | None = None, *, stage_sha256: str | None = None) -> list[Record]:
        """Every record, or a stage's (of every version of its file, or of ``stage_sha256``'s)."""
        q = "SELECT stage_id, car_id, rules, time_s, score, penalty_points, splits, stage_sha256 FROM records"
        where, args = [], []
        if stage_id:
            where.append("stage_id=?")
            args.append(stage_id)
        if stage_sha256 is not None:
            where.append("stage_sha256=?")
            args.append(stage_sha256)
        q += (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY stage_id, rules, score"
        return [_record(r) for r in self.conn.execute(q, args).fetchall()]

    def history(self, stage_id: str | None = None, limit: int = 100) -> list[dict[str, object]]:
        q = "SELECT id, stage_id, car_id, rules, time_s, score, penalty_points, detail, created_at FROM results"
        args: tuple[object, ...] = ()
        if stage_id:
            q += " WHERE stage_id=?"
            args = (stage_id,)
        rows = self.conn.execute(q + " ORDER BY id DESC LIMIT ?", (*args, limit)).fetchall()
        keys = ("id", "stage_id", "car_id", "rules", "time_s", "score", "penalty_points", "detail", "created_at")
        out = []
        for r in rows:
            d = dict(zip(keys, r, strict=True))
            d["detail"] = json.loads(str(d["detail"]))
            out.append(d)
        return out

    # --- ghosts --------------------------------------------------------------------------

    def save_ghost(self, replay: Replay) -> bool:
        """Keep ``replay`` as the ghost of its stage version (id and file sha256) and car if
        it finished faster than the one kept (or the kept one is from another physics
        version). True if kept."""
        if replay.finish_tick < 0:
            return False
        with self._tx(what="the ghost") as c:
            old = c.execute(
                "SELECT finish_tick, physics_version FROM ghosts WHERE stage_id=? AND stage_sha256=? AND car_id=?",
                (replay.stage_id, replay.stage_sha256, replay.car_id),
            ).fetchone()
            stale = old is not None and old[1] != replay.physics_version
            if old is not None and not stale and old[0] <= replay.finish_tick:
                return False
            c.execute(
                "INSERT OR REPLACE INTO ghosts (stage_id, stage_sha256, car_id, physics_version, finish_tick, replay,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (replay.stage_id, replay.stage_sha256, replay.car_id, replay.physics_version,
                 replay.finish_tick, replay.to_bytes(), time.time()),
            )  # fmt: skip
            return True

    def ghost(self, stage_id: str, car_id: str, *, stage_sha256: str | None = None) -> Replay | None:
        """The kept ghost of this stage version (the newest of any version when
        ``stage_sha256`` is None; check it with ``core.replay.refusal`` before drawing it)."""
        q = "SELECT replay FROM ghosts WHERE stage_id=? AND car_id=?"
        args: tuple[str, ...] = (stage_id, car_id)
        if stage_sha256 is not None:
            q += " AND stage_sha256=?"
            args += (stage_sha256,)
        row = self.conn.execute(q + " ORDER BY created_at DESC LIMIT 1", args).fetchone()
        if row is None:
            return None
        try:
            return Replay.from_bytes(bytes(row[0]))
        except ReplayError:
            return None

    # --- rallies -------------------------------------------------------------------------

    def save_rally(self, name: str, state: dict[str, object]) -> None:
        with self._tx(what=f"the rally {name!r}") as c:
            c.execute("INSERT OR REPLACE INTO rallies VALUES (?, ?, ?)", (name, json.dumps(state), time.time()))

    def create_rally(self, name: str, state: dict[str, object], *, replace: bool = False) -> None:
        """Start a rally; ``RallyExistsError`` (with the kept state) if one has that name, unless
        ``replace``."""
        with self._tx(what=f"the rally {name!r}") as c:
            row = c.execute("SELECT state FROM rallies WHERE name=?", (name,)).fetchone()
            if row is not None and not replace:
                raise RallyExistsError(name, json.loads(row[0]))
            c.execute("INSERT OR REPLACE INTO rallies VALUES (?, ?, ?)", (name, json.dumps(state), time.time()))

    def update_rally(self, name: str, before: dict[str, object], after: dict[str, object]) -> bool:
        """Replace the rally's state ``before`` by ``after`` in one transaction; False (and
        nothing written) when another process changed or deleted it since ``before`` was
        read — the caller reads it again, so no stage is lost."""
        with self._tx(what=f"the rally {name!r}") as c:
            row = c.execute("SELECT state FROM rallies WHERE name=?", (name,)).fetchone()
            if row is None or json.loads(row[0]) != json.loads(json.dumps(before)):  # as kept: tuples → lists
                return False
            c.execute("UPDATE rallies SET state=?, updated_at=? WHERE name=?", (json.dumps(after), time.time(), name))
            return True

    def load_rally(self, name: str) -> dict[str, object] | None:
        row = self.conn.execute("SELECT state FROM rallies WHERE name=?", (name,)).fetchone()
        return json.loads(row[0]) if row else None

    def rallies(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM rallies ORDER BY updated_at DESC")]

    def delete_rally(self, name: str) -> None:
        with self._tx(what=f"the deletion of the rally {name!r}") as c:
            c.execute("DELETE FROM rallies WHERE name=?", (name,))

    # --- the field's results, generated once per stage version --------------------------

    def save_field(
        self, stage_id: str, stage_sha256: str, physics_version: int, rules: str, entrants: int, rows: list[dict]
    ) -> None:  # type: ignore[type-arg]
        with self._tx(what="the field's classification") as c:
            c.execute(
                "INSERT OR REPLACE INTO fields VALUES (?, ?, ?, ?, ?, ?, ?)",
                (stage_id, stage_sha256, physics_version, rules, entrants, json.dumps(rows), time.time()),
            )

    def load_field(
        self, stage_id: str, stage_sha256: str, physics_version: int, rules: str, entrants: int
    ) -> list[dict] | None:  # type: ignore[type-arg]
        row = self.conn.execute(
            "SELECT classification FROM fields WHERE stage_id=? AND stage_sha256=? AND physics_version=?"
            " AND rules=? AND entrants=?",
            (stage_id, stage_sha256, physics_version, rules, entrants),
        ).fetchone()
        return json.loads(row[0]) if row else None
