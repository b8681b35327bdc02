"""Recipes: Brescia → Verona → Vicenza → Padova → Ferrara (see ``stagebuild.Recipe``)."""

from __future__ import annotations

import math

import numpy as np
import shapely
from features import (
    boats_and_reeds,
    castle,
    fields,
    finish_square,
    paint_town_band,
    paint_town_ground,
    poplar_plantation,
    shore_polygon,
    town,
    town_area,
    town_band,
    town_gate,
    town_rect_m,
    village,
)
from mapworld import COBBLES, GRASS, TILE_M, WATER, WET, place_pine
from stagebuild import Arc, Build, Recipe, Straight, Timing

# ---------------------------------------------------------------------------------------------------
# 1. Brescia → Verona: the start ramp on Viale Venezia, crowds and flags; Lake Garda at dusk.
CITY, PLAIN, LAKE, SIRMIONE, VERONA = "city", "plain", "lake", "sirmione", "verona"
BV_PLAN = [
    (CITY, Straight(420)),
    (PLAIN, Arc(-90, 70)),
    (PLAIN, Straight(300)),
    (PLAIN, Arc(30, 150)),
    (PLAIN, Straight(90)),
    (PLAIN, Arc(-30, 150)),
    (PLAIN, Straight(320)),
    (PLAIN, Arc(90, 70)),
    (LAKE, Straight(140)),
    (LAKE, Arc(-20, 200)),
    (LAKE, Straight(60)),
    (LAKE, Arc(20, 200)),
    (SIRMIONE, Straight(180)),
    (LAKE, Arc(20, 200)),
    (LAKE, Straight(60)),
    (LAKE, Arc(-20, 200)),
    (LAKE, Straight(140)),
    (PLAIN, Arc(90, 70)),
    (PLAIN, Straight(330)),
    (PLAIN, Arc(25, 160)),
    (PLAIN, Straight(60)),
    (PLAIN, Arc(-25, 160)),
    (PLAIN, Straight(200)),
    (PLAIN, Arc(-90, 60)),
    (VERONA, Straight(420)),
]


def sirmione_peninsula(x: float, y: float) -> list[tuple[float, float]]:
    """The peninsula reaching north into the lake from the road at (x, y)."""
    return [(x - 26, y - 20), (x + 26, y - 20), (x + 22, y - 190), (x, y - 214), (x - 22, y - 190)]


def bv_terrain(b: Build) -> None:
    s0, _ = b.cl.zone_span(LAKE)
    _, s1 = b.cl.zone_span(LAKE)
    b.paint_poly(shore_polygon(b, s0 - 90, s1 + 90, -30.0, 7.0, "top"), WATER)
    # Sirmione: a narrow peninsula reaching north into the lake, the Rocca at its tip
    sm0, sm1 = b.cl.zone_span(SIRMIONE)
    x, y, _ = b.at((sm0 + sm1) / 2)
    b.paint_poly(sirmione_peninsula(x, y), GRASS)
    b.paint_ellipse(x, y - 226, 30, 26, WATER)
    b.paint_ellipse(x, y - 226, 21, 18, COBBLES)
    city0, city1 = b.cl.zone_span(CITY)
    paint_town_ground(b, city0, city1 - 40, 56.0, paved_m=30.0)  # the viale: crowds, plane trees
    v0, v1 = b.cl.zone_span(VERONA)
    paint_town_band(b, v0 + 4, v1, 60.0, finish_square(b))


