"""Frame time of the heaviest race scene, and the time from `millegame` to the title.

    python benchmarks/render.py [STAGE_ID] [--frames N] [--size 1280x720] [--json]
    python benchmarks/render.py [STAGE_ID] --compare 1bb3d5d [--rounds 6] [--frames N] [--size WxH] [--json]
    python benchmarks/render.py --startup [--runs 5] [--json]

The frame benchmark runs headless (SDL dummy video and audio drivers) at 1280×720 on
the heaviest look: night, rain, particles, the full HUD with pace notes and minimap,
and a ghost car (the same car's pose a second earlier). The autopilot drives; every
frame is a whole ``App.frame`` (1/60 s of game), timed with ``perf_counter``. The first
60 frames (chunk baking behind the start) are not counted.

What is the shell's and what is the simulation's: the time spent in ``Race.step`` and
in the autopilot (two 120 Hz ticks per frame; ``benchmarks/physics.py`` measures those)
is timed separately and taken out, so ``median_ms``/``p99_ms`` are the shell's work per
frame — effects, sound, camera, world, lights, weather, HUD. ``frame_median_ms`` and
``frame_p99_ms`` are the whole frame, simulation included. ``--json`` prints
``{"median_ms", "p99_ms", "frames", …}``.

``--compare REV`` measures this tree's renderer and the one of git revision ``REV``
side by side in the same run: REV's ``src``, ``assets`` and ``levels`` are exported to a
temporary directory, and the two trees run in two processes that take turns frame by
frame (``--rounds`` pairs of fresh processes, ``--frames`` frames each after their own
warm-up): a machine whose speed drifts — by 2× within seconds on a shared machine —
slows both alike, which whole turns of a few seconds each did not. It reports both trees'
medians and p99s over all their frames, the ratio of the medians, the median and p99 CPU time
per frame (``process_time``, which waits for a busy machine's cores do not inflate) and
the load average (``os.getloadavg``) before and after. Both trees draw the same stage, car, look and
autopilot run; the camera of each decides how much of it is on screen.

``--startup`` starts ``python -m millegame`` in a fresh process (dummy drivers) with
``MILLEGAME_FIRST_FRAME_EXIT=1``, which draws the title screen once and exits, and
reports the wall time from spawning the process to its exit (median of ``--runs``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import deque
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

WARMUP_FRAMES = 60


def frame_benchmark(
    stage_id: str | None, frames: int, size: tuple[int, int], *, lockstep: bool = False
) -> dict[str, object]:
    """``lockstep``: before each frame wait for a line on stdin, after it write one on
    stdout (``--compare`` alternates two such processes frame by frame)."""
    import pygame

    from millegame import catalog
    from millegame.core.autopilot import Autopilot
    from millegame.core.race import Race
    from millegame.levels import load_stage
    from millegame.ui.app import App

    try:
        from millegame.ui.render.atmosphere import Atmosphere
    except ModuleNotFoundError:  # a tree from before ui/ was laid out by role (--compare)
        from millegame.ui.atmosphere import Atmosphere  # type: ignore[no-redef]
    from millegame.ui.scenes.demo import DemoScene
    from millegame.ui.settings import Settings

    sim_ms = [0.0]
    sim_cpu_ms = [0.0]

    def timed(f):  # type: ignore[no-untyped-def]
        def g(*a, **k):  # type: ignore[no-untyped-def]
            t, c = time.perf_counter(), time.process_time()
            try:
                return f(*a, **k)
            finally:
                sim_ms[0] += (time.perf_counter() - t) * 1000.0
                sim_cpu_ms[0] += (time.process_time() - c) * 1000.0

        return g

    Race.step = timed(Race.step)  # type: ignore[method-assign]
    Autopilot.controls = timed(Autopilot.controls)  # type: ignore[method-assign]
    pygame.display.init()
    pygame.font.init()
    screen = pygame.display.set_mode(size)
    path = catalog.resolve_stage(stage_id) if stage_id else catalog.list_stages()[0].path
    stage = load_stage(path)
    app = App(size, mode="menu", stage_loader=lambda: stage, settings=Settings())
    car = catalog.load_car("mercedes-300-slr")
    scene = DemoScene(app, stage, car, exit_on_key=False, atmosphere=Atmosphere("night", "rain"))
    if hasattr(app, "stack"):
        app.stack.scenes = [scene]
    else:  # a tree from before the scene stack (--compare)
        app.scenes = [scene]
    trail: deque[tuple[float, float, float]] = deque(maxlen=60)
    times: list[float] = []
    whole: list[float] = []
    cpu_times: list[float] = []  # process CPU time: what a busy machine's waits do not inflate
    particles_max = 0
    for k in range(frames + WARMUP_FRAMES):
        st = scene.race.state
        trail.append((float(st.x[0]), float(st.y[0]), float(st.heading[0])))
        scene.view.ghost = trail[0]  # a ghost one second behind
        sim_ms[0] = sim_cpu_ms[0] = 0.0
        if lockstep and not sys.stdin.readline():
            raise SystemExit("the comparing process went away")
        t0, c0 = time.perf_counter(), time.process_time()
        app.frame([], 1 / 60, screen)
        dt = (time.perf_counter() - t0) * 1000.0
        cpu = (time.process_time() - c0) * 1000.0
        if lockstep:
            print("done", flush=True)
        if k >= WARMUP_FRAMES:
            times.append(dt - sim_ms[0])
            whole.append(dt)
            cpu_times.append(cpu - sim_cpu_ms[0])
        particles_max = max(particles_max, scene.view.particles.alive)
        if app.top is not scene:  # the demo moved on to the next car: keep the same look
            scene = app.top  # type: ignore[assignment]
    raw = list(times)
    raw_cpu = list(cpu_times)
    times.sort()
    whole.sort()
    app.shutdown()

    def p99(xs: list[float]) -> float:
        return round(xs[min(len(xs) - 1, int(len(xs) * 0.99))], 3)

    return {
        "median_ms": round(statistics.median(times), 3),
        "p99_ms": p99(times),
        "frames": len(times),
        "mean_ms": round(statistics.fmean(times), 3),
        "max_ms": round(times[-1], 3),
        "frame_median_ms": round(statistics.median(whole), 3),
        "frame_p99_ms": p99(whole),
        "size": f"{size[0]}x{size[1]}",
        "stage": stage.id,
        "look": "night, rain",
        "particles_max": particles_max,
        "stage_time_s": round(scene.race.time_s, 2),
        "times_ms": [round(t, 4) for t in raw],
        "cpu_ms": [round(t, 4) for t in raw_cpu],
    }


def _start_turn(tree_src: Path, stage_id: str | None, frames: int, size: tuple[int, int]) -> subprocess.Popen[str]:
    """A fresh process importing millegame from ``tree_src`` that draws a frame each
    time it is told to (``frame_benchmark(lockstep=True)``)."""
    env = {**os.environ, "PYTHONPATH": str(tree_src), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    cmd = [sys.executable, __file__, "--frames", str(frames), "--size", f"{size[0]}x{size[1]}", "--times"]
    if stage_id:
        cmd.insert(2, stage_id)
    # stderr to a file, not a pipe: a pipe nobody reads until the end blocks a child that
    # writes more than it holds (warnings), and the lockstep would wait for it forever.
    return subprocess.Popen(
        cmd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=tempfile.TemporaryFile("w+"),
        text=True, bufsize=1,
    )  # fmt: skip


def _lockstep(procs: dict[str, subprocess.Popen[str]], frames: int) -> dict[str, tuple[list[float], list[float]]]:
    """Let the processes draw one frame each in turn, ``frames`` (and the warm-up) times;
    their shell frame times [ms], wall clock and CPU."""
    for _ in range(frames + WARMUP_FRAMES):
        for name, proc in procs.items():
            assert proc.stdin is not None and proc.stdout is not None
            proc.stdin.write("go\n")
            proc.stdin.flush()
            line = proc.stdout.readline()
            if line.strip() != "done":
                proc.wait(timeout=120)
                raise SystemExit(f"the {name} tree's process failed: {(line + _stderr(proc)).strip()[-400:]}")
    out = {}
    for name, proc in procs.items():
        stdout, _ = proc.communicate(timeout=120)
        if proc.returncode != 0:
            raise SystemExit(f"the {name} tree's process failed: {_stderr(proc).strip()[-400:]}")
        got = json.loads(stdout.strip().splitlines()[-1])
        out[name] = ([float(v) for v in got["times_ms"]], [float(v) for v in got["cpu_ms"]])
    return out


def _stderr(proc: subprocess.Popen[str]) -> str:
    """What a turn's process wrote to its stderr file."""
    err = proc.stderr
    if err is None:
        return ""
    err.seek(0)
    return err.read()


