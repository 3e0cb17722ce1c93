"""The claims FeatureCollection as the dashboard sees it: checks, filters, tables and exports.

Plain dicts here on purpose: the GeoJSON is the boundary between the pipeline and the dashboard, and a
user may open any file that follows it. `read_collection` is the one place that checks its shape.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, get_args

import pandas as pd

from geo.types import ClaimType, LocationBasis, Precision, Role

# The values come from the pipeline's types (geo/types.py), so a claim type or precision added there
# is offered here; the labels are the dashboard's words for them.
CLAIM_TYPES: tuple[str, ...] = get_args(ClaimType)
CLAIM_TYPE_LABELS = {
    "is_hit": "IS hit",
    "no_is_present": "no IS present",
    "civilians_killed": "civilians killed",
    "rebels_hit": "rebels hit",
    "strike_reported": "strike reported",
    "denial": "denial",
    "other": "other",
}
# ACLED's geo_precision: 1 the town itself, 2 an area near it, 3 a governorate or larger.
GEO_PRECISION = {"point": 1, "region": 2, "admin1": 3, "country": 3}
PRECISIONS: tuple[str, ...] = tuple(sorted(get_args(Precision), key=lambda p: GEO_PRECISION.get(p, 3)))
PRECISION_LABELS = {
    "point": "town",
    "region": 'area ("northern X")',
    "admin1": "governorate",
    "country": "country only",
}
BASES: tuple[str, ...] = get_args(LocationBasis)
BASIS_LABELS = {
    "explicit": "named in the claim",
    "sentence": "named in the sentence",
    "container": "governorate of a named town",
    "article": "inferred from the article",
    "unlocated": "named; placed only within its area or governorate",
}
ROLES: tuple[str, ...] = get_args(Role)

# The columns of the claims table and of the CSV export, in order.
COLUMNS = (
    "claim_id",
    "side",
    "side_label",
    "speaker",
    "claim_type",
    "casualties",
    "place",
    "place_as_written",
    "place_id",
    "precision",
    "location_basis",
    "role",
    "confidence",
    "event_date",
    "evidence",
    "article",
    "title",
    "outlet",
    "published",
    "evidence_start",
    "evidence_end",
    "mention_start",
    "mention_end",
    "admin1_name",  # last: added after the others, so the CSV's earlier columns keep their places
)
# What the tables call each column.
COLUMN_LABELS = {
    "claim_id": "Claim id",
    "side": "Side id",
    "side_label": "Side",
    "speaker": "Speaker",
    "claim_type": "Claim",
    "casualties": "Casualties",
    "place": "Place",
    "place_as_written": "Place as written",
    "place_id": "Place id",
    "precision": "Precision",
    "location_basis": "Where the place comes from",
    "role": "Role",
    "confidence": "Confidence",
    "event_date": "Event date",
    "evidence": "Evidence",
    "article": "Article file",
    "title": "Article",
    "outlet": "Outlet",
    "published": "Published",
    "evidence_start": "Evidence start",
    "evidence_end": "Evidence end",
    "mention_start": "Mention start",
    "mention_end": "Mention end",
    "admin1_name": "Governorate",
}
REQUIRED = ("claim_id", "side", "claim_type", "evidence", "place", "precision", "role", "article")


class CollectionError(ValueError):
    """A file that is not a claims FeatureCollection; the message names the problem."""


def read_collection(data: bytes | str | Mapping[str, Any], name: str = "GeoJSON") -> dict[str, Any]:
    """Check a claims FeatureCollection and return it with features lacking geometry dropped."""
    if isinstance(data, bytes | str):
        try:
            data = json.loads(data)
        except ValueError as exc:
            raise CollectionError(f"{name}: not valid JSON ({exc})") from exc
    if not isinstance(data, Mapping) or data.get("type") != "FeatureCollection":
        raise CollectionError(f"{name}: not a GeoJSON FeatureCollection")
    features = data.get("features")
    if not isinstance(features, list):
        raise CollectionError(f"{name}: 'features' is not a list")
    kept = []
    for i, feature in enumerate(features):
        props = feature.get("properties") if isinstance(feature, Mapping) else None
        if not isinstance(props, Mapping):
            raise CollectionError(f"{name}: feature {i} has no properties")
        missing = [k for k in REQUIRED if k not in props]
        if missing:
            raise CollectionError(f"{name}: feature {i} lacks {', '.join(missing)}")
        geometry = feature.get("geometry")
        if isinstance(geometry, Mapping) and geometry.get("type") in ("Point", "Polygon", "MultiPolygon"):
            kept.append(feature)
    return {"type": "FeatureCollection", "features": kept}


@dataclass(frozen=True, slots=True)
class Filters:
    """What the sidebar selects. None means no restriction on that field."""

    sides: frozenset[str] | None = None
    claim_types: frozenset[str] | None = None
    articles: frozenset[str] | None = None
    bases: frozenset[str] | None = None
    precisions: frozenset[str] | None = None
    roles: frozenset[str] | None = frozenset({"target"})  # context mentions are off until asked for
    # (first, last) ISO days, both included; claims with no date pass only when `undated` is set.
    days: tuple[str, str] | None = None
    undated: bool = True
    min_confidence: float = 0.0

    def keeps(self, props: Mapping[str, Any]) -> bool:
        if self.min_confidence > 0 and float(props.get("confidence") or 0.0) < self.min_confidence:
            return False
        if self.days is not None:
            day = claim_day(props)
            if not day:
                if not self.undated:
                    return False
            elif not self.days[0] <= day <= self.days[1]:
                return False
        checks = (
            (self.sides, "side"),
            (self.claim_types, "claim_type"),
            (self.articles, "article"),
            (self.bases, "location_basis"),
            (self.precisions, "precision"),
            (self.roles, "role"),
        )
        return all(allowed is None or props.get(key) in allowed for allowed, key in checks)


def claim_day(props: Mapping[str, Any]) -> str:
    """The day a claim is about: its event date ("on Wednesday"), else the article's date, else ""."""
    for key in ("event_date", "published"):
        value = str(props.get(key) or "")[:10]
        if len(value) == 10 and value[4] == "-" and value[7] == "-" and value.replace("-", "").isdigit():
            return value
    return ""


