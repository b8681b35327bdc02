"""Every scene draws a real frame off-screen; sprites, map chunks, camera, interpolation."""

from __future__ import annotations

import itertools
import math
import os
import tempfile

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("MILLEGAME_CONFIG_DIR", tempfile.mkdtemp(prefix="millegame-cfg-"))

from pathlib import Path

import numpy as np
import pygame
import pytest

from millegame import catalog
from millegame.core.car import CarState
from millegame.core.ground import ring_road
from millegame.core.stage import Stage
from millegame.ui.app import App
from millegame.ui.fonts import CREAM, DEEP_BLUE, format_time
from millegame.ui.render.camera import Camera, zoom_levels
from millegame.ui.render.map_renderer import CHUNK_TILES, FLIP_D, FLIP_H, MapRenderer, apply_flips
from millegame.ui.render.sprites import CarSprites, sprites_dir
from millegame.ui.render.world_view import interpolate
from millegame.ui.scenes.car_select import CarSelectScene
from millegame.ui.scenes.demo import DemoScene
from millegame.ui.scenes.pause import PauseScene
from millegame.ui.scenes.race_scene import RaceScene
from millegame.ui.scenes.results import ResultsScene
from millegame.ui.scenes.title import TitleScene
from stage_fixtures import CANOPY_CELL, CELL_M, ROAD_Y_M, sprint_stage

SIZE = (1280, 720)


@pytest.fixture()
def screen() -> pygame.Surface:
    pygame.display.init()
    pygame.font.init()
    return pygame.display.set_mode(SIZE)


@pytest.fixture()
def art_stage(surfaces, tmp_path: Path) -> Stage:
    return sprint_stage(surfaces, tileset_dir=tmp_path)


@pytest.fixture()
def app(screen: pygame.Surface, art_stage: Stage) -> App:
    return App(SIZE, stage_loader=lambda: art_stage)


def distinct_colours(surface: pygame.Surface, rect: pygame.Rect | None = None) -> int:
    rgb = pygame.surfarray.array3d(surface if rect is None else surface.subsurface(rect)).astype(np.int64)
    return len(np.unique((rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]))


def has_colour(surface: pygame.Surface, rect: pygame.Rect, colour: tuple[int, int, int], tol: int = 12) -> bool:
    rgb = pygame.surfarray.array3d(surface.subsurface(rect)).astype(np.int64)
    return bool((np.abs(rgb - np.array(colour)).max(axis=-1) <= tol).any())


def draw(scene, surface: pygame.Surface, frames: int = 1, frame_s: float = 1 / 60) -> pygame.Surface:
    for _ in range(frames):
        scene.update(frame_s)
    surface.fill((255, 0, 255))
    scene.draw(surface)
    return surface


# ---------------------------------------------------------------------- scenes


def test_title_draws_a_poster(app: App, screen: pygame.Surface) -> None:
    draw(TitleScene(app), screen)
    assert distinct_colours(screen) > 500
    assert has_colour(screen, pygame.Rect(0, 0, 700, 300), CREAM, tol=4)  # the lettering


@pytest.mark.parametrize("era", ["classic", "modern"])
def test_car_select_shows_every_era(app: App, screen: pygame.Surface, era: str) -> None:
    scene = CarSelectScene(app)
    scene.selected = next(k for k, c in enumerate(app.session.cars) if c.era == era)
    draw(scene, screen)
    assert distinct_colours(screen) > 500
    assert len(scene.thumb_rects) == len(app.session.cars) == 7


