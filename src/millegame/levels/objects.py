"""Tiled objects normalised to plain shapes, in map pixels, in one place.

Tiled rotates every object clockwise (y down) about its own (x, y): the top-left
corner of a rectangle, the first point's origin for a polyline. pytmx 3.32 gives the
unrotated points (already offset by x, y) and the rotation in degrees; this module
applies the rotation and the object layer's offset, and reads the object's kind from
``type`` (Tiled ≤ 1.8) or ``class`` (Tiled ≥ 1.9).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from millegame.levels.errors import object_label
from millegame.levels.report import Report


@dataclass(frozen=True)
class Shape:
    """One Tiled object: ``points`` (N, 2) [px] after rotation and layer offset.

    A rectangle has its 4 corners (clockwise from the top-left, as drawn), a polyline
    its points, a polygon its points with ``closed`` True. ``rotation_deg`` is Tiled's
    clockwise rotation; ``size_px`` the unrotated rectangle size.
    """

    id: int
    name: str
    kind: str
    shape: str  # "rectangle", "polyline", "polygon", "point"
    points: NDArray[np.float64]
    rotation_deg: float
    size_px: tuple[float, float]
    origin_px: tuple[float, float]
    closed: bool
    properties: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return object_label(self.id, self.name, self.kind)


def object_kind(obj: Any) -> str:
    """The object's type: Tiled 1.9+ writes ``class``, older versions ``type``."""
    kind = getattr(obj, "type", None) or obj.__dict__.get("class") or ""
    return str(kind).strip().lower()


def rotate_about(points: NDArray[np.float64], origin: tuple[float, float], degrees: float) -> NDArray[np.float64]:
    """Rotate (N, 2) points clockwise on screen (y down) by ``degrees`` about ``origin``."""
    if not degrees:
        return points
    t = math.radians(degrees)
    c, s = math.cos(t), math.sin(t)
    ox, oy = origin
    d = points - (ox, oy)
    return np.stack([ox + c * d[:, 0] - s * d[:, 1], oy + s * d[:, 0] + c * d[:, 1]], axis=1)


def shape_of(obj: Any, offset: tuple[float, float]) -> Shape:
    x, y = float(obj.x), float(obj.y)
    rot = float(getattr(obj, "rotation", 0.0) or 0.0)
    w, h = float(obj.width or 0.0), float(obj.height or 0.0)
    pts_attr = obj.__dict__.get("points")
    if pts_attr is not None:
        pts = np.array([(float(p[0]), float(p[1])) for p in pts_attr], dtype=np.float64)
        closed = bool(getattr(obj, "closed", False))
        shape = "polygon" if closed else "polyline"
    elif w == 0.0 and h == 0.0:
        pts = np.array([(x, y)], dtype=np.float64)
        closed, shape = False, "point"
    elif getattr(obj, "gid", 0):  # a tile object: Tiled anchors it at its bottom-left corner
        pts = np.array([(x, y - h), (x + w, y - h), (x + w, y), (x, y)], dtype=np.float64)
        closed, shape = True, "rectangle"
    else:
        pts = np.array([(x, y), (x + w, y), (x + w, y + h), (x, y + h)], dtype=np.float64)
        closed, shape = True, "rectangle"
    pts = rotate_about(pts, (x, y), rot) + offset
    return Shape(
        id=int(obj.id),
        name=str(obj.name or ""),
        kind=object_kind(obj),
        shape=shape,
        points=pts,
        rotation_deg=rot,
        size_px=(w, h),
        origin_px=(x + offset[0], y + offset[1]),
        closed=closed,
        properties=dict(obj.properties),
    )


def read_shapes(tiled: Any, report: Report | None = None) -> list[Shape]:
    """Every object of every object layer, in file order.

    An object with a coordinate, size or rotation that is not a finite number, or that
    lies more than a map's size off the map, is reported (``report.error``) and left out:
    no later check can make sense of it, and a route 10^308 px long cannot be resampled.
    """
    pytmx = __import__("pytmx")
    width_px, height_px = float(tiled.width * tiled.tilewidth), float(tiled.height * tiled.tileheight)
    shapes: list[Shape] = []
    for layer in tiled.layers:
        if not isinstance(layer, pytmx.TiledObjectGroup):
            continue
        offset = (float(getattr(layer, "offsetx", 0) or 0), float(getattr(layer, "offsety", 0) or 0))
        if not all(math.isfinite(v) for v in offset):
            if report is not None:
                report.error(f'object layer "{layer.name}": its offset {offset} is not a number — reset it to 0, 0')
            continue
        for obj in layer:
            why = out_of_range(obj)
            if why is None:
                shape = shape_of(obj, offset)
                why = outside(shape.points, width_px, height_px)
                if why is None:
                    shapes.append(shape)
                    continue
            if report is not None:
                label = object_label(int(obj.id), obj.name, object_kind(obj))
                report.error(f"{label}: {why} — move it onto the map (or delete it)")
    return shapes


def out_of_range(obj: Any) -> str | None:
    """Why the object's numbers cannot be used (not finite), or None."""
    for name in ("x", "y", "width", "height", "rotation"):
        value = float(getattr(obj, name, 0.0) or 0.0)
        if not math.isfinite(value):
            return f"its {name} is {value}"
    for p in obj.__dict__.get("points") or ():
        if not (math.isfinite(float(p[0])) and math.isfinite(float(p[1]))):
            return f"a point is ({p[0]}, {p[1]})"
    return None


def outside(points: NDArray[np.float64], width_px: float, height_px: float) -> str | None:
    """Points more than one map size beyond the map's edges [px], or None."""
    lo = np.array([-width_px, -height_px])
    hi = np.array([2 * width_px, 2 * height_px])
    bad = ~((points >= lo) & (points <= hi)).all(axis=1)
    if bad.any():
        x, y = points[int(np.argmax(bad))]
        return f"point ({x:.0f}, {y:.0f}) px is far outside the {width_px:.0f} × {height_px:.0f} px map"
    return None


def segments_of(shape: Shape) -> NDArray[np.float64]:
    """The shape's edges as (K, 4) segments x0, y0, x1, y1 [px]."""
    p = shape.points
    if len(p) < 2:
        return np.zeros((0, 4))
    q = np.concatenate([p, p[:1]]) if shape.closed else p
    return np.concatenate([q[:-1], q[1:]], axis=1)
