"""Stage fuzzing: mutated stage files never crash ``check-level``, ``sim`` or ``play``.

Mutants come from ``tools/fuzz_stages.py`` (seeded, deterministic; its docstring lists
the operators). In-process, through ``millegame.cli.main`` as the entry point calls it:
``MILLEGAME_FUZZ_CASES`` (default 600, ~30 s) mutants of a tiny valid stage and a
fifteenth as many of the shipped stages. Each command must end within its time bound with an exit code
from the documented set, no traceback, and a message naming the file when it refuses it.
A handful also go through real ``millegame`` processes. The big campaign (20,000+ cases)
is ``python tools/fuzz_stages.py --cases N``; figures in docs/reliability.md.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))
import fuzz_stages as fz

CASES = int(os.environ.get("MILLEGAME_FUZZ_CASES", "600"))
COMMANDS = ("check-level", "sim", "play")


@pytest.fixture(autouse=True)
def first_frame_exit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MILLEGAME_FIRST_FRAME_EXIT", "1")  # `play` leaves after its first frame


def campaign(n: int, seed: int, bases: list[str] | None, scratch: Path) -> Counter[tuple[str, int | None]]:
    codes: Counter[tuple[str, int | None]] = Counter()
    failures: list[str] = []
    for case in fz.cases(n, seed, bases):
        outcomes, problems = fz.run_case(case, COMMANDS, scratch, play_valid=False)
        codes.update((o.command, o.code) for o in outcomes)
        if problems:
            failures.append(f"{case.label}:\n  " + "\n  ".join(problems))
    assert not failures, f"{len(failures)} of {n} mutants failed; first:\n" + "\n".join(failures[:3])
    return codes


def test_mutants_of_a_tiny_stage(tmp_path: Path) -> None:
    codes = campaign(CASES, seed=0, bases=[fz.TINY], scratch=tmp_path)
    # the mutants reach every outcome: valid maps, maps with problems, unusable files
    assert {c for (cmd, c) in codes if cmd == "check-level"} == {0, 1, 2}
    assert {c for (cmd, c) in codes if cmd == "sim"} >= {1, 2}
    assert codes[("play", 2)] > CASES // 3


def test_mutants_of_the_shipped_stages(tmp_path: Path) -> None:
    codes = campaign(max(CASES // 15, 16), seed=1, bases=None, scratch=tmp_path)
    assert {c for (cmd, c) in codes if cmd == "check-level"} == {0, 1, 2}


def millegame(*args: str, timeout_s: float = 120.0) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MILLEGAME_FIRST_FRAME_EXIT": "1", "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    return subprocess.run(
        [sys.executable, "-m", "millegame", *args], capture_output=True, text=True, timeout=timeout_s, env=env
    )


# One of each: a valid stage, and stages broken in the map, the tileset and its image.
SAMPLE = {
    "valid": {},
    "truncated": {fz.MAP_NAME: fz.base(fz.TINY).text.encode()[:700]},
    "unknown encoding": {fz.MAP_NAME: fz.base(fz.TINY).text.replace("UTF-8", "klingon").encode()},
    "huge map": {fz.MAP_NAME: fz.base(fz.TINY).text.replace('width="16" height="5" tilewidth', 'width="1000000000" '
                                                             'height="1000000000" tilewidth').encode()},
    "corrupt tileset image": {fz.PNG_NAME: b"\x89PNG\r\n\x1a\n" + bytes(100)},
    "tileset missing": {fz.TSX_NAME: None},
}  # fmt: skip


@pytest.mark.parametrize("name", SAMPLE)
def test_the_real_entry_points(tmp_path: Path, name: str) -> None:
    files = dict(SAMPLE[name])
    files.setdefault(fz.MAP_NAME, fz.base(fz.TINY).text.encode())
    path = fz.write_case(fz.Case(0, fz.TINY, (name,), files), tmp_path)
    for command in COMMANDS:
        got = millegame(*fz.argv_for(command, path))
        text = got.stdout + got.stderr
        assert got.returncode in fz.ALLOWED_EXITS[command], (command, got.returncode, text)
        assert "Traceback" not in text, (command, text)
        if got.returncode == 2:
            assert str(path) in text, (command, text)
        # the tileset image is only read by the game, which draws without it
        drivable = name in ("valid", "corrupt tileset image")
        expected = {"check-level": 0, "sim": 1, "play": 0} if drivable else dict.fromkeys(COMMANDS, 2)
        assert got.returncode == expected[command], (command, text)  # sim: 0.25 s of driving, not finished
