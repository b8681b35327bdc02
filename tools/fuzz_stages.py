"""Stage fuzzing: seeded mutants of the shipped stages, driven through the CLI.

    python tools/fuzz_stages.py --cases 20000 [--seed 1] [--commands check-level,sim,play]
                                [--bases tiny|prologo,…] [--play-valid]

Every case is a directory holding ``stage.tmx`` and ``tilesets/terrain.tsx`` (a copy, so
that its image is looked for beside it) + ``terrain.png`` (a link to the shipped file
unless the case mutates it). A mutant
comes from one shipped stage by one to three operators: byte truncation, bit flips,
binary junk, map/object/property attribute values of the wrong type or size, removed
or duplicated objects and layers, broken tile data (encodings, compression, bombs),
missing or broken tilesets and tileset images, tileset image sizes (``<image width/height>``
in the ``.tsx`` and in a tileset embedded in the map; PNG headers claiming 30000 × 30000
px, a whole PNG one pixel over the limit, GIF/BMP/JPEG headers), stray files beside the
tileset (a ``.tsx`` the map does not name with a broken tile id, a FIFO) and a tileset path
that is a symlink loop, bad text encodings, XML bombs (billion laughs, deep nesting,
external entities) and a directory in place of a file.

``run_case`` calls ``millegame.cli.main`` in-process for each command, exactly as the
``millegame`` entry point does, and returns an ``Outcome`` per command; ``problems_of``
says what is wrong with an outcome: an exit code outside the documented set, a
traceback (any exception escaping ``main``), a message that does not name the file,
or a case that ran past its time bound. ``tests/test_fuzz_stages.py`` runs a sample in
CI; this script runs a campaign and prints the figures (docs/reliability.md).
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import gzip
import io
import os
import random
import re
import resource
import shutil
import signal
import struct
import sys
import tempfile
import time
import traceback
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LEVELS = REPO / "levels"
TSX = LEVELS / "tilesets" / "terrain.tsx"
PNG = LEVELS / "tilesets" / "terrain.png"
MAP_NAME = "stage.tmx"
TSX_NAME = "tilesets/terrain.tsx"
PNG_NAME = "tilesets/terrain.png"
CAR = "alfa-6c-1750"  # a shipped car; any would do
# What each command may return (README, docs/levels.md): check-level 0 valid / 1 problems /
# 2 unusable; sim 0 finished / 1 did not finish / 2 unusable; play 0 / 2.
ALLOWED_EXITS = {"check-level": {0, 1, 2}, "sim": {0, 1, 2}, "play": {0, 2}, "replay": {0, 1, 2}}
CASE_TIME_LIMIT_S = 20.0  # per command; a parse of the largest shipped stage takes ~0.1 s
UNEXPECTED = "unexpected"  # the loader's last-resort message (levels.errors): a bug found

# Values of the wrong type, sign or size for numeric and text attributes.
BAD_VALUES = (
    "", "-1", "0", "1", "-0", "3.5", "1e9", "1000000000", "99999999999999999999999", "1e400", "nan", "inf",
    "-inf", "abc", "0x10", " 7", "7 ", "٣", "²", "true", "é", "1,5", "-99999", "4294967296", "&amp;", "&#0;",
)  # fmt: skip
BAD_POINTS = (
    "", "0,0", "nan,nan 1,1", "0,0 inf,0", "1e308,1e308 -1e308,-1e308", "a,b c,d", "0,0 0,0 0,0", "0,0,0 1",
    "0,0 1e-300,0", " ", "0;0 1;1", "-5,-5 -10,-10",
)  # fmt: skip
KINDS = ("start", "checkpoint", "finish", "route", "wall", "timing", "decor", "", "Start", "finish ")


@dataclass(frozen=True)
class Case:
    """One mutant: ``files`` maps a path in the case directory to its bytes, or to None for
    a directory in its place; files not named are links to the shipped ones."""

    seed: int
    base: str
    mutations: tuple[str, ...]
    files: dict[str, bytes | None]

    @property
    def label(self) -> str:
        return f"seed {self.seed} ({self.base}: {' + '.join(self.mutations)})"


@dataclass
class Outcome:
    command: str
    code: int | None  # None: an exception escaped, or the time ran out
    out: str
    err: str
    seconds: float
    crash: str = ""  # the traceback, if any
    timed_out: bool = False


@dataclass
class Base:
    name: str
    text: str  # the map as text (shipped maps are UTF-8)
    tsx: str = field(default_factory=lambda: TSX.read_text(encoding="utf-8"))


class CaseTimeoutError(Exception):
    pass


# ---------------------------------------------------------------------------- text helpers


def tags(text: str, name: str) -> list[re.Match[str]]:
    """Start tags ``<name …>`` (self-closing or not)."""
    return list(re.finditer(rf"<{name}\b[^>]*>", text))


def set_attr(tag: str, attr: str, value: str | None) -> str:
    """The tag with ``attr`` set to ``value`` (None: removed); added when missing."""
    pat = re.compile(rf'\s{attr}="[^"]*"')
    if value is None:
        return pat.sub("", tag, count=1)
    if pat.search(tag):
        return pat.sub(lambda _m: f' {attr}="{value}"', tag, count=1)
    end = -2 if tag.endswith("/>") else -1
    return f'{tag[:end]} {attr}="{value}"{tag[end:]}'


def replace_span(text: str, m: re.Match[str], new: str) -> str:
    return text[: m.start()] + new + text[m.end() :]


def elements(text: str, name: str) -> list[tuple[int, int]]:
    """Spans of whole ``<name>…</name>`` or self-closing ``<name …/>`` elements (not nested)."""
    spans = []
    for m in re.finditer(rf"<{name}\b[^>]*?(/>|>.*?</{name}>)", text, flags=re.S):
        spans.append((m.start(), m.end()))
    return spans


# ---------------------------------------------------------------------------- operators
# Each takes (rng, text of the map, case files so far) and returns the new map text (or
# bytes) and a short description. Operators on the tileset or its image write ``files``.

Files = dict[str, bytes | None]
Op = Callable[[random.Random, str, Files, Base], tuple[str | bytes, str]]


def op_truncate(rng: random.Random, text: str, files: Files, base: Base) -> tuple[str | bytes, str]:
    data = text.encode("utf-8")
    cut = rng.randrange(0, len(data))
    return data[:cut], f"truncated at byte {cut}"


def op_bitflip(rng: random.Random, text: str, files: Files, base: Base) -> tuple[str | bytes, str]:
    data = bytearray(text.encode("utf-8"))
    n = rng.choice((1, 2, 8, 64))
    for _ in range(n):
        i = rng.randrange(len(data))
        data[i] ^= 1 << rng.randrange(8)
    return bytes(data), f"{n} bit flips"


def op_junk(rng: random.Random, text: str, files: Files, base: Base) -> tuple[str | bytes, str]:
    kind = rng.choice(("random", "empty", "spaces", "nul", "splice", "prefix"))
    if kind == "random":
        return rng.randbytes(rng.choice((1, 16, 4096, 100_000))), "random bytes"
    if kind == "empty":
        return b"", "empty file"
    if kind == "spaces":
        return b" \n\t" * 10, "whitespace only"
    if kind == "nul":
        return b"\x00" * 1000, "NUL bytes"
    data = text.encode("utf-8")
    i = rng.randrange(len(data)) if kind == "splice" else 0
    return data[:i] + rng.randbytes(rng.randrange(1, 64)) + data[i:], f"junk inserted at byte {i}"


def op_map_attr(rng: random.Random, text: str, files: Files, base: Base) -> tuple[str | bytes, str]:
    found = tags(text, "map")
    if not found:  # an earlier operator removed it
        return text, "no <map> left"
    m = found[0]
    attr = rng.choice(("width", "height", "tilewidth", "tileheight", "orientation", "infinite", "backgroundcolor",
                       "renderorder", "version"))  # fmt: skip
    value = None if rng.random() < 0.2 else rng.choice((*BAD_VALUES, "isometric", "#zzzzzz", "#12345"))
    return replace_span(text, m, set_attr(m.group(0), attr, value)), f"map {attr}={value!r}"


def op_map_huge(rng: random.Random, text: str, files: Files, base: Base) -> tuple[str | bytes, str]:
    """A huge map size, with or without its tile layers."""
    found = tags(text, "map")
    if not found:  # an earlier operator removed it
        return text, "no <map> left"
    m = found[0]
    size = rng.choice(("1000000000", "100000", "65536", "4294967296"))
    tag = set_attr(set_attr(m.group(0), "width", size), "height", size)
    text = replace_span(text, m, tag)
    if rng.random() < 0.5:
        for a, b in reversed(elements(text, "layer")):
            text = text[:a] + text[b:]
        return text, f"map {size} × {size} tiles, no tile layers"
    return text, f"map {size} × {size} tiles"


def op_property(rng: random.Random, text: str, files: Files, base: Base) -> tuple[str | bytes, str]:
    props = tags(text, "property")
    if not props:
        return text, "no property to change"
    m = rng.choice(props)
    how = rng.choice(("value", "type", "name", "remove", "duplicate"))
    tag = m.group(0)
    if how == "value":
        v = rng.choice(BAD_VALUES)
        return replace_span(text, m, set_attr(tag, "value", v)), f"property value={v!r}"
    if how == "type":
        t = rng.choice(("int", "float", "bool", "color", "file", "object", "class", "nonsense"))
        return replace_span(text, m, set_attr(tag, "type", t)), f"property type={t}"
    if how == "name":
        n = rng.choice(("width", "id", "name", "px_per_m", "par_time_s", "", "order", "surface", "solid"))
        return replace_span(text, m, set_attr(tag, "name", n)), f"property name={n!r}"
    if how == "remove":
        return replace_span(text, m, ""), "property removed"
    dup = set_attr(tag, "value", rng.choice(BAD_VALUES))
    return replace_span(text, m, tag + dup), "property duplicated with another value"


def op_object(rng: random.Random, text: str, files: Files, base: Base) -> tuple[str | bytes, str]:
    objs = tags(text, "object")
    if not objs:
        return text, "no object"
    m = rng.choice(objs)
    attr = rng.choice(("x", "y", "width", "height", "rotation", "id", "type", "name", "gid"))
    if attr == "type":
        value: str | None = rng.choice(KINDS)
    else:
        value = None if rng.random() < 0.2 else rng.choice(BAD_VALUES)
    return replace_span(text, m, set_attr(m.group(0), attr, value)), f"object {attr}={value!r}"


def op_objects(rng: random.Random, text: str, files: Files, base: Base) -> tuple[str | bytes, str]:
    """Remove, duplicate, multiply or contradict whole objects."""
    spans = elements(text, "object")
    if not spans:
        return text, "no object"
    a, b = rng.choice(spans)
    obj = text[a:b]
    how = rng.choice(("remove", "duplicate", "duplicate-new-id", "contradict", "many", "remove-all"))
    if how == "remove":
        return text[:a] + text[b:], "object removed"
    if how == "remove-all":
        for a2, b2 in reversed(spans):
            text = text[:a2] + text[b2:]
        return text, "every object removed"
    if how == "duplicate":
        return text[:b] + obj + text[b:], "object duplicated (same id)"
    if how == "duplicate-new-id":
        return text[:b] + re.sub(r'id="\d+"', 'id="9999"', obj, count=1) + text[b:], "object duplicated"
    if how == "contradict":  # the same object id with another type, elsewhere
        other = re.sub(r'type="[^"]*"', f'type="{rng.choice(KINDS)}"', obj, count=1)
        other = re.sub(r'x="[^"]*"', f'x="{rng.uniform(-1e4, 1e5):.1f}"', other, count=1)
        return text[:b] + other + text[b:], "object contradicted"
    n = rng.choice((100, 3000))
    return text[:b] + obj * n + text[b:], f"object repeated {n} times"


def op_points(rng: random.Random, text: str, files: Files, base: Base) -> tuple[str | bytes, str]:
    polys = list(re.finditer(r'<(polyline|polygon) points="[^"]*"', text))
    if not polys:
        return text, "no polyline"
    m = rng.choice(polys)
    pts = rng.choice(BAD_POINTS)
    return replace_span(text, m, f'<{m.group(1)} points="{pts}"'), f"{m.group(1)} points={pts!r}"


def op_layer(rng: random.Random, text: str, files: Files, base: Base) -> tuple[str | bytes, str]:
    spans = elements(text, "layer")
    if not spans:
        return text, "no tile layer"
    a, b = rng.choice(spans)
    layer = text[a:b]
    how = rng.choice(("remove", "rename", "duplicate", "size", "no-data"))
    if how == "remove":
        return text[:a] + text[b:], "tile layer removed"
    if how == "rename":
        name = rng.choice(("", "Ground", "above", "ground", "décor"))
        renamed = re.sub(r'name="[^"]*"', f'name="{name}"', layer, count=1)
        return text[:a] + renamed + text[b:], f"layer renamed {name!r}"
    if how == "duplicate":
        return text[:b] + layer + text[b:], "tile layer duplicated"
    if how == "size":
        v = rng.choice(BAD_VALUES)
        return text[:a] + re.sub(r'width="[^"]*"', f'width="{v}"', layer, count=1) + text[b:], f"layer width={v!r}"
    return text[:a] + re.sub(r"<data.*</data>", "", layer, flags=re.S) + text[b:], "tile layer without <data>"


def op_tile_data(rng: random.Random, text: str, files: Files, base: Base) -> tuple[str | bytes, str]:
    """Re-encode or break one layer's tile data."""
    datas = list(re.finditer(r'<data encoding="csv">(.*?)</data>', text, flags=re.S))
    if not datas:
        return text, "no csv data"
    m = rng.choice(datas)
    gids = [int(v) for v in m.group(1).split(",") if v.strip().isdigit()]  # an earlier operator may have broken some
    if not gids:
        return text, "no tile data left"
    raw = b"".join((g & 0xFFFFFFFF).to_bytes(4, "little") for g in gids)  # an earlier operator: gids past 2^32
    how = rng.choice(("csv-junk", "csv-short", "csv-long", "csv-huge", "csv-negative", "csv-flip", "b64", "b64-bad",
                      "zlib", "zlib-bad", "gzip", "gzip-bad", "zstd", "other", "bomb", "csv-gid", "xml"))  # fmt: skip

    def data(enc: str, body: str, comp: str | None = None) -> str:
        c = f' compression="{comp}"' if comp else ""
        return f'<data encoding="{enc}"{c}>{body}</data>'

    csv = m.group(1)
    if how == "csv-junk":
        i = rng.randrange(len(csv))
        new = data("csv", csv[:i] + rng.choice(("x", ",,", ";", "-", "1.5", "\u00e9")) + csv[i:])
    elif how == "csv-short":
        new = data("csv", ",".join(map(str, gids[: rng.randrange(len(gids))])))
    elif how == "csv-long":
        new = data("csv", csv + ",1" * rng.choice((1, 1000)))
    elif how == "csv-huge":
        new = data("csv", csv.replace("5", rng.choice(("99999999999999999999", "4294967295", "1e10")), 1))
    elif how == "csv-negative":
        new = data("csv", csv.replace("5", "-5", 1))
    elif how == "csv-flip":
        new = data("csv", csv.replace("5", str(5 | 0xE0000000), 3))
    elif how == "csv-gid":
        new = data("csv", csv.replace("5", rng.choice(("100000", "536870911", "468")), 1))
    elif how == "b64":
        new = data("base64", base64.b64encode(raw).decode())
    elif how == "b64-bad":
        new = data("base64", base64.b64encode(raw[: rng.randrange(len(raw))]).decode()[:-1] + "!")
    elif how == "zlib":
        new = data("base64", base64.b64encode(zlib.compress(raw)).decode(), "zlib")
    elif how == "zlib-bad":
        z = bytearray(zlib.compress(raw))
        z[rng.randrange(len(z))] ^= 0xFF
        new = data("base64", base64.b64encode(bytes(z)).decode(), "zlib")
    elif how == "gzip":
        new = data("base64", base64.b64encode(gzip.compress(raw)).decode(), "gzip")
    elif how == "gzip-bad":
        new = data("base64", base64.b64encode(gzip.compress(raw)[: rng.randrange(1, 40)]).decode(), "gzip")
    elif how == "zstd":
        new = data("base64", base64.b64encode(raw).decode(), "zstd")
    elif how == "other":
        new = data(rng.choice(("base32", "", "CSV", "xml")), csv)
    elif how == "bomb":  # 1 GiB of zeros in about 1 MB: must not be inflated in full
        new = data("base64", zlib_bomb(), "zlib")
    else:  # Tiled's old XML format: <tile gid=…/> elements
        new = "<data>" + "".join(f'<tile gid="{g}"/>' for g in gids[:2000]) + "</data>"
    return text[: m.start()] + new + text[m.end() :], f"tile data {how}"


