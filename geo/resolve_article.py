"""One article's mentions to toponyms: the order of the resolver's steps (read each mention's cues,
group the mentions of one name, rank, share senses), and the point each reading gets."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from geo import lexicon
from geo.resolve_cues import Reading, country_cues, is_sports_story, read_mention
from geo.resolve_lookup import Lookup
from geo.resolve_parts import place_parts
from geo.resolve_rank import Group, choose, group, is_seat_city, mark_containers, share_senses
from geo.resolve_strays import settle_strays
from geo.resolve_weights import weights
from geo.types import Candidate, Mention, Place, Precision, Toponym


def home_country(toponyms: Sequence[Toponym]) -> str:
    """The country most of an article's places below country level lie in ("" when none)."""
    counts = Counter(
        t.place.country_code for t in toponyms if t.place is not None and t.precision != "country"
    )
    return counts.most_common(1)[0][0] if counts else ""


PRECISION_OF: dict[str, Precision] = {
    "populated_place": "point",
    "feature": "point",
    "admin1": "admin1",
    "admin2": "point",  # a county is small enough that its point is as good as a town's
    "country": "country",
    "region": "region",
}


@cache
def facility_words() -> frozenset[str]:
    """Words that head a street, building or body's name ("Royal Street", "City Hall", "Iowa House")."""
    return lexicon.words("site_words") | lexicon.words("body_words")


def resolve_article(
    text: str, mentions: Sequence[Mention], lookup: Lookup, *, strays: bool = False
) -> list[tuple[Toponym, Group]]:
    """Each mention's toponym and the group (name and ranked candidates) it was read in.

    With `strays` (the claims pipeline's own mentions), a small foreign namesake the story does not
    back is left unresolved and "Aleppo City" is read as "Aleppo"; given spans are places and have
    their own fallbacks (a body's name read by the place inside it, a venue at the story's town).
    """
    if not mentions:
        return []
    sports = is_sports_story(text)
    readings = [read_mention(text, m, lookup, sports, own_mentions=strays) for m in mentions]
    groups = group(readings, lookup)  # (which keeps only the containers that contain)
    if mark_containers(mentions, readings):
        groups = group(readings, lookup)
    choose(groups, country_cues(text))
    share_senses(groups)
    if strays:
        settle_strays(groups)
    groups_of: list[Group] = []
    for reading in readings:
        assert reading.group is not None
        groups_of.append(reading.group)
    toponyms = [_toponym(m, r, g) for m, r, g in zip(mentions, readings, groups_of, strict=True)]
    return list(zip(place_parts(text, mentions, toponyms), groups_of, strict=True))


def _toponym(mention: Mention, r: Reading, g: Group) -> Toponym:
    if g.best < 0 or _facility_misread(mention.text, g.cands[g.best]):
        return Toponym(mention, None, "point", None, None, 0.0, r.qualifier)
    place = g.cands[g.best].place
    conf = round(min(1.0, max(0.0, g.confidence)), 4)
    if r.direction is not None:
        seat = _seat_of(place, g) if place.kind == "admin1" else None
        # "northern Homs", "north of Hama": the countryside around the capital the province is
        # named after, where such reports point, not the middle of the province's northern half
        lat, lon = _region_point(seat or place, r.direction)
        # "northern Syria" names no place finer than the country (ANNOTATION.md): a country's part
        # keeps the country's precision, its point moved to the part
        precision: Precision = "country" if place.kind == "country" else "region"
        return Toponym(mention, place, precision, lat, lon, conf, r.qualifier)
    return Toponym(
        mention, place, PRECISION_OF.get(place.kind, "point"), place.lat, place.lon, conf, r.qualifier
    )


def _facility_misread(name: str, c: Candidate) -> bool:
    """ "Royal Street", "City Hall", "Arizona State University": a street, building or body that
    only a looser spelling match ties to a town of another name is not that town."""
    words = name.lower().replace("’", "'").split()
    return (
        len(words) > 1
        and words[-1] in facility_words()
        and c.match != "exact"
        and words[-1] not in c.place.name.lower()
    )


def _seat_of(admin: Place, g: Group) -> Place | None:
    """The namesake city of a province among the group's candidates (Homs for Homs Governorate)."""
    return next(
        (
            c.place
            for c in g.cands
            if is_seat_city(c, g)
            and (c.place.country_code, c.place.admin1) == (admin.country_code, admin.admin1)
        ),
        None,
    )


def _region_point(place: Place, direction: tuple[int, int]) -> tuple[float, float]:
    """A point inside `place` toward `direction`: the centroid of the polygon's part on that side."""
    if place.polygon is not None:
        got = _polygon_part_point(place.polygon, direction)
        if got is not None:
            return got
    if direction == (0, 0):
        return place.lat, place.lon
    w = weights()
    km = {"country": w.country_offset_km, "admin1": w.admin_offset_km}.get(place.kind) or _town_radius_km(
        place
    )
    bearing = math.degrees(math.atan2(direction[1], direction[0])) % 360.0
    from geopy.distance import distance

    dest = distance(kilometers=km).destination((place.lat, place.lon), bearing=bearing)
    return round(dest.latitude, 6), round(dest.longitude, 6)


def _town_radius_km(place: Place) -> float:
    """How far a town's "northern" part, or its "northern outskirts", lie from its centre: its radius
    at a typical urban density. A fixed 20 km put the northern outskirts of a town of 40,000 in the
    next district, where no reader (and no scorer) would look for them."""
    w = weights()
    radius = math.sqrt((place.population or 0) / (math.pi * w.urban_density))
    return min(w.city_offset_km, max(w.city_min_offset_km, radius))


def _polygon_part_point(
    geometry: Mapping[str, Any], direction: tuple[int, int]
) -> tuple[float, float] | None:
    try:
        from shapely.geometry import box, shape
    except ImportError:  # pragma: no cover - shapely comes with geopandas
        return None
    try:
        poly = shape(geometry)
    except (ValueError, TypeError, AttributeError, KeyError):
        return None
    if poly.is_empty:
        return None
    if not poly.is_valid:
        poly = poly.buffer(0)
    c = poly.centroid
    part = poly
    if direction != (0, 0):
        minx, miny, maxx, maxy = poly.bounds
        dlat, dlon = direction
        x0, x1 = (c.x, maxx) if dlon > 0 else (minx, c.x) if dlon < 0 else (minx, maxx)
        y0, y1 = (c.y, maxy) if dlat > 0 else (miny, c.y) if dlat < 0 else (miny, maxy)
        part = poly.intersection(box(x0, y0, x1, y1))
        if part.is_empty:
            part = poly
    pt = part.centroid
    if not poly.contains(pt):
        pt = part.representative_point()
    return round(pt.y, 6), round(pt.x, 6)
