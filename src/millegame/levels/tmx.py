"""Reading a ``.tmx`` file: checks that turn Tiled's and pytmx's failures into StageErrors,
and the pytmx import that keeps pygame out of headless processes.

pytmx 3.32 imports pygame when it is installed (``pytmx/__init__`` pulls in
``util_pygame``), which would drag a display library into the simulation, the
autopilot and every test. ``import_pytmx`` blocks pygame for the duration of that
import; pytmx's own parsing never needs it.
"""

from __future__ import annotations

import base64
import logging
import os
import struct
import sys
import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
from numpy.typing import NDArray

from millegame.levels.errors import object_label
from millegame.levels.report import Report
from millegame.levels.templates import expand_templates

# Limits that keep a broken or hostile file from taking all memory: the largest shipped
# stage is 508 × 350 tiles of 32 px.
MAX_MAP_SIZE = {"width": 4096, "height": 4096, "tilewidth": 1024, "tileheight": 1024}  # [tiles], [px]
MAX_GID = 0xFFFFFFFF
MAX_TILESET = {"firstgid": 1 << 20, "tilecount": 1 << 16, "tilewidth": 1024, "tileheight": 1024, "columns": 1 << 16}
SUPPORTED_ENCODINGS = {("csv", None), ("base64", None), ("base64", "zlib"), ("base64", "gzip")}
# A tileset image, from its <image> attributes and from its PNG header, before anything
# decodes it: the shipped one is 512 × 960 px; 64 Mpx decode to 256 MB.
MAX_IMAGE_PX, MAX_IMAGE_PIXELS = 16384, 1 << 26
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# A tileset's optional HD art: the same tiles drawn at 2–4 × the resolution, named by this
# tileset property (a file path relative to the tileset file). Tiled shows the tileset's
# own image on the map's grid; the game bakes its close zooms from the HD one.
HD_IMAGE_PROPERTY = "hd_image"
HD_SCALES = (2, 3, 4)


def import_pytmx() -> ModuleType:
    """``import pytmx`` without importing pygame (unless pygame is already loaded)."""
    if "pytmx" in sys.modules:
        return sys.modules["pytmx"]
    block = "pygame" not in sys.modules
    helper_log = logging.getLogger("pytmx.util_pygame")
    was_disabled = helper_log.disabled
    helper_log.disabled = True  # it logs "cannot import pygame" at ERROR level; expected here
    if block:
        sys.modules["pygame"] = None  # type: ignore[assignment]  # makes `import pygame` raise ImportError
    try:
        import pytmx
    finally:
        helper_log.disabled = was_disabled
        if block:
            if sys.modules.get("pygame", 0) is None:
                del sys.modules["pygame"]
            # a half-imported pygame helper must not stay cached with pygame missing
            for name in ("pytmx.util_pygame", "pytmx.util_pygame_sdl2"):
                mod = sys.modules.get(name)
                if mod is None or getattr(mod, "pygame", True) is None:
                    sys.modules.pop(name, None)
    return pytmx


GID_MASK = 0x1FFFFFFF  # Tiled keeps flip flags in gid bits 31 (h), 30 (v), 29 (diagonal)
FLIP_SHIFT = 29


@dataclass(frozen=True)
class TileLayer:
    """A tile layer as Tiled wrote it: raw gids (rows, cols), flip bits included."""

    name: str
    raw: NDArray[np.uint32]
    properties: dict[str, Any]

    @property
    def gids(self) -> NDArray[np.uint32]:
        return self.raw & np.uint32(GID_MASK)

    @property
    def flips(self) -> NDArray[np.uint8]:
        """Flip bits as a 3-bit number: h << 2 | v << 1 | d."""
        return (self.raw >> np.uint32(FLIP_SHIFT)).astype(np.uint8)


