"""Settings on disk: defaults, round trip, a damaged file moved aside, bad values refused."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from millegame.ui import settings as st


@pytest.fixture(autouse=True)
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MILLEGAME_CONFIG_DIR", str(tmp_path / "cfg"))
    return tmp_path / "cfg"


def test_no_file_means_the_defaults_and_no_message() -> None:
    s, messages = st.load()
    assert s == st.Settings() and messages == []


def test_round_trip(config: Path) -> None:
    s = st.Settings()
    s.keys["throttle"] = ["i"]
    s.pad["handbrake"] = "b"
    s.master_volume = 0.3
    s.camera = "heading_up"
    path = st.save(s)
    assert path == config / "settings.json" and not (config / "settings.json.tmp").exists()
    back, messages = st.load()
    assert back == s and messages == []


def test_xdg_config_home_is_used(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("MILLEGAME_CONFIG_DIR")
    monkeypatch.setattr(sys, "platform", "linux")  # millegame.userdirs decides by it
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert st.settings_path() == tmp_path / "xdg" / "millegame" / "settings.json"


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", "\x00\x01garbage"])
def test_a_damaged_file_is_moved_aside_with_a_message(config: Path, text: str) -> None:
    config.mkdir(parents=True)
    (config / "settings.json").write_text(text)
    s, messages = st.load()
    assert s == st.Settings()
    assert len(messages) == 1 and "moved aside" in messages[0]
    assert not (config / "settings.json").exists()
    aside = list(config.glob("settings.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_text() == text
    st.save(s)  # and a fresh file can be written
    assert st.load() == (s, [])


def test_bad_values_fall_back_one_by_one(config: Path) -> None:
    config.mkdir(parents=True)
    data = {
        "master_volume": 7,
        "camera": "sideways",
        "zoom": "yes",
        "call_ahead_s": 6.5,
        "keys": {"brake": ["x"], "nonsense": ["q"]},
        "from_the_future": 1,
    }
    (config / "settings.json").write_text(json.dumps(data))
    s, messages = st.load()
    assert s.master_volume == st.Settings().master_volume
    assert s.camera == "follow" and s.zoom is True
    assert s.call_ahead_s == 6.5 and s.keys["brake"] == ["x"] and s.keys["throttle"] == ["up", "w"]
    assert len(messages) == 3 and all("ignored" in m for m in messages)
