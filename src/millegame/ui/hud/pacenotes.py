"""Pace notes from the route's curvature: what the co-driver reads out (no pygame).

The route's signed curvature (``core.route.Route``, + = right) is smoothed over a car
length or two; a corner is a run of points curving the same way more tightly than
``STRAIGHT_RADIUS_M``. Each corner gets the rally grade of its tightest radius:

=====  =================  =====================
grade  tightest radius    as a driver reads it
=====  =================  =====================
1      < 15 m             first gear, nearly a hairpin
2      15 – 30 m          second gear
3      30 – 55 m
4      55 – 90 m
5      90 – 150 m
6      150 – 300 m        nearly flat out
=====  =================  =====================

A corner turning through 135° or more at grade 1–2 is a "hairpin". "tightens" when its
second half is markedly tighter than its first, "opens" the other way round, "long"
when it turns through 100° or more. ``distance_m`` is the straight before the *next*
call ("4 right, 150" = a 4 right, then 150 m to the next corner).

Which notes to show: ``calls_ahead`` returns those starting within the call-ahead
time (settable, in seconds at the car's speed) plus a minimum distance, the next first.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from millegame.core.route import Route

FloatArray = NDArray[np.float64]

STRAIGHT_RADIUS_M = 300.0  # gentler than this is no call
GRADE_RADII_M = (15.0, 30.0, 55.0, 90.0, 150.0, STRAIGHT_RADIUS_M)  # upper bounds of grades 1…6
SMOOTH_M = 12.0  # curvature is averaged over this length
MIN_TURN_DEG = 12.0  # a wiggle that turns less than this is no corner
MERGE_GAP_M = 8.0  # two bends of one direction this close are one corner
HAIRPIN_DEG = 135.0
LONG_DEG = 100.0
TIGHTEN_RATIO = 0.72  # second half's radius below this share of the first: "tightens"
MIN_CALL_M = 60.0  # even at a crawl, call what is this close
DEFAULT_CALL_AHEAD_S = 4.0


@dataclass(frozen=True)
class PaceNote:
    s_start_m: float  # where the corner begins along the route [m]
    s_end_m: float
    direction: str  # "left" or "right"
    grade: int  # 1…6
    turn_deg: float  # how far the road turns in it
    hairpin: bool = False
    tightens: bool = False
    opens: bool = False
    long: bool = False
    distance_m: float = 0.0  # from its end to the next corner's start (or the finish)
    over_bridge: bool = False  # a bridge begins before the next corner

    @property
    def label(self) -> str:
        """The call's main words: "hairpin left", "3 right"."""
        return f"hairpin {self.direction}" if self.hairpin else f"{self.grade} {self.direction}"

    @property
    def modifiers(self) -> list[str]:
        words = (
            ("long", self.long),
            ("tightens", self.tightens),
            ("opens", self.opens),
            ("over bridge", self.over_bridge),
        )
        return [w for w, on in words if on]

    @property
    def text(self) -> str:
        """The whole call as read: "long 4 right tightens, 150"."""
        words = ["long"] if self.long else []
        words.append(self.label)
        words += [m for m in self.modifiers if m not in ("long", "over bridge")]
        call = " ".join(words)
        dist = rounded_distance(self.distance_m)
        call = f"{call}, {dist}" if dist else call
        return f"{call}, over bridge" if self.over_bridge else call


def rounded_distance(d_m: float) -> str:
    """Distances as a co-driver says them: "into" below 20 m, then 30, 50, 80, 100, 150…"""
    if d_m < 20.0:
        return "into"
    for step in (30, 50, 80, 100, 150, 200, 250, 300, 400, 500):
        if d_m < step * 1.15:
            return str(step)
    return f"{round(d_m / 100.0) * 100}"


def grade_of(radius_m: float) -> int:
    for g, limit in enumerate(GRADE_RADII_M, start=1):
        if radius_m < limit:
            return g
    return 6


