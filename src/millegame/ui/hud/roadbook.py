"""The co-driver's strip: the next pace notes as roadbook "tulip" cards.

Each card is cream paper with an ink tulip — the road entering from the bottom and
leaving along the corner's direction, as drawn in rally roadbooks — the grade in big
figures, the modifiers, and the distance to the corner. Cards are drawn once per note
shape and cached (and blitted by runs of opaque pixels); only the distance changes
per frame.
"""

from __future__ import annotations

import math
from functools import cache
from typing import NamedTuple

import pygame

from millegame.ui.fonts import ALFA_RED, DEEP_BLUE, INK, OCHRE, blit_text
from millegame.ui.hud.layout import opaque_runs
from millegame.ui.hud.pacenotes import PaceNote

CARD_W, CARD_H = 116, 132
CARD_GAP = 8  # between two cards of the strip
PAPER = (244, 234, 206)
PAPER_DIM = (214, 206, 184)


def tulip_points(turn_deg: float, direction: str, grade: int, size: float) -> list[tuple[float, float]]:
    """The road's centre line in a ``size`` × ``size`` box: up from the bottom middle,
    then round a bend of ``turn_deg`` (tighter for a lower grade)."""
    sign = 1.0 if direction == "right" else -1.0
    turn = math.radians(min(max(turn_deg, 15.0), 200.0))
    x, y = size / 2, size * 0.95
    heading = -math.pi / 2  # up the card
    pts = [(x, y)]
    straight = size * 0.28
    x, y = x, y - straight
    pts.append((x, y))
    radius = size * (0.10 + 0.05 * grade)
    steps = 16
    for _ in range(steps):
        heading += sign * turn / steps
        step = radius * turn / steps
        x += step * math.cos(heading)
        y += step * math.sin(heading)
        pts.append((x, y))
    tail = size * 0.18
    pts.append((x + tail * math.cos(heading), y + tail * math.sin(heading)))
    # fit the drawing into the box
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1.0)
    k = min(1.0, size * 0.86 / span)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return [((px - cx) * k + size / 2, (py - cy) * k + size / 2) for px, py in pts]


@cache
def card(
    label: str, grade: int, direction: str, turn_bucket: int, modifiers: tuple[str, ...], lit: bool
) -> pygame.Surface:
    surf = pygame.Surface((CARD_W, CARD_H), pygame.SRCALPHA)
    paper = PAPER if lit else PAPER_DIM
    pygame.draw.rect(surf, paper, surf.get_rect(), border_radius=6)
    pygame.draw.rect(surf, INK, surf.get_rect(), width=2, border_radius=6)
    box = 64
    pts = [(x + 8, y + 8) for x, y in tulip_points(turn_bucket * 5.0, direction, grade, box)]
    pygame.draw.lines(surf, INK, False, pts, 7)
    pygame.draw.circle(surf, INK, pts[0], 6)
    # arrow head on the exit
    (x0, y0), (x1, y1) = pts[-2], pts[-1]
    a = math.atan2(y1 - y0, x1 - x0)
    head = [
        (x1 + 9 * math.cos(a), y1 + 9 * math.sin(a)),
        (x1 + 9 * math.cos(a + 2.4), y1 + 9 * math.sin(a + 2.4)),
        (x1 + 9 * math.cos(a - 2.4), y1 + 9 * math.sin(a - 2.4)),
    ]
    pygame.draw.polygon(surf, ALFA_RED, head)
    big = "H" if label.startswith("hairpin") else str(grade)
    blit_text(surf, big, 52, ALFA_RED if grade <= 2 else INK, center=(CARD_W - 24, 34))
    blit_text(surf, direction.upper()[:1], 22, DEEP_BLUE, center=(CARD_W - 24, 62))
    y = 82
    for m in modifiers[:2]:
        blit_text(surf, m, 17, OCHRE if m == "tightens" else DEEP_BLUE, italic=True, topleft=(8, y))
        y += 16
    return opaque_runs(surf)


class StripCard(NamedTuple):
    """What one card of the strip shows: the note's tulip, grade and modifiers, whether
    it is lit (read out already), and the distance to the corner as printed."""

    label: str
    grade: int
    direction: str
    turn_bucket: int  # the corner's turn in 5° steps
    modifiers: tuple[str, ...]
    lit: bool
    distance: str


def strip_cards(calls: list[tuple[PaceNote, float]], *, reach_m: float) -> tuple[StripCard, ...]:
    """The cards for ``calls`` (note, metres ahead), nearest first; a call beyond
    ``reach_m`` (the co-driver has not read it yet) is dimmed."""
    cards = []
    for note, ahead in calls:
        turn_bucket = round(min(note.turn_deg, 200.0) / 5.0)
        distance = "now" if ahead < 5 else f"{ahead:,.0f} m"
        cards.append(
            StripCard(
                note.label, note.grade, note.direction, turn_bucket, tuple(note.modifiers), ahead <= reach_m, distance
            )
        )
    return tuple(cards)


def draw_strip(target: pygame.Surface, topright: tuple[int, int], cards: tuple[StripCard, ...]) -> pygame.Rect:
    """Cards right to left: the nearest call on the left, as the eye reads. Returns the
    area drawn."""
    right, top = topright
    n = len(cards)
    if n == 0:
        return pygame.Rect(right, top, 0, 0)
    gap = CARD_GAP
    left = right - n * CARD_W - (n - 1) * gap
    area = pygame.Rect(left, top, right - left, CARD_H)
    for k, c in enumerate(cards):
        img = card(c.label, c.grade, c.direction, c.turn_bucket, c.modifiers, c.lit)
        x = left + k * (CARD_W + gap)
        target.blit(img, (x, top))
        blit_text(target, c.distance, 20, INK if c.lit else (120, 110, 96), bottomleft=(x + 8, top + CARD_H - 6))
    return area
