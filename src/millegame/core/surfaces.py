"""Road surfaces: grip and rolling resistance, as a small table indexed by id.

The numbers live in ``assets/surfaces.toml`` (read outside core, by
``millegame.catalog``); core only sees the resulting arrays.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray


@dataclass(frozen=True)
class Surface:
    name: str
    grip: float  # multiplies the tyre's friction coefficient (dry asphalt = 1.0)
    rolling_resistance: float  # Crr, rolling force = Crr · m · g
    drag_per_mps: float = 0.0  # extra speed-proportional drag [1/s] (deep sand, water)
    dust: bool = False
    sound: str = "tarmac"


@dataclass(frozen=True)
class SurfaceTable:
    surfaces: tuple[Surface, ...]

    def index(self, name: str) -> int:
        for i, s in enumerate(self.surfaces):
            if s.name == name:
                return i
        known = ", ".join(s.name for s in self.surfaces)
        raise KeyError(f"unknown surface {name!r} (known: {known})")

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.surfaces)

    @property
    def grip(self) -> NDArray[np.float64]:
        return np.array([s.grip for s in self.surfaces], dtype=np.float64)

    @property
    def rolling_resistance(self) -> NDArray[np.float64]:
        return np.array([s.rolling_resistance for s in self.surfaces], dtype=np.float64)

    @property
    def drag_per_mps(self) -> NDArray[np.float64]:
        return np.array([s.drag_per_mps for s in self.surfaces], dtype=np.float64)
