"""Instruments: a period round speedometer and rev counter for the classics, a digital
cluster for the modern cars.

Dial faces (numerals, ticks, the red sector) are drawn once per size, cached and
blitted by runs of opaque pixels; a frame draws only the needles and the gear. Speeds
in km/h, revs in rpm.
"""

from __future__ import annotations

import math
from functools import cache

import pygame

from millegame.ui.fonts import ALFA_RED, CREAM, DEEP_BLUE, INK, OCHRE, blit_text
from millegame.ui.hud.layout import opaque_runs

SWEEP_START_DEG = 225.0  # needle at zero points down-left…
SWEEP_DEG = 270.0  # …and sweeps clockwise through the top
DIGITAL_HEIGHT = 118  # the modern cluster's glass panel [px]
CLUSTER_OVERLAP = 14 / 176  # the rev counter tucks under the speed dial by this share of its size
FACE = (240, 228, 198)
BEZEL = (196, 170, 110)
DIGITAL_BG = (18, 22, 30)
LED_OFF = (44, 50, 60)
LED_GREEN = (80, 200, 120)


def dial_max_kmh(top_speed_kmh: float) -> int:
    """A round dial limit above the car's top speed (period dials over-read)."""
    step = 20 if top_speed_kmh < 220 else 40
    return int(math.ceil(top_speed_kmh * 1.08 / step) * step)


def needle_angle(value: float, vmax: float) -> float:
    """Screen angle [rad, y down] of a needle showing ``value`` on a 0…``vmax`` dial."""
    share = max(0.0, min(1.05, value / max(vmax, 1e-9)))
    deg = SWEEP_START_DEG - SWEEP_DEG * share  # counter-clockwise in maths = clockwise on screen
    return math.radians(deg)


def _ipt(p: tuple[float, float]) -> tuple[int, int]:
    return (round(p[0]), round(p[1]))


def _at(centre: tuple[float, float], angle: float, r: float) -> tuple[float, float]:
    return (centre[0] + r * math.cos(angle), centre[1] - r * math.sin(angle))


