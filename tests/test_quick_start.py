"""The README's quick start is a contract: CI runs exactly its test line."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def code_lines_after(readme: str, heading: str) -> str:
    block = readme.split(heading, 1)[1]
    return re.search(r"```sh\n(.+?)\n```", block, re.S).group(1).strip()


def test_ci_runs_the_readme_test_line_and_the_play_line_starts_the_game() -> None:
    readme = (REPO / "README.md").read_text()
    test_line = code_lines_after(readme, "**Test**")
    play_line = code_lines_after(readme, "**Play**")
    ci = (REPO / ".ci" / "run").read_text().splitlines()
    assert test_line in ci
    assert play_line.startswith("python3 -m venv .venv") and play_line.endswith(".venv/bin/millegame")
    assert "pytest" in test_line
