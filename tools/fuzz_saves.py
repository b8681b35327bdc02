"""Fuzz the save file: damaged pages, a damaged log, locks, a full disk, read-only media.

Each case starts from the same save (``make_save``: records of many stages, results, rallies,
ghosts, fields) and does one thing to it, then opens it with ``millegame.store.Store``:

- **page**: 1–64 bytes of one page (chosen at random, or of a page of a chosen table)
  overwritten with random bytes, or the page zeroed. The store must open (salvaging) or say
  why not with ``SaveError``; never another exception. The fresh file passes
  ``PRAGMA integrity_check``; when the damaged page held no records (known from ``dbstat``
  before the damage, page 1 excluded), every record is still there (**no lost record**).
- **log**: a writer process keeps its changes in the log (no checkpoint) and is killed; one
  frame of the log is damaged. The store's notice must say the journal was damaged (for the
  last frame: that the last change may not have been saved); the records committed before
  it are there.
- **lock**: another process holds an exclusive lock; opening raises ``SaveError`` naming the
  lock, and the file is unchanged and not moved.
- **full** (root only): the save on a small tmpfs filled to the last byte; opening raises
  ``SaveError`` or opens; the file is unchanged; after space is freed every record is there.
- **readonly** (root only: a read-only bind mount): opens read-only, reads every record,
  writes raise ``SaveError``, the file is unchanged.

A case fails on an exception other than ``SaveError``, a broken invariant above, more than
20 s, or when a file is moved aside for something that is not damage.
``python tools/fuzz_saves.py --cases N [--seed S] [--kinds page,log,lock,full,readonly]``.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np

from millegame.core.replay import Replay
from millegame.store import SaveError, Store

CASE_TIME_LIMIT_S = 20.0
STAGES = 60  # records in the base save: enough for several pages per table
KINDS = ("page", "log", "lock", "full", "readonly")
ROOT = os.geteuid() == 0


class CaseTimeoutError(Exception):
    pass


def make_save(path: Path) -> dict[str, float]:
    """The base save; returns {stage id: best score} of its records."""
    best: dict[str, float] = {}
    with Store(path) as s:
        for k in range(STAGES):
            stage = f"stage{k:03d}"
            for t in (200.0 + k, 150.0 + k):
                s.add_result(stage, "car", "corsa", time_s=t, score=t, stage_sha256="sha", detail={"pad": "x" * 300})
            best[stage] = 150.0 + k
            if k % 10 == 0:
                controls = np.random.default_rng(k).random((400, 6))
                s.save_ghost(Replay(stage, "sha", "car", 2, None, {}, 300, controls))
        for k in range(20):
            s.save_rally(f"rally{k}", {"stage": k, "pad": list(range(50))})
        s.save_field("stage000", "sha", 2, "corsa", 3, [{"number": n} for n in range(3)])
    return best


def records_of(s: Store) -> dict[str, float]:
    return {r.stage_id: r.score for r in s.records()}


def page_owners(path: Path) -> dict[int, str]:
    conn = sqlite3.connect(path)
    try:
        return {int(p): str(n) for n, p in conn.execute("SELECT name, pageno FROM dbstat")}
    finally:
        conn.close()


def siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()} - {path.name}


# --------------------------------------------------------------------------------- kinds


def case_page(rng: random.Random, d: Path, base: Path, best: dict[str, float]) -> str:
    path = d / "millegame.db"
    path.write_bytes(base.read_bytes())
    owners = page_owners(path)
    page_size = 4096
    pages = path.stat().st_size // page_size
    page = rng.choice([p for p, n in owners.items() if n == rng.choice(("ghosts", "results", "rallies"))] or [2])
    if rng.random() < 0.4:
        page = rng.randrange(1, pages + 1)
    data = bytearray(path.read_bytes())
    start = (page - 1) * page_size
    how = rng.choice(("bytes", "header", "zero"))
    if how == "zero":
        data[start : start + page_size] = bytes(page_size)
    else:
        n = rng.randint(1, 64)
        at = start + (rng.randrange(12) if how == "header" else rng.randrange(page_size - n))
        data[at : at + n] = rng.randbytes(n)
    path.write_bytes(bytes(data))
    what = f"page {page} ({owners.get(page, '?')}) {how}"
    try:
        s = Store(path)
    except SaveError as e:
        return f"{what}: SaveError {e}"
    try:
        if s.conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise AssertionError(f"{what}: the store opened a file that is not intact")
        got = records_of(s)
        if owners.get(page) not in ("records", None) and page != 1 and got != best:
            lost = sorted(set(best) - set(got))[:5]
            raise AssertionError(f"{what}: records lost though their pages were intact: {lost} …")
        if got and any(v != best.get(k) for k, v in got.items()):
            changed = [k for k, v in got.items() if v != best.get(k)][:3]
            # a flip inside a record's own bytes can change it; only a damaged records page may
            if owners.get(page) != "records":
                raise AssertionError(f"{what}: records changed: {changed}")
    finally:
        s.close()
    return what


LOG_WRITER = """
import sys, time
from millegame.store import Store
s = Store(sys.argv[1])
s.conn.execute("PRAGMA wal_autocheckpoint=0")
for k in range(int(sys.argv[2])):
    s.add_result(f"log{k}", "car", "corsa", time_s=10.0 + k, score=10.0 + k, stage_sha256="sha")
