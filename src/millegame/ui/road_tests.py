"""The proving-ground figures for the car-select cards, measured once and cached.

``millegame.core.proving.road_test`` drives the physics model for a while (seconds per
car), far too long for a menu, so the figures are measured in a separate low-priority
process (``python -m millegame.ui.road_tests OUT CAR_ID…``) while the player is in the
menus. It is the game's one background process: it first compiles the numba kernels
(``millegame.warmup``; a fraction of a second once numba's cache has them), so that no
second process compiles the same kernels beside it. The figures are kept in
``<cache dir>/millegame/road_tests.json`` keyed by a fingerprint
of the car's data and the physics source: a change to either measures again. Until a
car's figures exist, the card shows the published ones. No pygame here.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from millegame.core.car import CarParams
from millegame.ui.background import start_niced, stop
from millegame.userdirs import cache_dir

FIELDS = ("zero_to_100_s", "zero_to_200_s", "top_speed_kmh", "braking_100_0_m", "lateral_g", "gravel_zero_to_100_s")


def cache_path() -> Path:
    return cache_dir() / "road_tests.json"


def _physics_digest() -> str:
    import millegame.core as core

    h = hashlib.sha256()
    for f in sorted(Path(core.__file__).parent.glob("*.py")):
        try:
            h.update(f.read_bytes())
        except OSError:
            continue
    return h.hexdigest()[:16]


def fingerprint(car: CarParams, physics: str | None = None) -> str:
    return hashlib.sha256((repr(car) + (physics or _physics_digest())).encode()).hexdigest()[:20]


def read_cache(path: Path | None = None) -> dict[str, Any]:
    try:
        data = json.loads((path or cache_path()).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


class RoadTests:
    """Figures per car id once they are measured; ``start`` measures the missing ones."""

    def __init__(self, cars: tuple[CarParams, ...], path: Path | None = None) -> None:
        self.cars = cars
        self.path = path or cache_path()
        self.physics = _physics_digest()
        self.prints = {c.id: fingerprint(c, self.physics) for c in cars}
        self.process: subprocess.Popen[bytes] | None = None
        self._mtime = -1.0
        self._warmed = False  # a process of this session has compiled the kernels
        self._data: dict[str, Any] = {}

    def figures(self, car_id: str) -> dict[str, Any] | None:
        self._reload()
        entry = self._data.get(car_id)
        if isinstance(entry, dict) and entry.get("fingerprint") == self.prints.get(car_id):
            return entry
        return None

    def _reload(self) -> None:
        try:
            mtime = self.path.stat().st_mtime
        except OSError:
            return
        if mtime != self._mtime:
            self._mtime = mtime
            self._data = read_cache(self.path)

    def missing(self) -> list[str]:
        return [c.id for c in self.cars if self.figures(c.id) is None]

    @property
    def measuring(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> bool:
        """Compile the kernels (the first time) and measure the missing cars in the
        background; returns whether a process started."""
        todo = self.missing()
        if (not todo and self._warmed) or self.measuring:
            return False
        self.process = start_niced([sys.executable, "-m", "millegame.ui.road_tests", str(self.path), *todo])
        self._warmed = True
        return self.process is not None

    def stop(self) -> None:
        stop(self.process)
        self.process = None


def measure(path: Path, car_ids: list[str]) -> None:
    """Measure ``car_ids`` and merge each result into the cache file as it is done."""
    from millegame import catalog
    from millegame.core.proving import road_test

    surfaces = catalog.load_surfaces()
    physics = _physics_digest()
    for car_id in car_ids:
        car = catalog.load_car(car_id)
        result = road_test(car, surfaces).to_json()
        data = read_cache(path)
        data[car_id] = {**{k: result.get(k) for k in FIELDS}, "fingerprint": fingerprint(car, physics)}
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)


if __name__ == "__main__":
    from millegame.warmup import compile_kernels

    compile_kernels()
    measure(Path(sys.argv[1]), sys.argv[2:])