@dataclass(frozen=True)
class TmxFile:
    """A parsed map: the pytmx object (tilesets, properties, objects) plus the tile layers,
    which are read here with numpy — pytmx spends ~1 µs per tile renumbering gids."""

    path: Path
    data: bytes  # the file's bytes (hashed for replays)
    root: ET.Element
    tiled: Any  # pytmx.TiledMap, parsed without the tile layers
    tile_layers: tuple[TileLayer, ...] = ()


def read_tmx(path: Path, report: Report | None = None) -> TmxFile:
    """Read and check a map file.

    Loading mode (no ``report``): every failure is a one-line StageError. Checking
    mode: every structural problem is recorded, then ``UnusableError`` stops the check.
    """
    report = report or Report(str(path))
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        report.unusable("file not found — check the path")
    except IsADirectoryError:
        report.unusable("is a directory, not a map file — give the path of a .tmx file")
    except OSError as e:
        report.unusable(f"cannot read the file ({e.strerror})")
    report.stop_if_unusable()
    if not data.strip():
        report.unusable("the file is empty — save the map from Tiled again")
        report.stop_if_unusable()
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        report.unusable(f"not a Tiled map (not valid XML: {e}) — save it from Tiled as .tmx")
        report.stop_if_unusable()
    except (LookupError, ValueError) as e:  # expat: an unknown or a multi-byte declared encoding
        report.unusable(f"not a Tiled map (cannot decode it: {e}) — save it from Tiled as .tmx (UTF-8)")
        report.stop_if_unusable()
    check_map_root(report, root)
    report.stop_if_unusable()
    check_tile_layers(report, root)
    derived = check_tilesets(report, path, root)
    report.stop_if_unusable()
    expand_templates(report, path, root)  # before anything reads the objects
    if not check_properties(report, root):
        report.stop()  # pytmx would refuse the file; nothing further can be looked at
    tiled = parse_with_pytmx(report, path, without_tile_layers(root))
    for ts in tiled.tilesets:  # pytmx reads external .tsx files itself and leaves a missing tilecount at 0
        if not int(ts.tilecount):
            ts.tilecount = derived.get(int(ts.firstgid), 0)
    layers = read_tile_layers(report, root, tiled)
    report.stop_if_unusable()
    return TmxFile(path, data, root, tiled, layers)


def without_tile_layers(root: ET.Element) -> ET.Element:
    """A shallow copy of the map with its tile layers left out (for pytmx)."""
    copy = ET.Element(root.tag, dict(root.attrib))
    copy.extend(child for child in root if child.tag != "layer")
    return copy


def read_tile_layers(report: Report, root: ET.Element, tiled: Any) -> tuple[TileLayer, ...]:
    """Every tile layer in document order (also inside groups), gids checked against the tilesets."""
    pytmx = import_pytmx()
    width, height = int(root.get("width", "0")), int(root.get("height", "0"))
    max_gid = max((int(ts.firstgid) + int(ts.tilecount) - 1 for ts in tiled.tilesets), default=0)
    layers = []
    for node in root.iter("layer"):
        name = node.get("name", "")
        data = node.find("data")
        assert data is not None  # checked by check_tile_layers
        try:
            flat = decode_tile_data(data.text or "", data.get("encoding"), data.get("compression"), width * height)
        except (ValueError, OSError, EOFError, zlib.error) as e:
            report.unusable(f'tile layer "{name}": cannot read its tile data ({e}) — save the map from Tiled again')
            continue
        if flat.size != width * height:
            report.unusable(
                f'tile layer "{name}" has {flat.size} tiles, not {width} × {height} — save the map from Tiled again'
            )
            continue
        gids = flat & np.uint32(GID_MASK)
        if gids.size and int(gids.max()) > max_gid:
            bad = int(np.argmax(gids > max_gid))
            report.unusable(
                f'tile layer "{name}": tile gid {int(gids[bad])} at column {bad % width}, row {bad // width} '
                f"is in no tileset (the last gid is {max_gid}) — was a tileset removed or shortened?"
            )
            continue
        props = pytmx.pytmx.parse_properties(node)
        layers.append(TileLayer(name, flat.reshape(height, width), props))
    return tuple(layers)


