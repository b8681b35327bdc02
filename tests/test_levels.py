"""The level loader and the shipped stages (format: docs/levels.md)."""

from __future__ import annotations

import math
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

from millegame import catalog
from millegame.core.stage import Stage
from millegame.levels import StageError, load_stage
from millegame.levels.schema import ROAD_SURFACES

REPO = Path(__file__).resolve().parent.parent
LEVELS = REPO / "levels"
PROLOGO = LEVELS / "prologo.tmx"
TSX = LEVELS / "tilesets" / "terrain.tsx"
ROAD = tuple(ROAD_SURFACES)
SHIPPED = [s.path for s in catalog.list_stages()]


@pytest.fixture(scope="module")
def prologo() -> Stage:
    return load_stage(PROLOGO)


def surface_at(stage: Stage, x: float, y: float) -> str:
    """The surface the physics reads there: a drawn road's, else the ground's."""
    return stage.surfaces.names[int(stage.surface_at(np.array([x]), np.array([y]))[0])]


def drivable(stage: Stage, x: float, y: float) -> bool:
    r, c = int(y // stage.cell_m), int(x // stage.cell_m)
    inside = 0 <= r < stage.rows and 0 <= c < stage.cols
    return inside and not stage.solid[r, c] and surface_at(stage, x, y) in ROAD


def arc_length_of(route: np.ndarray, p: np.ndarray) -> float:
    """Arc length [m] of the route point nearest to ``p``."""
    seg = np.hypot(*np.diff(route, axis=0).T)
    cum = np.concatenate([[0.0], np.cumsum(seg)])
    a, d = route[:-1], np.diff(route, axis=0)
    t = np.clip(np.einsum("ij,ij->i", p - a, d) / np.maximum(np.einsum("ij,ij->i", d, d), 1e-12), 0, 1)
    near = a + t[:, None] * d
    k = int(np.argmin(np.hypot(*(near - p).T)))
    return float(cum[k] + t[k] * seg[k])


# -- the shipped prologue ------------------------------------------------------------------------------
def test_prologo_loads_with_its_properties(prologo: Stage) -> None:
    assert prologo.id == "prologo"
    assert prologo.title == "Prologo: Lago d'Iseo → Brescia"
    assert prologo.px_per_m == 8.0
    assert prologo.cell_m == pytest.approx(4.0)
    assert (prologo.time_of_day, prologo.weather) == ("day", "clear")
    assert prologo.par_time_s is not None and 60 < prologo.par_time_s < 400
    assert prologo.surface.shape == prologo.solid.shape == (prologo.rows, prologo.cols)
    assert prologo.width_m == prologo.cols * 4.0
    assert len(prologo.checkpoints) >= 3
    assert [g.order for g in prologo.checkpoints] == sorted(g.order for g in prologo.checkpoints)
    assert len(prologo.source_sha256) == 64
    assert prologo.walls.shape[1] == 4 and prologo.walls.dtype == np.float64


def test_pixels_become_metres_at_8_px_per_m(prologo: Stage) -> None:
    root = ET.parse(PROLOGO).getroot()
    objs = {o.get("name"): o for o in root.iter("object")}
    iseo = objs["Iseo"]
    x_px, y_px = float(iseo.get("x", "0")), float(iseo.get("y", "0"))
    gate = next(g for g in prologo.checkpoints if g.name == "Iseo")
    # Placed as a point: the gate spans the road square to it, centred where the road passes
    # nearest the point (in metres: px / 8).
    point = np.array([x_px / 8, y_px / 8])
    nearest = prologo.route[np.argmin(np.hypot(*(prologo.route - point).T))]
    a, b = np.array(gate.a), np.array(gate.b)
    t = np.clip(np.dot(nearest - a, b - a) / np.dot(b - a, b - a), 0.0, 1.0)
    assert np.hypot(*(a + t * (b - a) - nearest)) < 0.5  # the gate crosses the road there
    start = objs["Sarnico"]
    w, h = float(start.get("width", "0")), float(start.get("height", "0"))
    assert (w / 8, h / 8) == pytest.approx((4.4, 1.8))


def test_start_heading_and_centre_follow_the_rectangle(prologo: Stage) -> None:
    start = next(o for o in ET.parse(PROLOGO).getroot().iter("object") if o.get("type") == "start")
    rot = math.radians(float(start.get("rotation", "0")))
    x, y = float(start.get("x", "0")), float(start.get("y", "0"))
    w, h = float(start.get("width", "0")), float(start.get("height", "0"))
    cx = x + math.cos(rot) * w / 2 - math.sin(rot) * h / 2
    cy = y + math.sin(rot) * w / 2 + math.cos(rot) * h / 2
    assert prologo.start_heading == pytest.approx(rot)
    assert prologo.start_xy == pytest.approx((cx / 8, cy / 8))


def test_start_is_on_the_road_facing_along_the_route(prologo: Stage) -> None:
    assert surface_at(prologo, *prologo.start_xy) in ROAD
    assert drivable(prologo, *prologo.start_xy)
    d = prologo.route[1] - prologo.route[0]
    fwd = (math.cos(prologo.start_heading), math.sin(prologo.start_heading))
    assert np.dot(d / np.hypot(*d), fwd) > 0.95


def test_route_is_long_enough_and_runs_start_to_past_finish(prologo: Stage) -> None:
    assert prologo.route_length_m >= 2000.0
    assert np.hypot(*(prologo.route[0] - prologo.start_xy)) < 5.0
    fin_mid = (np.array(prologo.finish.a) + np.array(prologo.finish.b)) / 2
    assert arc_length_of(prologo.route, fin_mid) < prologo.route_length_m - 5.0
    step = np.hypot(*np.diff(prologo.route, axis=0).T)
    assert step.max() <= 25.0  # dense enough for the autopilot and the minimap


def test_route_stays_on_the_road(prologo: Stage) -> None:
    from millegame.core.route import resample

    for x, y in resample(prologo.route, 2.0):
        assert drivable(prologo, x, y), f"route leaves the road at ({x:.0f}, {y:.0f}) m"


@pytest.mark.parametrize("stage_path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_every_gate_spans_the_road_and_faces_along_the_route(stage_path: Path) -> None:
    stage = load_stage(stage_path)
    last = -1.0
    for gate in stage.gates:
        a, b = np.array(gate.a), np.array(gate.b)
        mid = (a + b) / 2
        assert drivable(stage, *mid), f"{gate.name}: midpoint is not on the road"
        ends_off = not drivable(stage, *a) and not drivable(stage, *b)
        assert ends_off or np.hypot(*(b - a)) >= 10.0, f"{gate.name}: does not span the road"
        s = arc_length_of(stage.route, mid)
        k = int(np.searchsorted(np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(stage.route, axis=0).T))]), s))
        k = min(max(k, 1), len(stage.route) - 1)
        d = stage.route[k] - stage.route[k - 1]
        assert np.dot(gate.forward, d / np.hypot(*d)) > 0.9, f"{gate.name}: forward is not along the route"
        assert abs(np.dot(gate.forward, (b - a) / np.hypot(*(b - a)))) < 0.3, f"{gate.name}: not across the road"
        assert s > last, f"{gate.name}: out of order along the route"
        last = s


