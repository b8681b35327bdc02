"""Shared files are bounded before any work: replays, inputs CSVs, telemetry, settings,
tileset images and the tilesets a map names. Each malformed file is one clear line (exit 2
in the CLI), never a traceback, a hang or gigabytes of memory."""

from __future__ import annotations

import io
import json
import os
import signal
import struct
import sys
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path

import numpy as np
import pytest

from millegame import cli
from millegame.core import inputs as inputs_module
from millegame.core.inputs import InputsError, read_inputs_csv
from millegame.core.replay import MAX_TICKS, Replay, ReplayError
from millegame.core.telemetry import Telemetry, TelemetryError
from millegame.ui import settings

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))
import fuzz_stages as fz


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


@contextmanager
def at_most(seconds: int) -> Iterator[None]:
    """Fail instead of hanging (SIGALRM interrupts Python code, e.g. a blocked open)."""

    def alarm(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


# --- replays --------------------------------------------------------------------------------

META = {"format": 1, "stage_id": "prologo", "stage_sha256": "ab" * 32, "car_id": "alfa-6c-1750",
        "physics_version": 2, "rules": None, "assists": {}, "finish_tick": -1}  # fmt: skip


def npy(shape: tuple[int, ...], descr: str = "<f8", body: bytes = b"") -> bytes:
    f = io.BytesIO()
    np.lib.format.write_array_header_1_0(f, {"descr": descr, "fortran_order": False, "shape": shape})
    return f.getvalue() + body


def replay_bytes(meta: object = META, controls: bytes | None = None) -> bytes:
    buf = io.BytesIO()
    meta_npy = io.BytesIO()
    np.save(meta_npy, np.array(json.dumps(meta)))
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("meta.npy", meta_npy.getvalue())
        z.writestr("controls.npy", controls if controls is not None else npy((10, 6), body=bytes(480)))
    return buf.getvalue()


def test_a_valid_crafted_replay_reads() -> None:
    r = Replay.from_bytes(replay_bytes())
    assert r.ticks == 10 and r.car_id == "alfa-6c-1750"


def test_a_replay_claiming_millions_of_ticks_is_refused_before_reading_them() -> None:
    with pytest.raises(ReplayError, match=rf"10000000 ticks of controls; a replay holds at most {MAX_TICKS}"):
        Replay.from_bytes(replay_bytes(controls=npy((10_000_000, 6), body=bytes(4800))))
    with pytest.raises(ReplayError, match="2000000000 ticks"):
        Replay.from_bytes(replay_bytes(controls=npy((2_000_000_000, 6))))


def test_a_zip_bomb_is_refused_before_it_inflates() -> None:
    inflated = 64 << 20  # 64 MB of zeros, ~64 kB compressed
    bomb = replay_bytes(controls=npy((inflated // 48, 6)) + bytes(inflated))
    assert len(bomb) < 200_000
    with pytest.raises(ReplayError, match="would inflate to"):
        Replay.from_bytes(bomb)


BAD_META = {
    "stage id not text": {**META, "stage_id": 5},
    "finish tick not a number": {**META, "finish_tick": "x"},
    "physics version a float": {**META, "physics_version": 1.5},
    "finish tick past the end": {**META, "finish_tick": 11},
    "missing car": {k: v for k, v in META.items() if k != "car_id"},
    "unknown assist": {**META, "assists": {"turbo": True}},
    "assists a list": {**META, "assists": [1]},
    "unknown rules": {**META, "rules": "drift"},
    "not an object": [1, 2],
}


@pytest.mark.parametrize("name", BAD_META)
def test_malformed_replay_metadata_is_one_clear_error(name: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.npz"
    path.write_bytes(replay_bytes(BAD_META[name]))
    with pytest.raises(ReplayError, match=r"bad\.npz: not a millegame replay \(.+\)"):
        Replay.load(path)
    code, out, err = run_cli("replay", str(path), "--check", "--json")
    assert code == 2 and "Traceback" not in err and err.count("\n") == 1
    assert json.loads(out) == {"error": err.strip().removeprefix("millegame: "), "file": str(path)}


@pytest.mark.parametrize(
    "data",
    [b"", replay_bytes()[:100], b"PK\x05\x06" + bytes(18), b"\x93NUMPY"],
    ids=["empty", "truncated", "empty zip", "bare npy header"],  # the bytes hold a zip timestamp
)
def test_empty_truncated_or_foreign_replays_are_one_clear_error(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "bad.npz"
    path.write_bytes(data)
    code, _, err = run_cli("replay", str(path), "--check")
    assert code == 2 and str(path) in err and "Traceback" not in err and err.count("\n") == 1


def broken_deflate(data: bytes, member: str) -> bytes:
    """``data`` (a zip) with the start of ``member``'s compressed stream overwritten."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo(member)
    name_len, extra_len = struct.unpack("<HH", data[info.header_offset + 26 : info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len  # the local header's own lengths
    return data[:start] + b"\xff" * 8 + data[start + 8 :]


def test_a_broken_compressed_stream_is_one_clear_error(tmp_path: Path) -> None:
    """Found by the replay fuzzer (seed 21, case 78): zlib's own error escaped."""
    with pytest.raises(ReplayError, match="not a millegame replay"):
        Replay.from_bytes(broken_deflate(replay_bytes(), "controls.npy"))
    buf = io.BytesIO()
    np.savez_compressed(buf, meta=np.array("{}"), tick=np.arange(1000))
    path = tmp_path / "t.npz"
    path.write_bytes(broken_deflate(buf.getvalue(), "meta.npy"))
    with pytest.raises(TelemetryError, match="not a readable telemetry"):
        Telemetry.load(path)


# --- inputs CSV ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "says"),
    [("1" + "0" * 26, "past the last tick"), ("9" * 5000, "characters"), ("²", "whole number")],
)
def test_absurd_ticks_are_one_clear_error(tmp_path: Path, cell: str, says: str) -> None:
    path = tmp_path / "in.csv"
    path.write_text(f"tick,throttle,brake,steer\n{cell},1,0,0\n", encoding="utf-8")
    with pytest.raises(InputsError, match=says):
        read_inputs_csv(path)


def test_a_huge_field_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text(f"tick,throttle,brake,steer,note\n1,1,0,0,{'x' * 131_073}\n", encoding="utf-8")
    with pytest.raises(InputsError, match=r"in\.csv:2: "):
        read_inputs_csv(path)


def test_rows_beyond_one_per_tick_are_refused_while_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inputs_module, "MAX_TICKS", 100)
    path = tmp_path / "in.csv"
    path.write_text("tick,throttle,brake,steer\n" + "".join(f"{k},1,0,0\n" for k in range(150)), encoding="utf-8")
    with pytest.raises(InputsError, match="more than 101 rows"):
        read_inputs_csv(path)


def test_an_inputs_path_that_is_a_fifo_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    os.mkfifo(path)
    with at_most(5), pytest.raises(InputsError, match="not a regular file"):
        read_inputs_csv(path)


# --- telemetry ------------------------------------------------------------------------------


def test_a_truncated_telemetry_npz_is_one_clear_error(tmp_path: Path) -> None:
    good = tmp_path / "t.npz"
    buf = io.BytesIO()
    np.savez_compressed(buf, meta=np.array("{}"), tick=np.arange(1000))
    good.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    with pytest.raises(TelemetryError, match=r"t\.npz: not a readable telemetry \.npz"):
        Telemetry.load(good)
    code, _, err = run_cli("telemetry", str(good))
    assert code == 2 and "Traceback" not in err


def test_telemetry_into_a_directory_fails_before_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from millegame.core import runner

    def no_run(*args: object, **kwargs: object) -> None:
        raise AssertionError("the run started")

    monkeypatch.setattr(runner, "drive_stage", no_run)
    (tmp_path / "out.csv").mkdir()
    code, _, err = run_cli("sim", "prologo", "--car", "alfa-6c-1750", "--telemetry", str(tmp_path / "out.csv"))
    assert code == 2 and "is a directory" in err
    code, _, err = run_cli("sim", "prologo", "--car", "alfa-6c-1750", "--record", str(tmp_path / "out.csv"))
    assert code == 2 and "is a directory" in err


# --- settings --------------------------------------------------------------------------------

DAMAGED_SETTINGS = {
    "utf-16": json.dumps({"zoom": False}).encode("utf-16"),
    "latin-1": '{"camera": "é"}'.encode("latin-1"),
    "deep nesting": b"[" * 100_000 + b"]" * 100_000,
    "5000-digit integer": b'{"look_ahead_s": 1' + b"0" * 5000 + b"}",
    "integer of 10^400": b'{"look_ahead_s": 1' + b"0" * 400 + b"}",
    "window of 10^30 px": b'{"window": [1' + b"0" * 30 + b", 720]}",
    "Infinity": b'{"look_ahead_s": Infinity}',
    "NaN": b'{"master_volume": NaN}',
    "huge": b'{"pad": "' + b"x" * 300_000 + b'"}',
}


@pytest.mark.parametrize("name", DAMAGED_SETTINGS)
def test_a_damaged_settings_file_is_moved_aside_once(name: str, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(DAMAGED_SETTINGS[name])
    got, messages = settings.load(path)
    assert got == settings.Settings()
    assert len(messages) == 1 and "moved aside" in messages[0], messages
    assert not path.exists() and len(list(tmp_path.glob("settings.json.corrupt-*"))) == 1


def test_a_value_out_of_range_falls_back_to_its_default_and_keeps_the_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b'{"look_ahead_s": 1e300, "window": [100000, 720], "camera": "fisheye"}')
    got, messages = settings.load(path)
    assert got.look_ahead_s == settings.Settings().look_ahead_s and got.window == [1280, 720]
    assert got.camera == settings.Settings().camera
    assert len(messages) == 3 and all("ignored" in m for m in messages)
    assert path.exists() and not list(tmp_path.glob("settings.json.corrupt-*"))


# --- the command line ----------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0"])
def test_max_time_must_be_a_finite_positive_number(value: str) -> None:
    code, out, err = run_cli("sim", "prologo", "--car", "alfa-6c-1750", "--max-time", value)
    assert code == 2 and "--max-time must be" in err and "Traceback" not in err and out == ""


@pytest.mark.parametrize("command", ["play", "sim"])
def test_an_empty_car_id_is_one_clear_error(command: str) -> None:
    code, _, err = run_cli(command, "prologo", "--car", "")
    assert code == 2 and "--car needs a car id" in err


def test_json_errors_are_a_json_object_on_stdout(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.tmx")
    code, out, err = run_cli("sim", missing, "--car", "alfa-6c-1750", "--json")
    assert code == 2 and err.startswith("millegame: ")
    got = json.loads(out)
    assert got["file"] == missing and missing in got["error"]


# --- stages: tileset images and the tilesets a map names ------------------------------------


def tiny_case(tmp_path: Path, files: dict[str, bytes | None]) -> Path:
    """The tiny stage with its own copy of the tileset and its image (not links to the
    shipped files: paths resolve to the case's directory)."""
    base = fz.base(fz.TINY)
    files = {fz.MAP_NAME: base.text.encode(), fz.TSX_NAME: base.tsx.encode(), fz.PNG_NAME: fz.PNG.read_bytes(), **files}
    return fz.write_case(fz.Case(0, fz.TINY, ("test",), files), tmp_path)


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header(width: int, height: int) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))


def real_png(width: int, height: int) -> bytes:
    """A whole, decodable RGBA PNG of zeros."""
    rows = b"".join(b"\x00" + bytes(4 * width) for _ in range(height))
    return png_header(width, height) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def huge_image_attrs(tsx: str) -> str:
    return tsx.replace('width="512" height="960"', 'width="1000000" height="1000000"', 1)


def embedded_tileset_map() -> str:
    tsx = fz.base(fz.TINY).tsx
    body = tsx[tsx.index("<tileset") :].replace("<tileset ", '<tileset firstgid="1" ', 1)
    body = body.replace('source="terrain.png"', 'source="tilesets/terrain.png"', 1)
    return fz.base(fz.TINY).text.replace(f'<tileset firstgid="1" source="{fz.TSX_NAME}"/>', huge_image_attrs(body))


@pytest.mark.parametrize("where", ["tsx", "tmx"])
def test_huge_tileset_image_attributes_are_refused_before_any_work(tmp_path: Path, where: str) -> None:
    files: dict[str, bytes | None] = (
        {fz.TSX_NAME: huge_image_attrs(fz.base(fz.TINY).tsx).encode()}
        if where == "tsx"
        else {fz.MAP_NAME: embedded_tileset_map().encode()}
    )
    path = tiny_case(tmp_path, files)
    for command in ("check-level", "sim", "play"):
        outcome = fz.run_command(command, path, limit_s=20)
        assert outcome.code == 2 and "width = '1000000'" in outcome.out + outcome.err, (command, outcome)


def test_a_png_bomb_is_refused_from_its_header(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MILLEGAME_FIRST_FRAME_EXIT", "1")
    path = tiny_case(tmp_path, {fz.PNG_NAME: png_header(30000, 30000) + bytes(1000)})
    for command in ("check-level", "play"):
        outcome = fz.run_command(command, path, limit_s=20)
        assert outcome.code == 2 and "30000 × 30000 px is too large" in outcome.out + outcome.err, (command, outcome)


@pytest.mark.parametrize("cut", [0, 8, 16, 20, 23])
def test_a_tileset_image_cut_short_in_its_header_is_drawn_without(tmp_path: Path, cut: int) -> None:
    """Found by the stage fuzzer (seed 21, case 1860): a PNG of 16–23 bytes."""
    path = tiny_case(tmp_path, {fz.PNG_NAME: png_header(512, 960)[:cut]})
    outcome = fz.run_command("check-level", path)
    assert outcome.code == 0 and not outcome.crash, outcome


def test_the_renderer_never_decodes_an_image_over_the_limit(tmp_path: Path) -> None:
    from millegame.core.stage import TilesetArt
    from millegame.ui.render.map_renderer import TileAtlas

    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(real_png(16385, 1))  # one pixel wider than allowed: it would decode
    atlas = TileAtlas((TilesetArt(1, str(bomb), 32, 32, 16, 16),))
    assert not atlas.ok and atlas.missing == [str(bomb)]


STRAY_TSX = b"""<?xml version="1.0" encoding="UTF-8"?>
<tileset name="stray" tilewidth="32" tileheight="32" tilecount="1" columns="1">
 <image source="terrain.png" width="512" height="960"/>
 <tile id="x"><properties><property name="kind" value="lamp"/></properties></tile>
</tileset>
"""


def test_only_the_tilesets_the_map_names_are_read(tmp_path: Path) -> None:
    from millegame.levels import load_stage
    from millegame.ui.render.tile_kinds import CROWD_KINDS, LAMP_KINDS, find_tiles, route_on_bridges

    path = tiny_case(tmp_path, {"tilesets/aaa-stray.tsx": STRAY_TSX})
    os.mkfifo(path.parent / "tilesets" / "aa-fifo.tsx")  # opening it would block for ever
    stage = load_stage(path)
    with at_most(10):
        lamps = find_tiles(stage, LAMP_KINDS)
        find_tiles(stage, CROWD_KINDS)
        route_on_bridges(stage, np.zeros((3, 2)))
    assert lamps == []  # the tiny map has no lamp; the stray file's "lamp" is not the map's


def test_a_tileset_path_that_is_a_symlink_loop_is_one_clear_error(tmp_path: Path) -> None:
    path = tiny_case(tmp_path, {})
    tsx = path.parent / fz.TSX_NAME
    tsx.unlink()
    tsx.symlink_to(tsx)
    outcome = fz.run_command("check-level", path)
    assert outcome.code == 2 and "symlink loop" in outcome.out + outcome.err and not outcome.crash, outcome
