"""Palette, fonts and cached text rendering: the poster look.

pygame-ce's default font (freesansbold) is used in bold at every size; the colours are
those of 1950s Mille Miglia posters: cream paper, Alfa red, deep blue, ochre.
Rendered text is cached, since ``Font.render`` per string per frame would cost more
than drawing the whole map.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from functools import cache

import pygame

CREAM = (243, 230, 200)
ALFA_RED = (179, 32, 42)
DEEP_BLUE = (31, 58, 95)
OCHRE = (204, 142, 46)
INK = (28, 24, 22)
NIGHT = (14, 24, 40)
GREEN = (52, 120, 70)
WHITE = (255, 255, 255)
DIM = (150, 150, 140)

Colour = tuple[int, int, int]


@cache
def font(size_px: int, *, italic: bool = False) -> pygame.font.Font:
    """The default font at ``size_px``, bold (and synthetic italic if asked)."""
    f = pygame.font.Font(None, size_px)
    f.bold = True
    f.italic = italic
    return f


# Glyphs the default font lacks, and what to print instead of a tofu box.
SUBSTITUTES = {"→": "–", "←": "–", "↑": "^", "↓": "v", "·": "·", "…": "...", "—": "–", "×": "x"}


@cache
def _has_glyph(size_px: int, italic: bool, ch: str) -> bool:
    """Whether the font draws ``ch`` as itself, not as its "missing glyph" box (the
    font reports metrics for missing glyphs too, so compare against a private-use one)."""
    f = font(size_px, italic=italic)
    a = pygame.image.tobytes(f.render(ch, False, (255, 255, 255), (0, 0, 0)), "RGB")
    b = pygame.image.tobytes(f.render("\ue000", False, (255, 255, 255), (0, 0, 0)), "RGB")
    return a != b


def printable(s: str, size_px: int, *, italic: bool = False) -> str:
    """``s`` with every character the font has no glyph for replaced by a look-alike."""
    if s.isascii():
        return s
    return "".join(ch if ch.isascii() or _has_glyph(size_px, italic, ch) else SUBSTITUTES.get(ch, "?") for ch in s)


_cache: OrderedDict[tuple[str, int, Colour, bool], pygame.Surface] = OrderedDict()
_CACHE_MAX = 512


def text(s: str, size_px: int, colour: Colour = CREAM, *, italic: bool = False) -> pygame.Surface:
    """``s`` rendered antialiased with a transparent background (cached)."""
    key = (s, size_px, colour, italic)
    surf = _cache.get(key)
    if surf is None:
        surf = font(size_px, italic=italic).render(printable(s, size_px, italic=italic), True, colour)
        _cache[key] = surf
        if len(_cache) > _CACHE_MAX:
            _cache.popitem(last=False)
    else:
        _cache.move_to_end(key)
    return surf


def blit_text(
    target: pygame.Surface,
    s: str,
    size_px: int,
    colour: Colour = CREAM,
    *,
    shadow: Colour | None = None,
    shadow_px: int = 2,
    italic: bool = False,
    **anchor: tuple[int, int] | int,
) -> pygame.Rect:
    """Draw ``s`` placed by a ``Rect`` keyword (``center=``, ``topleft=``, ``midright=`` …),
    with an optional offset drop shadow; returns the text's rect."""
    img = text(s, size_px, colour, italic=italic)
    rect = img.get_rect(**anchor)  # type: ignore[arg-type]
    if shadow is not None:
        target.blit(text(s, size_px, shadow, italic=italic), rect.move(shadow_px, shadow_px))
    target.blit(img, rect)
    return rect


def clear_caches() -> None:
    """Forget fonts and rendered text (they die with ``pygame.font.quit``)."""
    font.cache_clear()
    _has_glyph.cache_clear()
    _cache.clear()


def wrap(s: str, size_px: int, width_px: int) -> list[str]:
    """Greedy word wrap of ``s`` to lines no wider than ``width_px``."""
    f = font(size_px)
    lines: list[str] = []
    line = ""
    for word in s.split():
        trial = f"{line} {word}".strip()
        if line and f.size(trial)[0] > width_px:
            lines.append(line)
            line = word
        else:
            line = trial
    if line:
        lines.append(line)
    return lines


def format_time(seconds: float, *, hundredths: bool = True) -> str:
    """Stage clock text: ``m:ss.hh`` (or ``h:mm:ss.hh`` past the hour)."""
    if seconds < 0:
        return "-" + format_time(-seconds, hundredths=hundredths)
    # Timing truncates (a car is not 0:11.07 until it is); the epsilon absorbs float noise.
    total_h = math.floor(seconds * 100 + 1e-6) if hundredths else math.floor(seconds + 1e-9) * 100
    h, rem = divmod(total_h, 360000)
    m, rem = divmod(rem, 6000)
    s, cs = divmod(rem, 100)
    frac = f".{cs:02d}" if hundredths else ""
    if h:
        return f"{h}:{m:02d}:{s:02d}{frac}"
    return f"{m}:{s:02d}{frac}"
