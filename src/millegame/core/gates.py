"""Timing gates: which gate each car's movement crossed — the one rule of "passed" and
"finished", shared by ``Race`` and the RL batch (``rl.batch``).

A stage's gates are its checkpoints then the finish (``Stage.gates``), crossed in that order.
A car's next gate counts when its movement during a tick — the segment from the previous
position to the new one — meets the gate line and goes in the gate's forward direction; so
no speed can skip a gate, a reverse crossing never counts and only the next gate in order
can count. A car has finished when its next gate is past the last one
(``next_gate == GateTable.count``).

``crossed_gates`` is pure: it reads two states and the cars' next gates and writes only its
output (the gate each car crossed, or −1). It is compiled with numba, so checking the gates
of one car costs about a microsecond instead of the twenty that a dozen numpy operations
on arrays of length 1 cost.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numba import njit
from numpy.typing import NDArray

from millegame.core.car import S as _S
from millegame.core.stage import Stage

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]

_X, _Y = _S["x"], _S["y"]
# Columns of ``GateTable.rows``: the ends a, b and the forward unit vector.
_AX, _AY, _BX, _BY, _FX, _FY = range(6)


@dataclass(frozen=True)
class GateTable:
    """A stage's gates in crossing order as one contiguous (G, 6) float64 matrix:
    a.x, a.y, b.x, b.y, forward.x, forward.y [m, unit]; ``checkpoints`` of them come
    before the finish (the last row)."""

    rows: FloatArray
    checkpoints: int

    @staticmethod
    def of(stage: Stage) -> GateTable:
        rows = np.array([(*g.a, *g.b, *g.forward) for g in stage.gates], dtype=np.float64).reshape(-1, 6)
        return GateTable(np.ascontiguousarray(rows), len(stage.checkpoints))

    @property
    def count(self) -> int:
        """Number of gates (checkpoints and the finish); ``next_gate == count``: finished."""
        return int(self.rows.shape[0])

    @property
    def a(self) -> FloatArray:
        return self.rows[:, _AX : _AY + 1]

    @property
    def b(self) -> FloatArray:
        return self.rows[:, _BX : _BY + 1]

    @property
    def forward(self) -> FloatArray:
        return self.rows[:, _FX : _FY + 1]


@njit(cache=True, error_model="numpy")
def crossed_gates(prev: FloatArray, new: FloatArray, next_gate: IntArray, gates: FloatArray, out: IntArray) -> int:
    """For each car (rows of the state matrices ``prev`` and ``new``, (N, state columns)),
    the index of its next gate (``next_gate``) if its movement crossed it forwards, else −1,
    into ``out`` (N,). Returns how many cars crossed one. Cars with ``next_gate`` past the
    last gate (finished) never cross.

    The arithmetic is ``geometry.segments_intersect``'s (closed segments: ending a tick on
    the line counts; the forward test keeps the next tick from counting it again)."""
    count = 0
    n_gates = gates.shape[0]
    for i in range(prev.shape[0]):
        out[i] = -1
        g = next_gate[i]
        if g < 0 or g >= n_gates:
            continue
        p0x, p0y = prev[i, _X], prev[i, _Y]
        rx, ry = new[i, _X] - p0x, new[i, _Y] - p0y
        ax, ay = gates[g, _AX], gates[g, _AY]
        sx, sy = gates[g, _BX] - ax, gates[g, _BY] - ay
        if rx * gates[g, _FX] + ry * gates[g, _FY] <= 0.0:
            continue  # not moving forwards through the gate
        qx, qy = ax - p0x, ay - p0y
        denom = rx * sy - ry * sx
        if denom == 0.0:
            continue  # parallel to the gate line
        t = (qx * sy - qy * sx) / denom
        u = (qx * ry - qy * rx) / denom
        if 0.0 <= t <= 1.0 and 0.0 <= u <= 1.0:
            out[i] = g
            count += 1
    return count
