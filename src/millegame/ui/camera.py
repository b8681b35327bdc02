"""The camera: world metres → screen pixels at one fixed zoom, following a car.

Screen pixels exist only here. The map is pre-baked at ``px_per_m`` (see
``map_renderer``), so the zoom never changes at run time; everything drawn in the world
goes through the same integer ``origin_px`` so map chunks, cars and gates never drift
apart by a rounding pixel.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

SCREEN_PX_PER_M = 5.0  # 0.625 × the maps' 8 px/m: ~250 m × 145 m of road on a 1280×720 window
LOOKAHEAD_S = 0.9  # the camera leads the car by where it will be this much later…
LOOKAHEAD_MAX_SHARE = 0.32  # …but never by more than this share of the half-screen
SMOOTHING_S = 0.35  # time constant of the look-ahead's easing


@dataclass
class Camera:
    """``centre_m`` is the world point at the middle of the screen."""

    screen_w: int
    screen_h: int
    px_per_m: float = SCREEN_PX_PER_M
    centre_x_m: float = 0.0
    centre_y_m: float = 0.0
    lead_x_m: float = 0.0
    lead_y_m: float = 0.0
    bounds_m: tuple[float, float] | None = None  # (width, height) of the world, if clamped

    def resize(self, w: int, h: int) -> None:
        self.screen_w, self.screen_h = w, h

    @property
    def origin_px(self) -> tuple[int, int]:
        """World-pixel coordinates of the screen's top-left corner (integers)."""
        return (
            math.floor(self.centre_x_m * self.px_per_m) - self.screen_w // 2,
            math.floor(self.centre_y_m * self.px_per_m) - self.screen_h // 2,
        )

    def to_screen(self, x_m: float, y_m: float) -> tuple[float, float]:
        ox, oy = self.origin_px
        return (x_m * self.px_per_m - ox, y_m * self.px_per_m - oy)

    def view_m(self) -> tuple[float, float, float, float]:
        """The visible world rectangle (x0, y0, x1, y1) [m]."""
        ox, oy = self.origin_px
        p = self.px_per_m
        return (ox / p, oy / p, (ox + self.screen_w) / p, (oy + self.screen_h) / p)

    def snap(self, x_m: float, y_m: float) -> None:
        """Jump to a point with no lead (at a start, after a restart)."""
        self.centre_x_m, self.centre_y_m = x_m, y_m
        self.lead_x_m = self.lead_y_m = 0.0
        self.clamp()

    def follow(self, x_m: float, y_m: float, vx_mps: float, vy_mps: float, frame_s: float) -> None:
        """Centre on the car plus an eased look-ahead along its world velocity, so the
        player sees more of the road in front than behind."""
        max_x = LOOKAHEAD_MAX_SHARE * self.screen_w / 2 / self.px_per_m
        max_y = LOOKAHEAD_MAX_SHARE * self.screen_h / 2 / self.px_per_m
        want_x = max(-max_x, min(max_x, vx_mps * LOOKAHEAD_S))
        want_y = max(-max_y, min(max_y, vy_mps * LOOKAHEAD_S))
        k = 1.0 - math.exp(-max(frame_s, 0.0) / SMOOTHING_S)  # frame-rate independent easing
        self.lead_x_m += (want_x - self.lead_x_m) * k
        self.lead_y_m += (want_y - self.lead_y_m) * k
        self.centre_x_m = x_m + self.lead_x_m
        self.centre_y_m = y_m + self.lead_y_m
        self.clamp()

    def clamp(self) -> None:
        """Keep the view inside the world (where the world is bigger than the view), so
        the screen never shows the void past the map's edge."""
        if self.bounds_m is None:
            return
        for axis, half_px in ((0, self.screen_w / 2), (1, self.screen_h / 2)):
            size_m = self.bounds_m[axis]
            half_m = half_px / self.px_per_m
            centre = self.centre_x_m if axis == 0 else self.centre_y_m
            centre = size_m / 2 if size_m <= 2 * half_m else min(max(centre, half_m), size_m - half_m)
            if axis == 0:
                self.centre_x_m = centre
            else:
                self.centre_y_m = centre
