"""``check_paths``: every problem check-level can report, each shown by a small broken map.

The base map is 16 × 5 tiles (64 × 20 m): grass verges in rows 0 and 4, asphalt in
rows 1–3 (y 4…16 m), a start at x = 4 m facing east, a checkpoint at x = 30 m, the
finish at x = 48 m and a route along y = 10 m to x = 60 m. It passes every check; each
case below breaks one thing and expects its line.
"""

from __future__ import annotations

import io
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from millegame.levels.check import EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, check_file, check_paths, extreme_cars

REPO = Path(__file__).resolve().parent.parent
TSX = REPO / "levels" / "tilesets" / "terrain.tsx"
GRASS, ASPHALT = 1, 4  # gids of tileset kinds grass_a (id 0) and asphalt (id 3)
COLS, ROWS = 16, 5


def ground_csv(rows: list[list[int]] | None = None) -> str:
    if rows is None:
        rows = [[GRASS if r in (0, ROWS - 1) else ASPHALT] * COLS for r in range(ROWS)]
    return '<data encoding="csv">\n' + ",\n".join(",".join(map(str, row)) for row in rows) + "\n</data>"


def props(*items: tuple[str, str, str]) -> str:
    body = "".join(f'<property name="{n}" type="{t}" value="{v}"/>' for n, t, v in items)
    return f"<properties>{body}</properties>"


def poly(oid: int, name: str, kind: str, x_px: float, y_px: float, points: str) -> str:
    head = f'<object id="{oid}" name="{name}" type="{kind}" x="{x_px:g}" y="{y_px:g}">'
    return f'{head}<polyline points="{points}"/></object>'


BARRIER = poly(9, "barrier", "wall", 320, 0, "0,0 0,160")


def line(oid: int, name: str, kind: str, x_m: float, extra: str = "", y0_m: float = 2.0, y1_m: float = 18.0) -> str:
    """A north–south 2-point line at x [m] from y0 to y1 [m]."""
    return (
        f'<object id="{oid}" name="{name}" type="{kind}" x="{x_m * 8:g}" y="{y0_m * 8:g}">{extra}'
        f'<polyline points="0,0 0,{(y1_m - y0_m) * 8:g}"/></object>'
    )


@dataclass
class Tiny:
    """The parts of the base map; a case overrides some and writes it."""

    root: str = 'orientation="orthogonal" renderorder="right-down" infinite="0"'
    size: str = f'width="{COLS}" height="{ROWS}" tilewidth="32" tileheight="32"'
    map_props: str = props(("px_per_m", "float", "8"), ("title", "string", "Tiny"), ("weather", "string", "clear"))
    tileset: str = f'<tileset firstgid="1" source="{TSX}"/>'
    layers: str = f'<layer id="1" name="ground" width="{COLS}" height="{ROWS}">{ground_csv()}</layer>'
    objects: dict[str, str] = field(
        default_factory=lambda: {
            "start": '<object id="1" name="go" type="start" x="32" y="72.8" width="35.2" height="14.4"/>',
            "cp": line(2, "half", "checkpoint", 30.0, props(("order", "int", "1"))),
            "finish": line(3, "end", "finish", 48.0),
            "route": poly(4, "road", "route", 49.6, 80, "0,0 430.4,0"),
        }
    )

    def text(self) -> str:
        objs = "".join(self.objects.values())
        return (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<map version="1.8" {self.root} {self.size} '
            f'nextlayerid="3" nextobjectid="20">{self.map_props}{self.tileset}{self.layers}'
            f'<objectgroup id="2" name="objects">{objs}</objectgroup></map>'
        )

    def write(self, tmp_path: Path, name: str = "tiny.tmx") -> Path:
        path = tmp_path / name
        path.write_text(self.text(), encoding="utf-8")
        return path


def run(path: Path, drive: bool = False) -> tuple[int, list[str]]:
    out, err = io.StringIO(), io.StringIO()
    code = check_paths([path], drive=drive, out=out, err=err)
    lines = out.getvalue().splitlines()
    assert "Traceback" not in out.getvalue() + err.getvalue()
    for text in lines:
        assert text.startswith(f"{path}: "), text
    return code, lines


def expect(path: Path, code: int, *fragments: str, drive: bool = False) -> list[str]:
    got, lines = run(path, drive)
    assert got == code, lines
    for f in fragments:
        assert any(f in text for text in lines), f"{f!r} not in {lines}"
    return lines


def test_the_base_map_is_valid(tmp_path: Path) -> None:
    path = Tiny().write(tmp_path)
    code, lines = run(path)
    assert (code, lines) == (EXIT_OK, [])
    check = check_file(path)
    assert check.stage is not None and check.stage.route_length_m == pytest.approx(53.8)


def test_the_base_map_drives(tmp_path: Path) -> None:
    check = check_file(Tiny().write(tmp_path), drive=True)
    assert check.exit_code == EXIT_OK, check.problems
    assert len(check.drives) == 2 and all(d.finished for d in check.drives)


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    t = Tiny(map_props=props(("title", "string", "x"), ("wether", "string", "rain")))
    t.objects["cp"] = line(2, "half", "checkpoint", 30.0)
    t.objects["finish"] = line(3, "end", "finsh", 48.0)
    lines = expect(t.write(tmp_path), EXIT_PROBLEMS, "px_per_m is missing", "order", 'did you mean "weather"?')
    assert any('did you mean "finish"?' in x for x in lines)
    assert any('no object of type "finish"' in x for x in lines)
    assert len(lines) >= 5


