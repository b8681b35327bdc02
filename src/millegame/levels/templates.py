"""Tiled object templates (``.tx``): objects placed from a template, filled in from it.

An object made from a template is saved as ``<object template="templates/start.tx" x y/>``
plus only the fields the designer changed (/work/shared/reference/tiled.md). pytmx does
not read templates, so an instance would reach the loader with no type, no properties and
no shape — silently a note. ``expand_templates`` rewrites the parsed map in place before
anything reads it: every instance gets the template object's attributes, properties and
shape, with the instance's own values winning, and a template's tile (``gid`` in the
template's own tileset) becomes the gid of the same tile in the map's tileset.

Only files the map names are read, each once; a template is a small file (bounded).
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

from millegame.levels.report import Report

MAX_TEMPLATE_BYTES = 1 << 20  # a template is one object; 1 MB is far beyond any real one
SHAPES = ("polyline", "polygon", "ellipse", "point", "text")


def expand_templates(report: Report, map_path: Path, root: ET.Element) -> None:
    """Fill every template instance of ``root`` in place from its ``.tx`` file.

    The stage's hash (``Stage.source_sha256``) stays the map file's alone, as the game's
    menus compute it without loading the stage: editing a template does not by itself make
    old replays of the stages made with it refused."""
    cache: dict[Path, tuple[ET.Element, ET.Element | None] | None] = {}
    map_tilesets = _map_tilesets(map_path, root)
    for obj in root.iter("object"):
        ref = obj.get("template")
        if not ref:
            continue
        path = (map_path.parent / ref).resolve()
        if path not in cache:
            cache[path] = _read_template(report, ref, path)
        found = cache[path]
        if found is None:
            continue
        template, tileset = found
        _merge(report, obj, template, tileset, path.parent, map_tilesets, ref)
        del obj.attrib["template"]


def _read_template(report: Report, ref: str, path: Path) -> tuple[ET.Element, ET.Element | None] | None:
    try:
        if not path.is_file():
            report.error(
                f'template "{ref}" not found (looked for {path}) — restore it or detach the objects made from it'
            )
            return None
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            report.error(f'template "{ref}" is larger than 1 MB — it is not a Tiled template')
            return None
        node = ET.fromstring(path.read_bytes())
    except (OSError, ET.ParseError, LookupError, ValueError) as e:
        report.error(f'template "{ref}" cannot be read ({e}) — restore it or save it from Tiled again')
        return None
    obj = node.find("object") if node.tag == "template" else None
    if obj is None:
        report.error(f'"{ref}" is not a Tiled object template (no <template><object>) — save it from Tiled again')
        return None
    return obj, node.find("tileset")


def _map_tilesets(map_path: Path, root: ET.Element) -> dict[str, int]:
    """firstgid of each of the map's external tilesets, by resolved path."""
    out = {}
    for ts in root.findall("tileset"):
        source = ts.get("source")
        if source and (ts.get("firstgid") or "").isdigit():
            out[os.path.normcase(str((map_path.parent / source).resolve()))] = int(ts.get("firstgid", "0"))
    return out


def _merge(
    report: Report,
    obj: ET.Element,
    template: ET.Element,
    tileset: ET.Element | None,
    base: Path,
    map_tilesets: dict[str, int],
    ref: str,
) -> None:
    own = set(obj.attrib)
    for key, value in template.attrib.items():
        if key not in own and key != "id":
            obj.set(key, value)
    if "gid" in template.attrib and "gid" not in own:
        obj.set("gid", str(_map_gid(report, template.get("gid", "0"), tileset, base, map_tilesets, ref)))
    # Properties: the template's, then the instance's own on top.
    mine = obj.find("properties")
    theirs = template.find("properties")
    if theirs is not None:
        merged = ET.Element("properties")
        names = {p.get("name") for p in (mine if mine is not None else [])}
        merged.extend(p for p in theirs if p.get("name") not in names)
        if mine is not None:
            merged.extend(list(mine))
            obj.remove(mine)
        obj.insert(0, merged)
    if not any(obj.find(tag) is not None for tag in SHAPES):
        for tag in SHAPES:
            shape = template.find(tag)
            if shape is not None:
                obj.append(shape)
                break


def _map_gid(
    report: Report, gid: str, tileset: ET.Element | None, base: Path, map_tilesets: dict[str, int], ref: str
) -> int:
    """The map's gid for the template's tile (same tileset file, same local id)."""
    flags_mask = 0x1FFFFFFF
    try:
        g = int(gid)
    except ValueError:
        g = 0
    if tileset is None or not tileset.get("source") or not (tileset.get("firstgid") or "").isdigit():
        report.error(f'template "{ref}": its tile has no tileset — save the template from Tiled again')
        return 0
    local = (g & flags_mask) - int(tileset.get("firstgid", "1"))
    key = os.path.normcase(str((base / tileset.get("source", "")).resolve()))
    if key not in map_tilesets:
        report.error(
            f'template "{ref}": its tileset {tileset.get("source")} is not one of the map\'s tilesets '
            "— add it to the map (Map > Add External Tileset…)"
        )
        return 0
    return map_tilesets[key] + local + (g & ~flags_mask)
