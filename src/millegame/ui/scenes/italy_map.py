"""The rally map: Italy as on a 1950s poster, the Mille Miglia's loop Brescia – Roma –
Brescia, the stages in route order and how far the player has come.

Coastlines are a hand-simplified outline (longitude, latitude); the loop is the 1955
route through its control towns. A stage is placed on the loop by its two towns
(``STAGE_TOWNS``); stages driven this session are drawn in red with their best time.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from millegame.ui.fonts import ALFA_RED, CREAM, DEEP_BLUE, INK, OCHRE, blit_text, font, format_time, wrap
from millegame.ui.records import file_sha256
from millegame.ui.scenes.base import BACK_KEYS, CONFIRM_KEYS, DOWN_KEYS, UP_KEYS, Scene
from millegame.ui.scenes.settings_menu import draw_page

if TYPE_CHECKING:
    from millegame.ui.scenes.base import SceneHost

LonLat = tuple[float, float]

MAINLAND: tuple[LonLat, ...] = (
    (7.5, 43.8), (8.2, 44.0), (8.8, 44.4), (9.8, 44.1), (10.3, 43.5), (10.5, 42.9), (11.1, 42.4),
    (11.8, 42.1), (12.3, 41.7), (13.0, 41.2), (13.9, 41.2), (14.2, 40.8), (14.8, 40.6), (15.0, 40.2),
    (15.7, 40.0), (16.0, 39.4), (15.7, 38.9), (15.6, 38.3), (15.65, 37.95), (16.1, 37.95), (16.5, 38.4),
    (16.6, 38.8), (17.15, 39.0), (17.1, 39.4), (16.6, 39.7), (16.5, 40.1), (17.0, 40.5), (17.9, 40.3),
    (18.35, 39.8), (18.5, 40.15), (18.0, 40.65), (16.9, 41.1), (16.0, 41.4), (15.9, 41.6), (16.2, 41.9),
    (15.2, 41.95), (14.7, 42.1), (14.2, 42.45), (13.9, 42.9), (13.6, 43.5), (12.9, 43.9), (12.4, 44.2),
    (12.3, 44.9), (12.4, 45.4), (13.1, 45.7), (13.8, 45.6), (13.7, 46.1), (13.4, 46.5), (12.4, 46.7),
    (11.0, 46.95), (10.4, 46.6), (9.4, 46.5), (8.4, 46.4), (7.9, 45.9), (7.0, 45.9), (6.8, 45.1),
    (7.1, 44.6), (7.5, 44.1),
)  # fmt: skip
SICILY: tuple[LonLat, ...] = (
    (12.4, 37.8), (12.7, 38.1), (13.4, 38.2), (14.5, 38.05), (15.55, 38.3), (15.1, 37.3), (15.2, 37.0),
    (15.1, 36.7), (14.4, 36.8), (13.5, 37.2), (12.6, 37.55),
)  # fmt: skip
SARDINIA: tuple[LonLat, ...] = (
    (9.2, 41.25), (9.8, 40.9), (9.7, 40.0), (9.6, 39.2), (9.0, 39.1), (8.4, 38.95), (8.4, 39.7),
    (8.4, 40.5), (8.2, 40.9), (8.8, 40.95),
)  # fmt: skip
LOOP: tuple[tuple[str, LonLat], ...] = (
    ("Brescia", (10.22, 45.54)), ("Verona", (10.99, 45.44)), ("Vicenza", (11.55, 45.55)),
    ("Padova", (11.88, 45.41)), ("Rovigo", (11.79, 45.07)), ("Ferrara", (11.62, 44.84)),
    ("Ravenna", (12.2, 44.42)), ("Forlì", (12.04, 44.22)), ("Rimini", (12.57, 44.06)),
    ("Pesaro", (12.91, 43.91)), ("Ancona", (13.52, 43.62)), ("Pescara", (14.21, 42.46)),
    ("L'Aquila", (13.4, 42.35)), ("Rieti", (12.86, 42.4)), ("Roma", (12.5, 41.9)),
    ("Viterbo", (12.1, 42.42)), ("Siena", (11.33, 43.32)), ("Firenze", (11.26, 43.77)),
    ("Bologna", (11.34, 44.49)), ("Modena", (10.93, 44.65)), ("Reggio Emilia", (10.63, 44.7)),
    ("Parma", (10.33, 44.8)), ("Piacenza", (9.69, 45.05)), ("Cremona", (10.02, 45.13)),
    ("Mantova", (10.79, 45.16)), ("Brescia", (10.22, 45.54)),
)  # fmt: skip
EXTRA_TOWNS: dict[str, LonLat] = {"Iseo": (10.05, 45.66)}
STAGE_TOWNS: dict[str, tuple[str, str]] = {"prologo": ("Iseo", "Brescia")}
SEA = (64, 120, 168)
LAND = (236, 218, 170)


def town(name: str) -> LonLat | None:
    return EXTRA_TOWNS.get(name) or next((p for n, p in LOOP if n == name), None)


def stage_towns(stage_id: str, title: str) -> tuple[LonLat, LonLat] | None:
    """Where a stage runs on the map: from ``STAGE_TOWNS``, else the first known town
    named on each side of the arrow in its title ("Prologo: Lago d'Iseo → Brescia")."""
    if stage_id in STAGE_TOWNS:
        a, b = STAGE_TOWNS[stage_id]
        pa, pb = town(a), town(b)
        return (pa, pb) if pa is not None and pb is not None else None
    text = title.split(":", 1)[-1]
    for arrow in ("→", "–", "—", " - "):
        if arrow in text:
            left, right = text.split(arrow, 1)
            break
    else:
        return None
    names = [*EXTRA_TOWNS, *(n for n, _ in LOOP)]

    def find(part: str) -> LonLat | None:
        return next((town(n) for n in names if n.lower() in part.lower()), None)

    pa, pb = find(left), find(right)
    return (pa, pb) if pa is not None and pb is not None else None


class Projection:
    """Longitude/latitude → pixels in ``rect`` (equirectangular at 42° N)."""

    def __init__(self, rect: pygame.Rect) -> None:
        lon0, lon1, lat0, lat1 = 6.4, 18.8, 36.4, 47.2
        kx = math.cos(math.radians(42.0))
        self.k = min(rect.width / ((lon1 - lon0) * kx), rect.height / (lat1 - lat0))
        self.kx = kx
        self.lon0, self.lat1 = lon0, lat1
        w = (lon1 - lon0) * kx * self.k
        h = (lat1 - lat0) * self.k
        self.x0 = rect.x + (rect.width - w) / 2
        self.y0 = rect.y + (rect.height - h) / 2

    def __call__(self, p: LonLat) -> tuple[float, float]:
        return (self.x0 + (p[0] - self.lon0) * self.kx * self.k, self.y0 + (self.lat1 - p[1]) * self.k)


@cache
def map_image(size: tuple[int, int]) -> pygame.Surface:
    """Sea, land and the route loop (no progress): drawn once per size."""
    surf = pygame.Surface(size)
    surf.fill(SEA)
    proj = Projection(surf.get_rect().inflate(-20, -20))
    for shape in (MAINLAND, SICILY, SARDINIA):
        pts = [proj(p) for p in shape]
        pygame.draw.polygon(surf, (40, 86, 128), [(x + 4, y + 5) for x, y in pts])  # poster offset shadow
        pygame.draw.polygon(surf, LAND, pts)
        pygame.draw.polygon(surf, INK, pts, 2)
    loop = [proj(p) for _, p in LOOP]
    pygame.draw.lines(surf, INK, True, loop, 7)
    pygame.draw.lines(surf, CREAM, True, loop, 3)
    return surf


_LOAD_PROBLEMS: dict[tuple[str, int, int], str | None] = {}  # (path, mtime ns, size) → why it cannot load


def load_problem(path: Path) -> str | None:
    """Why the player's stage at ``path`` cannot be driven (the loader's one line), or None;
    remembered until the file changes, so reopening the menu does not load it again."""
    from millegame.levels import StageError, load_stage

    try:
        st = path.stat()
    except OSError as e:
        return f"{path}: cannot read it ({e.strerror})"
    key = (str(path), st.st_mtime_ns, st.st_size)
    if key not in _LOAD_PROBLEMS:
        try:
            load_stage(path)
        except StageError as e:
            _LOAD_PROBLEMS[key] = str(e)
        else:
            _LOAD_PROBLEMS[key] = None
    return _LOAD_PROBLEMS[key]


class ItalyMapScene(Scene):
    """The stage menu: the shipped stages on the map of Italy in route order, then the
    player's own stages (``catalog.user_stages_dir()``) under their own heading."""

    def __init__(self, app: SceneHost) -> None:
        super().__init__(app)
        from millegame.catalog import list_stages, list_user_stages, user_stages_dir

        try:
            self.stages = list(list_stages())
        except Exception:  # a broken stage list must not break the menu
            self.stages = []
        self.shipped = len(self.stages)
        self.user_dir = user_stages_dir()
        self.stages += list_user_stages()
        # A broken stage of the player's is listed with its problem, and cannot be chosen.
        self.broken = {st.path: load_problem(st.path) for st in self.stages[self.shipped :]}
        current = app.session.stage_path
        self.selected = next((k for k, st in enumerate(self.stages) if st.path == current), 0)
        self.row_rects: list[pygame.Rect] = []
        self.first_row = 0  # the list scrolls when the player has many stages
        # Where the last frame drew the stage ends, the selected stage's rings and the town names.
        self.dot_rects: list[pygame.Rect] = []
        self.selected_rects: list[pygame.Rect] = []
        self.mark_circles: list[tuple[tuple[float, float], float]] = []  # (centre px, radius px) as drawn
        self.label_rects: dict[str, pygame.Rect] = {}
        self.rally = app.session.saved_rally()  # the rally in progress, if any
        # Read from the save file once: nothing changes them while the map is open.
        self.bests = {
            st.id: app.session.records.best_any(st.id, stage_sha256=file_sha256(st.path)) for st in self.stages
        }

    def _mark(self, centre: tuple[float, float], radius: float) -> pygame.Rect:
        """Note a dot or ring drawn (its outer radius [px]) for the names to keep clear of."""
        self.mark_circles.append((centre, radius))
        box = pygame.Rect(0, 0, 2 * math.ceil(radius) + 2, 2 * math.ceil(radius) + 2)
        box.center = (round(centre[0]), round(centre[1]))
        self.dot_rects.append(box)
        return box

    def clear_of_marks(self, rect: pygame.Rect, margin: float) -> bool:
        """No dot or ring drawn this frame comes within ``margin`` px of ``rect``."""
        for (cx, cy), radius in self.mark_circles:
            dx = max(rect.left - cx, 0.0, cx - rect.right)
            dy = max(rect.top - cy, 0.0, cy - rect.bottom)
            if math.hypot(dx, dy) < radius + margin:
                return False
        return True

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for k, r in enumerate(self.row_rects):
                if r.collidepoint(event.pos):
                    self.selected = self.first_row + k
                    self.choose()
                    return
            return
        if event.type != pygame.KEYDOWN:
            return
        n = max(1, len(self.stages))
        if event.key in UP_KEYS:
            self.selected = (self.selected - 1) % n
        elif event.key in DOWN_KEYS:
            self.selected = (self.selected + 1) % n
        elif event.key in CONFIRM_KEYS:
            self.choose()
        elif event.key in BACK_KEYS:
            self.stack.pop()

    def choose(self) -> None:
        """Drive the chosen stage: its car select comes next."""
        if not self.stages:
            self.stack.pop()
            return
        from millegame.ui.scenes.car_select import CarSelectScene

        path = self.stages[self.selected].path
        problem = self.broken.get(path)
        if problem is not None:
            self.app.notify(problem)
            return
        self.session.choose_stage(path)
        self.stack.replace(CarSelectScene(self.app))

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        s = draw_page(surface, "IL PERCORSO", "the route · 1,600 km")
        area = pygame.Rect(int(30 * s), int(104 * s), int(w * 0.56), h - int(150 * s))
        img = map_image(area.size)
        surface.blit(img, area)
        pygame.draw.rect(surface, INK, area, 3)
        proj = Projection(pygame.Rect(0, 0, *area.size).inflate(-20, -20))

        def at(p: LonLat) -> tuple[float, float]:
            x, y = proj(p)
            return (x + area.x, y + area.y)

        # stages, in route order, with the player's progress
        x = area.right + int(30 * s)
        y = area.y
        blit_text(surface, "STAGES", int(26 * s), (120, 100, 70), topleft=(x, y))
        y += int(36 * s)
        driven = sum(self.bests[st.id] is not None for st in self.stages[: self.shipped])
        # The "YOUR STAGES" heading, and when there are none yet the three lines saying where they go.
        heading_h = int((36 + 20 * 3 + 8) * s) if self.shipped == len(self.stages) else int(44 * s)
        rows_h = area.bottom - y - 40 * s - heading_h
        line_h = int(max(40 * s, min(66 * s, rows_h / max(1, len(self.stages)))))
        visible = max(1, int(rows_h // line_h))
        if self.selected < self.first_row:
            self.first_row = self.selected
        elif self.selected >= self.first_row + visible:
            self.first_row = self.selected - visible + 1
        self.first_row = max(0, min(self.first_row, len(self.stages) - visible))
        self.row_rects = []
        self.dot_rects = []
        self.mark_circles = []
        self.selected_rects = []
        dot_r = max(4, int(7 * s))
        chosen_ends: tuple[LonLat, LonLat] | None = None
        for k, st in enumerate(self.stages):
            done = self.bests[st.id] is not None
            ends = stage_towns(st.id, st.title)
            if ends is None:
                continue
            if k == self.selected:
                chosen_ends = ends
            a, b = ends
            pygame.draw.line(surface, ALFA_RED if done else OCHRE, at(a), at(b), max(3, int(6 * s)))
            for p in (a, b):
                pygame.draw.circle(surface, ALFA_RED if done else DEEP_BLUE, at(p), dot_r)
                self._mark(at(p), dot_r)
            rally_next = self.rally is not None and self.rally.next_stage_id == st.id
            if rally_next:  # where the rally goes on
                ring = max(8, int(13 * s))
                pygame.draw.circle(surface, ALFA_RED, at(a), ring, max(2, int(4 * s)))
                self._mark(at(a), ring)
        if chosen_ends is not None:  # the selected stage: drawn over the others, ringed in cream
            a, b = chosen_ends
            pygame.draw.line(surface, CREAM, at(a), at(b), max(5, int(10 * s)))
            pygame.draw.line(surface, ALFA_RED, at(a), at(b), max(3, int(6 * s)))
            ring = max(7, int(11 * s))
            for p in (a, b):
                outer = ring + max(1, int(2 * s))  # the ink outline's radius
                pygame.draw.circle(surface, INK, at(p), outer)
                pygame.draw.circle(surface, CREAM, at(p), ring)
                pygame.draw.circle(surface, ALFA_RED, at(p), dot_r)
                self.selected_rects.append(self._mark(at(p), outer))
        # Town names last, each on the side of its dot that covers no stage dot and no
        # other name (Brescia and Bologna sit among the stage ends).
        self.label_rects = {}
        taken: list[pygame.Rect] = []
        clear = max(5, int(7 * s))  # between a name and any dot or ring
        for name in ("Brescia", "Roma", "Firenze", "Pescara", "Bologna", "Ancona", "Padova"):
            place = town(name)
            if place is None:
                continue
            px, py = round(at(place)[0]), round(at(place)[1])
            pygame.draw.circle(surface, INK, (px, py), max(3, int(5 * s)))
            size = int(20 * s)
            img_w, img_h = font(size).size(name)
            gap = max(6, int(9 * s))
            spots = []
            for d in (gap, 2 * gap, 3 * gap):  # nearest first, then farther with a leader line
                spots += [
                    ("midleft", (px + d, py)), ("midright", (px - d, py)),
                    ("midbottom", (px, py - d)), ("midtop", (px, py + d)),
                    ("bottomleft", (px + d, py - d // 2)), ("topleft", (px + d, py + d // 2)),
                    ("bottomright", (px - d, py - d // 2)), ("topright", (px - d, py + d // 2)),
                ]  # fmt: skip
            rects = []
            for anchor, point in spots:
                r = pygame.Rect(0, 0, img_w, img_h)
                setattr(r, anchor, point)
                rects.append(r)
            free = [
                k
                for k, r in enumerate(rects)
                if r.collidelist(taken) < 0 and area.contains(r) and self.clear_of_marks(r, clear)
            ]
            k = free[0] if free else 0
            r = rects[k]
            if k >= 8:
                end = (min(max(px, r.left), r.right), min(max(py, r.top), r.bottom))
                pygame.draw.line(surface, INK, (px, py), end, 1)
            # on a patch of land colour: a name pushed out over the coast or the sea stays legible
            pygame.draw.rect(surface, LAND, r.inflate(max(4, int(6 * s)), 0), border_radius=max(2, int(3 * s)))
            blit_text(surface, name, size, INK, topleft=r.topleft)
            self.label_rects[name] = r
            taken.append(r)
        for k in range(self.first_row, min(len(self.stages), self.first_row + visible)):
            st = self.stages[k]
            if k == self.shipped or (k == self.first_row and k > self.shipped):
                y = self._user_heading(surface, x, y, s)
            row = pygame.Rect(x - int(10 * s), y - int(4 * s), w - x - int(20 * s), line_h)
            self.row_rects.append(row)
            if k == self.selected:
                pygame.draw.rect(surface, (226, 210, 170), row, border_radius=6)
                pygame.draw.rect(surface, ALFA_RED, (row.x, row.y, 5, row.height))
            best = self.bests[st.id]
            done = best is not None
            problem = self.broken.get(st.path)
            if st.source == "user":
                colour = ALFA_RED if done else INK
                blit_text(surface, st.title, int(26 * s), colour, topleft=(x, y))
                detail = f"best {format_time(best.time_s)}" if best is not None else "not yet driven"
                if problem is not None:
                    detail = "cannot load: " + problem.split(": ", 1)[-1]
                max_w = row.right - x - int(34 * s)
                blit_text(
                    surface,
                    first_line(detail, int(22 * s), max_w),
                    int(22 * s),
                    ALFA_RED if problem is not None else DEEP_BLUE,
                    italic=True,
                    topleft=(x + int(24 * s), y + int(line_h * 0.45)),
                )
                y += line_h
                continue
            rally_done = self.rally is not None and st.id in self.rally.results
            rally_next = self.rally is not None and self.rally.next_stage_id == st.id
            colour = ALFA_RED if done else INK
            blit_text(surface, f"{k + 1}. {st.title}", int(26 * s), colour, topleft=(x, y))
            detail = f"best {format_time(best.time_s)}" if best is not None else "not yet driven"
            if rally_done:
                detail += "  ·  rally: driven"
            elif rally_next:
                detail += "  ·  rally: next"
            blit_text(
                surface, detail, int(22 * s), DEEP_BLUE, italic=True, topleft=(x + int(24 * s), y + int(line_h * 0.45))
            )
            y += line_h
        if self.shipped == len(self.stages) and self.first_row + visible >= len(self.stages):
            y = self._user_heading(surface, x, y, s)  # none yet: say where they go
        summary = f"{driven} of {self.shipped} stages driven"
        if self.rally is not None:
            summary += f"  ·  rally: stage {self.rally.stage_index + 1} of {len(self.rally.stage_ids)} next"
        blit_text(surface, summary, int(26 * s), OCHRE, topleft=(x, y + int(10 * s)))
        hint = "Up/Down choose a stage  ·  Enter drive it  ·  Esc back"
        blit_text(surface, hint, int(22 * s), (110, 96, 74), center=(w // 2, h - int(20 * s)))

    def _user_heading(self, surface: pygame.Surface, x: int, y: int, s: float) -> int:
        """The heading above the player's stages; returns the y below it."""
        y += int(8 * s)
        blit_text(surface, "YOUR STAGES", int(24 * s), (120, 100, 70), topleft=(x, y))
        if self.shipped == len(self.stages):
            where = wrap(f"none yet: put .tmx files in {self.user_dir}", int(20 * s), surface.get_width() - x - 20)
            for k, line in enumerate(where[:3]):
                blit_text(surface, line, int(20 * s), DEEP_BLUE, italic=True, topleft=(x, y + int((26 + 20 * k) * s)))
            return y + int((36 + 20 * min(3, len(where))) * s)
        return y + int(36 * s)


def first_line(text: str, size_px: int, width_px: int) -> str:
    """The first line of ``text`` wrapped to ``width_px``, with "…" when there is more."""
    lines = wrap(text, size_px, width_px) or [""]
    return lines[0] + (" …" if len(lines) > 1 else "")