def days_of(features: Iterable[Mapping[str, Any]]) -> list[str]:
    """The distinct claim days, in order."""
    return sorted({d for f in features if (d := claim_day(f["properties"]))})


def geo_precision(props: Mapping[str, Any]) -> int:
    """ACLED's geo_precision for a claim: 1 town, 2 area, 3 governorate or country (3 when unknown)."""
    return GEO_PRECISION.get(str(props.get("precision")), 3)


def place_label(props: Mapping[str, Any]) -> str:
    """The place's name as a reader needs it: a governorate says it is one ("Homs governorate"), and
    a village placed only by its governorate says so."""
    name = str(props.get("place") or "")
    if props.get("location_basis") == "unlocated":
        # A village the gazetteer lacks is drawn as the area that holds it, never as a town. The
        # governorate's name (`admin1_name`) is in what `build` writes today; older files lack it.
        governorate = str(props.get("admin1_name") or "").strip()
        admin1 = props.get("precision") == "admin1"
        if governorate:
            where = governorate_label(governorate)
            return f"{name} (not located; within {where if admin1 else 'an area of ' + where})"
        return f"{name} (not located; within its {'governorate' if admin1 else 'area'})"
    if props.get("precision") == "admin1":
        return governorate_label(name)
    return name


def governorate_label(name: str) -> str:
    """ "Homs governorate": a first-level unit says it is one, unless its name already does."""
    if any(word in name.lower() for word in ("governorate", "province", "region", "state", "county")):
        return name
    return f"{name} governorate"


def apply_filters(features: Iterable[Mapping[str, Any]], filters: Filters) -> list[dict[str, Any]]:
    """The features the filters keep, in their original order."""
    return [dict(f) for f in features if filters.keeps(f["properties"])]


def distinct(features: Iterable[Mapping[str, Any]], key: str) -> list[str]:
    """The values of one property, in order of first appearance."""
    return list(dict.fromkeys(str(f["properties"].get(key)) for f in features if f["properties"].get(key)))


def claims_frame(features: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """One row per feature with the table's columns (missing properties are empty)."""
    rows = [{c: f["properties"].get(c) for c in COLUMNS} for f in features]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["claim_type"] = frame["claim_type"].map(lambda t: CLAIM_TYPE_LABELS.get(t, t))
    frame["casualties"] = pd.array(frame["casualties"], dtype="Int64")
    frame["precision"] = frame["precision"].map(lambda p: PRECISION_LABELS.get(p, p))
    frame["location_basis"] = frame["location_basis"].map(lambda b: BASIS_LABELS.get(b, b))
    text = [c for c in COLUMNS if c not in _NUMERIC]
    frame[text] = frame[text].astype("object").where(frame[text].notna(), "")
    return frame


_NUMERIC = frozenset(
    {"casualties", "confidence", "evidence_start", "evidence_end", "mention_start", "mention_end"}
)


def search_frame(frame: pd.DataFrame, query: str) -> pd.DataFrame:
    """Rows where every word of the query appears in some text column (case-insensitive)."""
    words = query.lower().split()
    if not words or frame.empty:
        return frame
    text_cols = [
        "side_label",
        "speaker",
        "claim_type",
        "place",
        "place_as_written",
        "evidence",
        "title",
        "article",
    ]
    haystack = frame[text_cols].astype("string").fillna("").agg(" ".join, axis=1).str.lower()
    mask = pd.Series(True, index=frame.index)
    for word in words:
        mask &= haystack.str.contains(word, regex=False)
    return frame[mask]


def to_geojson(features: Sequence[Mapping[str, Any]]) -> bytes:
    """A FeatureCollection of exactly these features, as the pipeline wrote them."""
    collection = {"type": "FeatureCollection", "features": list(features)}
    return (json.dumps(collection, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def to_csv(features: Sequence[Mapping[str, Any]]) -> bytes:
    """One row per feature: the table's columns, the geometry type, a point (lat, lon) and ACLED's
    geo_precision. A governorate's point is its seat, as ACLED codes it, never a spot in its desert."""
    from dashboard.geometry import seat_or_anchor

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*COLUMNS, "geometry_type", "lat", "lon", "geo_precision"])
    for f in features:
        p = f["properties"]
        lat, lon = seat_or_anchor(f["geometry"])
        row = ["" if p.get(c) is None else _inert(p.get(c)) for c in COLUMNS]
        writer.writerow([*row, f["geometry"]["type"], round(lat, 5), round(lon, 5), geo_precision(p)])
    return out.getvalue().encode("utf-8")


def _inert(value: Any) -> Any:
    """Article text that a spreadsheet would run as a formula ("=HYPERLINK(...)") gets a leading quote
    (OWASP's advice for CSV injection); numbers stay numbers."""
    if isinstance(value, str) and value[:1] in _FORMULA_STARTS:
        return "'" + value
    return value


_FORMULA_STARTS = frozenset("=+-@\t\r")
