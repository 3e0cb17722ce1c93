"""Distances on the sphere, in one place, so the gazetteer, the resolver and the claims agree to the metre."""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088
"""The IUGG mean radius, which geopy's great-circle distance also uses."""


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance; clamped so rounding never pushes asin past its domain."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