def decode_tile_data(
    text: str, encoding: str | None, compression: str | None, max_tiles: int = 1 << 24
) -> NDArray[np.uint32]:
    """The layer's gids as Tiled stored them; raises ValueError (and zlib's, gzip's errors)
    on anything else. Compressed data is inflated to at most ``max_tiles`` + 1 gids, so a
    few kB of zlib cannot become gigabytes."""
    if encoding == "csv":
        try:
            values = np.array(text.split(","), dtype=np.int64)
        except OverflowError:
            raise ValueError("a tile gid is too large") from None
        if values.size and (values.min() < 0 or values.max() > MAX_GID):
            raise ValueError(f"tile gids must be 0 … {MAX_GID}")
        return values.astype(np.uint32)
    raw = base64.b64decode(text.strip())
    limit = 4 * (max_tiles + 1)
    if compression == "zlib":
        d = zlib.decompressobj()
        raw = d.decompress(raw, limit)
    elif compression == "gzip":
        d = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        raw = d.decompress(raw, limit)
    if len(raw) % 4:
        raise ValueError(f"{len(raw)} bytes is not a whole number of 4-byte gids")
    return np.frombuffer(raw, dtype="<u4").astype(np.uint32)


def check_map_root(report: Report, root: ET.Element) -> None:
    if root.tag != "map":
        what = " — this is a tileset" if root.tag == "tileset" else ""
        report.unusable(
            f"not a Tiled map (the root element is <{root.tag}>, expected <map>{what}) — give a .tmx map saved by Tiled"
        )
        return
    orientation = root.get("orientation", "orthogonal")
    if orientation != "orthogonal":
        report.unusable(
            f"{orientation} maps are not supported — use an orthogonal map (Map > Map Properties > Orientation)"
        )
    if root.get("infinite", "0") == "1":
        report.unusable("infinite maps are not supported — untick Map > Map Properties > Infinite and save")
    for attr in ("width", "height", "tilewidth", "tileheight"):
        value = root.get(attr, "")
        # isascii: str.isdigit() also accepts "²" and "٣", which int() refuses or reads
        if not (value.isascii() and value.isdigit()) or int(value) <= 0:
            report.unusable(f"the map's {attr} is missing or not a positive number — save the map from Tiled again")
        elif int(value) > MAX_MAP_SIZE[attr]:
            report.unusable(
                f"the map's {attr} is {value}, more than the {MAX_MAP_SIZE[attr]} supported — "
                "split the stage into smaller maps (Map > Resize Map)"
            )
    if root.get("tilewidth") != root.get("tileheight"):
        report.unusable(
            f"tiles must be square (tilewidth {root.get('tilewidth')} ≠ tileheight {root.get('tileheight')}) "
            "— use square tiles (32 × 32 for the shipped tileset)"
        )


def check_tile_layers(report: Report, root: ET.Element) -> None:
    for layer in root.iter("layer"):
        name = layer.get("name", "")
        data = layer.find("data")
        if data is None:
            report.unusable(f'tile layer "{name}" has no <data> — save the map from Tiled again')
            continue
        if data.find("chunk") is not None:
            report.unusable(f'tile layer "{name}" is stored in chunks (an infinite map) — make the map fixed-size')
            continue
        encoding, compression = data.get("encoding"), data.get("compression")
        if (encoding, compression) not in SUPPORTED_ENCODINGS:
            got = f"{encoding or 'XML'}{'/' + compression if compression else ''}"
            report.unusable(
                f'tile layer "{name}" uses {got} tile data, which is not supported — '
                "set Map > Map Properties > Tile Layer Format to CSV (or Base64 zlib/gzip)"
            )


