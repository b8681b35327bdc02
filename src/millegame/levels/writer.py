"""Writing a ``.tmx`` the way Tiled 1.8 writes it, so a re-save in Tiled changes nothing.

Tiled writes numbers with 6 significant digits (``12202.64`` → ``12202.6``,
/work/shared/reference/tiled.md); ``tiled_number`` does the same, so what we write is what
Tiled keeps. Used by ``millegame new-stage`` and the stage generators in ``tools/``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

import numpy as np
from numpy.typing import NDArray

Property = tuple[str, str, str]  # (name, type, value); "enum:<name>" is a string of a project enum


def tiled_number(v: float) -> str:
    """``v`` with 6 significant digits and no trailing zeros, as Tiled writes it."""
    s = f"{float(v):.6g}"
    if "e" in s:  # Tiled never writes exponents for map coordinates; keep plain digits
        s = f"{float(v):.6f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def tiled_round(v: float) -> float:
    """``v`` as it reads back after Tiled wrote it."""
    return float(tiled_number(v))


@dataclass
class TmxObject:
    """A Tiled object in map pixels. ``points`` are relative to (x, y) (polylines, polygons);
    ``gid`` makes a tile object, anchored at its bottom-left corner."""

    id: int
    x: float
    y: float
    type: str = ""
    name: str = ""
    width: float = 0.0
    height: float = 0.0
    rotation: float = 0.0
    points: Sequence[tuple[float, float]] | None = None
    closed: bool = False
    gid: int = 0
    point: bool = False
    properties: list[Property] = field(default_factory=list)


@dataclass
class TmxLayer:
    name: str
    gids: NDArray[np.int64]
    properties: list[Property] = field(default_factory=list)


def properties_xml(props: Sequence[Property], indent: str) -> list[str]:
    if not props:
        return []
    out = [f"{indent}<properties>"]
    for name, typ, value in sorted(props):
        # An enum of the project is written as a plain string: Tiled 1.8 drops `propertytype`
        # on a re-save without the project loaded, so a file with it would not round-trip.
        t = "" if typ == "string" or typ.startswith("enum:") else f' type="{typ}"'
        out.append(f"{indent} <property name={quoteattr(name)}{t} value={quoteattr(value)}/>")
    out.append(f"{indent}</properties>")
    return out


def tmx_text(
    cols: int,
    rows: int,
    tile_px: int,
    tilesets: Sequence[tuple[int, str]],
    properties: Sequence[Property],
    layers: Sequence[TmxLayer],
    object_layers: Sequence[tuple[str, Sequence[TmxObject]]],
    background: str,
) -> str:
    """The whole map: orthogonal, fixed size, CSV tile data; ``tilesets`` are (firstgid, source)."""
    all_objects = [o for _, objs in object_layers for o in objs]
    next_layer = len(layers) + len(object_layers) + 1
    next_obj = max((o.id for o in all_objects), default=0) + 1
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<map version="1.8" tiledversion="1.8.2" orientation="orthogonal" renderorder="right-down" '
        f'width="{cols}" height="{rows}" tilewidth="{tile_px}" tileheight="{tile_px}" infinite="0" '
        f'backgroundcolor="{background}" nextlayerid="{next_layer}" nextobjectid="{next_obj}">',
    ]
    out += properties_xml(properties, " ")
    for firstgid, source in tilesets:
        out.append(f' <tileset firstgid="{firstgid}" source={quoteattr(source)}/>')
    lid = 0
    for layer in layers:
        lid += 1
        out.append(f' <layer id="{lid}" name={quoteattr(layer.name)} width="{cols}" height="{rows}">')
        out += properties_xml(layer.properties, "  ")
        out.append('  <data encoding="csv">')
        out.append(",\n".join(",".join(str(int(g)) for g in row) for row in layer.gids))
        out.append("</data>")
        out.append(" </layer>")
    for name, objs in object_layers:
        lid += 1
        out.append(f' <objectgroup id="{lid}" name={quoteattr(name)}>')
        out += [line for o in objs for line in object_xml(o)]
        out.append(" </objectgroup>")
    out.append("</map>")
    return "\n".join(out) + "\n"


def object_xml(o: TmxObject) -> list[str]:
    n = tiled_number
    attrs = f'id="{o.id}"'
    if o.name:
        attrs += f" name={quoteattr(o.name)}"
    if o.type:
        attrs += f" type={quoteattr(o.type)}"
    if o.gid:
        attrs += f' gid="{o.gid}"'
    attrs += f' x="{n(o.x)}" y="{n(o.y)}"'
    if o.width or o.height:
        attrs += f' width="{n(o.width)}" height="{n(o.height)}"'
    if o.rotation:
        attrs += f' rotation="{n(o.rotation)}"'
    body = properties_xml(o.properties, "   ")
    if o.points:
        tag = "polygon" if o.closed else "polyline"
        pts = " ".join(f"{n(px)},{n(py)}" for px, py in o.points)
        body.append(f'   <{tag} points="{escape(pts)}"/>')
    elif o.point:
        body.append("   <point/>")
    if not body:
        return [f"  <object {attrs}/>"]
    return [f"  <object {attrs}>", *body, "  </object>"]
