"""The shipped stages: route order, data, landmarks, surfaces, timing lines, the Tiled project,
and ``check-level --drive`` on every one of them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import numpy as np
import pytest
import shapely

from millegame import catalog
from millegame.core.route import curvature, resample
from millegame.core.stage import Stage
from millegame.levels import load_stage
from millegame.levels.check import EXIT_OK, check_file
from millegame.levels.schema import ENUMS, OBJECT_TYPES

REPO = Path(__file__).resolve().parent.parent
LEVELS = REPO / "levels"
STAGES = catalog.list_stages()
IDS = [s.id for s in STAGES]
ROUTE_ORDER = [
    "prologo",
    "brescia-verona",
    "verona-vicenza",
    "vicenza-padova",
    "padova-ferrara",
    "ferrara-ravenna",
    "aquila-rieti",
    "rieti-roma",
]
# What makes each stage recognisable from above: tile kinds that must be on its map (tile
# layers or tile objects; the road surfaces are the road pieces', see the surfaces test).
LANDMARKS = {
    "prologo": {"sail_boat", "olive_a", "cypress_a", "straw_bales", "church", "dome_00", "cyclists"},
    "brescia-verona": {"ramp_tl", "spectators_flags", "banner_v_m", "sail_boat", "brick_ns"},
    "verona-vicenza": {"arena_4_4", "rotonda_1_1", "basilica_1_2", "vineyard_h"},
    "vicenza-padova": {"statue", "fountain_tl", "dome_11"},
    "padova-ferrara": {"truss_m", "parapet_w", "bridge_deck", "poplar"},
    "ferrara-ravenna": {"brick_ns", "pine_c", "saltpan", "tower_tl"},
    "aquila-rieti": {"scree", "stone_wall", "rocks"},
    "rieti-roma": {"colosseum_4_4", "plane_tree", "umbrella", "pine_c"},
}


@cache
def stage(stage_id: str) -> Stage:
    return load_stage(catalog.resolve_stage(stage_id))


@cache
def kind_of_gid(stage_id: str) -> dict[int, str]:
    """Every tile's ``kind`` on the stage's tilesets, by gid."""
    art = stage(stage_id).art
    assert art is not None
    kind: dict[int, str] = {}
    for ts in art.tilesets:
        tsx = ET.parse(Path(ts.image_path).with_suffix(".tsx")).getroot()
        for t in tsx.iter("tile"):
            name = next((p.get("value") for p in t.iter("property") if p.get("name") == "kind"), None)
            if name:
                kind[ts.firstgid + int(t.get("id", "0"))] = name
    return kind


@cache
def kinds_on(stage_id: str) -> set[str]:
    """The ``kind`` of every tile on the stage's layers and of every tile object."""
    art = stage(stage_id).art
    assert art is not None
    kind = kind_of_gid(stage_id)
    gids = np.unique(np.concatenate([layer.gids.ravel() for layer in art.layers] + [[o.gid for o in art.objects]]))
    return {str(kind[int(g)]) for g in gids if int(g) in kind}


def test_eight_stages_in_route_order() -> None:
    assert IDS == ROUTE_ORDER
    for info in STAGES:
        assert info.path.is_file(), info.path


@pytest.mark.parametrize("stage_id", IDS)
def test_stage_data_lives_in_the_map(stage_id: str) -> None:
    s = stage(stage_id)
    assert s.time_of_day in ENUMS["time_of_day"]
    assert s.weather in ENUMS["weather"]
    assert s.par_time_s is not None
    # 2–4 minutes at race pace: par is the Jaguar XK120's autopilot time + 10 %
    assert 120 * 1.1 <= s.par_time_s <= 240 * 1.1, s.par_time_s
    assert 2000 <= s.route_length_m <= 4500


def test_times_of_day_and_weather_vary_along_the_route() -> None:
    light = [stage(i).time_of_day for i in IDS]
    assert {"day", "dusk", "night"} <= set(light)
    assert stage("brescia-verona").time_of_day == "dusk" and stage("verona-vicenza").time_of_day == "night"
    assert any(stage(i).weather == "rain" for i in IDS)


@pytest.mark.parametrize("stage_id", IDS)
def test_landmarks_are_on_the_map(stage_id: str) -> None:
    missing = LANDMARKS[stage_id] - kinds_on(stage_id)
    assert not missing, f"{stage_id} lacks {missing}"


def surfaces_of(stage_id: str) -> set[str]:
    s = stage(stage_id)
    return {s.surfaces.names[i] for i in np.unique(s.surface)} | {p.surface_name for p in s.roads}


def test_surfaces_where_history_has_them() -> None:
    wet = [i for i in IDS if "wet_asphalt" in surfaces_of(i)]
    assert wet and all(stage(i).weather == "rain" for i in wet)
    assert "gravel" in surfaces_of("aquila-rieti")
    assert sum("cobbles" in surfaces_of(i) for i in IDS) >= 6


