"""Where the loader's checks send what they find: raise at once, or collect everything.

One set of checks serves two callers. ``load_stage`` wants the first real error as a
``StageError`` and nothing else; ``check-level`` wants *every* problem, including
lint (typos, a start on the grass) that a playable map may still have. The checks call

- ``report.error(text)`` — the map cannot become a Stage. Raises ``StageError`` in
  loading mode; in checking mode it is recorded and the checks carry on with what
  they can still look at.
- ``report.lint(text)`` — the map loads but is probably not what the designer meant.
  Ignored in loading mode, recorded in checking mode.
- ``report.unusable(text)`` — the file is not a usable map at all (not XML, an
  isometric map, zstd tiles …). Raises ``StageError`` in loading mode; in checking
  mode it is recorded, the caller may look for more such problems and then calls
  ``report.stop_if_unusable()``.
- ``report.stop()`` — in checking mode, give up after the errors recorded so far
  (nothing further can be checked, e.g. pytmx cannot parse the file).

Messages are one line, written without the file name (the report adds it):
``object #7 "Iseo" (checkpoint): needs an int property order — …``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NoReturn

from millegame.levels.errors import StageError


@dataclass(frozen=True)
class Problem:
    """One line of a check: ``text`` includes the file name."""

    text: str
    unusable: bool = False  # the file is not a usable stage at all
    lint: bool = False  # the loader would accept it


class UnusableError(Exception):
    """Checking mode: the file cannot be checked any further."""


@dataclass
class Report:
    where: str  # the file, as it should appear at the start of each line
    collect: bool = False  # False: raise at the first error (loading mode)
    problems: list[Problem] = field(default_factory=list)
    # Numbered lines already reported as unusable, as (type, trial, order): a check of the
    # series must not report their order as missing too (one mistake, one line).
    unplaced: set[tuple[str, str, int]] = field(default_factory=set)
    wrong_scale: bool = False  # px_per_m cannot be right (levels.lint): lengths in metres mean nothing

    def _line(self, text: str) -> str:
        return f"{self.where}: {text}"

    def error(self, text: str) -> None:
        if not self.collect:
            raise StageError(self._line(text))
        self.problems.append(Problem(self._line(text)))

    def lint(self, text: str) -> None:
        if self.collect:
            self.problems.append(Problem(self._line(text), lint=True))

    def unusable(self, text: str) -> None:
        if not self.collect:
            raise StageError(self._line(text))
        self.problems.append(Problem(self._line(text), unusable=True))

    def stop_if_unusable(self) -> None:
        if self.is_unusable:
            raise UnusableError("not a usable stage")

    def stop(self) -> NoReturn:
        """Give up (checking mode) after the errors recorded so far."""
        raise UnusableError("stopped")

    @property
    def has_errors(self) -> bool:
        return any(not p.lint for p in self.problems)

    @property
    def is_unusable(self) -> bool:
        return any(p.unusable for p in self.problems)
