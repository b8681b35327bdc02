"""The rally: the stages in route order, one car, one rule set, a field to beat.

A ``Rally`` is plain data (``to_dict``/``from_dict`` for the save file): the stage ids in
route order, the player's car, rules and race number, the field's size, and per finished
stage the player's result and the field's classification. ``standings()`` is the overall
classification after the stages driven so far, per class ("classic" and "tribute"):

- Corsa: total time [s] including penalties, lower first; a crew that failed to finish
  a stage is ranked after every crew that finished them all (fewest stages missing first).
- Regolarità: total score, higher first.

Start order as in the original race: the number is the start time on the clock
(``HMM``, from 21:00 the evening before), so ``start_minute(722)`` is 622 (07:22).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from millegame.core.car import CarParams
from millegame.core.field import FIRST_START
from millegame.core.referee import CORSA, RULE_SETS

PLAYER = "player"


def start_number_of(car: CarParams) -> int:
    """The car's own number when it reads as a start time (HMM, as from 1949: #722 left at
    07:22); else the start time its displacement would get in the field's order."""
    from millegame.core.field import start_number

    if car.number > 0 and car.number % 100 < 60 and car.number // 100 < 24:
        return int(car.number)
    return start_number(min(car.displacement_cc // 10, 599))


def start_minute(number: int) -> int:
    """Minutes after 21:00 at which car ``number`` (its start time HMM) leaves."""
    h, m = divmod(number, 100)
    minute = h * 60 + m - (FIRST_START[0] * 60 + FIRST_START[1])
    return minute % (24 * 60)


@dataclass
class Rally:
    name: str
    car_id: str
    rules: str
    stage_ids: list[str]
    number: int  # the player's race number = start time HMM
    crew: str = "You"
    classification: str = "classic"  # or "tribute"
    entrants: int = 100  # crews in the field
    results: dict[str, dict[str, object]] = field(default_factory=dict)  # stage id → player's result
    fields: dict[str, list[dict[str, object]]] = field(default_factory=dict)  # stage id → field rows

    def __post_init__(self) -> None:
        if self.rules not in RULE_SETS:
            raise ValueError(f"unknown rules {self.rules!r}")
        if not self.stage_ids:
            raise ValueError("a rally needs at least one stage")

    @property
    def stage_index(self) -> int:
        """Index of the next stage to drive (= number of stages done)."""
        return len(self.results)

    @property
    def finished(self) -> bool:
        return self.stage_index >= len(self.stage_ids)

    @property
    def next_stage_id(self) -> str | None:
        return None if self.finished else self.stage_ids[self.stage_index]

    def finish_stage(self, result: dict[str, object], field_rows: list[dict[str, object]]) -> None:
        """Record the player's result of the next stage (keys time_s, score, penalty_s,
        penalty_points; score None = did not finish) and the field's classification."""
        stage_id = self.next_stage_id
        if stage_id is None:
            raise ValueError("the rally is over")
        self.results[stage_id] = dict(result)
        self.fields[stage_id] = [dict(r) for r in field_rows]

    def start_order(self, field_rows: list[dict[str, object]]) -> list[tuple[int, str]]:
        """(number, crew) in start order: by start minute from 21:00."""
        entries = [(int(r["number"]), str(r["crew"])) for r in field_rows]  # type: ignore[call-overload]
        entries.append((self.number, self.crew))
        return sorted(entries, key=lambda e: (start_minute(e[0]), e[1] != self.crew))

    def standings(self) -> list[dict[str, object]]:
        """Overall classification after the stages done, ranked within each class."""
        totals: dict[tuple[int, str], dict[str, object]] = {}

        def add(number: int, crew: str, car: str, cls: str, score: object) -> None:
            t = totals.setdefault(
                (number, crew), {"number": number, "crew": crew, "car": car, "classification": cls,
                                 "total": 0.0, "stages": 0, "missing": 0}
            )  # fmt: skip
            if score is None:
                t["missing"] = int(t["missing"]) + 1  # type: ignore[call-overload]
            else:
                t["total"] = round(float(t["total"]) + float(score), 3)  # type: ignore[arg-type]
                t["stages"] = int(t["stages"]) + 1  # type: ignore[call-overload]

        for stage_id, res in self.results.items():
            add(self.number, self.crew, self.car_id, self.classification, res.get("score"))
            for r in self.fields.get(stage_id, []):
                add(int(r["number"]), str(r["crew"]), str(r["car"]), str(r["classification"]), r.get("score"))  # type: ignore[call-overload]
        sign = 1.0 if self.rules == CORSA else -1.0
        rows = sorted(totals.values(), key=lambda t: (t["missing"], sign * float(t["total"]), t["number"]))  # type: ignore[arg-type]
        ranks: dict[str, int] = {}
        for t in rows:
            cls = str(t["classification"])
            ranks[cls] = ranks.get(cls, 0) + 1
            t["rank"] = ranks[cls]
            t["player"] = t["crew"] == self.crew and t["number"] == self.number
        return rows

    def player_standing(self) -> dict[str, object] | None:
        return next((t for t in self.standings() if t["player"]), None)

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name, "car_id": self.car_id, "rules": self.rules, "stage_ids": list(self.stage_ids),
            "number": self.number, "crew": self.crew, "classification": self.classification,
            "entrants": self.entrants, "results": self.results, "fields": self.fields,
        }  # fmt: skip

    @staticmethod
    def from_dict(d: dict[str, object]) -> Rally:
        return Rally(**d)  # type: ignore[arg-type]
