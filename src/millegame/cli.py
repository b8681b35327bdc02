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
from typing import Any

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
    p.add_argument(
        "--driver",
        choices=["autopilot", "regularity"],
        default=None,
        help="who drives (default: autopilot; with --rules regolarita the regularity driver, aiming at set times)",
    )
    p.add_argument("--max-time", type=float, default=900.0, metavar="S", help="give up after S seconds of stage time")
    p.add_argument(
        "--rules",
        choices=["corsa", "regolarita"],
        default=None,
        help="apply a rule set: adds rules, penalty_points, coefficient and score to the result",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--record", metavar="FILE.npz", help="write the run as a replay file (see: millegame replay)")
    p.add_argument("--save", action="store_true", help="keep the result, the record and the ghost in the save file")

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

    rows: list[dict[str, Any]] = []
    for info in list_stages():
        row: dict[str, Any] = {"id": info.id, "title": info.title, "file": str(info.path)}
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
    from millegame.core.runner import drive_stage
    from millegame.core.sim import run_stage

    stage = _load_stage(args.stage)
    car = _load_car(args.car)
    extra: dict[str, object] = {}
    if args.rules is None and args.driver in (None, "autopilot") and not (args.record or args.save):
        result = run_stage(stage, car, max_time_s=args.max_time)
    else:
        driver = args.driver or ("regularity" if args.rules == "regolarita" else "autopilot")
        if driver == "regularity" and args.rules != "regolarita":
            raise CliError("--driver regularity needs --rules regolarita (it aims at the regularity trials' set times)")
        record = bool(args.record or args.save)
        run = drive_stage(stage, car, rules=args.rules, driver=driver, max_time_s=args.max_time, record=record)
        result, extra = run.sim, run.extra
        if record:
            _keep_run(args, stage, car, run)
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


def _keep_run(args: argparse.Namespace, stage, car, run) -> None:  # type: ignore[no-untyped-def]
    from millegame.core.replay import Replay

    assert run.tape is not None
    replay = Replay.of(stage, car, run.tape, run.finish_tick, rules=args.rules)
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
        extra = run.extra
        rules = args.rules or "corsa"
        score = extra.get("score", run.sim.time_s) if extra else run.sim.time_s
        try:
            store.add_result(
                stage.id, car.id, rules, time_s=run.sim.time_s, score=score,
                penalty_points=int(extra.get("penalty_points", 0)) if extra else 0,
                stage_sha256=stage.source_sha256, splits_s=run.sim.splits_s, detail={**run.sim.to_json(), **extra},
            )  # fmt: skip
            store.save_ghost(replay)
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
    from millegame.catalog import load_cars
    from millegame.core.field import make_field, run_field
    from millegame.core.version import PHYSICS_VERSION

    if not 1 <= args.entrants <= 2000:
        raise CliError(f"--entrants must be 1 to 2000, not {args.entrants}")
    from millegame.store import SaveError

    stage = _load_stage(args.stage)
    store = None if args.no_store else _open_store(required=False)
    key = (stage.id, stage.source_sha256, PHYSICS_VERSION, args.rules, args.entrants)
    rows = None if (store is None or args.fresh) else store.load_field(*key)
    if rows is None:
        cars = load_cars()
        crews = make_field(cars, args.entrants)
        entries = run_field(stage, crews, {c.id: c for c in cars}, rules=args.rules)
        rows = [e.to_json() for e in entries]
        if store is not None:
            try:
                store.save_field(*key, rows)
            except SaveError as e:
                print(f"millegame: {e}", file=sys.stderr)
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


def _field_rows(store, stage, rules: str, entrants: int) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    from millegame.catalog import load_cars
    from millegame.core.field import make_field, run_field
    from millegame.core.version import PHYSICS_VERSION

    key = (stage.id, stage.source_sha256, PHYSICS_VERSION, rules, entrants)
    rows = store.load_field(*key)
    if rows is None:
        cars = load_cars()
        rows = [e.to_json() for e in run_field(stage, make_field(cars, entrants), {c.id: c for c in cars}, rules=rules)]
        store.save_field(*key, rows)
    return rows


def cmd_rally(args: argparse.Namespace) -> int:
    from millegame.catalog import list_stages
    from millegame.core.coefficient import classification_of
    from millegame.core.rally import Rally, start_number_of

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
            rally = Rally(
                args.name, car.id, args.rules, [s.id for s in list_stages()], number=start_number_of(car),
                classification=classification_of(car), entrants=args.entrants,
            )  # fmt: skip
            store.save_rally(rally.name, rally.to_dict())
            print(f"rally {rally.name!r}: {len(rally.stage_ids)} stages, {car.name} #{rally.number}, {rally.rules}")
            return EXIT_OK
        saved = store.load_rally(args.name)
        if saved is None:
            raise CliError(f"no rally named {args.name!r} (millegame rally list)")
        rally = Rally.from_dict(saved)
        if args.rally_command == "next":
            stage_id = rally.next_stage_id
            if stage_id is None:
                print(f"rally {rally.name!r} is over")
                return EXIT_OK
            from millegame.core.runner import drive_stage

            stage = _load_stage(stage_id)
            car = _load_car(rally.car_id)
            rows = _field_rows(store, stage, rally.rules, rally.entrants)
            driver = "regularity" if rally.rules == "regolarita" else "autopilot"
            run = drive_stage(stage, car, rules=rally.rules, driver=driver)
            rally.finish_stage({"time_s": run.sim.time_s, **run.extra}, rows)
            store.save_rally(rally.name, rally.to_dict())
            shown = "DNF" if run.sim.time_s is None else f"{run.sim.time_s:.2f} s"
            print(f"{stage.title}: {shown}, score {run.extra['score']}")
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
    from millegame.catalog import CatalogError, list_stages
    from millegame.core.replay import ReplayError, verify
    from millegame.levels import StageError, load_stage

    try:
        from millegame.core.replay import Replay

        replay = Replay.load(args.file)
    except ReplayError as e:
        raise CliError(f"{args.file}: {e}") from None
    try:
        entry = next((s for s in list_stages() if s.id == replay.stage_id), None)
        if entry is None:
            raise CliError(f"{args.file}: recorded on stage {replay.stage_id!r}, which is not shipped")
        stage = load_stage(entry.path)
    except (CatalogError, StageError) as e:
        raise CliError(str(e)) from None
    car = _load_car(replay.car_id)
    if not args.check:
        # On screen: the recorded controls drive the car; any key or button ends it.
        from millegame.ui.app import NoDisplayError, run

        try:
            return run(mode="replay", replay_path=args.file, fullscreen=args.fullscreen, window=args.window)
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


def _print_rules_result(extra: dict[str, object]) -> None:
    print(f"  rules {extra['rules']}: penalty {extra['penalty_s']:.0f} s, {extra['penalty_points']} points", end="")
    print(f", coefficient {extra['coefficient']:.2f}, score {extra['score']}")
    for c in extra.get("checks", []):  # type: ignore[attr-defined]
        actual = "missed" if c["actual_s"] is None else f"{c['actual_s']:.2f} s"
        target = "" if c["target_s"] is None else f" (set {c['target_s']:.2f} s)"
        print(f"    {c['trial']:8s} {c['name']:24s} {actual}{target}: {c['points']} points")


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
        if args.command == "field":
            return cmd_field(args)
        if args.command == "replay":
            return cmd_replay(args)
        if args.command == "rally":
            return cmd_rally(args)
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
    except Exception as e:
        from millegame.store import SaveError  # not imported up front: the store pulls in the physics

        if not isinstance(e, SaveError):
            raise
        print(f"millegame: {e}", file=sys.stderr)  # e.g. a rally that cannot be kept
        return EXIT_UNUSABLE