@cache
def zlib_bomb() -> str:
    """1 GiB of zeros, zlib-compressed (~1 MB), base64."""
    z = zlib.compressobj(1)  # level 1: ~1 s to make; still ~1000:1
    chunk = bytes(1 << 24)
    return base64.b64encode(b"".join(z.compress(chunk) for _ in range(64)) + z.flush()).decode()


def op_tileset_ref(rng: random.Random, text: str, files: Files, base: Base) -> tuple[str | bytes, str]:
    found = tags(text, "tileset")
    if not found:  # an earlier operator removed it
        return text, "no <tileset> left"
    m = found[0]
    how = rng.choice(("remove", "missing", "dir", "png", "itself", "dev", "firstgid", "second", "embedded", "absolute"))
    if how == "remove":
        return replace_span(text, m, ""), "tileset removed"
    if how == "firstgid":
        v = rng.choice(BAD_VALUES)
        return replace_span(text, m, set_attr(m.group(0), "firstgid", v)), f"tileset firstgid={v!r}"
    if how == "second":
        second = set_attr(m.group(0), "firstgid", rng.choice(("1", "2", "400", "468")))
        return replace_span(text, m, m.group(0) + second), "a second, overlapping tileset"
    if how == "embedded":
        body = '<tileset firstgid="1" name="e" tilewidth="32" tileheight="32" tilecount="4" columns="2"/>'
        return replace_span(text, m, body), "embedded tileset without an image"
    source = {"missing": "tilesets/nowhere.tsx", "dir": "tilesets", "png": PNG_NAME, "itself": MAP_NAME,
              "dev": "/dev/zero", "absolute": str(TSX)}[how]  # fmt: skip
    return replace_span(text, m, set_attr(m.group(0), "source", source)), f"tileset source={source!r}"


