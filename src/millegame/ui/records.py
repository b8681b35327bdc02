"""Best times of this session, per stage, car and rule set (in memory; issue 5 adds the
database). The HUD compares splits against them; results record new ones."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class BestRun:
    time_s: float
    splits_s: tuple[float, ...]


@dataclass
class SessionBests:
    runs: dict[tuple[str, str, str], BestRun] = field(default_factory=dict)

    def best(self, stage_id: str, car_id: str, rules: str = "corsa") -> BestRun | None:
        return self.runs.get((stage_id, car_id, rules))

    def record(
        self, stage_id: str, car_id: str, time_s: float, splits_s: tuple[float, ...], rules: str = "corsa"
    ) -> bool:
        """Keep the run if it is the best so far; returns whether it was."""
        key = (stage_id, car_id, rules)
        old = self.runs.get(key)
        if old is None or time_s < old.time_s:
            self.runs[key] = BestRun(time_s, tuple(splits_s))
            return True
        return False


def split_delta(best: BestRun | None, index: int, split_s: float) -> float | None:
    """Split minus the best run's split at the same checkpoint (negative = faster)."""
    if best is None or index >= len(best.splits_s):
        return None
    return split_s - best.splits_s[index]


def format_delta(delta_s: float) -> str:
    """ "−0.42" / "+1.07" to the hundredth (truncated, as timing is)."""
    sign = "-" if delta_s < 0 else "+"
    cs = int(abs(delta_s) * 100 + 1e-6)
    return f"{sign}{cs // 100}.{cs % 100:02d}"
