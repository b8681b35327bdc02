"""The night's light multiplied over the frame in numba (``multiply_light``), where
pygame's own operations were the frame's slowest step.

It gives exactly what pygame gives (the light map enlarged by ``transform.scale``, then
``BLEND_MULT``) for 32-bit surfaces of one pixel format, the frame's and the light map's
(``fits``); pygame's own operations serve any other. At 1920×1080, a frame a third lit:
0.28 ms in one process with warm caches, against 0.6–0.8 ms for pygame's enlarge,
``BLEND_MULT`` blits and fills (the enlarge of the whole map alone: 1.3 ms); in the
render benchmark's frames 0.8–0.9 ms against 1.3–1.8 ms (BENCHMARKS.md).

Why it is faster: each row of the light map is enlarged once into a buffer and then
multiplied into its ``block`` rows of the frame, contiguous loops the compiler
vectorises. The loops index slices from 0: with a variable start numba checks every
index for wrap-around and the loop is not vectorised (ten times slower). A numba
nearest-pixel resize of the whole frame (for the frames between two zoom levels) was
tried too and was no faster than ``transform.scale`` (2.0 against 2.0 ms): its gather
does not vectorise.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pygame
from numba import njit
from numpy.typing import NDArray

U32 = NDArray[np.uint32]
I64 = NDArray[np.int64]


def fits(*surfaces: pygame.Surface) -> bool:
    """Whether these surfaces can be worked on here: 32 bits a pixel, all with the same
    channel masks (a multiply per byte then means a multiply per channel)."""
    masks = {s.get_masks()[:3] for s in surfaces}
    return len(masks) == 1 and all(s.get_bytesize() == 4 for s in surfaces)


def rows(surface: pygame.Surface) -> tuple[U32, int]:
    """The pixels of ``surface`` (a subsurface too) as rows of its top-level surface's
    whole pitch, C-contiguous so numba's loops over them vectorise, and the column of
    the surface's left edge in them. A view: write to it and the surface changes."""
    parent = surface.get_abs_parent()
    x0, y0 = surface.get_abs_offset()
    pitch = parent.get_pitch() // 4
    buffer: Any = parent.get_buffer()  # a BufferProxy: the buffer protocol, which the stubs do not say
    whole = np.frombuffer(buffer, dtype=np.uint32).reshape(parent.get_height(), pitch)
    return whole[y0 : y0 + surface.get_height()], x0


@njit(cache=True, inline="always")
def _mul(p: np.uint32, light: np.uint32) -> np.uint32:
    """Each colour byte of ``p`` times that of ``light`` / 255, rounded as SDL's
    ``BLEND_MULT`` does ((a·b + 255) >> 8); the top byte of ``p`` kept."""
    m = np.uint32(255)
    r = (((p >> np.uint32(16)) & m) * ((light >> np.uint32(16)) & m) + m) >> np.uint32(8)
    g = (((p >> np.uint32(8)) & m) * ((light >> np.uint32(8)) & m) + m) >> np.uint32(8)
    b = ((p & m) * (light & m) + m) >> np.uint32(8)
    return (p & np.uint32(0xFF000000)) | (r << np.uint32(16)) | (g << np.uint32(8)) | b


@njit(cache=True)
def _multiply_light(
    frame: U32, fx: int, width: int, light: U32, lx: int, block: int, spans: I64, ambient: np.uint32
) -> None:
    """Multiply ``frame`` (``width`` pixels from column ``fx``) by ``light`` (from column
    ``lx``), each light pixel ``block`` × ``block`` frame pixels. ``spans``: rows of
    (top, bottom, left, right) [light px]; outside [left, right) a row is multiplied by
    ``ambient``, the light map's value there."""
    height = frame.shape[0]
    enlarged = np.empty(width + block, np.uint32)  # a last light pixel may reach past the frame's edge
    for s in range(spans.shape[0]):
        top, bottom = spans[s, 0], spans[s, 1]
        lo = min(width, spans[s, 2] * block)
        hi = min(width, spans[s, 3] * block)
        for ly in range(top, bottom):
            if hi > lo:
                src = light[ly, lx + spans[s, 2] : lx + spans[s, 3]]
                for j in range(src.size):
                    v = src[j]
                    for b in range(block):
                        enlarged[j * block + b] = v
            for y in range(ly * block, min(height, (ly + 1) * block)):
                left = frame[y, fx : fx + lo]
                for x in range(left.size):
                    left[x] = _mul(left[x], ambient)
                lit = frame[y, fx + lo : fx + hi]
                for x in range(lit.size):
                    lit[x] = _mul(lit[x], enlarged[x])
                right = frame[y, fx + hi : fx + width]
                for x in range(right.size):
                    right[x] = _mul(right[x], ambient)


def multiply_light(
    frame: pygame.Surface, light: pygame.Surface, block: int, spans: list[tuple[int, int, int, int]], ambient: int
) -> None:
    """``frame`` multiplied by ``light`` enlarged ``block`` times by nearest pixel, as
    ``BLEND_MULT`` would: only the spans (top, bottom, left, right) [light-map px]
    read the light map, the rest of each band is multiplied by ``ambient`` (a pixel
    value of the frame's format). The spans cover the light map's rows from 0 down."""
    if not spans:
        return
    f, fx = rows(frame)
    lmap, lx = rows(light)
    _multiply_light(f, fx, frame.get_width(), lmap, lx, block, np.array(spans, dtype=np.int64), np.uint32(ambient))


def compile_kernels() -> None:
    """Compile (or load from numba's cache) the pass on a tiny frame, so the first night
    frame does not wait for it: about 4 s of CPU with an empty cache."""
    frame = np.zeros((4, 8), np.uint32)
    light = np.zeros((2, 4), np.uint32)
    _multiply_light(frame, 0, 8, light, 0, 2, np.array([[0, 2, 1, 3]], dtype=np.int64), np.uint32(0))
