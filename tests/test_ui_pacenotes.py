"""Pace notes from route curvature: grades, direction, modifiers, call distances (no pygame)."""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pytest

from millegame.core.route import Route
from millegame.ui.hud.pacenotes import calls_ahead, generate, grade_of, rounded_distance


def arc_route(parts: list[tuple[str, float, float]]) -> np.ndarray:
    """A polyline from ("straight", length, 0) and ("turn", radius, degrees ±; + = right)
    pieces, starting at the origin heading +x (y down: a right turn bends to +y)."""
    x, y, h = 0.0, 0.0, 0.0
    pts = [(x, y)]
    for kind, a, b in parts:
        if kind == "straight":
            n = max(1, int(a / 2))
            for _ in range(n):
                x += a / n * math.cos(h)
                y += a / n * math.sin(h)
                pts.append((x, y))
        else:
            radius, deg = a, b
            n = max(4, int(abs(math.radians(deg)) * radius / 1.0))
            for _ in range(n):
                h += math.radians(deg) / n
                x += abs(math.radians(deg)) * radius / n * math.cos(h)
                y += abs(math.radians(deg)) * radius / n * math.sin(h)
                pts.append((x, y))
    return np.array(pts)


def test_a_straight_has_no_calls() -> None:
    assert generate(Route.of(arc_route([("straight", 800, 0)]))) == []


@pytest.mark.parametrize(("radius", "grade"), [(10, 1), (22, 2), (40, 3), (70, 4), (120, 5), (220, 6)])
def test_grade_follows_the_tightest_radius(radius: float, grade: int) -> None:
    route = Route.of(arc_route([("straight", 200, 0), ("turn", radius, 60), ("straight", 200, 0)]))
    notes = generate(route)
    assert len(notes) == 1
    assert notes[0].grade == grade and notes[0].direction == "right"
    assert grade_of(radius) == grade


def test_left_hairpin_and_distance_to_the_next_corner() -> None:
    route = Route.of(
        arc_route(
            [("straight", 150, 0), ("turn", 12, -180), ("straight", 140, 0), ("turn", 60, 90), ("straight", 99, 0)]
        )
    )
    first, second = generate(route)
    assert first.hairpin and first.direction == "left" and first.label == "hairpin left"
    assert second.direction == "right" and second.grade == 4
    assert 120 < first.distance_m < 160  # the straight between them, roughly
    assert first.text.endswith(", 150")


def test_tightens_and_long() -> None:
    route = Route.of(arc_route([("straight", 150, 0), ("turn", 80, 60), ("turn", 30, 60), ("straight", 150, 0)]))
    (note,) = generate(route)
    assert note.tightens and not note.opens
    assert note.long and note.turn_deg > 100
    assert note.text.startswith("long ") and "tightens" in note.text


def test_calls_ahead_by_time_and_nearest_first() -> None:
    parts = [("straight", 300, 0)]
    for k in range(5):
        parts += [("turn", 50, 45 if k % 2 else -45), ("straight", 100, 0)]
    notes = generate(Route.of(arc_route(parts)))
    assert len(notes) == 5
    slow = calls_ahead(notes, 0.0, 5.0, 4.0)  # 20 m of reach: only the very next, not yet called
    assert len(slow) == 1 and slow[0][1] > 200
    fast = calls_ahead(notes, 200.0, 60.0, 4.0)  # 240 m of reach
    assert [round(d) for _, d in fast] == sorted(round(d) for _, d in fast)
    assert fast[0][0] is notes[0] and len(fast) >= 2
    inside = calls_ahead(notes, notes[0].s_start_m + 5, 20.0)
    assert inside[0][0] is notes[0] and inside[0][1] == 0.0


def test_distances_read_like_a_co_driver() -> None:
    assert rounded_distance(10) == "into"
    assert rounded_distance(48) == "50"
    assert rounded_distance(140) == "150"
    assert rounded_distance(930) == "900"


def test_pacenotes_do_not_import_pygame() -> None:
    code = "import sys, millegame.ui.hud.pacenotes; assert 'pygame' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_bridge_after_a_corner_is_called() -> None:
    from millegame.ui.hud.pacenotes import bridge_spans

    # A right-hander, then a straight with a bridge 100–180 m after the corner.
    arc = [(100 + 40 * np.sin(t), 40 - 40 * np.cos(t)) for t in np.linspace(0, np.pi / 2, 30)]
    pts = np.array([(0.0, 0.0), (100.0, 0.0), *arc[1:], (140.0, 400.0)])
    route = Route.of(pts)
    on = (route.points[:, 1] > 150) & (route.points[:, 1] < 230)
    spans = bridge_spans(route, on)
    assert len(spans) == 1 and spans[0][1] > spans[0][0]
    notes = generate(route, spans)
    assert notes and notes[0].over_bridge
    assert notes[0].text.endswith("over bridge")
    assert not generate(route)[0].over_bridge


def test_the_po_crossing_is_called_on_its_stage() -> None:
    from millegame import catalog
    from millegame.levels import load_stage
    from millegame.ui.hud.race_hud import pace_notes_for

    stage = load_stage(catalog.resolve_stage("padova-ferrara"))
    assert any(n.over_bridge for n in pace_notes_for(stage))
    prologo = load_stage(catalog.resolve_stage("prologo"))
    assert not any(n.over_bridge for n in pace_notes_for(prologo))
