"""``Route.nearest`` (compiled) finds the same route point as the numpy search it replaced."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from millegame.core.route import NEAREST_BACK, Route

ROUTE = Route.of(np.cumsum(np.random.default_rng(3).normal(size=(200, 2)) * 10.0, axis=0))


def numpy_nearest(route: Route, x: np.ndarray, y: np.ndarray, hint: np.ndarray, window: int) -> np.ndarray:
    """The numpy version: every candidate at once, ``argmin`` (the first of equals)."""
    idx = np.clip(hint[:, None] + np.arange(-NEAREST_BACK, window)[None, :], 0, len(route.points) - 1)
    d2 = (route.points[idx, 0] - x[:, None]) ** 2 + (route.points[idx, 1] - y[:, None]) ** 2
    return idx[np.arange(len(x)), np.argmin(d2, axis=1)]


@settings(deadline=None)  # the first example compiles the kernel (or loads it from the cache)
@given(
    xy=st.lists(st.tuples(st.floats(-300, 300), st.floats(-300, 300)), min_size=1, max_size=6),
    hint=st.integers(-5, len(ROUTE.points) + 5),
    window=st.sampled_from([1, 6, 80]),
)
def test_nearest_matches_the_numpy_search(xy: list[tuple[float, float]], hint: int, window: int) -> None:
    x, y = np.array(xy).T.copy()
    hints = np.clip(np.full(len(x), hint), 0, len(ROUTE.points) - 1)
    np.testing.assert_array_equal(ROUTE.nearest(x, y, hints, window), numpy_nearest(ROUTE, x, y, hints, window))


def test_nearest_takes_strided_columns() -> None:
    xy = np.array([[10.0, 5.0, 0.0], [40.0, -20.0, 0.0]])
    hint = np.zeros(2, dtype=np.int64)
    np.testing.assert_array_equal(
        ROUTE.nearest(xy[:, 0], xy[:, 1], hint, 80), numpy_nearest(ROUTE, xy[:, 0], xy[:, 1], hint, 80)
    )
