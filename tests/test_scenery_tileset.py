"""The scenery tileset (``levels/tilesets/scenery.tsx`` + ``.png``, made by
``tools/make_scenery.py``): tile objects whose collision shapes match what is drawn."""

from __future__ import annotations

import math
import os
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
import pygame

REPO = Path(__file__).resolve().parent.parent
TSX = REPO / "levels" / "tilesets" / "scenery.tsx"
PNG = REPO / "levels" / "tilesets" / "scenery.png"
sys.path.insert(0, str(REPO / "tools"))

import make_scenery

TILE = 128
TREES = {
    "olive_a",
    "olive_b",
    "olive_c",
    "cypress_a",
    "cypress_b",
    "umbrella_pine",
    "poplar",
    "plane_tree",
    "trunk_marker",
}
SOFT = {"bush", "hedge", "straw_bales", "haystack"}
BUILDINGS = {"house_a", "house_b", "house_c", "cascina", "palazzo", "church", "loggia"}


def parse_tsx(text: str) -> tuple[ET.Element, dict[int, ET.Element]]:
    root = ET.fromstring(text)
    return root, {int(t.get("id", "-1")): t for t in root.iter("tile")}


def props(node: ET.Element) -> dict[str, str]:
    p = node.find("properties")
    return {} if p is None else {q.get("name", ""): q.get("value", "") for q in p.iter("property")}


def kind_of(tile: ET.Element) -> str:
    return props(tile).get("kind", "")


def shape_mask(obj: ET.Element) -> np.ndarray:
    """The collision object rasterised on the tile's pixel centres, [y, x] bool."""
    ys, xs = np.mgrid[0:TILE, 0:TILE] + 0.5
    x, y = float(obj.get("x", 0)), float(obj.get("y", 0))
    poly = obj.find("polygon")
    if poly is not None:
        pts = [(x + float(a), y + float(b)) for a, b in (p.split(",") for p in poly.get("points", "").split())]
        inside = np.zeros(xs.shape, dtype=bool)
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1], strict=True):  # even-odd rule
            crosses = (y0 > ys) != (y1 > ys)
            with np.errstate(divide="ignore", invalid="ignore"):
                xc = x0 + (ys - y0) * (x1 - x0) / (y1 - y0)
            inside ^= crosses & (xs < xc)
        return inside
    w, h = float(obj.get("width", 0)), float(obj.get("height", 0))
    if obj.find("ellipse") is not None:
        return ((xs - x - w / 2) / (w / 2)) ** 2 + ((ys - y - h / 2) / (h / 2)) ** 2 <= 1
    return (xs >= x) & (xs < x + w) & (ys >= y) & (ys < y + h)


def shape_bounds(obj: ET.Element) -> tuple[float, float, float, float]:
    x, y = float(obj.get("x", 0)), float(obj.get("y", 0))
    poly = obj.find("polygon")
    if poly is not None:
        pts = [(x + float(a), y + float(b)) for a, b in (p.split(",") for p in poly.get("points", "").split())]
        return min(p[0] for p in pts), min(p[1] for p in pts), max(p[0] for p in pts), max(p[1] for p in pts)
    return x, y, x + float(obj.get("width", 0)), y + float(obj.get("height", 0))


def sheet_alpha() -> np.ndarray:
    img = pygame.image.load(str(PNG))
    return pygame.surfarray.pixels_alpha(img).T.copy()  # [y, x]


def cell(sheet: np.ndarray, tile_id: int, columns: int) -> np.ndarray:
    r, c = divmod(tile_id, columns)
    return sheet[r * TILE : (r + 1) * TILE, c * TILE : (c + 1) * TILE]


def test_the_tsx_parses_and_the_png_fits_its_grid() -> None:
    root, tiles = parse_tsx(TSX.read_text(encoding="utf-8"))
    assert root.get("tilewidth") == root.get("tileheight") == str(TILE)
    columns, count = int(root.get("columns", 0)), int(root.get("tilecount", 0))
    assert sorted(tiles) == list(range(count))
    rows = math.ceil(count / columns)
    assert count == rows * columns, "full rows: Tiled recounts tilecount from the image when it re-saves"
    img = pygame.image.load(str(PNG))
    assert img.get_size() == (columns * TILE, rows * TILE)
    image = root.find("image")
    assert image is not None and (int(image.get("width", 0)), int(image.get("height", 0))) == img.get_size()


