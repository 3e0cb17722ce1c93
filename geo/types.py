"""The records that flow between stages: Article -> Mention -> Toponym (Place) -> Claim -> Feature.

All are frozen and slotted so that a stage cannot alter what an earlier one produced, and so that
same input gives equal output (what golden tests and caching rely on).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

PlaceKind = Literal["populated_place", "admin1", "admin2", "country", "region", "feature"]
Precision = Literal["point", "admin1", "country", "region"]
Role = Literal["target", "context"]
# "unlocated": a name no gazetteer holds, at the point of the area or governorate the text puts it in
LocationBasis = Literal["explicit", "container", "sentence", "article", "unlocated"]
ClaimType = Literal[
    "is_hit", "no_is_present", "civilians_killed", "rebels_hit", "strike_reported", "denial", "other"
]


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. `id` is stable across index rebuilds ("gn:163779", "sup:latamneh", ...)."""

    id: str
    name: str
    lat: float
    lon: float
    country_code: str
    admin1: str = ""
    kind: PlaceKind = "populated_place"
    population: int = 0
    geonameid: int | None = None
    admin1_name: str = ""
    # A GeoJSON geometry (Polygon/MultiPolygon) where one exists; kept out of equality and hashing.
    polygon: Mapping[str, Any] | None = field(default=None, compare=False, hash=False, repr=False)
    capital: bool = False  # a country's capital: "Washington" in world news is the capital, not the town


@dataclass(frozen=True, slots=True)
class Article:
    """One input document. Character offsets everywhere refer to `text` (the body, title excluded)."""

    id: str  # the file name, or file name + "#n" for records inside a .json/.jsonl file
    title: str
    text: str
    outlet: str = ""
    url: str = ""
    published: str = ""  # ISO date (YYYY-MM-DD) when known
    author: str = ""
    # the short lines a scraped page sets above its headline ("Syrian Network for Human Rights |
    # News"), which say whose page it is; kept out of `text` (no sentence of the article), and not
    # stored with it (geo.store): only the claims it shapes are
    banner: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names a place, before resolution."""

    text: str
    start: int
    end: int
    label: str = "GPE"  # spaCy label, or "GAZ" when only the gazetteer matcher found it


@dataclass(frozen=True, slots=True)
class Toponym:
    """A mention resolved to a place (or not: `place` is None when nothing fits)."""

    mention: Mention
    place: Place | None
    precision: Precision
    lat: float | None  # for a region ("northern Homs") a point inside the area, not the place's own
    lon: float | None
    confidence: float
    qualifier: str = ""  # "northern", "central province", "city" ...: the cue that shaped resolution


@dataclass(frozen=True, slots=True)
class Source:
    """Who makes a claim, and for which side."""

    speaker: str  # as named in the text; "" for the reporter's own narration
    side: str  # a side id from the actor registry


@dataclass(frozen=True, slots=True)
class ClaimPlace:
    """A place a claim is about, and how it is tied to the claim."""

    toponym: Toponym
    role: Role
    basis: LocationBasis


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement by a source that strikes hit (or did not hit) somewhere, with its evidence."""

    claim_id: str
    article_id: str
    source: Source
    claim_type: ClaimType
    evidence: str
    evidence_start: int
    evidence_end: int
    places: tuple[ClaimPlace, ...]
    casualties: int | None = None
    event_date: str = ""
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer answer to a name, with how the name matched (exact key, variant key, fuzzy)."""

    place: Place
    match: Literal["exact", "variant", "fuzzy"]
    score: float  # 0..1, how well the name matched; not the place's importance