@cache
def dial_face(size: int, vmax: int, major: int, minor: int, red_from: float | None, label: str) -> pygame.Surface:
    """A round dial of ``size`` px: cream face, ink ticks every ``minor``, numerals every
    ``major``, a red arc from ``red_from``; ``label`` under the hub."""
    surf = pygame.Surface((size, size), pygame.SRCALPHA)
    c = (size / 2, size / 2)
    r = size / 2 - 1
    pygame.draw.circle(surf, INK, c, r)
    pygame.draw.circle(surf, BEZEL, c, r - 2)
    pygame.draw.circle(surf, FACE, c, r - 7)
    if red_from is not None:
        a0, a1 = needle_angle(vmax, vmax), needle_angle(red_from, vmax)
        steps = 24
        pts = [_at(c, a0 + (a1 - a0) * k / steps, r - 9) for k in range(steps + 1)]
        pts += [_at(c, a1 + (a0 - a1) * k / steps, r - 18) for k in range(steps + 1)]
        pygame.draw.polygon(surf, ALFA_RED, pts)
    v = 0
    while v <= vmax:
        a = needle_angle(v, vmax)
        is_major = v % major == 0
        pygame.draw.line(surf, INK, _at(c, a, r - 9), _at(c, a, r - (22 if is_major else 15)), 3 if is_major else 1)
        if is_major:
            num = str(v // 1000) if label == "x1000 rpm" else str(v)
            blit_text(surf, num, max(12, size // 11), INK, center=_ipt(_at(c, a, r - 34 - size // 40)))
        v += minor
    # the unit above the hub on the rev counter (its gear window sits below), below on the speedometer
    below = label != "x1000 rpm"
    blit_text(
        surf,
        label,
        max(10, size // 14),
        DEEP_BLUE,
        italic=True,
        center=_ipt((c[0], c[1] + size * (0.2 if below else -0.2))),
    )
    return opaque_runs(surf)


def draw_needle(target: pygame.Surface, centre: tuple[float, float], radius: float, angle: float) -> None:
    tip = _at(centre, angle, radius)
    tail = _at(centre, angle + math.pi, radius * 0.16)
    pygame.draw.line(target, ALFA_RED, tail, tip, 4)
    pygame.draw.circle(target, INK, centre, max(4, radius * 0.1))
    pygame.draw.circle(target, OCHRE, centre, max(2, radius * 0.05))


def draw_classic_cluster(
    target: pygame.Surface,
    bottomright: tuple[int, int],
    *,
    kmh: float,
    rpm: float,
    redline_rpm: float,
    top_speed_kmh: float,
    gear: int,
    size: int = 176,
) -> pygame.Rect:
    """Two round dials side by side: revs (small, left) and speed (large, right)."""
    vmax = dial_max_kmh(top_speed_kmh)
    major = 20 if vmax <= 160 else (40 if vmax <= 320 else 50)
    speed_face = dial_face(size, vmax, major, major // 2 if major <= 40 else 25, None, "km/h")
    small = int(size * 0.78)
    rmax = int(math.ceil(redline_rpm * 1.15 / 1000.0) * 1000)
    rev_face = dial_face(small, rmax, 1000, 500, redline_rpm, "x1000 rpm")
    right, bottom = bottomright
    sp = speed_face.get_rect(bottomright=(right, bottom))
    rv = rev_face.get_rect(bottomright=(sp.left + round(size * CLUSTER_OVERLAP), bottom))
    target.blit(rev_face, rv)
    target.blit(speed_face, sp)
    draw_needle(target, rv.center, small / 2 - 16, needle_angle(rpm, rmax))
    draw_needle(target, sp.center, size / 2 - 16, needle_angle(kmh, vmax))
    # the gear in a small window low on the rev counter, the speed in figures under the hub
    gbox = pygame.Rect(0, 0, 30, 28)
    gbox.center = (rv.centerx, rv.centery + int(small * 0.32))
    pygame.draw.rect(target, INK, gbox, border_radius=4)
    blit_text(target, gear_text(gear), 24, CREAM, center=gbox.center)
    blit_text(target, f"{kmh:3.0f}", max(14, size // 9), INK, center=(sp.centerx, sp.centery + int(size * 0.32)))
    return rv.union(sp)


def gear_text(gear: int) -> str:
    return "R" if gear < 0 else ("N" if gear == 0 else str(gear))


def draw_digital_cluster(
    target: pygame.Surface,
    bottomright: tuple[int, int],
    *,
    kmh: float,
    rpm: float,
    redline_rpm: float,
    gear: int,
    width: int = 300,
) -> pygame.Rect:
    """A dark glass panel: a segmented rev bar, the speed in big figures, the gear."""
    h = DIGITAL_HEIGHT
    box = pygame.Rect(0, 0, width, h)
    box.bottomright = bottomright
    panel = _glass(width, h)
    target.blit(panel, box)
    # rev bar: 24 segments, green → ochre → red, blinking at the limiter
    n = 24
    share = max(0.0, min(1.0, rpm / max(redline_rpm, 1.0)))
    lit = round(share * n)
    seg_w = (width - 28 - (n - 1) * 2) / n
    for k in range(n):
        x = box.x + 14 + k * (seg_w + 2)
        if k < lit:
            colour = LED_GREEN if k < n * 0.6 else (OCHRE if k < n * 0.85 else ALFA_RED)
        else:
            colour = LED_OFF
        pygame.draw.rect(target, colour, (round(x), box.y + 12, max(1, round(seg_w)), 12), border_radius=2)
    blit_text(target, f"{kmh:3.0f}", 76, CREAM, bottomright=(box.right - 96, box.bottom - 10))
    blit_text(target, "km/h", 22, OCHRE, bottomleft=(box.right - 92, box.bottom - 18))
    gbox = pygame.Rect(box.right - 62, box.y + 34, 48, 44)
    pygame.draw.rect(target, ALFA_RED if share > 0.95 else DEEP_BLUE, gbox, border_radius=6)
    blit_text(target, gear_text(gear), 38, CREAM, center=gbox.center)
    blit_text(target, f"{rpm:5.0f} rpm", 18, (150, 160, 175), bottomleft=(box.x + 14, box.bottom - 10))
    return box


@cache
def _glass(w: int, h: int) -> pygame.Surface:
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
    pygame.draw.rect(surf, (*DIGITAL_BG, 230), surf.get_rect(), border_radius=12)
    pygame.draw.rect(surf, (*OCHRE, 255), surf.get_rect(), width=2, border_radius=12)
    return surf
