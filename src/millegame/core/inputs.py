"""Scripted driver inputs: a table of controls by tick, read from CSV, driven as a driver.

CSV format (``millegame sim … --inputs FILE``, docs/api.md):

- a header row naming the columns: ``tick``, ``throttle``, ``brake``, ``steer`` are required,
  ``handbrake`` and ``shift`` optional; other columns are ignored (so a telemetry CSV, whose
  ``tick``/``throttle``/``brake``/``steer``/``handbrake`` columns mean the same, drives again);
  lines starting with ``#`` and blank lines are skipped;
- one row per tick where an input changes (or one per tick, both work), ticks strictly
  increasing. Ticks are counted as everywhere in millegame: tick k is the k-th step of the race,
  from time (k−1)·dt to k·dt, dt = 1/120 s; a row for tick 0 applies from the start, like tick 1;
- a row's values hold until the next row; an empty cell keeps the previous row's value; before
  the first row every input is 0. ``shift`` (+1 up, −1 down, manual gears only) is a request,
  not a held lever: it applies on its row's tick alone.

Ranges: throttle, brake, handbrake in [0, 1]; steer in [−1, 1] (positive right); shift −1, 0 or 1.

Limits, checked while reading (docs/reliability.md): ticks up to ``MAX_TICKS`` (30 minutes,
as replays), at most one row per tick, a file of at most ``MAX_FILE_BYTES``, a cell of at most
``MAX_CELL_CHARS`` characters in the columns read (``MAX_FIELD_CHARS`` in any other).
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from millegame.core.car import Controls
from millegame.core.race import Race
from millegame.core.replay import MAX_TICKS

INPUT_COLUMNS = ("throttle", "brake", "steer", "handbrake", "shift")
REQUIRED = ("tick", "throttle", "brake", "steer")
RANGES = {"throttle": (0.0, 1.0), "brake": (0.0, 1.0), "steer": (-1.0, 1.0), "handbrake": (0.0, 1.0)}
MAX_FILE_BYTES = 256 << 20  # a telemetry CSV of 30 minutes (it drives again) is ~90 MB
MAX_CELL_CHARS = 40  # a tick or an input value: "0.123456789012345678" and more is not a number we need
MAX_FIELD_CHARS = 4096  # any other cell (telemetry's events can be long)


class InputsError(Exception):
    """An inputs file that cannot be used; the message names the file, the line and the fix."""


@dataclass(frozen=True)
class InputSchedule:
    """Controls by tick for one car: row i holds ``values[i]`` (INPUT_COLUMNS) from tick
    ``ticks[i]`` until the next row. Call it as a driver: ``schedule(race) -> Controls``."""

    ticks: NDArray[np.int64]  # (K,) strictly increasing, ≥ 0
    values: NDArray[np.float64]  # (K, 5) throttle, brake, steer, handbrake, shift

    def __post_init__(self) -> None:
        if self.values.shape != (len(self.ticks), len(INPUT_COLUMNS)):
            raise ValueError(f"values must have shape ({len(self.ticks)}, {len(INPUT_COLUMNS)})")
        if len(self.ticks) > 1 and not (np.diff(self.ticks) > 0).all():
            raise ValueError("ticks must be strictly increasing")

    @property
    def last_tick(self) -> int:
        return int(self.ticks[-1]) if len(self.ticks) else 0

    def controls_at(self, tick: int) -> Controls:
        """The controls during tick ``tick`` (1 = the race's first tick)."""
        i = int(np.searchsorted(self.ticks, max(tick, 1), side="right")) - 1
        if i < 0:
            return Controls.single()
        t, b, s, h, shift = (float(v) for v in self.values[i])
        # A shift is a request on its own tick (held, it would shift again after every change).
        at_row = int(self.ticks[i]) == tick or (tick == 1 and int(self.ticks[i]) == 0)
        return Controls.single(t, b, s, h, shift if at_row else 0.0)

    def __call__(self, race: Race) -> Controls:
        return self.controls_at(race.tick + 1)  # the tick about to be run


def _number(text: str, where: str, column: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise InputsError(f"{where}: {column} {text!r} is not a number") from None
    if not math.isfinite(value):
        raise InputsError(f"{where}: {column} must be a finite number, not {text!r}")
    return value


def read_inputs_csv(path: str | Path) -> InputSchedule:
    """Read an inputs CSV (format in the module docstring). Raises ``InputsError``."""
    path = Path(path)
    try:
        if path.exists() and not path.is_file():  # a directory, a FIFO or a device is never read
            raise InputsError(f"{path}: cannot read the inputs file (not a regular file)")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InputsError(f"{path}: larger than {MAX_FILE_BYTES >> 20} MB — at most one row per tick")
        with path.open(encoding="utf-8-sig", newline="") as f:
            return _read_rows(path, f)
    except OSError as e:
        raise InputsError(f"{path}: cannot read the inputs file ({e.strerror or e})") from None
    except UnicodeDecodeError:
        raise InputsError(f"{path}: not a text (UTF-8) CSV file") from None


def _read_rows(path: Path, f: Iterable[str]) -> InputSchedule:
    header: list[str] | None = None
    ticks: list[int] = []
    rows: list[list[float]] = []
    previous = [0.0] * len(INPUT_COLUMNS)
    reader = csv.reader(f)
    line_no = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as e:  # a field past csv's own limit, a NUL byte…
            raise InputsError(f"{path}:{reader.line_num}: not a CSV row ({e})") from None
        line_no = reader.line_num
        if not cells or not "".join(cells).strip() or cells[0].lstrip().startswith("#"):
            continue
        too_long = next((c for c in cells if len(c) > MAX_FIELD_CHARS), None)
        if too_long is not None:
            raise InputsError(f"{path}:{line_no}: a cell of {len(too_long)} characters (at most {MAX_FIELD_CHARS})")
        cells = [c.strip() for c in cells]
        where = f"{path}:{line_no}"
        if header is None:
            header = [c.lower() for c in cells]
            missing = [c for c in REQUIRED if c not in header]
            if missing:
                raise InputsError(
                    f"{where}: the header needs the columns {', '.join(REQUIRED)} (missing: {', '.join(missing)}); "
                    f"optional: handbrake, shift"
                )
            continue
        if len(cells) != len(header):
            raise InputsError(f"{where}: {len(cells)} cells, but the header has {len(header)} columns")
        if len(rows) > MAX_TICKS:
            raise InputsError(f"{where}: more than {MAX_TICKS + 1} rows (at most one per tick, {MAX_TICKS} ticks)")
        row = dict(zip(header, cells, strict=True))
        long_cell = next((c for c in ("tick", *INPUT_COLUMNS) if len(row.get(c, "")) > MAX_CELL_CHARS), None)
        if long_cell is not None:
            raise InputsError(f"{where}: {long_cell} has {len(row[long_cell])} characters; a number needs at most 40")
        tick_text = row["tick"]
        if not (tick_text.isascii() and tick_text.isdigit()):
            raise InputsError(f"{where}: tick {tick_text!r} must be a whole number ≥ 0 (tick 1 = the first tick)")
        tick = int(tick_text)
        if tick > MAX_TICKS:
            raise InputsError(f"{where}: tick {tick} is past the last tick an inputs file may hold ({MAX_TICKS})")
        if ticks and tick <= ticks[-1]:
            raise InputsError(f"{where}: tick {tick} comes after tick {ticks[-1]}; ticks must increase")
        values = []
        for k, column in enumerate(INPUT_COLUMNS):
            cell = row.get(column, "")
            if cell == "":
                values.append(0.0 if column == "shift" else previous[k])  # empty: hold (a shift is not held)
                continue
            value = _number(cell, where, column)
            if column == "shift":
                if value not in (-1.0, 0.0, 1.0):
                    raise InputsError(f"{where}: shift must be -1, 0 or 1, not {cell}")
            else:
                lo, hi = RANGES[column]
                if not lo <= value <= hi:
                    raise InputsError(f"{where}: {column} {cell} is out of range [{lo:g}, {hi:g}]")
            values.append(value)
        ticks.append(tick)
        rows.append(values)
        previous = values
    if header is None:
        raise InputsError(f"{path}: empty — expected a header row: tick,throttle,brake,steer[,handbrake,shift]")
    if not rows:
        raise InputsError(f"{path}: a header but no rows of inputs")
    return InputSchedule(np.asarray(ticks, dtype=np.int64), np.asarray(rows, dtype=np.float64))
