"""Roads drawn as geometry (issue 12): road objects smoothed and chained into the route, the
surface the physics reads, walled streets, gates placed as points, scenery collision shapes,
and ``millegame new-stage``."""

from __future__ import annotations

import math
import os
import xml.etree.ElementTree as ET
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import numpy as np
import pytest
import shapely

from millegame import resources
from millegame.cli import main as cli_main
from millegame.core.stage import MATERIAL_HARD, MATERIAL_SOFT
from millegame.levels import StageError, load_stage
from millegame.levels.roads import smooth_chain
from millegame.levels.writer import TmxLayer, TmxObject, tiled_number, tmx_text

PX = 8.0  # px per metre
TERRAIN = resources.levels_dir() / "tilesets" / "terrain.tsx"
COLS, ROWS = 100, 60  # 400 m × 240 m


def road(oid: int, pts_m: list[tuple[float, float]], **props: object) -> TmxObject:
    x0, y0 = pts_m[0][0] * PX, pts_m[0][1] * PX
    rel = [(x * PX - x0, y * PX - y0) for x, y in pts_m]
    kinds = {"width_m": "float", "sharp": "bool"}
    p = [(k, kinds.get(k, "string"), str(v).lower() if isinstance(v, bool) else str(v)) for k, v in props.items()]
    return TmxObject(oid, x0, y0, type="road", name=f"road{oid}", points=rel, properties=p)


def start(oid: int, x_m: float, y_m: float, rot: float = 0.0) -> TmxObject:
    t = math.radians(rot)
    # The rectangle's top-left corner such that its centre is (x_m, y_m).
    cx, cy = 2.2 * math.cos(t) - 0.9 * math.sin(t), 2.2 * math.sin(t) + 0.9 * math.cos(t)
    return TmxObject(oid, (x_m - cx) * PX, (y_m - cy) * PX, type="start", width=4.4 * PX, height=1.8 * PX, rotation=rot)


def point(oid: int, kind: str, x_m: float, y_m: float, **props: str) -> TmxObject:
    return TmxObject(
        oid, x_m * PX, y_m * PX, type=kind, name=kind, point=True, properties=[(k, "int", v) for k, v in props.items()]
    )


def write_map(tmp_path: Path, objects: list[TmxObject], name: str = "roads.tmx", tilesets: str = "") -> Path:
    text = tmx_text(
        COLS, ROWS, 32, [(1, str(TERRAIN))], [("px_per_m", "float", "8"), ("title", "string", "Roads")],
        [TmxLayer("ground", np.ones((ROWS, COLS), dtype=np.int64))], [("objects", objects)], "#8db255",
    )  # fmt: skip
    if tilesets:
        text = text.replace(
            f'<tileset firstgid="1" source="{TERRAIN}"/>', f'<tileset firstgid="1" source="{TERRAIN}"/>\n{tilesets}'
        )
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def basic(extra: list[TmxObject] | None = None, **road_props: object) -> list[TmxObject]:
    """A road of two pieces: asphalt with one bend, then cobbles; start, a checkpoint, finish."""
    return [
        road(1, [(20, 200), (150, 200), (230, 150), (260, 80)], **road_props),
        road(2, [(260, 80), (280, 40), (380, 30)], surface="cobbles", width_m=6),
        start(3, 30, 200),
        point(4, "checkpoint", 200, 172, order="1"),
        point(5, "finish", 350, 31),
        *(extra or []),
    ]


def check(path: Path, *args: str) -> tuple[int, str]:
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(err):
        code = cli_main(["check-level", str(path), *args])
    return code, err.getvalue()


