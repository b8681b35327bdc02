"""The field: period crews to beat, simulated headless in one race.

``make_field(cars, n)`` draws ``n`` crews from a seeded generator (names, a car from the
shipped classic list, a class, a skill in [0, 1]) and gives them numbers as in the
original race from 1949: the number is the start time on the clock (``HMM``/``HHMM``),
one car a minute from ``FIRST_START`` (21:00) the evening before, the small slow cars
first and the big works cars last — so car #722 starts at 07:22.

``run_field(stage, crews)`` drives them all in **one** ``Race`` (one array, one step per
tick; cars do not collide with each other), each at its skill's autopilot pace, and
classifies them. Crews with the same car and the same (quantised) pace would drive the
very same deterministic run, so each such pair is simulated once and its result shared —
bit-identical to simulating every crew (tested), and what lets 450 crews run in seconds.
Under Regolarità crews drive with the regularity driver, sorted into ten skill grades; a
grade sets the pace and the size of a systematic timing error, early or late per crew;
ranks are by score.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

from millegame.core.autopilot import Autopilot
from millegame.core.car import CarParams, Controls
from millegame.core.coefficient import classification_of
from millegame.core.race import Race
from millegame.core.referee import CORSA, REGOLARITA
from millegame.core.regpilot import RegularityPilot
from millegame.core.stage import Stage

FIRST_START = (21, 0)  # the first car leaves Brescia at 21:00
PACE_MIN, PACE_MAX = 0.72, 0.94  # autopilot pace of the weakest and the best crew
PACE_STEP = 0.01  # skills are quantised to this pace step (see the module docstring)
ERROR_MAX_S = 0.6  # regularity: the weakest crew's systematic timing error [s]
REGULARITY_SKILL_STEP = 0.1  # regularity crews are sorted into ten skill grades
FIELD_SEED = 1957

FIRST_NAMES = (
    "Alberto", "Bruno", "Carlo", "Dario", "Enzo", "Franco", "Giulio", "Luigi", "Mario", "Nino",
    "Piero", "Renzo", "Sergio", "Tazio", "Umberto", "Vittorio", "Achille", "Clemente", "Felice",
    "Giovanni", "Lorenzo", "Olivier", "Hans", "Peter", "Juan", "Maria", "Gilberta", "Anna",
)  # fmt: skip
SURNAMES = (
    "Rossi", "Bianchi", "Ferrari", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo",
    "Conti", "De Luca", "Costa", "Giordano", "Mancini", "Rizzo", "Lombardi", "Moretti",
    "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli",
    "Martini", "Leone", "Longo", "Gentile", "Martinelli", "Vitale", "Serra", "Coppola",
    "De Santis", "Marchetti", "Parisi", "Villa", "Conte", "Ferraro", "Fabbri", "Bassi",
    "Sala", "Pellegrini", "Palumbo", "Sanna", "Farina", "Rizzi", "Monti", "Cattaneo", "Morelli",
    "Amato", "Silvestri", "Mazza", "Testa", "Grassi", "Pellegrino", "Carbone", "Giuliani",
    "Benedetti", "Barone", "Rossetti", "Caputo", "Montanari", "Guerra", "Palmieri", "Bernardi",
    "Martino", "Fiore", "De Rosa", "Ferretti", "Bellini", "Basile", "Riva", "Donati", "Piras",
)  # fmt: skip


@dataclass(frozen=True)
class Crew:
    number: int  # = start time HMM on the clock (from 1949 on)
    start_min: int  # minutes after FIRST_START
    driver: str
    navigator: str
    car_id: str
    car_name: str
    car_class: str
    era: str  # classic or tribute (classification)
    skill: float  # [0, 1]

    @property
    def crew(self) -> str:
        return f"{self.driver} / {self.navigator}"


@dataclass(frozen=True)
class FieldEntry:
    """One crew's stage result; ``time_s`` None = did not finish. ``rank`` within its classification."""

    number: int
    crew: str
    car: str
    car_class: str
    classification: str
    time_s: float | None
    penalty_s: float
    penalty_points: int
    coefficient: float
    score: float | None
    rank: int

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def start_number(start_min: int) -> int:
    """The race number of a car leaving ``start_min`` minutes after 21:00: its start time HMM."""
    h, m = divmod(FIRST_START[0] * 60 + FIRST_START[1] + start_min, 60)
    return (h % 24) * 100 + m


def car_class(car: CarParams) -> str:
    """Class by category and displacement, as the original race: e.g. "Sport 1500", "Sport +2000"."""
    for limit in (750, 1100, 1500, 2000):
        if car.displacement_cc <= limit:
            return f"{car.category} {limit}"
    return f"{car.category} +2000"