def smooth(values: FloatArray, window: int) -> FloatArray:
    if window <= 1 or len(values) < 3:
        return values.copy()
    kernel = np.ones(window) / window
    padded = np.pad(values, (window // 2, window - 1 - window // 2), mode="edge")
    return np.convolve(padded, kernel, mode="valid")


def bridge_spans(route: Route, on_bridge: NDArray[np.bool_]) -> list[tuple[float, float]]:
    """(start, end) [m along the route] of each run of route points that lie on a bridge."""
    spans: list[tuple[float, float]] = []
    i, n = 0, len(on_bridge)
    while i < n:
        if not on_bridge[i]:
            i += 1
            continue
        j = i
        while j < n and on_bridge[j]:
            j += 1
        spans.append((float(route.s[i]), float(route.s[j - 1])))
        i = j
    return spans


def generate(route: Route, bridges: Sequence[tuple[float, float]] = ()) -> list[PaceNote]:
    """Every corner of the route, in order; ``bridges`` (start, end) [m] add "over bridge"
    to the call before each bridge."""
    if len(route.points) < 3:
        return []
    spacing = max(route.spacing_m, 1e-6)
    kappa = smooth(route.kappa, max(1, round(SMOOTH_M / spacing)))
    curving = np.abs(kappa) > 1.0 / STRAIGHT_RADIUS_M
    sign = np.sign(kappa) * curving
    # Runs of one sign.
    runs: list[tuple[int, int, int]] = []  # (start, end exclusive, sign)
    i, n = 0, len(sign)
    while i < n:
        if sign[i] == 0:
            i += 1
            continue
        j = i
        while j < n and sign[j] == sign[i]:
            j += 1
        runs.append((i, j, int(sign[i])))
        i = j
    # Merge same-direction runs separated by a short near-straight.
    merged: list[tuple[int, int, int]] = []
    for run in runs:
        if merged and merged[-1][2] == run[2] and (route.s[run[0]] - route.s[merged[-1][1] - 1]) <= MERGE_GAP_M:
            merged[-1] = (merged[-1][0], run[1], run[2])
        else:
            merged.append(run)
    notes: list[PaceNote] = []
    for a, b, sgn in merged:
        k = np.abs(kappa[a:b])
        ds = np.gradient(route.s)[a:b]
        turn = math.degrees(float((k * ds).sum()))
        if turn < MIN_TURN_DEG:
            continue
        radius = 1.0 / max(float(k.max()), 1e-9)
        g = grade_of(radius)
        half = max(1, (b - a) // 2)
        r1 = 1.0 / max(float(k[:half].max()), 1e-9)
        r2 = 1.0 / max(float(k[half:].max()), 1e-9) if b - a > 1 else r1
        notes.append(
            PaceNote(
                s_start_m=float(route.s[a]),
                s_end_m=float(route.s[b - 1]),
                direction="right" if sgn > 0 else "left",
                grade=g,
                turn_deg=turn,
                hairpin=turn >= HAIRPIN_DEG and g <= 2,
                tightens=r2 < TIGHTEN_RATIO * r1,
                opens=r1 < TIGHTEN_RATIO * r2,
                long=turn >= LONG_DEG and not (turn >= HAIRPIN_DEG and g <= 2),
            )
        )
    out: list[PaceNote] = []
    for k_, note in enumerate(notes):
        nxt = notes[k_ + 1].s_start_m if k_ + 1 < len(notes) else route.length_m
        bridge = any(note.s_start_m <= start < nxt for start, _ in bridges)
        out.append(_with_distance(note, max(0.0, nxt - note.s_end_m), bridge))
    return out


def _with_distance(note: PaceNote, d: float, over_bridge: bool = False) -> PaceNote:
    return PaceNote(**{**note.__dict__, "distance_m": d, "over_bridge": over_bridge})


def calls_ahead(
    notes: list[PaceNote],
    s_m: float,
    speed_mps: float,
    call_ahead_s: float = DEFAULT_CALL_AHEAD_S,
    *,
    max_calls: int = 3,
) -> list[tuple[PaceNote, float]]:
    """(note, metres until it starts) for the notes the co-driver has called at ``s_m``:
    the corner the car is in (distance 0) and those starting within ``call_ahead_s`` at
    ``speed_mps`` (or ``MIN_CALL_M``), at most ``max_calls``, nearest first."""
    reach = max(MIN_CALL_M, call_ahead_s * max(speed_mps, 0.0))
    out: list[tuple[PaceNote, float]] = []
    for note in notes:
        if note.s_end_m < s_m:
            continue
        ahead = note.s_start_m - s_m
        if ahead > reach and out:
            break
        if ahead > reach:
            # Nothing called yet: still show the very next corner, greyed by the caller.
            out.append((note, ahead))
            break
        out.append((note, max(0.0, ahead)))
        if len(out) >= max_calls:
            break
    return out