def check_tilesets(report: Report, path: Path, root: ET.Element) -> dict[int, int]:
    """External tilesets must exist and be single-image tilesets with an existing image.

    Returns the tile counts worked out from the image for tilesets without the optional
    ``tilecount`` (Tiled's older examples), by ``firstgid``; embedded ones also get the
    attribute set, so that pytmx reads it.
    """
    derived: dict[int, int] = {}
    if root.find("tileset") is None:
        report.unusable("the map has no tileset — add one (Map > Add External Tileset…, e.g. tilesets/terrain.tsx)")
    for ts in root.iter("tileset"):
        source = ts.get("source")
        node = ts
        base = path.parent
        if source:
            ts_path = resolved(path.parent / source)
            if ts_path is None or not ts_path.is_file():
                looked = f"{path.parent / source} is a symlink loop" if ts_path is None else f"looked for {ts_path}"
                what = "is not a regular file" if ts_path is not None and ts_path.exists() else "not found"
                report.unusable(f'tileset "{source}" {what} ({looked}) — fix the path or restore the file')
                continue
            try:
                node = ET.parse(ts_path).getroot()
            except (ET.ParseError, LookupError, ValueError) as e:  # see read_tmx: encodings expat refuses
                report.unusable(f'tileset "{source}" is not valid XML ({e}) — restore it or export it from Tiled again')
                continue
            except OSError as e:
                report.unusable(f'tileset "{source}": cannot read it ({e.strerror or e}) — check the file')
                continue
            if node.tag != "tileset":
                report.unusable(f'"{source}" is not a Tiled tileset (root <{node.tag}>) — point the map at a .tsx file')
                continue
            base = ts_path.parent
        name = node.get("name", source or "?")
        image = node.find("image")
        if image is None or not image.get("source"):
            report.unusable(f'tileset "{name}" is an image collection — only tilesets cut from one image are supported')
            continue
        if node.get("tilecount") is None:
            count = tiles_in_image(node, image)
            if count is not None:
                node.set("tilecount", str(count))
                firstgid = ts.get("firstgid", "")
                if firstgid.isascii() and firstgid.isdigit():  # else check_tileset_numbers reports it
                    derived[int(firstgid)] = count
        if not check_tileset_numbers(report, name, ts, node):
            continue
        img_path = resolved(base / str(image.get("source")))
        if img_path is None or not img_path.is_file():
            looked = "a symlink loop" if img_path is None else f"looked for {img_path}"
            report.unusable(f'tileset "{name}" image not found ({looked}) — fix the image path in Tiled')
            continue
        problem = image_size_problem(img_path, image.get("width"), image.get("height"))
        if problem is not None:
            report.unusable(
                f'tileset "{name}" image {img_path.name}: {problem} — use a PNG of at most {MAX_IMAGE_PX} px a side'
            )
            continue
        hd_value = next(
            (p.get("value") for p in node.findall("properties/property") if p.get("name") == HD_IMAGE_PROPERTY), None
        )
        size = png_size(img_path)
        if hd_value is not None and size is not None:
            _, _, hd_problem = hd_image(base, hd_value, size)
            if hd_problem is not None:
                report.lint(
                    f'tileset "{name}" {HD_IMAGE_PROPERTY} "{hd_value[:80]}": {hd_problem} — the game draws '
                    f"{img_path.name} instead; fix the path or remove the property"
                )

    return derived


def hd_image(tileset_dir: Path, value: str, base_size: tuple[int, int]) -> tuple[Path | None, int, str | None]:
    """A tileset's HD image from its ``hd_image`` property ``value`` (relative to the tileset
    file's folder) and the size of its own image [px]: (path, scale, None) when it is a PNG
    exactly ``scale`` ∈ ``HD_SCALES`` times as wide and as high, else (None, 1, why not)."""
    path = resolved(tileset_dir / value) if value else None
    if path is None or not path.is_file():
        return None, 1, "file not found"
    size = png_size(path)
    if size is None:
        return None, 1, "not a PNG file"
    if not png_size_ok(*size):
        return None, 1, f"{size[0]} × {size[1]} px is too large"
    w, h = base_size
    scale = size[0] // w if w > 0 else 0
    if scale not in HD_SCALES or size != (w * scale, h * scale):
        return None, 1, f"{size[0]} × {size[1]} px is not 2, 3 or 4 times the tileset image's {w} × {h} px"
    return path, scale, None


