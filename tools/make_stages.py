"""Generate the stages after the prologue: ``levels/<id>.tmx`` for every recipe.

Recipes live in ``stages_north.py`` (Brescia → Ferrara) and ``stages_south.py``
(Ferrara → Roma); ``stagebuild.py`` turns a recipe into a map. The par time is the
autopilot's time with the Jaguar XK120 (a mid-field 1950s car) + 10 % (``millegame.levels.par``,
which also computes the par of stages that give none); the Mercedes
300 SLR is timed too, and the run fails if either does not finish or a stage falls
outside 2–4 minutes. Deterministic: same code, same bytes.

A stage edited since it was generated (in Tiled or by hand) is never overwritten: the run
stops with the file and the reason (tools/generated.py); ``--force`` replaces it anyway.

Run:  SDL_VIDEODRIVER=dummy .venv/bin/python tools/make_stages.py [ID ...] [--par estimate] [--jobs 2] [--force]
(needs ``levels/tilesets/terrain.tsx`` from ``tools/make_tileset.py``).
"""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "src"))

import stages_north  # noqa: E402
import stages_south  # noqa: E402
from generated import refuse_if_edited  # noqa: E402
from mapgen import lap_time_s, read_tileset, speed_profile  # noqa: E402
from stagebuild import Recipe, build, write  # noqa: E402

from millegame.levels.par import REFERENCE_CAR, par_of_time  # noqa: E402

LEVELS = REPO / "levels"
TSX = LEVELS / "tilesets" / "terrain.tsx"
RECIPES: list[Recipe] = [*stages_north.RECIPES, *stages_south.RECIPES]
PAR_CAR, FAST_CAR = REFERENCE_CAR, "mercedes-300-slr"
MIN_S, MAX_S = 120.0, 240.0  # 2–4 minutes at race pace


def make(recipe: Recipe, par: str, force: bool = False) -> str:
    out = LEVELS / recipe.file
    refuse_if_edited(out, "tools/make_stages.py", force=force)  # before the build, not after it
    ts = read_tileset(TSX)
    b, objs = build(recipe, ts)
    v = speed_profile(b.cl, a_lat=7.0, v_max=52.0, power_per_mass=150.0, a_brake=7.0)
    estimate = lap_time_s(b.cl, v, 0.0, b.s_finish)
    write(b, objs, out, par_of_time(estimate), force=force)
    line = f"{recipe.id}: {b.w.cols}x{b.w.rows} tiles, road to finish {b.s_finish:.0f} m, estimate {estimate:.0f} s"
    if par == "estimate":
        return line
    from millegame import catalog
    from millegame.levels import load_stage
    from millegame.levels.check import drive_stage

    cars = [catalog.load_car(PAR_CAR), catalog.load_car(FAST_CAR)]
    jag, slr = drive_stage(load_stage(out), cars)
    if not (jag.finished and slr.finished):
        return f"{line}; DID NOT FINISH ({jag}, {slr})"
    assert jag.time_s is not None and slr.time_s is not None
    write(b, objs, out, par_of_time(jag.time_s))  # over its own output a moment ago: no --force needed
    flag = "" if MIN_S <= slr.time_s and jag.time_s <= MAX_S else "  <-- outside 2–4 min"
    return f"{line}; autopilot {PAR_CAR} {jag.time_s:.1f} s, {FAST_CAR} {slr.time_s:.1f} s{flag}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("ids", nargs="*", help="stage ids (default: all)")
    ap.add_argument("--par", choices=("autopilot", "estimate"), default="autopilot")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--force", action="store_true", help="overwrite stages edited since they were generated")
    args = ap.parse_args()
    recipes = [r for r in RECIPES if not args.ids or r.id in args.ids]
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for line in pool.map(make, recipes, [args.par] * len(recipes), [args.force] * len(recipes)):
            print(line, flush=True)


if __name__ == "__main__":
    main()
