"""Every car reproduces its published figures (cars.md) from its physical inputs, and its
braking and cornering match its tyre era."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from millegame import catalog
from millegame.core.car import G
from millegame.core.proving import road_test

# ../shared/reference/cars.md, "Targets the proving ground must reproduce":
# car: (0–100 s, tolerance), (top km/h, tolerance), optional (0–200 s, tolerance)
TARGETS = {
    "alfa-6c-1750": ((14.0, 2.5), (147.5, 10.0), None),
    "mercedes-300-slr": ((6.0, 1.0), (285.0, 15.0), None),
    "ferrari-315-s": ((6.0, 1.0), (290.0, 15.0), None),
    "jaguar-xk120": ((10.5, 1.0), (200.0, 6.0), None),
    "porsche-550": ((10.0, 2.0), (220.0, 12.0), None),
    "lamborghini-huracan": ((3.0, 0.3), (325.0, 10.0), (9.9, 1.0)),
    "porsche-911-992": ((3.5, 0.3), (308.0, 8.0), (12.1, 1.0)),
}

# cars.md guidance on friction by tyre era: (lateral range, braking range). Braking μ is
# what the stopping distance implies; drums on the old cars may fall a little short.
ERA_MU = {
    "1930s cross-ply": ((0.6, 0.75), (0.55, 0.75)),
    "1950s road cross-ply": ((0.65, 0.85), (0.65, 0.85)),
    "1950s racing cross-ply": ((0.75, 0.9), (0.75, 0.92)),
    "modern radial": ((0.95, 1.12), (1.1, 1.25)),
}


@pytest.fixture(scope="module")
def results(surfaces):
    return {car.id: (car, road_test(car, surfaces)) for car in catalog.load_cars()}


def test_every_shipped_car_has_targets() -> None:
    assert set(TARGETS) == set(catalog.car_ids())


@pytest.mark.parametrize("car_id", sorted(TARGETS))
def test_acceleration_and_top_speed_match_the_published_figures(results, car_id: str) -> None:
    _, r = results[car_id]
    (t100, tol100), (top, tol_top), t200 = TARGETS[car_id]
    assert r.zero_to_100_s is not None and abs(r.zero_to_100_s - t100) <= tol100, r
    assert abs(r.top_speed_kmh - top) <= tol_top, r
    if t200 is not None:
        assert r.zero_to_200_s is not None and abs(r.zero_to_200_s - t200[0]) <= t200[1], r


@pytest.mark.parametrize("car_id", sorted(TARGETS))
def test_braking_and_cornering_match_the_tyre_era(results, car_id: str) -> None:
    car, r = results[car_id]
    (lat_lo, lat_hi), (brake_lo, brake_hi) = ERA_MU[car.tyre_era]
    implied_braking_mu = (100 / 3.6) ** 2 / (2 * G * r.braking_100_0_m)
    assert brake_lo <= implied_braking_mu <= brake_hi, (car.tyre_era, implied_braking_mu, r)
    assert lat_lo <= r.lateral_g <= lat_hi, (car.tyre_era, r)
    assert r.gravel_zero_to_100_s is not None and r.gravel_zero_to_100_s > r.zero_to_100_s


def test_off_the_road_the_classics_still_run_on_grass(results) -> None:
    # Issue 14: grass slows a car in proportion, it does not trap it. The slowest car
    # reaches 60 km/h on open grass, the 300 SLR 100 km/h; and grass is slower than the road.
    assert results["alfa-6c-1750"][1].grass_top_speed_kmh >= 60.0
    assert results["mercedes-300-slr"][1].grass_top_speed_kmh >= 100.0
    for _, r in results.values():
        assert r.grass_top_speed_kmh < r.top_speed_kmh, r


def test_car_test_cli_prints_the_json_keys() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "millegame", "car-test", "porsche-911-992", "--json"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) >= {
        "zero_to_100_s", "zero_to_200_s", "top_speed_kmh", "braking_100_0_m", "lateral_g", "gravel_zero_to_100_s",
        "grass_top_speed_kmh",
    }  # fmt: skip
    assert data["zero_to_200_s"] is not None
    assert data["grass_top_speed_kmh"] > 100.0
