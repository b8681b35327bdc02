"""Per-tick telemetry of one car: record it from a race, save it as CSV or npz, load it back.

``telemetry = Telemetry()`` (car 0; ``Telemetry(car=i)`` for another) then
``telemetry.record(race, controls, events)`` after every ``race.step(controls)`` — it has the
signature of ``drive_stage``'s ``on_tick`` — and ``telemetry.save("run.csv")``. One row per
tick; the columns (``COLUMNS``, units in the names):

- ``tick`` (1 = the first tick), ``time_s`` = tick × dt: the state at the end of that tick;
- ``x_m``, ``y_m``, ``heading_rad`` (world frame, y down, positive = clockwise), ``speed_mps``,
  ``speed_kmh``, ``vx_mps``/``vy_mps`` (car frame: forward, right), ``yaw_rate_rad_s``;
- ``slip_angle_front_rad``/``_rear_rad``: the angle between each axle's travel and its wheels'
  heading, as the tyre model computes it (positive = the axle slides to the right);
  ``tyre_usage_front``/``_rear``: share of the grip in use (1 = at the limit, above = sliding);
- ``gear`` (−1 reverse), ``rpm``, ``steer_angle_rad`` (front wheels);
- ``throttle``, ``brake``, ``steer``, ``handbrake``: the driver's inputs during the tick,
  written exactly, so a telemetry CSV drives again with ``millegame sim --inputs``;
- ``surface_front``/``surface_rear``: surface names from the stage's surface table;
- ``route_m``: distance along the stage's route (its centre line) [m], ``odometer_m``: distance
  driven [m];
- ``events``: what happened in the tick, as text (``GatePassed index=0 name="Iseo" split_s=19.042``).

Files (by suffix): ``.csv`` — a first line ``# millegame-telemetry {JSON metadata}``, a header
row, one row per tick, events joined with ``; ``; ``.npz`` — one array per column (surfaces and
events as strings), ``meta`` (the JSON metadata) and the events table ``event_tick``,
``event_kind``, ``event_text``. The metadata names the stage (id, title, file, sha256), the car,
dt and the physics version, so a plot can load the stage map.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
import zlib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from millegame.core.car import Controls, S
from millegame.core.events import Event
from millegame.core.race import Race
from millegame.core.route import Route
from millegame.core.version import PHYSICS_VERSION

FORMAT = "millegame-telemetry"
FORMAT_VERSION = 1
SUFFIXES = (".csv", ".npz")
# Columns of the state matrix copied as they are: telemetry name → CarState column.
STATE_COPIED = {
    "x_m": "x", "y_m": "y", "heading_rad": "heading", "vx_mps": "vx", "vy_mps": "vy", "yaw_rate_rad_s": "yaw_rate",
    "tyre_usage_front": "slip_front", "tyre_usage_rear": "slip_rear", "gear": "gear", "rpm": "rpm",
    "steer_angle_rad": "steer",
}  # fmt: skip
INPUTS = ("throttle", "brake", "steer", "handbrake")
COLUMNS = (
    "tick", "time_s", "x_m", "y_m", "heading_rad", "speed_mps", "speed_kmh", "vx_mps", "vy_mps", "yaw_rate_rad_s",
    "slip_angle_front_rad", "slip_angle_rear_rad", "tyre_usage_front", "tyre_usage_rear", "gear", "rpm",
    "steer_angle_rad", *INPUTS, "surface_front", "surface_rear", "route_m", "odometer_m", "events",
)  # fmt: skip
TEXT_COLUMNS = ("surface_front", "surface_rear", "events")
INTEGER_COLUMNS = ("tick", "gear")
MIN_AXLE_SPEED_MPS = 0.5  # as in the tyre model: below it a slip angle means nothing
ROUTE_BLOCK = 120  # positions placed on the route at once: 1 s, at most ~95 m of travel
ROUTE_SEARCH_BACK, ROUTE_SEARCH_AHEAD = 10, 130  # route points (2 m apart) searched around the last


MAX_FILE_BYTES = 1 << 30  # a telemetry file read back (30 minutes of CSV are ~90 MB)
MAX_INFLATED_BYTES = 1 << 30  # the members of a telemetry .npz, inflated, all together


class TelemetryError(Exception):
    """A telemetry file that cannot be written or read; the message names the file and why."""


def check_path(path: str | Path) -> Path:
    """``path`` if its suffix names a telemetry format (.csv or .npz), else ``TelemetryError``."""
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        suffix = path.suffix or "no suffix"
        raise TelemetryError(f"{path}: telemetry is written as .csv or .npz (chosen by the suffix), not {suffix!r}")
    return path


def check_output(path: str | Path) -> Path:
    """``check_path``, and the place can take a file: not a directory, in a directory that
    exists — checked before a run, so a long run is not lost at the end."""
    path = check_path(path)
    if path.is_dir():
        raise TelemetryError(f"{path}: is a directory; give a file name ending in .csv or .npz")
    if not path.parent.is_dir():
        raise TelemetryError(f"{path}: the directory {path.parent} does not exist")
    return path


def event_text(event: Event) -> str:
    """One event as ``Kind key=value …`` (no car, no tick: the row says them; no ``;``)."""
    parts = [type(event).__name__]
    for f in fields(event):
        if f.name in ("car", "tick"):
            continue
        value = getattr(event, f.name)
        if isinstance(value, float):
            parts.append(f"{f.name}={value:.3f}")
        elif isinstance(value, tuple):
            parts.append(f"{f.name}=[{','.join(f'{v:.3f}' for v in value)}]")
        elif isinstance(value, str):
            parts.append(f"{f.name}={json.dumps(value.replace(';', ','), ensure_ascii=False)}")
        else:
            parts.append(f"{f.name}={value}")
    return " ".join(parts)


def slip_angles(states: NDArray[np.float64], a_m: float, b_m: float) -> tuple[NDArray, NDArray]:
    """Front and rear slip angles [rad] of state rows (T, len(STATE_COLUMNS)) of a car whose
    centre of gravity is ``a_m`` behind the front and ``b_m`` ahead of the rear axle
    (the formula of physics.py's tyre model)."""
    vx, vy, r, steer = (states[:, S[c]] for c in ("vx", "vy", "yaw_rate", "steer"))
    cd, sd = np.cos(steer), np.sin(steer)
    u_f = vx * cd + (vy + a_m * r) * sd  # the front wheels' own longitudinal speed
    w_f = -vx * sd + (vy + a_m * r) * cd  # and lateral speed
    front = np.arctan2(w_f, np.maximum(np.abs(u_f), MIN_AXLE_SPEED_MPS))
    rear = np.arctan2(vy - b_m * r, np.maximum(np.abs(vx), MIN_AXLE_SPEED_MPS))
    return front, rear


def route_distance(route: Route, x: NDArray[np.float64], y: NDArray[np.float64], start_hint: int) -> NDArray:
    """Distance along ``route`` [m] of each position of a drive (in order): the nearest route
    point is searched a little back and ahead of the previous second's, so a route that passes
    near itself is followed in order, then the position is projected onto the route segments
    beside that point. Vectorised over blocks of ``ROUTE_BLOCK`` positions."""
    m = len(route.points)
    out = np.empty(len(x))
    hint = start_hint
    offsets = np.arange(-ROUTE_SEARCH_BACK, ROUTE_SEARCH_AHEAD)
    for start in range(0, len(x), ROUTE_BLOCK):
        bx, by = x[start : start + ROUTE_BLOCK], y[start : start + ROUTE_BLOCK]
        idx = np.clip(hint + offsets, 0, m - 1)
        d2 = (route.points[idx, 0][None, :] - bx[:, None]) ** 2 + (route.points[idx, 1][None, :] - by[:, None]) ** 2
        nearest = idx[np.argmin(d2, axis=1)]
        hint = int(nearest[-1])
        best_d2 = np.full(len(bx), np.inf)
        best_s = route.s[nearest].copy()
        for j in (np.maximum(nearest - 1, 0), np.minimum(nearest, m - 2)):  # the segments before and after
            ax, ay = route.points[j, 0], route.points[j, 1]
            dx, dy = route.points[j + 1, 0] - ax, route.points[j + 1, 1] - ay
            t = np.clip(((bx - ax) * dx + (by - ay) * dy) / np.maximum(dx * dx + dy * dy, 1e-12), 0.0, 1.0)
            d2_seg = (bx - ax - t * dx) ** 2 + (by - ay - t * dy) ** 2
            better = d2_seg < best_d2
            best_d2 = np.where(better, d2_seg, best_d2)
            best_s = np.where(better, route.s[j] + t * (route.s[j + 1] - route.s[j]), best_s)
        out[start : start + ROUTE_BLOCK] = best_s
    return out


@dataclass
class Telemetry:
    """Telemetry of one car of a race (``car``, an index). Record with ``record`` after each tick
    (cheap: it keeps the state row; the columns are computed once, by ``table()``), or read a
    file with ``Telemetry.load``. ``table()`` maps each name of ``COLUMNS`` to an array of shape
    (ticks,); ``events`` lists (tick, text); ``meta`` describes the stage, the car and the run —
    keys you give (``Telemetry(meta={"driver": "mine"})``) are kept in the file."""

    car: int = 0
    meta: dict[str, object] = field(default_factory=dict)
    events: list[tuple[int, str]] = field(default_factory=list)
    columns: dict[str, NDArray] = field(default_factory=dict, repr=False)
    _recorder: _Recorder | None = field(default=None, repr=False)

    def _start(self, race: Race) -> _Recorder:
        """Set up recording from ``race`` (at the first ``record``, which may be after any tick)."""
        stage, params, car = race.stage, race.cars[self.car], self.car
        self.meta = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "stage_id": stage.id,
            "stage_title": stage.title,
            "stage_path": stage.source_path,
            "stage_sha256": stage.source_sha256,
            "car_id": params.id,
            "car_name": params.name,
            "car_index": car,
            "dt": race.dt,
            "physics_version": PHYSICS_VERSION,
            "rules": race.referee.rules if race.referee is not None else None,
            "surfaces": list(stage.surfaces.names),
            **self.meta,
        }
        route = Route.of(stage.route, spacing_m=2.0)
        x0, y0 = float(race.prev_state.x[car]), float(race.prev_state.y[car])  # where the recorded tick began
        return _Recorder(
            car=car, route=route, start_xy=(x0, y0), start_hint=route.nearest_global(x0, y0),
            a_m=float(race.params.a[car]), b_m=float(race.params.b[car]), surfaces=stage.surfaces.names,
        )  # fmt: skip

    @property
    def ticks(self) -> int:
        if self._recorder is not None and self._recorder.states:
            return len(self._recorder.states)
        return len(self.columns.get("tick", ()))

    def record(self, race: Race, controls: Controls, events: list[Event]) -> None:
        """Add the row of the tick ``race`` has just run with ``controls``, and its ``events``."""
        if self._recorder is None:
            self._recorder = self._start(race)
        r = self._recorder
        r.ticks.append(race.tick)
        r.states.append(race.state.data[r.car].copy())
        r.inputs.append([float(a[r.car]) for a in controls.arrays()[:4]])
        self.events.extend((race.tick, event_text(e)) for e in events if e.car == r.car)
        self.columns = {}

    def table(self) -> dict[str, NDArray]:
        """Every column as an array (ticks,): numbers as float64 (tick and gear as int64),
        surfaces and events as strings."""
        if not self.columns and self._recorder is not None and self._recorder.states:
            self.columns = self._recorder.table(float(self.meta["dt"]), self.events)  # type: ignore[arg-type]
        return self.columns or {c: np.zeros(0) for c in COLUMNS}

    # ---------------------------------------------------------------- files
    def save(self, path: str | Path) -> None:
        """Write as CSV or npz, chosen by the suffix of ``path``."""
        path = check_path(path)
        table: dict[str, Any] = dict(self.table())  # Any: numpy's stub would match a key to allow_pickle
        try:
            if path.suffix.lower() == ".npz":
                buf = io.BytesIO()
                ticks = np.array([t for t, _ in self.events], dtype=np.int64)
                kinds = np.array([text.split(" ", 1)[0] for _, text in self.events], dtype=str)
                texts = np.array([text for _, text in self.events], dtype=str)
                np.savez_compressed(
                    buf, meta=np.array(json.dumps(self.meta)), event_tick=ticks, event_kind=kinds, event_text=texts,
                    **table,
                )  # fmt: skip
                path.write_bytes(buf.getvalue())
            else:
                with path.open("w", newline="", encoding="utf-8") as f:
                    self._write_csv(f, table)
        except OSError as e:
            raise TelemetryError(f"{path}: cannot write the telemetry ({e.strerror or e})") from None

    def _write_csv(self, f: io.TextIOBase, table: dict[str, NDArray]) -> None:
        f.write(f"# {FORMAT} {json.dumps(self.meta, ensure_ascii=False)}\n")
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(COLUMNS)
        cells: list[list[str]] = []
        for c in COLUMNS:
            col = table[c]
            if c in TEXT_COLUMNS or c in INTEGER_COLUMNS:
                cells.append([str(v) for v in col.tolist()])
            elif c in INPUTS:
                cells.append([repr(v) for v in col.tolist()])  # exact: the file can drive again
            else:
                cells.append([f"{v:.9g}" for v in col.tolist()])
        writer.writerows(zip(*cells, strict=True))

    @staticmethod
    def load(path: str | Path) -> Telemetry:
        """Read a telemetry file written by ``save`` (either format). Raises ``TelemetryError``."""
        path = check_path(path)
        if not path.is_file():
            raise TelemetryError(f"{path}: {'no such file' if not path.exists() else 'not a regular file'}")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise TelemetryError(f"{path}: larger than {MAX_FILE_BYTES >> 20} MB, more than a telemetry file holds")
        if path.suffix.lower() == ".npz":
            return _load_npz(path)
        return _load_csv(path)


def _checked_meta(path: Path, text: str) -> dict[str, object]:
    try:
        meta = json.loads(text)
    except (ValueError, RecursionError) as e:  # not JSON, an integer of 10^5000 digits, deep nesting
        raise TelemetryError(f"{path}: the metadata is not valid JSON ({e})") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise TelemetryError(f"{path}: not a millegame telemetry file")
    if meta.get("format_version") != FORMAT_VERSION:
        version = meta.get("format_version")
        raise TelemetryError(f"{path}: telemetry format {version}; this millegame reads {FORMAT_VERSION}")
    return meta


def _load_npz(path: Path) -> Telemetry:
    try:
        with zipfile.ZipFile(path) as zf:  # sizes checked before numpy inflates anything
            inflated = sum(info.file_size for info in zf.infolist())
        if inflated > MAX_INFLATED_BYTES:
            raise TelemetryError(f"{path}: would inflate to {inflated} bytes; not a telemetry file")
        with np.load(path, allow_pickle=False) as z:
            meta = _checked_meta(path, str(z["meta"]))
            missing = [c for c in COLUMNS if c not in z.files]
            if missing:
                raise TelemetryError(f"{path}: missing columns {', '.join(missing)}")
            columns = {c: np.asarray(z[c]) for c in COLUMNS}
            events = list(zip(z["event_tick"].tolist(), z["event_text"].tolist(), strict=True))
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile, NotImplementedError, zlib.error) as e:
        raise TelemetryError(f"{path}: not a readable telemetry .npz ({e or type(e).__name__})") from None
    lengths = {len(v) for v in columns.values() if v.ndim == 1}
    if len(lengths) > 1 or any(v.ndim != 1 for v in columns.values()):
        raise TelemetryError(f"{path}: its columns are not one row per tick each")
    return Telemetry(car=_car_index(path, meta), meta=meta, events=events, columns=columns)


