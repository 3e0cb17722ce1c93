"""Where sides disagree: a place card per locality gathers every side's claims near it and near in time.

"Contested" by identical place ids misses most disputes: the opposition's Talbiseh, Russia's "northern
Homs" and a monitor's Rastan are three places within 10 km. A card is built around one locality (a
town, a region or a governorate) and takes in every claim within `radius_km` of it and, when a day
window is given, within that many days of the locality's own first claim. Undated claims always count:
most articles give no day, and hiding them would hide the dispute. The contested table is the cards
that hold two sides or more. Pure functions on the GeoJSON features; no Streamlit here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import pandas as pd

from dashboard.claims import CLAIM_TYPE_LABELS, claim_day, place_label
from dashboard.geometry import seat_or_anchor
from geo.geodesy import haversine_km
from geo.registry import Side

DEFAULT_RADIUS_KM = 10.0


@dataclass(frozen=True, slots=True)
class Locality:
    """A place some claim is about, named so that a city and its governorate read differently."""

    key: str  # place id (or name) plus the precision: "Homs" the city and the governorate differ
    label: str
    lat: float
    lon: float
    precision: str
    geometry_json: str  # the governorate's polygon, for what lies inside it; "" for a point


@dataclass(frozen=True, slots=True)
class Entry:
    """One claim on a card: its properties, how far from the card's locality it lies (0 for the place),
    and where it is drawn (lat, lon), for a map fitted to the card."""

    props: Mapping[str, Any]
    km: float
    lat: float = 0.0
    lon: float = 0.0


@dataclass(frozen=True, slots=True)
class PlaceCard:
    locality: Locality
    entries: tuple[Entry, ...]

    @property
    def sides(self) -> list[str]:
        return list(dict.fromkeys(str(e.props.get("side")) for e in self.entries))


def _place_key(props: Mapping[str, Any]) -> str:
    return f"{props.get('place_id') or props.get('place')}|{props.get('precision')}"


def localities(features: Sequence[Mapping[str, Any]]) -> list[Locality]:
    """One locality per place that a target claim below country level is about, in order of appearance.

    A town named like a governorate in the same set is "Homs (city)"; the governorate "Homs governorate".
    """
    found: dict[str, Locality] = {}
    for f in features:
        p = f["properties"]
        if p.get("role") == "context" or p.get("precision") == "country":
            continue
        key = _place_key(p)
        if key in found:
            continue
        lat, lon = seat_or_anchor(f["geometry"])
        area = f["geometry"]["type"] != "Point"
        found[key] = Locality(
            key,
            place_label(p),
            lat,
            lon,
            str(p.get("precision")),
            json.dumps(f["geometry"], sort_keys=True) if area else "",
        )
    area_names = {
        str(f["properties"].get("place") or "").casefold()
        for f in features
        if f["properties"].get("precision") == "admin1"
    }
    return [
        Locality(loc.key, f"{loc.label} (city)", loc.lat, loc.lon, loc.precision, loc.geometry_json)
        if loc.precision == "point" and loc.label.casefold() in area_names
        else loc
        for loc in found.values()
    ]


@lru_cache(maxsize=64)
def _area(geometry_json: str) -> Any:
    from shapely.geometry import shape
    from shapely.prepared import prep

    return prep(shape(json.loads(geometry_json)))


def _days_apart(a: str, b: str) -> int:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def place_card(
    features: Sequence[Mapping[str, Any]],
    locality: Locality,
    radius_km: float = DEFAULT_RADIUS_KM,
    window_days: int | None = None,
) -> PlaceCard:
    """Every target claim near `locality`: the same place, a point or region within `radius_km`, and
    for a governorate also what lies inside it (villages placed only at the governorate included); then
    those within `window_days` of its first day."""
    from shapely.geometry import Point

    entries: list[Entry] = []
    for f in features:
        p = f["properties"]
        if p.get("role") == "context" or p.get("precision") == "country":
            continue
        lat, lon = seat_or_anchor(f["geometry"])
        km = haversine_km(locality.lat, locality.lon, lat, lon)
        if _place_key(p) == locality.key:
            entries.append(Entry(p, 0.0, lat, lon))
        elif (
            locality.geometry_json
            and f["geometry"]["type"] != "Point"
            and (lat, lon) == (locality.lat, locality.lon)
        ):
            # the same governorate under another id: a village placed only within it (geo.unlocated)
            entries.append(Entry(p, 0.0, lat, lon))
        elif f["geometry"]["type"] == "Point" and (
            km <= radius_km
            or (locality.geometry_json and _area(locality.geometry_json).contains(Point(lon, lat)))
        ):
            entries.append(Entry(p, round(km, 1), lat, lon))
    own_days = sorted(d for e in entries if e.km == 0.0 and (d := claim_day(e.props)))
    if window_days is not None and own_days:
        first = own_days[0]
        entries = [
            e for e in entries if not (d := claim_day(e.props)) or _days_apart(d, first) <= window_days
        ]
    return PlaceCard(locality, tuple(entries))


def place_cards(
    features: Sequence[Mapping[str, Any]],
    radius_km: float = DEFAULT_RADIUS_KM,
    window_days: int | None = None,
) -> list[PlaceCard]:
    """A card per locality, those with the most sides first (then by name)."""
    cards = [place_card(features, loc, radius_km, window_days) for loc in localities(features)]
    return sorted(cards, key=lambda c: (-len(c.sides), c.locality.label.casefold()))


def card_points(card: PlaceCard, side_ids: Sequence[str] = ()) -> list[tuple[float, float]]:
    """(lat, lon) of the card's place (a governorate's corners) and of its claims by `side_ids` (all
    sides when empty): what a map of the card must show."""
    points = [(card.locality.lat, card.locality.lon)]
    if card.locality.geometry_json:
        from shapely.geometry import shape

        west, south, east, north = shape(json.loads(card.locality.geometry_json)).bounds
        points += [(south, west), (north, east)]
    points += [(e.lat, e.lon) for e in card.entries if not side_ids or e.props.get("side") in side_ids]
    return points


def pair_sides(
    features: Sequence[Mapping[str, Any]], ordered: Sequence[str], campaign_side: str
) -> tuple[str, str]:
    """The two sides a pair of maps opens on: the campaign's own side (the registry's `campaign.side`)
    on the left, and the side with most claims against it on the right; `ordered` (two or more side
    ids, registry order) breaks ties and stands in when the campaign's side has no claims here."""
    left = campaign_side if campaign_side in ordered else ordered[0]
    counts = {s: 0 for s in ordered}
    for f in features:
        side = str(f["properties"].get("side"))
        if side in counts:
            counts[side] += 1
    right = max((s for s in ordered if s != left), key=lambda s: (counts[s], -ordered.index(s)))
    return left, right


