"""Lines across the route (gates and timing lines): where they cross it, in which
direction, and whether a numbered series is complete and in driving order."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from millegame.core.stage import Gate
from millegame.levels.objects import Shape
from millegame.levels.report import Report

MAX_ORDER_GAP = 1000  # orders this far past the count are reported without listing every gap


def as_bool(value: object) -> bool:
    """A Tiled bool property (pytmx converts typed ones; a string "false" must stay False)."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


def check_order(report: Report, items: list[tuple[int, float, Shape]], what: str, how: str) -> None:
    """``items`` (order, arc length, shape) sorted by order: orders 1..n, unique, along the route."""
    orders = [o for o, _, _ in items]
    for k in range(1, len(items)):
        (o1, a1, s1), (o2, a2, s2) = items[k - 1], items[k]
        if o1 == o2:
            report.error(f"{s1.label} and {s2.label} both have order {o1} — {how}")
        elif a2 <= a1:
            report.error(
                f"{s2.label}: order {o2} comes before order {o1} ({s1.label}) along the route — fix the orders"
            )
    top = max(orders, default=0)
    if items:  # a line reported as not crossing the route is not missing as well
        kind, trial = items[0][2].kind, trial_of(items[0][2])
        orders += [o for k, t, o in report.unplaced if k == kind and t == trial]
    if top > len(orders) + MAX_ORDER_GAP:  # listing the gaps would take forever (order 4294967296)
        report.error(f"{what} order {top} is far beyond the {len(orders)} {what}s there are — {how} without gaps")
        return
    missing = sorted(set(range(1, top + 1)) - set(orders))
    if missing:
        report.error(f"{what} order {', '.join(map(str, missing))} is missing — {how} without gaps")


def trial_of(s: Shape) -> str:
    return str(s.properties.get("trial", "") or "")


def route_arc_length(route: NDArray[np.float64]) -> NDArray[np.float64]:
    return np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(route, axis=0).T))])


def gate_of(
    report: Report, s: Shape, route: NDArray[np.float64], cum: NDArray[np.float64], px_per_m: float, order: int
) -> tuple[Gate, float] | None:
    """A Gate from a 2-point line, and its arc-length position along the route [m]."""
    unplaced = (s.kind, trial_of(s), as_int(s.properties.get("order")) or order)
    if s.shape != "polyline" or len(s.points) != 2:
        report.unplaced.add(unplaced)
        report.error(
            f"{s.label}: must be a 2-point polyline across the road "
            f"(got a {s.shape} with {len(s.points)} points) — redraw it with the polyline tool, two clicks"
        )
        return None
    a, b = s.points[0] / px_per_m, s.points[1] / px_per_m
    hit = route_crossing(route, a, b)
    if hit is None:
        report.unplaced.add(unplaced)
        report.error(f"{s.label}: does not cross the route — move it so it spans the road where the route runs")
        return None
    k, t = hit
    d = route[k + 1] - route[k]
    fwd = d / np.hypot(*d)
    gate = Gate(
        a=(float(a[0]), float(a[1])),
        b=(float(b[0]), float(b[1])),
        forward=(float(fwd[0]), float(fwd[1])),
        name=s.name,
        order=order,
        object_id=s.id,
    )
    return gate, float(cum[k] + t * (cum[k + 1] - cum[k]))


def route_crossing(
    route: NDArray[np.float64], a: NDArray[np.float64], b: NDArray[np.float64]
) -> tuple[int, float] | None:
    """The route segment (index, fraction along it) that crosses segment a–b.

    If the route crosses the line more than once (a gate drawn too long across a
    hairpin), the crossing nearest the gate's midpoint wins.
    """
    p, r = route[:-1], route[1:] - route[:-1]
    s = b - a
    denom = r[:, 0] * s[1] - r[:, 1] * s[0]
    qp = a - p
    with np.errstate(divide="ignore", invalid="ignore"):
        t = (qp[:, 0] * s[1] - qp[:, 1] * s[0]) / denom
        u = (qp[:, 0] * r[:, 1] - qp[:, 1] * r[:, 0]) / denom
    ok = (denom != 0) & (t >= 0) & (t <= 1) & (u >= 0) & (u <= 1)
    idx = np.nonzero(ok)[0]
    if not len(idx):
        return None
    mid = (a + b) / 2
    pts = p[idx] + t[idx, None] * r[idx]
    best = int(np.argmin(np.hypot(*(pts - mid).T)))
    return int(idx[best]), float(t[idx[best]])