def test_exit_code_is_the_worst_over_all_files(tmp_path: Path) -> None:
    good = Tiny().write(tmp_path, "good.tmx")
    empty = tmp_path / "empty.tmx"
    empty.write_text("")
    out, err = io.StringIO(), io.StringIO()
    assert check_paths([good, empty], drive=False, out=out, err=err) == EXIT_UNUSABLE
    assert out.getvalue().startswith(f"{empty}: ")
    assert "good.tmx: ok" in err.getvalue()
    assert check_paths([], drive=False, out=out, err=err) == EXIT_UNUSABLE


# -- not a usable stage at all: exit 2 -----------------------------------------------------------
def write(tmp_path: Path, text: str, name: str = "x.tmx") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file(tmp_path: Path) -> None:
    expect(tmp_path / "nowhere.tmx", EXIT_UNUSABLE, "file not found")


def test_a_directory(tmp_path: Path) -> None:
    expect(tmp_path, EXIT_UNUSABLE, "is a directory")


def test_unreadable_path(tmp_path: Path) -> None:
    f = write(tmp_path, "x", "plain")
    expect(f / "inside.tmx", EXIT_UNUSABLE, "cannot read the file")


def test_empty_file(tmp_path: Path) -> None:
    expect(write(tmp_path, "  \n"), EXIT_UNUSABLE, "the file is empty")


@pytest.mark.parametrize("text", ["this is not <xml", "\x00\x01binary", '{"json": true}'])
def test_not_xml(tmp_path: Path, text: str) -> None:
    expect(write(tmp_path, text), EXIT_UNUSABLE, "not a Tiled map (not valid XML")


@pytest.mark.parametrize("text", ["<svg/>", '<?xml version="1.0"?><html><body/></html>', "<tileset/>"])
def test_xml_that_is_not_a_map(tmp_path: Path, text: str) -> None:
    expect(write(tmp_path, text), EXIT_UNUSABLE, "not a Tiled map (the root element is <")


def test_a_tileset_file(tmp_path: Path) -> None:
    expect(write(tmp_path, TSX.read_text()), EXIT_UNUSABLE, "this is a tileset")


@pytest.mark.parametrize("orientation", ["isometric", "hexagonal", "staggered"])
def test_other_orientations(tmp_path: Path, orientation: str) -> None:
    t = Tiny(root=f'orientation="{orientation}" renderorder="right-down" infinite="0"')
    expect(t.write(tmp_path), EXIT_UNUSABLE, f"{orientation} maps are not supported", "orthogonal")


def test_infinite_map(tmp_path: Path) -> None:
    chunked = (
        '<layer id="1" name="ground" width="16" height="16"><data encoding="csv">'
        '<chunk x="0" y="0" width="16" height="16">1</chunk></data></layer>'
    )
    t = Tiny(root='orientation="orthogonal" renderorder="right-down" infinite="1"', layers=chunked)
    lines = expect(t.write(tmp_path), EXIT_UNUSABLE, "infinite maps are not supported")
    assert len(lines) == 1
    t = Tiny(layers=chunked)  # chunks in a map that says it is fixed-size
    expect(t.write(tmp_path), EXIT_UNUSABLE, 'tile layer "ground" is stored in chunks')


def test_map_size_missing(tmp_path: Path) -> None:
    t = Tiny(size='width="16" tilewidth="32" tileheight="32"')
    expect(t.write(tmp_path), EXIT_UNUSABLE, "the map's height is missing")


def test_tiles_not_square(tmp_path: Path) -> None:
    t = Tiny(size=f'width="{COLS}" height="{ROWS}" tilewidth="32" tileheight="16"')
    expect(t.write(tmp_path), EXIT_UNUSABLE, "tiles must be square")


@pytest.mark.parametrize(
    ("data", "got"),
    [
        ('<data encoding="base64" compression="zstd">KLUv/QBY</data>', "base64/zstd"),
        ("<data>" + '<tile gid="4"/>' * (COLS * ROWS) + "</data>", "XML tile data"),
    ],
)
def test_unsupported_tile_encodings(tmp_path: Path, data: str, got: str) -> None:
    t = Tiny(layers=f'<layer id="1" name="ground" width="{COLS}" height="{ROWS}">{data}</layer>')
    expect(t.write(tmp_path), EXIT_UNUSABLE, got, "Tile Layer Format to CSV")


def test_every_bad_layer_is_named(tmp_path: Path) -> None:
    zstd = '<data encoding="base64" compression="zstd">KLUv/QBY</data>'
    t = Tiny()
    t.layers += f'<layer id="5" name="decor" width="{COLS}" height="{ROWS}">{zstd}</layer>'
    t.layers += f'<layer id="6" name="above" width="{COLS}" height="{ROWS}"></layer>'
    lines = expect(t.write(tmp_path), EXIT_UNUSABLE, 'tile layer "decor" uses base64/zstd', '"above" has no <data>')
    assert len(lines) == 2


def test_base64_zlib_is_fine(tmp_path: Path) -> None:
    import base64
    import struct
    import zlib

    gids = [GRASS if r in (0, ROWS - 1) else ASPHALT for r in range(ROWS) for _ in range(COLS)]
    blob = base64.b64encode(zlib.compress(struct.pack(f"<{len(gids)}I", *gids))).decode()
    data = f'<data encoding="base64" compression="zlib">{blob}</data>'
    t = Tiny(layers=f'<layer id="1" name="ground" width="{COLS}" height="{ROWS}">{data}</layer>')
    assert run(t.write(tmp_path)) == (EXIT_OK, [])