print("done", flush=True)
time.sleep(60)
"""


def case_log(rng: random.Random, d: Path, base: Path, best: dict[str, float]) -> str:
    path = d / "millegame.db"
    path.write_bytes(base.read_bytes())
    commits = rng.randint(2, 12)
    proc = subprocess.Popen([sys.executable, "-c", LOG_WRITER, str(path), str(commits)], stdout=subprocess.PIPE)
    assert proc.stdout is not None
    if proc.stdout.readline() != b"done\n":
        raise AssertionError("the log writer did not start")
    proc.kill()
    proc.wait()
    wal = Path(f"{path}-wal")
    log = bytearray(wal.read_bytes())
    frame = 24 + 4096
    frames = (len(log) - 32) // frame
    k = rng.randrange(frames)
    at = 32 + k * frame + rng.choice((rng.randrange(24), 24 + rng.randrange(4096)))
    if 32 + k * frame + 8 <= at < 32 + k * frame + 16:
        at += 8  # the salts: a frame of another log, not damage
    log[at] ^= 1 << rng.randrange(8)
    wal.write_bytes(bytes(log))
    what = f"log frame {k + 1} of {frames}, byte {at}"
    s = Store(path)
    try:
        told = any("journal" in n.message and "damaged" in n.message for n in s.notices)
        if not told:
            raise AssertionError(f"{what}: committed changes were dropped without a word")
        if any(n.moved_to is not None and ".corrupt-" in n.moved_to.name for n in s.notices):
            raise AssertionError(f"{what}: a damaged log made the file be moved aside")
        got = records_of(s)
        if any(got.get(k) != v for k, v in best.items()):
            raise AssertionError(f"{what}: records from before the log were lost")
    finally:
        s.close()
    return what + (" (told)" if told else "")


LOCKER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode=EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute("SELECT count(*) FROM records").fetchone()
print("locked", flush=True)
sys.stdin.read()
"""


