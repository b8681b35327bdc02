"""Frame and heading conventions, and small vectorised geometry helpers.

The world frame is Tiled's and pygame's: x to the right, **y down**, in metres.
A heading ``theta`` [rad] is measured from +x towards +y, so on screen a positive
heading turns *clockwise*; the car's forward unit vector is ``(cos theta, sin theta)``
and its right-hand unit vector (towards the passenger side of a left-hand-drive car,
screen-right when driving up the screen... i.e. forward rotated by +90°) is
``(-sin theta, cos theta)``. Tiled's object rotation (degrees, clockwise) maps to a
heading with ``radians(rotation)``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]


def wrap_angle(theta: FloatArray | float) -> FloatArray | float:
    """Wrap angles [rad] into [-pi, pi)."""
    return (np.asarray(theta) + np.pi) % (2.0 * np.pi) - np.pi


def forward_vector(theta: FloatArray | float) -> FloatArray:
    """Unit vector(s) of heading ``theta`` [rad]; shape (..., 2)."""
    t = np.asarray(theta, dtype=np.float64)
    return np.stack([np.cos(t), np.sin(t)], axis=-1)


def heading_of(dx: FloatArray | float, dy: FloatArray | float) -> FloatArray | float:
    """Heading [rad] of the direction (dx, dy) in the y-down frame."""
    return np.arctan2(dy, dx)


def cross2(ax: FloatArray, ay: FloatArray, bx: FloatArray, by: FloatArray) -> FloatArray:
    """z-component of the 2-D cross product a × b."""
    return ax * by - ay * bx


def segments_intersect(p0: FloatArray, p1: FloatArray, a: FloatArray, b: FloatArray) -> NDArray[np.bool_]:
    """Whether segment p0→p1 meets segment a–b (broadcasting over leading axes).

    Touching at an end point counts (closed segments), so a car that ends a tick
    exactly on a gate line has crossed it; the forward test that goes with a gate
    keeps it from counting twice (the next tick starts *on* the line and moves away).
    """
    r = p1 - p0
    s = b - a
    qp = a - p0
    denom = cross2(r[..., 0], r[..., 1], s[..., 0], s[..., 1])
    t_num = cross2(qp[..., 0], qp[..., 1], s[..., 0], s[..., 1])
    u_num = cross2(qp[..., 0], qp[..., 1], r[..., 0], r[..., 1])
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):  # fuzzed maps reach 1e308
        t = t_num / denom
        u = u_num / denom
    nonparallel = denom != 0.0
    return nonparallel & (t >= 0.0) & (t <= 1.0) & (u >= 0.0) & (u <= 1.0)
