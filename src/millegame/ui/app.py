"""The window and the frame loop; ``run`` is the CLI's entry point.

``App`` is everything but the window: it takes the frame's events and duration and
draws into whatever surface it is given, so tests drive it frame by frame off-screen
(``App.frame``). It holds the scene stack (``scenes.base.SceneStack``) and the game
session (``game_session.GameSession``), which the scenes ask for the game's state.
``run`` opens the window, measures real frame times, flips, and sleeps with
``pygame.time.Clock`` (only to sleep: timing comes from ``perf_counter``).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import pygame

from millegame import session as workflows
from millegame.core.car import CarParams
from millegame.core.replay import Replay
from millegame.core.stage import Stage
from millegame.session import FieldRunner, OpenedReplay
from millegame.ui.audio.mixer import Audio, Volumes
from millegame.ui.fonts import CREAM, INK, blit_text, clear_caches
from millegame.ui.game_session import GameSession, StageLoader
from millegame.ui.input.gamepad import Gamepads
from millegame.ui.road_tests import RoadTests
from millegame.ui.scenes.base import Scene, SceneStack
from millegame.ui.settings import Settings
from millegame.ui.watch import StageWatcher, draw_problems, keep_place, stage_problems

MODES = ("menu", "play", "demo", "replay")
FPS_CAP = 120  # sleep above this: one frame per tick is all the sim can show
TOAST_S = 4.0
HEADLESS_DRIVERS = ("offscreen", "dummy")
PAD_EVENTS = frozenset(
    {
        pygame.CONTROLLERDEVICEADDED,
        pygame.CONTROLLERDEVICEREMOVED,
        pygame.CONTROLLERAXISMOTION,
        pygame.CONTROLLERBUTTONDOWN,
        pygame.CONTROLLERBUTTONUP,
    }
)


class NoDisplayError(RuntimeError):
    """No video device could be opened (no X/Wayland display, or SDL failed)."""


class App:
    """The frame loop without the window: the scene stack (``stack``), the game session
    (``session``: what the scenes ask for), the devices (audio, pads), the settings, the
    notices; and the game's moves between screens, each asking the session and putting the
    scene it needs on the stack. Scenes see it as a ``scenes.base.SceneHost``.

    ``stage_loader`` replaces loading the stage from ``stage_path`` (tests: a stage made in
    memory); ``field_runner`` replaces the field's simulation (tests: a fast stand-in)."""

    def __init__(
        self,
        size: tuple[int, int],
        *,
        mode: str = "menu",
        stage_loader: StageLoader | None = None,
        stage_path: Path | None = None,
        car_id: str | None = None,
        cars: Iterable[CarParams] | None = None,
        settings: Settings | None = None,
        sound: bool = True,
        measure_cars: bool = False,
        watch: bool = False,
        replay: Replay | None = None,
        field_runner: FieldRunner | None = None,
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        if (mode == "replay") != (replay is not None):
            raise ValueError("a replay is played in mode 'replay' (and that mode needs one)")
        self.size = size
        self.mode = mode
        self.toast: tuple[str, float] | None = None
        self.stage_problems: tuple[str, ...] = ()  # --watch: why the last save does not load
        messages: list[str] = []
        if settings is None:
            from millegame.ui import settings as settings_module

            settings, messages = settings_module.load()
        self.settings = settings
        self.audio = Audio(self.volumes())
        if sound:
            self.audio.open()
        self.pads = Gamepads(settings.pad)
        for name in self.pads.scan():
            messages.append(f"Gamepad: {name}")
        for m in messages:
            self.notify(m)
        self.session = GameSession(
            notify=self.notify, cars=cars, stage_loader=stage_loader, stage_path=stage_path, car_id=car_id,
            report_load_errors=mode == "menu", field_runner=field_runner,
        )  # fmt: skip
        if measure_cars:
            # One background process compiles the physics kernels while the player is in the
            # menus (cached after the first time), so the first race starts at once, then
            # measures the cars that have no proving-ground figures yet.
            self.session.road_tests = RoadTests(self.session.cars)
            self.session.road_tests.start()
        # --watch: reload the stage when its files change (a designer with Tiled open beside).
        self.watcher = StageWatcher(stage_path) if watch and stage_path is not None else None
        self.stack = SceneStack(on_empty=self.to_title)
        self.running = True
        self.exit_code = 0
        self.show_fps = False
        self.frame_ms: list[float] = []
        self._screenshot_requested = False
        self.overlay_rects: dict[str, pygame.Rect] = {}  # where the toast and F3 readout went
        self.screenshots: list[Path] = []
        self._first_scene(replay)

    def _first_scene(self, replay: Replay | None) -> None:
        """The scene the mode starts on: the title, the race, the replay or the demo."""
        if self.mode == "menu":
            self.to_title()
        elif self.mode == "play":
            self.start_race(self.session.cars[self.session.selected_car])
        elif self.mode == "replay":
            assert replay is not None
            self.play_replay(replay)
        else:
            from millegame.ui.scenes.demo import DemoScene

            scene = DemoScene.create(self, exit_on_key=True)
            if scene is None:
                raise RuntimeError("no stage to run the demo on")
            self.stack.push(scene)

    @property
    def top(self) -> Scene | None:
        return self.stack.top

    def reload_stage(self) -> None:
        """The stage's files changed on disk: load it again and restart the race on it.
        A broken save is reported and the previous version stays on screen."""
        from millegame.levels import StageError, load_stage
        from millegame.ui.scenes.race_scene import RaceScene

        path = self.session.stage_path
        assert path is not None
        try:
            stage = load_stage(path)
        except StageError as e:
            # On screen until the next good save: every problem, not only the first.
            self.stage_problems = stage_problems(path, str(e).removeprefix(f"{path}: "))
            print(f"{e} — still driving the previous version", flush=True)
            return
        self.stage_problems = ()
        self.session.use_stage(stage, path)
        race = next((s for s in self.stack.scenes if isinstance(s, RaceScene)), None)
        kept = False
        if race is not None:
            st = race.race.state
            self.stack.reset()
            scene = RaceScene(self, stage, race.car)
            kept = keep_place(scene.race, float(st.x[0]), float(st.y[0]), float(st.heading[0]))
            if kept:
                scene.resumed = True
                scene.view.snap_to(scene.race)
            self.stack.push(scene)
        self.notify(f"Reloaded {path.name}" + (" — the car stays where it was" if kept else ""))

    def volumes(self) -> Volumes:
        s = self.settings
        return Volumes(s.master_volume, s.engine_volume, s.effects_volume).clamp()

    def save_settings(self) -> None:
        """Write the settings and apply what applies at once (volumes, pad mapping)."""
        from millegame.ui import settings as settings_module

        self.audio.volumes = self.volumes()
        self.pads.mapping = {**self.pads.mapping, **self.settings.pad}
        try:
            settings_module.save(self.settings)
        except OSError as e:
            self.notify(f"Cannot save the settings: {e}")

    # ------------------------------------------------------------------ moves between screens
    def to_title(self) -> None:
        from millegame.ui.scenes.title import TitleScene

        self.stack.reset()
        self.stack.push(TitleScene(self))

    def start_race(self, car: CarParams) -> None:
        """Replace the top scene (car select, results, a paused race) with a new race."""
        from millegame.ui.scenes.race_scene import RaceScene

        stage = self.session.load_stage_or_report()
        if stage is None:
            return
        self.session.choose_car(car)
        self.stack.replace(RaceScene(self, stage, car))

    def start_rally(self, car: CarParams, rules: str) -> None:
        """A new rally (saved at once, replacing the game's saved one) and its first stage."""
        self.session.start_rally(car, rules)
        self.start_rally_stage()

    def continue_rally(self) -> bool:
        """Resume the saved rally at its next stage; False when there is none."""
        if self.session.continue_rally() is None:
            return False
        self.start_rally_stage()
        return True

    def start_rally_stage(self) -> None:
        """Replace the top scene with the race on the rally's next stage; the field's
        results for it are generated meanwhile in the background (when not kept yet)."""
        from millegame.ui.scenes.race_scene import RaceScene

        nxt = self.session.next_rally_stage()
        if nxt is None:
            self.to_title()
            return
        rally, stage_id, stage = nxt
        assert rally.car is not None
        self.stack.replace(RaceScene(self, stage, rally.car, rally=rally, rally_stage_id=stage_id))

    def play_replay(self, replay: Replay) -> None:
        """Show a recorded run on the stage (which must be the one it was recorded on).
        Raises ``ReplayError`` when it cannot be shown here (``core.replay.refusal``)."""
        from millegame.ui.scenes.replay_scene import ReplayScene

        opened = self.session.open_replay(replay)
        self.stack.replace(ReplayScene(self, opened.stage, opened.car, opened.replay))

    def quit(self, code: int = 0) -> None:
        self.running = False
        self.exit_code = code

    def shutdown(self) -> None:
        """Stop what runs beside the game: sounds, the proving-ground measurement."""
        self.stack.reset()
        if self.session.road_tests is not None:
            self.session.road_tests.stop()
        self.audio.close()

    def notify(self, message: str) -> None:
        """Show a line at the bottom of the screen for a few seconds (and on stdout)."""
        print(message, flush=True)
        self.toast = (message, TOAST_S)

    # ------------------------------------------------------------------ one frame
    def resize(self, w: int, h: int) -> None:
        self.size = (w, h)
        for s in self.stack.scenes:
            s.on_resize(w, h)

    def frame(self, events: Iterable[pygame.event.Event], frame_s: float, surface: pygame.Surface) -> None:
        """Handle the frame's events, advance the top scene by ``frame_s``, draw it."""
        t0 = time.perf_counter()
        if surface.get_size() != self.size:
            self.resize(*surface.get_size())
        if self.watcher is not None and self.watcher.changed():
            self.reload_stage()
        for event in self._with_pad_keys(events):
            if event.type == pygame.QUIT:
                self.quit(0)
                return
            if event.type == pygame.KEYDOWN and event.key == pygame.K_F12:
                self._screenshot_requested = True
                continue
            if event.type == pygame.KEYDOWN and event.key == pygame.K_F3:
                self.show_fps = not self.show_fps
                continue
            if event.type == pygame.KEYUP and event.key in (pygame.K_F12, pygame.K_F3):
                continue
            if self.top is not None:
                self.top.handle_event(event)
            if not self.running:
                return
        if self.top is not None:
            self.top.update(frame_s)
        if not self.running or self.top is None:
            return
        self.top.draw(surface)
        if self._screenshot_requested:
            self._screenshot_requested = False
            self._save_screenshot(surface)
        self._draw_overlays(surface, frame_s)
        self.frame_ms.append((time.perf_counter() - t0) * 1000.0)
        if len(self.frame_ms) > 240:
            del self.frame_ms[:120]

    def _with_pad_keys(self, events: Iterable[pygame.event.Event]) -> list[pygame.event.Event]:
        """The frame's events with gamepad input tracked and turned into menu keys;
        a pad pulled out pauses a race."""
        out: list[pygame.event.Event] = []
        for event in events:
            out.append(event)
            if event.type not in PAD_EVENTS:
                continue
            change, keys = self.pads.handle(event)
            out.extend(keys)
            if change is None:
                continue
            what, _, name = change.partition(": ")
            if what == "added":
                self.notify(f"Gamepad connected: {name}")
            else:
                self.notify(f"Gamepad disconnected: {name}")
                if self.top is not None:
                    self.top.on_pad_removed()
        return out

    def _save_screenshot(self, surface: pygame.Surface) -> None:
        from millegame.ui.screenshot import save_screenshot

        try:
            path = save_screenshot(surface)
        except OSError as e:
            self.notify(f"Screenshot failed: {e}")
            return
        self.screenshots.append(path)
        self.notify(f"Screenshot saved: {path}")

    def _draw_overlays(self, surface: pygame.Surface, frame_s: float) -> None:
        """The toast and the F3 readout, where the top scene leaves room for them
        (``Scene.notice_area``, ``Scene.fps_anchor``); ``overlay_rects`` keeps where they went."""
        from millegame.ui.hud.layout import hud_scale, paragraph

        w, h = surface.get_size()
        path = self.session.stage_path
        if self.stage_problems and path is not None:
            title = f"{path.name} does not load — still driving the previous version. Fix and save:"
            draw_problems(surface, title, self.stage_problems)
        u = hud_scale(w, h)
        self.overlay_rects = {}
        scene = self.top
        if self.toast is not None:
            message, left = self.toast
            area = scene.notice_area(w, h) if scene is not None else surface.get_rect()
            pad = (max(2, round(8 * u)), max(1, round(4 * u)))
            r = paragraph(
                surface, message, max(9, round(24 * u)), CREAM, width_px=max(1, area.width - 2 * pad[0]),
                centre_x=area.centerx, bottom=area.bottom - pad[1], shadow=INK,
            )  # fmt: skip
            frame = r.inflate(2 * pad[0], 2 * pad[1])
            pygame.draw.rect(surface, INK, frame, width=1)
            self.overlay_rects["toast"] = frame
            left -= frame_s
            self.toast = (message, left) if left > 0 else None
        if self.show_fps and self.frame_ms:
            recent = sorted(self.frame_ms[-60:])
            median = recent[len(recent) // 2]
            at = scene.fps_anchor(w, h) if scene is not None else (w - 12, 12)
            size = max(9, round(18 * u))
            self.overlay_rects["fps"] = blit_text(
                surface, f"{median:4.1f} ms/frame (work)", size, CREAM, shadow=INK, topright=at
            )


# ---------------------------------------------------------------------- the window


def check_display_available() -> None:
    """Fail early, with a clear reason, where SDL would have nothing to draw on."""
    driver = os.environ.get("SDL_VIDEODRIVER", "")
    if sys.platform.startswith("linux") and not driver:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            raise NoDisplayError(
                "no display: neither DISPLAY nor WAYLAND_DISPLAY is set "
                "(run it in a desktop session, or set SDL_VIDEODRIVER=dummy for a headless run)"
            )


WINDOW_FRAME_PX = 48  # room left on the desktop for the title bar and a panel


def fit_window(window: tuple[int, int], desktop: tuple[int, int]) -> tuple[int, int]:
    """``window`` made no bigger than the desktop (less ``WINDOW_FRAME_PX`` of height),
    so a window asked too big still opens whole on the screen, its menu in view."""
    return (min(window[0], desktop[0]), min(window[1], max(1, desktop[1] - WINDOW_FRAME_PX)))


def open_window(window: tuple[int, int], fullscreen: bool) -> pygame.Surface:
    check_display_available()
    try:
        pygame.display.init()
    except pygame.error as e:
        raise NoDisplayError(f"cannot open a display: {e}") from None
    driver = pygame.display.get_driver()
    if driver in HEADLESS_DRIVERS and os.environ.get("SDL_VIDEODRIVER", "") != driver:
        # SDL ≥ 2.28 falls back to its invisible "offscreen" driver when no real one
        # works (e.g. DISPLAY names a dead X server): a game nobody can see is an error.
        pygame.display.quit()
        shown = os.environ.get("DISPLAY", "")
        raise NoDisplayError(f"no usable display (SDL fell back to its {driver!r} driver; is DISPLAY={shown!r} right?)")
    pygame.font.init()  # the mixer stays off: the game is silent for now, and needs no audio device
    flags = pygame.FULLSCREEN if fullscreen else pygame.RESIZABLE
    if not fullscreen and driver not in HEADLESS_DRIVERS:
        desktops = pygame.display.get_desktop_sizes()
        if desktops:
            window = fit_window(window, desktops[0])
    size = (0, 0) if fullscreen else window
    try:
        screen = pygame.display.set_mode(size, flags)
    except pygame.error as e:
        pygame.display.quit()
        raise NoDisplayError(f"cannot open a {window[0]}×{window[1]} window: {e}") from None
    pygame.display.set_caption("Mille Miglia")
    return screen


def run(
    *,
    mode: str = "menu",
    stage: Stage | None = None,
    stage_path: Path | None = None,
    car_id: str | None = None,
    fullscreen: bool = False,
    window: tuple[int, int] = (1280, 720),
    max_frames: int | None = None,
    watch: bool = False,
    replay: OpenedReplay | None = None,
    replay_path: Path | str | None = None,
) -> int:
    """Open the game window and play until the player quits; returns the exit code.

    ``mode``: "menu" (title screen), "play" (straight into the race), "demo" (the
    autopilot drives; any key exits). ``max_frames`` stops after that many frames (tests,
    benchmarks; ``$MILLEGAME_FIRST_FRAME_EXIT`` makes it 1, for timing the start).
    ``mode="replay"`` plays ``replay_path`` (a ``.npz`` from ``millegame sim --record``)
    on its stage — ``stage_path`` if given, else the shipped stage of that id — and any
    key exits (``replay``: one already opened, ``session.open_replay``). ``stage``: the stage
    of ``play`` or ``demo`` when the caller has loaded it already. Raises ``ReplayError``
    (before any window opens) when the file cannot be read or the run cannot be shown on that
    stage (another version of the stage, of the physics, …), ``session.LoadError`` for an
    unknown car or a broken stage, ``NoDisplayError`` when there is no video device.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    if mode == "replay":
        if replay is None:
            if replay_path is None:
                raise ValueError("mode 'replay' needs replay_path or replay")
            replay = workflows.open_replay(Path(replay_path), stage_path)
        stage, car_id = replay.stage, replay.replay.car_id
    elif replay_path is not None or replay is not None:
        raise ValueError("a replay is only for mode 'replay'")
    if car_id is not None:
        workflows.load_car(car_id)  # an unknown car is reported before any window opens
    if stage is None and mode in ("play", "demo"):
        # Load before the window opens: a broken stage is reported on the terminal.
        stage = workflows.load_race_stage(stage_path)
    loaded = stage
    loader: StageLoader | None = (lambda: loaded) if loaded is not None else None
    from millegame.ui import settings as settings_module

    settings, messages = settings_module.load()
    fullscreen = fullscreen or settings.fullscreen
    screen = open_window(window, fullscreen)
    app: App | None = None
    try:
        app = App(
            screen.get_size(),
            mode=mode,
            stage_loader=loader,
            stage_path=stage_path,
            car_id=car_id,
            settings=settings,
            measure_cars=mode != "replay",
            watch=watch,
            replay=replay.replay if replay is not None else None,
        )
        for m in messages:
            app.notify(m)
        if mode == "menu":
            _ = app.session.records.store  # open the save file now: a problem with it is told on the title screen
            app.session.show_record_notices()
        if os.environ.get("MILLEGAME_FIRST_FRAME_EXIT"):
            max_frames = 1  # benchmarks/render.py --startup: time to the first frame, then leave
        clock = pygame.time.Clock()
        last = time.perf_counter()
        frames = 0
        while app.running:
            now = time.perf_counter()
            frame_s, last = now - last, now
            events = pygame.event.get()
            for e in events:
                if e.type == pygame.KEYDOWN and e.key == pygame.K_F11 and not fullscreen:
                    pygame.display.toggle_fullscreen()
            screen = pygame.display.get_surface() or screen  # a new surface after a resize
            app.frame(events, frame_s, screen)
            if not app.running:
                break
            pygame.display.flip()
            frames += 1
            if max_frames is not None and frames >= max_frames:
                break
            clock.tick(FPS_CAP)
        return app.exit_code
    finally:
        if app is not None:
            app.shutdown()
        clear_caches()  # cached Font objects are invalid once pygame quits
        pygame.quit()