def compare_benchmark(
    rev: str, stage_id: str | None, frames: int, size: tuple[int, int], rounds: int
) -> dict[str, object]:
    here = Path(__file__).resolve().parent.parent
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="millegame-render-") as tmp:
        archive = subprocess.run(
            ["git", "-C", str(here), "archive", rev, "src", "assets", "levels", "pyproject.toml"],
            capture_output=True, check=False,
        )  # fmt: skip
        if archive.returncode != 0:
            raise SystemExit(f"cannot export {rev}: {archive.stderr.decode().strip()}")
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        trees = {"new": here / "src", "old": Path(tmp) / "src"}
        times: dict[str, list[float]] = {"new": [], "old": []}
        cpu: dict[str, list[float]] = {"new": [], "old": []}
        medians: dict[str, list[float]] = {"new": [], "old": []}
        for k in range(rounds):
            # Each round a fresh pair of processes, started in alternating order.
            order = list(trees) if k % 2 == 0 else list(trees)[::-1]
            procs = {name: _start_turn(trees[name], stage_id, frames, size) for name in order}
            for name, (t, c) in _lockstep(procs, frames).items():
                times[name] += t
                cpu[name] += c
                medians[name].append(round(statistics.median(t), 3))
    out: dict[str, object] = {"size": f"{size[0]}x{size[1]}", "old_rev": rev, "rounds": rounds, "frames": frames}
    for name, t in times.items():
        t.sort()
        out[f"{name}_median_ms"] = round(statistics.median(t), 3)
        out[f"{name}_p99_ms"] = round(t[min(len(t) - 1, int(len(t) * 0.99))], 3)
        out[f"{name}_cpu_median_ms"] = round(statistics.median(cpu[name]), 3)
        c = sorted(cpu[name])
        out[f"{name}_cpu_p99_ms"] = round(c[min(len(c) - 1, int(len(c) * 0.99))], 3)
        out[f"{name}_turn_medians_ms"] = medians[name]
    out["new_over_old"] = round(float(out["new_median_ms"]) / float(out["old_median_ms"]), 3)  # type: ignore[arg-type]
    out["new_over_old_cpu"] = round(float(out["new_cpu_median_ms"]) / float(out["old_cpu_median_ms"]), 3)  # type: ignore[arg-type]
    out["loadavg_before"] = [round(v, 2) for v in load_before]
    out["loadavg_after"] = [round(v, 2) for v in os.getloadavg()]
    return out


