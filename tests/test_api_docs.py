"""docs/api.md: every ``python`` block runs, top to bottom as one script, in a fresh process
(so the documented API cannot drift from the code), without importing pygame."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "api.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)

LEAK_CHECK = """
import json as _json, sys as _sys
print("LEAKED " + _json.dumps(sorted(m for m in _sys.modules if m.split(".")[0] == "pygame")))
"""


def doc_blocks() -> list[str]:
    return BLOCK.findall(DOC.read_text(encoding="utf-8"))


def test_the_api_doc_has_examples_for_every_part() -> None:
    code = "\n".join(doc_blocks())
    for name in ("load_stage", "load_car", "list_stages", "list_cars", "Race(", "Controls", "Autopilot",
                 "drive_stage", "record(", "replay_stage", "Telemetry", "read_inputs_csv"):  # fmt: skip
        assert name in code, f"docs/api.md shows no example of {name}"


def test_every_python_example_in_the_api_doc_runs(tmp_path: Path) -> None:
    blocks = doc_blocks()
    assert len(blocks) >= 8
    # Each block gets a marker, so a failure names the block that failed.
    script = "\n".join(f"print('BLOCK {i}')\n{b}" for i, b in enumerate(blocks)) + LEAK_CHECK
    out = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    started = [line for line in out.stdout.splitlines() if line.startswith("BLOCK ")]
    assert out.returncode == 0, f"docs/api.md example {started[-1] if started else '?'} failed:\n{out.stderr[-3000:]}"
    assert len(started) == len(blocks)
    leaked = json.loads(out.stdout.rsplit("LEAKED ", 1)[1])
    assert leaked == []
    assert (tmp_path / "run.npz").is_file() and (tmp_path / "run.csv").is_file()


def test_the_api_module_exports_what_it_lists() -> None:
    import millegame.api as api

    missing = [name for name in api.__all__ if not hasattr(api, name)]
    assert missing == []
