"""Fuzz replay files: seeded mutants of a real replay, through ``sim --replay`` and ``replay --check``.

The base is a replay of 0.5 s recorded on the tiny stage of ``fuzz_stages`` (so ``sim`` drives
mutants that still load in milliseconds). Each case applies one or two of:

- **bytes**: truncation, 1–64 bit flips, random bytes, an empty file, junk spliced in;
- **zip**: a member dropped, renamed, duplicated, an extra member, the members stored
  uncompressed, a member's declared size a lie, a **zip bomb** (``controls.npy`` inflating
  to 256 MB of zeros from ~250 kB);
- **metadata**: each key removed or set to a wrong type or size (``None``, ``-1``, 2^70,
  ``1e308``, 100,000 characters, lists, objects, booleans, 100,000 nested arrays), the
  whole metadata not an object, not JSON, not text, an array of numbers;
- **controls**: the npy header claiming 10^7 or 2×10^9 ticks, negative or 3-D shapes,
  5 columns, no ticks; other dtypes (``<i8``, ``|O``, ``<U10``, ``>f8``, ``<f4``, ``<c16``),
  Fortran order, the body cut short, NaN / ±inf / 1e308 values.

A case fails when an exception escapes ``millegame.cli.main``, the exit code is not 0/1/2,
"Traceback" is printed, an exit 2 does not name the file, a command runs over 20 s, or
the process's peak memory passes 1 GB. ``python tools/fuzz_replays.py --cases N [--seed S]``.
"""

from __future__ import annotations

import io
import json
import random
import struct
import sys
import warnings
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fuzz_stages as fz

MAX_RSS_MB = 1024
BAD = (None, -1, 2**70, 1e308, "x" * 100_000, [], {}, True, "", [[[[1]]]], -(2**63))
DTYPES = ("<i8", "|O", "<U10", ">f8", "<f4", "<c16", "|b1")


def npy(shape: tuple[int, ...], descr: str = "<f8", fortran: bool = False, body: bytes = b"") -> bytes:
    f = io.BytesIO()
    np.lib.format.write_array_header_1_0(f, {"descr": descr, "fortran_order": fortran, "shape": shape})
    return f.getvalue() + body


def meta_npy(meta: object) -> bytes:
    f = io.BytesIO()
    np.save(f, np.array(json.dumps(meta) if not isinstance(meta, bytes) else meta.decode("latin-1")))
    return f.getvalue()


def zipped(members: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buf, "w", method) as z:
        warnings.simplefilter("ignore", UserWarning)  # duplicated members are a mutation
        for name, data in members:
            z.writestr(name, data)
    return buf.getvalue()


