"""Draw a telemetry file: speed against distance, and the driven line over the stage map.

Needs matplotlib (the optional extra ``millegame[plot]``); importing this module raises
ImportError without it. Never imports pygame: the map is the stage's surface grid in the
surface colours (``core.surfaces.map_rgb``), drawn with ``imshow``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from matplotlib import patheffects
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

from millegame.core.stage import Stage
from millegame.core.surfaces import SURFACE_RGB, map_rgb
from millegame.core.telemetry import Telemetry

MAP_MARGIN_M = 60.0  # around the driven line, at least
MAP_MARGIN_SHARE = 0.06  # of the driven line's extent
SPEED_CMAP = "plasma"


def plot_telemetry(telemetry: Telemetry, stage: Stage | None, out: str | Path) -> None:
    """Write a PNG (or any format matplotlib knows by the suffix) of ``telemetry``: speed [km/h]
    against distance along the route [m] above, the driven line coloured by speed over the
    stage map (``stage``; None: the line alone) below."""
    t = telemetry.table()
    meta = telemetry.meta
    fig = Figure(figsize=(11, 11), dpi=110, layout="constrained")
    grid = fig.add_gridspec(2, 1, height_ratios=(1, 2.3))
    speed_ax, map_ax = fig.add_subplot(grid[0]), fig.add_subplot(grid[1])
    ticks = len(t["tick"])
    time_s = float(t["time_s"][-1]) if ticks else 0.0
    top = float(t["speed_kmh"].max()) if ticks else 0.0
    finished = any(text.startswith("StageFinished") for _, text in telemetry.events)
    fig.suptitle(f"{meta.get('stage_title', meta.get('stage_id', '?'))} — {meta.get('car_name', '?')}", fontsize=15)
    speed_ax.set_title(
        f"driven by {meta.get('driver', '?')}: {'finished in' if finished else 'stopped after'} {time_s:.2f} s, "
        f"{float(t['odometer_m'][-1]) if ticks else 0.0:.0f} m, top speed {top:.1f} km/h",
        fontsize=11,
    )
    _speed_panel(speed_ax, telemetry)
    _map_panel(fig, map_ax, telemetry, stage)
    fig.savefig(out)


def _speed_panel(ax, telemetry: Telemetry) -> None:  # type: ignore[no-untyped-def]
    t = telemetry.table()
    ax.plot(t["route_m"], t["speed_kmh"], color="#1f4e99", linewidth=1.2)
    ax.set_xlabel("distance along the route [m]")
    ax.set_ylabel("speed [km/h]")
    ax.grid(True, alpha=0.35)
    ax.set_ylim(bottom=0)
    if len(t["tick"]):
        ax.set_xlim(0, max(float(t["route_m"].max()), 1.0))
    index_of = {int(tick): k for k, tick in enumerate(t["tick"].tolist())}
    hits = []
    for tick, text in telemetry.events:
        k = index_of.get(tick)
        if k is None:
            continue
        kind = text.split(" ", 1)[0]
        if kind in ("GatePassed", "StageFinished"):
            ax.axvline(t["route_m"][k], color="#555555", linestyle=":", linewidth=1)
            label = _event_name(text) if kind == "GatePassed" else "finish"
            ax.annotate(
                label, (t["route_m"][k], 1.0), xycoords=("data", "axes fraction"), rotation=90, fontsize=8,
                va="top", ha="right", color="#333333", bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                "alpha": 0.8},
            )  # fmt: skip
        elif kind == "WallHit":
            hits.append(k)
    if hits:
        ax.plot(t["route_m"][hits], t["speed_kmh"][hits], "x", color="#d62728", markersize=8, label="wall hit")
        ax.legend(loc="lower right", fontsize=9)


def _event_name(text: str) -> str:
    """The ``name="…"`` of an event's text, or its kind."""
    if 'name="' in text:
        return text.split('name="', 1)[1].split('"', 1)[0]
    return text.split(" ", 1)[0]


def _map_panel(fig: Figure, ax, telemetry: Telemetry, stage: Stage | None) -> None:  # type: ignore[no-untyped-def]
    t = telemetry.table()
    x, y, v = t["x_m"], t["y_m"], t["speed_kmh"]
    ax.set_facecolor(np.array(SURFACE_RGB["grass"]) / 255.0)
    if stage is not None:
        ax.imshow(
            map_rgb(stage.surface, stage.solid, stage.surfaces), extent=(0.0, stage.width_m, stage.height_m, 0.0),
            interpolation="nearest", origin="upper",
        )  # fmt: skip
        ax.plot(stage.route[:, 0], stage.route[:, 1], color="white", linewidth=0.9, linestyle="--", alpha=0.8,
                label="route (centre line)", zorder=1)  # fmt: skip
    if len(x) >= 2:
        points = np.stack([x, y], axis=1)
        segments = np.stack([points[:-1], points[1:]], axis=1)
        line = LineCollection(list(segments), cmap=SPEED_CMAP, linewidths=2.6)
        line.set_array(v[1:])
        # A dark edge keeps the line readable over light and dark ground alike.
        line.set_path_effects([patheffects.Stroke(linewidth=4.2, foreground="#202020"), patheffects.Normal()])
        ax.add_collection(line)
        fig.colorbar(line, ax=ax, label="speed [km/h]", shrink=0.8)
        ax.plot(x[0], y[0], "o", color="#2ca02c", markersize=9, markeredgecolor="black", label="start")
        ax.plot(x[-1], y[-1], "s", color="white", markersize=8, markeredgecolor="black", label="end")
        ax.legend(loc="best", fontsize=9, framealpha=0.85)
    ax.set_aspect("equal", adjustable="box")  # metres are metres both ways
    if len(x):
        span = max(float(np.ptp(x)), float(np.ptp(y)))
        margin = max(MAP_MARGIN_M, MAP_MARGIN_SHARE * span)
        ax.set_xlim(float(x.min()) - margin, float(x.max()) + margin)
        ax.set_ylim(float(y.max()) + margin, float(y.min()) - margin)  # y down, as on screen
    else:
        ax.invert_yaxis()
    ax.set_xlabel("x [m]")
    ax.set_ylabel("y [m] (down, as on screen)")
    ax.set_title("driven line over the stage map" if stage is not None else "driven line (stage map not found)")
