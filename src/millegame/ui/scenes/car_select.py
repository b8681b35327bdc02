"""Car select: every car of the catalogue with its year, number, figures and story."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from millegame.core.car import CarParams
from millegame.ui.fonts import ALFA_RED, CREAM, DEEP_BLUE, INK, OCHRE, blit_text, wrap
from millegame.ui.render.sprites import sprite_at
from millegame.ui.scenes.base import BACK_KEYS, CONFIRM_KEYS, DOWN_KEYS, LEFT_KEYS, RIGHT_KEYS, UP_KEYS, Scene

if TYPE_CHECKING:
    from millegame.ui.scenes.base import SceneHost

PAPER = (236, 224, 196)


def proving_facts(figures: dict[str, Any] | None, car: CarParams) -> list[tuple[str, str]]:
    """The proving-ground card: measured figures, or what is known until they are."""

    def fmt(v: Any, unit: str, digits: int = 1) -> str:
        return "—" if v is None else f"{float(v):.{digits}f} {unit}"

    if figures is None:
        return [
            ("0–100 km/h", "measuring…"),
            ("Top speed", f"{car.top_speed_kmh:.0f} km/h (published)"),
        ]
    return [
        ("0–100 km/h", fmt(figures.get("zero_to_100_s"), "s")),
        ("0–200 km/h", fmt(figures.get("zero_to_200_s"), "s")),
        ("Top speed", fmt(figures.get("top_speed_kmh"), "km/h", 0)),
        ("100–0 km/h", fmt(figures.get("braking_100_0_m"), "m", 0)),
        ("Skidpad", fmt(figures.get("lateral_g"), "g", 2)),
        ("0–100 gravel", fmt(figures.get("gravel_zero_to_100_s"), "s")),
    ]


def car_facts(car: CarParams) -> list[tuple[str, str]]:
    hp = car.power_kw / 0.7355  # CV, the unit of the period's Italian programmes
    return [
        ("Year", str(car.year)),
        ("Class", f"{car.category}, " + f"{car.displacement_cc:,} cc".replace(",", " ")),
        ("Power", f"{car.power_kw:.0f} kW ({hp:.0f} CV) at {car.peak_power_rpm:,.0f} rpm".replace(",", " ")),
        ("Top speed", f"{car.top_speed_kmh:.0f} km/h"),
        ("Mass", f"{car.mass_kg:,.0f} kg".replace(",", " ")),
        ("Drive", f"{car.drive}, {car.gears} gears"),
    ]


class CarSelectScene(Scene):
    def __init__(self, app: SceneHost, *, rally: bool = False) -> None:
        super().__init__(app)
        self.rally = rally  # choosing the car of a new rally
        self.cars = app.session.cars
        self.selected = min(app.session.selected_car, len(self.cars) - 1)
        self.thumb_rects: list[pygame.Rect] = []
        self._big: dict[tuple[str, int], pygame.Surface] = {}
        self._thumbs: dict[tuple[str, int], pygame.Surface] = {}
        if app.session.road_tests is not None:
            app.session.road_tests.start()  # measures the cars without figures, in the background

    def handle_event(self, event: pygame.event.Event) -> None:
        n = len(self.cars)
        if event.type == pygame.KEYDOWN:
            if event.key in LEFT_KEYS or event.key in UP_KEYS:
                self.selected = (self.selected - 1) % n
            elif event.key in RIGHT_KEYS or event.key in DOWN_KEYS:
                self.selected = (self.selected + 1) % n
            elif event.key in CONFIRM_KEYS:
                self.choose()
            elif event.key in BACK_KEYS:
                self.stack.pop()
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for k, r in enumerate(self.thumb_rects):
                if r.collidepoint(event.pos):
                    if k == self.selected:
                        self.choose()
                    self.selected = k

    def choose(self) -> None:
        from millegame.ui.scenes.rules_select import RulesScene

        self.session.selected_car = self.selected
        self.stack.push(RulesScene(self.app, self.cars[self.selected], rally=self.rally))

    def _big_sprite(self, car: CarParams, h: int) -> pygame.Surface:
        key = (car.id, h)
        if key not in self._big:
            ppm = h * 0.5 / max(c.length_m for c in self.cars)  # the longest car fills half the height
            self._big[key] = pygame.transform.rotate(sprite_at(car, ppm, large=True), 90)  # nose up
        return self._big[key]

    def _thumb(self, car: CarParams, size: int) -> pygame.Surface:
        key = (car.id, size)
        if key not in self._thumbs:
            ppm = size * 0.85 / max(c.length_m for c in self.cars)
            self._thumbs[key] = pygame.transform.rotate(sprite_at(car, ppm, large=ppm > 20), 90)
        return self._thumbs[key]

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        s = h / 720
        surface.fill(PAPER)
        car = self.cars[self.selected]
        # header band
        pygame.draw.rect(surface, DEEP_BLUE, (0, 0, w, int(84 * s)))
        pygame.draw.rect(surface, ALFA_RED, (0, int(84 * s), w, int(6 * s)))
        blit_text(surface, "SCEGLI LA VETTURA", int(54 * s), CREAM, italic=True, midleft=(int(40 * s), int(44 * s)))
        subtitle = "your car for the rally" if self.rally else "choose your car"
        blit_text(surface, subtitle, int(28 * s), OCHRE, midright=(w - int(40 * s), int(46 * s)))
        # the car on an asphalt pad, nose up
        pad = pygame.Rect(0, 0, int(w * 0.3), int(h * 0.58))
        pad.topleft = (int(40 * s), int(110 * s))
        pygame.draw.rect(surface, (70, 72, 76), pad, border_radius=int(18 * s))
        for yy in range(pad.top + int(12 * s), pad.bottom - int(20 * s), int(44 * s)):
            pygame.draw.rect(surface, CREAM, (pad.centerx - 3, yy, 6, int(22 * s)))
        big = self._big_sprite(car, h)
        surface.blit(big, big.get_rect(center=pad.center))
        # name, number, era, facts, history
        x = pad.right + int(40 * s)
        y = pad.top
        era = "CLASSIC" if car.era == "classic" else "MODERN"
        tag = blit_text(surface, era, int(24 * s), CREAM, topleft=(x + int(10 * s), y + int(6 * s)))
        pygame.draw.rect(
            surface,
            ALFA_RED if car.era == "classic" else DEEP_BLUE,
            tag.inflate(int(20 * s), int(10 * s)),
            border_radius=4,
        )
        blit_text(surface, era, int(24 * s), CREAM, topleft=(x + int(10 * s), y + int(6 * s)))
        if car.number:
            blit_text(
                surface, f"No. {car.number}", int(28 * s), ALFA_RED, topleft=(tag.right + int(30 * s), y + int(4 * s))
            )
        y += int(44 * s)
        blit_text(surface, car.name, int(46 * s), INK, topleft=(x, y))
        y += int(56 * s)
        y_facts = y
        for label, value in car_facts(car):
            blit_text(surface, label, int(24 * s), (120, 100, 70), topleft=(x, y))
            blit_text(surface, value, int(24 * s), INK, topleft=(x + int(130 * s), y))
            y += int(29 * s)
        # the proving-ground card, to the right of the facts
        rows = proving_facts(
            self.session.road_tests.figures(car.id) if self.session.road_tests is not None else None, car
        )
        card = pygame.Rect(int(w * 0.72), y_facts - int(6 * s), int(w * 0.26), int((44 + 26 * len(rows)) * s))
        pygame.draw.rect(surface, DEEP_BLUE, card, border_radius=int(10 * s))
        pygame.draw.rect(surface, OCHRE, card, width=2, border_radius=int(10 * s))
        blit_text(surface, "PROVING GROUND", int(22 * s), OCHRE, topleft=(card.x + 12, card.y + 8))
        cy = card.y + int(36 * s)
        for label, value in rows:
            blit_text(surface, label, int(21 * s), (200, 190, 160), topleft=(card.x + 12, cy))
            blit_text(surface, value, int(21 * s), CREAM, topright=(card.right - 12, cy))
            cy += int(26 * s)
        y += int(14 * s)
        y = max(y, card.bottom + int(10 * s)) if card.bottom > y else y
        for line in wrap(car.history, int(28 * s), w - x - int(40 * s)):
            blit_text(surface, line, int(28 * s), DEEP_BLUE, italic=True, topleft=(x, y))
            y += int(34 * s)
        # the line-up along the bottom
        n = len(self.cars)
        size = int(min(110 * s, (w - 80 * s) / n - 10))
        total = n * size + (n - 1) * int(10 * s)
        left = (w - total) // 2
        top = h - size - int(56 * s)
        self.thumb_rects = []
        for k, c in enumerate(self.cars):
            r = pygame.Rect(left + k * (size + int(10 * s)), top, size, size)
            self.thumb_rects.append(r)
            pygame.draw.rect(surface, (70, 72, 76), r, border_radius=int(10 * s))
            if k == self.selected:
                pygame.draw.rect(surface, ALFA_RED, r.inflate(8, 8), width=4, border_radius=int(12 * s))
            t = self._thumb(c, size)
            surface.blit(t, t.get_rect(center=r.center))
        hint = "Left / Right choose  ·  Enter rules and start  ·  Esc back"
        blit_text(surface, hint, int(24 * s), (110, 96, 74), center=(w // 2, h - int(22 * s)))
