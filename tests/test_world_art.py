"""The world's art (issue 13). HD tiles, so nothing is blurred at the closest zoom: a
tileset names the same tiles drawn at 2× in its ``hd_image`` property; the loader finds
it, check-level says when it is unusable, and the map renderer bakes zoomed-in chunks
from it. Ground without a grid: ``any_turn`` tiles are drawn turned at random per cell."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("MILLEGAME_CONFIG_DIR", tempfile.mkdtemp(prefix="millegame-cfg-"))

import numpy as np
import pygame
import pytest

from millegame import catalog
from millegame.core.stage import Stage
from millegame.levels import load_stage
from millegame.levels.check import check_file
from millegame.ui.render.map_levels import MapLevels
from millegame.ui.render.map_renderer import FLIP_D, MapRenderer, _turned, apply_flips, art_scale
from millegame.ui.render.tile_kinds import tileset_kinds
from stage_fixtures import ROAD_Y_M, sprint_stage

REPO = Path(__file__).resolve().parent.parent
TILESETS = REPO / "levels" / "tilesets"


def rgba(path: Path) -> np.ndarray:
    img = pygame.image.load(str(path))
    return np.dstack([pygame.surfarray.array3d(img), pygame.surfarray.array_alpha(img)]).astype(np.float64)


@pytest.mark.parametrize("name", ["terrain", "scenery"])
def test_shipped_hd_art_is_the_same_tiles_at_twice_the_size(name: str) -> None:
    """The HD image halves (premultiplied 2×2 average) into the tileset's own image: the two
    were made by one run of the generator, not one regenerated without the other."""
    base, hd = rgba(TILESETS / f"{name}.png"), rgba(TILESETS / f"{name}-hd.png")
    assert hd.shape[:2] == (2 * base.shape[0], 2 * base.shape[1])
    a = hd[..., 3:4] / 255.0
    pre = np.concatenate([hd[..., :3] * a, a], axis=-1)
    small = pre.reshape(base.shape[0], 2, base.shape[1], 2, 4).mean(axis=(1, 3))
    alpha = small[..., 3]
    with np.errstate(invalid="ignore", divide="ignore"):
        rgb = np.where(alpha[..., None] > 0, small[..., :3] / alpha[..., None], 0.0)
    assert np.abs(alpha * 255.0 - base[..., 3]).max() <= 1.0
    seen = base[..., 3] >= 64  # colour means little where a pixel is nearly transparent
    assert np.abs(rgb - base[..., :3])[seen].max() <= 2.0


def test_the_loader_finds_the_hd_image_of_every_shipped_tileset() -> None:
    stage = load_stage(REPO / "levels" / "prologo.tmx")
    assert stage.art is not None
    for ts in stage.art.tilesets:
        assert ts.hd_path is not None and ts.hd_scale == 2, ts
        assert Path(ts.hd_path).name == Path(ts.image_path).stem + "-hd.png"


@pytest.mark.parametrize(
    ("hd", "fragment"),
    [(None, "file not found"), ("terrain.png", "is not 2, 3 or 4 times the tileset image's 512 × 960 px")],
)
def test_a_bad_hd_image_is_a_lint_and_the_stage_still_loads(tmp_path: Path, hd: str | None, fragment: str) -> None:
    """A tileset copied without its HD image (or naming a wrong one) loads with its own art;
    check-level says which and why."""
    stage_dir = tmp_path / "levels"
    shutil.copytree(REPO / "levels", stage_dir)
    (stage_dir / "tilesets" / "terrain-hd.png").unlink()
    if hd is not None:
        shutil.copy(stage_dir / "tilesets" / hd, stage_dir / "tilesets" / "terrain-hd.png")
    path = stage_dir / "brescia-verona.tmx"
    check = check_file(path)
    assert [p.text for p in check.problems if not p.lint] == []
    lines = [p.text for p in check.problems if p.lint]
    assert any('tileset "terrain" hd_image "terrain-hd.png"' in t and fragment in t for t in lines), lines
    stage = load_stage(path)
    assert stage.art is not None and stage.art.tilesets[0].hd_path is None


def test_art_scale_is_hd_only_above_the_maps_own_scale(art_stage_hd: Stage) -> None:
    assert art_stage_hd.art is not None
    tilesets = art_stage_hd.art.tilesets
    scales = (2.0, 5.0, 8.0, 9.0, 10.0, 11.8, 16.0, 35.0)
    assert [art_scale(tilesets, 8.0, p) for p in scales] == [1, 1, 1, 1, 2, 2, 2, 2]
    plain = [replace(ts, hd_path=None, hd_scale=1) for ts in tilesets]
    assert art_scale(plain, 8.0, 16.0) == 1


@pytest.fixture()
def screen() -> pygame.Surface:
    pygame.display.init()
    return pygame.display.set_mode((320, 200))


@pytest.fixture()
def art_stage_hd(tmp_path: Path) -> Stage:
    """The sprint stage with an HD image whose asphalt is a 1-px checkerboard of two greys
    (at 16 px/m) that averages to the base image's flat grey."""
    stage = sprint_stage(catalog.load_surfaces(), tileset_dir=tmp_path)
    assert stage.art is not None
    ts = stage.art.tilesets[0]
    base = pygame.image.load(ts.image_path)
    hd = pygame.transform.scale_by(base, 2)
    for y in range(64):
        for x in range(64, 128):
            hd.set_at((x, y), (60, 62, 66, 255) if (x + y) % 2 else (104, 106, 110, 255))
    hd_path = tmp_path / "sprint_tiles-hd.png"
    pygame.image.save(hd, str(hd_path))
    art = replace(stage.art, tilesets=(replace(ts, hd_path=str(hd_path), hd_scale=2),))
    return replace(stage, art=art)


