"""Shipped stages are sources: a generator never overwrites a stage edited since it wrote it.

Every generator in ``tools/`` that writes a ``.tmx`` goes through ``write_generated_stage``.
It stamps the map with two properties,

- ``generated_by``: the generator (``tools/make_stages.py``), and
- ``generated_sha256``: the sha256 of the file as written, with this value left empty,

and before writing over an existing file it checks that the file is still byte for byte
what a generator wrote. A file edited since (in Tiled, by hand, or re-saved by Tiled,
which rewrites it) or one without the stamp is refused with a one-line reason naming the
file; ``force=True`` (the generators' ``--force``) replaces it anyway.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from xml.sax.saxutils import quoteattr

GENERATED_BY = "generated_by"
GENERATED_SHA256 = "generated_sha256"
_HASH = re.compile(r'(<property name="generated_sha256"[^>]*?value=")([0-9a-f]*)(")')
_MAP_TAG = re.compile(r"<map\b[^>]*>")


class RefusedOverwrite(SystemExit):
    """The stage on disk is a source now; the message says which file and why."""


def content_sha256(text: str) -> str | None:
    """The sha256 of a stamped file with its own hash left out, or None if it has no stamp."""
    if _HASH.search(text) is None:
        return None
    blank = _HASH.sub(lambda m: m.group(1) + m.group(3), text, count=1)
    return hashlib.sha256(blank.encode("utf-8")).hexdigest()


def changed_since_generated(path: Path) -> str | None:
    """Why ``path`` must not be overwritten, or None when it is missing or untouched since generated."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as e:
        return f"it cannot be read to see whether it was edited ({e})"
    m = _HASH.search(text)
    if m is None:
        return (
            f"it has no {GENERATED_SHA256} property, so it was not written by a generator (or the property was removed)"
        )
    if content_sha256(text) != m.group(2):
        return "it changed since the generator wrote it (edited or re-saved in Tiled)"
    return None


def stamp(text: str, generator: str) -> str:
    """The map text with ``generated_by`` and ``generated_sha256`` as its first map properties."""
    tag = _MAP_TAG.search(text)
    if tag is None:
        raise ValueError("not a Tiled map: no <map> element")
    props = (
        f' <property name="{GENERATED_BY}" value={quoteattr(generator)}/>\n'
        f' <property name="{GENERATED_SHA256}" value=""/>\n'
    )
    rest = text[tag.end() :]
    head = re.match(r"\s*<properties>\n?", rest)
    if head is not None:  # Tiled sorts properties by name; "generated_*" come before every shipped one
        body = text[: tag.end()] + rest[: head.end()] + " " + props.replace("\n ", "\n  ") + rest[head.end() :]
    else:
        body = text[: tag.end()] + "\n <properties>\n " + props.replace("\n ", "\n  ") + " </properties>" + rest
    digest = content_sha256(body)
    assert digest is not None
    return _HASH.sub(lambda m: m.group(1) + digest + m.group(3), body, count=1)


def refuse_if_edited(path: Path, generator: str, *, force: bool = False) -> None:
    """``RefusedOverwrite`` if ``path`` was edited since a generator wrote it (and not ``force``):
    a generator asks before the minute it takes to build the stage, and again as it writes."""
    why = None if force else changed_since_generated(path)
    if why is not None:
        raise RefusedOverwrite(
            f"{generator}: not overwriting {path}: {why} — it is a source now: keep the edit "
            "(and change the generator to match), or run again with --force to replace it"
        )


def write_generated_stage(path: Path, text: str, generator: str, *, force: bool = False) -> None:
    """Write a generated stage to ``path``, stamped, unless the file there was edited since
    a generator wrote it (then ``RefusedOverwrite``, unless ``force``)."""
    refuse_if_edited(path, generator, force=force)
    path.write_text(stamp(text, generator), encoding="utf-8")
