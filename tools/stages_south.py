"""Recipes: Ferrara → Ravenna, L'Aquila → Rieti, Rieti → Roma (see ``stagebuild.Recipe``)."""

from __future__ import annotations

import math

import numpy as np
from features import (
    castle,
    cells_near,
    fields,
    finish_square,
    paint_town_band,
    paint_town_ground,
    pine_wood,
    town,
    town_area,
    town_band,
    town_gate,
    town_rect_m,
)
from mapworld import COBBLES, GRAVEL, SAND, TILE_M, WATER, place_pine
from numpy.typing import NDArray
from stagebuild import Arc, Build, Recipe, Straight, Timing
from stages_north import pc_trial

# ---------------------------------------------------------------------------------------------------
# 5. Ferrara → Ravenna: out of the Estense city through its walls and over the moat, across
#    the reclaimed plain, into the Pineta di Classe — umbrella pines, sand, the salt pans.
ESTENSE, MURA, BONIFICA, PINETA, RAVENNA = "estense", "mura", "bonifica", "pineta", "ravenna"
FR_PLAN = [
    (ESTENSE, Straight(320)),
    (MURA, Straight(140)),
    (BONIFICA, Arc(90, 60)),
    (BONIFICA, Straight(380)),
    (BONIFICA, Arc(-90, 60)),
    (BONIFICA, Straight(240)),
    (BONIFICA, Arc(-90, 60)),
    (BONIFICA, Straight(220)),
    (BONIFICA, Arc(90, 60)),
    (BONIFICA, Straight(160)),
    (BONIFICA, Arc(90, 60)),
    (BONIFICA, Straight(200)),
    (PINETA, Arc(-90, 60)),
    (PINETA, Straight(240)),
    (PINETA, Arc(-90, 60)),
    (PINETA, Straight(180)),
    (PINETA, Arc(30, 120)),
    (PINETA, Straight(50)),  # room to settle between the two bends of the S: the car is not thrown
    (PINETA, Arc(-30, 120)),  # sideways onto the sand as it changes direction
    (PINETA, Straight(240)),
    (PINETA, Arc(90, 60)),
    (PINETA, Straight(260)),
    (RAVENNA, Arc(-90, 60)),
    (RAVENNA, Straight(260)),
]


def fr_terrain(b: Build) -> None:
    e0, e1 = b.cl.zone_span(ESTENSE)
    paint_town_ground(b, e0, e1, 64.0)
    x, _, _ = b.at(e1)
    b.paint_rect_m(x + 12, -10, x + 30, b.w.rows * TILE_M + 10, WATER)  # the moat outside the walls
    cx, cy, _ = b.at(110.0)
    b.paint_rect_m(cx - 30, cy - 66, cx + 30, cy - 22, WATER)  # the Castello Estense's moat
    b.paint_rect_m(cx - 20, cy - 58, cx + 20, cy - 30, COBBLES)
    r0, r1 = b.cl.zone_span(RAVENNA)
    paint_town_ground(b, r0 + 40, r1 + 40, 56.0, finish_square(b))
    # the salt pans east of the pinewood: a lagoon with basins
    p0, p1 = b.cl.zone_span(PINETA)
    # sand under the pines from 12 m off the road's centre (its edge drawn by the Wang tiles,
    # along the road at any angle), then the salt pans' lagoon over it on the left
    b.paint_along(p0 - 40, p1 + 20, 12.0, 90.0, SAND)
    b.paint_along(p0 - 40, p1 + 20, -90.0, -12.0, SAND)
    b.paint_along(p0 + 200, p1 - 60, -150.0, -60.0, WATER)


