"""The shipped catalogue: cars, surfaces and the stage list, read from TOML data files.

This is the one place that turns ``assets/*.toml`` and ``levels/stages.toml`` into core
dataclasses; core itself never reads files.
"""

from __future__ import annotations

import itertools
import math
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import cast

from millegame.core.car import CarParams
from millegame.core.surfaces import Surface, SurfaceTable
from millegame.resources import assets_dir, levels_dir


class CatalogError(Exception):
    """A shipped or user data file is missing or wrong; the message says which and how to fix it."""


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise CatalogError(f"{path}: file not found") from None
    except tomllib.TOMLDecodeError as e:
        raise CatalogError(f"{path}: not valid TOML ({e}) — fix the syntax at that line") from None


@cache
def load_surfaces() -> SurfaceTable:
    data = _read_toml(assets_dir() / "surfaces.toml")
    return SurfaceTable(
        tuple(
            Surface(
                name=s["name"],
                grip=float(s["grip"]),
                rolling_resistance=float(s["rolling_resistance"]),
                drag_per_mps=float(s.get("drag_per_mps", 0.0)),
                dust=bool(s.get("dust", False)),
                sound=str(s.get("sound", "tarmac")),
            )
            for s in data["surface"]
        )
    )


def _value(entry: object) -> float:
    """A number, or an estimate written as ``{ value = 1.0, estimate = true }``."""
    if isinstance(entry, dict):
        return float(entry["value"])
    return float(entry)  # type: ignore[arg-type]


def car_from_toml(path: Path) -> CarParams:
    d = _read_toml(path)
    try:
        body, engine, drive, tyres = d["body"], d["engine"], d["drivetrain"], d["tyres"]
        brakes, assists, aero, steering = d["brakes"], d["assists"], d["aero"], d["steering"]
        curve = tuple((float(rpm), float(nm)) for rpm, nm in engine["torque_curve"])
        if any(b[0] <= a[0] for a, b in itertools.pairwise(curve)) or len(curve) < 2:
            raise CatalogError(f"{path}: engine.torque_curve needs two or more [rpm, N·m] points, rpm ascending")
        return CarParams(
            id=d["id"],
            name=d["name"],
            year=int(d["year"]),
            era=d["era"],
            category=d["category"],
            displacement_cc=int(d["displacement_cc"]),
            number=int(d.get("number", 0)),
            history=d.get("history", ""),
            mass_kg=_value(body["race_mass_kg"]),
            length_m=_value(body["length_m"]),
            width_m=_value(body["width_m"]),
            wheelbase_m=_value(body["wheelbase_m"]),
            weight_front=_value(body["weight_front"]),
            cg_height_m=_value(body["cg_height_m"]),
            engine_kind=engine["kind"],
            power_kw=_value(engine["power_kw"]),
            peak_power_rpm=_value(engine["peak_power_rpm"]),
            idle_rpm=_value(engine["idle_rpm"]),
            redline_rpm=_value(engine["redline_rpm"]),
            torque_curve=curve,
            gears=int(drive["gears"]),
            shift_time_s=_value(drive["shift_time_s"]),
            ratio_spread=_value(drive["ratio_spread"]),
            top_speed_kmh=_value(drive["top_speed_kmh"]),
            wheel_radius_m=_value(drive["wheel_radius_m"]),
            drive=drive["layout"],
            drive_front_share=_value(drive.get("front_share", 0.0)),
            tyre_era=tyres["era"],
            mu_lateral=_value(tyres["mu_lateral"]),
            mu_longitudinal=_value(tyres["mu_longitudinal"]),
            cornering_stiffness_per_load=_value(tyres["cornering_stiffness_per_load"]),
            slide_factor=_value(tyres["slide_factor"]),
            brake_type=brakes["type"],
            brake_front_bias=_value(brakes["front_bias"]),
            brake_capacity=_value(brakes["capacity"]),
            fade_start_c=_value(brakes["fade_start_c"]),
            fade_full_c=_value(brakes["fade_full_c"]),
            fade_min=_value(brakes["fade_min"]),
            brake_heat_capacity_j_per_k=_value(brakes["heat_capacity_j_per_k"]),
            abs=bool(assists["abs"]),
            tcs=bool(assists["tcs"]),
            cda_m2=_value(aero["cda_m2"]),
            cla_m2=_value(aero.get("cla_m2", 0.0)),
            downforce_front=_value(aero.get("downforce_front", 0.5)),
            max_steer_rad=math.radians(_value(steering["max_angle_deg"])),
            steer_rate_rad_s=math.radians(_value(steering["rate_deg_s"])),
        )
    except KeyError as e:
        raise CatalogError(f"{path}: missing key {e.args[0]!r} — see docs/physics.md for the car file format") from None


