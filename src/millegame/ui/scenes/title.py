"""The title screen: a 1950s poster, the menu, and attract mode after a while idle."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pygame

from millegame.ui.fonts import ALFA_RED, CREAM, DEEP_BLUE, INK, NIGHT, OCHRE, blit_text
from millegame.ui.render.sprites import sprite_at
from millegame.ui.scenes.base import Menu, Scene

if TYPE_CHECKING:
    from millegame.ui.scenes.base import SceneHost

ATTRACT_AFTER_S = 30.0  # idle this long on the title and the demo starts by itself
POSTER_CARS = ("mercedes-300-slr", "alfa-6c-1750")


def freccia_rossa(length: float, thickness: float) -> list[tuple[float, float]]:
    """The red arrow of the Mille Miglia, pointing +x, tail at the origin."""
    head = thickness * 1.9
    return [
        (0, -thickness / 2),
        (length - head, -thickness / 2),
        (length - head, -thickness * 1.15),
        (length, 0),
        (length - head, thickness * 1.15),
        (length - head, thickness / 2),
        (0, thickness / 2),
        (thickness * 0.6, 0),
    ]


def _rotate(pts: list[tuple[float, float]], deg: float, at: tuple[float, float]) -> list[tuple[float, float]]:
    a = math.radians(deg)
    c, s = math.cos(a), math.sin(a)
    return [(at[0] + x * c - y * s, at[1] + x * s + y * c) for x, y in pts]


def draw_poster(size: tuple[int, int], app: SceneHost) -> pygame.Surface:
    """The background: night-blue sky, a sweeping road with the cars on it, the arrow."""
    w, h = size
    bg = pygame.Surface(size).convert() if pygame.display.get_surface() else pygame.Surface(size)
    for y in range(h):  # vertical gradient, deep blue → night
        t = y / max(h - 1, 1)
        pygame.draw.line(bg, [round(DEEP_BLUE[k] * (1 - t) + NIGHT[k] * t) for k in range(3)], (0, y), (w, y))
    # sun disc and rays, ochre on blue
    sun = (int(w * 0.78), int(h * 0.3))
    for k in range(14):
        a0 = math.radians(k * 360 / 14)
        a1 = a0 + math.radians(360 / 28)
        r = max(w, h)
        ray = [
            sun,
            (sun[0] + r * math.cos(a0), sun[1] + r * math.sin(a0)),
            (sun[0] + r * math.cos(a1), sun[1] + r * math.sin(a1)),
        ]
        pygame.draw.polygon(bg, (40, 70, 110), ray)
    pygame.draw.circle(bg, OCHRE, sun, int(h * 0.16))
    pygame.draw.circle(bg, (226, 170, 70), sun, int(h * 0.13))
    # the road: a broad band sweeping up from the bottom left
    angle = -18.0
    road_w = h * 0.3
    centre = (w * 0.58, h * 0.7)
    band = _rotate([(-w, -road_w / 2), (w, -road_w / 2), (w, road_w / 2), (-w, road_w / 2)], angle, centre)
    verge = _rotate(
        [(-w, -road_w / 2 - 14), (w, -road_w / 2 - 14), (w, road_w / 2 + 14), (-w, road_w / 2 + 14)], angle, centre
    )
    pygame.draw.polygon(bg, CREAM, verge)
    pygame.draw.polygon(bg, (60, 62, 66), band)
    for k in range(-12, 12):
        dash = _rotate([(k * 90.0, -4), (k * 90.0 + 50, -4), (k * 90.0 + 50, 4), (k * 90.0, 4)], angle, centre)
        pygame.draw.polygon(bg, CREAM, dash)
    # the cars on it, at poster scale
    cars = {c.id: c for c in app.session.cars}
    ppm = h / 720 * 62.0
    for k, car_id in enumerate(POSTER_CARS):
        car = cars.get(car_id)
        if car is None:
            continue
        img = pygame.transform.rotate(sprite_at(car, ppm, large=True), -angle)
        along = (0.22 - 0.36 * k) * w
        cx = (
            centre[0]
            + along * math.cos(math.radians(angle))
            + (road_w * 0.2 if k else -road_w * 0.18) * -math.sin(math.radians(angle))
        )
        cy = (
            centre[1]
            + along * math.sin(math.radians(angle))
            + (road_w * 0.2 if k else -road_w * 0.18) * math.cos(math.radians(angle))
        )
        bg.blit(img, img.get_rect(center=(round(cx), round(cy))))
    return bg


class TitleScene(Scene):
    def __init__(self, app: SceneHost) -> None:
        super().__init__(app)
        saved = app.session.saved_rally()  # a rally left half-way: offered to continue
        items = ("Race", "Continue rally", "Rally") if saved is not None else ("Race", "Rally")
        self.menu = Menu((*items, "Stages", "Settings", "Demo", "Quit"))
        self.t_s = 0.0
        self.idle_s = 0.0
        self._bg: pygame.Surface | None = None

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.MOUSEMOTION):
            self.idle_s = 0.0
        choice = self.menu.handle(event)
        if choice == "Race":
            from millegame.ui.scenes.car_select import CarSelectScene

            self.stack.push(CarSelectScene(self.app))
        elif choice == "Rally":
            from millegame.ui.scenes.car_select import CarSelectScene

            self.stack.push(CarSelectScene(self.app, rally=True))
        elif choice == "Continue rally":
            from millegame.ui.scenes.classification import LoadingScene

            def resume() -> None:
                if not self.app.continue_rally():
                    self.app.notify("No rally to continue")
                    self.app.to_title()

            self.stack.push(LoadingScene(self.app, "Loading the stage…", resume))
        elif choice == "Stages":
            from millegame.ui.scenes.italy_map import ItalyMapScene

            self.stack.push(ItalyMapScene(self.app))
        elif choice == "Settings":
            from millegame.ui.scenes.settings_menu import SettingsScene

            self.stack.push(SettingsScene(self.app))
        elif choice == "Demo":
            self.start_demo()
        elif choice == "Quit":
            self.app.quit(0)

    def start_demo(self) -> None:
        from millegame.ui.scenes.demo import DemoScene

        self.idle_s = 0.0
        scene = DemoScene.create(self.app, exit_on_key=False)
        if scene is not None:
            self.stack.push(scene)

    def update(self, frame_s: float) -> None:
        self.t_s += frame_s
        self.idle_s += frame_s
        if self.idle_s > ATTRACT_AFTER_S:
            self.start_demo()

    def on_resume(self) -> None:
        self.idle_s = 0.0

    def on_resize(self, w: int, h: int) -> None:
        self._bg = None

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        if self._bg is None or self._bg.get_size() != (w, h):
            self._bg = draw_poster((w, h), self.app)
        surface.blit(self._bg, (0, 0))
        s = h / 720
        # title lettering with an offset red shadow, like a screen print
        x0 = int(w * 0.06)
        blit_text(
            surface,
            "MILLE",
            int(150 * s),
            CREAM,
            shadow=ALFA_RED,
            shadow_px=int(7 * s),
            italic=True,
            topleft=(x0, int(40 * s)),
        )
        blit_text(
            surface,
            "MIGLIA",
            int(150 * s),
            CREAM,
            shadow=ALFA_RED,
            shadow_px=int(7 * s),
            italic=True,
            topleft=(x0 + int(60 * s), int(150 * s)),
        )
        arrow = [(x0 + px * s, int(290 * s) + py * s) for px, py in freccia_rossa(520, 22)]
        pygame.draw.polygon(surface, ALFA_RED, arrow)
        blit_text(surface, "BRESCIA  ·  ROMA  ·  BRESCIA", int(30 * s), OCHRE, topleft=(x0 + int(4 * s), int(330 * s)))
        blit_text(surface, "1927 – 1957", int(26 * s), CREAM, topleft=(x0 + int(4 * s), int(362 * s)))
        # menu
        self.menu.rects = []
        y = int(404 * s)
        step = min(48.0, 236.0 / max(len(self.menu.items), 1))  # the menu fits above the footer
        for k, item in enumerate(self.menu.items):
            chosen = k == self.menu.selected
            colour = CREAM if chosen else (150, 160, 175)
            rect = blit_text(
                surface,
                item.upper(),
                int(step * 0.92 * s),
                colour,
                shadow=INK,
                shadow_px=3,
                topleft=(x0 + int(44 * s), y),
            )
            if chosen:
                marker = [(x0 + px * s * 0.5, rect.centery + py * s * 0.5) for px, py in freccia_rossa(64, 18)]
                pygame.draw.polygon(surface, ALFA_RED, marker)
            self.menu.rects.append(rect.inflate(int(60 * s), 8))
            y += int(step * s)
        if int(self.t_s * 1.6) % 2 == 0:
            at = (x0 + int(44 * s), y + int(6 * s))
            blit_text(surface, "Press Enter", int(30 * s), OCHRE, shadow=INK, topleft=at)
        footer = pygame.Rect(0, h - int(40 * s), w, int(40 * s))
        surface.fill(NIGHT, footer)
        pygame.draw.line(surface, ALFA_RED, footer.topleft, footer.topright, max(1, int(3 * s)))
        hint = "Arrows / WASD drive  ·  Space handbrake  ·  R respawn  ·  Esc pause  ·  F12 screenshot"
        blit_text(surface, hint, int(22 * s), (190, 196, 205), center=footer.center)
