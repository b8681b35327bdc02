"""Where HUD elements go in a window of any size, and the check that they fit.

The HUD is designed at ``DESIGN_SIZE`` (1280×720). In a window of another size every
element keeps its design size times ``hud_scale`` — the factor by which the design
window fits into this one — and its anchor (a corner, the top or bottom middle, or
under / over another element), with its margins scaled alike. Because the scaled
design window always fits inside the real one and elements only move apart from
there, a layout that fits at 1280×720 fits at every size.

An element is drawn at its design size: straight into the window when the scale is
1, else onto a transparent canvas that is then scaled once (``smoothscale``, a few
hundred µs for the whole HUD). Most frames show an element as the last one did (a
distance in whole metres, a card that has not moved), so its last scaled image is
kept: reused without drawing at all while what the element shows (``shows``) is the
same, or, for an element that does not say, while its drawing is the same pixels.
Text outside elements (the countdown, warnings, captions) is drawn at a scaled font
size and wrapped to a width instead. Images whose pixels are all opaque or transparent
(dial faces, roadbook cards) blit by runs (``opaque_runs``).

``Layout.rects`` keeps the window rectangle of every element drawn, by name, so tests
can check that they stay inside the window and apart (``problems``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from itertools import combinations

import numpy as np
import pygame

from millegame.ui.fonts import Colour, blit_text, font, wrap

DESIGN_SIZE = (1280, 720)
MIN_FONT_PX = 9

_CANVASES: dict[tuple[int, int], pygame.Surface] = {}  # one per design size, reused every frame
# The last drawing of each element (name, design size, window size) and its scaled
# image; a drawing is known by what it shows (a 1-tuple) or by its pixels (bytes).
_SCALED: dict[tuple[str, tuple[int, int], tuple[int, int]], tuple[tuple[Hashable] | bytes, pygame.Surface]] = {}

Draw = Callable[[pygame.Surface], object]
BlitText = Callable[..., pygame.Rect]


def hud_scale(w: int, h: int) -> float:
    """How much bigger (or smaller) than the design window the HUD is drawn."""
    return min(w / DESIGN_SIZE[0], h / DESIGN_SIZE[1])


def opaque_runs(surf: pygame.Surface) -> pygame.Surface:
    """``surf`` (drawn, not drawn on again) set to blit by runs of pixels when every
    pixel is fully opaque or fully transparent, as a dial face or a roadbook card:
    opaque runs are copied and transparent ones skipped — about a quarter of the time
    of blending every pixel, to the same pixels. A surface with translucent pixels is
    left alone, since SDL blends those runs one level off pygame's blend."""
    if surf.get_flags() & pygame.SRCALPHA:
        alpha = pygame.surfarray.pixels_alpha(surf)
        binary = bool(np.all((alpha == 0) | (alpha == 255)))
        del alpha  # unlocks the surface
        if binary:
            surf.set_alpha(255, pygame.RLEACCEL)
    return surf


def problems(rects: dict[str, pygame.Rect], size: tuple[int, int]) -> list[str]:
    """Why a layout is wrong: an element reaching out of the window, or two overlapping."""
    screen = pygame.Rect(0, 0, *size)
    out = [f"{name} {r} leaves the {size[0]}x{size[1]} window" for name, r in rects.items() if not screen.contains(r)]
    for (a, ra), (b, rb) in combinations(rects.items(), 2):
        if ra.colliderect(rb):
            out.append(f"{a} {ra} overlaps {b} {rb}")
    return out


