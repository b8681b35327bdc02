"""Road surfaces: grip and rolling resistance, as a small table indexed by id.

The numbers live in ``assets/surfaces.toml`` (read outside core, by
``millegame.catalog``); core only sees the resulting arrays.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
from numpy.typing import NDArray

# Map colours of the surfaces (RGB): the renderer's fallback ground when a stage has no tile
# art, and the stage map under a telemetry plot. Here, not in the UI, so that drawing a map
# headless (matplotlib) does not need pygame.
SURFACE_RGB: dict[str, tuple[int, int, int]] = {
    "asphalt": (84, 86, 90),
    "wet_asphalt": (62, 66, 74),
    "cobbles": (128, 116, 100),
    "gravel": (180, 164, 132),
    "dirt": (152, 120, 82),
    "grass": (92, 138, 64),
    "sand": (214, 196, 150),
    "water": (58, 110, 150),
}
SOLID_RGB = (54, 74, 48)  # cells a car cannot enter (walls, buildings, trees)
UNKNOWN_RGB = (128, 128, 128)  # a surface with no colour above


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

    # The physics step reads these every tick: built once, read-only so no caller can change
    # the table under another (cached_property writes the instance dict, frozen or not).
    @cached_property
    def grip(self) -> NDArray[np.float64]:
        return _frozen([s.grip for s in self.surfaces])

    @cached_property
    def rolling_resistance(self) -> NDArray[np.float64]:
        return _frozen([s.rolling_resistance for s in self.surfaces])

    @cached_property
    def drag_per_mps(self) -> NDArray[np.float64]:
        return _frozen([s.drag_per_mps for s in self.surfaces])


def _frozen(values: list[float]) -> NDArray[np.float64]:
    a = np.array(values, dtype=np.float64)
    a.setflags(write=False)
    return a


def map_rgb(surface: NDArray[np.uint8], solid: NDArray[np.bool_], table: SurfaceTable) -> NDArray[np.uint8]:
    """The surface grid (rows, cols) as an RGB image (rows, cols, 3), solid cells dark green."""
    colours = np.array([SURFACE_RGB.get(name, UNKNOWN_RGB) for name in table.names], dtype=np.uint8)
    rgb = colours[np.clip(surface, 0, len(colours) - 1)]
    rgb[solid] = SOLID_RGB
    return rgb
