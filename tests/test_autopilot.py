"""The autopilot finishes every shipped stage with every shipped car.

All cars drive in one Race (one vectorised step); cars do not collide with each other and a
batch of N equals N single runs bit for bit (tests/test_physics_basics.py), so this is the
same as N separate runs, in a fraction of the time.
"""

from __future__ import annotations

import numpy as np
import pytest

from millegame import catalog
from millegame.core import Race, WallHit
from millegame.core.autopilot import Autopilot
from millegame.levels import load_stage


@pytest.mark.parametrize("info", catalog.list_stages(), ids=lambda s: s.id)
def test_the_autopilot_finishes_the_stage_with_every_car(info, cars) -> None:
    stage = load_stage(info.path)
    race = Race(stage, list(cars))
    pilot = Autopilot(stage, race.params)
    hits = np.zeros(len(cars), dtype=int)
    while not race.all_finished and race.tick < 120 * 600:
        for e in race.step(pilot.controls(race)):
            if isinstance(e, WallHit) and not race.finished[e.car]:
                hits[e.car] += 1
    times = dict(zip((c.id for c in cars), race.finish_tick * race.dt, strict=True))
    assert race.all_finished, f"did not finish: {[c.id for c, f in zip(cars, race.finished, strict=False) if not f]}"
    assert all(len(s) == len(stage.checkpoints) for s in race.splits_s)
    assert hits.max() <= 2, dict(zip((c.id for c in cars), hits.tolist(), strict=False))
    # A 2014 Huracán is quicker than a 1930 Alfa on any stage.
    assert times["lamborghini-huracan"] < times["alfa-6c-1750"]
