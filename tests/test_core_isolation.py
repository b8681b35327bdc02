"""The core must run with no pygame and no pytmx (architecture rule)."""

from __future__ import annotations

import json
import subprocess
import sys

SCRIPT = """
import json, sys
import millegame.core
from millegame import catalog
from millegame.core.ground import ring_road
from millegame.core.sim import run_stage
result = run_stage(ring_road(catalog.load_surfaces()), catalog.load_car("porsche-550"), max_time_s=120)
print(json.dumps({"finished": result.finished,
                  "leaked": sorted(m for m in sys.modules if m.split(".")[0] in ("pygame", "pytmx"))}))
"""


def test_core_runs_a_stage_without_pygame_or_pytmx() -> None:
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    report = json.loads(out.stdout)
    assert report["leaked"] == []
    assert report["finished"] is True


def test_core_sources_never_import_graphics_or_map_libraries() -> None:
    from pathlib import Path

    import millegame.core

    core_dir = Path(millegame.core.__file__).parent
    for path in core_dir.rglob("*.py"):
        for line in path.read_text().splitlines():
            stripped = line.strip()
            if stripped.startswith(("import ", "from ")):
                assert not any(lib in stripped.split()[1] for lib in ("pygame", "pytmx")), f"{path}: {line}"


def test_the_kernel_warmup_runs_headless_without_pygame() -> None:
    code = (
        "import runpy, sys; runpy.run_module('millegame.warmup', run_name='__main__'); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygame', 'pytmx')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300)
    assert out.stdout.strip() == "[]"


API_SCRIPT = """
import json, sys
from millegame.api import Telemetry, drive_stage, load_car, load_stage
telemetry = Telemetry()
run = drive_stage(load_stage("prologo"), load_car("porsche-550"), max_time_s=2.0, on_tick=telemetry.record)
print(json.dumps({"ticks": len(telemetry.table()["tick"]),
                  "leaked": sorted(m for m in sys.modules if m.split(".")[0] in ("pygame", "matplotlib"))}))
"""


def test_the_public_api_loads_a_stage_and_records_telemetry_without_pygame() -> None:
    out = subprocess.run([sys.executable, "-c", API_SCRIPT], capture_output=True, text=True, check=True, timeout=300)
    report = json.loads(out.stdout)
    assert report == {"ticks": 240, "leaked": []}