def op_tsx(rng: random.Random, text: str, files: Files, base: Base) -> tuple[str | bytes, str]:
    """Break the tileset file (the map is unchanged)."""
    tsx = base.tsx
    how = rng.choice(("truncate", "bitflip", "attr", "image", "no-image", "surface", "tile-id", "solid", "dir", "junk"))
    if how == "truncate":
        out: bytes | None = tsx.encode()[: rng.randrange(len(tsx))]
    elif how == "bitflip":
        b = bytearray(tsx.encode())
        for _ in range(8):
            b[rng.randrange(len(b))] ^= 1 << rng.randrange(8)
        out = bytes(b)
    elif how == "attr":
        m = tags(tsx, "tileset")[0]
        attr = rng.choice(("tilewidth", "tileheight", "tilecount", "columns", "margin", "spacing"))
        v = rng.choice(BAD_VALUES)
        how = f"{attr}={v!r}"
        out = replace_span(tsx, m, set_attr(m.group(0), attr, v)).encode()
    elif how == "image":
        m = tags(tsx, "image")[0]
        v = rng.choice(("nowhere.png", "", "../tilesets", "terrain.tsx", "/dev/zero"))
        how = f"image source={v!r}"
        out = replace_span(tsx, m, set_attr(m.group(0), "source", v)).encode()
    elif how == "no-image":
        out = re.sub(r"<image\b[^>]*/>", "", tsx, count=1).encode()
    elif how == "surface":
        out = tsx.replace('value="asphalt"', f'value="{rng.choice(("lava", "", "Asphalt"))}"', 1).encode()
    elif how == "tile-id":
        out = tsx.replace('<tile id="3"', f'<tile id="{rng.choice(BAD_VALUES)}"', 1).encode()
    elif how == "solid":
        out = tsx.replace('type="bool" value="false"', 'type="bool" value="maybe"', 1).encode()
    elif how == "dir":
        out = None
    else:
        out = rng.randbytes(512)
    files[TSX_NAME] = out
    return text, f"tileset {how}"


