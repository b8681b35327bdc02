"""Live reload for level designers: ``millegame play my.tmx --watch``.

The watcher knows the files a stage is made of — the ``.tmx``, its external ``.tsx``
tilesets and their images — and reports when any of them changes on disk, so the game can
reload the stage in place while the designer keeps Tiled open beside it. After a reload
the car stays where it was if the road is still there (``keep_place``); a save that does
not load leaves the previous version running and a notice listing every problem on screen
until the next good save (``stage_problems``, ``draw_problems``).
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from millegame.core.race import Race

POLL_S = 0.5  # how often the files are looked at
_SOURCE = re.compile(r"""\bsource\s*=\s*["']([^"']+)["']""")


def stage_files(tmx: Path) -> list[Path]:
    """The .tmx and every file it references (tilesets, their images), recursively once."""
    files = [tmx]
    for source in _sources(tmx):
        path = (tmx.parent / source).resolve()
        files.append(path)
        if path.suffix.lower() == ".tsx":
            files.extend((path.parent / image).resolve() for image in _sources(path))
    return files


def _sources(path: Path) -> list[str]:
    try:
        return _SOURCE.findall(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return []


def _signature(files: list[Path]) -> tuple[tuple[str, float, int], ...]:
    out = []
    for f in files:
        try:
            st = f.stat()
            out.append((str(f), st.st_mtime, st.st_size))
        except OSError:
            out.append((str(f), -1.0, -1))
    return tuple(out)


class StageWatcher:
    """Polls a stage's files; ``changed()`` is True once per change (after it settles)."""

    def __init__(self, tmx: Path) -> None:
        self.tmx = Path(tmx)
        self._files = stage_files(self.tmx)
        self._seen = _signature(self._files)
        self._next_poll = time.monotonic() + POLL_S

    def changed(self) -> bool:
        now = time.monotonic()
        if now < self._next_poll:
            return False
        self._next_poll = now + POLL_S
        signature = _signature(self._files)
        if signature == self._seen:
            return False
        self._seen = signature
        # The map may now reference other tilesets: follow them from here on.
        self._files = stage_files(self.tmx)
        self._seen = _signature(self._files)
        return True


# -- after a reload -------------------------------------------------------------------------------
ROAD_NEAR_M = 20.0  # the car stays put after a reload when the new route passes this close
NOTICE_FONT_PX = 22
NOTICE_MARGIN_PX = 20


def stage_problems(path: Path, first: str) -> tuple[str, ...]:
    """Every problem that keeps the saved map from loading (``check-level``'s lines without
    the file name, lint left out); ``first`` (the loader's own line) if the check finds none."""
    from millegame.levels.check import check_file

    prefix = f"{path}: "
    try:
        found = [p.text for p in check_file(path).problems if not p.lint]
    except Exception:  # the notice must not fail where the loader already did
        found = []
    lines = [t[len(prefix) :] if t.startswith(prefix) else t for t in (found or [first])]
    return tuple(lines)


def keep_place(race: Race, x: float, y: float, heading: float) -> bool:
    """Put the race's car 0 at (x, y) [m] facing ``heading`` [rad] on the reloaded stage, at
    rest, with the gates behind it counted as passed (so the next one it meets counts), when
    the road is still there: inside the map, not on a solid cell, and the route within
    ``ROAD_NEAR_M``. Returns whether it did; if not, the car stays at the start."""
    import numpy as np

    from millegame.core.route import Route

    stage = race.stage
    if not (0 <= x < stage.width_m and 0 <= y < stage.height_m):
        return False
    if stage.solid[int(y // stage.cell_m), int(x // stage.cell_m)]:
        return False
    route = Route.of(stage.route, spacing_m=2.0)
    k = route.nearest_global(x, y)
    if float(np.hypot(*(route.points[k] - (x, y)))) > ROAD_NEAR_M:
        return False
    s = float(route.s[k])

    def along(p: tuple[float, float]) -> float:
        return float(route.s[route.nearest_global(*p)])

    mids = [((g.a[0] + g.b[0]) / 2, (g.a[1] + g.b[1]) / 2) for g in stage.checkpoints]
    behind = sum(along(m) < s for m in mids)  # the finish is never behind: it must be crossed
    race.place_car(0, x, y, heading)
    race.next_gate[0] = behind
    race.splits_s[0] = [0.0] * behind  # not timed: a resumed run is never a record
    referee = race.referee
    if referee is not None:  # it follows the car along the route and counts the timing lines
        referee.index[0] = referee.route.nearest_global(x, y)
        referee.last_checkpoint[0] = behind - 1
        referee.next_line[0] = int(np.count_nonzero(np.asarray(referee.line_route_s) < s))
    return True


def draw_problems(surface: pygame.Surface, title: str, problems: tuple[str, ...]) -> pygame.Rect:
    """The ``--watch`` notice: ``title`` and every problem, wrapped inside the window, in a
    box at the top; as many lines as fit, then how many more. Returns the box."""
    from millegame.ui.fonts import CREAM, INK, blit_text, wrap

    w, h = surface.get_size()
    width = max(100, w - 4 * NOTICE_MARGIN_PX)
    line_h = NOTICE_FONT_PX + 4
    rows: list[tuple[str, tuple[int, int, int]]] = [(t, (255, 214, 120)) for t in wrap(title, NOTICE_FONT_PX, width)]
    for p in problems:
        for k, t in enumerate(wrap(p, NOTICE_FONT_PX, width - 24)):
            rows.append((("• " if k == 0 else "   ") + t, CREAM))
    fit = max(1, (h - 4 * NOTICE_MARGIN_PX) // line_h)
    if len(rows) > fit:
        rows = [*rows[: fit - 1], (f"… {len(rows) - fit + 1} more lines: run millegame check-level", CREAM)]
    box = pygame.Rect(NOTICE_MARGIN_PX, NOTICE_MARGIN_PX, w - 2 * NOTICE_MARGIN_PX, len(rows) * line_h + 16)
    veil = pygame.Surface(box.size, pygame.SRCALPHA)
    veil.fill((20, 16, 12, 240))
    surface.blit(veil, box)
    pygame.draw.rect(surface, (200, 40, 40), box, width=2)
    y = box.y + 8
    for text, colour in rows:
        blit_text(surface, text, NOTICE_FONT_PX, colour, shadow=INK, topleft=(box.x + 12, y))
        y += line_h
    return box
