"""TopoJSON to GeoJSON geometries, for the scripts that extract outlines from npm map packages.

The format is small (delta-encoded, quantised arcs; ~i means arc i reversed), so it is decoded here
rather than through a dependency; one decoder serves the gazetteer's governorates and the
dashboard's basemap.
"""

from __future__ import annotations

from typing import Any

Arc = list[tuple[float, float]]


def decode_arcs(topology: dict[str, Any], digits: int = 6) -> list[Arc]:
    """Absolute [lon, lat] positions of every arc (undoing quantisation and delta encoding)."""
    transform = topology.get("transform")
    out: list[Arc] = []
    for arc in topology["arcs"]:
        if transform is None:
            out.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((round(x * sx + tx, digits), round(y * sy + ty, digits)))
        out.append(points)
    return out


def _ring(indexes: list[int], arcs: list[Arc]) -> list[list[float]]:
    """Join arcs into one closed ring; consecutive arcs share their end point, kept once."""
    coords: list[list[float]] = []
    for i in indexes:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        coords.extend([lon, lat] for lon, lat in (points[1:] if coords else points))
    return coords


def geometry(geom: dict[str, Any], arcs: list[Arc]) -> dict[str, Any] | None:
    """The GeoJSON geometry of a TopoJSON Polygon or MultiPolygon; None for other types."""
    if geom.get("type") == "Polygon":
        return {"type": "Polygon", "coordinates": [_ring(r, arcs) for r in geom["arcs"]]}
    if geom.get("type") == "MultiPolygon":
        return {"type": "MultiPolygon", "coordinates": [[_ring(r, arcs) for r in p] for p in geom["arcs"]]}
    return None