def test_the_po_bridge_is_drawn_over_the_cars() -> None:
    art = stage("padova-ferrara").art
    assert art is not None
    above = next(layer for layer in art.layers if layer.name == "above")
    assert above.above_cars
    tsx = ET.parse(LEVELS / "tilesets" / "terrain.tsx").getroot()
    truss = next(
        int(t.get("id", "0")) + 1
        for t in tsx.iter("tile")
        if any(p.get("value") == "truss_m" for p in t.iter("property"))
    )
    rows, cols = np.nonzero(above.gids == truss)
    assert len(rows) >= 4 * 30  # a deck ~4 tiles wide, well over 100 m long
    s = stage("padova-ferrara")
    route_cells = {(int(y // s.cell_m), int(x // s.cell_m)) for x, y in s.route}
    assert route_cells & set(zip(rows.tolist(), cols.tolist(), strict=True)), "the route does not cross the bridge"


@pytest.mark.parametrize("stage_id", IDS)
def test_every_stage_is_drawn_with_road_objects(stage_id: str) -> None:
    """Roads are geometry on every shipped stage: the route is the chain of road pieces (no
    route object, no road painted in tiles), and it starts at the start and reaches the finish."""
    s = stage(stage_id)
    assert s.roads and any(p.on_route for p in s.roads)
    text = (LEVELS / f"{stage_id}.tmx").read_text(encoding="utf-8")
    assert 'type="route"' not in text
    # the Wang tiles of the paintable roads (town paving, cobbles, is ground and may stay)
    painted = {k for k in kinds_on(stage_id) if re.fullmatch(r"(asphalt|wet_asphalt|gravel)(_\d{4})?", k)}
    assert not painted, f"road painted in tiles: {sorted(painted)[:5]}"
    assert np.hypot(*(s.route[0] - s.start_xy)) < 30.0


@pytest.mark.parametrize("stage_id", IDS)
def test_towns_are_roofs_placed_freely(stage_id: str) -> None:
    """Every stage finishes in a town of houses placed as objects (turned to the street, of
    varied size), not packed on the tile grid: no house tiles on the layers, and round the
    finish roofs of several sizes at several angles."""
    s, kind = stage(stage_id), kind_of_gid(stage_id)
    assert s.art is not None
    on_layers = {kind.get(int(g), "") for layer in s.art.layers for g in np.unique(layer.gids)}
    assert not {k for k in on_layers if k.startswith("house")}, "house tiles on the grid"
    fx, fy = (np.add(s.finish.a, s.finish.b) / 2).tolist()
    houses = [
        o for o in s.art.objects if kind.get(o.gid, "").startswith("house") and np.hypot(o.x_m - fx, o.y_m - fy) < 90.0
    ]
    assert len(houses) >= 12, f"{len(houses)} houses round the finish"
    assert len({round(o.w_m, 1) for o in houses}) >= 4  # varied size
    assert len({round(o.rotation_deg) % 90 for o in houses}) >= 4  # not all square to one grid


@pytest.mark.parametrize("stage_id", IDS)
def test_no_scenery_stands_on_a_road(stage_id: str) -> None:
    """Nothing a car can hit — a tree's trunk, a house, a wall, a solid tile — on any road
    piece of any shipped stage: the generators place scenery by its collision shape, clear of
    the roads, and keep solid tiles away from them."""
    s = stage(stage_id)
    roads = shapely.union_all([shapely.LineString(p.centre).buffer(p.width_m / 2 - 0.05) for p in s.roads])
    walls = shapely.MultiLineString([[(x0, y0), (x1, y1)] for x0, y0, x1, y1 in s.walls])
    assert not walls.intersects(roads), f"a wall crosses a road near {walls.intersection(roads).centroid}"
    rows, cols = np.nonzero(s.solid)
    cells = shapely.union_all([shapely.box(c * s.cell_m, r * s.cell_m, (c + 1) * s.cell_m, (r + 1) * s.cell_m)
                               for r, c in zip(rows.tolist(), cols.tolist(), strict=True)])  # fmt: skip
    assert not cells.intersects(roads.buffer(-0.5)), f"a solid tile on a road near {cells.intersection(roads).centroid}"


def test_timing_lines_on_at_least_three_stages() -> None:
    with_pc = [i for i in IDS if any(t.kind == "pc_line" for t in stage(i).timing_lines)]
    assert len(with_pc) >= 3, with_pc
    kinds = {t.kind for i in IDS for t in stage(i).timing_lines}
    assert {"pc_line", "pm_start", "pm_secret", "pm_end", "co"} <= kinds


def test_the_prologue_is_drawn_with_flowing_roads() -> None:
    """Not right angles of one radius: at least 40 % of the route's length at headings more
    than 10° from any multiple of 90°, and corners of at least three radius classes."""
    s = stage("prologo")
    assert s.roads and not any(k == "route" for k in s.properties)
    pts = resample(s.route, 1.0)
    d = np.diff(pts, axis=0)
    length = np.hypot(*d.T)
    heading = np.degrees(np.arctan2(d[:, 1], d[:, 0])) % 90
    slanted = length[np.minimum(heading, 90 - heading) > 10].sum() / length.sum()
    assert slanted >= 0.40, f"{slanted:.0%} of the route is slanted"
    kappa = np.abs(curvature(pts, window=4))
    classes = set()
    corner = np.flatnonzero(kappa > 1 / 400)
    for run in np.split(corner, np.flatnonzero(np.diff(corner) > 1) + 1):
        if len(run) >= 3:
            r = 1 / kappa[run].max()
            classes.add("hairpin" if r < 20 else "slow" if r < 60 else "medium" if r < 200 else "fast")
    assert len(classes) >= 3, classes
    assert "hairpin" in classes


@pytest.mark.parametrize("stage_id", IDS)
def test_every_stage_passes_check_level(stage_id: str) -> None:
    check = check_file(catalog.resolve_stage(stage_id))
    assert check.exit_code == EXIT_OK, [p.text for p in check.problems]


@pytest.mark.parametrize("stage_id", IDS)
def test_every_stage_passes_check_level_drive(stage_id: str) -> None:
    """The autopilot finishes with the slowest and the fastest car (~15–40 s per stage)."""
    check = check_file(catalog.resolve_stage(stage_id), drive=True)
    assert check.exit_code == EXIT_OK, [p.text for p in check.problems]
    assert len(check.drives) == 2 and all(d.finished for d in check.drives)


# -- the Tiled project ------------------------------------------------------------------------------
def test_the_tiled_project_offers_the_format_as_dropdowns() -> None:
    project = json.loads((LEVELS / "millegame.tiled-project").read_text(encoding="utf-8"))
    assert project["objectTypesFile"] == "objecttypes.xml"
    types = {t["name"]: t for t in project["propertyTypes"]}
    assert len({t["id"] for t in project["propertyTypes"]}) == len(types)
    for t in types.values():
        assert t["type"] == "enum" and t["storageType"] == "string" and t["valuesAsFlags"] is False
    assert types["surface"]["values"] == list(catalog.load_surfaces().names)
    for name, values in ENUMS.items():
        assert types[name]["values"] == list(values)
    assert set(types["object_class"]["values"]) >= {"start", "checkpoint", "finish", "route", "wall", "pc_line"}
    root = ET.parse(LEVELS / "objecttypes.xml").getroot()
    declared = {o.get("name"): {p.get("name"): p.get("type") for p in o.iter("property")} for o in root}
    assert declared == {t.name: {p.name: p.type for p in t.props} for t in OBJECT_TYPES.values()}


def test_the_tiled_project_is_up_to_date() -> None:
    code = (
        "import sys; sys.path.insert(0, 'tools'); import make_tiled_project as m, json; "
        "print(json.dumps(m.project_json(), indent=4)); print(m.object_types_xml(), end='')"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True).stdout
    expected = (LEVELS / "millegame.tiled-project").read_text() + (LEVELS / "objecttypes.xml").read_text()
    assert out == expected, "run tools/make_tiled_project.py"
    code = "import sys, json; sys.path.insert(0, 'tools'); import make_tiled_project as m; "
    code += "print(json.dumps(m.templates()))"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True).stdout
    templates = json.loads(out)
    assert templates == {p.name: p.read_text() for p in sorted((LEVELS / "templates").glob("*.tx"))}


def test_the_tiled_project_has_the_check_and_play_commands() -> None:
    project = json.loads((LEVELS / "millegame.tiled-project").read_text())
    commands = {c["name"]: c for c in project["commands"]}
    assert commands["Check stage"]["arguments"] == "check-level %mapfile --drive"
    assert commands["Play stage"]["arguments"] == "play %mapfile --watch"
    assert all(c["command"] == "millegame" and c["saveBeforeExecute"] for c in commands.values())


def test_the_tileset_uses_the_project_enums() -> None:
    tsx = (LEVELS / "tilesets" / "terrain.tsx").read_text(encoding="utf-8")
    assert 'propertytype="surface"' in tsx and 'propertytype="tile_layer"' in tsx
    # The stages write an enum as a plain string with one of its values (Tiled 1.8 drops
    # ``propertytype`` when a map is re-saved without the project, levels/writer.py).
    for info in STAGES:
        s = stage(info.id)
        assert s.properties["time_of_day"] in ENUMS["time_of_day"]
        assert s.properties["weather"] in ENUMS["weather"]
        assert "propertytype=" not in info.path.read_text(encoding="utf-8")