def test_race_draws_map_cars_and_hud(app: App, art_stage: Stage, screen: pygame.Surface) -> None:
    scene = RaceScene(app, art_stage, catalog.load_car("mercedes-300-slr"))
    scene.input.held.add(pygame.K_UP)
    draw(scene, screen, frames=300)  # 3 s countdown + 2 s of driving
    assert scene.race.tick > 100
    assert distinct_colours(screen) > 200
    w, h = SIZE
    clock_panel = pygame.Rect(w // 2 - 125, 12, 250, 64)
    speed_panel = pygame.Rect(w - 232, h - 124, 220, 112)
    assert has_colour(screen, clock_panel, CREAM) and has_colour(screen, clock_panel, DEEP_BLUE, tol=30)
    assert has_colour(screen, speed_panel, CREAM) and distinct_colours(screen, speed_panel) > 20


def test_race_without_tile_art_draws_the_surface_grid(app: App, surfaces, screen: pygame.Surface) -> None:
    stage = ring_road(surfaces)
    scene = RaceScene(app, stage, app.session.cars[0], countdown_s=0.0)
    draw(scene, screen, frames=5)
    assert distinct_colours(screen) > 200


def test_pause_draws_over_the_race(app: App, art_stage: Stage, screen: pygame.Surface) -> None:
    race = RaceScene(app, art_stage, app.session.cars[0])
    draw(race, screen, frames=2)
    draw(PauseScene(app, race), screen)
    assert distinct_colours(screen) > 100
    assert has_colour(screen, pygame.Rect(SIZE[0] // 2 - 100, SIZE[1] // 2 - 140, 200, 60), CREAM, tol=4)


def test_results_list_every_split(app: App, art_stage: Stage, screen: pygame.Surface) -> None:
    race_scene = RaceScene(app, art_stage, catalog.load_car("lamborghini-huracan"), countdown_s=0.0)
    race_scene.input.held.add(pygame.K_UP)
    for _ in range(1200):
        race_scene.update(1 / 30)
        if race_scene.race.finished[0]:
            break
    race = race_scene.race
    assert race.finished[0]
    race_scene.update(1.0)  # the car rolls on past the line; the clock has stopped
    assert race.tick > race.finish_tick[0]
    assert race_scene.hud.clock_text() == format_time(race.finish_tick[0] * race.dt)
    scene = ResultsScene(app, art_stage, race_scene.car, race_scene.result())
    rows = scene.rows()
    assert [r[0] for r in rows] == ["Iseo", "Sulzano", "Arrivo"]
    assert rows[-1][1] == format_time(race.finish_tick[0] * race.dt)
    draw(scene, screen)
    assert distinct_colours(screen) > 100


def test_demo_drives_itself(app: App, surfaces, screen: pygame.Surface) -> None:
    app.session._stage = ring_road(surfaces)
    scene = DemoScene.create(app, exit_on_key=False)
    assert scene is not None
    draw(scene, screen, frames=240)
    assert scene.race.state.speed_mps[0] > 10.0  # nobody pressed a key
    assert distinct_colours(screen) > 200


# ---------------------------------------------------------------------- pieces


def test_every_car_has_a_sprite_pointing_right() -> None:
    for car in catalog.load_cars():
        for name, ppm in ((f"{car.id}.png", 32), (f"{car.id}@2x.png", 64)):
            img = pygame.image.load(str(sprites_dir() / name))
            w, h = img.get_size()
            assert w > h, f"{name} should point right (+x)"
            assert abs(w - (car.length_m + 0.6) * ppm) <= 2 * ppm / 8 + 2, name
            alpha = pygame.surfarray.array_alpha(img)
            assert alpha[0, 0] == 0 and alpha[w // 2, h // 2] == 255, name


def test_sprite_rotation_follows_the_heading_convention(screen: pygame.Surface) -> None:
    car = catalog.load_car("porsche-550")
    sprites = CarSprites(car, 5.0)
    east = sprites.rotated(0.0)
    south = sprites.rotated(math.pi / 2)  # +90° heading = pointing down the screen (y down)
    assert east.get_width() > east.get_height()
    assert south.get_height() > south.get_width()
    assert sprites.rotated(2 * math.pi) is east  # cached by angle bucket


@pytest.mark.parametrize("size", [(1280, 720), (3840, 2160)])
def test_the_car_at_the_closest_zoom_is_shrunk_from_its_art_never_enlarged(
    screen: pygame.Surface, size: tuple[int, int]
) -> None:
    for car in catalog.load_cars():
        closest = zoom_levels(*size, car.length_m)[0]
        sprites = CarSprites(car, closest)
        assert sprites._source_ppm >= closest, (car.id, sprites._source_ppm, closest)
        img = sprites.rotated(0.0)
        # The art has 0.3 m of margin a side, its width rounded up to 2 px at 32 px/m.
        assert abs(img.get_width() - (car.length_m + 0.6) * closest) <= 2 / 32 * closest + 1


def test_ground_shade_varies_over_the_map_without_seams(art_stage: Stage, screen: pygame.Surface) -> None:
    """The same grass tile everywhere is baked lighter or darker by place (no two
    stretches of field the same shade), yet continuous where two chunks meet."""
    renderer = MapRenderer(art_stage, 8.0)  # the art's own scale: one art pixel per pixel
    left, right = renderer.ground_chunk((0, 0)), renderer.ground_chunk((1, 0))
    a = pygame.surfarray.array3d(left).astype(float)
    b = pygame.surfarray.array3d(right).astype(float)
    rows = slice(0, 64)  # grass (the road is lower down)
    seam = abs(a[-1, rows].mean(axis=0) - b[0, rows].mean(axis=0)).max()
    # The shade of each 4-m tile of grass along the top row: the tiles are identical art.
    tiles = np.array([np.concatenate([a, b])[k * 32 : (k + 1) * 32, 0:32].mean() for k in range(2 * CHUNK_TILES)])
    assert tiles.max() - tiles.min() > 6.0, tiles
    assert seam < 2.5, seam


def test_map_chunks_tile_the_world_without_gaps(art_stage: Stage, screen: pygame.Surface) -> None:
    renderer = MapRenderer(art_stage, 5.0)
    widths = [renderer._chunk_rect(i, 0).width for i in range(renderer.cols)]
    assert sum(widths) == renderer._edge_x(renderer.cols)
    rects = [renderer._chunk_rect(i, 0) for i in range(renderer.cols)]
    assert all(a.right == b.left for a, b in itertools.pairwise(rects))


@pytest.mark.parametrize("centre", [(0.0, 0.0), (1.0, 0.5), (3000.0, -400.0)], ids=["corner", "east-edge", "far-off"])
def test_the_view_past_the_maps_edge_is_the_background(art_stage: Stage, screen: pygame.Surface, centre) -> None:
    """Where the view reaches past the map (a corner, or nowhere near it) that part is
    the map's background colour and the rest the chunks: nothing of the frame before
    shows through."""
    renderer = MapRenderer(art_stage, 5.0)
    cam = Camera(*SIZE, px_per_m=5.0)
    cam.snap(centre[0] * art_stage.width_m, centre[1] * art_stage.height_m)
    screen.fill((255, 0, 255))
    renderer.draw_ground(screen, cam)
    rgb = pygame.surfarray.array3d(screen)
    assert not (rgb == (255, 0, 255)).all(axis=-1).any()
    ox, oy = cam.origin_px
    world_w, world_h = renderer._edge_x(renderer.cols), renderer._edge_y(renderer.rows)
    xs, ys = np.arange(SIZE[0]) + ox, np.arange(SIZE[1]) + oy
    outside = ((xs < 0) | (xs >= world_w))[:, None] | ((ys < 0) | (ys >= world_h))[None, :]
    assert (rgb[outside] == renderer.background).all()
    assert outside.any()


def test_above_cars_layer_is_drawn_after_the_cars(art_stage: Stage, screen: pygame.Surface) -> None:
    renderer = MapRenderer(art_stage, 5.0)
    cam = Camera(*SIZE, px_per_m=5.0)
    r, c = CANOPY_CELL
    cam.snap((c + 0.5) * CELL_M, (r + 0.5) * CELL_M)
    screen.fill((0, 0, 0))
    renderer.draw_ground(screen, cam)
    sx, sy = (round(v) for v in cam.to_screen((c + 0.5) * CELL_M, (r + 0.5) * CELL_M))
    road = screen.get_at((sx, sy))
    screen.fill((255, 0, 0), (sx - 3, sy - 3, 6, 6))  # a "car" under the canopy
    renderer.draw_above(screen, cam)
    over = screen.get_at((sx, sy))
    assert over != road and over.g > over.r, "the canopy covers what was drawn before it"


def test_tiled_diagonal_flip_is_a_transpose(screen: pygame.Surface) -> None:
    tile = pygame.Surface((2, 3))
    for x in range(2):
        for y in range(3):
            tile.set_at((x, y), (x * 100, y * 80, 0))
    t = apply_flips(tile, FLIP_D)
    assert t.get_size() == (3, 2)
    assert all(t.get_at((y, x)) == tile.get_at((x, y)) for x in range(2) for y in range(3))
    h = apply_flips(tile, FLIP_H)
    assert h.get_at((0, 0)) == tile.get_at((1, 0))


def test_interpolation_turns_along_the_shortest_arc() -> None:
    prev = CarState.at_rest(np.array([0.0]), np.array([0.0]), np.array([math.pi - 0.1]))
    cur = CarState.at_rest(np.array([2.0]), np.array([4.0]), np.array([-math.pi + 0.1]))
    x, y, heading = interpolate(prev, cur, 0.5)
    assert (x[0], y[0]) == (1.0, 2.0)
    assert math.cos(heading[0]) == pytest.approx(-1.0)  # through π, not through 0


def test_camera_maps_its_centre_to_the_screen_centre_and_leads_the_car() -> None:
    cam = Camera(1280, 720, px_per_m=5.0)
    cam.snap(100.0, ROAD_Y_M)
    assert cam.to_screen(100.0, ROAD_Y_M) == (640.0, 360.0)
    for _ in range(120):
        cam.follow(100.0, ROAD_Y_M, 50.0, 0.0, 1 / 60)
    sx, _ = cam.to_screen(100.0, ROAD_Y_M)
    assert sx < 640 - 100  # the car sits back so the road ahead shows


def test_camera_stays_inside_the_map() -> None:
    cam = Camera(1280, 720, px_per_m=5.0, bounds_m=(960.0, 800.0))
    cam.snap(10.0, 10.0)  # the start is near the map's corner
    x0, y0, _, _ = cam.view_m()
    assert x0 == pytest.approx(0.0, abs=0.2) and y0 == pytest.approx(0.0, abs=0.2)
    small = Camera(1280, 720, px_per_m=5.0, bounds_m=(100.0, 50.0))
    small.snap(90.0, 40.0)  # a map smaller than the screen is centred
    assert (small.centre_x_m, small.centre_y_m) == (50.0, 25.0)


def test_format_time_truncates_to_hundredths() -> None:
    assert format_time(11.066666666) == "0:11.06"
    assert format_time(59.999) == "0:59.99"
    assert format_time(3723.5) == "1:02:03.50"
    assert format_time(0.0) == "0:00.00"


def test_chunks_baked_ahead_a_step_a_frame_are_the_chunks_baked_at_once(screen: pygame.Surface) -> None:
    """Baking ahead spreads each chunk over several frames (one step each here) and keeps
    only whole chunks; what it bakes is what a bake at once gives, roads and scenery included."""
    from millegame.levels import load_stage
    from millegame.ui.render.map_levels import MapLevels

    stage = load_stage(catalog.list_stages()[0].path)  # the prologue: road objects and scenery objects
    ppm = 11.5
    levels = MapLevels(stage, (ppm,))
    cam = Camera(*SIZE, px_per_m=ppm)
    cam.snap(*stage.start_xy)
    renderer = levels.renderers[0]
    wanted = renderer.visible(cam, margin=1)
    frames = 0
    while levels.bake_ahead(cam, budget_ms=0.0):
        frames += 1
        assert frames < 100 * len(wanted)
        assert renderer.baked <= len(wanted)
    assert all(renderer.cached(k) is not None for k in wanted)
    assert frames >= 3 * len(wanted)  # no chunk was baked in one frame
    at_once = MapRenderer(stage, ppm)
    key = renderer.chunk_of(*stage.start_xy)  # the start is on the road
    a = pygame.surfarray.array3d(renderer.cached(key))
    b = pygame.surfarray.array3d(at_once.ground_chunk(key))
    assert np.array_equal(a, b)


@pytest.mark.parametrize("size", [(1280, 720), (1919, 1079)])
def test_night_light_is_the_whole_light_map_enlarged_and_multiplied(screen: pygame.Surface, size) -> None:
    """The light map multiplies only the parts a lamp or a cone reaches with its enlarged
    pixels and the rest with the moonlight's colour: the frame is exactly what the whole
    map, enlarged by nearest pixel and multiplied over it, gives."""
    from millegame.ui.render import pixels
    from millegame.ui.render.lighting import LightMap

    rng = np.random.default_rng(5)
    cam = Camera(*size, px_per_m=9.0)
    cam.snap(150.0, 90.0)
    x0, y0, x1, y1 = cam.view_m()
    lamps = [(float(x), float(y)) for x, y in zip(rng.uniform(x0, x1, 3), rng.uniform(y0, y1, 3), strict=True)]
    light = LightMap(size, (34, 42, 74), [*lamps, (x0 - 500.0, y0)])  # one lamp far off screen
    frame = pygame.Surface(size)
    assert pixels.fits(frame, light.small)  # numba's pass (pixels.multiply_light), not pygame's
    pygame.surfarray.pixels3d(frame)[:] = rng.integers(0, 256, (*size, 3), dtype=np.uint8)
    expected = frame.copy()
    for heading in (0.3, 2.0, -1.2):
        got = frame.copy()
        small = light.render(cam, [(150.0, 90.0, heading, 4.4)])
        whole = pygame.Surface(small.get_size())  # the whole map: moonlight and every glow added to it
        whole.fill((34, 42, 74))
        whole.fblits(light.adds, pygame.BLEND_ADD)
        assert len(light.adds) >= 3  # lamps, a cone, the light around the car
        k = light.block
        whole = pygame.transform.scale(whole, (k * small.get_width(), k * small.get_height()))
        expected = frame.copy()
        expected.blit(whole, (0, 0), special_flags=pygame.BLEND_MULT)
        light.apply(got)
        assert np.array_equal(pygame.surfarray.array3d(got), pygame.surfarray.array3d(expected))
        spans = light.lit_spans()
        lit = sum((b - t) * (r - left) for t, b, left, r in spans)
        assert 0 < lit < 0.9 * small.get_width() * small.get_height()  # most of it is moonlit: filled


def test_a_chunk_from_the_tiles_another_level_baked_is_the_chunk_baked_alone(screen: pygame.Surface) -> None:
    """Zoom levels share a chunk's tiles at the art's scale (baked once, then scaled to
    each level): the second level's chunk is what that level bakes on its own."""
    from millegame.levels import load_stage
    from millegame.ui.render.map_levels import MapLevels

    stage = load_stage(catalog.list_stages()[0].path)
    levels = MapLevels(stage, (11.5, 10.0))
    first, second = levels.renderers
    assert first.scale == second.scale
    key = first.chunk_of(*stage.start_xy)
    first.ground_chunk(key)
    assert (first.scale, *key) in first.natives  # type: ignore[operator]
    shared = pygame.surfarray.array3d(second.ground_chunk(key))
    alone = pygame.surfarray.array3d(MapRenderer(stage, 10.0).ground_chunk(key))
    assert np.array_equal(shared, alone)


def test_the_light_maps_blocks_keep_their_size_against_the_world() -> None:
    """A light-map pixel covers 2 × 2 screen pixels in a 720-px-high window and as many
    more as the window is bigger (the light's steps the same against the car and the
    road at any size), never fewer than 2."""
    from millegame.ui.render.lighting import light_block

    assert [light_block(*s) for s in ((800, 500), (1280, 720), (1920, 1080), (2560, 1440), (3840, 2160))] == [
        2, 2, 3, 4, 6,
    ]  # fmt: skip
