"""Where a claim is drawn: a point for its geometry, the shape an area is drawn with, and the ring that
keeps claims at one place apart. Distances are geo.geodesy's."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from shapely.geometry import shape

# Pixel spacing of markers that share a place: markers have a 6 px radius, so 14 px keeps them apart.
RING_RADIUS_PX = 12.0
SPIRAL_STEP_PX = 8.0
RING_MAX = 8  # more claims than this at one place go on a sunflower spiral instead of one ring


def anchor(geometry: Mapping[str, Any]) -> tuple[float, float]:
    """(lat, lon) of a Point, or a point inside a Polygon/MultiPolygon."""
    if geometry["type"] == "Point":
        lon, lat = geometry["coordinates"][:2]
        return float(lat), float(lon)
    return _inside_point(json.dumps(geometry, sort_keys=True))


@lru_cache(maxsize=512)
def _inside_point(geometry_json: str) -> tuple[float, float]:
    point = shape(json.loads(geometry_json)).representative_point()
    return point.y, point.x


def seat_or_anchor(geometry: Mapping[str, Any]) -> tuple[float, float]:
    """(lat, lon) of a Point; for an area, the governorate seat inside it (data/basemap_places.geojson),
    else a point inside it."""
    if geometry["type"] == "Point":
        return anchor(geometry)
    return _seat(json.dumps(geometry, sort_keys=True))


@lru_cache(maxsize=512)
def _seat(geometry_json: str) -> tuple[float, float]:
    from shapely.geometry import Point

    from dashboard.basemap import load_places

    area = shape(json.loads(geometry_json))
    for town in load_places():
        if town["seat"] and area.contains(Point(town["lon"], town["lat"])):
            return town["lat"], town["lon"]
    return _inside_point(geometry_json)


# Areas are drawn simplified and rounded to this many degrees (about 200 m: under two pixels at zoom 10,
# where the map is read town by town). The governorates file keeps a vertex every few hundred metres,
# two thirds of its bytes, which every page load would otherwise send and parse. Claims' own polygons
# and the basemap's borders go through the same rule, so a hatched governorate meets its border.
DRAWING_TOLERANCE = 0.002
DRAWING_DIGITS = 3


def for_drawing(geometry: Mapping[str, Any]) -> dict[str, Any]:
    """A Polygon/MultiPolygon simplified for the map (exports keep the exact one); a Point as it is."""
    if geometry["type"] == "Point":
        return dict(geometry)
    return _for_drawing(json.dumps(geometry, sort_keys=True))


@lru_cache(maxsize=512)
def _for_drawing(geometry_json: str) -> dict[str, Any]:
    from shapely.geometry import mapping

    simple = mapping(shape(json.loads(geometry_json)).simplify(DRAWING_TOLERANCE, preserve_topology=True))
    return {"type": simple["type"], "coordinates": _rounded(simple["coordinates"])}


def _rounded(coords: Any) -> Any:
    if coords and isinstance(coords[0], int | float):
        return [round(float(c), DRAWING_DIGITS) for c in coords]
    return [_rounded(c) for c in coords]


def ring_offsets(n: int) -> list[tuple[float, float]]:
    """Pixel offsets (dx, dy) for n markers at one place: none for one, a ring for a few, else a spiral."""
    if n <= 1:
        return [(0.0, 0.0)] * n
    if n <= RING_MAX:
        radius = RING_RADIUS_PX if n <= 4 else RING_RADIUS_PX * 1.4
        return [
            (
                round(radius * math.cos(2 * math.pi * i / n - math.pi / 2), 2),
                round(radius * math.sin(2 * math.pi * i / n - math.pi / 2), 2),
            )
            for i in range(n)
        ]
    golden = math.pi * (3 - math.sqrt(5))
    return [
        (
            round(SPIRAL_STEP_PX * math.sqrt(i + 1) * math.cos(i * golden), 2),
            round(SPIRAL_STEP_PX * math.sqrt(i + 1) * math.sin(i * golden), 2),
        )
        for i in range(n)
    ]


def spread(points: Sequence[tuple[float, float]], digits: int = 4) -> list[tuple[float, float]]:
    """An offset for each (lat, lon): points that coincide (to `digits` decimals) share a ring."""
    groups: dict[tuple[float, float], list[int]] = {}
    for i, (lat, lon) in enumerate(points):
        groups.setdefault((round(lat, digits), round(lon, digits)), []).append(i)
    out: list[tuple[float, float]] = [(0.0, 0.0)] * len(points)
    for members in groups.values():
        for i, offset in zip(members, ring_offsets(len(members)), strict=True):
            out[i] = offset
    return out