class Layout:
    """Places and draws the elements of one frame on ``target``."""

    def __init__(self, target: pygame.Surface | tuple[int, int], *, blit: BlitText = blit_text) -> None:
        """``target``: the window surface, or only its size to work out rectangles."""
        size = target if isinstance(target, tuple) else target.get_size()
        self.target = target if isinstance(target, pygame.Surface) else pygame.Surface((1, 1))
        self.screen = pygame.Rect(0, 0, *size)
        self.scale = hud_scale(*size)
        self.rects: dict[str, pygame.Rect] = {}
        self.blit = blit

    def px(self, design_px: float) -> int:
        """A design length in window pixels."""
        return round(design_px * self.scale)

    def rect(
        self,
        size: tuple[int, int],
        anchor: str,
        margin: tuple[float, float],
        *,
        below: pygame.Rect | None = None,
        above: pygame.Rect | None = None,
    ) -> pygame.Rect:
        """The window rectangle of an element of design ``size`` whose ``anchor`` point
        (``topleft``, ``topright``, ``bottomleft``, ``bottomright``, ``midtop``,
        ``midbottom``) sits ``margin`` design px in from the matching window edges — or
        from the bottom of ``below`` / the top of ``above`` vertically."""
        w, h = self.screen.size
        r = pygame.Rect(0, 0, self.px(size[0]), self.px(size[1]))
        dx, dy = self.px(margin[0]), self.px(margin[1])
        if anchor.endswith("left"):
            r.left = dx
        elif anchor.endswith("right"):
            r.right = w - dx
        else:
            r.centerx = w // 2 + dx
        if anchor.startswith(("top", "midtop")):
            r.top = (below.bottom if below is not None else 0) + dy
        else:
            r.bottom = (above.top if above is not None else h) - dy
        return r

    def place(
        self,
        name: str,
        size: tuple[int, int],
        anchor: str,
        margin: tuple[float, float],
        draw: Draw,
        *,
        shows: Hashable = None,
        below: pygame.Rect | None = None,
        above: pygame.Rect | None = None,
    ) -> pygame.Rect:
        """Place element ``name`` and draw it: ``draw`` gets a surface of the design
        size, its own coordinates starting at (0, 0). ``shows``: everything its drawing
        depends on, e.g. the texts and whole-pixel points it draws (None: not said) —
        in a scaled window, while it equals the last frame's, the last scaled image is
        blitted and ``draw`` not called at all."""
        r = self.rect(size, anchor, margin, below=below, above=above)
        self.rects[name] = r
        if r.size == size and self.screen.contains(r):
            draw(self.target.subsurface(r))
            return r
        key = (name, size, r.size)
        last = _SCALED.get(key)
        said = (shows,) if shows is not None else None
        if said is not None and last is not None and last[0] == said:
            self.target.blit(last[1], r)
            return r
        canvas = _CANVASES.get(size)
        if canvas is None:
            canvas = _CANVASES[size] = pygame.Surface(size, pygame.SRCALPHA)
        canvas.fill((0, 0, 0, 0))
        draw(canvas)
        # An element that does not say what it shows is known by its pixels: the raw
        # buffer, not image.tobytes, which converts to RGBA (~30× slower: 0.1 ms a frame
        # for the stage panel and the pace notes at 1920×1080).
        drawn = said if said is not None else canvas.get_buffer().raw
        if last is None:
            last = _SCALED[key] = (drawn, pygame.transform.smoothscale(canvas, r.size))
        elif last[0] != drawn:  # scaled into the last image: no new surface to allocate and clear
            last = _SCALED[key] = (drawn, pygame.transform.smoothscale(canvas, r.size, last[1]))
        self.target.blit(last[1], r)
        return r

    def place_native(
        self,
        name: str,
        size: tuple[int, int],
        anchor: str,
        margin: tuple[float, float],
        draw: Callable[[pygame.Surface, float], object],
        *,
        below: pygame.Rect | None = None,
        above: pygame.Rect | None = None,
    ) -> pygame.Rect:
        """Like ``place``, for an element that can draw itself at any size: ``draw`` gets
        the window's surface cut to the element and the scale, and draws at that size
        (sharper, and no canvas to resize every frame)."""
        r = self.rect(size, anchor, margin, below=below, above=above)
        self.rects[name] = r
        draw(self.target.subsurface(r.clip(self.screen)), self.scale)
        return r

    def text(
        self,
        name: str,
        s: str,
        size_px: int,
        colour: Colour,
        *,
        center_y: int,
        shadow: Colour | None = None,
        shadow_px: int = 2,
    ) -> pygame.Rect:
        """One line of text at a scaled size, centred across the window at ``center_y``."""
        r = self.blit(
            self.target, s, max(MIN_FONT_PX, self.px(size_px)), colour, shadow=shadow,
            shadow_px=max(1, self.px(shadow_px)), center=(self.screen.centerx, center_y),
        )  # fmt: skip
        self.rects[name] = r
        return r

    def paragraph(
        self,
        name: str,
        s: str,
        size_px: int,
        colour: Colour,
        *,
        width: float,
        top: int | None = None,
        bottom: int | None = None,
        shadow: Colour | None = None,
    ) -> pygame.Rect:
        """``s`` centred across the window, wrapped to ``width`` design px (and the font
        made smaller if one word is wider than that), from ``top`` down or up to
        ``bottom``; returns the rectangle of all its lines."""
        return paragraph(
            self.target, s, max(MIN_FONT_PX, self.px(size_px)), colour, width_px=max(1, self.px(width)),
            centre_x=self.screen.centerx, top=top, bottom=bottom, shadow=shadow, blit=self.blit,
            into=(self.rects, name),
        )  # fmt: skip


def fitting_size(s: str, size_px: int, width_px: int) -> int:
    """The largest font size ≤ ``size_px`` at which the longest word of ``s`` fits ``width_px``."""
    longest = max(s.split(), key=lambda word: font(size_px).size(word)[0], default="")
    while size_px > MIN_FONT_PX and font(size_px).size(longest)[0] > width_px:
        size_px -= 1
    return size_px


@functools.lru_cache(maxsize=256)
def _fitted(s: str, size_px: int, width_px: int) -> tuple[int, tuple[str, ...]]:
    """The font size ``paragraph`` draws ``s`` at and its lines: the same text in the same
    width is laid out once, not every frame (measuring its words cost 0.2 ms a frame)."""
    size_px = fitting_size(s, size_px, width_px)
    return size_px, tuple(wrap(s, size_px, width_px) or [""])


def paragraph(
    target: pygame.Surface,
    s: str,
    size_px: int,
    colour: Colour,
    *,
    width_px: int,
    centre_x: int,
    top: int | None = None,
    bottom: int | None = None,
    shadow: Colour | None = None,
    blit: BlitText = blit_text,
    into: tuple[dict[str, pygame.Rect], str] | None = None,
) -> pygame.Rect:
    """Draw ``s`` wrapped to ``width_px``, each line centred on ``centre_x``, starting at
    ``top`` or ending at ``bottom``; returns the rectangle of all its lines (and keeps
    it in ``into`` = (rects, name) when given)."""
    size_px, lines = _fitted(s, size_px, width_px)
    line_h = font(size_px).get_linesize()
    y = top if top is not None else (bottom if bottom is not None else 0) - line_h * len(lines)
    box: pygame.Rect | None = None
    for line in lines:
        r = blit(target, line, size_px, colour, shadow=shadow, midtop=(centre_x, y))
        box = r if box is None else box.union(r)
        y += line_h
    assert box is not None
    if into is not None:
        into[0][into[1]] = box
    return box
