"""Helper processes the game starts beside itself, at low priority, and stops on exit."""

from __future__ import annotations

import os
import subprocess
from typing import Any


def start_niced(cmd: list[str]) -> subprocess.Popen[bytes] | None:
    """Start ``cmd`` in the background, quietly and at low priority (None if it cannot start)."""
    kwargs: dict[str, Any] = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    if hasattr(os, "nice"):
        kwargs["preexec_fn"] = lambda: os.nice(10)
    try:
        return subprocess.Popen(cmd, **kwargs)
    except OSError:
        return None


def stop(process: subprocess.Popen[bytes] | None) -> None:
    """Stop a background process if it still runs."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=2)
    except subprocess.TimeoutExpired:
        process.kill()
