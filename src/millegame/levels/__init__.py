"""Stages from Tiled ``.tmx`` files: ``load_stage(path) -> Stage`` (format: docs/levels.md).

May import pytmx (without pygame, see ``levels.tmx.import_pytmx``) and core; never the UI.
"""

from __future__ import annotations

import os
from pathlib import Path

from millegame.core.stage import Stage
from millegame.core.surfaces import SurfaceTable
from millegame.levels.errors import LOADER_BUGS, StageError, unexpected_error

__all__ = ["StageError", "check_paths", "load_stage"]


def check_paths(paths: list[Path], *, drive: bool = False) -> int:
    """``millegame check-level``: see ``millegame.levels.check.check_paths``."""
    from millegame.levels.check import check_paths as run

    return run(paths, drive=drive)


def load_stage(path: str | os.PathLike[str], surfaces: SurfaceTable | None = None) -> Stage:
    """Load a stage in metres from a ``.tmx`` file.

    ``surfaces`` defaults to the shipped table (``assets/surfaces.toml``). Raises
    ``StageError`` with a one-line message naming the file and the fix.
    """
    from millegame.levels.build import build_stage
    from millegame.levels.tmx import read_tmx

    if surfaces is None:
        from millegame.catalog import load_surfaces

        surfaces = load_surfaces()
    try:
        stage = build_stage(read_tmx(Path(path)), surfaces)
    except StageError:
        raise
    except LOADER_BUGS as e:
        raise StageError(unexpected_error(path, e)) from e
    if stage is None:  # cannot happen: in loading mode every error raises
        raise StageError(f"{path}: not a usable stage")
    return stage