@cache
def load_cars() -> tuple[CarParams, ...]:
    """Every shipped car, classics first by year, then the modern cars."""
    cars = [car_from_toml(p) for p in sorted((assets_dir() / "cars").glob("*.toml"))]
    return tuple(sorted(cars, key=lambda c: (c.era != "classic", c.year, c.id)))


def car_ids() -> list[str]:
    return [c.id for c in load_cars()]


def load_car(car_id: str) -> CarParams:
    for c in load_cars():
        if c.id == car_id:
            return c
    raise CatalogError(f"unknown car {car_id!r} — choose one of: {', '.join(car_ids())}")


@dataclass(frozen=True)
class StageInfo:
    """A stage to choose: shipped (``levels/stages.toml``, route order) or the player's
    own (a ``.tmx`` in ``user_stages_dir()``, ``source = "user"``)."""

    id: str
    title: str
    path: Path
    source: str = "shipped"  # "shipped" or "user"


@cache
def list_stages() -> tuple[StageInfo, ...]:
    """The shipped stages in route order (what a rally drives)."""
    data = _read_toml(levels_dir() / "stages.toml")
    return tuple(StageInfo(id=s["id"], title=s["title"], path=levels_dir() / s["file"]) for s in data["stage"])


MAX_USER_STAGES = 200  # listed from the stage folder, by file name
MAX_TITLE_SCAN_BYTES = 1 << 16  # the map's properties come first in a .tmx: the title is near the top


def user_stages_dir() -> Path:
    """The player's stage folder: ``<data dir>/stages`` (``$MILLEGAME_DATA_DIR``,
    ``$XDG_DATA_HOME/millegame`` …; see ``millegame.userdirs``)."""
    from millegame.userdirs import data_dir

    return data_dir() / "stages"


def list_user_stages() -> tuple[StageInfo, ...]:
    """The ``.tmx`` files in the player's stage folder, by file name; read again on every
    call (the folder changes while the game runs). The title is the map's ``title``
    property, else the file name; nothing here loads the stage, so a broken file is
    listed too (loading it says what is wrong)."""
    folder = user_stages_dir()
    try:
        paths = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".tmx" and p.is_file())
    except OSError:  # no folder yet, or unreadable
        return ()
    return tuple(
        StageInfo(id=p.stem, title=map_title(p) or p.stem, path=p, source="user") for p in paths[:MAX_USER_STAGES]
    )


def list_all_stages() -> tuple[StageInfo, ...]:
    """The shipped stages, then the player's own."""
    return (*list_stages(), *list_user_stages())


def map_title(path: Path) -> str | None:
    """The map property ``title`` of a ``.tmx``, read from the top of the file only (the
    map's properties come before its tilesets and layers), or None."""
    try:
        with path.open("rb") as f:
            head = f.read(MAX_TITLE_SCAN_BYTES)
    except OSError:
        return None
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start", "end"))
    depth = 0
    try:
        parser.feed(head)
        # only start and end events were asked for: each is (event, element)
        for event, elem in cast("Iterator[tuple[str, ET.Element]]", parser.read_events()):
            depth += 1 if event == "start" else -1
            if event == "start" and depth == 3 and elem.tag == "property" and elem.get("name") == "title":
                return (elem.get("value") or elem.text or "").strip() or None
            if event == "end" and depth == 1 and elem.tag == "properties":
                return None
    except ET.ParseError:
        return None
    return None


def resolve_stage(ref: str) -> Path:
    """A shipped stage id, a stage id from the player's stage folder, or a path to any ``.tmx`` file."""
    for s in list_all_stages():
        if s.id == ref:
            return s.path
    p = Path(ref)
    if p.suffix.lower() == ".tmx" or p.exists():
        return p
    raise CatalogError(
        f"unknown stage {ref!r} — give a stage id ({', '.join(s.id for s in list_all_stages())}) "
        "or a path to a .tmx file"
    )
