"""The code stays ruff-clean, formatted (pyproject.toml's [tool.ruff]) and type-checked
(``mypy src`` with [tool.mypy]): the test line checks it, so CI does too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PATHS = ["src", "tests", "tools", "benchmarks"]


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["lint", "format"])
def test_ruff_is_clean(command: list[str]) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "ruff", *command, *PATHS], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_mypy_is_clean() -> None:
    # About 12 s of CPU with an empty cache (a clean clone), under a second with mypy's cache.
    out = subprocess.run([sys.executable, "-m", "mypy", "src"], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr
