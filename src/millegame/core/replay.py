"""Replays and ghosts: a run as its per-tick controls, re-simulated bit for bit.

A ``Replay`` holds the stage id and the stage file's sha256, the car id, the physics
version, the rule set, the assists, the finish tick and the controls of every tick
(float64, (ticks, 6): throttle, brake, steer, handbrake, shift, respawn — 1.0 when a
respawn was requested before that tick). As a file (``.npz``,
numpy's zip of arrays, compressed) it is ``meta`` (a JSON string) plus ``controls``;
``to_bytes``/``from_bytes`` give the same bytes for a database BLOB.

A replay is only valid on the very stage file and physics it was recorded with:
``refusal(replay, stage, car_id)`` gives the reason when it is not. ``verify`` re-drives
it headless and compares the finish tick; ``GhostCar`` steps it tick by tick alongside
the player's race so the UI can draw it.
"""

from __future__ import annotations

import io
import json
import zipfile
import zlib
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from millegame.core.car import Assists, CarParams, CarState, Controls
from millegame.core.race import Race
from millegame.core.runner import TAPE_COLUMNS, ControlTape
from millegame.core.stage import Stage
from millegame.core.version import PHYSICS_VERSION, REPLAY_FORMAT

COLUMNS = TAPE_COLUMNS
# Limits checked before anything is allocated or inflated (docs/reliability.md).
MAX_TICKS = 120 * 60 * 30  # 30 minutes of stage time at 120 Hz (the sim gives up after 15 by default)
MAX_FILE_BYTES = 64 << 20  # a replay file; 30 minutes of controls compress to a few MB
MAX_META_BYTES = 64 << 10  # the JSON metadata, inflated
MAX_ID_CHARS = 200  # stage and car ids, the stage sha256
RULES = (None, "corsa", "regolarita")
ASSISTS = {f.name for f in fields(Assists)}


class ReplayError(Exception):
    """A replay file that cannot be read; the message says why."""


@dataclass(frozen=True)
class Replay:
    stage_id: str
    stage_sha256: str
    car_id: str
    physics_version: int
    rules: str | None
    assists: dict[str, bool | None]
    finish_tick: int  # −1 = the run did not finish
    controls: NDArray[np.float64]  # (ticks, 6), COLUMNS

    @property
    def ticks(self) -> int:
        return int(self.controls.shape[0])

    @staticmethod
    def of(
        stage: Stage, car: CarParams, tape: ControlTape, finish_tick: int, *, rules: str | None = None,
        assists: Assists | None = None,
    ) -> Replay:  # fmt: skip
        arrays = tape.arrays()
        return Replay(
            stage_id=stage.id,
            stage_sha256=stage.source_sha256,
            car_id=car.id,
            physics_version=PHYSICS_VERSION,
            rules=rules,
            assists=asdict(assists or Assists()),
            finish_tick=finish_tick,
            controls=np.stack([arrays[c] for c in COLUMNS], axis=1).reshape(-1, len(COLUMNS)),
        )

    def meta(self) -> dict[str, object]:
        return {
            "format": REPLAY_FORMAT,
            "stage_id": self.stage_id,
            "stage_sha256": self.stage_sha256,
            "car_id": self.car_id,
            "physics_version": self.physics_version,
            "rules": self.rules,
            "assists": self.assists,
            "finish_tick": self.finish_tick,
        }

    def to_bytes(self) -> bytes:
        buf = io.BytesIO()
        np.savez_compressed(buf, meta=np.array(json.dumps(self.meta())), controls=self.controls)
        return buf.getvalue()

    @staticmethod
    def from_bytes(data: bytes) -> Replay:
        """A replay from its file's bytes; ``ReplayError`` (one line) for anything else.
        Every size is checked before it is inflated or allocated: the file, each member of
        the zip, the array's shape (at most ``MAX_TICKS`` rows of ``COLUMNS``)."""
        if len(data) > MAX_FILE_BYTES:
            raise ReplayError(f"not a millegame replay (larger than {MAX_FILE_BYTES >> 20} MB)")
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                meta = _read_meta(z)
                controls = _read_controls(z)
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error) as e:
            raise ReplayError(f"not a millegame replay ({e or type(e).__name__})") from None
        except NotImplementedError as e:  # a compression zipfile does not know
            raise ReplayError(f"not a millegame replay ({e})") from None
        return _replay_of(meta, controls)

    def save(self, path: str | Path) -> None:
        Path(path).write_bytes(self.to_bytes())

    @staticmethod
    def load(path: str | Path) -> Replay:
        """The replay in a file; ``ReplayError`` naming the file otherwise."""
        path = Path(path)
        try:
            if not path.is_file():  # a directory, a FIFO or a device is never read
                raise ReplayError(f"{path}: {'no such file' if not path.exists() else 'not a regular file'}")
            if path.stat().st_size > MAX_FILE_BYTES:
                raise ReplayError(f"{path}: not a millegame replay (larger than {MAX_FILE_BYTES >> 20} MB)")
            data = path.read_bytes()
        except OSError as e:
            raise ReplayError(f"{path}: {e.strerror or e}") from None
        try:
            return Replay.from_bytes(data)
        except ReplayError as e:
            raise ReplayError(f"{path}: {e}") from None

    def controls_at(self, tick: int) -> Controls:
        """The controls of tick ``tick`` (0-based) for one car; idle after the end."""
        if tick >= self.ticks:
            return Controls.single(brake=1.0)
        t, b, s, h, sh = (float(v) for v in self.controls[tick, :5])
        return Controls.single(t, b, s, h, sh)

    def drive(self, race: Race) -> Controls:
        """A driver for a one-car ``race`` (``drive_stage(..., driver=replay.drive)``): the
        recorded controls of the tick about to run, asking for a respawn where the run did."""
        tick = race.tick
        if tick < self.ticks and self.controls[tick, 5] > 0.5:
            race.request_respawn(0)
        return self.controls_at(tick)