def op_png(rng: random.Random, text: str, files: Files, base: Base) -> tuple[str | bytes, str]:
    """Break the tileset image (the map and the tileset are unchanged)."""
    png = PNG.read_bytes()
    how = rng.choice(("junk", "empty", "truncated", "dir", "bitflip"))
    if how == "dir":
        files[PNG_NAME] = None
    elif how == "empty":
        files[PNG_NAME] = b""
    elif how == "truncated":
        files[PNG_NAME] = png[: rng.randrange(8, 2000)]
    elif how == "bitflip":
        b = bytearray(png)
        for _ in range(16):
            b[rng.randrange(len(b))] ^= 0xFF
        files[PNG_NAME] = bytes(b)
    else:
        files[PNG_NAME] = rng.randbytes(4096)
    return text, f"tileset image {how}"


def op_encoding(rng: random.Random, text: str, files: Files, base: Base) -> tuple[str | bytes, str]:
    how = rng.choice(("bogus", "shift_jis", "utf-16-decl", "utf-16", "utf-32", "latin-1", "bad-utf8", "bom", "ascii"))
    decl = '<?xml version="1.0" encoding="UTF-8"?>'
    body = text.replace(decl, "", 1)
    if how in ("bogus", "shift_jis", "utf-16-decl", "ascii"):
        enc = {"bogus": "klingon", "shift_jis": "Shift_JIS", "utf-16-decl": "UTF-16", "ascii": "US-ASCII"}[how]
        return f'<?xml version="1.0" encoding="{enc}"?>{body}'.encode(), f"declared encoding {enc}"
    if how in ("utf-16", "utf-32"):
        return text.replace("UTF-8", how.upper()).encode(how), f"whole file in {how}"
    if how == "latin-1":
        return text.encode("utf-8").replace(b"Prologo", b"Prol\xf6go\xff\xfe"), "invalid UTF-8 bytes"
    if how == "bad-utf8":
        data = text.encode("utf-8")
        i = rng.randrange(len(data))
        return data[:i] + b"\xc3\x28\xed\xa0\x80" + data[i:], "invalid UTF-8 sequence"
    return b"\xef\xbb\xbf\xef\xbb\xbf" + text.encode("utf-8"), "two byte-order marks"


