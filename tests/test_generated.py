"""Shipped stages are sources: the generators in ``tools/`` stamp what they write and never
overwrite a stage edited since (``tools/generated.py``); the numbers they write are the
ones Tiled keeps on a re-save."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from millegame.levels.check import EXIT_OK, check_file
from millegame.levels.writer import tiled_number

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))

from generated import RefusedOverwrite, changed_since_generated, write_generated_stage

from test_check_level import Tiny

GEN = "tools/make_stages.py"


def test_a_generated_stage_says_so_and_still_checks_clean(tmp_path: Path) -> None:
    path = tmp_path / "gen.tmx"
    write_generated_stage(path, Tiny().text(), GEN)
    text = path.read_text(encoding="utf-8")
    assert f'<property name="generated_by" value="{GEN}"/>' in text
    assert 'name="generated_sha256" value="' in text
    check = check_file(path)
    assert check.exit_code == EXIT_OK, check.problems  # the stamp is a known map property
    assert check.stage is not None and check.stage.properties["generated_by"] == GEN


def test_the_generator_may_replace_its_own_untouched_output(tmp_path: Path) -> None:
    path = tmp_path / "gen.tmx"
    write_generated_stage(path, Tiny().text(), GEN)
    assert changed_since_generated(path) is None
    write_generated_stage(path, Tiny().text().replace("Tiny", "Tiny 2"), GEN)
    assert "Tiny 2" in path.read_text(encoding="utf-8")


def test_an_edited_stage_is_refused_unless_forced(tmp_path: Path) -> None:
    path = tmp_path / "gen.tmx"
    write_generated_stage(path, Tiny().text(), GEN)
    edited = path.read_text(encoding="utf-8").replace('value="Tiny"', 'value="Mine now"')
    path.write_text(edited, encoding="utf-8")
    with pytest.raises(RefusedOverwrite) as refused:
        write_generated_stage(path, Tiny().text(), GEN)
    message = str(refused.value)
    assert f"not overwriting {path}" in message and "changed since the generator wrote it" in message
    assert "--force" in message and "\n" not in message
    assert path.read_text(encoding="utf-8") == edited  # untouched
    write_generated_stage(path, Tiny().text(), GEN, force=True)
    assert "Mine now" not in path.read_text(encoding="utf-8")


def test_a_stage_no_generator_wrote_is_refused(tmp_path: Path) -> None:
    path = Tiny().write(tmp_path)
    with pytest.raises(RefusedOverwrite, match="has no generated_sha256 property"):
        write_generated_stage(path, Tiny().text(), GEN)


def test_make_stages_refuses_an_edited_stage(tmp_path: Path) -> None:
    """The real generator, on a shipped stage edited since: exit with the file and the reason."""
    code = (
        "import sys, pathlib; sys.path.insert(0, 'tools'); import make_stages as m; "
        f"m.LEVELS = pathlib.Path({str(tmp_path)!r}); r = m.RECIPES[0]; "
        "(m.LEVELS / r.file).write_text('<map><properties/></map>'); m.make(r, 'estimate')"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode != 0
    assert "not overwriting" in out.stderr and "has no generated_sha256 property" in out.stderr
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize(
    ("value", "written"),
    [(12202.64, "12202.6"), (80.777777, "80.7778"), (123456.7, "123457"), (-0.0, "0"), (7.0, "7"), (0.5, "0.5")],
)
def test_numbers_are_written_as_tiled_keeps_them(value: float, written: str) -> None:
    assert tiled_number(value) == written
    assert float(f"{float(written):.6g}") == float(written)  # six significant digits or fewer: a re-save keeps it
