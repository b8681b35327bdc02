"""The player's settings, kept as JSON in the user's config directory (no pygame).

Where: ``$MILLEGAME_CONFIG_DIR`` if set (tests), else ``$XDG_CONFIG_HOME/millegame``
(``~/.config/millegame``) on Linux, ``~/Library/Application Support/millegame`` on
macOS, ``%APPDATA%\\millegame`` on Windows; the file is ``settings.json``.

A file that is not valid JSON (or not an object) is moved aside as
``settings.json.corrupt-<time>`` and the defaults are used, with a message saying so;
a value of the wrong type or out of range falls back to its default, also with a
message. A number no setting could hold (more than 18 digits, NaN, Infinity) makes the
file damaged, like broken JSON. Unknown keys are ignored (a newer version's file still loads). Saving writes a
temporary file and renames it over the old one, so a crash never leaves half a file.

Controls are named, not numbered: keyboard keys by ``pygame.key.name`` ("up", "w",
"space"), gamepad inputs by SDL game-controller names ("a", "leftshoulder",
"righttrigger", "leftx").
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from millegame.userdirs import config_dir

ACTIONS = ("throttle", "brake", "left", "right", "handbrake", "respawn", "pause")
DEFAULT_KEYS: dict[str, list[str]] = {
    "throttle": ["up", "w"],
    "brake": ["down", "s"],
    "left": ["left", "a"],
    "right": ["right", "d"],
    "handbrake": ["space"],
    "respawn": ["r"],
    "pause": ["escape"],
}
# Gamepad: analogue axes for steering and pedals, buttons for the rest.
DEFAULT_PAD: dict[str, str] = {
    "steer": "leftx",
    "throttle": "righttrigger",
    "brake": "lefttrigger",
    "handbrake": "x",
    "respawn": "y",
    "pause": "start",
}
CAMERAS = ("follow", "heading_up")
MAX_FILE_BYTES = 256 * 1024  # the settings file written by ``save`` is about 1 kB


def settings_path() -> Path:
    return config_dir() / "settings.json"


@dataclass
class Settings:
    keys: dict[str, list[str]] = field(default_factory=lambda: {k: list(v) for k, v in DEFAULT_KEYS.items()})
    pad: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_PAD))
    camera: str = "follow"  # or "heading_up"
    zoom: bool = True  # zoom out with speed
    look_ahead_s: float = 1.2  # seconds of road the camera shows ahead, within the car-size floors (camera.py)
    master_volume: float = 0.8
    engine_volume: float = 0.8
    effects_volume: float = 0.9
    fullscreen: bool = False
    window: list[int] = field(default_factory=lambda: [1280, 720])
    pace_notes: bool = True
    call_ahead_s: float = 4.0  # how early the co-driver calls a corner [s]
    steering_assist: bool = True  # keyboard steering help; off: analogue steering passes straight through
    abs: bool = True  # on the cars that have it
    traction_control: bool = True
    pedal_aid: bool = True  # keyboard throttle and brake held within the grip (core.car.Assists.pedal_aid)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


RANGES: dict[str, tuple[float, float]] = {
    "look_ahead_s": (1.0, 5.0),
    "master_volume": (0.0, 1.0),
    "engine_volume": (0.0, 1.0),
    "effects_volume": (0.0, 1.0),
    "call_ahead_s": (1.0, 10.0),
}


def _check(name: str, value: Any, default: Any) -> Any:
    """``value`` if it fits the field ``name`` (whose default is ``default``), else raises."""
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ValueError("expected true or false")
        return value
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError("expected a number")
        lo, hi = RANGES.get(name, (-1e9, 1e9))
        if not lo <= float(value) <= hi:
            raise ValueError(f"expected {lo} to {hi}")
        return float(value)
    if isinstance(default, str):
        if not isinstance(value, str):
            raise ValueError("expected text")
        if name == "camera" and value not in CAMERAS:
            raise ValueError(f"expected one of {', '.join(CAMERAS)}")
        return value
    if name == "window":
        if not (
            isinstance(value, list) and len(value) == 2 and all(type(v) is int and 320 <= v <= 10000 for v in value)
        ):
            raise ValueError("expected [width, height], 320 to 10000 pixels each")
        return list(value)
    if name == "keys":
        if not isinstance(value, dict):
            raise ValueError("expected an object")
        keys = {k: list(v) for k, v in default.items()}
        for action, names in value.items():
            if action in keys and isinstance(names, list) and all(isinstance(n, str) and len(n) <= 40 for n in names):
                keys[action] = list(names)
        return keys
    if name == "pad":
        if not isinstance(value, dict):
            raise ValueError("expected an object")
        pad = dict(default)
        for action, n in value.items():
            if action in pad and isinstance(n, str) and len(n) <= 40:
                pad[action] = n
        return pad
    return value


def from_json(data: Any) -> tuple[Settings, list[str]]:
    """Settings from a parsed JSON object, and a message per value that was refused."""
    base = Settings()
    problems: list[str] = []
    if not isinstance(data, dict):
        return base, ["the settings file is not a JSON object"]
    values: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name not in data:
            continue
        default = getattr(base, f.name)
        try:
            values[f.name] = _check(f.name, data[f.name], default)
        except (ValueError, OverflowError) as e:  # OverflowError: an integer of 10^400 as a float
            problems.append(f"setting {f.name!r} ignored ({e})")
    return Settings(**{**asdict(base), **values}), problems


MAX_INT_DIGITS = 18  # every setting fits in a float; an integer of 10^400 is damage, not a value


def _bounded_int(text: str) -> int:
    """A JSON integer as ``int``, refusing one too long for any setting (before converting it)."""
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError(f"a number of {len(text.lstrip('-'))} digits")
    return int(text)


def _no_constant(name: str) -> float:
    """JSON's non-standard NaN and Infinity are refused: no setting is infinite."""
    raise ValueError(f"{name} is not a number a setting can hold")


def load(path: Path | None = None) -> tuple[Settings, list[str]]:
    """The saved settings (defaults if there are none) and messages for the player.

    The file is read as bytes, at most ``MAX_FILE_BYTES``: a file that is too large, not
    UTF-8 (e.g. UTF-16), not JSON, nested too deeply or holding numbers too large to use is
    damaged — moved aside, one message, the defaults."""
    path = path or settings_path()
    try:
        if path.exists() and not path.is_file():  # a directory or a FIFO is never read
            return Settings(), [f"cannot read {path}: not a regular file; using the defaults"]
        with path.open("rb") as f:
            raw = f.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return Settings(), []
    except OSError as e:
        return Settings(), [f"cannot read {path}: {e.strerror or e}; using the defaults"]
    try:
        if len(raw) > MAX_FILE_BYTES:
            raise ValueError(f"larger than {MAX_FILE_BYTES // 1024} kB")
        # strict: a UTF-16 file is damage, not text; so is a number no setting could hold
        data = json.loads(raw.decode("utf-8"), parse_int=_bounded_int, parse_constant=_no_constant)
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
    except (ValueError, RecursionError) as e:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        why = "not UTF-8 text" if isinstance(e, UnicodeDecodeError) else str(e) or "nested too deeply"
        aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            path.replace(aside)
            where = f"moved aside to {aside.name}"
        except OSError:
            where = "left in place"
        return Settings(), [f"settings file was damaged ({why[:120]}); {where}; using the defaults"]
    return from_json(data)


def save(settings: Settings, path: Path | None = None) -> Path:
    """Write the settings atomically; returns the path (raises OSError on failure)."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(settings.to_json(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path
