"""``millegame new-stage``: a starter stage that already passes ``check-level --drive``.

It holds what every stage needs and nothing more: a grass ground layer, a road of two
pieces (asphalt, then cobbles into a town) with one bend, the start, one checkpoint (placed
as a point on the road) and the finish. Beside it go the shipped tilesets, the object
templates and the Tiled project file (for the dropdowns and the Check/Play commands), each
only if not there already: nothing a designer made is ever overwritten.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from millegame import resources
from millegame.levels.writer import Property, TmxLayer, TmxObject, tmx_text

PX_PER_M = 8
TILE_PX = 32
GRASS_GIDS = (1, 2)  # terrain.tsx tiles 0 and 1: grass_a, grass_b
COLS, ROWS = 300, 200  # 1200 m × 800 m: room to grow the road (docs/levels.md, part 2)
CAR_LENGTH_M, CAR_WIDTH_M = 4.4, 1.8


@dataclass(frozen=True)
class Written:
    stage: Path
    copied: tuple[Path, ...]


class StageExistsError(Exception):
    """The target stage file exists: new-stage never overwrites a stage."""


def starter_text(title: str) -> str:
    """The starter stage's .tmx text (coordinates in map pixels, 8 px per metre)."""

    def px(xy_m: tuple[float, float]) -> tuple[float, float]:
        return (xy_m[0] * PX_PER_M, xy_m[1] * PX_PER_M)

    # The road, in whole metres (Tiled's fine grid snaps to them): a straight, one bend to the
    # left, then into town on cobbles, in the bottom-left of the map.
    open_road = [(32.0, 720.0), (232.0, 720.0), (360.0, 672.0), (440.0, 572.0)]
    town = [(440.0, 572.0), (500.0, 512.0), (600.0, 496.0)]
    objs: list[TmxObject] = []

    def road(oid: int, name: str, pts: list[tuple[float, float]], props: list[Property]) -> TmxObject:
        x0, y0 = px(pts[0])
        rel = [(px(p)[0] - x0, px(p)[1] - y0) for p in pts]
        return TmxObject(oid, x0, y0, type="road", name=name, points=rel, properties=props)

    objs.append(road(1, "Strada provinciale", open_road, [("width_m", "float", "7")]))
    objs.append(
        road(2, "Into town", town, [("width_m", "float", "6"), ("surface", "enum:surface", "cobbles"),
                                    ("edge", "enum:road_edge", "kerb")])
    )  # fmt: skip
    sx, sy = px((40.0, 720.0))
    objs.append(
        TmxObject(
            3, sx - CAR_LENGTH_M * PX_PER_M / 2, sy - CAR_WIDTH_M * PX_PER_M / 2, type="start", name="start",
            width=CAR_LENGTH_M * PX_PER_M, height=CAR_WIDTH_M * PX_PER_M,
        )
    )  # fmt: skip
    cx, cy = px((360.0, 672.0))
    objs.append(TmxObject(4, cx, cy, type="checkpoint", name="CP1", point=True, properties=[("order", "int", "1")]))
    fx, fy = px((572.0, 500.0))
    objs.append(TmxObject(5, fx, fy, type="finish", name="finish", point=True))
    rng = np.random.default_rng(1927)  # the first Mille Miglia
    ground = rng.choice(np.array(GRASS_GIDS), size=(ROWS, COLS), p=[0.8, 0.2])
    props: list[Property] = [
        ("title", "string", title),
        ("px_per_m", "float", str(PX_PER_M)),
        ("time_of_day", "enum:time_of_day", "day"),
        ("weather", "enum:weather", "clear"),
    ]
    return tmx_text(
        COLS, ROWS, TILE_PX, [(1, "tilesets/terrain.tsx")], props, [TmxLayer("ground", ground)],
        [("objects", objs)], "#8db255",
    )  # fmt: skip


def write_starter(path: Path, title: str | None = None) -> Written:
    """Write the starter stage at ``path`` and what it needs beside it (never overwriting)."""
    path = Path(path)
    if path.suffix.lower() != ".tmx":
        path = path.with_suffix(".tmx")
    if path.exists():
        raise StageExistsError(f"{path} already exists — choose another name (new-stage never overwrites a stage)")
    path.parent.mkdir(parents=True, exist_ok=True)
    copied = []
    levels = resources.levels_dir()
    names = ("terrain.tsx", "terrain.png", "terrain-hd.png", "scenery.tsx", "scenery.png", "scenery-hd.png")
    support = [levels / "tilesets" / f for f in names]
    support += [
        *sorted((levels / "templates").glob("*.tx")),
        levels / "millegame.tiled-project",
        levels / "objecttypes.xml",
    ]
    for src in support:
        if not src.is_file():
            continue
        dst = path.parent / src.relative_to(levels)
        if dst.exists():
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
        copied.append(dst)
    text = starter_text(title or path.stem.replace("-", " ").replace("_", " ").title())
    with open(path, "x", encoding="utf-8") as f:  # "x": fail rather than overwrite, even in a race
        f.write(text)
    return Written(path, tuple(copied))