def op_bomb(rng: random.Random, text: str, files: Files, base: Base) -> tuple[str | bytes, str]:
    how = rng.choice(("laughs", "quadratic", "external", "dev-zero", "deep", "huge-attr", "huge-text"))
    body = text.split("?>", 1)[1] if text.startswith("<?xml") else text
    if how == "laughs":
        ents = '<!ENTITY l0 "lol">' + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
        doc = f"<!DOCTYPE map [{ents}]>" + body.replace("Prologo", "&l9;", 1).replace('value="day"', 'value="&l9;"')
        return doc, "billion laughs"
    if how == "quadratic":
        ent = f'<!DOCTYPE map [<!ENTITY a "{"a" * 100_000}">]>'
        return ent + body.replace("<properties>", "<properties>" + "&a;" * 5_000, 1), "quadratic blow-up"
    if how in ("external", "dev-zero"):
        target = "/etc/passwd" if how == "external" else "/dev/zero"
        return f'<!DOCTYPE map [<!ENTITY x SYSTEM "file://{target}">]>' + body.replace(
            "<properties>", "<properties>&x;", 1
        ), f"external entity {target}"
    if how == "deep":
        n = rng.choice((1_000, 100_000))
        nest = "<group>" * n + "</group>" * n
        return text.replace("</map>", nest + "</map>"), f"{n} nested groups"
    if how == "huge-attr":
        return text.replace('name="route"', f'name="{"r" * 5_000_000}"', 1), "5 MB attribute"
    return text.replace("</map>", "<!--" + "x" * 10_000_000 + "--></map>"), "10 MB comment"


def op_map_is_dir(rng: random.Random, text: str, files: Files, base: Base) -> tuple[str | bytes, str]:
    files[MAP_NAME] = None
    return text, "the map path is a directory"


IMAGE_SIZES = ("1000000", "16385", "0", "-1", "1e9", "99999999999999999999", "abc", "²", "", "512.5")
FIFO = b"\x00<fifo>"  # write_case makes a FIFO here
LOOP = b"\x00<symlink loop>"  # write_case makes a symlink to itself here


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_of(width: int, height: int, rows: bool) -> bytes:
    """A PNG header of this size; with ``rows``, a whole decodable image of zeros."""
    head = b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
    if not rows:
        return head + bytes(100)
    data = zlib.compress(b"".join(b"\x00" + bytes(4 * width) for _ in range(height)))
    return head + png_chunk(b"IDAT", data) + png_chunk(b"IEND", b"")


