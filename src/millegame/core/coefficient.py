"""The car coefficient of the modern Mille Miglia and the classic / Tribute split.

    coefficient = 1 + period factor + class factor − category factor + bonus

- period factor: 0.80 for a 1927 car, falling linearly to 0.10 for a 1957 car (clamped
  outside those years) — older cars score more;
- class factor by displacement: ≤ 750 cc 0.25, ≤ 1100 cc 0.10, above 0 — smaller cars score more;
- category factor: Sport 0, Gran Turismo 0.10, Touring 0.20;
- bonus: +0.10 if that very chassis raced the original race, +0.05 if it was entered.

Rounded to the hundredth. The factors reproduce the reference's examples: a 1927 OM
Superba (1,991 cc, Sport) gets 1 + 0.80 = 1.80; a 1957 Fiat 750 GT Zagato (747 cc, Gran
Turismo) gets 1 + 0.10 + 0.25 − 0.10 = 1.25. Modern cars ("Tribute" class) carry no
coefficient: 1.00.
"""

from __future__ import annotations

from millegame.core.car import CarParams

FIRST_YEAR, LAST_YEAR = 1927, 1957
PERIOD_FIRST, PERIOD_LAST = 0.80, 0.10
CLASS_FACTORS = ((750, 0.25), (1100, 0.10))  # (up to cc, factor); above the last: 0
CATEGORY_FACTORS = {"Sport": 0.0, "Gran Turismo": 0.10, "Touring": 0.20, "Turismo": 0.20}
BONUS_RACED, BONUS_ENTERED = 0.10, 0.05

CLASSIC, TRIBUTE = "classic", "tribute"


def period_factor(year: int) -> float:
    y = min(max(year, FIRST_YEAR), LAST_YEAR)
    return PERIOD_FIRST + (PERIOD_LAST - PERIOD_FIRST) * (y - FIRST_YEAR) / (LAST_YEAR - FIRST_YEAR)


def class_factor(displacement_cc: int) -> float:
    for up_to, factor in CLASS_FACTORS:
        if displacement_cc <= up_to:
            return factor
    return 0.0


def coefficient_of(
    year: int, displacement_cc: int, category: str, *, raced: bool = False, entered: bool = False
) -> float:
    """The coefficient of a classic car; see the module docstring for the factors."""
    if category not in CATEGORY_FACTORS:
        raise ValueError(f"unknown category {category!r}: one of {', '.join(CATEGORY_FACTORS)}")
    bonus = BONUS_RACED if raced else BONUS_ENTERED if entered else 0.0
    value = 1.0 + period_factor(year) + class_factor(displacement_cc) - CATEGORY_FACTORS[category] + bonus
    return round(value, 2)


def classification_of(car: CarParams) -> str:
    """``"classic"`` for cars of models that ran the original race, ``"tribute"`` for modern ones."""
    return TRIBUTE if car.era == "modern" else CLASSIC


def car_coefficient(car: CarParams, *, raced: bool = False, entered: bool = False) -> float:
    """The coefficient that multiplies the car's regularity score (1.00 for Tribute cars)."""
    if classification_of(car) == TRIBUTE:
        return 1.0
    return coefficient_of(car.year, car.displacement_cc, car.category, raced=raced, entered=entered)
