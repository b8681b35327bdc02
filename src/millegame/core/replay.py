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
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from millegame.core.car import Assists, CarParams, CarState, Controls
from millegame.core.race import Race
from millegame.core.runner import TAPE_COLUMNS, ControlTape
from millegame.core.stage import Stage
from millegame.core.version import PHYSICS_VERSION, REPLAY_FORMAT

COLUMNS = TAPE_COLUMNS


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
        try:
            with np.load(io.BytesIO(data), allow_pickle=False) as z:
                meta = json.loads(str(z["meta"]))
                controls = np.asarray(z["controls"], dtype=np.float64)
        except (OSError, ValueError, KeyError, json.JSONDecodeError) as e:
            raise ReplayError(f"not a millegame replay ({e})") from None
        if meta.get("format") != REPLAY_FORMAT:
            raise ReplayError(f"replay format {meta.get('format')} is not {REPLAY_FORMAT}")
        if controls.ndim != 2 or controls.shape[1] != len(COLUMNS):
            raise ReplayError(f"controls have shape {controls.shape}, expected (ticks, {len(COLUMNS)})")
        return Replay(
            stage_id=str(meta["stage_id"]),
            stage_sha256=str(meta["stage_sha256"]),
            car_id=str(meta["car_id"]),
            physics_version=int(meta["physics_version"]),
            rules=meta.get("rules"),
            assists=dict(meta.get("assists") or {}),
            finish_tick=int(meta["finish_tick"]),
            controls=controls,
        )

    def save(self, path: str | Path) -> None:
        Path(path).write_bytes(self.to_bytes())

    @staticmethod
    def load(path: str | Path) -> Replay:
        try:
            return Replay.from_bytes(Path(path).read_bytes())
        except OSError as e:
            raise ReplayError(f"{path}: {e.strerror or e}") from None

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
