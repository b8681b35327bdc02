"""One car's result of a stage, typed: ``StageResult``, made once from a race and its referee.

Everything that keeps or shows a run — ``millegame sim`` (its JSON and ``--save``), the game's
results screen and save, the rally — reads this one object; it becomes a dict (JSON, the save
file's ``detail``, a rally's stored result) only at those edges. The score is defined here
once (``corsa_score``; Regolarità's in ``core.regularity.regularity_score``), so the same run
stores the same numbers whichever way it was driven.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from millegame.core.race import Race

SCORE_DECIMALS = 3  # a Corsa score is kept to the millisecond


def corsa_score(finish_tick: int, dt: float, penalty_s: float) -> float:
    """Corsa's score: stage time (``finish_tick × dt``) plus time penalties [s], to the millisecond
    (lower wins). A race without rules scores as Corsa without penalties."""
    return round(float(finish_tick * dt + penalty_s), SCORE_DECIMALS)


@dataclass(frozen=True)
class Check:
    """One regularity check of a run (a timing line): what was measured and what it cost."""

    kind: str
    trial: str
    name: str
    time_s: float | None  # stage time at the line; None: missed
    actual_s: float | None  # the measured section time (None: missed)
    target_s: float | None  # the set time, where the check has one
    points: int

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind, "trial": self.trial, "name": self.name, "time_s": self.time_s,
            "actual_s": self.actual_s, "target_s": self.target_s, "points": self.points,
        }  # fmt: skip


@dataclass(frozen=True)
class StageResult:
    """One car's run of a stage: time, splits and, under a rule set, the referee's verdict.

    ``rules`` is None for a race without rules (no penalties, no checks; ``score`` is then the
    stage time as Corsa counts it). ``score`` is None while the car has not finished."""

    stage: str  # the stage id
    car: str  # the car id
    stage_sha256: str  # the stage file's sha256 ("" for a stage built in memory)
    rules: str | None
    finished: bool
    ticks: int  # ticks driven
    dt: float  # [s] per tick
    finish_tick: int  # −1: did not finish
    splits_s: tuple[float, ...]  # stage time at each checkpoint passed [s]
    penalty_s: float = 0.0
    penalty_points: int = 0
    coefficient: float = 1.0
    score: float | None = None
    respawns: int = 0
    checks: tuple[Check, ...] = ()

    @property
    def time_s(self) -> float | None:
        """Stage time [s] (``finish_tick × dt``), None when the car did not finish."""
        return self.finish_tick * self.dt if self.finished else None

    @property
    def kept_rules(self) -> str:
        """The rule set the run is kept under: a run without rules is kept as Corsa's."""
        return self.rules or "corsa"

    @staticmethod
    def of(race: Race, car: int = 0) -> StageResult:
        """Car ``car``'s result in ``race`` as it stands (final once the car has finished)."""
        finish_tick = int(race.finish_tick[car])
        finished = finish_tick >= 0
        common = dict(
            stage=race.stage.id, car=race.cars[car].id, stage_sha256=race.stage.source_sha256,
            finished=finished, ticks=race.tick, dt=race.dt, finish_tick=finish_tick,
            splits_s=tuple(float(s) for s in race.splits_s[car]),
        )  # fmt: skip
        ref = race.referee
        if ref is None:
            score = corsa_score(finish_tick, race.dt, 0.0) if finished else None
            return StageResult(rules=None, score=score, **common)  # type: ignore[arg-type]
        checks = tuple(
            Check(e.kind, e.trial, e.name, None if e.missed else e.time_s, e.actual_s, e.target_s, e.points)
            for e in ref.checks[car]
        )
        return StageResult(
            rules=ref.rules, penalty_s=float(ref.penalty_s[car]), penalty_points=int(ref.penalty_points[car]),
            coefficient=float(ref.coefficient[car]), score=ref.score(car), respawns=int(ref.respawns[car]),
            checks=checks, **common,  # type: ignore[arg-type]
        )  # fmt: skip

    # ------------------------------------------------------------------ edges
    def rules_json(self) -> dict[str, object]:
        """The referee's keys (rules, penalty_s, penalty_points, coefficient, score, respawns,
        checks) as ``millegame sim --json`` prints them; empty for a race without rules."""
        if self.rules is None:
            return {}
        return {
            "rules": self.rules, "penalty_s": self.penalty_s, "penalty_points": self.penalty_points,
            "coefficient": self.coefficient, "score": self.score, "respawns": self.respawns,
            "checks": [c.to_json() for c in self.checks],
        }  # fmt: skip

    def detail(self) -> dict[str, object]:
        """The whole result as one JSON object (the save file's ``detail`` of a result)."""
        return {
            "stage": self.stage, "car": self.car, "finished": self.finished, "time_s": self.time_s,
            "splits_s": list(self.splits_s), "ticks": self.ticks, "dt": self.dt,
            "score": self.score, **self.rules_json(),
        }  # fmt: skip

    def rally_entry(self) -> dict[str, object]:
        """The keys a rally keeps of a stage result (``core.rally.Rally.finish_stage``):
        time_s, score (None: did not finish), penalty_s, penalty_points, coefficient, rules, respawns."""
        return {
            "time_s": self.time_s, "score": self.score, "penalty_s": self.penalty_s,
            "penalty_points": self.penalty_points, "coefficient": self.coefficient,
            "rules": self.kept_rules, "respawns": self.respawns,
        }  # fmt: skip