# -- smoothing -------------------------------------------------------------------------------------
def test_three_clicks_make_a_clean_bend_through_every_point() -> None:
    control = np.array([[0.0, 0.0], [100.0, 0.0], [160.0, 60.0]])
    pts, at = smooth_chain(control, np.zeros(2, dtype=bool))
    assert np.allclose(pts[at], control)  # passes through the clicked points
    d = np.diff(pts, axis=0)
    assert np.hypot(*d.T).max() <= 0.5 + 1e-9  # dense enough for the raster and the renderer
    heading = np.unwrap(np.arctan2(d[:, 1], d[:, 0]))
    turn = np.abs(np.diff(heading))
    assert turn.max() < math.radians(2.0)  # no kink anywhere: the bend is spread along the curve
    assert abs(heading[-1] - heading[0] - math.radians(45)) < math.radians(5)


def test_sharp_keeps_the_corner_as_drawn() -> None:
    control = np.array([[0.0, 0.0], [50.0, 0.0], [50.0, 50.0]])
    pts, at = smooth_chain(control, np.ones(2, dtype=bool))
    # Every point lies on one of the two drawn legs.
    on_leg = np.isclose(pts[:, 1], 0.0) | np.isclose(pts[:, 0], 50.0)
    assert on_leg.all() and np.allclose(pts[at[1]], [50.0, 0.0])


# -- the chain is the route ------------------------------------------------------------------------------
def test_pieces_join_into_the_route_and_a_side_road_stays_apart(tmp_path: Path) -> None:
    side = road(6, [(150, 200), (150, 235)], surface="gravel", width_m=4)  # a lane off the main road
    stage = load_stage(write_map(tmp_path, basic([side])))
    assert [p.object_id for p in stage.roads if p.on_route] == [1, 2]
    assert [p.object_id for p in stage.roads if not p.on_route] == [6]
    assert np.allclose(stage.route[0], (20, 200)) and np.allclose(stage.route[-1], (380, 30))
    step = np.hypot(*np.diff(stage.route, axis=0).T)
    assert step.max() < 0.6  # one continuous polyline, no jump at the joint
    names = stage.surfaces.names
    on = stage.surface_at(np.array([100.0, 100.0, 150.0, 330.0]), np.array([202.0, 210.0, 230.0, 32.0]))
    assert [names[i] for i in on] == ["asphalt", "grass", "gravel", "cobbles"]


def test_the_derived_route_is_what_the_autopilot_drives(tmp_path: Path) -> None:
    from millegame.api import drive_stage, load_car

    stage = load_stage(write_map(tmp_path, basic()))
    result = drive_stage(stage, load_car("alfa-6c-1750"), max_time_s=120.0)
    assert result.finish_tick > 0
    assert result.sim.to_json()["wall_hits"] == 0


def test_a_gap_between_pieces_is_reported_with_its_size(tmp_path: Path) -> None:
    objs = basic()
    objs[1] = road(2, [(263, 80), (280, 40), (380, 30)], surface="cobbles")
    code, out = check(write_map(tmp_path, objs))
    assert code == 1
    assert "road1" in out and "ends 3.0 m from the start of" in out and "road2" in out


def test_a_piece_drawn_backwards_is_named(tmp_path: Path) -> None:
    objs = basic()
    objs[1] = road(2, [(380, 30), (280, 40), (260, 80)], surface="cobbles")
    code, out = check(write_map(tmp_path, objs))
    assert code == 1 and "road2" in out and "drawn backwards" in out


def test_a_road_drawn_from_the_finish_says_reverse_it(tmp_path: Path) -> None:
    objs = [road(1, [(380, 30), (150, 200), (20, 200)]), start(3, 30, 200), point(5, "finish", 350, 45)]
    code, out = check(write_map(tmp_path, objs))
    assert code == 1 and "reverse the polyline" in out


@pytest.mark.parametrize("width", ["1.5", "55", "wide"])
def test_a_road_width_that_cannot_be_right_is_refused(tmp_path: Path, width: str) -> None:
    objs = basic()
    objs[0] = road(1, [(20, 200), (150, 200), (230, 150), (260, 80)], width_m=width)
    with pytest.raises(StageError, match="width_m"):
        load_stage(write_map(tmp_path, objs))


