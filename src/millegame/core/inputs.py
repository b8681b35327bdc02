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
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from millegame.core.car import Controls
from millegame.core.race import Race

INPUT_COLUMNS = ("throttle", "brake", "steer", "handbrake", "shift")
REQUIRED = ("tick", "throttle", "brake", "steer")
RANGES = {"throttle": (0.0, 1.0), "brake": (0.0, 1.0), "steer": (-1.0, 1.0), "handbrake": (0.0, 1.0)}


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
        text = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise InputsError(f"{path}: cannot read the inputs file ({e.strerror or e})") from None
    except UnicodeDecodeError:
        raise InputsError(f"{path}: not a text (UTF-8) CSV file") from None
    header: list[str] | None = None
    ticks: list[int] = []
    rows: list[list[float]] = []
    previous = [0.0] * len(INPUT_COLUMNS)
    for line_no, cells in enumerate(csv.reader(text.splitlines()), start=1):
        if not cells or not "".join(cells).strip() or cells[0].lstrip().startswith("#"):
            continue
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
        row = dict(zip(header, cells, strict=True))
        tick_text = row["tick"]
        if not tick_text.isdigit():
            raise InputsError(f"{where}: tick {tick_text!r} must be a whole number ≥ 0 (tick 1 = the first tick)")
        tick = int(tick_text)
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
