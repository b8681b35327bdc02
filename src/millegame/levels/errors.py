"""The one error type the level loader raises."""

from __future__ import annotations


class StageError(Exception):
    """A ``.tmx`` stage cannot be used. The message is one line: which file, which
    layer or object, what is wrong and how to fix it."""


def object_label(obj_id: int, name: str | None, kind: str) -> str:
    """How messages name a Tiled object: ``object #12 "Iseo" (checkpoint)``."""
    return f'object #{obj_id} "{name or ""}" ({kind})'


# The exceptions a bug in the loader could raise on a file it did not foresee. They are
# turned into one StageError line (``unexpected_error``) so that a player never sees a
# traceback; the stage fuzzer (tools/fuzz_stages.py) fails on that message, so each one
# found gets a real check with a real message.
LOADER_BUGS: tuple[type[BaseException], ...] = (
    ArithmeticError, AttributeError, LookupError, MemoryError, RecursionError, TypeError, ValueError,
)  # fmt: skip


def unexpected_error(path: object, e: BaseException) -> str:
    return (
        f"{path}: unexpected problem while reading the map ({type(e).__name__}: {e}) — "
        "check it with `millegame check-level`, and please report it with the file"
    )