def test_markings_are_read_and_a_misspelt_one_is_refused(tmp_path: Path) -> None:
    objs = basic(markings="full")
    stage = load_stage(write_map(tmp_path, objs))
    assert [p.markings for p in stage.roads] == ["full", "none"]  # the default: a 1950s road without lines
    objs[0] = road(1, [(20, 200), (150, 200), (230, 150), (260, 80)], markings="center")
    with pytest.raises(StageError, match="markings 'center' is not one of: none, centre, full"):
        load_stage(write_map(tmp_path, objs))


def test_road_objects_and_a_route_polyline_together_are_refused(tmp_path: Path) -> None:
    objs = [*basic(), TmxObject(9, 20 * PX, 200 * PX, type="route", points=[(0, 0), (100 * PX, 0)])]
    with pytest.raises(StageError, match="delete the route polyline"):
        load_stage(write_map(tmp_path, objs))


# -- gates placed as points -----------------------------------------------------------------------------
def test_a_gate_placed_as_a_point_spans_the_road_square_to_it(tmp_path: Path) -> None:
    stage = load_stage(write_map(tmp_path, basic()))
    gate = stage.checkpoints[0]
    a, b = np.array(gate.a), np.array(gate.b)
    assert 7.0 + 2 * 8.0 <= np.hypot(*(b - a)) <= 7.0 + 2 * 8.0 + 1.01  # the road's width and 8 m past each edge
    assert abs(float(np.dot(b - a, gate.forward))) / np.hypot(*(b - a)) < 0.01  # square to the road (±0.6°)
    centre = (a + b) / 2
    assert np.min(np.hypot(*(stage.route - centre).T)) < 0.5  # centred on the road


def test_a_gate_point_far_from_the_road_is_reported(tmp_path: Path) -> None:
    objs = basic()
    objs[3] = point(4, "checkpoint", 200, 100, order="1")
    with pytest.raises(StageError, match="from the road"):
        load_stage(write_map(tmp_path, objs))


def test_a_gate_placed_as_a_point_never_reaches_the_other_leg_of_a_hairpin(tmp_path: Path) -> None:
    # A hairpin whose legs run 16 m apart (centre to centre): a gate on one leg must not cross the other.
    objs = [
        road(1, [(20, 200), (200, 200), (230, 192), (230, 176), (200, 168), (60, 168)]),
        start(3, 30, 200),
        point(4, "checkpoint", 150, 200, order="1"),
        point(5, "finish", 80, 168),
    ]
    stage = load_stage(write_map(tmp_path, objs))
    gate = stage.checkpoints[0]
    ys = sorted((gate.a[1], gate.b[1]))
    assert ys[0] > 168 + 3.5 and ys[1] >= 200 + 3.5 + 8.0 - 0.6  # short of the other leg, 8 m past the far edge
    assert [g.name for g in stage.gates] == ["checkpoint", "finish"]