def test_no_tileset(tmp_path: Path) -> None:
    expect(Tiny(tileset="").write(tmp_path), EXIT_UNUSABLE, "the map has no tileset")


def test_tileset_not_found(tmp_path: Path) -> None:
    t = Tiny(tileset='<tileset firstgid="1" source="tilesets/nope.tsx"/>')
    expect(t.write(tmp_path), EXIT_UNUSABLE, 'tileset "tilesets/nope.tsx" not found')


def test_tileset_not_xml(tmp_path: Path) -> None:
    write(tmp_path, "garbage", "bad.tsx")
    t = Tiny(tileset='<tileset firstgid="1" source="bad.tsx"/>')
    expect(t.write(tmp_path), EXIT_UNUSABLE, 'tileset "bad.tsx" is not valid XML')


def test_tileset_file_is_not_a_tileset(tmp_path: Path) -> None:
    write(tmp_path, "<map/>", "map.tsx")
    t = Tiny(tileset='<tileset firstgid="1" source="map.tsx"/>')
    expect(t.write(tmp_path), EXIT_UNUSABLE, '"map.tsx" is not a Tiled tileset')


def test_image_collection_tileset(tmp_path: Path) -> None:
    t = Tiny(tileset='<tileset firstgid="1" name="pics" tilewidth="32" tileheight="32" tilecount="1" columns="0">'
             '<tile id="0"><image width="32" height="32" source="a.png"/></tile></tileset>')  # fmt: skip
    expect(t.write(tmp_path), EXIT_UNUSABLE, 'tileset "pics" is an image collection')


def test_tileset_image_missing(tmp_path: Path) -> None:
    write(tmp_path, TSX.read_text(), "terrain.tsx")  # next to the map, without its PNG
    t = Tiny(tileset='<tileset firstgid="1" source="terrain.tsx"/>')
    expect(t.write(tmp_path), EXIT_UNUSABLE, 'tileset "terrain" image not found')


def test_garbage_tile_data(tmp_path: Path) -> None:
    t = Tiny(
        layers=f'<layer id="1" name="ground" width="{COLS}" height="{ROWS}"><data encoding="csv">a,b</data></layer>'
    )
    expect(t.write(tmp_path), EXIT_UNUSABLE, 'tile layer "ground": cannot read its tile data')


def test_tile_data_of_the_wrong_size(tmp_path: Path) -> None:
    t = Tiny(
        layers=f'<layer id="1" name="ground" width="{COLS}" height="{ROWS}"><data encoding="csv">1,1</data></layer>'
    )
    expect(t.write(tmp_path), EXIT_UNUSABLE, 'tile layer "ground" has 2 tiles, not 16 × 5')


def test_tile_gid_in_no_tileset(tmp_path: Path) -> None:
    rows = [[GRASS if r in (0, ROWS - 1) else ASPHALT] * COLS for r in range(ROWS)]
    rows[1][2] = 5000
    t = Tiny(layers=f'<layer id="1" name="ground" width="{COLS}" height="{ROWS}">{ground_csv(rows)}</layer>')
    expect(t.write(tmp_path), EXIT_UNUSABLE, "tile gid 5000 at column 2, row 1 is in no tileset")