def startup_benchmark(runs: int) -> dict[str, object]:
    env = {
        **os.environ,
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "dummy",
        "MILLEGAME_FIRST_FRAME_EXIT": "1",
    }
    walls = []
    for _ in range(runs):
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "millegame"], env=env, capture_output=True, timeout=60)
        walls.append(time.perf_counter() - t0)
        if done.returncode != 0:
            raise SystemExit(f"millegame exited with {done.returncode}: {done.stderr.decode()[-400:]}")
    return {"startup_s": round(statistics.median(walls), 3), "runs": runs, "all_s": [round(w, 3) for w in walls]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stage", nargs="?", default=None)
    ap.add_argument("--frames", type=int, default=1200)
    ap.add_argument("--size", default="1280x720")
    ap.add_argument("--startup", action="store_true", help="time `millegame` to its first title frame")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--compare", metavar="REV", help="also time git revision REV's renderer, taking turns")
    ap.add_argument("--rounds", type=int, default=6, help="turns of each tree with --compare")
    ap.add_argument("--times", action="store_true", help=argparse.SUPPRESS)  # a --compare turn
    args = ap.parse_args()
    if args.startup:
        result = startup_benchmark(args.runs)
        print(json.dumps(result) if args.json else f"millegame → title: {result['startup_s']:.3f} s (median)")
        return
    w, h = (int(v) for v in args.size.lower().split("x"))
    if args.compare:
        cmp = compare_benchmark(args.compare, args.stage, args.frames, (w, h), args.rounds)
        if args.json:
            print(json.dumps(cmp))
        else:
            print(
                f"{cmp['size']}, {args.rounds}×{args.frames} frames each, taking turns: this tree median "
                f"{cmp['new_median_ms']} ms, p99 {cmp['new_p99_ms']} ms; {args.compare} median {cmp['old_median_ms']} "
                f"ms, p99 {cmp['old_p99_ms']} ms (new/old {cmp['new_over_old']}; CPU time new/old "
                f"{cmp['new_cpu_median_ms']}/{cmp['old_cpu_median_ms']} ms); load average "
                f"{cmp['loadavg_before']} → {cmp['loadavg_after']}"
            )
        return
    result = frame_benchmark(args.stage, args.frames, (w, h), lockstep=args.times)
    if args.times:
        print(json.dumps({"times_ms": result["times_ms"], "cpu_ms": result["cpu_ms"]}))
        return
    result.pop("times_ms")
    result.pop("cpu_ms")
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"{result['frames']} frames at {result['size']} ({result['look']}): shell "
            f"median {result['median_ms']} ms, p99 {result['p99_ms']} ms; whole frame with the simulation "
            f"median {result['frame_median_ms']} ms, p99 {result['frame_p99_ms']} ms"
        )


if __name__ == "__main__":
    main()
