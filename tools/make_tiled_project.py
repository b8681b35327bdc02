"""Generate the Tiled project: ``levels/millegame.tiled-project`` + ``levels/objecttypes.xml``.

Both come from the level format's own definition (``millegame.levels.schema``) and the
surface names of ``assets/surfaces.toml``, so the editor's dropdowns and the checks of
``millegame check-level`` cannot drift apart.

- ``propertyTypes``: string enums ``surface``, ``time_of_day``, ``weather``,
  ``tile_layer`` and ``object_class`` — a property whose type is one of them shows a
  dropdown (the shipped tileset's ``surface`` and the maps' ``time_of_day`` /
  ``weather`` properties use them).
- ``objecttypes.xml``: the object types (start, checkpoint, …, pc_line, co) with their
  colours and properties, so the object's Type field offers them and a new checkpoint
  shows its ``order`` property. Tiled 1.8 reads it through ``objectTypesFile``; Tiled
  1.9+ imports it as custom classes on first load.

Run:  .venv/bin/python tools/make_tiled_project.py
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import quoteattr

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from millegame.catalog import load_surfaces  # noqa: E402
from millegame.levels.schema import ENUMS, OBJECT_TYPES  # noqa: E402

LEVELS = REPO / "levels"
PROJECT = LEVELS / "millegame.tiled-project"
OBJECT_TYPES_FILE = LEVELS / "objecttypes.xml"


def enums() -> dict[str, tuple[str, ...]]:
    return {"surface": tuple(load_surfaces().names), **ENUMS}


def project_json() -> dict[str, object]:
    types = [
        {
            "id": k,
            "name": name,
            "storageType": "string",
            "type": "enum",
            "values": list(values),
            "valuesAsFlags": False,
        }
        for k, (name, values) in enumerate(enums().items(), start=1)
    ]
    return {
        "automappingRulesFile": "",
        "commands": COMMANDS,
        "compatibilityVersion": 1080,  # Tiled 1.9+: keep writing objects' `type` as Tiled 1.8 did
        "extensionsPath": "extensions",
        "folders": ["."],
        "objectTypesFile": OBJECT_TYPES_FILE.name,
        "propertyTypes": types,
    }


# Tiled's command button (Tiled 1.8 project format: src/tiled/command.cpp's keys). "millegame"
# must be on the PATH Tiled sees: start Tiled from a shell where the venv is active, or set the
# executable to the full path of .venv/bin/millegame (docs/levels.md).
COMMANDS = [
    {
        "arguments": "check-level %mapfile --drive",
        "command": "millegame",
        "enabled": True,
        "name": "Check stage",
        "saveBeforeExecute": True,
        "shortcut": "F5",
        "showOutput": True,
        "workingDirectory": "%mappath",
    },
    {
        "arguments": "play %mapfile --watch",
        "command": "millegame",
        "enabled": True,
        "name": "Play stage",
        "saveBeforeExecute": True,
        "shortcut": "F6",
        "showOutput": True,
        "workingDirectory": "%mappath",
    },
]

TEMPLATES = LEVELS / "templates"
PX_PER_M = 8.0
SCENERY_TEMPLATES = {  # template name: scenery.tsx kind
    "olive": "olive_a",
    "cypress": "cypress_a",
    "poplar": "poplar",
    "umbrella-pine": "umbrella_pine",
    "bush": "bush",
    "hedge": "hedge",
    "straw-bales": "straw_bales",
    "house": "house_a",
    "cascina": "cascina",
    "church": "church",
    "km-stone": "km_stone",
}


def templates() -> dict[str, str]:
    """Object templates: file name → .tx text. Gates are points (the loader spans them
    across the road); a road is a 3-point bend to drag into place."""
    out: dict[str, str] = {}

    def tx(body: str, tileset: str = "") -> str:
        return f'<?xml version="1.0" encoding="UTF-8"?>\n<template>\n{tileset}{body}</template>\n'

    def props(*items: tuple[str, str, str]) -> str:
        if not items:
            return ""
        typed = [(n, "" if t == "string" else f" type={quoteattr(t)}", v) for n, t, v in items]
        lines = "".join(f"   <property name={quoteattr(n)}{t} value={quoteattr(v)}/>\n" for n, t, v in typed)
        return f"  <properties>\n{lines}  </properties>\n"

    car_w, car_h = 4.4 * PX_PER_M, 1.8 * PX_PER_M
    out["start.tx"] = tx(f' <object type="start" width="{car_w:g}" height="{car_h:g}"/>\n')
    for kind in ("checkpoint", "finish", "pc_line", "pm_start", "pm_secret", "pm_end", "co"):
        t = OBJECT_TYPES[kind]
        items = [(p.name, p.type, str(p.default if p.default is not None else "")) for p in t.props]
        body = f' <object type="{kind}">\n{props(*items)}  <point/>\n </object>\n'
        out[f"{kind.replace('_', '-')}.tx"] = tx(body)
    for surface, width, edge in (
        ("asphalt", 7, "verge"), ("wet_asphalt", 7, "verge"), ("cobbles", 6, "kerb"), ("gravel", 5.5, "verge"),
        ("dirt", 4.5, "none"),
    ):  # fmt: skip
        items = [("width_m", "float", f"{width:g}"), ("surface", "string", surface), ("edge", "string", edge)]
        pts = "0,0 320,0 640,-160"  # 40 m, then a bend: drag the points, add more with the node tool
        body = f' <object type="road">\n{props(*items)}  <polyline points="{pts}"/>\n </object>\n'
        out[f"road-{surface.replace('_', '-')}.tx"] = tx(body)
    street = props(
        ("width_m", "float", "5.5"),
        ("surface", "string", "cobbles"),
        ("edge", "string", "wall"),
        ("sharp", "bool", "true"),
    )
    out["road-town-street.tx"] = tx(
        f' <object type="road">\n{street}  <polyline points="0,0 240,0 240,240"/>\n </object>\n'
    )
    scenery = ET.parse(LEVELS / "tilesets" / "scenery.tsx").getroot()
    tile_px = int(scenery.get("tilewidth", "128"))
    local = {
        str(p.get("value")): int(str(t.get("id")))
        for t in scenery.findall("tile")
        for p in t.findall("properties/property")
        if p.get("name") == "kind"
    }
    for name, kind in SCENERY_TEMPLATES.items():
        ts = ' <tileset firstgid="1" source="../tilesets/scenery.tsx"/>\n'
        out[f"{name}.tx"] = tx(f' <object gid="{local[kind] + 1}" width="{tile_px}" height="{tile_px}"/>\n', ts)
    return out


def object_types_xml() -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<objecttypes>"]
    for t in OBJECT_TYPES.values():
        if not t.props:
            out.append(f" <objecttype name={quoteattr(t.name)} color={quoteattr(t.colour)}/>")
            continue
        out.append(f" <objecttype name={quoteattr(t.name)} color={quoteattr(t.colour)}>")
        for p in t.props:
            default = {"int": "0", "float": "0", "bool": "false"}.get(p.type, "") if p.default is None else p.default
            default = str(default).lower() if p.type == "bool" else str(default)
            out.append(f"  <property name={quoteattr(p.name)} type={quoteattr(p.type)} default={quoteattr(default)}/>")
        out.append(" </objecttype>")
    out.append("</objecttypes>")
    return "\n".join(out) + "\n"


def main() -> None:
    PROJECT.write_text(json.dumps(project_json(), indent=4) + "\n", encoding="utf-8")
    OBJECT_TYPES_FILE.write_text(object_types_xml(), encoding="utf-8")
    TEMPLATES.mkdir(exist_ok=True)
    for name, text in templates().items():
        (TEMPLATES / name).write_text(text, encoding="utf-8")
    print(f"wrote {PROJECT}, {OBJECT_TYPES_FILE} and {len(templates())} templates in {TEMPLATES}")


if __name__ == "__main__":
    main()
