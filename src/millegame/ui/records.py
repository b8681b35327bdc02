"""Best times per stage, car and rule set, and the ghosts: ``Records`` keeps them in the
save file (``millegame.store``), or in memory for the session (``SessionBests``) when the
save file cannot be used. The HUD compares splits against them; results record new ones."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from millegame.core.replay import Replay
    from millegame.core.result import StageResult
    from millegame.store import Store


@dataclass(frozen=True)
class BestRun:
    time_s: float
    splits_s: tuple[float, ...]


@dataclass
class SessionBests:
    runs: dict[tuple[str, str, str], BestRun] = field(default_factory=dict)

    def best(self, stage_id: str, car_id: str, rules: str = "corsa") -> BestRun | None:
        return self.runs.get((stage_id, car_id, rules))

    def record(
        self, stage_id: str, car_id: str, time_s: float, splits_s: tuple[float, ...], rules: str = "corsa"
    ) -> bool:
        """Keep the run if it is the best so far; returns whether it was."""
        key = (stage_id, car_id, rules)
        old = self.runs.get(key)
        if old is None or time_s < old.time_s:
            self.runs[key] = BestRun(time_s, tuple(splits_s))
            return True
        return False


def version_key(stage_id: str, stage_sha256: str) -> str:
    """The session's key of a stage version: records belong to a stage's content, as in the
    save file (``Store.record``), not to its file name."""
    return f"{stage_id}@{stage_sha256}" if stage_sha256 else stage_id


def file_sha256(path: str | Path) -> str:
    """The sha256 of a stage file, as ``Stage.source_sha256`` holds it ("" if unreadable)."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""


def split_delta(best: BestRun | None, index: int, split_s: float) -> float | None:
    """Split minus the best run's split at the same checkpoint (negative = faster)."""
    if best is None or index >= len(best.splits_s):
        return None
    return split_s - best.splits_s[index]


def format_delta(delta_s: float) -> str:
    """ "−0.42" / "+1.07" to the hundredth (truncated, as timing is)."""
    sign = "-" if delta_s < 0 else "+"
    cs = int(abs(delta_s) * 100 + 1e-6)
    return f"{sign}{cs // 100}.{cs % 100:02d}"


class Records:
    """Best runs and ghosts kept in the save file (``millegame.store.Store``), opened on
    first use. When the save file cannot be opened at all (a read-only or broken data
    directory) or a write fails (a full disk), the records of this session are kept in
    memory and ``notices`` says why, once; the game never stops for it. After a failed
    write no further writes are tried: the game goes on without saving."""

    def __init__(self) -> None:
        self.session = SessionBests()
        self.notices: list[str] = []
        self._store: Store | None = None
        self._opened = False
        self.saving = True  # False after a write failed

    @property
    def store(self) -> Store | None:
        if not self._opened:
            self._opened = True
            try:
                from millegame.store import Store

                store = Store()
                self.notices.extend(n.message for n in store.notices)
                self._store = store
            except Exception as e:  # any failure: play on without the save file
                text = str(e) if type(e).__name__ == "SaveError" else f"cannot open the save file ({e})"
                self.notices.append(f"{text[:1].upper()}{text[1:]} — records are kept for this session only")
                self._store = None
        return self._store

    def _fail(self, what: str, e: Exception) -> None:
        from millegame.store import SaveError

        if isinstance(e, SaveError):  # its message already says what and why
            if self.saving:
                self.notices.append(f"{str(e)[:1].upper()}{str(e)[1:]} — records are kept for this session only")
            self.saving = False
            return
        self.notices.append(f"Cannot {what} ({e}); kept for this session only")

    def take_notices(self) -> list[str]:
        out, self.notices = self.notices, []
        return out

    def best(self, stage_id: str, car_id: str, rules: str = "corsa", *, stage_sha256: str = "") -> BestRun | None:
        """The best run on this stage version (id and file sha256: a shared file with a
        shipped stage's name has its own records), car and rule set."""
        store = self.store
        if store is not None:
            try:
                rec = store.record(stage_id, car_id, rules, stage_sha256=stage_sha256)
            except Exception as e:
                self._fail("read the records", e)
                rec = None
            else:
                if rec is not None and rec.time_s is not None:
                    kept = BestRun(float(rec.time_s), tuple(rec.splits_s))
                    mine = self.session.best(version_key(stage_id, stage_sha256), car_id, rules)  # saving failed
                    return mine if mine is not None and mine.time_s < kept.time_s else kept
        return self.session.best(version_key(stage_id, stage_sha256), car_id, rules)

    def record(
        self,
        stage_id: str,
        car_id: str,
        time_s: float | None,
        splits_s: tuple[float, ...],
        rules: str = "corsa",
        *,
        score: float | None,
        penalty_points: int = 0,
        stage_sha256: str = "",
        detail: dict[str, object] | None = None,
    ) -> bool:
        """Keep the run (the history, and the record when it is the best); returns whether
        it is a new best. ``score``: the run's ``StageResult.score`` (None: did not finish).
        The game keeps a run with ``keep``."""
        store = self.store if self.saving else None
        if store is not None:
            try:
                kept = store.add_result(
                    stage_id, car_id, rules, time_s=time_s, score=score, penalty_points=penalty_points,
                    stage_sha256=stage_sha256, splits_s=splits_s, detail=detail,
                )  # fmt: skip
                return bool(kept)
            except Exception as e:
                self._fail("save the result", e)
        if time_s is None:
            return False
        return self.session.record(version_key(stage_id, stage_sha256), car_id, time_s, splits_s, rules)

    def keep(self, result: StageResult, replay: Replay | None) -> bool:
        """Keep a run (``session.result_row``) and, when it is a new best, ``replay`` as its
        ghost (as ``session.keep_result`` does with the save file); returns whether it is a new best."""
        from millegame.session import result_row

        new_best = self.record(**result_row(result))  # type: ignore[arg-type]
        if new_best and replay is not None:
            self.save_ghost(replay)
        return new_best

    def best_any(self, stage_id: str, *, stage_sha256: str = "") -> BestRun | None:
        """The fastest kept time on a stage version, any car and rule set (the map's list)."""
        key = version_key(stage_id, stage_sha256)
        times: list[BestRun] = [run for (sid, _, _), run in self.session.runs.items() if sid == key]
        store = self.store
        if store is not None:
            try:
                kept = store.records(stage_id, stage_sha256=stage_sha256)
                times += [BestRun(float(r.time_s), ()) for r in kept if r.time_s is not None]
            except Exception:
                pass
        return min(times, key=lambda r: r.time_s, default=None)

    def save_ghost(self, replay: Replay) -> bool:
        store = self.store if self.saving else None
        if store is None:
            return False
        try:
            return bool(store.save_ghost(replay))
        except Exception as e:
            self._fail("save the ghost", e)
            return False

    def ghost(self, stage_id: str, car_id: str, *, stage_sha256: str | None = None) -> Replay | None:
        store = self.store
        if store is None:
            return None
        try:
            return store.ghost(stage_id, car_id, stage_sha256=stage_sha256)
        except Exception as e:
            self._fail("read the ghost", e)
            return None
