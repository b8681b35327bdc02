"""The one error type the level loader raises."""

from __future__ import annotations


class StageError(Exception):
    """A ``.tmx`` stage cannot be used. The message is one line: which file, which
    layer or object, what is wrong and how to fix it."""


def object_label(obj_id: int, name: str | None, kind: str) -> str:
    """How messages name a Tiled object: ``object #12 "Iseo" (checkpoint)``."""
    return f'object #{obj_id} "{name or ""}" ({kind})'
