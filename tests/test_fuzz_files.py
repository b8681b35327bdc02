"""Replay and inputs fuzzing, CI-sized: seeded mutants (``tools/fuzz_replays.py``,
``tools/fuzz_inputs.py``) through ``sim`` and ``replay --check`` in-process. No traceback,
exit codes 0/1/2, exit 2 naming the file, every command under 20 s and the process under
1 GB. Campaigns by hand: docs/reliability.md."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))
import fuzz_inputs
import fuzz_replays


@pytest.fixture(autouse=True)
def own_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("MILLEGAME_DATA_DIR", "MILLEGAME_CONFIG_DIR", "MILLEGAME_CACHE_DIR"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))


def test_replay_mutants(tmp_path: Path) -> None:
    codes, failures, _ = fuzz_replays.campaign(120, 7, tmp_path)
    assert not failures, failures[:3]
    assert codes[("sim", 2)] > 40 and codes[("sim", 1)] > 0  # refused files, and mutants that still drive


def test_inputs_mutants(tmp_path: Path) -> None:
    codes, failures, _ = fuzz_inputs.campaign(50, 7, tmp_path)
    assert not failures, failures[:3]
    assert codes[2] > 10 and codes[1] > 0