def entry_text(entry: Entry, locality: Locality) -> str:
    """What a side says, in a few words: "civilians killed (36)", plus where when not the place itself."""
    p = entry.props
    text = CLAIM_TYPE_LABELS.get(str(p.get("claim_type")), str(p.get("claim_type") or ""))
    if p.get("casualties") is not None:
        text += f" ({p['casualties']})"
    if entry.km > 0 or _place_key(p) != locality.key:
        text += f" at {place_label(p)}" + (f", {entry.km:g} km" if entry.km > 0 else "")
    return text


def contested_table(
    cards: Sequence[PlaceCard], sides: Mapping[str, Side], min_sides: int = 2
) -> pd.DataFrame:
    """Rows: localities whose card holds `min_sides` sides or more; columns: sides in registry order;
    cells: what that side claims there. Cards holding the very same claims as an earlier one are left
    out (Talbiseh's and Rastan's cards are one dispute when both hold the same claims)."""
    kept = [c for c in cards if len(c.sides) >= min_sides]
    seen: set[frozenset[str]] = set()
    rows = []
    present = {s for c in kept for s in c.sides}
    order = [s for s in sides if s in present] + sorted(present - set(sides))
    label = {s: sides[s].label if s in sides else s for s in order}
    for card in kept:
        ids = frozenset(f"{e.props.get('claim_id')}|{_place_key(e.props)}" for e in card.entries)
        if ids in seen:
            continue
        seen.add(ids)
        row: dict[str, Any] = {"Place": card.locality.label, "Sides": len(card.sides)}
        for sid in order:
            texts = [entry_text(e, card.locality) for e in card.entries if e.props.get("side") == sid]
            row[label[sid]] = "; ".join(dict.fromkeys(texts))
        rows.append(row)
    return pd.DataFrame(rows, columns=["Place", "Sides", *(label[s] for s in order)])
