"""Shared fixtures. Every test runs headless (SDL's dummy video and audio drivers) and with
its own temporary data, config and cache directories."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
# Tests never touch the player's settings, saves or caches.
for _name in ("MILLEGAME_DATA_DIR", "MILLEGAME_CONFIG_DIR", "MILLEGAME_CACHE_DIR"):
    os.environ.setdefault(_name, tempfile.mkdtemp(prefix=f"{_name.lower()}-"))

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