def _member(z: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """One member of the replay's zip, inflated only when its size is within ``limit``
    (zipfile never inflates past the size the directory declares)."""
    try:
        info = z.getinfo(name)
    except KeyError:
        raise ReplayError(f"not a millegame replay (no {name.removesuffix('.npy')} in it)") from None
    if info.file_size > limit:
        raise ReplayError(f"not a millegame replay ({name} would inflate to {info.file_size} bytes)")
    return z.read(info)


def _read_npy(raw: bytes, what: str) -> tuple[tuple[int, ...], np.dtype, bool, io.BytesIO]:  # type: ignore[type-arg]
    f = io.BytesIO(raw)
    version = np.lib.format.read_magic(f)
    if version == (1, 0):
        shape, fortran, dtype = np.lib.format.read_array_header_1_0(f, max_header_size=10_000)
    elif version == (2, 0):
        shape, fortran, dtype = np.lib.format.read_array_header_2_0(f, max_header_size=10_000)
    else:
        raise ReplayError(f"not a millegame replay ({what}: npy format {version})")
    return tuple(shape), dtype, bool(fortran), f


def _read_meta(z: zipfile.ZipFile) -> dict[str, object]:
    shape, dtype, _, f = _read_npy(_member(z, "meta.npy", MAX_META_BYTES), "meta")
    if shape != () or dtype.kind != "U" or dtype.hasobject:
        raise ReplayError("not a millegame replay (its metadata is not one text)")
    text = np.frombuffer(f.read(dtype.itemsize), dtype=dtype, count=1)[0]
    try:
        meta = json.loads(str(text))
    except (ValueError, RecursionError) as e:
        raise ReplayError(f"not a millegame replay (its metadata is not JSON: {e})") from None
    if not isinstance(meta, dict):
        raise ReplayError("not a millegame replay (its metadata is not a JSON object)")
    return meta


def _read_controls(z: zipfile.ZipFile) -> NDArray[np.float64]:
    limit = 1024 + MAX_TICKS * len(COLUMNS) * 8
    shape, dtype, fortran, f = _read_npy(_member(z, "controls.npy", limit), "controls")
    if len(shape) != 2 or shape[1] != len(COLUMNS):
        raise ReplayError(f"controls have shape {shape}, expected (ticks, {len(COLUMNS)})")
    if not 0 <= shape[0] <= MAX_TICKS:
        raise ReplayError(f"{shape[0]} ticks of controls; a replay holds at most {MAX_TICKS} (30 minutes)")
    if dtype.kind != "f" or dtype.itemsize not in (4, 8) or dtype.hasobject:
        raise ReplayError(f"controls are {dtype}, not floating-point numbers")
    count = shape[0] * shape[1]
    body = f.read(count * dtype.itemsize)
    if len(body) != count * dtype.itemsize:
        raise ReplayError("not a millegame replay (its controls are cut short)")
    flat = np.frombuffer(body, dtype=dtype, count=count)
    rows, columns = int(shape[0]), int(shape[1])
    return np.ascontiguousarray(flat.reshape((rows, columns), order="F" if fortran else "C"), dtype=np.float64)


def _replay_of(meta: dict[str, object], controls: NDArray[np.float64]) -> Replay:
    """The replay of checked metadata; every field of the wrong type or out of range is
    one ``ReplayError`` naming it."""
    if meta.get("format") != REPLAY_FORMAT:
        raise ReplayError(f"replay format {str(meta.get('format'))[:40]} is not {REPLAY_FORMAT}")
    text: dict[str, str] = {}
    for key, least in (("stage_id", 1), ("stage_sha256", 0), ("car_id", 1)):  # a stage built in memory has no sha
        value = meta.get(key)
        if not isinstance(value, str) or not least <= len(value) <= MAX_ID_CHARS:
            raise _malformed(f"{key} is {_shown(value)}, not an id of {least} to {MAX_ID_CHARS} characters")
        text[key] = value
    numbers: dict[str, int] = {}
    for key, lo, hi in (("physics_version", -(1 << 31), 1 << 31), ("finish_tick", -1, controls.shape[0])):
        value = meta.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            raise ReplayError(
                f"not a millegame replay ({key} is {_shown(value)}, not a whole number from {lo} to {hi})"
            )
        numbers[key] = value
    rules = meta.get("rules")
    if rules not in RULES:
        raise ReplayError(f"not a millegame replay (rules {_shown(rules)} are none of corsa, regolarita)")
    assists = meta.get("assists") or {}
    if not isinstance(assists, dict) or not set(assists) <= ASSISTS:
        raise ReplayError(
            f"not a millegame replay (assists {_shown(assists)}: known ones are {', '.join(sorted(ASSISTS))})"
        )
    if not all(v is None or isinstance(v, bool) for v in assists.values()):
        raise ReplayError(f"not a millegame replay (assists {_shown(assists)} are not true, false or null)")
    return Replay(
        stage_id=text["stage_id"],
        stage_sha256=text["stage_sha256"],
        car_id=text["car_id"],
        physics_version=numbers["physics_version"],
        rules=rules,  # type: ignore[arg-type]
        assists=dict(assists),
        finish_tick=numbers["finish_tick"],
        controls=controls,
    )


def _malformed(why: str) -> ReplayError:
    return ReplayError(f"not a millegame replay ({why})")


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def refusal(replay: Replay, stage: Stage, car_id: str) -> str | None:
    """Why ``replay`` cannot be shown on ``stage`` with ``car_id`` — or None when it can."""
    if replay.stage_id != stage.id:
        return f"recorded on stage {replay.stage_id!r}, not {stage.id!r}"
    if replay.stage_sha256 != stage.source_sha256:
        return "recorded on another version of this stage (the map file has changed since)"
    if replay.physics_version != PHYSICS_VERSION:
        return f"recorded with physics version {replay.physics_version}; this game runs version {PHYSICS_VERSION}"
    if replay.car_id != car_id:
        return f"recorded with car {replay.car_id!r}, not {car_id!r}"
    return None


class GhostCar:
    """Steps a replay in its own one-car race, one tick per ``step()``; ``state`` and
    ``prev_state`` are drawn like the player's car (translucent)."""

    def __init__(self, replay: Replay, stage: Stage, car: CarParams) -> None:
        reason = refusal(replay, stage, car.id)
        if reason is not None:
            raise ReplayError(reason)
        self.replay = replay
        self.race = Race(
            stage,
            [car],
            rules=replay.rules,
            assists=Assists(**replay.assists),  # type: ignore[arg-type]
        )

    @property
    def state(self) -> CarState:
        return self.race.state

    @property
    def prev_state(self) -> CarState:
        return self.race.prev_state

    @property
    def done(self) -> bool:
        return self.race.tick >= self.replay.ticks

    def step(self) -> None:
        self.race.step(self.replay.drive(self.race))


@dataclass(frozen=True)
class Verification:
    ok: bool
    reason: str  # "" when ok
    recorded_finish_tick: int
    replayed_finish_tick: int
    final_state: NDArray[np.float64]


def verify(replay: Replay, stage: Stage, car: CarParams) -> Verification:
    """Re-drive ``replay`` headless; ok when it is allowed here and finishes on the same tick."""
    reason = refusal(replay, stage, car.id)
    if reason is not None:
        return Verification(False, reason, replay.finish_tick, -1, np.zeros(0))
    ghost = GhostCar(replay, stage, car)
    while not ghost.done:
        ghost.step()
    got = int(ghost.race.finish_tick[0])
    ok = got == replay.finish_tick
    why = "" if ok else f"finished on tick {got}, recorded {replay.finish_tick}"
    return Verification(ok, why, replay.finish_tick, got, ghost.state.data[0].copy())
