"""The field: period crews, start numbers, one race, deduplicated runs, ranking."""

from __future__ import annotations

import json

from millegame.cli import main
from millegame.core.field import classify, crew_key, make_field, run_field, start_number
from millegame.core.rally import start_minute
from test_rules import straight_stage


def test_numbers_are_start_times_small_cars_first(cars: tuple) -> None:
    crews = make_field(cars, 200)
    assert crews == make_field(cars, 200)  # seeded: the same field every time
    assert [c.start_min for c in crews] == list(range(200))
    assert crews[0].number == 2100 and start_number(179) == 2359 and start_number(622) == 722
    assert all(start_minute(c.number) == c.start_min for c in crews)
    by_id = {c.id: c for c in cars}
    cc = [by_id[c.car_id].displacement_cc for c in crews]
    assert cc == sorted(cc)
    assert all(c.era == "classic" for c in crews)  # period crews drive period cars
    assert len({c.crew for c in crews}) > 150


def test_deduplicated_runs_equal_simulating_every_crew(cars: tuple) -> None:
    stage = straight_stage(length_m=600.0)
    by_id = {c.id: c for c in cars}
    crews = make_field(cars, 16)
    assert len({crew_key(c, "corsa") for c in crews}) < 16
    fast = run_field(stage, crews, by_id, max_time_s=60.0)
    full = run_field(stage, crews, by_id, max_time_s=60.0, dedupe=False)
    assert [e.to_json() for e in fast] == [e.to_json() for e in full]
    assert all(e.time_s is not None for e in fast)
    assert [e.rank for e in fast] == list(range(1, 17))


def test_ranking_corsa_by_time_regolarita_by_score_per_class() -> None:
    def row(number: int, score: float | None, cls: str = "classic") -> dict:
        return dict(number=number, crew=f"c{number}", car="x", car_class="", classification=cls,
                    time_s=score, penalty_s=0.0, penalty_points=0, coefficient=1.0, score=score)  # fmt: skip

    rows = [row(5, 100.0), row(3, None), row(1, 90.0), row(2, 90.0), row(9, 50.0, "tribute")]
    corsa = classify(rows, "corsa")
    assert [(e.number, e.rank) for e in corsa] == [(9, 1), (1, 1), (2, 2), (5, 3), (3, 4)]
    reg = classify(rows, "regolarita")
    assert [e.number for e in reg if e.classification == "classic"] == [5, 1, 2, 3]


def test_cli_field_json(capsys, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MILLEGAME_DATA_DIR", str(tmp_path))
    assert main(["field", "brescia-verona", "--entrants", "3", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 3
    assert {"number", "crew", "car", "time_s"} <= set(rows[0])
    assert rows[0]["time_s"] is not None and rows[0]["rank"] == 1
    assert main(["field", "brescia-verona", "--entrants", "3", "--json"]) == 0  # kept: read back
    assert json.loads(capsys.readouterr().out) == rows
