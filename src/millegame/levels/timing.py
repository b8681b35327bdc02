"""Timing lines for the regularity trials (issue 5 scores them; here they are read and checked).

- ``pc_line`` — prova cronometrata: lines with the same ``trial`` name, numbered by
  ``order``; ``target_s`` on every line but the first is the set time of the section
  that ends there.
- ``pm_start`` (``avg_kmh``) … ``pm_secret`` … ``pm_end`` — prova di media: hold the
  average speed from the start line to the end line; secret points check it on the way.
- ``co`` — controllo orario: the car is due ``due_min`` minutes after its start.

Every line is a 2-point polyline across the route, like a checkpoint, and counts in
the route's direction. The lines are returned sorted by their distance along the route.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from millegame.core.stage import Gate, TimingLine
from millegame.levels.lines import as_int, check_order, gate_of, route_arc_length
from millegame.levels.objects import Shape
from millegame.levels.report import Report
from millegame.levels.schema import TIMING_TYPES

PM_MAX_KMH = 50.0  # the regulations keep every prova di media below 50 km/h


def as_float(value: object) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def read_timing_lines(
    report: Report, shapes: Sequence[Shape], route: NDArray[np.float64], px_per_m: float, s_finish: float
) -> tuple[TimingLine, ...]:
    """The timing lines sorted along the route; ``s_finish`` is the finish's distance along it [m]."""
    cum = route_arc_length(route)
    lines: list[tuple[TimingLine, Shape]] = []
    for s in shapes:
        if s.kind not in TIMING_TYPES:
            continue
        hit = gate_of(report, s, route, cum, px_per_m, 0)
        if hit is None:
            continue
        gate, at = hit
        if at >= s_finish:
            report.error(f"{s.label}: lies after the finish along the route — move it before the finish")
        line = _line_of(report, s, gate, at)
        if line is not None:
            lines.append((line, s))
    lines.sort(key=lambda t: t[0].s_m)
    _check_pc(report, [t for t in lines if t[0].kind == "pc_line"])
    _check_pm(report, [t for t in lines if t[0].kind.startswith("pm_")])
    return tuple(line for line, _ in lines)


def _line_of(report: Report, s: Shape, gate: Gate, at: float) -> TimingLine | None:
    p = s.properties
    trial = str(p.get("trial", "") or "")
    order = as_int(p.get("order")) or 0
    target_s = as_float(p.get("target_s"))
    avg = as_float(p.get("avg_kmh"))
    due = as_int(p.get("due_min"))
    ok = True
    if s.kind == "pc_line":
        if not trial:
            ok = False
            report.error(f'{s.label}: needs a string property trial (e.g. "PC 1") naming its trial')
        if order < 1:
            ok = False
            report.error(f"{s.label}: needs an int property order (1, 2, 3, … within the trial)")
        elif order > 1 and (target_s is None or target_s <= 0):
            ok = False
            report.error(f"{s.label}: needs a float property target_s > 0, the set time [s] of the section ending here")
        elif order == 1 and target_s is not None:
            report.lint(f"{s.label}: target_s on the first line of a trial is ignored — remove it")
    elif s.kind == "pm_start":
        if avg is None or avg <= 0:
            ok = False
            report.error(f"{s.label}: needs a float property avg_kmh > 0, the average speed to hold [km/h]")
        elif avg >= PM_MAX_KMH:
            report.lint(f"{s.label}: avg_kmh {avg:g} is not below {PM_MAX_KMH:g} km/h — the regulations keep it below")
    elif s.kind == "co" and (due is None or due < 0):
        ok = False
        report.error(f"{s.label}: needs an int property due_min ≥ 0, minutes after the start when the car is due")
    if not ok:
        report.unplaced.add((s.kind, trial, order))  # its order is not missing as well
        return None
    return TimingLine(
        kind=s.kind,
        a=gate.a,
        b=gate.b,
        forward=gate.forward,
        s_m=at,
        name=s.name,
        object_id=s.id,
        trial=trial,
        order=order,
        target_s=target_s,
        avg_kmh=avg,
        due_min=due,
    )


def _check_pc(report: Report, lines: list[tuple[TimingLine, Shape]]) -> None:
    trials: dict[str, list[tuple[int, float, Shape]]] = {}
    for line, s in lines:
        trials.setdefault(line.trial, []).append((line.order, line.s_m, s))
    for name, items in trials.items():
        items.sort(key=lambda t: (t[0], t[1]))
        check_order(report, items, f'pc_line of trial "{name}":', "number its lines 1, 2, 3, … in driving order")
        if len(items) < 2:
            report.error(f'{items[0][2].label}: trial "{name}" has only one line — a trial needs at least two')


def _check_pm(report: Report, lines: list[tuple[TimingLine, Shape]]) -> None:
    """Sections along the route: pm_start, any pm_secret, pm_end — never nested."""
    open_at: Shape | None = None
    for line, s in lines:
        if line.kind == "pm_start":
            if open_at is not None:
                report.error(f"{s.label}: a new prova di media starts before {open_at.label} has ended — add a pm_end")
            open_at = s
        elif open_at is None:
            report.error(f"{s.label}: is not inside a prova di media — put a pm_start before it along the route")
        elif line.kind == "pm_end":
            open_at = None
    if open_at is not None:
        report.error(f"{open_at.label}: the prova di media never ends — add a pm_end line after it")
