"""The sqlite3 store.

- Every write is one transaction (``with self._tx(what=…):``); the database runs in WAL mode,
  so a process killed mid-write loses at most the transaction it was in — never one
  already committed (tested with SIGKILL).
- On open, a file that is not a sqlite database, fails ``PRAGMA quick_check``, or carries
  another application's id (``PRAGMA application_id``) is moved aside to
  ``millegame.db.corrupt-<UTC time>`` (or ``.foreign-…``); a fresh database is created and
  ``store.notices`` says what happened (the CLI and the UI show it).
- A write that fails (read-only or full disk) is rolled back and raised as ``SaveError``,
  one line: "could not save the result (database or disk is full); the game goes on
  without saving". Opening a save file that cannot be opened raises it too.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from millegame import userdirs
from millegame.core.replay import Replay, ReplayError

APPLICATION_ID = 0x4D4D4731  # "MMG1"
SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    stage_id TEXT NOT NULL, car_id TEXT NOT NULL, rules TEXT NOT NULL,
    time_s REAL, score REAL NOT NULL, penalty_points INTEGER NOT NULL DEFAULT 0,
    stage_sha256 TEXT NOT NULL DEFAULT '', created_at REAL NOT NULL,
    splits TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (stage_id, car_id, rules)
);
CREATE TABLE IF NOT EXISTS results (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    stage_id TEXT NOT NULL, car_id TEXT NOT NULL, rules TEXT NOT NULL,
    time_s REAL, score REAL, penalty_points INTEGER NOT NULL DEFAULT 0,
    detail TEXT NOT NULL DEFAULT '{}', created_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS ghosts (
    stage_id TEXT NOT NULL, car_id TEXT NOT NULL,
    stage_sha256 TEXT NOT NULL, physics_version INTEGER NOT NULL,
    finish_tick INTEGER NOT NULL, replay BLOB NOT NULL, created_at REAL NOT NULL,
    PRIMARY KEY (stage_id, car_id)
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


def data_dir() -> Path:
    """``$MILLEGAME_DATA_DIR``, else ``$XDG_DATA_HOME/millegame`` (``millegame.userdirs``)."""
    return userdirs.data_dir()


def db_path() -> Path:
    return data_dir() / "millegame.db"


class SaveError(Exception):
    """The save file cannot be written (a read-only or full disk, a locked or vanished file).

    The message is the one line to show: what could not be saved, why, and that the game
    goes on without saving. Nothing is half-written: the transaction was rolled back."""


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


def better(rules: str, new: float, old: float) -> bool:
    """Corsa scores are times (lower wins); Regolarità scores are points (higher wins)."""
    return new > old if rules == "regolarita" else new < old


class Store:
    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else db_path()
        self.notices: list[StoreNotice] = []
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = self._open()
        except (OSError, sqlite3.Error) as e:  # a read-only, full or missing data directory
            reason = getattr(e, "strerror", None) or str(e) or type(e).__name__
            raise SaveError(f"cannot open the save file {self.path} ({reason}); the game goes on without saving") from e

    # --- opening, checking, moving aside -----------------------------------------------

    def _open(self) -> sqlite3.Connection:
        if self.path.exists() and self.path.stat().st_size > 0:
            problem = self._problem()
            if problem is not None:
                kind, why = problem
                stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
                aside = self.path.with_name(f"{self.path.name}.{kind}-{stamp}")
                n = 1
                while aside.exists():
                    n += 1
                    aside = self.path.with_name(f"{self.path.name}.{kind}-{stamp}-{n}")
                for suffix in ("-wal", "-shm"):
                    side = Path(str(self.path) + suffix)
                    if side.exists():
                        side.replace(Path(str(aside) + suffix))
                self.path.replace(aside)
                self.notices.append(
                    StoreNotice(f"{self.path}: {why}; moved it to {aside.name} and started a fresh save file", aside)
                )
        conn = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        if conn.execute("PRAGMA application_id").fetchone()[0] == 0:
            with self._tx(conn):
                conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        conn.execute(statement)
        return conn

    def _problem(self) -> tuple[str, str] | None:
        try:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=10.0)
            try:
                ok = conn.execute("PRAGMA quick_check").fetchone()[0]
                app = conn.execute("PRAGMA application_id").fetchone()[0]
                tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            finally:
                conn.close()
        except sqlite3.DatabaseError as e:
            return "corrupt", f"not a readable database ({e})"
        if ok != "ok":
            return "corrupt", f"the database is damaged ({ok})"
        if app != APPLICATION_ID and (app != 0 or tables):
            return "foreign", "this is not a millegame save file"
        return None

    @contextmanager
    def _tx(self, conn: sqlite3.Connection | None = None, what: str = "") -> Iterator[sqlite3.Connection]:
        """One write transaction. A failing write (``sqlite3.Error``: read-only, disk full,
        locked) is rolled back and raised as ``SaveError`` naming ``what``."""
        c = conn or self.conn
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
        self.conn.close()

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
        """Keep a finished (or not) run in the history; returns True when it is a new record."""
        now = time.time()
        with self._tx(what="the result") as c:
            c.execute(
                "INSERT INTO results (stage_id, car_id, rules, time_s, score, penalty_points, detail, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (stage_id, car_id, rules, time_s, score, penalty_points, json.dumps(detail or {}), now),
            )
            if score is None:
                return False
            old = c.execute(
                "SELECT score FROM records WHERE stage_id=? AND car_id=? AND rules=?", (stage_id, car_id, rules)
            ).fetchone()
            if old is not None and not better(rules, score, old[0]):
                return False
            c.execute(
                "INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (stage_id, car_id, rules, time_s, score, penalty_points, stage_sha256, now, json.dumps(list(splits_s))),
            )
            return True

    def record(self, stage_id: str, car_id: str, rules: str) -> Record | None:
        row = self.conn.execute(
            "SELECT stage_id, car_id, rules, time_s, score, penalty_points, splits FROM records"
            " WHERE stage_id=? AND car_id=? AND rules=?",
            (stage_id, car_id, rules),
        ).fetchone()
        return Record(*row[:6], tuple(json.loads(row[6]))) if row else None

    def records(self, stage_id: str | None = None) -> list[Record]:
        q = "SELECT stage_id, car_id, rules, time_s, score, penalty_points FROM records"
        rows = self.conn.execute(q + (" WHERE stage_id=?" if stage_id else "") + " ORDER BY stage_id, rules, score",
                                 (stage_id,) if stage_id else ()).fetchall()  # fmt: skip
        return [Record(*r) for r in rows]

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
        """Keep ``replay`` as the ghost of its stage and car if it finished faster than the
        one kept (or the kept one is from another stage/physics version). True if kept."""
        if replay.finish_tick < 0:
            return False
        with self._tx(what="the ghost") as c:
            old = c.execute(
                "SELECT finish_tick, stage_sha256, physics_version FROM ghosts WHERE stage_id=? AND car_id=?",
                (replay.stage_id, replay.car_id),
            ).fetchone()
            stale = old is not None and (old[1] != replay.stage_sha256 or old[2] != replay.physics_version)
            if old is not None and not stale and old[0] <= replay.finish_tick:
                return False
            c.execute(
                "INSERT OR REPLACE INTO ghosts VALUES (?, ?, ?, ?, ?, ?, ?)",
                (replay.stage_id, replay.car_id, replay.stage_sha256, replay.physics_version,
                 replay.finish_tick, replay.to_bytes(), time.time()),
            )  # fmt: skip
            return True

    def ghost(self, stage_id: str, car_id: str) -> Replay | None:
        """The kept ghost (check it with ``core.replay.refusal`` before drawing it)."""
        row = self.conn.execute(
            "SELECT replay FROM ghosts WHERE stage_id=? AND car_id=?", (stage_id, car_id)
        ).fetchone()
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
