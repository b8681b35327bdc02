"""The level format as data: object types, properties, enums (docs/levels.md explains them).

One definition serves the checks (unknown types and properties, with "did you mean"),
``tools/make_tiled_project.py`` (the dropdowns of ``levels/millegame.tiled-project``)
and the tests that keep docs/levels.md complete.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from millegame.core.roads import EDGES, MARKINGS


@dataclass(frozen=True)
class Prop:
    """A custom property: ``type`` is Tiled's (string, int, float, bool); ``enum`` names
    one of ``ENUMS`` (or ``surface``) when the value must come from a list."""

    name: str
    type: str
    required: bool
    doc: str
    enum: str | None = None
    default: str | int | float | bool | None = None


@dataclass(frozen=True)
class ObjectType:
    """A Tiled object type (``type`` in Tiled ≤ 1.8, ``class`` in Tiled ≥ 1.9)."""

    name: str
    shape: str  # what to draw it with, for messages and docs
    doc: str
    props: tuple[Prop, ...] = ()
    colour: str = "#a0a0a4"  # how Tiled draws objects of this type

    def prop(self, name: str) -> Prop | None:
        return next((p for p in self.props if p.name == name), None)


LINE = "2-point polyline across the road, or a point on the road"
_ORDER = Prop("order", "int", True, "1, 2, 3, … in driving order", default=1)
_TRIAL = Prop("trial", "string", False, "name of the regularity trial the line belongs to")

OBJECT_TYPES: dict[str, ObjectType] = {
    t.name: t
    for t in (
        ObjectType("start", "car-sized rectangle (4.4 × 1.8 m), +x forward", "where the car starts", (), "#2fa84f"),
        ObjectType("checkpoint", LINE, "a timing gate, passed in order", (_ORDER,), "#f0c419"),
        ObjectType("finish", LINE, "the finish line, after the last checkpoint", (), "#e23c3c"),
        ObjectType(
            "road",
            "polyline along the road's centre (smoothed through its points)",
            "a road piece; pieces joined end to start form the route, the others are side roads",
            (
                Prop("width_m", "float", False, "width of the road [m], 2.5 to 40", default=7.0),
                Prop(
                    "surface",
                    "string",
                    False,
                    "its surface (a new piece changes it)",
                    enum="surface",
                    default="asphalt",
                ),
                Prop(
                    "edge",
                    "string",
                    False,
                    "how its sides look; wall makes them solid",
                    enum="road_edge",
                    default="verge",
                ),
                Prop("sharp", "bool", False, "keep the corners as drawn (town streets)", default=False),
                Prop(
                    "markings",
                    "string",
                    False,
                    "painted lines: none (a 1950s road), a centre dash, or full (centre and edge lines)",
                    enum="road_markings",
                    default="none",
                ),
            ),
            "#707070",
        ),
        ObjectType(
            "route",
            "polyline along the road centre",
            "start → past the finish (stages painted with tiles)",
            (),
            "#d04ad0",
        ),
        ObjectType("wall", "polyline, polygon or rectangle", "segments cars cannot cross", (), "#505050"),
        ObjectType(
            "pc_line",
            LINE,
            "prova cronometrata: a timing line; a trial runs over its lines in order",
            (
                Prop("trial", "string", True, "the trial's name; lines with the same name form one trial"),
                Prop("order", "int", True, "1, 2, 3, … within the trial", default=1),
                Prop("target_s", "float", False, "set time [s] of the section that ends at this line (not on order 1)"),
            ),
            "#3a7bd5",
        ),
        ObjectType(
            "pm_start",
            LINE,
            "prova di media: start of an average-speed section",
            (_TRIAL, Prop("avg_kmh", "float", True, "the average speed to hold [km/h], below 50", default=40.0)),
            "#1aa6a6",
        ),
        ObjectType("pm_secret", LINE, "prova di media: a secret check point inside the section", (_TRIAL,), "#1aa6a6"),
        ObjectType("pm_end", LINE, "prova di media: end of the section", (_TRIAL,), "#1aa6a6"),
        ObjectType(
            "co",
            LINE,
            "controllo orario: a time control",
            (Prop("due_min", "int", True, "minutes after the start when the car is due", default=0),),
            "#8a5a2b",
        ),
    )
}
TIMING_TYPES = ("pc_line", "pm_start", "pm_secret", "pm_end", "co")
GATE_TYPES = ("checkpoint", "finish", *TIMING_TYPES)

ENUMS: dict[str, tuple[str, ...]] = {
    "time_of_day": ("day", "dusk", "night"),
    "weather": ("clear", "rain", "fog"),
    "tile_layer": ("ground", "decor", "above"),
    "road_edge": EDGES,
    "road_markings": MARKINGS,
    "object_class": tuple(OBJECT_TYPES),
}

MAP_PROPS: tuple[Prop, ...] = (
    Prop("px_per_m", "float", True, "pixels per metre (8 for the shipped tileset)", default=8.0),
    Prop("title", "string", False, "shown in menus; must match levels/stages.toml for shipped stages"),
    Prop("time_of_day", "string", False, "light of the stage", enum="time_of_day", default="day"),
    Prop(
        "weather", "string", False, "rain makes the stage wet (use wet_asphalt tiles)", enum="weather", default="clear"
    ),
    Prop("par_time_s", "float", False, "par time [s]: the autopilot's time with a mid-field 1950s car + 10 %"),
    Prop("generated_by", "string", False, "the tool that wrote the map (tools/generated.py); the game ignores it"),
    Prop("generated_sha256", "string", False, "sha256 of the map as generated: a changed map is not overwritten"),
)
LAYER_PROPS: tuple[Prop, ...] = (
    Prop("above_cars", "bool", False, "draw this tile layer over the cars", default=False),
)
TILE_PROPS: tuple[Prop, ...] = (
    Prop("surface", "string", True, "a surface name from assets/surfaces.toml", enum="surface"),
    Prop("solid", "bool", False, "cars cannot enter the cell", default=False),
    Prop("kind", "string", False, "a stable name used by the generators in tools/"),
    Prop("layer", "string", False, "the layer the tile is meant for", enum="tile_layer"),
    Prop(
        "any_turn",
        "bool",
        False,
        "the game may draw the tile turned or mirrored (natural ground), so a field of it shows no grid",
        default=False,
    ),
)

# Surfaces a road may have; a route or a gate on anything else is reported.
ROAD_SURFACES = frozenset({"asphalt", "wet_asphalt", "cobbles", "gravel"})  # dirt is fields and vineyards


def closest(name: str, known: list[str] | tuple[str, ...]) -> str:
    """`` — did you mean "x"?`` for a likely typo, else the list of known names."""
    match = difflib.get_close_matches(name.lower(), [k.lower() for k in known], n=1, cutoff=0.6)
    if match:
        real = next(k for k in known if k.lower() == match[0])
        return f'did you mean "{real}"?'
    return "known: " + ", ".join(known)
