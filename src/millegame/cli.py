"""The ``millegame`` command: thin argument parsing over the game, the catalogue and the sim.

Nothing here imports pygame at module level: ``sim``, ``stages`` and ``cars`` run headless.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from millegame import __version__

EXIT_OK = 0
EXIT_FAILED = 1  # the command ran but the result is a failure (e.g. the car did not finish)
EXIT_UNUSABLE = 2  # bad input or environment: unknown stage/car, broken file, no display


class CliError(Exception):
    """An error to show the user in one line, with an exit code."""

    def __init__(self, message: str, code: int = EXIT_UNUSABLE) -> None:
        super().__init__(message)
        self.code = code


def _window_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"window size must look like 1280x720, not {text!r}") from None
    if not (320 <= w <= 10000 and 240 <= h <= 10000):
        raise argparse.ArgumentTypeError(f"window size {w}x{h} is out of range (320x240 … 10000x10000)")
    return w, h


def _display_options(p: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    # Subcommands repeat the options without defaults of their own, so that
    # ``millegame --window 1600x900 play …`` keeps the size given before the command.
    g = p.add_argument_group("display")
    g.add_argument(
        "--fullscreen",
        action="store_true",
        default=False if top_level else argparse.SUPPRESS,
        help="start in fullscreen",
    )
    g.add_argument(
        "--window",
        type=_window_size,
        default=(1280, 720) if top_level else argparse.SUPPRESS,
        metavar="WxH",
        help="window size (default 1280x720)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="millegame",
        description="The Mille Miglia, top-down. With no command: start the game.",
    )
    parser.add_argument("--version", action="version", version=f"millegame {__version__}")
    _display_options(parser, top_level=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("play", help="drive a stage directly", description="Drive a stage directly.")
    p.add_argument("stage", metavar="STAGE_ID|PATH.tmx", help="a shipped stage id or a .tmx file")
    p.add_argument("--car", metavar="CAR_ID", help="car to drive (default: the first classic)")
    p.add_argument(
        "--watch", action="store_true", help="reload the stage when its .tmx or tilesets change on disk (for designers)"
    )
    _display_options(p)

    p = sub.add_parser("demo", help="attract mode: the autopilot drives", description="Attract mode.")
    p.add_argument("stage", nargs="?", metavar="STAGE_ID|PATH.tmx", help="stage (default: the first)")
    p.add_argument("--car", metavar="CAR_ID", help="car the autopilot drives")
    _display_options(p)

    p = sub.add_parser("stages", help="list the shipped stages in route order", description="List stages.")
    p.add_argument("--json", action="store_true", help="print a JSON array")

    p = sub.add_parser("cars", help="list the shipped cars", description="List cars.")
    p.add_argument("--json", action="store_true", help="print a JSON array")

    p = sub.add_parser(
        "sim",
        help="run a stage headless (no display, no pygame)",
        description="Run a stage headless and print the result.",
    )
    p.add_argument("stage", metavar="STAGE_ID|PATH.tmx")
    p.add_argument("--car", required=True, metavar="CAR_ID")
    p.add_argument("--driver", choices=["autopilot"], default="autopilot", help="who drives (default autopilot)")
    p.add_argument("--max-time", type=float, default=900.0, metavar="S", help="give up after S seconds of stage time")
    p.add_argument("--json", action="store_true", help="print one JSON object")

    p = sub.add_parser(
        "check-level",
        help="validate stage files for level designers",
        description="Validate .tmx stage files and report every problem, one line each. "
        "Exit 0: valid; 1: problems found; 2: not a usable stage at all.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH.tmx")
    p.add_argument("--drive", action="store_true", help="also drive each stage with the slowest and fastest car")

    p = sub.add_parser(
        "car-test",
        help="measure a car on the proving ground (headless)",
        description="Measure a car as a magazine road test would: 0-100 and 0-200 km/h, top speed, "
        "100-0 km/h braking, skidpad lateral grip and 0-100 km/h on gravel.",
    )
    p.add_argument("car", metavar="CAR_ID")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def _load_stage(ref: str):  # -> Stage
    from millegame.catalog import CatalogError, resolve_stage
    from millegame.levels import StageError, load_stage

    try:
        path = resolve_stage(ref)
        return load_stage(path)
    except (CatalogError, StageError) as e:
        raise CliError(str(e)) from None


def _load_car(car_id: str):  # -> CarParams
    from millegame.catalog import CatalogError, load_car

    try:
        return load_car(car_id)
    except CatalogError as e:
        raise CliError(str(e)) from None


def cmd_stages(args: argparse.Namespace) -> int:
    from millegame.catalog import list_stages
    from millegame.levels import StageError, load_stage

    rows = []
    for info in list_stages():
        row: dict[str, object] = {"id": info.id, "title": info.title, "file": str(info.path)}
        try:
            stage = load_stage(info.path)
        except StageError as e:
            row["error"] = str(e)
        else:
            row.update(
                length_m=round(stage.route_length_m),
                surfaces=[stage.surfaces.names[i] for i in sorted(set(stage.surface.ravel().tolist()))],
                time_of_day=stage.time_of_day,
                weather=stage.weather,
                par_time_s=stage.par_time_s,
            )
        rows.append(row)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return EXIT_OK
    for i, r in enumerate(rows):
        if "error" in r:
            print(f"{i}  {r['id']:16s} {r['title']}  — cannot load: {r['error']}")
            continue
        par = f"par {r['par_time_s']:.0f} s" if r["par_time_s"] else "no par"
        print(
            f"{i}  {r['id']:16s} {r['title']:34s} {r['length_m'] / 1000:4.1f} km  "
            f"{r['time_of_day']:5s} {r['weather']:6s} {par:10s} {', '.join(r['surfaces'])}"
        )
    return EXIT_OK


def cmd_cars(args: argparse.Namespace) -> int:
    from millegame.catalog import load_cars

    cars = load_cars()
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": c.id,
                        "name": c.name,
                        "year": c.year,
                        "era": c.era,
                        "category": c.category,
                        "number": c.number,
                    }
                    for c in cars
                ],
                ensure_ascii=False,
            )
        )
    else:
        for c in cars:
            print(f"{c.id:22s} {c.year}  {c.name}")
    return EXIT_OK


def cmd_sim(args: argparse.Namespace) -> int:
    from millegame.core.sim import run_stage

    stage = _load_stage(args.stage)
    car = _load_car(args.car)
    result = run_stage(stage, car, max_time_s=args.max_time)
    if args.json:
        print(json.dumps(result.to_json()))
    else:
        status = f"finished in {result.time_s:.2f} s" if result.finished else "did not finish"
        print(f"{stage.title} — {car.name}: {status}")
        for i, split in enumerate(result.splits_s):
            name = stage.checkpoints[i].name or f"checkpoint {i + 1}"
            print(f"  {name:20s} {split:8.2f} s")
    return EXIT_OK if result.finished else EXIT_FAILED


def cmd_car_test(args: argparse.Namespace) -> int:
    from millegame.catalog import load_surfaces
    from millegame.core.proving import road_test

    car = _load_car(args.car)
    result = road_test(car, load_surfaces())
    if args.json:
        print(json.dumps(result.to_json()))
        return EXIT_OK

    def seconds(v: float | None) -> str:
        return f"{v:6.2f} s" if v is not None else "     —  (not reached)"

    print(f"{car.name} ({car.year})")
    print(f"  0–100 km/h          {seconds(result.zero_to_100_s)}")
    print(f"  0–200 km/h          {seconds(result.zero_to_200_s)}")
    print(f"  top speed           {result.top_speed_kmh:6.1f} km/h")
    print(f"  100–0 km/h braking  {result.braking_100_0_m:6.1f} m")
    print(f"  skidpad             {result.lateral_g:6.2f} g")
    print(f"  0–100 km/h, gravel  {seconds(result.gravel_zero_to_100_s)}")
    return EXIT_OK


def cmd_game(args: argparse.Namespace, mode: str) -> int:
    stage_path: Path | None = None
    if getattr(args, "stage", None):
        from millegame.catalog import CatalogError, resolve_stage

        try:
            stage_path = resolve_stage(args.stage)
        except CatalogError as e:
            raise CliError(str(e)) from None
        _load_stage(str(stage_path))  # report a broken stage here, in one line, before a window opens
    if getattr(args, "car", None):
        _load_car(args.car)
    from millegame.ui.app import NoDisplayError, run

    try:
        return run(
            mode=mode,
            stage_path=stage_path,
            car_id=getattr(args, "car", None),
            fullscreen=args.fullscreen,
            window=args.window,
            watch=getattr(args, "watch", False),
        )
    except NoDisplayError as e:
        raise CliError(f"millegame: no display available ({e}); the game needs a graphical session") from None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "stages":
            return cmd_stages(args)
        if args.command == "cars":
            return cmd_cars(args)
        if args.command == "sim":
            return cmd_sim(args)
        if args.command == "car-test":
            return cmd_car_test(args)
        if args.command == "check-level":
            from millegame.levels.check import check_paths

            return check_paths([Path(p) for p in args.paths], drive=args.drive)
        if args.command in ("play", "demo"):
            return cmd_game(args, args.command)
        return cmd_game(args, "menu")
    except CliError as e:
        print(f"millegame: {e}" if not str(e).startswith("millegame:") else str(e), file=sys.stderr)
        return e.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``millegame cars | head``): not an error worth a traceback.
        sys.stdout = open(os.devnull, "w")
        return EXIT_OK
