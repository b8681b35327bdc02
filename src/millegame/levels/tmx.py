"""Reading a ``.tmx`` file: checks that turn Tiled's and pytmx's failures into StageErrors,
and the pytmx import that keeps pygame out of headless processes.

pytmx 3.32 imports pygame when it is installed (``pytmx/__init__`` pulls in
``util_pygame``), which would drag a display library into the simulation, the
autopilot and every test. ``import_pytmx`` blocks pygame for the duration of that
import; pytmx's own parsing never needs it.
"""

from __future__ import annotations

import logging
import os
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from millegame.levels.errors import StageError

SUPPORTED_ENCODINGS = {("csv", None), ("base64", None), ("base64", "zlib"), ("base64", "gzip")}


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


@dataclass(frozen=True)
class TmxFile:
    """A parsed map: the pytmx object plus what pytmx does not keep."""

    path: Path
    data: bytes  # the file's bytes (hashed for replays)
    root: ET.Element
    tiled: Any  # pytmx.TiledMap


def read_tmx(path: Path) -> TmxFile:
    """Read and check a map file; every failure is a one-line StageError."""
    where = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise StageError(f"{where}: file not found — check the path") from None
    except OSError as e:
        raise StageError(f"{where}: cannot read the file ({e.strerror})") from None
    if not data.strip():
        raise StageError(f"{where}: the file is empty — save the map from Tiled again")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        raise StageError(f"{where}: not a Tiled map (not valid XML: {e}) — save it from Tiled as .tmx") from None
    check_map_root(where, root)
    check_tile_layers(where, root)
    check_tilesets(where, path, root)
    return TmxFile(path, data, root, parse_with_pytmx(where, path, root))


def check_map_root(where: str, root: ET.Element) -> None:
    if root.tag != "map":
        raise StageError(f"{where}: not a Tiled map (the root element is <{root.tag}>, expected <map>)")
    orientation = root.get("orientation", "orthogonal")
    if orientation != "orthogonal":
        raise StageError(
            f"{where}: {orientation} maps are not supported — "
            "use an orthogonal map (Map > Map Properties > Orientation)"
        )
    if root.get("infinite", "0") == "1":
        raise StageError(f"{where}: infinite maps are not supported — untick Map > Map Properties > Infinite and save")
    for attr in ("width", "height", "tilewidth", "tileheight"):
        value = root.get(attr, "")
        if not value.isdigit() or int(value) <= 0:
            raise StageError(f"{where}: the map's {attr} is missing or not a positive number")
    if root.get("tilewidth") != root.get("tileheight"):
        raise StageError(
            f"{where}: tiles must be square (tilewidth {root.get('tilewidth')} ≠ tileheight {root.get('tileheight')})"
        )


def check_tile_layers(where: str, root: ET.Element) -> None:
    for layer in root.iter("layer"):
        name = layer.get("name", "")
        data = layer.find("data")
        if data is None:
            raise StageError(f'{where}: tile layer "{name}" has no <data>')
        if data.find("chunk") is not None:
            raise StageError(
                f'{where}: tile layer "{name}" is stored in chunks (an infinite map) — make the map fixed-size'
            )
        encoding, compression = data.get("encoding"), data.get("compression")
        if (encoding, compression) not in SUPPORTED_ENCODINGS:
            got = f"{encoding or 'XML'}{'/' + compression if compression else ''}"
            raise StageError(
                f'{where}: tile layer "{name}" uses {got} tile data, which is not supported — '
                "set Map > Map Properties > Tile Layer Format to CSV (or Base64 zlib/gzip)"
            )


def check_tilesets(where: str, path: Path, root: ET.Element) -> None:
    """External tilesets must exist and be single-image tilesets with an existing image."""
    if root.find("tileset") is None:
        raise StageError(f"{where}: the map has no tileset — add one (e.g. tilesets/terrain.tsx)")
    for ts in root.iter("tileset"):
        source = ts.get("source")
        node = ts
        base = path.parent
        if source:
            ts_path = (path.parent / source).resolve()
            if not ts_path.is_file():
                raise StageError(
                    f'{where}: tileset "{source}" not found (looked for {ts_path}) — fix the path or restore the file'
                )
            try:
                node = ET.parse(ts_path).getroot()
            except ET.ParseError as e:
                raise StageError(f'{where}: tileset "{source}" is not valid XML ({e})') from None
            if node.tag != "tileset":
                raise StageError(f'{where}: "{source}" is not a Tiled tileset (root <{node.tag}>)')
            base = ts_path.parent
        name = node.get("name", source or "?")
        image = node.find("image")
        if image is None or not image.get("source"):
            raise StageError(
                f'{where}: tileset "{name}" is an image collection — only tilesets cut from one image are supported'
            )
        img_path = (base / str(image.get("source"))).resolve()
        if not img_path.is_file():
            raise StageError(f'{where}: tileset "{name}" image not found (looked for {img_path})')


def parse_with_pytmx(where: str, path: Path, root: ET.Element) -> Any:
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
        hint = ""
        if "Reserved names" in text:
            hint = " — rename custom properties called like built-in attributes (name, id, x, y, type, width, …)"
        raise StageError(f"{where}: pytmx could not read the map: {text}{hint}") from None
    finally:
        log.setLevel(level)
    return tiled
