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
        "commands": [],
        "compatibilityVersion": 1080,  # Tiled 1.9+: keep writing objects' `type` as Tiled 1.8 did
        "extensionsPath": "extensions",
        "folders": ["."],
        "objectTypesFile": OBJECT_TYPES_FILE.name,
        "propertyTypes": types,
    }


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
    print(f"wrote {PROJECT} and {OBJECT_TYPES_FILE}")


if __name__ == "__main__":
    main()
