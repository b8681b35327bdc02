"""Shared fixtures. Every test runs headless: SDL gets its dummy video and audio drivers."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pytest

from millegame import catalog
from millegame.core.car import CarParams
from millegame.core.surfaces import SurfaceTable


@pytest.fixture(scope="session")
def surfaces() -> SurfaceTable:
    return catalog.load_surfaces()


@pytest.fixture(scope="session")
def cars() -> tuple[CarParams, ...]:
    return catalog.load_cars()


@pytest.fixture(scope="session")
def slr() -> CarParams:
    return catalog.load_car("mercedes-300-slr")
