"""The rally: stages in order, standings after each, save and continue, start order."""

from __future__ import annotations

from pathlib import Path

import pytest

from millegame.core.rally import Rally, start_minute
from millegame.store import Store


def field_rows(times: dict[int, float | None]) -> list[dict[str, object]]:
    return [
        {"number": n, "crew": f"crew {n}", "car": "Alfa", "classification": "classic", "time_s": t, "score": t}
        for n, t in times.items()
    ]


def test_start_minute_reads_the_number_as_a_clock_time() -> None:
    assert start_minute(2100) == 0
    assert start_minute(2359) == 179
    assert start_minute(722) == 622  # Moss and Jenkinson left at 07:22


def test_standings_after_each_stage_and_save_and_continue(tmp_path: Path) -> None:
    rally = Rally("r", "mercedes-300-slr", "corsa", ["a", "b", "c"], number=722, entrants=3)
    assert rally.next_stage_id == "a"
    rally.finish_stage({"time_s": 100.0, "score": 100.0}, field_rows({2101: 95.0, 2102: 110.0, 2103: None}))
    st = rally.standings()
    assert [(t["number"], t["rank"]) for t in st] == [(2101, 1), (722, 2), (2102, 3), (2103, 4)]
    assert rally.player_standing()["rank"] == 2  # type: ignore[index]
    with Store(tmp_path / "db") as store:
        store.save_rally(rally.name, rally.to_dict())
    with Store(tmp_path / "db") as store:
        again = Rally.from_dict(store.load_rally("r"))  # type: ignore[arg-type]
    assert again == rally and again.next_stage_id == "b"
    again.finish_stage({"time_s": 90.0, "score": 90.0}, field_rows({2101: 100.0, 2102: 80.0, 2103: 80.0}))
    st = again.standings()
    assert [t["number"] for t in st][:3] == [722, 2102, 2101]  # 190, 190 (tie: by number), 195
    assert st[0]["total"] == 190.0
    assert st[-1]["number"] == 2103  # missed a stage: behind every crew that finished both
    again.finish_stage({"time_s": 1.0, "score": 1.0}, [])
    assert again.finished and again.next_stage_id is None
    with pytest.raises(ValueError):
        again.finish_stage({}, [])


def test_regolarita_ranks_the_highest_score_first() -> None:
    rally = Rally("r", "alfa-6c-1750", "regolarita", ["a"], number=84)
    rally.finish_stage({"score": 800.0}, field_rows({2101: 900.0, 2102: 700.0}))
    assert [t["number"] for t in rally.standings()] == [2101, 84, 2102]


def test_start_order_puts_the_player_at_its_number() -> None:
    rally = Rally("r", "mercedes-300-slr", "corsa", ["a"], number=722)
    order = rally.start_order(field_rows({2101: 1.0, 600: 1.0, 723: 1.0}))
    assert [n for n, _ in order] == [2101, 600, 722, 723]
