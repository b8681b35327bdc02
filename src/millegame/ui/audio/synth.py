"""Sound synthesis with numpy: engines, tyres, gravel, rain, thumps, cheers, backfires.

No pygame here: every function returns float32 samples in [-1, 1] at ``rate`` Hz;
``audio`` turns them into mixer sounds. Loops are built in the frequency domain
(an inverse real FFT of a designed spectrum), so they are exactly periodic and loop
without a click; one-shots are shaped in time.

Engines: a four-stroke engine fires ``cylinders / 2`` times per crank revolution, so
its sound is a comb of harmonics of the *cycle* frequency ``rpm / 120`` with the
strongest at multiples of the cylinder count (the firing frequency). What tells
engines apart is which other orders sound too — the burble of a flat-four's unequal
exhausts at half its firing order, a V10's odd-firing rasp, the smoothness of an
eight or a twelve — and how bright they are; a supercharged six adds its blower's
whine. Loops are made at a ladder of rpm steps, on and off load, and cross-faded
by the player (``race_audio``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Samples = NDArray[np.float32]

RATE = 22050


@dataclass(frozen=True)
class EngineVoice:
    cylinders: int
    orders: dict[float, float]  # cycle harmonic (× rpm/120) → relative amplitude, besides the firing comb
    brightness_hz: float  # spectral roll-off of the firing comb (on load; off load is duller)
    roughness: float  # 0…1: energy spread to every cycle harmonic (unevenness)
    breath: float  # 0…1: intake/exhaust noise between the harmonics
    whine_order: float = 0.0  # supercharger: a tone at this multiple of crank speed (0 = none)


VOICES: dict[str, EngineVoice] = {
    "supercharged straight-six": EngineVoice(6, {3.0: 0.5, 9.0: 0.25}, 900.0, 0.18, 0.25, whine_order=11.0),
    "straight-six": EngineVoice(6, {3.0: 0.45, 9.0: 0.2}, 1000.0, 0.15, 0.2),
    "straight-eight": EngineVoice(8, {4.0: 0.35, 12.0: 0.15}, 750.0, 0.08, 0.15),
    "V12": EngineVoice(12, {6.0: 0.5, 18.0: 0.3}, 2100.0, 0.05, 0.12),
    "flat-four": EngineVoice(4, {2.0: 0.9, 1.0: 0.55, 6.0: 0.3}, 700.0, 0.45, 0.35),
    "flat-six": EngineVoice(6, {3.0: 0.7, 1.5: 0.3, 9.0: 0.45}, 1700.0, 0.3, 0.25),
    "V10": EngineVoice(10, {5.0: 0.85, 15.0: 0.4, 2.5: 0.25}, 2300.0, 0.25, 0.2),
    "V8": EngineVoice(8, {4.0: 0.8, 2.0: 0.5}, 1100.0, 0.35, 0.25),
}


def voice_for(engine_kind: str) -> EngineVoice:
    """The voice of ``CarParams.engine_kind`` (by its words; a straight-six if unknown)."""
    kind = engine_kind.strip()
    if kind in VOICES:
        return VOICES[kind]
    low = kind.lower()
    for name, voice in VOICES.items():
        if name.lower() in low:
            return voice
    if "12" in low:
        return VOICES["V12"]
    if "10" in low:
        return VOICES["V10"]
    if "eight" in low or "8" in low:
        return VOICES["straight-eight"]
    return VOICES["straight-six"]


def rpm_ladder(idle_rpm: float, redline_rpm: float, steps: int = 16) -> NDArray[np.float64]:
    """Geometric rpm steps from idle to a little past the redline."""
    return np.geomspace(max(300.0, idle_rpm * 0.9), redline_rpm * 1.05, steps)


def _loop_from_spectrum(n: int, bins: dict[int, complex] | NDArray[np.complex128]) -> NDArray[np.float64]:
    """A periodic signal of ``n`` samples from its spectrum: a {bin: value} mapping or
    a full ``n // 2 + 1`` array."""
    if isinstance(bins, np.ndarray):
        return np.fft.irfft(bins, n)
    spec = np.zeros(n // 2 + 1, dtype=np.complex128)
    for k, v in bins.items():
        if 0 < k < len(spec):
            spec[k] += v
    return np.fft.irfft(spec, n)


def _noise_spectrum(n: int, lo_hz: float, hi_hz: float, rng: np.random.Generator, rate: int, tilt: float = 0.0):  # type: ignore[no-untyped-def]
    """Random-phase noise bins between two frequencies (``tilt``: slope in decades)."""
    spec = np.zeros(n // 2 + 1, dtype=np.complex128)
    k0, k1 = max(1, int(lo_hz * n / rate)), min(n // 2, int(hi_hz * n / rate))
    if k1 > k0:
        k = np.arange(k0, k1)
        spec[k0:k1] = (rng.normal(size=k.size) + 1j * rng.normal(size=k.size)) * (k * rate / n / 1000.0) ** tilt
    return spec


def _normalise(x: NDArray[np.float64], peak: float = 0.9) -> Samples:
    m = float(np.max(np.abs(x))) if len(x) else 0.0
    return (x * (peak / m) if m > 1e-12 else x).astype(np.float32)


def engine_loop(voice: EngineVoice, rpm: float, load: float, *, rate: int = RATE, seed: int = 1) -> Samples:
    """One seamless loop (~0.3 s) of an engine at ``rpm`` and ``load`` (0 = overrun, 1 = full)."""
    rng = np.random.default_rng(seed)
    f_cycle = rpm / 120.0
    cycles = max(1, round(0.3 * f_cycle))  # whole engine cycles in the loop
    n = round(cycles * rate / f_cycle)
    n += n % 2
    bright = voice.brightness_hz * (0.55 + 0.6 * load)
    bins: dict[int, complex] = {}

    def add(harmonic: float, amp: float) -> None:
        k = round(harmonic * cycles)  # bin of that cycle harmonic
        f = k * rate / n
        if f > rate * 0.45 or k <= 0:
            return
        env = 1.0 / (1.0 + (f / bright) ** 2) * (f / (f + 40.0))  # roll-off, no DC rumble
        bins[k] = bins.get(k, 0.0) + amp * env * np.exp(1j * rng.uniform(0, 2 * np.pi))

    for m in range(1, 40):  # the firing comb
        add(voice.cylinders * m, 1.0 / m**0.6)
    for h, a in voice.orders.items():
        add(h, a)
        add(2 * h, a * 0.5)
    if voice.roughness > 0:  # unevenness: a little of every cycle harmonic
        for h in range(1, 60):
            add(h, voice.roughness * 0.3 * rng.uniform(0.3, 1.0))
    x = _loop_from_spectrum(n, bins)
    x = _normalise(x, 1.0).astype(np.float64)
    # breath: band noise, louder on load
    if voice.breath > 0:
        noise_spec = _noise_spectrum(n, 200.0, min(rate * 0.45, bright * 3), rng, rate)
        noise = _normalise(_loop_from_spectrum(n, noise_spec), 1.0).astype(np.float64)
        x = x + noise * voice.breath * (0.35 + 0.65 * load)
    if voice.whine_order > 0:  # supercharger whine, rising with revs
        k = round(voice.whine_order * rpm / 60.0 * n / rate)
        whine = _loop_from_spectrum(n, {k: 1.0})
        x = x + _normalise(whine, 1.0) * (0.18 + 0.12 * load)
    # gentle saturation gives the edge of a loaded engine
    drive = 1.0 + 1.5 * load
    x = np.tanh(x * drive) / np.tanh(drive)
    return _normalise(x, 0.8)


def engine_bank(
    engine_kind: str, idle_rpm: float, redline_rpm: float, *, steps: int = 16, rate: int = RATE
) -> tuple[NDArray[np.float64], list[Samples], list[Samples]]:
    """(rpm ladder, loops on load, loops off load) for one engine."""
    voice = voice_for(engine_kind)
    ladder = rpm_ladder(idle_rpm, redline_rpm, steps)
    on = [engine_loop(voice, float(r), 1.0, rate=rate, seed=3 + k) for k, r in enumerate(ladder)]
    off = [engine_loop(voice, float(r), 0.15, rate=rate, seed=3 + k) for k, r in enumerate(ladder)]
    return ladder, on, off


def band_noise_loop(
    lo_hz: float, hi_hz: float, seconds: float, *, rate: int = RATE, seed: int = 5, tilt: float = 0.0
) -> Samples:
    """Seamless noise between two frequencies (``tilt`` < 0 darkens it)."""
    rng = np.random.default_rng(seed)
    n = round(seconds * rate)
    n += n % 2
    return _normalise(_loop_from_spectrum(n, _noise_spectrum(n, lo_hz, hi_hz, rng, rate, tilt)), 0.8)


def squeal_loop(*, rate: int = RATE, seed: int = 7) -> Samples:
    """Tyre squeal: a wavering tone round 900 Hz with its overtones, over a hiss."""
    rng = np.random.default_rng(seed)
    n = rate  # one second
    t = np.arange(n) / rate
    wobble = 2 * np.pi * 4.0 * t  # 4 Hz: a whole number of periods in the loop
    phase = 2 * np.pi * 880.0 * t + 18.0 * np.sin(wobble)
    tone = np.sin(phase) + 0.45 * np.sin(2 * phase + 0.3) + 0.2 * np.sin(3 * phase + 1.1)
    amp = 0.75 + 0.25 * np.sin(2 * np.pi * 7.0 * t + rng.uniform(0, 6))
    hiss = band_noise_loop(1500, 5000, 1.0, rate=rate, seed=seed).astype(np.float64)
    return _normalise(tone * amp + 0.35 * hiss[:n], 0.8)


def gravel_loop(*, rate: int = RATE, seed: int = 11) -> Samples:
    """Stones under the tyres: dark noise and a patter of small clicks."""
    rng = np.random.default_rng(seed)
    n = rate
    base = band_noise_loop(80, 2200, 1.0, rate=rate, seed=seed, tilt=-0.5).astype(np.float64)[:n]
    clicks = np.zeros(n)
    for at in rng.integers(0, n, 140):
        length = int(rng.integers(20, 90))
        decay = np.exp(-np.arange(length) / (length / 4))
        burst = rng.normal(0, 1, length) * decay * rng.uniform(0.3, 1.0)
        idx = (at + np.arange(length)) % n  # wrap round: still seamless
        clicks[idx] += burst
    return _normalise(0.6 * base + 0.5 * clicks / max(1e-9, np.abs(clicks).max()), 0.8)


def road_loop(*, rate: int = RATE) -> Samples:
    """Tyre and wind roar on tarmac, rising with speed (the player scales it)."""
    return band_noise_loop(40, 1600, 1.0, rate=rate, seed=13, tilt=-0.8)


def rain_loop(*, rate: int = RATE) -> Samples:
    return band_noise_loop(800, 8000, 2.0, rate=rate, seed=17, tilt=-0.3)


def thump(*, rate: int = RATE, seed: int = 19) -> Samples:
    """A body hitting something: a falling low tone and a crack of noise."""
    rng = np.random.default_rng(seed)
    n = int(0.45 * rate)
    t = np.arange(n) / rate
    freq = 95.0 * np.exp(-t * 3.0) + 38.0
    body = np.sin(2 * np.pi * np.cumsum(freq) / rate) * np.exp(-t * 9.0)
    crack = rng.normal(0, 1, n) * np.exp(-t * 60.0) * 0.6
    return _normalise(body + crack, 0.95)


def backfire(*, rate: int = RATE, seed: int = 23) -> Samples:
    """A pop in the exhaust: a sharp burst and a short boom."""
    rng = np.random.default_rng(seed)
    n = int(0.25 * rate)
    t = np.arange(n) / rate
    burst = rng.normal(0, 1, n) * np.exp(-t * 45.0)
    boom = np.sin(2 * np.pi * 70.0 * t) * np.exp(-t * 18.0)
    return _normalise(burst + 0.9 * boom, 0.95)


def cheer(*, rate: int = RATE, seed: int = 29, seconds: float = 2.4) -> Samples:
    """A roadside crowd: many voices (formant-filtered noise that swells and fades)
    and scattered applause."""
    rng = np.random.default_rng(seed)
    n = int(seconds * rate)
    t = np.arange(n) / rate
    voices = np.zeros(n)
    for f0 in (520.0, 780.0, 1150.0, 1700.0):  # vowel-ish formants
        band = band_noise_loop(f0 * 0.8, f0 * 1.25, seconds, rate=rate, seed=int(f0)).astype(np.float64)[:n]
        voices += band * rng.uniform(0.5, 1.0)
    swell = np.clip(t / 0.25, 0, 1) * np.exp(-np.clip(t - 0.6, 0, None) * 1.6)
    wobble = 1.0 + 0.25 * np.sin(2 * np.pi * rng.uniform(3, 6) * t)
    claps = np.zeros(n)
    for at in rng.integers(0, int(n * 0.8), 70):
        length = int(rate * 0.012)
        claps[at : at + length] += rng.normal(0, 1, min(length, n - at)) * np.exp(-np.arange(min(length, n - at)) / 60)
    return _normalise(voices * swell * wobble + 0.5 * claps * swell, 0.8)


def to_int16(x: Samples, channels: int = 1) -> NDArray[np.int16]:
    """Samples as the mixer wants them: int16, one column per channel."""
    y = np.clip(np.asarray(x, dtype=np.float64), -1.0, 1.0)
    pcm = (y * 32767.0).astype(np.int16)
    if channels > 1:
        pcm = np.repeat(pcm[:, None], channels, axis=1)
    return np.ascontiguousarray(pcm)


def resample_loop(x: Samples, from_rate: int, to_rate: int) -> Samples:
    """Linear resampling (only needed when the mixer opened at another rate)."""
    if from_rate == to_rate:
        return x
    n = max(2, math.floor(len(x) * to_rate / from_rate))
    src = np.linspace(0, len(x), n, endpoint=False)
    return np.interp(src, np.arange(len(x) + 1), np.concatenate([x, x[:1]])).astype(np.float32)
