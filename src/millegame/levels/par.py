"""Par times computed for stages that do not give one.

A map's ``par_time_s`` property is its par time. A stage without it (a player's own,
fresh from ``new-stage``) gets the one ``tools/make_stages.py`` computes for the shipped
stages: the autopilot's time with a mid-field 1950s car (``REFERENCE_CAR``) + 10 %,
rounded to whole seconds. Driving a stage takes seconds, so the result is kept in the
user cache directory (``userdirs.cache_dir()/par/``) under the stage file's sha256, the
car and the physics version: an edited stage, another reference car or changed physics
is driven again; a cache that cannot be read or written only costs the drive.
"""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

from millegame.core.stage import Stage
from millegame.core.version import PHYSICS_VERSION

REFERENCE_CAR = "jaguar-xk120"  # a mid-field 1950s car
PAR_MARGIN = 1.10


def par_of_time(time_s: float) -> float:
    """The par time for the reference car's time on the autopilot [s]."""
    return float(round(time_s * PAR_MARGIN))


def cache_file(stage: Stage) -> Path | None:
    """Where the computed par of this stage file is kept (None: the stage has no file)."""
    from millegame.userdirs import cache_dir

    if not stage.source_sha256:
        return None
    return cache_dir() / "par" / f"{stage.source_sha256}-{REFERENCE_CAR}-p{PHYSICS_VERSION}.json"


def cached_par_s(stage: Stage) -> tuple[bool, float | None]:
    """(known, par [s] or None if the reference car cannot finish) from the cache, without driving."""
    path = cache_file(stage)
    if path is None:
        return False, None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        value = data["par_time_s"]
    except (OSError, ValueError, KeyError, TypeError):
        return False, None
    if value is None:
        return True, None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value > 0:
        return True, float(value)
    return False, None


def computed_par_s(stage: Stage) -> float | None:
    """The reference car's autopilot time + 10 % [s], from the cache or driven now
    (None when the autopilot cannot finish the stage)."""
    known, value = cached_par_s(stage)
    if known:
        return value
    from millegame.catalog import load_car
    from millegame.levels.check import drive_stage

    (run,) = drive_stage(stage, [load_car(REFERENCE_CAR)])
    value = par_of_time(run.time_s) if run.finished and run.time_s is not None else None
    path = cache_file(stage)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps({"par_time_s": value, "car": REFERENCE_CAR}), encoding="utf-8")
            tmp.replace(path)
        except OSError:
            pass  # the cache only saves a drive next time
    return value


def stage_par_s(stage: Stage) -> float | None:
    """The stage's par time [s]: its ``par_time_s`` property, or the computed one."""
    return stage.par_time_s if stage.par_time_s is not None else computed_par_s(stage)


def with_par(stage: Stage) -> Stage:
    """The stage with ``par_time_s`` filled in when the map does not give one."""
    if stage.par_time_s is not None:
        return stage
    return dataclasses.replace(stage, par_time_s=computed_par_s(stage))
