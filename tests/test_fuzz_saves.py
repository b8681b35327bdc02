"""Save-file fuzzing, CI-sized: damaged pages, a damaged log, a lock held by another
process, and (as root, which can mount) a full disk and a read-only medium. The cases and
their invariants are in ``tools/fuzz_saves.py``; campaigns in docs/reliability.md."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))
import fuzz_saves as fs


def test_damaged_pages_are_salvaged_without_losing_intact_records(tmp_path: Path) -> None:
    # seed 3 holds the case that found sqlite's own damage report in bytes that are not UTF-8
    done, failures = fs.campaign(120, 3, ("page",), tmp_path)
    assert done["page"] == 120 and not failures, failures[:3]


def test_logs_locks_full_disks_and_read_only_media(tmp_path: Path) -> None:
    kinds = ("log", "lock", "full", "readonly") if fs.ROOT else ("log", "lock")
    done, failures = fs.campaign(3 * len(kinds), 1, kinds, tmp_path)
    assert set(done) == set(kinds) and not failures, failures[:3]
