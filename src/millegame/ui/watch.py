"""Live reload for level designers: ``millegame play my.tmx --watch``.

The watcher knows the files a stage is made of — the ``.tmx``, its external ``.tsx``
tilesets and their images — and reports when any of them changes on disk, so the game can
reload the stage in place while the designer keeps Tiled open beside it.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

POLL_S = 0.5  # how often the files are looked at
_SOURCE = re.compile(r"""\bsource\s*=\s*["']([^"']+)["']""")


def stage_files(tmx: Path) -> list[Path]:
    """The .tmx and every file it references (tilesets, their images), recursively once."""
    files = [tmx]
    for source in _sources(tmx):
        path = (tmx.parent / source).resolve()
        files.append(path)
        if path.suffix.lower() == ".tsx":
            files.extend((path.parent / image).resolve() for image in _sources(path))
    return files


def _sources(path: Path) -> list[str]:
    try:
        return _SOURCE.findall(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return []


def _signature(files: list[Path]) -> tuple[tuple[str, float, int], ...]:
    out = []
    for f in files:
        try:
            st = f.stat()
            out.append((str(f), st.st_mtime, st.st_size))
        except OSError:
            out.append((str(f), -1.0, -1))
    return tuple(out)


class StageWatcher:
    """Polls a stage's files; ``changed()`` is True once per change (after it settles)."""

    def __init__(self, tmx: Path) -> None:
        self.tmx = Path(tmx)
        self._files = stage_files(self.tmx)
        self._seen = _signature(self._files)
        self._next_poll = time.monotonic() + POLL_S

    def changed(self) -> bool:
        now = time.monotonic()
        if now < self._next_poll:
            return False
        self._next_poll = now + POLL_S
        signature = _signature(self._files)
        if signature == self._seen:
            return False
        self._seen = signature
        # The map may now reference other tilesets: follow them from here on.
        self._files = stage_files(self.tmx)
        self._seen = _signature(self._files)
        return True