def case_lock(rng: random.Random, d: Path, base: Path, best: dict[str, float]) -> str:
    path = d / "millegame.db"
    path.write_bytes(base.read_bytes())
    before = path.read_bytes()
    proc = subprocess.Popen([sys.executable, "-c", LOCKER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert proc.stdout is not None and proc.stdout.readline() == b"locked\n"
        try:
            Store(path, busy_timeout_s=rng.choice((0.0, 0.1, 0.3))).close()
            raise AssertionError("opened a save another process holds locked")
        except SaveError as e:
            if "locked" not in str(e):
                raise AssertionError(f"the lock was not named: {e}") from None
    finally:
        proc.communicate(b"")
    if path.read_bytes() != before or any(".corrupt-" in n for n in siblings(path)):
        raise AssertionError("a locked save was changed or moved aside")
    with Store(path) as s:
        if records_of(s) != best:
            raise AssertionError("records lost after a lock")
    return "lock"


def mounted(target: Path, *options: str) -> None:
    subprocess.run(["mount", *options, str(target)], check=True, capture_output=True)


def case_full(rng: random.Random, d: Path, base: Path, best: dict[str, float]) -> str:
    mnt = d / "mnt"
    mnt.mkdir()
    size_kb = (base.stat().st_size // 1024) + rng.choice((8, 16, 40, 64))
    mounted(mnt, "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs")
    try:
        path = mnt / "millegame.db"
        path.write_bytes(base.read_bytes())
        before = path.read_bytes()
        filler = mnt / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
        try:
            for chunk in (65536, 4096, 512, 1):  # the disk, full to the last byte
                try:
                    while True:
                        os.write(fd, bytes(chunk))
                except OSError:
                    pass
        finally:
            os.close(fd)
        what = f"full tmpfs of {size_kb} kB"
        try:
            with Store(path) as s:
                if records_of(s) != best:
                    raise AssertionError(f"{what}: records missing while the disk is full")
                try:
                    s.add_result("new", "car", "corsa", time_s=1.0, score=1.0, detail={"pad": "x" * 20000})
                except SaveError:
                    pass
            what += ": opened"
        except SaveError as e:
            what += f": SaveError ({str(e)[:60]}…)"
        if path.read_bytes()[:100] != before[:100] or any(".corrupt-" in n for n in siblings(path)):
            raise AssertionError(f"{what}: the save was moved aside or its header changed")
        filler.unlink()  # room again: the filler gone and the disk grown (the log and its index need ~100 kB)
        mounted(mnt, "-o", f"remount,size={size_kb + 1024}k")
        with Store(path) as s:
            got = records_of(s)
            if any(got.get(k) != v for k, v in best.items()):
                raise AssertionError(f"{what}: records lost after the disk had room again")
        return what
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def case_readonly(rng: random.Random, d: Path, base: Path, best: dict[str, float]) -> str:
    data = d / "data"
    data.mkdir()
    path = data / "millegame.db"
    path.write_bytes(base.read_bytes())
    before = path.read_bytes()
    mounted(data, "--bind", str(data))
    try:
        mounted(data, "-o", "remount,ro,bind")
        with Store(path) as s:
            if records_of(s) != best:
                raise AssertionError("records not read from a read-only medium")
            try:
                s.add_result("new", "car", "corsa", time_s=1.0, score=1.0)
                raise AssertionError("wrote to a read-only medium")
            except SaveError:
                pass
    finally:
        subprocess.run(["umount", "-l", str(data)], check=False)
    if path.read_bytes() != before or siblings(path):
        raise AssertionError("a save on a read-only medium was changed")
    return "readonly"


CASES: dict[str, Callable[[random.Random, Path, Path, dict[str, float]], str]] = {
    "page": case_page, "log": case_log, "lock": case_lock, "full": case_full, "readonly": case_readonly,
}  # fmt: skip


def _alarm(_signum: int, _frame: object) -> None:
    raise CaseTimeoutError


def run_case(kind: str, seed: int, scratch: Path, base: Path, best: dict[str, float]) -> tuple[str, str]:
    """(what was done, the problem or "")."""
    d = Path(tempfile.mkdtemp(dir=scratch))
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, CASE_TIME_LIMIT_S)
    try:
        return CASES[kind](random.Random(seed), d, base, best), ""
    except CaseTimeoutError:
        return kind, f"still running after {CASE_TIME_LIMIT_S:.0f} s"
    except AssertionError as e:
        return kind, str(e)
    except BaseException:
        return kind, traceback.format_exc()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
        subprocess.run(["rm", "-rf", str(d)], check=False)


def campaign(n: int, seed: int, kinds: tuple[str, ...], scratch: Path) -> tuple[Counter[str], list[str]]:
    base = scratch / "base.db"
    if not base.exists():
        best = make_save(base)
    else:
        with Store(base) as s:
            best = records_of(s)
    done: Counter[str] = Counter()
    failures: list[str] = []
    rng = random.Random(seed)
    for i in range(n):
        kind = kinds[i % len(kinds)]
        what, problem = run_case(kind, rng.randrange(1 << 30), scratch, base, best)
        done[kind] += 1
        if problem:
            failures.append(f"{kind} case {i} ({what}): {problem}")
    return done, failures


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--cases", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)
    default = "page,log,lock" + (",full,readonly" if ROOT else "")
    p.add_argument("--kinds", default=default, help=f"comma-separated, of {', '.join(KINDS)}")
    p.add_argument("--show", type=int, default=5)
    args = p.parse_args(argv)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="millegame-fuzz-saves-") as scratch:
        done, failures = campaign(args.cases, args.seed, tuple(args.kinds.split(",")), Path(scratch))
    for f in failures[: args.show]:
        print("FAIL", f)
    wall = time.perf_counter() - t0
    print(f"{args.cases} cases (seed {args.seed}): {len(failures)} failing; wall {wall:.0f} s; " + ", ".join(
        f"{k} {n}" for k, n in sorted(done.items())))  # fmt: skip
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