def op_image_size(rng: random.Random, text: str, files: Files, base: Base) -> tuple[str | bytes, str]:
    """The tileset image's declared size, in the .tsx or in a tileset embedded in the map."""
    w, h = rng.choice(IMAGE_SIZES), rng.choice((*IMAGE_SIZES, "512", "960"))
    m = tags(base.tsx, "image")[0]
    image = set_attr(set_attr(m.group(0), "width", w), "height", h)
    if rng.random() < 0.5 or "<tileset firstgid" not in text:
        files[TSX_NAME] = replace_span(base.tsx, m, image).encode()
        return text, f"tsx image {w}×{h}"
    tsx = replace_span(base.tsx, m, image.replace('source="terrain.png"', f'source="{PNG_NAME}"'))
    body = tsx[tsx.index("<tileset") :].replace("<tileset ", '<tileset firstgid="1" ', 1)
    out = re.sub(r'<tileset firstgid="1" source="[^"]*"\s*/>', lambda _: body, text, count=1)
    return out, f"embedded tileset image {w}×{h}"


def op_image_header(rng: random.Random, text: str, files: Files, base: Base) -> tuple[str | bytes, str]:
    """The tileset image's header: a PNG bomb's, a whole PNG just over the limit, other formats."""
    how = rng.choice(("bomb", "wide", "tall", "zero", "gif", "bmp", "jpeg", "ok-small"))
    if how == "bomb":
        files[PNG_NAME] = png_of(30000, 30000, rows=False)
    elif how == "wide":
        files[PNG_NAME] = png_of(16385, 1, rows=True)
    elif how == "tall":
        files[PNG_NAME] = png_of(1, 16385, rows=True)
    elif how == "zero":
        files[PNG_NAME] = png_of(0, 0, rows=False)
    elif how == "gif":
        files[PNG_NAME] = b"GIF89a" + struct.pack("<HH", 65535, 65535) + bytes(100)
    elif how == "bmp":
        files[PNG_NAME] = b"BM" + bytes(16) + struct.pack("<ii", 100000, 100000) + bytes(100)
    elif how == "jpeg":
        files[PNG_NAME] = b"\xff\xd8\xff\xc0\x00\x11\x08\xff\xff\xff\xff" + bytes(100)
    else:
        files[PNG_NAME] = png_of(32, 32, rows=True)
    return text, f"tileset image header {how}"


def op_stray(rng: random.Random, text: str, files: Files, base: Base) -> tuple[str | bytes, str]:
    """Files the map does not name beside the tileset, or a tileset path that loops."""
    how = rng.choice(("stray-tsx", "fifo", "loop", "image-loop"))
    if how == "stray-tsx":
        stray = base.tsx.replace('<tile id="3"', '<tile id="x"', 1).replace('name="terrain"', 'name="stray"', 1)
        files["tilesets/aaa-stray.tsx"] = stray.encode()
    elif how == "fifo":
        files["tilesets/aa-fifo.tsx"] = FIFO
    elif how == "loop":
        files[TSX_NAME] = LOOP
    else:
        files[PNG_NAME] = LOOP
    return text, f"tileset {how}"


OPERATORS: tuple[tuple[Op, float], ...] = (
    (op_truncate, 1.0), (op_bitflip, 1.0), (op_junk, 0.6), (op_map_attr, 1.0), (op_map_huge, 0.3),
    (op_property, 1.0), (op_object, 1.5), (op_objects, 1.0), (op_points, 1.0), (op_layer, 0.8),
    (op_tile_data, 1.2), (op_tileset_ref, 0.8), (op_tsx, 1.0), (op_png, 0.5), (op_encoding, 0.6),
    (op_bomb, 0.3), (op_map_is_dir, 0.05), (op_image_size, 0.6), (op_image_header, 0.6), (op_stray, 0.4),
)  # fmt: skip


def tiny_map() -> str:
    """A valid 16 × 5-tile stage on the shipped tileset (the base map of
    tests/test_check_level.py): its mutants load in milliseconds, so CI can run thousands."""
    rows = [[1 if r in (0, 4) else 4] * 16 for r in range(5)]
    csv = ",\n".join(",".join(map(str, row)) for row in rows)
    above = ",".join(["0"] * 80)

    def prop(n: str, t: str, v: str) -> str:
        return f'<property name="{n}" type="{t}" value="{v}"/>'

    objects = (
        '<object id="1" name="go" type="start" x="32" y="72.8" width="35.2" height="14.4"/>'
        f'<object id="2" name="half" type="checkpoint" x="240" y="16"><properties>{prop("order", "int", "1")}'
        '</properties><polyline points="0,0 0,128"/></object>'
        '<object id="3" name="end" type="finish" x="384" y="16"><polyline points="0,0 0,128"/></object>'
        '<object id="4" name="road" type="route" x="49.6" y="80"><polyline points="0,0 430.4,0"/></object>'
        '<object id="5" name="barrier" type="wall" x="500" y="0"><polyline points="0,0 0,160"/></object>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<map version="1.8" tiledversion="1.8.2" orientation="orthogonal" '
        'renderorder="right-down" width="16" height="5" tilewidth="32" tileheight="32" infinite="0" '
        'backgroundcolor="#8db255" nextlayerid="4" nextobjectid="6"><properties>'
        f"{prop('par_time_s', 'float', '12')}{prop('px_per_m', 'float', '8')}{prop('time_of_day', 'string', 'day')}"
        f"{prop('title', 'string', 'Prologo in piccolo')}{prop('weather', 'string', 'clear')}</properties>\n"
        f'<tileset firstgid="1" source="{TSX_NAME}"/>\n'
        f'<layer id="1" name="ground" width="16" height="5"><data encoding="csv">\n{csv}\n</data></layer>\n'
        f'<layer id="2" name="above" width="16" height="5"><properties>{prop("above_cars", "bool", "true")}'
        f'</properties><data encoding="csv">{above}</data></layer>\n'
        f'<objectgroup id="3" name="objects">{objects}</objectgroup>\n</map>\n'
    )