def test_what_pytmx_cannot_read(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["odd"] = '<object id="9" type="wall" x="ten" y="0" width="8" height="8"/>'
    expect(t.write(tmp_path), EXIT_UNUSABLE, "pytmx could not read the map")


# -- properties pytmx cannot take: exit 1, nothing further checked ---------------------------------
def test_reserved_property_names(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["cp"] = line(2, "half", "checkpoint", 30.0, props(("order", "int", "1"), ("name", "string", "x")))
    t.map_props = props(("px_per_m", "float", "8"), ("width", "int", "3"))
    lines = expect(t.write(tmp_path), EXIT_PROBLEMS, 'object #2 "half" (checkpoint): custom property "name"')
    assert any(x.endswith("") and 'map: custom property "width"' in x for x in lines)


@pytest.mark.parametrize(
    ("prop", "fragment"),
    [
        (("order", "int", "first"), "property order = 'first' is not a valid int"),
        (("order", "float", "1..5"), "is not a valid float"),
        (("order", "bool", "yes"), "is not true or false"),
    ],
)
def test_property_values_of_the_wrong_type(tmp_path: Path, prop: tuple[str, str, str], fragment: str) -> None:
    t = Tiny()
    t.objects["cp"] = line(2, "half", "checkpoint", 30.0, props(prop))
    expect(t.write(tmp_path), EXIT_PROBLEMS, fragment)


# -- map and tiles -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "fragment"),
    [(None, "px_per_m is missing"), ("abc", "px_per_m = 'abc' is not a number"), ("0", "px_per_m must be > 0")],
)
def test_bad_scale(tmp_path: Path, value: str | None, fragment: str) -> None:
    kind = "string" if value == "abc" else "float"
    t = Tiny(map_props=props(("title", "string", "T")) if value is None else props(("px_per_m", kind, value)))
    expect(t.write(tmp_path), EXIT_PROBLEMS, fragment)


def test_unknown_surface_in_the_tileset(tmp_path: Path) -> None:
    (tmp_path / "odd.tsx").write_text(TSX.read_text().replace('value="asphalt"', 'value="asfalt"'))
    shutil.copy(TSX.parent / "terrain.png", tmp_path / "terrain.png")
    t = Tiny(tileset='<tileset firstgid="1" source="odd.tsx"/>')
    expect(t.write(tmp_path), EXIT_PROBLEMS, "surface 'asfalt' is not one of", 'did you mean "asphalt"?')


def test_no_ground_layer(tmp_path: Path) -> None:
    t = Tiny(layers=Tiny().layers.replace('name="ground"', 'name="terrain"'))
    expect(t.write(tmp_path), EXIT_PROBLEMS, 'no tile layer named "ground"')


def test_empty_ground_cells(tmp_path: Path) -> None:
    rows = [[GRASS if r in (0, ROWS - 1) else ASPHALT] * COLS for r in range(ROWS)]
    rows[0][3] = 0
    t = Tiny(layers=f'<layer id="1" name="ground" width="{COLS}" height="{ROWS}">{ground_csv(rows)}</layer>')
    expect(t.write(tmp_path), EXIT_PROBLEMS, "1 empty cells (first at column 3, row 0)")


def test_ground_tile_without_surface(tmp_path: Path) -> None:
    text = re.sub(r'<property name="surface"[^>]*value="grass"/>', "", TSX.read_text(), count=1)
    (tmp_path / "nosurf.tsx").write_text(text)
    shutil.copy(TSX.parent / "terrain.png", tmp_path / "terrain.png")
    t = Tiny(tileset='<tileset firstgid="1" source="nosurf.tsx"/>')
    expect(t.write(tmp_path), EXIT_PROBLEMS, "tile gid 1 (first at column 0, row 0", "has no surface")


# -- objects -----------------------------------------------------------------------------------------------
def test_no_start(tmp_path: Path) -> None:
    t = Tiny()
    del t.objects["start"]
    expect(t.write(tmp_path), EXIT_PROBLEMS, 'no object of type "start"')


def test_two_starts(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["start2"] = '<object id="9" type="start" x="40" y="72.8" width="35.2" height="14.4"/>'
    expect(t.write(tmp_path), EXIT_PROBLEMS, '2 objects of type "start" (#1, #9)')


def test_start_not_a_rectangle(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["start"] = '<object id="1" name="go" type="start" x="32" y="80"><point/></object>'
    expect(t.write(tmp_path), EXIT_PROBLEMS, 'object #1 "go" (start): must be a rectangle, not a point')


def test_start_outside_the_map(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["start"] = '<object id="1" name="go" type="start" x="-80" y="72.8" width="35.2" height="14.4"/>'
    t.objects["route"] = '<object id="4" type="route" x="-60" y="80"><polyline points="0,0 540,0"/></object>'
    expect(t.write(tmp_path), EXIT_PROBLEMS, "the start (-7.8, 10.0) m is outside the map")


def test_no_route(tmp_path: Path) -> None:
    t = Tiny()
    del t.objects["route"]
    expect(t.write(tmp_path), EXIT_PROBLEMS, 'no object of type "route"')


def test_route_not_a_polyline(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["route"] = '<object id="4" name="road" type="route" x="49.6" y="72" width="400" height="16"/>'
    expect(t.write(tmp_path), EXIT_PROBLEMS, 'object #4 "road" (route): must be an open polyline')


def test_route_far_from_the_start(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["route"] = '<object id="4" type="route" x="320" y="80"><polyline points="0,0 180,0"/></object>'
    lines = expect(t.write(tmp_path), EXIT_PROBLEMS, "the route begins 34 m from the start — draw the route")
    assert not any("backwards" in x for x in lines)


def test_route_drawn_backwards_is_one_line(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["route"] = '<object id="4" type="route" x="480" y="80"><polyline points="0,0 -430,0"/></object>'
    t.objects["cp2"] = line(7, "later", "checkpoint", 40.0, props(("order", "int", "2")))
    t.objects["pc1"] = pc(10, 10.0, ("trial", "string", "A"), ("order", "int", "1"))
    t.objects["pc2"] = pc(11, 20.0, ("trial", "string", "A"), ("order", "int", "2"), ("target_s", "float", "3"))
    lines = expect(t.write(tmp_path), EXIT_PROBLEMS, "the route is drawn backwards", "Reverse Polyline")
    assert len(lines) == 1, lines


def test_a_gate_missing_the_route_is_not_also_a_missing_order(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["cp"] = line(2, "half", "checkpoint", 30.0, props(("order", "int", "1")), y0_m=12.0, y1_m=18.0)
    t.objects["cp2"] = line(7, "later", "checkpoint", 40.0, props(("order", "int", "2")))
    t.objects["pc1"] = pc(10, 10.0, ("trial", "string", "A"), ("order", "int", "1"))
    t.objects["pc2"] = pc(11, 15.0, ("trial", "string", "A"), ("order", "int", "2"))  # no target_s
    t.objects["pc3"] = pc(12, 20.0, ("trial", "string", "A"), ("order", "int", "3"), ("target_s", "float", "3"))
    lines = expect(t.write(tmp_path), EXIT_PROBLEMS, "(checkpoint): does not cross the route", "target_s > 0")
    assert len(lines) == 2, lines


def test_checkpoint_without_order(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["cp"] = line(2, "half", "checkpoint", 30.0)
    expect(t.write(tmp_path), EXIT_PROBLEMS, 'object #2 "half" (checkpoint): needs an int property order')


def test_duplicate_checkpoint_order(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["cp2"] = line(7, "again", "checkpoint", 40.0, props(("order", "int", "1")))
    expect(t.write(tmp_path), EXIT_PROBLEMS, "both have order 1")


def test_checkpoints_out_of_order(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["cp"] = line(2, "half", "checkpoint", 30.0, props(("order", "int", "2")))
    t.objects["cp2"] = line(7, "later", "checkpoint", 40.0, props(("order", "int", "1")))
    expect(t.write(tmp_path), EXIT_PROBLEMS, 'object #2 "half" (checkpoint): order 2 comes before order 1')


def test_checkpoint_order_with_a_gap(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["cp2"] = line(7, "later", "checkpoint", 40.0, props(("order", "int", "3")))
    expect(t.write(tmp_path), EXIT_PROBLEMS, "checkpoint order 2 is missing")


def test_no_finish(tmp_path: Path) -> None:
    t = Tiny()
    del t.objects["finish"]
    expect(t.write(tmp_path), EXIT_PROBLEMS, 'no object of type "finish"')


def test_finish_before_the_last_checkpoint(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["finish"] = line(3, "end", "finish", 20.0)
    expect(t.write(tmp_path), EXIT_PROBLEMS, "the finish comes before the last checkpoint")


def test_gate_not_a_two_point_line(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["finish"] = poly(3, "end", "finish", 384, 16, "0,0 0,60 0,128")
    expect(t.write(tmp_path), EXIT_PROBLEMS, 'object #3 "end" (finish): must be a 2-point polyline')


def test_gate_missing_the_route(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["cp"] = line(2, "half", "checkpoint", 30.0, props(("order", "int", "1")), y0_m=12.0, y1_m=18.0)
    expect(t.write(tmp_path), EXIT_PROBLEMS, 'object #2 "half" (checkpoint): does not cross the route')


def test_point_wall(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["wall"] = '<object id="9" type="wall" x="10" y="10"><point/></object>'
    expect(t.write(tmp_path), EXIT_PROBLEMS, "a point cannot be a wall")


# -- lint: unknown names --------------------------------------------------------------------------------
def test_unknown_object_type(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["x"] = '<object id="9" name="cp" type="chekpoint" x="10" y="10"/>'
    t.objects["note"] = '<object id="10" name="a note for the designer" x="10" y="10"/>'  # untyped: fine
    lines = expect(t.write(tmp_path), EXIT_PROBLEMS, 'object #9 "cp" (chekpoint): unknown object type', '"checkpoint"?')
    assert len(lines) == 1


def test_unknown_object_property(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["cp"] = line(2, "half", "checkpoint", 30.0, props(("order", "int", "1"), ("oder", "int", "1")))
    t.objects["finish"] = line(3, "end", "finish", 48.0, props(("order", "int", "2")))
    lines = expect(t.write(tmp_path), EXIT_PROBLEMS, 'unknown property "oder" — did you mean "order"?')
    assert any('(finish): unknown property "order" — finish objects take no properties' in x for x in lines)


def test_unknown_map_property_and_values(tmp_path: Path) -> None:
    t = Tiny(
        map_props=props(
            ("px_per_m", "float", "8"),
            ("par_time", "float", "80"),
            ("time_of_day", "string", "nite"),
            ("weather", "string", "snow"),
            ("par_time_s", "string", "soon"),
        )
    )
    lines = expect(t.write(tmp_path), EXIT_PROBLEMS, 'unknown map property "par_time" — did you mean "par_time_s"?')
    assert any("time_of_day = 'nite' is not one of day, dusk, night" in x and '"night"' in x for x in lines)
    assert any("weather = 'snow' is not one of clear, rain, fog" in x for x in lines)
    assert any("par_time_s = 'soon' is not a number" in x for x in lines)


def test_unknown_layer_property(tmp_path: Path) -> None:
    t = Tiny()
    t.layers = t.layers.replace('">', '">' + props(("above_car", "bool", "true")), 1)
    expect(t.write(tmp_path), EXIT_PROBLEMS, 'layer "ground": unknown layer property "above_car"', '"above_cars"?')


def test_unknown_tile_property(tmp_path: Path) -> None:
    extra = '<property name="solidd" type="bool" value="true"/>'
    text = TSX.read_text().replace('<property name="solid"', extra + '<property name="solid"', 1)
    (tmp_path / "odd.tsx").write_text(text)
    shutil.copy(TSX.parent / "terrain.png", tmp_path / "terrain.png")
    t = Tiny(tileset='<tileset firstgid="1" source="odd.tsx"/>')
    expect(t.write(tmp_path), EXIT_PROBLEMS, 'tileset: unknown tile property "solidd" on 1 tiles', '"solid"?')


# -- lint: geometry ---------------------------------------------------------------------------------------
def test_start_on_the_grass(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["start"] = '<object id="1" name="go" type="start" x="32" y="8" width="35.2" height="14.4"/>'
    t.objects["route"] = '<object id="4" type="route" x="49.6" y="14"><polyline points="0,0 30,66 430,66"/></object>'
    expect(t.write(tmp_path), EXIT_PROBLEMS, 'object #1 "go" (start): the car starts on grass')


def test_start_facing_away(tmp_path: Path) -> None:
    t = Tiny()
    rect = 'x="67.2" y="87.2" width="35.2" height="14.4" rotation="180"'
    t.objects["start"] = f'<object id="1" name="go" type="start" {rect}/>'
    expect(t.write(tmp_path), EXIT_PROBLEMS, "faces 180° away from the route", "rotation to about 0°")


def test_route_over_grass_and_solid_tiles(tmp_path: Path) -> None:
    rows = [[GRASS if r in (0, ROWS - 1) else ASPHALT] * COLS for r in range(ROWS)]
    rows[2][9] = GRASS
    t = Tiny(layers=f'<layer id="1" name="ground" width="{COLS}" height="{ROWS}">{ground_csv(rows)}</layer>')
    cypress = 1 + next(i for i, x in enumerate(TSX.read_text().split("<tile ")[1:]) if '"cypress"' in x)
    decor = [[0] * COLS for _ in range(ROWS)]
    decor[2][12] = cypress
    t.layers += f'<layer id="5" name="decor" width="{COLS}" height="{ROWS}">{ground_csv(decor)}</layer>'
    lines = expect(t.write(tmp_path), EXIT_PROBLEMS, "(route): runs over grass for 4 m from (36, 10) m")
    assert any("runs over a solid tile" in x for x in lines)


def test_route_leaves_the_road_in_many_places(tmp_path: Path) -> None:
    rows = [[GRASS if r in (0, ROWS - 1) else ASPHALT] * COLS for r in range(ROWS)]
    for c in (3, 5, 7, 9, 11, 13):
        rows[2][c] = GRASS
    t = Tiny(layers=f'<layer id="1" name="ground" width="{COLS}" height="{ROWS}">{ground_csv(rows)}</layer>')
    lines = expect(t.write(tmp_path), EXIT_PROBLEMS, "leaves the road in 1 more places")
    assert sum("runs over grass" in x for x in lines) == 5


def test_gate_crossing_the_route_off_the_road(tmp_path: Path) -> None:
    rows = [[GRASS if r in (0, ROWS - 1) else ASPHALT] * COLS for r in range(ROWS)]
    for r in range(1, 4):
        rows[r][7] = GRASS
    t = Tiny(layers=f'<layer id="1" name="ground" width="{COLS}" height="{ROWS}">{ground_csv(rows)}</layer>')
    expect(t.write(tmp_path), EXIT_PROBLEMS, 'object #2 "half" (checkpoint): crosses the route on grass')


def test_gate_that_a_car_can_drive_round(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["finish"] = line(3, "end", "finish", 48.0, y0_m=6.0, y1_m=18.0)
    expect(t.write(tmp_path), EXIT_PROBLEMS, 'object #3 "end" (finish): its first end (48, 6) m is on the road')


def test_wall_across_the_route(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["wall"] = BARRIER
    expect(t.write(tmp_path), EXIT_PROBLEMS, 'object #9 "barrier" (wall): crosses the route at (40, 10) m')


def test_route_ending_at_the_finish(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["route"] = poly(4, "road", "route", 49.6, 80, "0,0 338.4,0")
    expect(t.write(tmp_path), EXIT_PROBLEMS, "m after the finish — let it run on at least 10 m")


# -- timing lines ------------------------------------------------------------------------------------------
def pc(oid: int, x_m: float, *items: tuple[str, str, str]) -> str:
    return line(oid, f"pc{oid}", "pc_line", x_m, props(*items) if items else "")


def test_timing_lines_load(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["pc1"] = pc(10, 10.0, ("trial", "string", "PC 1"), ("order", "int", "1"))
    t.objects["pc2"] = pc(11, 20.0, ("trial", "string", "PC 1"), ("order", "int", "2"), ("target_s", "float", "4.5"))
    t.objects["pm"] = line(12, "pm", "pm_start", 22.0, props(("avg_kmh", "float", "45")))
    t.objects["pms"] = line(13, "secret", "pm_secret", 26.0)
    t.objects["pme"] = line(14, "end", "pm_end", 34.0)
    t.objects["co"] = line(15, "Roma", "co", 44.0, props(("due_min", "int", "12")))
    path = t.write(tmp_path)
    assert run(path) == (EXIT_OK, [])
    stage = check_file(path).stage
    assert stage is not None
    kinds = [(x.kind, x.order, x.target_s) for x in stage.timing_lines]
    assert kinds == [
        ("pc_line", 1, None),
        ("pc_line", 2, 4.5),
        ("pm_start", 0, None),
        ("pm_secret", 0, None),
        ("pm_end", 0, None),
        ("co", 0, None),
    ]


@pytest.mark.parametrize(
    ("objs", "fragment"),
    [
        ([pc(10, 10.0, ("order", "int", "1")), pc(11, 20.0, ("trial", "string", "A"), ("order", "int", "1"))],
         "needs a string property trial"),
        ([pc(10, 10.0, ("trial", "string", "A")), pc(11, 20.0, ("trial", "string", "A"), ("order", "int", "2"))],
         "(pc_line): needs an int property order"),
        ([pc(10, 10.0, ("trial", "string", "A"), ("order", "int", "1")),
          pc(11, 20.0, ("trial", "string", "A"), ("order", "int", "2"))], "needs a float property target_s > 0"),
        ([pc(10, 10.0, ("trial", "string", "A"), ("order", "int", "1")),
          pc(11, 20.0, ("trial", "string", "A"), ("order", "int", "3"), ("target_s", "float", "3"))],
         'pc_line of trial "A": order 2 is missing'),
        ([pc(10, 20.0, ("trial", "string", "A"), ("order", "int", "1")),
          pc(11, 10.0, ("trial", "string", "A"), ("order", "int", "2"), ("target_s", "float", "3"))],
         "order 2 comes before order 1"),
        ([pc(10, 10.0, ("trial", "string", "A"), ("order", "int", "1"))], 'trial "A" has only one line'),
        ([pc(10, 55.0, ("trial", "string", "A"), ("order", "int", "1")),
          pc(11, 56.0, ("trial", "string", "A"), ("order", "int", "2"), ("target_s", "float", "1"))],
         "lies after the finish"),
        ([line(12, "pm", "pm_start", 10.0), line(13, "e", "pm_end", 20.0)], "needs a float property avg_kmh > 0"),
        ([line(12, "pm", "pm_start", 10.0, props(("avg_kmh", "float", "45"))), line(13, "pm2", "pm_start", 15.0,
          props(("avg_kmh", "float", "45"))), line(14, "e", "pm_end", 20.0)], "starts before"),
        ([line(13, "s", "pm_secret", 15.0)], "is not inside a prova di media"),
        ([line(12, "pm", "pm_start", 10.0, props(("avg_kmh", "float", "45")))], "the prova di media never ends"),
        ([line(15, "c", "co", 20.0)], "needs an int property due_min"),
    ],
)  # fmt: skip
def test_timing_line_errors(tmp_path: Path, objs: list[str], fragment: str) -> None:
    t = Tiny()
    for k, o in enumerate(objs):
        t.objects[f"t{k}"] = o
    expect(t.write(tmp_path), EXIT_PROBLEMS, fragment)


@pytest.mark.parametrize(
    ("objs", "fragment"),
    [
        ([pc(10, 10.0, ("trial", "string", "A"), ("order", "int", "1"), ("target_s", "float", "3")),
          pc(11, 20.0, ("trial", "string", "A"), ("order", "int", "2"), ("target_s", "float", "3"))],
         "target_s on the first line of a trial is ignored"),
        ([line(12, "pm", "pm_start", 10.0, props(("avg_kmh", "float", "60"))), line(13, "e", "pm_end", 20.0)],
         "avg_kmh 60 is not below 50 km/h"),
    ],
)  # fmt: skip
def test_timing_line_lint(tmp_path: Path, objs: list[str], fragment: str) -> None:
    t = Tiny()
    for k, o in enumerate(objs):
        t.objects[f"t{k}"] = o
    expect(t.write(tmp_path), EXIT_PROBLEMS, fragment)


# -- the drive -------------------------------------------------------------------------------------------------
def test_autopilot_that_cannot_finish(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["wall"] = BARRIER
    lines = expect(t.write(tmp_path), EXIT_PROBLEMS, "autopilot: ", "did not finish — stuck", drive=True)
    assert sum("autopilot:" in x for x in lines) == 2


@pytest.mark.parametrize(
    ("kind", "message"),
    [("class", "property x is of a class type"), ("nonsense", "property x has the unknown type 'nonsense'")],
)
def test_property_types_pytmx_cannot_read(tmp_path: Path, kind: str, message: str) -> None:
    head = f'<layer id="1" name="ground" width="{COLS}" height="{ROWS}">'
    layer = f"{head}{props(('x', kind, ''))}{ground_csv()}</layer>"
    expect(Tiny(layers=layer).write(tmp_path), EXIT_PROBLEMS, f'tile layer "ground": {message}')


def test_a_property_without_a_name(tmp_path: Path) -> None:
    head = f'<layer id="1" name="ground" width="{COLS}" height="{ROWS}">'
    layer = f'{head}<properties><property type="bool" value="true"/></properties>{ground_csv()}</layer>'
    expect(Tiny(layers=layer).write(tmp_path), EXIT_PROBLEMS, 'tile layer "ground": a custom property has no name')


def test_embedded_tileset_without_tilecount_loads(tmp_path: Path) -> None:
    """Tiled's older examples leave out the optional tilecount: it comes from the image."""
    shutil.copy(TSX.parent / "terrain.png", tmp_path / "terrain.png")
    shutil.copy(TSX.parent / "terrain-hd.png", tmp_path / "terrain-hd.png")
    body = TSX.read_text(encoding="utf-8").split("?>", 1)[-1].strip()
    embedded = re.sub(r'\s+tilecount="\d+"', "", body.replace("<tileset ", '<tileset firstgid="1" ', 1), count=1)
    assert "tilecount" not in embedded.split(">", 1)[0]
    t = Tiny(tileset=embedded)
    assert run(t.write(tmp_path)) == (EXIT_OK, [])
    external = tmp_path / "old.tsx"
    external.write_text(re.sub(r'\s+tilecount="\d+"', "", TSX.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    assert run(Tiny(tileset='<tileset firstgid="1" source="old.tsx"/>').write(tmp_path)) == (EXIT_OK, [])
    stage = check_file(t.write(tmp_path)).stage
    assert stage is not None and stage.art is not None
    width, height = map(int, re.search(r'<image [^>]*width="(\d+)" height="(\d+)"', body).groups())  # type: ignore[union-attr]
    assert stage.art.tilesets[0].tilecount == (width // 32) * (height // 32)  # every tile the image holds


# -- lint: the start clear, the scale, gates crossing once, regularity targets -------------------------------
def test_start_overlapping_a_wall(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["bollard"] = poly(9, "bollard", "wall", 40, 76, "0,0 0,8")  # at x = 5 m, inside the start's rectangle
    lines = expect(t.write(tmp_path), EXIT_PROBLEMS, 'object #1 "go" (start): overlaps object #9 "bollard" (wall)')
    assert len(lines) == 1, lines


def test_start_overlapping_a_solid_tile(tmp_path: Path) -> None:
    cypress = 1 + next(i for i, x in enumerate(TSX.read_text().split("<tile ")[1:]) if '"cypress"' in x)
    decor = [[0] * COLS for _ in range(ROWS)]
    decor[2][2] = cypress  # x 8…12 m: the car's nose (4…8.4 m), not its centre
    t = Tiny()
    t.layers += f'<layer id="5" name="decor" width="{COLS}" height="{ROWS}">{ground_csv(decor)}</layer>'
    expect(t.write(tmp_path), EXIT_PROBLEMS, 'object #1 "go" (start): overlaps a solid tile at column 2, row 2')


@pytest.mark.parametrize(
    ("px_per_m", "fragments"),
    [
        ("1", ["px_per_m = 1 cannot be right", "the road is over 50 m wide"]),
        ("64", ["px_per_m = 64 cannot be right", "the road is 1.5 m wide", "tiles of 0.5 m long"]),
        ("0.008", ["the route is 54 km long", "the road is over 50 m wide"]),
    ],
)
def test_a_scale_that_cannot_be_right_is_one_line(tmp_path: Path, px_per_m: str, fragments: list[str]) -> None:
    t = Tiny(map_props=props(("px_per_m", "float", px_per_m), ("title", "string", "Tiny")))
    lines = expect(t.write(tmp_path), EXIT_PROBLEMS, *fragments)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{tmp_path / 'tiny.tmx'}: map: ") and "8 for the shipped tileset" in lines[0]


def test_a_gate_across_both_legs_of_a_hairpin(tmp_path: Path) -> None:
    t = Tiny()
    # east along y = 10 m to x = 56 m, round to y = 14 m and back west: the finish at x = 48 m spans both legs
    t.objects["route"] = poly(4, "road", "route", 49.6, 80, "0,0 398.4,0 398.4,32 302.4,32")
    lines = expect(t.write(tmp_path), EXIT_PROBLEMS, 'object #3 "end" (finish): crosses the route 2 times (20 m apart')
    assert len(lines) == 1, lines


@pytest.mark.parametrize(
    ("target_s", "drive", "fragment"),
    [
        ("40", False, "is an average of 0.9 km/h, below 5 km/h"),
        ("0.1", False, "needs an average of 360 km/h, more than the fastest car's top speed"),
        ("0.4", True, "drives it on the autopilot (0.6 s) — give it at least 0.6 s"),
    ],
)
def test_pc_targets_no_car_can_make(tmp_path: Path, target_s: str, drive: bool, fragment: str) -> None:
    t = Tiny()
    t.objects["pc1"] = pc(10, 20.0, ("trial", "string", "A"), ("order", "int", "1"))
    t.objects["pc2"] = pc(11, 30.0, ("trial", "string", "A"), ("order", "int", "2"), ("target_s", "float", target_s))
    lines = expect(t.write(tmp_path), EXIT_PROBLEMS, 'object #11 "pc11" (pc_line): target_s', fragment, drive=drive)
    assert len(lines) == 1, lines
    if drive:
        assert f"is faster than the fastest car ({extreme_cars()[-1].name})" in lines[0]


def test_a_reachable_pc_target_passes_the_drive(tmp_path: Path) -> None:
    t = Tiny()
    t.objects["pc1"] = pc(10, 20.0, ("trial", "string", "A"), ("order", "int", "1"))
    t.objects["pc2"] = pc(11, 30.0, ("trial", "string", "A"), ("order", "int", "2"), ("target_s", "float", "3"))
    assert run(t.write(tmp_path), drive=True) == (EXIT_OK, [])


# -- the par time --------------------------------------------------------------------------------------------
def test_drive_prints_the_par_computed_for_a_map_without_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from millegame.catalog import load_car
    from millegame.levels import load_stage
    from millegame.levels.check import drive_stage
    from millegame.levels.par import REFERENCE_CAR, cache_file, stage_par_s

    monkeypatch.setenv("MILLEGAME_CACHE_DIR", str(tmp_path / "cache"))
    path = Tiny().write(tmp_path)
    stage = load_stage(path)
    assert stage.par_time_s is None
    (run,) = drive_stage(stage, [load_car(REFERENCE_CAR)])
    assert run.time_s is not None
    want = round(run.time_s * 1.10)
    out, err = io.StringIO(), io.StringIO()
    assert check_paths([path], drive=True, out=out, err=err) == EXIT_OK
    assert f"; par {want} s (computed: no par_time_s in the map)" in err.getvalue()
    cached = cache_file(stage)
    assert cached is not None and cached.is_file() and stage.source_sha256 in cached.name
    cached.write_text('{"par_time_s": 123.0}')  # the cache is read, not driven again
    assert stage_par_s(stage) == 123.0
    edited = Tiny(map_props=props(("px_per_m", "float", "8"), ("title", "string", "Edited")))
    assert stage_par_s(load_stage(edited.write(tmp_path, "edited.tmx"))) == want  # another file, driven anew

    given = Tiny(map_props=props(("px_per_m", "float", "8"), ("par_time_s", "float", "80")))
    assert check_paths([given.write(tmp_path, "given.tmx")], drive=True, out=out, err=err) == EXIT_OK
    assert "; par 80 s (par_time_s)" in err.getvalue()
