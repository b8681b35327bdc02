"""The command line: sim --rules, and a rally started, driven and continued from the save file."""

from __future__ import annotations

import json

from millegame.cli import main


def test_sim_with_rules_adds_the_scoring_keys(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["sim", "brescia-verona", "--car", "alfa-6c-1750", "--rules", "regolarita", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["rules"] == "regolarita" and out["coefficient"] == 1.73
    assert {"penalty_points", "score", "time_s", "splits_s"} <= set(out)
    assert out["penalty_points"] < 50  # the regularity driver aims at the set time
    assert out["score"] > 0 and out["checks"][0]["target_s"] == 9.5


def test_a_rally_is_saved_and_continued(capsys, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MILLEGAME_DATA_DIR", str(tmp_path))
    assert main(["rally", "new", "r1", "--car", "mercedes-300-slr", "--entrants", "2"]) == 0
    assert main(["rally", "next", "r1"]) == 0
    capsys.readouterr()
    assert main(["rally", "show", "r1", "--json"]) == 0
    standing = json.loads(capsys.readouterr().out)
    assert len(standing) == 3 and sum(t["player"] for t in standing) == 1
    assert all(t["stages"] == 1 for t in standing if t["missing"] == 0)
    assert main(["rally", "show", "nope"]) == 2
