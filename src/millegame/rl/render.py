"""``render_mode="rgb_array"``: a small top-down view around one car, drawn with numpy
(no pygame): surfaces in flat colours, blocked cells dark, the route's look-ahead points
and the car as a red rectangle. North up, the car in the middle."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from millegame.core.car import P, S
from millegame.rl.batch import StageBatch

VIEW_PX = 256
PX_PER_M = 2.0
# Flat colours by surface name; unknown surfaces get grey.
SURFACE_RGB = {
    "asphalt": (90, 92, 96), "wet_asphalt": (60, 66, 78), "cobbles": (120, 110, 100), "gravel": (160, 150, 120),
    "dirt": (140, 110, 70), "grass": (80, 140, 60), "sand": (210, 190, 130), "water": (50, 90, 170),
}  # fmt: skip
BLOCKED_RGB = (30, 45, 30)
CAR_RGB = (220, 30, 30)
ROUTE_RGB = (250, 230, 60)


class TopDownRenderer:
    def __init__(self, sim: StageBatch) -> None:
        self.sim = sim
        names = sim.stage.surfaces.names
        palette = np.array([SURFACE_RGB.get(n, (128, 128, 128)) for n in names], dtype=np.uint8)
        self.cells = palette[sim.stage.surface]
        self.cells[sim.blocked] = BLOCKED_RGB
        offsets = (np.arange(VIEW_PX) - VIEW_PX / 2 + 0.5) / PX_PER_M
        self.ox, self.oy = np.meshgrid(offsets, offsets)  # metres from the car, per pixel

    def frame(self, i: int) -> NDArray[np.uint8]:
        sim = self.sim
        s = sim.state.data[i]
        x, y, th = s[S["x"]], s[S["y"]], s[S["heading"]]
        wx, wy = x + self.ox, y + self.oy
        rows, cols = sim.blocked.shape
        c = np.floor(wx / sim.stage.cell_m).astype(np.intp)
        r = np.floor(wy / sim.stage.cell_m).astype(np.intp)
        inside = (c >= 0) & (c < cols) & (r >= 0) & (r < rows)
        img = np.zeros((VIEW_PX, VIEW_PX, 3), dtype=np.uint8)
        img[inside] = self.cells[r[inside], c[inside]]
        # Look-ahead points from the observation (car frame → pixels).
        o = sim.obs[i]
        ct, sn = math.cos(th), math.sin(th)
        k0 = sim.layout.lookahead_start
        for k in range(len(sim.cfg.lookahead_m)):
            fwd, right = float(o[k0 + 2 * k]), float(o[k0 + 2 * k + 1])
            px = VIEW_PX / 2 + (fwd * ct - right * sn) * PX_PER_M
            py = VIEW_PX / 2 + (fwd * sn + right * ct) * PX_PER_M
            if 1 <= px < VIEW_PX - 1 and 1 <= py < VIEW_PX - 1:
                img[int(py) - 1 : int(py) + 2, int(px) - 1 : int(px) + 2] = ROUTE_RGB
        # The car: pixels whose position in the car's frame lies inside its outline.
        p = sim.params.table[i]
        lx = self.ox * ct + self.oy * sn
        ly = -self.ox * sn + self.oy * ct
        img[(np.abs(lx) <= p[P["length"]] / 2) & (np.abs(ly) <= p[P["width"]] / 2)] = CAR_RGB
        return img