def test_surfaces_include_asphalt_cobbles_and_the_lake(prologo: Stage) -> None:
    used = {prologo.surfaces.names[i] for i in np.unique(prologo.surface)} | {p.surface_name for p in prologo.roads}
    assert {"asphalt", "cobbles", "grass", "water"} <= used
    assert prologo.solid.any() and not prologo.solid.all()


def test_art_names_the_tilesets_layers_and_scenery(prologo: Stage) -> None:
    art = prologo.art
    assert art is not None
    assert [layer.name for layer in art.layers] == ["ground", "decor"]
    terrain, scenery = art.tilesets
    assert Path(terrain.image_path).is_file() and terrain.tile_w == terrain.tile_h == 32
    assert Path(scenery.image_path).name == "scenery.png" and scenery.tile_w == 128
    ground = art.layers[0].gids
    assert ground.shape == (prologo.rows, prologo.cols) and ground.min() >= terrain.firstgid
    assert max(int(layer.gids.max()) for layer in art.layers) < terrain.firstgid + terrain.tilecount
    assert len(art.objects) > 300  # trees, houses, bales placed freely
    assert all(scenery.firstgid <= o.gid < scenery.firstgid + scenery.tilecount for o in art.objects)


@pytest.mark.parametrize("stage_path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_stage_list_title_matches_the_map(stage_path: Path) -> None:
    info = next(s for s in catalog.list_stages() if s.path == stage_path)
    assert load_stage(stage_path).title == info.title


def test_loading_does_not_import_pygame() -> None:
    code = (
        "import sys; from millegame.levels import load_stage; "
        f"s = load_stage({str(PROLOGO)!r}); "
        "assert 'pygame' not in sys.modules, 'pygame was imported'; "
        "import pytmx; assert 'pygame' not in sys.modules; print(s.id)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "prologo"
    assert "cannot import pygame" not in out.stderr


def test_loading_is_fast() -> None:
    """The largest stage loads in ≤ 300 ms here (benchmarks/stage_load.py); 1 s for slow CI."""
    largest = max(SHIPPED, key=lambda p: p.stat().st_size)
    load_stage(largest)  # warm caches (imports, the surface table)
    t0 = time.perf_counter()
    load_stage(largest)
    assert time.perf_counter() - t0 < 1.0


def resave_in_tiled(stage_path: Path, tmp_path: Path) -> Path:
    """The map as the real Tiled writes it back (File > Save, headless)."""
    out_dir = tmp_path / "levels"
    out_dir.mkdir(exist_ok=True)
    if not (out_dir / "tilesets").exists():
        shutil.copytree(LEVELS / "tilesets", out_dir / "tilesets")
    out = out_dir / stage_path.name
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    subprocess.run(
        ["tiled", "--export-map", "tmx", str(stage_path), str(out)],
        check=True,
        env=env,
        timeout=120,
        capture_output=True,
    )
    return out


def same_stage(a: Stage, b: Stage) -> None:
    """Everything the race reads is equal bit for bit (so every run on it is too)."""
    for name in ("surface", "solid", "walls", "route"):
        assert np.array_equal(getattr(a, name), getattr(b, name)), name
    assert (a.start_xy, a.start_heading, a.cell_m, a.width_m, a.height_m) == (
        b.start_xy,
        b.start_heading,
        b.cell_m,
        b.width_m,
        b.height_m,
    )
    assert a.gates == b.gates
    assert (a.title, a.par_time_s, a.time_of_day, a.weather) == (b.title, b.par_time_s, b.time_of_day, b.weather)
    assert a.timing_lines == b.timing_lines
    assert a.art is not None and b.art is not None
    assert [layer.name for layer in a.art.layers] == [layer.name for layer in b.art.layers]
    for x, y in zip(a.art.layers, b.art.layers, strict=True):
        assert np.array_equal(x.gids, y.gids) and x.above_cars == y.above_cars


@pytest.mark.skipif(shutil.which("tiled") is None, reason="the Tiled editor is not installed")
@pytest.mark.parametrize("stage_path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_tiled_resaves_the_map_without_changing_the_stage(stage_path: Path, tmp_path: Path) -> None:
    """The generators write numbers as Tiled keeps them (6 significant digits), so a
    re-save in Tiled gives the same stage exactly, not approximately."""
    same_stage(load_stage(resave_in_tiled(stage_path, tmp_path)), load_stage(stage_path))


@pytest.mark.skipif(shutil.which("tiled") is None, reason="the Tiled editor is not installed")
def test_a_stage_resaved_in_tiled_drives_to_the_same_time(tmp_path: Path) -> None:
    """brescia-verona changed its autopilot times by 0.02–0.04 s after a re-save before the
    generators rounded as Tiled does; now the times are equal to the tick."""
    from millegame.levels.check import drive_stage

    stage_path = LEVELS / "brescia-verona.tmx"
    cars = [catalog.load_car("jaguar-xk120"), catalog.load_car("mercedes-300-slr")]
    before = drive_stage(load_stage(stage_path), cars)
    after = drive_stage(load_stage(resave_in_tiled(stage_path, tmp_path)), cars)
    assert all(d.finished for d in before)
    assert [d.time_s for d in after] == [d.time_s for d in before]


# -- small hand-written maps -----------------------------------------------------------------------
ASPHALT_GID = 4  # tileset kind "asphalt" is tile id 3, firstgid 1


def small_map(
    tmp_path: Path,
    *,
    objects: str | None = None,
    root_attrs: str = 'orientation="orthogonal" renderorder="right-down" infinite="0"',
    data: str | None = None,
    tileset: str | None = None,
    name: str = "small.tmx",
) -> Path:
    """A 12 × 4 map of asphalt (4 m tiles) with a start, a checkpoint, a finish and a route."""
    cols, rows = 12, 4
    if tileset is None:
        tileset = f'<tileset firstgid="1" source="{TSX}"/>'
    if data is None:
        row = ",".join([str(ASPHALT_GID)] * cols)
        data = '<data encoding="csv">\n' + ",\n".join([row] * rows) + "\n</data>"
    if objects is None:
        objects = (
            '<object id="1" name="go" type="start" x="32" y="56.8" width="35.2" height="14.4"/>'
            '<object id="2" name="half" type="checkpoint" x="192" y="8"><properties>'
            '<property name="order" type="int" value="1"/></properties><polyline points="0,0 0,112"/></object>'
            '<object id="3" name="end" type="finish" x="320" y="8"><polyline points="0,0 0,112"/></object>'
            '<object id="4" name="route" type="route" x="49.6" y="64"><polyline points="0,0 320,0"/></object>'
        )
    text = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<map version="1.8" {root_attrs} width="{cols}" height="{rows}" '
        f'tilewidth="32" tileheight="32" nextlayerid="3" nextobjectid="9">'
        '<properties><property name="px_per_m" type="float" value="8"/>'
        '<property name="title" value="Small"/></properties>'
        f'{tileset}<layer id="1" name="ground" width="{cols}" height="{rows}">{data}</layer>'
        f'<objectgroup id="2" name="objects">{objects}</objectgroup></map>'
    )
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_small_map_loads(tmp_path: Path) -> None:
    stage = load_stage(small_map(tmp_path))
    assert stage.title == "Small" and stage.surface.shape == (4, 12)
    assert stage.start_xy == pytest.approx((4 + 2.2, 7.1 + 0.9))
    assert stage.start_heading == 0.0
    assert stage.checkpoints[0].forward == pytest.approx((1.0, 0.0))
    assert stage.finish.a == pytest.approx((40.0, 1.0))
    assert stage.route_length_m == pytest.approx(40.0)


def test_rotated_start_rectangle_turns_about_its_top_left_corner(tmp_path: Path) -> None:
    # 90° clockwise: the car faces +y (down); its centre is (x − h/2, y + w/2)
    start = '<object id="1" type="start" x="200" y="8" width="35.2" height="14.4" rotation="90"/>'
    route = '<object id="4" type="route" x="192.8" y="25.6"><polyline points="0,0 0,80"/></object>'
    gates = (
        '<object id="2" type="checkpoint" x="160" y="64"><properties><property name="order" type="int" value="1"/>'
        '</properties><polyline points="0,0 64,0"/></object>'
        '<object id="3" type="finish" x="160" y="96"><polyline points="0,0 64,0"/></object>'
    )
    stage = load_stage(small_map(tmp_path, objects=start + gates + route))
    assert stage.start_heading == pytest.approx(math.pi / 2)
    assert stage.start_xy == pytest.approx(((200 - 7.2) / 8, (8 + 17.6) / 8))
    assert stage.finish.forward == pytest.approx((0.0, 1.0))


def test_tiled_1_9_class_attribute_is_read_as_the_type(tmp_path: Path) -> None:
    path = small_map(tmp_path)
    path.write_text(path.read_text().replace(' type="', ' class="'), encoding="utf-8")
    assert load_stage(path).finish.name == "end"


def expect_error(path: Path, *fragments: str) -> str:
    with pytest.raises(StageError) as info:
        load_stage(path)
    msg = str(info.value)
    assert path.name in msg, msg
    assert "\n" not in msg
    for f in fragments:
        assert f in msg, msg
    return msg


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.tmx"
    path.write_text("")
    expect_error(path, "empty")


def test_not_xml(tmp_path: Path) -> None:
    path = tmp_path / "garbage.tmx"
    path.write_text("this is not <xml")
    expect_error(path, "not valid XML")


def test_not_a_map(tmp_path: Path) -> None:
    path = tmp_path / "tileset.tmx"
    path.write_text(TSX.read_text())
    expect_error(path, "<tileset>")


def test_missing_file(tmp_path: Path) -> None:
    expect_error(tmp_path / "nowhere.tmx", "not found")


def test_isometric_map(tmp_path: Path) -> None:
    path = small_map(tmp_path, root_attrs='orientation="isometric" renderorder="right-down" infinite="0"')
    expect_error(path, "isometric", "orthogonal")


def test_infinite_map(tmp_path: Path) -> None:
    path = small_map(tmp_path, root_attrs='orientation="orthogonal" renderorder="right-down" infinite="1"')
    expect_error(path, "infinite")


def test_zstd_tile_data(tmp_path: Path) -> None:
    path = small_map(tmp_path, data='<data encoding="base64" compression="zstd">KLUv/QBY</data>')
    expect_error(path, "zstd", "CSV")


def test_xml_tile_data(tmp_path: Path) -> None:
    path = small_map(tmp_path, data="<data>" + '<tile gid="4"/>' * 48 + "</data>")
    expect_error(path, "XML tile data")


def test_missing_tileset(tmp_path: Path) -> None:
    path = small_map(tmp_path, tileset='<tileset firstgid="1" source="tilesets/nope.tsx"/>')
    expect_error(path, "nope.tsx", "not found")


def test_missing_start(tmp_path: Path) -> None:
    path = small_map(tmp_path)
    text = path.read_text().replace('type="start"', 'type="scenery"')
    path.write_text(text)
    expect_error(path, 'no object of type "start"')


def test_checkpoint_without_order_names_the_object(tmp_path: Path) -> None:
    path = small_map(tmp_path)
    path.write_text(path.read_text().replace('<property name="order" type="int" value="1"/>', ""))
    expect_error(path, 'object #2 "half" (checkpoint)', "order")


def test_gate_off_the_route(tmp_path: Path) -> None:
    path = small_map(tmp_path)
    path.write_text(path.read_text().replace('x="320" y="8"><polyline', 'x="380" y="8"><polyline'))
    expect_error(path, 'object #3 "end" (finish)', "does not cross the route")


def test_missing_scale_property(tmp_path: Path) -> None:
    path = small_map(tmp_path)
    path.write_text(path.read_text().replace('name="px_per_m"', 'name="scale"'))
    expect_error(path, "px_per_m")


def test_unknown_surface(tmp_path: Path) -> None:
    tsx = tmp_path / "odd.tsx"
    tsx.write_text(TSX.read_text().replace('value="asphalt"', 'value="lava"'))
    shutil.copy(TSX.parent / "terrain.png", tmp_path / "terrain.png")
    path = small_map(tmp_path, tileset=f'<tileset firstgid="1" source="{tsx.name}"/>')
    expect_error(path, "'lava'", "surface")