def test_every_tile_has_a_kind_is_not_a_solid_cell_and_has_collision_shapes() -> None:
    _, tiles = parse_tsx(TSX.read_text(encoding="utf-8"))
    kinds = [kind_of(t) for t in tiles.values()]
    assert all(kinds) and len(set(kinds)) == len(kinds)
    assert TREES | SOFT | BUILDINGS | {"stone_wall", "km_stone"} <= set(kinds)
    for t in tiles.values():
        assert props(t)["solid"] == "false", kind_of(t)
        assert t.findall("objectgroup/object"), f"{kind_of(t)} has no collision shape"


def test_collision_shapes_have_a_material_lie_inside_the_tile_and_cover_drawn_pixels() -> None:
    root, tiles = parse_tsx(TSX.read_text(encoding="utf-8"))
    alpha = sheet_alpha()
    columns = int(root.get("columns", 0))
    for i, t in tiles.items():
        kind = kind_of(t)
        drawn = cell(alpha, i, columns) >= 128
        for obj in t.findall("objectgroup/object"):
            material = props(obj).get("material")
            assert material in ("hard", "soft"), kind
            assert material == ("soft" if kind in SOFT else "hard"), kind
            x0, y0, x1, y1 = shape_bounds(obj)
            assert 0 <= x0 < x1 <= TILE and 0 <= y0 < y1 <= TILE, f"{kind}: shape outside the tile"
            inside = shape_mask(obj)
            assert inside.any(), kind
            # the car hits only what is drawn: the art covers the shape (edge pixels are antialiased)
            assert drawn[inside].mean() >= 0.97, f"{kind}: collision where nothing is drawn"


def test_trees_collide_with_their_trunk_not_their_crown() -> None:
    root, tiles = parse_tsx(TSX.read_text(encoding="utf-8"))
    alpha = sheet_alpha()
    columns = int(root.get("columns", 0))
    for i, t in tiles.items():
        if kind_of(t) not in TREES:
            continue
        hit = np.zeros((TILE, TILE), dtype=bool)
        for obj in t.findall("objectgroup/object"):
            hit |= shape_mask(obj)
        drawn = cell(alpha, i, columns) >= 128
        assert hit.mean() < 0.10 and hit.sum() < 0.2 * drawn.sum(), kind_of(t)
        # trunks stand at the tile's centre, where the docs say objects sit
        ys, xs = np.nonzero(hit)
        assert abs(xs.mean() + 0.5 - TILE / 2) < 1 and abs(ys.mean() + 0.5 - TILE / 2) < 1


def test_buildings_collide_with_most_of_their_roofs() -> None:
    _, tiles = parse_tsx(TSX.read_text(encoding="utf-8"))
    for t in tiles.values():
        if kind_of(t) in BUILDINGS:
            hit = np.zeros((TILE, TILE), dtype=bool)
            for obj in t.findall("objectgroup/object"):
                hit |= shape_mask(obj)
            assert hit.mean() > 0.2, kind_of(t)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("scenery")
    make_scenery.main(out)
    return out


def test_the_committed_tileset_is_what_the_script_draws(fresh: Path) -> None:
    """Seeded and deterministic: a fresh render equals the committed files pixel for pixel."""
    assert (fresh / "scenery.tsx").read_text(encoding="utf-8") == TSX.read_text(encoding="utf-8"), (
        "run tools/make_scenery.py"
    )
    new = pygame.image.load(str(fresh / "scenery.png"))
    old = pygame.image.load(str(PNG))
    assert new.get_size() == old.get_size()
    assert np.array_equal(pygame.surfarray.array3d(new), pygame.surfarray.array3d(old))
    assert np.array_equal(pygame.surfarray.array_alpha(new), pygame.surfarray.array_alpha(old))