TINY = "tiny"
_BASES: dict[str, Base] = {}


def shipped_bases() -> list[str]:
    return sorted(p.stem for p in LEVELS.glob("*.tmx"))


def base(name: str) -> Base:
    if name not in _BASES:
        text = tiny_map() if name == TINY else (LEVELS / f"{name}.tmx").read_text(encoding="utf-8")
        _BASES[name] = Base(name, text)
    return _BASES[name]


def make_case(seed: int, bases: list[str] | None = None) -> Case:
    """The mutant of ``seed``: deterministic for a given seed and list of bases."""
    rng = random.Random(seed)
    names = bases or shipped_bases()
    b = base(rng.choice(names))
    files: Files = {}
    text: str | bytes = b.text
    done: list[str] = []
    ops, weights = zip(*OPERATORS, strict=True)
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        if isinstance(text, bytes):  # byte-level mutants are final
            break
        op = rng.choices(ops, weights)[0]
        text, what = op(rng, text, files, b)
        done.append(what)
    if MAP_NAME not in files:
        files[MAP_NAME] = text.encode("utf-8") if isinstance(text, str) else text
    return Case(seed, b.name, tuple(done), files)


def cases(n: int, seed: int = 0, bases: list[str] | None = None) -> Iterator[Case]:
    for i in range(n):
        yield make_case(seed * 1_000_003 + i, bases)


# ---------------------------------------------------------------------------- running


def write_case(case: Case, where: Path) -> Path:
    """Lay the case out in an empty directory ``where``; returns the map's path."""
    (where / "tilesets").mkdir(parents=True, exist_ok=True)
    if TSX_NAME not in case.files:  # a copy: paths in it resolve beside it, to the case's image
        (where / TSX_NAME).write_bytes(TSX.read_bytes())
    if PNG_NAME not in case.files:
        (where / PNG_NAME).symlink_to(PNG)
    # The other shipped tilesets (the prologue also uses scenery.tsx) and the templates folder.
    for src in sorted((LEVELS / "tilesets").iterdir()):
        name = f"tilesets/{src.name}"
        if name not in case.files and name not in (TSX_NAME, PNG_NAME):
            (where / name).symlink_to(src)
    if "templates" not in case.files:
        (where / "templates").symlink_to(LEVELS / "templates")
    for name, data in case.files.items():
        target = where / name
        if data is None:
            target.mkdir(parents=True, exist_ok=True)
        elif data == FIFO:
            os.mkfifo(target)
        elif data == LOOP:
            target.symlink_to(target.name)
        else:
            target.write_bytes(data)
    return where / MAP_NAME


def argv_for(command: str, path: Path) -> list[str]:
    if command == "sim":
        return ["sim", str(path), "--car", CAR, "--max-time", "0.25"]
    if command == "play":  # with $MILLEGAME_FIRST_FRAME_EXIT=1 the game leaves after its first frame
        return ["play", str(path), "--car", CAR, "--window", "320x240"]
    return [command, str(path)]


def _alarm(_signum: int, _frame: object) -> None:
    raise CaseTimeoutError


def run_command(command: str, path: Path, limit_s: float = CASE_TIME_LIMIT_S) -> Outcome:
    """``millegame COMMAND PATH`` in this process (``run_argv``)."""
    return run_argv(command, argv_for(command, path), limit_s)


def run_argv(command: str, argv: list[str], limit_s: float = CASE_TIME_LIMIT_S) -> Outcome:
    """``millegame *argv`` in this process, with its output captured and a time bound
    (SIGALRM: a hang in Python code is interrupted; the main thread only)."""
    from millegame import cli

    out, err = io.StringIO(), io.StringIO()
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, limit_s)
    t0 = time.perf_counter()
    code: int | None = None
    crash = ""
    timed_out = False
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(argv)
    except CaseTimeoutError:
        timed_out = True
    except BaseException:  # anything escaping main() would be a traceback for the player
        crash = traceback.format_exc()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    return Outcome(command, code, out.getvalue(), err.getvalue(), time.perf_counter() - t0, crash, timed_out)


