"""Where shipped data lives, for a source checkout and for an installed wheel.

An installed wheel carries ``assets/`` and ``levels/`` inside the package as
``millegame/data/assets`` and ``millegame/data/levels`` (see pyproject.toml); a source
checkout (editable install, or running from the tree) keeps them at the top of the repo.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_root() -> Path:
    """The directory that holds ``assets/`` and ``levels/``."""
    # A checkout wins, so an editable install always sees the files being edited.
    checkout = _PACKAGE_DIR.parent.parent  # src/millegame -> repo top
    if (checkout / "levels").is_dir() and (checkout / "pyproject.toml").is_file():
        return checkout
    installed = _PACKAGE_DIR / "data"
    if (installed / "levels").is_dir():
        return installed
    raise FileNotFoundError(
        f"millegame's data (assets/ and levels/) was not found next to {_PACKAGE_DIR}; "
        "reinstall the package (pip install .)"
    )


def assets_dir() -> Path:
    return data_root() / "assets"


def levels_dir() -> Path:
    return data_root() / "levels"
