"""F12: save the window as a PNG under the user's data directory.

``$MILLEGAME_SCREENSHOT_DIR`` overrides the place (tests use it); otherwise
``<data dir>/millegame/screenshots`` — ``$XDG_DATA_HOME`` or ``~/.local/share`` on Linux,
``~/Library/Application Support`` on macOS, ``%APPDATA%`` on Windows — and the current
directory's ``screenshots/`` if that cannot be created.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pygame

from millegame.userdirs import data_dir


def screenshot_dir() -> Path:
    override = os.environ.get("MILLEGAME_SCREENSHOT_DIR")
    candidates = [Path(override)] if override else [data_dir() / "screenshots", Path.cwd() / "screenshots"]
    for d in candidates:
        try:
            d.mkdir(parents=True, exist_ok=True)
            return d
        except OSError:
            continue
    raise OSError(f"cannot create a screenshot directory (tried {', '.join(map(str, candidates))})")


def save_screenshot(surface: pygame.Surface) -> Path:
    """Write ``surface`` to a new timestamped PNG; returns its path."""
    d = screenshot_dir()
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = d / f"millegame-{stamp}.png"
    n = 1
    while path.exists():
        n += 1
        path = d / f"millegame-{stamp}-{n}.png"
    pygame.image.save(surface, str(path))
    return path