# -- what the physics reads and what the renderer draws ----------------------------------------------------
def exact_surface(stage, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The rule itself, with shapely: route pieces over side roads, nearer centre line first;
    and how far each point is from where the answer changes: a road's edge, or the line where
    two pieces of the chain meet (within a margin of half the difference of their distances,
    as one metre sideways changes a distance by at most one metre)."""
    pts = shapely.points(x, y)
    best = np.full(len(x), -1)
    key = np.full((len(x), 2), np.inf)
    edge = np.full(len(x), np.inf)
    route_d = []
    for p in stage.roads:
        line = shapely.LineString(p.centre)
        d = shapely.distance(line, pts)
        edge = np.minimum(edge, np.abs(d - p.width_m / 2))
        on = d <= p.width_m / 2
        if p.on_route:
            route_d.append(np.where(on, d, np.inf))
        k = np.stack([np.full(len(x), 0 if p.on_route else 1), d], axis=1)
        better = on & ((k[:, 0] < key[:, 0]) | ((k[:, 0] == key[:, 0]) & (k[:, 1] < key[:, 1])))
        best = np.where(better, p.surface, best)
        key = np.where(better[:, None], k, key)
    if len(route_d) >= 2:
        two = np.sort(np.stack(route_d), axis=0)[:2]
        with np.errstate(invalid="ignore"):  # inf − inf off the roads: no split there
            split = np.where(np.isfinite(two[1]), (two[1] - two[0]) / 2, np.inf)
        edge = np.minimum(edge, split)
    return best, edge


def test_the_physics_raster_follows_the_road_rule_within_a_quarter_metre(tmp_path: Path) -> None:
    side = road(6, [(150, 200), (150, 235)], surface="gravel", width_m=4)
    stage = load_stage(write_map(tmp_path, basic([side])))
    rng = np.random.default_rng(3)
    # Points near the roads (where it matters), plus some anywhere.
    k = rng.integers(0, len(stage.route), 20000)
    x = np.concatenate([stage.route[k, 0] + rng.normal(0, 4, len(k)), rng.uniform(0, 400, 5000)])
    y = np.concatenate([stage.route[k, 1] + rng.normal(0, 4, len(k)), rng.uniform(0, 240, 5000)])
    want, edge = exact_surface(stage, x, y)
    got = stage.road_raster.surface_at(x, y)
    clear = edge > 0.25
    assert clear.sum() > 20000
    assert np.array_equal(got[clear], want[clear])


def test_the_renderer_draws_the_road_where_the_physics_reads_it(tmp_path: Path) -> None:
    import pygame

    from millegame.core.surfaces import SURFACE_RGB
    from millegame.ui.render.road_art import RoadArt

    side = road(6, [(150, 200), (150, 235)], surface="gravel", width_m=4)
    stage = load_stage(write_map(tmp_path, basic([side])))
    art = RoadArt(stage)
    names = stage.surfaces.names
    drawn_by_surface: dict[str, list[np.ndarray]] = {}
    s = 8.0
    for x0, y0 in ((100.0, 180.0), (200.0, 120.0), (240.0, 20.0), (130.0, 190.0)):
        px = np.arange(320) + 0.5
        gx, gy = np.meshgrid(x0 + px / s, y0 + px / s)
        _, edge = exact_surface(stage, gx.ravel(), gy.ravel())
        physics = stage.road_raster.surface_at(gx.ravel(), gy.ravel())
        clear = edge > 0.25
        # The surface each pixel is shaded with is the one the physics reads there.
        field = art.surface_at_pixels(x0, y0, s, 320, 320).ravel()
        assert np.array_equal(field[clear], physics[clear])
        target = pygame.Surface((320, 320))
        target.fill((0, 200, 0))
        art.paint(target, x0, y0, s)
        pixels = pygame.surfarray.pixels3d(target).transpose(1, 0, 2).reshape(-1, 3).astype(int)
        off = clear & (physics < 0) & (edge > 2.0)  # well off the road: the ground is untouched
        assert (pixels[off] == (0, 200, 0)).all()
        for k in np.unique(physics[clear & (physics >= 0)]):
            drawn_by_surface.setdefault(names[k], []).append(pixels[clear & (physics == k) & (edge > 0.6)])
    # Each surface has its own texture around its own colour: the average of its pixels is
    # nearer its colour than any other road surface's, and the pixels are not all one colour.
    road_names = ("asphalt", "wet_asphalt", "cobbles", "gravel", "dirt")
    assert {"asphalt", "gravel"} <= set(drawn_by_surface)
    for name, parts in drawn_by_surface.items():
        px = np.concatenate(parts)
        mean = px.mean(axis=0)
        nearest = min(road_names, key=lambda n: float(np.linalg.norm(mean - SURFACE_RGB[n])))
        assert nearest == name, (name, mean)
        assert px.std(axis=0).max() > 4.0  # textured, not flat


def test_cobbles_are_laid_along_the_road_whatever_its_heading(tmp_path: Path) -> None:
    """The cobbles' rows follow the centre line: the texture is the same function of the
    distance along and across the road on a road heading east and on one heading north-east."""
    import pygame

    from millegame.ui.render.road_art import RoadArt

    pictures = []
    for end in ((260.0, 120.0), (100.0 + 160.0 / np.sqrt(2), 120.0 - 160.0 / np.sqrt(2))):
        lane = road(7, [(100, 120), end], surface="cobbles", width_m=8, edge="none")
        stage = load_stage(write_map(tmp_path, basic([lane])))
        art = RoadArt(stage)
        piece = next(p for p in stage.roads if p.object_id == 7)
        a, b = piece.centre[0], piece.centre[-1]
        u = (b - a) / np.hypot(*(b - a))
        mid = a + u * 60.0
        s = 16.0
        target = pygame.Surface((256, 256))
        x0, y0 = mid[0] - 8.0, mid[1] - 8.0
        art.paint(target, x0, y0, s)
        rgb = pygame.surfarray.pixels3d(target).transpose(1, 0, 2).astype(float).mean(axis=2)
        # Sample the picture in the road's own frame: 6 m along × 6 m across its centre.
        along, across = np.meshgrid(np.arange(-3.0, 3.0, 0.05), np.arange(-3.0, 3.0, 0.05))
        wx = mid[0] + along * u[0] - across * u[1]
        wy = mid[1] + along * u[1] + across * u[0]
        cols = np.clip(((wx - x0) * s).astype(int), 0, 255)
        rows = np.clip(((wy - y0) * s).astype(int), 0, 255)
        pictures.append(rgb[rows, cols])
    east, diagonal = pictures
    # Nearly the same picture in the road's frame (pixel rounding apart), and not noise:
    assert np.corrcoef(east.ravel(), diagonal.ravel())[0, 1] > 0.6
    assert east.std() > 8.0


# -- walled streets and scenery ---------------------------------------------------------------------------
def test_a_walled_street_is_solid_on_both_sides_but_open_at_a_junction(tmp_path: Path) -> None:
    objs = basic()
    objs[1] = road(2, [(260, 80), (280, 40), (380, 30)], surface="cobbles", width_m=6, edge="wall")
    objs.append(road(6, [(320, 36), (320, 80)], width_m=5))  # a side street off the walled one
    stage = load_stage(write_map(tmp_path, objs))
    walls = stage.walls
    assert len(walls) > 20 and (stage.wall_materials() == MATERIAL_HARD).all()
    mid = (walls[:, :2] + walls[:, 2:]) / 2
    piece = next(p for p in stage.roads if p.object_id == 2)
    d = shapely.distance(shapely.LineString(piece.centre), shapely.points(mid[:, 0], mid[:, 1]))
    assert np.allclose(d, 3.0 + 0.5, atol=0.05)  # half the width plus the wall's offset
    near_junction = np.hypot(mid[:, 0] - 320, mid[:, 1] - 38) < 2.0
    assert not near_junction.any()  # the side street is open


SCENERY_TSX = """<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="things" tilewidth="128" tileheight="128" tilecount="2" columns="2">
 <image source="things.png" width="256" height="128"/>
 <tile id="0">
  <objectgroup draworder="index" id="2">
   <object id="1" x="60" y="60" width="8" height="8"><ellipse/></object>
  </objectgroup>
 </tile>
 <tile id="1">
  <objectgroup draworder="index" id="2">
   <object id="1" x="16" y="48" width="96" height="32">
    <properties><property name="material" value="soft"/></properties>
   </object>
  </objectgroup>
 </tile>
</tileset>
"""


def write_scenery(tmp_path: Path) -> str:
    import pygame

    pygame.image.save(pygame.Surface((256, 128)), str(tmp_path / "things.png"))
    (tmp_path / "things.tsx").write_text(SCENERY_TSX, encoding="utf-8")
    return '<tileset firstgid="1000" source="things.tsx"/>'


def test_scenery_objects_are_solid_where_their_tile_has_a_shape(tmp_path: Path) -> None:
    ref = write_scenery(tmp_path)
    tree = TmxObject(7, 100 * PX, 120 * PX, gid=1000, width=128, height=128)  # 16 m tile, anchor bottom-left
    hedge = TmxObject(8, 200 * PX, 120 * PX, gid=1001, width=64, height=64, rotation=90)  # half size, turned
    stage = load_stage(write_map(tmp_path, [*basic(), tree, hedge], tilesets=ref))
    mats = stage.wall_materials()
    ends = np.concatenate([stage.walls[:, :2], stage.walls[:, 2:]])
    # The trunk: a 1 m circle at the tile's centre, 8 m right of and 8 m above the anchor.
    trunk = ends[np.concatenate([mats, mats]) == MATERIAL_HARD]
    r = np.hypot(trunk[:, 0] - 108, trunk[:, 1] - 112)
    assert ((r > 0.45) & (r < 0.55)).sum() == 2 * 16
    # The hedge: scaled to half (a 6 × 2 m box), turned 90° clockwise about its anchor (200, 120).
    # Tile px (16..112, 48..80) → local metres u ∈ [1, 7], v ∈ [-5, -3] from the anchor; turned
    # 90° clockwise (x, y) → (x − v, y + u).
    soft = ends[np.concatenate([mats, mats]) == MATERIAL_SOFT]
    assert len(soft) == 8
    assert np.allclose(soft.min(axis=0), (203, 121)) and np.allclose(soft.max(axis=0), (205, 127))
    assert stage.art is not None and len(stage.art.objects) == 2


def test_scenery_stacked_on_one_spot_is_refused_not_a_memory_blowup(tmp_path: Path) -> None:
    ref = write_scenery(tmp_path)
    copies = [TmxObject(100 + k, 100 * PX, 120 * PX, gid=1000, width=128, height=128) for k in range(300)]
    with pytest.raises(StageError, match=r"\d{4} wall edges within 8 m of \(108, 1\d\d\) m"):
        load_stage(write_map(tmp_path, [*basic(), *copies], tilesets=ref))


def test_a_car_driven_into_a_scenery_trunk_is_stopped_by_it(tmp_path: Path) -> None:
    from millegame.api import Controls, Race, load_car

    ref = write_scenery(tmp_path)
    # A trunk right on the road, 40 m ahead of the start.
    tree = TmxObject(7, (70 - 8) * PX, (200 + 8) * PX, gid=1000, width=128, height=128)
    stage = load_stage(write_map(tmp_path, [*basic(), tree], tilesets=ref))
    race = Race(stage, [load_car("alfa-6c-1750")])
    full = Controls(throttle=np.ones(1), brake=np.zeros(1), steer=np.zeros(1), handbrake=np.zeros(1))
    for _ in range(120 * 8):
        race.step(full)
    assert float(race.state.x[0]) < 70 - 0.5  # never through the trunk
    assert abs(float(race.state.y[0]) - 200) < 3  # stopped by it, not slid round it


# -- templates ------------------------------------------------------------------------------------------
def test_objects_made_from_the_shipped_templates_load_as_what_they_are(tmp_path: Path) -> None:
    import shutil

    levels = resources.levels_dir()
    shutil.copytree(levels / "templates", tmp_path / "templates")
    shutil.copytree(levels / "tilesets", tmp_path / "tilesets")
    text = tmx_text(
        COLS,
        ROWS,
        32,
        [(1, "tilesets/terrain.tsx"), (481, "tilesets/scenery.tsx")],
        [("px_per_m", "float", "8")],
        [TmxLayer("ground", np.ones((ROWS, COLS), dtype=np.int64))],
        [("objects", [])],
        "#8db255",
    ).replace(
        ' <objectgroup id="2" name="objects">',
        ' <objectgroup id="2" name="objects">\n'
        # As Tiled saves instances: the template, the position, and only what was changed.
        '  <object id="1" template="templates/road-asphalt.tx" x="160" y="1600">\n'
        '   <polyline points="0,0 1200,0 2400,-800"/>\n  </object>\n'
        '  <object id="2" template="templates/start.tx" x="226.4" y="1592.8"/>\n'
        '  <object id="3" template="templates/checkpoint.tx" x="1200" y="1600"/>\n'
        '  <object id="4" template="templates/finish.tx" x="2400" y="1000"/>\n'
        '  <object id="5" template="templates/olive.tx" x="800" y="1800"/>\n',
    )
    path = tmp_path / "t.tmx"
    path.write_text(text, encoding="utf-8")
    stage = load_stage(path)
    assert [p.surface_name for p in stage.roads] == ["asphalt"] and stage.roads[0].width_m == 7.0
    assert stage.checkpoints and stage.checkpoints[0].order == 1
    assert stage.art is not None and [o.gid for o in stage.art.objects] == [481]  # olive_a, in the map's numbering
    assert (stage.wall_materials() == MATERIAL_HARD).sum() >= 16  # its trunk
    # A template is read each time: edit it and every stage made with it changes.
    tx = tmp_path / "templates" / "road-asphalt.tx"
    tx.write_text(
        tx.read_text().replace('name="width_m" type="float" value="7"', 'name="width_m" type="float" value="9"')
    )
    again = load_stage(path)
    assert again.roads[0].width_m == 9.0


def test_a_missing_template_is_reported(tmp_path: Path) -> None:
    objs = [*basic(), TmxObject(9, 100, 100)]
    plain = '<object id="9" x="100" y="100"/>'
    text = write_map(tmp_path, objs).read_text().replace(plain, plain.replace("x=", 'template="nowhere.tx" x='))
    (tmp_path / "roads.tmx").write_text(text)
    code, out = check(tmp_path / "roads.tmx")
    assert code != 0 and 'template "nowhere.tx" not found' in out


# -- new-stage ------------------------------------------------------------------------------------------
def test_new_stage_writes_a_stage_that_passes_check_level_drive(tmp_path: Path) -> None:
    path = tmp_path / "mine" / "my-first.tmx"
    assert cli_main(["new-stage", str(path), "--title", "Il mio primo"]) == 0
    assert (tmp_path / "mine" / "tilesets" / "terrain.tsx").is_file()
    code, out = check(path, "--drive")
    assert code == 0, out
    stage = load_stage(path)
    assert stage.title == "Il mio primo" and len(stage.roads) >= 2 and stage.checkpoints


def test_new_stage_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "mine.tmx"
    path.write_text("my work", encoding="utf-8")
    assert cli_main(["new-stage", str(path)]) == 2
    assert path.read_text(encoding="utf-8") == "my work"


def test_tiled_numbers_have_six_significant_digits() -> None:
    assert tiled_number(12202.64) == "12202.6"
    assert tiled_number(40.12345) == "40.1234"
    assert tiled_number(80.777777) == "80.7778"
    assert tiled_number(-0.0) == "0" and tiled_number(7.0) == "7"


# -- the tutorial (docs/levels.md, part 2) ----------------------------------------------------------
def tutorial_stage(tmp_path: Path) -> Path:
    """The stage a designer has after following part 2 of docs/levels.md, made by applying its
    steps to the file ``new-stage`` writes, as Tiled would save them."""
    import re

    docs = (Path(__file__).resolve().parent.parent / "docs" / "levels.md").read_text(encoding="utf-8")
    block = docs.split("<!-- tutorial-climb: the test reads these points -->", 1)[1].split("```")[1]
    climb = [tuple(float(v) for v in pair.split(",")) for pair in block.split()]
    path = tmp_path / "il-colle.tmx"
    assert cli_main(["new-stage", str(path), "--title", "Il Colle"]) == 0
    root = ET.parse(path).getroot()
    objs = {o.get("name"): o for o in root.iter("object")}
    # Step 4: move "Into town" and the finish (pixels, as the tutorial gives them).
    objs["Into town"].set("x", "7520")
    objs["Into town"].set("y", "1376")
    objs["finish"].set("x", "8576")
    objs["finish"].set("y", "800")
    group = root.find("objectgroup")
    assert group is not None
    # Step 5: the climb, a gravel road drawn through the tutorial's points.
    x0, y0 = climb[0][0] * 8, climb[0][1] * 8
    road_xml = ET.fromstring(
        f'<object id="6" name="Salita del Colle" type="road" x="{x0:g}" y="{y0:g}"><properties>'
        '<property name="surface" value="gravel"/><property name="width_m" type="float" value="6"/>'
        '</properties><polyline points="'
        + " ".join(f"{x * 8 - x0:g},{y * 8 - y0:g}" for x, y in climb)
        + '"/></object>'
    )
    group.append(road_xml)
    # Step 6: checkpoint 2 at the top, placed as a point.
    group.append(ET.fromstring(
        '<object id="7" name="CP2" type="checkpoint" x="5520" y="1856"><properties>'
        '<property name="order" type="int" value="2"/></properties><point/></object>'
    ))  # fmt: skip
    ET.ElementTree(root).write(path, encoding="UTF-8", xml_declaration=True)
    assert re.search(r'name="CP2"', path.read_text())
    return path


def test_the_tutorial_makes_a_2_km_stage_with_three_hairpins_the_autopilot_drives(tmp_path: Path) -> None:
    from millegame.api import drive_stage, load_car
    from millegame.core.route import curvature, resample

    path = tutorial_stage(tmp_path)
    code, out = check(path)
    assert code == 0, out
    stage = load_stage(path)
    assert stage.route_length_m >= 2000
    assert [g.name for g in stage.gates] == ["CP1", "CP2", "finish"]
    roads = [o for o in ET.parse(path).getroot().iter("object") if o.get("type") == "road"]
    drawn = sum(len(str(o.find("polyline").get("points")).split()) for o in roads)  # type: ignore[union-attr]
    assert drawn <= 30
    pts = resample(stage.route, 1.0)
    kappa = np.abs(curvature(pts, window=4))
    tight = np.flatnonzero(kappa > 1 / 20)  # radius under 20 m
    hairpins = [run for run in np.split(tight, np.flatnonzero(np.diff(tight) > 1) + 1) if len(run) >= 3]
    d = np.diff(pts, axis=0)
    heading = np.degrees(np.arctan2(d[:, 1], d[:, 0])) % 90
    assert (np.minimum(heading, 90 - heading) > 10).mean() > 0.3  # a road at any angle, not a grid
    assert len(hairpins) >= 3
    run = drive_stage(stage, load_car("alfa-6c-1750"))
    assert run.finish_tick > 0


def test_asphalt_repairs_are_ragged_blots_not_squares() -> None:
    """Repairs on dry asphalt darken irregular, soft-edged blots: along a repair its width
    across the road changes from one slice to the next (a square patch has one width), and
    its edge fades over a band rather than stopping at a straight line."""
    from millegame.ui.render.road_art import _repair

    hw, step = 3.5, 0.1
    lats = np.arange(-hw, hw, step)
    repairs = 0
    for cell in range(120):  # 960 m of a straight road along x
        ss = np.arange(8.0 * cell, 8.0 * cell + 8.0, step)
        k = np.array([[_repair(s, lat, hw, s, 40.0 + lat) for lat in lats] for s in ss])
        if not (k > 0.5).any():
            continue
        repairs += 1
        widths = (k > 0.5).sum(axis=1) * step
        widths = widths[widths > 0]
        assert widths.max() - np.median(widths) > 0.25 or widths.max() - widths.min() > 0.5
        soft = ((k > 0.05) & (k < 0.95)).sum() / (k > 0.5).sum()
        assert soft > 0.15, soft  # a soft edge, not a step
        assert not (k[0] > 0).any() and not (k[-1] > 0).any()  # never cut straight by its stretch's ends
    assert 8 <= repairs <= 40  # one in a few stretches