def bv_scenery(b: Build) -> None:
    w, cl = b.w, b.cl
    # Viale Venezia: the ramp, the banner, crowds behind the kerbs, flags on every house
    x, y, _ = b.at(0.0)
    r, c = w.cell_of(x, y)
    b.piece_names("ramp", r - 1, c - 1, [["tl", "t", "tr"], ["bl", "b", "br"]])
    w.put_block(r - 1, c + 2, [["t"], ["m"], ["b"]], "banner_v", "above")
    city0, city1 = cl.zone_span(CITY)
    b.crowd(city0 + 14, city1 - 30, 0.85, (-10.5, 10.5, -14.0, 14.0))
    b.bunting(city0 + 30, city1 - 40, 24.0)
    b.along("plane", city0 + 8, city1 - 40, 12.0, (-18.0, 18.0), clear=16.0)
    # behind the crowds and the plane trees of the viale
    town(b, town_area(*town_rect_m(b, city0, city1 - 40, 56.0)), city0, city1 - 40, front_m=12.0)
    # the plain: vineyards of the Franciacorta's edge and the Lugana, poplars on the roads
    fields(b, (PLAIN, CITY), ["vineyard_h", "vineyard_v", "wheat", "meadow", "olive_grove", "grass", "vineyard_h"])
    fields(b, LAKE, ["olive_grove", "vineyard_h", "olive_grove", "meadow", "cypress_grove"])
    p0, _ = cl.zone_span(PLAIN)
    b.along("poplar", p0 + 40, p0 + 560, 10.0, (-10.5, 10.5))
    # past the lake, plane trees with white-banded trunks line the road, as on the 1950s statali
    _, lake1 = cl.zone_span(LAKE)
    b.along("trunk_marker", lake1 + 30, lake1 + 640, 13.0, (-9.5, 9.5))
    # Lake Garda: Sirmione's houses by the road, umbrella pines on the shore, olives inland,
    # boats, the Rocca
    sm0, sm1 = cl.zone_span(SIRMIONE)
    b.houses_along(sm0 + 10, sm1 - 10, (1,), 15.0)
    l0, l1 = cl.zone_span(LAKE)
    for s in np.arange(l0 + 20, l1 - 20, 27.0):
        place_pine(w, *b.cell(float(s), -13.0 if b.rng.random() < 0.6 else 13.0))
    for rr in range(w.rows):
        for cc in range(w.cols):
            k = w.near[rr, cc]
            if k < 0 or cl.zones[cl.zone[k]] not in (LAKE, SIRMIONE) or w.side_of(rr, cc) < 0:
                continue
            if 13.0 <= w.dist[rr, cc] <= 70.0 and rr % 2 == 0 and (cc + rr // 2) % 2 == 0 and b.rng.random() < 0.8:
                if w.can_place(rr, cc):
                    w.put(rr, cc, "olive")
    x, y, _ = b.at((sm0 + sm1) / 2)
    rr, cc = w.cell_of(x, y - 226)
    castle(b, rr - 3, cc - 3, 7)
    # Sirmione's old town along the lane up the peninsula to the Rocca
    village(b, shapely.Polygon(sirmione_peninsula(x, y)).buffer(-5.0), np.array([(x, y - 14), (x, y - 200)]))
    b.along("cypress", sm0 - 40, sm1 + 40, 9.0, (-10.5,))
    boats_and_reeds(b, 26)
    # Verona: Porta Nuova in the walls, cobbles and houses inside
    v0, v1 = cl.zone_span(VERONA)
    town_gate(b, v0 + 4, 30)
    town_band(b, v0 + 8, v1, 60.0, squares=finish_square(b))  # inside the walls
    b.crowd(b.s_finish - 30, b.s_finish + 20, 0.9)
    b.finish_line(b.s_finish)
    b.bunting(v0 + 30, b.s_finish, 20.0)


BRESCIA_VERONA = Recipe(
    id="brescia-verona",
    title="Brescia → Verona",
    time_of_day="dusk",
    weather="clear",
    seed=1927,
    plan=BV_PLAN,
    start_name="Viale Venezia",
    finish_name="Verona, Porta Nuova",
    checkpoints=[("Rezzato", 560.0), ("Desenzano", 1250.0), ("Sirmione", 1560.0), ("Peschiera", 2300.0)],
    margins=(100.0, 300.0, 100.0, 60.0),
    terrain=bv_terrain,
    scenery=bv_scenery,
    road={CITY: COBBLES, VERONA: COBBLES},
    town_zones=(CITY, VERONA),
    timing=[
        Timing("pc_line", "PC 1 Lonato", 700.0, (("order", "int", "1"), ("trial", "string", "PC 1"))),
        Timing(
            "pc_line",
            "PC 1 end",
            820.0,
            (("order", "int", "2"), ("target_s", "float", "9.5"), ("trial", "string", "PC 1")),
        ),
    ],
)


def pc_trial(trial: str, lines: list[tuple[str, float, float | None]]) -> list[Timing]:
    """A prova cronometrata: (name, position, target_s of the section ending there)."""
    out = []
    for k, (name, s, target) in enumerate(lines, start=1):
        props = [("order", "int", str(k)), ("trial", "string", trial)]
        if target is not None:
            props.append(("target_s", "float", f"{target:g}"))
        out.append(Timing("pc_line", name, s, tuple(props)))
    return out


def snake(first: tuple[str, float], legs: list[tuple[str, float, float]], radius: float = 60.0) -> list:
    """A road of straights joined by 90° bends: ``legs`` are (zone, turn° before it, length)."""
    plan: list = [(first[0], Straight(first[1]))]
    for zone, turn, length in legs:
        plan.append((zone, Arc(turn, radius)))
        plan.append((zone, Straight(length)))
    return plan


# ---------------------------------------------------------------------------------------------------
# 2. Verona → Vicenza, at night: the Arena on Piazza Bra, the Adige, Soave's vineyards,
#    Palladio's Rotonda on its hill and the Basilica in Vicenza's piazza.
BRA, ADIGE, SOAVE, ROTONDA, VICENZA = "bra", "adige", "soave", "rotonda", "vicenza"
VV_PLAN = [
    (BRA, Straight(340)),
    (ADIGE, Arc(90, 60)),
    (ADIGE, Straight(450)),
    (SOAVE, Arc(-90, 60)),
    (SOAVE, Straight(320)),
    (SOAVE, Arc(-90, 60)),
    (SOAVE, Straight(300)),
    (SOAVE, Arc(25, 140)),
    (SOAVE, Straight(60)),
    (SOAVE, Arc(-25, 140)),
    (SOAVE, Straight(260)),
    (ROTONDA, Arc(90, 60)),
    (ROTONDA, Straight(160)),
    (ROTONDA, Arc(90, 60)),
    (ROTONDA, Straight(520)),
    (VICENZA, Arc(-90, 60)),
    (VICENZA, Straight(420)),
]


def vv_terrain(b: Build) -> None:
    a0, a1 = b.cl.zone_span(ADIGE)
    b.paint_along(a0 - 40, a1 + 60, 28.0, 64.0, WATER)  # the Adige, west of the road
    b0, b1 = b.cl.zone_span(BRA)
    paint_town_ground(b, b0, b1 - 20, 64.0)
    v0, v1 = b.cl.zone_span(VICENZA)
    paint_town_band(b, v0 + 104, v1, 64.0, finish_square(b))


def vv_scenery(b: Build) -> None:
    w, cl = b.w, b.cl
    b0, b1 = cl.zone_span(BRA)
    # Piazza Bra: pale paving, the Arena north of the road, lamps, the crowd of the night start
    x, y, _ = b.at(150.0)
    r, c = w.cell_of(x, y)
    b.ground_rect(r - 14, c - 10, r - 1, c + 14, "piazza")
    b.piece("arena", r - 12, c - 6, 8, 10)
    for cc in range(c - 9, c + 14, 3):
        w.put(r - 3, cc, "lamp")
    b.crowd(b0 + 10, b1 - 20, 0.6, (10.5, 13.5))
    town(b, town_area(*town_rect_m(b, b0, b1 - 20, 64.0)), b0, b1 - 20)
    # the Adige on the right, cypresses along the embankment
    a0, a1 = cl.zone_span(ADIGE)
    b.along("cypress", a0 + 30, a1, 9.0, (-10.5,))
    boats_and_reeds(b, 4)
    # Soave: vineyards everywhere, a castle on the hill
    fields(b, (SOAVE, ADIGE, BRA), ["vineyard_h", "vineyard_v", "vineyard_h", "vineyard_v", "meadow", "wood"])
    s0, s1 = cl.zone_span(SOAVE)
    r, c = b.cell((s0 + s1) / 2, -70.0)
    castle(b, r - 3, c - 3, 7)
    b.along("trunk_marker", s0 + 20, s1, 13.0, (-9.5, 9.5))  # white-banded roadside planes
    # La Rotonda on its hill, cypress avenue up to it
    ro0, ro1 = cl.zone_span(ROTONDA)
    r, c = b.cell(ro1 - 150, -44.0)
    b.ground_rect(r - 3, c - 3, r + 7, c + 7, "meadow")
    b.piece("rotonda", r, c, 4, 4)
    b.along("cypress", ro0 + 30, ro1 - 20, 8.0, (-10.5, 10.5))
    fields(b, (ROTONDA,), ["olive_grove", "meadow", "cypress_grove", "vineyard_h"])
    # Vicenza: the Basilica Palladiana on Piazza dei Signori, the finish beside it
    v0, v1 = cl.zone_span(VICENZA)
    town_gate(b, v0 + 104, 24)  # 10 m into the straight after the bend: a gate spans a straight road
    x, y, _ = b.at(b.s_finish - 40)
    r, c = w.cell_of(x, y)
    b.ground_rect(r - 10, c - 8, r - 1, c + 10, "piazza")
    b.piece("basilica", r - 7, c - 4, 3, 6)
    w.put_block(r - 9, c + 4, [["tl", "tr"], ["bl", "br"]], "tower")  # the Torre Bissara
    town_band(b, v0 + 108, v1, 64.0, squares=finish_square(b))  # inside the walls
    b.crowd(b.s_finish - 60, b.s_finish + 20, 0.8, (10.5,))
    b.finish_line(b.s_finish)


VERONA_VICENZA = Recipe(
    id="verona-vicenza",
    title="Verona → Vicenza",
    time_of_day="night",
    weather="clear",
    seed=1930,
    plan=VV_PLAN,
    start_name="Piazza Bra",
    finish_name="Vicenza, Piazza dei Signori",
    checkpoints=[("Porta Vescovo", 0.18), ("San Martino", 0.4), ("Soave", 0.6), ("Montebello", 0.8)],
    terrain=vv_terrain,
    scenery=vv_scenery,
    road={BRA: COBBLES, VICENZA: COBBLES},
    town_zones=(BRA, VICENZA),
    background="#6f8f4a",
)


# ---------------------------------------------------------------------------------------------------
# 3. Vicenza → Padova, in the rain: the Riviera del Brenta's villas, wet roads, Prato della
#    Valle — an ellipse of statues round a canal — and the domes of the Santo.
RIVIERA, BRENTA, PRATO, SANTO = "riviera", "brenta", "prato", "santo"
PRATO_R = 84.0
VP_PLAN = [
    (RIVIERA, Straight(380)),
    (RIVIERA, Arc(90, 90)),
    (RIVIERA, Straight(380)),
    (BRENTA, Arc(-90, 90)),
    (BRENTA, Straight(420)),
    (BRENTA, Arc(-90, 90)),
    (BRENTA, Straight(240)),
    (BRENTA, Arc(90, 90)),
    (BRENTA, Straight(240)),
    (PRATO, Straight(60)),
    (PRATO, Arc(180, PRATO_R)),
    (SANTO, Straight(60)),
    (SANTO, Arc(-90, 60)),
    (SANTO, Straight(320)),
]


def prato_centre(b: Build) -> tuple[float, float]:
    p0, _ = b.cl.zone_span(PRATO)
    x, y, h = b.at(p0 + 60)
    return x - math.sin(h) * PRATO_R, y + math.cos(h) * PRATO_R


def vp_terrain(b: Build) -> None:
    cx, cy = prato_centre(b)
    p0, _ = b.cl.zone_span(PRATO)
    _, s1 = b.cl.zone_span(SANTO)
    paint_town_ground(b, p0 - 60, s1 + 40, 70.0, finish_square(b))
    b.paint_ellipse(cx, cy, PRATO_R - 8, PRATO_R - 8, GRASS)  # the island's outer bank, inside the ring road
    b.paint_ellipse(cx, cy, 60, 60, WATER, inner=0.8)  # the canal: a ring 12 m wide
    b0, b1 = b.cl.zone_span(BRENTA)
    b.paint_along(b0 - 30, b1 - 60, -52.0, -26.0, WATER)  # the Brenta canal


def vp_scenery(b: Build) -> None:
    w, cl = b.w, b.cl
    cx, cy = prato_centre(b)
    # statues on both banks of the canal, four bridges (paths across), the island's lawns
    for ring, n in ((44.0, 28), (68.0, 40)):
        for k in range(n):
            a = 2 * math.pi * k / n
            r, c = w.cell_of(cx + ring * math.cos(a), cy + ring * math.sin(a))
            if w.decor[r, c] == 0 and w.dist[r, c] > 7.0:
                w.put(r, c, "statue")
    for a in (0, math.pi / 2, math.pi, 3 * math.pi / 2):
        for d in np.arange(0, 76, 3.0):
            r, c = w.cell_of(cx + d * math.cos(a), cy + d * math.sin(a))
            if w.decor[r, c] == 0:
                w.put(r, c, "piazza", "ground")
    r, c = w.cell_of(cx, cy)
    w.put_block(r - 1, c - 1, [["tl", "tr"], ["bl", "br"]], "fountain")
    for rr in range(r - 10, r + 11):
        for cc in range(c - 10, c + 11):
            d = math.hypot((cc + 0.5) * TILE_M - cx, (rr + 0.5) * TILE_M - cy)
            lawn = w.decor[rr, cc] == 0 and w.ground[rr, cc] != w.gid("piazza")
            if 14 < d < 38 and lawn and b.rng.random() < 0.12:
                w.put(rr, cc, "bush" if b.rng.random() < 0.5 else "plane")
    w.reserved[r - 22 : r + 23, c - 22 : c + 23] = True
    # Santa Giustina's domes south of the Prato, the Santo's domes and towers by the finish
    rr, cc = w.cell_of(cx + 30, cy + PRATO_R + 22)
    b.piece_names("dome", rr, cc, [[f"{i}{j}" for j in range(4)] for i in range(4)])
    _, s1 = cl.zone_span(SANTO)
    r, c = b.cell(b.s_finish - 40, -30.0)
    dome = [[f"{i}{j}" for j in range(4)] for i in range(4)]
    b.piece_names("dome", r - 4, c - 4, dome, clear_m=10.0)
    b.piece_names("dome", r - 4, c, dome, clear_m=10.0)
    b.piece_names("tower", r - 6, c - 5, [["tl", "tr"], ["bl", "br"]], clear_m=10.0)
    b.piece_names("tower", r - 6, c + 4, [["tl", "tr"], ["bl", "br"]], clear_m=10.0)
    p0, _ = cl.zone_span(PRATO)
    town(b, town_area(*town_rect_m(b, p0 - 60, s1 + 40, 70.0)), p0 - 60, s1, squares=finish_square(b))
    b.crowd(b.s_finish - 50, b.s_finish + 20, 0.8)
    b.finish_line(b.s_finish)
    # the Riviera: villas on the Brenta, poplars and fields
    b0, b1 = cl.zone_span(BRENTA)
    b.houses_along(b0 + 40, b1 - 80, (1,), 16.0)
    b.along("poplar", b0 + 20, b1, 10.0, (10.5,))
    b.along("trunk_marker", b0 + 26, b1, 13.0, (-9.5,))  # white-banded planes on the canal side
    fields(b, (RIVIERA, BRENTA, PRATO), ["wheat", "ploughed", "meadow", "wood", "grass", "vineyard_h"], (8, 12))
    r, c = b.cell((b0 + b1) / 2, 60.0)
    b.piece("rotonda", r, c, 4, 4)  # a Palladian villa on the Riviera (Villa Pisani's cousins)
    boats_and_reeds(b, 3)


VICENZA_PADOVA = Recipe(
    id="vicenza-padova",
    title="Vicenza → Padova",
    time_of_day="day",
    weather="rain",
    seed=1956,
    plan=VP_PLAN,
    start_name="Vicenza, Porta Padova",
    finish_name="Padova, il Santo",
    checkpoints=[("Torri di Quartesolo", 0.2), ("Grisignano", 0.42), ("Mestrino", 0.62), ("Prato della Valle", 0.84)],
    terrain=vp_terrain,
    scenery=vp_scenery,
    road={RIVIERA: WET, BRENTA: WET, PRATO: WET, SANTO: COBBLES},
    town_zones=(SANTO,),
    background="#7d9c52",
)


# ---------------------------------------------------------------------------------------------------
# 4. Padova → Ferrara: poplar plains, Rovigo, the long truss bridge over the Po at
#    Pontelagoscuro (drawn over the cars), the Estense city ahead.
BASSA, ROVIGO, PO, FERRARA_N = "bassa", "rovigo", "po", "ferrara_n"
RIVER_M = (230.0, 410.0)  # the Po spans these metres along the bridge leg
PO_LEG_M = 700.0
FERRARA_M = 210.0  # the houses before the finish at Porta Po: the last straight
PF_PLAN = [
    (BASSA, Straight(420)),
    (BASSA, Arc(90, 60)),
    (BASSA, Straight(240)),
    (BASSA, Arc(90, 60)),
    (BASSA, Straight(260)),
    (BASSA, Arc(-90, 60)),
    (BASSA, Straight(160)),
    (BASSA, Arc(-90, 60)),
    (BASSA, Straight(300)),
    (ROVIGO, Arc(90, 60)),
    (ROVIGO, Straight(220)),
    (PO, Arc(-90, 60)),
    (PO, Straight(160)),
    (PO, Arc(90, 60)),
    (PO, Straight(PO_LEG_M)),
    (FERRARA_N, Arc(-90, 60)),
    (FERRARA_N, Straight(380)),
    (FERRARA_N, Arc(-90, 60)),
    (FERRARA_N, Straight(220)),
]


def po_span(b: Build) -> tuple[float, float]:
    _, p1 = b.cl.zone_span(PO)
    s_leg = p1 - PO_LEG_M  # the bridge leg is the last straight of the zone, heading south
    return s_leg + RIVER_M[0], s_leg + RIVER_M[1]


def pf_terrain(b: Build) -> None:
    a, z = po_span(b)
    _, y0, _ = b.at(a)
    _, y1, _ = b.at(z)
    X, Y = b.corner_xy()
    wob = 10 * np.sin(X / 90.0) + 6 * np.sin(X / 37.0 + 1)
    b.w.corner[(Y >= y0 + wob) & (Y <= y1 + wob * 0.5)] = WATER
    paint_town_ground(b, *b.cl.zone_span(ROVIGO), 48.0, rovigo_square(b))
    _, f1 = b.cl.zone_span(FERRARA_N)
    paint_town_band(b, f1 - FERRARA_M, f1, 44.0, finish_square(b))


def rovigo_square(b: Build) -> list[tuple[float, float]]:
    ro0, ro1 = b.cl.zone_span(ROVIGO)
    return [((ro0 + ro1) / 2 - 20, (ro0 + ro1) / 2 + 20)]


def pf_scenery(b: Build) -> None:
    w, cl = b.w, b.cl
    a, z = po_span(b)
    x, y0, _ = b.at(a - 30)
    _, y1, _ = b.at(z + 30)
    c = round(x / TILE_M)  # the leg runs on a tile-corner column
    wet_rows = [
        r
        for r in range(int(y0 // TILE_M), int(y1 // TILE_M) + 1)
        if (w.corner[r : r + 2, c - 4 : c + 4] == WATER).any()
    ]
    for r in range(min(wet_rows) - 1, max(wet_rows) + 2):
        w.put(r, c - 3, "parapet_w", "ground")
        w.put(r, c + 2, "parapet_e", "ground")
        for cc in range(c - 2, c + 2):
            w.put(r, cc, "bridge_deck", "ground")
            w.put(r, cc, "truss_m", "above")
        w.put(r, c - 3, "truss_w", "above")
        w.put(r, c + 2, "truss_e", "above")
        w.reserved[r, c - 4 : c + 4] = True
    boats_and_reeds(b, 10)
    # Rovigo and the houses before Porta Po first: the fields and the poplar rows of the
    # bassa stop at them
    ro0, ro1 = cl.zone_span(ROVIGO)
    r0, c0, r1, c1 = town_rect_m(b, ro0, ro1, 48.0)
    town(b, town_area(r0, c0 + 4, r1, c1 - 4), ro0, ro1, squares=rovigo_square(b))
    _, f1 = cl.zone_span(FERRARA_N)
    town_band(b, f1 - FERRARA_M, f1, 44.0, squares=finish_square(b))
    # the bassa: poplar plantations in strict rows, wheat, a cascina
    for s, side in ((150.0, 1), (500.0, -1), (900.0, 1), (1800.0, 1), (2050.0, -1)):
        r, cc = b.cell(s, side * 40.0)
        poplar_plantation(b, r - 8, cc - 8, r + 8, cc + 8)
    fields(b, (BASSA, ROVIGO, PO, FERRARA_N), ["wheat", "ploughed", "wheat", "meadow", "grass", "vineyard_v"], (8, 12))
    b.along("poplar", 20, ro0 - 10, 10.0, (-10.5, 10.5))
    b.along("poplar", ro1 + 10, f1 - FERRARA_M - 10, 10.0, (-10.5, 10.5))
    b.along("cyclists", ro1 + 200, ro1 + 201, 10.0, (10.5,))
    b.crowd(b.s_finish - 60, b.s_finish + 20, 0.8)
    b.finish_line(b.s_finish)


PADOVA_FERRARA = Recipe(
    id="padova-ferrara",
    title="Padova → Ferrara",
    time_of_day="day",
    weather="clear",
    seed=1955,
    plan=PF_PLAN,
    start_name="Padova, Bassanello",
    finish_name="Ferrara, Porta Po",
    checkpoints=[("Monselice", 0.2), ("Rovigo", 0.36), ("Ponte sul Po", 0.62), ("Pontelagoscuro", 0.8)],
    terrain=pf_terrain,
    scenery=pf_scenery,
    road={ROVIGO: COBBLES},
    town_zones=(ROVIGO,),
    timing=pc_trial("PC 2", [("PC 2 start", 0.07, None), ("PC 2 a", 0.1, 8.0), ("PC 2 b", 0.14, 11.0)]),
)

RECIPES = [BRESCIA_VERONA, VERONA_VICENZA, VICENZA_PADOVA, PADOVA_FERRARA]