def _car_index(path: Path, meta: dict[str, object]) -> int:
    value = meta.get("car_index", 0)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 1 << 16:
        raise TelemetryError(f"{path}: car_index {str(value)[:20]!r} in the metadata is not a car number")
    return value


def _load_csv(path: Path) -> Telemetry:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise TelemetryError(f"{path}: cannot read ({e})") from None
    prefix = f"# {FORMAT} "
    if not lines or not lines[0].startswith(prefix):
        raise TelemetryError(f"{path}:1: not a millegame telemetry CSV (its first line starts with {prefix.strip()!r})")
    meta = _checked_meta(path, lines[0][len(prefix) :])
    try:
        rows = list(csv.reader(lines[1:]))
    except csv.Error as e:  # a field past csv's limit, a NUL byte
        raise TelemetryError(f"{path}: not a telemetry CSV ({e})") from None
    if not rows or tuple(rows[0]) != COLUMNS:
        raise TelemetryError(f"{path}:2: the header is not the telemetry columns ({', '.join(COLUMNS)})")
    body = rows[1:]
    for k, r in enumerate(body):
        if len(r) != len(COLUMNS):
            raise TelemetryError(f"{path}:{k + 3}: {len(r)} cells, the header has {len(COLUMNS)}")
    cells = list(zip(*body, strict=True)) if body else [() for _ in COLUMNS]
    columns: dict[str, NDArray] = {}
    for c, col in zip(COLUMNS, cells, strict=True):
        if c in TEXT_COLUMNS:
            columns[c] = np.array(col, dtype=str)
            continue
        try:
            columns[c] = np.array(col, dtype=np.int64 if c in INTEGER_COLUMNS else np.float64)
        except ValueError:
            integer = c in INTEGER_COLUMNS
            bad = next(k for k, v in enumerate(col) if not _is_number(v, integer=integer))
            raise TelemetryError(f"{path}:{bad + 3}: {c} {col[bad]!r} is not a number") from None
    events = [
        (int(tick), text.strip())
        for tick, joined in zip(columns["tick"].tolist(), columns["events"].tolist(), strict=True)
        for text in joined.split(";")
        if text.strip()
    ]
    return Telemetry(car=_car_index(path, meta), meta=meta, events=events, columns=columns)


