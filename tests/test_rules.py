"""Corsa and Regolarità: scoring arithmetic, the coefficient, timing lines at speed,
wrong way, missed checkpoints and respawns (issue 5)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from millegame import catalog
from millegame.core import Controls, Race
from millegame.core.car import CarState
from millegame.core.coefficient import car_coefficient, classification_of, coefficient_of
from millegame.core.events import CheckpointMissed, PenaltyApplied, Respawned, TimingLinePassed, WrongWay
from millegame.core.referee import (
    OFF_ROUTE_AFTER_S,
    RESPAWN_BEHIND_M,
    RESPAWN_PENALTY_POINTS,
    RESPAWN_PENALTY_S,
    SLOW_CHECK_TICKS,
    STUCK_AFTER_S,
)
from millegame.core.regularity import (
    CHECK_CAP_POINTS,
    CHECK_MAX_SCORE,
    co_points,
    co_window_s,
    hundredths,
    pc_points,
    pm_ideal_s,
    pm_points,
    regularity_score,
    split_deltas,
)
from millegame.core.stage import Gate, Stage, TimingLine

ROAD_Y = 50.0


def line(kind: str, x: float, **kw: object) -> TimingLine:
    return TimingLine(kind=kind, a=(x, ROAD_Y - 10), b=(x, ROAD_Y + 10), forward=(1.0, 0.0), s_m=x - 10.0, **kw)  # type: ignore[arg-type]


def straight_stage(timing: tuple[TimingLine, ...] = (), length_m: float = 1000.0) -> Stage:
    """A straight asphalt road along y = 50 m from x = 10 m; checkpoints at 200 and 400 m,
    the finish ``length_m`` − 100 m. ``timing`` lines go in ``timing_lines``."""
    surfaces = catalog.load_surfaces()
    cell = 4.0
    cols, rows = int(length_m / cell), 25
    grid = np.full((rows, cols), surfaces.index("grass"), dtype=np.uint8)
    grid[10:15, :] = surfaces.index("asphalt")

    def gate(x: float, name: str) -> Gate:
        return Gate(a=(x, ROAD_Y - 10), b=(x, ROAD_Y + 10), forward=(1.0, 0.0), name=name)

    return Stage(
        id="straight",
        title="Straight",
        width_m=cols * cell,
        height_m=rows * cell,
        cell_m=cell,
        surface=grid,
        solid=np.zeros((rows, cols), dtype=bool),
        surfaces=surfaces,
        walls=np.zeros((0, 4)),
        start_xy=(10.0, ROAD_Y),
        start_heading=0.0,
        checkpoints=(gate(200.0, "A"), gate(400.0, "B")),
        finish=gate(length_m - 100.0, "finish"),
        route=np.array([[10.0, ROAD_Y], [length_m - 10.0, ROAD_Y]]),
        source_sha256="feed",
        timing_lines=timing,
    )


def scripted(race: Race, xs: np.ndarray, y: float = ROAD_Y) -> list[object]:
    """Move car 0 to x = xs[i] at tick i + 1 (exact positions, no physics) and referee it."""
    assert race.referee is not None
    events: list[object] = []
    for x in xs:
        prev = race.state  # place_car makes a new state; this one stays as it was
        race.tick += 1
        race.place_car(0, float(x), y, 0.0)
        verdict, respawns = race.referee.update(prev, [])
        events.extend(verdict)
        assert respawns == []
    return events


def constant_speed(race: Race, speed_mps: float, until_x: float, x0: float = 10.0) -> list[object]:
    ticks = np.arange(1, int((until_x - x0) / (speed_mps * race.dt)) + 2)
    return scripted(race, x0 + speed_mps * ticks * race.dt)


# --- arithmetic -----------------------------------------------------------------------


def test_hundredths_round_binary_noise_the_right_way() -> None:
    assert hundredths(0.29) == 29
    assert hundredths(1.005) == 101  # half away from zero, despite 1.005 = 1.00499999…
    assert hundredths(-0.015) == -2
    assert hundredths(12.344999) == 1234


def test_pc_points_are_hundredths_off_either_way_and_capped() -> None:
    assert pc_points(8.00, 8.0) == 0
    assert pc_points(7.99, 8.0) == 1
    assert pc_points(8.13, 8.0) == 13
    assert pc_points(15.0, 8.0) == CHECK_CAP_POINTS


def test_pm_points_compare_with_the_ideal_time_of_the_distance() -> None:
    assert pm_ideal_s(250.0, 45.0) == pytest.approx(20.0)  # 45 km/h = 12.5 m/s
    assert pm_points(20.0, 250.0, 45.0) == 0
    assert pm_points(20.37, 250.0, 45.0) == 37
    assert pm_points(19.5, 250.0, 45.0) == 50


def test_co_window_is_the_due_minute_and_each_minute_off_costs() -> None:
    assert co_window_s(4) == (240.0, 300.0)
    assert co_points(240.0, 4) == 0
    assert co_points(299.99, 4) == 0
    assert co_points(239.99, 4) == 100  # early
    assert co_points(300.0, 4) == 100  # late
    assert co_points(130.0, 4) == 200


def test_score_is_check_points_times_the_coefficient() -> None:
    assert regularity_score([0, 20], 1.5) == (CHECK_MAX_SCORE + CHECK_MAX_SCORE - 20) * 1.5
    assert regularity_score([500], 1.8) == 0.0
    assert regularity_score([0], 1.0, extra_points=100) == CHECK_MAX_SCORE - 100
    assert split_deltas([10.0, 20.5], [10.25, 20.0, 30.0]) == (-0.25, 0.5)


def test_coefficient_reproduces_the_reference_examples() -> None:
    assert coefficient_of(1927, 1991, "Sport") == 1.80  # OM 665 Superba
    assert coefficient_of(1957, 747, "Gran Turismo") == 1.25  # Fiat 750 GT Zagato
    assert coefficient_of(1957, 747, "Gran Turismo", raced=True) == 1.35
    assert coefficient_of(1940, 1500, "Touring") < coefficient_of(1940, 1500, "Sport")
    assert coefficient_of(1930, 1000, "Sport") > coefficient_of(1955, 3000, "Sport")


def test_modern_cars_are_tribute_with_no_coefficient(cars: tuple) -> None:
    by_id = {c.id: c for c in cars}
    assert classification_of(by_id["porsche-911-992"]) == "tribute"
    assert car_coefficient(by_id["porsche-911-992"]) == 1.0
    assert classification_of(by_id["alfa-6c-1750"]) == "classic"
    assert car_coefficient(by_id["alfa-6c-1750"]) > car_coefficient(by_id["ferrari-315-s"]) > 1.0


# --- timing lines on the tick clock ---------------------------------------------------


def pc_stage(target_s: float = 5.0) -> Stage:
    return straight_stage(
        (
            line("pc_line", 100.0, trial="PC 1", order=1, name="start"),
            line("pc_line", 400.0, trial="PC 1", order=2, target_s=target_s, name="end"),
        )
    )


def test_pc_section_on_time_scores_zero(slr) -> None:  # type: ignore[no-untyped-def]
    race = Race(pc_stage(5.0), [slr], rules="regolarita")
    events = constant_speed(race, 60.0, 420.0)  # 100 m at 1.50 s, 400 m at 6.50 s
    checks = [e for e in events if isinstance(e, TimingLinePassed)]
    assert [c.time_s for c in checks] == [1.5, 6.5]
    assert checks[1].actual_s == 5.0 and checks[1].points == 0


def test_pc_crossing_is_interpolated_within_the_tick_and_rounded(slr) -> None:  # type: ignore[no-untyped-def]
    race = Race(pc_stage(5.0), [slr], rules="regolarita")
    events = constant_speed(race, 59.0, 420.0)  # 90/59 = 1.5254 s → 1.53; 390/59 = 6.6102 → 6.61
    checks = [e for e in events if isinstance(e, TimingLinePassed)]
    assert [c.time_s for c in checks] == [1.53, 6.61]
    assert checks[1].points == 8
    assert race.referee is not None and race.referee.penalty_points[0] == 8


def test_two_lines_inside_one_tick_at_high_speed_both_count_in_order(slr) -> None:  # type: ignore[no-untyped-def]
    stage = straight_stage(
        (
            line("pc_line", 100.0, trial="PC 1", order=1),
            line("pc_line", 100.5, trial="PC 1", order=2, target_s=0.01),
        )
    )
    race = Race(stage, [slr], rules="regolarita")
    events = scripted(race, np.array([99.0, 101.5]))  # one 2.5 m step across both (300 m/s)
    checks = [e for e in events if isinstance(e, TimingLinePassed)]
    assert len(checks) == 2 and checks[0].time_s <= checks[1].time_s


def test_a_line_driven_round_is_missed_and_costs_the_cap(slr) -> None:  # type: ignore[no-untyped-def]
    race = Race(pc_stage(5.0), [slr], rules="regolarita")
    xs = 10.0 + 30.0 * np.arange(1, 400) * race.dt
    scripted(race, xs[xs < 90.0])
    events = scripted(race, np.linspace(95.0, 160.0, 100), y=ROAD_Y + 15.0)  # beside the start line
    events += constant_speed(race, 30.0, 420.0, x0=160.0)
    checks = [e for e in events if isinstance(e, TimingLinePassed)]
    assert checks[0].missed and checks[1].points == CHECK_CAP_POINTS


def test_pm_checks_the_average_at_the_secret_point_and_the_end(slr) -> None:  # type: ignore[no-untyped-def]
    stage = straight_stage(
        (
            line("pm_start", 100.0, trial="PM 1", avg_kmh=45.0),
            line("pm_secret", 300.0, trial="PM 1"),
            line("pm_end", 500.0, trial="PM 1"),
        )
    )
    race = Race(stage, [slr], rules="regolarita")
    events = constant_speed(race, 12.0, 520.0)  # 200 m at 12 m/s = 16.67 s, ideal 16.00 s
    checks = [e for e in events if isinstance(e, TimingLinePassed) and e.kind != "pm_start"]
    assert [c.target_s for c in checks] == [16.0, 32.0]
    assert [c.points for c in checks] == [67, 133]


def test_co_arrival_in_the_due_minute_is_free_otherwise_per_minute(slr) -> None:  # type: ignore[no-untyped-def]
    for due, points in ((0, 0), (1, 100), (3, 300)):
        race = Race(straight_stage((line("co", 300.0, due_min=due),)), [slr], rules="regolarita")
        events = constant_speed(race, 30.0, 320.0)  # arrives at 9.67 s: minute 0
        co = next(e for e in events if isinstance(e, TimingLinePassed))
        assert co.points == points


def test_hud_state_shows_the_running_pc_clock_and_the_next_co(slr) -> None:  # type: ignore[no-untyped-def]
    stage = straight_stage(
        (
            line("pc_line", 100.0, trial="PC 1", order=1),
            line("pc_line", 400.0, trial="PC 1", order=2, target_s=5.0),
            line("co", 600.0, due_min=1, name="CO"),
        )
    )
    race = Race(stage, [slr], rules="regolarita")
    constant_speed(race, 60.0, 250.0)  # 250 m: 4 s in, 2.5 s into the PC section
    assert race.referee is not None
    st = race.referee.state(0)
    assert st.pc is not None and st.pc.target_s == 5.0
    assert st.pc.elapsed_s == pytest.approx(round(race.time_s - 1.5, 2))
    assert st.pc.delta_s < 0
    assert st.next_co is not None and (st.next_co.opens_s, st.next_co.closes_s) == (60.0, 120.0)
    assert st.next_line_m == pytest.approx(150.0, abs=3.0)


# --- corsa: wrong way, missed checkpoints, respawns -----------------------------------


def test_driving_against_the_route_raises_wrong_way(slr) -> None:  # type: ignore[no-untyped-def]
    stage = straight_stage()
    state = CarState.at_rest(np.array([600.0]), np.array([ROAD_Y]), np.array([np.pi]))
    race = Race(stage, [slr], state=state, rules="corsa")
    events = []
    for _ in range(int(3.0 / race.dt)):
        events += race.step(Controls.single(throttle=0.6))
    wrong = [e for e in events if isinstance(e, WrongWay)]
    assert wrong and wrong[0].wrong
    assert race.referee is not None and race.referee.state(0).wrong_way


def test_a_checkpoint_gone_past_is_announced_and_still_required(slr) -> None:  # type: ignore[no-untyped-def]
    race = Race(straight_stage(), [slr], rules="corsa")
    events = scripted(race, np.arange(11.0, 270.0, 1.0), y=ROAD_Y + 15)  # beside checkpoint A
    missed = [e for e in events if isinstance(e, CheckpointMissed)]
    assert [m.index for m in missed] == [0]
    assert race.next_gate[0] == 0


def test_a_respawn_puts_the_car_back_on_the_road_with_a_five_second_penalty(slr) -> None:  # type: ignore[no-untyped-def]
    race = Race(straight_stage(), [slr], rules="corsa")
    while race.next_gate[0] < 1:
        race.step(Controls.single(throttle=1.0))
    x_asked = float(race.state.x[0])
    race.request_respawn(0)
    events = race.step(Controls.single())
    assert any(isinstance(e, Respawned) and e.checkpoint == 0 for e in events)
    pen = next(e for e in events if isinstance(e, PenaltyApplied))
    assert pen.seconds == RESPAWN_PENALTY_S == 5.0
    # On the road where it was, RESPAWN_BEHIND_M back along the route (2 m route points).
    assert race.state.x[0] == pytest.approx(x_asked - RESPAWN_BEHIND_M, abs=2.1)
    assert race.state.y[0] == pytest.approx(ROAD_Y) and race.state.heading[0] == pytest.approx(0.0)
    while not race.all_finished:
        race.step(Controls.single(throttle=1.0))
    assert race.referee is not None
    assert race.referee.score(0) == round(race.finish_tick[0] * race.dt + RESPAWN_PENALTY_S, 3)  # to the thousandth


def test_a_respawn_off_the_road_goes_back_to_where_the_car_left_it_facing_along_the_route(slr) -> None:  # type: ignore[no-untyped-def]
    race = Race(straight_stage(), [slr], rules="corsa")
    assert race.referee is not None
    # Along the road to x = 300 m, then off it at 45° into the field, 30 m from the road.
    on_road = np.arange(11.0, 300.0, 0.5)
    scripted(race, on_road)
    race.next_gate[0] = 1  # checkpoint A (x = 200 m) passed: scripted moves skip the gates
    for d in np.arange(0.5, 30.0, 0.5):
        prev = np.array([[race.state.x[0], race.state.y[0]]])
        race.tick += 1
        race.place_car(0, 300.0 + d, ROAD_Y + d, np.pi / 4)
        race.referee.update(prev, [])
    events = race.respawn(0)
    assert any(isinstance(e, Respawned) for e in events)
    x, y, heading = race.state.x[0], race.state.y[0], race.state.heading[0]
    # It left the road (5 m from the centre line) near x = 305 m: back to the route point
    # RESPAWN_BEHIND_M behind that, on the centre line, facing along the route, at rest.
    assert 300.0 - RESPAWN_BEHIND_M - 2.5 <= x <= 305.0 - RESPAWN_BEHIND_M + 0.5
    assert y == pytest.approx(ROAD_Y) and heading == pytest.approx(0.0)
    assert race.state.speed_mps[0] == 0.0
    # A car that has not crossed checkpoint A is never put past it.
    race.next_gate[0] = 0
    race.respawn(0)
    assert race.state.x[0] < 200.0


def test_a_car_stuck_against_a_wall_is_respawned_after_four_seconds(slr) -> None:  # type: ignore[no-untyped-def]
    stage = dataclasses.replace(straight_stage(), walls=np.array([[150.0, ROAD_Y - 8, 150.0, ROAD_Y + 8]]))
    race = Race(stage, [slr], rules="corsa")
    stopped_at = None
    for _ in range(int(30.0 / race.dt)):
        events = race.step(Controls.single(throttle=1.0))
        if stopped_at is None and race.state.contact[0] and race.state.speed_mps[0] < 0.5:
            stopped_at = race.time_s
        if any(isinstance(e, Respawned) for e in events):
            break
    assert stopped_at is not None
    respawned = next(e for e in events if isinstance(e, Respawned))
    assert respawned.automatic
    assert STUCK_AFTER_S == 4.0
    assert 4.0 <= race.time_s - stopped_at <= 4.0 + 0.2  # checked at 20 Hz
    assert race.state.x[0] < 150.0 - 2.0 and race.state.y[0] == pytest.approx(ROAD_Y)


def test_regolarita_respawn_costs_points_not_time(slr) -> None:  # type: ignore[no-untyped-def]
    race = Race(straight_stage(), [slr], rules="regolarita")
    events = race.respawn(0)
    pen = next(e for e in events if isinstance(e, PenaltyApplied))
    assert (pen.seconds, pen.points) == (0.0, RESPAWN_PENALTY_POINTS)


def test_a_car_far_off_the_road_is_respawned_automatically(slr) -> None:  # type: ignore[no-untyped-def]
    stage = straight_stage()
    state = CarState.at_rest(np.array([100.0]), np.array([ROAD_Y + 48.0]), np.array([0.0]))
    race = Race(stage, [slr], state=state, rules="corsa")
    events = []
    for _ in range(int(5.0 / race.dt)):
        events += race.step(Controls.single())
    assert any(isinstance(e, Respawned) and e.automatic for e in events)
    assert race.state.y[0] == pytest.approx(ROAD_Y)


def test_a_race_without_rules_has_no_referee(slr) -> None:  # type: ignore[no-untyped-def]
    race = Race(straight_stage(), [slr])
    assert race.referee is None and race.penalty_s[0] == 0.0


def test_the_referee_asks_for_respawns_and_leaves_the_race_alone(slr) -> None:  # type: ignore[no-untyped-def]
    """``Referee.update`` returns the cars to respawn instead of moving them: the race's state
    is the same object before and after it; ``Race.step`` then puts the car back."""
    state = CarState.at_rest(np.array([100.0]), np.array([ROAD_Y + 48.0]), np.array([0.0]))
    race = Race(straight_stage(), [slr], state=state, rules="corsa")
    assert race.referee is not None
    asked: list[int] = []
    for _ in range(int(5.0 / race.dt)):
        race.step(Controls.single())
        if race.referee._off_s[0] >= OFF_ROUTE_AFTER_S - 1.5 * SLOW_CHECK_TICKS * race.dt:
            break  # the next 20 Hz check is due to ask for the respawn
    assert race.referee.respawns[0] == 0
    for _ in range(2 * SLOW_CHECK_TICKS):
        if asked:
            break
        prev, before = race.state, race.state.data.copy()
        race.tick += 1
        events, asked = race.referee.update(prev, [])
        assert race.state is prev and np.array_equal(race.state.data, before)
        assert not any(isinstance(e, Respawned) for e in events)
    assert asked == [0]
    events = race.respawn(0)
    assert race.state.y[0] == pytest.approx(ROAD_Y)
    assert race.referee.respawns[0] == 1 and any(isinstance(e, Respawned) for e in events)
