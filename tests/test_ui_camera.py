"""The camera shows ≥ 2.5 s of road ahead at top speed in every direction, zooming only
between the baked levels; map levels bake at each scale (no pygame display needed for
the maths, a dummy one for the map)."""

from __future__ import annotations

import math
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame
import pytest

from millegame.core.stage import Stage
from millegame.ui.camera import ZOOM_LEVELS, Camera, needed_px_per_m
from millegame.ui.map_levels import MapLevels
from millegame.ui.skid_marks import Mark
from stage_fixtures import ROAD_Y_M, sprint_stage

TOP_SPEED_MPS = 90.0


def settle(cam: Camera, vx: float, vy: float, seconds: float = 6.0) -> tuple[float, float]:
    """Drive the camera's car from the middle of a big world at (vx, vy); returns the car."""
    x, y = 5000.0, 5000.0
    for _ in range(int(seconds * 60)):
        x += vx / 60
        y += vy / 60
        cam.follow(x, y, vx, vy, 1 / 60)
    return x, y


@pytest.mark.parametrize("deg", range(0, 360, 30))
def test_at_top_speed_the_road_2_5_s_ahead_is_on_screen(deg: int) -> None:
    cam = Camera(1280, 720, ZOOM_LEVELS[0], levels=ZOOM_LEVELS)
    vx, vy = TOP_SPEED_MPS * math.cos(math.radians(deg)), TOP_SPEED_MPS * math.sin(math.radians(deg))
    x, y = settle(cam, vx, vy)
    x0, y0, x1, y1 = cam.view_m()
    ahead = (x + 2.5 * vx, y + 2.5 * vy)
    assert x0 <= ahead[0] <= x1 and y0 <= ahead[1] <= y1, (deg, cam.px_per_m)
    assert cam.px_per_m in ZOOM_LEVELS
    behind = (x - 0.5 * vx, y - 0.5 * vy)  # the car itself and a little behind stay in view
    assert x0 <= behind[0] <= x1 and y0 <= behind[1] <= y1


def test_zoom_comes_back_in_when_slow_and_never_flickers() -> None:
    cam = Camera(1280, 720, ZOOM_LEVELS[0], levels=ZOOM_LEVELS)
    settle(cam, 0.0, TOP_SPEED_MPS)
    out = cam.px_per_m
    assert out < ZOOM_LEVELS[2]
    changes = 0
    last = cam.px_per_m
    x, y = 5000.0, 5000.0
    for _ in range(600):  # 10 s at 10 m/s: zooms back in, one level at a time
        y += 10 / 60
        cam.follow(x, y, 0.0, 10.0, 1 / 60)
        if cam.px_per_m != last:
            assert abs(ZOOM_LEVELS.index(cam.px_per_m) - ZOOM_LEVELS.index(last)) == 1
            changes += 1
            last = cam.px_per_m
    assert cam.px_per_m > out and changes <= len(ZOOM_LEVELS)


def test_needed_scale_is_wider_across_the_narrow_side() -> None:
    along = needed_px_per_m(90.0, 1.0, 0.0, 1280, 720)
    across = needed_px_per_m(90.0, 0.0, 1.0, 1280, 720)
    assert across < along


def test_a_fixed_camera_keeps_its_scale() -> None:
    cam = Camera(1280, 720, 5.0)
    settle(cam, 90.0, 0.0)
    assert cam.px_per_m == 5.0


@pytest.fixture()
def stage(surfaces, tmp_path) -> Stage:
    pygame.display.init()
    pygame.display.set_mode((320, 200))
    return sprint_stage(surfaces, tileset_dir=tmp_path)


def test_map_levels_bake_each_scale_and_marks_stay_in_the_chunks(stage: Stage) -> None:
    levels = MapLevels(stage, (6.0, 3.5))
    cam = Camera(640, 360, 6.0, levels=(6.0, 3.5))
    cam.snap(100.0, ROAD_Y_M)
    target = pygame.Surface((640, 360))
    levels.draw_ground(target, cam)
    sx, sy = (round(v) for v in cam.to_screen(100.0, ROAD_Y_M))
    before = target.get_at((sx, sy))
    levels.add_mark(Mark(96.0, ROAD_Y_M, 104.0, ROAD_Y_M, 0.4, 1.0))
    levels.draw_ground(target, cam)
    after = target.get_at((sx, sy))
    assert sum(after[:3]) < sum(before[:3])  # darker where the tyre slid
    # Another scale bakes its chunk later with the mark already in it.
    cam.px_per_m = 3.5
    levels.draw_ground(target, cam)
    sx, sy = (round(v) for v in cam.to_screen(100.0, ROAD_Y_M))
    assert sum(target.get_at((sx, sy))[:3]) < sum(before[:3])
    levels.clear_marks()
    cam.px_per_m = 6.0
    levels.draw_ground(target, cam)
    sx, sy = (round(v) for v in cam.to_screen(100.0, ROAD_Y_M))
    assert target.get_at((sx, sy)) == before


def test_far_levels_are_emptied(stage: Stage) -> None:
    levels = MapLevels(stage, ZOOM_LEVELS)
    cam = Camera(640, 360, ZOOM_LEVELS[0], levels=ZOOM_LEVELS)
    cam.snap(100.0, ROAD_Y_M)
    levels.warm_up(cam)
    assert levels.renderers[0].baked > 0
    cam.px_per_m = ZOOM_LEVELS[3]
    levels.prefetch(cam, budget=4)
    assert levels.renderers[0].baked == 0  # two or more levels away: memory freed
    assert levels.renderers[3].baked > 0