def _is_number(text: str, *, integer: bool) -> bool:
    try:
        int(text) if integer else float(text)
    except ValueError:
        return False
    return True


@dataclass
class _Recorder:
    """What ``Telemetry.record`` keeps per tick, and how the columns are computed from it."""

    car: int
    route: Route
    start_xy: tuple[float, float]
    start_hint: int
    a_m: float
    b_m: float
    surfaces: tuple[str, ...]
    ticks: list[int] = field(default_factory=list)
    states: list[NDArray[np.float64]] = field(default_factory=list)
    inputs: list[list[float]] = field(default_factory=list)

    def table(self, dt: float, events: list[tuple[int, str]]) -> dict[str, NDArray]:
        states = np.asarray(self.states)
        out: dict[str, NDArray] = {"tick": np.asarray(self.ticks, dtype=np.int64)}
        out["time_s"] = out["tick"] * dt
        for name, column in STATE_COPIED.items():
            out[name] = states[:, S[column]].copy()
        out["gear"] = out["gear"].astype(np.int64)
        out["speed_mps"] = np.hypot(out["vx_mps"], out["vy_mps"])
        out["speed_kmh"] = out["speed_mps"] * 3.6
        out["slip_angle_front_rad"], out["slip_angle_rear_rad"] = slip_angles(states, self.a_m, self.b_m)
        inputs = np.asarray(self.inputs, dtype=np.float64)
        for k, name in enumerate(INPUTS):
            out[name] = inputs[:, k]
        names = np.array(self.surfaces)
        for axle in ("front", "rear"):
            out[f"surface_{axle}"] = names[states[:, S[f"surface_{axle}"]].astype(np.intp)]
        x, y = out["x_m"], out["y_m"]
        out["route_m"] = route_distance(self.route, x, y, self.start_hint)
        steps = np.hypot(np.diff(x, prepend=self.start_xy[0]), np.diff(y, prepend=self.start_xy[1]))
        out["odometer_m"] = np.cumsum(steps)
        first = int(out["tick"][0])
        texts: list[list[str]] = [[] for _ in range(len(states))]
        for tick, text in events:
            texts[tick - first].append(text)
        out["events"] = np.array(["; ".join(t) for t in texts])
        return {c: out[c] for c in COLUMNS}
