"""The camera: world metres → screen pixels, following a car, zooming out with speed.

Screen pixels exist only here. The map is pre-baked at a few fixed scales
(``ZOOM_LEVELS``, see ``map_levels``), so the camera zooms in steps between baked
levels and a zoom never costs a per-frame rescale. Everything drawn in the world goes
through the same integer ``origin_px`` so map chunks, cars and gates never drift apart
by a rounding pixel.

How far the player sees: the camera leads the car along its (smoothed) velocity, up
to ``LEAD_SHARE`` of the half-screen, and picks the most detailed level at which the
screen edge ahead is at least ``AHEAD_S`` seconds of travel away (``MIN_AHEAD_M`` at a
crawl). Travelling across the narrow side of the screen needs a wider view than along
the wide side, so the zoom depends on the direction too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

ZOOM_LEVELS: tuple[float, ...] = (6.0, 5.0, 4.2, 3.5, 2.9, 2.4, 2.0)  # screen px per metre
SCREEN_PX_PER_M = 5.0  # the menus' and the fixed camera's scale (a baked level)
AHEAD_S = 2.6  # seconds of road visible ahead (the issue asks for ≥ 2.5 s at top speed)
MIN_AHEAD_M = 80.0  # at a crawl
LOOKAHEAD_S = 1.2  # the camera leads the car by where it will be this much later…
LEAD_SHARE = 0.6  # …but never by more than this share of the half-screen
SMOOTHING_S = 0.35  # time constant of the look-ahead's easing [s]
ZOOM_IN_HOLD_S = 0.8  # zoom in only after the closer view has been enough for this long
ZOOM_IN_MARGIN = 0.88  # …and with this much to spare (no flicker at a threshold)


def needed_px_per_m(
    speed_mps: float, dir_x: float, dir_y: float, screen_w: int, screen_h: int, *, ahead_s: float = AHEAD_S
) -> float:
    """The largest scale at which a car driving along (dir_x, dir_y), with the camera
    leading it by ``LEAD_SHARE`` of the half-screen, sees ``ahead_s`` seconds ahead."""
    ahead_m = max(MIN_AHEAD_M, ahead_s * speed_mps)
    norm = math.hypot(dir_x, dir_y)
    if norm < 1e-9:
        dir_x, dir_y, norm = 0.0, 1.0, 1.0  # standing: assume the worst (the narrow side)
    room = math.inf
    for half, d in ((screen_w / 2, abs(dir_x) / norm), (screen_h / 2, abs(dir_y) / norm)):
        if d > 1e-9:
            room = min(room, (1.0 + LEAD_SHARE) * half / d)
    return room / ahead_m


def level_for(px_per_m: float, levels: tuple[float, ...] = ZOOM_LEVELS) -> int:
    """Index of the most detailed level not above ``px_per_m`` (the last if none)."""
    for k, ppm in enumerate(levels):
        if ppm <= px_per_m:
            return k
    return len(levels) - 1


@dataclass
class Camera:
    """``centre_m`` is the world point at the middle of the screen.

    ``levels`` are the scales it may use (one, for a fixed zoom); ``px_per_m`` is the
    current one. ``heading_up`` is a setting the world view reads: the map turns so
    the car points up the screen.
    """

    screen_w: int
    screen_h: int
    px_per_m: float = SCREEN_PX_PER_M
    centre_x_m: float = 0.0
    centre_y_m: float = 0.0
    lead_x_m: float = 0.0
    lead_y_m: float = 0.0
    bounds_m: tuple[float, float] | None = None  # (width, height) of the world, if clamped
    levels: tuple[float, ...] = ()
    ahead_s: float = AHEAD_S
    heading_up: bool = False
    vel_x: float = 0.0  # smoothed velocity [m/s]
    vel_y: float = 0.0
    _zoom_in_s: float = field(default=0.0, repr=False)

    def __post_init__(self) -> None:
        if not self.levels:
            self.levels = (self.px_per_m,)

    @property
    def level(self) -> int:
        return min(range(len(self.levels)), key=lambda k: abs(self.levels[k] - self.px_per_m))

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
        """Jump to a point with no lead, at the closest zoom (at a start, after a restart)."""
        self.centre_x_m, self.centre_y_m = x_m, y_m
        self.lead_x_m = self.lead_y_m = 0.0
        self.vel_x = self.vel_y = 0.0
        self.px_per_m = self.levels[0]
        self.clamp()

    def _choose_level(self, frame_s: float) -> None:
        if len(self.levels) < 2:
            return
        speed = math.hypot(self.vel_x, self.vel_y)
        # heading-up: the road ahead always runs up the screen
        dx, dy = (0.0, 1.0) if self.heading_up else (self.vel_x, self.vel_y)
        need = needed_px_per_m(speed, dx, dy, self.screen_w, self.screen_h, ahead_s=self.ahead_s)
        now = self.level
        want = level_for(need, self.levels)
        if want > now:  # zoom out at once: the road ahead must show
            self.px_per_m = self.levels[want]
            self._zoom_in_s = 0.0
        elif want < now and self.levels[now - 1] <= need * ZOOM_IN_MARGIN:
            self._zoom_in_s += frame_s
            if self._zoom_in_s >= ZOOM_IN_HOLD_S:
                self.px_per_m = self.levels[now - 1]  # one step at a time
                self._zoom_in_s = 0.0
        else:
            self._zoom_in_s = 0.0

    def follow(self, x_m: float, y_m: float, vx_mps: float, vy_mps: float, frame_s: float) -> None:
        """Centre on the car plus an eased look-ahead along its world velocity, so the
        player sees more of the road in front than behind; zoom to see far enough."""
        k = 1.0 - math.exp(-max(frame_s, 0.0) / SMOOTHING_S)  # frame-rate independent easing
        self.vel_x += (vx_mps - self.vel_x) * k
        self.vel_y += (vy_mps - self.vel_y) * k
        self._choose_level(frame_s)
        max_x = LEAD_SHARE * self.screen_w / 2 / self.px_per_m
        max_y = LEAD_SHARE * self.screen_h / 2 / self.px_per_m
        if self.heading_up:
            # The view turns with the car: lead straight "up" the screen, by speed.
            speed = math.hypot(self.vel_x, self.vel_y)
            lead = min(max_y, speed * LOOKAHEAD_S)
            want_x, want_y = (self.vel_x / speed * lead, self.vel_y / speed * lead) if speed > 0.1 else (0.0, 0.0)
        else:
            want_x = max(-max_x, min(max_x, self.vel_x * LOOKAHEAD_S))
            want_y = max(-max_y, min(max_y, self.vel_y * LOOKAHEAD_S))
        self.lead_x_m += (want_x - self.lead_x_m) * k
        self.lead_y_m += (want_y - self.lead_y_m) * k
        # A zoom step can shrink the room for the lead: never lead off the screen.
        self.lead_x_m = max(-max_x, min(max_x, self.lead_x_m))
        self.lead_y_m = max(-max_y, min(max_y, self.lead_y_m))
        self.centre_x_m = x_m + self.lead_x_m
        self.centre_y_m = y_m + self.lead_y_m
        if not self.heading_up:
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
