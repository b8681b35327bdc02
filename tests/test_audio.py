"""Sound: seamless loops, distinct engines, the engine cross-fade, and silence — never an
error — with the dummy driver, with no device at all, and with a mixer that fails."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("MILLEGAME_CONFIG_DIR", tempfile.mkdtemp(prefix="millegame-cfg-"))

import subprocess
import sys
from pathlib import Path

import numpy as np
import pygame
import pytest

from millegame import catalog
from millegame.core.events import StageFinished, WallHit
from millegame.ui.app import App
from millegame.ui.audio import synth
from millegame.ui.audio.mixer import Audio
from millegame.ui.audio.race_audio import ENGINE_SLOTS, FINE_RATIO, RaceAudio, crowd_clusters, pitched_loop
from millegame.ui.car_signals import read_signals
from millegame.ui.render.atmosphere import Atmosphere
from millegame.ui.scenes.race_scene import RaceScene
from millegame.ui.settings import Settings
from stage_fixtures import sprint_stage

ENGINES = ("supercharged straight-six", "straight-eight", "V12", "flat-four", "flat-six", "V10")


def spectrum_peak_order(x: np.ndarray, rpm: float) -> float:
    """The strongest component as a multiple of crank frequency."""
    spec = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    f = np.fft.rfftfreq(len(x), 1 / synth.RATE)
    band = f > 20
    return float(f[band][np.argmax(spec[band])] / (rpm / 60.0))


def test_engine_loops_loop_without_a_click() -> None:
    x = synth.engine_loop(synth.voice_for("V12"), 4000.0, 1.0).astype(np.float64)
    step = np.abs(np.diff(x)).max()
    assert abs(x[0] - x[-1]) <= 1.5 * step  # the wrap is no bigger than any step inside
    assert np.abs(x).max() <= 1.0


def test_every_engine_kind_sounds_different() -> None:
    rpm = 4000.0
    loops = {k: synth.engine_loop(synth.voice_for(k), rpm, 1.0) for k in ENGINES}
    cents = {}
    for k, x in loops.items():
        spec = np.abs(np.fft.rfft(x))
        f = np.fft.rfftfreq(len(x), 1 / synth.RATE)
        cents[k] = float((spec * f).sum() / spec.sum())
    assert len({round(c, -1) for c in cents.values()}) == len(ENGINES)  # distinct brightness
    assert cents["V12"] > cents["straight-eight"] and cents["V10"] > cents["flat-four"]
    # the firing order dominates: a V12 fires 6 times a revolution, a flat-four twice
    assert spectrum_peak_order(loops["V12"].astype(np.float64), rpm) > spectrum_peak_order(
        loops["flat-four"].astype(np.float64), rpm
    )


@pytest.mark.parametrize("kind", [c.engine_kind for c in catalog.load_cars()])
def test_every_car_has_a_voice(kind: str) -> None:
    assert synth.voice_for(kind) in synth.VOICES.values()


def test_one_shots_are_short_and_in_range() -> None:
    for f in (synth.thump, synth.backfire, synth.cheer, synth.squeal_loop, synth.gravel_loop):
        x = f()
        assert 0 < len(x) < 4 * synth.RATE and np.abs(x).max() <= 1.0 and np.abs(x).max() > 0.3


def _engine_audio() -> RaceAudio:
    ra = RaceAudio.__new__(RaceAudio)
    ra.ladder = synth.rpm_ladder(800, 6000, 16)
    return ra


def test_engine_mix_cross_fades_between_neighbouring_fine_steps() -> None:
    ra = _engine_audio()
    steps, vols = ra.engine_mix(ra.fine_rpm(40), 1.0)
    assert vols[2:].max() == 0.0  # full load: the off-load voices are silent
    assert {int(steps[0]), int(steps[1])} == {40, 41} and vols[steps[:2].tolist().index(40)] > 0
    assert vols[steps[:2].tolist().index(41)] == pytest.approx(0.0, abs=1e-6)
    steps, vols = ra.engine_mix(float(np.sqrt(ra.fine_rpm(40) * ra.fine_rpm(41))), 0.5)
    assert set(steps.tolist()) == {40, 41} and np.all(vols > 0)
    assert vols[0] == pytest.approx(vols[1], rel=1e-6)  # half way in log-rpm


def test_engine_pitch_follows_the_rpm_continuously() -> None:
    # Issue 14: the pitch rose in steps of ~15 % (cross-fading loops 16 % apart). Now the
    # pitch heard — the loudness-weighted mean pitch of the voices — follows the rpm within
    # a quarter of a fine step at every rpm, and no rpm change moves it by more than that.
    ra = _engine_audio()
    rpms = np.geomspace(900.0, 5900.0, 4000)
    heard = []
    for rpm in rpms:
        steps, vols = ra.engine_mix(float(rpm), 1.0)
        w = vols[:2] ** 2
        heard.append(np.exp((w * np.log([ra.fine_rpm(int(k)) for k in steps[:2]])).sum() / w.sum()))
    heard = np.array(heard)
    assert np.abs(np.log(heard / rpms)).max() <= 0.25 * np.log(FINE_RATIO)
    assert np.abs(np.diff(np.log(heard))).max() <= 2 * np.log(rpms[1] / rpms[0]) + 1e-12
    # and each fine loop sounds at its step's pitch: a synthesised loop resampled to it
    base_rpm = float(ra.ladder[5])
    x = synth.engine_loop(synth.voice_for("V12"), base_rpm, 1.0).astype(np.float64)
    for ratio in (1.0, FINE_RATIO, 1.037, 0.96):
        y = pitched_loop(x.astype(np.float32), base_rpm, base_rpm * ratio).astype(np.float64)
        order = spectrum_peak_order(y, base_rpm * ratio)
        assert order == pytest.approx(spectrum_peak_order(x, base_rpm), rel=0.01)
        assert abs(y[0] - y[-1]) <= 1.5 * np.abs(np.diff(y)).max()  # still loops without a click


@pytest.fixture()
def stage(surfaces, tmp_path: Path):
    return sprint_stage(surfaces, tileset_dir=tmp_path)


def test_race_audio_plays_with_the_dummy_driver(stage) -> None:
    audio = Audio()
    assert audio.open(), audio.problem
    try:
        from millegame.core.race import Race

        race = Race(stage, [catalog.load_car("ferrari-315-s")])
        ra = RaceAudio(audio, race, Atmosphere("night", "rain"))
        assert ra.playing and len(ra.engine_channels) == ENGINE_SLOTS
        sig = read_signals(race)
        ra.update(sig, [WallHit(car=0, tick=1, impact_speed_mps=8.0), StageFinished(0, 2, 10.0, ())], [], 1 / 60)
        loud = [ch.get_volume() for ch in ra.engine_channels]
        assert max(loud) > 0.0
        ra.silence()
        assert max(ch.get_volume() for ch in ra.engine_channels) == 0.0
        ra.stop()
        assert not ra.playing
    finally:
        audio.close()


def test_a_failing_mixer_means_silence_not_an_error(stage, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*a, **k):
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", broken)
    audio = Audio()
    assert not audio.open() and "no sound" in audio.problem
    assert audio.sound(synth.thump()) is None
    audio.play_once(None, 1.0)
    pygame.display.init()
    pygame.font.init()
    surface = pygame.display.set_mode((320, 180))
    app = App((320, 180), stage_loader=lambda: stage, settings=Settings())
    assert not app.audio.enabled
    scene = RaceScene(app, stage, app.session.cars[0], countdown_s=0.0)
    for _ in range(30):
        scene.update(1 / 60)
    scene.draw(surface)
    scene.on_exit()


def test_no_audio_device_at_all_is_silent(tmp_path: Path) -> None:
    code = (
        "import os; os.environ['SDL_AUDIODRIVER']='no-such-driver'; os.environ['SDL_VIDEODRIVER']='dummy';"
        "from millegame.ui.audio.mixer import Audio; a = Audio(); ok = a.open();"
        "print('enabled' if ok else 'silent', a.problem)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("silent")


def test_crowds_are_grouped() -> None:
    pts = [(0.0, 0.0), (10.0, 0.0), (20.0, 5.0), (500.0, 500.0)]
    assert len(crowd_clusters(pts)) == 2
