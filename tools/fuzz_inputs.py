"""Fuzz inputs CSVs: seeded mutants of a valid file, driven by ``sim --inputs`` on the tiny stage.

The base holds 60 rows (ticks 1, 11, 21 … with throttle, brake, steer, handbrake, shift) and a
telemetry-style extra column. Each case applies one or two of:

- **bytes**: truncation, bit flips, random bytes, empty, NUL bytes, CR-only line ends,
  UTF-16 / Latin-1 encodings, a byte-order mark;
- **cells**: one cell set to a bad value — ticks of 10^26, 5,000 digits, ``²``, ``-1``,
  ``0x10``, ``1e308``, ``nan``, ``inf``, an empty or blank cell, a 200,000-character
  field, quotes, a NUL;
- **header**: a required column missing, duplicated, upper case, renamed, extra columns;
- **rows**: duplicated, swapped (ticks not increasing), a cell more or less, comment and
  blank lines, and **many rows**: up to one more than an inputs file may hold (216,001).

A case fails when an exception escapes ``millegame.cli.main``, the exit code is not 0/1/2,
"Traceback" is printed, an exit 2 does not name the file, a command runs over 20 s, or
the process's peak memory passes 1 GB. ``python tools/fuzz_inputs.py --cases N [--seed S]``.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fuzz_stages as fz

from millegame.core.replay import MAX_TICKS

MAX_RSS_MB = 1024
HEADER = ["tick", "throttle", "brake", "steer", "handbrake", "shift", "events"]
BAD_CELLS = (
    "1" + "0" * 26, "9" * 5000, "²", "-1", "0x10", "1e308", "nan", "inf", "-inf", "", " ", "x" * 200_000,
    '"', '""', "\x00", "1,5", "٣", "0.5e", "+1", "1_000",
)  # fmt: skip


def base_rows(rng: random.Random) -> list[list[str]]:
    rows = []
    for k in range(60):
        rows.append([str(1 + 10 * k), f"{rng.random():.3f}", f"{rng.random() / 4:.3f}", f"{rng.uniform(-1, 1):.3f}",
                     rng.choice(("0", "1", "")), rng.choice(("0", "", "1", "-1")), "GatePassed index=0"])  # fmt: skip
    return rows


def text_of(header: list[str], rows: list[list[str]]) -> str:
    return "\n".join(",".join(r) for r in [header, *rows]) + "\n"


def op_bytes(rng: random.Random, header: list[str], rows: list[list[str]]) -> tuple[bytes, str]:
    data = text_of(header, rows).encode()
    how = rng.choice(("truncate", "bitflip", "random", "empty", "nul", "cr", "utf-16", "latin-1", "bom"))
    if how == "truncate":
        return data[: rng.randrange(len(data))], how
    if how == "bitflip":
        b = bytearray(data)
        for _ in range(rng.randint(1, 32)):
            b[rng.randrange(len(b))] ^= 1 << rng.randrange(8)
        return bytes(b), how
    if how == "random":
        return rng.randbytes(rng.choice((1, 1000, 100_000))), how
    if how == "empty":
        return b"", how
    if how == "nul":
        at = rng.randrange(len(data))
        return data[:at] + b"\x00" + data[at:], how
    if how == "cr":
        return data.replace(b"\n", b"\r"), how
    if how == "utf-16":
        return text_of(header, rows).encode("utf-16"), how
    if how == "latin-1":
        return text_of(header, rows).replace("GatePassed", "Passé").encode("latin-1"), how
    return b"\xef\xbb\xbf\xef\xbb\xbf" + data, how


def op_cell(rng: random.Random, header: list[str], rows: list[list[str]]) -> tuple[bytes, str]:
    r, c = rng.randrange(len(rows)), rng.randrange(len(header))
    value = rng.choice(BAD_CELLS)
    rows[r][c] = value
    return text_of(header, rows).encode(), f"cell {header[c]}={value[:12]!r}"


def op_header(rng: random.Random, header: list[str], rows: list[list[str]]) -> tuple[bytes, str]:
    how = rng.choice(("missing", "duplicate", "upper", "rename", "extra"))
    h = list(header)
    if how == "missing":
        k = rng.randrange(4)
        del h[k]
        rows = [r[:k] + r[k + 1 :] for r in rows]
    elif how == "duplicate":
        h.append(rng.choice(h[:4]))
        rows = [[*r, "0"] for r in rows]
    elif how == "upper":
        h = [x.upper() for x in h]
    elif how == "rename":
        h[rng.randrange(len(h))] = rng.choice(("", "tick ", "thrott1e", "x" * 1000))
    else:
        h += [f"extra{k}" for k in range(rng.choice((1, 50)))]
        rows = [r + ["1"] * (len(h) - len(r)) for r in rows]
    return text_of(h, rows).encode(), f"header {how}"


def op_rows(rng: random.Random, header: list[str], rows: list[list[str]]) -> tuple[bytes, str]:
    how = rng.choice(("duplicate", "swap", "short", "long", "comments", "many"))
    if how == "duplicate":
        k = rng.randrange(len(rows))
        rows.insert(k, list(rows[k]))
    elif how == "swap":
        a, b = rng.randrange(len(rows)), rng.randrange(len(rows))
        rows[a], rows[b] = rows[b], rows[a]
    elif how == "short":
        rows[rng.randrange(len(rows))].pop()
    elif how == "long":
        rows[rng.randrange(len(rows))].append("1")
    elif how == "comments":
        for _ in range(10):
            rows.insert(rng.randrange(len(rows)), [rng.choice(("# note", "", " "))])
    else:
        n = rng.choice((1000, MAX_TICKS, MAX_TICKS + 1))
        lines = "".join(f"{t},1,0,0,,,\n" for t in range(1, n + 1))
        return (",".join(header) + "\n" + lines).encode(), f"{n} rows"
    return text_of(header, rows).encode(), f"rows {how}"


OPERATORS: list[tuple[Callable[[random.Random, list[str], list[list[str]]], tuple[bytes, str]], int]] = [
    (op_bytes, 3), (op_cell, 4), (op_header, 2), (op_rows, 2),
]  # fmt: skip


def make_case(rng: random.Random) -> tuple[bytes, str]:
    ops, weights = zip(*OPERATORS, strict=True)
    return rng.choices(ops, weights)[0](rng, list(HEADER), base_rows(rng))


def run_case(data: bytes, stage: Path, where: Path) -> tuple[fz.Outcome, list[str]]:
    where.write_bytes(data)
    o = fz.run_argv("sim", ["sim", str(stage), "--car", fz.CAR, "--inputs", str(where), "--max-time", "0.25"])
    problems = fz.problems_of(o, where)
    if fz.max_rss_mb() > MAX_RSS_MB:
        problems.append(f"peak memory {fz.max_rss_mb():.0f} MB")
    return o, problems


def campaign(n: int, seed: int, scratch: Path) -> tuple[Counter[int | None], list[str], float]:
    files = {fz.MAP_NAME: fz.base(fz.TINY).text.encode()}
    stage = fz.write_case(fz.Case(0, fz.TINY, (), files), scratch / "stage")
    codes: Counter[int | None] = Counter()
    failures: list[str] = []
    slowest = 0.0
    rng = random.Random(seed)
    for i in range(n):
        data, what = make_case(rng)
        o, problems = run_case(data, stage, scratch / "inputs.csv")
        codes[o.code] += 1
        slowest = max(slowest, o.seconds)
        if problems:
            failures.append(f"case {i} ({what}):\n  " + "\n  ".join(problems))
    return codes, failures, slowest


def main(argv: list[str] | None = None) -> int:
    codes, failures = fz.campaign_main(argv, __doc__, "millegame-fuzz-inputs-", campaign)
    print("exit codes " + ", ".join(f"{c}: {k}" for c, k in sorted(codes.items(), key=lambda kv: str(kv[0]))))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
