"""Where millegame keeps the player's files, per platform (XDG on Linux).

- config: settings and key bindings (``$MILLEGAME_CONFIG_DIR``, ``$XDG_CONFIG_HOME/millegame``);
- data: records, ghosts, rally saves, screenshots (``$MILLEGAME_DATA_DIR``, ``$XDG_DATA_HOME/millegame``);
- cache: things that can be measured again (``$MILLEGAME_CACHE_DIR``, ``$XDG_CACHE_HOME/millegame``).

The ``MILLEGAME_*_DIR`` variables override everything (tests, portable installs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _user_dir(override: str, xdg: str, xdg_default: str, windows: str, macos: str) -> Path:
    if os.environ.get(override):
        return Path(os.environ[override])
    home = Path.home()
    if sys.platform == "win32":
        fallback = home / "AppData" / ("Local" if windows == "LOCALAPPDATA" else "Roaming")
        return Path(os.environ.get(windows) or fallback) / "millegame"
    if sys.platform == "darwin":
        return home / "Library" / macos / "millegame"
    return Path(os.environ.get(xdg) or home / xdg_default) / "millegame"


def config_dir() -> Path:
    return _user_dir("MILLEGAME_CONFIG_DIR", "XDG_CONFIG_HOME", ".config", "APPDATA", "Application Support")


def data_dir() -> Path:
    return _user_dir("MILLEGAME_DATA_DIR", "XDG_DATA_HOME", ".local/share", "APPDATA", "Application Support")


def cache_dir() -> Path:
    return _user_dir("MILLEGAME_CACHE_DIR", "XDG_CACHE_HOME", ".cache", "LOCALAPPDATA", "Caches")
