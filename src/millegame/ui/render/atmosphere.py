"""Time of day and weather as looks: how the baked map is graded, how dark the night is.

Everything here is decided once per stage. The grade is applied to each map chunk when
it is baked (two ``fill`` calls with blend flags, no numpy), so a dusk, rainy or foggy
map costs exactly what a clear one does per frame. Night is different: its darkness
is a light map multiplied over the frame (``lighting``), so headlights can light it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from millegame.core.stage import Stage

TIMES = ("day", "dusk", "night")
WEATHERS = ("clear", "rain", "fog")


@dataclass(frozen=True)
class Atmosphere:
    time_of_day: str = "day"
    weather: str = "clear"

    @staticmethod
    def of(stage: Stage, *, time_of_day: str | None = None, weather: str | None = None) -> Atmosphere:
        """The stage's own, unless overridden (tests, the benchmark, a settings choice)."""
        t = time_of_day or str(getattr(stage, "time_of_day", "day") or "day")
        w = weather or str(getattr(stage, "weather", "clear") or "clear")
        return Atmosphere(t if t in TIMES else "day", w if w in WEATHERS else "clear")

    @property
    def night(self) -> bool:
        return self.time_of_day == "night"

    @property
    def dusk(self) -> bool:
        return self.time_of_day == "dusk"

    @property
    def rain(self) -> bool:
        return self.weather == "rain"

    @property
    def fog(self) -> bool:
        return self.weather == "fog"

    @property
    def headlights(self) -> bool:
        """Lamps lit on the cars (a cone of light only at night)."""
        return self.time_of_day != "day" or self.weather != "clear"

    @property
    def ambient_rgb(self) -> tuple[int, int, int]:
        """What the night light map starts from: moonlight, bluer in the rain."""
        return (34, 42, 74) if not self.rain else (30, 38, 62)

    @property
    def shadow_alpha(self) -> int:
        """Cars' drop shadows: crisp in the sun, soft at dusk, none at night or in fog."""
        if self.night or self.fog:
            return 0
        if self.dusk or self.rain:
            return 45
        return 85

    @property
    def shadow_offset_m(self) -> tuple[float, float]:
        """Sun from the top left by day, low in the west at dusk (long shadows)."""
        return (1.1, 0.35) if self.dusk else (0.35, 0.5)

    @property
    def is_plain(self) -> bool:
        return self.time_of_day == "day" and self.weather == "clear"

    def grade(self, surface: pygame.Surface) -> None:
        """Colour-grade one baked map chunk in place (RGB only: an above-cars chunk is
        graded before its alpha is premultiplied, and its alpha is left alone)."""
        if self.rain:
            # Wet: darker, bluer, a faint sheen lifting the blacks.
            surface.fill((168, 178, 198), special_flags=pygame.BLEND_RGB_MULT)
            surface.fill((10, 12, 18), special_flags=pygame.BLEND_RGB_ADD)
        if self.fog:
            # Contrast squeezed towards a pale grey.
            surface.fill((150, 152, 156), special_flags=pygame.BLEND_RGB_MULT)
            surface.fill((92, 96, 102), special_flags=pygame.BLEND_RGB_ADD)
        if self.dusk:
            # Warm low sun and a faint violet haze in the shade (more violet than this turned
            # grey asphalt maroon).
            surface.fill((252, 216, 184), special_flags=pygame.BLEND_RGB_MULT)
            surface.fill((8, 5, 10), special_flags=pygame.BLEND_RGB_ADD)
        elif self.night:
            # The light map does the darkness; a cool shift keeps lit areas moonlit.
            surface.fill((225, 232, 255), special_flags=pygame.BLEND_RGB_MULT)
