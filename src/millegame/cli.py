"""The ``millegame`` command: thin argument parsing over the game, the catalogue and the sim.

Nothing here imports pygame at module level: ``sim``, ``stages`` and ``cars`` run headless.
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from millegame import __version__

EXIT_OK = 0
EXIT_FAILED = 1  # the command ran but the result is a failure (e.g. the car did not finish)
EXIT_UNUSABLE = 2  # bad input or environment: unknown stage/car, broken file, no display
MAX_TIME_S = 1800.0  # --max-time: at most 30 minutes of stage time, as replays hold (core.replay.MAX_TICKS)


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


@functools.cache
def build_parser() -> argparse.ArgumentParser:
    """The command line's parser, built once a process (parsing does not change it): 7 ms
    of argparse each time, which the fuzzing tests paid 1,700 times a run."""
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

    p = sub.add_parser(
        "stages",
        help="list the shipped stages in route order, then the player's own",
        description="List the shipped stages in route order, then the .tmx files in the player's stage folder "
        "($MILLEGAME_DATA_DIR or $XDG_DATA_HOME/millegame, then stages/).",
    )
    p.add_argument("--json", action="store_true", help="print a JSON array")

    p = sub.add_parser("cars", help="list the shipped cars", description="List cars.")
    p.add_argument("--json", action="store_true", help="print a JSON array")

    p = sub.add_parser(
        "sim",
        help="run a stage headless (no display, no pygame)",
        description="Run a stage headless and print the result. Who drives: the autopilot (default), the\n"
        "regularity driver, a keyboard player (--driver keyboard), a replay (--replay FILE.npz: stage, car\n"
        "and rules come from the replay)\n"
        "or scripted inputs (--inputs FILE.csv). Exit 0: the car finished; 1: it did not; 2: bad input.",
        epilog="examples:\n"
        "  millegame sim prologo --car porsche-550 --telemetry run.csv\n"
        "  millegame sim --replay run.npz --telemetry replay.npz\n"
        "  millegame sim prologo --car porsche-550 --inputs inputs.csv --max-time 20\n\n"
        "inputs CSV: a header row tick,throttle,brake,steer[,handbrake,shift], then a row for each tick where\n"
        "the inputs change (or for every tick); a row holds until the next, an empty cell keeps the previous\n"
        "value, shift (+1/-1, manual gears) applies on its own tick. Tick 1 is the first tick (1/120 s).\n"
        "Details in docs/api.md.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "stage", nargs="?", metavar="STAGE_ID|PATH.tmx", help="the stage (with --replay: by default the replay's)"
    )
    p.add_argument("--car", metavar="CAR_ID", help="the car (required, except with --replay: the replay's car)")
    p.add_argument(
        "--driver",
        choices=["autopilot", "regularity", "keyboard", "replay", "inputs"],
        default=None,
        help="who drives (default: autopilot; with --rules regolarita the regularity driver, aiming at set times; "
        "keyboard: a player on a keyboard — digital keys, 0.15 s reaction, the keyboard aids; "
        "--replay and --inputs choose replay and inputs)",
    )
    p.add_argument("--replay", metavar="FILE.npz", help="drive a replay again, bit for bit (see --record)")
    p.add_argument("--inputs", metavar="FILE.csv", help="drive scripted inputs from a CSV file (format below)")
    p.add_argument(
        "--max-time", type=float, default=None, metavar="S",
        help="give up after S seconds of stage time (default 900; with --replay, the replay's length)",
    )  # fmt: skip
    p.add_argument(
        "--rules",
        choices=["corsa", "regolarita"],
        default=None,
        help="apply a rule set: adds rules, penalty_points, coefficient and score to the result",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--record", metavar="FILE.npz", help="write the run as a replay file (see: millegame replay)")
    p.add_argument("--save", action="store_true", help="keep the result, the record and the ghost in the save file")
    p.add_argument(
        "--telemetry", metavar="OUT.csv|OUT.npz",
        help="write per-tick telemetry, CSV or npz by the suffix (see: millegame telemetry, docs/api.md)",
    )  # fmt: skip

    p = sub.add_parser(
        "telemetry",
        help="summarise or plot a telemetry file (from sim --telemetry)",
        description="Read a telemetry file written by `millegame sim --telemetry` (.csv or .npz) and print a "
        "summary; with --png, draw speed against distance and the driven line over the stage map "
        "(needs matplotlib: pip install 'millegame[plot]').",
    )
    p.add_argument("file", metavar="FILE.csv|FILE.npz")
    p.add_argument("--png", metavar="OUT.png", help="write the plot to this PNG file")
    p.add_argument("--json", action="store_true", help="print the summary as one JSON object")

    p = sub.add_parser(
        "field",
        help="run the field of period crews on a stage (headless) and classify it",
        description="Simulate a field of period crews on a stage in one race and print the classification. "
        "The result is kept in the save file and shown again next time, unless --fresh.",
    )
    p.add_argument("stage", metavar="STAGE_ID|PATH.tmx")
    p.add_argument("--entrants", type=int, default=100, metavar="N", help="crews in the field (1-2000, default 100)")
    p.add_argument("--rules", choices=["corsa", "regolarita"], default="corsa", help="rule set (default corsa)")
    p.add_argument("--fresh", action="store_true", help="simulate again even if a kept result exists")
    p.add_argument("--no-store", action="store_true", help="neither read nor write the save file")
    p.add_argument("--json", action="store_true", help="print a JSON array")

    p = sub.add_parser(
        "rally",
        help="a rally over the stages in route order, kept in the save file (headless driving)",
        description="Start a rally with a car and a rule set, drive its stages one by one (here the autopilot "
        "drives for you; the game drives them by hand), see the classification after each, continue later.",
    )
    rsub = p.add_subparsers(dest="rally_command", metavar="ACTION", required=True)
    q = rsub.add_parser("new", help="start a rally")
    q.add_argument("name")
    q.add_argument("--car", required=True, metavar="CAR_ID")
    q.add_argument("--rules", choices=["corsa", "regolarita"], default="corsa")
    q.add_argument("--entrants", type=int, default=100, metavar="N", help="crews in the field (default 100)")
    q.add_argument("--force", action="store_true", help="start it again if a rally of that name exists")
    q = rsub.add_parser("next", help="drive the next stage (autopilot) and classify it")
    q.add_argument("name")
    q = rsub.add_parser("show", help="the standings so far")
    q.add_argument("name")
    q.add_argument("--json", action="store_true")
    rsub.add_parser("list", help="the saved rallies")

    p = sub.add_parser(
        "replay",
        help="play back a recorded run (--check: re-simulate headless and compare)",
        description="Play back a replay file written by `millegame sim --record`. With --check, re-drive it "
        "headless and check that it finishes on the recorded tick (exit 0) or not (exit 1).",
    )
    p.add_argument("file", metavar="FILE.npz")
    p.add_argument("--check", action="store_true", help="verify headless, no window")
    p.add_argument("--json", action="store_true", help="with --check: print one JSON object")
    _display_options(p)

    p = sub.add_parser(
        "check-level",
        help="validate stage files for level designers",
        description="Validate .tmx stage files and report every problem, one line each. "
        "Exit 0: valid; 1: problems found; 2: not a usable stage at all.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH.tmx")
    p.add_argument("--drive", action="store_true", help="also drive each stage with the slowest and fastest car")

    p = sub.add_parser(
        "new-stage",
        help="write a starter stage to open in Tiled",
        description="Write a starter stage that already passes check-level --drive: a road with one bend, "
        "the start, a checkpoint and the finish, with the tilesets, object templates and the Tiled project "
        "beside it (files already there are left alone). Never overwrites a stage.",
    )
    p.add_argument("path", metavar="PATH.tmx")
    p.add_argument("--title", help="the stage's title in menus (default: from the file name)")

    p = sub.add_parser(
        "shot",
        help="draw the race scene at a moment of an autopilot run into a PNG (headless)",
        description="Drive a stage with the autopilot to a moment and draw that frame, world and HUD, into a "
        "PNG without opening a window (a stage preview). --json prints the camera's figures for the frame: "
        "px_per_m, car_length_px, speed_kmh, visible_ahead_m (road on screen ahead of the car).",
    )
    p.add_argument("stage", metavar="STAGE_ID|PATH.tmx")
    p.add_argument("out", metavar="OUT.png")
    p.add_argument("--car", metavar="CAR_ID", help="the car (default: the first classic)")
    p.add_argument("--at", type=float, default=20.0, metavar="SECONDS", help="stage time of the frame (default 20)")
    p.add_argument(
        "--size", type=_window_size, default=(1280, 720), metavar="WxH", help="picture size (default 1280x720)"
    )
    p.add_argument("--heading-up", action="store_true", help="the heading-up camera instead of north up")
    p.add_argument(
        "--look", metavar="TIME[,WEATHER]",
        help="time of day (day, dusk, night) and weather (clear, rain, fog) instead of the stage's own",
    )  # fmt: skip
    p.add_argument("--json", action="store_true", help="print the frame's figures as one JSON object")

    p = sub.add_parser(
        "car-test",
        help="measure a car on the proving ground (headless)",
        description="Measure a car as a magazine road test would: 0-100 and 0-200 km/h, top speed, "
        "100-0 km/h braking, skidpad lateral grip, 0-100 km/h on gravel and top speed on grass.",
    )
    p.add_argument("car", metavar="CAR_ID")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def _load_stage(ref: str):  # -> Stage
    from millegame import session

    try:
        return session.load_stage(ref)
    except session.LoadError as e:
        raise CliError(str(e)) from None


def _load_car(car_id: str):  # -> CarParams
    from millegame import session

    try:
        return session.load_car(car_id)
    except session.LoadError as e:
        raise CliError(str(e)) from None


def cmd_stages(args: argparse.Namespace) -> int:
    from millegame.catalog import list_all_stages, user_stages_dir
    from millegame.levels import StageError, load_stage
    from millegame.levels.par import cached_par_s

    rows: list[dict[str, Any]] = []
    for info in list_all_stages():
        row: dict[str, Any] = {"id": info.id, "title": info.title, "file": str(info.path), "source": info.source}
        try:
            stage = load_stage(info.path)
        except StageError as e:
            row["error"] = str(e)
        else:
            par = stage.par_time_s if stage.par_time_s is not None else cached_par_s(stage)[1]  # never drives here
            row.update(
                length_m=round(stage.route_length_m),
                surfaces=[
                    stage.surfaces.names[i]
                    for i in sorted(set(stage.surface.ravel().tolist()) | {p.surface for p in stage.roads})
                ],
                time_of_day=stage.time_of_day,
                weather=stage.weather,
                par_time_s=par,
            )
        rows.append(row)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return EXIT_OK
    for i, r in enumerate(rows):
        if r["source"] == "user" and (i == 0 or rows[i - 1]["source"] != "user"):
            print(f"your stages ({user_stages_dir()}):")
        if "error" in r:
            print(f"{i}  {r['id']:16s} {r['title']}  — cannot load: {r['error']}")
            continue
        par_text = f"par {r['par_time_s']:.0f} s" if r["par_time_s"] else "no par"
        print(
            f"{i}  {r['id']:16s} {r['title']:34s} {r['length_m'] / 1000:4.1f} km  "
            f"{r['time_of_day']:5s} {r['weather']:6s} {par_text:10s} {', '.join(r['surfaces'])}"
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


def _sim_driver(args: argparse.Namespace) -> str:
    """The driver a ``sim`` command line asks for, checked against --replay and --inputs."""
    if args.replay and args.inputs:
        raise CliError("give --replay or --inputs, not both")
    for name, given in (("replay", args.replay), ("inputs", args.inputs)):
        if given and args.driver not in (None, name):
            raise CliError(f"--{name} drives the car itself; it cannot be combined with --driver {args.driver}")
        if args.driver == name and not given:
            suffix = "npz" if name == "replay" else "csv"
            raise CliError(f"--driver {name} needs --{name} FILE.{suffix}")
        if given:
            return name
    driver = args.driver or ("regularity" if args.rules == "regolarita" else "autopilot")
    if driver == "regularity" and args.rules != "regolarita":
        raise CliError("--driver regularity needs --rules regolarita (it aims at the regularity trials' set times)")
    return str(driver)


def _sim_replay(args: argparse.Namespace):  # -> tuple[Replay, Stage, CarParams]
    """The replay of ``sim --replay``, its stage (the given one or the shipped one) and its car."""
    from millegame import session
    from millegame.core.replay import Replay, ReplayError

    try:
        replay = Replay.load(args.replay)
    except ReplayError as e:
        raise CliError(f"{args.replay}: {e}" if args.replay not in str(e) else str(e)) from None
    try:
        stage = session.find_replay_stage(replay, args.stage, file=args.replay)
    except session.ReplayNotShippedError as e:
        raise CliError(f"{e} — give its file: millegame sim PATH.tmx --replay {args.replay}") from None
    except session.LoadError as e:
        raise CliError(str(e)) from None
    if args.car is not None and args.car != replay.car_id:
        raise CliError(f"{args.replay}: recorded with car {replay.car_id!r}, not {args.car!r} (leave out --car)")
    if args.rules is not None and args.rules != replay.rules:
        raise CliError(f"{args.replay}: recorded under rules {replay.rules or 'none'}, not {args.rules}")
    car = _load_car(replay.car_id)
    try:
        session.check_replay(replay, stage, car)
    except session.ReplayRefusedError as e:
        raise CliError(f"{args.replay}: cannot be driven here — {e.reason}") from None
    return replay, stage, car


def cmd_sim(args: argparse.Namespace) -> int:
    from millegame.core.car import Assists
    from millegame.core.runner import drive_stage
    from millegame.core.sim import run_stage

    driver = _sim_driver(args)
    if args.max_time is not None and not (math.isfinite(args.max_time) and 0 < args.max_time <= MAX_TIME_S):
        raise CliError(f"--max-time must be a number of seconds from 0 to {MAX_TIME_S:g}, not {args.max_time}")
    if args.car is not None and not args.car.strip():
        raise CliError("--car needs a car id (millegame cars lists them)")
    if args.record:
        record_path = Path(args.record)
        if record_path.is_dir() or not record_path.parent.is_dir():
            where = "is a directory" if record_path.is_dir() else f"the directory {record_path.parent} does not exist"
            raise CliError(f"{args.record}: cannot write the replay there ({where})")
    telemetry = None
    if args.telemetry:
        from millegame.core.telemetry import Telemetry, TelemetryError, check_output

        try:
            check_output(args.telemetry)  # before a long run, not after it
        except TelemetryError as e:
            raise CliError(str(e)) from None
        for option, other in (("--record", args.record), ("--replay", args.replay), ("--inputs", args.inputs)):
            if other and Path(other).resolve() == Path(args.telemetry).resolve():
                raise CliError(f"{args.telemetry}: --telemetry would overwrite the {option} file; give another name")
        telemetry = Telemetry(meta={"driver": driver})
    rules, assists, max_time_s = args.rules, None, args.max_time
    if driver == "replay":
        replay, stage, car = _sim_replay(args)
        drive: object = replay.drive
        rules, assists = replay.rules, Assists(**replay.assists)  # type: ignore[arg-type]
        if max_time_s is None:
            from millegame.core.physics import TICK_HZ

            max_time_s = replay.ticks / TICK_HZ
        if telemetry is not None:
            telemetry.meta["replay"] = str(args.replay)
    else:
        if args.stage is None:
            raise CliError("sim needs a stage: millegame sim STAGE_ID|PATH.tmx --car CAR_ID")
        if args.car is None:
            raise CliError("sim needs --car CAR_ID (millegame cars lists them)")
        stage = _load_stage(args.stage)
        car = _load_car(args.car)
        drive = driver
        if driver == "inputs":
            from millegame.core.inputs import InputsError, read_inputs_csv

            try:
                drive = read_inputs_csv(args.inputs)
            except InputsError as e:
                raise CliError(str(e)) from None
            if telemetry is not None:
                telemetry.meta["inputs"] = str(args.inputs)
    if max_time_s is None:
        max_time_s = 900.0
    extra: dict[str, object] = {}
    record = bool(args.record or args.save)
    if rules is None and driver == "autopilot" and not (record or telemetry):
        result = run_stage(stage, car, max_time_s=max_time_s)
    else:
        run = drive_stage(
            stage, car, rules=rules, driver=drive, max_time_s=max_time_s, record=record,  # type: ignore[arg-type]
            assists=assists, on_tick=telemetry.record if telemetry is not None else None,
        )  # fmt: skip
        result, extra = run.sim, run.extra
        if record:
            _keep_run(args, stage, car, run, assists=assists)
    if telemetry is not None:
        _write_telemetry(telemetry, args.telemetry)
    if args.json:
        print(json.dumps({**result.to_json(), **extra}))
    else:
        status = f"finished in {result.time_s:.2f} s" if result.finished else "did not finish"
        print(f"{stage.title} — {car.name}: {status}")
        for i, split in enumerate(result.splits_s):
            name = stage.checkpoints[i].name or f"checkpoint {i + 1}"
            print(f"  {name:20s} {split:8.2f} s")
        if extra:
            _print_rules_result(extra)
    return EXIT_OK if result.finished else EXIT_FAILED


def _write_telemetry(telemetry, path: str) -> None:  # type: ignore[no-untyped-def]
    from millegame.core.telemetry import TelemetryError

    if telemetry.ticks == 0:
        raise CliError(f"{path}: no telemetry to write (the run had no ticks; check --max-time)")
    try:
        telemetry.save(path)
    except TelemetryError as e:
        raise CliError(str(e)) from None


def _keep_run(args: argparse.Namespace, stage, car, run, *, assists) -> None:  # type: ignore[no-untyped-def]
    from millegame.core.replay import Replay
    from millegame.session import keep_result

    assert run.tape is not None
    replay = Replay.of(stage, car, run.tape, run.finish_tick, rules=run.result.rules, assists=assists)
    if args.record:
        try:
            replay.save(args.record)
        except OSError as e:
            raise CliError(f"{args.record}: cannot write the replay ({e.strerror or e})") from None
    if args.save:
        from millegame.store import SaveError

        store = _open_store(required=False)
        if store is None:
            return
        try:
            keep_result(store, run.result, replay)
        except SaveError as e:  # said once; the result is still printed
            print(f"millegame: {e}", file=sys.stderr)
        finally:
            store.close()


def _open_store(*, required: bool = True):  # -> Store | None
    """The save file, its notices shown. When it cannot be opened: exit 2 if the command
    needs it (``required``), else say so once and return None (go on without saving)."""
    from millegame.store import SaveError, Store

    try:
        store = Store()
    except SaveError as e:
        if required:
            raise CliError(str(e)) from None
        print(f"millegame: {e}", file=sys.stderr)
        return None
    for notice in store.notices:
        print(f"millegame: {notice.message}", file=sys.stderr)
    return store


def cmd_field(args: argparse.Namespace) -> int:
    from millegame.session import field_rows

    if not 1 <= args.entrants <= 2000:
        raise CliError(f"--entrants must be 1 to 2000, not {args.entrants}")
    stage = _load_stage(args.stage)
    store = None if args.no_store else _open_store(required=False)
    try:
        rows = field_rows(
            store, stage, args.rules, args.entrants, fresh=args.fresh,
            on_save_error=lambda message: print(f"millegame: {message}", file=sys.stderr),
        )  # fmt: skip
    finally:
        if store is not None:
            store.close()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return EXIT_OK
    print(f"{stage.title} — {args.rules}, {len(rows)} crews")
    for r in rows:
        time_s = "DNF" if r["time_s"] is None else f"{r['time_s']:8.2f} s"
        extra = f"  {r['score']:9.2f} pts" if args.rules == "regolarita" and r["score"] is not None else ""
        print(f"{r['rank']:4d} {r['classification'][:1].upper()} #{r['number']:<5d} {r['crew'][:36]:36s} "
              f"{r['car'][:26]:26s} {time_s}{extra}")  # fmt: skip
    return EXIT_OK


RALLY_NEXT_TRIES = 5  # `rally next` reads the rally again at most this often when another process moves it on


def _rally_progress(state: dict[str, object]) -> str:
    try:
        from millegame.core.rally import Rally

        rally = Rally.from_dict(state)
        return f"after {rally.stage_index} of {len(rally.stage_ids)} stages"
    except Exception:  # a rally of another version: still refuse to overwrite it
        return "from another version of millegame"


def _saved_rally(store, name: str):  # type: ignore[no-untyped-def]  # -> Rally
    from millegame.core.rally import Rally

    saved = store.load_rally(name)
    if saved is None:
        raise CliError(f"no rally named {name!r} (millegame rally list)")
    return Rally.from_dict(saved)


def cmd_rally(args: argparse.Namespace) -> int:
    from millegame import session
    from millegame.store import RallyExistsError

    store = _open_store()
    try:
        if args.rally_command == "list":
            for name in store.rallies():
                print(name)
            return EXIT_OK
        if args.rally_command == "new":
            car = _load_car(args.car)
            if not 1 <= args.entrants <= 2000:
                raise CliError(f"--entrants must be 1 to 2000, not {args.entrants}")
            rally = session.new_rally(args.name, car, args.rules, args.entrants)
            try:
                store.create_rally(rally.name, rally.to_dict(), replace=args.force)
            except RallyExistsError as e:
                done = _rally_progress(e.state)
                raise CliError(
                    f"a rally named {args.name!r} exists already ({done}) — choose another name, "
                    f"or add --force to start it again"
                ) from None
            print(f"rally {rally.name!r}: {len(rally.stage_ids)} stages, {car.name} #{rally.number}, {rally.rules}")
            return EXIT_OK
        rally = _saved_rally(store, args.name)
        if args.rally_command == "next":
            # The stage is driven outside any lock, then kept only if nobody changed the rally
            # meanwhile (Store.update_rally); else it is read again and its next stage driven:
            # two `rally next` at once drive two stages, never the same one twice.
            for _ in range(RALLY_NEXT_TRIES):
                before = json.loads(json.dumps(rally.to_dict()))  # a copy: finish_stage changes the lists
                if rally.next_stage_id is None:
                    print(f"rally {rally.name!r} is over")
                    return EXIT_OK
                try:
                    stage, result = session.drive_rally_stage(store, rally, _load_car(rally.car_id))
                except session.LoadError as e:
                    raise CliError(str(e)) from None
                if store.update_rally(rally.name, before, rally.to_dict()):
                    shown = "DNF" if result.time_s is None else f"{result.time_s:.2f} s"
                    print(f"{stage.title}: {shown}, score {result.score}")
                    break
                print(f"millegame: rally {rally.name!r} was moved on by another process; reading it again",
                      file=sys.stderr)  # fmt: skip
                rally = _saved_rally(store, args.name)
            else:
                raise CliError(f"rally {args.name!r} keeps changing under another process; try again")
        standing = rally.standings()
        if getattr(args, "json", False):
            print(json.dumps(standing, ensure_ascii=False))
            return EXIT_OK
        done = rally.stage_index
        print(f"rally {rally.name!r} ({rally.rules}) after {done} of {len(rally.stage_ids)} stages")
        for t in standing[:10] + [t for t in standing[10:] if t["player"]]:
            mark = "►" if t["player"] else " "
            cls = str(t["classification"])[:1].upper()
            print(f"{mark}{t['rank']:4d} {cls} #{t['number']:<5} {str(t['crew'])[:34]:34s} {t['total']:10.2f}")
        return EXIT_OK
    finally:
        store.close()


def cmd_replay(args: argparse.Namespace) -> int:
    from millegame import session
    from millegame.core.replay import Replay, ReplayError, verify

    try:
        replay = Replay.load(args.file)
        stage = session.find_replay_stage(replay, file=args.file)
    except ReplayError as e:
        raise CliError(str(e)) from None
    except session.LoadError as e:
        raise CliError(str(e)) from None
    car = _load_car(replay.car_id)
    if not args.check:
        # On screen: the recorded controls drive the car; any key or button ends it.
        from millegame.ui.app import NoDisplayError, run

        try:
            session.check_replay(replay, stage, car, file=args.file)  # before a window opens
            opened = session.OpenedReplay(replay, stage, car)
            return run(mode="replay", replay=opened, fullscreen=args.fullscreen, window=args.window)
        except ReplayError as e:
            raise CliError(str(e)) from None
        except NoDisplayError as e:
            message = f"millegame: no display available ({e}); use --check to verify the replay headless"
            raise CliError(message) from None
    v = verify(replay, stage, car)
    if args.json:
        out = {"ok": v.ok, "reason": v.reason, "stage": replay.stage_id, "car": replay.car_id, "ticks": replay.ticks}
        out |= {"recorded_finish_tick": v.recorded_finish_tick, "replayed_finish_tick": v.replayed_finish_tick}
        print(json.dumps(out))
    elif v.ok:
        print(f"{args.file}: ok — {stage.title}, {car.name}, finishes on tick {v.replayed_finish_tick} as recorded")
    else:
        print(f"{args.file}: does not replay — {v.reason}")
    return EXIT_OK if v.ok else EXIT_FAILED


def cmd_telemetry(args: argparse.Namespace) -> int:
    from millegame.core.telemetry import Telemetry, TelemetryError

    try:
        telemetry = Telemetry.load(args.file)
    except TelemetryError as e:
        raise CliError(str(e)) from None
    summary = _telemetry_summary(telemetry)
    if args.png:
        try:
            from millegame.telemetry_plot import plot_telemetry
        except ImportError:
            raise CliError("drawing telemetry needs matplotlib: pip install 'millegame[plot]'") from None
        stage, why = _telemetry_stage(telemetry)
        if stage is None:
            print(f"millegame: {args.file}: drawn without the stage map — {why}", file=sys.stderr)
        try:
            plot_telemetry(telemetry, stage, args.png)
        except OSError as e:
            raise CliError(f"{args.png}: cannot write the plot ({e.strerror or e})") from None
        except ValueError as e:  # matplotlib: an unknown image format
            raise CliError(f"{args.png}: {e}") from None
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        top = summary["top_speed_kmh"]
        print(f"{summary['stage_title']} — {summary['car_name']}, driven by {summary['driver']}")
        print(f"  {summary['ticks']} ticks, {summary['time_s']:.2f} s, {summary['distance_m']:.0f} m driven, "
              f"top speed {top:.1f} km/h, {summary['events']} events")  # fmt: skip
        if args.png:
            print(f"  plot: {args.png}")
    return EXIT_OK


def _telemetry_summary(telemetry) -> dict[str, object]:  # type: ignore[no-untyped-def]
    t = telemetry.table()
    meta = telemetry.meta
    ticks = len(t["tick"])
    return {
        "stage": meta.get("stage_id"), "stage_title": meta.get("stage_title"), "car": meta.get("car_id"),
        "car_name": meta.get("car_name"), "driver": meta.get("driver", "?"), "ticks": ticks,
        "time_s": float(t["time_s"][-1]) if ticks else 0.0,
        "distance_m": float(t["odometer_m"][-1]) if ticks else 0.0,
        "top_speed_kmh": float(t["speed_kmh"].max()) if ticks else 0.0,
        "events": len(telemetry.events),
    }  # fmt: skip


def _telemetry_stage(telemetry):  # type: ignore[no-untyped-def]  # -> tuple[Stage | None, str]
    """The stage a telemetry file was recorded on: its file if it is still there, else the shipped
    stage of that id; (None, why) when neither loads."""
    from millegame.session import LoadError, load_stage, shipped_stage_path

    meta = telemetry.meta
    shipped = shipped_stage_path(str(meta.get("stage_id")))
    candidates = [str(meta.get("stage_path") or ""), *([str(shipped)] if shipped is not None else [])]
    why = f"stage {meta.get('stage_id')!r} is neither at {candidates[0] or '(no path)'} nor shipped"
    for ref in candidates:
        if ref and Path(ref).is_file():
            try:
                return load_stage(ref), ""
            except LoadError as e:
                why = str(e)
    return None, why


def _print_rules_result(extra: dict[str, object]) -> None:
    print(f"  rules {extra['rules']}: penalty {extra['penalty_s']:.0f} s, {extra['penalty_points']} points", end="")
    print(f", coefficient {extra['coefficient']:.2f}, score {extra['score']}")
    for c in extra.get("checks", []):  # type: ignore[attr-defined]
        actual = "missed" if c["actual_s"] is None else f"{c['actual_s']:.2f} s"
        target = "" if c["target_s"] is None else f" (set {c['target_s']:.2f} s)"
        print(f"    {c['trial']:8s} {c['name']:24s} {actual}{target}: {c['points']} points")


def cmd_new_stage(args: argparse.Namespace) -> int:
    from millegame.levels.starter import StageExistsError, write_starter

    try:
        written = write_starter(Path(args.path), args.title)
    except StageExistsError as e:
        raise CliError(str(e)) from None
    except OSError as e:
        raise CliError(f"{args.path}: cannot write the stage ({e.strerror or e})") from None
    print(f"wrote {written.stage}")
    folders: dict[str, int] = {}
    for extra in written.copied:
        rel = extra.relative_to(written.stage.parent)
        key = f"{rel.parts[0]}/" if len(rel.parts) > 1 else str(rel)
        folders[key] = folders.get(key, 0) + 1
    if folders:
        print("  beside it: " + ", ".join(f"{k} ({n} files)" if n > 1 else k for k, n in folders.items()))
    print(f"open it in Tiled, then: millegame check-level {written.stage} --drive")
    return EXIT_OK


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
    print(f"  top speed, grass    {result.grass_top_speed_kmh:6.1f} km/h")
    return EXIT_OK


def cmd_shot(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() != ".png":
        raise CliError(f"the picture is written as PNG: {out} must end in .png")
    if not (0.0 <= args.at <= 3600.0):
        raise CliError(f"--at must be between 0 and 3600 seconds, not {args.at}")
    look = None
    if args.look:
        from millegame.ui.render.atmosphere import TIMES, WEATHERS

        time_of_day, _, weather = args.look.partition(",")
        if time_of_day not in TIMES or (weather and weather not in WEATHERS):
            raise CliError(
                f"--look must be TIME[,WEATHER] with TIME one of {', '.join(TIMES)} and WEATHER one of "
                f"{', '.join(WEATHERS)}, not {args.look!r}"
            )
        look = (time_of_day, weather or "clear")
    stage = _load_stage(args.stage)
    if args.car:
        car = _load_car(args.car)
    else:
        from millegame.catalog import load_cars

        car = load_cars()[0]  # classics first
    from millegame.ui.shot import take_shot

    try:
        figures = take_shot(stage, car, out, at_s=args.at, size=args.size, heading_up=args.heading_up, look=look)
    except OSError as e:
        raise CliError(f"cannot write {out}: {e}") from None
    if args.json:
        print(json.dumps(figures.to_json()))
    else:
        f = figures
        print(
            f"{out}: {f.speed_kmh:.0f} km/h, {f.px_per_m:.2f} px/m, car {f.car_length_px:.0f} px long, "
            f"{f.visible_ahead_m:.0f} m of road ahead on screen"
        )
    return EXIT_OK


def cmd_game(args: argparse.Namespace, mode: str) -> int:
    from millegame import session

    stage_path: Path | None = None
    stage = None
    if mode in ("play", "demo"):
        # Loaded once, here, before a window opens: a broken stage is told in one line.
        try:
            stage_path = session.stage_path(args.stage) if getattr(args, "stage", None) else None
            stage = session.load_race_stage(stage_path)
        except session.LoadError as e:
            raise CliError(str(e)) from None
    if getattr(args, "car", None) is not None:
        if not args.car.strip():
            raise CliError("--car needs a car id (millegame cars lists them)")
        _load_car(args.car)
    from millegame.ui.app import NoDisplayError, run

    try:
        return run(
            mode=mode,
            stage=stage,
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
        if args.command == "field":
            return cmd_field(args)
        if args.command == "replay":
            return cmd_replay(args)
        if args.command == "telemetry":
            return cmd_telemetry(args)
        if args.command == "rally":
            return cmd_rally(args)
        if args.command == "car-test":
            return cmd_car_test(args)
        if args.command == "shot":
            return cmd_shot(args)
        if args.command == "check-level":
            from millegame.levels.check import check_paths

            return check_paths([Path(p) for p in args.paths], drive=args.drive)
        if args.command == "new-stage":
            return cmd_new_stage(args)
        if args.command in ("play", "demo"):
            return cmd_game(args, args.command)
        return cmd_game(args, "menu")
    except CliError as e:
        _say_error(args, str(e))
        return e.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``millegame cars | head``): not an error worth a traceback.
        sys.stdout = open(os.devnull, "w")
        return EXIT_OK
    except Exception as e:
        from millegame.store import SaveError  # not imported up front: the store pulls in the physics

        if not isinstance(e, SaveError):
            raise
        _say_error(args, str(e))  # e.g. a rally that cannot be kept
        return EXIT_UNUSABLE


def _say_error(args: argparse.Namespace, message: str) -> None:
    """One line on stderr; with ``--json`` also ``{"error": …, "file": …}`` on stdout (the
    file the message is about, or null), so a script reading stdout sees what went wrong."""
    message = message.removeprefix("millegame: ")
    print(f"millegame: {message}", file=sys.stderr)
    if getattr(args, "json", False):
        named = (getattr(args, a, None) for a in ("file", "replay", "inputs", "telemetry", "record", "stage", "paths"))
        files = [str(f) for v in named if v for f in (v if isinstance(v, list) else [v])]
        file = next((f for f in files if f in message or str(Path(f)) in message), None)
        print(json.dumps({"error": message, "file": file}, ensure_ascii=False))