def fr_scenery(b: Build) -> None:
    w, cl = b.w, b.cl
    e0, e1 = cl.zone_span(ESTENSE)
    cx, cy, _ = b.at(110.0)
    r, c = w.cell_of(cx, cy - 44)
    castle(b, r - 3, c - 4, 8)
    r0, c0, r1, _ = town_rect_m(b, e0, e1, 64.0)
    town(b, town_area(r0, c0, r1, int((b.at(e1)[0] + 8) // TILE_M)), e0, e1)
    b.crowd(10, e1 - 10, 0.7, (10.5,))
    b.bunting(30, e1 - 20, 22.0)
    town_gate(b, e1 + 4, 40)  # Porta Mare in the Renaissance walls
    m0, m1 = cl.zone_span(MURA)
    b.along("poplar", m0 + 40, m1 + 30, 8.0, (-10.5, 10.5))
    # the bonifica: wheat and ploughed land in huge rectangles, rows of poplars
    fields(b, (BONIFICA, MURA, ESTENSE), ["wheat", "ploughed", "wheat", "meadow", "ploughed"], (10, 14))
    bo0, bo1 = cl.zone_span(BONIFICA)
    b.along("poplar", bo0, bo1, 10.0, (-10.5, 10.5))
    # the Pineta: umbrella pines crowding the road, sand under them, the salt pans beyond
    p0, p1 = cl.zone_span(PINETA)
    pine_wood(b, p0 - 40, p1 + 20, 90.0, 0.5, terrain=SAND)
    pans = cells_near(b, p0 + 200, p1 - 60, 40.0, 200.0)
    for rr, cc in zip(*np.nonzero(pans), strict=True):
        if w.pure(rr, cc, WATER) and (rr // 3 + cc // 4) % 5 != 0:
            w.put(int(rr), int(cc), "saltpan", "ground")
    b.along("cyclists", p0 + 100, p0 + 101, 10.0, (10.5,))
    # Ravenna: San Vitale's dome by the finish
    ra0, ra1 = cl.zone_span(RAVENNA)
    r, c = b.cell(b.s_finish - 40, -26.0)
    b.piece_names("dome", r - 4, c - 2, [[f"{i}{j}" for j in range(4)] for i in range(4)])
    town(b, town_area(*town_rect_m(b, ra0 + 40, ra1 + 40, 56.0)), ra0 + 40, ra1, squares=finish_square(b))
    b.crowd(b.s_finish - 60, b.s_finish + 20, 0.8)
    b.finish_line(b.s_finish)


FERRARA_RAVENNA = Recipe(
    id="ferrara-ravenna",
    title="Ferrara → Ravenna",
    time_of_day="day",
    weather="clear",
    seed=1940,
    plan=FR_PLAN,
    start_name="Ferrara, Castello Estense",
    finish_name="Ravenna, San Vitale",
    checkpoints=[("Porta Mare", 0.14), ("Argenta", 0.36), ("Alfonsine", 0.56), ("Classe", 0.8)],
    terrain=fr_terrain,
    scenery=fr_scenery,
    road={ESTENSE: COBBLES, RAVENNA: COBBLES},
    town_zones=(ESTENSE, RAVENNA),
    widths={PINETA: 12.0},  # the Via Romea through the pines: room on the sand-edged S-bends
    timing=[
        Timing("pm_start", "PM Pineta", 0.62, (("avg_kmh", "float", "45"), ("trial", "string", "PM 1"))),
        Timing("pm_secret", "PM Pineta secret", 0.69, (("trial", "string", "PM 1"),)),
        Timing("pm_end", "PM Pineta end", 0.76, (("trial", "string", "PM 1"),)),
    ],
)


# ---------------------------------------------------------------------------------------------------
# 6. L'Aquila → Rieti: the Apennines. Out of L'Aquila, up a ladder of hairpins — some of it
#    on white gravel — over the pass and down into the Rieti plain.
AQUILA, STERRATO, CLIMB, PASSO, DESCENT, RIETI = "aquila", "sterrato", "climb", "passo", "descent", "rieti"
LEG, HAIRPIN_R = 210.0, 22.0


def hairpins(zone: str, n: int, first_turn: float, leg: float = LEG) -> list:
    """``n`` 180° hairpins joined by legs; turns alternate, starting with ``first_turn``."""
    plan: list = []
    turn = first_turn
    for _ in range(n):
        plan.append((zone, Arc(turn, HAIRPIN_R)))
        plan.append((zone, Straight(leg)))
        turn = -turn
    return plan


AR_PLAN = [
    (AQUILA, Straight(200)),
    (STERRATO, Arc(90, 40)),
    (STERRATO, Straight(LEG)),
    *hairpins(CLIMB, 4, -180.0),
    (PASSO, Straight(260)),
    *hairpins(DESCENT, 2, 180.0, 150.0),
    (RIETI, Straight(120)),
    (RIETI, Arc(90, 40)),
    (RIETI, Straight(200)),
]


def ar_terrain(b: Build) -> None:
    a0, a1 = b.cl.zone_span(AQUILA)
    paint_town_ground(b, a0, a1 - 20, 48.0)
    r0, r1 = b.cl.zone_span(RIETI)
    paint_town_band(b, r0 + 120, r1 + 40, 44.0, finish_square(b))


def scree_patches(rows: int, cols: int, cell: int = 6, share: float = 0.6) -> NDArray[np.bool_]:
    """Where the scree lies, (rows, cols): smooth noise (random values every ``cell`` cells,
    blended bilinearly) above the level that leaves ``share`` of the map scree."""
    rng = np.random.default_rng(1957)
    coarse = rng.random((rows // cell + 2, cols // cell + 2))
    y, x = np.arange(rows) / cell, np.arange(cols) / cell
    y0, x0 = np.floor(y).astype(int), np.floor(x).astype(int)
    fy, fx = (y - y0)[:, None], (x - x0)[None, :]
    top = coarse[y0][:, x0] * (1 - fx) + coarse[y0][:, x0 + 1] * fx
    bottom = coarse[y0 + 1][:, x0] * (1 - fx) + coarse[y0 + 1][:, x0 + 1] * fx
    field = top * (1 - fy) + bottom * fy
    return field > np.quantile(field, 1.0 - share)


HAIRPIN_WALL_M = 16.0  # a hairpin's wall from the road's centre: 11 m of verge to run wide on


def ar_scenery(b: Build) -> None:
    w, cl, rng = b.w, b.cl, b.rng
    a0, a1 = cl.zone_span(AQUILA)
    town(b, town_area(*town_rect_m(b, a0, a1 - 20, 48.0)), a0, a1 - 20)
    b.crowd(10, a1, 0.6)
    # the mountain: pasture low down, scree higher in patches tens of metres across (a
    # choice per cell made a 4-m checkerboard), rocks and the odd bush
    scree = scree_patches(w.rows, w.cols)
    for rr in range(w.rows):
        for cc in range(w.cols):
            high = rr < w.rows * 0.45
            if w.reserved[rr, cc] and w.pure(rr, cc, 1) and not w.decor[rr, cc]:
                w.put(rr, cc, "scree" if high and scree[rr, cc] else "pasture", "ground")  # under a house
                continue
            if not w.pure(rr, cc, 1) or w.decor[rr, cc] or w.reserved[rr, cc]:
                continue
            if high:
                rng.random()  # the draw the per-cell choice took: everything placed after keeps its place
            w.put(rr, cc, "scree" if high and scree[rr, cc] else "pasture", "ground")
            p = rng.random()
            if p < 0.03 and w.can_place(rr, cc, clear_m=11.0):
                w.put(rr, cc, "rocks")
            elif p < 0.06 and w.can_place(rr, cc, clear_m=11.0):
                w.put(rr, cc, "bush" if high else "cypress")
    # dry-stone walls round the outside of every hairpin, following its curve (stone_wall
    # objects 9.6 m long, 16 m from the road's centre), spectators on the inside
    tight = np.nonzero(np.abs(cl.curvature) > 1 / 30)[0]
    next_s = -1e9
    for i in tight:
        s, outside = float(cl.s[i]), -float(np.sign(cl.curvature[i]))
        if s < next_s:
            continue
        x, y, h = b.at(s)
        wx, wy = x - math.sin(h) * outside * HAIRPIN_WALL_M, y + math.cos(h) * outside * HAIRPIN_WALL_M
        w.place_object("stone_wall", wx, wy, math.degrees(h), 0.6, 8.0)
        radius = 1.0 / abs(float(cl.curvature[i]))
        next_s = s + 11.0 * radius / (radius + HAIRPIN_WALL_M)  # 9.6 m pieces 11 m apart along the wall
    for i in tight[::9]:
        r, c = b.cell(float(cl.s[i]), np.sign(cl.curvature[i]) * 15.0)
        if w.inside(r, c) and w.decor[r, c] == 0 and w.dist[r, c] >= 14.0:
            w.put(r, c, "spectators_flags" if rng.random() < 0.5 else "spectators_a")
    ps0, ps1 = cl.zone_span(PASSO)
    r, c = b.cell((ps0 + ps1) / 2, -16.0)
    w.put_block(r - 2, c, [["tl", "tr"], ["bl", "br"]], "tower")  # the pass's old customs tower
    ri0, ri1 = cl.zone_span(RIETI)
    town_band(b, ri0 + 120, ri1 + 40, 44.0, squares=finish_square(b))
    b.crowd(b.s_finish - 60, b.s_finish + 20, 0.8)
    b.finish_line(b.s_finish)


AQUILA_RIETI = Recipe(
    id="aquila-rieti",
    title="L'Aquila → Rieti",
    time_of_day="day",
    weather="clear",
    seed=1947,
    plan=AR_PLAN,
    start_name="L'Aquila, Porta Romana",
    finish_name="Rieti, Porta d'Arce",
    checkpoints=[("Sella di Corno", 0.25), ("Tornante 5", 0.5), ("Passo", 0.66), ("Antrodoco", 0.82)],
    terrain=ar_terrain,
    scenery=ar_scenery,
    road={AQUILA: COBBLES, STERRATO: GRAVEL, PASSO: GRAVEL, RIETI: COBBLES},
    town_zones=(AQUILA, RIETI),
    background="#a7b35f",
    heading_deg=-90.0,
    timing=pc_trial(
        "PC 3",
        [("PC 3 start", 0.28, None), ("PC 3 tornante", 0.36, 16.0), ("PC 3 end", 0.44, 15.0)],
    ),
)


# ---------------------------------------------------------------------------------------------------
# 7. Rieti → Roma: the Via Salaria under umbrella pines, through the Aurelian walls, round
#    the Colosseum on the sampietrini, and up the curves of Via Veneto to the finish.
SALARIA, MURA_R, CENTRO, VENETO = "salaria", "mura_aureliane", "centro", "veneto"
RR_PLAN = [
    (SALARIA, Straight(520)),
    (SALARIA, Arc(90, 70)),
    (SALARIA, Straight(300)),
    (SALARIA, Arc(-90, 70)),
    (SALARIA, Straight(280)),
    (SALARIA, Arc(-90, 70)),
    (SALARIA, Straight(160)),
    (SALARIA, Arc(90, 70)),
    (MURA_R, Straight(80)),
    (CENTRO, Straight(420)),
    (CENTRO, Arc(90, 60)),
    (CENTRO, Straight(260)),
    (VENETO, Arc(-35, 110)),
    (VENETO, Straight(60)),
    (VENETO, Arc(35, 110)),
    (VENETO, Straight(40)),
    (VENETO, Arc(35, 110)),
    (VENETO, Straight(60)),
    (VENETO, Arc(-35, 110)),
    (VENETO, Straight(540)),
]


def rr_terrain(b: Build) -> None:
    m0, _ = b.cl.zone_span(MURA_R)
    _, v1 = b.cl.zone_span(VENETO)
    paint_town_band(b, m0 + 30, v1 + 40, 60.0, finish_square(b), paved_m=31.0)  # planes, cafés


def rr_scenery(b: Build) -> None:
    w, cl = b.w, b.cl
    s0, s1 = cl.zone_span(SALARIA)
    for s in np.arange(s0 + 20, s1, 26.0):  # the pines of the Salaria, both sides
        for off in (-13.0, 13.0):
            place_pine(w, *b.cell(float(s), off))
    fields(b, (SALARIA,), ["olive_grove", "meadow", "wheat", "cypress_grove", "grass"])
    m0, _ = cl.zone_span(MURA_R)
    town_gate(b, m0 + 30, 60)  # Porta Salaria
    # the Colosseum on its piazza, right of the road
    c0, _ = cl.zone_span(CENTRO)
    x, y, _ = b.at(c0 + 160)
    r, c = w.cell_of(x, y)
    b.ground_rect(r + 2, c - 12, r + 16, c + 12, "piazza")
    b.piece("colosseum", r + 4, c - 5, 8, 10)
    b.crowd(c0 + 60, c0 + 280, 0.5, (-10.5,))
    # Via Veneto: plane trees, café parasols, the crowd, the finish
    v0, v1 = cl.zone_span(VENETO)
    b.along("plane", v0 - 100, v1, 11.0, (-14.0, 14.0), clear=13.0)
    for s in np.arange(v0, v1, 9.0):
        r, c = b.cell(float(s), 18.0)
        if w.inside(r, c) and w.decor[r, c] == 0 and w.dist[r, c] > 14.0:
            w.put(r, c, "umbrella")
    b.bunting(v0 + 100, b.s_finish, 24.0)
    b.crowd(b.s_finish - 120, b.s_finish + 20, 0.85, (-14.0, 14.0))
    # behind the plane trees and the cafés' parasols of Via Veneto
    town_band(b, m0 + 30, v1 + 40, 60.0, front_m=12.5, squares=finish_square(b))
    b.finish_line(b.s_finish)


RIETI_ROMA = Recipe(
    id="rieti-roma",
    title="Rieti → Roma",
    time_of_day="dusk",
    weather="clear",
    seed=1957,
    plan=RR_PLAN,
    start_name="Rieti, Porta Romana",
    finish_name="Roma, Via Veneto",
    checkpoints=[("Passo Corese", 0.25), ("Monterotondo", 0.45), ("Porta Salaria", 0.6), ("Colosseo", 0.78)],
    terrain=rr_terrain,
    scenery=rr_scenery,
    road={CENTRO: COBBLES, VENETO: COBBLES, MURA_R: COBBLES},
    town_zones=(MURA_R, CENTRO, VENETO),
    timing=[Timing("co", "CO Roma", 0.95, (("due_min", "int", "4"),))],
)

RECIPES = [FERRARA_RAVENNA, AQUILA_RIETI, RIETI_ROMA]