class Base:
    def __init__(self, data: bytes) -> None:
        self.data = data
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            self.members = [(i.filename, z.read(i)) for i in z.infolist()]
        meta_raw = dict(self.members)["meta.npy"]
        self.meta: dict[str, object] = json.loads(str(np.load(io.BytesIO(meta_raw))))
        self.controls = np.load(io.BytesIO(dict(self.members)["controls.npy"]))
        self._bomb: bytes | None = None

    def bomb(self) -> bytes:
        if self._bomb is None:  # written in chunks: the fuzzer itself stays small
            inflated = 256 << 20
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr("meta.npy", dict(self.members)["meta.npy"])
                with z.open("controls.npy", "w") as f:
                    f.write(npy((inflated // 48, 6)))
                    zeros = bytes(1 << 20)
                    for _ in range(inflated >> 20):
                        f.write(zeros)
            self._bomb = buf.getvalue()
        return self._bomb

    def with_members(self, **replace: bytes) -> list[tuple[str, bytes]]:
        return [(n, replace.get(n.removesuffix(".npy"), d)) for n, d in self.members]


def op_bytes(rng: random.Random, b: Base) -> tuple[bytes, str]:
    how = rng.choice(("truncate", "bitflip", "random", "empty", "splice"))
    data = bytearray(b.data)
    if how == "truncate":
        return bytes(data[: rng.randrange(len(data))]), how
    if how == "bitflip":
        for _ in range(rng.randint(1, 64)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        return bytes(data), how
    if how == "random":
        return rng.randbytes(rng.choice((1, 100, 5000, 100_000))), how
    if how == "empty":
        return b"", how
    at = rng.randrange(len(data))
    return bytes(data[:at]) + rng.randbytes(rng.randint(1, 500)) + bytes(data[at:]), how


def op_zip(rng: random.Random, b: Base) -> tuple[bytes, str]:
    how = rng.choice(("drop", "rename", "duplicate", "extra", "stored", "size-lie", "bomb"))
    members = list(b.members)
    if how == "drop":
        members.pop(rng.randrange(len(members)))
    elif how == "rename":
        k = rng.randrange(len(members))
        members[k] = (rng.choice(("x.npy", "meta", "controls.npy/", "../meta.npy", "")), members[k][1])
    elif how == "duplicate":
        members.append(members[rng.randrange(len(members))])
    elif how == "extra":
        members.append(("extra.npy", rng.randbytes(100)))
    elif how == "stored":
        return zipped(members, zipfile.ZIP_STORED), how
    elif how == "bomb":
        return b.bomb(), how
    else:  # the central directory's uncompressed size of a member
        data = bytearray(zipped(members))
        at = data.rfind(b"PK\x01\x02")
        data[at + 24 : at + 28] = struct.pack("<I", rng.choice((0, 1, 0xFFFFFFFF, 10**9)))
        return bytes(data), how
    try:
        return zipped(members), how
    except (ValueError, OSError, IndexError):  # zipfile refuses some names (e.g. an empty one)
        return zipped(b.members[:1]), how


def op_meta(rng: random.Random, b: Base) -> tuple[bytes, str]:
    meta: object = dict(b.meta)
    how = rng.choice(("value", "remove", "not-object", "not-json", "deep", "numbers"))
    if how == "value":
        key = rng.choice(list(b.meta))
        value = rng.choice(BAD)
        meta[key] = value  # type: ignore[index]
        how = f"{key}={str(value)[:20]}"
    elif how == "remove":
        key = rng.choice(list(b.meta))
        del meta[key]  # type: ignore[attr-defined]
        how = f"no {key}"
    elif how == "not-object":
        meta = rng.choice(([1, 2], "text", 3, None))
    elif how == "deep":
        meta = json.loads("[" * 900 + "]" * 900) if rng.random() < 0.5 else {**b.meta, "assists": {"abs": [[[]]]}}
    if how == "not-json":
        raw = meta_npy(b"{not json")
    elif how == "deep" and rng.random() < 0.5:
        raw = meta_npy(b"[" * 100_000 + b"]" * 100_000)
    elif how == "numbers":
        f = io.BytesIO()
        np.save(f, np.arange(rng.choice((0, 1, 1000))))
        raw = f.getvalue()
    else:
        raw = meta_npy(meta)
    return zipped(b.with_members(meta=raw)), f"meta {how}"


def op_controls(rng: random.Random, b: Base) -> tuple[bytes, str]:
    ticks = len(b.controls)
    how = rng.choice(("shape", "dtype", "fortran", "short", "values"))
    body = b.controls.astype("<f8").tobytes()
    if how == "shape":
        shape = rng.choice(((10**7, 6), (2 * 10**9, 6), (-1, 6), (ticks, 6, 2), (ticks, 5), (0, 6), (ticks,), ()))
        raw = npy(shape, body=body)  # type: ignore[arg-type]
        how = f"shape {shape}"
    elif how == "dtype":
        descr = rng.choice(DTYPES)
        raw = npy((ticks, 6), descr, body=body)
        how = f"dtype {descr}"
    elif how == "fortran":
        raw = npy((ticks, 6), fortran=True, body=body)
    elif how == "short":
        raw = npy((ticks, 6), body=body[: rng.randrange(len(body))])
    else:
        c = b.controls.copy()
        for _ in range(rng.randint(1, 20)):
            c[rng.randrange(ticks), rng.randrange(6)] = rng.choice((np.nan, np.inf, -np.inf, 1e308, -1e308))
        f = io.BytesIO()
        np.save(f, c)
        raw = f.getvalue()
    return zipped(b.with_members(controls=raw)), f"controls {how}"


OPERATORS: list[tuple[Callable[[random.Random, Base], tuple[bytes, str]], int]] = [
    (op_bytes, 3), (op_zip, 2), (op_meta, 4), (op_controls, 3),
]  # fmt: skip


def make_base(scratch: Path) -> tuple[Path, Base]:
    """The tiny stage in ``scratch`` and a replay of 0.5 s driven on it."""
    stage = fz.write_case(fz.Case(0, fz.TINY, (), {fz.MAP_NAME: fz.base(fz.TINY).text.encode()}), scratch / "stage")
    out = scratch / "base.npz"
    o = fz.run_argv("sim", ["sim", str(stage), "--car", fz.CAR, "--max-time", "0.5", "--record", str(out)])
    if not out.exists():
        raise SystemExit(f"could not record the base replay: {o}")
    return stage, Base(out.read_bytes())


def make_case(rng: random.Random, b: Base) -> tuple[bytes, str]:
    ops, weights = zip(*OPERATORS, strict=True)
    op = rng.choices(ops, weights)[0]
    return op(rng, b)


def run_case(data: bytes, stage: Path, where: Path) -> tuple[list[fz.Outcome], list[str]]:
    where.write_bytes(data)
    outcomes = [
        fz.run_argv("sim", ["sim", str(stage), "--replay", str(where), "--max-time", "1"]),
        fz.run_argv("replay", ["replay", str(where), "--check"]),
    ]
    problems = [p for o in outcomes for p in fz.problems_of(o, where)]
    if fz.max_rss_mb() > MAX_RSS_MB:
        problems.append(f"peak memory {fz.max_rss_mb():.0f} MB")
    return outcomes, problems


def campaign(n: int, seed: int, scratch: Path) -> tuple[Counter[tuple[str, int | None]], list[str], float]:
    stage, b = make_base(scratch)
    codes: Counter[tuple[str, int | None]] = Counter()
    failures: list[str] = []
    slowest = 0.0
    rng = random.Random(seed)
    for i in range(n):
        data, what = make_case(rng, b)
        outcomes, problems = run_case(data, stage, scratch / "case.npz")
        codes.update((o.command, o.code) for o in outcomes)
        slowest = max([slowest, *(o.seconds for o in outcomes)])
        if problems:
            failures.append(f"case {i} ({what}):\n  " + "\n  ".join(problems))
    return codes, failures, slowest


def main(argv: list[str] | None = None) -> int:
    codes, failures = fz.campaign_main(argv, __doc__, "millegame-fuzz-replays-", campaign)
    for (command, code), k in sorted(codes.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        print(f"  {command:8s} exit {code}: {k}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
