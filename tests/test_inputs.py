"""Scripted inputs (``millegame sim --inputs``): the CSV format, its hold rules and its errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from millegame.core.inputs import InputSchedule, InputsError, read_inputs_csv


def write(tmp_path: Path, text: str, name: str = "inputs.csv") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def values(schedule: InputSchedule, tick: int) -> list[float]:
    return [float(a[0]) for a in schedule.controls_at(tick).arrays()]


def test_rows_hold_until_the_next_and_empty_cells_keep_the_previous_value(tmp_path: Path) -> None:
    path = write(tmp_path, "# a comment\ntick,throttle,brake,steer,handbrake\n\n1,1,0,0.25,0\n100,,0.5,,1\n")
    s = read_inputs_csv(path)
    assert values(s, 1) == values(s, 99) == [1.0, 0.0, 0.25, 0.0, 0.0]
    assert values(s, 100) == values(s, 10_000) == [1.0, 0.5, 0.25, 1.0, 0.0]


def test_before_the_first_row_everything_is_zero_and_tick_0_means_the_start(tmp_path: Path) -> None:
    late = read_inputs_csv(write(tmp_path, "tick,throttle,brake,steer\n50,1,0,0\n"))
    assert values(late, 49) == [0.0] * 5 and values(late, 50)[0] == 1.0
    zero = read_inputs_csv(write(tmp_path, "tick,throttle,brake,steer,shift\n0,0.5,0,0,1\n"))
    assert values(zero, 1) == [0.5, 0.0, 0.0, 0.0, 1.0]


def test_a_shift_applies_on_its_own_tick_only(tmp_path: Path) -> None:
    s = read_inputs_csv(write(tmp_path, "tick,throttle,brake,steer,shift\n1,1,0,0,0\n10,1,0,0,1\n20,1,0,0,-1\n"))
    shifts = [values(s, k)[4] for k in (9, 10, 11, 19, 20, 21)]
    assert shifts == [0.0, 1.0, 0.0, 0.0, -1.0, 0.0]


def test_other_columns_are_ignored_so_telemetry_drives_again(tmp_path: Path) -> None:
    s = read_inputs_csv(write(tmp_path, "tick,time_s,x_m,throttle,brake,steer,events\n1,0.0083,40,0.75,0,-0.5,\n"))
    assert values(s, 1)[:3] == [0.75, 0.0, -0.5]
    assert np.array_equal(s.ticks, [1])


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ("tick,throttle,steer\n1,1,0\n", 1, "missing: brake"),
        ("tick,throttle,brake,steer\n1,full,0,0\n", 2, "throttle 'full' is not a number"),
        ("tick,throttle,brake,steer\n1,1,0,0\n2,1.5,0,0\n", 3, "out of range"),
        ("tick,throttle,brake,steer\n1,1,0,0\n2,0,0,-2\n", 3, "steer -2 is out of range [-1, 1]"),
        ("tick,throttle,brake,steer\n5,1,0,0\n5,0,0,0\n", 3, "ticks must increase"),
        ("tick,throttle,brake,steer\n-1,1,0,0\n", 2, "whole number"),
        ("tick,throttle,brake,steer\n1,1,0\n", 2, "3 cells"),
        ("tick,throttle,brake,steer,shift\n1,1,0,0,2\n", 2, "shift must be -1, 0 or 1"),
        ("tick,throttle,brake,steer\n1,nan,0,0\n", 2, "finite"),
    ],
)
def test_a_bad_inputs_file_names_the_file_the_line_and_the_problem(
    tmp_path: Path, text: str, line: int, says: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(InputsError) as e:
        read_inputs_csv(path)
    assert str(e.value).startswith(f"{path}:{line}: ")
    assert says in str(e.value)


def test_an_empty_or_missing_inputs_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(InputsError, match="empty"):
        read_inputs_csv(write(tmp_path, "# nothing\n"))
    with pytest.raises(InputsError, match="no rows"):
        read_inputs_csv(write(tmp_path, "tick,throttle,brake,steer\n"))
    with pytest.raises(InputsError, match="cannot read"):
        read_inputs_csv(tmp_path / "nowhere.csv")