def road_contrast(renderer: MapRenderer) -> float:
    """Mean difference between horizontal neighbours on the road in a baked chunk."""
    key = renderer.chunk_of(10.0, ROAD_Y_M)
    chunk = renderer.ground_chunk(key)
    rgb = pygame.surfarray.array3d(chunk).astype(np.float64)  # [x, y, c]
    y = round(ROAD_Y_M * renderer.px_per_m) - renderer.chunk_rect(key).top
    row = rgb[:, y, :]
    return float(np.abs(np.diff(row, axis=0)).mean())


def test_close_zooms_are_baked_from_the_hd_art(screen: pygame.Surface, art_stage_hd: Stage) -> None:
    """At 16 px/m the chunk is the HD art pixel for pixel (the checkerboard shows); without
    HD art the same chunk is the base art enlarged (flat grey); zoomed out, the base art."""
    hd = MapRenderer(art_stage_hd, 16.0)
    assert hd.scale == 2
    assert road_contrast(hd) > 30.0
    assert art_stage_hd.art is not None
    plain_art = replace(art_stage_hd.art, tilesets=(replace(art_stage_hd.art.tilesets[0], hd_path=None, hd_scale=1),))
    plain = MapRenderer(replace(art_stage_hd, art=plain_art), 16.0)
    assert plain.scale == 1
    assert road_contrast(plain) < 5.0
    assert MapRenderer(art_stage_hd, 5.0).scale == 1


def test_zoom_levels_share_one_atlas_per_scale(screen: pygame.Surface, art_stage_hd: Stage) -> None:
    levels = MapLevels(art_stage_hd, (16.0, 13.9, 12.1, 7.0, 6.1))
    by_scale: dict[int, set[int]] = {}
    for r in levels.renderers:
        by_scale.setdefault(r.scale, set()).add(id(r.atlas))
    assert set(by_scale) == {1, 2}
    assert all(len(ids) == 1 for ids in by_scale.values())


def test_natural_ground_tiles_may_turn_and_the_rest_may_not() -> None:
    stage = load_stage(REPO / "levels" / "brescia-verona.tmx")
    assert stage.art is not None and stage.art.any_turn is not None
    kinds = tileset_kinds(stage, stage.art.tilesets[0])
    turnable = {kinds[gid - 1] for gid in np.flatnonzero(stage.art.any_turn)}
    assert {"grass_a", "meadow", "sand"} <= turnable
    assert not turnable & {"asphalt", "cobbles", "wheat", "vineyard_h", "house_a_tl", "asphalt_0011"}


def test_a_field_of_one_tile_is_turned_eight_ways_the_same_in_every_bake() -> None:
    any_turn = np.array([False, True, False])
    block = np.ones((16, 16), dtype=np.uint32)
    block[0, 0] = 2  # not turnable
    flips = np.zeros((16, 16), dtype=np.uint8)
    flips[1, 1] = FLIP_D  # flipped in the map: kept
    got = _turned(block, flips, any_turn, 40, 80)
    assert got is not None
    assert got[0, 0] == 0 and got[1, 1] == FLIP_D
    assert len(np.unique(got[2:, 2:])) == 8
    again = _turned(block[4:, 4:], flips[4:, 4:], any_turn, 44, 84)  # the same cells in another chunk
    assert again is not None and np.array_equal(again, got[4:, 4:])


def test_turned_tiles_are_drawn_turned(screen: pygame.Surface, art_stage_hd: Stage) -> None:
    """Grass marked any_turn: its tufts (an asymmetric mark) are drawn in several ways
    round the field, each a turn or mirror of the tile."""
    assert art_stage_hd.art is not None
    any_turn = np.zeros(4, dtype=bool)
    any_turn[1] = True  # grass
    stage = replace(art_stage_hd, art=replace(art_stage_hd.art, any_turn=any_turn))
    renderer = MapRenderer(stage, 8.0)
    chunk = renderer.ground_chunk((0, 0))
    tile = renderer.atlas.tile(1) if renderer.atlas is not None else None
    assert tile is not None
    ways = [pygame.surfarray.array3d(apply_flips(tile, f)).astype(np.int64) for f in range(8)]
    seen = set()
    for r in range(4):
        for c in range(8):
            cell = pygame.surfarray.array3d(chunk.subsurface((c * 32, r * 32, 32, 32))).astype(np.int64)
            # the bake tints the ground a few per cent: compare the pattern, not the level
            d = [np.abs((cell - cell.mean()) - (w - w.mean())).mean() for w in ways]
            seen.add(int(np.argmin(d)))
    assert len(seen) >= 4, seen