def tiles_in_image(node: ET.Element, image: ET.Element) -> int | None:
    """How many tiles Tiled cuts from the tileset's image (columns × rows, margins and
    spacing included), or None when a number needed for it is missing or not whole."""
    numbers = {}
    for where, attr, default in (
        (node, "tilewidth", None), (node, "tileheight", None), (node, "margin", "0"), (node, "spacing", "0"),
        (image, "width", None), (image, "height", None),
    ):  # fmt: skip
        value = where.get(attr, default) or ""
        if not (value.isascii() and value.isdigit()) or int(value) > 1 << 20:
            return None
        numbers[attr] = int(value)
    tw, th, margin, spacing = numbers["tilewidth"], numbers["tileheight"], numbers["margin"], numbers["spacing"]
    if tw <= 0 or th <= 0:
        return None
    cols = (numbers["width"] - 2 * margin + spacing) // (tw + spacing)
    rows = (numbers["height"] - 2 * margin + spacing) // (th + spacing)
    return max(0, cols) * max(0, rows) or None


def resolved(path: Path) -> Path | None:
    """``path`` resolved, or None for a symlink loop (Python < 3.13 raises RuntimeError)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return None


def image_size_problem(path: Path, width: str | None = None, height: str | None = None) -> str | None:
    """Why a tileset image must not be decoded, from its ``<image>`` attributes (when given)
    and its PNG header alone (``png_size``); None when it may be. An image that is not a
    PNG at all is no problem here: the game draws the map without it (and never decodes it)."""
    for attr, value in (("width", width), ("height", height)):
        if value is not None and not (value.isascii() and value.isdigit() and 0 < int(value) <= MAX_IMAGE_PX):
            return f"{attr} = {value[:20]!r} is not a whole number from 1 to {MAX_IMAGE_PX}"
    size = png_size(path)
    if size is not None and not png_size_ok(*size):
        return f"{size[0]} × {size[1]} px is too large"
    return None


def png_size(path: Path) -> tuple[int, int] | None:
    """(width, height) [px] from a PNG file's header (24 bytes read), or None when the file
    cannot be read or is not a PNG."""
    try:
        with path.open("rb") as f:
            head = f.read(24)
    except OSError:
        return None
    if len(head) < 24 or head[:8] != PNG_SIGNATURE or head[12:16] != b"IHDR":  # cut short, or not a PNG
        return None
    w, h = struct.unpack(">II", head[16:24])
    return w, h


def png_size_ok(width: int, height: int) -> bool:
    return 0 < width <= MAX_IMAGE_PX and 0 < height <= MAX_IMAGE_PX and width * height <= MAX_IMAGE_PIXELS


def check_tileset_numbers(report: Report, name: str, ref: ET.Element, node: ET.Element) -> bool:
    """The map's ``firstgid`` and the tileset's sizes are whole numbers in range (a
    tilecount of 2^32 would make lookup tables of gigabytes). False if any is not."""
    ok = True
    for attr, where in (("firstgid", ref), ("tilecount", node), ("tilewidth", node), ("tileheight", node)):
        value = where.get(attr, "")
        if not (value.isascii() and value.isdigit()) or not 0 < int(value) <= MAX_TILESET[attr]:
            ok = False
            report.unusable(
                f'tileset "{name}": {attr} = {value!r} is not a whole number from 1 to {MAX_TILESET[attr]} '
                "— export the tileset from Tiled again"
            )
    columns = node.get("columns", "0")
    if not (columns.isascii() and columns.isdigit()) or int(columns) > MAX_TILESET["columns"]:
        ok = False
        report.unusable(f'tileset "{name}": columns = {columns!r} is not a whole number — export it from Tiled again')
    return ok


# pytmx stores these as attributes of maps, layers and objects and refuses custom
# properties of the same names (pytmx 3.32).
RESERVED_NAMES = {
    "map": frozenset(
        "background_color filename height layers nextobjectid orientation properties renderorder tiledversion "
        "tileheight tilesets tilewidth version width".split()
    ),
    "layer": frozenset("data height id name offsetx offsety opacity parent properties tiles visible width".split()),
    "objectgroup": frozenset("color draworder id name offsetx offsety opacity parent properties visible".split()),
    "object": frozenset(
        "closed gid height id image name parent points properties rotation template type visible width x y".split()
    ),
}
CASTS: dict[str, Any] = {"int": int, "float": float, "object": int}  # an object property holds an object id
PROPERTY_TYPES = frozenset({"string", "int", "float", "bool", "color", "file", "object", "class"})  # Tiled 1.8–1.10


def element_label(node: ET.Element) -> str:
    if node.tag == "object":
        return object_label(
            int(node.get("id", "0") or 0), node.get("name"), node.get("type") or node.get("class") or ""
        )
    if node.tag == "map":
        return "map"
    kind = "object layer" if node.tag == "objectgroup" else "tile layer" if node.tag == "layer" else node.tag
    return f'{kind} "{node.get("name", "")}"'


def check_properties(report: Report, root: ET.Element) -> bool:
    """Custom properties pytmx would choke on: reserved names, values not of their type.

    Returns False when pytmx cannot read the file because of them.
    """
    ok = True
    for node in root.iter():
        props = node.find("properties")
        if props is None or node.tag not in ("map", "layer", "objectgroup", "object", "group", "imagelayer"):
            continue
        reserved = RESERVED_NAMES.get(node.tag, RESERVED_NAMES["layer"])
        for prop in props.findall("property"):
            name, kind, value = prop.get("name", ""), prop.get("type", "string"), prop.get("value")
            if not name:  # pytmx would key it None; nothing downstream expects that
                ok = False
                report.error(f"{element_label(node)}: a custom property has no name — name it or delete it")
            elif name in reserved:
                ok = False
                report.error(
                    f'{element_label(node)}: custom property "{name}" has the name of a built-in attribute '
                    f"— rename it (the loader cannot read {', '.join(sorted(reserved)[:6])}, … as custom properties)"
                )
            elif kind in CASTS:
                try:
                    CASTS[kind](value if value is not None else prop.text)
                except (TypeError, ValueError):
                    ok = False
                    report.error(f"{element_label(node)}: property {name} = {value!r} is not a valid {kind}")
            elif kind not in PROPERTY_TYPES:  # pytmx raises KeyError on these
                ok = False
                report.error(
                    f"{element_label(node)}: property {name} has the unknown type {kind!r} "
                    f"— use one of {', '.join(sorted(PROPERTY_TYPES - {'class'}))}"
                )
            elif kind == "class":  # pytmx needs the Tiled project's custom types for these, and has none
                ok = False
                report.error(
                    f"{element_label(node)}: property {name} is of a class type, which the loader cannot read "
                    "— use plain properties (string, int, float, bool)"
                )
            elif kind == "bool" and (value or "").lower() not in ("true", "false", "1", "0"):
                ok = False
                report.error(f"{element_label(node)}: property {name} = {value!r} is not true or false")
    return ok


def parse_with_pytmx(report: Report, path: Path, root: ET.Element) -> Any:
    """Let pytmx interpret the (already checked) XML; no images are loaded."""
    pytmx = import_pytmx()
    log = logging.getLogger("pytmx.pytmx")
    level = log.level
    log.setLevel(logging.CRITICAL)  # its errors become our StageError below
    try:
        tiled = pytmx.TiledMap()  # default loader: no images, no pygame
        tiled.filename = os.fspath(path)
        tiled.parse_xml(root)
    except Exception as e:  # pytmx raises bare Exception/ValueError/KeyError with terse texts
        text = str(e) or type(e).__name__
        report.unusable(f"pytmx could not read the map: {text} — open and save it in Tiled, then check again")
        report.stop_if_unusable()
    finally:
        log.setLevel(level)
    return tiled