def make_field(cars: list[CarParams] | tuple[CarParams, ...], n: int, seed: int = FIELD_SEED) -> tuple[Crew, ...]:
    """``n`` period crews in start order (classic cars only when there are any)."""
    if not 1 <= n <= 2000:
        raise ValueError(f"a field has 1 to 2000 crews, not {n}")
    pool = [c for c in cars if c.era == "classic"] or list(cars)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(pool), n)
    skills = rng.beta(2.5, 2.0, n)
    first = rng.integers(0, len(FIRST_NAMES), (n, 2))
    last = rng.integers(0, len(SURNAMES), (n, 2))
    # Start order: small displacement first; within a class, a stable random order.
    order = sorted(range(n), key=lambda i: (pool[picks[i]].displacement_cc, pool[picks[i]].id, i))
    crews = []
    for minute, i in enumerate(order):
        car = pool[int(picks[i])]
        crews.append(
            Crew(
                number=start_number(minute),
                start_min=minute,
                driver=f"{FIRST_NAMES[first[i, 0]]} {SURNAMES[last[i, 0]]}",
                navigator=f"{FIRST_NAMES[first[i, 1]]} {SURNAMES[last[i, 1]]}",
                car_id=car.id,
                car_name=car.name,
                car_class=car_class(car),
                era=classification_of(car),
                skill=round(float(skills[i]), 3),
            )
        )
    return tuple(crews)


def crew_pace(skill: float) -> float:
    """Autopilot pace of a crew of ``skill`` ∈ [0, 1], quantised to ``PACE_STEP``."""
    raw = PACE_MIN + (PACE_MAX - PACE_MIN) * skill
    return round(round(raw / PACE_STEP) * PACE_STEP, 4)


def crew_timing_error_s(crew: Crew) -> float:
    """Regularity: a crew's systematic timing error [s] (late > 0). Its size comes from
    the crew's skill grade (``REGULARITY_SKILL_STEP``), early or late from its number."""
    grade = round(crew.skill / REGULARITY_SKILL_STEP) * REGULARITY_SKILL_STEP
    late = np.random.default_rng((FIELD_SEED, crew.number)).random() < 0.5
    return round((1.0 if late else -1.0) * ERROR_MAX_S * (1.0 - grade), 3)


def crew_key(crew: Crew, rules: str) -> tuple[str, float, float]:
    """What decides a crew's run: (car id, autopilot pace, timing error [s]). Crews with
    the same key drive the same run. Under Regolarità the pace is the skill grade's."""
    if rules == REGOLARITA:
        grade = round(crew.skill / REGULARITY_SKILL_STEP) * REGULARITY_SKILL_STEP
        return crew.car_id, crew_pace(grade), crew_timing_error_s(crew)
    return crew.car_id, crew_pace(crew.skill), 0.0


def run_field(
    stage: Stage,
    crews: tuple[Crew, ...] | list[Crew],
    cars: dict[str, CarParams],
    *,
    rules: str = CORSA,
    max_time_s: float = 900.0,
    dedupe: bool = True,
) -> list[FieldEntry]:
    """Simulate the crews on ``stage`` in one race and return the classification."""
    keys = [crew_key(c, rules) for c in crews]
    unique = sorted(set(keys)) if dedupe else keys
    slot = {k: i for i, k in enumerate(unique)} if dedupe else None
    race = Race(stage, [cars[k[0]] for k in unique], rules=rules, auto_respawn=True)
    pace = np.array([k[1] for k in unique])
    if rules == REGOLARITA:
        drive = RegularityPilot(race, pace=pace, timing_error_s=np.array([k[2] for k in unique])).controls
    else:
        drive = Autopilot(stage, race.params, pace=pace).controls
    max_ticks = round(max_time_s / race.dt)
    while not race.all_finished and race.tick < max_ticks:
        c: Controls = drive(race)
        race.step(c)
    ref = race.referee
    assert ref is not None
    rows = []
    for i, crew in enumerate(crews):
        j = slot[keys[i]] if slot is not None else i
        done = race.finish_tick[j] >= 0
        rows.append(
            dict(
                number=crew.number,
                crew=crew.crew,
                car=crew.car_name,
                car_class=crew.car_class,
                classification=crew.era,
                time_s=round(float(race.finish_tick[j] * race.dt), 3) if done else None,
                penalty_s=float(ref.penalty_s[j]),
                penalty_points=int(ref.penalty_points[j]),
                coefficient=float(ref.coefficient[j]),
                score=ref.score(j),
            )
        )
    return classify(rows, rules)


def classify(rows: list[dict], rules: str) -> list[FieldEntry]:  # type: ignore[type-arg]
    """Rank rows within each classification: Corsa by score = time + penalties (lower
    first), Regolarità by score (higher first); non-finishers last; ties by number."""

    def key(r: dict) -> tuple:  # type: ignore[type-arg]
        if r["score"] is None:
            return (1, 0.0, r["number"])
        return (0, r["score"] if rules == CORSA else -r["score"], r["number"])

    out: list[FieldEntry] = []
    ranks: dict[str, int] = {}
    for r in sorted(rows, key=key):
        cls = r["classification"]
        ranks[cls] = ranks.get(cls, 0) + 1
        out.append(FieldEntry(**r, rank=ranks[cls]))
    return out