def problems_of(o: Outcome, path: Path) -> list[str]:
    """What is wrong with one command's outcome on a mutant at ``path`` (empty: fine)."""
    found = []
    text = o.out + o.err
    if o.timed_out:
        found.append(f"{o.command}: still running after {CASE_TIME_LIMIT_S:.0f} s")
    if o.crash:
        found.append(f"{o.command}: exception escaped main()\n{o.crash}")
    elif o.code not in ALLOWED_EXITS[o.command] and not o.timed_out:
        found.append(f"{o.command}: exit code {o.code}, not one of {sorted(ALLOWED_EXITS[o.command])}")
    if "Traceback" in text:
        found.append(f"{o.command}: a traceback in the output:\n{text[-2000:]}")
    if UNEXPECTED in text:
        found.append(f"{o.command}: the loader's last-resort message (a bug to fix):\n{text[-500:]}")
    if o.code == 2 and str(path) not in text:
        found.append(f"{o.command}: exit 2 without naming {path}: {text[-300:]!r}")
    return found


def run_case(
    case: Case, commands: tuple[str, ...], scratch: Path, *, play_valid: bool = True
) -> tuple[list[Outcome], list[str]]:
    """Every command on the case. ``play_valid=False`` skips ``play`` when ``sim`` (run
    before it) loaded the stage: then the game would open its window and draw a frame
    (~0.3 s), which the subprocess sample covers; a stage that does not load is played."""
    where = Path(tempfile.mkdtemp(dir=scratch))
    try:
        path = write_case(case, where)
        outcomes: list[Outcome] = []
        problems: list[str] = []
        for command in commands:
            if command == "play" and not play_valid and any(o.command == "sim" and o.code != 2 for o in outcomes):
                continue
            o = run_command(command, path)
            outcomes.append(o)
            problems += problems_of(o, path)
        return outcomes, problems
    finally:
        shutil.rmtree(where, ignore_errors=True)


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def campaign_main(
    argv: list[str] | None,
    doc: str,
    prefix: str,
    campaign: Callable[[int, int, Path], tuple[Counter, list[str], float]],
) -> tuple[Counter, list[str]]:
    """The command line of a file fuzzer (replays, inputs): ``--cases``, ``--seed``, ``--show``;
    runs ``campaign(cases, seed, scratch_dir)`` in a scratch directory and prints the failures
    and a summary line. Returns the exit-code counts and the failures."""
    p = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    p.add_argument("--cases", type=int, default=1000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--show", type=int, default=5)
    args = p.parse_args(argv)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix=prefix) as scratch:
        codes, failures, slowest = campaign(args.cases, args.seed, Path(scratch))
    for f in failures[: args.show]:
        print("FAIL", f)
    wall = time.perf_counter() - t0
    print(f"{args.cases} cases (seed {args.seed}): {len(failures)} failing; wall {wall:.0f} s, "
          f"slowest command {slowest:.2f} s, max RSS {max_rss_mb():.0f} MB")  # fmt: skip
    return codes, failures


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--cases", type=int, default=int(os.environ.get("MILLEGAME_FUZZ_CASES", "2000")), help="mutants")
    p.add_argument("--seed", type=int, default=1, help="the campaign's seed (each case has its own from it)")
    p.add_argument("--commands", default="check-level,sim,play", help="comma-separated, run in this order")
    p.add_argument("--show", type=int, default=5, help="print the first N failing cases in full")
    p.add_argument("--bases", default="", help="comma-separated stage names, or tiny (default: every shipped stage)")
    p.add_argument("--play-valid", action="store_true", help="also play mutants that load (~0.3 s each)")
    args = p.parse_args(argv)
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ["MILLEGAME_FIRST_FRAME_EXIT"] = "1"
    for name in ("MILLEGAME_DATA_DIR", "MILLEGAME_CONFIG_DIR", "MILLEGAME_CACHE_DIR"):
        os.environ.setdefault(name, tempfile.mkdtemp(prefix="fuzz-"))
    commands = tuple(args.commands.split(","))
    codes: Counter[tuple[str, int | None]] = Counter()
    ops: Counter[str] = Counter()
    failures = 0
    slowest = (0.0, "")
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="millegame-fuzz-") as scratch:
        for i, case in enumerate(cases(args.cases, args.seed, args.bases.split(",") if args.bases else None)):
            outcomes, problems = run_case(case, commands, Path(scratch), play_valid=args.play_valid)
            for o in outcomes:
                codes[(o.command, o.code)] += 1
                if o.seconds > slowest[0]:
                    slowest = (o.seconds, f"{o.command} on {case.label}")
            for m in case.mutations:
                ops[re.split(r"[ =]", m)[0]] += 1
            if problems:
                failures += 1
                if failures <= args.show:
                    print(f"FAIL {case.label}", *problems, sep="\n  ", flush=True)
            if (i + 1) % 500 == 0:
                print(f"… {i + 1} cases, {failures} failing, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    wall = time.perf_counter() - t0
    print(f"{args.cases} cases (seed {args.seed}), commands {', '.join(commands)}: {failures} failing")
    print(f"wall {wall:.0f} s ({1000 * wall / max(args.cases, 1):.1f} ms per case), max RSS {max_rss_mb():.0f} MB")
    print(f"slowest command: {slowest[0]:.2f} s ({slowest[1]})")
    for (command, code), n in sorted(codes.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        print(f"  {command:12s} exit {code}: {n}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
